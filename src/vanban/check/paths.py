"""What ``vanban check`` checks: files named and folders searched, dispatched by suffix.

``check_paths`` is what ``vanban check`` calls; ``check_file`` checks one file (a plan, or a
.docx/.txt document) and is what tests and editors call directly. Rules across plans (VB7xx)
run over everything checked together.
"""

from __future__ import annotations

import datetime as _dt
import errno
import os
from collections.abc import Iterable
from pathlib import Path

from vanban.check.config import Config, config_for
from vanban.check.engine import as_problem, resolve_rules, selected
from vanban.check.plans import check_plan
from vanban.check.results import FileResult, Report, excerpt_lines
from vanban.check.suppress import parse_suppressions
from vanban.errors import UsageError, os_reason
from vanban.i18n import _
from vanban.problems import Problem
from vanban.rules import FolderContext, all_rules

PLAN_SUFFIXES = (".yaml", ".yml")
DOCUMENT_SUFFIXES = (".docx", ".txt")
#: Below this many files a worker pool costs more than it saves.
PARALLEL_FROM = 40


def check_file(path: str | Path, data: bytes | None = None, *, config: Config | None = None,
               today: _dt.date | None = None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None) -> FileResult:
    """Check one file — a plan, or a .docx/.txt document as it is — as configured."""
    path = Path(path)
    config = config if config is not None else config_for(path)
    today = today or _dt.date.today()
    chosen, skipped = resolve_rules(select), resolve_rules(ignore)
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        from vanban.check.documents import check_document

        return check_document(path, data, config, today, chosen, skipped)
    return check_plan(path, data, config, today, chosen, skipped)


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """Plan files named or found (recursively) in the given folders, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # Hidden files and folders inside the folder are skipped (.git, editor backups);
            # how the folder itself was written (``..``, ``.plans``) does not matter.
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in PLAN_SUFFIXES
                           and p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                # Checking nothing must never look like a pass (a hook or CI given a wrong path).
                raise UsageError(_("{path} holds no plan file (.yaml, .yml): nothing to check"),
                                 path=str(path))
            out += found
        elif path.exists():
            out.append(path)
        else:
            raise UsageError(_("cannot read {path}: {reason}"), path=str(path),
                             reason=os_reason(FileNotFoundError(errno.ENOENT, "")))
    return out


def _check_in_worker(args: tuple) -> FileResult:
    path, config_path, today, select, ignore = args
    result = check_file(path, config=config_for(path, config_path), today=today, select=select,
                        ignore=ignore)
    # Only what the parent needs crosses the process boundary: problems, plan facts and the
    # paragraph texts of a .docx (for excerpts).
    document = result.document
    paragraphs = excerpt_lines(document) if document is not None and \
        document.kind == "docx" else None
    return FileResult(result.path, result.problems, None, None, result.facts,
                      paragraphs=paragraphs)


def check_paths(paths: Iterable[str | Path], *, config_path: Path | None = None,
                today: _dt.date | None = None, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None, jobs: int | None = None) -> Report:
    """Check plan files and folders; rules across plans run over everything checked.

    Large folders are checked by ``jobs`` worker processes (default: one per CPU).
    """
    today = today or _dt.date.today()
    select, ignore = list(select) if select else None, list(ignore) if ignore else None
    chosen, skipped = resolve_rules(select), resolve_rules(ignore)  # unknown names fail first
    files = collect(paths)
    jobs = jobs or os.cpu_count() or 1
    work = [(path, config_path, today, select, ignore) for path in files]
    report = Report()
    if jobs > 1 and len(files) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor  # 20 ms to load: only for many files

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            report.files = list(pool.map(_check_in_worker, work, chunksize=8))
    else:
        for path in files:
            config = config_for(path, config_path)
            report.files.append(check_file(path, config=config, today=today, select=select,
                                           ignore=ignore))
    _run_folder_rules(report, config_path, today, chosen, skipped)
    return report


def _run_folder_rules(report: Report, config_path: Path | None, today: _dt.date,
                      select: set[str] | None, ignore: set[str] | None) -> None:
    loaded = [f.facts for f in report.files if f.facts is not None]
    if len(loaded) < 2:
        return
    config = config_for(Path(report.files[0].path), config_path)
    by_path = {f.path: f for f in report.files}
    for rule in all_rules():
        if rule.scope != "folder" or rule.check is None or not selected(rule, select, ignore):
            continue
        setting = config.setting(rule)
        if setting.severity is None:
            continue
        ctx = FolderContext(loaded, setting.options, today)
        for finding in rule.check(ctx):  # type: ignore[arg-type]
            target = by_path.get(finding.mark.path)
            if target is None:
                continue
            problem = as_problem(rule, setting.severity, finding)
            if parse_suppressions("\n".join(target.lines())).covers(problem):
                continue
            target.problems.append(problem)
            target.problems.sort(key=Problem.sort_key)
