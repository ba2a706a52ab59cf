"""Which text line each drawn line is under, and where it is on the page.

Word users draw the decree's rules as line shapes anchored in some paragraph nearby — the
ruled line itself, an empty paragraph after it, the “Số:” line, the dateline, or the first
paragraph of the next table row — so the anchor says little. The vertical offset says more:
a shape offset by at least 0.8 of a line from the top of its paragraph (space before
excluded) is under a line of that paragraph (line ⌊offset/line⌋, counting manual breaks);
a smaller offset puts it above the paragraph, under the last text before it: in the same
cell, else in the same grid column of the rows above, else (in the body) the previous body
paragraph. Shapes off the page (parked far outside it, as copies often are) are not lines.

Paragraph borders are lines too: a bottom border under the paragraph's last line (under the
text before it when the paragraph is empty), a top border under the text before it; of a
group of paragraphs bordered alike, Word draws only the outer edges.
"""

from __future__ import annotations

from typing import Any

from vanban.document.docx.formats import PT_MM, line_height_mm
from vanban.document.docx.ooxml import is_white, to_number
from vanban.document.docx.settings import Settings
from vanban.document.docx.shapes import Shape
from vanban.document.docx.styles import Props, StyleResolver
from vanban.document.docx.tables import Frame, cell_frame, table_left
from vanban.document.docx.walker import ParaRecord, TableRecord
from vanban.document.model import Cell, DrawnLine, Para, Section

#: A rule is at least this long and at most this tall (mm); a slight tilt still counts.
MIN_LENGTH_MM = 1.0
MAX_HEIGHT_MM = 1.0
#: From this much of a line below its paragraph's top, a shape is under that paragraph's text.
UNDER_OWN_LINE = 0.8
#: How far past the page's edge (mm) rounding may put a shape that is still on the page.
EDGE_MM = 1.0
SIDES = ("top", "bottom", "left", "right", "between")


