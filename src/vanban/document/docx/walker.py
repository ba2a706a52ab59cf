"""Walk a document's body in reading order and cut it into units of reading.

Paragraphs, tables (row by row, each cell once, nested tables where they stand) and
block-level content controls are read in document order. Each Word paragraph gets its number
and is cut at its manual line breaks into units; its list label, if Word numbers it, starts
its first unit. Sections are counted as their closing ``w:sectPr`` goes by. What later steps
need — where each paragraph sits, its settings, the shapes anchored in it — is recorded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from docx.text.paragraph import Paragraph

from vanban.document.docx.formats import segment_runs, unit_format
from vanban.document.docx.numbering import Numbering
from vanban.document.docx.ooxml import W, child, tag
from vanban.document.docx.sections import Setup, read_setup
from vanban.document.docx.settings import Settings
from vanban.document.docx.shapes import Shape, shapes_of
from vanban.document.docx.styles import Props, StyleResolver, read_ppr
from vanban.document.docx.tables import Grid, GridCell, build_grid
from vanban.document.docx.text import Content, Line, box_paragraphs, read_paragraph
from vanban.document.model import Cell, CellRef, FloatingText, Format, Para, Table

P, TBL, SDT = W + "p", W + "tbl", W + "sdt"
ALTERNATE, CHOICE = tag("mc:AlternateContent"), tag("mc:Choice")
#: How deep tables may nest before the rest is read as plain text (hostile files).
MAX_NESTING = 32
#: A gap between the columns of a line aligned by hand: a tab, or three spaces or more.
GAP = re.compile(r"[ ]*\t[ \t]*|[ ]{3,}")

Cells = tuple[tuple[Grid, GridCell], ...]  # the cells a paragraph is in, outermost first


@dataclass
class ParaRecord:
    """A Word paragraph as walked: its units and what placing lines around it needs."""

    element: Any
    units: list[int]  # Para.index of its units
    section: int
    path: Cells
    container: Any  # "body", or the grid cell the paragraph is in
    props: Props  # paragraph properties in effect
    style: str | None
    size: float  # pt: of its text, else of its paragraph mark (for its line height)
    shapes: list[Shape] = field(default_factory=list)


@dataclass
class TableRecord:
    table: Table
    grid: Grid
    path: Cells


def _deleted_whole(ppr: Any, content: Content) -> bool:
    """Whether a paragraph is a pending deletion of all its text and its mark."""
    rpr = child(ppr, "rPr") if ppr is not None else None
    return rpr is not None and child(rpr, "del") is not None and not content.drawings \
        and not any(line.raw.strip() for line in content.lines)


def split_segments(text: str) -> tuple[tuple[int, str], ...]:
    """The pieces of a line separated by tabs or runs of ≥ 3 spaces, with their column."""
    out = []
    last = 0
    for m in GAP.finditer(text):
        if m.start() > last:
            out.append((last, text[last:m.start()].replace("\t", " ")))
        last = m.end()
    if last < len(text):
        out.append((last, text[last:].replace("\t", " ")))
    return tuple(out)


class Walker:
    def __init__(self, styles: StyleResolver, numbering: Numbering, settings: Settings,
                 owner: Any) -> None:
        self.styles = styles
        self.numbering = numbering
        self.settings = settings
        self.owner = owner  # the python-docx Document, parent of the Paragraph objects
        self.paras: list[Para] = []
        self.records: list[ParaRecord] = []
        self.tables: list[TableRecord] = []
        self.floating: list[FloatingText] = []
        self.setups: list[Setup] = []
        self.section_ends: list[int] = []  # Para.index where each section ends
        self.number = 0

    # --- blocks ----------------------------------------------------------------------------

    def body(self, body: Any) -> None:
        self.blocks(body, (), None, "body")
        final = child(body, "sectPr")
        self.close_section(final)

    def close_section(self, sectpr: Any) -> None:
        self.setups.append(read_setup(sectpr))
        self.section_ends.append(len(self.paras))

    def blocks(self, parent: Any, path: Cells, cell: CellRef | None, container: Any) -> None:
        for node in parent:
            name = node.tag
            if name == P:
                self.paragraph(node, path, cell, container)
            elif name == TBL:
                if len(path) < MAX_NESTING:
                    self.table(node, path, cell)
                else:
                    for paragraph in node.iter(P):
                        self.paragraph(paragraph, path, cell, container)
            elif name == SDT:
                content = child(node, "sdtContent")
                if content is not None:
                    self.blocks(content, path, cell, container)
            elif name == W + "customXml":
                self.blocks(node, path, cell, container)
            elif name == ALTERNATE:
                picked = node.find(CHOICE)
                if picked is not None:
                    self.blocks(picked, path, cell, container)

    def table(self, tbl: Any, path: Cells, parent: CellRef | None) -> None:
        grid = build_grid(tbl)
        index = len(self.tables)
        table = Table(index, grid.rows, grid.cols, [], grid.header_rows, parent,
                      len(self.setups), tuple(grid.widths_mm))
        self.tables.append(TableRecord(table, grid, path))
        units: dict[int, list[int]] = {}
        by_row: dict[int, list[tuple[int, ...]]] = {}
        owners: list[GridCell] = []
        for cell in grid.cells:
            owner = cell.owner
            if id(owner) not in units:
                units[id(owner)] = []
                by_row[id(owner)] = []
                owners.append(owner)
            start = len(self.paras)
            ref = CellRef(index, owner.row, owner.col, len(path))
            self.blocks(cell.tc, (*path, (grid, cell)), ref, owner)
            units[id(owner)].extend(range(start, len(self.paras)))
            by_row[id(owner)].append(tuple(range(start, len(self.paras))))
        table.cells = [Cell(o.row, o.col, o.row_span, o.col_span, tuple(units[id(o)]),
                            tuple(by_row[id(o)])) for o in owners]

    # --- paragraphs ------------------------------------------------------------------------

    def paragraph(self, p: Any, path: Cells, cell: CellRef | None, container: Any) -> None:
        content = read_paragraph(p)
        ppr = child(p, "pPr")
        if _deleted_whole(ppr, content):
            # a paragraph deleted with its mark, pending: gone once accepted, as the reader
            # takes every pending change (its number still counts, as Word shows it)
            self.number += 1
            if not path and child(ppr, "sectPr") is not None:
                self.close_section(child(ppr, "sectPr"))
            return
        direct = read_ppr(ppr)
        sid = self.styles.para_style(direct.get("pStyle"))
        style_props = self.styles.resolved(sid)[0]
        num_id = direct.get("numId", style_props.get("numId"))
        ilvl = direct.get("ilvl", style_props.get("ilvl", 0))
        level = self.numbering.level(num_id, ilvl)
        label = self.numbering.label(num_id, ilvl) if level is not None else None
        props = self.styles.paragraph(sid, direct, level[1].ppr if level else None)
        self.number += 1
        record = self.add_units(p, content, props, sid, label, path, cell, container)
        for drawing in content.drawings:
            record.shapes.extend(shapes_of(drawing))
            self.text_boxes(drawing, record.units[0])
        if not path and ppr is not None and child(ppr, "sectPr") is not None:
            self.close_section(child(ppr, "sectPr"))

    def add_units(self, p: Any, content: Content, props: Props, sid: str | None,
                  label: str | None, path: Cells, cell: CellRef | None,
                  container: Any) -> ParaRecord:
        element = Paragraph(p, self.owner)
        style = self.styles.name(sid)
        section = len(self.setups)
        record = ParaRecord(p, [], section, path, container, props, sid, 0.0)
        offset = 0
        for part, line in enumerate(content.lines):
            typed = unicodedata.normalize("NFC", line.raw)
            raw = f"{label} {typed}" if label and part == 0 else typed
            stripped = raw.strip()
            fmt = unit_format(self.styles, sid, props, line, part, self.settings.default_tab_mm)
            segments = split_segments(stripped)
            index = len(self.paras)
            lead = len(raw) - len(raw.lstrip())
            self.paras.append(Para(
                self.number, stripped.replace("\t", " "), "body" if cell is None else "table",
                col=offset + lead if stripped else offset, style=style, bold=fmt.bold,
                italic=fmt.italic, size=fmt.size, element=element, index=index, part=part,
                raw=raw, segments=segments, cell=cell, section=section,
                auto_label=label if part == 0 else None, format=fmt,
                segment_formats=self.segment_formats(line, segments, fmt, sid, props, part),
                footnotes=tuple(line.footnotes)))
            record.units.append(index)
            offset += len(raw) + 1
            if not record.size and fmt.size:
                record.size = fmt.size
        if not record.size:
            record.size = self.styles.mark_size(sid, props) or 12.0
        self.records.append(record)
        return record

    def segment_formats(self, line: Line, segments: tuple[tuple[int, str], ...], fmt: Format,
                        sid: str | None, props: Props, part: int) -> tuple[Format, ...]:
        """The format of each piece of a line aligned by hand with tabs or spaces."""
        if len(segments) < 2:
            return (fmt,) * len(segments)
        typed = line.raw  # as stored: NFC does not move tabs and spaces between pieces
        lead = len(typed) - len(typed.lstrip())
        spans = [(lead + start, lead + start + len(piece))
                 for start, piece in split_segments(typed.strip())]
        if len(spans) != len(segments):
            return (fmt,) * len(segments)
        return tuple(unit_format(self.styles, sid, props, line, part,
                                 self.settings.default_tab_mm, runs)
                     for runs in segment_runs(line, spans))

    def text_boxes(self, drawing: Any, anchor: int) -> None:
        texts = []
        for paragraph in box_paragraphs(drawing):
            for line in read_paragraph(paragraph).lines:
                text = unicodedata.normalize("NFC", line.raw).replace("\t", " ").strip()
                if text:
                    texts.append(text)
        if texts:
            self.floating.append(FloatingText(anchor, "\n".join(texts)))


