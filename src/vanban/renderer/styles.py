"""The template's styles found by name or id, read once per rendering.

python-docx finds a style by an XPath search through every style of the document, each time
it is asked; the layout pass asks about a hundred times per rendering. The index is made on
the first question and made again when a style has been added or removed since.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory

#: document part → (its styles element, that element's number of children when indexed,
#: styles by name, by id)
_INDEXES: WeakKeyDictionary[Any, tuple[Any, int, dict[str, Any], dict[str, Any]]] = \
    WeakKeyDictionary()
_STYLE, _NAME, _VAL, _ID = qn("w:style"), qn("w:name"), qn("w:val"), qn("w:styleId")


def _index(doc: Document) -> tuple[dict[str, Any], dict[str, Any]]:
    part = doc.part
    cached = _INDEXES.get(part)
    if cached is not None and cached[1] == len(cached[0]):
        return cached[2], cached[3]
    element = doc.styles.element
    by_name: dict[str, Any] = {}
    by_id: dict[str, Any] = {}
    for style in element.iterchildren(_STYLE):
        name = style.find(_NAME)
        if name is not None and name.get(_VAL) is not None:
            by_name.setdefault(name.get(_VAL), style)  # the first, as python-docx finds
        style_id = style.get(_ID)
        if style_id is not None:
            by_id.setdefault(style_id, style)
    _INDEXES[part] = (element, len(element), by_name, by_id)
    return by_name, by_id


_STYLE_REF = f"{qn('w:pPr')}/{qn('w:pStyle')}"


def style_id_of(paragraph: Any) -> str | None:
    """The style id a python-docx paragraph names (one lookup instead of two descriptors)."""
    ref = paragraph._p.find(_STYLE_REF)
    return ref.get(_VAL) if ref is not None else None


def style_named(doc: Document, name: str) -> BaseStyle | None:
    """The style called ``name`` (as ``doc.styles[name]`` finds it), or None."""
    element = _index(doc)[0].get(BabelFish.ui2internal(name))
    return StyleFactory(element) if element is not None else None


def base_of(doc: Document, style: BaseStyle) -> BaseStyle | None:
    """The style ``style`` is based on (python-docx's ``base_style``), or None."""
    based = style.element.basedOn
    element = _index(doc)[1].get(based.val) if based is not None else None
    return StyleFactory(element) if element is not None else None


def paragraph_style(doc: Document, style_id: str) -> BaseStyle | None:
    """The paragraph style with the id ``style_id``, or None."""
    element = _index(doc)[1].get(style_id)
    if element is None or element.type != WD_STYLE_TYPE.PARAGRAPH:
        return None
    return StyleFactory(element)
