"""Words of documents, for comparing a rendering with its source text."""

from __future__ import annotations

import re

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

WORD = re.compile(r"\w+")
MARKER = re.compile(r"^\s*(?:(?:[IVXLC]+|\d+)\.|[a-zđ]\)|[-+])\s+")


def _continues_recipients(table: Table) -> bool:
    """Whether ``table`` is the foot whose later rows only continue Nơi nhận (a long list
    runs on beside an empty cell): it reads down the left column, then the signature."""
    tbl = table._tbl
    labels = tbl.xpath("./w:tr[1]/w:tc[1]/w:p/w:pPr/w:pStyle[@w:val='VBRecipientsLabel']")
    rows = tbl.findall(qn("w:tr"))
    return bool(labels) and len(rows) > 1 and all(
        not "".join(tc.itertext()).strip() for row in rows[1:]
        for tc in row.findall(qn("w:tc"))[1:])


def paragraphs_in_order(doc: Document) -> list[str]:
    """Every paragraph's text in reading order, table cells included (row by row; the
    foot's table with a long Nơi nhận column by column)."""
    out: list[str] = []

    def walk(parent) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                out.append(Paragraph(child, doc).text)
            elif child.tag == qn("w:tbl"):
                table = Table(child, doc)
                if _continues_recipients(table):
                    for column in table.columns:
                        for cell in column.cells:
                            walk(cell._tc)
                    continue
                for row in table.rows:
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
