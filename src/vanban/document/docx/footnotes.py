"""Footnotes (word/footnotes.xml): their text by id, apart from the body's text."""

from __future__ import annotations

import unicodedata
from typing import Any

from vanban.document.docx.ooxml import W, to_number, wattr
from vanban.document.docx.text import read_paragraph

#: Word's own entries: the separator lines, not footnotes.
SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def read_footnotes(root: Any) -> dict[int, str]:
    """Footnote id → text (its paragraphs joined by line breaks), in document order."""
    notes: dict[int, str] = {}
    if root is None:
        return notes
    for note in root.iter(W + "footnote"):
        number = to_number(wattr(note, "id"))
        if number is None or number <= 0 or wattr(note, "type") in SEPARATORS:
            continue
        lines = []
        for paragraph in note.iter(W + "p"):
            for line in read_paragraph(paragraph).lines:
                text = unicodedata.normalize("NFC", line.raw).replace("\t", " ").strip()
                if text:
                    lines.append(text)
        notes[int(number)] = "\n".join(lines)
    return notes
