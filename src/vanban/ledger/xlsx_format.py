"""The ledger as an Excel workbook (openpyxl): a header row that stays in view and filters,
columns sized for their content, dates as real dates shown dd/mm/yyyy as Vietnamese offices
write them, and overdue rows marked in red so they stand out before any filter is set."""

from __future__ import annotations

import datetime as _dt
import io

from vanban.ledger.columns import columns
from vanban.ledger.rows import TaskRow

SHEET_TITLE = "Nhiệm vụ"
DATE_FORMAT = "dd/mm/yyyy"
OVERDUE_FILL = "FFF4CCCC"  # light red
OVERDUE_FONT = "FF9C0006"  # dark red
HEADER_FILL = "FFD9E1F2"
#: Long texts wrap within their column instead of running over the next ones.
WRAPPED = {"title", "section", "task", "agency", "timeframe", "product"}


def xlsx_bytes(rows: list[TaskRow], *, via_group: bool = False,
               today: _dt.date | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    chosen = columns(via_group)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append([c.header for c in chosen])
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    overdue_fill = PatternFill("solid", fgColor=OVERDUE_FILL)
    overdue_font = Font(color=OVERDUE_FONT)
    for number, row in enumerate(rows, start=2):
        sheet.append([c.value(row) for c in chosen])
        for column, cell in zip(chosen, sheet[number]):
            if column.kind == "date" and isinstance(cell.value, (_dt.date, _dt.datetime)):
                cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(wrap_text=column.key in WRAPPED, vertical="top")
            if row.status == "overdue":
                cell.fill = overdue_fill
                cell.font = overdue_font
    for index, column in enumerate(chosen, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    last = get_column_letter(len(chosen))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 1)}"
    sheet.freeze_panes = "A2"
    if today is not None:  # the same ledger on the same day gives the same properties
        stamp = _dt.datetime(today.year, today.month, today.day)
        book.properties.created = book.properties.modified = stamp
    book.properties.creator = "vanban"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
