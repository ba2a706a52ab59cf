"""Labels of numbered nodes: I. → 1. → a) → - → + (Phụ lục I, II.6.đ and practice)."""

from __future__ import annotations

from vanban.vnformat import point_letter, roman

LEVEL_NAMES = {1: "section", 2: "item", 3: "point", 4: "dash", 5: "plus"}


def auto_label(depth: int, index: int) -> str:
    """The label of the ``index``-th (1-based) numbered node at ``depth``."""
    if depth == 1:
        return f"{roman(index)}."
    if depth == 2:
        return f"{index}."
    if depth == 3:
        return f"{point_letter(index)})"
    return "-" if depth == 4 else "+"
