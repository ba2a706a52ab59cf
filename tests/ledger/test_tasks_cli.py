"""``vanban tasks``: inputs, exit codes, messages, where the output goes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import PLANS_DIR, ROOT
from ledgercases import PLAN, TODAY, write
from vanban import load_plan
from vanban.cli import main
from vanban.cli.tasks import FORMATS
from vanban.ledger import FORMATS as LIBRARY_FORMATS
from vanban.renderer import render_bytes

DECISION = ROOT / "tests" / "data" / "qd-ban-hanh-KH-cai-cach-hanh-chinh-2026.yaml"


def run(*args):
    result = CliRunner().invoke(main, ["tasks", *map(str, args), "--today", TODAY.isoformat()])
    assert "Traceback" not in result.output
    return result


def uids_and_rows(result) -> list[tuple]:
    return [(t["uid"], t["task"], t["agency"], t["role"], t["deadline"])
            for t in json.loads(result.stdout)["tasks"]]


def test_the_command_offers_every_format_of_the_library():
    assert FORMATS == LIBRARY_FORMATS


def test_a_received_word_document_gives_the_rows_of_its_plan(tmp_path):
    document = tmp_path / "qd-312.docx"
    document.write_bytes(render_bytes(load_plan(DECISION)))
    from_word = run(document, "--format", "json", "-q")
    from_yaml = run(DECISION, "--format", "json", "-q")
    assert from_word.exit_code == from_yaml.exit_code == 0
    assert uids_and_rows(from_word) == uids_and_rows(from_yaml)
    assert len(uids_and_rows(from_word)) == 55
    assert {t["path"] for t in json.loads(from_word.stdout)["tasks"]} == {str(document)}


def test_the_same_plan_given_twice_is_listed_once(tmp_path):
    document = tmp_path / "qd-312.docx"
    document.write_bytes(render_bytes(load_plan(DECISION)))
    result = run(DECISION, document, "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["tasks"]) == 55
    assert f"{document}: cùng một kế hoạch với {DECISION}, chỉ liệt kê một lần" in result.stderr


def test_a_plan_with_errors_is_reported_with_its_position_and_the_others_still_listed(tmp_path):
    bad = write(tmp_path, PLAN.replace("number: 7", "number: bảy"), "hong.yaml")
    good = write(tmp_path, PLAN.replace("number: 7", "number: 18"), "tot.yaml")
    out = tmp_path / "nhiem-vu.json"
    result = run(bad, good, "--format", "json", "-o", out)
    assert result.exit_code == 1
    assert f"{bad}:5:9: lỗi: " in result.stderr and "[VB005]" in result.stderr
    assert "number: bảy" in result.stderr  # the line, under the message
    assert {t["reference"] for t in json.loads(out.read_text("utf-8"))["tasks"]} == {"18/KH-UBND"}


def test_output_goes_to_the_file_written_whole_and_is_said(tmp_path):
    out = tmp_path / "lich.ics"
    result = run(PLANS_DIR, "--format", "ics", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert f"đã ghi {out}" in result.stderr
    assert "11 dòng nhiệm vụ từ 3 kế hoạch: 4 quá hạn, 0 đến hạn trong 7 ngày" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["lich.ics"]  # no temporary file left


def test_agency_and_dates_on_the_command_line(tmp_path):
    result = run(write(tmp_path), "--agency", "Sở Tư pháp", "--named-only", "--from",
                 "25/06/2026", "--to", "2026-07-02", "--format", "json", "-q")
    assert result.exit_code == 0
    assert [(r[1], r[2]) for r in uids_and_rows(result)] == [
        ("Kiểm tra công tác văn thư.", "SỞ TƯ PHÁP"), ("Sắp xếp đơn vị sự nghiệp.", "sở tư pháp")]


@pytest.mark.parametrize("args, message", [
    (["--from", "2026-07-01", "--to", "2026-06-01"], "--from 2026-07-01 ở sau --to 2026-06-01"),
    (["--named-only"], "--named-only chọn trong các nhiệm vụ của một cơ quan"),
    (["--from", "30/02/2026"], "“30/02/2026” không phải ngày tháng; ghi theo dạng YYYY-MM-DD"),
    (["--to", "13/2026"], "“13/2026” không phải ngày tháng"),
    (["--agency", "các cơ quan có liên quan"], "không chỉ một cơ quan nào"),
    (["--agency", ""], "không chỉ một cơ quan nào"),
    (["--format", "xlsx"], "định dạng xlsx ghi ra tệp"),
])
def test_usage_errors_exit_2(args, message):
    result = run(PLANS_DIR, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_today_is_a_whole_day():
    result = CliRunner().invoke(main, ["tasks", str(PLANS_DIR), "--today", "6/2026"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "“6/2026” không phải ngày tháng" in result.stderr


def test_a_missing_path_exits_2(tmp_path):
    result = run(tmp_path / "khong-co.yaml")
    assert result.exit_code == 2
    assert "không đọc được" in result.stderr


def test_messages_in_english_on_request(tmp_path):
    result = CliRunner().invoke(main, ["--lang", "en", "tasks", str(write(tmp_path)),
                                       "--today", TODAY.isoformat(), "--format", "csv"])
    assert result.exit_code == 0
    assert "9 task row(s) from 1 plan(s): 2 overdue, 3 due within 7 days" in result.stderr
    assert result.stdout.startswith("\ufeffLoại văn bản,")  # the columns stay Vietnamese


def test_a_month_in_from_and_to_spans_the_whole_month(tmp_path):
    result = run(write(tmp_path), "--from", "7/2026", "--to", "2026-07", "--format", "json",
                 "-q")
    assert result.exit_code == 0
    assert sorted({t["due"] for t in json.loads(result.stdout)["tasks"]}) == [
        "2026-07-02", "2026-07-03", "2026-07-10"]


def test_an_agency_no_plan_tasks_is_said_with_the_names_nearest_to_it(tmp_path):
    result = run(write(tmp_path), "--agency", "Ban Tuyen giao", "--format", "json", "-q")
    assert result.exit_code == 0 and json.loads(result.stdout)["tasks"] == []
    assert "cảnh báo: các kế hoạch này không giao nhiệm vụ nào cho “Ban Tuyen giao”" \
        in result.stderr
    assert "có phải là: “Ban Tuyên giáo Tỉnh ủy”?" in result.stderr


def test_a_misspelt_sở_named_by_no_task_is_said_though_its_groups_are_listed(tmp_path):
    result = run(write(tmp_path), "--agency", "Sở Tài chánh", "--format", "json", "-q")
    assert result.exit_code == 0
    assert {t["agency"] for t in json.loads(result.stdout)["tasks"]} == {"Các sở, ban, ngành"}
    assert ("lưu ý: các kế hoạch này không có nhiệm vụ nào ghi tên “Sở Tài chánh”; chỉ liệt kê "
            "nhiệm vụ của các nhóm có thể gồm cơ quan này") in result.stderr
    assert "có phải là: “Sở Tài chính”?" in result.stderr


def test_an_agency_with_tasks_only_outside_the_dates_is_not_said_unknown(tmp_path):
    result = run(write(tmp_path), "--agency", "Sở Tài chính", "--from", "2027-01-01")
    assert result.exit_code == 0
    assert "cảnh báo" not in result.stderr and "lưu ý" not in result.stderr
