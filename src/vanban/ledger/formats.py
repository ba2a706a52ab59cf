"""One entry point for every output format; each format's writer is imported when asked
for (openpyxl only for xlsx)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from vanban.ledger.rows import TaskRow

FORMATS = ("table", "csv", "xlsx", "ics", "json")
#: Formats that are not text to print on a terminal.
BINARY_FORMATS = ("xlsx",)


@dataclass(frozen=True)
class Options:
    today: _dt.date
    agency: str | None = None  # the rows were chosen for this agency
    width: int = 120  # of the terminal, for the table


def write(rows: list[TaskRow], fmt: str, options: Options) -> bytes:
    """``rows`` in ``fmt`` (one of :data:`FORMATS`), as the bytes of the file."""
    via_group = options.agency is not None
    if fmt == "table":
        from vanban.ledger.table import table_text

        return table_text(rows, width=options.width).encode("utf-8")
    if fmt == "csv":
        from vanban.ledger.csv_format import csv_bytes

        return csv_bytes(rows, via_group=via_group)
    if fmt == "xlsx":
        from vanban.ledger.xlsx_format import xlsx_bytes

        return xlsx_bytes(rows, via_group=via_group, today=options.today)
    if fmt == "ics":
        from vanban.ledger.ics import ics_bytes

        name = f"Nhiệm vụ — {options.agency}" if options.agency else "Nhiệm vụ"
        return ics_bytes(rows, today=options.today, name=name)
    if fmt == "json":
        from vanban.ledger.json_format import json_bytes

        return json_bytes(rows, today=options.today)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
