"""vanban: build and check Vietnamese administrative documents (Decree 30/2020/NĐ-CP).

The public API::

    plan = vanban.load_plan("plans/277-KH-BCD-2023.yaml")
    vanban.render(plan, "out/")
    vanban.check_paths(["plans/"]).problems

Every name is imported when first used, so ``import vanban`` (and the command line's
start-up) costs nothing until a command needs the renderer, the checker or python-docx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vanban._exports import lazy_exports
from vanban._version import __version__

#: Public name → the module that defines it.
_EXPORTS = {
    "check_file": "vanban.check", "check_paths": "vanban.check", "Report": "vanban.check",
    "OutputError": "vanban.errors", "PlanError": "vanban.errors",
    "TemplateError": "vanban.errors", "UsageError": "vanban.errors",
    "VanbanError": "vanban.errors",
    "LoadResult": "vanban.plan.loader", "load_plan": "vanban.plan.loader",
    "read_plan": "vanban.plan.loader",
    "Plan": "vanban.plan.model", "json_schema": "vanban.plan.schema",
    "schema_loader": "vanban.plan.schema",
    "starter_plan": "vanban.plan.starter",
    "Mark": "vanban.problems", "Problem": "vanban.problems", "Severity": "vanban.problems",
    "render": "vanban.renderer", "render_bytes": "vanban.renderer",
    "BatchRequest": "vanban.batch", "BatchResult": "vanban.batch", "run_batch": "vanban.batch",
    "PlanDiff": "vanban.diff", "diff_plans": "vanban.diff",
    "import_file": "vanban.document.importer",
    "build_record": "vanban.record", "record_problems": "vanban.record",
}

__all__ = [
    "BatchRequest", "BatchResult", "LoadResult", "Mark", "OutputError", "Plan", "PlanDiff",
    "PlanError", "Problem", "Report", "Severity", "TemplateError", "UsageError", "VanbanError",
    "__version__", "build_record", "check_file", "check_paths", "diff_plans", "import_file", "json_schema",
    "load_plan", "read_plan", "record_problems", "render", "render_bytes", "run_batch",
    "schema_loader", "starter_plan",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from vanban.batch import BatchRequest, BatchResult, run_batch
    from vanban.check import Report, check_file, check_paths
    from vanban.diff import PlanDiff, diff_plans
    from vanban.document.importer import import_file
    from vanban.errors import OutputError, PlanError, TemplateError, UsageError, VanbanError
    from vanban.plan.loader import LoadResult, load_plan, read_plan
    from vanban.plan.model import Plan
    from vanban.plan.schema import json_schema, schema_loader
    from vanban.plan.starter import starter_plan
    from vanban.problems import Mark, Problem, Severity
    from vanban.record import build_record, record_problems
    from vanban.renderer import render, render_bytes


__getattr__ = lazy_exports(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return __all__
