"""Nơi nhận lists the recipients and ends with “Lưu: VT, …”.

## Why
Every document lists where it goes and keeps its original at the văn thư: the last line is
`- Lưu: VT, <drafting unit> (<copies>).` with VT first (Phụ lục I, II.9). “Như trên” refers to
a Kính gửi line, which a Kế hoạch does not have. A recipient listed twice gets two copies.

## Bad
```yaml
recipients: []
archive: PCNC, VT
```

## Good
```yaml
recipients: [Công an tỉnh, Các Sở, ngành liên quan]
archive: VT, PCNC
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.plan.edits import literal
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    if not plan.recipients and plan.archive is None:  # one cause, one finding
        yield ctx.finding(plan.marks.get("recipients", plan.mark), _(
            "there is no Nơi nhận: list the bodies that carry out, oversee or need to know the "
            "plan, and end with “- Lưu: VT, <drafting unit>.” (the văn thư keeps the original)"))
        return
    if not plan.recipients:
        yield ctx.finding(plan.marks.get("recipients", plan.mark), _(
            "Nơi nhận is empty: list the bodies that carry out, oversee or need to know the plan"))
    if plan.archive is None:
        yield ctx.finding(plan.marks.get("recipients", plan.mark), _(
            "Nơi nhận has no “Lưu:” line: end it with “- Lưu: VT, <drafting unit>.” (the văn "
            "thư keeps the original)"))
        return
    units = plan.archive.units
    if units[0].startswith(("VT.", "VT;")):  # “VT. NC.Châu”: the separator after VT
        first = units[0][3:].strip()
        yield ctx.finding(plan.archive.mark, _(
            "separate the units of the archive line with commas: “Lưu: {line}”"),
            line=", ".join(["VT", *([first] if first else []), *units[1:]]))
    elif "VT" not in units:
        yield ctx.finding(plan.archive.mark, _(
            "the archive line starts with “VT” (the văn thư keeps the original): “Lưu: VT, {units}”"),
            units=", ".join(units))
    elif units[0] != "VT":
        scalar = ctx.scalar_at(plan.archive.mark)
        order = ["VT", *[u for u in units if u != "VT"]]
        fix = literal(ctx.source.text, scalar, ", ".join(units), ", ".join(order)) if scalar else None
        yield ctx.finding(plan.archive.mark, _("put “VT” first in the archive line: “Lưu: {line}”"),
                          fix, line=", ".join(order))
    seen: dict[str, int] = {}
    for recipient in plan.recipients:
        key = " ".join(recipient.name.lower().split())
        if key in seen:
            yield ctx.finding(recipient.mark, _("“{name}” is listed twice in Nơi nhận"),
                              name=recipient.name)
        seen[key] = 1
        if key.startswith("như trên") and not plan.addressed():
            yield ctx.finding(recipient.mark, _(
                "“Như trên” refers to a Kính gửi line, which this {type} does not have; name "
                "the recipients"), type=plan.doctype.name)


RULE = Rule("VB401", "recipients", Severity.ERROR, __doc__, check, fixable=True)
