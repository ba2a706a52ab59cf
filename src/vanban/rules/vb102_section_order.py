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


def _longest_in_order(ranks: list[int]) -> set[int]:
    """Indexes of a longest non-decreasing subsequence (the sections already in order)."""
    best: list[list[int]] = []
    for i, rank in enumerate(ranks):
        chain = max((c for c in best if ranks[c[-1]] <= rank), key=len, default=[])
        best.append(chain + [i])
    return set(max(best, key=len, default=[]))


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    order = [p.key for p in plan.doctype.parts]
    names = {p.key: p.name for p in plan.doctype.parts}
    # one heading may hold two parts (“MỤC TIÊU, NHIỆM VỤ”): they count in their own order
    found = sorted(((i, k) for k, i in found_parts(plan).items() if i >= 0),
                   key=lambda item: (item[0], order.index(item[1])))
    ranks = [order.index(k) for _i, k in found]
    in_order = _longest_in_order(ranks)
    sequence = " → ".join(names[k] for k in order)
    for position, (index, key) in enumerate(found):
        if position in in_order:
            continue
        section = plan.sections[index]
        yield ctx.finding(section.marks.get("title", section.mark), _(
            "“{title}” ({part}) is out of the usual order: {order}"),
            title=section.heading, part=names[key], order=sequence)


RULE = Rule("VB102", "section-order", Severity.WARNING, __doc__, check)
