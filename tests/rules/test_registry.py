"""The registry: unique codes and names, documented rules, generated docs up to date."""

import runpy

from conftest import ROOT
from vanban.rules import all_rules, get_rule


def test_codes_and_names_are_unique_and_well_formed():
    import re

    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    for rule in rules:
        assert re.fullmatch(r"VB\d{3}", rule.code)
        assert re.fullmatch(r"[a-z][a-z0-9-]+", rule.name)


def test_rules_are_found_by_code_name_or_alias_in_any_case():
    assert get_rule("VB201").name == "numbering-sequence"
    assert get_rule("vb201").code == "VB201"
    assert get_rule("numbering-sequence").code == "VB201"
    assert get_rule("nope") is None


def test_every_rule_documents_why_with_a_bad_and_a_good_example():
    for rule in all_rules():
        sections = rule.sections()
        assert rule.summary.endswith((".", "…")), rule.code
        for heading in ("Why", "Bad", "Good"):
            assert sections.get(heading, "").strip(), f"{rule.code} lacks ## {heading}"
        if rule.options:
            for key in rule.options:
                assert f"`{key}`" in sections.get("Options", ""), f"{rule.code} option {key}"


def test_docs_rules_md_is_generated_from_the_registry():
    script = runpy.run_path(str(ROOT / "scripts" / "gen_rule_docs.py"))
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == script["render"](), "run python scripts/gen_rule_docs.py"


def test_docs_rules_vi_md_is_generated_from_the_registry_and_the_catalog():
    script = runpy.run_path(str(ROOT / "scripts" / "gen_rule_docs.py"))
    current = (ROOT / "docs" / "rules.vi.md").read_text(encoding="utf-8")
    assert current == script["render"]("vi"), "run python scripts/gen_rule_docs.py"


def test_the_english_and_vietnamese_rule_pages_link_to_each_other():
    english = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    vietnamese = (ROOT / "docs" / "rules.vi.md").read_text(encoding="utf-8")
    assert "](rules.vi.md)" in english and "](rules.md)" in vietnamese
    assert "#### Vì sao" in vietnamese and "#### Why" not in vietnamese


def test_checking_a_plan_loads_only_the_modules_of_plan_rules():
    """``NOT_PLAN_MODULES`` names exactly the rule modules without a plan-file rule, so a
    plan's check neither loads a document rule nor misses a plan rule."""
    from vanban.rules import NOT_PLAN_MODULES, plan_rules

    modules = {r.check.__module__.rsplit(".", 1)[1] for r in all_rules() if r.check}
    with_plan_rules = {r.check.__module__.rsplit(".", 1)[1] for r in all_rules()
                       if r.check and r.scope == "plan"}
    assert NOT_PLAN_MODULES == modules - with_plan_rules
    assert plan_rules() == tuple(r for r in all_rules() if r.scope == "plan")


def test_every_key_finds_its_rule_and_a_plan_rule_loads_no_document_rule():
    import os
    import subprocess
    import sys

    for rule in all_rules():
        for key in (rule.code, rule.code.lower(), rule.name, *rule.aliases):
            assert get_rule(key) is rule, key
    code = ("import sys\nfrom vanban.rules import get_rule\n"
            "assert get_rule('VB009').code == 'VB009' and get_rule('VB201').code == 'VB201'\n"
            "print(sorted(m for m in sys.modules if m.startswith('vanban.rules.vb8')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=dict(os.environ, PYTHONPATH=str(ROOT / "src"))).stdout
    assert out.strip() == "[]"
