"""Walking a plan's body the way rules need it."""

from __future__ import annotations

from collections.abc import Iterator

from vanban.decree.numbering import Label, parse_label
from vanban.plan.model import Node, Plan
from vanban.problems import Mark


def sibling_groups(plan: Plan) -> Iterator[tuple[Node | None, list[Node], str]]:
    """For each numbered body (the document's, its attachment's, an appendix's): its sections
    (parent None), then the children of every node with their parent — each list numbered on
    its own — and how that body is numbered."""
    for body in plan.bodies():
        yield None, body.sections, body.numbering
        for section in body.sections:
            for node in section.walk():
                if node.children:
                    yield node, node.children, body.numbering


def written_numbers(plan: Plan, kind: str | None = None) -> Iterator[tuple[Node, Label, Mark]]:
    """Nodes whose number is written in the plan (of ``kind``, if given): node, the number
    read, and where it was written."""
    for node in plan.nodes():
        if node.number is None:
            continue
        label = parse_label(node.number)
        if kind is None or label.kind == kind:
            yield node, label, number_mark(node)


def number_mark(node: Node) -> Mark:
    """Where ``node``'s number was written, else the node itself."""
    return node.marks.get("number", node.mark)
