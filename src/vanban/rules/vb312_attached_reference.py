"""The “(Kèm theo …)” line names the document it belongs to: its type, number and date.

## Why
An appendix, or a document a decision issues, is tied to its parent only by this line
(component 27; the attached-document form of Mẫu 1.3). Copied from an earlier document or
left from a previous draft, it sends the reader to another document. Fields still blank (a
draft's number, an electronic document's fields filled in when it is signed) are not wrong;
a field that is written must be the parent's. vanban writes the line itself unless a plan
gives it (`reference:`), as an imported document does.

## Bad
```yaml
type: Quyết định
number: 312
date: 2026-03-02
appendices:
  - title: Danh sách thành viên
    reference: (Kèm theo Quyết định số 311/QĐ-UBND ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)
```

## Good
```yaml
appendices:
  - title: Danh sách thành viên     # the line is made from the decision's number and date
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from vanban.decree.doctypes import find_type
from vanban.i18n import _
from vanban.plan.model import Plan
from vanban.problems import Mark, Severity
from vanban.rules._base import Finding, Rule, RuleContext
from vanban.text.vnformat import PlanDate

_LINE = re.compile(
    r"kèm\s+theo\s+(?P<type>[^\d(),]+?)\s+số\s*(?P<number>\d*)\s*/\s*(?P<symbol>[^\s,;)]*)"
    r"(?:\s+ngày\s*(?P<date>[^)]*?))?\s*(?:\bcủa\b|\)|$)", re.IGNORECASE)
_WORDS_DATE = re.compile(r"(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4})?",
                         re.IGNORECASE)
_SLASH_DATE = re.compile(r"(?P<day>\d{1,2})?\s*/\s*(?P<month>\d{1,2})?\s*/\s*(?P<year>\d{4})")


@dataclass(frozen=True)
class Cited:
    """What a (Kèm theo …) line names; None where it is blank."""

    type_name: str
    number: int | None
    symbol: str
    day: int | None
    month: int | None
    year: int | None


def parse_reference(line: str) -> Cited | None:
    m = _LINE.search(line)
    if m is None:
        return None
    day = month = year = None
    date = m.group("date") or ""
    d = _WORDS_DATE.search(date) or _SLASH_DATE.search(date)
    if d:
        day, month, year = (int(v) if v else None for v in d.group("day", "month", "year"))
    number = int(m.group("number")) if m.group("number") else None
    return Cited(" ".join(m.group("type").split()), number, m.group("symbol"), day, month, year)


def disagreements(cited: Cited, plan: Plan) -> list[str]:
    """What the line names that is not ``plan``: the fields, as the plan has them."""
    out = []
    cited_type = find_type(cited.type_name)
    if cited_type is not None and cited_type != plan.doctype:
        out.append(plan.doctype.name)
    if cited.number is not None and plan.number is not None and cited.number != plan.number:
        out.append(f"số {plan.number_printed.strip()}")
    if cited.symbol and cited.symbol != plan.symbol_text:
        out.append(plan.symbol_text)
    date: PlanDate | None = plan.date
    if date is not None:
        for cited_part, part in ((cited.year, date.year), (cited.month, date.month),
                                 (cited.day, date.day)):
            if cited_part is not None and part is not None and cited_part != part:
                out.append(date.iso())
                break
    return out


def _written(plan: Plan) -> Iterator[tuple[str, Mark, bool]]:
    """Each written line, where, and whether it may cite the attached document instead."""
    for appendix in plan.appendices:
        if appendix.reference:
            yield appendix.reference, appendix.marks.get("reference", appendix.mark), False
    if plan.attachment is not None:
        att = plan.attachment
        if att.reference:
            yield att.reference, att.marks.get("reference", att.mark), False
        for appendix in att.appendices:
            if appendix.reference:
                yield appendix.reference, appendix.marks.get("reference", appendix.mark), True


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    for line, mark, of_attachment in _written(plan):
        cited = parse_reference(line)
        if cited is None:
            continue
        if of_attachment and plan.attachment is not None and cited.number is None and \
                find_type(cited.type_name) == plan.attachment.doctype:
            continue  # “Kèm theo Kế hoạch ban hành kèm theo Quyết định …”: the plan has no number
        wrong = disagreements(cited, plan)
        if wrong:
            yield ctx.finding(mark, _(
                "this line does not name the document it belongs to ({reference}): write "
                "{fields} as that document has them"), reference=f"{plan.doctype.name} "
                f"{plan.reference}", fields=", ".join(wrong))


RULE = Rule("VB312", "attached-reference", Severity.ERROR, __doc__, check)
