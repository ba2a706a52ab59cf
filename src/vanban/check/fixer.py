"""``vanban check --fix``: apply certain fixes to plan files, in place and atomically.

Fixes are edits of the source text at exact offsets (see :mod:`vanban.plan.edits`), so comments,
key order, quoting and line breaks stay as the author wrote them. Each round applies the
non-overlapping fixes, checks the result again and stops when nothing fixable is left; a
round that would make the file unreadable is dropped.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vanban.check.config import Config, config_for
from vanban.check.paths import check_file
from vanban.check.results import FileResult
from vanban.fsutil import atomic_write
from vanban.plan.edits import apply
from vanban.problems import Edit, Problem, Severity

MAX_ROUNDS = 5


@dataclass
class FixOutcome:
    path: str
    fixed: list[Problem] = field(default_factory=list)
    result: FileResult | None = None  # the check after fixing
    before: str = ""  # the file's text before, and after the fixes (the same if none)
    after: str = ""

    def diff(self) -> str:
        """The fixes as a unified diff of the file (empty when there is nothing to fix)."""
        if self.before == self.after:
            return ""
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"{self.path}", tofile=f"{self.path} (--fix)"))

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def _load_errors(result: FileResult) -> int:
    """Errors that mean the file no longer reads as a plan (VB0xx)."""
    return sum(1 for p in result.problems
               if p.severity >= Severity.ERROR and p.code.startswith("VB0"))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or a[0] == b[0]


def fix_file(path: str | Path, *, config: Config | None = None, today: _dt.date | None = None,
             select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
             write: bool = True) -> FixOutcome:
    """Apply the certain fixes to the plan at ``path``; with ``write`` False only work out
    what they would change (``vanban check --diff``)."""
    path = Path(path)
    config = config if config is not None else config_for(path)
    select, ignore = list(select) if select else None, list(ignore) if ignore else None
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    outcome = FixOutcome(str(path), before=text)
    result = check_file(path, raw, config=config, today=today, select=select, ignore=ignore)
    for _round in range(MAX_ROUNDS):
        chosen: list[Edit] = []
        applied: list[Problem] = []
        taken: list[tuple[int, int]] = []
        for problem in result.problems:
            if problem.fix is None:
                continue
            spans = [(e.start, e.end) for e in problem.fix.edits]
            if any(_overlaps(span, other) for span in spans for other in taken):
                continue  # overlaps an edit already chosen: next round
            chosen += problem.fix.edits
            taken += spans
            applied.append(problem)
        if not chosen:
            break
        candidate = apply(text, chosen)
        data = (b"\xef\xbb\xbf" if bom else b"") + candidate.encode("utf-8")
        after = check_file(path, data, config=config, today=today, select=select, ignore=ignore)
        if candidate == text or _load_errors(after) > _load_errors(result):
            break
        text, result = candidate, after
        outcome.fixed += applied
    outcome.after = text
    if outcome.fixed and write:
        atomic_write(path, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    outcome.result = result
    return outcome
