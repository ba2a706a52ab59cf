"""No space before a punctuation mark or after an opening bracket.

## Why
Vietnamese typography, like English, attaches , . ; : ! ? ) to the word before them and “(”
to the word after it. A space before the mark lets a line break separate it from its word.
A slash with a space on one side only (“công ước /điều ước”) is reported without a fix.

## Bad
```yaml
- Tổ chức hội nghị , tập huấn ( nếu cần ) .
```

## Good
```yaml
- Tổ chức hội nghị, tập huấn (nếu cần).
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext, char_after, char_before

# Patterns start with a literal character; the context is checked in Python (faster than
# lookbehinds tried at every position of the file).
_BEFORE = re.compile(r" +(?=[,.;:!?)…](?:\s|$|[\"']))")
_AFTER_OPEN = re.compile(r"(?<=\() +(?=\S)")
_SLASH = re.compile(r" /|/ ")


def _after_word(m: re.Match[str]) -> bool:
    before = char_before(m)
    return bool(before) and not before.isspace() and before != "("


_URL_END = re.compile(r"(?:https?://|www\.)\S*$")


def _slash_between_words(m: re.Match[str]) -> bool:
    before, after = char_before(m), char_after(m)
    if _URL_END.search(m.string, max(0, m.start() - 200), m.start() + 1):
        return False  # “https://cchc.lamdong.gov.vn/ thường xuyên”: the slash ends an address
    return before.isalpha() and after.isalpha()


def check(ctx: RuleContext) -> Iterator[Finding]:
    for tm in ctx.text_matches(_BEFORE, _after_word):
        mark = tm.match.string[tm.match.end()]
        yield ctx.finding(tm.mark, _("delete the space before “{char}”"), tm.fix(""), char=mark)
    for tm in ctx.text_matches(_AFTER_OPEN):
        yield ctx.finding(tm.mark, _("delete the space after “(”"), tm.fix(""))
    for tm in ctx.text_matches(_SLASH, _slash_between_words):
        yield ctx.finding(tm.mark, _(
            "a slash with a space on one side only: write it with no space on either side, or "
            "with one on both"))


RULE = Rule("VB605", "punctuation-spacing", Severity.WARNING, __doc__, check, needs_plan=False,
            fixable=True)
