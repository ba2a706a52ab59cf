"""The body refers to each of its appendices.

## Why
An appendix (phụ lục) is part of the document only through the sentence that sends the
reader to it: Decree 30 requires the body to refer to each one (Phụ lục I, component 27). An
appendix nobody refers to is either forgotten in the text or left over from an earlier
draft. With one appendix any mention of “phụ lục” counts; with several, each is named by its
number (“Phụ lục I, II”, “Phụ lục I đến Phụ lục III”). An appendix headed by its title
alone (“DANH SÁCH thành viên …”) is referred to by its kind: “danh sách … kèm theo”.

## Bad
```yaml
sections:
  - title: Nhiệm vụ
    content:
      - Các sở, ngành thực hiện nhiệm vụ tại Phụ lục I kèm theo.
appendices:
  - title: Danh mục nhiệm vụ
  - title: Chỉ tiêu năm 2026     # Phụ lục II: the body never mentions it
```

## Good
```yaml
sections:
  - title: Nhiệm vụ
    content:
      - Các sở, ngành thực hiện nhiệm vụ tại Phụ lục I, chỉ tiêu tại Phụ lục II kèm theo.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from vanban.decree.references import appendix_label
from vanban.i18n import _
from vanban.plan.model import Appendix, Block, Node, Paragraph, Plan, Table
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext
from vanban.text.vnformat import from_roman

#: Roman numerals in capitals only: “phụ lục vi phạm” names no appendix VI.
_NUMERAL = r"(?:số\s*)?(?:(?-i:[IVXLC]+)\b|\d+)"
_JOIN = r"\s*(?:,|;|và|-|–|đến|tới)\s*(?:(?:các\s+)?phụ\s+lục\s+)?"
#: “Phụ lục I, II và IV”, “Phụ lục số 01 - 03”: a mention with its numerals.
MENTION = re.compile(rf"phụ\s+lục(?:\s+(?P<numerals>{_NUMERAL}(?:{_JOIN}{_NUMERAL})*))?",
                     re.IGNORECASE)
_ONE = re.compile(r"\b((?-i:[IVXLC]+)|\d+)\b|(-|–|đến|tới)", re.IGNORECASE)


def numeral_value(text: str) -> int | None:
    """``II`` → 2, ``02`` → 2."""
    return int(text) if text.isdigit() else from_roman(text)


def mentioned(texts: Iterable[str]) -> tuple[bool, set[int]]:
    """Whether the texts mention “phụ lục” at all, and which appendix numbers they name
    (ranges expanded)."""
    anything, numbers = False, set()
    for text in texts:
        for m in MENTION.finditer(text):
            anything = True
            previous, in_range = None, False
            for part in _ONE.finditer(m.group("numerals") or ""):
                if part.group(2):
                    in_range = True
                    continue
                value = numeral_value(part.group(1))
                if value is None:
                    continue
                if in_range and previous is not None and previous < value <= previous + 50:
                    numbers.update(range(previous, value + 1))
                numbers.add(value)
                previous, in_range = value, False
    return anything, numbers


def block_texts(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Node):
            yield from filter(None, (block.title, block.text, block.product, block.timeframe))
            yield from block_texts(block.content)
        elif isinstance(block, Table):
            if block.title:
                yield block.title
            for row in block.rows:
                yield from (row.cells if row.group is None else (row.group,))


def body_texts(opening: list[Paragraph], sections: list[Node],
               closing: list[Paragraph]) -> Iterator[str]:
    yield from block_texts(opening)
    yield from block_texts(sections)
    yield from block_texts(closing)


def _number(appendix: Appendix, index: int) -> int | None:
    """The appendix's number: from its heading as written, else its place."""
    if appendix.label:
        m = re.search(r"(?:số\s*)?\b([IVXLC]+|\d+)\b", appendix.label.split("lục", 1)[-1])
        return numeral_value(m.group(1)) if m else None
    return index


def _kind_mentioned(appendix: Appendix, texts: list[str]) -> bool:
    """An appendix with no “Phụ lục” heading (“DANH SÁCH thành viên …”) is referred to by
    its kind with “kèm theo”: “(có danh sách chi tiết kèm theo)”."""
    kind = " ".join(appendix.title.split()[:2]).casefold()
    return any(kind in t.casefold() and "kèm theo" in t.casefold() for t in texts)


def _unreferred(appendices: list[Appendix], texts: list[str]) -> Iterator[tuple[Appendix, str]]:
    if not appendices:
        return
    anything, numbers = mentioned(texts)
    for index, appendix in enumerate(appendices, start=1):
        if appendix.label == "":
            if not _kind_mentioned(appendix, texts):
                yield appendix, " ".join(appendix.title.split()[:2])
            continue
        label = appendix.label or appendix_label(index, len(appendices))
        number = _number(appendix, index)
        if len(appendices) == 1 or number is None:
            if not anything:
                yield appendix, label
        elif number not in numbers:
            yield appendix, label


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan: Plan | None = ctx.plan
    assert plan is not None
    own = list(body_texts(plan.opening, plan.sections, plan.closing))
    groups = [(plan.appendices, own)]
    if plan.attachment is not None:
        att = plan.attachment
        groups.append((att.appendices,
                       own + list(body_texts(att.opening, att.sections, att.closing))))
    for appendices, texts in groups:
        for appendix, label in _unreferred(appendices, texts):
            yield ctx.finding(appendix.marks.get("title", appendix.mark), _(
                "no sentence of the body refers to {label}: say where it applies (“… tại "
                "{label} kèm theo”), as the decree requires for each appendix"), label=label)


RULE = Rule("VB106", "appendix-referred", Severity.WARNING, __doc__, check)
