"""The registry of rules, discovered from the ``vbNNN_*.py`` modules of this package.

Codes never change meaning: a retired or split rule keeps its code as an alias. Config and
``# vanban: disable=…`` comments accept a rule's code, its name, or an alias. The matching
of agency names the recipients' rules use is public here too: ``vanban tasks`` selects an
agency's tasks with it.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from vanban.rules._agencies import covered, forms, group_includes, normal_name
from vanban.rules._base import (
    DocContext,
    Finding,
    FolderContext,
    Option,
    PlanFacts,
    Rule,
    RuleContext,
)

__all__ = ["DocContext", "Finding", "FolderContext", "Option", "PlanFacts", "Rule", "RuleContext",
           "all_rules", "covered", "forms", "get_rule", "group_includes", "normal_name",
           "plan_rules"]

#: The modules whose rules judge a document's text or layout or a folder of plans, not a plan
#: file: checking a plan (and so rendering one) does not load them. tests/rules/
#: test_registry.py keeps this list true.
NOT_PLAN_MODULES = frozenset({
    "vb105_closing_mark", "vb309_written_number", "vb310_written_dateline",
    "vb311_national_title", "vb403_written_recipients",  # a document's written text
    "vb701_duplicate_number", "vb702_number_gap",  # a folder
    "vb801_page", "vb802_font", "vb803_component_format", "vb804_rules_lines",
    "vb805_page_numbers", "vb806_body_format",  # a Word file's layout
})


def _modules() -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(__path__)
                  if info.name.startswith("vb"))


def _rules_of(names: list[str]) -> list[Rule]:
    rules = []
    for name in names:
        module = importlib.import_module(f"{__name__}.{name}")
        rules.extend(getattr(module, "RULES", None) or [module.RULE])
    return sorted(rules, key=lambda r: r.code)


@lru_cache(maxsize=1)
def _plan_modules_rules() -> tuple[Rule, ...]:
    """The rules of every module but NOT_PLAN_MODULES: the plan rules and the loader's."""
    return tuple(_rules_of([n for n in _modules() if n not in NOT_PLAN_MODULES]))


@lru_cache(maxsize=1)
def plan_rules() -> tuple[Rule, ...]:
    """The rules that check a plan file (scope ``plan``), loading no other rule's module."""
    return tuple(r for r in _plan_modules_rules() if r.scope == "plan")


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules = _rules_of(_modules())
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name, *rule.aliases):
            if key in seen:
                raise RuntimeError(f"rule key {key!r} used by {seen[key]} and {rule.code}")
            seen[key] = rule.code
    return tuple(rules)


def _keyed(rules: tuple[Rule, ...]) -> dict[str, Rule]:
    out = {}
    for rule in rules:
        for key in (rule.code, rule.name, *rule.aliases):
            out[key.upper() if key[:2].upper() == "VB" else key] = rule
    return out


@lru_cache(maxsize=1)
def _plan_index() -> dict[str, Rule]:
    return _keyed(_plan_modules_rules())


@lru_cache(maxsize=1)
def _index() -> dict[str, Rule]:
    return _keyed(all_rules())


def get_rule(key: str) -> Rule | None:
    """The rule with this code (``VB201``), name (``numbering-sequence``) or alias (a rule of
    plans or of the loader is found without loading the rules of documents)."""
    key = key.strip()
    key = key.upper() if key[:2].upper() == "VB" else key
    return _plan_index().get(key) or _index().get(key)
