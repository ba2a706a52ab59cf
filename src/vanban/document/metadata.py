"""What a vanban-made .docx says about its plan beyond its text: draft box, version, period,
page settings (a document from elsewhere simply has none of these)."""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document
from docx.shared import Length

from vanban.decree.marks import mark_kind, normal_mark
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


def _circulation(doc: Document) -> str | None:
    """The circulation instruction (ô 11), which vanban prints at the top of page 1."""
    for para in first_page_header_paragraphs(doc):
        if mark_kind(para.text.strip()) == "circulation":
            return normal_mark(para.text.strip())
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


def stamped_date(doc: Document) -> str | None:
    """The plan's date as vanban stamps it in the properties (``created``) of a document
    whose page prints none: the ``vanban.date`` property, as the plan wrote it (a year, a
    month or a day); without it (an older vanban) the ``created`` date: a whole date as it is; the first of January as the year alone,
    which is what vanban stamps for a year or a month without a day (a meeting held on
    1 January reads back as its year); 1 January 2000, what it stamps without a date, as
    none."""
    written = custom_properties(doc).get("vanban.date", "")
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", written):  # vanban's own record of the date
        return written
    created = doc.core_properties.created
    if created is None or (created.year, created.month, created.day) == (2000, 1, 1):
        return None
    if (created.month, created.day) == (1, 1):
        return str(created.year)
    return created.date().isoformat()


def read_metadata(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    draft = _draft(doc)
    if draft is not None:
        out["draft"] = draft
    circulation = _circulation(doc)
    if circulation is not None:
        out["circulation"] = circulation
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
