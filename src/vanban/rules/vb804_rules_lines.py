"""Solid lines under the issuing body, the Tiêu ngữ and the trích yếu.

## Why
Phụ lục I, II.1–2 and II.5.b: a solid line under the issuing body (1/3–1/2 of its line),
under the Tiêu ngữ (as long as it) and under the trích yếu (1/3–1/2 of its line). Any way
of drawing it counts: a paragraph border, a drawn line shape, or a line of underscores.

## Bad
```text
BAN CHỈ ĐẠO NHÂN QUYỀN
Số: 277/KH-BCĐ              (no line between them)
```

## Good
```text
BAN CHỈ ĐẠO NHÂN QUYỀN
──────
Số: 277/KH-BCĐ
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import Msg, _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import has_border, has_drawing

PLACES = (("issuer", _("the issuing body")), ("motto", _("the Tiêu ngữ")),
          ("title", _("the trích yếu")))
_TEXT_RULE = re.compile(r"^\s*[_\-–—=]{3,}\s*$")


def _ruled(ctx: DocContext, para) -> bool:
    """A line under ``para``: its own bottom border or shape, or an empty paragraph or text
    rule right after it (with a top or bottom border, a shape, or underscores)."""
    if has_border(para.element, ("bottom",)) or has_drawing(para.element):
        return True
    index = ctx.document.paras.index(para)
    for nxt in ctx.document.paras[index + 1:index + 3]:
        if nxt.element is None:
            continue
        if nxt.text.strip() and not _TEXT_RULE.match(nxt.text):
            return False
        if _TEXT_RULE.match(nxt.text) or has_drawing(nxt.element) or \
                has_border(nxt.element, ("top", "bottom")):
            return True
    return False


def check(ctx: DocContext) -> Iterator[Finding]:
    for role, name in PLACES:
        paras = [p for p in ctx.roles.get(role, []) if p.element is not None]
        if not paras:
            continue
        last = paras[-1]
        if not _ruled(ctx, last):
            yield ctx.finding(ctx.mark(last), _("draw the solid line under {what}"),
                              what=Msg(name))


RULE = Rule("VB804", "rule-lines", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="docx")
