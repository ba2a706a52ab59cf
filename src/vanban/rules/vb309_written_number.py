"""The “Số:” line of a document is written as the decree says.

## Why
`Số:` (lower case, with its colon), the number with a leading zero below 10, a slash, then the
symbol in capitals with its groups joined by “-” and no spaces (Phụ lục I, II.3): registers and
searches match the number as written. vanban writes this line itself; a document made
elsewhere is checked as it is.

## Bad
```text
Số 5/KH - UBND
```

## Good
```text
Số: 05/KH-UBND
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule

_PARTS = re.compile(r"^(?P<word>Số|SỐ|số)\s*(?P<colon>:?)\s*(?P<number>\d*)\s*/\s*(?P<symbol>.+)$")


def check(ctx: DocContext) -> Iterator[Finding]:
    para = ctx.first("number")
    if para is None:
        yield ctx.finding(ctx.mark(ctx.first("issuer") or ctx.first("quoc_hieu")), _(
            "the document has no “Số: …/…” line under the issuing body"))
        return
    text = para.text.strip()
    m = _PARTS.match(text)
    if m is None:
        return
    if m["word"] != "Số" or not m["colon"]:
        yield ctx.finding(ctx.mark(para, 0, m.end("colon" if m["colon"] else "word")),
                          _("write “Số:” — lower case, with a colon"))
    number = m["number"]
    if number and len(number) == 1:
        yield ctx.finding(ctx.mark(para, text.index(number), len(number)), _(
            "numbers below 10 take a leading zero: “0{number}”"), number=number)
    symbol = m["symbol"]
    gap_before = bool(number) and re.search(r"\s/", text)  # a draft keeps the gap (templates)
    if re.search(r"\s", symbol) or gap_before or re.search(r"/\s", text):
        slash = text.index("/")
        yield ctx.finding(ctx.mark(para, slash, len(text) - slash), _(
            "no spaces around “/” or inside the symbol: “{symbol}”"),
            symbol=re.sub(r"\s+", "", symbol))


RULE = Rule("VB309", "written-number", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="document")
