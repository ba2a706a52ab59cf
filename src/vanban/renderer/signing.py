"""The foot of the document: the signature block kept whole, a long Nơi nhận let run on.

Nơi nhận (ô 9b) and the signature (ô 7a–7c) share a row of a borderless table whose row must
not split: the signature's title lines, the room for the hand and seal, and the name belong
together. When the list of recipients is taller than the signature, that row would carry the
whole list and, not fitting, move to the next page with all of it, leaving up to a page of
blank space. So the recipients that fit beside the signature stay in that row, and the rest
go to a second row, which may break across pages: the list continues on the next page, and
the signature never leaves more room above a break than its own height.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from vanban.renderer.metrics import text_width_pt, wrap
from vanban.renderer.styles import base_of, paragraph_style, style_id_of

#: A line of single spacing in Times New Roman, as a multiple of the font size (Word's
#: figure; LibreOffice's is a little less, so the estimate errs towards fewer recipients).
SINGLE_LINE = 1.15


def _style(doc: Document, paragraph: Paragraph) -> BaseStyle | None:
    style_id = style_id_of(paragraph)
    if style_id is None:
        return None
    style = paragraph_style(doc, style_id)
    if style is not None:
        return style
    try:  # an unknown id: python-docx gives the default paragraph style
        return doc.styles.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH)
    except (KeyError, ValueError):
        return None


def _inherited(doc: Document, style: BaseStyle | None, read) -> object:
    while style is not None:
        value = read(style)
        if value is not None:
            return value
        style = base_of(doc, style)
    return None


def _pt(length) -> float:
    return length.pt if length is not None else 0.0


#: What a paragraph style gives, following its bases: size (pt), bold, italic, and the line
#: spacing, its rule, the space before and after (None where no style sets them).
StyleMetrics = tuple[float, bool, bool, Any, Any, Any, Any]


def _style_metrics(doc: Document, style: BaseStyle | None) -> StyleMetrics:
    size = _inherited(doc, style, lambda s: s.font.size) or None
    return (size.pt if size is not None else 14.0,
            bool(_inherited(doc, style, lambda s: s.font.bold)),
            bool(_inherited(doc, style, lambda s: s.font.italic)),
            _inherited(doc, style, lambda s: s.paragraph_format.line_spacing),
            _inherited(doc, style, lambda s: s.paragraph_format.line_spacing_rule),
            _inherited(doc, style, lambda s: s.paragraph_format.space_before),
            _inherited(doc, style, lambda s: s.paragraph_format.space_after))


def paragraph_height_pt(doc: Document, paragraph: Paragraph, width_pt: float,
                        styles: dict[str | None, StyleMetrics] | None = None) -> float:
    """The height ``paragraph`` takes in a column ``width_pt`` wide: its lines (wrapped word
    by word) at its style's spacing, and the space before and after it. ``styles`` keeps
    what each style gives across the paragraphs of one measurement."""
    style = _style(doc, paragraph)
    key = style.style_id if style is not None else None
    metrics = styles.get(key) if styles is not None else None
    if metrics is None:
        metrics = _style_metrics(doc, style)
        if styles is not None:
            styles[key] = metrics
    size_pt, bold, italic, spacing, rule, before, after = metrics
    pf = paragraph.paragraph_format
    spacing = pf.line_spacing if pf.line_spacing is not None else spacing
    rule = pf.line_spacing_rule if pf.line_spacing_rule is not None else rule
    before = pf.space_before if pf.space_before is not None else before
    after = pf.space_after if pf.space_after is not None else after
    lines = _line_count(paragraph.text, size_pt, bold, italic, width_pt)
    if hasattr(spacing, "pt") and rule is not None and "EXACTLY" in str(rule):
        line = spacing.pt
    elif hasattr(spacing, "pt"):
        line = max(spacing.pt, size_pt * SINGLE_LINE)
    else:
        line = size_pt * SINGLE_LINE * (spacing or 1.0)
    return lines * line + _pt(before) + _pt(after)


def _line_count(text: str, size: float, bold: bool, italic: bool, width: float) -> int:
    """How many lines ``text`` wraps into, a word longer than the column taking several."""
    if not text.strip() or width <= 0:
        return 1
    return sum(max(1, math.ceil(text_width_pt(line, size, bold=bold, italic=italic) / width))
               for line in wrap(text, size, width, bold=bold, italic=italic))


def _column_widths_pt(table: Table) -> list[float]:
    return [int(col.get(qn("w:w"))) / 20 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def _no_top_margin(cell) -> None:
    """The continued list starts right under the row above (the table's cells keep 12 pt
    above the signature row, a line between the body and the foot)."""
    tc_pr = cell.get_or_add_tcPr()
    margins = tc_pr.find(qn("w:tcMar"))
    if margins is None:
        margins = tc_pr.makeelement(qn("w:tcMar"), {})
        # CT_TcPr: tcMar follows tcW, gridSpan, vMerge, tcBorders and shd
        anchor = None
        for tag in ("w:shd", "w:tcBorders", "w:vMerge", "w:gridSpan", "w:tcW"):
            anchor = tc_pr.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addnext(margins)
        else:
            tc_pr.insert(0, margins)
    top = margins.find(qn("w:top"))
    if top is None:
        top = margins.makeelement(qn("w:top"), {})
        margins.insert(0, top)
    top.set(qn("w:w"), "0")
    top.set(qn("w:type"), "dxa")


def split_long_recipients(doc: Document, table: Table | None) -> None:
    """Move the recipients that do not fit beside the signature into a row of their own,
    which may break across pages (see the module's note)."""
    if table is None or len(table.rows) != 1:
        return  # a Biên bản's two signatures have Nơi nhận in a row of its own already
    row = table.rows[0]
    left, right = row.cells[0], row.cells[1]
    widths = _column_widths_pt(table)
    if len(widths) != 2:
        return
    styles: dict[str | None, StyleMetrics] = {}
    signature = sum(paragraph_height_pt(doc, p, widths[1], styles) for p in right.paragraphs)
    recipients = left.paragraphs
    used, keep = 0.0, 0
    for paragraph in recipients:
        used += paragraph_height_pt(doc, paragraph, widths[0], styles)
        if used > signature:
            break
        keep += 1
    keep = max(keep, 1)  # the “Nơi nhận:” label stays level with the signer's title
    if keep >= len(recipients):
        return
    new_tr = copy.deepcopy(row._tr)
    tr_pr = new_tr.trPr
    if tr_pr is not None:
        for cant in tr_pr.findall(qn("w:cantSplit")):
            tr_pr.remove(cant)
    row._tr.addnext(new_tr)
    cells = new_tr.findall(qn("w:tc"))
    for tc in cells:
        for p in tc.findall(qn("w:p")):
            tc.remove(p)
        _no_top_margin(tc)
    for paragraph in recipients[keep:]:
        cells[0].append(paragraph._p)
    empty = copy.deepcopy(right.paragraphs[-1]._p)
    for run in empty.findall(qn("w:r")):
        empty.remove(run)
    cells[1].append(empty)
