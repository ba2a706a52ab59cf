"""Body paragraphs: justified, first-line indent 1–1.27 cm, ≥ 6 pt apart, single to 1.5 lines.

## Why
Phụ lục I, II.6.e: the content is justified on both sides, each paragraph's first line is
indented 1 cm or 1.27 cm, paragraphs are at least 6 pt apart, and line spacing is between
single and 1.5 lines. Word's “Normal” style (left-aligned, no indent, 1.08 lines, 8 pt after)
is the usual source of slips. The first line starts at the left indent plus the first-line
indent — or where a tab typed at its start takes it. Only running text is judged: not table
cells, not hidden text, not headings in capitals, and not the lines the decree itself
centres — bold headings, notes in brackets such as “(Phân công nhiệm vụ theo Phụ lục đính
kèm)” and a Công điện's “<CƠ QUAN> điện:” (Mẫu 1.6). A line too short to wrap looks the same
left-aligned or justified, and is let be.

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

import re
from collections.abc import Iterator
from typing import Any

from vanban.decree.doctypes import CABLE_VERB
from vanban.decree.page import A4_MM, LAYOUT_RANGES
from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import CHAR_EM, PT_MM, printed
from vanban.text.fold import is_upper

#: A note in brackets, like “(Phân công nhiệm vụ theo Phụ lục đính kèm).”
NOTE = re.compile(r"^\(.*\)[.;:]?$")
#: The narrowest text column the decree's margins leave on an A4 page.
ONE_LINE_MM = A4_MM[0] - LAYOUT_RANGES["margin_left"][1] - LAYOUT_RANGES["margin_right"][1]
#: Word stores indents in twentieths of a point and users type 1.25 for 1.27: some slack.
SLACK_CM = 0.05
SLACK_LINES = 0.05


def _not_running_text(para: Any) -> bool:
    """A heading in capitals, or a line the decree centres: a centred bold heading, a note
    in brackets, or a Công điện's “<CƠ QUAN> điện:” over its receivers (Mẫu 1.6)."""
    text = para.text.strip()
    if is_upper(text):
        return True
    return para.format.alignment == "center" and (
        para.format.bold is True or bool(NOTE.match(text)) or text.endswith(CABLE_VERB))


def _one_line(para: Any) -> bool:
    """Short enough to fit on one line, where left and justified look the same."""
    size = para.format.size or 13.0
    return len(para.text) < ONE_LINE_MM / (size * PT_MM * CHAR_EM)


def check(ctx: DocContext) -> Iterator[Finding]:
    counts: dict[str, list] = {}
    body = [p for p in ctx.roles.get("body", []) if p.cell is None and printed(p)
            and not _not_running_text(p)]
    low_indent, high_indent = LAYOUT_RANGES["first_line_indent"]
    low_spacing = LAYOUT_RANGES["paragraph_spacing"][0]
    low_lines, high_lines = LAYOUT_RANGES["line_spacing"]
    for index, para in enumerate(body):
        fmt = para.format
        if fmt.alignment not in ("both", "distribute") and not (
                fmt.alignment == "left" and _one_line(para)):
            counts.setdefault("align", []).append(para)
        indent = fmt.first_line_mm / 10
        if para.part == 0 and not low_indent - SLACK_CM <= indent <= high_indent + SLACK_CM:
            counts.setdefault("indent", []).append(para)
        following = body[index + 1] if index + 1 < len(body) else None
        if following is not None and following.number != para.number:
            gap = max(fmt.space_after_pt, following.format.space_before_pt)
            if gap < low_spacing and fmt.space_before_pt < low_spacing:
                counts.setdefault("spacing", []).append(para)
        lines = fmt.line_spacing
        if lines is not None and not low_lines - SLACK_LINES <= lines <= high_lines + SLACK_LINES:
            counts.setdefault("lines", []).append(para)
    messages = {
        "align": _("{count} body paragraph(s) are not justified; justify them"),
        "indent": _("{count} body paragraph(s) have no first-line indent of 1–1.27 cm"),
        "spacing": _("{count} body paragraph(s) are less than 6 pt apart"),
        "lines": _("{count} body paragraph(s) have a line spacing outside single to 1.5 lines"),
    }
    for key, message in messages.items():
        if key in counts:
            paras = counts[key]
            yield ctx.finding(ctx.mark(paras[0]), message,
                              count=len({p.number for p in paras}))


RULE = Rule("VB806", "body-format", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="docx")
