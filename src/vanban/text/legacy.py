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

Detection works per word (see :func:`detect`); see ``docs/legacy-encodings.md`` for the limits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

__all__ = [
    "ENCODINGS", "TCVN3_TABLE", "VNI_TABLE", "Detection", "convert", "convert_spans",
    "detect", "encode", "is_syllable",
]

Encoding = Literal["tcvn3", "vni"]
ENCODINGS: tuple[Encoding, ...] = ("tcvn3", "vni")

# Tone marks in the order used by every table below: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_ACUTE, _DOT = 4, 5

# ---------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993, VN3): one byte per letter. Written from the standard's code chart.
# ---------------------------------------------------------------------------------------------

# Toned vowels: byte for huyền, hỏi, ngã, sắc, nặng. VN3 has lower-case toned letters only; the
# .VnTimeH fonts draw these same codes as capitals, so upper case is lost (see _tcvn3_recase).
_TCVN3_TONED: dict[str, tuple[int, int, int, int, int]] = {
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
_TCVN3_LOW: dict[int, str] = {
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
        for tone, mark in enumerate(_TONES):
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
        elif ch in _TONES[1:]:
            tone = _TONES.index(ch)
        else:
            base = ch
    return base, modifier, tone


def _build_tcvn3() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, codes in _TCVN3_TONED.items():
        for tone, code in enumerate(codes, start=1):
            table[chr(code)] = unicodedata.normalize("NFC", base + _TONES[tone])
    table.update({chr(code): letter for code, letter in _TCVN3_PLAIN.items()})
    table.update({chr(code): letter for code, letter in _TCVN3_LOW.items()})
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
_C1_TO_CP1252: dict[int, str] = {}
for _b in range(0x80, 0xA0):
    try:
        _C1_TO_CP1252[_b] = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: undefined, Windows keeps them
        pass

_TCVN3_TRANS = {ord(k): v for k, v in TCVN3_TABLE.items()} | _C1_TO_CP1252
# VNI: a mark byte only counts right after its base letter; the one-byte letters anywhere.
_VNI_PAIRS = {k: v for k, v in VNI_TABLE.items() if len(k) == 2}
_VNI_ONE = {k: v for k, v in VNI_TABLE.items() if len(k) == 1}
_VNI_MARKS = "".join(sorted({k[1] for k in _VNI_PAIRS}))
_VNI_RE = re.compile(
    "[%s][%s]|[%s]" % (re.escape("".join(sorted({k[0] for k in _VNI_PAIRS}))),
                       re.escape(_VNI_MARKS), re.escape("".join(sorted(_VNI_ONE))))
)


# ---------------------------------------------------------------------------------------------
# Conversion
# ---------------------------------------------------------------------------------------------

def _check(encoding: str) -> Encoding:
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return encoding  # type: ignore[return-value]


def _vni_sub(m: re.Match[str]) -> str:
    s = m.group()
    if s in VNI_TABLE:
        return VNI_TABLE[s]
    # A base with a mark it cannot take (``uâ``): keep both; ô/ö may still be ơ/ư on their own.
    return _VNI_ONE.get(s[0], s[0]) + s[1:]


# Case evidence in a TCVN3 word: ASCII letters and the toneless letters, which VN3 has in both
# cases. The toned codes are lower case only, so they say nothing.
_TCVN3_UPPER = re.compile("[A-Z%s]" % "".join(chr(c) for c in range(0xA1, 0xA8)))
_TCVN3_LOWER = re.compile("[a-z%s]" % "".join(chr(c) for c in range(0xA8, 0xAF)))
_TCVN3_TONED_CODES = "".join(
    chr(c) for codes in _TCVN3_TONED.values() for c in codes
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
    words = list(_TOKEN.finditer(segment))
    # Per word: 2 = put in capitals; 1 = capitals of its own; 0 = case unknown (no lower-case
    # evidence, one capital at most); -1 = lower case, or no say: acronyms (KH-UBND, Q§ = QĐ).
    state = []
    for m in words:
        w = m.group()
        if w.isascii() or _TCVN3_LOWER.search(w):
            state.append(-1)
        elif len(_TCVN3_UPPER.findall(w)) >= 2:
            state.append(1 if is_syllable(w.translate(_TCVN3_TRANS)) else -1)
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
        out.append(segment[pos:m.start()].translate(_TCVN3_TRANS))
        converted = m.group().translate(_TCVN3_TRANS)
        if st > 0:
            converted = converted.upper()
        elif m.group()[0] in _TCVN3_TONED_CODES and _starts_sentence(before, segment, m.start()):
            converted = converted[0].upper() + converted[1:]
        out.append(converted)
        pos = m.end()
    out.append(segment[pos:].translate(_TCVN3_TRANS))
    return "".join(out)


def convert(text: str, encoding: str) -> str:
    """Convert the whole ``text`` from legacy mojibake (``tcvn3`` or ``vni``) to Unicode NFC.

    Characters that are not legacy codes are kept, so convert only text known to be legacy:
    for text that mixes both, use :func:`detect` and :func:`convert_spans`.
    """
    _check(encoding)
    return "\n".join(_convert(line, encoding) for line in text.split("\n"))


def _convert(line: str, encoding: str, before: str = "") -> str:
    """Convert one line (or part of one, ``before`` being the rest of the line before it)."""
    line = unicodedata.normalize("NFC", line)  # mojibake is Latin-1, so precomposed
    if encoding == "vni":
        return _VNI_RE.sub(_vni_sub, line).translate(_C1_TO_CP1252)
    return _tcvn3_recase(line, unicodedata.normalize("NFC", before))


def encode(text: str, encoding: str, reading: Literal["cp1252", "latin-1"] = "cp1252") -> str:
    """The mojibake that ``text`` becomes when typed in ``encoding`` and read as ``reading``.

    The inverse of :func:`convert`, for tests and examples. TCVN3 (VN3) has no toned capitals,
    so those are written with the lower-case code, as the .VnTimeH fonts expect: case is lost.
    Characters the legacy encoding cannot write are kept as they are.
    """
    if reading not in ("cp1252", "latin-1"):
        raise ValueError(f"unknown reading {reading!r}; expected 'cp1252' or 'latin-1'")
    reverse = _TCVN3_ENCODE if _check(encoding) == "tcvn3" else _VNI_ENCODE
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
    return mojibake.translate(_C1_TO_CP1252) if reading == "cp1252" else mojibake


def _tcvn3_encode_table() -> dict[str, str]:
    reverse = {u: k for k, u in TCVN3_TABLE.items() if ord(k) >= 0x80}
    for u, k in list(reverse.items()):
        reverse.setdefault(u.upper(), k)  # Ă…Đ have their own codes; toned capitals do not
    return reverse


_TCVN3_ENCODE = _tcvn3_encode_table()
_VNI_ENCODE = {u: k for k, u in VNI_TABLE.items()}


# ---------------------------------------------------------------------------------------------
# Vietnamese syllables
# ---------------------------------------------------------------------------------------------

# Rhymes (vần) without tone, as written. The medial o/u forms follow; after "qu" the medial is
# part of the onset, so those rhymes are written without it (qua, quyết, quốc).
_PLAIN_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay   ăc ăm ăn ăng ăp ăt   âc âm ân âng âp ât âu ây
e ec em en eng eo ep et   ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu   y yêm yên yêng yêt yêu
o oc oi om on ong op ot ooc oong   ô ôc ôi ôm ôn ông ôp ôt   ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
""".split()
_MEDIAL_RHYMES = """
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăp oăt oe oen oeo oet
uân uâng uât uây uê uêch uên uênh uêt uy uych uyn uynh uyp uyt uyu uya uyên uyêt uơ
""".split()
_RHYMES = frozenset(_PLAIN_RHYMES + _MEDIAL_RHYMES)
_QU_RHYMES = frozenset([r[1:] for r in _MEDIAL_RHYMES] + ["i", "ôc"])
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_VOWELS = frozenset("aăâeêioôơuưy")
_LETTERS = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_FRONT = frozenset("eêiy")
_STOPS = ("c", "ch", "p", "t")
_TONED: dict[str, tuple[str, int]] = {
    unicodedata.normalize("NFC", base + mark): (base, tone)
    for base in "aăâeêioôơuưy" for tone, mark in enumerate(_TONES) if tone
}


def _tone_places(rhyme: str) -> frozenset[int]:
    """Where the tone mark may sit in ``rhyme`` (both the old hoà/uỷ and the new hòa/ủy style)."""
    n = 0
    while n < len(rhyme) and rhyme[n] in _VOWELS:
        n += 1
    vowels, coda = rhyme[:n], rhyme[n:]
    marked = [i for i, v in enumerate(vowels) if v in "ăâêôơư"]
    if marked:
        return frozenset([marked[-1]])     # người, thuế, quyền, cứu
    if coda:
        return frozenset([n - 1])          # hoàn, huỳnh, soóc
    if n == 1:
        return frozenset([0])
    if vowels in ("oa", "oe", "uy"):
        return frozenset([0, 1])           # hòa / hoà, khỏe / khoẻ, ủy / uỷ
    return frozenset([1] if n == 3 else [0])  # ngoài, khuỷu / mái, mía, của


_RHYME_INFO = {r: (_tone_places(r), r.endswith(_STOPS)) for r in _RHYMES | _QU_RHYMES}


def _onset_fits(onset: str, rhyme: str) -> bool:
    """Spelling rules between onset and rhyme: c/k/q, g/gh, ng/ngh, i/y."""
    front = rhyme[0] in _FRONT
    if onset == "qu":
        return rhyme in _QU_RHYMES
    if rhyme not in _RHYMES:
        return False
    if onset in ("c", "ng"):
        return not front                    # ke, nghe — never ce, nge
    if onset in ("k", "gh", "ngh"):
        return front
    if onset == "g":
        return not front or rhyme[0] == "i"  # gì, giếng: the i of gi shared with the rhyme
    if rhyme.startswith("iê"):
        return onset != ""                  # without onset it is written yê: yên, yêu
    if rhyme.startswith("yê"):
        return onset == ""
    return True


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (case ignored, NFC expected).

    Checks the letters, the onset and rhyme against Vietnamese orthography, one tone mark at
    most, its place in the rhyme, and that a rhyme closed by c, ch, p or t carries sắc or nặng.
    Well-formed is not the same as a word in the dictionary: ``àm`` passes.
    """
    if not 0 < len(word) <= 7:  # nghiêng, the longest syllable, has 7 letters
        return False
    letters = []
    tone, place = 0, -1
    for i, ch in enumerate(word.lower()):
        if ch in _TONED:
            if tone:
                return False
            ch, tone = _TONED[ch]
            place = i
        elif ch not in _LETTERS:
            return False
        letters.append(ch)
    s = "".join(letters)
    for onset in _ONSETS:
        if not s.startswith(onset) or len(s) == len(onset):
            continue
        rhyme = s[len(onset):]
        info = _RHYME_INFO.get(rhyme)
        if info is None or not _onset_fits(onset, rhyme):
            continue
        places, stop = info
        if not tone:
            return True
        if place - len(onset) in places and (not stop or tone in (_ACUTE, _DOT)):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------------

# Word characters: ASCII letters, every legacy code (TCVN3 uses symbols such as µ · © ®
# inside words), Latin letters, combining marks (NFD text stays in one word).
_CODE_CHARS = (
    "\x01\x02\x04-\x06\x11-\x17"            # TCVN3 capitals among C0
    "\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c0-\u00ff"   # legacy codes, Latin-1 letters
    "\u0100-\u024f\u0300-\u036f\u1e00-\u1eff"                # Latin letters, marks, Vietnamese
)
_TOKEN = re.compile(f"[A-Za-z{_CODE_CHARS}]+")
# Only the words with a character outside ASCII letters can be mojibake.
# (Matched only at a word's start, so a long run of letters is not scanned again from each.)
_SPECIAL_TOKEN = re.compile(
    f"(?<![A-Za-z{_CODE_CHARS}])[A-Za-z]*[{_CODE_CHARS}][A-Za-z{_CODE_CHARS}]*"
)
_TCVN3_LOW_RE = re.compile("[%s]" % "".join(chr(c) for c in _TCVN3_LOW))
_TCVN3_IMPOSSIBLE = re.compile(
    "[^A-Za-z%s]" % re.escape("".join(sorted(TCVN3_TABLE)))
)

# Word classes, per encoding.
_NEUTRAL = 0   # reads the same either way (ASCII words, VNI's own í ì)
_MOJI = 1      # legacy reading is Vietnamese, the text as it stands is not: evidence
_AMBIG = 2     # Vietnamese either way (TCVN3 "bé" = bộ): follows its neighbours
_JUNK = 3      # Vietnamese neither way (names, typos, rare syllables): follows its neighbours
_FOREIGN = 4   # cannot be this encoding, or is Vietnamese only as Unicode: ends a run

#: A run of mojibake words is reported when its distinct words weigh at least this much: two
#: different words of two or more letters. One word alone is too weak: "Loïc" reads as VNI
#: "Lọc", "µm" as TCVN3 "àm", and repeating it ("Loïc et Loïc") proves nothing more. Two
#: different accidents side by side, with no Unicode-only Vietnamese word between them, do not
#: occur in real text; a pasted legacy phrase has two words at least ("ViÖt Nam" has one and
#: is not reported alone).
RUN_WEIGHT = 2.0
#: Once a text has one such run, further runs in the same encoding need only one word: the
#: document is known to hold pasted legacy text, and a one-word line of it is still legacy.
EXTRA_RUN_WEIGHT = 1.0
#: A one-character word (TCVN3 "ë" = ở, "µ" = à) is half a word: "µ", "×", "£" are normal.
_SHORT_WEIGHT = 0.5
#: A text with no Unicode-only word is legacy throughout, and all of it is converted, when its
#: words that read as Vietnamese neither way (JUNK: acronyms such as Q§ = QĐ, names) are at
#: most this share of its mojibake words. The published texts typed in TCVN3 or VNI have 0.2 %
#: (2 % in the shortest); an English text with "café" and "naïve" and one pasted legacy
#: phrase has far more, and keeps its Unicode words out of the spans.
WHOLE_JUNK = 0.05

# Gap characters that end a sentence or a cell: a run grows over neighbouring neutral words up
# to one of these, so a pasted sentence is reported whole ("… ViÖt Nam."). The C1 controls
# count too: quotes and dashes of a legacy paste read as ISO-8859-1.
_BOUNDARY = re.compile("[\n\r\t.!?;:()\\[\\]{}\"“”\x80-\x9f]")

_C1 = re.compile("[\x80-\x9f]")
# UTF-8 read as Windows-1252 ("Cá»™ng hÃ²a" for "Cộng hòa") is another defect, not legacy
# text, though some of its pieces read as TCVN3 or VNI ("ChÆ" → VNI "ChỈ"). These UTF-8 forms
# of Vietnamese letters (ạ…ỹ; á, ư, ĩ, ũ …) and of “ ” – … cannot occur in TCVN3 or VNI:
# E1 BA/BB, E2 80, and C3–C6 followed by A1–BF are never a legacy letter followed by another
# (none in the corpus typed in either); quotes or a no-break space after a legacy word
# (0x80–0xA0) are left out. The first two bytes of three decide: a reading that could not
# decode the third (0x81 in "á»\x81" = ề) replaced it.
_UTF8_VI = re.compile(rb"(?:\xe1[\xba\xbb]|\xe2\x80)[\x80-\xbf?]?|[\xc3-\xc6][\xa1-\xbf]")
_AS_BYTES = {ord(c): b for b, c in _C1_TO_CP1252.items()}  # "™" → 0x99, as one character

_CACHE: dict[str, tuple[int, int]] = {}
_CACHE_MAX = 100_000  # distinct words; a plan has a few thousand


def _vni_word(word: str) -> tuple[str, bool]:
    """Decode one word from VNI; ``False`` when a character is not where VNI would put it."""
    out, ok = [], True
    i, n = 0, len(word)
    while i < n:
        pair = word[i:i + 2]
        if pair in _VNI_PAIRS:
            out.append(_VNI_PAIRS[pair])
            i += 2
            continue
        ch = word[i]
        if ch in _VNI_ONE:
            out.append(_VNI_ONE[ch])
        else:
            ok = ok and "a" <= ch.lower() <= "z"  # a mark byte off its base, or not VNI at all
            out.append(ch)
        i += 1
    return "".join(out), ok


def _word_class(word: str, decoded: str, possible: bool) -> int:
    if not possible:
        return _FOREIGN
    if decoded == word:
        return _NEUTRAL
    if is_syllable(decoded):
        return _AMBIG if is_syllable(word) else _MOJI
    return _FOREIGN if is_syllable(word) else _JUNK


def _classify(word: str) -> tuple[int, int]:
    """(TCVN3 class, VNI class) of one word."""
    cached = _CACHE.get(word)
    if cached is not None:
        return cached
    if word.isascii() and word.isalpha():
        result = (_NEUTRAL, _NEUTRAL)
    else:
        nfc = unicodedata.normalize("NFC", word)
        tcvn3 = _word_class(nfc, nfc.translate(_TCVN3_TRANS), not _TCVN3_IMPOSSIBLE.search(nfc))
        result = (tcvn3, _word_class(nfc, *_vni_word(nfc)))
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[word] = result
    return result


@dataclass(frozen=True, slots=True)
class Detection:
    """Legacy-encoded text found by :func:`detect`.

    ``spans`` are the (start, end) character ranges of the mojibake runs, in order; a run is
    mojibake words on one line with no Unicode-only Vietnamese word between them. ``converted``
    is the whole text through :func:`convert`: the fix for a text typed wholly in the legacy
    encoding; for a text that mixes both, :func:`convert_spans` is the fix. ``score`` is the
    share (0–1] of the text's words with a non-ASCII character that lie in the runs: near 1
    for a legacy text, small for one pasted sentence. ``words`` counts those words.
    """

    encoding: Encoding
    converted: str = field(repr=False)
    spans: tuple[tuple[int, int], ...]
    score: float
    words: int


_Word = tuple[int, int, int]  # start, end, class


def _runs(text: str, words: list[_Word]) -> list[tuple[int, int, float]]:
    """Group mojibake words into runs: (first word, last word, weight)."""
    runs: list[tuple[int, int, float]] = []
    first = last = -1
    seen: dict[str, float] = {}  # a word repeated ("Loïc et Loïc") is no further evidence
    for i, (start, end, cls) in enumerate(words):
        if first >= 0 and (cls == _FOREIGN or "\n" in text[words[i - 1][1]:start]):
            runs.append((first, last, sum(seen.values())))
            first = -1
        if cls == _MOJI:
            if first < 0:
                first, seen = i, {}
            last = i
            seen[text[start:end].lower()] = 1.0 if end - start > 1 else _SHORT_WEIGHT
    if first >= 0:
        runs.append((first, last, sum(seen.values())))
    return runs


def _grow(text: str, words: list[_Word], edge: int, step: int) -> int:
    """Extend a run from word ``edge`` over neutral or ambiguous neighbours (``step`` ±1).

    They join only if a sentence boundary, or the text's start or end, comes before any other
    word: in "… hiệu quả. Céng hoµ … ViÖt Nam. Tiếp …" the run takes "Nam"; in "… có Céng hoµ"
    the Unicode "có" (which TCVN3 would read "cú") stays out.
    """
    i = edge
    while True:
        j = i + step
        if not 0 <= j < len(words):
            return i
        gap = text[words[j][1]:words[i][0]] if step < 0 else text[words[i][1]:words[j][0]]
        if _BOUNDARY.search(gap):
            return i
        if words[j][2] not in (_NEUTRAL, _AMBIG):
            return edge
        i = j


def _whole_spans(text: str, words: list[_Word]) -> tuple[list[tuple[int, int]], int]:
    """Spans of a text that is legacy throughout: each line that has a word to convert (or a C1
    control: “ ” – … under an ISO-8859-1 reading), from its first word to its last."""
    spans: list[tuple[int, int]] = []
    count = 0
    line, first, last, convertible = -1, 0, 0, False
    for start, end, cls in words:
        if start > line:  # a new line: close the one before
            if convertible:
                spans.append((first, last))
            newline = text.find("\n", start)
            line = len(text) if newline < 0 else newline
            first, convertible = start, False
        last = end
        if cls != _NEUTRAL:
            convertible = True
            count += 1
    if convertible:
        spans.append((first, last))
    # C1 controls: widen the span of their line, or make one for a line of punctuation only.
    by_line = {text.rfind("\n", 0, s): [s, e] for s, e in spans}
    for m in _C1.finditer(text):
        span = by_line.setdefault(text.rfind("\n", 0, m.start()), [m.start(), m.end()])
        span[0], span[1] = min(span[0], m.start()), max(span[1], m.end())
    return sorted((s, e) for s, e in by_line.values()), count


def _with_c1(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span over C1 controls right next to it: quotes of the same paste."""
    while start > 0 and _C1.match(text, start - 1):
        start -= 1
    while _C1.match(text, end):
        end += 1
    return start, end


def _utf8_mojibake(text: str) -> list[tuple[int, int]]:
    """Character ranges where ``text`` is UTF-8 read as Windows-1252 or ISO-8859-1."""
    data = text.translate(_AS_BYTES).encode("latin-1", "replace")  # one byte per character
    return [m.span() for m in _UTF8_VI.finditer(data)]


def _mark_foreign(words: list[_Word], ranges: list[tuple[int, int]]) -> list[_Word]:
    """Words overlapping any of the (sorted, disjoint) ``ranges`` become foreign."""
    out, r = [], 0
    for start, end, cls in words:
        while r < len(ranges) and ranges[r][1] <= start:
            r += 1
        out.append((start, end, _FOREIGN if r < len(ranges) and ranges[r][0] < end else cls))
    return out


def detect(text: str) -> Detection | None:
    """Find words typed in TCVN3 or VNI inside ``text``; ``None`` when there are none.

    Each word holding a character other than an ASCII letter is read back as legacy bytes and
    decoded. It is *mojibake* when the decoded word is a well-formed Vietnamese syllable and
    the word as it stands is not (``héi`` → hội; but ``có``, which TCVN3 would read "cú", is
    Vietnamese both ways and proves nothing). Mojibake words on one line with no Unicode-only
    word between them form a run; a run is reported when it weighs :data:`RUN_WEIGHT`. The
    encoding with the most evidence wins; its runs are the ``spans``. When no word of the text
    is Unicode-only, the whole text is legacy and every word that converts is in a span.
    """
    if text.isascii() and not _TCVN3_LOW_RE.search(text):
        return None
    # Fast pass over the words that can be mojibake: most texts have none.
    hits = [False, False]
    specials = 0
    for m in _SPECIAL_TOKEN.finditer(text):
        specials += 1
        classes = _classify(m.group())
        hits[0] = hits[0] or classes[0] == _MOJI
        hits[1] = hits[1] or classes[1] == _MOJI
    if not any(hits):
        return None

    best: tuple[float, Encoding, list[tuple[int, int]], int] | None = None
    utf8: list[tuple[int, int]] | None = None
    for k, encoding in enumerate(ENCODINGS):
        if not hits[k]:
            continue
        words = [(m.start(), m.end(), _classify(m.group())[k]) for m in _TOKEN.finditer(text)]
        if utf8 is None:
            utf8 = _utf8_mojibake(text)
        if utf8:
            words = _mark_foreign(words, utf8)
        runs = _runs(text, words)
        if not any(weight >= RUN_WEIGHT for _, _, weight in runs):
            continue
        total = sum(weight for _, _, weight in runs if weight >= EXTRA_RUN_WEIGHT)
        classes = [cls for _, _, cls in words]
        if _FOREIGN not in classes and classes.count(_JUNK) <= WHOLE_JUNK * classes.count(_MOJI):
            # Nothing proves Unicode anywhere: the whole text is legacy, and so is every word
            # that converts, even "Sè" (số, or a Unicode "sè") and "®)" (đ) on lines of their own.
            spans, count = _whole_spans(text, words)
        else:
            spans, count = [], 0
            for first, last, weight in runs:
                if weight < EXTRA_RUN_WEIGHT:
                    continue
                first, last = _grow(text, words, first, -1), _grow(text, words, last, +1)
                spans.append(_with_c1(text, words[first][0], words[last][1]))
                count += sum(w[2] in (_MOJI, _AMBIG) for w in words[first:last + 1])
        if best is None or total > best[0]:
            best = (total, encoding, spans, count)
    if best is None:
        return None
    _, encoding, spans, count = best
    return Detection(
        encoding=encoding,
        converted=convert(text, encoding),
        spans=tuple(spans),
        score=min(1.0, count / specials),
        words=count,
    )


def convert_spans(text: str, detection: Detection) -> str:
    """Convert only the mojibake runs of ``text`` that ``detection`` found; keep the rest."""
    out, pos = [], 0
    for start, end in detection.spans:
        out.append(text[pos:start])
        # A span never crosses a line; TCVN3 case restoration looks at the line before it.
        out.append(_convert(text[start:end], detection.encoding,
                            text[text.rfind("\n", 0, start) + 1:start]))
        pos = end
    out.append(text[pos:])
    return "".join(out)
