"""The ledger as an Excel workbook (openpyxl): a header row that stays in view and filters,
columns sized for their content, dates as real dates shown dd/mm/yyyy as Vietnamese offices
write them, and overdue rows marked in red so they stand out before any filter is set."""

from __future__ import annotations

import datetime as _dt
import io
from copy import copy
from typing import TYPE_CHECKING

from vanban.ledger.columns import columns
from vanban.ledger.rows import TaskRow

if TYPE_CHECKING:
    from openpyxl.styles.cell_style import StyleArray

SHEET_TITLE = "Nhiệm vụ"
DATE_FORMAT = "dd/mm/yyyy"
OVERDUE_FILL = "FFF4CCCC"  # light red
OVERDUE_FONT = "FF9C0006"  # dark red
HEADER_FILL = "FFD9E1F2"
#: Long texts wrap within their column instead of running over the next ones.
WRAPPED = {"title", "section", "task", "agency", "timeframe", "product"}


def xlsx_bytes(rows: list[TaskRow], *, via_group: bool = False,
               today: _dt.date | None = None) -> bytes:
    # Write-only mode streams the rows: the workbook of thousands of tasks is written in a
    # second, not rebuilt cell by cell in memory; each style is made once and shared.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    chosen = columns(via_group)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE)
    for index, column in enumerate(chosen, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(chosen))}{len(rows) + 1}"

    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    header_align = Alignment(wrap_text=True, vertical="center")
    header = []
    for column in chosen:
        cell = WriteOnlyCell(sheet, column.header)
        cell.font, cell.fill, cell.alignment = bold, header_fill, header_align
        header.append(cell)
    sheet.append(header)
    wrap, plain = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    overdue_fill, overdue_font = PatternFill("solid", fgColor=OVERDUE_FILL), \
        Font(color=OVERDUE_FONT)
    # A cell's style is a few indices into the workbook's lists; setting font, fill and
    # alignment looks each up by hashing it, most of the time spent. There are at most eight
    # styles here: each is looked up once, on a model cell, and its indices copied after.
    styles: dict[tuple[bool, bool, bool], StyleArray] = {}

    def style(wrapped: bool, dated: bool, overdue: bool) -> StyleArray:
        key = (wrapped, dated, overdue)
        if key not in styles:
            model = WriteOnlyCell(sheet)
            model.alignment = wrap if wrapped else plain
            if dated:
                model.number_format = DATE_FORMAT
            if overdue:
                model.fill, model.font = overdue_fill, overdue_font
            styles[key] = model._style
        return styles[key]

    for row in rows:
        cells = []
        for column in chosen:
            cell = WriteOnlyCell(sheet, column.value(row))
            dated = column.kind == "date" and isinstance(cell.value, (_dt.date, _dt.datetime))
            cell._style = copy(style(column.key in WRAPPED, dated, row.status == "overdue"))
            cells.append(cell)
        sheet.append(cells)
    if today is not None:  # the same ledger on the same day gives the same properties
        stamp = _dt.datetime(today.year, today.month, today.day)
        book.properties.created = book.properties.modified = stamp
    book.properties.creator = "vanban"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
