"""The style of a written number matches its level: I. → 1. → a) → - → +.

## Why
The decree numbers mục with Roman numerals, khoản with Arabic numerals and điểm with letters
(Phụ lục I, II.6.đ); practice continues with “-” and “+”, and often uses a “-” list directly
under a mục or a khoản, which is accepted. A “+” directly under “1.”, a letter directly under
“I.” or an Arabic number at the level of a point skips levels the reader relies on.

## Bad
```yaml
- title: Sở Tư pháp
  content:
    - {number: "+", text: Tổ chức hội nghị.}
```

## Good
```yaml
- title: Sở Tư pháp
  content:
    - text: Tổ chức hội nghị.        # numbered a) by vanban
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.decree.numbering import (
    KIND_NAMES, accepted, auto_label, chain, parse_label, style_at,
)
from vanban.i18n import _
from vanban.plan.model import Node
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext
from vanban.rules._walk import number_mark, sibling_groups


def check(ctx: RuleContext) -> Iterator[Finding]:
    assert ctx.plan is not None
    # under “3.1.” every level below is shifted; VB203 reports the decimal numbering once
    shifted = {id(node) for top in ctx.plan.nodes()
               if top.number and parse_label(top.number).kind == "decimal" for node in top.walk()}
    for parent, group, numbering in sibling_groups(ctx.plan):
        if parent is not None and id(parent) in shifted:
            continue
        wrong: dict[str, list[Node]] = {}
        for node in group:
            if node.number is None:
                continue
            label = parse_label(node.number)
            if label.kind in ("decimal", "latin", "part", "unknown"):
                continue  # VB203, VB204 and VB205 say what is wrong with these
            if label.kind not in accepted(node.depth, numbering):
                wrong.setdefault(label.text, []).append(node)
        for text, nodes in wrong.items():  # one finding per run, at its first item
            first = nodes[0]
            yield ctx.finding(number_mark(first), _(
                "{count} item(s) numbered “{label}” sit at the level of a {level}, which the "
                "decree numbers “{expected}”; the order is {chain}"),
                count=len(nodes), label=text, level=KIND_NAMES[style_at(first.depth, numbering)],
                expected=auto_label(first.depth, 1, numbering), chain=chain(numbering))


RULE = Rule("VB202", "numbering-style", Severity.WARNING, __doc__, check)
