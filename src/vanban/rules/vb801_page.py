"""The page is A4 with margins inside the decree's ranges; landscape only for wide tables.

## Why
Phụ lục I, I.1–3: A4 (210 × 297 mm), portrait; top and bottom margins 20–25 mm, left 30–35 mm
(the binding side), right 15–20 mm. A document set up for Letter paper, or with Word's default
25.4 mm margins, prints and binds wrongly. A page may be turned landscape only for a table
too wide for a portrait page (Phụ lục I, I.2); bound with the portrait pages, its binding edge
is then its top, so the ranges turn with it: top 30–35 mm, bottom 15–20 mm, left and right
20–25 mm (a page turned the other way, binding edge at the bottom, is one slip). The same
setting in several sections is reported once, naming the sections.

## Bad
```text
page 215.9 × 279.4 mm, left margin 25.4 mm
section 2 landscape for two paragraphs of text
```

## Good
```text
page 210 × 297 mm, margins 20 / 20 / 30 / 15 mm
section 2 landscape for a 26 cm table, margins top 30, bottom 20, left 20, right 20 mm
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.decree.page import A4_MM, LAYOUT_RANGES, TURNED_MARGINS
from vanban.i18n import Msg, _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import section_list

NAMES = {"top": _("top margin"), "bottom": _("bottom margin"), "left": _("left margin"),
         "right": _("right margin")}
#: The decree's range for each side of a portrait page, and of a landscape one (turned, the
#: binding edge on top: the portrait left margin is its top, the right its bottom).
PORTRAIT = {"top": "margin_top", "bottom": "margin_bottom", "left": "margin_left",
            "right": "margin_right"}
LANDSCAPE = TURNED_MARGINS
#: A landscape page turned the other way: binding edge at the bottom.
UPSIDE_DOWN = {"top": "margin_right", "bottom": "margin_left", "left": "margin_top",
               "right": "margin_bottom"}
TOLERANCE = 0.2  # mm: Word stores twentieths of a point
SIZE_TOLERANCE = 1.0  # mm


def _outside(margins: dict[str, float], ranges: dict[str, str]) -> list[tuple]:
    """(side, value, low, high) of each margin outside its range."""
    out = []
    for side, key in ranges.items():
        low, high = LAYOUT_RANGES[key]
        if not low - TOLERANCE <= margins[side] <= high + TOLERANCE:
            out.append((side, margins[side], low, high))
    return out


def _from_edges(margins: dict[str, float]) -> dict[str, float]:
    """Each side's distance from the paper's edge to the text: Word adds the gutter (space
    for binding) to the left margin."""
    return {**margins, "left": margins["left"] + margins.get("gutter", 0.0)}


def check(ctx: DocContext) -> Iterator[Finding]:
    document = ctx.document
    problems: dict[tuple, list[int]] = {}  # one problem → the sections that have it
    for section in document.sections:
        short, long_ = sorted((section.width_mm, section.height_mm))
        if abs(short - A4_MM[0]) > SIZE_TOLERANCE or abs(long_ - A4_MM[1]) > SIZE_TOLERANCE:
            key = ("size", round(section.width_mm, 1), round(section.height_mm, 1))
            problems.setdefault(key, []).append(section.index)
        if section.landscape and not section.wide_table:
            problems.setdefault(("landscape",), []).append(section.index)
        ranges = LANDSCAPE if section.landscape else PORTRAIT
        margins = _from_edges(section.margins_mm)
        wrong = _outside(margins, ranges)
        if wrong and section.landscape and not _outside(margins, UPSIDE_DOWN):
            key = ("upside down", round(margins["bottom"], 1))
            problems.setdefault(key, []).append(section.index)  # one cause: turned the other way
            continue
        for side, value, low, high in wrong:
            problem = ("margin", side, section.landscape, round(value, 1), low, high)
            problems.setdefault(problem, []).append(section.index)
    for problem, sections in problems.items():
        start, end = document.sections[sections[0]].units
        para = next((p for p in document.paras[start:end] if p.text.strip()),
                    document.paras[start] if start < len(document.paras) else None)
        where = section_list(sections)
        if problem[0] == "size":
            yield ctx.finding(ctx.mark(para), _(
                "the page is {width:.1f} × {height:.1f} mm (section {sections}); the decree "
                "uses A4 (210 × 297 mm)"), width=problem[1], height=problem[2], sections=where)
        elif problem[0] == "upside down":
            low, high = LAYOUT_RANGES[LANDSCAPE["top"]]
            yield ctx.finding(ctx.mark(para), _(
                "the landscape page has its binding margin ({value:.1f} mm) at the bottom "
                "(section {sections}); turn it so the binding edge is on top: top margin "
                "{low}–{high} mm"), value=problem[1], sections=where, low=low, high=high)
        elif problem[0] == "landscape":
            yield ctx.finding(ctx.mark(para), _(
                "the page is landscape (section {sections}) but holds no table too wide for a "
                "portrait page; the decree lays documents out portrait"), sections=where)
        else:
            _kind, side, landscape, value, low, high = problem
            message = _("the {which} of the landscape page is {value:.1f} mm (section "
                        "{sections}); turned with its binding edge on top, the decree allows "
                        "{low}–{high} mm") if landscape else \
                _("the {which} is {value:.1f} mm (section {sections}); the decree allows "
                  "{low}–{high} mm")
            yield ctx.finding(ctx.mark(para), message, which=Msg(NAMES[side]), value=value,
                              sections=where, low=low, high=high)


RULE = Rule("VB801", "page-setup", Severity.ERROR, __doc__, check, needs_plan=False, scope="docx")
