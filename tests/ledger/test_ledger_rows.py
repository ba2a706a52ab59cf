"""The rows of a plan: the task matrix's tasks, one row per agency and role."""

from __future__ import annotations

from conftest import PLANS_DIR, ROOT
from ledgercases import TODAY, write
from vanban import load_plan
from vanban.ledger import read_ledger, task_rows
from vanban.plan.matrix import task_table

DECISION = ROOT / "tests" / "data" / "qd-ban-hanh-KH-cai-cach-hanh-chinh-2026.yaml"
FLOODS = PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"


def test_a_decisions_attached_plan_gives_its_24_tasks_as_the_matrix_lists_them():
    rows = task_rows([DECISION], today=TODAY)
    plan = load_plan(DECISION)
    body = plan.bodies()[1]
    matrix = [r.cells[1] for r in task_table(body.sections, body.numbering).rows if not r.group]
    assert len(matrix) == 24
    assert list(dict.fromkeys(r.task for r in rows)) == matrix
    assert all(r.reference == "312/QĐ-UBND" and r.doctype == "Quyết định" for r in rows)
    assert rows[0].title == "Ban hành Kế hoạch cải cách hành chính nhà nước tỉnh Lai Châu năm 2026"


def test_one_row_per_agency_and_role_leads_first():
    rows = [r for r in task_rows([DECISION], today=TODAY)
            if r.task.startswith("Theo dõi tình hình thi hành pháp luật")]
    assert [(r.agency, r.role) for r in rows] == [
        ("Sở Tư pháp", "lead"), ("Sở Nội vụ", "support"), ("Sở Tài chính", "support")]
    assert {r.deadline.iso() for r in rows} == {"2026-11-30"}
    assert {r.product for r in rows} == {"Báo cáo theo dõi thi hành pháp luật"}


def test_the_section_is_its_label_and_heading_as_written():
    rows = task_rows([FLOODS], today=TODAY)
    assert [r.section for r in rows][:1] == ["II. Nhiệm vụ, giải pháp"]
    assert rows[-1].section == "IV. Tổ chức thực hiện"


def test_a_task_in_an_agency_block_is_that_agencys_and_its_general_duties_are_not_tasks():
    rows = task_rows([FLOODS], today=TODAY)
    block = [r for r in rows if r.section.startswith("IV.")]
    assert [(r.task, r.agency, r.role) for r in block] == [
        ("Báo cáo sơ kết 6 tháng về Ủy ban nhân dân tỉnh.", "Sở Nông nghiệp và Môi trường",
         "lead")]


def test_a_group_line_is_a_row_of_its_own(tmp_path):
    rows = task_rows([write(tmp_path)], today=TODAY)
    assert ("Các sở, ban, ngành", "support") in [(r.agency, r.role) for r in rows]


def test_a_timeframe_only_task_has_its_words_and_no_date(tmp_path):
    row = next(r for r in task_rows([write(tmp_path)], today=TODAY)
               if r.task.startswith("Tuyên truyền"))
    assert (row.deadline, row.timeframe, row.status) == (None, "Thường xuyên", "none")


def test_a_task_that_names_no_agency_is_one_row_without_one(tmp_path):
    plan = write(tmp_path, """\
type: Kế hoạch
issuer: {name: [ỦY BAN NHÂN DÂN, TỈNH LAI CHÂU], abbreviation: UBND}
number: 8
place: Lai Châu
date: 2026-01-05
title: Thử nghiệm
sections:
  - title: Nhiệm vụ
    content:
      - text: Hoàn thành báo cáo.
        product: Báo cáo
signature: {titles: [CHỦ TỊCH], name: Nguyễn Văn A}
recipients: [Sở Nội vụ]
archive: VT
""")
    [row] = task_rows([plan], today=TODAY)
    assert (row.agency, row.role, row.product) == ("", None, "Báo cáo")


def test_folders_are_read_as_vanban_check_reads_them():
    ledger = read_ledger([PLANS_DIR], today=TODAY)
    assert ledger.plans == 3 and not ledger.problems
    assert {r.path for r in ledger.rows} >= {str(FLOODS)}


def test_the_api_docs_tasks_md_shows(tmp_path):
    from vanban.fsutil import atomic_write
    from vanban.ledger import Options, select, write

    rows = task_rows([PLANS_DIR, DECISION], today=TODAY)
    mine = select(rows, agency="Sở Tư pháp", start=TODAY)
    target = atomic_write(tmp_path / "so-tu-phap.ics",
                          write(mine, "ics", Options(today=TODAY, agency="Sở Tư pháp")))
    assert target.read_bytes().count(b"BEGIN:VTODO") == len(mine) > 0
    assert "X-WR-CALNAME:Nhiệm vụ — Sở Tư pháp\r\n".encode() in target.read_bytes()
    ledger = read_ledger([PLANS_DIR], today=TODAY)
    assert (len(ledger.rows), ledger.problems, ledger.repeated) == (11, [], [])
