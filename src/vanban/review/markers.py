"""The WordprocessingML of a comment: the ``w:comment`` in the comments part, and its three
markers in the document — ``commentRangeStart``/``commentRangeEnd`` around the range and a
run with the ``commentReference`` Word and LibreOffice show the comment at."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from vanban.document.docx.ooxml import W
from vanban.review.anchors import Anchor
from vanban.review.ranges import XML_SPACE, Paragraph

#: Characters XML 1.0 cannot hold (a message may quote a document's control characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _marker(name: str, cid: int) -> Any:
    element = etree.Element(W + name)
    element.set(W + "id", str(cid))
    return element


def _reference(cid: int) -> Any:
    run = etree.Element(W + "r")
    run.append(_marker("commentReference", cid))
    return run


class Placer:
    """Puts the markers of comments into paragraphs, keeping the markers of comments that
    end at the same place in the order of their ids."""

    def __init__(self) -> None:
        self.ours: set[Any] = set()

    def place(self, paragraph: Paragraph, anchor: Anchor, cid: int) -> None:
        start, end = _marker("commentRangeStart", cid), _marker("commentRangeEnd", cid)
        self.ours.update((start, end))
        first = last = None
        if anchor.start < anchor.end:
            # the end first: splitting the last run keeps the first run's element in place
            last = paragraph.last_run_at(anchor.end - 1)
            first = paragraph.first_run_at(anchor.start) if last is not None else None
        if first is not None and last is not None:
            first.addprevious(start)
            self._after(last).addnext(end)
        else:  # a line without text: a point, before what is there
            run = paragraph.first_run_at(anchor.start)
            if run is not None:
                run.addprevious(start)
                run.addprevious(end)
            else:
                paragraph.p.append(start)
                paragraph.p.append(end)
        reference = _reference(cid)
        self.ours.add(reference)
        top = end
        while top.getparent() is not paragraph.p:  # out of a hyperlink, field, insertion …
            top = top.getparent()
        _past_fields(paragraph.p, end if top is end else self._after(top)).addnext(reference)

    def _after(self, element: Any) -> Any:
        """``element``, or the last of our markers that directly follow it."""
        while (following := element.getnext()) is not None and following in self.ours:
            element = following
        return element


def _past_fields(p: Any, element: Any) -> Any:
    """``element`` (a child of ``p``), or — when it is inside a complex field's result,
    which Word rewrites when it updates the field — the child that ends the field (the
    paragraph's last, for a field that runs on into the next paragraph)."""
    depth, seen = 0, False
    for child in p:
        for mark in child.iter(W + "fldChar"):
            kind = mark.get(W + "fldCharType")
            if kind == "begin":
                depth += 1
            elif kind == "end" and depth:
                depth -= 1
        seen = seen or child is element
        if seen and not depth:
            return child
    return p[-1]


def comment(cid: int, text: str, author: str, initials: str, date: str | None) -> Any:
    """A ``w:comment`` of one paragraph of text."""
    element = _marker("comment", cid)
    element.set(W + "author", author)
    if date:
        element.set(W + "date", date)
    element.set(W + "initials", initials)
    p = etree.SubElement(element, W + "p")
    etree.SubElement(etree.SubElement(p, W + "r"), W + "annotationRef")
    t = etree.SubElement(etree.SubElement(p, W + "r"), W + "t")
    t.set(XML_SPACE, "preserve")
    t.text = _NOT_XML.sub("", text)
    return element
