"""Every rule's pass and fail cases, from ``cases/VBnnn.yaml`` (sqlfluff style).

A case gives a plan — in full (``plan``) or as edits of ``base.yaml`` (``replace``: pairs of
old and new text) — and the positions ``[line, column]`` where the rule must report, nothing
else. A fixable case gives the text ``--fix`` must produce (``fixed``, as edits of the plan).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from vanban.check.config import Config, RuleSetting
from vanban.check.fixer import fix_file
from vanban.check.paths import check_file
from vanban.rules import all_rules, get_rule

HERE = Path(__file__).parent
BASE = (HERE / "base.yaml").read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 26)
CASE_FILES = sorted((HERE / "cases").glob("VB*.yaml"))


def apply_replacements(text: str, pairs) -> str:
    for old, new in pairs or []:
        assert old in text, f"{old!r} not in the plan"
        text = text.replace(old, new, 1)
    return text


def load_cases():
    for path in CASE_FILES:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{path.stem}-{case['name']}")


def plan_text(case) -> str:
    return case["plan"] if "plan" in case else apply_replacements(BASE, case.get("replace"))


def config_for(rule_code: str, case) -> Config:
    rule = get_rule(rule_code)
    options = {**rule.defaults(), **(case.get("options") or {})}
    return Config(settings={rule.code: RuleSetting(rule.severity, options)})


@pytest.mark.parametrize("rule_code, case", list(load_cases()))
def test_rule_case(tmp_path, rule_code, case):
    path = tmp_path / "plan.yaml"
    text = plan_text(case)
    path.write_text(text, encoding="utf-8")
    today = case.get("today", TODAY)
    result = check_file(path, config=config_for(rule_code, case), today=today, select=[rule_code])
    unexpected = [p for p in result.problems if p.code != rule_code]
    assert unexpected == [], "the case plan must load cleanly"
    found = [[p.mark.line, p.mark.col] for p in result.problems]
    assert found == case["expect"], [p.message("en") for p in result.problems]
    if "fixed" in case:
        outcome = fix_file(path, config=config_for(rule_code, case), today=today,
                           select=[rule_code])
        assert path.read_text(encoding="utf-8") == apply_replacements(text, case["fixed"])
        assert [p for p in outcome.result.problems if p.fix] == []


def test_the_base_plan_passes_every_rule(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert check_file(path, config=Config(), today=TODAY).problems == []


def test_every_checking_rule_has_cases_that_pass_and_fail():
    covered: dict[str, list] = {}
    for path in CASE_FILES:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.stem == spec["rule"]
        covered[spec["rule"]] = spec["cases"]
    for rule in all_rules():
        if rule.check is None or rule.scope != "plan":
            continue
        cases = covered.get(rule.code)
        assert cases, f"{rule.code} has no case file"
        assert any(c["expect"] for c in cases), f"{rule.code} has no failing case"
        assert any(not c["expect"] for c in cases), f"{rule.code} has no passing case"
        if rule.fixable:
            assert any("fixed" in c for c in cases), f"{rule.code} is fixable but no case fixes"
