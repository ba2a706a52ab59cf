"""Sections: page size and margins, “Different first page”, page-number restarts, and the
page numbers their headers and footers show.

A section's properties close it: ``w:pPr/w:sectPr`` in its last paragraph, or the body's
final ``w:sectPr``. A section that does not name a header or footer of some kind inherits the
previous section's; “even” parts count only when settings.xml turns even-and-odd headers on.
With “Different first page” on and no first-page part anywhere in the chain, page 1 of the
section shows an empty header — how most documents keep page 1 unnumbered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vanban.document.docx.ooxml import NS, W, child, on_off, to_number, twips_mm, wattr
from vanban.document.docx.pagefields import PageField, find_page_field
from vanban.document.docx.settings import Settings
from vanban.document.docx.styles import StyleResolver
from vanban.document.model import PageNumber, Section

R_ID = f"{{{NS['r']}}}id"
#: Word's page when a section does not say: US Letter, 1-inch margins.
DEFAULT_PAGE = (twips_mm(12240), twips_mm(15840))
DEFAULT_MARGIN = twips_mm(1440)
KINDS = ("header", "footer")
TYPES = ("default", "first", "even")


@dataclass
class Setup:
    """What one ``w:sectPr`` says."""

    width_mm: float
    height_mm: float
    margins_mm: dict[str, float]
    title_page: bool
    restart: int | None
    refs: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, type) → r:id


def read_setup(sectpr: Any) -> Setup:
    """What a ``w:sectPr`` says; Word's defaults for what it does not (or for none)."""
    size, margins = child(sectpr, "pgSz"), child(sectpr, "pgMar")

    def length(element: Any, name: str, default: float) -> float:
        value = wattr(element, name) if element is not None else None
        return twips_mm(value) if to_number(value) is not None else default

    width = length(size, "w", DEFAULT_PAGE[0])
    height = length(size, "h", DEFAULT_PAGE[1])
    if size is not None and wattr(size, "orient") == "landscape" and width < height:
        width, height = height, width  # orientation said, sizes not swapped
    found = {side: abs(length(margins, side, DEFAULT_MARGIN))
             for side in ("top", "bottom", "left", "right")}
    found["gutter"] = length(margins, "gutter", 0.0)
    numbering = child(sectpr, "pgNumType")
    start = to_number(wattr(numbering, "start")) if numbering is not None else None
    refs = {}
    for ref in sectpr if sectpr is not None else ():
        for kind in KINDS:
            if ref.tag == W + kind + "Reference":
                refs[(kind, wattr(ref, "type") or "default")] = ref.get(R_ID)
    return Setup(width, height, found, bool(on_off(child(sectpr, "titlePg"))),
                 int(start) if start is not None else None, refs)


def build_sections(setups: list[Setup], package: Any, styles: StyleResolver,
                   settings: Settings) -> list[Section]:
    """The model's sections, with the page numbers their (inherited) parts show."""
    found: dict[str, PageField | None] = {}

    def page_field(rid: str | None) -> tuple[PageField | None, str | None]:
        if not rid:
            return None, None
        if rid not in found:
            found[rid] = find_page_field(package.part(rid), styles, settings.default_tab_mm)
        return found[rid], rid

    inherited: dict[tuple[str, str], str] = {}
    sections = []
    for index, setup in enumerate(setups):
        inherited = {**inherited, **setup.refs}
        later = _shown(inherited, ("default", "even") if settings.even_and_odd_headers
                       else ("default",), page_field)
        first = _shown(inherited, ("first",), page_field) if setup.title_page else later
        sections.append(Section(index, setup.width_mm, setup.height_mm, setup.margins_mm,
                                setup.title_page, later, first is not None, setup.restart))
    return sections


def _shown(refs: dict[tuple[str, str], str], types: tuple[str, ...], page_field) -> \
        PageNumber | None:
    """The page number shown by the parts of ``types`` (header first, then footer)."""
    for kind in KINDS:
        for type_ in types:
            field_, _rid = page_field(refs.get((kind, type_)))
            if field_ is not None:
                return PageNumber(kind, field_.centred, field_.size)  # type: ignore[arg-type]
    return None