class Placer:
    def __init__(self, paras: list[Para], tables: list[TableRecord], sections: list[Section],
                 styles: StyleResolver, settings: Settings) -> None:
        self.paras = paras
        self.tables = tables
        self.sections = sections
        self.styles = styles
        self.settings = settings
        self._grids: dict[int, dict[tuple[int, int], Cell]] = {}

    def cell(self, table: int, row: int, col: int) -> Cell | None:
        """The cell covering a grid position (indexed once per table)."""
        if table not in self._grids:
            self._grids[table] = {
                (r, c): cell for cell in self.tables[table].table.cells
                for r in range(cell.row, cell.row + cell.row_span)
                for c in range(cell.col, cell.col + cell.col_span)}
        return self._grids[table].get((row, col))

    # --- what text is before a paragraph ---------------------------------------------------

    def visible(self, index: int) -> bool:
        para = self.paras[index]
        return bool(para.text.strip()) and not (para.format is not None and para.format.hidden)

    def text_before(self, first: int) -> int | None:
        """The last visible unit above the paragraph whose first unit is ``first``."""
        ref = self.paras[first].cell
        if ref is None:
            for index in range(first - 1, -1, -1):
                if self.paras[index].cell is not None:
                    return None  # a table stands between
                if self.visible(index):
                    return index
            return None
        cell = self.cell(ref.table, ref.row, ref.col)
        if cell is not None:
            for index in reversed([u for u in cell.units if u < first]):
                if self.visible(index):
                    return index
        seen = {id(cell)}
        for row in range(ref.row - 1, -1, -1):  # the same grid column, rows above
            above = self.cell(ref.table, row, ref.col)
            if above is None or id(above) in seen:
                continue
            seen.add(id(above))
            for index in reversed(above.units):
                if self.visible(index):
                    return index
        return None

    def under_shape(self, shape: Shape, record: ParaRecord) -> int | None:
        vertical = shape.vertical
        offset = 0.0
        if vertical is not None and vertical.offset_mm is not None and \
                vertical.relative_from in ("paragraph", "line"):
            offset = vertical.offset_mm
            if vertical.relative_from == "paragraph":
                offset -= (to_number(record.props.get("spacing.before")) or 0) / 20 * PT_MM
        if vertical is None:  # in the line of text: under its own line when it has text
            own = [u for u in record.units if self.visible(u)]
            return own[0] if own else self.text_before(record.units[0])
        line = line_height_mm(record.props, record.size)
        own = [u for u in record.units if self.visible(u)]
        if own and line > 0 and offset >= UNDER_OWN_LINE * line:
            lines_above = max(1, int((offset + (1 - UNDER_OWN_LINE) * line) // line))
            at = min(lines_above, len(record.units)) - 1
            while at > 0 and not self.visible(record.units[at]):
                at -= 1
            if self.visible(record.units[at]):
                return record.units[at]
        return self.text_before(record.units[0])

    # --- geometry --------------------------------------------------------------------------

    def frames(self, record: ParaRecord) -> tuple[Frame, Frame, Frame]:
        """(the body's text column, the paragraph's column box, the paragraph's text area)."""
        section = self.sections[record.section]
        margins = section.margins_mm
        left = margins["left"] + margins["gutter"]
        body = Frame(left, section.width_mm - left - margins["right"])
        box = text = body
        for grid, cell in record.path:
            edge = table_left(grid, text, section.width_mm, self.settings.compat_mode,
                              self.styles)
            box, text = cell_frame(grid, cell, edge, self.styles)
        return body, box, text

    def shape_line(self, shape: Shape, record: ParaRecord) -> DrawnLine | None:
        if shape.kind != "line" or shape.width_mm < MIN_LENGTH_MM or \
                shape.height_mm >= MAX_HEIGHT_MM:
            return None
        section = self.sections[record.section]
        body, box, text = self.frames(record)
        in_cell = bool(record.path) and (shape.in_cell or shape.horizontal is None)
        column = box if in_cell else body
        base = text if in_cell else body
        width = shape.width_mm
        horizontal = shape.horizontal
        if horizontal is None:
            align = record.props.get("jc", "left")
            start = base.left + record.props.get("ind.left", 0.0)
            room = base.width - record.props.get("ind.left", 0.0) - \
                record.props.get("ind.right", 0.0)
            x = start + ((room - width) / 2 if align == "center" else
                         room - width if align == "right" else 0.0)
        else:
            origin = {
                "page": Frame(0.0, section.width_mm),
                "leftMargin": Frame(0.0, body.left), "insideMargin": Frame(0.0, body.left),
                "rightMargin": Frame(body.left + body.width,
                                     section.width_mm - body.left - body.width),
                "outsideMargin": Frame(body.left + body.width,
                                       section.width_mm - body.left - body.width),
            }.get(horizontal.relative_from, base)
            if horizontal.offset_mm is not None:
                x = origin.left + horizontal.offset_mm
            elif horizontal.align in ("right", "outside"):
                x = origin.left + origin.width - width
            elif horizontal.align == "center":
                x = origin.left + (origin.width - width) / 2
            else:
                x = origin.left
        if x < -EDGE_MM or x + width > section.width_mm + EDGE_MM or \
                not self.vertically_on_page(shape, section):
            return None
        return DrawnLine(self.under_shape(shape, record), record.units[0], width,
                         x + width / 2 - (column.left + column.width / 2), column.width)

    @staticmethod
    def vertically_on_page(shape: Shape, section: Section) -> bool:
        vertical = shape.vertical
        if vertical is None or vertical.offset_mm is None:
            return True
        if vertical.relative_from == "page":
            return -EDGE_MM <= vertical.offset_mm <= section.height_mm + EDGE_MM
        return abs(vertical.offset_mm) <= section.height_mm

    # --- paragraph borders -----------------------------------------------------------------

    def border_lines(self, records: list[ParaRecord]) -> list[DrawnLine]:
        out = []
        containers: dict[int, list[ParaRecord]] = {}
        for record in records:
            containers.setdefault(id(record.container), []).append(record)
        for group in containers.values():
            for at, record in enumerate(group):
                if not (_drawn(record.props, "top") or _drawn(record.props, "bottom")):
                    continue
                signature = _signature(record.props)
                before = group[at - 1] if at else None
                after = group[at + 1] if at + 1 < len(group) else None
                joined_before = before is not None and \
                    before.units[-1] + 1 == record.units[0] and \
                    _signature(before.props) == signature
                joined_after = after is not None and \
                    record.units[-1] + 1 == after.units[0] and \
                    _signature(after.props) == signature
                if _drawn(record.props, "top") and not joined_before:
                    out.append(self.border_line(record, "top"))
                if _drawn(record.props, "bottom") and not joined_after:
                    out.append(self.border_line(record, "bottom"))
        return out

    def border_line(self, record: ParaRecord, side: str) -> DrawnLine:
        _body, box, text = self.frames(record)
        left = record.props.get("ind.left", 0.0)
        right = record.props.get("ind.right", 0.0)
        start, end = text.left + left, text.left + text.width - right
        if side == "bottom":
            own = [u for u in record.units if self.visible(u)]
            under = own[-1] if own else self.text_before(record.units[0])
        else:
            under = self.text_before(record.units[0])
        return DrawnLine(under, record.units[0], max(end - start, 0.0),
                         (start + end) / 2 - (box.left + box.width / 2), box.width, border=True)


def _drawn(props: Props, side: str) -> bool:
    border = props.get("border." + side)
    return bool(border) and border[0] not in (None, "nil", "none") and not is_white(border[1])


def _signature(props: Props) -> tuple[Any, ...]:
    return (*(props.get("border." + s) for s in SIDES), props.get("ind.left"),
            props.get("ind.right"))


def place_lines(records: list[ParaRecord], placer: Placer) -> list[DrawnLine]:
    """Every drawn line of the body, shapes in reading order, then borders."""
    lines = []
    for record in records:
        for shape in record.shapes:
            line = placer.shape_line(shape, record)
            if line is not None:
                lines.append(line)
    lines.extend(placer.border_lines(records))
    return sorted(lines, key=lambda line: (line.anchor, line.border))
