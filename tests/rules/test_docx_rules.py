"""The layout rules of a .docx (VB801–VB806) on real files and on vanban's own output changed
one setting at a time: what they must let be, and what they must find."""

from __future__ import annotations

import datetime as dt
import io
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Mm

from conftest import CORPUS, PLANS_DIR
from vanban import load_plan
from vanban.check.paths import check_file
from vanban.renderer import render_bytes

TODAY = dt.date(2026, 11, 30)
DOCX = CORPUS / "docx"


def found(path: Path, code: str, data: bytes | None = None) -> list[tuple[int, str]]:
    if data is not None:
        path.write_bytes(data)
    result = check_file(path, today=TODAY, select=[code])
    return [(p.mark.line, p.message("en")) for p in result.problems if p.code == code]


def corpus(name: str, code: str) -> list[tuple[int, str]]:
    return found(DOCX / f"{name}.docx", code)


@cache
def rendered() -> bytes:
    return render_bytes(load_plan(PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"))


def changed(change) -> bytes:
    document = docx.Document(io.BytesIO(rendered()))
    change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def landscape_appendix(document, *, table_mm: float, top: float = 30, bottom: float = 20,
                       sections: int = 1) -> None:
    """Add landscape sections at the end, each holding a table ``table_mm`` wide."""
    for _ in range(sections):
        section = document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin = section.right_margin = Mm(20)
        document.add_paragraph("PHỤ LỤC")
        table = document.add_table(rows=2, cols=5)
        for column in table.columns:
            column.width = Mm(table_mm / 5)
        grid = table._tbl.tblGrid
        for col in grid.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                             "gridCol"):
            col.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w",
                    str(int(table_mm / 5 / 25.4 * 1440)))


# --- VB801 -----------------------------------------------------------------------------------

def test_vb801_a_landscape_section_for_a_wide_table_is_allowed(tmp_path):
    data = changed(lambda d: landscape_appendix(d, table_mm=250))
    assert found(tmp_path / "wide.docx", "VB801", data) == []
    assert corpus("kh-ubnd-tinh-lamdong-2025-cchc-nam-2026", "VB801") == []


def test_vb801_a_landscape_section_without_a_wide_table_is_found(tmp_path):
    data = changed(lambda d: landscape_appendix(d, table_mm=120))
    (finding,) = found(tmp_path / "narrow.docx", "VB801", data)
    assert "landscape (section 2)" in finding[1]


def test_vb801_landscape_margins_turn_with_the_page(tmp_path):
    data = changed(lambda d: landscape_appendix(d, table_mm=250, top=20))
    assert [m for _line, m in found(tmp_path / "top.docx", "VB801", data)] == [
        ("the top margin of the landscape page is 20.0 mm (section 2); turned with its binding "
         "edge on top, the decree allows 30–35 mm")]
    data = changed(lambda d: landscape_appendix(d, table_mm=250, top=20, bottom=30))
    (upside_down,) = found(tmp_path / "turned.docx", "VB801", data)
    assert "binding margin (30.0 mm) at the bottom" in upside_down[1]


def test_vb801_one_finding_names_every_section_with_the_same_slip(tmp_path):
    data = changed(lambda d: landscape_appendix(d, table_mm=250, top=25, sections=3))
    (finding,) = found(tmp_path / "three.docx", "VB801", data)
    assert "(section 2–4)" in finding[1]
    findings = corpus("bc-ubnd-tinh-lamdong-2025-cchc-nam-2025", "VB801")
    assert len(findings) == 6  # Letter paper and 4 margins in sections 2–8, one turned page
    assert sum("(section 2–8)" in m for _line, m in findings) == 5


# --- VB803 -----------------------------------------------------------------------------------

def test_vb803_white_filler_text_is_not_judged_as_the_signer():
    findings = corpus("cv-so-noi-vu-lamdong-2025-bao-cao-quan-ly-hoi", "VB803")
    assert not any("signer" in message for _line, message in findings)
    assert any("the issuing body is set in 14 pt" in m for _line, m in findings)  # its 2nd line


def test_vb803_each_side_of_a_line_aligned_by_hand_is_judged_on_its_own():
    findings = corpus("qd-ttdd-htd-mien-nam-2024-danh-so-tram-110kv", "VB803")
    assert [m for _line, m in findings] == [
        "a recipient line is set in 10 pt; the decree sets 11 pt (5 lines alike)"]


