"""The spreadsheet formats and JSON: what Excel, Python's csv module and programs read."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import PLANS_DIR
from ledgercases import TODAY, write
from vanban.cli import main
from vanban.ledger import Options, select, task_rows
from vanban.ledger import write as write_rows
from vanban.text.vnformat import short_date


def run(*args):
    result = CliRunner().invoke(main, ["tasks", *map(str, args), "--today", TODAY.isoformat()])
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def workbook(tmp_path):
    out = tmp_path / "nhiem-vu.xlsx"
    assert run(write(tmp_path), "--format", "xlsx", "-o", out).exit_code == 0
    return openpyxl.load_workbook(out)


def test_xlsx_has_a_header_row_an_autofilter_and_a_frozen_header(workbook):
    sheet = workbook.active
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == ["Loại văn bản", "Số, ký hiệu", "Ngày ban hành", "Trích yếu"]
    assert "Qua nhóm" not in headers  # only when rows were chosen for an agency
    assert all(c.font.b for c in sheet[1])
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(headers)).column_letter}10"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["F"].width > sheet.column_dimensions["B"].width


def test_xlsx_dates_are_dates_shown_the_vietnamese_way(workbook):
    sheet = workbook.active
    headers = [c.value for c in sheet[1]]
    due = sheet.cell(2, headers.index("Thời hạn hoàn thành") + 1)
    issued = sheet.cell(2, headers.index("Ngày ban hành") + 1)
    for cell, expected in ((due, _dt.date(2026, 6, 24)), (issued, _dt.date(2026, 1, 5))):
        assert isinstance(cell.value, (_dt.date, _dt.datetime))
        assert (cell.value.date() if isinstance(cell.value, _dt.datetime) else cell.value) \
            == expected
        assert cell.number_format == "dd/mm/yyyy"
    no_date = sheet.cell(8, headers.index("Thời hạn hoàn thành") + 1)  # Tuyên truyền
    assert no_date.value is None


def test_xlsx_marks_the_overdue_rows(workbook):
    sheet = workbook.active
    status = [c.value for c in sheet[1]].index("Tình trạng") + 1
    marked = {r: sheet.cell(r, 1).fill.fgColor.rgb for r in range(2, sheet.max_row + 1)}
    overdue = {r for r in marked if sheet.cell(r, status).value == "Quá hạn"}
    assert overdue == {2, 3}
    assert {marked[r] for r in overdue} == {"FFF4CCCC"}
    assert all(marked[r] != "FFF4CCCC" for r in marked if r not in overdue)


def test_xlsx_needs_a_file():
    result = run(PLANS_DIR, "--format", "xlsx")
    assert result.exit_code == 2
    assert "-o" in result.stderr


def test_csv_opens_with_the_csv_module_and_carries_a_bom_for_spreadsheets(tmp_path):
    out = tmp_path / "nhiem-vu.csv"
    assert run(write(tmp_path), "--format", "csv", "-o", out, "--agency", "STP").exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert [(r["Cơ quan"], r["Vai trò"], r["Qua nhóm"]) for r in table] == [
        ("STP", "Chủ trì", ""), ("Các sở, ban, ngành", "Phối hợp", "x"),
        ("SỞ TƯ PHÁP", "Chủ trì", ""), ("sở tư pháp", "Phối hợp", "")]
    assert table[0]["Thời hạn hoàn thành"] == "2026-06-24"
    assert table[0]["Tình trạng"] == "Quá hạn"
    assert table[0]["Mục"] == "II. Nhiệm vụ"


def test_csv_keeps_commas_quotes_and_line_breaks_in_cells():
    rows = task_rows([PLANS_DIR], today=TODAY)
    text = write_rows(rows, "csv", Options(today=TODAY)).decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert len(parsed) == len(rows) + 1
    assert parsed[1][5] == rows[0].task


def test_json_is_stable_with_iso_dates_and_fixed_keys(tmp_path):
    plan = write(tmp_path)
    first = run(plan, "--format", "json", "-q").stdout
    assert first == run(plan, "--format", "json", "-q").stdout
    data = json.loads(first)
    assert data["version"] == 1 and data["today"] == "2026-06-25"
    task = data["tasks"][0]
    assert list(task) == ["uid", "path", "doctype", "reference", "date", "title", "section",
                          "task", "agency", "role", "role_name", "deadline", "due",
                          "timeframe", "product", "status", "status_name", "via_group"]
    assert (task["date"], task["deadline"], task["status"], task["role"]) == (
        "2026-01-05", "2026-06-24", "overdue", "lead")


def test_json_says_which_rows_came_through_a_group(tmp_path):
    rows = select(task_rows([write(tmp_path)], today=TODAY), agency="Sở Tư pháp")
    data = json.loads(write_rows(rows, "json", Options(today=TODAY, agency="Sở Tư pháp")))
    assert [t["via_group"] for t in data["tasks"]] == [False, True, False, False]


def test_the_table_has_vietnamese_headers_and_a_numbered_row_per_task(tmp_path):
    result = run(write(tmp_path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["STT", "Văn", "bản", "Mục", "Nhiệm", "vụ", "Cơ", "quan",
                                "Vai", "trò", "Thời", "hạn", "Tình", "trạng"]
    numbered = [line.split()[0] for line in lines[2:] if line[:1].isdigit()]
    assert numbered == [str(n) for n in range(1, 10)]
    assert "24/06/2026" in lines[2] and "Quá hạn" in lines[2]
    assert "9 dòng nhiệm vụ" in result.stderr


def test_the_table_shows_the_plans_date_under_its_number_and_the_product_under_the_task(
        tmp_path):
    result = run(write(tmp_path), "--agency", "Văn phòng UBND tỉnh", "--named-only")
    lines = result.stdout.splitlines()[2:]
    assert lines[0].split()[:2] == ["1", "07/KH-UBND"]
    assert lines[1].split()[0] == "05/01/2026"
    assert any(line.split()[:3] == ["Sản", "phẩm:", "Báo"] for line in lines)


def test_the_bundled_plans_as_a_workbook_carry_every_date_as_a_date(tmp_path):
    out = tmp_path / "plans.xlsx"
    assert run(PLANS_DIR, "--format", "xlsx", "-o", out, "-q").exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    headers = [c.value for c in sheet[1]]
    rows = task_rows([PLANS_DIR], today=TODAY)
    assert sheet.max_row == len(rows) + 1
    issued = [sheet.cell(r, headers.index("Ngày ban hành") + 1).value
              for r in range(2, sheet.max_row + 1)]
    due = [sheet.cell(r, headers.index("Thời hạn hoàn thành") + 1).value
           for r in range(2, sheet.max_row + 1)]
    # a whole date is a date; a draft dated by its year or month alone keeps that text
    assert [d.date() if isinstance(d, _dt.datetime) else d for d in issued] == [
        r.date.to_date() or short_date(r.date) if r.date else None for r in rows]
    assert any(isinstance(d, _dt.datetime) for d in issued)
    assert [d.date() if d else None for d in due] == [r.due for r in rows]
    assert any(d is not None for d in due)
