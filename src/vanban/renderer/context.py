"""Plan → template context: plain strings, already formatted, with no Word objects.

Everything the template prints is decided here (labels, punctuation, the dateline), so it can
be tested without opening Word and every template gets the same words. Case is the styles'
business: headings, agency names and titles keep the case they were written in and are shown
in capitals by their Word style (``w:caps``), so a rendered document reads back as its plan.
"""

from __future__ import annotations

from typing import Any

from vanban.decree.doctypes import CONG_VAN, QUYET_DINH
from vanban.decree.numbering import auto_label, style_at
from vanban.decree.tasks import DEADLINE_PREFIX, TASK_LABELS
from vanban.plan.model import Node, Paragraph, Plan, Recipient
from vanban.text.vnformat import dateline, short_date


def _block(kind: str, text: str, label: str = "", *, italic: bool = False,
           bold: bool = False) -> dict[str, Any]:
    return {"kind": kind, "label": label, "text": text, "italic": italic, "bold": bold}


#: The template's paragraph kind for each label kind (a titled khoản is a bold heading).
_KINDS = {"roman": "section", "article": "article", "arabic": "item", "letter": "point",
          "dash": "dash", "plus": "plus"}


def _node_kind(node: Node, numbering: str) -> str:
    kind = _KINDS[style_at(node.depth, numbering)]
    return "item-title" if kind == "item" and node.title is not None else kind


def task_lines(node: Node) -> list[str]:
    """The lines agencies print under a task: lead, support, time, product."""
    lines = []
    if node.lead:
        lines.append(f"{TASK_LABELS['lead']}: " + ", ".join(node.lead))
    if node.support:
        lines.append(f"{TASK_LABELS['support']}: " + ", ".join(node.support))
    if node.deadline:
        lines.append(f"{TASK_LABELS['deadline']}: {DEADLINE_PREFIX}{short_date(node.deadline)}")
    if node.timeframe:
        lines.append(f"{TASK_LABELS['timeframe']}: {node.timeframe}")
    if node.product:
        lines.append(f"{TASK_LABELS['product']}: {node.product}")
    return [line if line.endswith(".") else line + "." for line in lines]


def _paragraph(p: Paragraph, kind: str = "paragraph") -> dict[str, Any]:
    return _block(kind, p.text, italic=p.italic, bold=p.bold)


def _emit(node: Node, index: int, numbering: str, out: list[dict[str, Any]]) -> None:
    """Append ``node`` and what it contains; sibling nodes count on across paragraphs."""
    label = node.number if node.number is not None else auto_label(node.depth, index, numbering)
    out.append(_block(_node_kind(node, numbering), node.heading, label, italic=node.italic,
                      bold=node.bold))
    # Who does the task and by when comes right under its heading, before the details: the
    # reader sees it first, and it cannot be mistaken for a line of the last sub-item.
    meta_kind = "dash" if node.depth < 4 else "plus"
    for line in task_lines(node):
        out.append(_block(meta_kind, line, "-" if meta_kind == "dash" else "+"))
    count = 0
    for block in node.content:
        if isinstance(block, Paragraph):
            out.append(_paragraph(block))
        else:
            count += 1
            _emit(block, count, numbering, out)


def close_body(text: str) -> str:
    """End the last paragraph of the body with the decree's ``./.``."""
    if text.endswith("./."):
        return text
    return text + ("/." if text.endswith(".") else "./.")


def _legal_bases(plan: Plan) -> list[dict[str, Any]]:
    out = []
    for i, basis in enumerate(plan.bases):
        text = basis.text.rstrip(" ;.,")
        end = "." if i == len(plan.bases) - 1 else ";"
        out.append(_block("basis", text + end, italic=True))
    return out


def body_blocks(plan: Plan) -> list[dict[str, Any]]:
    numbering = plan.numbering
    blocks = [_paragraph(p) for p in plan.opening]
    for index, section in enumerate(plan.sections, start=1):
        _emit(section, index, numbering, blocks)
    blocks += [_paragraph(p, "closing") for p in plan.closing]
    if blocks:
        blocks[-1]["text"] = close_body(blocks[-1]["text"])
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
    "notes", "draft_label",
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
    }
