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
from vanban.rules._labels import parse_label


def check(ctx: RuleContext) -> Iterator[Finding]:
    assert ctx.plan is not None
    for node in ctx.plan.nodes():
        if node.number is not None and parse_label(node.number).kind == "latin":
            yield ctx.finding(node.marks.get("number", node.mark), _(
                "“{label}” is not a Vietnamese letter; points run a b c d đ e g h i k l m n o p q "
                "r s t u v x y"), label=node.number)


RULE = Rule("VB204", "point-letters", Severity.ERROR, __doc__, check)