def test_vb803_a_wrong_size_on_a_component_is_found(tmp_path):
    from docx.shared import Pt

    data = changed(lambda d: setattr(d.styles["VB Motto"].font, "size", Pt(11)))
    assert [line for line, _m in found(tmp_path / "motto.docx", "VB803", data)] == [5]


# --- VB804 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "bc-ubnd-tinh-lamdong-2025-cchc-nam-2025",  # Tiêu ngữ rule in the next row, title 2 ¶
    "cv-so-noi-vu-lamdong-2025-bao-cao-quan-ly-hoi",  # Quốc hiệu⏎Tiêu ngữ in one paragraph
    "kh-ubnd-tinh-lamdong-2026-thi-dua-cchc",  # rules anchored in the Số line and dateline
    "qd-ubnd-tinh-lamdong-2025-hoi-dong-xa-khong-ma-tuy",  # in the authority line below
    "qd-ubnd-tinh-lamdong-2025-doi-ung-cuu-su-co-attt",  # copies parked off the page
])
def test_vb804_lines_drawn_anywhere_near_count_under_their_text(name):
    assert corpus(name, "VB804") == []


def test_vb804_a_missing_title_rule_is_found_under_the_trich_yeu():
    (finding,) = corpus("ttr-cong-an-tinh-lamdong-409-2025-xa-khong-ma-tuy", "VB804")
    assert finding == (12, "draw the solid line under the trích yếu")


def test_vb804_a_missing_title_rule_in_vanbans_output_is_found(tmp_path):
    def change(d):
        rule = next(p for p in d.paragraphs if p.style.name == "VB Title Rule")
        rule.style = d.styles["VB Body"]
    assert found(tmp_path / "title.docx", "VB804", changed(change)) == [
        (11, "draw the solid line under the trích yếu")]  # ¶11: the trích yếu


# --- VB805 -----------------------------------------------------------------------------------

def test_vb805_a_number_centred_by_tabs_or_in_a_content_control_is_right():
    assert corpus("kh-ubnd-tinh-lamdong-2026-thi-dua-cchc", "VB805") == []
    assert corpus("bc-ttpvhcc-lamdong-2025-chat-luong-phuc-vu-766", "VB805") == []


def test_vb805_a_number_in_the_footer_is_one_finding():
    assert [m for _l, m in corpus("cv-so-noi-vu-lamdong-2025-bao-cao-quan-ly-hoi", "VB805")] == [
        "page numbers are in the footer; the decree puts them in the top margin"]


def test_vb805_only_a_document_longer_than_a_page_needs_numbers():
    assert corpus("ttr-cong-an-tinh-lamdong-409-2025-xa-khong-ma-tuy", "VB805") == []  # 1 page
    assert [m for _l, m in corpus("qd-ttdd-htd-mien-nam-2024-danh-so-tram-110kv", "VB805")] == [
        "the pages are not numbered: add the page number, centred in the header"]


def test_vb805_a_small_number_in_an_appendix_is_found():
    assert [m for _l, m in corpus("bc-ubnd-tinh-lamdong-2025-cchc-nam-2025", "VB805")] == [
        "the page number is 11 pt; the decree sets 13–14 pt"]


# --- VB806 -----------------------------------------------------------------------------------

def test_vb806_tables_notes_list_numbers_and_tab_indents_are_right():
    assert corpus("kh-ubnd-tinh-lamdong-2025-cchc-nam-2026", "VB806") == []  # numPr, note
    assert corpus("bc-ubnd-tinh-lamdong-2025-cchc-nam-2025", "VB806") == []  # tab indents
    assert corpus("qd-ttdd-htd-mien-nam-2024-danh-so-tram-110kv", "VB806") == []  # 0.25 + 0.74


def test_vb806_a_real_short_indent_is_found():
    assert corpus("kh-ttdd-htd-mien-nam-2024-quoc-phong-quan-su", "VB806") == [
        (111, "3 body paragraph(s) have no first-line indent of 1–1.27 cm")]


def test_vb806_left_aligned_body_text_is_found(tmp_path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    data = changed(lambda d: setattr(d.styles["VB Point"].paragraph_format, "alignment",
                                     WD_ALIGN_PARAGRAPH.LEFT))
    findings = found(tmp_path / "left.docx", "VB806", data)
    assert len(findings) == 1 and "not justified" in findings[0][1]
