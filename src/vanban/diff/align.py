"""Align two plans unit by unit: which old paragraph became which new one.

The body is aligned as a tree, level by level: sibling blocks are first matched when their
whole content is the same (whatever their numbers), then, in the gaps, by how alike their
heading or their content is. Matched nodes are aligned inside in turn. What is left over on
both sides is searched for moves: a block that disappeared in one place and reappears,
alike, somewhere else. Header fields are paired by what they are; lists (legal bases,
recipients, issuer lines …) are aligned like siblings.

Numbers never take part: labels are computed from the structure, so an inserted section
renumbers everything after it, and the alignment must not take that for rewording.

Tables are aligned column by column and row by row (:mod:`.rows`); the appendices as a
list of parts, each matched one inside like a node (its label, title, “Kèm theo” line and
content); the document a decision issues with its counterpart, its appendices among
themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from vanban.diff.blocks import COLUMN, PARAGRAPH, TABLE, Block, PlanUnits, Unit
from vanban.diff.rows import TableMatch, headers, match_table
from vanban.diff.sequence import gaps, myers, pair_best, similar_pairs
from vanban.diff.words import bag_similarity, word_ratio

#: Single fields: paired whenever both plans print them.
SINGLE_PARTS = ("draft", "number", "subject", "circulation", "dateline", "doctype", "title",
                "authority", "addressee_label", "decides", "archive", "drafter", "signer")
#: Lists of lines, aligned like siblings; a line may move within its list.
LIST_PARTS = ("superior", "issuer", "stamp", "addressee", "basis", "recipient", "signature",
              "other_title", "note")

#: Two sibling blocks are the same block reworded from this similarity on.
PAIR_THRESHOLD = 0.5
#: A block that vanished here and appears there is a move from this similarity on.
MOVE_THRESHOLD = 0.8
#: Shorter blocks only count as moved when they are identical.
MOVE_MIN_WORDS = 4


@dataclass
class Move:
    """A block (or a list line) moved from ``old`` to ``new``; ``id`` counts from 1."""

    id: int
    old: Block
    new: Block


@dataclass
class Alignment:
    """The result: unit links and the block-level events the reports are made of."""

    old: PlanUnits
    new: PlanUnits
    links: dict[int, int] = field(default_factory=dict)  # old unit index → new unit index
    old_moves: dict[int, int] = field(default_factory=dict)  # old unit index → move id
    new_moves: dict[int, int] = field(default_factory=dict)
    moves: list[Move] = field(default_factory=list)
    removed: list[Block] = field(default_factory=list)  # old blocks with no counterpart
    added: list[Block] = field(default_factory=list)  # new blocks with no counterpart
    matched: list[tuple[Block, Block]] = field(default_factory=list)  # blocks kept in place
    tables: list[TableMatch] = field(default_factory=list)  # every pair of tables

    def old_of(self) -> dict[int, int]:
        """New unit index → old unit index."""
        return {n: o for o, n in self.links.items()}


def _leaf(unit: Unit) -> Block:
    return Block(unit, PARAGRAPH)


def _score(old: Block, new: Block) -> float:
    """How much ``old`` and ``new`` look like the same block, 0 when they cannot be."""
    if old.kind != new.kind:
        return 0.0
    if old.kind == TABLE:  # a caption may be missing on both sides: the words decide
        return bag_similarity(old.bag, new.bag, PAIR_THRESHOLD)
    head = word_ratio(old.head_words, new.head_words, PAIR_THRESHOLD)
    if not (old.children or new.children or old.fields or new.fields):
        return head
    # a whole block's words as a multiset: linear, where a word-sequence ratio of two
    # sections costs with the square of their length
    return max(head, bag_similarity(old.bag, new.bag, PAIR_THRESHOLD))


def pair_similar(old: list[Block], new: list[Block]) -> list[tuple[int, int]]:
    """The order-keeping pairing of ``old`` with ``new`` of highest total score."""
    return pair_best(len(old), len(new), lambda i, j: _score(old[i], new[j]))


#: Above this many pairs of siblings, align with Myers' algorithm: SequenceMatcher rescans
#: every occurrence of a key repeated many times (a long plan whose sections recur).
LONG_SIBLINGS = 40_000


def _opcodes(a: list[Any], b: list[Any]) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher.get_opcodes`` for ``a`` and ``b`` (equal runs and the gaps between
    them); from a longest common subsequence by :func:`myers` when the lists are long."""
    if len(a) * len(b) <= LONG_SIBLINGS:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[tuple[str, int, int, int, int]] = []
    pairs = myers(a, b)
    k = 0
    for i1, i2, j1, j2 in gaps(pairs, len(a), len(b)):
        start = k
        while k < len(pairs) and pairs[k][0] < i1:
            k += 1
        if k > start:  # the equal run before this gap
            out.append(("equal", pairs[start][0], pairs[k - 1][0] + 1,
                        pairs[start][1], pairs[k - 1][1] + 1))
        tag = "replace" if i2 > i1 and j2 > j1 else "delete" if i2 > i1 else "insert"
        out.append((tag, i1, i2, j1, j2))
    if k < len(pairs):
        out.append(("equal", pairs[k][0], pairs[-1][0] + 1, pairs[k][1], pairs[-1][1] + 1))
    return out


