"""What a batch reports: its documents, its failures, and how it shows progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from vanban.batch import manifest
from vanban.i18n import format_message
from vanban.plan.source import Source
from vanban.problems import Problem, Severity


class Progress(Protocol):
    """Told how far a batch is: a phase of ``total`` steps, then one step at a time."""

    def start(self, phase: str, total: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def finish(self) -> None: ...


class Silent:
    """No progress shown."""

    def start(self, phase: str, total: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


@dataclass
class Failure:
    """A document (or plan) that could not be made, and why."""

    subject: str
    msgid: str
    args: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return format_message(self.msgid, self.args, lang)


@dataclass
class LoadedPlan:
    path: str
    problems: list[Problem]
    source: Source | None
    used: bool


@dataclass
class BatchResult:
    output: Path
    entries: list[manifest.Entry] = field(default_factory=list)
    built: int = 0
    unchanged: int = 0
    pdf_built: int = 0
    pdf_unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    notes: list[Failure] = field(default_factory=list)   # worth knowing, not failures
    plans: list[LoadedPlan] = field(default_factory=list)
    distribution_problems: list[Problem] = field(default_factory=list)

    @property
    def plan_errors(self) -> bool:
        return any(not p.used for p in self.plans)

    @property
    def ok(self) -> bool:
        """Everything asked for was made: no failure, no plan or list with errors."""
        return not (self.failures or self.plan_errors
                    or any(p.severity >= Severity.ERROR for p in self.distribution_problems))
