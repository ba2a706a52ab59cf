"""A plan whose YAML breaks is still checked on what can be read: the top-level keys before
the one holding the syntax error (issue 12), with no “missing key” for what comes after."""

from __future__ import annotations

from conftest import MINIMAL_PLAN
from vanban.check.paths import check_file

SLIPPED = MINIMAL_PLAN.replace("name: Nguyễn Văn A", "name: Ông Nguyễn Văn A")


def codes(path) -> list[str]:
    return [p.code for p in check_file(path).problems]


def test_a_syntax_error_at_the_end_does_not_hide_the_findings_before_it(write_plan):
    path = write_plan(SLIPPED + "notes: [một ghi chú\n")
    assert codes(path) == ["VB305", "VB001"]


def test_keys_after_the_broken_one_are_not_reported_missing(write_plan):
    broken = SLIPPED.replace("sections:\n", "sections: [\n", 1)
    found = codes(write_plan(broken))
    assert "VB001" in found and "VB004" not in found


def test_a_syntax_error_in_the_first_key_leaves_nothing_to_check(write_plan):
    path = write_plan("type: [Kế hoạch\n" + SLIPPED.split("\n", 1)[1])
    assert codes(path) == ["VB001"]


def test_a_bracket_left_open_is_cut_before_its_key_not_where_yaml_notices(write_plan):
    # the parser reports an unclosed flow list further down; the cut goes back to its key
    text = SLIPPED + "notes: [một ghi chú,\ndrafter: PL\nversion: '2'\n"
    found = codes(write_plan(text))
    assert found.count("VB001") == 1 and "VB305" in found and "VB004" not in found
