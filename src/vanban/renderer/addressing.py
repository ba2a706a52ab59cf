"""Kính gửi with several addressees, laid out as Mẫu 1.5 (Phụ lục III) and Phụ lục I, II.8.a.

“Kính gửi:” stands on its line and each addressee under it on its own, “- …;”, the dashes
lined up under the colon's right; an addressee too long for its line wraps under its own
words (a hanging indent past the dash). The block is centred on the page as far as its
widest line allows, and a blank line separates it from the body.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu, Length, Pt
from docx.text.paragraph import Paragraph

from vanban.renderer.metrics import text_width_pt
from vanban.renderer.styles import base_of, style_id_of, style_named

#: The template's styles of “Kính gửi:” and of one addressee on its own line.
LABEL_STYLE, ITEM_STYLE = "VB Addressee", "VB Addressee Item"
LABEL = "Kính gửi:"
#: A line of single spacing, as a multiple of the font size (Times New Roman in Word).
SINGLE_LINE = 1.15


def _style_id(doc: Document, name: str) -> str | None:
    style = style_named(doc, name)
    return style.style_id if style is not None else None


def _size_pt(doc: Document, name: str) -> float:
    style = style_named(doc, name)
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = base_of(doc, style)
    return 14.0


def fit_addressees(doc: Document, text_width: Length, body_size_pt: float) -> None:
    """Place the dashes of the addressees under the colon of “Kính gửi:”."""
    label_id, item_id = _style_id(doc, LABEL_STYLE), _style_id(doc, ITEM_STYLE)
    if label_id is None or item_id is None:
        return
    paragraphs = [Paragraph(p, doc) for p in doc.element.body.iterchildren()
                  if p.tag.endswith("}p")]
    for i, paragraph in enumerate(paragraphs):
        if style_id_of(paragraph) != label_id or paragraph.text.strip() != LABEL:
            continue
        items = []
        for after in paragraphs[i + 1:]:
            if style_id_of(after) != item_id:
                break
            items.append(after)
        if items:
            _place(doc, paragraph, items, text_width, body_size_pt)


def _place(doc: Document, label: Paragraph, items: list[Paragraph], text_width: Length,
           body_size_pt: float) -> None:
    label_size, item_size = _size_pt(doc, LABEL_STYLE), _size_pt(doc, ITEM_STYLE)
    label_w = Pt(text_width_pt(LABEL, label_size))
    dash_w = Pt(text_width_pt("- ", item_size))
    widest = Pt(max(text_width_pt(p.text, item_size) for p in items))
    start = Emu(max(0, (text_width - label_w - widest) // 2))
    label.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT  # the dashes hang from it
    label.paragraph_format.left_indent = start
    label.paragraph_format.first_line_indent = Emu(0)
    label.paragraph_format.space_after = Pt(0)
    label.paragraph_format.keep_with_next = True
    for item in items:
        pf = item.paragraph_format
        pf.left_indent = Emu(start + label_w + dash_w)
        pf.first_line_indent = Emu(-dash_w)
        pf.right_indent = Emu(0)
        pf.keep_with_next = True
    # Mẫu 1.5 leaves a line between the addressees and the body
    items[-1].paragraph_format.keep_with_next = False
    items[-1].paragraph_format.space_after = Pt(round(body_size_pt * SINGLE_LINE, 1))
