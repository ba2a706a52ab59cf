"""A plan as data in the plan-file format, and that data written as readable YAML.

``plan_data`` is the inverse of the schema: the keys a person would write, defaults left
out. Two plans are the same plan when their data are equal — that is how the importer's
round trip is judged. ``dump_yaml`` writes block-style YAML that vanban (and editors) read
back to the same data; a value may carry where it came from (:class:`Origin`) so that
findings on the YAML can be reported against the source document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from vanban.collector import collector_paused
from vanban.plan.model import (
    Appendix, Attachment, Block, Column, Layout, Node, Paragraph, Plan, Recipient, Signature,
    Table,
)
from vanban.plan.schema import KEY_ORDER


class Origin(str):
    """Text that remembers where it came from: the document's unit ``para`` (its index in
    the document's paragraphs), from column ``col`` of that unit's text."""

    para: int
    col: int

    def __new__(cls, text: str, para: int, col: int = 0) -> Origin:
        value = super().__new__(cls, text)
        value.para, value.col = para, col
        return value


def _lines(values: tuple[str, ...]) -> Any:
    return values[0] if len(values) == 1 else list(values)


def _paragraph(p: Paragraph) -> Any:
    if not p.italic and not p.bold:
        return p.text
    out: dict[str, Any] = {"paragraph": p.text}
    if p.italic:
        out["italic"] = True
    if p.bold:
        out["bold"] = True
    return out


def _recipient(r: Recipient) -> Any:
    return f"{r.name} ({r.note})" if r.note else r.name


def _node(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if node.number is not None:
        out["number"] = node.number
    if node.agency is not None:
        out["agency"] = node.agency
        if node.title is not None and node.title != node.agency:
            out["title"] = node.title
    elif node.title is not None:
        out["title"] = node.title
    if node.text is not None:
        out["text"] = node.text
    if node.lead:
        out["lead"] = _lines(node.lead)
    if node.support:
        out["support"] = _lines(node.support)
    if node.deadline:
        out["deadline"] = node.deadline.iso()
    for key in ("timeframe", "product"):
        if getattr(node, key):
            out[key] = getattr(node, key)
    if node.italic:
        out["italic"] = True
    if node.bold:
        out["bold"] = True
    if node.content:
        out["content"] = _content(node.content)
    return out


def _content(blocks: list[Block]) -> list[Any]:
    return [_node(b) if isinstance(b, Node) else _table(b) if isinstance(b, Table)
            else _paragraph(b) for b in blocks]


def _column(column: Column) -> Any:
    out: dict[str, Any] = {"header": column.header}
    if column.group:
        out["group"] = column.group
    if column.width is not None:
        out["width"] = int(column.width) if float(column.width).is_integer() else column.width
    if column.align is not None:
        out["align"] = column.align
    return out if len(out) > 1 else column.header


def _table(table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if table.title:
        out["title"] = table.title
    out["columns"] = [_column(c) for c in table.columns]
    out["rows"] = [{"group": r.group} if r.group is not None else list(r.cells)
                   for r in table.rows]
    return {"table": out}


def _appendix(appendix: Appendix) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if appendix.label is not None:
        out["label"] = appendix.label
    out["title"] = appendix.title
    if appendix.tasks:
        out["tasks"] = True
    if appendix.landscape is not None:
        out["landscape"] = appendix.landscape
    if appendix.reference:
        out["reference"] = appendix.reference
    if appendix.content:
        out["content"] = _content(appendix.content)
    return out


def _attachment(attachment: Attachment) -> dict[str, Any]:
    out: dict[str, Any] = {"type": attachment.doctype.name}
    if attachment.name:
        out["name"] = attachment.name
    if attachment.numbering != attachment.doctype.numbering:
        out["numbering"] = attachment.numbering
    out["title"] = attachment.title
    if attachment.reference:
        out["reference"] = attachment.reference
    for key in ("opening", "closing"):
        if getattr(attachment, key):
            out[key] = [_paragraph(p) for p in getattr(attachment, key)]
    if attachment.sections:
        out["sections"] = [_node(s) for s in attachment.sections]
    if attachment.appendices:
        out["appendices"] = [_appendix(a) for a in attachment.appendices]
    return {k: out[k] for k in ("type", "name", "numbering", "title", "reference", "opening",
                                "sections", "closing", "appendices") if k in out}


def _present(values: dict[str, Any]) -> dict[str, Any]:
    """The keys that have a value."""
    return {k: v for k, v in values.items() if v is not None}


def _signature(sig: Signature) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if sig.authority:
        out["authority"] = sig.authority
    out["titles"] = _lines(sig.titles)
    if sig.other_title:
        out["other_title"] = _lines(sig.other_title)
    out["name"] = sig.name
    return out


def _layout(layout: Layout) -> dict[str, Any]:
    default = Layout()
    out = {}
    for f in fields(Layout):
        if f.name == "marks":
            continue
        value = getattr(layout, f.name)
        if value != getattr(default, f.name):
            out[f.name] = int(value) if float(value).is_integer() else value
    return out


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan in plan-file keys, defaults left out (the format version is not data)."""
    data: dict[str, Any] = {"type": plan.doctype.name}
    if plan.draft is not None:
        data["draft"] = plan.draft.round or True
    if plan.version:
        data["version"] = plan.version
    issuer: dict[str, Any] = {}
    if plan.issuer.superior:
        issuer["superior"] = _lines(plan.issuer.superior)
    issuer["name"] = _lines(plan.issuer.name)
    if plan.issuer.abbreviation:
        issuer["abbreviation"] = plan.issuer.abbreviation
    if plan.issuer.in_text:
        issuer["in_text"] = plan.issuer.in_text
    data["issuer"] = issuer
    if plan.numbering != plan.doctype.numbering:
        data["numbering"] = plan.numbering
    data["number"] = plan.number_text or (plan.number if plan.number is not None else "")
    if plan.symbol:
        data["symbol"] = plan.symbol
    data["place"] = plan.place
    data["date"] = plan.date.iso() if plan.date else ""
    data["title"] = plan.title
    for key in ("urgency", "secrecy", "circulation"):
        if getattr(plan, key):
            data[key] = getattr(plan, key)
    if plan.period:
        data["period"] = {k: getattr(plan.period, k).iso() for k in ("start", "end")
                          if getattr(plan.period, k)}
    if plan.issuing_authority:
        data["issuing_authority"] = plan.issuing_authority
    if plan.addressees:
        data["addressees"] = [_recipient(r) for r in plan.addressees]
    if plan.invitation is not None:
        inv = plan.invitation
        data["invitation"] = _present({"invitees": _lines(inv.invitees), "event": inv.event,
                                       "chair": inv.chair, "time": inv.time,
                                       "place": inv.place})
    if plan.minutes is not None:
        m = plan.minutes
        data["minutes"] = _present({"start": m.start, "place": m.place,
                                    "participants": _lines(m.participants) if m.participants
                                    else None, "chair": m.chair, "secretary": m.secretary,
                                    "end": m.end})
    if plan.bases:
        data["bases"] = [b.text for b in plan.bases]
    if plan.opening:
        data["opening"] = [_paragraph(p) for p in plan.opening]
    if plan.sections:
        data["sections"] = [_node(s) for s in plan.sections]
    if plan.closing:
        data["closing"] = [_paragraph(p) for p in plan.closing]
    data["signature"] = _signature(plan.signature)
    data["recipients"] = [_recipient(r) for r in plan.recipients]
    if plan.archive is not None:
        data["archive"] = plan.archive.line.removeprefix("Lưu: ")
    if plan.drafter:
        data["drafter"] = plan.drafter
    if plan.copies:
        data["copies"] = plan.copies
    if plan.electronic:
        data["electronic"] = True
    if plan.cosigner is not None:
        data["cosigner"] = _signature(plan.cosigner)
    if plan.notes:
        data["notes"] = [_paragraph(p) for p in plan.notes]
    if plan.appendices:
        data["appendices"] = [_appendix(a) for a in plan.appendices]
    if plan.attachment is not None:
        data["attachment"] = _attachment(plan.attachment)
    layout = _layout(plan.layout)
    if layout:
        data["layout"] = layout
    if plan.fields:
        data["fields"] = dict(plan.fields)
    return {key: data[key] for key in KEY_ORDER if key in data}


