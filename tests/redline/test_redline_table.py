"""The comparison table: A4 landscape, Times New Roman, one row per changed unit."""

import io

import docx
from docx.enum.section import WD_ORIENT

from diffcases import DATE, plans
from vanban.diff import ChangeKind, diff_plans
from vanban.redline.table import comparison_table_bytes


def table_of(case, **kw):
    diff = diff_plans(*plans(case))
    return diff, docx.Document(io.BytesIO(comparison_table_bytes(diff, date=DATE, **kw)))


def test_page_font_and_heading():
    diff, doc = table_of("mixed")
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert round(section.left_margin.mm) == 30 and round(section.top_margin.mm) == 20
    assert doc.styles["Normal"].font.name == "Times New Roman"
    heading = [p.text for p in doc.paragraphs[:3]]
    assert heading == [
        "BẢNG SO SÁNH",
        "Kế hoạch 45/KH-UBND: Phòng, chống thiên tai và tìm kiếm cứu nạn trên địa bàn tỉnh "
        "năm 2026",
        "phiên bản 1 (old.yaml) và phiên bản 2 (new.yaml)"]


def test_one_row_per_change_with_old_new_and_note():
    diff, doc = table_of("mixed")
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["STT", "phiên bản 1", "phiên bản 2", "Ghi chú"]
    assert table.rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(diff.changes)
    assert rows[2] == ["3", "- Thời hạn hoàn thành: trước ngày 30/4/2026.",
                       "- Thời hạn hoàn thành: trước ngày 31/3/2026.",
                       "Sửa đổi: II.1.a, thời hạn hoàn thành"]
    assert rows[0][1] == "" and rows[0][3] == "Bổ sung: căn cứ 4"


def test_changed_words_are_struck_out_and_underlined():
    diff, doc = table_of("one-word")
    old_cell, new_cell = doc.tables[0].rows[1].cells[1:3]
    struck = [r.text for p in old_cell.paragraphs for r in p.runs if r.font.strike]
    marked = [r.text for p in new_cell.paragraphs for r in p.runs if r.font.underline]
    assert (struck, marked) == (["cập nhật"], ["bổ sung"])


def test_renumbering_is_summed_up_in_one_last_row():
    diff, doc = table_of("inserted-section")
    last = doc.tables[0].rows[-1].cells[-1].text
    assert last == "Đánh số lại do các thay đổi trên: III → IV; IV → V"
    assert len(doc.tables[0].rows) == 1 + diff.count(ChangeKind.ADDED) + 1


def test_identical_plans_and_reproducible_bytes():
    diff, doc = table_of("identical")
    assert doc.tables[0].rows[1].cells[0].text == "không có khác biệt"
    one = comparison_table_bytes(diff_plans(*plans("date")), date=DATE)
    assert one == comparison_table_bytes(diff_plans(*plans("date")), date=DATE)
