"""A plan as the lines it prints: one :class:`Unit` per rendered paragraph or table cell, in
reading order.

The words come from :func:`vanban.renderer.context.build_context`, the renderer's own source,
so a unit's ``printed`` text is exactly the paragraph (or the cell's paragraphs, one per
line) in the .docx. The printed parts are also kept as trees of :class:`Block` objects (a
numbered node, a paragraph, a table with its rows, an appendix, the attached document),
which is what the structural diff aligns.

A unit separates the *label* vanban computes from the structure (``II.``, ``3.``, ``b)``, a
row's STT, ``Phụ lục II``) from the *text*, and the text from its *core*: what the drafter
wrote, without the punctuation vanban adds (the ``./.`` ending the body, the ``;``/``.`` of
legal bases and recipients). Alignment and reports compare cores, so renumbering or a moved
``./.`` is not a rewording.

Units after the document's body belong to a *scope*: ``Phụ lục I`` for an appendix, the
type name (``Kế hoạch``) for the document a decision issues, ``Kế hoạch › Phụ lục I`` for
its appendices when the decision has appendices of its own.
"""

from __future__ import annotations

from typing import Any

from vanban.diff.blocks import (
    APPENDIX,
    ATTACHMENT,
    NODE,
    PARAGRAPH,
    SCOPE_SEPARATOR,
    TASK_ROLES,
    Block,
    CellAt,
    PlanUnits,
    Unit,
    normalise,
)
from vanban.diff.tableunits import TableReader
from vanban.plan.model import Appendix, Node, Paragraph, Plan, Table
from vanban.plan.model import Block as PlanBlock
from vanban.renderer import build_context, task_lines

__all__ = ["APPENDIX", "ATTACHMENT", "NODE", "PARAGRAPH", "TASK_ROLES", "Block", "CellAt",
           "PlanUnits", "Unit", "normalise", "plan_units", "scoped"]


def _segment(label: str, depth: int, ordinal: int) -> str:
    """A node's part of a numbering path: ``II``, ``3``, ``b``; dashes and pluses by rank."""
    if depth >= 4 and label in ("-", "+"):
        return f"{label}{ordinal}"
    return label.rstrip(".)") or str(ordinal)


def scoped(scope: str, path: str) -> str:
    """``Phụ lục I › II.3``: a path inside a scope."""
    return SCOPE_SEPARATOR.join(x for x in (scope, path) if x)


class _Printed:
    """The printed blocks of one body, consumed in step with the plan's walk."""

    def __init__(self, blocks: list[dict[str, Any]]) -> None:
        self.blocks = iter(blocks)
        self.remaining = len(blocks)

    def next(self, label: str) -> dict[str, Any]:
        block = next(self.blocks)
        self.remaining -= 1
        if label != "*" and block["label"] != label:  # pragma: no cover - renderer changed
            raise RuntimeError(f"expected label {label!r}, the renderer printed {block['label']!r}")
        return block

    def done(self) -> None:
        if next(self.blocks, None) is not None:  # pragma: no cover - renderer changed
            raise RuntimeError("the plan's body and its rendering do not line up")


