"""A numbered body as the template prints it: one block per paragraph, plain strings.

The document's body, the body of the document a decision issues and an appendix's content
are all made here, each numbered its own way (I. → 1. → a), or Điều 1. → 1. → a)). A block
is a paragraph of some kind (its template style), with its label and text; a table is one
block holding its rows (:func:`vanban.renderer.tables.table_block`).
"""

from __future__ import annotations

from typing import Any

from vanban.decree.numbering import auto_label, style_at
from vanban.decree.tasks import TASK_LABELS
from vanban.plan.matrix import deadline_text
from vanban.plan.model import Block, Node, Paragraph, Table
from vanban.renderer.tables import Measured, table_block


def block(kind: str, text: str, label: str = "", *, italic: bool = False, bold: bool = False,
          label_bold: bool = False) -> dict[str, Any]:
    """A paragraph of the body: ``label_bold`` sets the label in bold, whatever the text."""
    return {"kind": kind, "label": label, "text": text, "italic": italic, "bold": bold,
            "label_bold": label_bold}


#: The template's paragraph kind for each label kind (a titled khoản is a bold heading).
_KINDS = {"roman": "section", "article": "article", "arabic": "item", "letter": "point",
          "dash": "dash", "plus": "plus"}


def _node_kind(node: Node, numbering: str) -> str:
    kind = _KINDS[style_at(node.depth, numbering)]
    if kind == "item" and node.title is not None:
        return "item-title"
    if kind == "article" and node.title is None:
        # Mẫu 1.2: “Điều 1.” in bold, the article's text in the same paragraph, regular
        return "article-text"
    return kind


def task_lines(node: Node) -> list[str]:
    """The lines agencies print under a task: lead, support, time, product."""
    lines = []
    if node.lead:
        lines.append(f"{TASK_LABELS['lead']}: " + ", ".join(node.lead))
    if node.support:
        lines.append(f"{TASK_LABELS['support']}: " + ", ".join(node.support))
    if node.deadline:
        lines.append(f"{TASK_LABELS['deadline']}: {deadline_text(node.deadline)}")
    if node.timeframe:
        lines.append(f"{TASK_LABELS['timeframe']}: {node.timeframe}")
    if node.product:
        lines.append(f"{TASK_LABELS['product']}: {node.product}")
    return [line if line.endswith(".") else line + "." for line in lines]


def paragraph_block(p: Paragraph, kind: str = "paragraph") -> dict[str, Any]:
    return block(kind, p.text, italic=p.italic, bold=p.bold)


class BodyWriter:
    """Blocks of one body: its numbering, and the width its tables fill (in twips)."""

    def __init__(self, numbering: str, table_width: int,
                 measured: dict[int, Measured] | None = None) -> None:
        self.numbering = numbering
        self.table_width = table_width
        self.measured = measured or {}  # tables measured already, by id

    def content(self, content: list[Block], out: list[dict[str, Any]]) -> None:
        """Append the blocks of ``content``; numbered siblings count on across paragraphs
        and tables."""
        count = 0
        for item in content:
            if isinstance(item, Paragraph):
                out.append(paragraph_block(item))
            elif isinstance(item, Table):
                out.append(table_block(item, self.table_width, self.measured.get(id(item))))
            else:
                count += 1
                self.node(item, count, out)

    def node(self, node: Node, index: int, out: list[dict[str, Any]]) -> None:
        """Append ``node`` and what it contains."""
        label = node.number if node.number is not None else \
            auto_label(node.depth, index, self.numbering)
        kind = _node_kind(node, self.numbering)
        out.append(block(kind, node.heading, label, italic=node.italic, bold=node.bold,
                         label_bold=kind == "article-text"))
        # Who does the task and by when comes right under its heading, before the details:
        # the reader sees it first, and it cannot be mistaken for a line of the last sub-item.
        meta_kind = "dash" if node.depth < 4 else "plus"
        for line in task_lines(node):
            out.append(block(meta_kind, line, "-" if meta_kind == "dash" else "+"))
        self.content(node.content, out)


def close_body(text: str) -> str:
    """End the last paragraph of the body with the decree's ``./.``."""
    if text.endswith("./."):
        return text
    return text + ("/." if text.endswith(".") else "./.")


def close_blocks(blocks: list[dict[str, Any]]) -> None:
    """Close a body whose last block is text with ``./.``; a body ending in a table is
    closed by the table's last border (the decree's own appendices end so)."""
    if blocks and blocks[-1]["kind"] != "table":
        blocks[-1]["text"] = close_body(blocks[-1]["text"])
