"""The dateline is real: issued no later than today, place name capitalised per syllable.

## Why
A final plan cannot be dated in the future. The decree capitalises the first letter of every
syllable of the place name (“Bà Rịa - Vũng Tàu”), except the generic word of units such as
“Thành phố Hồ Chí Minh” (Phụ lục I, II.4; Phụ lục II).

## Bad
```yaml
place: bà rịa - vũng tàu
date: 2099-01-01
```

## Good
```yaml
place: Bà Rịa - Vũng Tàu
date: 2023-10-02
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext
from vanban.text.vnformat import PlanDate, short_date

#: Second syllables of generic unit words that stay lower case: Thành phố, Thị xã, Đặc khu…
GENERIC = {("thành", "phố"), ("thị", "xã"), ("thị", "trấn"), ("đặc", "khu")}


def place_problems(place: str) -> list[str]:
    words = [w for w in place.replace(",", " ").split() if w not in ("-", "–")]
    bad = []
    for i, word in enumerate(words):
        if not word[0].isalpha() or word[0].isupper():
            continue
        if i and (words[i - 1].lower(), word.lower()) in GENERIC:
            continue
        bad.append(word)
    return bad


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    if plan.draft is None and plan.date is not None and plan.date.complete:
        if plan.date.to_date() > ctx.today:
            yield ctx.finding(plan.marks["date"], _(
                "the plan is dated {date}, later than today ({today}); a final plan is dated the "
                "day it is issued"), date=short_date(plan.date),
                today=short_date(PlanDate.of(ctx.today)))
    bad = place_problems(plan.place)
    if bad:
        yield ctx.finding(plan.marks.get("place", plan.mark), _(
            "capitalise every syllable of the place name: {words}"),
            words=", ".join(f"“{w}”" for w in bad))


RULE = Rule("VB303", "dateline", Severity.ERROR, __doc__, check)
