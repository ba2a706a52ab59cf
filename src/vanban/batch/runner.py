"""Running a batch: plans in, documents, PDFs and manifests out, every failure accounted for.

The steps: read the plans (reporting their problems with positions), plan every document
(:mod:`.jobs`), give formal copies their numbers, skip what is already up to date, render each
plan once and write its documents (:mod:`.produce`) — on every core — then convert to PDF in
one LibreOffice process, and merge the manifests. A document that fails is reported with its
reason; the others are written regardless.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from vanban.batch import manifest, pdfs, pool
from vanban.batch.audience import audiences, read_distribution
from vanban.batch.copier import Copier
from vanban.batch.extracts import Selection
from vanban.batch.jobs import FormalOptions, Job, PlanInput, finish_jobs, issue_numbers, specs_for
from vanban.batch.kinds import CopyKind
from vanban.batch.records import attach_records
from vanban.batch.render import Learned, learn_template
from vanban.batch.results import BatchResult, Failure, LoadedPlan, Progress, Silent
from vanban.batch.series import DEFAULT_NAME
from vanban.batch.writer import can_flush, file_sha256, flush
from vanban.errors import Interrupted, OutputError, UsageError, VanbanError, os_reason
from vanban.i18n import _
from vanban.plan.loader import read_plan
from vanban.problems import Severity
from vanban.renderer import template_path

__all__ = ["BatchRequest", "BatchResult", "Failure", "LoadedPlan", "Progress", "run_batch"]


@dataclass
class BatchRequest:
    """What to make; the command line fills it in, tests and scripts may too."""

    inputs: Sequence[Path]
    output: Path
    kinds: Sequence[CopyKind] = (CopyKind.COPY,)
    audience: str = "recipients"            # recipients | agencies | all
    distribution: Path | None = None        # a list of names instead of the plans' own
    common: Selection = Selection()         # what every extract carries besides its tasks
    parts: Selection | None = None          # trích sao of these parts, not one per agency
    copier: Copier | None = None            # needed for formal copies
    copy_date: _dt.date | None = None       # default: the copier's date, else today
    series: Path | None = None              # default: the copier's, else <output>/copy-series.json
    reissue: bool = False
    template: Path | None = None
    pdf: bool = False
    pdfa: bool = False
    workers: int | None = None              # default: the CPUs this process may use
    force: bool = False
    strict: bool = False
    durable: bool = True                    # on disk before the manifest lists them


# --- inputs ------------------------------------------------------------------------------

def expand_inputs(paths: Sequence[Path]) -> list[Path]:
    """Plan files as given; a directory stands for its ``*.yaml`` / ``*.yml`` files."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
            if not found:
                raise UsageError(_("{path} contains no plan (*.yaml)"), path=str(path))
            out += found
        elif path.is_file():
            out.append(path)
        else:
            raise UsageError(_("cannot read {path}: {reason}"), path=str(path),
                             reason=os_reason(FileNotFoundError(errno.ENOENT, "")))
    return list(dict.fromkeys(out))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the batch ---------------------------------------------------------------------------

def _read_plans(paths: Sequence[Path], strict: bool, result: BatchResult) -> list[PlanInput]:
    inputs = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(_("cannot read {path}: {reason}"), path=str(path),
                             reason=os_reason(exc)) from None
        loaded = read_plan(path, data)
        limit = Severity.WARNING if strict else Severity.ERROR
        usable = loaded.plan is not None and not any(p.severity >= limit for p in loaded.problems)
        result.plans.append(LoadedPlan(str(path), loaded.problems, loaded.source, usable))
        if usable:
            assert loaded.plan is not None
            inputs.append(PlanInput(str(path), loaded.plan, _digest(data)))
    return inputs


def _formal_options(request: BatchRequest) -> FormalOptions | None:
    if not any(k.formal for k in request.kinds):
        return None
    if request.copier is None:
        raise UsageError(_(
            "formal copies (sao-y, sao-luc, trich-sao) need the copy details: --copier FILE"))
    copier = request.copier
    explicit = request.copy_date or (copier.date.to_date() if copier.date else None)
    series = request.series or copier.series or request.output / DEFAULT_NAME
    return FormalOptions(copier, explicit or _dt.date.today(), explicit is not None, series,
                         request.reissue)


def _up_to_date(job: Job, old: manifest.Entry | None, directory: Path) -> bool:
    return (old is not None and old.inputs == job.inputs
            and file_sha256(directory / job.file) == old.sha256)


def _entry(job: Job, plan_input: PlanInput, sha: str, size: int) -> manifest.Entry:
    return manifest.Entry(file=job.file, sha256=sha, size=size, plan=plan_input.path,
                          reference=plan_input.plan.reference, kind=job.kind.value,
                          agency=job.agency, copy_number=job.copy_number, inputs=job.inputs)


def _plan_jobs(request: BatchRequest, kinds: list[CopyKind], inputs: list[PlanInput],
               names: list[str] | None, formal: FormalOptions | None,
               result: BatchResult) -> list[Job]:
    """Every document of the batch, named, numbered (formal copies) and fingerprinted."""
    specs = []
    for index, plan_input in enumerate(inputs):
        plan = plan_input.plan
        missing = request.common.missing_numbers(plan) + (
            request.parts.missing_numbers(plan) if request.parts else [])
        if missing:
            result.notes.append(Failure(plan_input.path, _(
                "the plan has {count} sections; section(s) {numbers} do not exist"),
                {"count": len(plan.sections), "numbers": ", ".join(map(str, missing))}))
        audience = names if names is not None else audiences(plan, request.audience)
        specs += specs_for(index, plan, kinds, audience, request.common, request.parts, formal)
    issue_numbers(specs, formal)
    template_file = template_path(request.template)
    try:
        template_digest = _digest(template_file.read_bytes())
    except OSError as exc:
        raise UsageError(_("cannot read the template {path}: {reason}"), path=str(template_file),
                         reason=os_reason(exc)) from None
    return finish_jobs(inputs, specs, formal, template_digest)


