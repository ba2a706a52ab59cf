"""One document places tone marks one way: “hòa, thủy” or “hoà, thuỷ”, not both.

## Why
Both placements are correct Vietnamese — the decree itself prints “CỘNG HÒA” and
“CỘNG HOÀ”, “Ủy” and “Uỷ” — but mixing them in one plan looks careless and breaks search
(“hòa” does not find “hoà”). It is one choice for the whole document, so it is reported
once: at the first word in the less used style, with how many there are.

## Bad
```yaml
- Cộng hòa xã hội chủ nghĩa; hoà giải ở cơ sở.
```

## Good
```yaml
- Cộng hòa xã hội chủ nghĩa; hòa giải ở cơ sở.
```
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext, TextMatch

TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_PAIRS = {"oa", "oe", "uy"}
# The two placements of a tone on oa / oe / uy at the end of a syllable. The search runs on
# these endings (fast); _style() then looks at the whole word (and drops qu-, where u is onset).
_ENDING = re.compile(r"(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]|[òóỏõọÒÓỎÕỌ][aeAE]"
                     r"|[ùúủũụÙÚỦŨỤ][yY])(?![^\W\d_])")
_WORD_START = re.compile(r"[^\W\d_]*$")


def _style(word: str) -> str | None:
    """"old" or "new": where an oa/oe/uy word puts its tone mark (None: not such a word)."""
    tail = unicodedata.normalize("NFD", word[-2:].lower())
    base = "".join(c for c in tail if c not in TONES)
    tones = [c for c in tail if c in TONES]
    if len(tones) != 1 or unicodedata.normalize("NFC", base) not in _PAIRS:
        return None
    if word[:-2].lower().endswith("q"):
        return None
    return "old" if tail.index(tones[0]) > 1 else "new"  # after the second vowel: old


def _other(word: str) -> str:
    """The same word with its tone mark placed the other way (“hoá” ↔ “hóa”)."""
    tail = unicodedata.normalize("NFD", word[-2:].lower())
    base = "".join(c for c in tail if c not in TONES)
    tone = next(c for c in tail if c in TONES)
    first, second = base[0], base[1:]
    old = tail.index(tone) > len(first)
    moved = (first + tone + second) if old else (first + second + tone)
    return word[:-2] + _match_case(unicodedata.normalize("NFC", moved), word[-2:])


def _vowels(word: str) -> str:
    """The toneless final vowel pair of a word: oa, oe or uy."""
    tail = unicodedata.normalize("NFD", word[-2:].lower())
    return "".join(c for c in tail if c not in TONES)


def _match_case(text: str, like: str) -> str:
    return "".join(c.upper() if o.isupper() else c for c, o in zip(text, like))


def check(ctx: RuleContext) -> Iterator[Finding]:
    found: dict[str, list[tuple[TextMatch, str]]] = {"old": [], "new": []}
    for tm in ctx.text_matches(_ENDING):
        m = tm.match
        head = _WORD_START.search(m.string, max(0, m.start() - 12), m.start()).group()
        word = head + m.group()
        style = _style(word)
        if style:
            found[style].append((tm, word))
    if not found["old"] or not found["new"]:
        return
    # one choice for the whole document: reported once, at the first word of the minority
    minority = "old" if len(found["old"]) <= len(found["new"]) else "new"
    tm, word = found[minority][0]
    other = _other(word)
    majority = [w for _tm, w in found["new" if minority == "old" else "old"]]
    # the example that shows the choice best ends in the same vowels (“hóa” for “hoá”)
    majority_example = next((w for w in majority if _vowels(w) == _vowels(word)), majority[0])
    start = tm.match.start() - (len(word) - len(tm.match.group()))
    mark = ctx.source.span(start, start + len(word)) if tm.in_source else tm.mark
    yield ctx.finding(mark, _(
        "{count} word(s) place the tone mark differently from the rest of the document "
        "(“{example}”), the first “{word}”: write “{other}”"), count=len(found[minority]),
        word=word, example=majority_example, other=other)


RULE = Rule("VB602", "tone-marks", Severity.WARNING, __doc__, check, needs_plan=False)
