"""Tables, appendices and the document a decision issues, read back with python-docx."""

from __future__ import annotations

import dataclasses
import io
import time

import docx
import pytest
from decisions import DECISIONS
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from conftest import MINIMAL_PLAN, PLANS_DIR
from docxread import font_of, format_of
from vanban import load_plan
from vanban.plan.model import Column, Paragraph, Row, Table
from vanban.renderer import render_bytes
from vanban.renderer.geometry import text_width_twips
from vanban.renderer.tables import (
    TABLE_SIZE_PT,
    column_widths,
    measure,
    relative_widths,
    table_block,
)
from vanban.text.vnformat import roman

W = qn


def rendered(plan) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_bytes(plan)))


@pytest.fixture(scope="module")
def short():
    plan = load_plan(DECISIONS["short"])
    return plan, rendered(plan)


@pytest.fixture(scope="module")
def long():
    plan = load_plan(DECISIONS["long"])
    return plan, rendered(plan)


def sections_of(doc) -> list[list]:
    """The body's elements, section by section (a paragraph holding a sectPr ends one)."""
    out: list[list] = [[]]
    for element in doc.element.body.iterchildren():
        if element.tag == W("w:sectPr"):
            continue
        out[-1].append(element)
        if element.find(f"{W('w:pPr')}/{W('w:sectPr')}") is not None:
            out.append([])
    return out


def paragraphs(doc, elements) -> list[DocxParagraph]:
    return [DocxParagraph(e, doc) for e in elements if e.tag == W("w:p")]


def tables(doc, elements) -> list[DocxTable]:
    return [DocxTable(e, doc) for e in elements if e.tag == W("w:tbl")]


def texts(doc, elements, style: str) -> list[str]:
    return [p.text for p in paragraphs(doc, elements) if p.style.name == style]


def header_rows(table: DocxTable) -> list:
    return [tr for tr in table._tbl.findall(W("w:tr"))
            if tr.find(f"{W('w:trPr')}/{W('w:tblHeader')}") is not None]


def cells_of(tr) -> list:
    return tr.findall(W("w:tc"))


def span(tc) -> int:
    el = tc.find(f"{W('w:tcPr')}/{W('w:gridSpan')}")
    return int(el.get(W("w:val"))) if el is not None else 1


def merge(tc) -> str | None:
    el = tc.find(f"{W('w:tcPr')}/{W('w:vMerge')}")
    return None if el is None else (el.get(W("w:val")) or "continue")


def grid(table: DocxTable) -> list[int]:
    return [int(c.get(W("w:w"))) for c in table._tbl.tblGrid.findall(W("w:gridCol"))]


def cell_texts(tr) -> list[str]:
    return ["\n".join("".join(t.text or "" for t in p.iter(W("w:t"))) for p in tc.findall(W("w:p")))
            for tc in cells_of(tr)]


# --- sections, orientation, page numbers -----------------------------------------------------

