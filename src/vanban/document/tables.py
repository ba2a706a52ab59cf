"""Tables of an imported document read as plan tables: columns (headers, group headers,
relative widths, alignment) and rows (cells as written, group rows).

A Word table's grid comes from the reader (:class:`~vanban.document.model.Table`: cells
with their spans and units); a text file writes a table as lines of cells separated by ``|``
or by tabs. Cells are text as written: several paragraphs of a cell are joined by line
breaks, numbers are never read as numbers. A cell merged across rows or columns is kept in
its first row and column, with empty cells beside and below it — the plan has no merged
body cells — and the table says so once (VB011).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from vanban.document.cursor import Cursor
from vanban.document.model import Cell, Para, Table
from vanban.i18n import _
from vanban.plan.serialize import Origin
from vanban.text.fold import is_upper

#: A group label in the first column: “I”, “II.”, “A” (a row that heads the rows below it).
_GROUP_LABEL = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
#: A Markdown table's rule under its header: “|---|:---:|”.
_TEXT_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_ALIGN = {"center": "center", "right": "right"}


def is_data_table(table: Table) -> bool:
    """A table of data, by its shape: a header row of at least two cells over at least one
    more row. A one-cell table, a single row (the header block, the signature, “Kính gửi:” |
    its list) or a first row that is one wide cell (a form boxed in a grid, the Phiếu
    trình's approval block) lays text out and is read as text."""
    if table.rows < 2 or table.parent is not None:
        return False
    first_row = [c for c in table.cells if c.row == 0]
    return len(first_row) >= 2


@dataclass
class _Grid:
    """A table's cells by grid position, its logical columns, and each unit's text."""

    table: Table
    paras: list[Para]
    at: dict[tuple[int, int], Cell] = field(default_factory=dict)
    columns: list[int] = field(default_factory=list)  # grid columns a column starts at
    flattened: set[int] = field(default_factory=set)  # ids of cells merged across rows or
    #                                                   columns, kept in their first position

    def __post_init__(self) -> None:
        for cell in self.table.cells:
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    self.at[(r, c)] = cell
        # a grid column no cell starts in is a sliver of its neighbour (rows not lined up)
        self.columns = sorted({cell.col for cell in self.table.cells})

    def width(self, index: int) -> float:
        start = self.columns[index]
        end = self.columns[index + 1] if index + 1 < len(self.columns) else len(
            self.table.widths_mm)
        return sum(self.table.widths_mm[start:end])

    def span(self, cell: Cell) -> int:
        """How many columns ``cell`` covers."""
        return sum(1 for c in self.columns if cell.col <= c < cell.col + cell.col_span)

    def units(self, cell: Cell, row: int) -> list[Para]:
        """The printed units of ``cell`` in ``row`` (its own, for a cell merged down)."""
        parts = cell.rows_units or (cell.units,)
        index = row - cell.row
        found = parts[index] if index < len(parts) else ()
        return [self.paras[i] for i in found if self.paras[i].text]


def _text(cur: Cursor, units: list[Para]) -> Any:
    units = [p for p in units if p.index not in cur.hidden]
    if not units:
        return ""
    return cur.origin(units[0], "\n".join(p.text for p in units))


def read_table(cur: Cursor, table: Table, role: str) -> dict[str, Any]:
    """The ``table`` block of a Word table; its units are recorded as ``role``."""
    grid = _Grid(table, cur.paras)
    for cell in table.cells:  # the printed units, as the cursor takes them
        for index in cell.units:
            if cur.paras[index].text and index not in cur.hidden:
                cur.roles.setdefault(role, []).append(cur.paras[index])
    header_rows = _header_rows(grid)
    columns = _columns(cur, grid, header_rows)
    rows: list[Any] = []
    guessed = 0
    for r in range(header_rows, table.rows):
        row, guess = _row(cur, grid, r)
        rows.append(row)
        guessed += guess
    first = cur.paras[min(table.cells[0].units)] if table.cells and table.cells[0].units \
        else None
    if first is not None and grid.flattened:
        cur.warn(first, _("table {table}: {count} cell(s) merged across rows or columns are "
                          "kept in their first row and column, with empty cells beside or "
                          "below"), table=table.index + 1, count=len(grid.flattened))
    if first is not None and guessed:
        cur.warn(first, _("table {table}: {count} row(s) with only a group number and a "
                          "heading (“I”, “II” …) are read as group rows spanning the table"),
                 table=table.index + 1, count=guessed)
    return {"table": {"columns": columns, "rows": rows}}


def _header_rows(grid: _Grid) -> int:
    """One header row, or two when the first row has a cell merged down into the second
    or a group header merged across columns that the second row divides."""
    table = grid.table
    if table.rows < 3:
        return 1
    for cell in table.cells:
        if cell.row != 0:
            continue
        if cell.row_span >= 2:
            return 2
        if 2 <= grid.span(cell) < len(grid.columns):
            below = {c.col for c in table.cells if c.row == 1 and
                     cell.col <= c.col < cell.col + cell.col_span}
            if len(below) >= 2:
                return 2
    return 1


def _columns(cur: Cursor, grid: _Grid, header_rows: int) -> list[Any]:
    out: list[Any] = []
    for index, col in enumerate(grid.columns):
        top = grid.at.get((0, col))
        below = grid.at.get((1, col)) if header_rows == 2 else None
        below_text = _text(cur, grid.units(below, 1)) if below is not None and \
            below.row == 1 and below.col == col else ""
        header: Any = ""
        group: Any = None
        if top is None:
            header = below_text
        elif header_rows == 2 and grid.span(top) >= 2 and top.row_span == 1:
            group = _text(cur, grid.units(top, 0))  # a group header over its columns
            header = below_text
        elif top.col != col:  # one header cell across columns: its text in the first
            grid.flattened.add(id(top))
            header = below_text
        else:
            header = _text(cur, grid.units(top, 0))
            if below_text:  # a second header line under an unmerged first one
                header = Origin(f"{header}\n{below_text}", header.para, header.col) \
                    if header else below_text
        column: dict[str, Any] = {"header": header}
        if group:
            column["group"] = group
        column["width"] = max(1.0, round(grid.width(index), 1))
        # as the document has it, left included: vanban's default for a column of
        # figures (right) would otherwise change what the document shows
        column["align"] = _alignment(grid, col, header_rows)
        out.append(column)
    return out


def _alignment(grid: _Grid, col: int, header_rows: int) -> str:
    """How the column's body cells are set: the alignment most of them have."""
    counts: Counter[str] = Counter()
    for cell in grid.table.cells:
        if cell.col == col and cell.row >= header_rows and grid.span(cell) == 1:
            units = grid.units(cell, cell.row)
            if units and units[0].format is not None:
                counts[_ALIGN.get(units[0].format.alignment, "left")] += 1
    return counts.most_common(1)[0][0] if counts else "left"


def _row(cur: Cursor, grid: _Grid, r: int) -> tuple[Any, int]:
    """A row's cells (or its group), and 1 when it was read as a group row by a guess."""
    first = grid.at.get((r, grid.columns[0]))
    if first is not None and first.row == r and len(grid.columns) > 1 and \
            grid.span(first) == len(grid.columns):  # one cell across the row: a group row
        text = _text(cur, grid.units(first, r))
        return ({"group": text} if text else [""] * len(grid.columns)), 0
    cells: list[Any] = []
    for col in grid.columns:
        cell = grid.at.get((r, col))
        if cell is None:
            cells.append("")
            continue
        if cell.col != col or cell.row != r:  # covered by a cell merged from left or above
            grid.flattened.add(id(cell))
        cells.append(_text(cur, grid.units(cell, r)) if cell.col == col else "")
    if len(cells) > 2 and cells[0] and cells[1] and not any(cells[2:]) and \
            _GROUP_LABEL.match(str(cells[0])) and _heading_cell(grid, r, str(cells[1])):
        label = cells[0]
        joined = f"{label} {cells[1]}" if label.endswith(".") else f"{label}. {cells[1]}"
        return {"group": Origin(joined, label.para, label.col)}, 1
    return cells, 0


def _heading_cell(grid: _Grid, r: int, text: str) -> bool:
    """The second cell of a row reads as a heading: in capitals, or bold."""
    if is_upper(text):
        return True
    cell = grid.at.get((r, grid.columns[1]))
    units = grid.units(cell, r) if cell is not None else []
    return bool(units) and all(p.bold for p in units)


# --- text files ---------------------------------------------------------------------------

def text_cells(text: str) -> list[str] | None:
    """The cells of a line written as a table row: ``| a | b |`` or ``a⇥b``; None for a
    line that is not one."""
    if "|" in text:
        inner = text.strip()
        inner = inner.removeprefix("|")
        inner = inner.removesuffix("|")
        cells = [c.strip() for c in inner.split("|")]
    elif "\t" in text:
        cells = [c.strip() for c in text.split("\t")]
    else:
        return None
    return cells if len(cells) >= 2 or text.strip().startswith("|") else None


def _fits(cells: list[str] | None, columns: int, pipes: bool) -> bool:
    """A line of cells that is a row of a table of ``columns`` columns: as many cells (a line
    of tabs may drop its empty cells at the end), or one (a group row of a ``|`` table)."""
    if cells is None:
        return False
    if pipes:
        return len(cells) in (columns, 1)
    return 2 <= len(cells) <= columns


def starts_text_table(cur: Cursor, para: Para) -> bool:
    """A text line of cells followed by a row that fits it: a header and a row."""
    cells = text_cells(para.text)
    if cells is None or len(cells) < 2:
        return False
    nxt = next((p for p in cur.paras[para.index + 1:] if p.text and
                not _TEXT_RULE.match(p.text)), None)
    return nxt is not None and _fits(text_cells(nxt.text), len(cells), "|" in para.text)


def read_text_table(cur: Cursor, role: str) -> dict[str, Any]:
    """The table whose header line is the cursor's next paragraph: its lines of cells up to
    the first line that is not one. A row of one ``| cell |``, or of a group number (“I”) and
    a heading only, is a group row."""
    head = cur.take(role)
    cur.text_tables += 1
    names = text_cells(head.text) or []
    pipes = "|" in head.text
    columns = [_cell_origin(cur, head, name) for name in names]
    rows: list[Any] = []
    guessed: list[Para] = []
    while (para := cur.peek()) is not None:
        if _TEXT_RULE.match(para.text):
            cur.take("rule")
            continue
        cells = text_cells(para.text)
        if cells is None or not _fits(cells, len(names), pipes):
            break
        cur.take(role)
        values = [_cell_origin(cur, para, cell) for cell in cells]
        values += [""] * (len(names) - len(values))
        if len(cells) == 1:
            rows.append({"group": values[0]})
        elif len(names) > 2 and _GROUP_LABEL.match(cells[0]) and cells[1] and \
                not any(cells[2:]):
            label = values[0]
            joined = f"{label} {values[1]}" if label.endswith(".") else \
                f"{label}. {values[1]}"
            rows.append({"group": Origin(joined, label.para, label.col)})
            guessed.append(para)
        else:
            rows.append(values)
    if guessed:
        cur.warn(guessed[0], _("table {table}: {count} row(s) with only a group number and a "
                               "heading (“I”, “II” …) are read as group rows spanning the "
                               "table"), table=cur.text_tables, count=len(guessed))
    return {"table": {"columns": columns, "rows": rows}}


def _cell_origin(cur: Cursor, para: Para, cell: str) -> Any:
    if not cell:
        return ""
    return cur.origin(para, cell, max(0, para.text.find(cell)))
