"""The :class:`~vanban.document.model.Format` of one unit of reading: its paragraph's settings
and the runs of its own line (each line of a paragraph cut at manual breaks is judged on its
own), with where its first line really starts — indents plus the advance of leading tabs."""

from __future__ import annotations

from vanban.document.docx.ooxml import to_number
from vanban.document.docx.styles import Props, RunFormat, StyleResolver
from vanban.document.docx.text import Line
from vanban.document.model import Alignment, Format

ALIGNMENTS: tuple[Alignment, ...] = ("left", "center", "right", "both", "distribute")
#: A single line of Times New Roman is about 1.15 times its size.
LINE_HEIGHT = 1.15
PT_MM = 25.4 / 72


Run = tuple[Props, str, int]  # (direct w:rPr, text, where it starts in the line)


def run_formats(styles: StyleResolver, sid: str | None, runs: list[Run]) -> list[RunFormat]:
    """How the runs that carry words are set: runs of letters or digits — a colon left
    upright after a bold italic “Nơi nhận” does not make the line mixed — else any
    runs that are not only spaces."""
    words = [r for r in runs if any(ch.isalnum() for ch in r[1])]
    return [styles.run(sid, r[0]) for r in (words or [r for r in runs if r[1].strip()])]


def segment_runs(line: Line, gaps: list[tuple[int, int]]) -> list[list[Run]]:
    """The runs of each piece of a line aligned by hand; ``gaps`` are the pieces' spans."""
    return [[r for r in line.runs if r[2] < end and r[2] + len(r[1]) > start]
            for start, end in gaps]


def leading_tabs(raw: str) -> int:
    count = 0
    for ch in raw:
        if ch == "\t":
            count += 1
        elif ch != " ":
            break
    return count


def tab_advance(start: float, tabs: int, props: Props, default_tab_mm: float) -> float:
    """Where text stands after ``tabs`` tab characters typed at ``start`` (mm from the
    column's left edge): the next explicit stop, the hanging indent, or a default stop."""
    stops = sorted(pos for pos, kind in props.get("tabs", ()) if kind not in ("bar", "clear"))
    left = props.get("ind.left", 0.0)
    hanging = props.get("ind.hanging", 0.0) > 0
    position = start
    for _ in range(tabs):
        candidates = [s for s in stops if s > position + 0.01]
        if hanging and position < left - 0.01:
            candidates.append(left)
        if candidates:
            position = min(candidates)
        else:
            position = (int(position // default_tab_mm + 1e-9) + 1) * default_tab_mm
    return position


def line_spacing(props: Props, size: float | None) -> float | None:
    """Line spacing in lines (1 = single); exact and at-least spacing converted with the
    size's single line; None when it cannot be told."""
    line = to_number(props.get("spacing.line"))
    if line is None:
        return 1.0
    if props.get("spacing.lineRule") in ("exact", "atLeast"):
        if not size:
            return None
        return (line / 20) / (size * LINE_HEIGHT)
    return line / 240


def line_height_mm(props: Props, size: float) -> float:
    """The height of one line of the paragraph, in mm (for placing drawn lines)."""
    single = size * LINE_HEIGHT * PT_MM
    line = to_number(props.get("spacing.line"))
    rule = props.get("spacing.lineRule")
    if line is None:
        return single
    if rule == "exact":
        return line / 20 * PT_MM
    if rule == "atLeast":
        return max(line / 20 * PT_MM, single)
    return single * line / 240


def points(props: Props, key: str) -> float:
    value = to_number(props.get(key))
    return value / 20 if value is not None else 0.0


def unit_format(styles: StyleResolver, sid: str | None, props: Props, line: Line, part: int,
                default_tab_mm: float, only: list[Run] | None = None) -> Format:
    """The format of a line, or of the runs ``only`` of one of its pieces."""
    runs = run_formats(styles, sid, line.runs if only is None else only)
    size = runs[0].size if runs else None
    bolds, italics = {r.bold for r in runs}, {r.italic for r in runs}
    left = props.get("ind.left", 0.0)
    start = left + (props.get("ind.firstLine", 0.0) - props.get("ind.hanging", 0.0)
                    if part == 0 else 0.0)
    tabs = leading_tabs(line.raw)
    first_line = tab_advance(start, tabs, props, default_tab_mm) if tabs else start
    align = props.get("jc", "left")
    return Format(
        size=size,
        bold=bolds.pop() if len(bolds) == 1 else None,
        italic=italics.pop() if len(italics) == 1 else None,
        caps=bool(runs) and all(r.caps for r in runs),
        fonts=frozenset(r.font for r in runs),
        hidden=bool(runs) and all(r.hidden for r in runs),
        alignment=align if align in ALIGNMENTS else "left",
        left_mm=left,
        first_line_mm=first_line,
        space_before_pt=points(props, "spacing.before"),
        space_after_pt=points(props, "spacing.after"),
        line_spacing=line_spacing(props, size or styles.mark_size(sid, props)),
    )
