"""The page of each part, in the units Word stores: A4, portrait or turned, and its margins.

No Word library here: the context needs the widths tables fill before any document exists.
"""

from __future__ import annotations

from vanban.decree.page import A4_MM, TURNED_MARGINS
from vanban.plan.model import Layout

EMU_PER_MM = 36000
EMU_PER_TWIP = 635


def twips(mm: float) -> int:
    """``mm`` in twentieths of a point, rounded as python-docx writes a length in ``Mm``."""
    return round(int(mm * EMU_PER_MM) / EMU_PER_TWIP)


def margins_mm(layout: Layout, landscape: bool) -> dict[str, float]:
    """The page's margins: the plan's, or turned with the page (binding edge on top)."""
    if not landscape:
        return {"top": layout.margin_top, "bottom": layout.margin_bottom,
                "left": layout.margin_left, "right": layout.margin_right}
    return {side: getattr(layout, key) for side, key in TURNED_MARGINS.items()}


def page_twips(landscape: bool) -> tuple[int, int]:
    """(width, height) of an A4 page."""
    short, long_ = twips(A4_MM[0]), twips(A4_MM[1])
    return (long_, short) if landscape else (short, long_)


def text_width_twips(layout: Layout, landscape: bool) -> int:
    """The width between the margins."""
    margins = margins_mm(layout, landscape)
    return page_twips(landscape)[0] - twips(margins["left"]) - twips(margins["right"])