@pytest.mark.parametrize("which", ["short", "long"])
def test_each_part_is_a_section_on_a_new_page_turned_for_the_task_matrix(which, request):
    plan, doc = request.getfixturevalue(which)
    _main, attachment, tasks, targets = doc.sections
    assert [s.orientation for s in doc.sections] == [
        WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    for section in doc.sections:
        assert section.start_type == 2  # WD_SECTION.NEW_PAGE
    assert (round(tasks.page_width.mm), round(tasks.page_height.mm)) == (297, 210)
    layout = plan.layout
    # turned with its binding edge on top: the portrait left margin is the top margin
    assert [round(m.mm) for m in (tasks.top_margin, tasks.bottom_margin, tasks.left_margin,
                                  tasks.right_margin)] == [
        layout.margin_left, layout.margin_right, layout.margin_top, layout.margin_bottom]
    for section in (attachment, targets):
        assert [round(m.mm) for m in (section.top_margin, section.left_margin)] == [
            layout.margin_top, layout.margin_left]


@pytest.mark.parametrize("which", ["short", "long"])
def test_parts_number_their_pages_from_1_and_not_on_their_first_page(which, request):
    _plan, doc = request.getfixturevalue(which)
    main, *parts = doc.sections
    assert main._sectPr.find(W("w:pgNumType")) is None  # the document's numbering as before
    assert main.different_first_page_header_footer
    for section in parts:
        assert section._sectPr.find(W("w:pgNumType")).get(W("w:start")) == "1"
        assert section.different_first_page_header_footer
        assert not section.first_page_header.is_linked_to_previous
        assert section.first_page_header.paragraphs[0].text == ""
        assert "PAGE" not in section.first_page_header._element.xml
        # later pages: the document's page number, inherited
        assert section.header.is_linked_to_previous
        assert "PAGE" in section.header._element.xml


def test_a_plan_without_appendices_keeps_one_section():
    for plan_file in PLANS_DIR.glob("*.yaml"):
        doc = rendered(load_plan(plan_file))
        assert len(doc.sections) == 1
        assert not any(p.style.name == "VB Section Break" for p in doc.paragraphs)


# --- the document a decision issues ----------------------------------------------------------

def test_the_attached_plan_has_the_header_without_number_and_date_and_no_signature(long):
    plan, doc = long
    main, attachment, *_ = sections_of(doc)
    header, *rest = tables(doc, attachment)
    assert attachment[0] is header._tbl  # first thing on its page
    assert len(header.rows) == 1
    text = " ".join(p.text for c in header.rows[0].cells for p in c.paragraphs)
    assert "ỦY BAN NHÂN DÂN" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Số:" not in text and "ngày" not in text
    main_header = tables(doc, main)[0]
    assert grid(header) == grid(main_header)  # the same header as the decision's
    assert texts(doc, attachment, "VB Doc Type") == ["KẾ HOẠCH"]
    assert texts(doc, attachment, "VB Title") == [plan.attachment.title]
    assert texts(doc, attachment, "VB Reference") == [plan.attached_reference()]
    assert texts(doc, attachment, "VB Reference") == [(
        "(Kèm theo Quyết định số 312/QĐ-UBND ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân "
        "tỉnh Lai Châu)")]
    styles = [p.style.name for p in paragraphs(doc, attachment)]
    assert styles.index("VB Title Rule") == styles.index("VB Reference") + 1
    assert not any(s.startswith(("VB Signer", "VB Recipient", "VB Signature")) for s in styles)
    assert all(len(t.columns) != 2 or "Nơi nhận" not in t.rows[0].cells[0].text for t in rest)
    # its body is numbered as a Kế hoạch: I. → 1. → a), and it ends with ./.
    body = [p.text for p in paragraphs(doc, attachment) if p.style.name.startswith("VB ")
            and p.style.name in ("VB Section", "VB Item", "VB Item Title", "VB Point")]
    assert body[0] == "I. Mục đích, yêu cầu" and body[1] == "1. Mục đích"
    assert body[2].startswith("a) Triển khai")
    assert [p.text for p in paragraphs(doc, attachment) if p.text][-1].endswith("./.")


def test_the_decision_keeps_its_own_signature_and_numbered_header(long):
    _plan, doc = long
    main = sections_of(doc)[0]
    header, signature = tables(doc, main)
    assert len(header.rows) == 2 and header.rows[1].cells[0].text == "Số: 312/QĐ-UBND"
    assert "Hà Trọng Hải" in signature.rows[0].cells[1].text


# --- articles ----------------------------------------------------------------------------

def test_an_article_prints_its_number_bold_and_its_text_regular(short):
    _plan, doc = short
    articles = [p for p in doc.paragraphs if p.text.startswith("Điều ")]
    assert [p.style.name for p in articles] == ["VB Article Text"] * 3
    for p in articles:
        label, *text = [r for r in p.runs if r.text.strip()]
        assert label.text.strip() in ("Điều 1.", "Điều 2.", "Điều 3.") and label.bold
        assert text and not any(r.bold for r in text)
    style = doc.styles["VB Article Text"]
    assert not style.font.bold and style.font.size.pt == 14
    for attr in ("alignment", "first_line_indent", "space_after", "line_spacing"):
        assert format_of(articles[0], attr) == getattr(
            doc.styles["VB Body"].paragraph_format, attr)  # running text of the body


def test_an_article_with_a_title_is_a_bold_heading_over_its_content(write_plan):
    text = (MINIMAL_PLAN.replace("type: Kế hoạch", "type: Quyết định")
            .replace("title: Mục đích, yêu cầu", "title: Phạm vi điều chỉnh"))
    doc = rendered(load_plan(write_plan(text)))
    (article,) = [p for p in doc.paragraphs if p.text.startswith("Điều 1.")]
    assert article.text == "Điều 1. Phạm vi điều chỉnh"
    assert article.style.name == "VB Article" and font_of(doc, article)["bold"]
    items = [p for p in doc.paragraphs if p.text.startswith("1. Nội dung")]
    assert items and not font_of(doc, items[0])["bold"]


# --- appendices ------------------------------------------------------------------------------

def test_appendices_are_numbered_in_roman_and_cite_the_decision(long):
    plan, doc = long
    *_, tasks, targets = sections_of(doc)
    for n, part in enumerate((tasks, targets), start=1):
        assert texts(doc, part, "VB Appendix Label") == [f"Phụ lục {roman(n)}"]
        assert texts(doc, part, "VB Reference") == [plan.attached_reference()]
        styles = [p.style.name for p in paragraphs(doc, part)][:5]
        assert styles == ["VB Appendix Label", "VB Appendix Title", "VB Reference",
                          "VB Appendix Rule", *styles[4:]]
    assert texts(doc, tasks, "VB Appendix Title") == [plan.attachment.appendices[0].title]
    assert doc.styles["VB Appendix Title"].font.all_caps
    label = doc.styles["VB Appendix Label"].font
    assert (label.size.pt, label.bold, bool(label.all_caps)) == (14, True, False)
    reference = doc.styles["VB Reference"].font
    assert reference.italic and reference.size.pt == 14


def test_an_only_appendix_is_just_phu_luc_and_a_written_reference_is_kept(write_plan):
    text = MINIMAL_PLAN + """\
appendices:
  - title: Danh sách đơn vị
    reference: (Kèm theo Kế hoạch số 05/KH-STP ngày 05/3/2024)
    content:
      - Nội dung phụ lục
      - title: Nhóm thứ nhất
        content:
          - text: Đơn vị một.
"""
    doc = rendered(load_plan(write_plan(text)))
    _main, appendix = sections_of(doc)
    assert texts(doc, appendix, "VB Appendix Label") == ["Phụ lục"]
    assert texts(doc, appendix, "VB Reference") == ["(Kèm theo Kế hoạch số 05/KH-STP ngày 05/3/2024)"]
    # numbered as the body of the plan it belongs to; its text ends with ./. (Mẫu 2.1)
    assert texts(doc, appendix, "VB Section") == ["I. Nhóm thứ nhất"]
    assert texts(doc, appendix, "VB Item") == ["1. Đơn vị một./."]
    assert doc.sections[1].orientation == WD_ORIENT.PORTRAIT  # no table: stays upright


def test_landscape_can_be_asked_for_or_refused(write_plan):
    base = MINIMAL_PLAN + """\
appendices:
  - title: Bảng
    landscape: {value}
    content:
      - table:
          columns: [STT, Nội dung]
          rows:
            - ["1", Một]
"""
    turned = rendered(load_plan(write_plan(base.replace("{value}", "true"), "a.yaml")))
    upright = rendered(load_plan(write_plan(base.replace("{value}", "false"), "b.yaml")))
    assert turned.sections[1].orientation == WD_ORIENT.LANDSCAPE
    assert upright.sections[1].orientation == WD_ORIENT.PORTRAIT


# --- tables ------------------------------------------------------------------------------

def test_a_grouped_header_takes_two_repeated_rows_with_merged_cells(short):
    _plan, doc = short
    *_, targets = sections_of(doc)
    (table,) = tables(doc, targets)
    top, bottom = header_rows(table)
    assert cell_texts(top) == ["STT", "Chỉ tiêu", "Tỷ lệ (%)", "Cơ quan theo dõi"]
    assert [span(c) for c in cells_of(top)] == [1, 1, 2, 1]
    assert [merge(c) for c in cells_of(top)] == ["restart", "restart", None, "restart"]
    assert cell_texts(bottom) == ["", "", "Năm 2025", "Năm 2026", ""]
    assert [merge(c) for c in cells_of(bottom)] == ["continue", "continue", None, None,
                                                    "continue"]
    for tr in (top, bottom):
        assert tr.find(f"{W('w:trPr')}/{W('w:cantSplit')}") is not None
        for p in tr.iter(W("w:pStyle")):
            assert p.get(W("w:val")) == "VBTableHeader"
    header = doc.styles["VB Table Header"]
    assert header.font.bold and header.font.size.pt == TABLE_SIZE_PT
    assert header.paragraph_format.alignment == 1  # centred


def test_group_rows_span_the_table_in_bold(short):
    _plan, doc = short
    *_, targets = sections_of(doc)
    (table,) = tables(doc, targets)
    rows = table._tbl.findall(W("w:tr"))[2:]
    groups = [tr for tr in rows if len(cells_of(tr)) == 1]
    assert [cell_texts(tr) for tr in groups] == [["I. DỊCH VỤ CÔNG TRỰC TUYẾN"],
                                                 ["II. SỐ HÓA HỒ SƠ"]]
    assert all(span(cells_of(tr)[0]) == 5 for tr in groups)
    group = doc.styles["VB Table Group"]
    assert group.font.bold and group.font.size.pt == TABLE_SIZE_PT


@pytest.mark.parametrize("which", ["short", "long"])
def test_columns_fill_the_text_width_of_their_section(which, request):
    _plan, doc = request.getfixturevalue(which)
    for section, elements in zip(doc.sections, sections_of(doc)):
        width = section.page_width - section.left_margin - section.right_margin
        for table in tables(doc, elements):
            if not any(tr.find(f"{W('w:trPr')}/{W('w:tblHeader')}") is not None
                       for tr in table._tbl.findall(W("w:tr"))):
                continue  # the header and signature tables
            assert abs(sum(grid(table)) - width / 635) <= 1
            assert table._tbl.tblPr.find(W("w:tblLayout")).get(W("w:type")) == "fixed"
            columns = grid(table)
            for tr in table._tbl.findall(W("w:tr")):
                at = 0
                for tc in cells_of(tr):
                    width_of = int(tc.find(f"{W('w:tcPr')}/{W('w:tcW')}").get(W("w:w")))
                    assert width_of == sum(columns[at:at + span(tc)])
                    at += span(tc)
                assert at == len(columns)


def test_tables_have_single_borders_and_cells_no_first_line_indent(short):
    _plan, doc = short
    *_, targets = sections_of(doc)
    (table,) = tables(doc, targets)
    borders = table._tbl.tblPr.find(W("w:tblBorders"))
    assert {b.get(W("w:val")) for b in borders} == {"single"} and len(borders) == 6
    text = doc.styles["VB Table Text"]
    assert text.font.size.pt == TABLE_SIZE_PT and not text.font.bold
    for style in ("VB Table Text", "VB Table Header", "VB Table Group"):
        assert not doc.styles[style].paragraph_format.first_line_indent
    for p in table._tbl.iter(W("w:p")):
        assert p.find(f"{W('w:pPr')}/{W('w:ind')}") is None


def test_cells_are_aligned_by_their_column(short):
    _plan, doc = short
    *_, targets = sections_of(doc)
    (table,) = tables(doc, targets)
    first = table._tbl.findall(W("w:tr"))[3]  # the first row of data

    def jc(tc):
        el = tc.find(f"{W('w:p')}/{W('w:pPr')}/{W('w:jc')}")
        return el.get(W("w:val")) if el is not None else "left"

    assert [jc(tc) for tc in cells_of(first)] == ["center", "left", "right", "right", "left"]


def test_the_task_matrix_lists_the_tasks_under_their_sections(short):
    _plan, doc = short
    _main, _attachment, tasks, _targets = sections_of(doc)
    (table,) = tables(doc, tasks)
    (head,) = header_rows(table)
    assert cell_texts(head) == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                "Thời gian hoàn thành", "Sản phẩm"]
    rows = [cell_texts(tr) for tr in table._tbl.findall(W("w:tr"))[1:]]
    assert rows == [
        ["II. NHIỆM VỤ"],
        ["1", "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
         "Sở Khoa học và Công nghệ", "Văn phòng Ủy ban nhân dân tỉnh", "trước ngày 30/6/2026",
         "Hệ thống được nâng cấp, vận hành ổn định"],
        ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực.",
         "Các sở, ban, ngành", "Sở Khoa học và Công nghệ", "trước ngày 30/9/2026",
         "Dữ liệu được số hóa, kết nối với Cổng Dịch vụ công quốc gia"]]
    # the body prints the same deadline after its label
    assert any(p.text == "- Thời hạn hoàn thành: trước ngày 30/6/2026." for p in doc.paragraphs)


