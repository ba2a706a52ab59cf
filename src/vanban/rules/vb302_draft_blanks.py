"""Number and date may be left blank only in a draft.

## Why
The number is given when the document is issued and the date is the issue date (Điều 15);
a plan without them is a draft. Marking it `draft` says so on page 1 and keeps an
unfinished plan from being sent out by mistake.

A .docx or .txt checked as it is may leave them blank: the copy presented for signature has
a blank number and day, which the văn thư fills in at issue (Điều 15), so this is a rule of
plan files only.

## Bad
```yaml
number:
date: 2026
```

## Good
```yaml
draft: true
number:
date: 2026
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    if plan.draft is not None or ctx.imported:
        return
    if plan.number is None:
        yield ctx.finding(plan.marks["number"], _(
            "the number is blank: give the number the plan is issued under, or mark the plan "
            "“draft: true”"))
    if plan.date is None or not plan.date.complete:
        yield ctx.finding(plan.marks["date"], _(
            "the date of issue is incomplete: give the day and month, or mark the plan "
            "“draft: true”"))


RULE = Rule("VB302", "draft-blanks", Severity.ERROR, __doc__, check)
