"""Page numbers in a header or footer part: the PAGE field, where it stands and how it is set.

The field is found in the part's XML itself — inside content controls too (Word's “Page
Numbers” gallery wraps it in a block-level ``w:sdt`` that python-docx does not look into) —
as a complex field (``w:instrText`` “PAGE”) or a simple one (``w:fldSimple``). Its cached
result is never trusted. It is centred when its paragraph is centred, when tabs take it to a
centre tab stop, or when its frame is centred.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vanban.document.docx.ooxml import W, tag, wattr
from vanban.document.docx.styles import Props, StyleResolver, TabStop, read_ppr, read_rpr

FALLBACK = tag("mc:Fallback")


@dataclass(frozen=True)
class PageField:
    centred: bool
    size: float | None


def _is_page(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() == "PAGE"


def _page_runs(paragraph: Any) -> tuple[list[Any], list[Any]] | None:
    """(runs before the PAGE field, runs of the field) in a paragraph; None without one."""
    runs = [r for r in paragraph.iter(W + "r")
            if not any(up.tag == FALLBACK for up in r.iterancestors())]
    for simple in paragraph.iter(W + "fldSimple"):
        if _is_page(wattr(simple, "instr") or ""):
            inner = list(simple.iter(W + "r"))
            first = inner[0] if inner else None
            before = runs[:runs.index(first)] if first in runs else []
            return before, inner or [simple]
    depth, start, instruction = 0, None, ""
    for at, run in enumerate(runs):
        for node in run:
            if node.tag == W + "fldChar":
                kind = wattr(node, "fldCharType")
                if kind == "begin":
                    depth += 1
                    if depth == 1:
                        start, instruction = at, ""
                elif kind == "end" and depth:
                    depth -= 1
                    if depth == 0 and start is not None and _is_page(instruction):
                        return runs[:start], runs[start:at + 1]
            elif node.tag == W + "instrText" and depth == 1:
                instruction += node.text or ""
    return None


def _tabs_to_centre(before: list[Any], props: Props, default_tab_mm: float) -> bool:
    """Whether the text before the field is only tabs that end on a centre tab stop."""
    tabs = 0
    for run in before:
        for node in run:
            if node.tag == W + "t" and (node.text or "").strip():
                return False
            if node.tag == W + "ptab":
                return wattr(node, "alignment") == "center"
            if node.tag == W + "tab":
                tabs += 1
    if not tabs:
        return False
    stops = [TabStop(pos, kind) for pos, kind in props.get("tabs", ()) if kind != "bar"]
    position = props.get("ind.left", 0.0) + props.get("ind.firstLine", 0.0) - \
        props.get("ind.hanging", 0.0)
    kind = "left"
    for _ in range(tabs):
        following = [s for s in stops if s.pos_mm > position + 0.01]
        if following:
            position, kind = following[0].pos_mm, following[0].kind
        else:
            position = (int(position // default_tab_mm) + 1) * default_tab_mm
            kind = "left"
    return kind == "center"


def find_page_field(part: Any, styles: StyleResolver, default_tab_mm: float) -> PageField | None:
    """The PAGE field of a header or footer part (the first one), or None."""
    if part is None:
        return None
    for paragraph in part.iter(W + "p"):
        if any(up.tag == FALLBACK for up in paragraph.iterancestors()):
            continue
        found = _page_runs(paragraph)
        if found is None:
            continue
        before, field_runs = found
        direct = read_ppr(paragraph.find(W + "pPr"))
        sid = styles.para_style(direct.get("pStyle"))
        props = styles.paragraph(sid, direct)
        centred = props.get("jc") == "center" or props.get("frame.xAlign") == "center" or \
            _tabs_to_centre(before, props, default_tab_mm)
        size = None
        for run in field_runs:
            if run.tag == W + "r":
                size = styles.run(sid, read_rpr(run.find(W + "rPr"))).size
                if any(n.tag == W + "t" for n in run):
                    break  # the result run is what is printed
        return PageField(centred, size)
    return None
