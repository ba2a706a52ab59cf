"""Decimal numbers such as “2.1.” are not the decree's numbering.

## Why
Below a khoản “2.” the decree uses points “a)”, “b)” (Phụ lục I, II.6.đ). Decimal numbering
(“2.1.”, “2.2.”) is seen in real plans but is not the prescribed form; it is a warning, not
an error. It is one choice for the whole document: reported once, at the first decimal
number, with how many there are — and the levels below a decimal number are not reported
again by VB202.

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
    found = list(written_numbers(ctx.plan, "decimal"))
    if found:  # a choice of the whole document: reported once, at the first such number
        _node, label, mark = found[0]
        yield ctx.finding(mark, _(
            "{count} number(s) are decimal, the first “{label}”: the decree does not use "
            "decimal numbering; number the parts of a khoản a), b), c) …"),
            count=len(found), label=label.text)


RULE = Rule("VB203", "decimal-numbering", Severity.WARNING, __doc__, check)
