"""Two versions of a table, column by column and row by row.

Columns are paired by their headers (a renamed header keeps its place); rows by their
content in the paired columns, never by their number: rows equal on both sides anchor the
alignment (patience alignment, :mod:`.sequence`), the rows between two anchors are paired
when they look alike (most of their cells equal, or most of their words), and a row that
left one place and reappears, unchanged, at another is a move. Every step is linear or
bounded per row, so a thousand-row table aligns in a fraction of a second.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from vanban.diff.blocks import Block, Unit
from vanban.diff.sequence import gaps, pair_best, pair_near, patience
from vanban.diff.words import word_ratio, words

#: Two rows are the same row edited from this similarity on (share of equal cells, or of
#: words).
ROW_THRESHOLD = 0.5
#: A row that vanished here and appears there, not identical, is a move from this on.
MOVE_THRESHOLD = 0.8
MOVE_MIN_WORDS = 4
#: Gaps up to this many pairs of rows are paired exactly (every pair scored); longer ones
#: look at this many rows ahead.
EXACT_PAIRS = 400
WINDOW = 12
#: Leftover rows compared pairwise for moves that also changed, up to this many pairs.
MOVE_PAIRS = 2500


@dataclass
class TableMatch:
    """Two versions of one table: which column became which, which row which.

    ``rows`` is the merged sequence a redline shows, in the new order: (old, new) for a row
    kept in place, (old, None) for a row removed (or moved away) where it was, (None, new)
    for a row added (or moved here). ``same_shape``: the same columns under the same
    headers' layout, so rows and cells can be compared in place.
    """

    old: Block
    new: Block
    in_place: bool
    columns: dict[int, int] = field(default_factory=dict)  # old column → new column (0-based)
    same_shape: bool = True
    rows: list[tuple[Block | None, Block | None]] = field(default_factory=list)
    moved: list[tuple[Block, Block]] = field(default_factory=list)
    renumbered: list[tuple[Block, Block]] = field(default_factory=list)

    def pairs(self) -> list[tuple[Block, Block]]:
        return [(o, n) for o, n in self.rows if o is not None and n is not None]


def headers(table: Block) -> list[Unit]:
    """The header unit of each column, left to right."""
    return sorted((u for u in table.fields if u.role == "header"), key=lambda u: u.ordinal)


def _shape(table: Block) -> list[tuple]:
    return [(u.role, u.at.row if u.at else 0, u.at.cell if u.at else 0) for u in table.fields]


def pair_columns(old: list[Unit], new: list[Unit]) -> dict[int, int]:
    """Old column → new column: equal headers, then the others in their order (a header
    renamed in place)."""
    sm = SequenceMatcher(None, [u.key for u in old], [u.key for u in new], autojunk=False)
    out: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag in ("equal", "replace"):
            out.update(zip(range(i1, i2), range(j1, j2)))
    return out


class _Rows:
    """The rows of both tables, seen through the column pairing."""

    def __init__(self, old: Block, new: Block, columns: dict[int, int]) -> None:
        self.old, self.new = old.rows, new.rows
        self.columns = sorted(columns.items(), key=lambda p: p[1])
        self.old_keys = [self._key(r, [o for o, _ in self.columns]) for r in self.old]
        self.new_keys = [self._key(r, [n for _, n in self.columns]) for r in self.new]
        self._words: dict[tuple[int, int], list[str]] = {}

    @staticmethod
    def _key(row: Block, columns: list[int]) -> str:
        if row.head.role == "group":
            return "\x00" + row.head.key
        cells = row.cells
        return "\x1f".join(cells[c].key if c < len(cells) else "" for c in columns)

    def words(self, side: int, k: int) -> list[str]:
        if (side, k) not in self._words:
            key = (self.old_keys if side == 0 else self.new_keys)[k]
            self._words[(side, k)] = words(key.replace("\x1f", " "))
        return self._words[(side, k)]

    def score(self, i: int, j: int, at_least: float = ROW_THRESHOLD) -> float:
        a, b = self.old[i], self.new[j]
        if (a.head.role == "group") != (b.head.role == "group"):
            return 0.0
        if a.head.role != "group" and self.columns:
            ca, cb = a.cells, b.cells
            equal = sum(1 for o, n in self.columns if ca[o].key == cb[n].key)
            # a row's number is its label, not its content: only the other cells count
            counted = sum(1 for o, n in self.columns if ca[o].key or cb[n].key)
            if counted and equal - (len(self.columns) - counted) >= at_least * counted:
                return max(at_least, (equal - (len(self.columns) - counted)) / counted)
        return word_ratio(self.words(0, i), self.words(1, j), at_least)


def match_table(old: Block, new: Block, in_place: bool = True) -> TableMatch:
    """Pair the columns and rows of two versions of a table (see the module's doc)."""
    columns = pair_columns(headers(old), headers(new))
    result = TableMatch(old, new, in_place, columns)
    result.same_shape = (_shape(old) == _shape(new) and len(columns) == len(headers(old))
                         and all(o == n for o, n in columns.items()))
    rows = _Rows(old, new, columns)
    pairs = patience(rows.old_keys, rows.new_keys)
    for i1, i2, j1, j2 in gaps(pairs, len(rows.old), len(rows.new)):
        n, m = i2 - i1, j2 - j1
        def score(i: int, j: int) -> float:
            return rows.score(i1 + i, j1 + j)
        found = pair_best(n, m, score) if n * m <= EXACT_PAIRS else pair_near(n, m, score, WINDOW)
        pairs += [(i1 + i, j1 + j) for i, j in found]
    pairs.sort()
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    left_old = [i for i in range(len(rows.old)) if i not in paired_old]
    left_new = [j for j in range(len(rows.new)) if j not in paired_new]
    moved = _moves(rows, left_old, left_new)
    result.moved = [(rows.old[i], rows.new[j]) for i, j in moved]
    result.rows = _merge(rows.old, rows.new, pairs)
    result.renumbered = [(o, n) for o, n in result.pairs() if o.head.label != n.head.label]
    return result


def _moves(rows: _Rows, left_old: list[int], left_new: list[int]) -> list[tuple[int, int]]:
    """Rows that left one place and arrived at another: identical ones first, then, among
    few leftovers, alike ones (in order of likeness)."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for j in left_new:
        waiting[rows.new_keys[j]].append(j)
    out: list[tuple[int, int]] = []
    rest_old = []
    for i in left_old:
        if waiting.get(rows.old_keys[i]):
            out.append((i, waiting[rows.old_keys[i]].pop(0)))
        else:
            rest_old.append(i)
    taken = {j for _, j in out}
    rest_new = [j for j in left_new if j not in taken]
    if len(rest_old) * len(rest_new) > MOVE_PAIRS:
        return out
    candidates = []
    for i in rest_old:
        if len(rows.words(0, i)) < MOVE_MIN_WORDS:
            continue
        for j in rest_new:
            if len(rows.words(1, j)) < MOVE_MIN_WORDS:
                continue
            sim = rows.score(i, j, MOVE_THRESHOLD)
            if sim:
                candidates.append((-sim, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _sim, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            out.append((i, j))
    return out


def _merge(old: list[Block], new: list[Block],
           pairs: list[tuple[int, int]]) -> list[tuple[Block | None, Block | None]]:
    """The rows in the new order, removed ones where they were (before the added ones of
    the same gap)."""
    out: list[tuple[Block | None, Block | None]] = []
    prev_i, prev_j = -1, -1
    for i, j in [*pairs, (len(old), len(new))]:
        out += [(old[k], None) for k in range(prev_i + 1, i)]
        out += [(None, new[k]) for k in range(prev_j + 1, j)]
        if i < len(old):
            out.append((old[i], new[j]))
        prev_i, prev_j = i, j
    return out
