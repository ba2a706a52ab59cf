"""Effective formatting of a paragraph in a .docx: what Word would apply, run → style → defaults."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph

W_FONT_ATTRS = ("w:ascii", "w:hAnsi")


def _styles(paragraph: Paragraph) -> Iterator:
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _default_rpr(doc: Document):
    return doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")


def _defaults(doc: Document, tag: str):
    rpr = _default_rpr(doc)
    return rpr.find(qn(tag)) if rpr is not None else None


@dataclass
class Format:
    size: float | None
    bold: bool
    italic: bool
    caps: bool
    fonts: set[str]


def run_format(doc: Document, paragraph: Paragraph) -> Format | None:
    """The formatting shared by the text runs (None for an empty paragraph). A property that
    differs between runs is reported as the first run's."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return None
    sizes, bolds, italics, caps, fonts = [], [], [], [], set()
    for run in runs:
        sizes.append(_run_attr(run, paragraph, "size"))
        bolds.append(bool(_run_attr(run, paragraph, "bold")))
        italics.append(bool(_run_attr(run, paragraph, "italic")))
        caps.append(bool(_run_attr(run, paragraph, "all_caps")))
        fonts.add(font_name(doc, paragraph, run))
    size = sizes[0]
    if size is None:
        sz = _defaults(doc, "w:sz")
        size = Length(int(sz.get(qn("w:val"))) * 6350) if sz is not None else None
    return Format(size.pt if size is not None else None, bolds[0], italics[0], caps[0], fonts)


def _run_attr(run, paragraph: Paragraph, attr: str):
    value = getattr(run.font, attr)
    if value is None and run.style is not None and run.style.name != "Default Paragraph Font":
        value = getattr(run.style.font, attr)
    for style in _styles(paragraph):
        if value is not None:
            break
        value = getattr(style.font, attr)
    return value


def _found(properties: list, tag: str) -> Iterator:
    """The ``tag`` element of each of ``properties`` (run or paragraph first, then its
    styles) that has one."""
    for props in properties:
        element = props.find(qn(tag)) if props is not None else None
        if element is not None:
            yield element


def font_name(doc: Document, paragraph: Paragraph, run) -> str:
    """The Latin font a run is set in; a theme font reads as ``theme:<slot>``."""
    chain = [run._r.rPr, *[s.element.rPr for s in _styles(paragraph)], _default_rpr(doc)]
    for fonts in _found(chain, "w:rFonts"):
        for attr in W_FONT_ATTRS:
            if fonts.get(qn(attr)):
                return fonts.get(qn(attr))
        theme = fonts.get(qn("w:asciiTheme"))
        if theme:
            return f"theme:{theme}"
    return "Times New Roman"  # Word's built-in default when nothing says otherwise


def paragraph_attr(paragraph: Paragraph, attr: str):
    """A paragraph-format property following the style chain."""
    value = getattr(paragraph.paragraph_format, attr)
    for style in _styles(paragraph):
        if value is not None:
            break
        value = getattr(style.paragraph_format, attr)
    return value


def alignment(paragraph: Paragraph):
    return paragraph_attr(paragraph, "alignment") or WD_ALIGN_PARAGRAPH.LEFT


def line_spacing_lines(paragraph: Paragraph, size_pt: float) -> float | None:
    """Line spacing in lines (1 = single); exact/at-least spacing is converted with the
    font's single line height (about 1.15 × its size for Times New Roman)."""
    spacing = paragraph_attr(paragraph, "line_spacing")
    rule = paragraph_attr(paragraph, "line_spacing_rule")
    if spacing is None:
        return 1.0
    if isinstance(spacing, float):
        return spacing
    if rule in (WD_LINE_SPACING.EXACTLY, WD_LINE_SPACING.AT_LEAST) or isinstance(spacing, Length):
        return Length(spacing).pt / (size_pt * 1.15)
    return None


def has_border(paragraph: Paragraph, sides: tuple[str, ...]) -> bool:
    """Whether the paragraph (directly or by style) draws a border on one of ``sides``."""
    chain = [paragraph._p.pPr] + [s.element.pPr for s in _styles(paragraph)]
    for borders in _found(chain, "w:pBdr"):
        for side in sides:
            el = borders.find(qn(f"w:{side}"))
            if el is not None and el.get(qn("w:val")) not in (None, "nil", "none"):
                return True
    return False


_SHAPES = (qn("w:drawing"), qn("w:pict"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")


def has_drawing(paragraph: Paragraph) -> bool:
    """A drawn shape anchored in the paragraph (how Word users draw the decree's lines)."""
    return any(True for tag in _SHAPES for _ in paragraph._p.iter(tag))
