"""Vietnamese text typed in a legacy 8-bit encoding and pasted into a Unicode file.

Before Unicode, Vietnamese offices typed in **TCVN3** (ABC, TCVN 5712:1993 "VN3", the
``.VnTime`` fonts) or **VNI-Windows** (``VNI-Times``). Such bytes read as Windows-1252 (or
ISO-8859-1) give *mojibake*: ``Céng hoµ x· héi`` (TCVN3) or ``Coäng hoøa xaõ hoäi`` (VNI) for
"Cộng hoà xã hội". This module holds both code tables, converts, and finds such text::

    >>> convert("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    >>> text = "Thực hiện Kế hoạch. Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam."
    >>> d = detect(text)
    >>> d.encoding, d.spans, convert_spans(text, d)
    ('vni', ((20, 60),), 'Thực hiện Kế hoạch. Cộng hòa xã hội chủ nghĩa Việt Nam.')

Mojibake is a string of Unicode characters, each standing for one legacy byte: U+0000–U+00FF
under an ISO-8859-1 reading; the same under a Windows-1252 reading but for 0x80–0x9F, which
become “ ” – … and the like. The Vietnamese codes of both encodings lie outside 0x80–0x9F, so
one table serves both readings; :func:`convert` also turns the C1 controls of an ISO-8859-1
reading back into the punctuation the legacy file meant.

Modules: :mod:`.codes` (the tables), :mod:`.syllables`, :mod:`.conversion`, :mod:`.detection` (per
word; see ``docs/legacy-encodings.md`` for the limits).
"""

from __future__ import annotations

from vanban.text.legacy.codes import ENCODINGS, TCVN3_TABLE, VNI_TABLE
from vanban.text.legacy.conversion import convert, encode
from vanban.text.legacy.detection import Detection, convert_spans, detect
from vanban.text.legacy.syllables import is_syllable

__all__ = [
    "ENCODINGS", "TCVN3_TABLE", "VNI_TABLE", "Detection", "convert", "convert_spans",
    "detect", "encode", "is_syllable",
]
