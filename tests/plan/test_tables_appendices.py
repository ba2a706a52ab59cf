"""Tables, appendices (phụ lục) and the document a decision issues, as the plan file gives them."""

from pathlib import Path

from conftest import MINIMAL_PLAN
from vanban import load_plan, read_plan
from vanban.plan.model import Node, Table
from vanban.plan.serialize import dump_yaml, plan_data

DECISION = Path(__file__).resolve().parents[1] / "data" / "qd-ban-hanh-KH-chuyen-doi-so-2026.yaml"

TABLE_APPENDIX = MINIMAL_PLAN + """\
appendices:
  - title: Chỉ tiêu năm 2024
    content:
      - table:
          columns:
            - {header: STT, width: 6, align: center}
            - Chỉ tiêu
            - {header: Năm 2023, group: "Tỷ lệ (%)", align: right}
            - {header: Năm 2024, group: "Tỷ lệ (%)", align: right}
          rows:
            - {group: I. DỊCH VỤ CÔNG}
            - ["1", "Hồ sơ <trực tuyến> & {{ toàn trình }}", "45", "60"]
"""


def test_a_table_appendix_keeps_columns_groups_and_cells_as_text(write_plan):
    plan = load_plan(write_plan(TABLE_APPENDIX))
    (appendix,) = plan.appendices
    assert appendix.title == "Chỉ tiêu năm 2024" and appendix.landscape is None
    (table,) = appendix.content
    assert isinstance(table, Table)
    assert [c.header for c in table.columns] == ["STT", "Chỉ tiêu", "Năm 2023", "Năm 2024"]
    assert [c.group for c in table.columns] == [None, None, "Tỷ lệ (%)", "Tỷ lệ (%)"]
    assert [c.align for c in table.columns] == ["center", None, "right", "right"]
    assert table.grouped_header
    group, row = table.rows
    assert group.group == "I. DỊCH VỤ CÔNG" and group.cells == ()
    assert row.cells == ("1", "Hồ sơ <trực tuyến> & {{ toàn trình }}", "45", "60")


def test_a_row_with_the_wrong_number_of_cells_is_an_error_on_its_line(write_plan):
    text = TABLE_APPENDIX.replace('["1", "Hồ sơ <trực tuyến> & {{ toàn trình }}", "45", "60"]',
                                  '["1", "Hồ sơ", "45"]')
    result = read_plan(write_plan(text))
    assert not result.ok
    (problem,) = result.problems
    line = text.splitlines().index('            - ["1", "Hồ sơ", "45"]') + 1
    assert problem.mark.line == line
    assert "3" in problem.message() and "4" in problem.message()


def test_a_table_stands_in_the_body_between_paragraphs(write_plan):
    text = MINIMAL_PLAN.replace("      - text: Nội dung thứ nhất.\n", """\
      - text: Nội dung thứ nhất.
        content:
          - Chỉ tiêu cụ thể như sau
          - table:
              columns: [STT, Chỉ tiêu]
              rows:
                - ["1", Một]
""")
    plan = load_plan(write_plan(text))
    (item,) = plan.sections[0].children
    paragraph, table = item.content
    assert isinstance(table, Table) and table.rows[0].cells == ("1", "Một")
    assert item.children == []  # a table is not a numbered item


def test_a_decision_holds_the_plan_it_issues_with_its_appendices():
    plan = load_plan(DECISION)
    attachment = plan.attachment
    assert plan.doctype.code == "QĐ" and attachment.doctype.code == "KH"
    assert attachment.title.startswith("Chuyển đổi số trong cơ quan nhà nước")
    assert attachment.numbering == attachment.doctype.numbering
    tasks, targets = attachment.appendices
    assert tasks.tasks and tasks.content == []
    assert isinstance(targets.content[0], Table)


def test_numbering_rules_see_each_body_on_its_own():
    plan = load_plan(DECISION)
    assert [b.where for b in plan.bodies()] == ["document", "attachment"]
    decision, attached = plan.bodies()
    assert decision.numbering != attached.numbering  # articles, then I. 1. a)
    # nodes() walks both bodies: the three articles and the plan's items
    titles = [n.title or n.text for n in plan.nodes()]
    assert "Mục đích, yêu cầu" in titles and "Quyết định này có hiệu lực kể từ ngày ký." in titles
    assert all(isinstance(n, Node) for n in plan.nodes())


