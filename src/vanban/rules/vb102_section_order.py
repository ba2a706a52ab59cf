"""The main sections come in a sensible order: purpose, contents, funding, organisation.

## Why
Readers and reviewers expect the order every plan uses — why, what, with what money, who
does it; “Tổ chức thực hiện” before “Mục đích, yêu cầu” reads as a plan turned upside down.

## Bad
```yaml
sections:
  - title: Tổ chức thực hiện
  - title: Mục đích, yêu cầu
  - title: Nội dung
```

## Good
```yaml
sections:
  - title: Mục đích, yêu cầu
  - title: Nội dung
  - title: Tổ chức thực hiện
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext
from vanban.rules.vb101_required_sections import found_parts


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    order = [p.key for p in plan.doctype.parts]
    names = {p.key: p.name for p in plan.doctype.parts}
    found = {k: i for k, i in found_parts(plan).items() if i >= 0}
    seen: list[str] = []
    for key in sorted(found, key=lambda k: (found[k], order.index(k))):
        later = [k for k in seen if order.index(k) > order.index(key) and found[k] < found[key]]
        if later:
            section = plan.sections[found[key]]
            yield ctx.finding(section.marks.get("title", section.mark), _(
                "“{title}” ({part}) should come before “{other}”"),
                title=section.heading, part=names[key],
                other=plan.sections[found[later[0]]].heading)
        seen.append(key)


RULE = Rule("VB102", "section-order", Severity.WARNING, __doc__, check)
