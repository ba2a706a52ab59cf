"""The rendered .docx, read back with python-docx, follows Decree 30 component by component."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt

from conftest import PLANS_DIR
from docxread import font_of, format_of, has_bottom_border, rule_length_pt, styled, width_pt
from vanban import load_plan, render, render_bytes
from vanban.renderer import text_width_pt
from vanban.renderer.metrics import wrap
from vanban.text.vnformat import roman

SEED = "277-KH-BCD-2023"
UBND = "45-KH-UBND-2026-phong-chong-thien-tai"
DRAFT = "du-thao-KH-STP-2026-pho-bien-phap-luat"


@pytest.fixture(scope="module")
def docs(rendered):
    return {stem: docx.Document(path) for stem, path in rendered.items()}


@pytest.fixture(scope="module")
def seed(docs):
    return docs[SEED]


def close(a, b, tol=Mm(0.2)):
    return abs(a - b) <= tol


@pytest.mark.parametrize("stem", [SEED, UBND, DRAFT])
def test_page_is_a4_portrait_with_the_plans_margins(docs, stem):
    layout = load_plan(PLANS_DIR / f"{stem}.yaml").layout
    section = docs[stem].sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(layout.margin_top))
    assert close(section.bottom_margin, Mm(layout.margin_bottom))
    assert close(section.left_margin, Mm(layout.margin_left))
    assert close(section.right_margin, Mm(layout.margin_right))
    assert 20 <= section.top_margin.mm <= 25.01 and 30 <= section.left_margin.mm <= 35.01


def test_default_margins_are_the_decrees_minimums(seed):
    s = seed.sections[0]
    assert [round(m.mm) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [20, 20, 30, 15]


@pytest.mark.parametrize("stem", [SEED, UBND, DRAFT])
def test_every_text_is_times_new_roman(docs, stem):
    doc = docs[stem]
    fonts = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs")} == {"Times New Roman"}
    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for c in t._cells for p in c.paragraphs]
    named = {font_of(doc, p)["name"] for p in paragraphs if p.text.strip()}
    assert named <= {"Times New Roman", None}


def header_cells(doc):
    table = doc.tables[0]
    return table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)


def test_header_has_the_issuer_left_and_the_national_title_right(seed):
    left, right, number_cell, date_cell = header_cells(seed)
    (superior,) = styled(left.paragraphs, "VB Superior")
    (issuer,) = styled(left.paragraphs, "VB Issuer")
    assert superior.text == "UBND TỈNH BÀ RỊA - VŨNG TÀU"
    assert font_of(seed, superior) | {"name": None} == {"size": 12, "bold": False, "italic": False, "name": None}
    assert issuer.text == "BAN CHỈ ĐẠO NHÂN QUYỀN"
    assert font_of(seed, issuer)["size"] == 12 and font_of(seed, issuer)["bold"]
    national, motto = [p for p in right.paragraphs if p.text]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert font_of(seed, national)["size"] in (12, 13) and font_of(seed, national)["bold"]
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert font_of(seed, motto)["size"] in (13, 14) and font_of(seed, motto)["bold"]
    for p in (superior, issuer, national, motto):
        assert format_of(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_number_and_dateline_share_a_row_under_their_columns(seed):
    _, _, number_cell, date_cell = header_cells(seed)
    (number,) = styled(number_cell.paragraphs, "VB Number")
    (dateline,) = styled(date_cell.paragraphs, "VB Dateline")
    assert number.text == "Số: 277/KH-BCĐ"
    assert font_of(seed, number)["size"] == 13 and not font_of(seed, number)["italic"]
    assert dateline.text == "Bà Rịa - Vũng Tàu, ngày 02 tháng 10 năm 2023"
    assert font_of(seed, dateline)["italic"] and font_of(seed, dateline)["size"] in (13, 14)
    assert format_of(number, "alignment") == format_of(dateline, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_header_columns_fill_the_text_width_and_fit_their_lines(docs):
    for stem, doc in docs.items():
        section = doc.sections[0]
        text_width = section.page_width - section.left_margin - section.right_margin
        left, right, _, date_cell = header_cells(doc)
        assert abs(left.width + right.width - text_width) < Mm(0.1), stem
        for p in [*right.paragraphs, *date_cell.paragraphs]:
            if p.text:
                assert width_pt(doc, p) < right.width.pt, (stem, p.text)


def test_rules_have_the_decrees_lengths(docs):
    for stem, doc in docs.items():
        left, right, _, _ = header_cells(doc)
        issuer_width = max(width_pt(doc, p) for p in styled(left.paragraphs, "VB Issuer"))
        (issuer_rule,) = styled(left.paragraphs, "VB Rule")
        assert has_bottom_border(issuer_rule)
        assert 1 / 3 <= rule_length_pt(issuer_rule, left.width) / issuer_width <= 1 / 2, stem
        (motto,) = styled(right.paragraphs, "VB Motto")
        (motto_rule,) = styled(right.paragraphs, "VB Rule")
        assert abs(rule_length_pt(motto_rule, right.width) - width_pt(doc, motto)) < 1, stem
        section = doc.sections[0]
        body_width = Length(section.page_width - section.left_margin - section.right_margin)
        (title,) = styled(doc.paragraphs, "VB Title")
        (title_rule,) = styled(doc.paragraphs, "VB Title Rule")
        # the longest of the lines the trích yếu wraps into
        lines = wrap(title.text, font_of(doc, title)["size"], body_width.pt, bold=True)
        line = max(text_width_pt(t, font_of(doc, title)["size"], bold=True) for t in lines)
        assert 1 / 3 <= rule_length_pt(title_rule, body_width) / line <= 1 / 2, stem


def test_type_name_and_subject_are_centred_bold(seed):
    (doctype,) = styled(seed.paragraphs, "VB Doc Type")
    (title,) = styled(seed.paragraphs, "VB Title")
    assert doctype.text == "KẾ HOẠCH"
    assert title.text.startswith("Triển khai hoạt động tuyên truyền")
    for p in (doctype, title):
        f = font_of(seed, p)
        assert f["bold"] and f["size"] in (13, 14)
        assert format_of(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


BODY = ("VB Body", "VB Basis", "VB Section", "VB Article", "VB Item Title", "VB Item", "VB Point",
        "VB Dash", "VB Plus", "VB Closing")


@pytest.mark.parametrize("stem", [SEED, UBND, DRAFT])
def test_body_is_justified_with_indent_spacing_and_line_spacing_of_the_decree(docs, stem):
    layout = load_plan(PLANS_DIR / f"{stem}.yaml").layout
    doc = docs[stem]
    body = [p for p in doc.paragraphs if p.style.name in BODY and p.text.strip()]
    assert len(body) > 10
    for p in body:
        assert format_of(p, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert close(format_of(p, "first_line_indent"), Cm(layout.first_line_indent), Mm(0.05))
        assert format_of(p, "space_after") >= Pt(6)
        spacing = format_of(p, "line_spacing")
        assert isinstance(spacing, float) and 1.0 <= spacing <= 1.5
        assert font_of(doc, p)["size"] == layout.body_size


def test_sections_are_roman_upper_case_bold_and_items_follow_the_nesting(rendered):
    doc = docx.Document(rendered[UBND])
    sections = styled(doc.paragraphs, "VB Section")
    assert [p.text.split(" ", 1)[0] for p in sections] == [f"{roman(i)}." for i in range(1, 5)]
    plan = load_plan(PLANS_DIR / f"{UBND}.yaml")
    assert [p.text.split(" ", 1)[1] for p in sections] == [s.title for s in plan.sections]
    assert doc.styles["VB Section"].font.all_caps  # shown in capitals, kept as written
    for p in sections:
        assert font_of(doc, p)["bold"]
    items = styled(doc.paragraphs, "VB Item Title")
    assert items[0].text == "1. Mục đích" and font_of(doc, items[0])["bold"]
    points = [p.text[:2] for p in styled(doc.paragraphs, "VB Point")]
    assert points[:4] == ["a)", "b)", "a)", "b)"]
    assert [p.text for p in styled(doc.paragraphs, "VB Plus")] == [
        "+ các điểm đã xảy ra sạt lở trong năm 2025;", "+ các điểm có vết nứt mới được phát hiện."]
    assert not font_of(doc, styled(doc.paragraphs, "VB Point")[0])["bold"]


def test_legal_bases_are_italic_and_end_with_semicolons_then_a_full_stop(rendered):
    doc = docx.Document(rendered[UBND])
    bases = styled(doc.paragraphs, "VB Basis")
    assert len(bases) == 3
    assert all(font_of(doc, p)["italic"] for p in bases)
    assert [p.text[-1] for p in bases] == [";", ";", "."]


def test_body_ends_with_the_decrees_closing_mark(docs):
    for stem, doc in docs.items():
        body = [p for p in doc.paragraphs if p.style.name in BODY and p.text.strip()]
        assert body[-1].text.endswith("./.") and not body[-1].text.endswith("../."), stem


def test_recipients_and_signature_sit_side_by_side(seed):
    table = seed.tables[-1]
    left, right = table.cell(0, 0), table.cell(0, 1)
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:"
    assert font_of(seed, label) | {"name": None} == {"size": 12, "bold": True, "italic": True, "name": None}
    recipients = [p for p in left.paragraphs[1:] if p.text]
    assert recipients[0].text == "- Thường trực Tỉnh ủy (b/c);"
    assert recipients[-1].text == "- Lưu: VT, PCNC, CAT (3)."
    assert all(font_of(seed, p)["size"] == 11 and p.text.startswith("- ") for p in recipients)
    assert format_of(recipients[0], "alignment") == WD_ALIGN_PARAGRAPH.LEFT
    lines = [p for p in right.paragraphs if p.text]
    assert [p.text for p in lines] == ["TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND TỈNH", "Đặng Minh Thông"]
    for p in lines:
        f = font_of(seed, p)
        assert f["bold"] and f["size"] in (13, 14)
        assert format_of(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    # the label and the first title line start their cells, on the same line
    assert right.paragraphs[0].text == "TRƯỞNG BAN"
    assert format_of(label, "line_spacing") == format_of(right.paragraphs[0], "line_spacing")
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_signature_with_authority_prefixes(rendered):
    doc = docx.Document(rendered[UBND])
    lines = [p.text for p in doc.tables[-1].cell(0, 1).paragraphs if p.text]
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Lương"]
    # Nơi nhận is longer than the signature block: it runs on in a row below it
    left = [p.text for row in doc.tables[-1].rows for p in row.cells[0].paragraphs if p.text]
    assert left[-2:] == ["- Lưu: VT, KTN (2).", "NVA.(25)"]


def test_page_numbers_are_in_the_header_from_page_two(seed):
    section = seed.sections[0]
    assert section.different_first_page_header_footer
    (number,) = [p for p in section.header.paragraphs]
    instr = [t.text for t in number._p.iter(qn("w:instrText"))]
    assert instr == [" PAGE "]
    assert format_of(number, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert font_of(seed, number)["size"] in (13, 14) and not font_of(seed, number)["bold"]
    first = section.first_page_header
    assert not list(first._element.iter(qn("w:instrText")))


def test_urgency_and_secrecy_marks_are_boxed_under_the_number(docs):
    _, _, number_cell, _ = header_cells(docs[UBND])
    (stamp,) = styled(number_cell.paragraphs, "VB Stamp")
    assert stamp.text == "KHẨN"
    # the decree's 20 × 8 mm, between the middles of the frame's 1 pt rules
    rule = docs[UBND].styles["VB Stamp"].element.pPr.find(f"{qn('w:pBdr')}/{qn('w:left')}")
    frame = int(rule.get(qn("w:sz"))) / 8
    assert abs(rule_length_pt(stamp, number_cell.width) + frame - Mm(20).pt) < 0.5
    _, _, number_cell, _ = header_cells(docs[DRAFT])
    assert [p.text for p in styled(number_cell.paragraphs, "VB Stamp")] == ["MẬT"]


def test_draft_header_leaves_number_and_day_blank(docs):
    _, _, number_cell, date_cell = header_cells(docs[DRAFT])
    assert styled(number_cell.paragraphs, "VB Number")[0].text == "Số:      /KH-STP"
    assert styled(date_cell.paragraphs, "VB Dateline")[0].text == "Hà Tĩnh, ngày   tháng   năm 2026"
    left = header_cells(docs[DRAFT])[0]
    assert [p.text for p in styled(left.paragraphs, "VB Superior")] == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"]


def test_document_properties_say_what_the_document_is(seed):
    props = seed.core_properties
    assert props.identifier == "277/KH-BCĐ"
    assert props.title.startswith("Triển khai hoạt động")
    assert props.author == "BAN CHỈ ĐẠO NHÂN QUYỀN"
    assert props.language == "vi-VN"
    assert props.created.date().isoformat() == "2023-10-02"


def test_the_last_body_paragraph_keeps_with_the_signature(docs):
    for stem, doc in docs.items():
        previous = doc.tables[-1]._tbl.getprevious()
        assert previous.tag == qn("w:p")
        from docx.text.paragraph import Paragraph

        paragraph = Paragraph(previous, doc)
        assert paragraph.text.endswith("./.") and paragraph.paragraph_format.keep_with_next, stem


def test_table_properties_are_in_the_order_word_requires(docs):
    order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
             "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
             "tblLayout", "tblCellMar", "tblLook"]
    for stem, doc in docs.items():
        for table in doc.tables:
            tags = [el.tag.split("}")[1] for el in table._tbl.tblPr]
            assert tags == sorted(tags, key=order.index), (stem, tags)
            assert len(tags) == len(set(tags))


def test_a_draft_is_marked_in_a_box_at_the_top_of_page_one_and_a_final_plan_is_not(rendered):
    from vanban.renderer import first_page_header_paragraphs

    for stem, expected in ((DRAFT, "DỰ THẢO LẦN 2"), (SEED, None), (UBND, None)):
        doc = docx.Document(rendered[stem])
        texts = [p.text for p in first_page_header_paragraphs(doc) if p.text.strip()]
        assert texts == ([expected] if expected else []), stem
        if expected:
            (mark,) = [p for p in first_page_header_paragraphs(doc) if p.text.strip()]
            assert doc.styles["VB Draft Mark"].element.find(".//" + qn("w:pBdr")) is not None
            section = doc.sections[0]
            text_width = section.page_width - section.left_margin - section.right_margin
            box = (text_width - mark.paragraph_format.left_indent) / 12700
            assert text_width_pt(expected, 13, bold=True) < box < 200


def test_the_plans_own_body_settings_reach_every_body_style(tmp_path):
    text = (PLANS_DIR / f"{UBND}.yaml").read_text(encoding="utf-8")
    text += "layout:\n  body_size: 13\n  first_line_indent: 1.27\n  line_spacing: 1.2\n"
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    out = tmp_path / "plan.docx"
    render(load_plan(plan_file), out)
    doc = docx.Document(str(out))
    kinds = {p.style.name for p in doc.paragraphs if p.style.name in BODY and p.text.strip()}
    assert {"VB Section", "VB Item Title", "VB Point", "VB Dash", "VB Closing"} <= kinds
    for p in doc.paragraphs:
        if p.style.name in BODY and p.text.strip():
            assert font_of(doc, p)["size"] == 13, p.text
            assert close(format_of(p, "first_line_indent"), Cm(1.27), Mm(0.05)), p.text
            assert format_of(p, "line_spacing") == pytest.approx(1.2), p.text


def test_a_trich_yeu_longer_than_a_core_property_renders_whole_on_the_page(write_plan):
    from conftest import MINIMAL_PLAN

    title = "Kết luận của đồng chí Phó Chủ tịch UBND tỉnh " + "kiểm tra tiến độ thi công " * 12
    plan = load_plan(write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: {title}")))
    doc = docx.Document(io.BytesIO(render_bytes(plan)))
    assert len(doc.core_properties.title) == 255 and doc.core_properties.title.endswith("…")
    assert any(p.text == title.strip() for p in doc.paragraphs)
