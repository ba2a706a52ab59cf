"""The units of a printed plan and the blocks they form: the data the diff aligns.

See :mod:`.units`, which reads them from a plan, for what they mean.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from vanban.diff.words import words

#: Task lines in the order the renderer prints them (``context.task_lines``).
TASK_ROLES = ("lead", "support", "deadline", "timeframe", "product")
#: Between the parts of a place: ``Phụ lục I › II.3``, ``Phụ lục I › row 3 › Sản phẩm``.
SCOPE_SEPARATOR = " › "

def normalise(text: str) -> str:
    """Comparison key: case and spacing do not make two lines different units."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class CellAt:
    """Where a table unit is printed: cell ``cell`` of row ``row`` of the ``table``-th data
    table of the document (all counted from 0, in print order; header rows included)."""

    table: int
    row: int
    cell: int


@dataclass(frozen=True)
class Unit:
    """One printed paragraph of a plan, or one cell of a table.

    ``part`` says what it is (``number``, ``dateline``, ``body``, ``recipient``,
    ``appendix``, ``attachment`` …); body units also have a ``role`` (``heading`` of a node,
    ``paragraph``, ``opening``, ``closing``, a task line: ``lead``, ``support``,
    ``deadline``, ``timeframe``, ``product``; ``caption``, ``table`` of a table without
    caption, ``header``, ``group-header``, ``cell``, ``group`` of a table), the numbering
    ``path`` of their node (``II.3.b``) and an ``ordinal`` (the n-th paragraph of its
    parent, the n-th recipient, a cell's column). Table units also say which ``row``
    (its STT, else its place) and which ``column`` (the header) they are in, and ``at``
    where the renderer printed them.
    """

    index: int
    part: str
    text: str
    core: str
    label: str = ""
    role: str = ""
    path: str = ""
    ordinal: int = 0
    emphasis: str = ""  # "b", "i", "bi": bold or italic asked for by the plan
    scope: str = ""
    table: int = 0  # the n-th table of its content, when there are several (else 0)
    row: str = ""
    column: str = ""
    at: CellAt | None = None
    shown: bool = True  # False: a table without caption, which prints no line of its own

    @property
    def printed(self) -> str:
        if self.label and self.text:
            return f"{self.label} {self.text}"
        return self.label or self.text

    @cached_property
    def key(self) -> str:
        return normalise(self.core)


#: Kinds of :class:`Block`.
NODE, PARAGRAPH, TABLE, ROW, COLUMN, APPENDIX, ATTACHMENT = (
    "node", "paragraph", "table", "row", "column", "appendix", "attachment")


@dataclass
class Block:
    """A block of printed units, aligned as a whole.

    - a numbered node: its heading (``head``), task lines (``fields``), content
      (``children``);
    - a paragraph: just its ``head``;
    - a table: its caption (``head``, not shown when there is none), header cells
      (``fields``) and ``rows``;
    - a row: its first cell (``head``) and the others (``fields``);
    - an appendix or the attached document: its label or type line (``head``), title and
      “Kèm theo” line (``fields``) and content (``children``); the attached document's
      appendices are its ``parts``.
    """

    head: Unit
    kind: str
    depth: int = 0
    children: list[Block] = field(default_factory=list)
    fields: list[Unit] = field(default_factory=list)
    rows: list[Block] = field(default_factory=list)
    parts: list[Block] = field(default_factory=list)

    @property
    def is_node(self) -> bool:
        return self.kind == NODE

    @property
    def path(self) -> str:
        return self.head.path

    @property
    def cells(self) -> list[Unit]:
        """A row's cells, left to right."""
        return [self.head, *self.fields]

    def units(self) -> list[Unit]:
        """Every unit of the block in printed order."""
        out = [self.head, *self.fields]  # task lines print right under their heading
        for child in self.children:
            out += child.units()
        for row in self.rows:
            out += row.units()
        for part in self.parts:
            out += part.units()
        return out

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def forget(self) -> None:
        """Drop what the alignment cached (keys, word lists) here and below: a large
        plan's blocks repeat their content's words at every level."""
        for name in _CACHED:
            self.__dict__.pop(name, None)
        for block in (*self.children, *self.rows, *self.parts):
            block.forget()

    # the tree is complete before anything compares it, so these can be cached
    @cached_property
    def text_key(self) -> str:
        """The normalised text of the whole block: equal keys, same content."""
        return "\n".join(u.key for u in self.units())

    @cached_property
    def head_words(self) -> list[str]:
        """The words that name the block: a part's title, else its head's."""
        unit = self.fields[0] if self.kind in (APPENDIX, ATTACHMENT) else self.head
        return words(unit.key)

    @cached_property
    def all_words(self) -> list[str]:
        return words(self.text_key)

    @cached_property
    def bag(self) -> Counter[str]:
        """The block's words as a multiset (for :func:`~.words.bag_similarity`)."""
        return Counter(self.all_words)


_CACHED = ("text_key", "head_words", "all_words", "bag")


@dataclass
class PlanUnits:
    """Every printed unit of a plan in reading order, and its parts as trees: the body, the
    appendices, the attached document (with its own appendices in its ``parts``)."""

    units: list[Unit]
    body: list[Block]
    appendices: list[Block] = field(default_factory=list)
    attachment: Block | None = None

    def __iter__(self):
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, index: int) -> Unit:
        return self.units[index]

    def forget(self) -> None:
        """Drop every block's cached keys and word lists (see :meth:`Block.forget`)."""
        for block in (*self.body, *self.appendices,
                      *([self.attachment] if self.attachment is not None else [])):
            block.forget()

    def tables(self) -> list[Block]:
        """Every table block, in print order."""
        tops = [*self.body, *self.appendices]
        if self.attachment is not None:
            tops.append(self.attachment)
        out: list[Block] = []

        def visit(block: Block) -> None:
            if block.kind == TABLE:
                out.append(block)
            for child in block.children:
                visit(child)
            for part in block.parts:
                visit(part)

        for top in tops:
            visit(top)
        return out
