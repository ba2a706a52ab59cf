"""WordprocessingML vocabulary shared by the reader's modules: namespaced tag names, the
units Word stores lengths in, and its on/off switches."""

from __future__ import annotations

from typing import Any

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
W = f"{{{NS['w']}}}"


def tag(name: str) -> str:
    """Clark notation of a prefixed name: ``tag("w:p")`` → ``{…main}p``."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def wattr(element: Any, name: str) -> str | None:
    """A ``w:``-namespaced attribute."""
    return element.get(W + name)


def child(element: Any, name: str) -> Any:
    """The first child ``w:name`` of ``element`` (None when either is missing)."""
    return element.find(W + name) if element is not None else None


def twips_mm(value: str | float | None) -> float:
    """Twentieths of a point (Word's ``dxa``) in mm; nothing is 0."""
    number = to_number(value)
    return number * 25.4 / 1440 if number is not None else 0.0


def emu_mm(value: str | float | None) -> float:
    """English Metric Units (DrawingML) in mm."""
    number = to_number(value)
    return number / 36000 if number is not None else 0.0


def to_number(value: str | float | None) -> float | None:
    """A number as Word writes it (``"720"``, ``"720.0"``); None when it is not one."""
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def on_off(element: Any) -> bool | None:
    """The value of an on/off property element (``<w:b/>``, ``<w:b w:val="0"/>``); None
    when the element is absent."""
    if element is None:
        return None
    return wattr(element, "val") not in ("0", "false", "off", "none")


def is_white(color: str | None) -> bool:
    return bool(color) and color.upper() in ("FFFFFF", "WHITE")  # type: ignore[union-attr]
