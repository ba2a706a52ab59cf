"""Numbers written in the plan follow the sequence of their level: no gaps, no repeats.

## Why
Plans imported from existing documents keep their numbers as written (`number:`); a
repeated “II.”, a list of points that jumps from “d)” to “e)” (skipping “đ)”) or from
“2.” to “4.” makes every reference to them ambiguous. Numbers vanban writes itself are
always in sequence; this rule checks the ones written by hand.

## Bad
```yaml
sections:
  - {number: "I.", title: Mục đích, yêu cầu, content: [...]}
  - {number: "II.", title: Công tác trọng tâm, content: [...]}
  - {number: "II.", title: Nội dung tuyên truyền, content: [...]}
```

## Good
```yaml
sections:
  - {number: "I.", title: Mục đích, yêu cầu, content: [...]}
  - {number: "II.", title: Công tác trọng tâm, content: [...]}
  - {number: "III.", title: Nội dung tuyên truyền, content: [...]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.decree.numbering import auto_label, parse_label, written
from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext
from vanban.rules._walk import number_mark, sibling_groups

COUNTED = ("roman", "arabic", "letter", "article")


def check(ctx: RuleContext) -> Iterator[Finding]:
    assert ctx.plan is not None
    for _parent, group, numbering in sibling_groups(ctx.plan):
        counts: dict[str, int] = {}
        for position, node in enumerate(group, start=1):
            # A node without a written number has the one vanban gives it at this position,
            # so a slip among written numbers is measured against the whole list.
            written_here = node.number is not None
            label = parse_label(node.number if written_here else
                                auto_label(node.depth, position, numbering))
            if label.kind not in COUNTED or label.value is None:
                continue
            expected = counts.get(label.kind, 0) + 1
            counts[label.kind] = label.value  # resynchronise: one slip, one finding
            if label.value == expected or not written_here:
                continue
            mark = number_mark(node)
            want = written(label.kind, expected)
            if label.value == expected - 1:
                yield ctx.finding(mark, _("“{label}” is repeated; this one should be “{expected}”"),
                                  label=label.text, expected=want)
            elif expected == 1:
                yield ctx.finding(mark, _("the first item is numbered “{label}”; a list starts at "
                                          "“{expected}”"), label=label.text, expected=want)
            elif label.value > expected:
                yield ctx.finding(mark, _(
                    "numbering skips from “{previous}” to “{label}”; expected “{expected}”"),
                    label=label.text, expected=want, previous=written(label.kind, expected - 1))
            else:
                yield ctx.finding(mark, _("“{label}” is out of order; expected “{expected}”"),
                                  label=label.text, expected=want)


RULE = Rule("VB201", "numbering-sequence", Severity.ERROR, __doc__, check)