# --- YAML ---------------------------------------------------------------------------------

_SPECIAL = {"yes", "no", "true", "false", "null", "~", "on", "off", "y", "n", ""}
_NEEDS_QUOTES = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: |\s#|:$|\s$|[\x00-\x1f\x7f]")


def scalar(value: Any) -> str:
    """A value as a YAML scalar: plain where that reads back the same, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text.lower() not in _SPECIAL and not _NEEDS_QUOTES.search(text):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n")  # the paragraphs of a table cell
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", escaped)
    return f'"{escaped}"'


@dataclass
class Placed:
    """Where an :class:`Origin` value landed in the YAML (1-based line, column of its text)."""

    line: int
    col: int
    origin: Origin
    quoted: bool


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.placed: list[Placed] = []

    def value_line(self, prefix: str, value: Any) -> None:
        text = scalar(value) if value != "" else ""
        line = (prefix + text) if text else prefix.rstrip()
        self.lines.append(line)
        if isinstance(value, Origin) and text:
            self.placed.append(Placed(len(self.lines), len(prefix) + 1, value,
                                      text.startswith('"')))

    def node(self, value: Any, indent: int, prefix: str) -> None:
        pad = " " * indent
        if isinstance(value, dict):
            if not value:
                self.lines.append(f"{pad}{prefix}{{}}")
                return
            first = True
            for key, item in value.items():
                lead = (pad + prefix) if first else (pad + " " * len(prefix))
                first = False
                self.entry(lead, key, item, indent + len(prefix))
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{pad}{prefix}[]")
                return
            for i, item in enumerate(value):
                head = prefix if i == 0 else " " * len(prefix)  # “- - a” for a list in a list
                if isinstance(item, (dict, list)):
                    self.node(item, indent, head + "- ")
                else:
                    self.value_line(pad + head + "- ", item)
        else:
            self.value_line(pad + prefix, value)

    def entry(self, lead: str, key: str, item: Any, indent: int) -> None:
        if isinstance(item, dict) and item:
            self.lines.append(f"{lead}{key}:")
            self.node(item, indent + 2, "")
        elif isinstance(item, list) and item:
            self.lines.append(f"{lead}{key}:")
            self.node(item, indent + 2, "")
        elif isinstance(item, (dict, list)):
            self.lines.append(f"{lead}{key}: {'{}' if isinstance(item, dict) else '[]'}")
        else:
            self.value_line(f"{lead}{key}: ", item)


def dump_yaml(data: dict[str, Any], header: str = "") -> tuple[str, list[Placed]]:
    """Block-style YAML of ``data``, and where every :class:`Origin` value was written."""
    writer = _Writer()
    if header:
        writer.lines += [f"# {line}".rstrip() for line in header.splitlines()]
    writer.lines.append("vanban: 1")
    with collector_paused():  # a line and a position per value: many objects, no cycles
        for key, value in data.items():
            writer.entry("", key, value, 0)
    return "\n".join(writer.lines) + "\n", writer.placed
