"""The checker: loader problems plus every enabled rule, configured, suppressed, sorted.

``check_paths`` is what ``vanban check`` calls; ``check_file`` checks one plan and is what
tests and editors call directly.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from vanban.config import Config, config_for
from vanban.errors import UsageError
from vanban.i18n import _
from vanban.loader import read_plan
from vanban.model import Plan
from vanban.problems import Problem, Severity
from vanban.rules import FolderContext, PlanFacts, Rule, RuleContext, all_rules, get_rule
from vanban.suppress import parse_suppressions
from vanban.yamlsource import Source

PLAN_SUFFIXES = (".yaml", ".yml")
DOCUMENT_SUFFIXES = (".docx", ".txt")
#: Below this many files a worker pool costs more than it saves.
PARALLEL_FROM = 40


@dataclass
class FileResult:
    path: str
    problems: list[Problem] = field(default_factory=list)
    source: Source | None = None  # None when the file was checked in a worker process
    plan: Plan | None = None
    facts: PlanFacts | None = None
    document: Any = None  # a .docx or .txt checked as it is (vanban.document.reader)

    def lines(self) -> list[str]:
        """The source lines, for excerpts (read again if checked in a worker); the
        paragraphs of a .docx."""
        if self.source is not None:
            return self.source.text.splitlines()
        if self.document is not None and self.document.kind == "docx":
            return [p.text for p in self.document.paras]
        try:
            return Path(self.path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            return []


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def failed(self, strict: bool = False) -> bool:
        floor = Severity.WARNING if strict else Severity.ERROR
        return any(p.severity >= floor for p in self.problems)


def _selected(rule: Rule, select: set[str] | None, ignore: set[str] | None) -> bool:
    if select is not None and rule.code not in select:
        return False
    return not (ignore and rule.code in ignore)


def _resolve(keys: Iterable[str] | None) -> set[str] | None:
    if keys is None:
        return None
    out = set()
    for key in keys:
        rule = get_rule(key)
        if rule is None:
            raise UsageError(_("unknown rule “{key}”; `vanban rules` lists them"), key=key)
        out.add(rule.code)
    return out


def _as_problem(rule: Rule, severity: Severity, finding) -> Problem:
    return Problem(finding.mark, rule.code, finding.msgid, finding.args, severity, rule.name,
                   finding.fix)


def _run_rules(result: FileResult, config: Config, today: _dt.date,
               select: set[str] | None, ignore: set[str] | None) -> list[Problem]:
    out = []
    assert result.source is not None
    for rule in all_rules():
        if rule.check is None or rule.scope != "plan" or not _selected(rule, select, ignore):
            continue
        if rule.needs_plan and result.plan is None:
            continue
        setting = config.setting(rule)
        if setting.severity is None:
            continue
        ctx = RuleContext(result.path, result.source, result.plan, setting.options, today)
        try:
            out.extend(_as_problem(rule, setting.severity, f) for f in rule.check(ctx))
        except Exception as exc:  # a bug in one rule must not hide the others' findings
            out.append(Problem(result.source.mark_at(0), "VB999", _(
                "rule {rule} failed on this file ({error}); please report it"),
                {"rule": rule.code, "error": f"{type(exc).__name__}: {exc}"}, Severity.ERROR,
                rule.name))
    return out


def _configure_loader_problems(problems: list[Problem], config: Config,
                               select: set[str] | None, ignore: set[str] | None) -> list[Problem]:
    out = []
    for problem in problems:
        rule = get_rule(problem.code)
        if rule is None:
            out.append(problem)
            continue
        if not _selected(rule, select, ignore) and problem.severity < Severity.ERROR:
            continue
        severity = config.setting(rule).severity
        if severity is None and problem.severity < Severity.ERROR:
            continue  # errors that stop loading cannot be switched off
        if severity is not None and severity != problem.severity:
            problem = Problem(problem.mark, problem.code, problem.msgid, problem.args, severity,
                              rule.name, problem.fix)
        out.append(problem)
    return out


def check_file(path: str | Path, data: bytes | None = None, *, config: Config | None = None,
               today: _dt.date | None = None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None) -> FileResult:
    """Check one plan file: loader problems and the rules, as configured."""
    path = Path(path)
    config = config if config is not None else config_for(path)
    today = today or _dt.date.today()
    chosen, skipped = _resolve(select), _resolve(ignore)
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        from vanban.document.check import check_document

        return check_document(path, data, config, today, chosen, skipped)
    loaded = read_plan(path, data)
    result = FileResult(str(path), [], loaded.source, loaded.plan)
    problems = _configure_loader_problems(loaded.problems, config, chosen, skipped)
    if loaded.source is not None and loaded.source.root is not None:
        problems += _run_rules(result, config, today, chosen, skipped)
    if loaded.source is not None:
        suppressed = parse_suppressions(loaded.source.text)
        problems = [p for p in problems if not suppressed.covers(p)]
    result.problems = sorted(problems, key=Problem.sort_key)
    if loaded.plan is not None:
        result.facts = PlanFacts.of(loaded.plan)
    return result


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """Plan files named or found (recursively) in the given folders, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.suffix.lower() in PLAN_SUFFIXES
                          and p.is_file() and not any(part.startswith(".") for part in p.parts))
        elif path.exists():
            out.append(path)
        else:
            raise UsageError(_("cannot read {path}: {reason}"), path=str(path),
                             reason="không tồn tại / not found")
    return out


