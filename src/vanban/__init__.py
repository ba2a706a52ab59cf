"""vanban: build and check Vietnamese administrative documents (Decree 30/2020/NĐ-CP).

The public API::

    plan = vanban.load_plan("plans/277-KH-BCD-2023.yaml")
    vanban.render(plan, "out/")
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
    "LoadResult", "Mark", "OutputError", "Plan", "PlanError", "Problem", "Report", "Severity",
    "TemplateError", "UsageError", "VanbanError", "__version__", "check_file", "check_paths",
    "json_schema", "load_plan",
    "read_plan", "render", "render_bytes", "starter_plan",
]
