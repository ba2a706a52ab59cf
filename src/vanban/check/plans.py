"""Check one plan file: loader problems, then every enabled plan rule, then suppressions."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from vanban.check.config import Config
from vanban.check.engine import (
    applies, as_problem, configure_loader_problems, rule_failure, selected,
)
from vanban.check.results import FileResult
from vanban.check.suppress import parse_suppressions
from vanban.plan.loader import read_plan
from vanban.problems import Problem
from vanban.rules import PlanFacts, RuleContext, all_rules


def _run_rules(result: FileResult, config: Config, today: _dt.date,
               select: set[str] | None, ignore: set[str] | None,
               imported: bool) -> list[Problem]:
    out = []
    assert result.source is not None
    for rule in all_rules():
        if rule.check is None or rule.scope != "plan" or not selected(rule, select, ignore):
            continue
        if (rule.needs_plan and result.plan is None) or not applies(rule, result.plan):
            continue
        setting = config.setting(rule)
        if setting.severity is None:
            continue
        ctx = RuleContext(result.path, result.source, result.plan, setting.options, today,
                          imported)
        try:
            out.extend(as_problem(rule, setting.severity, f) for f in rule.check(ctx))
        except Exception as exc:  # a bug in one rule must not hide the others' findings
            out.append(rule_failure(rule, result.source.mark_at(0), exc))
    return out


def check_plan(path: Path, data: bytes | None, config: Config, today: _dt.date,
               select: set[str] | None, ignore: set[str] | None, *,
               imported: bool = False) -> FileResult:
    """Check the plan file at ``path`` (or ``data`` labelled with it); ``imported``: the plan
    was read from a document (see :class:`~vanban.rules.RuleContext`)."""
    loaded = read_plan(path, data)
    result = FileResult(str(path), [], loaded.source, loaded.plan)
    problems = configure_loader_problems(loaded.problems, config, select, ignore)
    if loaded.source is not None and loaded.source.root is not None:
        problems += _run_rules(result, config, today, select, ignore, imported)
    if loaded.source is not None:
        suppressed = parse_suppressions(loaded.source.text)
        problems = [p for p in problems if not suppressed.covers(p)]
    result.problems = sorted(problems, key=Problem.sort_key)
    if loaded.plan is not None:
        result.facts = PlanFacts.of(loaded.plan)
    return result
