"""Nơi nhận as written: “Nơi nhận:”, lines “- …;”, the last “- Lưu: VT, ….”.

## Why
Phụ lục I, II.9.b: the word “Nơi nhận” with a colon, then one recipient per line starting with
a dash and ending with a semicolon, the last line “Lưu: VT, <unit>” ending with a full stop.
vanban writes the punctuation itself; a document made elsewhere is checked as it is. Practice
that reads the same is accepted: a recipient running on to a second line, a note after the
semicolon (“- Bộ Giáo dục và Đào tạo; (để báo cáo)”), and the drafter's name right after
the drafting unit that closes the archive line (“- Lưu: VT, NC.Châu”).

## Bad
```text
Nơi nhận
- Sở Tư pháp
- Lưu: VT, PCNC, CAT (3)
```

## Good
```text
Nơi nhận:
- Sở Tư pháp;
- Lưu: VT, PCNC, CAT (3).
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule


#: A recipient closed by “;” with a note after it: “- Bộ Giáo dục và Đào tạo; (để báo cáo)”.
_NOTE_AFTER = re.compile(r";\s*\([^()]*\)$")
#: An archive line closed after the drafting unit, the drafter's name right after it (as
#: provincial offices type it): “- Lưu: VT, NC.Châu”, “- Lưu: VT, NCKS(Châu).”.
_DRAFTER_AFTER = re.compile(r"[A-ZĐ]{2,}(?:\.\s?\w+|\(\w+\))\.?$")
#: A web rendering that ran the archive line into the signature: “…(2b). Trung Anh BỘ …”.
_RUN_ON = re.compile(r"\.\s+\S")


def _closed(text: str) -> bool:
    """Whether the archive line ends as the decree has it, or as practice does."""
    text = text.rstrip()
    return text.endswith(".") or bool(_DRAFTER_AFTER.search(text) or _RUN_ON.search(text))


def check(ctx: DocContext) -> Iterator[Finding]:
    label = ctx.first("recipients_label")
    lines = ctx.roles.get("recipient", [])
    if label is None:
        plan = ctx.plan
        if plan is not None and not plan.recipients and plan.archive is None:
            return  # nothing of Nơi nhận at all: VB401 says so, once
        body = ctx.roles.get("body") or [None]
        yield ctx.finding(ctx.mark(body[-1]), _("the document has no “Nơi nhận:” block"))
        return
    if label.text.strip() != "Nơi nhận:":
        yield ctx.finding(ctx.mark(label), _("write the label “Nơi nhận:” with its colon"))
    if not lines:
        return
    archive = [p for p in lines if p.text[2:].lstrip().startswith("Lưu")]
    if not archive:
        yield ctx.finding(ctx.mark(lines[-1]), _("the last line of Nơi nhận is “- Lưu: VT, …”"))
    elif archive[-1] is not lines[-1]:
        yield ctx.finding(ctx.mark(archive[-1]), _("“Lưu: …” is the last line of Nơi nhận"))
    # a recipient may run on to the next line; its last line carries the “;”
    ends = [p for p, nxt in zip(lines, [*lines[1:], None])
            if nxt is None or nxt.text.startswith("- ")]
    wrong = [p for p in ends if p not in archive and not p.text.rstrip().endswith(";")
             and not _NOTE_AFTER.search(p.text.rstrip())]
    if wrong:
        first = wrong[0]
        yield ctx.finding(ctx.mark(first, len(first.text.rstrip())), _(
            "end each recipient line with “;” ({count} line(s) do not)"), count=len(wrong))
    if archive and not _closed(archive[-1].text):
        last = archive[-1]
        yield ctx.finding(ctx.mark(last, len(last.text.rstrip())), _(
            "end the archive line with a full stop: “{text}.”"), text=last.text.strip())


RULE = Rule("VB403", "written-recipients", Severity.WARNING, __doc__, check, needs_plan=False,
            scope="document")
