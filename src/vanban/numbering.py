"""Labels of numbered nodes: I. → 1. → a) → - → + (Phụ lục I, II.6.đ and practice)."""

from __future__ import annotations

from vanban.vnformat import point_letter, roman

LEVEL_NAMES = {1: "section", 2: "item", 3: "point", 4: "dash", 5: "plus"}


def auto_label(depth: int, index: int, structure: str = "muc") -> str:
    """The label of the ``index``-th (1-based) numbered node at ``depth``.

    ``structure`` is the document type's: "muc" (I. → 1. → a)) or "dieu" (Điều 1. → 1. → a)).
    """
    if depth == 1:
        return f"Điều {index}." if structure == "dieu" else f"{roman(index)}."
    if depth == 2:
        return f"{index}."
    if depth == 3:
        return f"{point_letter(index)})"
    return "-" if depth == 4 else "+"
