"""Plan → template context: plain strings, already formatted, with no Word objects.

Everything the template prints is decided here (labels, punctuation, the dateline), so it can
be tested without opening Word and every template gets the same words. Case is the styles'
business: headings, agency names and titles keep the case they were written in and are shown
in capitals by their Word style (``w:caps``), so a rendered document reads back as its plan.
"""

from __future__ import annotations

from typing import Any

from vanban.decree.doctypes import CONG_DIEN, CONG_VAN, QUYET_DINH
from vanban.plan.model import Plan, Recipient
from vanban.renderer.appendices import parts
from vanban.renderer.blocks import BodyWriter, block, close_blocks, close_body, paragraph_block
from vanban.renderer.forms import (
    cable_from,
    cable_receivers,
    invitation_lines,
    minutes_end,
    minutes_lines,
    signature_blocks,
)
from vanban.renderer.geometry import text_width_twips
from vanban.text.vnformat import dateline


def _legal_bases(plan: Plan) -> list[dict[str, Any]]:
    out = []
    for i, basis in enumerate(plan.bases):
        text = basis.text.rstrip(" ;.,")
        end = "." if i == len(plan.bases) - 1 else ";"
        out.append(block("basis", text + end, italic=True))
    return out


def body_blocks(plan: Plan, *, close: bool = True) -> list[dict[str, Any]]:
    """The document's body: opening paragraphs, numbered sections, closing paragraphs;
    ``close`` ends it with ``./.`` (unless lines of the form follow it)."""
    blocks = [paragraph_block(p) for p in plan.opening]
    writer = BodyWriter(plan.numbering, text_width_twips(plan.layout, False))
    for index, section in enumerate(plan.sections, start=1):
        writer.node(section, index, blocks)
    blocks += [paragraph_block(p, "closing") for p in plan.closing]
    if close:
        close_blocks(blocks)
    return blocks


def form_lines(plan: Plan) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    """The lines a form prints before the body (a Giấy mời's invitation, a Biên bản's
    record), the body, and the lines after it (when the meeting ended); ``./.`` ends
    whichever is printed last."""
    before = invitation_lines(plan)
    after = minutes_end(plan)
    body = body_blocks(plan, close=not after)
    before += minutes_lines(plan, has_body=bool(body))
    if after:
        after[-1] = close_body(after[-1])
    elif not body and before:
        before[-1] = close_body(before[-1])
    return before, body, after


def recipient_lines(plan: Plan) -> list[str]:
    lines = [f"- {r.line};" for r in plan.recipients]
    if plan.archive is not None:
        lines.append(f"- {plan.archive.line}.")
    elif lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def addressee_lines(addressees: list[Recipient]) -> tuple[str, list[str]]:
    """Kính gửi: one addressee on the line itself; several, one per line (“- …;” … “.”)."""
    if not addressees:
        return "", []
    if len(addressees) == 1:
        return f"Kính gửi: {addressees[0].line.rstrip('.')}.", []
    lines = [f"- {a.line};" for a in addressees]
    lines[-1] = lines[-1][:-1] + "."
    return "", lines


def drafter_line(plan: Plan) -> str:
    if not plan.drafter and not plan.copies:
        return ""
    return f"{plan.drafter or ''}.({plan.copies})" if plan.copies else f"{plan.drafter}."


#: Every name a template may use (the keys of :func:`build_context`); a template asking for
#: anything else is refused up front.
CONTEXT_NAMES = frozenset({
    "issuer", "number_line", "subject_line", "stamps", "dateline", "has_type_line",
    "doctype_title", "title", "issuing_authority", "addressee_line", "addressees", "bases",
    "decides_line", "body", "recipients_label", "recipients", "drafter_line", "signature",
    "notes", "draft_label", "parts", "cable_from", "cable_receivers", "intro_lines",
    "end_lines", "cosignature",
})


def build_context(plan: Plan) -> dict[str, Any]:
    doctype = plan.doctype
    stamps = [s for s in (plan.secrecy, plan.urgency, plan.circulation) if s]
    cable = doctype.layout == CONG_DIEN  # its authority and receivers are the “điện:” lines
    addressee_line, addressees = addressee_lines([] if cable else plan.addressees)
    intro, body, end = form_lines(plan)
    signature, cosignature = signature_blocks(plan)
    return {
        "issuer": {"superior": list(plan.issuer.superior), "name": list(plan.issuer.name)},
        "number_line": plan.number_line,
        "subject_line": f"V/v {plan.title}" if doctype.layout == CONG_VAN else "",
        "stamps": stamps,
        "dateline": dateline(plan.place, plan.date) if doctype.dateline else "",
        "has_type_line": doctype.has_type_line,
        "doctype_title": doctype.title,
        "title": plan.title,
        "issuing_authority": "" if cable else plan.issuing_authority or "",
        "cable_from": cable_from(plan),
        "cable_receivers": cable_receivers(plan),
        "addressee_line": addressee_line,
        "addressees": addressees,
        "bases": _legal_bases(plan),
        "decides_line": f"{doctype.title}:" if doctype.layout == QUYET_DINH else "",
        "intro_lines": intro,
        "body": body,
        "end_lines": end,
        "recipients_label": "Nơi nhận:",
        "recipients": recipient_lines(plan),
        "drafter_line": drafter_line(plan),
        "signature": signature,
        "cosignature": cosignature,
        "notes": [p.text for p in plan.notes],
        "draft_label": plan.draft.label if plan.draft else "",
        "parts": parts(plan),
    }
