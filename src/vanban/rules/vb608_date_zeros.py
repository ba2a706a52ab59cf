"""Dates in the text follow the decree's zero rule: days below 10 and months 1–2 only.

## Why
The decree writes `ngày 05 tháng 01`, `ngày 29 tháng 6` (Phụ lục I, II.4.b) and the same
rule wherever it writes dates; “tháng 05” or “ngày 5” in the text of the same plan reads as
a different convention. Short dates follow it too: `05/3/2024`, `10/01/2024`. A date inside
a quoted passage (“…”) is left as the quoted document wrote it.

## Bad
```yaml
- Báo cáo trước ngày 5 tháng 03 năm 2024 (hạn chót 5/03/2024).
```

## Good
```yaml
- Báo cáo trước ngày 05 tháng 3 năm 2024 (hạn chót 05/3/2024).
```
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Edit, Fix, Severity
from vanban.rules._base import (
    Finding, Rule, RuleContext, TextMatch, char_after, char_before, in_quotation,
)
from vanban.text.vnformat import month_number, two_digits

_LONG = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_SHORT = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _whole_date(m: re.Match[str]) -> bool:
    """Not a piece of a longer number: “112/5/2023” or “5/3/20245”."""
    before, after = char_before(m), char_after(m)
    return not (before and before in "0123456789/") and not (after and after in "0123456789/")


def _real(day: str, month: str, year: str) -> bool:
    try:
        _dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _fix(tm: TextMatch, right_day: str, right_month: str) -> Fix | None:
    if not tm.in_source:
        return None
    m = tm.match
    return Fix((Edit(m.start(1), m.end(1), right_day), Edit(m.start(2), m.end(2), right_month)))


def check(ctx: RuleContext) -> Iterator[Finding]:
    for pattern, accept in ((_LONG, None), (_SHORT, _whole_date)):
        for tm in ctx.text_matches(pattern, accept):
            if in_quotation(ctx, tm):
                continue  # a date in a quoted passage is copied as the other document wrote it
            day, month, year = tm.match.groups()
            if not _real(day, month, year):
                continue
            right_day, right_month = two_digits(int(day)), month_number(int(month))
            if (day, month) == (right_day, right_month):
                continue
            written = tm.match.group()
            right = (written[:tm.match.start(1) - tm.match.start()] + right_day
                     + written[tm.match.end(1) - tm.match.start():tm.match.start(2) - tm.match.start()]
                     + right_month + written[tm.match.end(2) - tm.match.start():])
            yield ctx.finding(tm.mark, _(
                "write the date “{written}” as “{right}” (a zero for days below 10 and for "
                "months 1–2 only)"), _fix(tm, right_day, right_month), written=written,
                right=right)


RULE = Rule("VB608", "date-zeros", Severity.WARNING, __doc__, check, needs_plan=False,
            fixable=True)
