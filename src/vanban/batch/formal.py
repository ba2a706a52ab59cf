"""The copy block of a formal copy (bản sao sang định dạng giấy, Mẫu 3.1 of Phụ lục III).

Phụ lục I Phần II, mục II: the block goes on the same sheet, right after the end of the copied
text, under a solid line as wide as the text area. Two columns: the copying body (upper case,
bold, with a rule of 1/3–1/2 of its line) and ``Số: 01/SY-VP`` on the left; the copy form
(``SAO Y``, upper case, 13–14, upright, bold) and the place and date on the right; below them
Nơi nhận (ending ``- Lưu: VT.``) on the left and the signer on the right. Every element but
the copy form uses the size and style of the same element in a document (Phụ lục I, Phần I,
mục II khoản 2, 3, 4, 7, 8, 9), so the block reuses the template's ``VB …`` styles and only
adds two of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from vanban.renderer import style_text_width

COPY_FORM = "VB Copy Form"
COPY_RULE = "VB Copy Rule"
SHORT_RULE = 0.4  # the rule under the copying body: 1/3–1/2 of its line, as in the header
MIN_LEFT = Mm(55)


@dataclass(frozen=True)
class CopyBlock:
    """The words of a copy block, already formatted."""

    form: str                         # SAO Y | SAO LỤC | TRÍCH SAO
    body: tuple[str, ...]             # copying body, one entry per line
    superior: tuple[str, ...]
    number_line: str                  # Số: 01/SY-VP
    dateline: str                     # Lai Châu, ngày 05 tháng 3 năm 2026
    signature: tuple[str, ...]        # authority and title lines, upper case
    other_title: tuple[str, ...]
    signer: str
    recipients: tuple[str, ...]       # the lines as printed, "- …;" … "- Lưu: VT."


#: (size pt, bold, italic, alignment, space before pt, exact line pt or None) for the styles
#: the block uses, taken from the default template; only used when a template lacks one.
_FALLBACK = {
    "VB Superior": (12, False, False, "center", 0, None),
    "VB Issuer": (12, True, False, "center", 0, None),
    "VB Number": (13, False, False, "center", 6, None),
    "VB Dateline": (13, False, True, "center", 6, None),
    "VB Rule": (1, False, False, "center", 0, 5),
    "VB Recipients Label": (12, True, True, "left", 0, 17),
    "VB Recipient": (11, False, False, "left", 0, None),
    "VB Signature Title": (14, True, False, "center", 0, 17),
    "VB Signature Space": (14, False, False, "center", 0, 72),
    "VB Signer": (14, True, False, "center", 0, None),
    COPY_FORM: (14, True, False, "center", 0, None),
    COPY_RULE: (1, False, False, "center", 12, 5),
}
_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}
_BORDERED = ("VB Rule", COPY_RULE)


def _ensure_style(doc: Document, name: str) -> None:
    size, bold, italic, align, before, exact = _FALLBACK[name]
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic = "Times New Roman", Pt(size), bold, italic
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), "Times New Roman")
    pf = style.paragraph_format
    pf.alignment = _ALIGN[align]
    pf.space_before, pf.space_after = Pt(before), Pt(0)
    pf.first_line_indent = Pt(0)
    if exact is not None:
        pf.line_spacing = Pt(exact)
    if name in _BORDERED:
        ppr = style.element.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "auto")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens",
                                  "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
                                  "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                                  "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                                  "w:mirrorIndents", "w:suppressOverlap", "w:jc")


def ensure_styles(doc: Document) -> None:
    """Add the styles the block uses that ``doc`` lacks (always the two copy styles)."""
    present = {s.name for s in doc.styles}
    for name in _FALLBACK:
        if name not in present:
            _ensure_style(doc, name)


def _text_width(doc: Document) -> Length:
    section = doc.sections[-1]
    return Emu(section.page_width - section.left_margin - section.right_margin)


def _element(tag: str, **attrs: str) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _borderless(table: Table, widths: Sequence[Length]) -> None:
    """Lay ``table`` out like the template's header and signature tables: centred, no
    borders, no cell margins, fixed column widths, rows that do not split."""
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    for child in list(tbl_pr):
        tbl_pr.remove(child)
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{edge}", val="nil"))
    margins = _element("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        margins.append(_element(f"w:{edge}", w="0", type="dxa"))
    # Children in the order the schema requires (Word refuses other orders).
    for child in (_element("w:tblW", w=str(int(sum(w.twips for w in widths))), type="dxa"),
                  _element("w:jc", val="center"), borders,
                  _element("w:tblLayout", type="fixed"), margins):
        tbl_pr.append(child)
    if look is not None:
        tbl_pr.append(look)
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips)))
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, w in zip(row.cells, widths):
            cell.width = w


def _fill(cell_paragraphs: list[Paragraph], cell, lines: Sequence[tuple[str, str]]) -> list[Paragraph]:
    """Write (style, text) lines into a cell, reusing its first empty paragraph."""
    out = []
    for i, (style, text) in enumerate(lines):
        paragraph = cell_paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.style = style
        if text:
            paragraph.add_run(text)
        out.append(paragraph)
    return out


def _centre_rule(paragraph: Paragraph, available: Length, length_pt: float) -> None:
    length = min(Pt(length_pt), available)
    side = Emu(max(0, (available - length) // 2))
    pf = paragraph.paragraph_format
    pf.left_indent, pf.right_indent, pf.first_line_indent = side, side, Emu(0)


def _end_of_copied_text(doc: Document) -> list:
    """The copied document's last table (signature and Nơi nhận) and what follows it."""
    body = doc.element.body
    children = [c for c in body.iterchildren() if c.tag in (qn("w:p"), qn("w:tbl"))]
    for i in range(len(children) - 1, -1, -1):
        if children[i].tag == qn("w:tbl"):
            return children[i:]
    return children[-1:]


