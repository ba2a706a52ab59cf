"""Two plans of the same issuer and year do not share a number.

## Why
A number and symbol identify one document for the whole year (Điều 15: numbering restarts on
01 January); two plans both numbered “45/KH-UBND” in 2026 cannot both be valid. Checked when
several plans are checked together (`vanban check plans/`); a finding names the first few
other plans and counts the rest.

## Bad
```text
a.yaml: number: 45, symbol KH-UBND, date 2026-01-15
b.yaml: number: 45, symbol KH-UBND, date 2026-03-02
```

## Good
```text
b.yaml: number: 46 …
```
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, FolderContext, PlanFacts, Rule


def series_key(plan: PlanFacts) -> tuple[str, str, int] | None:
    if plan.number is None or plan.year is None:
        return None
    return (plan.issuer, plan.symbol, plan.year)


#: How many other plans a finding names; the rest are counted, so a thousand plans sharing
#: a number give a thousand findings of a line each, not a million names.
NAMED = 3


def check(ctx: FolderContext) -> Iterator[Finding]:
    seen: dict[tuple[tuple[str, str, int], int], list[PlanFacts]] = defaultdict(list)
    for plan in ctx.plans:
        key = series_key(plan)
        if key is not None:
            seen[(key, plan.number)].append(plan)  # type: ignore[index]
    for (key, _number), plans in seen.items():
        if len(plans) < 2:
            continue
        for plan in plans:
            # the first plans but this one: enough to name, without listing them all
            others = [p.path for p in plans[:NAMED + 2] if p is not plan][:NAMED + 1]
            count = len(plans) - 1
            if count <= NAMED + 1:  # “and 1 other plan” would save nothing
                yield ctx.finding(plan.number_mark, _(
                    "the number {reference} of {year} is also used by {others}"),
                    reference=plan.reference, year=key[2], others=", ".join(others))
            else:
                yield ctx.finding(plan.number_mark, _(
                    "the number {reference} of {year} is also used by {others} and {count} "
                    "other plans"), reference=plan.reference, year=key[2],
                    others=", ".join(others[:NAMED]), count=count - NAMED)


RULE = Rule("VB701", "duplicate-number", Severity.ERROR, __doc__, check, scope="folder")
