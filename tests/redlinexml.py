"""Accept or reject every tracked change of a .docx at the XML level, as Word does.

An independent reading of the markup (it shares no code with the writer): accepting drops
deleted and moved-away content and unwraps inserted and moved-here content; rejecting does
the opposite and restores recorded formatting. A paragraph whose mark goes away merges into
the next paragraph, which keeps its own properties (the mark holds them). A table row
tracked as deleted (``w:trPr/w:del``) goes on accept, one tracked as inserted on reject; a
table left without rows goes too.
"""

from __future__ import annotations

import copy
import io

import docx
from docx.oxml.ns import qn

W = lambda tag: qn(f"w:{tag}")  # noqa: E731
MARKERS = {W(t) for t in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
                          "moveToRangeEnd")}


def _stories(doc):
    yield doc.element.body
    for rel in doc.part.rels.values():
        if not rel.is_external and rel.reltype.endswith(("/header", "/footer")):
            yield rel.target_part.element


def _mark(p):
    rpr = p.find(f"{W('pPr')}/{W('rPr')}")
    if rpr is None:
        return None
    for child in rpr:
        if child.tag in (W("ins"), W("del"), W("moveFrom"), W("moveTo")):
            return child
    return None


def _rows(story, accept: bool) -> None:
    gone = W("del") if accept else W("ins")
    for tr in list(story.iter(W("tr"))):
        props = tr.find(W("trPr"))
        marks = [] if props is None else [c for c in props if c.tag in (W("ins"), W("del"))]
        if any(m.tag == gone for m in marks):
            tbl = tr.getparent()
            tbl.remove(tr)
            if tbl.find(W("tr")) is None:
                tbl.getparent().remove(tbl)
            continue
        for mark in marks:
            props.remove(mark)


def _resolve(doc, accept: bool) -> None:
    keep = (W("ins"), W("moveTo")) if accept else (W("del"), W("moveFrom"))
    drop = (W("del"), W("moveFrom")) if accept else (W("ins"), W("moveTo"))
    for story in _stories(doc):
        _rows(story, accept)
        for el in list(story.iter(*drop)):
            parent = el.getparent()
            if parent is not None and parent.tag not in (W("rPr"), W("trPr")):
                parent.remove(el)
        for el in list(story.iter(*keep)):
            parent = el.getparent()
            if parent is None or parent.tag in (W("rPr"), W("trPr")):
                continue
            for child in list(el):
                for t in child.iter(W("delText")):
                    t.tag = W("t")
                el.addprevious(child)
            parent.remove(el)
        for el in list(story.iter(*MARKERS)):
            el.getparent().remove(el)
        for change in list(story.iter(W("pPrChange"))):
            ppr = change.getparent()
            if not accept:
                old = change.find(W("pPr"))
                mark = ppr.find(W("rPr"))
                new = copy.deepcopy(old)
                if mark is not None:
                    new.append(mark)
                ppr.getparent().replace(ppr, new)
            else:
                ppr.remove(change)
        for change in list(story.iter(W("rPrChange"))):
            rpr = change.getparent()
            if not accept:
                old = change.find(W("rPr"))
                rpr.getparent().replace(rpr, copy.deepcopy(old))
            else:
                rpr.remove(change)
        for p in list(story.iter(W("p"))):
            mark = _mark(p)
            if mark is None:
                continue
            gone = mark.tag in drop
            mark.getparent().remove(mark)
            if not gone:
                continue
            nxt = p.getnext()
            assert nxt is not None and nxt.tag == W("p"), (
                "a removed paragraph mark must be followed by a paragraph")
            anchor = nxt.find(W("pPr"))
            for child in reversed([c for c in p if c.tag != W("pPr")]):
                if anchor is not None:
                    anchor.addnext(child)
                else:
                    nxt.insert(0, child)
            p.getparent().remove(p)


def resolved(data: bytes, accept: bool):
    """The document of ``data`` with every change accepted (or rejected)."""
    doc = docx.Document(io.BytesIO(data))
    _resolve(doc, accept)
    return doc


def view(doc) -> dict:
    """Container → [(style, text)] for every paragraph: what a reader sees, and how.

    In a page header an empty unstyled paragraph shows nothing: a header part left without
    any paragraph (as the renderer leaves page 1's when there is no draft marker) and one
    with an empty paragraph (what a story must keep when its last paragraph is deleted)
    look the same."""
    from vanban.redline.docmap import containers
    from vanban.redline.oxml import paragraph_text, style_of

    out = {}
    for c in containers(doc):
        lines = [(style_of(p), paragraph_text(p)) for p in c.paragraphs()]
        if c.key[0] in ("hdr", "ftr"):
            lines = [line for line in lines if line != ("", "")]
        out[c.key] = lines
    return out
