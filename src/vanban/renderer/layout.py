"""Post-rendering layout through python-docx: page setup, column widths, rule lengths.

The template fixes the look (styles); this step fits what depends on the plan's own words:
the header columns are sized so Quốc hiệu and the dateline fit on one line, and each rule
gets the length the decree measures against its text line (Phụ lục I, II.1–5).
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Iterable, Sequence

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm, Emu, Length, Mm, Pt, Twips
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from vanban.decree.marks import STAMP_WIDTH_MM, normal_mark
from vanban.plan.model import Plan
from vanban.renderer.addressing import fit_addressees
from vanban.renderer.forms import RECEIVERS_INDENT_CM
from vanban.renderer.geometry import text_width_twips
from vanban.renderer.metrics import text_width_pt, wrap
from vanban.renderer.names import break_name
from vanban.renderer.properties import set_custom_properties
from vanban.renderer.sections import BREAK_STYLE, apply_sections
from vanban.renderer.signing import split_long_recipients
from vanban.renderer.styles import base_of, style_id_of, style_named

#: Rule under the issuer and under the trích yếu: 1/3–1/2 of the line; we take the middle.
SHORT_RULE = 0.4
BODY_STYLES = ("VB Body", "VB Basis", "VB Section", "VB Article", "VB Article Text",
               "VB Item Title", "VB Item", "VB Point", "VB Dash", "VB Plus", "VB Closing",
               "VB Field")
MIN_LEFT_COLUMN = Mm(55)


def _find_style(doc: Document, name: str) -> BaseStyle | None:
    """The style called ``name``, or None."""
    return style_named(doc, name)


def _styled(doc: Document, paragraphs: Iterable[Paragraph], name: str) -> list[Paragraph]:
    """Those of ``paragraphs`` in the style ``name``, compared by style id (resolving each
    paragraph's style object costs a lookup through every style)."""
    style = _find_style(doc, name)
    if style is None:
        return []
    return [p for p in paragraphs if _has_style(p, style.style_id)]


def _style_font(doc: Document, name: str) -> tuple[float, bool, bool]:
    """Size (pt), bold, italic of a paragraph style, following its base styles."""
    size, bold, italic = None, None, None
    style = _find_style(doc, name)
    while style is not None:
        font = style.font
        size = size if size is not None else (font.size.pt if font.size else None)
        bold = bold if bold is not None else font.bold
        italic = italic if italic is not None else font.italic
        style = base_of(doc, style)
    return size or 14.0, bool(bold), bool(italic)


def _caps(doc: Document, name: str) -> bool:
    style = _find_style(doc, name)
    while style is not None:
        if style.font.all_caps is not None:
            return bool(style.font.all_caps)
        style = base_of(doc, style)
    return False


def style_text_width(doc: Document, style: str, lines: Iterable[str]) -> float:
    """The widest of ``lines`` as the style shows it (in capitals for a caps style)."""
    size, bold, italic = _style_font(doc, style)
    upper = _caps(doc, style)
    return max((text_width_pt(line.upper() if upper else line, size, bold=bold, italic=italic)
                for line in lines), default=0.0)


def _set_indents(paragraph: Paragraph, available: Length, length: float) -> None:
    """Centre a rule of ``length`` points in ``available`` width using equal indents."""
    length_emu = min(Pt(length), available)
    side = Emu(max(0, (available - length_emu) // 2))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.first_line_indent = Emu(0)


def _set_column_widths(table: Table, widths: list[Length]) -> None:
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:w"), str(int(sum(w.twips for w in widths))))
        tbl_w.set(qn("w:type"), "dxa")


def _cell_paragraphs(doc: Document, table: Table, row: int, col: int,
                     style: str) -> list[Paragraph]:
    return _styled(doc, table.cell(row, col).paragraphs, style)


def _text_of(paragraphs: Iterable[Paragraph]) -> list[str]:
    """The lines of ``paragraphs`` (a line break starts a line)."""
    return [line for p in paragraphs for line in p.text.split("\n") if line.strip()]


#: Room between the header's columns' texts: each is centred in its column with at least
#: half of this on either side.
COLUMN_GAP = Mm(4)
NAME_STYLES = ("VB Superior", "VB Issuer")


def break_agency_names(doc: Document, table: Table, available: Length,
                       broken: list[str]) -> Length:
    """Break the agency's names in the header's left column at their natural boundaries
    (:mod:`.names`) where they do not fit ``available``; return the widest line's width.
    Each name broken is added to ``broken`` as the plan wrote it."""
    widest = 0.0
    for style in NAME_STYLES:
        def fits(text: str, style: str = style) -> bool:
            return style_text_width(doc, style, [text]) <= available.pt

        for paragraph in _cell_paragraphs(doc, table, 0, 0, style):
            text = paragraph.text
            lines = break_name(text, fits) if text.strip() and "\n" not in text else \
                text.split("\n")
            if len(lines) > 1 and "\n" not in text:
                broken.append(text)
                runs = paragraph.runs
                runs[0].text = "\n".join(lines)  # python-docx writes w:br for each break
                for run in runs[1:]:
                    run._r.getparent().remove(run._r)
            widest = max(widest, style_text_width(doc, style, lines))
    return Pt(widest)


def page_setup(doc: Document, plan: Plan) -> Length:
    """Apply the plan's margins and body settings; return the text width."""
    layout = plan.layout
    section = doc.sections[0]
    section.top_margin, section.bottom_margin = Mm(layout.margin_top), Mm(layout.margin_bottom)
    section.left_margin, section.right_margin = Mm(layout.margin_left), Mm(layout.margin_right)
    for name in BODY_STYLES:
        style = _find_style(doc, name)
        if style is None:
            continue
        style.font.size = Pt(layout.body_size)
        pf = style.paragraph_format
        pf.first_line_indent = Cm(layout.first_line_indent)
        pf.space_after = Pt(layout.paragraph_spacing)
        pf.line_spacing = layout.line_spacing
    return Emu(section.page_width - section.left_margin - section.right_margin)


def _holds_style(doc: Document, table: Table, name: str) -> bool:
    """Whether a paragraph of ``table`` is in the style ``name`` (read in the XML: a table
    of the body may have a thousand rows)."""
    style = _find_style(doc, name)
    return style is not None and any(
        s.get(qn("w:val")) == style.style_id for s in table._tbl.iter(qn("w:pStyle")))


def _two_columns_holding(doc: Document, name: str) -> Table | None:
    return next((t for t in doc.tables if len(t.columns) == 2 and _holds_style(doc, t, name)),
                None)


def header_table(doc: Document) -> Table | None:
    """The table of the document's header: agency and Quốc hiệu, Số and the dateline."""
    return _two_columns_holding(doc, "VB National Title")


def fit_header(doc: Document, text_width: Length) -> list[str]:
    """Size the header columns and the rules under the issuer and the Tiêu ngữ."""
    table = header_table(doc)
    broken: list[str] = []
    if table is None:
        return broken

    def needed(row: int, style: str) -> float:
        return style_text_width(doc, style, _text_of(_cell_paragraphs(doc, table, row, 1, style)))

    right_needed = max(needed(0, "VB National Title"), needed(0, "VB Motto"),
                       needed(1, "VB Dateline"))
    right = Emu(min(Pt(right_needed) + COLUMN_GAP, text_width - MIN_LEFT_COLUMN))
    left = Emu(text_width - right)
    # agency names too long for the left column break where they naturally do; a place
    # name longer than the column widens it, as far as Quốc hiệu leaves room
    widest = break_agency_names(doc, table, Emu(left - COLUMN_GAP), broken)
    if widest + COLUMN_GAP > left:
        left = Emu(min(widest + COLUMN_GAP, text_width - Pt(right_needed) - COLUMN_GAP))
        right = Emu(text_width - left)
    _set_column_widths(table, [left, right])

    issuer_lines = _text_of(_cell_paragraphs(doc, table, 0, 0, "VB Issuer"))
    for rule in _cell_paragraphs(doc, table, 0, 0, "VB Rule"):
        line = min(style_text_width(doc, "VB Issuer", issuer_lines), left.pt)
        _set_indents(rule, left, line * SHORT_RULE)
    motto_lines = _text_of(_cell_paragraphs(doc, table, 0, 1, "VB Motto"))
    for rule in _cell_paragraphs(doc, table, 0, 1, "VB Rule"):
        _set_indents(rule, right, style_text_width(doc, "VB Motto", motto_lines))
    stamps = _cell_paragraphs(doc, table, 1, 0, "VB Stamp")
    for stamp in stamps[1:]:
        # Word and LibreOffice draw one frame round touching paragraphs with the same
        # borders: a paragraph without any between two stamps keeps their boxes apart
        stamp._p.addprevious(_spacer())
    for stamp in stamps:
        # stamps have fixed sizes (Phụ lục I, II.2.b); others fit their text
        fixed = STAMP_WIDTH_MM.get(normal_mark(stamp.text.strip()))
        if fixed:
            length = Mm(fixed).pt - _frame_pt(doc, "VB Stamp")
        else:
            length = style_text_width(doc, "VB Stamp", [stamp.text]) + Mm(4).pt
        _set_indents(stamp, left, length)
    fit_circulation(doc, text_width, left, right)
    return broken


def _spacer() -> CT_P:
    """An empty paragraph of next to no height (a twentieth of a point)."""
    return parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" w:line="1" '
        'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')


def _frame_pt(doc: Document, name: str) -> float:
    """The width of a boxed style's side rule: the box is measured between the rules'
    middles, and the text area lies inside them."""
    style = _find_style(doc, name)
    ppr = style.element.pPr if style is not None else None
    side = ppr.find(f"{qn('w:pBdr')}/{qn('w:left')}") if ppr is not None else None
    return int(side.get(qn("w:sz"), "0")) / 8 if side is not None else 0.0


def fit_circulation(doc: Document, text_width: Length, left: Length, right: Length) -> None:
    """Box the circulation instruction (ô 11) to its text and centre it over Quốc hiệu, in
    the top margin of page 1 where the decree's diagram puts it (Phụ lục I, IV)."""
    for mark in _styled(doc, first_page_header_paragraphs(doc), "VB Circulation"):
        if not mark.text.strip():
            continue
        box = Pt(style_text_width(doc, "VB Circulation", [mark.text]) + Mm(4).pt)
        start = Emu(min(max(0, left + (right - box) // 2), max(0, text_width - box)))
        mark.paragraph_format.left_indent = start
        mark.paragraph_format.right_indent = Emu(max(0, text_width - start - box))
        mark.paragraph_format.first_line_indent = Emu(0)


#: The template's placeholder for the header of the document a decision issues.
ATTACHMENT_HEADER = "VB Attachment Header"


def place_attachment_headers(doc: Document) -> None:
    """Put the first row of the document's header — agency and Quốc hiệu, without Số and
    dateline (Mẫu 1.3) — where the template marks the attached document's header: the
    agency's own design of it, fitted already, on both first pages."""
    table = header_table(doc)
    if table is None:
        return
    for paragraph in _styled(doc, doc.paragraphs, ATTACHMENT_HEADER):
        header = copy.deepcopy(table._tbl)
        for row in header.findall(qn("w:tr"))[1:]:
            header.remove(row)
        paragraph._p.addprevious(header)
        paragraph._p.getparent().remove(paragraph._p)


def first_page_header_paragraphs(doc: Document) -> list[Paragraph]:
    """Paragraphs of page 1's header as rendered.

    docxtpl swaps rendered header parts into the relationships behind python-docx's back,
    so ``section.first_page_header`` would still show the template's part.
    """
    sect_pr = doc.sections[0]._sectPr
    for ref in sect_pr.findall(qn("w:headerReference")):
        if ref.get(qn("w:type")) == "first":
            part = doc.part.rels[ref.get(qn("r:id"))].target_part
            return [Paragraph(p, None) for p in part.element.iter(qn("w:p"))]
    return []


def _has_style(paragraph: Paragraph, style_id: str) -> bool:
    return style_id_of(paragraph) == style_id


def fit_draft_mark(doc: Document, text_width: Length) -> None:
    """Box the draft marker tightly, flush with the right margin, in page 1's header.

    Beside a circulation instruction (ô 11), which has the header's line, the marker is a
    frame on that line: stacked, the two would be taller than the top margin and push page 1
    down, and a draft must break its pages as its final.
    """
    header = first_page_header_paragraphs(doc)
    circulation = [p for p in _styled(doc, header, "VB Circulation") if p.text.strip()]
    for mark in _styled(doc, header, "VB Draft Mark"):
        if not mark.text.strip():
            continue
        box = Pt(style_text_width(doc, "VB Draft Mark", [mark.text]) + Mm(10).pt)
        mark.paragraph_format.first_line_indent = Emu(0)
        mark.paragraph_format.right_indent = Emu(0)
        if not circulation:
            mark.paragraph_format.left_indent = Emu(max(0, text_width - box))
            continue
        mark.paragraph_format.left_indent = Emu(0)
        circulation[0]._p.addprevious(mark._p)  # a frame stands on the paragraph after it
        frame = mark._p.get_or_add_pPr().makeelement(qn("w:framePr"), {
            qn("w:w"): str(int(Emu(box).twips)), qn("w:wrap"): "around",
            qn("w:vAnchor"): "text", qn("w:hAnchor"): "margin", qn("w:xAlign"): "right",
            qn("w:y"): "1"})
        mark._p.pPr.insert(1 if mark._p.pPr.pStyle is not None else 0, frame)
        for other in circulation:  # ô 11 moves left of the marker when they would meet
            pf = other.paragraph_format
            width = text_width - (pf.left_indent or 0) - (pf.right_indent or 0)
            room = Emu(text_width - box - Mm(3))
            if (pf.left_indent or 0) + width > room:
                pf.left_indent = Emu(max(0, room - width))
                pf.right_indent = Emu(text_width - pf.left_indent - width)


#: Each short rule and the heading it is measured against: the trích yếu (of the document
#: and of the one it issues) and an appendix's title; the “(Kèm theo …)” line between them
#: and the rule is passed over.
RULES = {"VB Title Rule": "VB Title", "VB Appendix Rule": "VB Appendix Title"}
PASSED_OVER = ("VB Reference",)


def title_rule_pt(doc: Document, style: str, paragraphs: list[str], width: Length) -> float:
    """The rule under a heading: 0.4 of its line; under a heading of several lines, 0.4 of
    its last line — the one it stands under — kept within the decree's 1/3–1/2 of the
    longest (Phụ lục I, II.5.a), so a last line of one word neither gets a rule sized for
    a line it does not have nor one too short to read as the heading's."""
    size, bold, italic = _style_font(doc, style)
    upper = _caps(doc, style)
    lines = [line for text in paragraphs if text.strip()
             for line in wrap(text.upper() if upper else text, size, width.pt, bold=bold,
                              italic=italic)]
    if not lines:
        return 0.0
    widths = [min(text_width_pt(line, size, bold=bold, italic=italic), width.pt)
              for line in lines]
    longest = max(widths)
    return min(max(widths[-1] * SHORT_RULE, longest / 3), longest / 2)


def fit_title_rules(doc: Document, widths: list[Length]) -> None:
    """Give each short rule 0.4 of its heading's longest line, in the text width of the
    section it stands in (``widths``: one per section, in order)."""
    ids = {name: style.style_id for name in (*RULES, *RULES.values(), *PASSED_OVER)
           if (style := _find_style(doc, name)) is not None}
    rules = {ids[rule]: heading for rule, heading in RULES.items() if rule in ids}
    passed = {ids[name] for name in PASSED_OVER if name in ids}
    breaks = _find_style(doc, BREAK_STYLE)
    section = 0
    previous: list[Paragraph] = []  # the body's paragraphs so far, latest last
    for element in doc.element.body.iterchildren(qn("w:p")):
        paragraph = Paragraph(element, doc)
        style = style_id_of(paragraph)
        if style in rules:
            heading_id = ids.get(rules[style])
            lines: list[str] = []
            for before in reversed(previous):
                before_style = style_id_of(before)
                if before_style == heading_id:
                    lines.insert(0, before.text)
                elif lines or before_style not in passed:
                    break
            width = widths[min(section, len(widths) - 1)]
            _set_indents(paragraph, width, title_rule_pt(doc, rules[style], lines, width))
        if breaks is not None and style == breaks.style_id:
            section += 1
        previous.append(paragraph)


def signature_table(doc: Document) -> Table | None:
    """The table of Nơi nhận and the signature: the one that holds the signer's name."""
    return _two_columns_holding(doc, "VB Signer")


def fit_signature_table(doc: Document, text_width: Length) -> None:
    table = signature_table(doc)
    if table is None:
        return
    grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
    current = [int(c.get(qn("w:w"))) for c in grid]
    total = sum(current) or 1
    widths = [Emu(int(text_width * w / total)) for w in current]
    widths[-1] = Emu(text_width - sum(widths[:-1]))
    _set_column_widths(table, widths)


def fit_cable_receivers(doc: Document, text_width: Length) -> None:
    """A Công điện's receivers' table spans the text width; its empty left cell keeps the
    indent of Mẫu 1.6 whatever the margins."""
    table = _two_columns_holding(doc, "VB Cable Receiver")
    if table is None:
        return
    indent = Cm(RECEIVERS_INDENT_CM)
    _set_column_widths(table, [indent, Emu(text_width - indent)])


def keep_signature_with_text(doc: Document) -> None:
    """Keep the last body paragraph on the page of the signature block.

    A signature page without any of the text above it invites substitution, and văn thư
    practice refuses it; the signature row itself cannot split (``cantSplit``).
    """
    table = signature_table(doc)
    if table is None:
        return
    previous = table._tbl.getprevious()
    while previous is not None and previous.tag != qn("w:p"):
        previous = previous.getprevious()
    if previous is not None:
        Paragraph(previous, doc).paragraph_format.keep_with_next = True


#: Word keeps a core property to 255 characters (python-docx refuses more).
PROPERTY_LIMIT = 255


def _property(text: str) -> str:
    """``text`` as a core property: a long trích yếu is cut with “…” (the page has it whole)."""
    return text if len(text) <= PROPERTY_LIMIT else text[:PROPERTY_LIMIT - 1].rstrip() + "…"


#: The custom property listing the agency names vanban broke over lines, as the plan wrote
#: them (one per line): the importer joins them again, so the plan's fact comes back as is.
BROKEN_NAMES = "vanban.broken_names"


def stamp_properties(doc: Document, plan: Plan, broken: Sequence[str] = ()) -> None:
    """Document properties that say what the document is, the same on every rendering."""
    props = doc.core_properties
    props.title = _property(plan.title)
    props.subject = _property(f"{plan.doctype.name} số {plan.reference}")
    props.author = _property(" ".join(plan.issuer.name))
    props.last_modified_by = "vanban"
    props.category = plan.doctype.name
    props.keywords = "; ".join(filter(None, (plan.doctype.code, plan.issuer.abbreviation)))
    props.comments = _property(f"version: {plan.version}" if plan.version else "")
    props.identifier = _property(plan.reference)
    props.language = "vi-VN"
    props.content_status = plan.draft.label if plan.draft else ""
    props.version = _property(plan.version or "")
    props.revision = 1
    when = plan.date.to_date() if plan.date and plan.date.complete else None
    if when is None:
        when = _dt.date(plan.date.year if plan.date else 2000, 1, 1)
    stamp = _dt.datetime(when.year, when.month, when.day)
    props.created = props.modified = stamp
    props.last_printed = stamp
    custom = {}
    if plan.period:
        start = plan.period.start.iso() if plan.period.start else ""
        end = plan.period.end.iso() if plan.period.end else ""
        custom["vanban.period"] = f"{start}/{end}"
    if plan.date:  # as written: the created date above cannot say “a month, no day”
        custom["vanban.date"] = plan.date.iso()
    if broken:
        custom[BROKEN_NAMES] = "\n".join(broken)
    set_custom_properties(doc, custom)


def apply(doc: Document, plan: Plan, parts: Sequence[bool] = ()) -> None:
    """Fit the rendered ``doc`` to ``plan``; ``parts`` says, for each appendix or attached
    document after the document, whether its pages are landscape."""
    text_width = page_setup(doc, plan)
    broken = fit_header(doc, text_width)
    place_attachment_headers(doc)
    widths = [text_width] + [Emu(Twips(text_width_twips(plan.layout, turned)))
                             for turned in parts]
    fit_title_rules(doc, widths)
    fit_draft_mark(doc, text_width)
    fit_cable_receivers(doc, text_width)
    fit_addressees(doc, text_width, plan.layout.body_size)
    fit_signature_table(doc, text_width)
    split_long_recipients(doc, signature_table(doc))
    keep_signature_with_text(doc)
    apply_sections(doc, plan.layout, parts)
    stamp_properties(doc, plan, broken)

