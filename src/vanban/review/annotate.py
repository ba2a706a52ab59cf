"""Findings as Word comments: a copy of a .docx with one comment per finding, anchored on
the characters the finding is about, by author ``vanban`` (initials ``VB``).

Only ``document.xml`` (the markers, and runs split where a range starts or ends inside
one), the comments part, the document's relationships and ``[Content_Types].xml`` change;
every other part keeps its bytes, and comments already in the document are kept (the new
ones are numbered after them). The comments are dated reproducibly: the date given (the
checker's ``--today``), else the document's own “modified” date, else not at all — never
the clock, so the same document and findings always give the same bytes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vanban.document.docx import read_docx
from vanban.document.docx.ooxml import W
from vanban.document.docx.positions import paragraph_positions
from vanban.problems import Problem
from vanban.review.anchors import Anchors
from vanban.review.markers import Placer, comment
from vanban.review.package import Parts, parse, serialise
from vanban.review.ranges import Paragraph

AUTHOR, INITIALS = "vanban", "VB"
#: Elements whose ``w:id`` numbers comments.
_COMMENT_IDS = tuple(W + name for name in ("comment", "commentRangeStart", "commentRangeEnd",
                                           "commentReference"))


@dataclass(frozen=True)
class Annotated:
    data: bytes  # the annotated .docx
    comments: int  # how many comments were added


def comment_text(problem: Problem, lang: str | None = None) -> str:
    """``[VB402] “Sở Tư pháp” được giao nhiệm vụ …``: the code, then what to do."""
    return f"[{problem.code}] {problem.message(lang)}"


def comment_date(when: _dt.date | None, parts: Parts) -> str | None:
    """The ``w:date`` of the comments: ``when`` at midnight UTC, else when the document
    says it was modified, else None (no date)."""
    if when is not None:
        return f"{when.isoformat()}T00:00:00Z"
    return parts.modified()


def _next_id(*roots: Any) -> int:
    """The first comment id after those the document and its comments part use."""
    ids = [int(value) for root in roots for element in root.iter(*_COMMENT_IDS)
           if (value := element.get(W + "id", "")).lstrip("-").isdigit()]
    return max(ids, default=-1) + 1


def annotate_docx(data: bytes, problems: Iterable[Problem], *, path: str | Path = "document.docx",
                  when: _dt.date | None = None, lang: str | None = None) -> Annotated:
    """The .docx ``data`` with ``problems`` (its findings, positioned on it) as comments."""
    document = read_docx(Path(path), data)  # refuses what is not a safe, readable .docx
    anchors = Anchors(document)
    positions = paragraph_positions(document)
    labels = {p.number: p.auto_label for p in document.paras if p.part == 0}
    placed = [(problem, anchor) for problem in problems
              if (anchor := anchors.anchor(problem.mark)) is not None
              and anchor.number in positions]
    if not placed:
        return Annotated(data, 0)  # nothing to say: the document as it is
    parts = Parts(data)
    main = parts.main()
    root = parse(parts.blobs[main])
    elements = list(root.iter(W + "p"))
    name, comments = parts.comments_part(main)
    cid = _next_id(root, comments)
    date = comment_date(when, parts)
    placer = Placer()
    for problem, anchor in placed:
        paragraph = Paragraph(elements[positions[anchor.number]], labels.get(anchor.number))
        placer.place(paragraph, anchor, cid)
        comments.append(comment(cid, comment_text(problem, lang), AUTHOR, INITIALS, date))
        cid += 1
    parts.put(main, serialise(root))
    parts.put(name, serialise(comments))
    return Annotated(parts.to_bytes(main), len(placed))
