"""Weave the old version into the new rendered document as tracked changes.

The new document is kept as rendered; the old one supplies what was removed. Container by
container (body, table cells, page headers) the old and the new paragraphs are merged in
reading order: paragraphs that stayed are *anchors* (a unit linked by the plan diff, or
template furniture such as rules and fixed words, matched by style and text); an old
paragraph without an anchor is copied in as deleted (or moved away), a new one is marked
inserted (or moved here), and an anchor whose text changed gets a word-level comparison.

Paragraph marks need care: a paragraph mark can only be deleted or inserted if a
paragraph follows it in the same container, so at the end of a cell, before a table or at
the end of a page header the tracking shifts to the mark before (what Word itself does
when a paragraph is typed or deleted at the end), and the paragraph that survives takes
the formatting of the one it replaces, with the old formatting recorded as a change.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from vanban.diff.align import Alignment
from vanban.diff.sequence import lis
from vanban.diff.units import Unit
from vanban.diff.words import diff_words
from vanban.redline import oxml
from vanban.redline.docmap import Container, containers, data_tables, locate, table_keys
from vanban.redline.oxml import PPR, P, Revisions
from vanban.redline.rows import TableWeaver
from vanban.redline.sections import SectionAdopter

#: Block-level elements a paragraph may be followed by without ending its run of paragraphs.
_RANGE_MARKS = {qn(f"w:{n}") for n in (
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd")}


@dataclass
class Tracked:
    """How a paragraph of the redline is tracked: ``side`` old (removed) or new (added),
    the move it belongs to, and what its paragraph mark becomes (None: untracked)."""

    side: str
    move: int | None
    mark: str | None


@dataclass
class WeaveResult:
    """What could not be shown: units the template does not print (so not located)."""

    missing: list[Unit] = field(default_factory=list)


def _look(p: etree._Element) -> tuple[str, str]:
    return oxml.style_of(p), oxml.paragraph_text(p)


class Weaver:
    def __init__(self, old_doc: Document, new_doc: Document, alignment: Alignment,
                 revisions: Revisions) -> None:
        self.old_doc, self.new_doc = old_doc, new_doc
        self.al = alignment
        self.rev = revisions
        self.old_of = alignment.old_of()
        self.old_loc = locate(alignment.old.units, old_doc)
        self.new_loc = locate(alignment.new.units, new_doc)
        self.old_unit = {loc.p: i for i, loc in self.old_loc.items()}
        self.new_unit = {loc.p: i for i, loc in self.new_loc.items()}
        self.tracked: dict[etree._Element, Tracked] = {}
        self.rewritten: set[etree._Element] = set()
        # the plan's tables as rendered, before removed rows and tables are woven in
        self.old_tables = data_tables(old_doc)
        self.new_tables = data_tables(new_doc)
        # an old paragraph of the body → what stands for it in the redline (itself kept,
        # or its deleted copy): removed tables go after what stood before them
        self.counterpart: dict[etree._Element, etree._Element] = {}
        self.table_of = self._tables_kept()
        self.sections = SectionAdopter(old_doc, new_doc)

    def _tables_kept(self) -> dict[etree._Element, etree._Element]:
        """Old table → new table, for the tables kept in place: the plan's (whatever their
        columns) and the template's that both versions print."""
        olds = dict(table_keys(self.old_doc.element.body))
        news = dict(table_keys(self.new_doc.element.body))
        self.layout_kept = {k for k in olds if k[0] == "cell" and k in news}
        out = {olds[k]: news[k] for k in self.layout_kept}
        old = {id(b): t for t, b in enumerate(self.al.old.tables())}
        new = {id(b): t for t, b in enumerate(self.al.new.tables())}
        if len(old) == len(self.old_tables) and len(new) == len(self.new_tables):
            out.update({self.old_tables[old[id(m.old)]]: self.new_tables[new[id(m.new)]]
                        for m in self.al.tables if m.in_place})
        return out

    # -- per container -------------------------------------------------------------------

    def run(self) -> WeaveResult:
        old = {c.key: c for c in containers(self.old_doc)}
        for container in containers(self.new_doc):
            # the plan's tables, and the template's that one version prints and the other
            # does not (an attached document's header), are woven row by row, below
            if container.key[0] == "body" or container.key[0] in ("hdr", "ftr") or \
                    container.key[:2] in self.layout_kept:
                self.container(old.get(container.key), container)
        TableWeaver(self).run()
        self.tails()
        self.moves()
        self.marks()
        self.separate_insertions()
        return WeaveResult(self.missing())

    def _anchors(self, olds: list, news: list) -> list[tuple[int, int]]:
        """Pairs (old index, new index) of the paragraphs that stayed, in order: linked
        units that did not move, and template furniture equal in style and text."""
        index_new = {p: j for j, p in enumerate(news)}
        pairs = []
        for i, p in enumerate(olds):
            u = self.old_unit.get(p)
            n = self.al.links.get(u) if u is not None else None
            if n is None or u in self.al.old_moves or n not in self.new_loc:
                continue
            j = index_new.get(self.new_loc[n].p)
            if j is not None:
                pairs.append((i, j))
        furniture_old = [i for i, p in enumerate(olds) if p not in self.old_unit]
        furniture_new = [j for j, p in enumerate(news) if p not in self.new_unit]
        sm = SequenceMatcher(None, [_look(olds[i]) for i in furniture_old],
                             [_look(news[j]) for j in furniture_new], autojunk=False)
        for a, b, size in sm.get_matching_blocks():
            pairs += [(furniture_old[a + k], furniture_new[b + k]) for k in range(size)]
        return lis(pairs)

    def container(self, old: Container | None, new: Container,
                  anchors: list[tuple[int, int]] | None = None, *, compare: bool = False) -> None:
        """Merge the paragraphs of ``old`` into ``new``: the ``anchors`` (old index, new
        index) stay, the others are removed or added. ``compare``: compare every anchor
        word by word (a table cell's paragraphs are not units of their own)."""
        olds = old.paragraphs() if old is not None else []
        news = new.paragraphs()
        if anchors is None:
            anchors = self._anchors(olds, news)
        body = new.key == ("body",)
        prev_i, prev_j = -1, -1
        for i, j in anchors + [(len(olds), len(news))]:
            gap_old, gap_new = olds[prev_i + 1:i], news[prev_j + 1:j]
            if gap_old:
                copies = [self.removed(p) for p in gap_old]
                if body and (after := self._after_table(gap_old[0])) is not None:
                    # the old paragraphs came after a table: they go after its new self
                    for p in reversed(copies):
                        after.addnext(p)
                else:
                    self._place(copies, new, news, prev_j)
                if body:
                    self.counterpart.update(zip(gap_old, copies))
            for p in gap_new:
                self.added(p)
            if i < len(olds):
                self.kept(olds[i], news[j], compare=compare)
                if body:
                    self.counterpart[olds[i]] = news[j]
            prev_i, prev_j = i, j

    def _after_table(self, p_old: etree._Element) -> etree._Element | None:
        """The new table standing for the table ``p_old`` follows (directly, or after
        removed tables), if it follows one of the plan's tables that has a new self."""
        el = p_old.getprevious()
        while el is not None and el.tag != P:
            if el in self.table_of:
                return self.table_of[el]
            el = el.getprevious()
        return None

    def layout_tables(self) -> tuple[list[etree._Element], list[etree._Element]]:
        """The template's tables only one version prints: (old ones, new ones)."""
        olds = [t for k, t in table_keys(self.old_doc.element.body)
                if k[0] == "cell" and k not in self.layout_kept]
        news = [t for k, t in table_keys(self.new_doc.element.body)
                if k[0] == "cell" and k not in self.layout_kept]
        return olds, news

    @staticmethod
    def _place(copies: list, container: Container, news: list, prev_j: int) -> None:
        """Put removed paragraphs after the previous anchor (before the added ones)."""
        if prev_j >= 0:
            anchor = news[prev_j]
            for p in copies:
                anchor.addnext(p)
                anchor = p
            return
        following = news[prev_j + 1] if prev_j + 1 < len(news) else None
        for p in copies:
            if following is not None:
                following.addprevious(p)
            else:
                last = container.element[-1] if len(container.element) else None
                if last is not None and last.tag == qn("w:sectPr"):
                    last.addprevious(p)
                else:
                    container.element.append(p)

    # -- one paragraph -------------------------------------------------------------------

    def track(self, p: etree._Element, side: str, mark: str | None,
              move: int | None = None) -> None:
        """Record how ``p`` is tracked (see :class:`Tracked`)."""
        self.tracked[p] = Tracked(side, move, mark)

    def removed(self, p_old: etree._Element) -> etree._Element:
        """A copy of ``p_old`` marked as deleted, or as moved away if its unit moved and
        the new place is printed too."""
        unit = self.old_unit.get(p_old)
        move = self.al.old_moves.get(unit) if unit is not None else None
        partner = self.al.links.get(unit) if unit is not None else None
        as_move = move is not None and partner is not None and partner in self.new_loc
        p = copy.deepcopy(p_old)
        self.sections.adopt(p)
        tag = "moveFrom" if as_move else "del"
        oxml.wrap_runs(p, self.rev.element(tag), deleted=not as_move)
        self.tracked[p] = Tracked("old", move, tag)
        return p

    def added(self, p: etree._Element) -> None:
        """Mark ``p`` as inserted, or as moved here."""
        unit = self.new_unit.get(p)
        move = self.al.new_moves.get(unit) if unit is not None else None
        partner = self.old_of.get(unit) if unit is not None else None
        as_move = move is not None and partner is not None and partner in self.old_loc
        tag = "moveTo" if as_move else "ins"
        oxml.wrap_runs(p, self.rev.element(tag))
        self.tracked[p] = Tracked("new", move, tag)

    def kept(self, p_old: etree._Element, p_new: etree._Element, *,
             compare: bool = False) -> None:
        """``p_old`` stayed as ``p_new``: compare their words, formatting and style."""
        if p_old not in self.old_unit and not compare:
            return  # furniture: same text by construction; computed indents may differ
        a, b = oxml.styled(p_old), oxml.styled(p_new)
        if a is None or b is None:
            if oxml.paragraph_text(p_old) != oxml.paragraph_text(p_new):
                self._replace(p_old, p_new)
            return
        if a.text != b.text or not oxml.same_formatting(a, b):
            self._rewrite(a, b, p_new)
        if oxml.style_of(p_old) != oxml.style_of(p_new):
            oxml.record_ppr_change(p_new, p_old.find(PPR), self.rev)

    def _replace(self, p_old: etree._Element, p_new: etree._Element) -> None:
        """A paragraph too rich to compare word by word: old deleted, new inserted."""
        gone = copy.deepcopy(p_old)
        oxml.wrap_runs(gone, self.rev.element("del"), deleted=True)
        self.tracked[gone] = Tracked("old", None, "del")
        p_new.addprevious(gone)
        oxml.wrap_runs(p_new, self.rev.element("ins"))
        self.tracked[p_new] = Tracked("new", None, "ins")

    def _rewrite(self, a: oxml.Styled, b: oxml.Styled, p: etree._Element) -> None:
        """Rebuild the runs of ``p`` as the word-level comparison of ``a`` and ``b``."""
        self.rewritten.add(p)
        oxml.clear_runs(p)
        for seg in diff_words(a.text, b.text):
            if seg.op == "delete":
                wrapper = self.rev.element("del")
                for text, props in a.spans(*seg.old):
                    wrapper.append(oxml.make_run(text, props, deleted=True))
                p.append(wrapper)
            elif seg.op == "insert":
                wrapper = self.rev.element("ins")
                for text, props in b.spans(*seg.new):
                    wrapper.append(oxml.make_run(text, props))
                p.append(wrapper)
            else:
                self._equal(a, b, seg.old[0], seg.new[0], seg.new[1] - seg.new[0], p)

    def _equal(self, a: oxml.Styled, b: oxml.Styled, i: int, j: int, size: int,
               p: etree._Element) -> None:
        """Unchanged text, in runs of constant (new, old) formatting; a formatting change
        is recorded on the run."""
        k = 0
        while k < size:
            end = k + 1
            while (end < size and b.props[j + end] is b.props[j + k]
                   and a.props[i + end] is a.props[i + k]):
                end += 1
            new_props, old_props = b.props[j + k], a.props[i + k]
            run = oxml.make_run(b.text[j + k:j + end], new_props)
            if not oxml.same_props(old_props, new_props):
                oxml.record_rpr_change(run, old_props, self.rev)
            p.append(run)
            k = end

    # -- paragraph marks -------------------------------------------------------------------

    def _segments(self) -> list[list[etree._Element]]:
        """Runs of consecutive paragraphs (a table or the end of a container ends one)."""
        out: list[list[etree._Element]] = []
        for container in containers(self.new_doc):
            run: list[etree._Element] = []
            for child in container.element:
                if child.tag == P:
                    run.append(child)
                elif child.tag not in _RANGE_MARKS:
                    if run:
                        out.append(run)
                    run = []
            if run:
                out.append(run)
        return out

    def tails(self) -> None:
        """Settle the tracked paragraphs that end a run of paragraphs (see the module doc)."""
        for segment in self._segments():
            tail: list[etree._Element] = []
            for p in reversed(segment):
                if p not in self.tracked or self.tracked[p].side not in ("old", "new"):
                    break
                tail.insert(0, p)
            if not tail:
                continue
            keep = segment[len(segment) - len(tail) - 1] if len(tail) < len(segment) else None
            self._tail(keep, tail)

    def _tail(self, keep: etree._Element | None, tail: list[etree._Element]) -> None:
        news = [p for p in tail if self.tracked[p].side == "new"]
        olds = [p for p in tail if self.tracked[p].side == "old"]
        if news and olds:
            # Added paragraphs first, then the removed ones. The last added paragraph has no
            # mark of its own: its text goes into the first removed paragraph, so it ends on
            # accept with the mark the removed text ends with on reject.
            for move in {self.tracked[p].move for p in tail} - {None}:
                self._downgrade(move)
            anchor = news[-1]
            for p in olds:
                anchor.addnext(p)
                anchor = p
            last_new = news.pop()
            new_ppr = copy.deepcopy(last_new.find(PPR))
            oxml.move_runs(last_new, olds[0])
            last_new.getparent().remove(last_new)
            del self.tracked[last_new]
            for p in olds[:-1]:
                self.tracked[p].mark = "del"
            self.tracked[olds[-1]].mark = None
            self._survivor(olds[-1], new_ppr)
            return
        group = news or olds
        kind = "ins" if news else "del"
        # the marks shift one paragraph up: the one before the group takes the first
        if keep is not None:
            self.tracked[keep] = Tracked("keep", None, kind)
        for p in group[:-1]:
            self.tracked[p].mark = kind
        final = group[-1]
        self.tracked[final].mark = None
        keep_ppr = copy.deepcopy(keep.find(PPR)) if keep is not None else None
        if news:
            # on reject the text before ends with this mark: record its old look
            if oxml.style_of(final) != oxml.style_in(keep_ppr):
                oxml.record_ppr_change(final, keep_ppr, self.rev)
        else:
            # on accept the text before ends with this mark: give it the look it has now
            self._survivor(final, keep_ppr)

    def _survivor(self, p: etree._Element, accepted_ppr: etree._Element | None) -> None:
        """``p``'s mark survives both ways: give it ``accepted_ppr`` and record its own
        formatting as the old one, if their styles differ."""
        own = copy.deepcopy(p.find(PPR))
        if oxml.style_in(accepted_ppr) == oxml.style_in(own):
            return
        oxml.set_ppr(p, accepted_ppr)
        oxml.record_ppr_change(p, own, self.rev)

    def _downgrade(self, move: int) -> None:
        """Show a move as a deletion and an insertion (when its ends cannot be ranges)."""
        for p, t in self.tracked.items():
            if t.move != move:
                continue
            t.move = None
            for el in p.iter(oxml.MOVE_FROM, oxml.MOVE_TO):
                if el.getparent() is not None and el.getparent().tag == qn("w:rPr"):
                    continue
                if el.tag == oxml.MOVE_FROM:
                    el.tag = oxml.DEL
                    for run in el:
                        oxml.to_deleted_text(run)
                else:
                    el.tag = oxml.INS
            if t.mark == "moveFrom":
                t.mark = "del"
            elif t.mark == "moveTo":
                t.mark = "ins"

    def moves(self) -> None:
        """Wrap each move's paragraphs in named ranges; a move with one side missing, or
        spread over several containers, is shown as deletion and insertion instead."""
        order = [p for c in containers(self.new_doc) for p in c.paragraphs()]
        where = {p: c.key for c in containers(self.new_doc) for p in c.paragraphs()}
        by_move: dict[int, dict[str, list]] = {}
        for p in order:
            t = self.tracked.get(p)
            if t is not None and t.move is not None:
                by_move.setdefault(t.move, {"old": [], "new": []})[t.side].append(p)
        for move, sides in sorted(by_move.items()):
            ends = sides["old"] + sides["new"]
            has_from = any(p.find(".//" + qn("w:moveFrom")) is not None for p in sides["old"])
            has_to = any(p.find(".//" + qn("w:moveTo")) is not None for p in sides["new"])
            if not (has_from and has_to) or len({where[p] for p in ends}) > 1:
                self._downgrade(move)
                continue
            name = f"move{move}"
            for kind, group in (("moveFrom", sides["old"]), ("moveTo", sides["new"])):
                start = self.rev.range_start(kind, name)
                oxml.insert_after_ppr(group[0], start)
                group[-1].append(Revisions.range_end(start))

    def marks(self) -> None:
        for p, t in self.tracked.items():
            if p.getparent() is None:
                continue
            oxml.track_mark(p, self.rev.element(t.mark) if t.mark else None)

    def separate_insertions(self) -> None:
        """No untracked paragraph mark between two insertions (see :mod:`.oxml`)."""
        for segment in self._segments():
            for x, y in zip(segment, segment[1:]):
                if (oxml.mark_state(x) is None and oxml.ends_with_insertion(x)
                        and oxml.starts_with_insertion(y)):
                    if not (x in self.rewritten and oxml.end_with_deletion(x, self.rev)):
                        if y in self.rewritten:
                            oxml.start_with_deletion(y, self.rev)

    def missing(self) -> list[Unit]:
        """Changed units that could not be shown because the template does not print them."""
        out = []
        old, new = self.al.old, self.al.new
        for o in range(len(old)):
            n = self.al.links.get(o)
            changed = n is None or old[o].printed != new[n].printed
            if changed and o not in self.old_loc and old[o].shown:
                out.append(old[o])
        for n in range(len(new)):
            o = self.old_of.get(n)
            changed = o is None or old[o].printed != new[n].printed
            if changed and n not in self.new_loc and new[n].shown:
                out.append(new[n])
        return out


def weave(old_doc: Document, new_doc: Document, alignment: Alignment,
          revisions: Revisions) -> WeaveResult:
    """Turn ``new_doc`` into the redline of ``old_doc`` → ``new_doc`` (in place)."""
    return Weaver(old_doc, new_doc, alignment, revisions).run()
