"""Finding legacy mojibake in Unicode text, word by word, and converting only what is found.

See ``docs/legacy-encodings.md`` for the method and its limits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from vanban.text.legacy.codes import (
    C1_TO_CP1252,
    CODE_CHARS,
    ENCODINGS,
    TCVN3_LOW,
    TCVN3_TABLE,
    TCVN3_TRANS,
    VNI_ONE,
    VNI_PAIRS,
    WORD,
    Encoding,
)
from vanban.text.legacy.conversion import convert, convert_line
from vanban.text.legacy.syllables import is_syllable

# Only the words with a character outside ASCII letters can be mojibake.
# (Matched only at a word's start, so a long run of letters is not scanned again from each.)
_SPECIAL_TOKEN = re.compile(
    f"(?<![A-Za-z{CODE_CHARS}])[A-Za-z]*[{CODE_CHARS}][A-Za-z{CODE_CHARS}]*"
)
_TCVN3_LOW_RE = re.compile("[%s]" % "".join(chr(c) for c in TCVN3_LOW))
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
_AS_BYTES = {ord(c): b for b, c in C1_TO_CP1252.items()}  # "™" → 0x99, as one character

_CACHE: dict[str, tuple[int, int]] = {}
_CACHE_MAX = 100_000  # distinct words; a plan has a few thousand


def clear_cache() -> None:
    """Forget the words classified so far (to measure detection from cold)."""
    _CACHE.clear()


def _vni_word(word: str) -> tuple[str, bool]:
    """Decode one word from VNI; ``False`` when a character is not where VNI would put it."""
    out, ok = [], True
    i, n = 0, len(word)
    while i < n:
        pair = word[i:i + 2]
        if pair in VNI_PAIRS:
            out.append(VNI_PAIRS[pair])
            i += 2
            continue
        ch = word[i]
        if ch in VNI_ONE:
            out.append(VNI_ONE[ch])
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
        tcvn3 = _word_class(nfc, nfc.translate(TCVN3_TRANS), not _TCVN3_IMPOSSIBLE.search(nfc))
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
        words = [(m.start(), m.end(), _classify(m.group())[k]) for m in WORD.finditer(text)]
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
        out.append(convert_line(text[start:end], detection.encoding,
                            text[text.rfind("\n", 0, start) + 1:start]))
        pos = end
    out.append(text[pos:])
    return "".join(out)
