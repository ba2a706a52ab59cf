"""An existing document as read: its paragraphs in reading order, and — for a .docx — its
tables, sections, drawn rule lines, floating text boxes and footnotes.

The reader (:mod:`.reader` for text files, :mod:`.docx` for Word files) fills this model; the
importer and the checker's document rules only read it, so neither needs python-docx or the
XML to know what a paragraph says, how it is set, or what is drawn under it.

A unit of reading is a :class:`Para`: one line of a text file, or one line of a Word paragraph
(a paragraph is cut at its manual line breaks, Shift+Enter, so ``Nơi nhận:⏎- Như trên;`` is two
units of the same paragraph). Positions point at the Word paragraph (``¶14``) and the column
inside it, or at the line and column of a text file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from vanban.problems import Mark

Alignment = Literal["left", "center", "right", "both", "distribute"]
#: A line of dashes or underscores standing for a drawn rule in a text file.
RULE_TEXT = re.compile(r"^\s*[-_–—=]{3,}\s*$")


@dataclass(frozen=True)
class Format:
    """How a .docx paragraph and its text runs are set, as Word applies it: direct formatting,
    then the paragraph and run styles (each style resolved once per document), then the
    document's defaults."""

    size: float | None  # pt, of the first text run; None when nothing says
    bold: bool | None  # None: the text runs differ
    italic: bool | None
    caps: bool  # every text run is shown in capitals by “All caps” (w:caps)
    fonts: frozenset[str]  # Latin fonts of the text runs; a theme font as "theme:<slot>"
    hidden: bool  # every text run is hidden (w:vanish) or white (FFFFFF) — not printed
    alignment: Alignment
    left_mm: float  # left indent
    first_line_mm: float  # where the first line starts, from the left margin of the text
    #                       column: left indent + first-line indent (− hanging), plus the
    #                       advance of leading tabs (to the next tab stop)
    space_before_pt: float
    space_after_pt: float
    line_spacing: float | None  # in lines (1 = single); exact/at-least converted; None: unknown


@dataclass(frozen=True)
class CellRef:
    """Where a unit sits in a table: the table's index in :attr:`Document.tables`, the row
    and grid column of its cell (0-based), and how deep the table is nested (0: in the body)."""

    table: int
    row: int
    col: int
    depth: int = 0


@dataclass
class Para:
    """One unit of reading: a line of a text file or of a Word paragraph."""

    number: int  # .txt: the unit's number; .docx: the Word paragraph's, 1-based in reading order
    text: str  # NFC; tabs as one space; stripped
    zone: str = "body"  # body | table | textbox
    line: int | None = None  # .txt: the line it came from
    col: int = 0  # where the text starts in its line (.txt) or in its Word paragraph (.docx)
    style: str = ""  # the paragraph style's name
    bold: bool | None = None  # of the text runs; None: mixed or unknown
    italic: bool | None = None
    size: float | None = None
    element: Any = field(default=None, repr=False)  # python-docx Paragraph (vanban's own files)
    index: int = 0  # position in Document.paras (set by the reader)
    part: int = 0  # which line of its Word paragraph (0: the first; > 0 after a manual break)
    raw: str = ""  # the line as typed: tabs kept, not stripped
    segments: tuple[tuple[int, str], ...] = ()  # pieces separated by tabs or ≥ 3 spaces: (col, text)
    #                                              col: where the piece starts in ``text``
    cell: CellRef | None = None
    section: int = 0  # index in Document.sections
    auto_label: str | None = None  # a number Word's list numbering shows ("1.", "a)"); it is
    #                                 already the start of ``text``
    format: Format | None = None
    footnotes: tuple[int, ...] = ()  # ids of footnotes referenced in this unit
    segment_formats: tuple[Format, ...] = ()  # .docx: the format of each of ``segments``

    @property
    def is_rule(self) -> bool:
        """A line of dashes or underscores standing for a drawn rule (text files)."""
        return bool(RULE_TEXT.match(self.text))


