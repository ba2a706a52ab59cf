"""No doubled spaces and no invisible characters inside text.

## Why
Doubled spaces, non-breaking spaces, zero-width spaces and soft hyphens come from pasting
out of Word, PDF or the web. They are invisible while editing but stretch justified lines,
break search and may print as gaps. The fix writes one ordinary space (or nothing).

## Bad
```yaml
- Tổ chức  hội nghị tập huấn.
```

## Good
```yaml
- Tổ chức hội nghị tập huấn.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext

_DOUBLED = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)|(?<=\S)\u00a0(?=\S)")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def check(ctx: RuleContext) -> Iterator[Finding]:
    for tm in ctx.text_matches(_DOUBLED):
        yield ctx.finding(tm.mark, _("replace the run of {count} spaces with one space"),
                          tm.fix(" "), count=len(tm.match.group()))
    for tm in ctx.text_matches(_INVISIBLE):
        yield ctx.finding(tm.mark, _("delete the invisible character U+{code:04X}"), tm.fix(""),
                          code=ord(tm.match.group()))


RULE = Rule("VB604", "spaces", Severity.WARNING, __doc__, check, needs_plan=False, fixable=True)
