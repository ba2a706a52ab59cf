"""Put a comment's range markers around characters of a Word paragraph (``w:p``).

The paragraph's text is read as the checker reads it (:func:`read_paragraph`: runs inside
hyperlinks, smart tags, content controls, simple fields and insertions count), so a range
in its coordinates finds the ``w:t`` (or ``w:tab``, ``w:sym``) each character comes from.
A run a range starts or ends inside is split there into two runs that both keep its
properties (``w:rPr``) and attributes; nothing else of the paragraph changes.
``commentRangeStart`` goes before the first run of the range, ``commentRangeEnd`` after the
last, and the run holding the ``commentReference`` after that at the paragraph's own level
(never inside a hyperlink, field or insertion, where it would take on their meaning).
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass
from typing import Any

from vanban.document.docx.ooxml import W
from vanban.document.docx.text import read_paragraph

RPR, T = W + "rPr", W + "t"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def nfc_index(raw: str) -> list[int]:
    """For each character of ``NFC(raw)`` (and one past the end), where it starts in
    ``raw``: a letter and the accents that compose with it are one character once
    normalised, as the reader counts columns."""
    clusters: list[tuple[int, str]] = []
    for i, char in enumerate(raw):
        if clusters and unicodedata.combining(char):
            clusters[-1] = (clusters[-1][0], clusters[-1][1] + char)
        else:
            clusters.append((i, char))
    out: list[int] = []
    for start, cluster in clusters:
        composed = unicodedata.normalize("NFC", cluster)
        out += [start + min(j, len(cluster) - 1) for j in range(len(composed))]
    if len(out) != len(unicodedata.normalize("NFC", raw)):  # composition across clusters
        out = list(range(len(raw)))
    return out + [len(raw)]


def _text(element: Any) -> str:
    return (element.text or "") if element.tag == T else " "  # w:tab, w:sym …: one character


@dataclass(frozen=True)
class Spot:
    """Character ``offset`` of ``element`` (a ``w:t``, ``w:tab`` …), in ``run``."""

    run: Any
    element: Any
    offset: int


class Paragraph:
    """A ``w:p`` and the list number Word draws before its text (which has no run)."""

    def __init__(self, p: Any, label: str | None) -> None:
        self.p = p
        self.prefix = len(label) + 1 if label else 0

    def spot(self, pos: int) -> Spot | None:
        """Where character ``pos`` of the paragraph's text is; None for a line break, the
        list number, or past the end."""
        start = 0
        for k, line in enumerate(read_paragraph(self.p).lines):
            raw = line.raw
            index = nfc_index(raw)
            shift = self.prefix if k == 0 else 0
            length = shift + len(index) - 1
            if start <= pos < start + length:
                at = pos - start - shift
                if at < 0:
                    return None
                offset = index[at]
                for begin, element in reversed(line.sources):
                    if begin <= offset:
                        if offset - begin < len(_text(element)):
                            return Spot(element.getparent(), element, offset - begin)
                        return None
                return None
            start += length + 1
        return None

    def first_run_at(self, pos: int) -> Any:
        """The run that starts with character ``pos``, splitting the one it is inside."""
        spot = self.spot(pos)
        if spot is None:
            return None
        return split_run(spot.run, spot.element, spot.offset)[1]

    def last_run_at(self, pos: int) -> Any:
        """The run that ends with character ``pos``, splitting the one it is inside."""
        spot = self.spot(pos)
        if spot is None:
            return None
        element, offset = spot.element, spot.offset + 1
        if offset == len(_text(element)):  # the cut falls after the element
            element, offset = element.getnext(), 0
            if element is None:
                return spot.run
        left, _right = split_run(spot.run, element, offset)
        return left if left is not None else spot.run


def split_run(run: Any, element: Any, offset: int) -> tuple[Any, Any]:
    """Split ``run`` before character ``offset`` of its child ``element``: the part before
    becomes a new run, inserted before it, with the same properties and attributes.
    Returns (the new run or None when the cut is the run's start, ``run``)."""
    children = [child for child in run if child.tag != RPR]
    at = next(i for i, child in enumerate(children) if child is element)
    if at == 0 and offset == 0:
        return None, run
    left = copy.deepcopy(run)
    left_children = [child for child in left if child.tag != RPR]
    for child in left_children[at + 1:]:
        left.remove(child)
    if offset:
        text = element.text or ""
        left_children[at].text = text[:offset]
        element.text = text[offset:]
        for half in (left_children[at], element):
            half.set(XML_SPACE, "preserve")  # a space at either end of a half must stay
    else:
        left.remove(left_children[at])
    for child in children[:at]:
        run.remove(child)
    run.addprevious(left)
    return left, run
