"""YAML mistakes people make typing a plan: said in Vietnamese, on the line to mend."""

import pytest

from conftest import MINIMAL_PLAN
from vanban import read_plan


def replace(old: str, new: str) -> str:
    assert old in MINIMAL_PLAN
    return MINIMAL_PLAN.replace(old, new)


@pytest.mark.parametrize(("plan", "where", "says"), [
    # a key indented one space off, under a list item: PyYAML blames the next key's line
    (replace("      - text: Nội dung thứ nhất.", "     - text: Nội dung thứ nhất.\n        lead: Sở Tư pháp"),
     (13, 9), "không thẳng hàng với dòng trên (dòng 12)"),
    (replace("  abbreviation: STP", "   abbreviation: STP"), (4, 4), "không thẳng hàng với dòng trên (dòng 3)"),
    (replace("  - title: Mục đích, yêu cầu", "   - title: Mục đích, yêu cầu\n  - title: Hai"), (11, 3),
     "thụt lề khác"),
    (replace("  abbreviation: STP", "\tabbreviation: STP"), (4, 1), "Tab"),
    (replace("title: Thử nghiệm", "title: Thử nghiệm: lần 2"), (8, 18), "dấu “: ” trong đoạn chữ"),
    (replace("title: Thử nghiệm", 'title: "Thử nghiệm'), (8, 8), "dấu ngoặc kép này chưa được đóng"),
    (replace("recipients:\n  - Sở Nội vụ", "recipients: [Sở Nội vụ, Sở Tài chính"), (20, 13),
     "chưa được đóng"),
    (replace("title: Thử nghiệm", "title: @Thử nghiệm"), (8, 8), "không được bắt đầu bằng “@”"),
])
def test_a_syntax_mistake_is_explained_where_it_was_made(write_plan, plan, where, says):
    result = read_plan(write_plan(plan))
    (problem,) = result.problems
    assert problem.code == "VB001" and (problem.mark.line, problem.mark.col) == where
    assert says in problem.message()
    assert "while parsing" not in problem.message() and "expected" not in problem.message()


def test_a_sentence_split_at_its_colon_is_told_to_be_quoted(write_plan):
    plan = replace("      - text: Nội dung thứ nhất.", "      - Thời gian: từ ngày 01/01 đến 31/12/2024")
    (problem,) = read_plan(write_plan(plan)).problems
    assert (problem.code, problem.mark.line, problem.mark.col) == ("VB003", 12, 9)
    assert "dấu ngoặc kép" in problem.message()


def test_a_hash_glued_to_a_value_warns_that_the_rest_is_dropped(write_plan):
    result = read_plan(write_plan(replace("title: Thử nghiệm", "title: Kế hoạch #5 năm 2024")))
    (warning,) = result.problems
    assert (warning.code, warning.mark.line, warning.mark.col) == ("VB009", 8, 17)
    assert result.plan.title == "Kế hoạch"  # what YAML read: the warning is the point
    spaced = read_plan(write_plan(replace("title: Thử nghiệm", "title: Thử nghiệm  # ghi chú")))
    assert spaced.problems == [] and spaced.plan.title == "Thử nghiệm"
