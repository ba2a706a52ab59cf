"""About how many pages a .docx fills, without laying it out: its units' lines at their
size and spacing, a table row as tall as its tallest cell. Good to tell one page from
several; where LibreOffice is at hand, a PDF's page count is the real figure."""

from __future__ import annotations

import math
from typing import Any

#: Average advance of a character of Times New Roman text, in ems (Vietnamese prose).
CHAR_EM = 0.45
LINE = 1.15  # a single line is about 1.15 times the font size
PT_MM = 25.4 / 72


def _height_mm(paras: list[Any], width_mm: float) -> float:
    """About how tall these units stand in a column ``width_mm`` wide."""
    total = 0.0
    last = None
    for para in paras:
        fmt = para.format
        size = fmt.size or 13.0
        per_line = max(1, int(width_mm / (size * PT_MM * CHAR_EM)))
        lines = max(1, -(-len(para.text) // per_line))
        total += lines * size * LINE * PT_MM * (fmt.line_spacing or 1.0)
        if para.number != last:
            total += (fmt.space_before_pt + fmt.space_after_pt) * PT_MM
            last = para.number
    return total


def section_pages(document: Any) -> list[float]:
    """About how many pages each section of a document (:mod:`vanban.document.model`) fills."""
    out = []
    for section in document.sections:
        margins = section.margins_mm
        width = section.width_mm - margins["left"] - margins["right"] - margins["gutter"]
        height = max(section.height_mm - margins["top"] - margins["bottom"], 1.0)
        start, end = section.units
        body = [p for p in document.paras[start:end] if p.cell is None and p.format]
        used = _height_mm(body, width)
        for table in document.tables:
            if table.parent is not None or table.section != section.index:
                continue
            rows: dict[int, float] = {}
            for cell in table.cells:
                share = sum(table.widths_mm[cell.col:cell.col + cell.col_span]) or \
                    width * cell.col_span / max(table.cols, 1)
                tall = _height_mm([document.paras[u] for u in cell.units
                                   if document.paras[u].format], share)
                rows[cell.row + cell.row_span - 1] = max(rows.get(cell.row + cell.row_span - 1,
                                                                  0.0), tall)
            used += sum(rows.values())
        out.append(used / height)
    return out


def estimated_pages(document: Any) -> float:
    """About how many pages a document fills, as a fraction."""
    return sum(section_pages(document))


def estimated_page_count(document: Any) -> int:
    """A whole number of pages: each section starts a page and fills at least one."""
    return sum(max(1, math.ceil(pages)) for pages in section_pages(document)) or 1
