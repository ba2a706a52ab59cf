"""Body paragraphs: justified, first-line indent 1–1.27 cm, ≥ 6 pt apart, single to 1.5 lines.

## Why
Phụ lục I, II.6.e: the content is justified on both sides, each paragraph's first line is
indented 1 cm or 1.27 cm, paragraphs are at least 6 pt apart, and line spacing is between
single and 1.5 lines. Word's “Normal” style (left-aligned, no indent, 1.08 lines, 8 pt after)
is the usual source of slips.

## Bad
```text
Body paragraphs left-aligned, no first-line indent
```

## Good
```text
Justified, first line indented 1.27 cm, 6 pt after, single spacing
```
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import alignment, line_spacing_lines, paragraph_attr, run_format


def check(ctx: DocContext) -> Iterator[Finding]:
    counts: dict[str, list] = {}
    body = [p for p in ctx.roles.get("body", []) if p.element is not None and p.text.strip()]
    for index, para in enumerate(body):
        element = para.element
        if alignment(element) not in (WD_ALIGN_PARAGRAPH.JUSTIFY,
                                      WD_ALIGN_PARAGRAPH.DISTRIBUTE):
            counts.setdefault("align", []).append(para)
        indent = Length(paragraph_attr(element, "first_line_indent") or 0).cm
        if not 0.95 <= indent <= 1.32:
            counts.setdefault("indent", []).append(para)
        before = Length(paragraph_attr(element, "space_before") or 0).pt
        after = Length(paragraph_attr(element, "space_after") or 0).pt
        if index + 1 < len(body):
            following = Length(paragraph_attr(body[index + 1].element, "space_before") or 0).pt
            if max(after, following) < 6 and before < 6:
                counts.setdefault("spacing", []).append(para)
        fmt = run_format(ctx.docx, element)
        size = fmt.size if fmt and fmt.size else 14.0
        lines = line_spacing_lines(element, size)
        if lines is not None and not 0.95 <= lines <= 1.55:
            counts.setdefault("lines", []).append(para)
    messages = {
        "align": _("{count} body paragraph(s) are not justified; justify them"),
        "indent": _("{count} body paragraph(s) have no first-line indent of 1–1.27 cm"),
        "spacing": _("{count} body paragraph(s) are less than 6 pt apart"),
        "lines": _("{count} body paragraph(s) have a line spacing outside single to 1.5 lines"),
    }
    for key, message in messages.items():
        if key in counts:
            yield ctx.finding(ctx.mark(counts[key][0]), message, count=len(counts[key]))


RULE = Rule("VB806", "body-format", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="docx")
