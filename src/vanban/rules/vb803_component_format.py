"""Each component has the decree's size, weight, slant and case.

## Why
Phụ lục I, II and its “Mẫu chữ” table fix, component by component, the size and the style:
Quốc hiệu 12–13 pt bold capitals; Tiêu ngữ 13–14 pt bold; the superior body 12–13 pt
capitals not bold; the issuing body 12–13 pt bold capitals; `Số:` 13 pt upright; the dateline
13–14 pt italic; the type name 13–14 pt bold capitals; the trích yếu 13–14 pt bold; bases
italic; `Nơi nhận:` 12 pt bold italic; recipients 11 pt; the signer's titles 13–14 pt bold
capitals and the name 13–14 pt bold. Capitals may be typed or set by the style (“All caps”).
Each line of a paragraph broken with Shift+Enter is judged on its own, and so is each side of
a line that tabs or spaces split into two columns (“Nơi nhận:” on the left, “KT. CHỦ TỊCH” on
the right); hidden or white text, which does not print, is not judged.

## Bad
```text
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM    (11 pt, not bold)
```

## Good
```text
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM    (12 pt, bold)
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vanban.decree.components import COMPONENT_FORMATS, ComponentFormat
from vanban.i18n import Msg, _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule
from vanban.rules._docx import printed
from vanban.text.fold import is_upper

if TYPE_CHECKING:  # the document model is loaded with the document, not with the rules
    from vanban.document.model import Format

#: On a line aligned by hand (“Nơi nhận:⇥⇥KT. CHỦ TỊCH”), the piece each component is.
LEFT = ("recipients_label", "recipient")
RIGHT = ("signature_title", "other_title", "signer")


def _piece(para: Any, role: str) -> tuple[Format, str, int]:
    """The format, text and column of the component ``role`` in ``para``: the whole line,
    or its left or right piece when tabs or spaces set two columns on one line."""
    if len(para.segments) > 1 and len(para.segment_formats) == len(para.segments) and \
            role in LEFT + RIGHT:
        at = 0 if role in LEFT else -1
        col, text = para.segments[at]
        return para.segment_formats[at], text, col
    return para.format, para.text, 0


#: Each slip, and the same slip on several lines of one component (reported once).
SIZE = (_("{what} is set in {size} pt; the decree sets {range} pt"),
        _("{what} is set in {size} pt; the decree sets {range} pt ({count} lines alike)"))
BOLD = (_("{what} should be bold"), _("{what} should be bold ({count} lines alike)"))
NOT_BOLD = (_("{what} should not be bold"),
            _("{what} should not be bold ({count} lines alike)"))
ITALIC = (_("{what} should be italic"), _("{what} should be italic ({count} lines alike)"))
UPRIGHT = (_("{what} should be upright"),
           _("{what} should be upright ({count} lines alike)"))
CAPITALS = (_("{what} is written in capitals"),
            _("{what} is written in capitals ({count} lines alike)"))


def _problems(spec: ComponentFormat, fmt: Format,
              text: str) -> Iterator[tuple[tuple[str, str], dict[str, Any]]]:
    """What is wrong with one component's setting: (messages, arguments)."""
    low, high = spec.sizes
    if fmt.size is None or not low <= fmt.size <= high:
        size = "?" if fmt.size is None else f"{fmt.size:g}"
        rng = f"{low:g}" if low == high else f"{low:g}–{high:g}"
        yield SIZE, {"size": size, "range": rng}
    if spec.bold is not None and fmt.bold is not spec.bold:
        yield (BOLD if spec.bold else NOT_BOLD), {}
    if spec.italic is not None and fmt.italic is not spec.italic:
        yield (ITALIC if spec.italic else UPRIGHT), {}
    if spec.upper and not (fmt.caps or is_upper(text)):
        yield CAPITALS, {}


def check(ctx: DocContext) -> Iterator[Finding]:
    for role, spec in COMPONENT_FORMATS.items():
        # a component set the same wrong way on several lines (every căn cứ upright, every
        # recipient in 12 pt) is one choice: reported once, at its first line, with a count
        found: dict[tuple[tuple[str, str], tuple[Any, ...]], list[tuple[Any, int]]] = {}
        for para in ctx.roles.get(role, []):
            if not printed(para):
                continue  # empty, hidden or white: nothing is printed to judge
            fmt, text, col = _piece(para, role)
            if fmt.hidden:
                continue
            for messages, args in _problems(spec, fmt, text):
                found.setdefault((messages, tuple(sorted(args.items()))), []).append((para, col))
        for (messages, args), places in found.items():
            para, col = places[0]
            one, many = messages
            yield ctx.finding(ctx.mark(para, col), one if len(places) == 1 else many,
                              what=Msg(spec.name), count=len(places), **dict(args))


RULE = Rule("VB803", "component-format", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="docx")
