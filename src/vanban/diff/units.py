"""A plan as the lines it prints: one :class:`Unit` per rendered paragraph, in reading order.

The words come from :func:`vanban.renderer.context.build_context`, the renderer's own source,
so a unit's ``printed`` text is exactly the paragraph in the .docx. The body is also kept as
a tree of :class:`Block` objects (a numbered node or a paragraph with what it contains), which
is what the structural diff aligns.

A unit separates the *label* vanban computes from the structure (``II.``, ``3.``, ``b)``) from
the *text*, and the text from its *core*: what the drafter wrote, without the punctuation
vanban adds (the ``./.`` ending the body, the ``;``/``.`` of legal bases and recipients).
Alignment and reports compare cores, so renumbering or a moved ``./.`` is not a rewording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from vanban.diff.words import words
from vanban.plan.model import Node, Paragraph, Plan
from vanban.renderer import build_context, task_lines

#: Task lines in the order the renderer prints them (``context.task_lines``).
TASK_ROLES = ("lead", "support", "deadline", "timeframe", "product")

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Comparison key: case and spacing do not make two lines different units."""
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class Unit:
    """One printed paragraph of a plan.

    ``part`` says what it is (``number``, ``dateline``, ``body``, ``recipient`` …); body
    units also have a ``role`` (``heading`` of a node, ``paragraph``, ``opening``,
    ``closing`` or a task line: ``lead``, ``support``, ``deadline``, ``timeframe``,
    ``product``), the numbering ``path`` of their node (``II.3.b``) and an ``ordinal``
    (the n-th paragraph of its parent, the n-th recipient).
    """

    index: int
    part: str
    text: str
    core: str
    label: str = ""
    role: str = ""
    path: str = ""
    ordinal: int = 0
    emphasis: str = ""  # "b", "i", "bi": bold or italic asked for by the plan

    @property
    def printed(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text

    @property
    def key(self) -> str:
        return normalise(self.core)


@dataclass
class Block:
    """A body block: a numbered node (heading, content, task lines) or a paragraph."""

    head: Unit
    is_node: bool
    depth: int
    children: list[Block] = field(default_factory=list)
    tasks: list[Unit] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.head.path

    def units(self) -> list[Unit]:
        """Every unit of the block in printed order."""
        out = [self.head, *self.tasks]  # task lines print right under their heading
        for child in self.children:
            out += child.units()
        return out

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    # the tree is complete before anything compares it, so these can be cached
    @cached_property
    def text_key(self) -> str:
        """The normalised text of the whole block: equal keys, same content."""
        return "\n".join(u.key for u in self.units())

    @cached_property
    def head_words(self) -> list[str]:
        return words(self.head.key)

    @cached_property
    def all_words(self) -> list[str]:
        return words(self.text_key)


@dataclass
class PlanUnits:
    """Every printed unit of a plan in reading order, and the body as a tree."""

    units: list[Unit]
    body: list[Block]

    def __iter__(self):
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, index: int) -> Unit:
        return self.units[index]


def _segment(label: str, depth: int, ordinal: int) -> str:
    """A node's part of a numbering path: ``II``, ``3``, ``b``; dashes and pluses by rank."""
    if depth >= 4 and label in ("-", "+"):
        return f"{label}{ordinal}"
    return label.rstrip(".)") or str(ordinal)


class _Builder:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.context = build_context(plan)
        self.units: list[Unit] = []

    def add(self, part: str, text: str, core: str | None = None, **kw: Any) -> Unit:
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

    # -- the body ---------------------------------------------------------------------

    def body(self) -> list[Block]:
        printed = self.context["body"]
        self._printed = iter(printed)
        self._remaining = len(printed)
        blocks: list[Block] = []
        for n, p in enumerate(self.plan.opening, start=1):
            blocks.append(self._paragraph(p, "opening", "", n))
        for n, section in enumerate(self.plan.sections, start=1):
            blocks.append(self._node(section, "", n))
        for n, p in enumerate(self.plan.closing, start=1):
            blocks.append(self._paragraph(p, "closing", "", n))
        if next(self._printed, None) is not None:  # pragma: no cover - renderer changed
            raise RuntimeError("the plan's body and its rendering do not line up")
        return blocks

    def _next(self, label: str) -> tuple[str, str, str]:
        """The next printed body block as (label, text, core); checks the walk is in step."""
        block = next(self._printed)
        self._emphasis = ("b" if block["bold"] else "") + ("i" if block["italic"] else "")
        self._remaining -= 1
        if block["label"] != label and label != "*":  # pragma: no cover - renderer changed
            raise RuntimeError(f"expected label {label!r}, the renderer printed {block['label']!r}")
        text = block["text"]
        core = text
        if self._remaining == 0 and text.endswith("./."):
            core = text[:-2]  # the body's end mark is vanban's, not the drafter's
        return block["label"], text, core

    def _paragraph(self, p: Paragraph, role: str, path: str, ordinal: int) -> Block:
        _, text, core = self._next("")
        unit = self.add("body", text, core, role=role, path=path, ordinal=ordinal,
                        emphasis=self._emphasis)
        return Block(unit, False, 0)

    def _node(self, node: Node, parent_path: str, ordinal: int) -> Block:
        label, text, core = self._next("*")
        segment = _segment(label, node.depth, ordinal)
        path = f"{parent_path}.{segment}" if parent_path else segment
        head = self.add("body", text, core, label=label, role="heading", path=path,
                        emphasis=self._emphasis)
        block = Block(head, True, node.depth)
        roles = [r for r, v in zip(TASK_ROLES, (node.lead, node.support, node.deadline,
                                                 node.timeframe, node.product)) if v]
        lines = task_lines(node)
        if len(roles) != len(lines):  # pragma: no cover - renderer changed
            raise RuntimeError("the task lines of the renderer changed")
        for role in roles:
            label, text, core = self._next("*")
            block.tasks.append(self.add("body", text, core, label=label, role=role, path=path))
        paragraphs = nodes = 0
        for item in node.content:
            if isinstance(item, Paragraph):
                paragraphs += 1
                block.children.append(self._paragraph(item, "paragraph", path, paragraphs))
            else:
                nodes += 1
                block.children.append(self._node(item, path, nodes))
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
    return PlanUnits(b.units, body)
