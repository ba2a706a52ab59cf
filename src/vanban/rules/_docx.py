"""What the layout rules of a .docx share: which units of reading are printed text, and how
sections are named in a message. The rules read the document model (formats, sections,
drawn lines, page numbers), never python-docx objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vanban.document.pages import CHAR_EM, PT_MM, estimated_pages


def printed(para: Any) -> bool:
    """A unit of a .docx that prints text: not empty, not hidden, not white on white."""
    return para.format is not None and bool(para.text.strip()) and not para.format.hidden


def section_list(indices: Iterable[int]) -> str:
    """Sections by their 1-based numbers, runs joined: ``1``, ``2–8``, ``1, 3–4``."""
    numbers = sorted({i + 1 for i in indices})
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


#: The page estimate lives with the document model (:mod:`vanban.document.pages`).
__all__ = ["CHAR_EM", "PT_MM", "estimated_pages", "printed", "section_list"]
