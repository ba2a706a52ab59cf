"""Which characters of a .docx a finding is about: its paragraph, and a range in that
paragraph's text as positions count it (:meth:`~vanban.document.model.Document.paragraph_texts`:
a list number Word shows first, lines joined by a line break).

A finding's mark gives the paragraph and the column; its ``length`` says how far the finding
reaches, where the rule knows. When it does not: the whole line (unit) for a mark at the start
of one, else the word (up to spaces) the column is in, else — a space, the line's end — the
whole line. A range never leaves its line, nor
covers the list number Word draws (it has no text to put a comment on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.document.model import Document, Para
from vanban.problems import Mark

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Anchor:
    """Characters ``[start, end)`` of Word paragraph ``number``'s text; ``start == end``: a
    point (a line with no text)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class _Line:
    para: Para
    start: int  # where the unit's raw line starts in the paragraph's text
    printed: int  # where its text a run holds starts (after a list number and spaces)
    end: int  # where its text ends (trailing spaces left out)


class Anchors:
    """Ranges for the findings on one .docx."""

    def __init__(self, document: Document) -> None:
        self.lines: dict[int, list[_Line]] = {}
        starts: dict[int, int] = {}
        for para in document.paras:
            start = starts.get(para.number, 0)
            starts[para.number] = start + len(para.raw) + 1
            label = len(para.auto_label) + 1 if para.part == 0 and para.auto_label else 0
            printed = max(para.col, start + label)
            end = max(printed, para.col + len(para.text))
            self.lines.setdefault(para.number, []).append(_Line(para, start, printed, end))
        self.texts = document.paragraph_texts()
        self.first = next((n for n, ls in self.lines.items()
                           if any(line.end > line.printed for line in ls)), 1)

    def anchor(self, mark: Mark) -> Anchor | None:
        """The range ``mark`` is about; None when the document has no paragraph at all."""
        lines = self.lines.get(mark.line) if mark.unit == "paragraph" else None
        if not lines:  # not a paragraph position (or none this document has): its start
            lines = self.lines.get(self.first)
            if not lines:
                return None
            return self._whole(lines[0])
        pos = mark.col - 1
        line = next((ln for ln in reversed(lines) if ln.start <= pos), lines[0])
        if mark.length > 0:
            start, end = max(pos, line.printed), min(pos + mark.length, line.end)
            if start < end:
                return Anchor(line.para.number, start, end)
        elif line.printed < pos < line.end and not self.texts[mark.line - 1][pos].isspace():
            text = self.texts[mark.line - 1]
            start = pos
            while start > line.printed and not text[start - 1].isspace():
                start -= 1
            end = _WORD.match(text, pos).end()  # type: ignore[union-attr]
            return Anchor(line.para.number, start, min(end, line.end))
        return self._whole(line)

    @staticmethod
    def _whole(line: _Line) -> Anchor:
        return Anchor(line.para.number, line.printed, line.end)