def _check_in_worker(args: tuple) -> FileResult:
    path, config_path, today, select, ignore = args
    result = check_file(path, config=config_for(path, config_path), today=today, select=select,
                        ignore=ignore)
    # Only what the parent needs crosses the process boundary: problems and plan facts.
    return FileResult(result.path, result.problems, None, None, result.facts,
                      _paragraphs(result.document))


def _paragraphs(document: Any) -> Any:
    """A document reduced to its paragraph texts (what excerpts need), for pickling."""
    if document is None or document.kind != "docx":
        return None
    from vanban.document.reader import Document, Para

    return Document(document.path, "docx", [Para(p.number, p.text) for p in document.paras])


def check_paths(paths: Iterable[str | Path], *, config_path: Path | None = None,
                today: _dt.date | None = None, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None, jobs: int | None = None) -> Report:
    """Check plan files and folders; rules across plans run over everything checked.

    Large folders are checked by ``jobs`` worker processes (default: one per CPU).
    """
    today = today or _dt.date.today()
    select, ignore = list(select) if select else None, list(ignore) if ignore else None
    _resolve(select), _resolve(ignore)  # unknown rule names fail before any work
    files = collect(paths)
    jobs = jobs or os.cpu_count() or 1
    work = [(path, config_path, today, select, ignore) for path in files]
    report = Report()
    if jobs > 1 and len(files) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            report.files = list(pool.map(_check_in_worker, work, chunksize=8))
    else:
        for path in files:
            config = config_for(path, config_path)
            report.files.append(check_file(path, config=config, today=today, select=select,
                                           ignore=ignore))
    _run_folder_rules(report, config_path, today, _resolve(select), _resolve(ignore))
    return report


def _run_folder_rules(report: Report, config_path: Path | None, today: _dt.date,
                      select: set[str] | None, ignore: set[str] | None) -> None:
    loaded = [f.facts for f in report.files if f.facts is not None]
    if len(loaded) < 2:
        return
    config = config_for(Path(report.files[0].path), config_path)
    by_path = {f.path: f for f in report.files}
    for rule in all_rules():
        if rule.scope != "folder" or rule.check is None or not _selected(rule, select, ignore):
            continue
        setting = config.setting(rule)
        if setting.severity is None:
            continue
        ctx = FolderContext(loaded, setting.options, today)
        for finding in rule.check(ctx):  # type: ignore[arg-type]
            target = by_path.get(finding.mark.path)
            if target is None:
                continue
            problem = _as_problem(rule, setting.severity, finding)
            if parse_suppressions("\n".join(target.lines())).covers(problem):
                continue
            target.problems.append(problem)
            target.problems.sort(key=Problem.sort_key)
