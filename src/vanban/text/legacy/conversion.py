"""Converting legacy mojibake to Unicode, and Unicode to mojibake (for tests and examples)."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from vanban.text.legacy.codes import (
    C1_TO_CP1252,
    TCVN3_TABLE,
    TCVN3_TONED,
    TCVN3_TRANS,
    VNI_ONE,
    VNI_RE,
    VNI_TABLE,
    WORD,
    check_encoding,
)
from vanban.text.legacy.syllables import is_syllable


def _vni_sub(m: re.Match[str]) -> str:
    s = m.group()
    if s in VNI_TABLE:
        return VNI_TABLE[s]
    # A base with a mark it cannot take (``uâ``): keep both; ô/ö may still be ơ/ư on their own.
    return VNI_ONE.get(s[0], s[0]) + s[1:]


# Case evidence in a TCVN3 word: ASCII letters and the toneless letters, which VN3 has in both
# cases. The toned codes are lower case only, so they say nothing.
_TCVN3_UPPER = re.compile("[A-Z%s]" % "".join(chr(c) for c in range(0xA1, 0xA8)))
_TCVN3_LOWER = re.compile("[a-z%s]" % "".join(chr(c) for c in range(0xA8, 0xAF)))
_TCVN3_TONED_CODES = "".join(
    chr(c) for codes in TCVN3_TONED.values() for c in codes
)


# What may stand before the first word of a sentence: a line's start or the end of the last
# sentence, then a list marker ("-", "1.", "2.1.", "a)", "IV.") and an opening quote.
_LEAD = r"\s*(?:[-+•*–]|\(?(?:\d+(?:\.\d+)*|[a-zđ]|[IVXLCDM]+)[.)])?\s*[\"“‘(]?\Z"
_LINE_START = re.compile(r"(?:^|[.!?…]\s)" + _LEAD)
_AFTER_SENTENCE = re.compile(r"[.!?…]\s" + _LEAD)


_LEAD_MAX = 24  # longest lead worth a look: ". " + "(12.3.4.5)" + spaces and a quote


def _starts_sentence(before: str, segment: str, start: int) -> bool:
    """Whether the word at ``segment[start]`` begins a sentence (``before``: the line before)."""
    if start >= _LEAD_MAX:
        return bool(_AFTER_SENTENCE.search(segment, start - _LEAD_MAX, start))
    prefix = before[max(0, len(before) - _LEAD_MAX + start):] + segment[:start]
    if len(before) + start <= _LEAD_MAX:  # the whole line so far
        return bool(_LINE_START.search(prefix))
    return bool(_AFTER_SENTENCE.search(prefix))


def _tcvn3_recase(segment: str, before: str = "") -> str:
    """Convert one line of TCVN3 text, restoring the capitals that the .VnTimeH fonts hid.

    ``before`` is the text of the line before ``segment`` (when converting a span).

    Only words with a toned code can have lost case. Such a word with no lower-case evidence
    is put in capitals when it has two capitals of its own (``HO¹CH`` → HOẠCH), or when the
    nearest such word on either side does (``Bé C¤NG AN`` → BỘ CÔNG AN). One capital alone
    is an initial: ``Sè: 153/Q§-UBND`` stays "Số: …", whatever the acronyms around it.
    Last, a word that begins a sentence with a toned code takes a capital initial
    (``a) ¸p dông`` → "a) Áp dụng"): typists set that one letter in a .VnTimeH font.
    """
    words = list(WORD.finditer(segment))
    # Per word: 2 = put in capitals; 1 = capitals of its own; 0 = case unknown (no lower-case
    # evidence, one capital at most); -1 = lower case, or no say: acronyms (KH-UBND, Q§ = QĐ).
    state = []
    for m in words:
        w = m.group()
        if w.isascii() or _TCVN3_LOWER.search(w):
            state.append(-1)
        elif len(_TCVN3_UPPER.findall(w)) >= 2:
            state.append(1 if is_syllable(w.translate(TCVN3_TRANS)) else -1)
        else:
            state.append(0)
    coded = [i for i, m in enumerate(words) if not m.group().isascii()]
    for k, i in enumerate(coded):
        if state[i] == 0 and any(
                0 <= k + d < len(coded) and state[coded[k + d]] == 1 for d in (-1, 1)):
            state[i] = 2
    out, pos = [], 0
    for m, st in zip(words, state):
        # Translate each piece once: the output ("có") may hold TCVN3 codes itself (ó = ú).
        out.append(segment[pos:m.start()].translate(TCVN3_TRANS))
        converted = m.group().translate(TCVN3_TRANS)
        if st > 0:
            converted = converted.upper()
        elif m.group()[0] in _TCVN3_TONED_CODES and _starts_sentence(before, segment, m.start()):
            converted = converted[0].upper() + converted[1:]
        out.append(converted)
        pos = m.end()
    out.append(segment[pos:].translate(TCVN3_TRANS))
    return "".join(out)


def convert(text: str, encoding: str) -> str:
    """Convert the whole ``text`` from legacy mojibake (``tcvn3`` or ``vni``) to Unicode NFC.

    Characters that are not legacy codes are kept, so convert only text known to be legacy:
    for text that mixes both, use :func:`detect` and :func:`convert_spans`.
    """
    check_encoding(encoding)
    return "\n".join(convert_line(line, encoding) for line in text.split("\n"))


def convert_line(line: str, encoding: str, before: str = "") -> str:
    """Convert one line (or part of one, ``before`` being the rest of the line before it)."""
    line = unicodedata.normalize("NFC", line)  # mojibake is Latin-1, so precomposed
    if encoding == "vni":
        return VNI_RE.sub(_vni_sub, line).translate(C1_TO_CP1252)
    return _tcvn3_recase(line, unicodedata.normalize("NFC", before))


def encode(text: str, encoding: str, reading: Literal["cp1252", "latin-1"] = "cp1252") -> str:
    """The mojibake that ``text`` becomes when typed in ``encoding`` and read as ``reading``.

    The inverse of :func:`convert`, for tests and examples. TCVN3 (VN3) has no toned capitals,
    so those are written with the lower-case code, as the .VnTimeH fonts expect: case is lost.
    Characters the legacy encoding cannot write are kept as they are.
    """
    if reading not in ("cp1252", "latin-1"):
        raise ValueError(f"unknown reading {reading!r}; expected 'cp1252' or 'latin-1'")
    reverse = _TCVN3_ENCODE if check_encoding(encoding) == "tcvn3" else _VNI_ENCODE
    out = []
    for ch in unicodedata.normalize("NFC", text):
        seq = reverse.get(ch)
        if seq is None:
            try:
                seq = chr(ch.encode("cp1252")[0])
            except UnicodeEncodeError:
                out.append(ch)
                continue
        out.append(seq)
    mojibake = "".join(out)  # legacy bytes as U+0000–U+00FF: the ISO-8859-1 reading
    return mojibake.translate(C1_TO_CP1252) if reading == "cp1252" else mojibake


def _tcvn3_encode_table() -> dict[str, str]:
    reverse = {u: k for k, u in TCVN3_TABLE.items() if ord(k) >= 0x80}
    for u, k in list(reverse.items()):
        reverse.setdefault(u.upper(), k)  # Ă…Đ have their own codes; toned capitals do not
    return reverse


_TCVN3_ENCODE = _tcvn3_encode_table()
_VNI_ENCODE = {u: k for k, u in VNI_TABLE.items()}

