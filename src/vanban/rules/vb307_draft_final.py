"""A numbered and dated plan carries no draft marker.

## Why
The number and the full date are given when the plan is issued; a plan that has both but is
still marked `draft` would go out with “DỰ THẢO” boxed on page 1. The decree has no draft
component (ND30 dropped the old ô 12 of TT 01/2011); the marker is a drafting aid only.

## Bad
```yaml
draft: 2
number: 45
date: 2026-01-15
```

## Good
```yaml
number: 45
date: 2026-01-15
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
    if plan.draft and plan.number is not None and plan.date is not None and plan.date.complete:
        yield ctx.finding(plan.draft.mark, _(
            "the plan has its number and date of issue but is still marked as a draft; remove "
            "“draft” from the final version"))


RULE = Rule("VB307", "draft-final", Severity.ERROR, __doc__, check)
