"""How far a finding reaches (``Mark.length``): said by the rules that match text, carried
onto a document's paragraphs, and never part of a position's identity."""

from __future__ import annotations

import datetime as _dt

from conftest import MINIMAL_PLAN
from docxbuild import build, para
from vanban.check.paths import check_file
from vanban.problems import Mark

TODAY = _dt.date(2026, 1, 20)


def _covered(result, code):
    lines = result.lines()
    return [lines[p.mark.line - 1][p.mark.col - 1:p.mark.col - 1 + p.mark.length]
            for p in result.problems if p.code == code]


def test_a_length_is_not_part_of_the_position():
    short, long = Mark("a.yaml", 3, 4), Mark("a.yaml", 3, 4, length=7)
    assert short == long and hash(short) == hash(long) and str(short) == str(long)
    assert long.spanning(-2).length == 0 and short.spanning(5) == long


def test_rules_that_match_text_say_what_they_matched(write_plan):
    plan = MINIMAL_PLAN.replace(
        "Tổ chức hội nghị.",
        "Tổ chức  hội nghị theo Kế hoạch số 5/KH-UBND trước ngày 5 tháng 03 năm 2024 "
        "và báo cáo kết quả báo cáo kết quả.")
    result = check_file(write_plan(plan), today=TODAY)
    assert _covered(result, "VB604") == ["  "]
    assert _covered(result, "VB607") == ["5"]
    assert _covered(result, "VB608") == ["ngày 5 tháng 03 năm 2024"]
    assert _covered(result, "VB606") == ["báo cáo kết quả"]


def test_a_written_number_line_and_dateline_point_at_their_slips(tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(build(para("UBND TỈNH LÂM ĐỒNG") + para("Số 5/ KH-UBND")
                           + para("Lâm Đồng, ngày 5 tháng 04 năm 2025")
                           + para("KẾ HOẠCH") + para("Thử nghiệm")))
    result = check_file(path, today=TODAY)
    assert _covered(result, "VB309") == ["Số", "5", "/ KH-UBND"]
    assert _covered(result, "VB310") == ["5", "04"]
