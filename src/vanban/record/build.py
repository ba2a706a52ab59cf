"""From a plan to the decree's record of an outgoing document.

Only what the plan states is written; a field the plan has no source for is left out (see
docs/record.md for the list), never guessed. Each value keeps the position of the YAML it
came from, so a value too long for its field is reported where the user can shorten it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from vanban.plan.model import Plan, Signature
from vanban.problems import Mark
from vanban.record.fields import OUTGOING

#: The language of every document vanban lays out (Decree 30 documents are in Vietnamese).
LANGUAGE = "Tiếng Việt"
#: What the page count is, said wherever it is written.
MEASURED, ESTIMATED = "libreoffice", "estimate"
#: Ghi chú (field 11) when the page count is not measured: the văn thư must know.
ESTIMATE_NOTE = "Số trang ước tính, chưa đo trên bản in"

_ORDER = [spec.name for spec in OUTGOING]
_ABOVE = re.compile(r"^Như\s+trên\b")


@dataclass(frozen=True)
class PageCount:
    """How many pages the document has, and how the figure was found."""

    pages: int
    source: str  # MEASURED or ESTIMATED


@dataclass
class Record:
    """The record's fields in the decree's order (nested as the decree groups them), the
    source of ``PageAmount``, and where in the plan each value came from (by field path:
    ``Subject``, ``SignerInfo.FullName``, ``To.3.OrganName``)."""

    fields: dict[str, Any]
    plan: str
    page_source: str | None = None
    marks: dict[str, Mark] = field(default_factory=dict)


def _text(value: str) -> str:
    # one spelling of each letter, so a length counts letters as the reader sees them
    return unicodedata.normalize("NFC", " ".join(value.split()))


def signer_position(signature: Signature) -> str:
    """The signer's own position: under TM., KT., TL. or TUQ. the last title line (the first
    is the body or head signed for); “Q. …” for an acting head; else the title as printed."""
    titles = signature.titles
    if not titles:
        return ""
    if signature.authority in ("TM.", "KT.", "TL.", "TUQ.") and len(titles) > 1:
        return titles[-1]
    return " ".join(signature.lines)


def recipients(plan: Plan) -> list[tuple[str, Mark]]:
    """Who receives the document: the Kính gửi addressees (and a Giấy mời's invitees), then
    Nơi nhận as written, without its “Như trên” (which stands for the addressees) and
    without repeats."""
    out: dict[str, Mark] = {}
    for recipient in plan.addressees:
        out.setdefault(_text(recipient.name), recipient.mark)
    if plan.invitation is not None:
        for name in plan.invitation.invitees:
            out.setdefault(_text(name), plan.invitation.mark)
    for recipient in plan.recipients:
        if _ABOVE.match(recipient.name) and plan.addressed():
            continue
        out.setdefault(_text(recipient.name), recipient.mark)
    return list(out.items())


def description(plan: Plan, pages: PageCount | None) -> str:
    """Ghi chú: the urgency and secrecy marks as printed (the decree gives Priority no code
    list), and a warning when the page count is an estimate."""
    notes = []
    if plan.urgency:
        notes.append(f"Độ khẩn: {plan.urgency}")
    if plan.secrecy:
        notes.append(f"Độ mật: {plan.secrecy}")
    if pages is not None and pages.source == ESTIMATED:
        notes.append(ESTIMATE_NOTE)
    return "; ".join(notes)


def with_pages(fields: dict[str, Any], pages: PageCount) -> dict[str, Any]:
    """``fields`` with the page count ``pages`` (found after the record was made: a batch's
    PDF), the estimate's note dropped from Ghi chú when the figure is measured."""
    out = dict(fields)
    out["PageAmount"] = pages.pages
    notes = [n for n in str(out.get("Description", "")).split("; ") if n and n != ESTIMATE_NOTE]
    if pages.source == ESTIMATED:
        notes.append(ESTIMATE_NOTE)
    out.pop("Description", None)
    if notes:
        out["Description"] = "; ".join(notes)
    return {name: out[name] for name in _ORDER if name in out}


def record_of(plan: Plan, pages: PageCount | None) -> Record:
    """The record of ``plan``; ``pages`` is its page count (None: left out)."""
    values: dict[str, Any] = {}
    marks: dict[str, Mark] = {}

    def put(name: str, value: Any, mark: Mark | None) -> None:
        if value in (None, ""):
            return
        values[name] = _text(value) if isinstance(value, str) else value
        marks[name] = mark or plan.mark

    put("TypeName", plan.doctype.name, plan.marks.get("doctype"))
    if plan.number is not None:
        put("CodeNumber", plan.number_printed.strip(), plan.marks.get("number"))
    put("CodeNotation", plan.symbol_text, plan.marks.get("symbol") or plan.issuer.mark)
    if plan.date is not None and plan.date.complete:
        put("IssuedDate", plan.date.iso(), plan.marks.get("date"))
    put("OrganName", " ".join(plan.issuer.name), plan.issuer.marks.get("name"))
    put("Subject", plan.title, plan.marks.get("title"))
    put("Language", LANGUAGE, None)
    if pages is not None:
        put("PageAmount", pages.pages, None)
    put("Description", description(plan, pages), plan.marks.get("urgency"))
    signer = {}
    position = _text(signer_position(plan.signature))
    if position:
        signer["Position"] = position
        marks["SignerInfo.Position"] = plan.signature.marks.get("titles", plan.signature.mark)
    if plan.signature.name.strip():
        signer["FullName"] = _text(plan.signature.name)
        marks["SignerInfo.FullName"] = plan.signature.marks.get("name", plan.signature.mark)
    if signer:
        values["SignerInfo"] = signer
    to = []
    for i, (name, mark) in enumerate(recipients(plan), start=1):
        to.append({"OrganName": name})
        marks[f"To.{i}.OrganName"] = mark
    if to:
        values["To"] = to
    put("IssuedAmount", plan.copies, plan.marks.get("copies"))
    return Record(values, plan.path, pages.source if pages else None, marks)
