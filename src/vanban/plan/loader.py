"""Load a plan file: bytes → text → position-aware YAML tree → :class:`~vanban.plan.model.Plan`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vanban.errors import PlanError, UsageError, os_reason
from vanban.collector import collector_paused
from vanban.i18n import _
from vanban.plan.model import Plan
from vanban.plan.schema import PLAN
from vanban.plan.source import Source, read_source
from vanban.plan.spec import INVALID, Context
from vanban.problems import Problem, Severity, has_errors


@dataclass
class LoadResult:
    """What loading found: the plan (None if it has errors), every problem, the source."""

    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    source: Source | None = None

    @property
    def ok(self) -> bool:
        return self.plan is not None and not has_errors(self.problems)


def read_plan(path: str | Path, data: bytes | None = None) -> LoadResult:
    """Read ``path`` (or ``data`` labelled with it) and convert it, collecting all problems.

    Raises :class:`UsageError` if the file cannot be read at all.
    """
    with collector_paused():  # the YAML tree and the plan: many objects, no cycles
        return _read_plan(path, data)


def _read_plan(path: str | Path, data: bytes | None) -> LoadResult:
    try:
        source, problems = read_source(path, data)
    except OSError as exc:
        raise UsageError(_("cannot read {path}: {reason}"), path=str(path),
                         reason=os_reason(exc)) from None
    if source is None or source.root is None:
        return LoadResult(None, problems, source)
    ctx = Context(source.path, source.text)
    plan = PLAN.convert(source.root, ctx)
    problems = sorted(problems + ctx.problems, key=Problem.sort_key)
    if plan is INVALID or has_errors(problems):
        plan = None
    return LoadResult(plan, problems, source)


def load_plan(path: str | Path, data: bytes | None = None) -> Plan:
    """The plan in ``path``; raises :class:`PlanError` listing every error if it has any."""
    result = read_plan(path, data)
    if result.plan is None:
        raise PlanError([p for p in result.problems if p.severity >= Severity.ERROR]
                        or result.problems)
    return result.plan
