"""Gathering the rows of many plans: files named, folders searched, plans given as objects.

Folders are searched as ``vanban check`` searches them (plan files, hidden ones skipped, in a
stable order); documents (.docx, .txt) are read when named. A plan that has errors gives no
rows and its errors are returned, positioned, for the caller to report; the other plans'
rows are still given. The same plan read twice (its YAML and the Word file rendered from it)
is listed once, from the first file.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vanban.errors import PlanError
from vanban.ledger.rows import TaskRow, plan_rows
from vanban.ledger.sources import load
from vanban.ledger.uid import plan_identity
from vanban.plan.model import Plan
from vanban.problems import Problem

Item = str | Path | Plan


@dataclass
class Ledger:
    """Every task row of the plans read, with what stopped the others."""

    rows: list[TaskRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: source lines by path, for the excerpt under each problem
    lines: dict[str, list[str]] = field(default_factory=dict)
    #: (file left out, file read first) for a plan met twice
    repeated: list[tuple[str, str]] = field(default_factory=list)
    plans: int = 0  # how many plans gave their rows

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def _expand(items: Iterable[Item]) -> list[Path | Plan]:
    from vanban.check.paths import collect

    out: list[Path | Plan] = []
    for item in items:
        if isinstance(item, Plan):
            out.append(item)
        else:
            out += collect([item])
    return out


def read_ledger(items: Iterable[Item], *, today: _dt.date | None = None) -> Ledger:
    """The rows of the plans in ``items`` (files, folders, :class:`Plan` objects), with
    statuses as of ``today`` (default: today). Raises :class:`~vanban.errors.UsageError`
    for a path that cannot be read at all."""
    today = today or _dt.date.today()
    ledger = Ledger()
    first: dict[str, str] = {}
    for item in _expand(items):
        if isinstance(item, Plan):
            plan, path = item, item.path
        else:
            loaded = load(item)
            ledger.problems += loaded.problems
            ledger.lines.update(loaded.lines)
            if loaded.plan is None:
                continue
            plan, path = loaded.plan, loaded.path
        identity = plan_identity(plan)
        if identity in first:
            ledger.repeated.append((path, first[identity]))
            continue
        first[identity] = path
        ledger.rows += plan_rows(plan, today, path)
        ledger.plans += 1
    return ledger


def task_rows(items: Iterable[Item], *, today: _dt.date | None = None) -> list[TaskRow]:
    """The rows of the plans in ``items``; raises :class:`~vanban.errors.PlanError` listing
    every error if a plan cannot be read."""
    ledger = read_ledger(items, today=today)
    if ledger.problems:
        raise PlanError(ledger.problems)
    return ledger.rows
