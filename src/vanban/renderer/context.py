"""Plan → template context: plain strings, already formatted, with no Word objects.

Everything the template prints is decided here (labels, punctuation, the dateline), so it can
be tested without opening Word and every template gets the same words. Case is the styles'
business: headings, agency names and titles keep the case they were written in and are shown
in capitals by their Word style (``w:caps``), so a rendered document reads back as its plan.
"""

from __future__ import annotations

from typing import Any

from vanban.decree.doctypes import CONG_VAN, QUYET_DINH
from vanban.plan.model import Plan, Recipient
from vanban.renderer.appendices import parts
from vanban.renderer.blocks import BodyWriter, block, close_blocks, paragraph_block
from vanban.renderer.geometry import text_width_twips
from vanban.text.vnformat import dateline


def _legal_bases(plan: Plan) -> list[dict[str, Any]]:
    out = []
    for i, basis in enumerate(plan.bases):
        text = basis.text.rstrip(" ;.,")
        end = "." if i == len(plan.bases) - 1 else ";"
        out.append(block("basis", text + end, italic=True))
    return out


def body_blocks(plan: Plan) -> list[dict[str, Any]]:
    """The document's body: opening paragraphs, numbered sections, closing paragraphs."""
    blocks = [paragraph_block(p) for p in plan.opening]
    writer = BodyWriter(plan.numbering, text_width_twips(plan.layout, False))
    for index, section in enumerate(plan.sections, start=1):
        writer.node(section, index, blocks)
    blocks += [paragraph_block(p, "closing") for p in plan.closing]
    close_blocks(blocks)
    return blocks


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
    "notes", "draft_label", "parts",
})


def build_context(plan: Plan) -> dict[str, Any]:
    doctype = plan.doctype
    stamps = [s for s in (plan.secrecy, plan.urgency, plan.circulation) if s]
    addressee_line, addressees = addressee_lines(plan.addressees)
    return {
        "issuer": {"superior": list(plan.issuer.superior), "name": list(plan.issuer.name)},
        "number_line": plan.number_line,
        "subject_line": f"V/v {plan.title}" if doctype.layout == CONG_VAN else "",
        "stamps": stamps,
        "dateline": dateline(plan.place, plan.date),
        "has_type_line": doctype.has_type_line,
        "doctype_title": doctype.title,
        "title": plan.title,
        "issuing_authority": plan.issuing_authority or "",
        "addressee_line": addressee_line,
        "addressees": addressees,
        "bases": _legal_bases(plan),
        "decides_line": f"{doctype.title}:" if doctype.layout == QUYET_DINH else "",
        "body": body_blocks(plan),
        "recipients_label": "Nơi nhận:",
        "recipients": recipient_lines(plan),
        "drafter_line": drafter_line(plan),
        "signature": {
            "lines": list(plan.signature.lines),
            "other_title": list(plan.signature.other_title),
            "name": plan.signature.name,
        },
        "notes": [p.text for p in plan.notes],
        "draft_label": plan.draft.label if plan.draft else "",
        "parts": parts(plan),
    }
