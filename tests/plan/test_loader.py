import unicodedata

import pytest

from conftest import MINIMAL_PLAN
from vanban import PlanError, Severity, load_plan, read_plan
from vanban.text.vnformat import PlanDate


def codes(result):
    return [(p.code, p.mark.line, p.mark.col) for p in result.problems]


def replace(old: str, new: str) -> str:
    assert old in MINIMAL_PLAN
    return MINIMAL_PLAN.replace(old, new)


def test_minimal_plan_loads_cleanly(write_plan):
    result = read_plan(write_plan(MINIMAL_PLAN))
    assert result.ok and result.problems == []
    plan = result.plan
    assert plan.number == 5 and plan.number_line == "Số: 05/KH-STP"
    assert plan.date == PlanDate(2024, 3, 5)
    assert plan.doctype.code == "KH"


def test_scalars_stay_text_and_are_converted_explicitly(write_plan):
    # PyYAML's safe_load would give 83 for 0123, False for "no" and a date object here.
    text = replace("title: Thử nghiệm", "title: 0123").replace(
        "      - text: Nội dung thứ nhất.", "      - text: no\n      - text: 2024-03-05\n      - text: 1e3")
    plan = load_plan(write_plan(text))
    assert plan.title == "0123"
    assert [n.text for n in plan.sections[0].children] == ["no", "2024-03-05", "1e3"]


def test_number_keeps_its_meaning_with_a_leading_zero(write_plan):
    plan = load_plan(write_plan(replace("number: 5", "number: 05")))
    assert plan.number == 5


def test_blank_number_and_year_only_date_make_a_draft_header(write_plan):
    plan = load_plan(write_plan(replace("number: 5", "number:").replace("date: 2024-03-05", "date: 2024")))
    assert plan.number is None
    assert plan.number_line == "Số:      /KH-STP"
    assert plan.date == PlanDate(2024)


def test_decomposed_vietnamese_is_normalised_with_a_warning_at_its_position(write_plan):
    nfd = unicodedata.normalize("NFD", "Thử nghiệm")
    result = read_plan(write_plan(replace("title: Thử nghiệm", f"title: {nfd}")))
    assert result.ok
    assert result.plan.title == "Thử nghiệm"
    (problem,) = result.problems
    assert problem.code == "VB010" and problem.severity == Severity.WARNING
    assert (problem.mark.line, problem.mark.col) == (8, 11)  # the first combining mark


def test_duplicate_key_is_an_error_at_the_second_key(write_plan):
    result = read_plan(write_plan(replace("number: 5\n", "number: 5\nnumber: 6\n")))
    assert result.plan is None
    assert codes(result) == [("VB002", 6, 1)]
    assert "dòng 5" in result.problems[0].message()


def test_unknown_key_suggests_the_closest_one(write_plan):
    result = read_plan(write_plan(replace("title: Thử nghiệm", "titel: Thử nghiệm")))
    messages = {p.code: p.message("en") for p in result.problems}
    assert "did you mean “title”" in messages["VB003"]
    assert "missing required key “title”" in messages["VB004"]


def test_wrong_types_are_reported_with_what_was_expected(write_plan):
    result = read_plan(write_plan(replace("  name: Nguyễn Văn A", "  name: [Nguyễn, Văn A]")))
    assert codes(result) == [("VB005", 19, 9)]
    assert result.problems[0].message("en") == "expected text here, found a list"


def test_text_ending_with_a_colon_gets_a_quoting_hint(write_plan):
    result = read_plan(write_plan(replace("      - text: Nội dung thứ nhất.",
                                          "      - Các nội dung như sau:")))
    (problem,) = result.problems
    assert problem.code == "VB005"
    assert "double quotes" in problem.message("en")
    assert "ngoặc kép" in problem.message("vi")


def test_yaml_syntax_error_has_its_position(write_plan):
    result = read_plan(write_plan(replace("place: Hà Nội", "place: [Hà Nội")))
    assert result.plan is None
    (problem,) = result.problems
    assert problem.code == "VB001"
    assert problem.mark.line >= 6


def test_bytes_that_are_not_utf8_are_located(tmp_path):
    path = tmp_path / "legacy.yaml"
    path.write_bytes(MINIMAL_PLAN.encode().replace("Hà Nội".encode(), b"H\xe0 N\xf4i"))
    result = read_plan(path)
    (problem,) = result.problems
    assert problem.code == "VB007"
    assert (problem.mark.line, problem.mark.col) == (6, 9)


