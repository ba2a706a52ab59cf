"""Each component has the decree's size, weight, slant and case.

## Why
Phụ lục I, II and its “Mẫu chữ” table fix, component by component, the size and the style:
Quốc hiệu 12–13 pt bold capitals; Tiêu ngữ 13–14 pt bold; the superior body 12–13 pt
capitals not bold; the issuing body 12–13 pt bold capitals; `Số:` 13 pt upright; the dateline
13–14 pt italic; the type name 13–14 pt bold capitals; the trích yếu 13–14 pt bold; bases
italic; `Nơi nhận:` 12 pt bold italic; recipients 11 pt; the signer's titles 13–14 pt bold
capitals and the name 13–14 pt bold. Capitals may be typed or set by the style (“All caps”).

## Bad
```text
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM    (11 pt, not bold)
```

## Good
```text
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM    (12 pt, bold)
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.decree.components import COMPONENT_FORMATS
from vanban.i18n import Msg, _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import run_format
from vanban.text.fold import is_upper


def check(ctx: DocContext) -> Iterator[Finding]:
    for role, spec in COMPONENT_FORMATS.items():
        for para in ctx.roles.get(role, []):
            if para.element is None or not para.text.strip():
                continue
            fmt = run_format(ctx.docx, para.element)
            if fmt is None:
                continue
            what = Msg(spec.name)
            low, high = spec.sizes
            if fmt.size is None or not low <= fmt.size <= high:
                size = "?" if fmt.size is None else f"{fmt.size:g}"
                rng = f"{low:g}" if low == high else f"{low:g}–{high:g}"
                yield ctx.finding(ctx.mark(para), _(
                    "{what} is set in {size} pt; the decree sets {range} pt"),
                    what=what, size=size, range=rng)
            if spec.bold is not None and fmt.bold != spec.bold:
                yield ctx.finding(ctx.mark(para), _(
                    "{what} should be bold") if spec.bold else _("{what} should not be bold"),
                    what=what)
            if spec.italic is not None and fmt.italic != spec.italic:
                yield ctx.finding(ctx.mark(para), _(
                    "{what} should be italic") if spec.italic else _("{what} should be upright"),
                    what=what)
            if spec.upper and not (fmt.caps or is_upper(para.text)):
                yield ctx.finding(ctx.mark(para), _("{what} is written in capitals"), what=what)
            if role in ("recipient",):
                break  # one finding per kind of line is enough


RULE = Rule("VB803", "component-format", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="docx")
