"""Công điện (Mẫu 1.6), Giấy mời (Mẫu 1.7) and Biên bản (Mẫu 1.9): what the context prints,
how the template lays it out (read back with python-docx), and every starter of ``vanban new``
rendering clean under vanban's own checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from docx.table import Table
from starters import STARTERS, starter_docx, starter_files, starter_text  # noqa: F401

from docxread import font_of, format_of
from vanban import load_plan
from vanban.check.paths import check_file
from vanban.decree.doctypes import DOCUMENT_TYPES, find_type
from vanban.plan.model import Issuer
from vanban.renderer import build_context, render_bytes

TODAY = dt.date(2026, 11, 30)
LAYOUT_RULES = ["VB801", "VB802", "VB803", "VB804", "VB805", "VB806"]


@pytest.fixture(scope="module")
def plans(starter_files):  # noqa: F811
    return {key: load_plan(path) for key, path in starter_files.items()}


def read(plan) -> Document:
    return docx.Document(io.BytesIO(render_bytes(plan)))


def body_texts(doc: Document, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def tables_holding(doc: Document, style: str) -> list[Table]:
    return [t for t in doc.tables
            if any(p.style.name == style for c in t._cells for p in c.paragraphs)]


def cell_lines(cell) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in cell.paragraphs]


# --- every starter ---------------------------------------------------------------------------

def test_the_three_forms_are_laid_out_and_the_rest_of_the_decree_is_refused_by_name():
    for code in ("CĐ", "GM", "BB"):
        assert find_type(code).renderable, code
    assert {t.name for t in DOCUMENT_TYPES if not t.renderable} == {
        "Nghị quyết", "Hợp đồng", "Bản ghi nhớ", "Bản thỏa thuận", "Giấy giới thiệu",
        "Giấy nghỉ phép", "Thư công", "Phiếu trình"}


@pytest.mark.parametrize("key", sorted(STARTERS))
def test_each_starter_checks_clean_renders_and_its_docx_passes_the_layout_rules(
        key, starter_files, starter_docx):  # noqa: F811
    plan_check = check_file(starter_files[key], today=TODAY)
    assert [(p.code, p.message("en")) for p in plan_check.problems] == []
    docx_check = check_file(starter_docx[key], today=TODAY, select=LAYOUT_RULES)
    assert [(p.code, p.message("en")) for p in docx_check.problems] == []


@pytest.mark.parametrize("key", ["cong-dien", "giay-moi", "bien-ban"])
def test_the_new_forms_render_the_same_bytes_every_time(key, plans):
    assert render_bytes(plans[key]) == render_bytes(plans[key])


# --- Công điện ---------------------------------------------------------------------------------

def test_a_cong_dien_prints_its_authority_with_dien_and_its_receivers_not_kinh_gui(plans):
    plan = plans["cong-dien"]
    context = build_context(plan)
    assert context["cable_from"] == {"authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
                                     "verb": "điện:"}
    assert context["cable_receivers"] == [
        "- Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh;",
        "- Chủ tịch Ủy ban nhân dân các xã, phường."]
    assert context["issuing_authority"] == "" and context["addressee_line"] == ""
    assert context["addressees"] == []
    doc = read(plan)
    (line,) = [p for p in doc.paragraphs if p.style.name == "VB Cable From"]
    assert line.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"
    authority, verb = line.runs
    assert authority.font.all_caps and not verb.font.all_caps  # “… TỈNH điện:”, as practice
    assert font_of(doc, line) == {"size": 14, "bold": False, "italic": False,
                                  "name": "Times New Roman"}
    assert format_of(line, "alignment") == 1  # centred
    assert not body_texts(doc, "VB Authority") and not body_texts(doc, "VB Addressee")


def test_a_cong_diens_receivers_are_in_the_right_hand_cell_where_the_form_puts_them(plans):
    plan = dataclasses.replace(plans["cong-dien"], layout=dataclasses.replace(
        plans["cong-dien"].layout, margin_left=35, margin_right=20))
    doc = read(plan)
    (table,) = tables_holding(doc, "VB Cable Receiver")
    left, right = table.rows[0].cells
    assert [text for _style, text in cell_lines(left)] == [""]
    assert cell_lines(right) == [("VB Cable Receiver", line)
                                 for line in build_context(plan)["cable_receivers"]]
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    text_width = Mm(210 - 35 - 20)
    assert abs(widths[0] - Cm(5.6).twips) <= 1
    assert abs(sum(widths) - text_width.twips) <= 2  # the whole text width, whatever margins
    # the table is the line under “… điện:” and before the body, with a blank line after it
    element = table._tbl
    before, after = element.getprevious(), element.getnext()
    assert before.xpath("string(.)").endswith("điện:")
    assert after.xpath("string(.)") == ""


# --- Giấy mời ----------------------------------------------------------------------------------

def test_a_giay_moi_invites_lists_its_particulars_and_ends_with_its_notes(plans):
    plan = plans["giay-moi"]
    context = build_context(plan)
    assert context["intro_lines"] == [
        "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu trân trọng kính mời:",
        "- Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh;",
        "- Chủ tịch Ủy ban nhân dân các xã, phường.",
        "Tới dự Hội nghị tổng kết công tác cải cách hành chính năm 2026.",
        "Chủ trì: Đồng chí Lê Văn Lương, Chủ tịch Ủy ban nhân dân tỉnh.",
        "Thời gian: 08 giờ 00, thứ Năm, ngày 14/01/2027.",
        "Địa điểm: Hội trường Ủy ban nhân dân tỉnh.",
    ]
    assert context["body"][-1]["text"].endswith("12/01/2027./.")
    doc = read(plan)
    fields = [p for p in doc.paragraphs if p.style.name == "VB Field"]
    assert [p.text for p in fields] == context["intro_lines"]
    for p in fields:  # body text: the plan's size, justified, first line indented
        assert font_of(doc, p)["size"] == plan.layout.body_size
        assert format_of(p, "alignment") == 3
        assert abs(format_of(p, "first_line_indent") - Cm(plan.layout.first_line_indent)) < 100


def test_one_invitee_stands_on_the_line_and_the_last_line_closes_a_bare_invitation(plans):
    plan = plans["giay-moi"]
    invitation = dataclasses.replace(plan.invitation, invitees=("Ông Nguyễn Văn D",),
                                     chair=None)
    bare = dataclasses.replace(plan, invitation=invitation, closing=[], opening=[])
    context = build_context(bare)
    assert context["body"] == []
    assert context["intro_lines"] == [
        "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu trân trọng kính mời: Ông Nguyễn Văn D.",
        "Tới dự Hội nghị tổng kết công tác cải cách hành chính năm 2026.",
        "Thời gian: 08 giờ 00, thứ Năm, ngày 14/01/2027.",
        "Địa điểm: Hội trường Ủy ban nhân dân tỉnh./.",
    ]


def test_an_inviter_vanban_cannot_name_in_a_sentence_is_the_issuers_printed_name(plans):
    plan = plans["giay-moi"]
    issuer = Issuer(("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",), "TTPVHCC", plan.issuer.mark)
    signature = dataclasses.replace(plan.signature, authority="", titles=("GIÁM ĐỐC",))
    unknown = dataclasses.replace(plan, issuer=issuer, signature=signature)
    assert unknown.issued_by() is None
    first = build_context(unknown)["intro_lines"][0]
    assert first == "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG trân trọng kính mời:"
    named = dataclasses.replace(unknown, issuer=dataclasses.replace(
        issuer, in_text="Trung tâm Phục vụ hành chính công tỉnh"))
    assert build_context(named)["intro_lines"][0].startswith(
        "Trung tâm Phục vụ hành chính công tỉnh trân trọng kính mời")


# --- Biên bản ----------------------------------------------------------------------------------

def test_a_bien_ban_has_a_number_but_no_dateline(plans):
    doc = read(plans["bien-ban"])
    (header,) = tables_holding(doc, "VB National Title")
    assert header.cell(1, 0).text == "Số:      /BB-STP"
    assert [text for _s, text in cell_lines(header.cell(1, 1))] == [""]


def test_a_bien_ban_records_the_meeting_around_its_body_and_ends_with_its_end(plans):
    plan = plans["bien-ban"]
    context = build_context(plan)
    assert context["intro_lines"] == [
        "Thời gian bắt đầu: 08 giờ 00, ngày 31 tháng 3 năm 2026.",
        "Địa điểm: Phòng họp Sở Tư pháp.",
        "Thành phần tham dự:",
        "- Lãnh đạo Sở Tư pháp;",
        "- Trưởng các phòng, đơn vị thuộc Sở.",
        "Chủ trì (chủ tọa): Ông Nguyễn Văn A, Giám đốc Sở.",
        "Thư ký (người ghi biên bản): Bà Trần Thị B, chuyên viên Văn phòng Sở.",
        "Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo):",
    ]
    assert context["end_lines"] == [
        "Cuộc họp (hội nghị, hội thảo) kết thúc vào 10 giờ 30, ngày 31 tháng 3 năm 2026./."]
    assert not context["body"][-1]["text"].endswith("./.")  # the end line closes it
    doc = read(plan)
    texts = [p.text for p in doc.paragraphs if p.text]
    first, last = texts.index(context["intro_lines"][0]), texts.index(context["end_lines"][0])
    assert texts[first:first + 8] == context["intro_lines"]
    assert texts[last - 1] == context["body"][-1]["text"]
    end = doc.paragraphs[[p.text for p in doc.paragraphs].index(context["end_lines"][0])]
    assert end.paragraph_format.keep_with_next  # kept on the page of the signatures


def test_a_bien_ban_without_an_end_time_closes_its_body(plans):
    plan = plans["bien-ban"]
    open_ended = dataclasses.replace(plan, minutes=dataclasses.replace(plan.minutes, end=None))
    context = build_context(open_ended)
    assert context["end_lines"] == [] and context["body"][-1]["text"].endswith("./.")


def test_the_thu_ky_signs_left_the_chu_toa_right_and_noi_nhan_is_under_the_thu_ky(plans):
    doc = read(plans["bien-ban"])
    (table,) = tables_holding(doc, "VB Signer")
    assert len(table.rows) == 2 and len(table.columns) == 2
    left, right = table.rows[0].cells
    assert cell_lines(left) == [("VB Signature Title", "THƯ KÝ"), ("VB Signature Space", ""),
                                ("VB Signer", "Trần Thị B")]
    assert cell_lines(right) == [("VB Signature Title", "CHỦ TỌA"), ("VB Signature Space", ""),
                                 ("VB Signer", "Nguyễn Văn A")]
    below = table.rows[1].cells[0]
    assert cell_lines(below) == [("VB Recipients Label", "Nơi nhận:"),
                                 ("VB Recipient", "- Các phòng, đơn vị thuộc Sở;"),
                                 ("VB Recipient", "- Lưu: VT, Hồ sơ.")]
    assert table.rows[1].cells[1].text == ""
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(sum(widths) - Mm(165).twips) <= 2


def test_two_signatures_with_different_title_lines_keep_their_names_level(plans):
    plan = plans["bien-ban"]
    chair = dataclasses.replace(plan.signature, authority="KT.",
                                titles=("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))
    secretary = dataclasses.replace(plan.cosigner, other_title=("CHUYÊN VIÊN",))
    context = build_context(dataclasses.replace(plan, signature=chair, cosigner=secretary))
    signature, cosignature = context["signature"], context["cosignature"]
    assert signature["lines"] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert cosignature["lines"] == ["THƯ KÝ", ""]
    assert signature["other_title"] == [""] and cosignature["other_title"] == ["CHUYÊN VIÊN"]


def test_a_cosigner_outside_a_bien_ban_changes_nothing(plans):
    plan = plans["ke-hoach"]
    with_cosigner = dataclasses.replace(plan, cosigner=plans["bien-ban"].cosigner)
    assert build_context(with_cosigner)["cosignature"] == {}
    assert render_bytes(with_cosigner) == render_bytes(plan)


# --- VB806 on a Công điện ------------------------------------------------------------------------

def test_vb806_lets_the_dien_line_be_but_finds_a_centred_paragraph_of_body_text(
        starter_docx, tmp_path):  # noqa: F811
    doc = docx.Document(str(starter_docx["cong-dien"]))
    line = next(p for p in doc.paragraphs if p.style.name == "VB Cable From")
    line.runs[1].text = " yêu cầu các cơ quan thực hiện ngay các nhiệm vụ sau đây"
    path = tmp_path / "changed.docx"
    doc.save(str(path))
    found = [(p.code, p.message("en")) for p in check_file(path, today=TODAY,
                                                           select=["VB806"]).problems]
    assert found == [("VB806", "1 body paragraph(s) are not justified; justify them"),
                     ("VB806", "1 body paragraph(s) have no first-line indent of 1–1.27 cm")]


def test_the_starter_of_each_new_form_names_its_mau(starter_files):  # noqa: F811
    for key, form in (("cong-dien", "Mẫu 1.6"), ("giay-moi", "Mẫu 1.7"),
                      ("bien-ban", "Mẫu 1.9")):
        assert form in starter_text(key).splitlines()[0]


def test_a_template_made_before_the_forms_refuses_what_it_would_drop(plans, tmp_path):
    import zipfile

    from vanban.errors import TemplateError
    from vanban.renderer import default_template

    with zipfile.ZipFile(default_template()) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    old = tmp_path / "old.docx"  # an agency's copy with one signature only
    with zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == "word/document.xml":
                data = data.decode().replace("cosignature", "signature").encode()
            dst.writestr(info, data)
    with pytest.raises(TemplateError) as error:
        render_bytes(plans["bien-ban"], old)
    assert "has no place for cosignature" in error.value.message("en")
    render_bytes(plans["cong-dien"], old)  # what it has a place for renders
