"""A section or item with a heading has something under it.

## Why
A heading with nothing below it is usually a part the drafter meant to fill in later;
sent out, it shows an unfinished plan.

## Bad
```yaml
- title: Kinh phí thực hiện
```

## Good
```yaml
- title: Kinh phí thực hiện
  content:
    - Kinh phí bố trí từ dự toán ngân sách năm 2026.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.decree.numbering import parse_label
from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    assert ctx.plan is not None
    for node in ctx.plan.nodes():
        has_task = node.lead or node.support or node.deadline or node.timeframe or node.product
        if node.number and parse_label(node.number).kind == "part":
            continue  # “Phần thứ nhất”: its content is the sections that follow it
        if node.title is not None and not node.content and not has_task and not node.agency:
            yield ctx.finding(node.marks.get("title", node.mark), _(
                "“{title}” has nothing under it; write its content or remove the heading"),
                title=node.title)


RULE = Rule("VB103", "empty-section", Severity.WARNING, __doc__, check)