def test_several_agencies_stand_one_per_paragraph_of_their_cell(long):
    _plan, doc = long
    _main, _attachment, tasks, _targets = sections_of(doc)
    (table,) = tables(doc, tasks)
    rows = {cell_texts(tr)[1]: tr for tr in table._tbl.findall(W("w:tr"))[1:]
            if len(cells_of(tr)) == 6}
    tr = rows["Theo dõi tình hình thi hành pháp luật trong lĩnh vực trọng tâm năm 2026."]
    support = cells_of(tr)[3].findall(W("w:p"))
    assert ["".join(t.text for t in p.iter(W("w:t"))) for p in support] == [
        "Sở Nội vụ", "Sở Tài chính"]
    numbers = [cell_texts(tr)[0] for tr in rows.values()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]  # 1…n across the groups


def test_a_cell_may_hold_several_paragraphs(write_plan):
    plan = load_plan(write_plan(MINIMAL_PLAN))
    table = Table([Column("STT", plan.mark), Column("Ghi chú", plan.mark)],
                  [Row(("1", "Dòng một\nDòng hai"), plan.mark)], plan.mark)
    section = plan.sections[0]
    item = dataclasses.replace(section.children[0], content=[table])
    plan = dataclasses.replace(plan, sections=[dataclasses.replace(section, content=[item])])
    doc = rendered(plan)
    (data,) = doc.tables[1:2]
    assert [p.text for p in data.rows[1].cells[1].paragraphs] == ["Dòng một", "Dòng hai"]


