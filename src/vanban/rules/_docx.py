"""What the layout rules of a .docx share: which units of reading are printed text, and how
sections are named in a message. The rules read the document model (formats, sections,
drawn lines, page numbers), never python-docx objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def printed(para: Any) -> bool:
    """A unit of a .docx that prints text: not empty, not hidden, not white on white."""
    return para.format is not None and bool(para.text.strip()) and not para.format.hidden


def section_list(indices: Iterable[int]) -> str:
    """Sections by their 1-based numbers, runs joined: ``1``, ``2–8``, ``1, 3–4``."""
    numbers = sorted({i + 1 for i in indices})
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


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


def estimated_pages(document: Any) -> float:
    """About how many pages a .docx fills: its units' lines at their size and spacing, a
    table row as tall as its tallest cell. A guess without layout, good to tell one page
    from several."""
    pages = 0.0
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
        pages += used / height
    return pages
