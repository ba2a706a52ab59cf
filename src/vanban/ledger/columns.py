"""The ledger's columns as spreadsheets and the terminal show them: Vietnamese headers (the
language of the documents, whatever the language of messages) and each row's values."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from vanban.decree.tasks import TASK_LABELS
from vanban.ledger.rows import ROLE_NAMES, TaskRow
from vanban.ledger.status import STATUS_NAMES
from vanban.text.vnformat import PlanDate, short_date

Value = str | _dt.date | None


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    value: Callable[[TaskRow], Value]
    width: float  # in characters, for a spreadsheet
    kind: Literal["text", "date"] = "text"


def plan_date(date: PlanDate | None) -> Value:
    """A whole date as a date; a partial one as the document writes it (``6/2026``)."""
    if date is None:
        return None
    return date.to_date() or short_date(date)


def role_name(row: TaskRow) -> str:
    return ROLE_NAMES[row.role].capitalize() if row.role else ""


def status_name(row: TaskRow) -> str:
    return STATUS_NAMES[row.status].capitalize()


COLUMNS: tuple[Column, ...] = (
    Column("doctype", "Loại văn bản", lambda r: r.doctype, 12),
    Column("reference", "Số, ký hiệu", lambda r: r.reference, 16),
    Column("date", "Ngày ban hành", lambda r: plan_date(r.date), 13, "date"),
    Column("title", "Trích yếu", lambda r: r.title, 40),
    Column("section", "Mục", lambda r: r.section, 28),
    Column("task", "Nhiệm vụ", lambda r: r.task, 60),
    Column("agency", "Cơ quan", lambda r: r.agency, 30),
    Column("role", "Vai trò", role_name, 10),
    Column("deadline", TASK_LABELS["deadline"], lambda r: plan_date(r.deadline), 14, "date"),
    Column("timeframe", TASK_LABELS["timeframe"], lambda r: r.timeframe, 20),
    Column("product", TASK_LABELS["product"], lambda r: r.product, 30),
    Column("status", "Tình trạng", status_name, 13),
    Column("via_group", "Qua nhóm", lambda r: "x" if r.via_group else "", 10),
    Column("path", "Tệp", lambda r: r.path, 30),
)


def columns(via_group: bool) -> tuple[Column, ...]:
    """The columns to write; “Qua nhóm” only when rows were chosen for an agency."""
    return tuple(c for c in COLUMNS if via_group or c.key != "via_group")
