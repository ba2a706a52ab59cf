"""The page and the body's paragraphs (Phụ lục I, I.5–6 and II.6): the ranges the decree
allows, by the plan's layout keys; margins in mm, sizes in points, indents in cm."""

from __future__ import annotations

LAYOUT_RANGES: dict[str, tuple[float, float]] = {
    "margin_top": (20, 25),
    "margin_bottom": (20, 25),
    "margin_left": (30, 35),
    "margin_right": (15, 20),
    "body_size": (13, 14),
    "first_line_indent": (1, 1.27),
    "paragraph_spacing": (6, 24),  # at least 6 pt; more than 24 is not a paragraph gap
    "line_spacing": (1, 1.5),      # single to 1.5 lines
}
#: The size of an A4 page, portrait.
A4_MM = (210, 297)
#: The margins of a page turned landscape for a wide table (Phụ lục I, I.2), by the portrait
#: layout key each one takes: bound with the portrait pages, its binding edge is its top, so
#: the portrait left margin becomes its top, the right its bottom, top and bottom its sides.
TURNED_MARGINS = {"top": "margin_left", "bottom": "margin_right", "left": "margin_top",
                  "right": "margin_bottom"}
