"""Solid lines under the issuing body, the Tiêu ngữ and the trích yếu.

## Why
Phụ lục I, II.1–2 and II.5.b: a solid line under the issuing body (1/3–1/2 of its line),
under the Tiêu ngữ (as long as it) and under the trích yếu (1/3–1/2 of its line). Any way
of drawing it counts: a line shape, a paragraph border, or a line of underscores. A shape
counts under the text it is drawn under, wherever Word anchored it (often the “Số:” line, the
dateline or an empty paragraph next to the text); shapes parked off the page do not count.
The line goes under the last line of the Tiêu ngữ and of the trích yếu (typed over several
paragraphs or not), and under any line of the issuing body.

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

from collections.abc import Iterator
from typing import Any

from vanban.i18n import Msg, _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import printed
from vanban.text.fold import is_upper

PLACES = (("issuer", _("the issuing body")), ("motto", _("the Tiêu ngữ")),
          ("title", _("the trích yếu")))


def _title_end(ctx: DocContext, last: Any) -> Any:
    """The last line of the trích yếu: a trích yếu typed over several paragraphs goes on
    over the centred bold lines in lower case right after it that no other component claims
    (an authority line in capitals may follow it directly)."""
    claimed = {p.index for role, paras in ctx.roles.items() if role not in ("title", "body")
               for p in paras}
    paras = ctx.document.paras
    at = last.index + 1
    while at < len(paras) and printed(paras[at]) and at not in claimed and \
            paras[at].cell == last.cell and paras[at].format.alignment == "center" and \
            paras[at].format.bold is True and not is_upper(paras[at].text):
        last = paras[at]
        at += 1
    return last


def _underscored(ctx: DocContext, para: Any) -> bool:
    """A line of underscores or dashes right after ``para``, in the same place."""
    for nxt in ctx.document.paras[para.index + 1:]:
        if nxt.cell != para.cell:
            return False
        if nxt.text.strip():
            return nxt.is_rule
    return False


def check(ctx: DocContext) -> Iterator[Finding]:
    under = {line.under for line in ctx.document.lines if line.under is not None}
    for role, name in PLACES:
        units = [p for p in ctx.roles.get(role, []) if p.format is not None and p.text.strip()]
        if not units:
            continue
        last = _title_end(ctx, units[-1]) if role == "title" else units[-1]
        ruled = units if role == "issuer" else [last]
        if any(p.index in under or _underscored(ctx, p) for p in ruled):
            continue
        yield ctx.finding(ctx.mark(last), _("draw the solid line under {what}"), what=Msg(name))


RULE = Rule("VB804", "rule-lines", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="docx")
