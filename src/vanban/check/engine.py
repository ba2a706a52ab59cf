"""Running rules as configured: which rules are chosen, at what level, and what they found.

Shared by plans, documents and folders, so ``--select``/``--ignore`` and levels mean the same
everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from vanban.check.config import Config
from vanban.errors import UsageError
from vanban.i18n import _
from vanban.plan.model import Plan
from vanban.plan.codes import RULE_FAILED
from vanban.problems import Problem, Severity
from vanban.rules import Finding, Rule, get_rule


def resolve_rules(keys: Iterable[str] | None) -> set[str] | None:
    """The codes of the rules named by ``keys`` (codes, names or aliases); None: all."""
    if keys is None:
        return None
    out = set()
    for key in keys:
        rule = get_rule(key)
        if rule is None:
            raise UsageError(_("unknown rule “{key}”; `vanban rules` lists them"), key=key)
        out.add(rule.code)
    return out


def selected(rule: Rule, select: set[str] | None, ignore: set[str] | None) -> bool:
    """Whether ``rule`` runs under ``--select``/``--ignore``."""
    if select is not None and rule.code not in select:
        return False
    return not (ignore and rule.code in ignore)


def applies(rule: Rule, plan: Plan | None) -> bool:
    """Whether ``rule`` applies to ``plan``'s kind of document (see Rule.checks_form)."""
    return plan is None or plan.doctype.decree or not rule.checks_form


def as_problem(rule: Rule, severity: Severity, finding: Finding) -> Problem:
    return Problem(finding.mark, rule.code, finding.msgid, finding.args, severity, rule.name,
                   finding.fix)


def rule_failure(rule: Rule, problem_mark, exc: Exception) -> Problem:
    """A bug in one rule, reported on the file instead of hiding the other rules' findings."""
    return Problem(problem_mark, RULE_FAILED, _(
        "rule {rule} failed on this file ({error}); please report it"),
        {"rule": rule.code, "error": f"{type(exc).__name__}: {exc}"}, Severity.ERROR, rule.name)


def configure_loader_problems(problems: list[Problem], config: Config,
                              select: set[str] | None, ignore: set[str] | None) -> list[Problem]:
    """Loader problems (VB0xx) at their configured level; errors that stop loading stay."""
    out = []
    for problem in problems:
        rule = get_rule(problem.code)
        if rule is None:
            out.append(problem)
            continue
        if not selected(rule, select, ignore) and problem.severity < Severity.ERROR:
            continue
        severity = config.setting(rule).severity
        if severity is None and problem.severity < Severity.ERROR:
            continue  # errors that stop loading cannot be switched off
        if severity is not None and severity != problem.severity:
            problem = Problem(problem.mark, problem.code, problem.msgid, problem.args, severity,
                              rule.name, problem.fix)
        out.append(problem)
    return out
