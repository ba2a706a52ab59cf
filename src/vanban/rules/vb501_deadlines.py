"""Deadlines fall on or after the date of issue and inside the plan's period.

## Why
A task due before the plan is issued cannot be met, and a deadline outside the period the
plan covers (`period:`) is a typing slip — usually the year.

## Bad
```yaml
date: 2026-01-15
period: {start: 2026-01-15, end: 2026-12-31}
...
    deadline: 2025-06-30
```

## Good
```yaml
    deadline: 2026-06-30
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext
from vanban.text.vnformat import PlanDate, short_date


def _before(a: PlanDate, b: PlanDate) -> bool:
    """``a`` is certainly before ``b`` (a year alone is compared by year)."""
    if a.complete and b.complete:
        return a < b
    return a.year < b.year


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    period = plan.period
    for node in plan.nodes():
        deadline = node.deadline
        if deadline is None:
            continue
        mark = node.marks["deadline"]
        if plan.date is not None and _before(deadline, plan.date):
            yield ctx.finding(mark, _(
                "the deadline {deadline} is before the plan is issued ({date})"),
                deadline=short_date(deadline), date=short_date(plan.date))
        elif period and period.start and _before(deadline, period.start):
            yield ctx.finding(mark, _(
                "the deadline {deadline} is before the plan's period starts ({start})"),
                deadline=short_date(deadline), start=short_date(period.start))
        if period and period.end and _before(period.end, deadline):
            yield ctx.finding(mark, _(
                "the deadline {deadline} is after the plan's period ends ({end})"),
                deadline=short_date(deadline), end=short_date(period.end))


RULE = Rule("VB501", "deadlines", Severity.ERROR, __doc__, check)
