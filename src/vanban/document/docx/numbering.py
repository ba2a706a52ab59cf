"""Word's automatic list numbering: the label (“1.”, “a)”, “-”) a numbered paragraph shows.

The label is not in the paragraph's text; Word computes it from numbering.xml as it lays the
document out. Counters are kept per abstract list and level, in reading order, as Word keeps
them: paragraphs of every ``w:num`` pointing at the same abstract list continue one count,
a level restarts after a paragraph of a higher level, and a ``w:num`` with a
``startOverride`` restarts its levels the first time it is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vanban.document.docx.ooxml import W, child, on_off, to_number, wattr
from vanban.document.docx.styles import Props, StyleResolver, read_ppr

LEVELS = 9
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this level (1-based); 0: never
    legal: bool = False  # w:isLgl: show every level's number in decimal
    ppr: Props = field(default_factory=dict)  # the indents the level gives its paragraphs


def read_level(lvl: Any) -> Level:
    def val(name: str) -> str | None:
        el = child(lvl, name)
        return wattr(el, "val") if el is not None else None

    start = to_number(val("start"))
    restart = to_number(val("lvlRestart"))
    return Level(int(start) if start is not None else 0 if val("numFmt") == "none" else 1,
                 val("numFmt") or "decimal", val("lvlText") if val("lvlText") is not None else "",
                 int(restart) if restart is not None else None,
                 bool(on_off(child(lvl, "isLgl"))), read_ppr(child(lvl, "pPr")))


def roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """a … z, aa … zz: Word repeats the letter past z."""
    if not 0 < n <= 26 * 30:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def bullet(text: str) -> str:
    """A bullet's symbol: Symbol/Wingdings characters (U+F0xx) read as a dash or a dot."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xF000 <= code <= 0xF0FF:
            out.append("-" if code - 0xF000 == 0x2D else "•")
        else:
            out.append(ch)
    return "".join(out).strip()


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """The lists of one document and their counters, advanced in reading order."""

    def __init__(self, root: Any, styles: StyleResolver) -> None:
        self._styles = styles
        self._abstract: dict[str, Any] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self._levels: dict[tuple[str, int], Level] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        self._starts: dict[str, dict[int, int]] = {}  # abstract → level → start in force
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            aid = wattr(abstract, "abstractNumId")
            if aid is not None:
                self._abstract.setdefault(aid, abstract)
        for num in root.iter(W + "num"):
            nid = wattr(num, "numId")
            ref = child(num, "abstractNumId")
            if nid is None or ref is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = int(to_number(wattr(override, "ilvl")) or 0)
                start = child(override, "startOverride")
                if start is not None and to_number(wattr(start, "val")) is not None:
                    starts[ilvl] = int(to_number(wattr(start, "val")) or 0)
                lvl = child(override, "lvl")
                if lvl is not None:
                    levels[ilvl] = read_level(lvl)
            self._nums.setdefault(nid, (wattr(ref, "val") or "", starts, levels))

    def _abstract_of(self, num_id: str, depth: int = 0) -> str | None:
        """The abstract list a ``w:num`` uses, following numbering-style links."""
        if num_id not in self._nums or depth > 4:
            return None
        aid = self._nums[num_id][0]
        abstract = self._abstract.get(aid)
        link = child(abstract, "numStyleLink") if abstract is not None else None
        if link is not None:
            linked = self._styles.resolved(wattr(link, "val"))[0].get("numId")
            if linked and linked != num_id:
                return self._abstract_of(linked, depth + 1) or aid
        return aid if abstract is not None else None

    def level(self, num_id: str | None, ilvl: int) -> tuple[str, Level] | None:
        """(abstract list, level definition) of a numbered paragraph; None: not numbered."""
        if not num_id or num_id == "0" or num_id not in self._nums or not 0 <= ilvl < LEVELS:
            return None
        aid = self._abstract_of(num_id)
        if aid is None:
            return None
        override = self._nums[num_id][2].get(ilvl)
        if override is not None:
            return aid, override
        key = (aid, ilvl)
        if key not in self._levels:
            lvl = next((el for el in self._abstract[aid].iter(W + "lvl")
                        if int(to_number(wattr(el, "ilvl")) or 0) == ilvl), None)
            if lvl is None:
                return None
            self._levels[key] = read_level(lvl)
        return aid, self._levels[key]

    def label(self, num_id: str | None, ilvl: int) -> str | None:
        """Advance the counter of the paragraph's list and give the label it shows."""
        found = self.level(num_id, ilvl)
        if found is None or num_id is None:
            return None
        aid, level = found
        counters = self._counters.setdefault(aid, [None] * LEVELS)
        starts = self._starts.setdefault(aid, {})
        if num_id not in self._used:  # a w:num with start overrides restarts those levels
            self._used.add(num_id)
            for at, start in self._nums[num_id][1].items():
                if 0 <= at < LEVELS:
                    counters[at] = None
                    starts[at] = start
        current = counters[ilvl]
        counters[ilvl] = current + 1 if current is not None else starts.get(ilvl, level.start)
        for deeper in range(ilvl + 1, LEVELS):
            below = self.level(num_id, deeper)
            if below is None or below[1].restart != 0:
                counters[deeper] = None
                starts.pop(deeper, None)
        if level.fmt == "bullet":
            return bullet(level.text) or None
        text = level.text
        for at in range(LEVELS):
            mark = f"%{at + 1}"
            if mark not in text:
                continue
            upper = self.level(num_id, at)
            fmt = "decimal" if level.legal else (upper[1].fmt if upper else "decimal")
            value = counters[at]
            if value is None:
                value = starts.get(at, upper[1].start if upper else 1)
            text = text.replace(mark, format_number(value, fmt))
        return text.strip() or None
