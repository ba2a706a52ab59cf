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
from vanban.rules._base import Finding, Rule, RuleContext, char_after, char_before

# Simple patterns, with the context checked in Python: a regex starting with a lookbehind is
# tried at every position of the file and costs several times more.
_DOUBLED = re.compile(r"[ \u00a0]{2,}|\u00a0")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _inside_text(m: re.Match[str]) -> bool:
    before, after = char_before(m), char_after(m)
    return bool(before) and not before.isspace() and bool(after) and not after.isspace()


def check(ctx: RuleContext) -> Iterator[Finding]:
    for tm in ctx.text_matches(_DOUBLED, _inside_text):
        yield ctx.finding(tm.mark, _("replace the run of {count} spaces with one space"),
                          tm.fix(" "), count=len(tm.match.group()))
    if not _INVISIBLE.search(ctx.source.text):
        return
    for tm in ctx.text_matches(_INVISIBLE):
        yield ctx.finding(tm.mark, _("delete the invisible character U+{code:04X}"), tm.fix(""),
                          code=ord(tm.match.group()))


RULE = Rule("VB604", "spaces", Severity.WARNING, __doc__, check, needs_plan=False, fixable=True)
