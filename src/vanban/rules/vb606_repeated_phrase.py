"""A phrase is not repeated back to back.

## Why
“… nghiên cứu, xây dựng lập luận nghiên cứu, xây dựng lập luận …” is an editing slip —
a phrase pasted twice. Single repeated syllables are left alone: Vietnamese uses them on
purpose (“từ từ”, “ngày ngày”); so are two-word repeats across a comma, which are lists or
figures of speech (“sơ kết, tổng kết”, “một cửa, một cửa liên thông”), a phrase repeated
across a comma with a qualifier after it (“thủ tục hành chính, thủ tục hành chính nội bộ”),
and words on both sides of a full stop, colon or semicolon (“… Ban Chấp hành. Ban Chấp hành
có thể …”); so is a short phrase that runs across a comma of a list, where neighbouring items
share words (“chương trình đại hội, quy chế đại hội, quy chế bầu cử”). Numbers count as
words, so two citations are not one repeated (“Kết luận số 174-KL/TW, Kết luận số 177-KL/TW”).

## Bad
```yaml
- phối hợp nghiên cứu, xây dựng lập luận nghiên cứu, xây dựng lập luận đấu tranh
```

## Good
```yaml
- phối hợp nghiên cứu, xây dựng lập luận đấu tranh
```

## Options
- `min_words` (default 2): the shortest phrase (in words) that counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.plan.spec import Integer
from vanban.problems import Severity
from vanban.rules._base import Finding, Option, Rule, RuleContext

_WORD = re.compile(r"[^\W_]+")
_CLAUSE_END = re.compile(r"[.;:!?…]")
MAX_WORDS = 10


def repeats(text: str, min_words: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, phrase) of the second copy of each phrase repeated back to back."""
    words = _WORD.findall(text.lower())
    if len(words) < 2 * min_words or len(set(zip(words, words[1:]))) == len(words) - 1:
        return  # no word pair occurs twice: no phrase can be repeated (the common case)
    last: dict[str, int] = {}
    found: list[tuple[int, int]] = []  # (first word, length) of each repeat
    skip_to = 0
    for j, word in enumerate(words):
        # a phrase of n words repeated back to back starts at p and again at j = p + n, so
        # word j has appeared n words earlier: only those places need a full comparison
        p = last.get(word)
        last[word] = j
        if p is None or j < skip_to or not min_words <= j - p <= MAX_WORDS:
            continue
        n = j - p
        if p >= skip_to and words[p:j] == words[j:j + n]:
            found.append((p, n))
            skip_to = j + n
    if not found:
        return
    matches = list(_WORD.finditer(text))  # offsets only for what is reported
    for p, n in found:
        phrase = text[matches[p].start():matches[p + n - 1].end()]
        between = text[matches[p + n - 1].end():matches[p + n].start()]
        if _CLAUSE_END.search(between):
            continue  # the end of one sentence or clause and the start of the next
        if "," in between and (n < 3 or _qualified(text, matches, p + 2 * n - 1)):
            # “sơ kết, tổng kết”, “một cửa, một cửa liên thông”, “thủ tục hành chính, thủ tục
            # hành chính nội bộ”: across a comma, a list or a figure of speech, not a slip
            continue
        if n < 3 and not (phrase.replace(" ", "").isalpha() and between.isspace()):
            continue  # a short phrase repeated across other punctuation: not a pasted copy
        if n <= 4 and "," in phrase:
            continue  # “chương trình đại hội, quy chế đại hội, quy chế bầu cử”: list items overlap
        yield (matches[p + n].start(), matches[p + 2 * n - 1].end(), phrase)


def _qualified(text: str, matches: list[re.Match[str]], last: int) -> bool:
    """Whether a word follows the word ``last`` in the same clause (a qualifier)."""
    if last + 1 >= len(matches):
        return False
    return text[matches[last].end():matches[last + 1].start()].strip() == ""


def check(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.source.text
    for _path, node in ctx.text_scalars():
        one_line = "\n" not in text[node.start:node.end] and node.style in (None, "'", '"')
        value = text[node.start:node.end] if one_line else node.value
        for start, end, phrase in repeats(value, ctx.options["min_words"]):
            mark = ctx.source.span(node.start + start, node.start + end) if one_line \
                else node.mark
            yield ctx.finding(mark, _("“{phrase}” is repeated back to back; delete one of them"),
                              phrase=phrase)


RULE = Rule("VB606", "repeated-phrase", Severity.WARNING, __doc__, check, needs_plan=False,
            options={"min_words": Option(2, Integer(1, 10), _(
                "the shortest repeated phrase, in words, that is reported"))})
