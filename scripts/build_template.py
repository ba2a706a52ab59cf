"""Build the default Word template (Mẫu 1.4 "văn bản có tên loại") for docxtpl.

The template is generated, not hand-edited, so its XML stays clean (no tags split across
runs) and reproducible. Agencies who want their own look open ``templates/ke-hoach.docx``
in Word and change the ``VB …`` styles, the page setup or the fixed words; the renderer only
relies on the Jinja tags and the style names listed in ``vanban.renderer.layout``.

    python scripts/build_template.py          # writes templates/ and src/vanban/templates/
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vanban.renderer import normalise_zip  # noqa: E402
from vanban.renderer.forms import RECEIVERS_INDENT_CM  # noqa: E402
from vanban.renderer.tables import TABLE_SIZE_PT  # noqa: E402

FONT = "Times New Roman"
TEXT_WIDTH = Mm(210 - 30 - 15)
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


def set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def doc_defaults(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    for tag, val in (("w:sz", "28"), ("w:szCs", "28")):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), val)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in list(lang.attrib):
        del lang.attrib[attr]
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "en-US")
    lang.set(qn("w:bidi"), "ar-SA")
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    set_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0


def border(ppr, side: str, size_eighths: int = 6) -> None:
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        # w:pBdr comes after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers
        anchor = None
        for tag in ("w:spacing", "w:ind", "w:jc", "w:rPr"):
            anchor = ppr.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(bdr)
        else:
            ppr.append(bdr)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), "0")
    el.set(qn("w:color"), "auto")
    bdr.append(el)


def pstyle(doc, name: str, *, size: float = 14, bold: bool = False, italic: bool = False,
           align=JUSTIFY, first_indent: float | None = None, before: float = 0,
           after: float = 0, exact: float | None = None, keep_next: bool = False,
           color: RGBColor | None = None, caps: bool = False):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    # Capitals by style: the text keeps the case it was written in (so the document reads
    # back as its plan) and Word and LibreOffice show it in capitals, as the decree wants.
    font.all_caps = caps
    set_fonts(style.element.get_or_add_rPr())
    if color is not None:
        font.color.rgb = color
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if exact is not None:
        from docx.enum.text import WD_LINE_SPACING
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(exact)
    else:
        pf.line_spacing = 1.0
    if first_indent is not None:
        pf.first_line_indent = Cm(first_indent)
    pf.keep_with_next = keep_next
    pf.widow_control = True
    return style


def define_styles(doc) -> None:
    body = dict(size=14, align=JUSTIFY, first_indent=1.27, after=6)
    # Header (ô 1–4)
    pstyle(doc, "VB Superior", size=12, align=CENTER, caps=True)
    pstyle(doc, "VB Issuer", size=12, bold=True, align=CENTER, caps=True)
    pstyle(doc, "VB National Title", size=12, bold=True, align=CENTER)
    pstyle(doc, "VB Motto", size=13, bold=True, align=CENTER)
    pstyle(doc, "VB Number", size=13, align=CENTER, before=6)
    # Công văn: “V/v …” under the number, 12–13 pt, 6 pt below it (Phụ lục I, II.5.b).
    pstyle(doc, "VB Subject", size=12, align=CENTER, before=6)
    pstyle(doc, "VB Dateline", size=13, italic=True, align=CENTER, before=6)
    stamp = pstyle(doc, "VB Stamp", size=13, bold=True, align=CENTER, before=6,
                   color=RGBColor(0xFF, 0x00, 0x00))
    ppr = stamp.element.get_or_add_pPr()
    for side in ("top", "left", "bottom", "right"):
        border(ppr, side, 8)
    stamp.paragraph_format.left_indent = Cm(2)
    stamp.paragraph_format.right_indent = Cm(2)
    # Rules drawn under the issuer, the Tiêu ngữ and the trích yếu: an empty paragraph with a
    # bottom border; the renderer sets its indents so the line has the decree's length.
    for name, after in (("VB Rule", 0), ("VB Title Rule", 12)):
        rule = pstyle(doc, name, size=1, align=CENTER, exact=5, after=after)
        border(rule.element.get_or_add_pPr(), "bottom", 6)
        rule.paragraph_format.left_indent = Cm(2)
        rule.paragraph_format.right_indent = Cm(2)
    # Type name and trích yếu (ô 5a)
    pstyle(doc, "VB Doc Type", size=14, bold=True, align=CENTER, before=18, keep_next=True)
    pstyle(doc, "VB Title", size=14, bold=True, align=CENTER, keep_next=True)
    # Decisions: the authority line above the bases and the “QUYẾT ĐỊNH:” line (Mẫu 1.1).
    pstyle(doc, "VB Authority", size=14, bold=True, align=CENTER, after=6, keep_next=True,
           caps=True)
    pstyle(doc, "VB Decides", size=14, bold=True, align=CENTER, before=6, after=6,
           keep_next=True)
    # Kính gửi (Mẫu 1.5): one addressee on the line, several under the colon.
    pstyle(doc, "VB Addressee", size=14, align=CENTER, before=6, after=6)
    addressee = pstyle(doc, "VB Addressee Item", size=14, align=LEFT)
    addressee.paragraph_format.left_indent = Cm(5)
    # Công điện (Mẫu 1.6): “<AUTHORITY> điện:” centred under the trích yếu, 14 pt regular, the
    # authority in capitals (by its run); the receivers under it, 14 pt, one per line, in the
    # right-hand cell of a table as the form has them.
    pstyle(doc, "VB Cable From", size=14, align=CENTER, after=6, keep_next=True)
    pstyle(doc, "VB Cable Receiver", size=14, align=JUSTIFY, after=6)
    # Body (ô 6)
    pstyle(doc, "VB Basis", italic=True, **body)
    pstyle(doc, "VB Body", **body)
    pstyle(doc, "VB Section", bold=True, keep_next=True, caps=True, **body)
    pstyle(doc, "VB Article", bold=True, keep_next=True, **body)
    # An article with running text (Mẫu 1.2): “Điều 1.” bold by its run, the text regular.
    pstyle(doc, "VB Article Text", **body)
    pstyle(doc, "VB Item Title", bold=True, keep_next=True, **body)
    # The lines of a Giấy mời (Mẫu 1.7: kính mời, tới dự, chủ trì, thời gian, địa điểm) and of
    # a Biên bản (Mẫu 1.9: thời gian bắt đầu … kết thúc): body text, as the forms set them.
    pstyle(doc, "VB Field", **body)
    for name in ("VB Item", "VB Point", "VB Dash", "VB Plus", "VB Closing"):
        pstyle(doc, name, **body)
    # Nơi nhận (ô 9b) and signature (ô 7a–7c); the label and the first title line share an
    # exact line height so that they sit on the same line.
    pstyle(doc, "VB Recipients Label", size=12, bold=True, italic=True, align=LEFT, exact=17)
    pstyle(doc, "VB Recipient", size=11, align=LEFT)
    pstyle(doc, "VB Signature Title", size=14, bold=True, align=CENTER, exact=17, caps=True)
    pstyle(doc, "VB Signature Space", size=14, align=CENTER, exact=72)
    pstyle(doc, "VB Signer", size=14, bold=True, align=CENTER)
    pstyle(doc, "VB Note", size=11, align=JUSTIFY, before=6)
    # Phụ lục (Phụ lục I, III.1.b–c and Mẫu 2.1): “Phụ lục I” 14 pt bold; the title in
    # capitals, 14 pt bold; the “(Kèm theo …)” line 14 pt italic (it also stands under the
    # trích yếu of a document a decision issues, Mẫu 1.3); a short rule under it.
    pstyle(doc, "VB Appendix Label", size=14, bold=True, align=CENTER, keep_next=True)
    pstyle(doc, "VB Appendix Title", size=14, bold=True, align=CENTER, keep_next=True,
           caps=True)
    pstyle(doc, "VB Reference", size=14, italic=True, align=CENTER, keep_next=True)
    rule = pstyle(doc, "VB Appendix Rule", size=1, align=CENTER, exact=5, after=12)
    border(rule.element.get_or_add_pPr(), "bottom", 6)
    rule.paragraph_format.left_indent = Cm(2)
    rule.paragraph_format.right_indent = Cm(2)
    # Tables: the decree sets no size for a table's text; it is content (13–14 pt) and
    # practice sets tables smaller than the running text: 13 pt, header bold and centred.
    cell = {"size": TABLE_SIZE_PT, "before": 2, "after": 2}
    pstyle(doc, "VB Table Text", align=LEFT, **cell)
    pstyle(doc, "VB Table Header", bold=True, align=CENTER, **cell)
    pstyle(doc, "VB Table Group", bold=True, align=LEFT, keep_next=True, **cell)
    pstyle(doc, "VB Table Title", size=14, bold=True, align=CENTER, before=6, after=6,
           keep_next=True)
    # The empty paragraph that ends a section (the document's, an appendix's): as small as
    # a paragraph can be, so it never pushes a page over.
    pstyle(doc, "VB Section Break", size=1, align=LEFT, exact=1)
    # Where the document a decision issues gets its header (replaced by the renderer).
    pstyle(doc, "VB Attachment Header", size=1, align=LEFT, exact=1)
    # Page number (Phụ lục I, I.7): 14 pt, upright, centred in the top margin.
    pstyle(doc, "VB Page Number", size=14, align=CENTER)
    # Draft marker (not a component of ND30; agencies box "DỰ THẢO" at the top of page 1). It
    # lives in the first-page header, in the top margin, so a draft breaks pages as the final.
    draft = pstyle(doc, "VB Draft Mark", size=13, bold=True, align=CENTER)
    ppr = draft.element.get_or_add_pPr()
    for side in ("top", "left", "bottom", "right"):
        border(ppr, side, 8)
    draft.paragraph_format.left_indent = Cm(13)
    draft.paragraph_format.right_indent = Cm(0)


def para(container, text: str, style: str):
    p = container.add_paragraph(style=style)
    if text:
        p.add_run(text)
    return p


def loop(container, open_tag: str, text: str, style: str, close_tag: str) -> None:
    para(container, open_tag, style)
    para(container, text, style)
    para(container, close_tag, style)


def borderless_table(doc, rows: int, widths: list, *, cant_split: bool = False,
                     top_margin_pt: float = 0):
    table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", int(top_margin_pt * 20)), ("left", 0), ("bottom", 0), ("right", 0)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(value))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(sum(widths) / 635)))
    width.set(qn("w:type"), "dxa")
    existing = tbl_pr.find(qn("w:tblW"))
    if existing is not None:
        tbl_pr.remove(existing)
    tbl_pr.append(width)
    # Word refuses a tblPr whose children are out of the schema's order (CT_TblPr).
    order = ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
             "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
             "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"]
    rank = {qn(tag): i for i, tag in enumerate(order)}
    children = sorted(tbl_pr, key=lambda el: rank[el.tag])
    for el in children:
        tbl_pr.remove(el)
        tbl_pr.append(el)
    for col, w in zip(table.columns, widths):
        col.width = w
    for row in table.rows:
        if cant_split:
            tr_pr = row._tr.get_or_add_trPr()
            el = OxmlElement("w:cantSplit")
            tr_pr.append(el)
        for cell, w in zip(row.cells, widths):
            cell.width = w
            # add_table gives each cell an empty paragraph; we add our own.
            for p in list(cell.paragraphs):
                p._p.getparent().remove(p._p)
    return table


def page_number_field(paragraph) -> None:
    def fld(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    instr = paragraph.add_run()._r
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = " PAGE "
    instr.append(text)
    fld("separate")
    paragraph.add_run("2")
    fld("end")


def header_table(doc) -> None:
    """Agency and Quốc hiệu (ô 1–2), and Số and the dateline under them (ô 3–4). The
    document a decision issues repeats the first row (Mẫu 1.3): the renderer copies it."""
    header = borderless_table(doc, 2, [Mm(62), Mm(103)])
    left, right = header.rows[0].cells
    loop(left, "{%p for line in issuer.superior %}", "{{ line }}", "VB Superior", "{%p endfor %}")
    loop(left, "{%p for line in issuer.name %}", "{{ line }}", "VB Issuer", "{%p endfor %}")
    para(left, "", "VB Rule")
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "VB National Title")
    para(right, "Độc lập - Tự do - Hạnh phúc", "VB Motto")
    para(right, "", "VB Rule")
    left, right = header.rows[1].cells
    para(left, "{{ number_line }}", "VB Number")
    loop(left, "{%p if subject_line %}", "{{ subject_line }}", "VB Subject", "{%p endif %}")
    loop(left, "{%p for stamp in stamps %}", "{{ stamp }}", "VB Stamp", "{%p endfor %}")
    para(right, "{{ dateline }}", "VB Dateline")


#: Each kind of body block and its style; any other kind is a plain “VB Body” paragraph.
BRANCHES = [("section", "VB Section"), ("article", "VB Article"),
            ("article-text", "VB Article Text"), ("item-title", "VB Item Title"),
            ("item", "VB Item"), ("point", "VB Point"), ("dash", "VB Dash"),
            ("plus", "VB Plus"), ("closing", "VB Closing")]


def body_loop(doc, blocks: str) -> None:
    """A numbered body: one paragraph per block in its kind's style, a table as its XML."""
    para(doc, f"{{%p for b in {blocks} %}}", "VB Body")
    for i, (kind, style) in enumerate(BRANCHES):
        keyword = "if" if i == 0 else "elif"
        para(doc, f'{{%p {keyword} b.kind == "{kind}" %}}', style)
        para(doc, "{{r b.rich }}", style)
    para(doc, '{%p elif b.kind == "table" %}', "VB Body")
    para(doc, "{{p b.xml }}", "VB Body")
    para(doc, "{%p else %}", "VB Body")
    para(doc, "{{r b.rich }}", "VB Body")
    para(doc, "{%p endif %}", "VB Body")
    para(doc, "{%p endfor %}", "VB Body")


