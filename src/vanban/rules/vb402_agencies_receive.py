"""Every agency given a task also receives the plan.

## Why
An agency cannot carry out a task in a plan it never received. Each agency with a task
(an `agency:` block, or a `lead`/`support` unit) must appear in Nơi nhận, by name, by its usual
abbreviation (UBND, BCĐ …) or through a group line such as “Các Sở, ngành liên quan”. Party
bodies and mass organisations are not covered by “Sở, ngành” lines.

## Bad
```yaml
- agency: Sở Tư pháp
  content: [Thẩm định dự thảo.]
recipients: [Công an tỉnh]
```

## Good
```yaml
recipients: [Công an tỉnh, Sở Tư pháp]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._agencies import covered
from vanban.rules._base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    recipients = [r.name for r in plan.recipients]
    reported: set[str] = set()
    for node in plan.nodes():
        for key, agencies in (("agency", [node.agency] if node.agency else []),
                              ("lead", list(node.lead)), ("support", list(node.support))):
            for agency in agencies:
                if agency in reported or covered(agency, recipients):
                    continue
                reported.add(agency)
                yield ctx.finding(node.marks.get(key, node.mark), _(
                    "“{agency}” is given a task but does not receive the plan; add it to Nơi "
                    "nhận (or a group line that includes it)"), agency=agency)


RULE = Rule("VB402", "agencies-receive-plan", Severity.WARNING, __doc__, check)
