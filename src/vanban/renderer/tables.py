"""Tables of the body and of the appendices: widths, alignment, and their WordprocessingML.

The decree sets no size for the text of a table; a table is part of the content (ô 6, 13–14
pt), and provincial practice sets tables in 12–13 pt to fit their columns. Tables are set in
13 pt (:data:`TABLE_SIZE_PT`), the smallest size the decree allows for content; the header
is bold and centred and repeats on every page (``w:tblHeader``).

Each column has a minimum width (:func:`column_minimum_pt`): its longest word, and for a
column of running text a readable measure. Columns get their share of the text width, but
never less than their minimum; a table whose minimums add up to more than a portrait page's
text width is too wide for it, and its appendix is turned landscape (Phụ lục I, I.2).

A table's XML is written here as text, escaped, in one pass: python-docx's ``add_row`` and
``cell()`` walk the whole table each time, which makes a 1,000-row table take seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from vanban.plan.model import Column, Table
from vanban.renderer.metrics import text_width_pt

#: Size of a table's text, its header and its group rows (the template's ``VB Table …``).
TABLE_SIZE_PT = 13.0
#: Space between a cell's border and its text on each side: Word's default, 0.19 cm.
CELL_PADDING_TWIPS = 108
#: A column of running text narrower than this breaks every two or three words: about 15
#: characters of 13 pt text (7 em, 32 mm).
TEXT_MEASURE_EM = 7.0
#: Room a column keeps beyond its text: Word and LibreOffice round widths to twips and
#: may justify or kern a line a little wider than the font's advance widths add up to.
SLACK_PT = 1.5
#: Headers that number the rows (số thứ tự): centred.
ORDINAL_HEADERS = frozenset({"stt", "tt", "số tt", "số thứ tự"})
_FIGURE = re.compile(r"[-+−]?\d[\d.,]*\s*%?")
_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}/\d{4}")

#: The template's paragraph styles (their ids) for cells, group rows and captions.
TEXT_STYLE, HEADER_STYLE, GROUP_STYLE, TITLE_STYLE = (
    "VBTableText", "VBTableHeader", "VBTableGroup", "VBTableTitle")
#: The empty paragraph after a table: a line of space before what follows.
SEPARATOR_STYLE = "VBBody"


def relative_widths(columns: list[Column]) -> list[float]:
    """Each column's share of the table (summing to 1).

    Widths are relative. Where only some columns have one, the given widths count as
    percentages of the table and the other columns share what is left equally (or, when
    nothing is left, each takes the mean of the given widths).
    """
    given = [c.width for c in columns if c.width is not None]
    if not given:
        weights = [1.0] * len(columns)
    else:
        missing = len(columns) - len(given)
        rest = (100.0 - sum(given)) / missing if missing else 0.0
        fill = rest if rest > 0 else sum(given) / len(given)
        weights = [float(c.width) if c.width is not None else fill for c in columns]
    total = sum(weights)
    return [w / total for w in weights]


def _figures(cells: list[str], pattern: re.Pattern[str]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(pattern.fullmatch(c) for c in filled)


def alignments(table: Table) -> list[str]:
    """Each column's alignment: as the plan gives it; a column that does not say is centred
    when it numbers the rows (STT, TT) or holds only dates, and right-aligned when it holds
    only figures, so their digits line up."""
    out = []
    for i, column in enumerate(table.columns):
        cells = [row.cells[i] for row in table.rows if row.group is None]
        if column.align is not None:
            out.append(column.align)
        elif column.header.strip().lower() in ORDINAL_HEADERS or _figures(cells, _DATE):
            out.append("center")
        elif _figures(cells, _FIGURE):
            out.append("right")
        else:
            out.append("left")
    return out


# --- does a table fit? ----------------------------------------------------------------------

def _widest(texts: set[str], *, bold: bool = False) -> float:
    return max((text_width_pt(t, TABLE_SIZE_PT, bold=bold) for t in texts), default=0.0)


def column_minimum_pt(column: Column, cells: list[str], align: str) -> float:
    """The narrowest a column can be: its longest word (header words in bold), and for a
    column of running text the measure of :data:`TEXT_MEASURE_EM`, unless its longest
    paragraph is shorter; plus the cell's padding on both sides and a little slack."""
    words = {w for cell in cells for w in cell.split()}
    need = max(_widest(set(column.header.split()), bold=True), _widest(words))
    if align == "left":
        # the longest paragraphs by letters are the widest ones, give or take a letter
        paragraphs = sorted({p for cell in cells for p in cell.split("\n")}, key=len)[-5:]
        need = max(need, min(TEXT_MEASURE_EM * TABLE_SIZE_PT, _widest(set(paragraphs))))
    return need + 2 * CELL_PADDING_TWIPS / 20 + SLACK_PT


@dataclass(frozen=True)
class Measured:
    """What a table needs: each column's alignment and its minimum width (points)."""

    aligns: list[str]
    minimums: list[float]

    def fits(self, width_pt: float) -> bool:
        """Whether the columns, each at its minimum, fit in ``width_pt``: a table that does
        not fit a portrait page is what the decree turns a page for (Phụ lục I, I.2)."""
        return sum(self.minimums) <= width_pt


def measure(table: Table) -> Measured:
    aligns = alignments(table)
    minimums = []
    for i, column in enumerate(table.columns):
        cells = [row.cells[i] for row in table.rows if row.group is None]
        minimums.append(column_minimum_pt(column, cells, aligns[i]))
    return Measured(aligns, minimums)


