"""A document's body ends with “./.”.

## Why
Every model layout of the decree ends the body with “./.” (Mẫu 1.4, 1.5; the decree's own last
sentence), which shows that nothing was cut off or added after it. vanban writes it when it
renders a plan; a document written elsewhere is checked as it is.

## Bad
```text
… tổng hợp báo cáo kết quả thực hiện.
Nơi nhận:
```

## Good
```text
… tổng hợp báo cáo kết quả thực hiện./.
Nơi nhận:
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule


def check(ctx: DocContext) -> Iterator[Finding]:
    body = [p for p in ctx.roles.get("body", []) if p.text.strip()]
    if not body:
        return
    last = body[-1]
    if not last.text.rstrip().endswith("./."):
        yield ctx.finding(ctx.mark(last, len(last.text.rstrip()) - 1), _(
            "the body ends without “./.”: add it after the last sentence"))


RULE = Rule("VB105", "closing-mark", Severity.WARNING, __doc__, check, needs_plan=False,
            scope="document")
