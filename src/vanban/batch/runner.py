"""Running a batch: plans in, documents, PDFs and manifests out, every failure accounted for.

The steps: read the plans (reporting their problems with positions), plan every document
(:mod:`.jobs`), give formal copies their numbers, skip what is already up to date, render each
plan once and write its documents (:mod:`.produce`) — on every core — then convert to PDF in
one LibreOffice process, and merge the manifests. A document that fails is reported with its
reason; the others are written regardless.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from vanban.batch import manifest
from vanban.batch.audience import audiences, read_distribution
from vanban.batch.copier import Copier
from vanban.batch.extracts import Selection
from vanban.batch.fragments import BodyModel
from vanban.batch.jobs import FormalOptions, Job, PlanInput, finish_jobs, issue_numbers, specs_for
from vanban.batch.kinds import Kind
from vanban.batch.produce import Kit, Outcome, prepare, produce
from vanban.batch.render import Learned, learn_template, template_path
from vanban.batch.series import DEFAULT_NAME
from vanban.batch.writer import can_flush, file_sha256, flush
from vanban.errors import OutputError, UsageError, VanbanError
from vanban.i18n import _, format_message
from vanban.loader import read_plan
from vanban.problems import Problem, Severity
from vanban.yamlsource import Source

#: Rough seconds per document, to decide whether starting worker processes pays off.
_COST = {"copy": 0.0005, "region": 0.001, "formal": 0.06, "render": 0.09}
PARALLEL_MIN_SECONDS = 0.3  # less work than this is done in-process: a pool costs more


class Progress(Protocol):
    def start(self, phase: str, total: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def finish(self) -> None: ...


class _Silent:
    def start(self, phase: str, total: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


@dataclass
class BatchRequest:
    """What to make; the command line fills it in, tests and scripts may too."""

    inputs: Sequence[Path]
    output: Path
    kinds: Sequence[Kind] = (Kind.COPY,)
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


@dataclass
class Failure:
    """A document (or plan) that could not be made, and why."""

    subject: str
    msgid: str
    args: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return format_message(self.msgid, self.args, lang)


@dataclass
class PlanReport:
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
    plans: list[PlanReport] = field(default_factory=list)
    distribution_problems: list[Problem] = field(default_factory=list)
    distribution_source: str | None = None

    @property
    def plan_errors(self) -> bool:
        return any(not p.used for p in self.plans)

    @property
    def ok(self) -> bool:
        """Everything asked for was made: no failure, no plan or list with errors."""
        return not (self.failures or self.plan_errors
                    or any(p.severity >= Severity.ERROR for p in self.distribution_problems))


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
                             reason=os.strerror(2))
    return list(dict.fromkeys(out))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _workers(request: BatchRequest) -> int:
    if request.workers:
        return max(1, request.workers)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


# --- workers -----------------------------------------------------------------------------

_state: dict[str, Any] = {}


def _init_jobs(kits: dict[int, Kit], directory: Path, durable: bool) -> None:
    _state.update(kits=kits, directory=directory, durable=durable)


def _job_task(job: Job) -> Outcome:
    return produce(job, _state["kits"][job.plan], _state["directory"], durable=_state["durable"])


def _init_plans(model: BodyModel | None, template: str | None, directory: Path,
                durable: bool) -> None:
    _state.update(model=model, template=template, directory=directory, durable=durable)


def _prepare(plan_input: PlanInput, jobs: list[Job], template: str | None,
             model: BodyModel | None, primed: Learned | None = None
             ) -> tuple[Kit | None, list[Job], list[Outcome]]:
    """Render the plan; on failure, every job of it fails with the reason."""
    try:
        kit, recipes = prepare(plan_input.plan, jobs, template, model, primed)
    except VanbanError as exc:
        return None, jobs, [Outcome(j.file, error=(exc.msgid, exc.args_)) for j in jobs]
    except Exception as exc:  # noqa: BLE001 - a bug must not take the other plans down
        error = (_("internal error: {error}"), {"error": f"{type(exc).__name__}: {exc}"})
        return None, jobs, [Outcome(j.file, error=error) for j in jobs]
    ready = []
    for job, recipe in zip(jobs, recipes):
        ready.append(replace(job, region=recipe, derived=None) if recipe else job)
    return kit, ready, []


def _plan_task(task: tuple[PlanInput, list[Job]]) -> list[Outcome]:
    plan_input, jobs = task
    kit, ready, failed = _prepare(plan_input, jobs, _state["template"], _state["model"])
    if kit is None:
        return failed
    return [produce(j, kit, _state["directory"], durable=_state["durable"]) for j in ready]


def _estimate(jobs: Sequence[Job]) -> float:
    def cost(job: Job) -> float:
        if job.block is not None:
            return _COST["formal"]
        if job.kind.whole_document:
            return _COST["copy"]
        return _COST["region"] if job.region is not None else _COST["render"]
    return sum(cost(j) for j in jobs)


def _produce_all(inputs: Sequence[PlanInput], pending: dict[int, list[Job]], request: BatchRequest,
                 template: str | None, learned: tuple[int, Learned] | None) -> Iterator[Outcome]:
    model = learned[1].model if learned else None
    workers = _workers(request)
    directory = request.output
    if workers > 1 and len(pending) >= 2 * workers:
        # Many plans: each worker renders a plan and writes its documents.
        tasks = [(inputs[i], jobs) for i, jobs in pending.items()]
        with _context().Pool(workers, _init_plans, (model, template, directory,
                                                    request.durable)) as pool:
            for outcomes in pool.imap_unordered(_plan_task, tasks):
                yield from outcomes
        return
    kits: dict[int, Kit] = {}
    ready: list[Job] = []
    for i, jobs in pending.items():
        primed = learned[1] if learned and learned[0] == i else None
        kit, prepared, failed = _prepare(inputs[i], jobs, template, model, primed)
        yield from failed
        if kit is not None:
            kits[i] = kit
            ready += prepared
    if workers > 1 and _estimate(ready) >= PARALLEL_MIN_SECONDS:
        chunk = max(1, min(64, len(ready) // (workers * 8)))
        with _context().Pool(workers, _init_jobs, (kits, directory, request.durable)) as pool:
            yield from pool.imap(_job_task, ready, chunksize=chunk)
    else:
        for job in ready:
            yield produce(job, kits[job.plan], directory, durable=request.durable)


# --- the batch ---------------------------------------------------------------------------

def _read_plans(paths: Sequence[Path], strict: bool, result: BatchResult) -> list[PlanInput]:
    inputs = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(_("cannot read {path}: {reason}"), path=str(path),
                             reason=exc.strerror or str(exc)) from None
        loaded = read_plan(path, data)
        limit = Severity.WARNING if strict else Severity.ERROR
        usable = loaded.plan is not None and not any(p.severity >= limit for p in loaded.problems)
        result.plans.append(PlanReport(str(path), loaded.problems, loaded.source, usable))
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


def run_batch(request: BatchRequest, progress: Progress | None = None) -> BatchResult:
    """Make every document ``request`` asks for; raise only when nothing can be done.

    Raises :class:`UsageError` (bad request, unreadable input), :class:`OutputError` (the
    output directory cannot be made), :class:`~vanban.office.OfficeError` (``pdf`` without
    LibreOffice) and :class:`~vanban.batch.series.SeriesError`; everything that concerns one
    plan or one document is reported in the result instead.
    """
    progress = progress or _Silent()
    kinds = [k for k in Kind if k in set(request.kinds)]
    if not kinds:
        raise UsageError(_("nothing to make: choose at least one kind of copy"))
    if request.pdf or request.pdfa:
        from vanban.office import find_soffice

        find_soffice()  # fail before writing anything, with the hint to install it
    result = BatchResult(request.output)
    paths = expand_inputs(request.inputs)
    formal = _formal_options(request)
    names: list[str] | None = None
    if request.distribution is not None:
        names, result.distribution_problems = read_distribution(request.distribution)
        result.distribution_source = str(request.distribution)
        if any(p.severity >= Severity.ERROR for p in result.distribution_problems):
            return result
    inputs = _read_plans(paths, request.strict, result)
    try:
        request.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("cannot write {path}: {reason}"), path=str(request.output),
                          reason=exc.strerror or str(exc)) from None

    specs = []
    for index, plan_input in enumerate(inputs):
        plan = plan_input.plan
        if request.common.missing_numbers(plan) or (
                request.parts and request.parts.missing_numbers(plan)):
            missing = request.common.missing_numbers(plan) + (
                request.parts.missing_numbers(plan) if request.parts else [])
            result.notes.append(Failure(plan_input.path, _(
                "the plan has {count} sections; section(s) {numbers} do not exist"),
                {"count": len(plan.sections), "numbers": ", ".join(map(str, missing))}))
        audience = names if names is not None else audiences(plan, request.audience)
        specs += specs_for(index, plan, kinds, audience, request.common, request.parts, formal)
    issue_numbers(specs, formal)
    template = str(request.template) if request.template else None
    template_file = template_path(request.template)
    try:
        template_digest = _digest(template_file.read_bytes())
    except OSError as exc:
        raise UsageError(_("cannot read the template {path}: {reason}"), path=str(template_file),
                         reason=exc.strerror or str(exc)) from None
    jobs = finish_jobs(inputs, specs, formal, template_digest)

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

    learned = None
    regional = [i for i, js in pending.items() if any(j.derived is not None for j in js)]
    if regional:
        try:
            found = learn_template(inputs[regional[0]].plan, template)
        except VanbanError:
            found = None  # the plans' own rendering will report the template's problem
        learned = (regional[0], found) if found else None
        if found is None:
            result.notes.append(Failure(str(template_file), _(
                "the template does not allow fast extracts; each extract is rendered on its "
                "own (slower)")))
    by_file = {j.file: j for js in pending.values() for j in js}
    # One flush of the file system at the end instead of an fsync per file (see writer).
    per_file = replace(request, durable=request.durable and not can_flush())
    for outcome in _produce_all(inputs, pending, per_file, template, learned):
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
        _export_pdfs(request, entries, result, progress)
    else:
        _forget_stale_pdfs(request.output, entries, previous)
    if request.durable and (result.built or result.pdf_built) and can_flush():
        flush(request.output)  # everything on disk before the manifest vouches for it
    failed_files = [f.subject for f in result.failures]
    replaced = {Path(f).name for f in failed_files}
    result.entries = [entries[j.file] for j in jobs if j.file in entries]
    manifest.write(request.output, result.entries, replaced=replaced)
    return result


def _pdf_inputs(entry: manifest.Entry, pdfa: bool) -> str:
    return _digest(f"{entry.sha256}|{'pdf/a-2b' if pdfa else 'pdf'}".encode())


def _forget_stale_pdfs(directory: Path, entries: dict[str, manifest.Entry],
                       previous: dict[str, manifest.Entry]) -> None:
    """Without --pdf, keep a PDF only while its .docx is unchanged; remove ours that are stale."""
    for name, entry in entries.items():
        old = previous.get(name)
        if old is None or not old.pdf:
            continue
        if old.sha256 == entry.sha256:
            entry.pdf, entry.pdf_sha256, entry.pdf_inputs = old.pdf, old.pdf_sha256, old.pdf_inputs
        elif file_sha256(directory / old.pdf) == old.pdf_sha256:
            (directory / old.pdf).unlink(missing_ok=True)  # exactly the file we made: stale now


def _export_pdfs(request: BatchRequest, entries: dict[str, manifest.Entry], result: BatchResult,
                 progress: Progress) -> None:
    from vanban.office import OfficeError, convert_many

    pdfa = request.pdfa
    todo = []
    for entry in entries.values():
        wanted = _pdf_inputs(entry, pdfa)
        pdf_name = Path(entry.file).with_suffix(".pdf").name
        if (not request.force and entry.pdf_inputs == wanted and entry.pdf == pdf_name
                and file_sha256(request.output / pdf_name) == entry.pdf_sha256):
            result.pdf_unchanged += 1
            continue
        entry.pdf = entry.pdf_sha256 = entry.pdf_inputs = ""
        todo.append(entry)
    if not todo:
        return
    progress.start(_("Exporting PDF"), len(todo))
    try:
        conversion = convert_many([request.output / e.file for e in todo], request.output,
                                  pdfa=pdfa, progress=progress.advance)
    except OfficeError as exc:
        for entry in todo:
            result.failures.append(Failure(str(request.output / Path(entry.file).with_suffix(".pdf")),
                                           exc.msgid, exc.args_))
        progress.finish()
        return
    progress.finish()
    for entry in todo:
        source = request.output / entry.file
        pdf = conversion.pdfs.get(source)
        if pdf is None:
            result.failures.append(Failure(str(source.with_suffix(".pdf")), _(
                "LibreOffice could not convert {files}: {reason}"),
                {"files": entry.file, "reason": conversion.failed.get(source, "?")}))
            continue
        entry.pdf, entry.pdf_sha256 = pdf.name, file_sha256(pdf) or ""
        entry.pdf_inputs = _pdf_inputs(entry, pdfa)
        result.pdf_built += 1
