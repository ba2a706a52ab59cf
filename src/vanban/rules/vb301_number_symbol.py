"""The number and symbol follow the decree: type code as in its table, groups joined by “-”.

## Why
The symbol of a document with a type name is `<type code>-<issuer abbreviation>`
(Phụ lục I, II.3.b): `KH` for a Kế hoạch, spelled exactly as in the decree's table (`QyĐ`,
`CTr`, `TTr` keep their lower-case letters), groups joined by “-” with no spaces, no year
(a year belongs to legal normative documents: `05/2025/QĐ-UBND`). The issuer's abbreviation
is written in capitals.

## Bad
```yaml
type: Kế hoạch
symbol: QĐ - UBND
```

## Good
```yaml
type: Kế hoạch
symbol: KH-UBND
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.decree.doctypes import DOCUMENT_TYPES, type_by_code
from vanban.i18n import _
from vanban.plan.edits import by_regex, literal
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext

_SPACES = re.compile(r"\s*-\s*")


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    text = ctx.source.text
    if plan.symbol:
        mark = plan.marks["symbol"]
        scalar = ctx.scalar_at(mark)
        if "/" in plan.symbol:
            yield ctx.finding(mark, _(
                "“{symbol}” contains “/”: an administrative document's symbol has no year; "
                "write “{code}-<issuer>”"), symbol=plan.symbol, code=plan.doctype.code)
        first = plan.symbol.split("-")[0].strip()
        code = plan.doctype.code or ""
        if first != code:
            if first.upper() == code.upper():
                fix = literal(text, scalar, first, code) if scalar else None
                yield ctx.finding(mark, _(
                    "write the type code “{found}” as the decree's table does: “{code}”"), fix,
                    found=first, code=code)
            elif (other := type_by_code(first)) is not None or any(
                    t.code and t.code.upper() == first.upper() for t in DOCUMENT_TYPES):
                other = other or next(t for t in DOCUMENT_TYPES
                                      if t.code and t.code.upper() == first.upper())
                yield ctx.finding(mark, _(
                    "the symbol starts with “{found}” ({other}), but this document is a {name}: "
                    "use “{code}”"), found=first, other=other.name, name=plan.doctype.name,
                    code=code)
            elif not first.startswith(code):
                yield ctx.finding(mark, _(
                    "the symbol should start with the type code “{code}” of a {name}"),
                    code=code, name=plan.doctype.name)
    abbreviation = plan.issuer.abbreviation
    if abbreviation and any(c.islower() for c in abbreviation):
        mark = plan.issuer.marks["abbreviation"]
        scalar = ctx.scalar_at(mark)
        fix = literal(text, scalar, abbreviation, abbreviation.upper()) if scalar else None
        yield ctx.finding(mark, _(
            "the issuer's abbreviation is printed in capitals: “{upper}”"), fix,
            upper=abbreviation.upper())


def check_spaces(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    if plan.symbol and re.search(r"\s", plan.symbol):
        mark = plan.marks["symbol"]
        scalar = ctx.scalar_at(mark)
        fix = by_regex(ctx.source.text, scalar, _SPACES, lambda m: "-") if scalar else None
        yield ctx.finding(mark, _(
            "the groups of a symbol are joined by “-” without spaces: “{fixed}”"), fix,
            fixed=re.sub(r"\s*-\s*", "-", plan.symbol).replace(" ", ""))


def check_all(ctx: RuleContext) -> Iterator[Finding]:
    yield from check(ctx)
    yield from check_spaces(ctx)


RULE = Rule("VB301", "number-symbol", Severity.ERROR, __doc__, check_all, fixable=True)
