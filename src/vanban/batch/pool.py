"""Writing the documents of a batch on every core.

Workers are forked when the platform allows it, so they start with each plan's kit already
in memory; elsewhere the kits are sent to them once. A plan that cannot be rendered fails
all its documents with the reason, and the other plans go on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from vanban.batch.fragments import BodyModel
from vanban.batch.jobs import Job, PlanInput
from vanban.batch.produce import Kit, Outcome, prepare, produce
from vanban.batch.render import Learned
from vanban.errors import VanbanError
from vanban.i18n import _

#: Rough seconds per document, to decide whether starting worker processes pays off.
_COST = {"copy": 0.0005, "region": 0.001, "formal": 0.06, "render": 0.09}
PARALLEL_MIN_SECONDS = 0.3  # less work than this is done in-process: a pool costs more


def count(requested: int | None) -> int:
    """Worker processes to use: as requested, else the CPUs this process may run on."""
    if requested:
        return max(1, requested)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


# --- workers -----------------------------------------------------------------------------

_state: dict[str, Any] = {}


def _quiet_on_ctrl_c() -> None:
    """Ctrl-C reaches every process of the terminal's group; only the parent handles it
    (stops the pool, cleans up, writes the manifest), so a worker neither prints a
    traceback nor dies holding a task the parent waits for."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_jobs(kits: dict[int, Kit], directory: Path, durable: bool) -> None:
    _quiet_on_ctrl_c()
    _state.update(kits=kits, directory=directory, durable=durable)


def _job_task(job: Job) -> Outcome:
    return produce(job, _state["kits"][job.plan], _state["directory"], durable=_state["durable"])


def _init_plans(model: BodyModel | None, template: str | None, directory: Path,
                durable: bool) -> None:
    _quiet_on_ctrl_c()
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


def produce_all(inputs: Sequence[PlanInput], pending: dict[int, list[Job]], *, workers: int,
                directory: Path, durable: bool, template: str | None,
                learned: tuple[int, Learned] | None) -> Iterator[Outcome]:
    """Write every pending job, yielding each outcome (in no promised order).

    Many plans: each worker renders whole plans. Few plans: they are rendered here and the
    documents are shared out, when there is enough work to pay for starting workers.
    """
    model = learned[1].model if learned else None
    if workers > 1 and len(pending) >= 2 * workers:
        # Many plans: each worker renders a plan and writes its documents.
        tasks = [(inputs[i], jobs) for i, jobs in pending.items()]
        with _context().Pool(workers, _init_plans, (model, template, directory,
                                                    durable)) as pool:
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
        with _context().Pool(workers, _init_jobs, (kits, directory, durable)) as pool:
            yield from pool.imap(_job_task, ready, chunksize=chunk)
    else:
        for job in ready:
            yield produce(job, kits[job.plan], directory, durable=durable)
