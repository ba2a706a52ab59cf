"""Reading a rendered .docx back with python-docx: effective fonts, sizes and geometry."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph

from vanban.renderer import text_width_pt


def _style_chain(paragraph: Paragraph):
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _defaults_size(doc: Document) -> float:
    sz = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:sz"))
    return int(sz.get(qn("w:val"))) / 2


def font_of(doc: Document, paragraph: Paragraph) -> dict:
    """Effective size (pt), bold, italic and font name of the paragraph's text runs."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    out = {}
    for attr in ("size", "bold", "italic", "name"):
        values = set()
        for run in runs or [None]:
            value = getattr(run.font, attr) if run is not None else None
            if value is None:
                for style in _style_chain(paragraph):
                    value = getattr(style.font, attr)
                    if value is not None:
                        break
            values.add(value)
        assert len(values) == 1, (paragraph.text, attr, values)
        out[attr] = values.pop()
    out["size"] = out["size"].pt if isinstance(out["size"], Length) else _defaults_size(doc)
    out["bold"], out["italic"] = bool(out["bold"]), bool(out["italic"])
    return out


def format_of(paragraph: Paragraph, attr: str):
    """A paragraph-format attribute, following the style chain."""
    value = getattr(paragraph.paragraph_format, attr)
    for style in _style_chain(paragraph):
        if value is not None:
            break
        value = getattr(style.paragraph_format, attr)
    return value


def styled(paragraphs, name: str) -> list[Paragraph]:
    return [p for p in paragraphs if p.style is not None and p.style.name == name]


def rule_length_pt(paragraph: Paragraph, available: Length) -> float:
    pf = paragraph.paragraph_format
    return (available - (pf.left_indent or 0) - (pf.right_indent or 0)) / 12700


def has_bottom_border(paragraph: Paragraph) -> bool:
    for style in [paragraph, *_style_chain(paragraph)]:
        el = style._p if isinstance(style, Paragraph) else style.element
        ppr = el.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:pBdr") + "/" + qn("w:bottom")) is not None:
            return True
    return False


def width_pt(doc: Document, paragraph: Paragraph) -> float:
    """The width of the paragraph's text as shown (in capitals for a caps style)."""
    font = font_of(doc, paragraph)
    caps = any(s.font.all_caps for s in _style_chain(paragraph))
    text = paragraph.text.upper() if caps else paragraph.text
    return text_width_pt(text, font["size"], bold=font["bold"], italic=font["italic"])
