"""Walking a plan's body the way rules need it."""

from __future__ import annotations

from collections.abc import Iterator

from vanban.model import Node, Plan
from vanban.vnformat import ascii_fold


def sibling_groups(plan: Plan) -> Iterator[tuple[Node | None, list[Node]]]:
    """The sections (parent None), then the children of every node with their parent: each
    list is numbered on its own."""
    yield None, plan.sections
    for node in plan.nodes():
        if node.children:
            yield node, node.children


def fold(text: str) -> str:
    """Lower case without diacritics, single spaces: for matching by meaning."""
    return " ".join(ascii_fold(text).lower().replace(",", " ").split())
