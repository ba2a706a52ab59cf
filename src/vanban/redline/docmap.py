"""Where each unit of a plan is printed in its rendered document.

A rendered document is read as *containers* of paragraphs: the body, each cell of its
top-level tables and each header or footer part, named the same way in any rendering of
the same template, so the old and the new document can be compared container by
container. Units are found by their printed text, in reading order, which does not
depend on which template printed them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from vanban.diff.units import Unit
from vanban.redline.oxml import P, paragraph_text

Key = tuple  # ("body",) | ("cell", table, row, column) | ("hdr"|"ftr", type)
TBL, TR, TC = qn("w:tbl"), qn("w:tr"), qn("w:tc")


@dataclass
class Container:
    key: Key
    element: etree._Element  # w:body, w:tc, w:hdr or w:ftr

    def paragraphs(self) -> list[etree._Element]:
        return [child for child in self.element if child.tag == P]


def _story_parts(doc: Document) -> Iterator[tuple[Key, etree._Element]]:
    """Header and footer parts of the (last) section: page 1's first."""
    sect_pr = doc.element.body.find(qn("w:sectPr"))
    if sect_pr is None:
        return
    refs = []
    for tag, kind in ((qn("w:headerReference"), "hdr"), (qn("w:footerReference"), "ftr")):
        for ref in sect_pr.findall(tag):
            refs.append((kind, ref.get(qn("w:type")) or "default", ref.get(qn("r:id"))))
    order = {"first": 0, "default": 1, "even": 2}
    for kind, type_, rid in sorted(refs, key=lambda r: (r[0] != "hdr", order.get(r[1], 3))):
        part = doc.part.rels[rid].target_part
        yield (kind, type_), part.element


def containers(doc: Document) -> list[Container]:
    """Every container in reading order: page headers, then the body with its tables."""
    out = [Container(key, el) for key, el in _story_parts(doc)]
    body = doc.element.body
    out.append(Container(("body",), body))
    tables = [child for child in body if child.tag == TBL]
    for t, tbl in enumerate(tables):
        for r, tr in enumerate(tbl.findall(TR)):
            for c, tc in enumerate(tr.findall(TC)):
                out.append(Container(("cell", t, r, c), tc))
    return out


def reading_order(doc: Document) -> list[tuple[Key, etree._Element]]:
    """(container key, paragraph) for every paragraph, in the order a reader meets them."""
    out: list[tuple[Key, etree._Element]] = []
    for key, el in _story_parts(doc):
        out += [(key, p) for p in el if p.tag == P]
    body = doc.element.body
    tables = 0
    for child in body:
        if child.tag == P:
            out.append((("body",), child))
        elif child.tag == TBL:
            for r, tr in enumerate(child.findall(TR)):
                for c, tc in enumerate(tr.findall(TC)):
                    out += [(("cell", tables, r, c), p) for p in tc if p.tag == P]
            tables += 1
    return out


@dataclass
class Located:
    key: Key
    p: etree._Element


def locate(units: list[Unit], doc: Document) -> dict[int, Located]:
    """Unit index → where it is printed; units the template does not print are absent."""
    order = reading_order(doc)
    texts = [paragraph_text(p) for _, p in order]
    claimed: set[int] = set()
    found: dict[int, Located] = {}
    pos = 0
    for unit in units:
        want = unit.printed
        hit = next((i for i in range(pos, len(order)) if i not in claimed and texts[i] == want),
                   None)
        if hit is None:  # a template may print fields in another order
            hit = next((i for i in range(len(order)) if i not in claimed and texts[i] == want),
                       None)
        if hit is None:
            continue
        claimed.add(hit)
        pos = hit + 1
        key, p = order[hit]
        found[unit.index] = Located(key, p)
    return found
