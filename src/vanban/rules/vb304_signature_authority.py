"""Signing authority is written as the decree says: TM., KT., TL., TUQ., Q., in their places.

## Why
The authority line tells who is legally signing (Phụ lục I, II.7.b; Điều 13): `TM.` goes
before the name of a collective (ỦY BAN NHÂN DÂN, BAN CHỈ ĐẠO), never before a person's
title; `KT.` goes before the head's title and is followed by the deputy's own title
(`KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC`); an authorised person may not pass the authority on, so
`TUQ.` is not combined with `KT.`. Abbreviations are written with their dot.

## Bad
```yaml
signature:
  authority: TM.
  titles: [CHỦ TỊCH]
```

## Good
```yaml
signature:
  authority: TM.
  titles: [ỦY BAN NHÂN DÂN, CHỦ TỊCH]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.decree.signing import AUTHORITY_PREFIX as PREFIX
from vanban.i18n import _
from vanban.plan.edits import by_regex
from vanban.problems import Mark, Severity
from vanban.rules._base import Finding, Rule, RuleContext

MALFORMED = re.compile(r"^(?:(T/M|K/T|T/L|TUQ|TM|KT|TL)(?!\.)\b|(THAY MẶT|KÝ THAY|THỪA LỆNH|"
                       r"THỪA ỦY QUYỀN|THỪA UỶ QUYỀN)\b)\s*", re.IGNORECASE)
SPELLED = {"T/M": "TM.", "K/T": "KT.", "T/L": "TL.", "TM": "TM.", "KT": "KT.", "TL": "TL.",
           "TUQ": "TUQ.", "THAY MẶT": "TM.", "KÝ THAY": "KT.", "THỪA LỆNH": "TL.",
           "THỪA ỦY QUYỀN": "TUQ.", "THỪA UỶ QUYỀN": "TUQ."}
#: Words that start a person's title, not the name of a collective body.
PERSON_TITLES = ("CHỦ TỊCH", "PHÓ ", "GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "TRƯỞNG BAN", "BỘ TRƯỞNG",
                 "THỨ TRƯỞNG", "CHÁNH VĂN PHÒNG", "VỤ TRƯỞNG", "CỤC TRƯỞNG", "HIỆU TRƯỞNG",
                 "TRƯỞNG PHÒNG", "THỦ TRƯỞNG", "VIỆN TRƯỞNG", "CHÁNH THANH TRA", "TỔNG CỤC TRƯỞNG")
DEPUTY = ("PHÓ ", "THỨ TRƯỞNG")


def _title_marks(ctx: RuleContext, titles: tuple[str, ...], fallback: Mark) -> list[Mark]:
    """The position of each title line (its own scalar when written as a list)."""
    marks = []
    scalars = [node for path, node in ctx.source.scalars() if path[-2:] == ("signature", "titles")]
    for title in titles:
        node = next((n for n in scalars if n.value.strip() == title), None)
        marks.append(node.mark if node else fallback)
    return marks


def _scalar(ctx: RuleContext, mark: Mark):
    return ctx.scalar_at(mark)


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    sig = plan.signature
    marks = _title_marks(ctx, sig.titles, sig.marks.get("titles", sig.mark))
    lines = [line.upper() for line in sig.lines]
    if sig.authority and sig.titles and PREFIX.match(sig.titles[0].upper()):
        yield ctx.finding(marks[0], _(
            "the authority “{prefix}” is already given by “authority”; remove it from the first "
            "title line"), prefix=sig.authority)
    prefixes = []
    for index, line in enumerate(lines):
        original = sig.titles[index]
        if (m := MALFORMED.match(original)) and not PREFIX.match(original):
            found = (m.group(1) or m.group(2)).upper()
            scalar = _scalar(ctx, marks[index])
            fix = by_regex(ctx.source.text, scalar, re.compile(re.escape(m.group(0).rstrip())),
                           lambda _m, f=found: SPELLED[f]) if scalar else None
            yield ctx.finding(marks[index], _("write the authority “{found}” as “{prefix}”"), fix,
                              found=m.group(0).strip(), prefix=SPELLED[found])
            prefixes.append(SPELLED[found])
            continue
        m = PREFIX.match(line)
        prefixes.append(f"{m.group(1)}." if m else "")
    for index, (line, prefix) in enumerate(zip(lines, prefixes)):
        rest = PREFIX.sub("", MALFORMED.sub("", line))
        if prefix == "TM.":
            if index:
                yield ctx.finding(marks[index], _(
                    "“TM.” signs for the whole collective and comes first, above the other "
                    "title lines"))
            if rest.startswith(PERSON_TITLES):
                yield ctx.finding(marks[index], _(
                    "“TM.” goes before the name of a collective body (e.g. “TM. ỦY BAN NHÂN "
                    "DÂN”), not before a person's title “{title}”"), title=rest)
        if prefix == "KT.":
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if rest.startswith("PHÓ "):
                # “KT. PHÓ GIÁM ĐỐC”: the deputy's title took the head's place
                yield ctx.finding(marks[index], _(
                    "“KT.” goes before the head's title: write “KT. {head}” and the deputy's "
                    "title “{title}” on the line below"), head=rest.removeprefix("PHÓ "),
                    title=rest)
            elif not following.startswith(DEPUTY):
                yield ctx.finding(marks[index], _(
                    "after “{line}” comes the deputy's own title (e.g. “PHÓ {head}”)"),
                    line=f"KT. {rest}", head=rest)
    if "TUQ." in prefixes and "KT." in prefixes:
        yield ctx.finding(marks[prefixes.index("KT.")], _(
            "“TUQ.” cannot be combined with “KT.”: an authorised person may not pass the "
            "authority on"))
    if prefixes.count("KT.") > 1:
        yield ctx.finding(marks[0], _("“KT.” appears more than once in the signature block"))
    if not any(prefixes) and len(lines) == 1 and lines[0].startswith(DEPUTY):
        yield ctx.finding(marks[0], _(
            "a deputy signs for the head: write “KT. <head's title>” above “{title}”"),
            title=lines[0])


RULE = Rule("VB304", "signature-authority", Severity.ERROR, __doc__, check, fixable=True)
