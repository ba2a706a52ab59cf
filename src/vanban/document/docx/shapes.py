"""Shapes anchored in a paragraph, as their XML describes them: kind, size and position
relative to what Word positions them from.

DrawingML (``w:drawing``: ``wp:anchor`` or ``wp:inline``) is read from ``mc:Choice`` or on its
own; a VML shape (``w:pict``) only when it is not the fallback copy of a DrawingML one. Only
straight lines (``line``, ``straightConnector1``, VML ``v:line`` and the straight connector
shape type) can be rules; text boxes are kept for their text; pictures, rectangles and groups
are neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from vanban.document.docx.ooxml import emu_mm, tag, to_number

Kind = Literal["line", "box", "other"]
LINE_GEOMETRIES = ("line", "straightConnector1")
VML_LINE_TYPES = ("#_x0000_t32", "#_x0000_t20", "_x0000_t32", "_x0000_t20")
WP_ANCHOR, WP_INLINE = tag("wp:anchor"), tag("wp:inline")
V = "{urn:schemas-microsoft-com:vml}"
_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*([a-z%]*)\s*$")
_VML_UNITS_MM = {"pt": 25.4 / 72, "in": 25.4, "cm": 10.0, "mm": 1.0, "px": 25.4 / 96,
                 "pc": 25.4 / 6, "": 25.4 / 96, "emu": 1 / 36000}
#: VML's names of what a position is relative to, in DrawingML's words.
_VML_FROM = {"text": "column", "char": "character", "margin": "margin", "page": "page",
             "left-margin-area": "leftMargin", "right-margin-area": "rightMargin",
             "inner-margin-area": "insideMargin", "outer-margin-area": "outsideMargin",
             "line": "line", "top-margin-area": "topMargin", "bottom-margin-area": "bottomMargin"}


@dataclass(frozen=True)
class Axis:
    relative_from: str  # column | margin | page | paragraph | line | character | …
    offset_mm: float | None  # None when positioned by alignment
    align: str | None  # left | center | right | top | bottom | inside | outside


@dataclass(frozen=True)
class Shape:
    kind: Kind
    width_mm: float
    height_mm: float
    horizontal: Axis | None  # None for a shape in the line of text (inline)
    vertical: Axis | None
    in_cell: bool  # laid out in its table cell (layoutInCell)


def _axis(position: Any, default: str) -> Axis:
    if position is None:
        return Axis(default, 0.0, None)
    offset = position.find(tag("wp:posOffset"))
    align = position.find(tag("wp:align"))
    value = to_number(offset.text) if offset is not None else None
    return Axis(position.get("relativeFrom") or default,
                emu_mm(value) if value is not None else (None if align is not None else 0.0),
                (align.text or "").strip() if align is not None else None)


def _rotated(xfrm: Any) -> bool:
    """A shape turned by a quarter (a vertical line drawn as a horizontal one, rotated)."""
    rotation = to_number(xfrm.get("rot")) if xfrm is not None else None
    if not rotation:
        return False
    degrees = (rotation / 60000) % 180
    return 45 < degrees < 135


def drawingml(element: Any) -> Shape | None:
    """A ``wp:anchor`` or ``wp:inline``."""
    extent = element.find(tag("wp:extent"))
    width = emu_mm(extent.get("cx")) if extent is not None else 0.0
    height = emu_mm(extent.get("cy")) if extent is not None else 0.0
    kind: Kind = "other"
    shape = element.find(".//" + tag("wps:wsp"))
    if shape is not None:
        if shape.find(tag("wps:txbx")) is not None or \
                shape.find(tag("wps:linkedTxbx")) is not None:
            kind = "box"
        else:
            geometry = shape.find(f"{tag('wps:spPr')}/{tag('a:prstGeom')}")
            if geometry is not None and geometry.get("prst") in LINE_GEOMETRIES:
                kind = "line"
        if _rotated(shape.find(f"{tag('wps:spPr')}/{tag('a:xfrm')}")):
            width, height = height, width
    if element.tag == WP_INLINE:
        return Shape(kind, abs(width), abs(height), None, None, False)
    if element.get("simplePos") in ("1", "true"):
        simple = element.find(tag("wp:simplePos"))
        x = emu_mm(simple.get("x")) if simple is not None else 0.0
        y = emu_mm(simple.get("y")) if simple is not None else 0.0
        return Shape(kind, abs(width), abs(height), Axis("page", x, None), Axis("page", y, None),
                     False)
    return Shape(kind, abs(width), abs(height),
                 _axis(element.find(tag("wp:positionH")), "column"),
                 _axis(element.find(tag("wp:positionV")), "paragraph"),
                 element.get("layoutInCell") in ("1", "true"))


def vml_length(value: str | None) -> float | None:
    """A VML length (``46.65pt``, ``1in``) in mm."""
    if not value:
        return None
    m = _LENGTH.match(value)
    if not m or m.group(2) not in _VML_UNITS_MM:
        return None
    try:
        return float(m.group(1)) * _VML_UNITS_MM[m.group(2)]
    except ValueError:
        return None


def _style(element: Any) -> dict[str, str]:
    out = {}
    for item in (element.get("style") or "").split(";"):
        key, _sep, value = item.partition(":")
        if key.strip():
            out[key.strip().lower()] = value.strip()
    return out


def vml(element: Any) -> Shape | None:
    """A VML shape (``v:line``, ``v:shape``, ``v:rect`` …) of a ``w:pict``."""
    local = element.tag[len(V):] if element.tag.startswith(V) else ""
    if local not in ("line", "shape", "rect", "roundrect", "oval", "polyline", "group"):
        return None
    style = _style(element)
    left = (vml_length(style.get("margin-left")) or 0.0) + (vml_length(style.get("left")) or 0.0)
    top = (vml_length(style.get("margin-top")) or 0.0) + (vml_length(style.get("top")) or 0.0)
    width = vml_length(style.get("width")) or 0.0
    height = vml_length(style.get("height")) or 0.0
    kind: Kind = "other"
    if element.find(V + "textbox") is not None:
        kind = "box"
    elif local == "line":
        start = [vml_length(v) for v in (element.get("from") or "0,0").split(",")]
        end = [vml_length(v) for v in (element.get("to") or "0,0").split(",")]
        if len(start) == 2 and len(end) == 2 and None not in start + end:
            x1, y1, x2, y2 = start[0], start[1], end[0], end[1]  # type: ignore[misc]
            left, top = left + min(x1, x2), top + min(y1, y2)
            width, height = abs(x2 - x1), abs(y2 - y1)
        kind = "line"
    elif local == "shape" and (element.get("type") in VML_LINE_TYPES or
                               element.get(tag("o:connectortype")) == "straight"):
        kind = "line"
    if 45 < (to_number(style.get("rotation")) or 0) % 180 < 135:
        width, height = height, width
    if style.get("position") != "absolute":
        return Shape(kind, width, height, None, None, False)
    horizontal = _VML_FROM.get(style.get("mso-position-horizontal-relative", "text"), "column")
    vertical = _VML_FROM.get(style.get("mso-position-vertical-relative", "text"), "paragraph")
    vertical = "paragraph" if vertical == "column" else vertical
    h_align = style.get("mso-position-horizontal")
    v_align = style.get("mso-position-vertical")
    return Shape(kind, width, height,
                 Axis(horizontal, None if h_align and h_align != "absolute" else left,
                      h_align if h_align and h_align != "absolute" else None),
                 Axis(vertical, None if v_align and v_align != "absolute" else top,
                      v_align if v_align and v_align != "absolute" else None),
                 element.get(tag("o:allowincell")) != "f")


def shapes_of(drawing: Any) -> list[Shape]:
    """The shapes of a ``w:drawing`` or ``w:pict`` (the top-level ones: a group is one)."""
    found: list[Shape] = []
    for element in drawing:
        if element.tag in (WP_ANCHOR, WP_INLINE):
            shape = drawingml(element)
        else:
            shape = vml(element)
        if shape is not None:
            found.append(shape)
    return found