def test_user_text_in_tables_stays_text(write_plan):
    text = MINIMAL_PLAN + """\
appendices:
  - title: "Chỉ tiêu <b> & {{ title }}"
    content:
      - table:
          title: "Bảng {% if x %}1{% endif %} & <2>"
          columns:
            - {header: "STT & <TT>", width: 10}
            - {header: "{{ number_line }}", group: "Nhóm {{ a }} & <b>", width: 45}
            - {header: "Khác", group: "Nhóm {{ a }} & <b>", width: 45}
          rows:
            - {group: "I. {{ signature.name }} & <i>"}
            - ["1", "Hồ sơ <trực tuyến> & {{ toàn trình }}", "{%p endfor %}"]
"""
    doc = rendered(load_plan(write_plan(text)))
    _main, appendix = sections_of(doc)
    assert texts(doc, appendix, "VB Appendix Title") == ["Chỉ tiêu <b> & {{ title }}"]
    assert texts(doc, appendix, "VB Table Title") == ["Bảng {% if x %}1{% endif %} & <2>"]
    (table,) = tables(doc, appendix)
    rows = table._tbl.findall(W("w:tr"))
    assert cell_texts(rows[0]) == ["STT & <TT>", "Nhóm {{ a }} & <b>"]
    assert cell_texts(rows[1]) == ["", "{{ number_line }}", "Khác"]
    assert cell_texts(rows[2]) == ["I. {{ signature.name }} & <i>"]
    assert cell_texts(rows[3]) == ["1", "Hồ sơ <trực tuyến> & {{ toàn trình }}", "{%p endfor %}"]


