"""A phrase is not repeated back to back.

## Why
“… nghiên cứu, xây dựng lập luận nghiên cứu, xây dựng lập luận …” is an editing slip —
a phrase pasted twice. Single repeated syllables are left alone: Vietnamese uses them on
purpose (“từ từ”, “ngày ngày”).

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
from vanban.problems import Severity
from vanban.rules._base import Finding, Option, Rule, RuleContext
from vanban.spec import Integer

_WORD = re.compile(r"[^\W\d_]+")
MAX_WORDS = 10


def repeats(text: str, min_words: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, phrase) of the second copy of each phrase repeated back to back."""
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, (len(words) - i) // 2), min_words - 1, -1):
            first = [w for w, _s, _e in words[i:i + n]]
            second = [w for w, _s, _e in words[i + n:i + 2 * n]]
            if first == second:
                start, end = words[i + n][1], words[i + 2 * n - 1][2]
                yield start, end, text[words[i][1]:words[i + n - 1][2]]
                i += 2 * n - 1
                break
        i += 1


def check(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.source.text
    for _path, node in ctx.text_scalars():
        one_line = "\n" not in text[node.start:node.end] and node.style in (None, "'", '"')
        value = text[node.start:node.end] if one_line else node.value
        for start, _end, phrase in repeats(value, ctx.options["min_words"]):
            mark = ctx.source.mark_at(node.start + start) if one_line else node.mark
            yield ctx.finding(mark, _("“{phrase}” is repeated back to back; delete one of them"),
                              phrase=phrase)


RULE = Rule("VB606", "repeated-phrase", Severity.WARNING, __doc__, check, needs_plan=False,
            options={"min_words": Option(2, Integer(1, 10), _(
                "the shortest repeated phrase, in words, that is reported"))})
