"""The plan's tables in the redline: tracked rows and tracked words inside cells.

A table kept in place with the same columns is woven row by row along the diff's row
alignment (:class:`vanban.diff.rows.TableMatch`): a row that stayed has each cell compared
with its old self, paragraph by paragraph and word by word; an added row is a tracked row
insertion (``w:trPr/w:ins``) with its text inserted; a removed row is copied in from the old
table where it was, as a tracked row deletion (``w:trPr/w:del``) with its text deleted. A
moved row is shown as removed at its old place and added at the new one (Word has no moves
of rows). Accepting a row deletion removes the row; rejecting an insertion too.

A table that is new, gone, moved or whose columns changed is inserted or deleted whole,
row by row; a removed table goes where it was, after what preceded it in the old document.
"""

from __future__ import annotations

import copy
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from docx.oxml.ns import qn
from lxml import etree

from vanban.diff.blocks import Block
from vanban.diff.rows import TableMatch
from vanban.redline import oxml
from vanban.redline.docmap import TC, TR, Container
from vanban.redline.oxml import P

if TYPE_CHECKING:  # pragma: no cover
    from vanban.redline.weave import Weaver

_HEADER_ROW = f"{qn('w:trPr')}/{qn('w:tblHeader')}"


def _rows(tbl: etree._Element) -> list[etree._Element]:
    return tbl.findall(TR)


def _paragraphs(el: etree._Element) -> list[etree._Element]:
    return [child for child in el if child.tag == P]


def fit_widths(tr: etree._Element, tbl: etree._Element) -> None:
    """Give the cells of ``tr`` (a row copied from another version) the widths of the
    columns of ``tbl`` they cover."""
    grid = [int(col.get(qn("w:w"), "0")) for col in tbl.iter(qn("w:gridCol"))]
    column = 0
    for tc in tr.findall(TC):
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        n = int(span.get(qn("w:val"), "1")) if span is not None else 1
        width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        if width is not None and column + n <= len(grid):
            width.set(qn("w:w"), str(sum(grid[column:column + n])))
            width.set(qn("w:type"), "dxa")
        column += n


