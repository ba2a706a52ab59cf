"""Plan files written to hurt: each gets a positioned message, quickly, and nothing else."""

import time

import pytest

from conftest import MINIMAL_PLAN
from vanban import read_plan
from vanban.plan import source


def problems(result):
    return [(p.code, p.mark.line, p.mark.col) for p in result.problems]


def test_a_billion_laughs_alias_bomb_stops_at_the_node_budget_in_about_a_second(write_plan):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):  # 9**10 values once expanded
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    started = time.perf_counter()
    result = read_plan(write_plan("\n".join(lines) + "\n"))
    elapsed = time.perf_counter() - started
    assert [p.code for p in result.problems] == ["VB001"]
    assert "200,000" in result.problems[0].message("en")
    assert elapsed < 10  # generous on a busy machine: the budget is what matters


def test_aliases_a_real_plan_uses_still_work(write_plan):
    text = MINIMAL_PLAN.replace("recipients:\n  - Sở Nội vụ", "recipients:\n  - &nv Sở Nội vụ\n  - *nv")
    result = read_plan(write_plan(text))
    assert result.plan is not None and [r.name for r in result.plan.recipients] == ["Sở Nội vụ"] * 2


@pytest.mark.parametrize("tagged", ["!!binary aGVsbG8=", "!custom xin chào", "!!python/object x"])
def test_yaml_tags_are_refused_where_they_are_written(write_plan, tagged):
    result = read_plan(write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: {tagged}")))
    assert problems(result) == [("VB005", 8, 8)]


@pytest.mark.parametrize("null", ["~", "null", "NULL"])
def test_yaml_null_is_not_printed_as_text(write_plan, null):
    result = read_plan(write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: {null}")))
    assert problems(result) == [("VB006", 8, 8)]
    quoted = read_plan(write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: '{null}'")))
    assert quoted.plan.title == null


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\x00"])
def test_a_character_yaml_forbids_is_reported_where_it_is(write_plan, char):
    result = read_plan(write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: Thử{char} nghiệm")))
    assert problems(result) == [("VB008", 8, 11)]
    assert f"U+{ord(char):04X}" in result.problems[0].message("en")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_BYTES", 1000)
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN + "# " + "x" * 2000 + "\n", encoding="utf-8")
    result = read_plan(path)
    assert [p.code for p in result.problems] == ["VB001"]
    assert "MB" in result.problems[0].message("en")


def test_a_number_no_register_reaches_is_refused(write_plan):
    result = read_plan(write_plan(MINIMAL_PLAN.replace("number: 5", "number: " + "9" * 23)))
    assert problems(result) == [("VB006", 5, 9)]


@pytest.mark.parametrize("date", ["0001-03-05", "05/03/9999"])
def test_a_year_no_document_carries_is_refused(write_plan, date):
    result = read_plan(write_plan(MINIMAL_PLAN.replace("date: 2024-03-05", f"date: {date}")))
    assert problems(result) == [("VB006", 7, 7)]