def test_a_table_in_the_body_fills_the_portrait_width_and_is_kept_apart(write_plan):
    text = MINIMAL_PLAN.replace("      - text: Nội dung thứ nhất.\n", """\
      - text: Nội dung thứ nhất.
        content:
          - Chỉ tiêu cụ thể như sau
          - table:
              columns: [STT, Chỉ tiêu]
              rows:
                - ["1", Một]
          - table:
              columns: [STT, Chỉ tiêu khác]
              rows:
                - ["1", Hai]
""")
    # the body ends with these tables: the minimal plan's other two sections go
    text = text.replace("  - title: Nội dung\n    content: [Tổ chức hội nghị.]\n", "").replace(
        "  - title: Tổ chức thực hiện\n    content: [Các phòng thực hiện.]\n", "")
    plan = load_plan(write_plan(text))
    doc = rendered(plan)
    body = list(doc.element.body.iterchildren())
    first, second, signature = [e for e in body if e.tag == W("w:tbl")][1:]
    width = text_width_twips(plan.layout, False)
    assert sum(grid(DocxTable(first, doc))) == width
    # Word joins tables that touch: a paragraph stands between them, and before the signature
    assert body[body.index(first) + 1].tag == W("w:p")
    assert body[body.index(second) + 1].tag == W("w:p")
    assert body.index(second) + 2 == body.index(signature)
    # the body ends in a table: no ./. after it, and nothing numbered is lost
    assert not any(p.text.endswith("./.") for p in doc.paragraphs)
    assert [p.text for p in doc.paragraphs if p.style.name == "VB Item"] == ["1. Nội dung thứ nhất."]


# --- widths and the landscape criterion --------------------------------------------------

def _table(headers, rows, widths=None, aligns=None):
    from vanban.problems import Mark

    mark = Mark("t", 1, 1)
    columns = [Column(h, mark, width=(widths or [None] * len(headers))[i],
                      align=(aligns or [None] * len(headers))[i]) for i, h in enumerate(headers)]
    return Table(columns, [Row(tuple(r), mark) for r in rows], mark)