def test_tables_appendices_and_attachment_survive_a_round_trip(tmp_path):
    plan = load_plan(DECISION)
    text, _ = dump_yaml(plan_data(plan))
    again = tmp_path / "again.yaml"
    again.write_text(text, encoding="utf-8")
    assert plan_data(load_plan(again)) == plan_data(plan)
    assert "group: Tỷ lệ (%)" in text


def test_a_biên_bản_has_no_dateline_so_no_place_but_a_kế_hoạch_needs_one(write_plan):
    minutes = MINIMAL_PLAN.replace("type: Kế hoạch", "type: Biên bản").replace(
        "place: Hà Nội\n", "minutes:\n  start: 08 giờ 00, ngày 05/3/2024\n  participants:\n"
        "    - Lãnh đạo Sở\n    - Trưởng các phòng\n") + "cosigner: {titles: THƯ KÝ, name: Trần Thị B}\n"
    plan = load_plan(write_plan(minutes))
    assert plan.place == "" and plan.minutes.participants == ("Lãnh đạo Sở", "Trưởng các phòng")
    assert plan.cosigner.titles == ("THƯ KÝ",)
    result = read_plan(write_plan(MINIMAL_PLAN.replace("place: Hà Nội\n", "")))
    assert [p.code for p in result.problems] == ["VB004"]
    assert "place" in result.problems[0].message("en")


def test_a_giấy_mời_says_who_is_invited_to_what_when_and_where(write_plan):
    text = MINIMAL_PLAN.replace("type: Kế hoạch", "type: Giấy mời") + """\
invitation:
  invitees:
    - Giám đốc các sở, ban, ngành tỉnh
  event: Hội nghị tổng kết công tác cải cách hành chính năm 2026
  chair: Đồng chí Lê Văn Lương, Chủ tịch Ủy ban nhân dân tỉnh
  time: 08 giờ 00, thứ Năm, ngày 15/01/2027
  place: Hội trường Ủy ban nhân dân tỉnh
"""
    plan = load_plan(write_plan(text))
    invitation = plan.invitation
    assert invitation.invitees == ("Giám đốc các sở, ban, ngành tỉnh",)
    assert invitation.time == "08 giờ 00, thứ Năm, ngày 15/01/2027"  # as written, not a date
    data = plan_data(plan)
    assert data["invitation"]["place"] == "Hội trường Ủy ban nhân dân tỉnh"


def test_a_cell_of_several_lines_is_several_paragraphs_and_reads_back(write_plan, tmp_path):
    text = TABLE_APPENDIX.replace('["1", "Hồ sơ <trực tuyến> & {{ toàn trình }}", "45", "60"]',
                                  '["1", "Hồ sơ\\ntrực tuyến", "45", "60"]\n'
                                  '            - - "2"\n              - |\n                Thanh toán\n'
                                  '                trực tuyến\n              - "40"\n              - "55"')
    plan = load_plan(write_plan(text))
    rows = plan.appendices[0].content[0].rows
    assert [r.cells[1] for r in rows[1:]] == ["Hồ sơ\ntrực tuyến", "Thanh toán\ntrực tuyến"]
    assert rows[1].cells[0] == "1" and plan.appendices[0].content[0].columns[1].align is None
    again = tmp_path / "again.yaml"
    again.write_text(dump_yaml(plan_data(plan))[0], encoding="utf-8")
    assert plan_data(load_plan(again)) == plan_data(plan)


def test_a_title_only_appendix_prints_no_label_line_and_comes_back(tmp_path):
    import io

    import docx

    from vanban.document.importer import import_file
    from vanban.renderer import render_bytes

    text = TABLE_APPENDIX.replace("  - title: Chỉ tiêu năm 2024\n",
                                  "  - title: Chỉ tiêu năm 2024\n    label: \"\"\n")
    plan = read_plan(Path("plan.yaml"), text.encode("utf-8")).plan
    rendered = render_bytes(plan)
    styles = [p.style.name for p in docx.Document(io.BytesIO(rendered)).paragraphs]
    assert "VB Appendix Title" in styles and "VB Appendix Label" not in styles

    yaml_text, result = import_file(tmp_path / "plan.docx", rendered)
    again = read_plan(Path("again.yaml"), yaml_text.encode("utf-8")).plan
    assert result.problems == []
    assert plan_data(again)["appendices"][0]["label"] == ""
    assert plan_data(again)["appendices"][0]["title"] == "Chỉ tiêu năm 2024"
