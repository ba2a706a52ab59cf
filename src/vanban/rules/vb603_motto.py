"""The Tiêu ngữ is written “Độc lập - Tự do - Hạnh phúc”: hyphens with a space on each side.

## Why
Phụ lục I, II.1.b: the phrases are joined by a hyphen “-” with spaces around it. En and em
dashes (“–”, “—”) or missing spaces are frequent when the motto is pasted from other
documents. The fix writes the hyphens.

## Bad
```yaml
- "… dưới khẩu hiệu Độc lập – Tự do – Hạnh phúc"
```

## Good
```yaml
- "… dưới khẩu hiệu Độc lập - Tự do - Hạnh phúc"
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext

_MOTTO = re.compile(r"(Độc lập)\s*[-–—‒―]\s*(Tự do)\s*[-–—‒―]\s*(Hạnh phúc)", re.IGNORECASE)


def check(ctx: RuleContext) -> Iterator[Finding]:
    if "độc lập" not in ctx.source.text.lower():
        return  # most plans never quote the motto: skip the case-insensitive scan
    for tm in ctx.text_matches(_MOTTO):
        m = tm.match
        right = f"{m.group(1)} - {m.group(2)} - {m.group(3)}"
        if m.group() != right:
            yield ctx.finding(tm.mark, _(
                "write the Tiêu ngữ with hyphens and spaces: “{right}”"), tm.fix(right),
                right=right)


RULE = Rule("VB603", "motto", Severity.WARNING, __doc__, check, needs_plan=False, fixable=True)
