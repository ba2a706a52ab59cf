"""The ledger's rows: one per task and agency role, read from a plan.

A task is what the plan's task matrix lists (:func:`vanban.plan.matrix.is_task`: a numbered
item that says who, by when or what), in every body — the document's, a decision's attached
plan's, each appendix's — under its top-level section. A task written inside an agency block
(“2. Sở Tài chính” followed by its tasks) without a lead of its own is that agency's, as
:meth:`Plan.assignments` has it; the block's general duties, with no date, timeframe or
product, are not tasks. A group line (“Các sở, ban, ngành”) is an agency of its own row.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from vanban.decree.tasks import TASK_LABELS
from vanban.ledger.status import Status, due_date, status_of
from vanban.ledger.uid import plan_identity, task_uid
from vanban.plan.matrix import is_task, section_label
from vanban.plan.model import Node, Paragraph, Plan
from vanban.text.vnformat import PlanDate

Role = Literal["lead", "support"]
#: “chủ trì”, “phối hợp”: the role words of the lines a task prints (“Cơ quan chủ trì”).
ROLE_NAMES: dict[str, str] = {role: TASK_LABELS[role].split(" ", 2)[2]
                              for role in ("lead", "support")}


@dataclass(frozen=True)
class TaskRow:
    """One task as one agency has it (``agency`` empty when the plan names nobody)."""

    path: str  # the file the plan was read from
    doctype: str  # “Kế hoạch”, “Quyết định”
    reference: str  # “45/KH-UBND”
    date: PlanDate | None  # the plan's date
    title: str  # trích yếu
    section: str  # “II. Nhiệm vụ, giải pháp”
    task: str
    agency: str
    role: Role | None
    deadline: PlanDate | None
    timeframe: str | None
    product: str | None
    status: Status
    uid: str
    via_group: bool = False  # selected for an agency through a group line that may include it

    @property
    def due(self) -> _dt.date | None:
        return due_date(self.deadline)


@dataclass(frozen=True)
class _Found:
    section: str
    node: Node
    lead: tuple[str, ...]
    deadline: PlanDate | None


def _section_name(section: Node, index: int, numbering: str) -> str:
    return f"{section_label(section, index, numbering)} {section.heading}".strip()


def _walk(node: Node, block: Node | None) -> Iterator[tuple[Node, Node | None]]:
    block = node if node.agency else block
    yield node, block
    for child in node.children:
        yield from _walk(child, block)


def _found(plan: Plan) -> Iterator[_Found]:
    for body in plan.bodies():
        for index, section in enumerate(body.sections, start=1):
            name = _section_name(section, index, body.numbering)
            for node, block in _walk(section, None):
                if not is_task(node):
                    continue
                lead = node.lead or ((block.agency,) if block is not None and block.agency
                                     else ())
                deadline = node.deadline or (block.deadline if block is not None else None)
                yield _Found(name, node, lead, deadline)


def task_text(node: Node) -> str:
    """What the task says: its text or title; an agency block that is a task itself (a
    deadline on the block) says it in its paragraphs."""
    if node.agency and node.heading == node.agency:
        said = " ".join(b.text for b in node.content if isinstance(b, Paragraph))
        return said or node.heading
    return node.heading


def plan_rows(plan: Plan, today: _dt.date, path: str | None = None) -> list[TaskRow]:
    """The rows of ``plan`` in the order of its body: each task's lead agencies, then its
    supporting ones."""
    identity = plan_identity(plan)
    seen: Counter[tuple[str, str, str | None]] = Counter()
    rows: list[TaskRow] = []
    for found in _found(plan):
        node = found.node
        text = task_text(node)
        roles: list[tuple[str, Role | None]] = [(a, "lead") for a in found.lead]
        roles += [(a, "support") for a in node.support]
        for agency, role in roles or [("", None)]:
            key = (text, agency, role)
            uid = task_uid(identity, text, agency, role, seen[key])
            seen[key] += 1
            rows.append(TaskRow(
                path=path or plan.path, doctype=plan.doctype.name, reference=plan.reference,
                date=plan.date, title=plan.title, section=found.section, task=text,
                agency=agency, role=role, deadline=found.deadline, timeframe=node.timeframe,
                product=node.product, status=status_of(due_date(found.deadline), today),
                uid=uid))
    return rows
