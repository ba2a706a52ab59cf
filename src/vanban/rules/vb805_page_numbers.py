"""Page numbers: centred in the top margin, 13–14 pt, from page 2 on.

## Why
Phụ lục I, I.7: pages are numbered in Arabic figures, 13–14 pt, upright, centred in the top
margin, and page 1 shows no number (Word: “Different first page”). A number in the footer,
or one on page 1, is the most common slip of documents made from a plain template.

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

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import alignment, run_format

#: Below this much text a document fits on one page and needs no numbers.
ONE_PAGE_CHARS = 3000


def _page_fields(doc, part) -> list[Paragraph]:
    """Paragraphs of a header or footer part holding a PAGE field (styles looked up in the
    document's styles part)."""
    out = []
    for p in part.element.iter(qn("w:p")):
        instr = "".join(t.text or "" for t in p.iter(qn("w:instrText")))
        simple = [f.get(qn("w:instr")) or "" for f in p.iter(qn("w:fldSimple"))]
        if "PAGE" in instr.upper() or any("PAGE" in s.upper() for s in simple):
            out.append(Paragraph(p, doc._body))
    return out


def _part(doc, section, kind: str, type_: str):
    for ref in section._sectPr.findall(qn(f"w:{kind}Reference")):
        if ref.get(qn("w:type")) == type_:
            return doc.part.rels[ref.get(qn("r:id"))].target_part
    return None


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.docx
    section = doc.sections[0]
    first = ctx.document.paras[0] if ctx.document.paras else None
    default = _part(doc, section, "header", "default")
    numbers = _page_fields(doc, default) if default is not None else []
    footer = _part(doc, section, "footer", "default")
    if not numbers:
        if footer is not None and _page_fields(doc, footer):
            yield ctx.finding(ctx.mark(first), _(
                "page numbers are in the footer; the decree puts them in the top margin"))
        elif sum(len(p.text) for p in ctx.document.paras) > ONE_PAGE_CHARS:
            yield ctx.finding(ctx.mark(first), _(
                "the pages are not numbered: add the page number, centred in the header"))
        return
    title_page = section._sectPr.find(qn("w:titlePg"))
    first_header = _part(doc, section, "header", "first")
    if title_page is None or title_page.get(qn("w:val")) in ("0", "false") or (
            first_header is not None and _page_fields(doc, first_header)):
        yield ctx.finding(ctx.mark(first), _(
            "page 1 shows a page number; set “Different first page” and leave its header "
            "without a number"))
    number = numbers[0]
    if alignment(number) != WD_ALIGN_PARAGRAPH.CENTER:
        yield ctx.finding(ctx.mark(first), _("centre the page number"))
    fmt = run_format(doc, number)
    if fmt is not None and fmt.size is not None and not 13 <= fmt.size <= 14:
        yield ctx.finding(ctx.mark(first), _(
            "the page number is {size:g} pt; the decree sets 13–14 pt"), size=fmt.size)


RULE = Rule("VB805", "page-numbers", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="docx")