class _Aligner:
    def __init__(self, old: PlanUnits, new: PlanUnits) -> None:
        self.result = Alignment(old, new)
        # unmatched children of matched blocks, collected for the search for moves
        self.pending_old: list[Block] = []
        self.pending_new: list[Block] = []

    def link(self, old: Unit, new: Unit) -> None:
        self.result.links[old.index] = new.index

    # -- siblings ------------------------------------------------------------------------

    def siblings(self, old: list[Block], new: list[Block], *,
                 in_place: bool = True) -> tuple[list[Block], list[Block]]:
        """Align sibling blocks; return the unmatched ones of each side."""
        left_old: list[Block] = []
        left_new: list[Block] = []
        for tag, i1, i2, j1, j2 in _opcodes([b.text_key for b in old],
                                            [b.text_key for b in new]):
            if tag == "equal":
                for k in range(i2 - i1):
                    self.match(old[i1 + k], new[j1 + k], in_place=in_place)
                continue
            gap_old, gap_new = old[i1:i2], new[j1:j2]
            pairs = pair_similar(gap_old, gap_new)
            for i, j in pairs:
                self.match(gap_old[i], gap_new[j], in_place=in_place)
            taken_old, taken_new = {i for i, _ in pairs}, {j for _, j in pairs}
            left_old += [b for k, b in enumerate(gap_old) if k not in taken_old]
            left_new += [b for k, b in enumerate(gap_new) if k not in taken_new]
        return left_old, left_new

    def match(self, old: Block, new: Block, *, in_place: bool = True) -> None:
        """``old`` became ``new``: link their units, align what they contain."""
        self.link(old.head, new.head)
        if in_place:
            self.result.matched.append((old, new))
        if old.kind == TABLE:
            self.table(old, new, in_place)
            return
        # task lines, a part's title and “Kèm theo” line: paired by what they are
        old_fields = {u.role: u for u in old.fields}
        new_fields = {u.role: u for u in new.fields}
        for role, unit in old_fields.items():
            if role in new_fields:
                self.link(unit, new_fields[role])
            else:
                self.result.removed.append(_leaf(unit))
        self.result.added += [_leaf(u) for r, u in new_fields.items() if r not in old_fields]
        left_old, left_new = self.siblings(old.children, new.children, in_place=in_place)
        self.pending_old += left_old
        self.pending_new += left_new
        if old.parts or new.parts:
            self.parts(old.parts, new.parts)

    def table(self, old: Block, new: Block, in_place: bool) -> None:
        """Two versions of a table: headers by column, rows by content (:mod:`.rows`)."""
        found = match_table(old, new, in_place)
        self.result.tables.append(found)
        old_heads, new_heads = headers(old), headers(new)
        for o, n in found.columns.items():
            self.link(old_heads[o], new_heads[n])
        groups = (
            [u for u in old.fields if u.role == "group-header"],
            [u for u in new.fields if u.role == "group-header"])
        sm = SequenceMatcher(None, [u.key for u in groups[0]], [u.key for u in groups[1]],
                             autojunk=False)
        linked_groups: set[int] = set()
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag in ("equal", "replace"):
                for a, b in zip(groups[0][i1:i2], groups[1][j1:j2]):
                    self.link(a, b)
                    linked_groups.add(b.index)
        self.result.removed += [_leaf(u) for u in groups[0]
                                if u.index not in self.result.links]
        self.result.added += [_leaf(u) for u in groups[1] if u.index not in linked_groups]

        def link_cells(o: Block, n: Block) -> None:
            if o.head.role == "group":
                self.link(o.head, n.head)
                return
            for a, b in found.columns.items():
                self.link(o.cells[a], n.cells[b])

        for o, n in found.pairs():
            link_cells(o, n)
        for number, (o, n) in enumerate(found.moved, start=len(self.result.moves) + 1):
            link_cells(o, n)
            self.result.moves.append(Move(number, o, n))
            for unit in o.units():
                self.result.old_moves[unit.index] = number
            for unit in n.units():
                self.result.new_moves[unit.index] = number
        moved_old = {id(o) for o, _ in found.moved}
        moved_new = {id(n) for _, n in found.moved}
        self.result.removed += [o for o, n in found.rows if n is None and id(o) not in moved_old]
        self.result.added += [n for o, n in found.rows if o is None and id(n) not in moved_new]
        # a column added or removed: one change, with its cells in the rows that stayed
        kept = found.pairs() + found.moved
        mapped_old, mapped_new = set(found.columns), set(found.columns.values())
        for c, unit in enumerate(old_heads):
            if c not in mapped_old:
                self.result.removed.append(Block(unit, COLUMN, children=[
                    _leaf(o.cells[c]) for o, _ in kept if o.head.role != "group"]))
        for c, unit in enumerate(new_heads):
            if c not in mapped_new:
                self.result.added.append(Block(unit, COLUMN, children=[
                    _leaf(n.cells[c]) for _, n in kept if n.head.role != "group"]))

    def parts(self, old: list[Block], new: list[Block]) -> None:
        """Appendices: matched like siblings; an appendix left over is removed or added
        whole (what it holds goes with it)."""
        left_old, left_new = self.siblings(old, new)
        self.result.removed += left_old
        self.result.added += left_new

    # -- moves ---------------------------------------------------------------------------

    def moves(self, old: list[Block], new: list[Block], *, exact: bool) -> None:
        """Pair blocks that left one place with blocks that arrived in another."""
        parents_old = _parents(old)
        parents_new = _parents(new)
        olds = [b for top in old for b in top.walk()]
        news = [b for top in new for b in top.walk()]
        candidates = []
        # only pairs that can be alike are compared: the same text (found by key), or words
        # enough in common (found through an index of their rarest words)
        same: dict[tuple[str, str], list[int]] = {}
        for j, n in enumerate(news):
            same.setdefault((n.kind, n.text_key), []).append(j)
        for i, o in enumerate(olds):
            for j in same.get((o.kind, o.text_key), ()):
                candidates.append((False, -len(o.units()), -1.0, o.head.index,
                                   news[j].head.index, i, j))
        if not exact:
            wordy = [[k for k, b in enumerate(blocks) if len(b.all_words) >= MOVE_MIN_WORDS]
                     for blocks in (olds, news)]
            for i, j in similar_pairs([olds[k].all_words for k in wordy[0]],
                                      [news[k].all_words for k in wordy[1]], MOVE_THRESHOLD):
                i, j = wordy[0][i], wordy[1][j]
                o, n = olds[i], news[j]
                if o.kind != n.kind or o.text_key == n.text_key:
                    continue
                sim = word_ratio(o.all_words, n.all_words, MOVE_THRESHOLD)
                if sim:
                    candidates.append((sim < 1.0, -len(o.units()), -sim, o.head.index,
                                       n.head.index, i, j))
        candidates.sort()  # ties in the order of the blocks, old first
        candidates = [(*c[:5], olds[c[5]], news[c[6]]) for c in candidates]
        used_old: set[int] = set()
        used_new: set[int] = set()
        chosen: list[tuple[Block, Block]] = []
        for *_, o, n in candidates:
            if id(o) in used_old or id(n) in used_new:
                continue
            for block, used, parents in ((o, used_old, parents_old), (n, used_new, parents_new)):
                used.update(id(b) for b in block.walk())
                up = parents.get(id(block))
                while up is not None:
                    used.add(id(up))
                    up = parents.get(id(up))
            chosen.append((o, n))
        moved_old = {id(b) for o, _ in chosen for b in o.walk()}
        moved_new = {id(b) for _, n in chosen for b in n.walk()}
        for o, n in sorted(chosen, key=lambda pair: pair[1].head.index):
            move = Move(len(self.result.moves) + 1, o, n)
            self.result.moves.append(move)
            self.pending_old, self.pending_new = [], []
            self.match(o, n, in_place=False)
            # what the moved block gained or lost travels with it
            self.result.removed += self.pending_old
            self.result.added += self.pending_new
            for unit in o.units():
                self.result.old_moves[unit.index] = move.id
            for unit in n.units():
                self.result.new_moves[unit.index] = move.id
        self.result.removed += _outside(old, moved_old)
        self.result.added += _outside(new, moved_new)

    # -- the whole plan ------------------------------------------------------------------

    def run(self) -> Alignment:
        old, new = self.result.old, self.result.new
        for part in SINGLE_PARTS:
            o = [u for u in old if u.part == part]
            n = [u for u in new if u.part == part]
            if o and n:
                self.link(o[0], n[0])
            elif o:
                self.result.removed.append(_leaf(o[0]))
            elif n:
                self.result.added.append(_leaf(n[0]))
        for part in LIST_PARTS:
            self.pending_old, self.pending_new = [], []
            o = [_leaf(u) for u in old if u.part == part]
            n = [_leaf(u) for u in new if u.part == part]
            left_old, left_new = self.siblings(o, n)
            self.moves(left_old, left_new, exact=True)
        self.pending_old, self.pending_new = [], []
        left_old, left_new = self.siblings(old.body, new.body)
        self.parts(old.appendices, new.appendices)
        if old.attachment is not None and new.attachment is not None:
            self.match(old.attachment, new.attachment)
        elif old.attachment is not None:
            self.result.removed.append(old.attachment)
        elif new.attachment is not None:
            self.result.added.append(new.attachment)
        self.moves(left_old + self.pending_old, left_new + self.pending_new, exact=False)
        return self.result


def _parents(tops: list[Block]) -> dict[int, Block]:
    out: dict[int, Block] = {}
    for top in tops:
        for block in top.walk():
            for child in block.children:
                out[id(child)] = block
    return out


def _outside(tops: list[Block], moved: set[int]) -> list[Block]:
    """The blocks of ``tops`` that are not moved, largest first: a removed node whose
    child moved away is reported without that child."""
    out: list[Block] = []
    for top in tops:
        if id(top) in moved:
            continue
        if not any(id(b) in moved for b in top.walk()):
            out.append(top)
            continue
        out.append(Block(top.head, top.kind, top.depth, [], top.fields, top.rows))
        out += _outside(top.children, moved)
    return out


def align(old: PlanUnits, new: PlanUnits) -> Alignment:
    """Align ``old`` with ``new``: see the module's docstring."""
    result = _Aligner(old, new).run()
    old.forget()
    new.forget()
    return result
