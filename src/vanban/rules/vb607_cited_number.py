"""Document numbers cited in the text keep their leading zero: “số 04/KH-BCĐNQ”.

## Why
Numbers below 10 are written with a leading zero (Phụ lục I, II.3.c), so a document issued
as “04/KH-BCĐNQ” is cited that way; “4/KH-BCĐNQ” does not match the register or a search.

## Bad
```yaml
- Thực hiện Kế hoạch số 4/KH-UBND ngày 12/5/2023 …
```

## Good
```yaml
- Thực hiện Kế hoạch số 04/KH-UBND ngày 12/5/2023 …
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext, char_before

_CITED = re.compile(r"(\d)(?=/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ]*(?:-[A-Za-zĐđ0-9]+)+)")


def _alone(m: re.Match[str]) -> bool:
    """A single digit: not the end of “12/…” or of “1.2/…”."""
    before = char_before(m)
    return not (before and (before.isalnum() or before in "/.,_"))


def check(ctx: RuleContext) -> Iterator[Finding]:
    for tm in ctx.text_matches(_CITED, _alone):
        digit = tm.match.group(1)
        yield ctx.finding(tm.mark, _(
            "numbers below 10 take a leading zero: write “0{digit}/…”"), tm.fix("0" + digit),
            digit=digit)


RULE = Rule("VB607", "cited-number", Severity.WARNING, __doc__, check, needs_plan=False,
            fixable=True)