def test_relative_widths_and_partly_given_widths():
    assert relative_widths(_table("ab", [], [1, 3]).columns) == [0.25, 0.75]
    assert relative_widths(_table("abc", []).columns) == pytest.approx([1 / 3] * 3)
    # given widths count as percentages; the others share the rest
    assert relative_widths(_table("abc", [], [10, None, None]).columns) == pytest.approx(
        [0.1, 0.45, 0.45])
    assert relative_widths(_table("abc", [], [60, 60, None]).columns) == pytest.approx(
        [1 / 3] * 3)


def test_no_column_is_narrower_than_its_longest_word_or_a_readable_measure():
    agencies = "Văn phòng Ủy ban nhân dân tỉnh"
    table = _table(["STT", "Nhiệm vụ", "Cơ quan"], [["1", "Rà soát văn bản", agencies]],
                   [2, 90, 8])
    measured = measure(table)
    widths = column_widths(relative_widths(table.columns), measured.minimums, 460)
    assert sum(widths) == pytest.approx(460)
    assert all(w >= m - 1e-9 for w, m in zip(widths, measured.minimums))
    assert measured.aligns == ["center", "left", "left"]
    block = table_block(table, 9355, measured)
    assert sum(c["width"] for c in block["columns"]) == 9355


def test_a_table_is_too_wide_for_portrait_when_its_minimums_do_not_fit():
    narrow = _table(["STT", "Chỉ tiêu", "Số liệu"], [["1", "Hồ sơ trực tuyến", "45"]])
    assert measure(narrow).fits(text_width_twips(load_plan(DECISIONS["short"]).layout, False) / 20)
    agencies = ["Sở Khoa học và Công nghệ tỉnh Lai Châu"] * 6
    wide = _table([f"Cơ quan {i}" for i in range(6)], [agencies])
    assert not measure(wide).fits(Mm(165).pt)
    assert measure(wide).fits(Mm(257).pt)


def test_figures_are_right_aligned_and_dates_centred_by_default():
    table = _table(["Số lượng", "Hạn", "Tên"], [["1.234", "30/6/2026", "A"], ["45%", "", "B"]])
    assert measure(table).aligns == ["right", "center", "left"]
    given = _table(["Số lượng"], [["12"]], aligns=["center"])
    assert measure(given).aligns == ["center"]


# --- bytes and speed -------------------------------------------------------------------------

@pytest.mark.parametrize("which", sorted(DECISIONS))
def test_a_decision_with_its_parts_renders_to_the_same_bytes_twice(which):
    plan = load_plan(DECISIONS[which])
    assert render_bytes(plan) == render_bytes(plan)


def test_a_thousand_row_table_renders_in_about_a_second(write_plan):
    plan = load_plan(write_plan(MINIMAL_PLAN))
    rows = [Row((str(i), f"Nhiệm vụ {i}: rà soát, cập nhật kế hoạch của ngành", "Sở Nội vụ",
                 "Các sở, ban, ngành", "Quý II/2026"), plan.mark) for i in range(1, 1001)]
    headers = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian")
    table = Table([Column(h, plan.mark) for h in headers], rows, plan.mark)
    from vanban.plan.model import Appendix

    plan = dataclasses.replace(plan, appendices=[Appendix("Bảng", plan.mark, content=[
        Paragraph("Danh mục", plan.mark), table])])
    start = time.perf_counter()
    data = render_bytes(plan)
    elapsed = time.perf_counter() - start
    doc = docx.Document(io.BytesIO(data))
    assert len(doc.tables[-1].rows) == 1001
    assert elapsed < 3.0  # about a second; linear, not quadratic, in the rows


def test_a_template_without_the_parts_refuses_a_plan_that_has_them(tmp_path):
    import zipfile

    from vanban.errors import TemplateError
    from vanban.renderer import default_template

    with zipfile.ZipFile(default_template()) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    old = tmp_path / "old.docx"  # as agencies' copies of the template made before appendices
    with zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == "word/document.xml":
                data = data.decode().replace("for part in parts", "for part in []").encode()
            dst.writestr(info, data)
    plan = load_plan(DECISIONS["short"])
    with pytest.raises(TemplateError) as error:
        render_bytes(plan, old)
    assert "appendices" in error.value.message("en")
    render_bytes(load_plan(PLANS_DIR / "277-KH-BCD-2023.yaml"), old)  # a plan without parts
