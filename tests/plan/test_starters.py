"""`vanban new --type`: a commented starting plan for every common type, clean as written."""

import datetime as dt

import pytest

from vanban import load_plan
from vanban.check.paths import check_file
from vanban.errors import UsageError
from vanban.plan.starter import STARTER_TYPES, starter_plan

STARTERS = [(t, False) for t in STARTER_TYPES] + [("QĐ", True)]
TODAY = dt.date(2026, 11, 30)


@pytest.fixture(params=STARTERS, ids=lambda s: s[0] + ("+attached" if s[1] else ""))
def starter(request, tmp_path):
    doctype, attached = request.param
    path = tmp_path / "starter.yaml"
    path.write_text(starter_plan(doctype, attached=attached), encoding="utf-8")
    return doctype, attached, path


def test_each_starter_is_the_type_it_was_asked_for_and_checks_clean(starter):
    doctype, attached, path = starter
    plan = load_plan(path)
    assert plan.doctype.key == doctype or plan.doctype.code == doctype
    assert (plan.attachment is not None) == attached
    assert check_file(path, today=TODAY).problems == []


def test_each_starter_explains_its_keys_in_vietnamese(starter):
    _doctype, _attached, path = starter
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "vanban new --type" in lines[0]
    assert "Phụ lục III" in "\n".join(lines[:4])  # names its model form in the decree
    assert sum("#" in line for line in lines) >= 8


def test_types_are_found_by_code_or_name():
    assert starter_plan("Công văn") == starter_plan("cong-van")
    assert "type: Giấy mời" in starter_plan("GM")


def test_an_unknown_type_names_the_ones_there_are():
    with pytest.raises(UsageError) as caught:
        starter_plan("Thư tình")
    message = caught.value.message("en")
    assert "KH" in message and "GM" in message and "BB" in message


def test_attached_is_for_a_decision():
    with pytest.raises(UsageError):
        starter_plan("KH", attached=True)
