"""Points use Vietnamese letters: a b c d đ e g h i k l m n o p q r s t u v x y.

## Why
The decree orders points “in the order of the Vietnamese alphabet”, which has no f, j, w, z
and has đ after d. “f)” shows a list numbered with the Latin alphabet; the sequence rule
(VB201) reports a missing “đ)”.

## Bad
```yaml
- {number: "e)", text: …}
- {number: "f)", text: …}
```

## Good
```yaml
- {number: "e)", text: …}
- {number: "g)", text: …}
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
    for _node, label, mark in written_numbers(ctx.plan, "latin"):
        yield ctx.finding(mark, _(
            "“{label}” is not a Vietnamese letter; points run a b c d đ e g h i k l m n o p q "
            "r s t u v x y"), label=label.text)


RULE = Rule("VB204", "point-letters", Severity.ERROR, __doc__, check)
