"""Decimal numbers such as “2.1.” are not the decree's numbering.

## Why
Below a khoản “2.” the decree uses points “a)”, “b)” (Phụ lục I, II.6.đ). Decimal numbering
(“2.1.”, “2.2.”) is seen in real plans but is not the prescribed form; it is a warning, not
an error.

## Bad
```yaml
- {number: "2.1.", text: Rà soát văn bản.}
```

## Good
```yaml
- {number: "a)", text: Rà soát văn bản.}
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
    for _node, label, mark in written_numbers(ctx.plan, "decimal"):
        yield ctx.finding(mark, _(
            "“{label}” is decimal numbering, which the decree does not use; number the "
            "parts of a khoản a), b), c) …"), label=label.text)


RULE = Rule("VB203", "decimal-numbering", Severity.WARNING, __doc__, check)