def column_widths(shares: list[float], minimums: list[float], total: float) -> list[float]:
    """The columns' widths in ``total``: their shares, except that a column is never below
    its minimum — what it lacks is taken from the others in proportion to their shares. When
    even the minimums do not fit, each gets its minimum scaled down to ``total``."""
    if sum(minimums) >= total:
        scale = total / sum(minimums)
        return [m * scale for m in minimums]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(shares)) if i not in fixed]
        room = total - sum(fixed.values())
        weight = sum(shares[i] for i in free)
        widths = {i: room * shares[i] / weight for i in free}
        short = {i: minimums[i] for i, w in widths.items() if w < minimums[i]}
        if not short:
            return [fixed.get(i, widths.get(i, 0.0)) for i in range(len(shares))]
        fixed.update(short)


# --- the context's table ---------------------------------------------------------------------

def table_block(table: Table, width_twips: int,
                measured: Measured | None = None) -> dict[str, Any]:
    """``table`` as the template context holds it: plain strings and numbers; each cell a
    list of its paragraphs; the columns' widths in twips, filling ``width_twips``."""
    measured = measured or measure(table)
    minimums = [m * 20 for m in measured.minimums]
    widths = [int(w) for w in column_widths(relative_widths(table.columns), minimums,
                                            width_twips)]
    widths[-1] = width_twips - sum(widths[:-1])
    columns = [{"header": c.header, "group": c.group or "", "width": w, "align": a}
               for c, w, a in zip(table.columns, widths, measured.aligns)]
    rows = [{"group": row.group, "cells": []} if row.group is not None else
            {"group": None, "cells": [cell.split("\n") for cell in row.cells]}
            for row in table.rows]
    return {"kind": "table", "label": "", "text": "", "italic": False, "bold": False,
            "label_bold": False, "title": table.title or "", "columns": columns, "rows": rows}


# --- WordprocessingML -----------------------------------------------------------------------

def _text(value: str) -> str:
    """User text as XML character data; braces as references, so no template tag survives."""
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("{", "&#123;").replace("}", "&#125;"))


def _paragraph(text: str, style: str, align: str | None = None) -> str:
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    run = f'<w:r><w:t xml:space="preserve">{_text(text)}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{run}</w:p>'


@dataclass(frozen=True)
class _Cell:
    """One cell of a table row as written: its paragraphs' XML, width, span and merge."""

    paragraphs: str
    width: int
    span: int = 1
    merge: str | None = None  # "restart" | "continue": merged with the cell below/above


def _cell(cell: _Cell) -> str:
    span = f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else ""
    merge = ("" if cell.merge is None else
             '<w:vMerge w:val="restart"/>' if cell.merge == "restart" else "<w:vMerge/>")
    return (f'<w:tc><w:tcPr><w:tcW w:w="{cell.width}" w:type="dxa"/>{span}{merge}'
            f'<w:vAlign w:val="center"/></w:tcPr>{cell.paragraphs}</w:tc>')


def _row(cells: list[_Cell], *, header: bool = False, cant_split: bool = False) -> str:
    props = ("<w:cantSplit/>" if header or cant_split else "") + \
        ("<w:tblHeader/>" if header else "")
    pr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return f"<w:tr>{pr}{''.join(_cell(c) for c in cells)}</w:tr>"


def _header_rows(columns: list[dict[str, Any]]) -> list[list[_Cell]]:
    """One header row; two when columns share a group header: the group's cell spans its
    columns, and the header of a column without a group is merged down both rows."""
    def head(text: str) -> str:
        return _paragraph(text, HEADER_STYLE)

    if not any(c["group"] for c in columns):
        return [[_Cell(head(c["header"]), c["width"]) for c in columns]]
    top: list[_Cell] = []
    bottom: list[_Cell] = []
    i = 0
    while i < len(columns):
        group = columns[i]["group"]
        if not group:
            top.append(_Cell(head(columns[i]["header"]), columns[i]["width"], merge="restart"))
            bottom.append(_Cell(head(""), columns[i]["width"], merge="continue"))
            i += 1
            continue
        j = i
        while j < len(columns) and columns[j]["group"] == group:
            bottom.append(_Cell(head(columns[j]["header"]), columns[j]["width"]))
            j += 1
        top.append(_Cell(head(group), sum(c["width"] for c in columns[i:j]), span=j - i))
        i = j
    return [top, bottom]


_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def table_xml(block: dict[str, Any], *, separate: bool = False) -> str:
    """The caption (if any) and the table of a context table block, as WordprocessingML.

    ``separate`` adds an empty paragraph after it, a line of space before the text that
    follows (and Word joins two tables that touch).
    """
    columns = block["columns"]
    width = sum(c["width"] for c in columns)
    out = [_paragraph(block["title"], TITLE_STYLE)] if block["title"] else []
    out.append(
        f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_PADDING_TWIPS}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_PADDING_TWIPS}" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{c["width"]}"/>' for c in columns) +
        "</w:tblGrid>")
    out += [_row(cells, header=True) for cells in _header_rows(columns)]
    aligns = [None if c["align"] == "left" else c["align"] for c in columns]
    for row in block["rows"]:
        if row["group"] is not None:
            out.append(_row([_Cell(_paragraph(row["group"], GROUP_STYLE), width,
                                   span=len(columns))], cant_split=True))
            continue
        cells = []
        for paragraphs, column, align in zip(row["cells"], columns, aligns):
            xml = "".join(_paragraph(p, TEXT_STYLE, align) for p in paragraphs)
            cells.append(_Cell(xml, column["width"]))
        # a row is read whole: it does not break across pages (the header repeats instead)
        out.append(_row(cells, cant_split=True))
    out.append("</w:tbl>")
    if separate:
        out.append(_paragraph("", SEPARATOR_STYLE))
    return "".join(out)
