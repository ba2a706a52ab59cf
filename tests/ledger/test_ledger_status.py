"""Where a deadline stands: at the edges of overdue, this week and later."""

from __future__ import annotations

import datetime as _dt

import pytest

from ledgercases import TODAY, write
from vanban.ledger import due_date, status_of, task_rows
from vanban.text.vnformat import PlanDate


@pytest.mark.parametrize("days, status", [
    (-1, "overdue"),  # overdue by one day
    (0, "due-soon"),  # due today is not overdue yet
    (7, "due-soon"),  # due in seven days
    (8, "later"),
])
def test_status_around_the_edges(days, status):
    assert status_of(TODAY + _dt.timedelta(days=days), TODAY) == status


def test_no_date_is_no_status():
    assert status_of(None, TODAY) == "none"


def test_a_partial_deadline_is_due_on_the_last_day_it_allows():
    assert due_date(PlanDate(2028, 2)) == _dt.date(2028, 2, 29)
    assert due_date(PlanDate(2026, 6)) == _dt.date(2026, 6, 30)
    assert due_date(PlanDate(2026)) == _dt.date(2026, 12, 31)
    assert due_date(PlanDate(2026, 6, 5)) == _dt.date(2026, 6, 5)
    assert due_date(None) is None


def test_rows_take_their_status_from_today(tmp_path):
    rows = task_rows([write(tmp_path)], today=TODAY)
    leads = {r.task: r.status for r in rows if r.role == "lead"}
    assert leads == {
        "Rà soát văn bản quy phạm pháp luật.": "overdue",
        "Kiểm tra công tác văn thư.": "due-soon",
        "Sắp xếp đơn vị sự nghiệp.": "due-soon",
        "Công khai ngân sách.": "later",
        "Tuyên truyền về cải cách hành chính.": "none",
        "Tổng hợp, đánh giá; báo cáo kết quả \\ đề xuất": "later",
        "Báo cáo sơ kết 6 tháng.": "later",
    }
    later = task_rows([write(tmp_path)], today=_dt.date(2026, 7, 4))
    assert {r.status for r in later if r.task == "Công khai ngân sách."} == {"overdue"}
