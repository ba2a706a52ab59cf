"""The two legacy code tables, TCVN3 and VNI-Windows, as Python data.

Legacy bytes are handled as the Unicode characters U+0000–U+00FF they become when a
legacy file is read as ISO-8859-1 (or Windows-1252, see :data:`C1_TO_CP1252`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

Encoding = Literal["tcvn3", "vni"]
ENCODINGS: tuple[Encoding, ...] = ("tcvn3", "vni")

# Tone marks in the order used by every table below: none, huyền, hỏi, ngã, sắc, nặng.
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
ACUTE, DOT = 4, 5

# ---------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993, VN3): one byte per letter. Written from the standard's code chart.
# ---------------------------------------------------------------------------------------------

# Toned vowels: byte for huyền, hỏi, ngã, sắc, nặng. VN3 has lower-case toned letters only; the
# .VnTimeH fonts draw these same codes as capitals, so upper case is lost (see _tcvn3_recase).
TCVN3_TONED: dict[str, tuple[int, int, int, int, int]] = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
# The 14 letters without tone that ASCII lacks: the only capitals VN3 has.
_TCVN3_PLAIN: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
}
# The few capitals TCVN 5712 (VN1) puts among the C0 control codes. Decoded, never produced:
# a .VnTime font has no glyph there, but files converted by other tools may carry them, and a
# Unicode text has no business holding U+0001–U+0017 anyway.
TCVN3_LOW: dict[int, str] = {
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ",
    0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
}

# ---------------------------------------------------------------------------------------------
# VNI-Windows: a base letter followed by one byte that carries the marks. Written from the VNI
# code chart. Each mark byte exists in a lower- and an upper-case form (upper = lower - 0x20),
# matching the case of the base letter.
# ---------------------------------------------------------------------------------------------

# After a, e, o, u, y (and ơ, ư): the tone alone; index = tone (0 unused).
_VNI_TONE = (0, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF)  # ø û õ ù ï
# After a, e, o: circumflex with tone 0..5 (â à å ã á ä); after a: breve with tone (ê è ú ü é ë).
_VNI_CIRCUMFLEX = (0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4)
_VNI_BREVE = (0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB)
# Letters VNI codes in one byte (lower case; the capital is 0x20 lower).
_VNI_SINGLE: dict[str, int] = {
    "ơ": 0xF4, "ư": 0xF6, "đ": 0xF1,
    "ì": 0xEC, "ỉ": 0xE6, "ĩ": 0xF3, "í": 0xED, "ị": 0xF2,
    "ỵ": 0xEE,
}

# ---------------------------------------------------------------------------------------------
# Building the tables (legacy character or sequence → Unicode NFC)
# ---------------------------------------------------------------------------------------------

_MODIFIERS = {"\u0302": "circumflex", "\u0306": "breve", "\u031b": "horn"}


def _letters() -> list[str]:
    """The 67 lower-case Vietnamese letters that ASCII lacks (NFC)."""
    out = ["đ"]
    for base in "aăâeêioôơuưy":
        for tone, mark in enumerate(TONES):
            ch = unicodedata.normalize("NFC", base + mark)
            if tone or not base.isascii():
                out.append(ch)
    return out


def _split(letter: str) -> tuple[str, str, int]:
    """``ộ`` → (``o``, ``circumflex``, 5): ASCII base, modifier and tone index."""
    base, modifier, tone = "", "", 0
    for ch in unicodedata.normalize("NFD", letter):
        if ch in _MODIFIERS:
            modifier = _MODIFIERS[ch]
        elif ch in TONES[1:]:
            tone = TONES.index(ch)
        else:
            base = ch
    return base, modifier, tone


def _build_tcvn3() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, codes in TCVN3_TONED.items():
        for tone, code in enumerate(codes, start=1):
            table[chr(code)] = unicodedata.normalize("NFC", base + TONES[tone])
    table.update({chr(code): letter for code, letter in _TCVN3_PLAIN.items()})
    table.update({chr(code): letter for code, letter in TCVN3_LOW.items()})
    return table


def _vni_sequence(letter: str) -> str:
    """The VNI bytes (as Latin-1 characters) for one Vietnamese letter."""
    upper = letter.isupper()
    shift = 0x20 if upper else 0  # VNI capitals (of letters and of marks) sit 0x20 lower

    def byte(code: int) -> str:
        return chr(code - shift)

    low = letter.lower()
    if low in _VNI_SINGLE:
        return byte(_VNI_SINGLE[low])
    base, modifier, tone = _split(low)
    head = base.upper() if upper else base
    if modifier == "circumflex":
        return head + byte(_VNI_CIRCUMFLEX[tone])
    if modifier == "breve":
        return head + byte(_VNI_BREVE[tone])
    if modifier == "horn":  # ơ, ư with a tone: the one-byte letter, then the tone
        return byte(_VNI_SINGLE[unicodedata.normalize("NFC", base + "\u031b")]) + byte(_VNI_TONE[tone])
    return head + byte(_VNI_TONE[tone])


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for low in _letters():
        for letter in (low, low.upper()):
            seq = _vni_sequence(letter)
            assert seq not in table, (seq, letter, table.get(seq))  # one sequence, one letter
            table[seq] = letter
    return table


#: TCVN3 character (the legacy byte as U+00xx) → Unicode letter.
TCVN3_TABLE: Mapping[str, str] = MappingProxyType(_build_tcvn3())
#: VNI sequence (one or two legacy bytes as U+00xx) → Unicode letter.
VNI_TABLE: Mapping[str, str] = MappingProxyType(_build_vni())

# What an ISO-8859-1 reading leaves for 0x80–0x9F (C1 controls) → what the file meant.
C1_TO_CP1252: dict[int, str] = {}
for _b in range(0x80, 0xA0):
    try:
        C1_TO_CP1252[_b] = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: undefined, Windows keeps them
        pass

TCVN3_TRANS = {ord(k): v for k, v in TCVN3_TABLE.items()} | C1_TO_CP1252
# VNI: a mark byte only counts right after its base letter; the one-byte letters anywhere.
VNI_PAIRS = {k: v for k, v in VNI_TABLE.items() if len(k) == 2}
VNI_ONE = {k: v for k, v in VNI_TABLE.items() if len(k) == 1}
_VNI_MARKS = "".join(sorted({k[1] for k in VNI_PAIRS}))
VNI_RE = re.compile(
    "[%s][%s]|[%s]" % (re.escape("".join(sorted({k[0] for k in VNI_PAIRS}))),
                       re.escape(_VNI_MARKS), re.escape("".join(sorted(VNI_ONE))))
)


# Word characters: ASCII letters, every legacy code (TCVN3 uses symbols such as µ · © ®
# inside words), Latin letters, combining marks (NFD text stays in one word).
CODE_CHARS = (
    "\x01\x02\x04-\x06\x11-\x17"            # TCVN3 capitals among C0
    "\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c0-\u00ff"   # legacy codes, Latin-1 letters
    "\u0100-\u024f\u0300-\u036f\u1e00-\u1eff"                # Latin letters, marks, Vietnamese
)
WORD = re.compile(f"[A-Za-z{CODE_CHARS}]+")


def check_encoding(encoding: str) -> Encoding:
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return encoding  # type: ignore[return-value]