@dataclass(frozen=True)
class PageNumber:
    """The PAGE field a section's pages show (from page 2 when page 1 is different)."""

    where: Literal["header", "footer"]
    centred: bool  # centred by alignment, or by tabs to a centre tab stop
    size: float | None


@dataclass
class Section:
    index: int
    width_mm: float
    height_mm: float
    margins_mm: dict[str, float]  # top, bottom, left, right, gutter
    title_page: bool  # “Different first page”
    page_number: PageNumber | None  # what pages after the first show
    first_page_number: bool  # page 1 of the section shows a PAGE field
    restart: int | None = None  # page numbering restarts at this number
    units: tuple[int, int] = (0, 0)  # range of Para.index in this section: [start, end)
    wide_table: bool = False  # holds a table wider than a portrait text column

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm


@dataclass(frozen=True)
class Cell:
    row: int
    col: int  # grid column
    row_span: int
    col_span: int
    units: tuple[int, ...]  # Para.index of its units, nested tables' included
    #: The units of each row it spans, top to bottom: a vertically merged cell's later rows
    #: (Word's vMerge continuations) keep their own paragraphs, usually empty ones.
    rows_units: tuple[tuple[int, ...], ...] = ()


@dataclass
class Table:
    index: int
    rows: int
    cols: int
    cells: list[Cell]
    header_rows: int = 0  # rows repeated on every page (w:tblHeader)
    parent: CellRef | None = None  # the cell of the table this one is nested in
    section: int = 0
    widths_mm: tuple[float, ...] = ()  # .docx: the width of each grid column

    def cell(self, row: int, col: int) -> Cell | None:
        """The cell covering grid position (row, col)."""
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.row_span and \
                    cell.col <= col < cell.col + cell.col_span:
                return cell
        return None


@dataclass(frozen=True)
class DrawnLine:
    """A line drawn as a shape (or a paragraph border) and the text line it is drawn under."""

    under: int | None  # Para.index of the unit it rules; None: not placed (off the page…)
    anchor: int  # Para.index of the first unit of the paragraph the shape is anchored in
    length_mm: float
    centre_offset_mm: float  # from the centre of its column (cell, or text area)
    column_mm: float  # width of that column
    border: bool = False  # a paragraph border rather than a shape


@dataclass(frozen=True)
class FloatingText:
    """Text in a text box anchored to a paragraph (``DỰ THẢO``), not part of its text."""

    anchor: int  # Para.index
    text: str


@dataclass
class Document:
    path: str
    kind: str  # "docx" | "txt"
    paras: list[Para]
    docx: Any = None  # the python-docx Document
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    lines: list[DrawnLine] = field(default_factory=list)
    floating: list[FloatingText] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)  # id → text, in document order
    #: tracked changes neither accepted nor rejected, by kind (docx/revisions.py)
    pending_changes: dict[str, int] = field(default_factory=dict)

    @property
    def unit(self) -> str:
        """What a position counts: lines of a text file, paragraphs of a .docx."""
        return "line" if self.kind == "txt" else "paragraph"

    def paragraph_texts(self) -> list[str]:
        """The text of each Word paragraph of a .docx as positions count it: entry
        ``number - 1`` holds its units' raw text joined by line breaks, so the column of a
        :meth:`mark` points into it (what an excerpt of a finding shows)."""
        out: list[str] = []
        for para in self.paras:
            while len(out) < para.number:
                out.append("")
            out[para.number - 1] = para.raw if para.part == 0 else \
                out[para.number - 1] + "\n" + para.raw
        return out

    def mark(self, para: Para | None, col: int = 0, length: int = 0) -> Mark:
        """Where column ``col`` (0-based) of ``para``'s text is: line and column in a text
        file, paragraph and column in a .docx; the document's start without a paragraph.
        ``length``: how many characters from there the finding is about (0: not said)."""
        if para is None:
            return Mark(self.path, 1, 1, self.unit)
        if self.kind == "txt" and para.line:
            return Mark(self.path, para.line, para.col + col + 1, length=length)
        return Mark(self.path, para.number, para.col + col + 1, "paragraph", length)
