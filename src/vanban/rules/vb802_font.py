"""All text is set in Times New Roman.

## Why
Phụ lục I, I.4: the font is Times New Roman (Unicode, TCVN 6909:2001). Text left in the
template's theme font (Calibri, Cambria) or pasted in Arial changes line breaks and looks
foreign to an official document.

## Bad
```text
Body paragraphs in Calibri (the theme's body font)
```

## Good
```text
Every run in Times New Roman
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import printed

ACCEPTED = {"Times New Roman"}


def check(ctx: DocContext) -> Iterator[Finding]:
    wrong = []
    for para in ctx.document.paras:
        if printed(para) and para.format.fonts - ACCEPTED:
            wrong.append((para, sorted(para.format.fonts - ACCEPTED)))
    if wrong:
        para, fonts = wrong[0]
        yield ctx.finding(ctx.mark(para), _(
            "{count} paragraph(s) are not in Times New Roman (here: {fonts}); set the font of "
            "their style"), count=len({p.number for p, _fonts in wrong}), fonts=", ".join(fonts))


RULE = Rule("VB802", "font", Severity.ERROR, __doc__, check, needs_plan=False, scope="docx")
