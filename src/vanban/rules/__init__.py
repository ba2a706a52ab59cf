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
           "all_rules", "covered", "forms", "get_rule", "group_includes", "normal_name"]


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("vb"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            rules.extend(getattr(module, "RULES", None) or [module.RULE])
    rules.sort(key=lambda r: r.code)
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name, *rule.aliases):
            if key in seen:
                raise RuntimeError(f"rule key {key!r} used by {seen[key]} and {rule.code}")
            seen[key] = rule.code
    return tuple(rules)


@lru_cache(maxsize=None)
def _index() -> dict[str, Rule]:
    out = {}
    for rule in all_rules():
        for key in (rule.code, rule.name, *rule.aliases):
            out[key.upper() if key[:2].upper() == "VB" else key] = rule
    return out


def get_rule(key: str) -> Rule | None:
    """The rule with this code (``VB201``), name (``numbering-sequence``) or alias."""
    key = key.strip()
    return _index().get(key.upper() if key[:2].upper() == "VB" else key)