def _learn(inputs: list[PlanInput], pending: dict[int, list[Job]], template: str | None,
           result: BatchResult) -> tuple[int, Learned] | None:
    """Learn the template's paragraphs on the first plan that has extracts to make."""
    regional = [i for i, js in pending.items() if any(j.derived is not None for j in js)]
    if not regional:
        return None
    try:
        found = learn_template(inputs[regional[0]].plan, template)
    except VanbanError:
        found = None  # the plans' own rendering will report the template's problem
    if found is None:
        result.notes.append(Failure(str(template_path(template)), _(
            "the template does not allow fast extracts; each extract is rendered on its own "
            "(slower)")))
        return None
    return regional[0], found


def _remove_partial(directory: Path, files: set[str]) -> None:
    """Delete the temporary files of documents a stopped worker was writing
    (:func:`vanban.fsutil.atomic_write` names them ``.<file>.<pid>-<n>.tmp``)."""
    for tmp in directory.glob(".*.tmp"):
        target = tmp.name[1:].rsplit(".", 2)[0]
        if target in files or target.endswith(".pdf"):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _finished_unreported(directory: Path, jobs: dict[str, Job],
                         entries: dict[str, manifest.Entry], inputs: list[PlanInput],
                         started: int) -> int:
    """Documents a worker finished (renamed into place) before it was stopped but whose
    outcome never reached us: complete files, so they go into the manifest too."""
    found = 0
    for name, job in jobs.items():
        path = directory / name
        if name in entries:
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        sha = file_sha256(path) if stat.st_mtime_ns >= started else None
        if sha is not None:
            entries[name] = _entry(job, inputs[job.plan], sha, stat.st_size)
            found += 1
    return found


def run_batch(request: BatchRequest, progress: Progress | None = None) -> BatchResult:
    """Make every document ``request`` asks for; raise only when nothing can be done.

    Raises :class:`UsageError` (bad request, unreadable input), :class:`OutputError` (the
    output directory cannot be made), :class:`~vanban.libreoffice.OfficeError` (``pdf`` without
    LibreOffice) and :class:`~vanban.batch.series.SeriesError`; everything that concerns one
    plan or one document is reported in the result instead.
    """
    progress = progress or Silent()
    kinds = [k for k in CopyKind if k in set(request.kinds)]
    if not kinds:
        raise UsageError(_("nothing to make: choose at least one kind of copy"))
    if request.pdf or request.pdfa:
        from vanban.libreoffice import find_soffice

        find_soffice()  # fail before writing anything, with the hint to install it
    result = BatchResult(request.output)
    paths = expand_inputs(request.inputs)
    formal = _formal_options(request)
    names: list[str] | None = None
    if request.distribution is not None:
        names, result.distribution_problems = read_distribution(request.distribution)
        if any(p.severity >= Severity.ERROR for p in result.distribution_problems):
            return result
    inputs = _read_plans(paths, request.strict, result)
    try:
        request.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("cannot write {path}: {reason}"), path=str(request.output),
                          reason=os_reason(exc)) from None
    jobs = _plan_jobs(request, kinds, inputs, names, formal, result)

    previous = manifest.load(request.output)
    entries: dict[str, manifest.Entry] = {}
    pending: dict[int, list[Job]] = {}
    progress.start(_("Making documents"), len(jobs))
    for job in jobs:
        old = previous.get(job.file)
        if not request.force and _up_to_date(job, old, request.output):
            assert old is not None
            entries[job.file] = old
            result.unchanged += 1
            progress.advance()
        else:
            pending.setdefault(job.plan, []).append(job)

    template = str(request.template) if request.template else None
    by_file = {j.file: j for js in pending.values() for j in js}
    started = time.time_ns()
    outcomes = pool.produce_all(
        inputs, pending, workers=pool.count(request.workers), directory=request.output,
        template=template, learned=_learn(inputs, pending, template, result),
        # one flush of the file system at the end instead of an fsync per file (see writer)
        durable=request.durable and not can_flush())
    try:
        for outcome in outcomes:
            job = by_file[outcome.file]
            if outcome.error is not None:
                msgid, args = outcome.error
                result.failures.append(Failure(str(request.output / job.file), msgid, args))
            else:
                entries[job.file] = _entry(job, inputs[job.plan], outcome.sha256, outcome.size)
                result.built += 1
            progress.advance()
        progress.finish()

        if request.pdf or request.pdfa:
            pdfs.export(request.output, entries, result, progress, pdfa=request.pdfa,
                        force=request.force)
        else:
            pdfs.forget_stale(request.output, entries, previous)
    except KeyboardInterrupt:
        outcomes.close()  # leaves the pool: its workers are stopped
        progress.finish()
        _remove_partial(request.output, set(by_file))
        result.built += _finished_unreported(request.output, by_file, entries, inputs, started)
        if request.durable and result.built and can_flush():
            flush(request.output)
        # the manifest lists what is on disk: what this run made, and earlier entries whose
        # files are still there (an unfinished document keeps its previous version)
        manifest.write(request.output, [entries[j.file] for j in jobs if j.file in entries])
        raise Interrupted(result.built) from None
    if request.durable and (result.built or result.pdf_built) and can_flush():
        flush(request.output)  # everything on disk before the manifest vouches for it
    result.entries = [entries[j.file] for j in jobs if j.file in entries]
    attach_records(request.output, result.entries)
    manifest.write(request.output, result.entries,
                   replaced={Path(f.subject).name for f in result.failures})
    return result
