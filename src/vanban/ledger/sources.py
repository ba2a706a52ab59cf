"""Reading what the ledger is given: plan files, and documents received as Word or text files.

A .docx or .txt is read with the importer, as ``vanban import`` would, and its plan loaded
from the YAML that gives; offices track the plans they received, which come as documents.
Only errors stop a plan from being read; warnings are ``vanban check``'s business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vanban.plan.loader import read_plan
from vanban.plan.model import Plan
from vanban.problems import Problem, Severity

DOCUMENT_SUFFIXES = (".docx", ".txt")


@dataclass
class Loaded:
    """One file read: its plan (None when it has errors), the errors, and the source lines
    they point at (for the excerpt under each)."""

    path: str
    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    lines: dict[str, list[str]] = field(default_factory=dict)


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity >= Severity.ERROR]


def _load_document(path: Path) -> Loaded:
    from vanban.check.results import excerpt_lines
    from vanban.document.importer import import_file

    text, imported = import_file(path)
    document = imported.document
    if document is not None and document.kind == "docx":
        lines = {str(path): excerpt_lines(document)}
    else:
        lines = {str(path): path.read_text(encoding="utf-8-sig", errors="replace").splitlines()}
    # The plan YAML is made here, not written: its errors (an importer's shortfall) point
    # into it, named as the file ``vanban import`` would write.
    made = path.with_suffix(".yaml")
    result = read_plan(made, text.encode("utf-8"))
    lines[str(made)] = text.splitlines()
    problems = _errors(imported.problems) + _errors(result.problems)
    return Loaded(str(path), result.plan if not problems else None, problems, lines)


def load(path: str | Path) -> Loaded:
    """Read one plan file or document; raises :class:`~vanban.errors.UsageError` when the
    file cannot be read at all."""
    path = Path(path)
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        return _load_document(path)
    result = read_plan(path)
    problems = _errors(result.problems)
    lines = {str(path): result.source.text.splitlines()} if result.source else {}
    return Loaded(str(path), result.plan if not problems else None, problems, lines)
