"""A Word table as a grid: every cell once, at its grid column, with its spans.

python-docx's ``row.cells`` repeats a vertically merged cell in every row it spans and a
horizontally merged one in every grid column, and skips the positions a row leaves empty
(``w:gridBefore``). Here a row starts at its ``gridBefore`` column, a cell covers
``gridSpan`` columns, and a ``vMerge`` continuation extends the cell above instead of making
a new one. The table's geometry (where its cells' text starts) is what positions a line
drawn in a cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from vanban.document.docx.ooxml import W, child, on_off, to_number, twips_mm, wattr
from vanban.document.docx.styles import StyleResolver

WRAPPERS = (W + "sdt", W + "customXml")
#: Word's limit on the columns of a table.
MAX_COLUMNS = 63
#: Word's default left and right cell margin (Normal Table style): 0.08 inch.
DEFAULT_CELL_MARGIN_MM = twips_mm(108)


@dataclass
class GridCell:
    tc: Any  # the w:tc; for a continuation, the continuing w:tc
    row: int
    col: int
    col_span: int
    row_span: int = 1
    into: GridCell | None = None  # the cell a vMerge continuation extends

    @property
    def owner(self) -> GridCell:
        return self.into if self.into is not None else self


@dataclass
class Grid:
    element: Any
    widths_mm: list[float]
    rows: int = 0
    cells: list[GridCell] = field(default_factory=list)  # in reading order, continuations too
    header_rows: int = 0

    @property
    def cols(self) -> int:
        return max([len(self.widths_mm), *(c.col + c.col_span for c in self.cells)])

    @property
    def width_mm(self) -> float:
        return sum(self.widths_mm)

    def cell_box(self, cell: GridCell) -> tuple[float, float]:
        """(left, width) of a cell from the table's left edge, in mm."""
        left = sum(self.widths_mm[:cell.col])
        return left, sum(self.widths_mm[cell.col:cell.col + cell.col_span])


def unwrap(parent: Any, name: str) -> Iterator[Any]:
    """The ``name`` children of ``parent``, looking through content controls and custom XML."""
    for node in parent:
        if node.tag == name:
            yield node
        elif node.tag in WRAPPERS:
            inner = node.find(W + "sdtContent") if node.tag == WRAPPERS[0] else node
            if inner is not None:
                yield from unwrap(inner, name)


def _int(element: Any, default: int = 0) -> int:
    """A count a row or cell states, within what Word allows (a hostile file may say 10⁹)."""
    number = to_number(wattr(element, "val")) if element is not None else None
    return min(int(number), MAX_COLUMNS) if number is not None and number > 0 else default


def build_grid(tbl: Any) -> Grid:
    grid_el = child(tbl, "tblGrid")
    widths = [twips_mm(wattr(c, "w")) for c in grid_el.iter(W + "gridCol")] \
        if grid_el is not None else []
    grid = Grid(tbl, widths)
    above: dict[int, GridCell] = {}  # grid column → cell open for a vMerge continuation
    header = True
    r = -1
    for tr in unwrap(tbl, W + "tr"):
        trpr = child(tr, "trPr")
        if trpr is not None and child(trpr, "del") is not None:
            continue  # a pending row deletion: read as accepted, like deleted text
        r += 1
        grid.rows = r + 1
        if header and trpr is not None and on_off(child(trpr, "tblHeader")):
            grid.header_rows += 1
        else:
            header = False
        col = _int(child(trpr, "gridBefore"))
        here: dict[int, GridCell] = {}
        last: GridCell | None = None
        for tc in unwrap(tr, W + "tc"):
            tcpr = child(tc, "tcPr")
            span = _int(child(tcpr, "gridSpan"), 1)
            hmerge = child(tcpr, "hMerge")
            if hmerge is not None and wattr(hmerge, "val") in (None, "continue") and last:
                last.col_span += span  # a legacy horizontal merge: widen the cell on the left
                col += span
                continue
            col = min(col, MAX_COLUMNS)  # a hostile file's count: keep the text, not the count
            cell = GridCell(tc, r, col, span)
            vmerge = child(tcpr, "vMerge")
            if vmerge is not None and wattr(vmerge, "val") in (None, "continue"):
                start = above.get(col)
                if start is not None and start.owner.col_span == span:
                    cell.into = start.owner
                    cell.into.row_span = r - cell.into.row + 1
            if vmerge is not None:
                here[col] = cell
            grid.cells.append(cell)
            last = cell
            col += span
        above = here
    for cell in grid.cells:  # cells beyond the declared grid: take their own widths
        missing = cell.col + cell.col_span - len(grid.widths_mm)
        if missing > 0:
            grid.widths_mm += [_cell_width(cell.tc) / cell.col_span] * missing
    return grid


def _cell_width(tc: Any) -> float:
    width = child(child(tc, "tcPr"), "tcW")
    return twips_mm(wattr(width, "w")) if width is not None and wattr(width, "type") in (
        None, "dxa") else 0.0


def cell_margin_mm(tbl: Any, tc: Any | None, styles: StyleResolver) -> float:
    """The left margin of a cell's text: the cell's own, the table's, its style's, Word's."""
    for holder in (child(child(tc, "tcPr"), "tcMar") if tc is not None else None,
                   child(child(tbl, "tblPr"), "tblCellMar")):
        if holder is not None:
            side = child(holder, "left")
            side = side if side is not None else child(holder, "start")
            if side is not None:
                return twips_mm(wattr(side, "w"))
    style = child(child(tbl, "tblPr"), "tblStyle")
    found = styles.table_cell_margin_mm(wattr(style, "val") if style is not None else None)
    return found if found is not None else DEFAULT_CELL_MARGIN_MM


@dataclass(frozen=True)
class Frame:
    """A column text is set in: its left edge on the page and its width, in mm."""

    left: float
    width: float


def table_left(grid: Grid, frame: Frame, page_width: float, compat_mode: int,
               styles: StyleResolver) -> float:
    """Where the table's left edge is on the page, in mm."""
    tblpr = child(grid.element, "tblPr")
    width = grid.width_mm
    floating = child(tblpr, "tblpPr")
    if floating is not None:
        origin = Frame(0.0, page_width) if wattr(floating, "horzAnchor") == "page" else frame
        spec = wattr(floating, "tblpXSpec")
        if spec == "center":
            return origin.left + (origin.width - width) / 2
        if spec in ("right", "outside"):
            return origin.left + origin.width - width
        if spec in ("left", "inside"):
            return origin.left
        return origin.left + twips_mm(wattr(floating, "tblpX"))
    jc = child(tblpr, "jc")
    align = wattr(jc, "val") if jc is not None else None
    if align == "center":
        return frame.left + (frame.width - width) / 2
    if align in ("right", "end"):
        return frame.left + frame.width - width
    indent = child(tblpr, "tblInd")
    left = frame.left + (twips_mm(wattr(indent, "w")) if indent is not None and wattr(
        indent, "type") in (None, "dxa") else 0.0)
    if compat_mode <= 14:  # older Word puts the first cell's text, not its edge, at the indent
        first = next(iter(grid.cells), None)
        left -= cell_margin_mm(grid.element, first.tc if first else None, styles)
    return left


def cell_frame(grid: Grid, cell: GridCell, left_edge: float, styles: StyleResolver) -> tuple[
        Frame, Frame]:
    """(the cell's box, the cell's text area) on the page, in mm."""
    offset, width = grid.cell_box(cell)
    margin = cell_margin_mm(grid.element, cell.tc, styles)
    box = Frame(left_edge + offset, width)
    return box, Frame(box.left + margin, max(width - 2 * margin, 0.0))