class _Builder:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.context = build_context(plan)
        self.units: list[Unit] = []
        self.tables = TableReader(self.add)
        self.scope = ""
        self.printed = _Printed([])

    def add(self, part: str, text: str, core: str | None = None, **kw: Any) -> Unit:
        kw.setdefault("scope", self.scope)
        unit = Unit(len(self.units), part, text, text if core is None else core, **kw)
        self.units.append(unit)
        return unit

    def field(self, part: str, text: str, core: str | None = None, **kw: Any) -> None:
        """A header or footer field: an empty one prints no paragraph."""
        if text:
            self.add(part, text, core, **kw)

    def lines(self, part: str, lines: list[str], core=lambda s: s) -> None:
        for n, line in enumerate(lines, start=1):
            self.field(part, line, core(line), ordinal=n)

    # -- bodies -----------------------------------------------------------------------

    def body(self) -> list[Block]:
        self.printed = _Printed(self.context["body"])
        blocks = [self._paragraph(p, "opening", "", n)
                  for n, p in enumerate(self.plan.opening, start=1)]
        blocks += [self._node(s, "", n) for n, s in enumerate(self.plan.sections, start=1)]
        blocks += [self._paragraph(p, "closing", "", n)
                   for n, p in enumerate(self.plan.closing, start=1)]
        self.printed.done()
        return blocks

    def _text(self, block: dict[str, Any]) -> tuple[str, str, str]:
        """(label, text, core) of a printed paragraph block."""
        self._emphasis = ("b" if block["bold"] else "") + ("i" if block["italic"] else "")
        text = block["text"]
        core = text
        if self.printed.remaining == 0 and text.endswith("./."):
            core = text[:-2]  # the body's end mark is vanban's, not the drafter's
        return block["label"], text, core

    def _paragraph(self, p: Paragraph, role: str, path: str, ordinal: int) -> Block:
        _, text, core = self._text(self.printed.next(""))
        unit = self.add("body", text, core, role=role, path=path, ordinal=ordinal,
                        emphasis=self._emphasis)
        return Block(unit, PARAGRAPH)

    def _node(self, node: Node, parent_path: str, ordinal: int) -> Block:
        label, text, core = self._text(self.printed.next("*"))
        segment = _segment(label, node.depth, ordinal)
        path = f"{parent_path}.{segment}" if parent_path else segment
        head = self.add("body", text, core, label=label, role="heading", path=path,
                        emphasis=self._emphasis)
        block = Block(head, NODE, node.depth)
        roles = [r for r, v in zip(TASK_ROLES, (node.lead, node.support, node.deadline,
                                                 node.timeframe, node.product)) if v]
        if len(roles) != len(task_lines(node)):  # pragma: no cover - renderer changed
            raise RuntimeError("the task lines of the renderer changed")
        for role in roles:
            label, text, core = self._text(self.printed.next("*"))
            block.fields.append(self.add("body", text, core, label=label, role=role, path=path))
        block.children = self._content(node.content, path)
        return block

    def _content(self, content: list[PlanBlock], path: str) -> list[Block]:
        """The blocks of a node's or an appendix's content; tables are numbered among
        themselves when there are several."""
        tables = sum(isinstance(item, Table) for item in content)
        paragraphs = nodes = count = 0
        out: list[Block] = []
        for item in content:
            if isinstance(item, Paragraph):
                paragraphs += 1
                out.append(self._paragraph(item, "paragraph", path, paragraphs))
            elif isinstance(item, Table):
                count += 1
                out.append(self._table(path, count if tables > 1 else 0))
            else:
                nodes += 1
                out.append(self._node(item, path, nodes))
        return out

    def _table(self, path: str, number: int) -> Block:
        return self.tables.read(self.printed.next(""), self.scope, path, number)

    # -- what follows the document --------------------------------------------------------

    def parts(self) -> tuple[list[Block], Block | None]:
        """The appendices, and the attached document with its own."""
        printed = iter(self.context["parts"])
        plan = self.plan
        appendices = [self._appendix(a, next(printed), "") for a in plan.appendices]
        attachment = plan.attachment
        if attachment is None:
            return appendices, None
        name = attachment.doctype.name
        part = next(printed)
        self.scope = name
        self.printed = _Printed(part["body"])
        head = self.add("attachment", part["doctype_title"], role="doctype")
        block = Block(head, ATTACHMENT, fields=[
            self.add("attachment", part["title"], role="title"),
            self.add("attachment", part["reference"], role="reference")])
        block.children = [self._paragraph(p, "opening", "", n)
                          for n, p in enumerate(attachment.opening, start=1)]
        block.children += [self._node(s, "", n)
                           for n, s in enumerate(attachment.sections, start=1)]
        block.children += [self._paragraph(p, "closing", "", n)
                           for n, p in enumerate(attachment.closing, start=1)]
        self.printed.done()
        prefix = name if plan.appendices else ""
        block.parts = [self._appendix(a, next(printed), prefix) for a in attachment.appendices]
        return appendices, block

    def _appendix(self, appendix: Appendix, part: dict[str, Any], prefix: str) -> Block:
        self.scope = scoped(prefix, part["label"])
        self.printed = _Printed(part["body"])
        # the label is the appendix's number: a changed label is a renumbering
        head = self.add("appendix", "", "", label=part["label"], role="label")
        block = Block(head, APPENDIX, fields=[
            self.add("appendix", part["title"], role="title"),
            self.add("appendix", part["reference"], role="reference")])
        block.children = self._content(appendix.content, "")
        if appendix.tasks:
            tables = sum(isinstance(item, Table) for item in appendix.content)
            block.children.append(self._table("", tables + 1 if tables else 0))
        self.printed.done()
        return block


def _recipient_core(line: str) -> str:
    """``- Sở Tư pháp;`` → ``Sở Tư pháp``: the dash and the closing ``;``/``.`` are vanban's."""
    line = line.removeprefix("- ")
    return line[:-1] if line.endswith((";", ".")) else line


def plan_units(plan: Plan) -> PlanUnits:
    """The units of ``plan`` in the order the default template prints them."""
    b = _Builder(plan)
    ctx = b.context
    b.field("draft", ctx["draft_label"])
    b.lines("superior", ctx["issuer"]["superior"])
    b.lines("issuer", ctx["issuer"]["name"])
    b.field("number", ctx["number_line"])
    b.field("subject", ctx["subject_line"])
    b.lines("stamp", [*ctx["stamps"], *filter(None, [ctx["circulation"]])])
    b.field("dateline", ctx["dateline"])
    if ctx["has_type_line"]:
        b.field("doctype", ctx["doctype_title"])
        b.field("title", ctx["title"])
    b.field("authority", ctx["issuing_authority"])
    b.field("addressee", ctx["addressee_line"])
    if ctx["addressees"]:
        b.field("addressee_label", "Kính gửi:")
        b.lines("addressee", ctx["addressees"], _recipient_core)
    b.lines("basis", [x["text"] for x in ctx["bases"]], lambda s: s.rstrip(" ;.,"))
    b.field("decides", ctx["decides_line"])
    body = b.body()
    recipients = ctx["recipients"]
    b.lines("recipient", recipients[:-1], _recipient_core)
    b.field("archive", recipients[-1], _recipient_core(recipients[-1]))
    b.field("drafter", ctx["drafter_line"])
    b.lines("signature", ctx["signature"]["lines"])
    b.lines("other_title", ctx["signature"]["other_title"])
    b.field("signer", ctx["signature"]["name"])
    b.lines("note", ctx["notes"])
    appendices, attachment = b.parts()
    return PlanUnits(b.units, body, appendices, attachment)
