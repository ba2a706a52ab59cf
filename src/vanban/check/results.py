"""What checking gives back: one :class:`FileResult` per file, gathered in a :class:`Report`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.plan.model import Plan
from vanban.plan.source import Source
from vanban.problems import Problem, Severity
from vanban.rules import PlanFacts


@dataclass
class FileResult:
    """What checking one file found, with what was read of it."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    source: Source | None = None  # None when the file was checked in a worker process
    plan: Plan | None = None
    facts: PlanFacts | None = None
    document: Any = None  # a .docx or .txt checked as it is (vanban.document.reader)
    paragraphs: list[str] | None = None  # a .docx's paragraph texts, kept by a worker

    def lines(self) -> list[str]:
        """The source lines, for excerpts (read again if checked in a worker); the
        paragraphs of a .docx, a manual line break shown as a space so columns stay put."""
        if self.source is not None:
            return self.source.text.splitlines()
        if self.paragraphs is not None:
            return self.paragraphs
        if self.document is not None and self.document.kind == "docx":
            return excerpt_lines(self.document)
        try:
            return Path(self.path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            return []


@dataclass
class Report:
    """The result of one ``vanban check`` run: every file checked, with its problems."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def failed(self, strict: bool = False) -> bool:
        floor = Severity.WARNING if strict else Severity.ERROR
        return any(p.severity >= floor for p in self.problems)


def excerpt_lines(document: Any) -> list[str]:
    """A .docx's paragraphs as excerpts show them: entry ``number - 1`` for ``¶number``."""
    return [text.replace("\n", " ").replace("\t", " ") for text in document.paragraph_texts()]
