"""A plan's findings placed on its rendering, for annotating the .docx a plan renders to.

The comments are the plan's findings — what ``vanban check PLAN.yaml`` reports, no more and
no less — because the plan is what its author edits: findings on the rendering alone would be
about vanban's own layout, and the report and the comments would disagree. Their places come
from the rendering itself: it is checked as a document, and each plan finding takes the
position (and range) of the rendering's finding with the same rule and message, which the
importer traced to the exact characters printed. A plan finding the rendering does not
repeat (a value it prints differently, a field it does not print) is placed where the value
it is about is printed, found by its text; else at the document's start.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from collections import defaultdict, deque
from collections.abc import Iterable
from pathlib import Path

from vanban.check.config import Config
from vanban.check.paths import check_file
from vanban.check.results import FileResult
from vanban.document.model import Document
from vanban.errors import UsageError
from vanban.i18n import _
from vanban.plan.source import Source, YScalar
from vanban.problems import Mark, Problem
from vanban.renderer import render_bytes

Key = tuple[str, str]


def _key(problem: Problem) -> Key:
    return problem.code, problem.message("vi")


def scalar_at(source: Source, mark: Mark) -> tuple[YScalar, int] | None:
    """The scalar written at ``mark`` and the offset of the mark in its value."""
    for _path, node in source.scalars():
        start = node.mark
        if start.line != mark.line:
            continue
        shift = 1 if node.style in ("'", '"') else 0
        width = node.end - node.start
        if start.col <= mark.col <= start.col + width:
            return node, max(0, mark.col - start.col - shift)
    return None


def printed_at(document: Document, value: str) -> tuple[int, int] | None:
    """Where ``value`` is first printed: (paragraph number, 0-based column); capitals a
    style or the layout applies do not matter."""
    value = unicodedata.normalize("NFC", value).strip()
    if not value:
        return None
    folded = value.lower()
    for number, text in enumerate(document.paragraph_texts(), 1):
        found = text.find(value)
        if found < 0 and len(text.lower()) == len(text):
            found = text.lower().find(folded)
        if found >= 0:
            return number, found
    return None


def place(problem: Problem, source: Source | None, document: Document, path: str) -> Mark:
    """Where on the rendering a plan finding no rendering finding repeats goes."""
    found = scalar_at(source, problem.mark) if source is not None else None
    if found is not None:
        node, offset = found
        spot = printed_at(document, node.value)
        if spot is not None:
            number, col = spot
            length = problem.mark.length or (len(node.value.strip()) if offset == 0 else 0)
            return Mark(path, number, col + offset + 1, "paragraph", length)
    return Mark(path, 0, 0)  # not a paragraph: the document's first line of text


def placed_findings(plan: FileResult, rendering: FileResult) -> list[Problem]:
    """The plan's findings, positioned on its rendering (see the module's docstring)."""
    document = rendering.document
    waiting: dict[Key, deque[Problem]] = defaultdict(deque)
    for problem in rendering.problems:
        waiting[_key(problem)].append(problem)
    out = []
    for problem in plan.problems:
        same = waiting.get(_key(problem))
        mark = same.popleft().mark if same else \
            place(problem, plan.source, document, rendering.path)
        out.append(Problem(mark, problem.code, problem.msgid, problem.args, problem.severity,
                           problem.rule))
    return out


def render_for_review(plan: FileResult, *, config: Config, today: _dt.date,
                      select: Iterable[str] | None = None,
                      ignore: Iterable[str] | None = None) -> tuple[bytes, list[Problem]]:
    """The rendering of a checked plan, and the plan's findings positioned on it."""
    if plan.plan is None:
        raise UsageError(_("cannot annotate {path}: the plan does not load; fix the errors "
                           "above first"), path=plan.path)
    data = render_bytes(plan.plan)
    rendering = check_file(Path(plan.path).with_suffix(".docx"), data, config=config,
                           today=today, select=select, ignore=ignore)
    return data, placed_findings(plan, rendering)
