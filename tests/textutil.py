"""Words of documents, for comparing a rendering with its source text."""

from __future__ import annotations

import re

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

WORD = re.compile(r"\w+")
MARKER = re.compile(r"^\s*(?:(?:[IVXLC]+|\d+)\.|[a-zđ]\)|[-+])\s+")


def paragraphs_in_order(doc: Document) -> list[str]:
    """Every paragraph's text in reading order, table cells included (row by row)."""
    out: list[str] = []

    def walk(parent) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                out.append(Paragraph(child, doc).text)
            elif child.tag == qn("w:tbl"):
                for row in Table(child, doc).rows:
                    for cell in row.cells:
                        walk(cell._tc)

    walk(doc.element.body)
    return out


def words(lines: list[str], *, strip_markers: bool = False) -> list[str]:
    out: list[str] = []
    for line in lines:
        if strip_markers:
            line = MARKER.sub("", line)
        out += WORD.findall(line.replace("*", " "))
    return out


def subsequence_rest(needle: list[str], haystack: list[str]) -> tuple[list[str], list[str]]:
    """Match ``needle`` in order inside ``haystack``; return (unmatched needle, extra hay)."""
    extra: list[str] = []
    i = 0
    for word in haystack:
        if i < len(needle) and word == needle[i]:
            i += 1
        else:
            extra.append(word)
    return needle[i:], extra
