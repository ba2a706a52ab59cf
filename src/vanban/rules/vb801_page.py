"""The page is A4 portrait with margins inside the decree's ranges.

## Why
Phụ lục I, I.1–3: A4 (210 × 297 mm), portrait; top and bottom margins 20–25 mm, left 30–35 mm
(the binding side), right 15–20 mm. A document set up for Letter paper, or with Word's default
25.4 mm margins, prints and binds wrongly.

## Bad
```text
page 215.9 × 279.4 mm, left margin 25.4 mm
```

## Good
```text
page 210 × 297 mm, margins 20 / 20 / 30 / 15 mm
```
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.enum.section import WD_ORIENT
from docx.shared import Length

from vanban.decree.page import A4_MM, LAYOUT_RANGES
from vanban.i18n import Msg, _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule

MARGINS = (("top_margin", _("top margin"), "margin_top"),
           ("bottom_margin", _("bottom margin"), "margin_bottom"),
           ("left_margin", _("left margin"), "margin_left"),
           ("right_margin", _("right margin"), "margin_right"))
TOLERANCE = 0.2  # mm: Word stores twentieths of a point


def check(ctx: DocContext) -> Iterator[Finding]:
    first = ctx.document.paras[0] if ctx.document.paras else None
    for number, section in enumerate(ctx.docx.sections, start=1):
        width, height = Length(section.page_width).mm, Length(section.page_height).mm
        short, long_ = sorted((width, height))
        if abs(short - A4_MM[0]) > 1 or abs(long_ - A4_MM[1]) > 1:
            yield ctx.finding(ctx.mark(first), _(
                "section {section}: the page is {width:.1f} × {height:.1f} mm; the decree uses A4 "
                "(210 × 297 mm)"), section=number, width=width, height=height)
        if section.orientation == WD_ORIENT.LANDSCAPE:
            yield ctx.finding(ctx.mark(first), _(
                "section {section} is landscape; the decree lays documents out portrait (landscape "
                "only for wide tables)"), section=number)
        for attr, name, key in MARGINS:
            low, high = LAYOUT_RANGES[key]
            value = Length(getattr(section, attr)).mm
            if not low - TOLERANCE <= value <= high + TOLERANCE:
                yield ctx.finding(ctx.mark(first), _(
                    "section {section}: the {which} is {value:.1f} mm; the decree allows "
                    "{low}–{high} mm"), section=number, which=Msg(name), value=value, low=low,
                    high=high)


RULE = Rule("VB801", "page-setup", Severity.ERROR, __doc__, check, needs_plan=False, scope="docx")
