"""The calendar: RFC 5545 as an independent parser (icalendar) reads it, UIDs that survive a
new run and a moved deadline, folding by octets, escaping that round-trips."""

from __future__ import annotations

import datetime as _dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from click.testing import CliRunner

from conftest import PLANS_DIR, ROOT
from ledgercases import PLAN, TODAY, write
from vanban.cli import main
from vanban.ledger import Options, TaskRow, task_rows
from vanban.ledger.ics import escape_text, fold_line
from vanban.text.vnformat import PlanDate

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
DECISION_PATH = ROOT / "tests" / "data" / "qd-ban-hanh-KH-cai-cach-hanh-chinh-2026.yaml"


def ics(*args) -> bytes:
    result = CliRunner().invoke(main, ["tasks", *map(str, args), "--format", "ics",
                                       "--today", TODAY.isoformat(), "-q"])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def todos(data: bytes) -> list[icalendar.Todo]:
    return list(icalendar.Calendar.from_ical(data).walk("VTODO"))


def test_the_bundled_plans_give_a_calendar_icalendar_reads():
    data = ics(PLANS_DIR)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//vanban//vanban ")
    found = todos(data)
    assert len(found) == len(task_rows([PLANS_DIR], today=TODAY)) == 11
    assert all(t.get("DTSTAMP").dt == _dt.datetime(2026, 6, 24, 17, tzinfo=_dt.UTC)
               for t in found)
    first = found[0]
    # by the end of 30/4 in Việt Nam, whatever zone the client is in
    assert first.get("DUE").dt == _dt.datetime(2026, 4, 30, 23, 59, 59, tzinfo=VIETNAM)
    assert first.get("DUE").dt.utcoffset() == _dt.timedelta(hours=7)
    assert str(first["SUMMARY"]) == ("Rà soát, cập nhật phương án ứng phó thiên tai theo cấp "
                                     "độ rủi ro. — Sở Nông nghiệp và Môi trường (chủ trì)")
    description = str(first["DESCRIPTION"]).splitlines()
    assert description[:2] == [
        ("Kế hoạch số 45/KH-UBND ngày 15/01/2026: Phòng, chống thiên tai và tìm kiếm cứu nạn "
         "trên địa bàn tỉnh năm 2026"), "Mục: II. Nhiệm vụ, giải pháp"]
    assert not any(line.startswith("Thời hạn") for line in description)  # DUE says it


def test_due_is_in_asia_ho_chi_minh_with_the_vtimezone_the_rfc_asks_for():
    data = ics(PLANS_DIR)
    calendar = icalendar.Calendar.from_ical(data)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Ho_Chi_Minh"
    tz = zone.to_tz()  # the zone as the file defines it, not as the parser knows it
    assert _dt.datetime(2026, 4, 30, tzinfo=tz).utcoffset() == _dt.timedelta(hours=7)
    dues = [line for line in data.decode("utf-8").split("\r\n") if line.startswith("DUE")]
    assert dues and all(line.startswith("DUE;TZID=Asia/Ho_Chi_Minh:") and
                        line.endswith("T235959") for line in dues)
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VTODO")


def test_a_partial_deadline_is_due_on_its_last_day_and_keeps_its_words():
    # plans give whole dates; a PlanDate of a month alone is handled all the same
    row = TaskRow(path="x.yaml", doctype="Kế hoạch", reference="5/KH-UBND",
                  date=PlanDate(2026, 1, 5), title="Thử", section="I. Chung",
                  task="Báo cáo quý.", agency="Sở Tư pháp", role="lead",
                  deadline=PlanDate(2026, 7), timeframe=None, product=None, status="later",
                  uid="x@vanban")
    from vanban.ledger import write as write_rows

    [todo] = todos(write_rows([row], "ics", Options(today=TODAY)))
    assert todo.get("DUE").dt == _dt.datetime(2026, 7, 31, 23, 59, 59, tzinfo=VIETNAM)
    assert "Thời hạn hoàn thành: tháng 7/2026" in str(todo["DESCRIPTION"]).splitlines()


def test_two_runs_give_the_same_uids_and_the_same_bytes():
    first, second = ics(PLANS_DIR), ics(PLANS_DIR)
    assert first == second
    uids = [str(t["UID"]) for t in todos(first)]
    assert len(set(uids)) == len(uids)