def cable_receivers_table(doc) -> None:
    """A Công điện's receivers where Mẫu 1.6 puts them: the right-hand cell of a borderless
    table whose empty left cell indents them; an empty line after it, as in the form (and
    so that the table never touches another)."""
    para(doc, "{%p if cable_receivers %}", "VB Cable Receiver")
    indent = Cm(RECEIVERS_INDENT_CM)
    table = borderless_table(doc, 1, [indent, TEXT_WIDTH - indent])
    left, right = table.rows[0].cells
    para(left, "", "VB Cable Receiver")
    loop(right, "{%p for line in cable_receivers %}", "{{ line }}", "VB Cable Receiver",
         "{%p endfor %}")
    para(doc, "", "VB Cable Receiver")
    para(doc, "{%p endif %}", "VB Cable Receiver")


def signature_cell(cell, block: str) -> None:
    """Title lines, the room for the signature and seal, other titles and the name."""
    loop(cell, f"{{%p for line in {block}.lines %}}", "{{ line }}", "VB Signature Title",
         "{%p endfor %}")
    para(cell, "", "VB Signature Space")
    loop(cell, f"{{%p for line in {block}.other_title %}}", "{{ line }}", "VB Signature Title",
         "{%p endfor %}")
    para(cell, f"{{{{ {block}.name }}}}", "VB Signer")


