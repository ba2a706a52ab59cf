"""Choosing rows: an agency however it is written, groups that may include it, dates."""

from __future__ import annotations

import datetime as _dt

import pytest

from ledgercases import TODAY, write
from vanban.ledger import select, task_rows
from vanban.ledger.select import close_names, may_include, names


@pytest.fixture
def rows(tmp_path):
    return task_rows([write(tmp_path)], today=TODAY)


@pytest.mark.parametrize("written", ["Sở Tư pháp", "STP", "SỞ TƯ PHÁP", "sở tư pháp",
                                     "Sở Tư Pháp", "So Tu phap"])
def test_an_agency_is_matched_across_spellings_and_abbreviations(written):
    assert names(written, "Sở Tư pháp")
    assert names("Sở Tư pháp", written)


def test_other_agencies_and_bodies_of_a_name_are_not_matched():
    assert not names("Sở Tài chính", "Sở Tư pháp")
    assert not names("Văn phòng UBND tỉnh", "Ủy ban nhân dân tỉnh")
    assert names("UBND tỉnh", "Ủy ban nhân dân tỉnh")


@pytest.mark.parametrize("one, other, acronym", [
    ("Sở Nội vụ", "Sở Ngoại vụ", "SNV"),  # an acronym is not a name spelt out
    ("Sở Tài chính", "Sở Tài chánh", "STC"),
    ("SỞ NỘI VỤ", "Sở Ngoại vụ", "SNV"),
])
def test_two_names_spelt_out_are_not_one_because_their_initials_agree(one, other, acronym):
    assert not names(one, other) and not names(other, one)
    assert names(acronym, one) and names(one, acronym)  # the acronym itself names either


@pytest.mark.parametrize("asked", ["Sở Tư pháp", "STP", "SỞ TƯ PHÁP"])
def test_agency_selects_its_rows_led_or_supported_and_the_groups_that_may_include_it(rows, asked):
    chosen = select(rows, agency=asked)
    assert [(r.task, r.agency, r.role, r.via_group) for r in chosen] == [
        ("Rà soát văn bản quy phạm pháp luật.", "STP", "lead", False),
        ("Rà soát văn bản quy phạm pháp luật.", "Các sở, ban, ngành", "support", True),
        ("Kiểm tra công tác văn thư.", "SỞ TƯ PHÁP", "lead", False),
        ("Sắp xếp đơn vị sự nghiệp.", "sở tư pháp", "support", False),
    ]


def test_a_name_of_function_words_only_names_no_agency():
    assert not names("Các cơ quan có liên quan", "Các cơ quan liên quan")
    assert not names("", "")


def test_named_only_leaves_the_groups_out(rows):
    chosen = select(rows, agency="Sở Tư pháp", named_only=True)
    assert [r.agency for r in chosen] == ["STP", "SỞ TƯ PHÁP", "sở tư pháp"]


def test_a_party_body_is_not_in_the_sở_ban_ngành(rows):
    assert not may_include("Các sở, ban, ngành", "Ban Tuyên giáo Tỉnh ủy")
    assert [r.agency for r in select(rows, agency="Ban Tuyên giáo Tỉnh ủy")] == [
        "Ban Tuyên giáo Tỉnh ủy"]


def test_from_and_to_take_deadlines_in_between_both_included(rows):
    chosen = select(rows, start=_dt.date(2026, 6, 25), end=_dt.date(2026, 7, 3))
    assert sorted({r.due.isoformat() for r in chosen}) == [
        "2026-06-25", "2026-07-02", "2026-07-03"]


def test_a_date_limit_leaves_out_tasks_without_a_deadline(rows):
    assert all(r.due is not None for r in select(rows, start=_dt.date(2000, 1, 1)))
    assert len(select(rows, end=_dt.date(2026, 6, 24))) == 2  # the overdue task, both roles


def test_close_names_suggest_the_plans_spellings_nearest_to_a_misspelt_one(rows):
    assert close_names(rows, "Sở Tài chánh") == ["Sở Tài chính"]
    assert close_names(rows, "Văn phòng UBND") == ["Văn phòng UBND tỉnh"]
    assert close_names(rows, "Tuyên giáo") == ["Ban Tuyên giáo Tỉnh ủy"]
    assert close_names(rows, "Bộ Ngoại giao") == []
