"""What a vanban-made .docx says about its plan beyond its text: draft box, version, period,
page settings (a document from elsewhere simply has none of these)."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.shared import Length

from vanban.decree.page import LAYOUT_RANGES
from vanban.document.docx.text import read_paragraph
from vanban.plan.model import Layout
from vanban.renderer import custom_properties, first_page_header_paragraphs


def _draft(doc: Document) -> Any:
    for para in first_page_header_paragraphs(doc):
        # the reader's text, not python-docx's: a redline's marker may be a tracked insertion
        text = " ".join(line.raw for line in read_paragraph(para._p).lines).strip().upper()
        if text.startswith("DỰ THẢO"):
            rest = text.removeprefix("DỰ THẢO").strip().removeprefix("LẦN").strip()
            return int(rest) if rest.isdigit() else True
    return None


def _layout(doc: Document) -> dict[str, Any]:
    if "VB Body" not in doc.styles:
        return {}
    section = doc.sections[0]
    body = doc.styles["VB Body"]
    pf = body.paragraph_format
    found: dict[str, float] = {
        "margin_top": Length(section.top_margin).mm,
        "margin_bottom": Length(section.bottom_margin).mm,
        "margin_left": Length(section.left_margin).mm,
        "margin_right": Length(section.right_margin).mm,
        "body_size": body.font.size.pt if body.font.size else 14.0,
        "first_line_indent": Length(pf.first_line_indent or 0).cm,
        "paragraph_spacing": Length(pf.space_after or 0).pt,
        "line_spacing": pf.line_spacing if isinstance(pf.line_spacing, float) else 1.0,
    }
    default = Layout()
    out: dict[str, Any] = {}
    for key, value in found.items():
        value = round(value, 1)
        low, high = LAYOUT_RANGES[key]
        if abs(value - getattr(default, key)) > 0.05 and low <= value <= high:
            # a setting outside the decree's range cannot be a plan's; `vanban check` on the
            # .docx reports it (VB801, VB806), the imported plan keeps the default
            out[key] = int(value) if float(value).is_integer() else value
    return out


def read_metadata(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    draft = _draft(doc)
    if draft is not None:
        out["draft"] = draft
    if doc.core_properties.version:
        out["version"] = doc.core_properties.version
    period = custom_properties(doc).get("vanban.period")
    if period and "/" in period:
        start, end = period.split("/", 1)
        out["period"] = {k: v for k, v in (("start", start), ("end", end)) if v}
    layout = _layout(doc)
    if layout:
        out["layout"] = layout
    return out
