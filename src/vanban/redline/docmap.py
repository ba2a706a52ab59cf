"""Where each unit of a plan is printed in its rendered document.

A rendered document is read as *containers* of paragraphs: the body, each cell of its
top-level tables and each header or footer part, named the same way in any rendering of
the same template, so the old and the new document can be compared container by
container. Units are found by their printed text, in reading order, which does not
depend on which template printed them; a table cell's unit by its place (:class:`CellAt`).

The template's own tables (the header, the signature block) are ``("cell", t, r, c)``, counted
among themselves; the plan's tables (in the body, appendices, the attached document) are
``("data", t, r, c)``: their rows come and go, so the redline pairs them through the diff's
row alignment (:mod:`.rows`), not by place. A plan's table is one whose first row repeats on
every page (``w:tblHeader``); the template's never do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from vanban.diff.units import Unit
from vanban.redline.oxml import P, paragraph_text

Key = tuple  # ("body",) | ("cell"|"data", table, row, column) | ("hdr"|"ftr", type)
TBL, TR, TC = qn("w:tbl"), qn("w:tr"), qn("w:tc")
_HEADER_ROW = f"{qn('w:trPr')}/{qn('w:tblHeader')}"


def is_data_table(tbl: etree._Element) -> bool:
    """Whether ``tbl`` is one of the plan's tables (its first row is a repeating header)."""
    first = tbl.find(TR)
    return first is not None and first.find(_HEADER_ROW) is not None


def data_tables(doc: Document) -> list[etree._Element]:
    """The plan's tables in print order (top level of the body)."""
    return [child for child in doc.element.body if child.tag == TBL and is_data_table(child)]


def table_keys(body: etree._Element) -> Iterator[tuple[Key, etree._Element]]:
    """Every top-level table with its key: ``("cell", t)`` or ``("data", t)``."""
    counts = {"cell": 0, "data": 0}
    for child in body:
        if child.tag == TBL:
            kind = "data" if is_data_table(child) else "cell"
            yield (kind, counts[kind]), child
            counts[kind] += 1


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
    for key, tbl in table_keys(body):
        for r, tr in enumerate(tbl.findall(TR)):
            for c, tc in enumerate(tr.findall(TC)):
                out.append(Container((*key, r, c), tc))
    return out


def reading_order(doc: Document) -> list[tuple[Key, etree._Element]]:
    """(container key, paragraph) for every paragraph, in the order a reader meets them."""
    out: list[tuple[Key, etree._Element]] = []
    for key, el in _story_parts(doc):
        out += [(key, p) for p in el if p.tag == P]
    body = doc.element.body
    tables = {tbl: key for key, tbl in table_keys(body)}
    for child in body:
        if child.tag == P:
            out.append((("body",), child))
        elif child.tag == TBL:
            key = tables[child]
            for r, tr in enumerate(child.findall(TR)):
                for c, tc in enumerate(tr.findall(TC)):
                    out += [((*key, r, c), p) for p in tc if p.tag == P]
    return out


@dataclass
class Located:
    key: Key
    p: etree._Element


def _cell(tables: list[etree._Element], unit: Unit) -> Located | None:
    """The first paragraph of the cell a table unit is printed in."""
    at = unit.at
    assert at is not None
    if at.table >= len(tables):
        return None
    rows = tables[at.table].findall(TR)
    cells = rows[at.row].findall(TC) if at.row < len(rows) else []
    p = cells[at.cell].find(P) if at.cell < len(cells) else None
    return None if p is None else Located(("data", at.table, at.row, at.cell), p)


def locate(units: list[Unit], doc: Document) -> dict[int, Located]:
    """Unit index → where it is printed; units the template does not print are absent (and
    a table without caption, which has no line of its own)."""
    order = [(key, p) for key, p in reading_order(doc) if key[0] != "data"]
    texts = [paragraph_text(p) for _, p in order]
    tables = data_tables(doc)
    claimed: set[int] = set()
    found: dict[int, Located] = {}
    pos = 0
    for unit in units:
        if not unit.shown:
            continue
        if unit.at is not None:
            if (cell := _cell(tables, unit)) is not None:
                found[unit.index] = cell
            continue
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
