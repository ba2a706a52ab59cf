"""A rule's documentation in the reader's language.

The English documentation is the rule module's docstring itself. Another language translates
it through the message catalog, piece by piece: each heading (``## Why`` …), each prose
paragraph and each bullet — the English text with its line breaks joined to spaces is the
message id, which ``scripts/update_catalog.py`` extracts. Code blocks (the Bad and Good
examples, Vietnamese documents already) are kept as written, and the translation keeps the
inline code spans (`` `lead` ``, `` `draft` ``) of its paragraph. The translated prose is
wrapped again to the width of the docstrings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vanban.i18n import _, current_language, translate
from vanban.rules._base import Rule

#: The headings of a rule's documentation, as message ids.
HEADINGS = {"Why": _("Why"), "Bad": _("Bad"), "Good": _("Good"), "Options": _("Options")}

#: The width the docstrings are wrapped to; translated prose is wrapped to it as well.
WIDTH = 95

_HEADING = re.compile(r"^(#{1,6}) +(.+?)\s*$")
_BULLET = re.compile(r"^[-*] +")
_FENCE = "```"
_CODE_SPAN = re.compile(r"`[^`]*`")
#: A word that would start a list, a heading, a quotation or a table at the start of a line.
_MARKDOWN_START = re.compile(r"^(?:[-+*>#|]|\d+[.)])$|^```")


@dataclass(frozen=True)
class Block:
    """A piece of documentation: a heading, a code block, a paragraph or a bullet.

    ``text`` is the heading's words, the code block as written (fences included), or the
    paragraph's or bullet's English with its line breaks joined: its message id."""

    kind: Literal["heading", "code", "prose", "bullet"]
    text: str
    level: int = 0  # a heading's number of “#”


def blocks(doc: str) -> list[Block]:
    """The blocks of a documentation text, in order."""
    lines = doc.strip("\n").splitlines()
    out: list[Block] = []
    i = 0

    def starts_block(line: str) -> bool:
        return (not line.strip() or line.startswith(_FENCE) or bool(_HEADING.match(line))
                or bool(_BULLET.match(line)))

    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif line.startswith(_FENCE):
            end = i + 1
            while end < len(lines) and not lines[end].startswith(_FENCE):
                end += 1
            out.append(Block("code", "\n".join(lines[i:end + 1])))
            i = end + 1
        elif m := _HEADING.match(line):
            out.append(Block("heading", m[2], len(m[1])))
            i += 1
        else:
            bullet = _BULLET.match(line)
            words = [line[bullet.end():] if bullet else line.strip()]
            i += 1
            while i < len(lines) and not starts_block(lines[i]):
                words.append(lines[i].strip())
                i += 1
            out.append(Block("bullet" if bullet else "prose", " ".join(words)))
    return out


def messages(rule: Rule) -> list[str]:
    """The message ids of a rule's documentation: its prose paragraphs and bullets (the
    first paragraph is the rule's summary), in order."""
    return [b.text for b in blocks(rule.doc) if b.kind in ("prose", "bullet")]


def headings(rule: Rule) -> list[str]:
    return [b.text for b in blocks(rule.doc) if b.kind == "heading"]


def wrap(text: str, width: int = WIDTH, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` characters (a longer word stands alone), never
    broken inside a code span or a run of spaces (“Số:      /KH-UBND”, a blank left for the
    number), and with no line starting with a word that Markdown would read as a list, a
    heading or a quotation."""
    spans = _CODE_SPAN.findall(text)
    held = _CODE_SPAN.sub("\0", text)
    words = []
    for word in re.split(r"(?<! ) (?! )", held.strip()):
        while "\0" in word:
            word = word.replace("\0", spans.pop(0).replace(" ", "\x01"), 1)
        words.append(word)
    lines: list[list[str]] = [[]]
    for word in words:
        line = lines[-1]
        if line and len(indent) + len(" ".join([*line, word])) > width:
            carried = []
            if _MARKDOWN_START.match(word.replace("\x01", " ")) and len(line) > 1:
                carried = [line.pop()]
            lines.append([*carried, word])
        else:
            line.append(word)
    return [indent + " ".join(line).replace("\x01", " ") for line in lines if line]


def _render(block: Block, lang: str) -> list[str]:
    if block.kind == "code":
        return block.text.splitlines()
    if block.kind == "heading":
        return ["#" * block.level + " " + translate(HEADINGS.get(block.text, block.text), lang)]
    text = translate(block.text, lang)
    if block.kind == "bullet":
        lines = wrap(text, indent="  ")
        return ["- " + lines[0][2:], *lines[1:]]
    return wrap(text)


def documentation(rule: Rule, lang: str | None = None) -> str:
    """The rule's documentation in ``lang`` (default: the current language): the summary,
    then ``## Why``, ``## Bad``, ``## Good`` and maybe ``## Options``, translated."""
    lang = lang or current_language()
    if lang == "en":
        return rule.doc.strip()
    out: list[str] = []
    previous: Block | None = None
    for block in blocks(rule.doc):
        if previous is not None and previous.kind != "heading" and not (
                previous.kind == block.kind == "bullet"):
            out.append("")
        out += _render(block, lang)
        previous = block
    return "\n".join(out)


def sections(rule: Rule, lang: str | None = None) -> dict[str, str]:
    """The ``## …`` sections of the rule's documentation in ``lang``, by translated heading
    (as :meth:`Rule.sections` gives them in English)."""
    lang = lang or current_language()
    if lang == "en":
        return rule.sections()
    text = documentation(rule, lang)
    parts = re.split(r"^## +(.+?)\s*$", text, flags=re.MULTILINE)
    return {parts[i].strip(): parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}
