"""Check one plan file: loader problems, then every enabled plan rule, then suppressions."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from vanban.check.config import Config
from vanban.check.engine import (
    applies, as_problem, configure_loader_problems, rule_failure, selected,
)
from vanban.check.results import FileResult
from vanban.check.suppress import parse_suppressions
from vanban.plan.codes import MISSING_KEY, YAML_SYNTAX
from vanban.plan.loader import LoadResult, read_plan
from vanban.problems import Problem
from vanban.rules import PlanFacts, RuleContext, plan_rules


def _run_rules(result: FileResult, config: Config, today: _dt.date,
               select: set[str] | None, ignore: set[str] | None,
               imported: bool) -> list[Problem]:
    out = []
    assert result.source is not None
    for rule in plan_rules():
        if rule.check is None or not selected(rule, select, ignore):
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


#: A line that starts a top-level key: where a plan can be cut and still be whole YAML.
_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")


def salvage(path: Path, loaded: LoadResult) -> LoadResult | None:
    """What can be read of a plan whose YAML breaks: the top-level keys before the one the
    syntax error is in, read on their own (None: nothing before it). Their rules still run,
    so one slip at the end does not hide every other finding; keys missing because they
    come after the cut are not reported."""
    assert loaded.source is not None
    text = loaded.source.text
    for _attempt in range(3):  # a bracket left open is reported further down: cut again
        errors = [p.mark.line for p in loaded.problems if p.code == YAML_SYNTAX]
        if not errors:
            break
        lines = text.splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines[:min(errors)]) if _TOP_KEY.match(line)]
        if len(starts) < 2:
            return None
        text = "".join(lines[:starts[-1]])
        loaded = read_plan(path, text.encode("utf-8"))
    else:
        return None
    if loaded.source is None or loaded.source.root is None:
        return None
    return LoadResult(loaded.plan, [p for p in loaded.problems if p.code != MISSING_KEY],
                      loaded.source)


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
    elif loaded.source is not None and (partial := salvage(path, loaded)) is not None:
        read = FileResult(str(path), [], partial.source, partial.plan)
        problems += configure_loader_problems(partial.problems, config, select, ignore)
        problems += _run_rules(read, config, today, select, ignore, imported)
    if loaded.source is not None:
        suppressed = parse_suppressions(loaded.source.text)
        problems = [p for p in problems if not suppressed.covers(p)]
    result.problems = sorted(problems, key=Problem.sort_key)
    if loaded.plan is not None:
        result.facts = PlanFacts.of(loaded.plan)
    return result
