"""A written number that is not a number form the decree or practice knows.

## Why
`number:` keeps numbers as written in an existing document; something like “1)”, “A.”, “(a)”
or “*” cannot be placed in the sequence I. → 1. → a) → - → + and will confuse readers.

## Bad
```yaml
- {number: "(a)", text: …}
```

## Good
```yaml
- {number: "a)", text: …}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext
from vanban.rules._walk import written_numbers


def check(ctx: RuleContext) -> Iterator[Finding]:
    assert ctx.plan is not None
    for _node, label, mark in written_numbers(ctx.plan, "unknown"):
        yield ctx.finding(mark, _(
            "“{label}” is not a number form of the decree; use I., 1., a), - or +, or leave "
            "“number” out to number automatically"), label=label.text)


RULE = Rule("VB205", "unknown-number", Severity.WARNING, __doc__, check)
