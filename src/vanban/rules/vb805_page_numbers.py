"""Page numbers: centred in the top margin, 13–14 pt, from page 2 on.

## Why
Phụ lục I, I.7: pages are numbered in Arabic figures, 13–14 pt, upright, centred in the top
margin, and page 1 shows no number (Word: “Different first page”). A number in the footer,
or one on page 1, is the most common slip of documents made from a plain template. The
number is found wherever Word keeps it — in a content control of the “Page Numbers” gallery
too — and counts as centred when tabs take it to a centre tab stop. A document short enough
for one page needs no numbers.

## Bad
```text
header with { PAGE } on every page, first page included
```

## Good
```text
default header { PAGE } centred, 14 pt; first-page header empty
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import estimated_pages

#: A document estimated under this many pages fits on one (the estimate has no layout).
ONE_PAGE = 1.1
SIZES = (13, 14)


def check(ctx: DocContext) -> Iterator[Finding]:
    document = ctx.document
    if not document.sections:
        return
    first = next((p for p in document.paras if p.text.strip()), None)
    main = document.sections[0]
    numbers = [s.page_number for s in document.sections if s.page_number is not None]
    if main.page_number is None or main.page_number.where == "footer":
        if main.page_number is not None:
            yield ctx.finding(ctx.mark(first), _(
                "page numbers are in the footer; the decree puts them in the top margin"))
        elif estimated_pages(document) > ONE_PAGE and not numbers:
            yield ctx.finding(ctx.mark(first), _(
                "the pages are not numbered: add the page number, centred in the header"))
    if main.first_page_number:
        yield ctx.finding(ctx.mark(first), _(
            "page 1 shows a page number; set “Different first page” and leave its header "
            "without a number"))
    if any(not n.centred for n in numbers if n.where == "header"):
        yield ctx.finding(ctx.mark(first), _("centre the page number"))
    sizes = [n.size for n in numbers if n.size is not None and not SIZES[0] <= n.size <= SIZES[1]]
    if sizes:
        yield ctx.finding(ctx.mark(first), _(
            "the page number is {size:g} pt; the decree sets 13–14 pt"), size=sizes[0])


RULE = Rule("VB805", "page-numbers", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="docx")
