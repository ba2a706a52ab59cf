"""Cases of the rules that check a written document (.txt here), from ``doccases/``.

A case gives edits of ``doc_base.txt`` and the positions ``[line, column]`` where the rule
must report in the text file, nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from test_rule_cases import apply_replacements

from vanban.check.config import Config
from vanban.check.paths import check_file
from vanban.rules import all_rules

HERE = Path(__file__).parent
BASE = (HERE / "doc_base.txt").read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 26)
CASE_FILES = sorted((HERE / "doccases").glob("VB*.yaml"))


def load_cases():
    for path in CASE_FILES:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{path.stem}-{case['name']}")


@pytest.mark.parametrize("rule_code, case", list(load_cases()))
def test_document_rule_case(tmp_path, rule_code, case):
    path = tmp_path / "document.txt"
    path.write_text(apply_replacements(BASE, case.get("replace")), encoding="utf-8")
    result = check_file(path, config=Config(), today=TODAY, select=[rule_code])
    found = [[p.mark.line, p.mark.col] for p in result.problems if p.code == rule_code]
    assert found == case["expect"], [p.message("en") for p in result.problems]


def test_the_base_document_is_clean(tmp_path):
    path = tmp_path / "document.txt"
    path.write_text(BASE, encoding="utf-8")
    assert [str(p) for p in check_file(path, config=Config(), today=TODAY).problems] == []


def test_every_document_rule_has_cases_that_pass_and_fail():
    covered = {}
    for path in CASE_FILES:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        covered[spec["rule"]] = spec["cases"]
    for rule in all_rules():
        if rule.scope != "document":
            continue
        cases = covered.get(rule.code)
        assert cases, f"{rule.code} has no document case file"
        assert any(c["expect"] for c in cases) and any(not c["expect"] for c in cases)
