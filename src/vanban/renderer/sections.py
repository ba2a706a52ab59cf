"""Word sections: the document, then each appendix and the document a decision issues.

Each part after the document starts a section on a new page (a ``VB Section Break``
paragraph closes the section before it). Its pages are numbered from 1 on their own
(Phụ lục I, III.1.đ: “Số trang của Phụ lục được đánh số riêng theo từng Phụ lục”), with the
main document's rule for where: centred in the top margin, 13–14 pt, and none on the part's
first page (Phụ lục I, I.7) — its first-page header is empty. A part is landscape when its
appendix asks or its table is too wide (:func:`vanban.renderer.appendices.parts`); turned,
its binding edge is on top, so the portrait left margin becomes its top margin.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.parts.hdrftr import HeaderPart

from vanban.plan.model import Layout
from vanban.renderer.geometry import margins_mm, page_twips, twips

#: The template's style of the paragraph that ends a section.
BREAK_STYLE = "VB Section Break"
#: The template's style of a header's paragraph (the page number).
PAGE_NUMBER_STYLE = "VB Page Number"


def _set(parent, tag: str, **attrs: str):
    """``parent``'s child ``tag`` (made if missing) with ``attrs`` set."""
    element = parent.find(qn(tag))
    if element is None:
        element = parent.makeelement(qn(tag), {})
        parent.append(element)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


_ORDER = ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
          "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
          "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
          "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _sort(sect_pr) -> None:
    """Children in the schema's order (CT_SectPr): Word refuses others."""
    rank = {qn(tag): i for i, tag in enumerate(_ORDER)}
    children = sorted(sect_pr, key=lambda el: rank.get(el.tag, len(rank)))
    for child in children:
        sect_pr.remove(child)
        sect_pr.append(child)


def _empty_header(doc: Document) -> str:
    """A new header part holding one empty paragraph; its relationship id."""
    part = HeaderPart.new(doc.part.package)
    for p in part.element.iter(qn("w:p")):
        for style in p.iter(qn("w:pStyle")):
            style.set(qn("w:val"), doc.styles[PAGE_NUMBER_STYLE].style_id)
    return doc.part.relate_to(part, RT.HEADER)


def part_section(main, doc: Document, layout: Layout, landscape: bool):
    """The properties of a part's section, made from the document's (``main``): same
    header and footer distances, A4 turned or not, numbering from 1, page 1 unnumbered."""
    sect_pr = copy.deepcopy(main)
    for ref in sect_pr.findall(qn("w:headerReference")) + sect_pr.findall(qn("w:footerReference")):
        sect_pr.remove(ref)  # the page-number header is inherited from the document
    first = sect_pr.makeelement(qn("w:headerReference"), {})
    first.set(qn("w:type"), "first")
    first.set(qn("r:id"), _empty_header(doc))
    sect_pr.insert(0, first)
    width, height = page_twips(landscape)
    size = _set(sect_pr, "w:pgSz", w=str(width), h=str(height))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif size.get(qn("w:orient")) is not None:
        del size.attrib[qn("w:orient")]
    margins = margins_mm(layout, landscape)
    _set(sect_pr, "w:pgMar", **{side: str(twips(value)) for side, value in margins.items()})
    _set(sect_pr, "w:pgNumType", start="1")
    _set(sect_pr, "w:titlePg")
    _sort(sect_pr)
    return sect_pr


def apply_sections(doc: Document, layout: Layout, landscape: Sequence[bool]) -> None:
    """Close the document's section and each part's at its ``VB Section Break``: the k-th
    break ends the section before part k. The body's own ``w:sectPr`` ends the last part."""
    body = doc.element.body
    style_id = doc.styles[BREAK_STYLE].style_id if landscape else None
    breaks = [p for p in body.iterchildren(qn("w:p"))
              if (s := p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) is not None
              and s.get(qn("w:val")) == style_id]
    if len(breaks) != len(landscape):
        raise RuntimeError(f"the template has {len(breaks)} section breaks for "
                           f"{len(landscape)} parts")
    if not landscape:
        return
    main = body.find(qn("w:sectPr"))
    sections = [copy.deepcopy(main)] + [part_section(main, doc, layout, turned)
                                         for turned in landscape]
    for paragraph, sect_pr in zip(breaks, sections):
        paragraph.get_or_add_pPr().append(sect_pr)
    body.replace(main, sections[-1])
