"""Text widths in Times New Roman, from Liberation Serif's metric-compatible advance widths.

Used to size the header columns and the rule lines the decree measures against the text
("1/3 to 1/2 of the line", "as long as the Tiêu ngữ") without any font installed.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> tuple[int, dict[str, dict[str, int]]]:
    raw = resources.files("vanban").joinpath("data/serif_metrics.json").read_text("utf-8")
    data = json.loads(raw)
    return data["units_per_em"], data["widths"]


def _style(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Advance width of ``text`` set in Times New Roman at ``size_pt`` points."""
    units, widths = _table()
    table = widths[_style(bold, italic)]
    fallback = table["n"]
    total = 0
    for ch in unicodedata.normalize("NFC", text):
        width = table.get(ch)
        if width is None:
            # Vietnamese letters share their base letter's advance (the marks do not add
            # width), except the horned and barred letters, which the table lists.
            base = unicodedata.normalize("NFD", ch)[0]
            for precomposed in ("Ơ", "ơ", "Ư", "ư"):
                if unicodedata.normalize("NFD", ch).startswith(unicodedata.normalize("NFD", precomposed)):
                    base = precomposed
            width = table.get(base, fallback)
        total += width
    return total * size_pt / units


def wrap(text: str, size_pt: float, width_pt: float, *, bold: bool = False,
         italic: bool = False) -> list[str]:
    """``text`` broken into the lines Word makes of it in a column ``width_pt`` wide: as
    many words on a line as fit (a word longer than the column stands alone)."""
    space = text_width_pt(" ", size_pt, bold=bold, italic=italic)
    lines: list[list[str]] = []
    used = 0.0
    for word in text.split():
        w = text_width_pt(word, size_pt, bold=bold, italic=italic)
        if lines and used + space + w <= width_pt:
            lines[-1].append(word)
            used += space + w
        else:
            lines.append([word])
            used = w
    return [" ".join(line) for line in lines] or [""]
