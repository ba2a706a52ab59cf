"""The text of a Word paragraph as Word shows it, cut into lines at its manual line breaks.

Every ``w:t`` under the paragraph counts — inside hyperlinks, smart tags, custom XML, content
controls, simple fields, tracked insertions (pending insertions are current text) — and so
do the results of complex fields. Not counted: deleted text, field instructions, and whatever
sits in a drawing (a text box's text floats; its ``mc:Fallback`` copy is never read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vanban.document.docx.ooxml import W, tag, to_number, wattr
from vanban.document.docx.styles import Props, read_rpr

RUN = W + "r"
#: Containers whose content is read as if it were the paragraph's own.
TRANSPARENT = {W + name for name in ("hyperlink", "smartTag", "customXml", "ins", "moveTo",
                                     "fldSimple", "dir", "bdo")}
SDT, SDT_CONTENT = W + "sdt", W + "sdtContent"
ALTERNATE, CHOICE = tag("mc:AlternateContent"), tag("mc:Choice")
FALLBACK = tag("mc:Fallback")
DRAWINGS = (W + "drawing", W + "pict")
#: Symbol-font characters worth reading as text; the rest are pictures.
SYMBOL_CHARS = {0x2D: "-", 0x2B: "+", 0x3D: "=", 0x28: "(", 0x29: ")", 0x2C: ",", 0x2E: ".",
                0x2F: "/", 0x3A: ":", 0x3B: ";", 0xB7: "•"} | {c: chr(c) for c in range(0x30, 0x3A)}


@dataclass
class Line:
    """One line of a paragraph: its text as typed and the runs that set it."""

    parts: list[str] = field(default_factory=list)
    runs: list[tuple[Props, str, int]] = field(default_factory=list)  # (direct w:rPr, text,
    #                                                                    where it starts)
    footnotes: list[int] = field(default_factory=list)
    length: int = 0
    #: The element each part comes from (a ``w:t``, ``w:tab``, ``w:sym`` …), with where the
    #: part starts in :attr:`raw`: how a column of the text is found in the XML again.
    sources: list[tuple[int, Any]] = field(default_factory=list)

    @property
    def raw(self) -> str:
        return "".join(self.parts)

    def add(self, text: str, rpr: Props | None = None, source: Any = None) -> None:
        """Add text as typed, from the element ``source``; with ``rpr``, text a run sets
        (a tab is not)."""
        if rpr is not None:
            self.runs.append((rpr, text, self.length))
        if source is not None:
            self.sources.append((self.length, source))
        self.parts.append(text)
        self.length += len(text)


@dataclass
class Content:
    lines: list[Line] = field(default_factory=lambda: [Line()])
    drawings: list[Any] = field(default_factory=list)  # w:drawing / w:pict met, in order
    page_break: bool = False


def choice(alternate: Any) -> Any:
    """The ``mc:Choice`` of an ``mc:AlternateContent`` (the fallback is never read)."""
    return alternate.find(CHOICE)


def symbol(element: Any) -> str:
    """The character a ``w:sym`` shows, when it is text rather than a picture."""
    try:
        code = int(wattr(element, "char") or "", 16)
    except ValueError:
        return ""
    font = (wattr(element, "font") or "").lower()
    if code >= 0xF000:  # symbol fonts map their glyphs into the private use area
        code -= 0xF000
    if font.startswith(("wingdings", "webdings")):
        return ""
    if font.startswith("symbol"):
        return SYMBOL_CHARS.get(code, "")
    return chr(code) if 0x20 <= code < 0xD800 else ""


class _Reader:
    def __init__(self) -> None:
        self.content = Content()
        self.fields: list[bool] = []  # open complex fields: True while in their instruction

    @property
    def line(self) -> Line:
        return self.content.lines[-1]

    def container(self, element: Any) -> None:
        for node in element:
            name = node.tag
            if name == RUN:
                self.run(node)
            elif name in TRANSPARENT:
                self.container(node)
            elif name == SDT:
                content = node.find(SDT_CONTENT)
                if content is not None:
                    self.container(content)
            elif name == ALTERNATE:
                picked = choice(node)
                if picked is not None:
                    self.container(picked)
            # w:del, w:moveFrom, w:pPr, bookmarks, proofing marks: not text

    def run(self, run: Any) -> None:
        rpr: Props | None = None
        for node in run:
            name = node.tag
            if name == W + "t":
                if node.text and not any(self.fields):
                    if rpr is None:
                        rpr = read_rpr(run.find(W + "rPr"))
                    self.line.add(node.text, rpr, node)
            elif name in (W + "tab", W + "ptab"):
                if not any(self.fields):
                    self.line.add("\t", source=node)
            elif name == W + "br":
                if wattr(node, "type") in (None, "textWrapping"):
                    self.content.lines.append(Line())
                elif wattr(node, "type") == "page":
                    self.content.page_break = True
            elif name == W + "cr":
                self.content.lines.append(Line())
            elif name in (W + "noBreakHyphen", W + "sym"):
                text = "-" if name == W + "noBreakHyphen" else symbol(node)
                if text and not any(self.fields):
                    if rpr is None:
                        rpr = read_rpr(run.find(W + "rPr"))
                    self.line.add(text, rpr, node)
            elif name == W + "fldChar":
                kind = wattr(node, "fldCharType")
                if kind == "begin":
                    self.fields.append(True)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = False
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif name == W + "footnoteReference":
                number = to_number(wattr(node, "id"))
                if number is not None:
                    self.line.footnotes.append(int(number))
            elif name in DRAWINGS:
                self.content.drawings.append(node)
            elif name == ALTERNATE:
                picked = choice(node)
                if picked is not None:
                    self.content.drawings.extend(d for d in picked if d.tag in DRAWINGS)


def read_paragraph(paragraph: Any) -> Content:
    """The lines of a ``w:p`` and the drawings anchored in it."""
    reader = _Reader()
    reader.container(paragraph)
    return reader.content


def box_paragraphs(drawing: Any) -> list[Any]:
    """The paragraphs of the text boxes in a drawing, fallback copies skipped."""
    out: list[Any] = []
    for box in drawing.iter(W + "txbxContent"):
        if not any(up.tag == FALLBACK for up in box.iterancestors()):
            out.extend(box.iter(W + "p"))
    return out