def _one_sheet(doc: Document, elements: list, width: Length) -> None:
    """Hold ``elements`` in one borderless row that cannot split across pages.

    Word keeps a table with the next paragraph when its paragraphs say "keep with next",
    but LibreOffice does not; a single unsplittable row is honoured by both, so the end of
    the copied text and the copy block always share a sheet (Phụ lục I, Phần II, II.2.a).
    """
    holder = doc.add_table(rows=1, cols=1)
    _borderless(holder, [width])
    tc = holder.cell(0, 0)._tc
    for p in list(tc.iterchildren(qn("w:p"))):
        tc.remove(p)
    elements[0].addprevious(holder._tbl)
    for element in elements:
        tc.append(element)
    if tc[-1].tag != qn("w:p"):  # a cell must end with a paragraph: make it 1 pt high
        tail = Paragraph(OxmlElement("w:p"), holder.cell(0, 0))
        tc.append(tail._p)
        pf = tail.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = Pt(1)
        tail.add_run().font.size = Pt(1)


def add_copy_block(doc: Document, block: CopyBlock) -> None:
    """Append ``block`` after the end of the copied document (before the section break)."""
    ensure_styles(doc)
    text_width = _text_width(doc)
    end_of_text = _end_of_copied_text(doc)

    rule = doc.add_paragraph(style=COPY_RULE)
    pf = rule.paragraph_format
    pf.left_indent = pf.right_indent = pf.first_line_indent = Emu(0)
    pf.keep_with_next = True  # the block starts on the sheet where the copied text ends

    # Columns as in the document's header: each as wide as its longest line needs.
    def width(style: str, lines: Sequence[str]) -> float:
        return style_text_width(doc, style, lines)

    right_needed = Pt(max(width(COPY_FORM, [block.form]), width("VB Dateline", [block.dateline]),
                          width("VB Signature Title", [*block.signature, *block.other_title]),
                          width("VB Signer", [block.signer]))) + Mm(4)
    left_needed = Pt(max(width("VB Issuer", block.body), width("VB Superior", block.superior),
                         width("VB Number", [block.number_line]))) + Mm(4)
    right = max(right_needed, min(text_width // 2, text_width - left_needed))
    right = Emu(min(right, text_width - MIN_LEFT))
    left = Emu(text_width - right)

    table = doc.add_table(rows=2, cols=2)
    _borderless(table, [left, right])
    top_left, top_right = table.cell(0, 0), table.cell(0, 1)
    bottom_left, bottom_right = table.cell(1, 0), table.cell(1, 1)

    head = [("VB Superior", line) for line in block.superior]
    head += [("VB Issuer", line) for line in block.body]
    head += [("VB Rule", ""), ("VB Number", block.number_line)]
    left_top = _fill(top_left.paragraphs, top_left, head)
    issuer_width = min(width("VB Issuer", block.body), left.pt)
    for paragraph in left_top:
        if paragraph.style.name == "VB Rule":
            _centre_rule(paragraph, left, issuer_width * SHORT_RULE)
    right_top = _fill(top_right.paragraphs, top_right,
                      [(COPY_FORM, block.form), ("VB Dateline", block.dateline)])
    for paragraph in left_top + right_top:  # the two rows stay together
        paragraph.paragraph_format.keep_with_next = True

    recipients = _fill(bottom_left.paragraphs, bottom_left,
                       [("VB Recipients Label", "Nơi nhận:")]
                       + [("VB Recipient", line) for line in block.recipients])
    signature = _fill(bottom_right.paragraphs, bottom_right,
                      [("VB Signature Title", line) for line in block.signature]
                      + [("VB Signature Space", "")]
                      + [("VB Signature Title", line) for line in block.other_title]
                      + [("VB Signer", block.signer)])
    # "Nơi nhận:" level with the first title line, a line below the copy form and date.
    recipients[0].paragraph_format.space_before = Pt(12)
    signature[0].paragraph_format.space_before = Pt(12)
    _one_sheet(doc, [*end_of_text, rule._p, table._tbl], text_width)
