"""Plan → template context: plain strings, already formatted, with no Word objects.

Everything the template prints is decided here (labels, punctuation, case, the dateline),
so it can be tested without opening Word and every template gets the same words.
"""

from __future__ import annotations

from typing import Any

from vanban.model import Node, Paragraph, Plan
from vanban.numbering import auto_label
from vanban.vnformat import dateline, short_date

BODY_KINDS = ("section", "item-title", "item", "point", "dash", "plus", "paragraph")


def _block(kind: str, text: str, label: str = "", *, italic: bool = False,
           bold: bool = False) -> dict[str, Any]:
    return {"kind": kind, "label": label, "text": text, "italic": italic, "bold": bold}


def _node_kind(node: Node) -> str:
    if node.depth == 1:
        return "section"
    if node.depth == 2:
        return "item-title" if node.title is not None else "item"
    return {3: "point", 4: "dash"}.get(node.depth, "plus")


def _task_lines(node: Node) -> list[str]:
    """The lines agencies print under a task: lead, support, time, product."""
    lines = []
    if node.lead:
        lines.append("Cơ quan chủ trì: " + ", ".join(node.lead))
    if node.support:
        lines.append("Cơ quan phối hợp: " + ", ".join(node.support))
    if node.deadline:
        lines.append("Thời hạn hoàn thành: trước ngày " + short_date(node.deadline))
    if node.timeframe:
        lines.append("Thời gian thực hiện: " + node.timeframe)
    if node.product:
        lines.append("Sản phẩm: " + node.product)
    return [line if line.endswith(".") else line + "." for line in lines]


def _paragraph(p: Paragraph) -> dict[str, Any]:
    return _block("paragraph", p.text, italic=p.italic, bold=p.bold)


def _emit(node: Node, index: int, out: list[dict[str, Any]]) -> None:
    """Append ``node`` and what it contains; sibling nodes count on across paragraphs."""
    label = node.number if node.number is not None else auto_label(node.depth, index)
    text = node.heading.upper() if node.depth == 1 else node.heading
    out.append(_block(_node_kind(node), text, label, italic=node.italic, bold=node.bold))
    count = 0
    for block in node.content:
        if isinstance(block, Paragraph):
            out.append(_paragraph(block))
        else:
            count += 1
            _emit(block, count, out)
    meta_kind = "dash" if node.depth < 4 else "plus"
    for line in _task_lines(node):
        out.append(_block(meta_kind, line, "-" if meta_kind == "dash" else "+"))


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
    blocks = [_paragraph(p) for p in plan.opening]
    for index, section in enumerate(plan.sections, start=1):
        _emit(section, index, blocks)
    blocks += [_paragraph(p) for p in plan.closing]
    if blocks:
        blocks[-1]["text"] = close_body(blocks[-1]["text"])
    return blocks


def recipient_lines(plan: Plan) -> list[str]:
    lines = [f"- {r.line};" for r in plan.recipients]
    lines.append(f"- {plan.archive.line}.")
    return lines


def drafter_line(plan: Plan) -> str:
    if not plan.drafter and not plan.copies:
        return ""
    return f"{plan.drafter or ''}.({plan.copies})" if plan.copies else f"{plan.drafter}."


def build_context(plan: Plan) -> dict[str, Any]:
    stamps = [s for s in (plan.secrecy, plan.urgency) if s]
    return {
        "issuer": {
            "superior": [line.upper() for line in plan.issuer.superior],
            "name": [line.upper() for line in plan.issuer.name],
        },
        "number_line": plan.number_line,
        "stamps": stamps,
        "circulation": plan.circulation or "",
        "dateline": dateline(plan.place, plan.date),
        "doctype_title": plan.doctype.title,
        "title": plan.title,
        "bases": _legal_bases(plan),
        "body": body_blocks(plan),
        "recipients_label": "Nơi nhận:",
        "recipients": recipient_lines(plan),
        "drafter_line": drafter_line(plan),
        "signature": {
            "lines": [line.upper() for line in plan.signature.lines],
            "other_title": [line.upper() for line in plan.signature.other_title],
            "name": plan.signature.name,
        },
        "draft_label": plan.draft.label if plan.draft else "",
    }
