"""Importing appendices (phụ lục), tables and a decision's attached document: real Word files of
the corpus and a text fixture import into ``appendices``, ``table`` blocks and ``attachment``
(not into notes), with their titles and “(Kèm theo …)” lines as written, and load again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, TESTS
from vanban.document.importer import import_file
from vanban.plan.codes import IMPORT_UNCERTAIN
from vanban.plan.loader import read_plan
from vanban.plan.model import Node, Table
from vanban.problems import Severity

DOCX = CORPUS / "docx"
TEXT_FIXTURE = TESTS / "data" / "kh-kiem-tra-phu-luc.txt"


def imported(name: str | Path):
    """The plan imported from a corpus file (or a path), as loaded again, and the import."""
    path = name if isinstance(name, Path) else DOCX / f"{name}.docx"
    text, result = import_file(path)
    loaded = read_plan(path.with_suffix(".yaml"), text.encode("utf-8"))
    errors = [str(p) for p in loaded.problems if p.severity is Severity.ERROR]
    assert loaded.plan is not None and not errors, errors[:5]
    return loaded.plan, result


def tables_in(blocks: list[Any]) -> list[Table]:
    out: list[Table] = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(block)
        elif isinstance(block, Node):
            out += tables_in(block.content)
    return out


def uncertain(result) -> list[str]:
    return [p.message("en") for p in result.problems if p.code == IMPORT_UNCERTAIN]


def test_a_report_s_statistics_appendix_holds_its_nine_tables_on_landscape_pages():
    plan, result = imported("bc-ubnd-tinh-lamdong-2025-cchc-nam-2025")
    (appendix,) = plan.appendices
    assert appendix.title == ("BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2025 "
                              "CỦA ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
    assert appendix.reference == ("(Kèm theo Báo cáo số        /BC-UBND ngày       tháng 12 năm "
                                  "2025 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)")
    assert appendix.landscape is True
    tables = tables_in(appendix.content)
    assert len(tables) == 9 and tables_in(plan.sections) == []
    first = tables[0]
    # a two-row header: “Kết quả thống kê” merged over “Đơn vị tính” and “Số liệu”
    assert [c.header for c in first.columns] == [
        "STT", "Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
        "Đơn vị tính", "Số liệu", "Ghi chú"]
    assert [c.group for c in first.columns] == [None, None, "Kết quả thống kê",
                                               "Kết quả thống kê", None]
    assert first.columns[0].align == "center" and first.columns[1].align == "left"
    assert first.rows[0].cells == ("1.", ("Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ "
                                          "thị, công văn chỉ đạo, quán triệt)"), "Văn bản", "82",
                                   "")
    # numbers stay text as written, a cell of two paragraphs keeps both
    assert ("5.1.", "Số lượng phiếu khảo sát", "Số lượng", "25.898", "") in [
        r.cells for r in first.rows]
    assert ("5.", "Khảo sát sự hài lòng của người dân, tổ chức", "Có = 1;\nKhông = 0", "1",
            "") in [r.cells for r in first.rows]
    assert "Biểu mẫu 1" in [getattr(b, "text", None) for b in appendix.content]
    assert not any("Biểu mẫu" in str(n.text) for n in plan.notes)
    assert sum("merged across rows or columns" in m for m in uncertain(result)) == 3


@pytest.mark.parametrize("name, tasks", [
    ("kh-ubnd-tinh-lamdong-2025-cchc-nam-2026", 7),
    ("kh-ubnd-tinh-lamdong-2026-cchc-giai-doan-2026-2030", 7),
])
def test_a_plan_s_task_appendix_is_one_table_with_its_areas_as_group_rows(name, tasks):
    plan, result = imported(name)
    (appendix,) = plan.appendices
    assert appendix.title.startswith("PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH")
    assert appendix.reference.startswith("(Ban hành kèm theo Kế hoạch số          /KH-UBND ngày")
    assert appendix.landscape is True
    (table,) = appendix.content
    assert [c.header for c in table.columns] == [
        "STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện",
        "Phối hợp thực hiện", "Theo dõi, kiểm tra, đôn đốc"]
    groups = [r.group for r in table.rows if r.group is not None]
    assert len(groups) == tasks and groups[0] == "I. Cải cách thể chế"
    # a task merged down over its two products keeps its text once, "" below
    merged = [r.cells for r in table.rows if r.cells[:2] == ("", "")]
    assert len(merged) == 3 and all(cells[2] for cells in merged)
    messages = uncertain(result)
    assert any("read as group rows" in m for m in messages)
    assert any("merged across rows or columns" in m for m in messages)


@pytest.mark.parametrize("name", ["kh-ubnd-tinh-lamdong-2026-kiem-tra-cchc",
                                  "kh-ubnd-tinh-lamdong-2026-kiem-tra-cchc-du-thao"])
def test_an_inspection_plan_has_a_schedule_table_and_a_numbered_outline(name):
    plan, _result = imported(name)
    schedule, outline = plan.appendices
    assert schedule.title == "THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA"
    assert outline.title == "ĐỀ CƯƠNG BÁO CÁO PHỤC VỤ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    if name.endswith("du-thao"):  # the draft has no Kèm theo line yet
        assert schedule.reference is None and outline.reference is None
    else:
        assert schedule.reference == ("(Kèm theo Kế hoạch số         /KH-UBND ngày      /01/2026 "
                                      "của UBND tỉnh Lâm Đồng)")
    (table,) = schedule.content
    assert [c.header for c in table.columns] == ["STT", "Đơn vị được kiểm tra",
                                                 "Thời gian kiểm tra"]
    assert [r.group for r in table.rows if r.group] == ["I. Cơ quan chuyên môn cấp tỉnh",
                                                       "II. Ủy ban nhân dân cấp xã"]
    sections = [b for b in outline.content if isinstance(b, Node)]
    assert len(sections) == 8 and sections[0].title == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"
    assert [b.numbering for b in plan.bodies()][-1] == plan.numbering
    assert plan.notes == []


def test_a_decision_s_appendices_follow_one_another_without_a_break():
    plan, _result = imported("qd-ubnd-tinh-lamdong-2026-cong-bo-chi-so-cchc")
    first, second = plan.appendices
    assert first.title == ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC CƠ QUAN CHUYÊN "
                           "MÔN THUỘC UBND TỈNH VÀ BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP")
    assert second.title == "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"
    assert first.reference == second.reference == (
        "(Kèm theo Quyết định số          /QĐ-UBND ngày      tháng 02 năm 2026 của Chủ tịch UBND "
        "tỉnh Lâm Đồng)")
    assert first.landscape is None  # a portrait section
    group_one, group_two = first.content  # “1. Nhóm 1: …” with its table, then “2. Nhóm 2: …”
    assert group_one.number == "1." and isinstance(group_one.content[0], Table)
    assert group_two.number == "2." and isinstance(group_two.content[0], Table)
    # the appendix is numbered in points, as it writes, not in the decision's articles
    assert [b.numbering for b in plan.bodies()] == ["articles", "points"]
    (ranking,) = second.content
    assert len(ranking.rows) == 127 and ranking.columns[5].header == "Xếp loại"
    assert ranking.rows[-1].cells[:4] == ("Chỉ số thấp nhất", "", "", "")


def test_a_member_list_attached_to_a_decision_is_its_appendix():
    plan, result = imported("qd-ubnd-tinh-lamdong-2025-hoi-dong-xa-khong-ma-tuy")
    assert plan.attachment is None
    (members,) = plan.appendices
    assert members.title.startswith("DANH SÁCH Hội đồng cấp tỉnh xét duyệt địa bàn cấp xã")
    assert members.reference == ("(Kèm theo Quyết định số          /QĐ-UBND ngày      tháng 12 "
                                 "năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)")
    (table,) = tables_in(members.content)
    assert [c.header for c in table.columns] == ["STT", "Họ và tên", "Chức vụ",
                                                 "Đơn vị công tác", "Chức danh"]
    assert table.rows[1].cells[1:3] == ("Đậu Xuân Bảo", "Phó Giám đốc\n(Thủ trưởng CQ CSĐT CAT)")
    assert any("DANH SÁCH" in m and "appendix" in m for m in uncertain(result))


@pytest.mark.parametrize("name, title, articles", [
    ("qd-ubnd-tinh-lamdong-2025-phe-duyet-dieu-le-lien-doan-taekwondo",
     "LIÊN ĐOÀN TAEKWONDO TỈNH LÂM ĐỒNG", 28),
    ("qd-ubnd-tinh-lamdong-2026-phe-duyet-dieu-le-hoi-cuu-giao-chuc",
     "HỘI CỰU GIÁO CHỨC TỈNH LÂM ĐỒNG", None),
])
def test_a_decision_approving_a_charter_carries_it_as_its_attachment(name, title, articles):
    plan, result = imported(name)
    attachment = plan.attachment
    assert attachment is not None and plan.appendices == [] and plan.notes == []
    assert attachment.title == title
    assert attachment.reference.startswith(("(Phê duyệt kèm theo Quyết định số",
                                            "(Kèm theo Quyết định số"))
    assert attachment.reference.endswith("của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)")
    # the decree has no Điều lệ: kept as a Quy chế (Chương, Điều), and said so
    assert attachment.doctype.name == "Quy chế" and attachment.numbering == "articles"
    assert any("ĐIỀU LỆ" in m for m in uncertain(result))
    numbers = [n.number for n in attachment.sections]
    assert numbers[:2] == ["Chương I", "Điều 1."]
    if articles:
        assert sum(1 for n in numbers if n and n.startswith("Điều")) == articles
    # the decision's own body is its three articles
    assert len(plan.sections) == 3


@pytest.mark.parametrize("name, count, first_headers", [
    ("bc-ttpvhcc-lamdong-2025-chat-luong-phuc-vu-766", 5, ["STT", "Đơn vị", "Tỷ lệ\nthực hiện %",
                                                          "Điểm đạt (tối đa 18 điểm)"]),
    ("kh-ttdd-htd-mien-nam-2024-quoc-phong-quan-su", 1, ["STT", "Nội dung", "Thời gian",
                                                         "Chủ trì", "Thực hiện"]),
    ("kh-ubnd-tinh-lamdong-2026-tuyen-truyen-cchc", 2, ["TT", "Nội dung",
                                                        "Trách nhiệm\nthực hiện",
                                                        "Thời gian\n(Năm 2026)"]),
])
def test_tables_in_the_body_stand_where_they_are(name, count, first_headers):
    plan, _result = imported(name)
    tables = tables_in(plan.opening) + tables_in(plan.sections)
    assert len(tables) == count and plan.appendices == []
    assert [c.header for c in tables[0].columns] == first_headers
    assert all(len(r.cells) == len(t.columns) for t in tables for r in t.rows if r.group is None)


def test_a_wide_table_with_group_headers_keeps_them_over_their_columns():
    plan, _result = imported("bc-ttpvhcc-lamdong-2025-chat-luong-phuc-vu-766")
    wide = next(t for t in tables_in(plan.sections) if len(t.columns) == 16)
    groups = [c.group for c in wide.columns]
    assert groups.count("Dịch vụ công trực tuyến") == 6
    assert groups.count("Thanh toán trực tuyến") == 6
    assert wide.columns[1].header == "ĐƠN VỊ" and wide.columns[1].group is None


@pytest.mark.parametrize("name", ["pt-vp-ubnd-tinh-lamdong-2025-phieu-trinh-110",
                                  "cv-ubnd-tinh-lamdong-2025-cai-thien-chi-so-par-index",
                                  "kh-ubnd-tinh-lamdong-2025-mtqg-phong-chong-ma-tuy"])
def test_layout_tables_stay_text(name):
    # the Phiếu trình's form boxed in a grid, a header with Kính gửi in a row, a signature
    # table of three columns: no table of data
    plan, _result = imported(name)
    assert tables_in(plan.opening) + tables_in(plan.sections) == []


def test_a_text_file_s_tables_and_appendices():
    plan, result = imported(TEXT_FIXTURE)
    (counts,) = tables_in(plan.sections)
    assert [c.header for c in counts.columns] == ["Khối", "Số đơn vị", "Ghi chú"]
    assert [r.cells for r in counts.rows] == [("Sở, ngành", "05", "Quý II"),
                                               ("Xã, phường", "12", "Quý III, IV")]
    schedule, outline = plan.appendices
    assert schedule.title == "LỊCH KIỂM TRA CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    assert schedule.reference == ("(Kèm theo Kế hoạch số 58/KH-UBND ngày 12/02/2026 của Ủy ban "
                                  "nhân dân tỉnh Lai Châu)")
    (table,) = schedule.content
    assert [c.header for c in table.columns] == ["STT", "Đơn vị được kiểm tra", "Thời gian"]
    assert table.rows[0].group == "I. Cơ quan chuyên môn cấp tỉnh"
    assert table.rows[1].cells == ("1", "Sở Tư pháp", "Tháng 4/2026")
    # the title on the heading's line
    assert outline.title == "ĐỀ CƯƠNG BÁO CÁO PHỤC VỤ KIỂM TRA"
    assert [n.title for n in outline.content] == ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
                                                  "KIẾN NGHỊ, ĐỀ XUẤT"]
    assert plan.notes == [] and schedule.landscape is None  # a text file has no sections
    assert any("read as group rows" in m for m in uncertain(result))
