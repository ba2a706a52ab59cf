"""The ledger as JSON: stable keys in a fixed order, dates in ISO form, codes in English
(``lead``, ``overdue``) for programs and their Vietnamese names beside them for people."""

from __future__ import annotations

import json
from typing import Any

from vanban.ledger.rows import ROLE_NAMES, TaskRow
from vanban.ledger.status import STATUS_NAMES

#: Bumped when a key changes meaning or goes away (new keys may be added).
JSON_VERSION = 1


def row_data(row: TaskRow) -> dict[str, Any]:
    return {
        "uid": row.uid,
        "path": row.path,
        "doctype": row.doctype,
        "reference": row.reference,
        "date": row.date.iso() if row.date else None,
        "title": row.title,
        "section": row.section,
        "task": row.task,
        "agency": row.agency,
        "role": row.role,
        "role_name": ROLE_NAMES[row.role] if row.role else None,
        "deadline": row.deadline.iso() if row.deadline else None,
        "due": row.due.isoformat() if row.due else None,
        "timeframe": row.timeframe,
        "product": row.product,
        "status": row.status,
        "status_name": STATUS_NAMES[row.status],
        "via_group": row.via_group,
    }


def json_bytes(rows: list[TaskRow], *, today: Any) -> bytes:
    data = {"version": JSON_VERSION, "today": today.isoformat(),
            "tasks": [row_data(r) for r in rows]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