def test_control_characters_and_line_breaks_in_text_are_refused(write_plan):
    text = replace("title: Thử nghiệm", 'title: "Thử\\x07 nghiệm"').replace(
        "      - text: Nội dung thứ nhất.", '      - text: "dòng một\\ndòng hai"')
    result = read_plan(write_plan(text))
    assert [p.code for p in result.problems] == ["VB008", "VB008"]


def test_every_problem_is_reported_at_once(write_plan):
    text = replace("number: 5", "number: năm").replace("date: 2024-03-05", "date: 2024-02-30") \
        .replace("archive: VT, VP", "archive: 'VT,,'") + "colour: red\n"
    result = read_plan(write_plan(text))
    assert sorted(p.code for p in result.problems) == ["VB003", "VB005", "VB006", "VB006"]
    with pytest.raises(PlanError) as info:
        load_plan(write_plan(text))
    assert len(info.value.problems) == 4


def test_a_numbered_item_needs_a_title_or_a_text_but_not_both(write_plan):
    both = replace("      - text: Nội dung thứ nhất.", "      - text: a\n        title: b")
    neither = replace("      - text: Nội dung thứ nhất.", "      - content: [a]")
    assert [p.code for p in read_plan(write_plan(both)).problems] == ["VB006"]
    assert [p.code for p in read_plan(write_plan(neither)).problems] == ["VB004"]


def test_nesting_deeper_than_plus_is_refused(write_plan):
    deep, indent = "      - text: Nội dung thứ nhất.", "        "
    for depth in range(3, 7):  # a) → - → + → one level too many
        deep += f"\n{indent}content:\n{indent}  - text: cấp {depth}"
        indent += "    "
    result = read_plan(write_plan(replace("      - text: Nội dung thứ nhất.", deep)))
    assert [p.code for p in result.problems] == ["VB006"]
    assert "năm cấp" in result.problems[0].message()


def test_recipient_notes_are_recognised(write_plan):
    text = replace("  - Sở Nội vụ", "  - Thường trực Tỉnh ủy (b/c)\n  - VPTT BCĐNQCP(BCA-V02) (b/c);\n"
                   "  - {name: Sở Tài chính, note: để biết}")
    plan = load_plan(write_plan(text))
    assert [(r.name, r.note) for r in plan.recipients] == [
        ("Thường trực Tỉnh ủy", "b/c"), ("VPTT BCĐNQCP(BCA-V02)", "b/c"), ("Sở Tài chính", "để biết")]


def test_archive_line_is_parsed_into_units_and_copies(write_plan):
    plan = load_plan(write_plan(replace("archive: VT, VP", "archive: 'Lưu: VT, PCNC, CAT (3).'")))
    assert plan.archive.units == ("VT", "PCNC", "CAT") and plan.archive.copies == 3
    assert plan.archive.line == "Lưu: VT, PCNC, CAT (3)"


def test_signature_authority_accepts_the_prefix_without_its_dot(write_plan):
    text = replace("  titles: GIÁM ĐỐC", "  authority: kt\n  titles: [GIÁM ĐỐC, PHÓ GIÁM ĐỐC]")
    plan = load_plan(write_plan(text))
    assert plan.signature.lines == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def test_layout_outside_the_decrees_ranges_is_refused(write_plan):
    text = MINIMAL_PLAN + "layout:\n  margin_left: 25\n  body_size: 12\n  line_spacing: 2\n"
    result = read_plan(write_plan(text))
    assert [p.code for p in result.problems] == ["VB006", "VB006", "VB006"]
    assert "30–35 mm" in result.problems[0].message("en")


def test_messages_are_vietnamese_by_default_and_english_on_request(write_plan):
    result = read_plan(write_plan(replace("place: Hà Nội\n", "")))
    (problem,) = result.problems
    assert problem.message().startswith("thiếu khóa bắt buộc “place”")
    assert problem.message("en").startswith("missing required key “place”")


def test_an_empty_file_says_how_to_start(write_plan):
    (problem,) = read_plan(write_plan("")).problems
    assert "vanban new" in problem.message()


def test_assignments_are_kept_as_data(write_plan):
    text = replace("      - text: Nội dung thứ nhất.", """\
      - agency: Sở Nội vụ
        content:
          - text: Tổ chức hội nghị.
            deadline: 2024-06-30
      - text: Kiểm tra.
        lead: Sở Tư pháp
        support: [Công an tỉnh]""")
    plan = load_plan(write_plan(text))
    pairs = [(a.agency, a.role, a.deadline) for a in plan.assignments()]
    assert pairs == [("Sở Nội vụ", "lead", PlanDate(2024, 6, 30)), ("Sở Tư pháp", "lead", None),
                     ("Công an tỉnh", "support", None)]
    assert plan.agencies() == ["Sở Nội vụ", "Sở Tư pháp", "Công an tỉnh"]
