"""What changed between two plans, as a reviewer reads it: one :class:`Change` per unit.

A unit of change is what a drafter changed in one go: a reworded paragraph, header field or
table cell, a whole section, item, table row, column, table or appendix added or removed
(with everything it contains), a block or a row moved, a node or an appendix whose number
changed although its text did not. Rows renumbered by an insertion are one change per run
of rows. The changes come in the order of the new document, removed ones where they used to
be.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from dataclasses import dataclass, field, fields

from vanban.diff.align import Alignment, align
from vanban.diff.blocks import APPENDIX, ATTACHMENT, COLUMN, ROW, TABLE, Block, Unit
from vanban.diff.units import plan_units
from vanban.diff.words import Segment, diff_words
from vanban.plan.model import Layout, Plan

#: Between the cells of a row shown on one line.
CELL_SEPARATOR = " | "


class ChangeKind(str, enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    REWORDED = "reworded"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    REFORMATTED = "reformatted"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Change:
    """One change. ``part``/``role`` say what it is about (see :class:`~.units.Unit`);
    paths are numbering paths (``II.3.b``) on each side, empty outside the body; lines
    are the printed paragraphs involved; ``old``/``new`` the drafter's text of its first
    line (a layout change gives the setting's values instead). ``block`` says what was
    added, removed or moved when it is more than a paragraph (``row``, ``column``,
    ``table``, ``appendix``, ``attachment``); ``old_unit``/``new_unit`` are the units the
    change is about on each side (where it is: scope, table, row, column)."""

    kind: ChangeKind
    part: str
    role: str = ""
    old_path: str = ""
    new_path: str = ""
    ordinal: int = 0
    old_ordinal: int = 0
    old: str = ""
    new: str = ""
    old_lines: tuple[str, ...] = ()
    new_lines: tuple[str, ...] = ()
    reworded: bool = False  # a moved block whose content changed too
    block: str = ""
    old_unit: Unit | None = field(default=None, compare=False, repr=False)
    new_unit: Unit | None = field(default=None, compare=False, repr=False)
    position: tuple[float, int] = field(default=(0.0, 0), compare=False, repr=False)

    @property
    def words(self) -> list[Segment]:
        """Word-level comparison of ``old`` and ``new`` (a rewording)."""
        return diff_words(self.old, self.new)

    @property
    def label(self) -> str:
        """``II.3.b``, or ``II.3 → III.1`` when the number changed."""
        if self.old_path and self.new_path and self.old_path != self.new_path:
            return f"{self.old_path} → {self.new_path}"
        return self.new_path or self.old_path


@dataclass
class PlanDiff:
    """Two plans compared: the alignment (for the redline) and the changes (for people)."""

    old: Plan
    new: Plan
    alignment: Alignment
    changes: list[Change]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind is kind)


def row_text(row: Block) -> str:
    """A row on one line: ``3 | Nhiệm vụ … | Sở Tài chính``."""
    return CELL_SEPARATOR.join(u.printed for u in row.cells)


def _lines(block: Block) -> tuple[str, ...]:
    """The printed lines of a block; a row is one line, a table one line per row."""
    if block.kind == ROW:
        return (row_text(block),)
    out = [u.printed for u in [block.head, *block.fields] if u.shown]
    if block.kind == TABLE:
        return (*out, *(row_text(r) for r in block.rows))
    for child in block.children:
        out += _lines(child)
    for part in block.parts:
        out += _lines(part)
    return tuple(out)


def _text(block: Block) -> str:
    """What an added, removed or moved block says, in one line: a row's cells, a table's
    caption or headers, an appendix's or an attached document's title."""
    if block.kind == ROW:
        return row_text(block)
    if block.kind == TABLE:
        return block.head.core or CELL_SEPARATOR.join(u.printed for u in block.fields)
    if block.kind in (APPENDIX, ATTACHMENT):
        return block.fields[0].core
    return block.head.core


def _block_change(kind: ChangeKind, block: Block, position: tuple[float, int]) -> Change:
    head = block.head
    removed = kind is ChangeKind.REMOVED
    lines = _lines(block)
    text = _text(block)
    return Change(
        kind, head.part, head.role, old_path=head.path if removed else "",
        new_path="" if removed else head.path, ordinal=head.ordinal,
        old=text if removed else "", new="" if removed else text,
        old_lines=lines if removed else (), new_lines=() if removed else lines,
        block=block.kind if block.kind in (ROW, COLUMN, TABLE, APPENDIX, ATTACHMENT) else "",
        old_unit=head if removed else None, new_unit=None if removed else head,
        position=position)


class _Positions:
    """Where in the new document an old unit would be: just after what preceded it."""

    def __init__(self, alignment: Alignment) -> None:
        # the highest new index linked from an old unit before each old index
        self.olds = sorted(alignment.links)
        self.best: list[int] = []
        top = -1
        for o in self.olds:
            top = max(top, alignment.links[o])
            self.best.append(top)

    def of_old(self, unit: Unit) -> tuple[float, int]:
        k = bisect_left(self.olds, unit.index)
        return (self.best[k - 1] + 0.5 if k else -0.5, unit.index)

    @staticmethod
    def of_new(unit: Unit) -> tuple[float, int]:
        return (float(unit.index), 0)


def _layout_changes(old: Layout, new: Layout, position: tuple[float, int]) -> list[Change]:
    out = []
    for f in fields(Layout):
        if f.name == "marks":
            continue
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a != b:
            out.append(Change(ChangeKind.REWORDED, "layout", f.name, old=f"{a:g}", new=f"{b:g}",
                              position=position))
    return out


def _moved(alignment: Alignment, where: _Positions) -> list[Change]:
    old, new = alignment.old, alignment.new
    out = []
    for move in alignment.moves:
        units_old, units_new = move.old.units(), move.new.units()
        linked = [alignment.links.get(u.index) for u in units_old]
        reworded = (len(units_old) != len(units_new)
                    or any(n is None or old[u.index].core != new[n].core
                           for u, n in zip(units_old, linked))
                    or len({n for n in linked if n is not None}) != len(units_new))
        head_old, head_new = move.old.head, move.new.head
        out.append(Change(
            ChangeKind.MOVED, head_new.part, head_new.role, old_path=head_old.path,
            new_path=head_new.path, ordinal=head_new.ordinal, old_ordinal=head_old.ordinal,
            old=_text(move.old), new=_text(move.new), old_lines=_lines(move.old),
            new_lines=_lines(move.new), reworded=reworded,
            block=ROW if move.new.kind == ROW else "", old_unit=head_old, new_unit=head_new,
            position=where.of_new(head_new)))
    return out


def _renumbered_rows(alignment: Alignment, where: _Positions) -> list[Change]:
    """Rows whose number changed (an STT shifted by an insertion): one change per run of
    consecutive rows; a group row's number (``II.`` → ``III.``) on its own."""
    out = []
    for table in alignment.tables:
        if not table.in_place:
            continue
        renumbered = {id(n) for _, n in table.renumbered}
        run: list[tuple[Block, Block]] = []

        def close() -> None:
            if not run:
                return
            (o1, n1), (o2, n2) = run[0], run[-1]
            span = (lambda a, b: a if a == b else f"{a}–{b}")
            out.append(Change(
                ChangeKind.RENUMBERED, "body", "rows", old_path=n1.head.path,
                new_path=n1.head.path, ordinal=len(run), old=span(o1.head.label, o2.head.label),
                new=span(n1.head.label, n2.head.label), old_lines=(row_text(o1),),
                new_lines=(row_text(n1),), block=ROW, old_unit=o1.head, new_unit=n1.head,
                position=(where.of_new(n1.head)[0], 1)))
            run.clear()

        for o, n in table.rows:
            if o is None or n is None or id(n) not in renumbered:
                close()
            elif n.head.role == "group":
                close()
                out.append(Change(
                    ChangeKind.RENUMBERED, "body", "group", old_path=n.head.path,
                    new_path=n.head.path, old=o.head.label, new=n.head.label,
                    old_lines=(o.head.printed,), new_lines=(n.head.printed,), block=ROW,
                    old_unit=o.head, new_unit=n.head, position=(where.of_new(n.head)[0], 1)))
            else:
                run.append((o, n))
        close()
    return out


def changes_of(alignment: Alignment, old_plan: Plan, new_plan: Plan) -> list[Change]:
    old, new = alignment.old, alignment.new
    where = _Positions(alignment)
    out = _moved(alignment, where)
    for block in alignment.removed:
        out.append(_block_change(ChangeKind.REMOVED, block, where.of_old(block.head)))
    for block in alignment.added:
        out.append(_block_change(ChangeKind.ADDED, block, where.of_new(block.head)))
    for o, n in alignment.links.items():
        a, b = old[o], new[n]
        if a.core != b.core:
            out.append(Change(
                ChangeKind.REWORDED, b.part, b.role, old_path=a.path, new_path=b.path,
                ordinal=b.ordinal, old=a.core, new=b.core, old_lines=(a.printed,),
                new_lines=(b.printed,), old_unit=a, new_unit=b, position=where.of_new(b)))
        elif a.emphasis != b.emphasis:
            out.append(Change(
                ChangeKind.REFORMATTED, b.part, b.role, old_path=a.path, new_path=b.path,
                ordinal=b.ordinal, old=a.emphasis, new=b.emphasis, old_lines=(a.printed,),
                new_lines=(b.printed,), old_unit=a, new_unit=b, position=where.of_new(b)))
    for a_block, b_block in alignment.matched:
        a, b = a_block.head, b_block.head
        if a.label != b.label:  # a number changed, or a paragraph became an item
            out.append(Change(
                ChangeKind.RENUMBERED, b.part, b.role, old_path=a.path, new_path=b.path,
                old=a.label, new=b.label, old_lines=(a.printed,), new_lines=(b.printed,),
                old_unit=a, new_unit=b, position=(where.of_new(b)[0], 1)))
    out += _renumbered_rows(alignment, where)
    out += _layout_changes(old_plan.layout, new_plan.layout, (float(len(new)), 0))
    out.sort(key=lambda c: c.position)
    return out


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Compare two versions of a plan: see :class:`PlanDiff`."""
    alignment = align(plan_units(old), plan_units(new))
    return PlanDiff(old, new, alignment, changes_of(alignment, old, new))
