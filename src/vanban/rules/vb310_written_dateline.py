"""The dateline of a document is written as the decree says.

## Why
`<Địa danh>, ngày DD tháng M năm YYYY`: a comma after the place, the words in lower case,
a zero before days below 10 and before months 1 and 2 only (Phụ lục I, II.4.b): “tháng 04”
is a common slip. vanban writes the dateline itself; a document made elsewhere is checked as
it is.

## Bad
```text
Hà Nội, ngày 05 tháng 04 năm 2019
```

## Good
```text
Hà Nội, ngày 05 tháng 4 năm 2019
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.text.vnformat import month_number, two_digits

_DATELINE = re.compile(r"^(?P<place>[^,]+?)(?P<comma>,?)\s*ngày\s+(?P<day>\d{1,2})\s+tháng\s+"
                       r"(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})$")


def check(ctx: DocContext) -> Iterator[Finding]:
    para = ctx.first("dateline")
    if para is None:
        return
    text = para.text.strip()
    m = _DATELINE.match(text)
    if m is None:
        return
    if not m["comma"]:
        yield ctx.finding(ctx.mark(para, m.end("place")), _("put a comma after the place name"))
    day, month = m["day"], m["month"]
    if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        if day != two_digits(int(day)):
            yield ctx.finding(ctx.mark(para, m.start("day"), len(day)), _(
                "days below 10 take a leading zero: “ngày {right}”"), right=two_digits(int(day)))
        if month != month_number(int(month)):
            yield ctx.finding(ctx.mark(para, m.start("month"), len(month)), _(
                "write the month “tháng {right}”: only months 1 and 2 take a leading zero"),
                right=month_number(int(month)))


RULE = Rule("VB310", "written-dateline", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="document")