def test_a_moved_deadline_keeps_every_uid_and_changes_only_that_tasks_due(tmp_path):
    before = todos(ics(write(tmp_path)))
    moved = PLAN.replace("deadline: 2026-07-03", "deadline: 2026-09-30")
    after = todos(ics(write(tmp_path, moved)))
    assert [str(t["UID"]) for t in before] == [str(t["UID"]) for t in after]
    changed = [(str(b["SUMMARY"]), key, b[key].to_ical(), a[key].to_ical())
               for b, a in zip(before, after) for key in sorted(set(b) | set(a))
               if key not in b or key not in a or b[key].to_ical() != a[key].to_ical()]
    assert changed == [("Công khai ngân sách. — Sở Tài chính (chủ trì)", "DUE",
                        b"20260703T235959", b"20260930T235959")]


def test_a_task_added_above_leaves_the_other_uids_alone(tmp_path):
    before = {str(t["UID"]) for t in todos(ics(write(tmp_path)))}
    added = PLAN.replace("  - title: Nhiệm vụ\n    content:\n",
                         "  - title: Nhiệm vụ\n    content:\n"
                         "      - text: Nhiệm vụ mới thêm.\n        lead: Sở Y tế\n"
                         "        deadline: 2026-08-01\n", 1)
    after = {str(t["UID"]) for t in todos(ics(write(tmp_path, added)))}
    assert before < after and len(after - before) == 1


def test_a_timeframe_only_task_is_a_todo_without_due(tmp_path):
    [todo] = [t for t in todos(ics(write(tmp_path))) if "Tuyên truyền" in str(t["SUMMARY"])]
    assert "DUE" not in todo
    assert "Thời gian thực hiện: Thường xuyên" in str(todo["DESCRIPTION"])


def test_lines_are_folded_at_75_octets_between_characters_and_end_in_crlf(tmp_path):
    data = ics(write(tmp_path), DECISION_PATH)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    physical = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical)  # folding happened
    for line in physical:
        line.decode("utf-8")  # never cut inside a character
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")
    summaries = [line for line in unfolded if line.startswith("SUMMARY:")]
    assert summaries and all(len(s.encode("utf-8")) > 0 for s in summaries)
    assert any(len(s.encode("utf-8")) > 75 for s in summaries)


@pytest.mark.parametrize("text", [
    "Hội nghị, hội thảo; tập huấn",
    "Đường dẫn C:\\Báo cáo\\2026, bản cuối",
    "Dòng thứ nhất\nDòng thứ hai; và ba",
    "Đồng bộ " * 30,  # long enough to fold several times
])
def test_escaping_and_folding_round_trip_through_a_parser(text):
    row = TaskRow(path="x.yaml", doctype="Kế hoạch", reference="5/KH-UBND",
                  date=PlanDate(2026, 1, 5), title="Thử; nghiệm, một", section="I. Chung",
                  task=text, agency="Sở Tư pháp", role="lead", deadline=PlanDate(2026, 7, 1),
                  timeframe=None, product=text, status="later", uid="x@vanban")
    from vanban.ledger import write as write_rows

    [todo] = todos(write_rows([row], "ics", Options(today=TODAY)))
    assert str(todo["SUMMARY"]) == f"{text} — Sở Tư pháp (chủ trì)"
    assert str(todo["DESCRIPTION"]).splitlines()[0] == \
        "Kế hoạch số 5/KH-UBND ngày 05/01/2026: Thử; nghiệm, một"
    assert str(todo["DESCRIPTION"]).endswith(f"Sản phẩm: {text}")


def test_escape_and_fold_by_the_rfc():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "ệ" * 40  # 3 octets each: 128 octets
    folded = fold_line(line)
    pieces = folded.split(b"\r\n")[:-1]
    assert [len(p) for p in pieces] == [74, 55]  # 8 + 22×3 = 74; the next ệ would pass 75
    assert b"".join(p[1:] if i else p for i, p in enumerate(pieces)).decode("utf-8") == line
    assert fold_line("A" * 75) == b"A" * 75 + b"\r\n"
    assert fold_line("A" * 76) == b"A" * 75 + b"\r\n A\r\n"


def test_folding_keeps_a_letter_with_its_combining_marks():
    line = "X:" + "e\u0302\u0301" * 20  # ế written decomposed: 5 octets a letter
    pieces = fold_line(line).split(b"\r\n")[:-1]
    assert all(len(p) <= 75 for p in pieces)
    assert [len(p) for p in pieces] == [72, 31]  # 2 + 14×5; the 15th letter goes on
    assert all(p.lstrip(b" ").startswith((b"X", b"e")) for p in pieces)
    assert fold_line("X" + "\u0301" * 100).count(b"\r\n ") == 2  # marks alone: cut anyway


def test_dtstamp_is_fixed_by_the_day_not_the_clock(tmp_path):
    data = ics(write(tmp_path))
    assert b"DTSTAMP:20260624T170000Z\r\n" in data
