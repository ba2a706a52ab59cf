"""Vietnamese text: the decree's dates and numbers (:mod:`.vnformat`), folding for matching
and file names (:mod:`.fold`), and text typed in legacy 8-bit encodings (:mod:`.legacy`)."""