def recipients_cell(cell) -> None:
    para(cell, "{{ recipients_label }}", "VB Recipients Label")
    loop(cell, "{%p for line in recipients %}", "{{ line }}", "VB Recipient", "{%p endfor %}")
    loop(cell, "{%p if drafter_line %}", "{{ drafter_line }}", "VB Recipient", "{%p endif %}")


def signature_tables(doc) -> None:
    """Nơi nhận on the left and the signature on the right; a Biên bản's thư ký and chủ tọa
    side by side, Nơi nhận under the thư ký (Mẫu 1.9)."""
    para(doc, "{%p if cosignature %}", "VB Body")
    both = borderless_table(doc, 2, [Mm(70), Mm(95)], cant_split=True, top_margin_pt=12)
    signature_cell(both.rows[0].cells[0], "cosignature")
    signature_cell(both.rows[0].cells[1], "signature")
    recipients_cell(both.rows[1].cells[0])
    para(both.rows[1].cells[1], "", "VB Recipient")
    para(doc, "{%p else %}", "VB Body")
    sign = borderless_table(doc, 1, [Mm(70), Mm(95)], cant_split=True, top_margin_pt=12)
    left, right = sign.rows[0].cells
    recipients_cell(left)
    signature_cell(right, "signature")
    para(doc, "{%p endif %}", "VB Body")


