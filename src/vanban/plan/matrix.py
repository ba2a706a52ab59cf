"""The table of a document's tasks (phụ lục phân công nhiệm vụ), made from the task data.

A task is a numbered item that says who leads or supports it, by when, or what it yields
(``lead``, ``support``, ``deadline``, ``timeframe``, ``product``). The table lists them in the
order of the body under a group row per top-level section (``II. NHIỆM VỤ``), numbered 1…n
across the groups. The renderer prints it as a phụ lục (``tasks: true``); batch extracts, diff
and checks read the same rows, so the body and the table never say different things.
"""

from __future__ import annotations

from vanban.decree.numbering import auto_label
from vanban.decree.tasks import DEADLINE_PREFIX, TASK_LABELS
from vanban.plan.model import Column, Node, Row, Table
from vanban.problems import Mark
from vanban.text.fold import fold
from vanban.text.vnformat import PlanDate, short_date

#: The matrix's columns as provincial plans print them: header, relative width, alignment.
#: The widths give the agencies' columns room for a name on two or three lines.
ORDINAL_HEADER = "STT"
TASK_HEADER = "Nhiệm vụ"
WHEN_HEADER = "Thời gian hoàn thành"
COLUMNS = (
    (ORDINAL_HEADER, 5.0, "center"),
    (TASK_HEADER, 33.0, "left"),
    (TASK_LABELS["lead"], 17.0, "left"),
    (TASK_LABELS["support"], 19.0, "left"),
    (WHEN_HEADER, 12.0, "center"),
    (TASK_LABELS["product"], 14.0, "left"),
)
_NO_MARK = Mark("<tasks>", 0, 0)


def deadline_text(date: PlanDate) -> str:
    """A deadline as the body prints it after its label: ``trước ngày 30/6/2026``."""
    return f"{DEADLINE_PREFIX}{short_date(date)}"


def is_task(node: Node) -> bool:
    """Whether ``node`` carries task data (who, by when, what)."""
    return bool(node.lead or node.support or node.deadline or node.timeframe or node.product)


def _involves(node: Node, agency: str) -> bool:
    wanted = fold(agency)
    return any(fold(a) == wanted for a in (*node.lead, *node.support))


def _when(node: Node) -> str:
    parts = [deadline_text(node.deadline)] if node.deadline else []
    if node.timeframe:
        parts.append(node.timeframe)
    return "\n".join(parts)


def task_row(node: Node, ordinal: int) -> Row:
    """One task's row; several agencies stand one per paragraph of their cell."""
    cells = (str(ordinal), node.heading, "\n".join(node.lead), "\n".join(node.support),
             _when(node), node.product or "")
    return Row(cells, node.mark, marks={"cells": node.mark})


def section_label(section: Node, index: int, numbering: str) -> str:
    """The label of the ``index``-th top-level section (``II.``): as written, else as the
    body numbers it."""
    return section.number if section.number is not None else auto_label(1, index, numbering)


def group_text(section: Node, index: int, numbering: str) -> str:
    """A group row: the section's number and its heading in capitals (``II. NHIỆM VỤ``),
    as the body shows it."""
    return f"{section_label(section, index, numbering)} {section.heading.upper()}"


def task_table(sections: list[Node], numbering: str, agency: str | None = None) -> Table:
    """The tasks of ``sections`` (a body numbered ``numbering``) as a table; with ``agency``,
    only the rows where that agency leads or supports (names compared by :func:`fold`)."""
    mark = sections[0].mark if sections else _NO_MARK
    columns = [Column(header, mark, width=width, align=align)  # type: ignore[arg-type]
               for header, width, align in COLUMNS]
    rows: list[Row] = []
    ordinal = 0
    for index, section in enumerate(sections, start=1):
        tasks = [n for n in section.walk() if is_task(n)
                 and (agency is None or _involves(n, agency))]
        if not tasks:
            continue
        rows.append(Row((), section.mark, group=group_text(section, index, numbering)))
        for node in tasks:
            ordinal += 1
            rows.append(task_row(node, ordinal))
    return Table(columns, rows, mark)
