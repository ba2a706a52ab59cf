"""The ledger as CSV: UTF-8 with a byte-order mark, which Excel needs to read Vietnamese
rather than guess a code page, a header row, and dates in ISO form (2026-06-30), which
spreadsheets read as dates in every locale."""

from __future__ import annotations

import csv
import datetime as _dt
import io

from vanban.ledger.columns import columns
from vanban.ledger.rows import TaskRow


def _cell(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def csv_bytes(rows: list[TaskRow], *, via_group: bool = False) -> bytes:
    chosen = columns(via_group)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow([c.header for c in chosen])
    for row in rows:
        writer.writerow([_cell(c.value(row)) for c in chosen])
    return out.getvalue().encode("utf-8-sig")
