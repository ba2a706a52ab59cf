"""The ledger as a table for the terminal: Vietnamese headers, long texts wrapped in their
column, each row starting with its number so a wrapped row reads as one. The plan's date goes
under its number and the product under the task, so the table says what the files say, in
fewer columns."""

from __future__ import annotations

import re
import textwrap
import unicodedata
from functools import lru_cache

from vanban.decree.tasks import TASK_LABELS
from vanban.ledger.columns import role_name, status_name
from vanban.ledger.rows import TaskRow
from vanban.text.vnformat import PlanDate, short_date

GAP = "  "
DEFAULT_WIDTH = 120
#: (header, width); the task's column (width 0) takes what the others leave.
LAYOUT = (("STT", 4), ("Văn bản", 13), ("Mục", 16), ("Nhiệm vụ", 0), ("Cơ quan", 22),
          ("Vai trò", 8), ("Thời hạn", 12), ("Tình trạng", 10))
MIN_TASK_WIDTH = 20


#: Latin with every Vietnamese letter precomposed (NFC) and general punctuation: one column
#: a character, which spares the per-character lookups below for almost every cell.
NARROW = re.compile("[\u0000-\u02ff\u1e00-\u1eff\u2000-\u2064]*")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide characters two, combining marks none."""
    if NARROW.fullmatch(text):
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _when(row: TaskRow) -> str:
    if row.deadline is not None:
        return _date(row.deadline)
    return row.timeframe or ""


def _date(date: PlanDate) -> str:
    """dd/mm/yyyy, the same width on every row; a partial date as written (``6/2026``)."""
    whole = date.to_date()
    return whole.strftime("%d/%m/%Y") if whole else short_date(date)


def _cells(row: TaskRow, ordinal: int) -> list[str]:
    plan = f"{row.reference}\n{_date(row.date)}" if row.date else row.reference
    task = f"{row.task}\n{TASK_LABELS['product']}: {row.product}" if row.product else row.task
    return [str(ordinal), plan, row.section, task, row.agency, role_name(row), _when(row),
            status_name(row)]


@lru_cache(maxsize=4096)  # a task's text comes again for each agency, a section for each task
def _wrap(text: str, width: int) -> tuple[str, ...]:
    if len(text) <= width and "\n" not in text:  # most cells: no need to wrap
        return (text,)
    return tuple(line for part in text.split("\n")
                 for line in textwrap.wrap(part, width, break_long_words=True) or [""])


def _pad(text: str, width: int) -> str:
    if not text:  # the empty cells under a wrapped neighbour: most cells of a long table
        return " " * width
    return text + " " * max(0, width - display_width(text))


def table_text(rows: list[TaskRow], *, width: int = DEFAULT_WIDTH) -> str:
    fixed = sum(w for _h, w in LAYOUT) + len(GAP) * (len(LAYOUT) - 1)
    widths = [w or max(MIN_TASK_WIDTH, width - fixed) for _h, w in LAYOUT]
    header = GAP.join(_pad(h, w) for (h, _), w in zip(LAYOUT, widths)).rstrip()
    lines = [header, "─" * min(width, sum(widths) + len(GAP) * (len(widths) - 1))]
    for ordinal, row in enumerate(rows, start=1):
        wrapped = [_wrap(cell, w) for cell, w in zip(_cells(row, ordinal), widths)]
        for i in range(max(len(cell) for cell in wrapped)):
            parts = [_pad(cell[i] if i < len(cell) else "", w) for cell, w in zip(wrapped, widths)]
            lines.append(GAP.join(parts).rstrip())
    return "\n".join(lines) + "\n"
