"""The numbers of a series have no gaps among the plans checked together.

## Why
Numbers are given in issue order without gaps (Điều 15). A gap among the plans of one issuer,
symbol and year (12, 13, 15) often means a plan is missing from the folder or a number was
mistyped. It is a warning: the series may be shared with documents not in the folder.

## Bad
```text
a.yaml: 12/KH-UBND   b.yaml: 13/KH-UBND   c.yaml: 15/KH-UBND
```

## Good
```text
a.yaml: 12/KH-UBND   b.yaml: 13/KH-UBND   c.yaml: 14/KH-UBND
```
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, FolderContext, PlanFacts, Rule
from vanban.rules.vb701_duplicate_number import series_key


def check(ctx: FolderContext) -> Iterator[Finding]:
    series: dict[tuple[str, str, int], dict[int, PlanFacts]] = defaultdict(dict)
    for plan in ctx.plans:
        key = series_key(plan)
        if key is not None:
            series[key].setdefault(plan.number, plan)  # type: ignore[arg-type]
    for key, plans in series.items():
        numbers = sorted(plans)
        for low, high in zip(numbers, numbers[1:]):
            if high - low > 1:
                plan = plans[high]
                missing = f"{low + 1}" if high - low == 2 else f"{low + 1}–{high - 1}"
                yield ctx.finding(plan.number_mark, _(
                    "the {symbol} series of {year} jumps from {low} to {high}: {missing} not "
                    "among the plans checked"), symbol=key[1], year=key[2], low=low, high=high,
                    missing=missing)


RULE = Rule("VB702", "number-gap", Severity.WARNING, __doc__, check, scope="folder")