class TableWeaver:
    """Weaves the plan's tables into the redline for a :class:`~.weave.Weaver`."""

    def __init__(self, weaver: Weaver) -> None:
        self.w = weaver
        self.old_blocks = weaver.al.old.tables()
        self.new_blocks = weaver.al.new.tables()
        # an old table → what stands for it in the redline (its new self, or its copy)
        self.counterpart: dict[etree._Element, etree._Element] = {}

    def run(self) -> None:
        w = self.w
        gone_layout, new_layout = w.layout_tables()
        for tbl in new_layout:
            self.whole(tbl, "ins")
        removed: list[etree._Element] = list(gone_layout)
        if (len(self.old_blocks) != len(w.old_tables)
                or len(self.new_blocks) != len(w.new_tables)):
            self._removed(removed, {})
            return  # the template does not print the plan's tables: reported as missing
        old_at = {id(b): t for t, b in enumerate(self.old_blocks)}
        new_at = {id(b): t for t, b in enumerate(self.new_blocks)}
        woven_old: set[int] = set()
        woven_new: set[int] = set()
        replaced: dict[int, int] = {}  # old table → the new one it stands before
        for match in w.al.tables:
            t_old, t_new = old_at[id(match.old)], new_at[id(match.new)]
            if match.in_place and match.same_shape:
                self.rows(match, w.old_tables[t_old], w.new_tables[t_new])
                self.counterpart[w.old_tables[t_old]] = w.new_tables[t_new]
                woven_old.add(t_old)
                woven_new.add(t_new)
            elif match.in_place:
                replaced[t_old] = t_new
        for t, tbl in enumerate(w.new_tables):
            if t not in woven_new:
                self.whole(tbl, "ins")
        removed += [tbl for t, tbl in enumerate(w.old_tables) if t not in woven_old]
        self._removed(removed, {w.old_tables[t]: w.new_tables[n] for t, n in replaced.items()})

    def _removed(self, tables: list[etree._Element],
                 replaced: dict[etree._Element, etree._Element]) -> None:
        """Copy the old ``tables`` in, deleted: where they were, or before the new table
        that replaces one (its columns changed)."""
        body = self.w.old_doc.element.body
        order = {el: k for k, el in enumerate(body)}
        for tbl in sorted(tables, key=lambda t: order[t]):
            gone = copy.deepcopy(tbl)
            self.whole(gone, "del")
            if tbl in replaced:
                replaced[tbl].addprevious(gone)
            else:
                self._place(tbl, gone)
            self.counterpart[tbl] = gone

    def _place(self, old_tbl: etree._Element, gone: etree._Element) -> None:
        """Put ``gone`` (a deleted copy of ``old_tbl``) after what stands for the element
        before ``old_tbl``."""
        before = old_tbl.getprevious()
        while before is not None:
            anchor = self.w.counterpart.get(before)
            if anchor is None:
                anchor = self.counterpart.get(before)
            if anchor is not None:
                anchor.addnext(gone)
                return
            before = before.getprevious()
        body = self.w.new_doc.element.body
        body.insert(0, gone)

    # -- rows --------------------------------------------------------------------------

    def rows(self, match: TableMatch, old_tbl: etree._Element, new_tbl: etree._Element) -> None:
        old_rows, new_rows = _rows(old_tbl), _rows(new_tbl)
        headers = sum(1 for tr in new_rows if tr.find(_HEADER_ROW) is not None)
        for r in range(headers):
            self.cells(old_rows[r], new_rows[r])
        before = new_rows[headers - 1]

        def tr_of(rows: list[etree._Element], block: Block) -> etree._Element:
            assert block.head.at is not None
            return rows[block.head.at.row]

        for old, new in match.rows:
            if old is not None and new is not None:
                before = tr_of(new_rows, new)
                self.cells(tr_of(old_rows, old), before)
            elif old is not None:
                gone = copy.deepcopy(tr_of(old_rows, old))
                fit_widths(gone, new_tbl)
                before.addnext(gone)
                self.row(gone, "del")
                before = gone
            else:
                assert new is not None
                before = tr_of(new_rows, new)
                self.row(before, "ins")

    def cells(self, old_tr: etree._Element, new_tr: etree._Element) -> None:
        for old_tc, new_tc in zip(old_tr.findall(TC), new_tr.findall(TC)):
            self.cell(old_tc, new_tc)

    def cell(self, old_tc: etree._Element, new_tc: etree._Element) -> None:
        """A cell that stayed: its paragraphs aligned by text, a changed one word by word."""
        olds, news = _paragraphs(old_tc), _paragraphs(new_tc)
        old_texts = [oxml.paragraph_text(p) for p in olds]
        new_texts = [oxml.paragraph_text(p) for p in news]
        if old_texts == new_texts:
            return
        anchors: list[tuple[int, int]] = []
        sm = SequenceMatcher(None, old_texts, new_texts, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag in ("equal", "replace"):
                anchors += zip(range(i1, i2), range(j1, j2))
        self.w.container(Container(("data",), old_tc), Container(("data",), new_tc),
                         anchors, compare=True)

    def row(self, tr: etree._Element, kind: str) -> None:
        """Track ``tr`` as inserted or deleted (``kind``: ``ins`` or ``del``), and its text.
        The last paragraph mark of each cell goes with the row."""
        rev = self.w.rev
        for tc in tr.findall(TC):
            paragraphs = _paragraphs(tc)
            for k, p in enumerate(paragraphs):
                if any(child.tag == oxml.R for child in p):
                    oxml.wrap_runs(p, rev.element(kind), deleted=kind == "del")
                self.w.track(p, "row", kind if k < len(paragraphs) - 1 else None)
        oxml.track_row(tr, rev.element(kind))

    def whole(self, tbl: etree._Element, kind: str) -> None:
        for tr in _rows(tbl):
            self.row(tr, kind)
