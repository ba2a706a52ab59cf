"""The signer's name stands alone: no honorific or academic title before it.

## Why
Phụ lục I, II.7.c: the name is family name, middle name and given name; “Ông”, “Đồng chí”,
“TS.”, “PGS.TS.” are not written before it (armed forces, education, health and science
bodies may allow degrees by their own rules — set `allow_titles: true`). A rank of the army
or the police (“Thiếu tướng”, “Đại tá”), which their own rules put before the signer's name,
is accepted. Each syllable of a name begins with a capital.

## Bad
```yaml
name: TS. Nguyễn Văn A
```

## Good
```yaml
name: Nguyễn Văn A
```

## Options
- `allow_titles` (default `false`): accept academic titles and ranks before the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.plan.edits import by_regex
from vanban.plan.spec import Bool
from vanban.problems import Severity
from vanban.rules._base import Finding, Option, Rule, RuleContext

HONORIFICS = r"(?:Ông|Bà|Anh|Chị|Đồng chí|Đ/c|đ/c)"
ACADEMIC = (r"(?:(?:P?GS|TS|ThS|Th\.S|KS|BS|CN|TSKH|NGND|NGƯT|Dr|Prof)\.?(?:\s*[,.]?\s*)?)+|"
            r"(?:Tiến sĩ|Thạc sĩ|Giáo sư|Phó Giáo sư|Kỹ sư|Bác sĩ)")
_HONORIFIC = re.compile(rf"^\s*{HONORIFICS}\s+")
#: A rank of the armed forces or the police, which their own documents put before the name.
_RANK = re.compile(r"^\s*(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+(?=\w)")
_ACADEMIC = re.compile(rf"^\s*(?:{ACADEMIC})\s+(?=\w)")


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    name = plan.signature.name
    mark = plan.signature.marks["name"]
    scalar = ctx.scalar_at(mark)
    patterns = [_HONORIFIC] + ([] if ctx.options["allow_titles"] else [_ACADEMIC])
    if ctx.options["allow_titles"] and (m := _ACADEMIC.match(name)):
        name = name[m.end():]  # an allowed title is not part of the name's casing
    if m := _RANK.match(name):
        name = name[m.end():]  # “Thiếu tướng Trương Minh Đương”: the rank is not the name
    for pattern in patterns:
        if m := pattern.match(name):
            fix = None
            if scalar is not None:
                anchored = re.compile(re.escape(m.group(0)))
                fix = by_regex(ctx.source.text, scalar, anchored, lambda _m: "")
            yield ctx.finding(mark, _(
                "write no title before the signer's name: remove “{title}”"), fix,
                title=m.group(0).strip())
            name = name[m.end():]
    lower = [w for w in name.split() if w[:1].isalpha() and not w[:1].isupper()]
    upper = [w for w in name.split() if len(w) > 1 and w.isupper()]
    if lower or upper:
        yield ctx.finding(mark, _(
            "write the name with a capital at the start of each syllable: “{name}”"),
            name=" ".join(w[:1].upper() + w[1:].lower() for w in name.split()))


RULE = Rule("VB305", "signer-name", Severity.ERROR, __doc__, check, fixable=True, options={
    "allow_titles": Option(False, Bool(), _("accept academic titles and ranks before the name")),
})
