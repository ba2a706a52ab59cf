"""Headings do not end with a colon or a full stop.

## Why
In the decree's model layouts a heading (`I. MỤC ĐÍCH, YÊU CẦU`, `1. Mục đích`) stands alone
without closing punctuation; “I. MỤC ĐÍCH, YÊU CẦU:” is a common slip copied from running
text. The fix removes the mark.

## Bad
```yaml
- title: "Mục đích, yêu cầu:"
```

## Good
```yaml
- title: Mục đích, yêu cầu
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.plan.edits import by_regex
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext

_TRAILING = re.compile(r"\s*[:.;]+(?=[\"']?$)")


def check(ctx: RuleContext) -> Iterator[Finding]:
    assert ctx.plan is not None
    for node in ctx.plan.nodes():
        if node.title is None or node.title.rstrip()[-1:] not in (":", ".", ";"):
            continue
        if node.title.endswith("...") or node.title.endswith("…"):
            continue
        if node.agency is not None and node.title.rstrip().endswith(":"):
            continue  # “1. Sở Nội vụ:” introduces the agency's tasks: its colon is in place
        mark = node.marks.get("title", node.mark)
        scalar = ctx.scalar_at(mark)
        fix = None
        if scalar is not None:
            fix = by_regex(ctx.source.text, scalar, _TRAILING, lambda m: "")
        yield ctx.finding(mark, _("the heading “{title}” ends with “{char}”; remove it"), fix,
                          title=node.title, char=node.title.rstrip()[-1])


RULE = Rule("VB104", "heading-punctuation", Severity.WARNING, __doc__, check, fixable=True)