def parts_loop(doc) -> None:
    """The appendices and the document a decision issues, each after a section break."""
    para(doc, "{%p for part in parts %}", "VB Body")
    para(doc, "", "VB Section Break")
    para(doc, '{%p if part.kind == "attachment" %}', "VB Doc Type")
    # where the renderer puts the first row of the header: agency and Quốc hiệu, no Số
    para(doc, "", "VB Attachment Header")
    para(doc, "{{ part.doctype_title }}", "VB Doc Type")
    para(doc, "{{ part.title }}", "VB Title")
    para(doc, "{{ part.reference }}", "VB Reference")
    para(doc, "", "VB Title Rule")
    para(doc, "{%p else %}", "VB Appendix Label")
    para(doc, "{{ part.label }}", "VB Appendix Label")
    para(doc, "{{ part.title }}", "VB Appendix Title")
    para(doc, "{{ part.reference }}", "VB Reference")
    para(doc, "", "VB Appendix Rule")
    para(doc, "{%p endif %}", "VB Appendix Rule")
    body_loop(doc, "part.body")
    para(doc, "{%p endfor %}", "VB Body")


def build() -> bytes:
    doc = Document()
    doc_defaults(doc)
    define_styles(doc)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.gutter = 0
    section.different_first_page_header_footer = True
    header_p = section.header.paragraphs[0]
    header_p.style = doc.styles["VB Page Number"]
    page_number_field(header_p)
    first = section.first_page_header
    first.paragraphs[0].style = doc.styles["VB Draft Mark"]
    first.paragraphs[0].add_run("{%p if draft_label %}")
    para(first, "{{ draft_label }}", "VB Draft Mark")
    para(first, "{%p endif %}", "VB Draft Mark")
    # A header part must hold at least one paragraph (CT_HdrFtr), draft or not.
    para(first, "", "VB Page Number")

    # The document starts with the header table, so drop python-docx's initial paragraph.
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)

    header_table(doc)

    para(doc, "{%p if has_type_line %}", "VB Doc Type")
    para(doc, "{{ doctype_title }}", "VB Doc Type")
    para(doc, "{{ title }}", "VB Title")
    para(doc, "", "VB Title Rule")
    para(doc, "{%p endif %}", "VB Title Rule")
    para(doc, "{%p if cable_from %}", "VB Cable From")
    cable = para(doc, "{{ cable_from.authority }}", "VB Cable From")
    cable.runs[0].font.all_caps = True
    cable.add_run(" {{ cable_from.verb }}")
    para(doc, "{%p endif %}", "VB Cable From")
    cable_receivers_table(doc)
    loop(doc, "{%p if issuing_authority %}", "{{ issuing_authority }}", "VB Authority",
         "{%p endif %}")
    loop(doc, "{%p if addressee_line %}", "{{ addressee_line }}", "VB Addressee", "{%p endif %}")
    para(doc, "{%p if addressees %}", "VB Addressee")
    para(doc, "Kính gửi:", "VB Addressee")
    loop(doc, "{%p for line in addressees %}", "{{ line }}", "VB Addressee Item", "{%p endfor %}")
    para(doc, "{%p endif %}", "VB Addressee")
    loop(doc, "{%p for basis in bases %}", "{{ basis.text }}", "VB Basis", "{%p endfor %}")
    loop(doc, "{%p if decides_line %}", "{{ decides_line }}", "VB Decides", "{%p endif %}")
    loop(doc, "{%p for line in intro_lines %}", "{{ line }}", "VB Field", "{%p endfor %}")

    body_loop(doc, "body")
    loop(doc, "{%p for line in end_lines %}", "{{ line }}", "VB Field", "{%p endfor %}")

    signature_tables(doc)
    loop(doc, "{%p for note in notes %}", "{{ note }}", "VB Note", "{%p endfor %}")
    parts_loop(doc)
    # Word requires a paragraph after a table at the end of the body.
    para(doc, "", "VB Body").paragraph_format.space_after = Pt(0)

    props = doc.core_properties
    props.title = "Mẫu 1.4 - Văn bản có tên loại (vanban)"
    props.author = "vanban"
    props.last_modified_by = "vanban"
    props.comments = "Default vanban template for Decree 30/2020/NĐ-CP documents with a type name"
    props.language = "vi-VN"
    props.revision = 1
    import datetime as dt
    props.created = props.modified = dt.datetime(2020, 3, 5)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


TARGETS = (ROOT / "templates" / "ke-hoach.docx", ROOT / "src" / "vanban" / "templates" / "ke-hoach.docx")


def main() -> None:
    data = build()
    for target in TARGETS:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target.relative_to(ROOT)} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
