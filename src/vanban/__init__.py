"""vanban: build and check Vietnamese administrative documents (Decree 30/2020/NĐ-CP).

The public API::

    plan = vanban.load_plan("plans/277-KH-BCD-2023.yaml")
    vanban.render(plan, "out/")
    vanban.check_paths(["plans/"]).problems
"""

from __future__ import annotations

__version__ = "0.1.0"

from vanban.checker import Report, check_file, check_paths
from vanban.errors import OutputError, PlanError, TemplateError, UsageError, VanbanError
from vanban.loader import LoadResult, load_plan, read_plan
from vanban.model import Plan
from vanban.problems import Mark, Problem, Severity
from vanban.renderer import render, render_bytes
from vanban.schema import json_schema
from vanban.starter import starter_plan

__all__ = [
    "BatchRequest", "BatchResult", "LoadResult", "Mark", "OutputError", "Plan",
    "PlanDiff", "PlanError", "Problem", "Report", "Severity", "TemplateError",
    "UsageError", "VanbanError", "__version__", "check_file", "check_paths", "diff_plans",
    "import_file", "json_schema", "load_plan", "read_plan", "render", "render_bytes",
    "run_batch", "starter_plan",
]

#: Heavier parts, imported when first used so ``vanban check`` starts quickly.
_LAZY = {
    "BatchRequest": "vanban.batch", "BatchResult": "vanban.batch", "run_batch": "vanban.batch",
    "PlanDiff": "vanban.diff", "diff_plans": "vanban.diff",
    "import_file": "vanban.document.importer",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'vanban' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
