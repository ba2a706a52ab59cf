"""What changed between two plans, as a reviewer reads it: one :class:`Change` per unit.

A unit of change is what a drafter changed in one go: a reworded paragraph or header field,
a whole section or item added or removed (with everything it contains), a block moved, a
node whose number changed although its text did not. The changes come in the order of the
new document, removed ones where they used to be.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields

from vanban.diff.align import Alignment, align
from vanban.diff.units import Block, Unit, plan_units
from vanban.diff.words import Segment, diff_words
from vanban.plan.model import Layout, Plan


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
    line (a layout change gives the setting's values instead)."""

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


def _printed(block: Block) -> tuple[str, ...]:
    return tuple(u.printed for u in block.units())


def _block_change(kind: ChangeKind, block: Block, position: tuple[float, int]) -> Change:
    head = block.head
    path = head.path if kind is ChangeKind.REMOVED else ""
    new_path = head.path if kind is ChangeKind.ADDED else ""
    lines = _printed(block)
    return Change(
        kind, head.part, head.role, old_path=path, new_path=new_path, ordinal=head.ordinal,
        old=head.core if kind is ChangeKind.REMOVED else "", new=head.core if kind is ChangeKind.ADDED else "",
        old_lines=lines if kind is ChangeKind.REMOVED else (),
        new_lines=lines if kind is ChangeKind.ADDED else (), position=position)


class _Positions:
    """Where in the new document an old unit would be: just after what preceded it."""

    def __init__(self, alignment: Alignment) -> None:
        self.links = alignment.links

    def of_old(self, unit: Unit) -> tuple[float, int]:
        before = [n for o, n in self.links.items() if o < unit.index]
        return (max(before) + 0.5 if before else -0.5, unit.index)

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


def changes_of(alignment: Alignment, old_plan: Plan, new_plan: Plan) -> list[Change]:
    old, new = alignment.old, alignment.new
    where = _Positions(alignment)
    out: list[Change] = []
    for move in alignment.moves:
        units_old, units_new = move.old.units(), move.new.units()
        linked = {alignment.links.get(u.index) for u in units_old}
        reworded = (len(units_old) != len(units_new)
                    or any(old[o].core != new[n].core for o, n in alignment.links.items()
                           if o in {u.index for u in units_old})
                    or any(u.index not in linked for u in units_new))
        head_old, head_new = move.old.head, move.new.head
        out.append(Change(
            ChangeKind.MOVED, head_new.part, head_new.role, old_path=head_old.path,
            new_path=head_new.path, ordinal=head_new.ordinal, old_ordinal=head_old.ordinal,
            old=head_old.core,
            new=head_new.core, old_lines=_printed(move.old), new_lines=_printed(move.new),
            reworded=reworded, position=where.of_new(head_new)))
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
                new_lines=(b.printed,), position=where.of_new(b)))
        elif a.emphasis != b.emphasis:
            out.append(Change(
                ChangeKind.REFORMATTED, b.part, b.role, old_path=a.path, new_path=b.path,
                ordinal=b.ordinal, old=a.emphasis, new=b.emphasis, old_lines=(a.printed,),
                new_lines=(b.printed,), position=where.of_new(b)))
    for a_block, b_block in alignment.matched:
        a, b = a_block.head, b_block.head
        if a.label != b.label:  # a number changed, or a paragraph became an item
            out.append(Change(
                ChangeKind.RENUMBERED, b.part, b.role, old_path=a.path, new_path=b.path,
                old=a.label, new=b.label, old_lines=(a.printed,), new_lines=(b.printed,),
                position=(where.of_new(b)[0], 1)))
    out += _layout_changes(old_plan.layout, new_plan.layout, (float(len(new)), 0))
    out.sort(key=lambda c: c.position)
    return out


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Compare two versions of a plan: see :class:`PlanDiff`."""
    alignment = align(plan_units(old), plan_units(new))
    return PlanDiff(old, new, alignment, changes_of(alignment, old, new))



