"""No doubled spaces and no invisible characters inside text.

## Why
Doubled spaces, non-breaking spaces, zero-width spaces and soft hyphens come from pasting
out of Word, PDF or the web. They are invisible while editing but stretch justified lines,
break search and may print as gaps. The fix writes one ordinary space (or nothing).

Left alone: the blank a typist leaves for a number or a day the văn thư fills in at issue
(“Số:      /KH-UBND”, “ngày      tháng 12”), a single no-break space (it keeps two words on
one line and prints as a space), and — in a .docx or .txt checked as it is — a long run of
spaces that lines up two columns by hand, which is the document's layout, not a typing slip.

## Bad
```yaml
- Tổ chức  hội nghị tập huấn.
```

## Good
```yaml
- Tổ chức hội nghị tập huấn.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext, char_after, char_before

# Simple patterns, with the context checked in Python: a regex starting with a lookbehind is
# tried at every position of the file and costs several times more.
_DOUBLED = re.compile(r"[ \u00a0]{2,}")
#: A typist's blank for a number or a day still to be filled in: “số      /”, “ngày    tháng”.
_BLANK_BEFORE = re.compile(r"(?:\bsố|\bSố:?|\bngày|\btháng)$")
_BLANK_AFTER = re.compile(r"^(?:/|tháng|năm)")
#: In a document, a longer run of spaces lines text up by hand: layout, not a slip.
ALIGNMENT = 5
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _inside_text(m: re.Match[str]) -> bool:
    before, after = char_before(m), char_after(m)
    return bool(before) and not before.isspace() and bool(after) and not after.isspace()


def _blank(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 6):m.start()]
    return bool(_BLANK_BEFORE.search(before) and _BLANK_AFTER.match(m.string[m.end():]))


def check(ctx: RuleContext) -> Iterator[Finding]:
    for tm in ctx.text_matches(_DOUBLED, _inside_text):
        if _blank(tm.match) or (ctx.imported and len(tm.match.group()) >= ALIGNMENT):
            continue
        yield ctx.finding(tm.mark, _("replace the run of {count} spaces with one space"),
                          tm.fix(" "), count=len(tm.match.group()))
    if not _INVISIBLE.search(ctx.source.text):
        return
    for tm in ctx.text_matches(_INVISIBLE):
        yield ctx.finding(tm.mark, _("delete the invisible character U+{code:04X}"), tm.fix(""),
                          code=ord(tm.match.group()))


RULE = Rule("VB604", "spaces", Severity.WARNING, __doc__, check, needs_plan=False, fixable=True)
