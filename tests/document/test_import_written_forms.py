"""Forms written elsewhere import into their fields: a Giấy mời, a Biên bản and a Công điện
typed as provincial offices type them (text fixtures made for the tests, in tests/data),
variants of their wording, and Word files built here.

Every word is kept, in order, when the imported plan is rendered again — but the words of a
label that the form's own label leaves out (“Hôm nay, vào lúc”, “gồm”, “Biên bản kết thúc
vào”), which vanban prints in the form's words and reports (VB011). Fields are read only in
the form's order: a line out of it, and what follows, stays text where it stands."""

from __future__ import annotations

import datetime as dt
import difflib
import io
from pathlib import Path

import docx
import pytest

from conftest import TESTS
from textutil import paragraphs_in_order, words
from vanban.check.paths import check_file
from vanban.document.importer import import_file
from vanban.plan.codes import IMPORT_UNCERTAIN
from vanban.plan.loader import read_plan
from vanban.renderer import render_bytes

TODAY = dt.date(2026, 11, 26)
GIAY_MOI = TESTS / "data" / "gm-so-tu-phap-hoi-nghi.txt"
BIEN_BAN = TESTS / "data" / "bb-bcd-chuyen-doi-so-xa.txt"
CONG_DIEN = TESTS / "data" / "cd-ubnd-ung-pho-mua-lu.txt"


def imported(path: Path, data: bytes | None = None):
    text, result = import_file(path, data)
    loaded = read_plan(path.with_suffix(".yaml"), text.encode("utf-8"))
    assert loaded.plan is not None, [str(p) for p in loaded.problems]
    assert not [p for p in loaded.problems if p.severity >= 30], loaded.problems
    return loaded.plan, result


def uncertain(result) -> list[str]:
    return [p.message("en") for p in result.problems if p.code == IMPORT_UNCERTAIN]


def lost_words(source_lines: list[str], plan) -> list[str]:
    """The source's words that the re-rendered plan leaves out, in order (case aside): the
    words of the source aligned with the rendering's, those of the source left over."""
    rendered = docx.Document(io.BytesIO(render_bytes(plan)))
    source = [w.lower() for w in words(source_lines)]
    again = [w.lower() for w in words(paragraphs_in_order(rendered))]
    matcher = difflib.SequenceMatcher(None, source, again, autojunk=False)
    lost = [w for tag, i1, i2, _j1, _j2 in matcher.get_opcodes() if tag in ("delete", "replace")
            for w in source[i1:i2]]
    kept = [w for block in matcher.get_matching_blocks() for w in source[block.a:block.a + block.size]]
    assert len(kept) + len(lost) == len(source)
    return lost


def text_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def by_columns(lines: list[str]) -> list[str]:
    """``lines`` with a run of lines typed as two columns (tab-separated) read as the left
    column, then the right one."""
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in [*lines, ""]:
        if "\t" in line:
            first, _tabs, second = line.partition("\t")
            left.append(first)
            right.append(second.strip("\t"))
            continue
        out += left + right + ([line] if line else [])
        left, right = [], []
    return out


# --- the fixtures ---------------------------------------------------------------------------

def test_a_giấy_mời_typed_by_a_department_imports_into_its_invitation():
    plan, result = imported(GIAY_MOI)
    invitation = plan.invitation
    assert invitation.invitees == (
        "Đại diện lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Đại diện lãnh đạo các sở, ban, ngành, đoàn thể tỉnh",
        "Trưởng phòng Văn hóa - Xã hội các xã, phường")
    assert invitation.event == "Hội nghị triển khai công tác phổ biến, giáo dục pháp luật năm 2026"
    assert invitation.chair == "Đồng chí Nguyễn Văn Hùng, Giám đốc Sở Tư pháp"
    assert invitation.time == "01 buổi, bắt đầu từ 08 giờ 00 phút, thứ Hai, ngày 16/3/2026"
    assert invitation.place == ("Hội trường tầng 3, Sở Tư pháp (số 123 đường Trần Hưng Đạo, "
                                "phường Tân Phong)")
    assert plan.title == "Dự Hội nghị triển khai công tác phổ biến, giáo dục pháp luật năm 2026"
    # “Sở Tư pháp trân trọng kính mời:” is what vanban prints from the issuer by itself
    assert plan.issuer.in_text is None
    assert [p.text for p in plan.opening] == [
        ("Đề nghị các cơ quan, đơn vị cử đúng thành phần, tham dự đúng giờ. Tài liệu hội nghị "
         "được đăng tải trên Trang thông tin điện tử Sở Tư pháp.")]
    assert plan.sections == [] and plan.signature.name == "Nguyễn Văn Hùng"
    assert [p.text for p in plan.notes] == [
        "(Văn bản soạn để kiểm thử vanban, không phải văn bản thật.)"]
    assert uncertain(result) == []
    assert lost_words(text_lines(GIAY_MOI), plan) == []
    assert check_file(GIAY_MOI, today=TODAY).problems == []


def test_a_biên_bản_typed_by_a_commune_imports_into_its_record_and_two_signatures():
    plan, result = imported(BIEN_BAN)
    minutes = plan.minutes
    assert minutes.start == "14 giờ 00 phút, ngày 27 tháng 3 năm 2026"
    assert minutes.place == "Phòng họp Ủy ban nhân dân xã Tân Uyên"
    assert minutes.participants == (
        "Ông Vàng Văn Sử, Phó Chủ tịch Ủy ban nhân dân xã, Trưởng Ban Chỉ đạo",
        "Các thành viên Ban Chỉ đạo chuyển đổi số xã", "Đại diện Viettel Lai Châu")
    assert minutes.chair == "Ông Vàng Văn Sử, Trưởng Ban Chỉ đạo"
    assert minutes.secretary == "Bà Lò Thị Hoa, công chức Văn phòng - Thống kê xã"
    assert minutes.end == ("16 giờ 30 phút cùng ngày, đã được đọc lại cho các thành viên dự "
                           "họp cùng nghe và thống nhất")
    assert [s.title for s in plan.sections] == [
        "KẾT QUẢ THỰC HIỆN QUÝ I NĂM 2026", "Ý KIẾN CỦA CÁC THÀNH VIÊN",
        "KẾT LUẬN CỦA CHỦ TRÌ"]
    assert plan.opening == [] and plan.closing == []
    # typed with tabs: THƯ KÝ on the left, CHỦ TRÌ on the right, Nơi nhận under them
    assert (plan.cosigner.titles, plan.cosigner.name) == (("THƯ KÝ",), "Lò Thị Hoa")
    assert (plan.signature.titles, plan.signature.name) == (("CHỦ TRÌ",), "Vàng Văn Sử")
    assert [r.name for r in plan.recipients] == ["Thành viên Ban Chỉ đạo"]
    assert plan.archive.line == "Lưu: VT, BCĐ"
    assert [p.text for p in plan.notes] == [
        "(Đã ký)", "(Đã ký)", "(Văn bản soạn để kiểm thử vanban, không phải văn bản thật.)"]
    warned = uncertain(result)
    assert warned[0].startswith("the sentence “Hôm nay, vào lúc…” is read as the meeting's "
                                "start (“14 giờ 00 phút, ngày 27 tháng 3 năm 2026”) and place "
                                "(“Phòng họp Ủy ban nhân dân xã Tân Uyên”)")
    assert warned[1:4] == [
        ("“Thành phần tham dự gồm:” is read as the form's “Thành phần tham dự”; vanban prints "
         "the form's words"),
        ("“Biên bản kết thúc vào” is read as the form's “Cuộc họp (hội nghị, hội thảo) kết thúc "
         "vào”; vanban prints the form's words"),
        ("lines 27–29 set the two signatures side by side with tabs or spaces; the left one is "
         "read as the thư ký's, the right one as the chủ tọa's (Mẫu 1.9)")]
    assert len(warned) == 6  # and the two “(Đã ký)” kept as notes
    # the reported labels' words, and the “(Đã ký)” moved after the block, are all that
    # re-rendering leaves out of the source read as vanban prints it: column by column
    assert lost_words(by_columns(text_lines(BIEN_BAN)), plan) == [
        "hôm", "nay", "vào", "lúc", "tại", "gồm", "biên", "bản", "đã", "ký", "đã", "ký"]


def test_a_công_điện_imports_its_authority_and_receivers():
    plan, result = imported(CONG_DIEN)
    assert plan.issuing_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert [a.name for a in plan.addressees] == [
        "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh",
        "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Giám đốc Công an tỉnh",
        "Chủ tịch Ủy ban nhân dân các xã, phường"]
    assert plan.title == "Về việc chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất"
    assert len(plan.opening) == 2 and len(plan.sections) == 4
    assert plan.sections[0].content[0].text.startswith("Tổ chức kiểm tra")  # a), b) under 1.
    assert uncertain(result) == []
    assert lost_words(text_lines(CONG_DIEN), plan) == []
    assert check_file(CONG_DIEN, today=TODAY).problems == []


@pytest.mark.parametrize("where", ["in its box", "after the type name"])
def test_a_công_điện_s_urgency_is_read_where_it_is_typed(tmp_path, where):
    source = CONG_DIEN.read_text(encoding="utf-8")
    source = source.replace("Số: 05/CĐ-UBND\n", "Số: 05/CĐ-UBND\nHỎA TỐC\n") \
        if where == "in its box" else source.replace("CÔNG ĐIỆN\n", "CÔNG ĐIỆN HỎA TỐC\n")
    path = write(tmp_path, source)
    plan, result = imported(path)
    assert plan.doctype.code == "CĐ" and plan.urgency == "HỎA TỐC"
    assert plan.issuing_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert uncertain(result) == ([] if where == "in its box" else [
        ("“CÔNG ĐIỆN HỎA TỐC” is read as the type name “CÔNG ĐIỆN” and the urgency mark "
         "“HỎA TỐC”; vanban prints the mark in its own box under the number")])
    assert [p.code for p in check_file(path, today=TODAY).problems] == \
        ([] if where == "in its box" else ["VB011"])


def test_a_công_điện_s_receivers_on_one_line_without_dashes_are_read_and_reported(tmp_path):
    path = write(tmp_path, CONG_DIEN.read_text(encoding="utf-8").replace(
        "- Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh;\n"
        "- Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Giám đốc Công an tỉnh;\n"
        "- Chủ tịch Ủy ban nhân dân các xã, phường.\n",
        "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã.\n"))
    plan, result = imported(path)
    assert [a.name for a in plan.addressees] == [
        "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh", "Chủ tịch Ủy ban nhân dân các xã"]
    assert plan.opening[0].text.startswith("Theo Đài Khí tượng")
    assert uncertain(result) == [
        ("the line under “điện:” is read as the receivers of the Công điện (2); vanban prints "
         "them one a line with “-”")]
    assert [p.code for p in check_file(path, today=TODAY).problems] == ["VB011"]
    assert lost_words(text_lines(path), plan) == []


# --- wordings and layouts ---------------------------------------------------------------------

HEADER = """\
UBND TỈNH LAI CHÂU
SỞ TƯ PHÁP
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 46/GM-STP
Lai Châu, ngày 12 tháng 3 năm 2026
GIẤY MỜI
"""
FOOTER = """\
Nơi nhận:
- Như trên;
- Lưu: VT, PBGDPL.
GIÁM ĐỐC
Nguyễn Văn Hùng
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_invitation_worded_otherwise_is_read_into_the_same_fields(tmp_path):
    path = write(tmp_path, HEADER + """\
Kính mời: Đồng chí Lê Thị Mai, Trưởng phòng Phổ biến, giáo dục pháp luật.
Tới dự cuộc họp góp ý dự thảo Kế hoạch tuyên truyền năm 2026.
Vào lúc 14 giờ 00, ngày 20/3/2026.
Tại Phòng họp số 2, Sở Tư pháp./.
""" + FOOTER)
    plan, result = imported(path)
    assert plan.title == ""  # the form's first line is not a trích yếu
    invitation = plan.invitation
    assert invitation.invitees == ("Đồng chí Lê Thị Mai, Trưởng phòng Phổ biến, giáo dục pháp luật",)
    assert invitation.event == "cuộc họp góp ý dự thảo Kế hoạch tuyên truyền năm 2026"
    assert (invitation.time, invitation.place) == ("14 giờ 00, ngày 20/3/2026",
                                                   "Phòng họp số 2, Sở Tư pháp")
    assert invitation.chair is None and plan.opening == []
    assert plan.issuer.in_text is None  # “Kính mời:” names no one: vanban names the issuer
    assert uncertain(result) == [
        "“Vào lúc” is read as the form's “Thời gian”; vanban prints the form's words",
        "“Tại” is read as the form's “Địa điểm”; vanban prints the form's words"]
    assert lost_words(path.read_text(encoding="utf-8").splitlines(), plan) == [
        "vào", "lúc", "tại"]


def test_an_inviter_named_otherwise_than_vanban_would_is_kept(tmp_path):
    path = write(tmp_path, HEADER + """\
Ban Tổ chức Hội nghị trân trọng kính mời: Đồng chí Lê Thị Mai.
Tới dự Hội nghị tập huấn nghiệp vụ hòa giải ở cơ sở./.
""" + FOOTER)
    plan, _result = imported(path)
    assert plan.issuer.in_text == "Ban Tổ chức Hội nghị"


def test_fields_out_of_the_form_s_order_stay_text_where_they_stand(tmp_path):
    path = write(tmp_path, HEADER + """\
Sở Tư pháp trân trọng kính mời: Đồng chí Lê Thị Mai.
Tới dự Hội nghị tập huấn nghiệp vụ hòa giải ở cơ sở.
Nội dung: Phổ biến Luật Hòa giải ở cơ sở.
Thời gian: 08 giờ 00, ngày 25/3/2026.
Địa điểm: Hội trường Sở Tư pháp./.
""" + FOOTER)
    plan, result = imported(path)
    assert plan.invitation.time is None and plan.invitation.place is None
    assert [p.text for p in plan.opening] == [
        "Nội dung: Phổ biến Luật Hòa giải ở cơ sở.", "Thời gian: 08 giờ 00, ngày 25/3/2026.",
        "Địa điểm: Hội trường Sở Tư pháp."]
    assert uncertain(result) == []
    assert lost_words(path.read_text(encoding="utf-8").splitlines(), plan) == []


def test_without_its_event_an_invitation_is_not_the_form_and_stays_text(tmp_path):
    path = write(tmp_path, HEADER + """\
Sở Tư pháp trân trọng kính mời: Đồng chí Lê Thị Mai.
Thời gian: 08 giờ 00, ngày 25/3/2026./.
""" + FOOTER)
    plan, _result = imported(path)
    assert plan.invitation is None
    assert [p.text for p in plan.opening][:1] == [
        "Sở Tư pháp trân trọng kính mời: Đồng chí Lê Thị Mai."]
    codes = [p.code for p in check_file(path, today=TODAY).problems]
    assert "VB308" in codes  # the form's invitation is missing


MINUTES_HEADER = """\
SỞ TƯ PHÁP
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 07/BB-STP
BIÊN BẢN
Họp giao ban tháng 3 năm 2026
"""


def test_an_end_line_followed_by_text_stays_in_the_body(tmp_path):
    path = write(tmp_path, MINUTES_HEADER + """\
Thời gian bắt đầu: 08 giờ 00, ngày 31/3/2026.
Địa điểm: Phòng họp Sở Tư pháp.
Các phòng báo cáo kết quả tháng 3.
Cuộc họp kết thúc vào 10 giờ 30 cùng ngày.
Biên bản được lập thành 02 bản có giá trị như nhau./.
THƯ KÝ
Trần Thị B
CHỦ TỌA
Nguyễn Văn A
Nơi nhận:
- Các phòng thuộc Sở;
- Lưu: VT, Hồ sơ.
""")
    plan, result = imported(path)
    assert plan.minutes.end is None
    assert [p.text for p in plan.opening][-2:] == [
        "Cuộc họp kết thúc vào 10 giờ 30 cùng ngày.",
        "Biên bản được lập thành 02 bản có giá trị như nhau."]
    # signatures typed one under the other, as a table is flattened: the thư ký's first
    assert (plan.cosigner.titles, plan.cosigner.name) == (("THƯ KÝ",), "Trần Thị B")
    assert (plan.signature.titles, plan.signature.name) == (("CHỦ TỌA",), "Nguyễn Văn A")
    assert [r.name for r in plan.recipients] == ["Các phòng thuộc Sở"]
    assert plan.notes == [] and uncertain(result) == []
    assert lost_words(path.read_text(encoding="utf-8").splitlines(), plan) == []


def test_a_sentence_closed_by_the_participants_label_lists_them(tmp_path):
    path = write(tmp_path, MINUTES_HEADER + """\
Vào hồi 08 giờ 00, ngày 31/3/2026, tại Phòng họp Sở Tư pháp, chúng tôi gồm:
- Ông Nguyễn Văn A, Giám đốc Sở;
- Bà Trần Thị B, chuyên viên.
Chủ tọa: Ông Nguyễn Văn A.
Người ghi biên bản: Bà Trần Thị B.
Cuộc họp kết thúc lúc 10 giờ 30./.
CHỦ TỌA
Nguyễn Văn A
""")
    plan, result = imported(path)
    minutes = plan.minutes
    assert (minutes.start, minutes.place) == ("08 giờ 00, ngày 31/3/2026", "Phòng họp Sở Tư pháp")
    assert minutes.participants == ("Ông Nguyễn Văn A, Giám đốc Sở", "Bà Trần Thị B, chuyên viên")
    assert (minutes.chair, minutes.secretary) == ("Ông Nguyễn Văn A", "Bà Trần Thị B")
    assert minutes.end == "10 giờ 30"
    assert plan.sections == [] and plan.opening == [] and plan.cosigner is None
    assert plan.signature.titles == ("CHỦ TỌA",)
    # the sentence and “kết thúc lúc”; “Chủ tọa:” and “Người ghi biên bản:” say nothing the
    # form's labels leave out
    assert len(uncertain(result)) == 2


# --- Word files written elsewhere -----------------------------------------------------------

def _word(lines: list[str], table: list[list[str]]) -> bytes:
    """A plain Word file: ``lines`` as paragraphs, then a table of cells (lines in a cell
    separated by “\\n”, each its own paragraph)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            cell = grid.cell(r, c)
            parts = text.split("\n")
            cell.paragraphs[0].text = parts[0]
            for part in parts[1:]:
                cell.add_paragraph(part)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_biên_bản_reads_its_signature_table_as_mẫu_1_9_lays_it_out(tmp_path):
    data = _word(MINUTES_HEADER.splitlines() + [
        "Thời gian bắt đầu: 08 giờ 00, ngày 31/3/2026.",
        "Địa điểm: Phòng họp Sở Tư pháp.",
        "Thành phần tham dự: Lãnh đạo Sở và trưởng các phòng.",
        "Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo):",
        "Các phòng báo cáo kết quả tháng 3.",
        "Cuộc họp (hội nghị, hội thảo) kết thúc vào 10 giờ 30 cùng ngày./.",
    ], [["THƯ KÝ", "", "CHỦ TỌA"],
        ["(Chữ ký)", "", "(Chữ ký, dấu)"],
        ["Trần Thị B", "", "Nguyễn Văn A"],
        ["Nơi nhận:\n- Các phòng thuộc Sở;\n- Lưu: VT, Hồ sơ.", "", ""]])
    plan, result = imported(tmp_path / "bien-ban.docx", data)
    assert plan.minutes.participants == ("Lãnh đạo Sở và trưởng các phòng",)
    assert plan.minutes.end == "10 giờ 30 cùng ngày"
    assert [p.text for p in plan.opening] == ["Các phòng báo cáo kết quả tháng 3."]
    assert (plan.cosigner.titles, plan.cosigner.name) == (("THƯ KÝ",), "Trần Thị B")
    assert (plan.signature.titles, plan.signature.name) == (("CHỦ TỌA",), "Nguyễn Văn A")
    assert [r.name for r in plan.recipients] == ["Các phòng thuộc Sở"]
    assert [p.text for p in plan.notes] == ["(Chữ ký)", "(Chữ ký, dấu)"]
    assert uncertain(result) == []


@pytest.mark.parametrize("receivers", [1, 3])
def test_a_word_công_điện_reads_its_receivers_from_their_cell(tmp_path, receivers):
    names = ["Giám đốc các sở", "Chủ tịch Ủy ban nhân dân các xã", "Chỉ huy trưởng Bộ Chỉ huy"]
    lines = [f"- {n};" for n in names[:receivers]]
    lines[-1] = lines[-1][:-1] + "."
    document = docx.Document()
    for line in ["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 06/CĐ-UBND",
                 "Lai Châu, ngày 19 tháng 7 năm 2026", "CÔNG ĐIỆN",
                 "Về việc khắc phục hậu quả mưa lũ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"]:
        document.add_paragraph(line)
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    document.add_paragraph("Các cơ quan, địa phương khẩn trương khắc phục hậu quả mưa lũ./.")
    out = io.BytesIO()
    document.save(out)
    plan, _result = imported(tmp_path / "cong-dien.docx", out.getvalue())
    assert plan.issuing_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert [a.name for a in plan.addressees] == names[:receivers]
    assert [p.text for p in plan.opening] == [
        "Các cơ quan, địa phương khẩn trương khắc phục hậu quả mưa lũ."]


# --- documents issued jointly (liên tịch) -----------------------------------------------------

JOINT_PLAN = """\
UBND TỈNH LAI CHÂU
SỞ TƯ PHÁP - SỞ NỘI VỤ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/KHLT-STP-SNV
Lai Châu, ngày 12 tháng 3 năm 2026
KẾ HOẠCH LIÊN TỊCH
Tuyên truyền pháp luật về cán bộ, công chức năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức pháp luật của cán bộ, công chức.
II. NỘI DUNG
1. Tổ chức 02 hội nghị tuyên truyền.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ thực hiện Kế hoạch này./.
"""
JOINT_SIGNATURES = [("KT. GIÁM ĐỐC SỞ NỘI VỤ", "KT. GIÁM ĐỐC SỞ TƯ PHÁP"),
                    ("PHÓ GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), ("Trần Văn C", "Nguyễn Văn A")]
JOINT_RECIPIENTS = ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, PBGDPL."]


def assert_joint(plan) -> None:
    assert plan.doctype.code == "KH" and plan.symbol == "KHLT-STP-SNV"
    assert plan.issuer.name == ("SỞ TƯ PHÁP - SỞ NỘI VỤ",)
    assert plan.title == "Tuyên truyền pháp luật về cán bộ, công chức năm 2026"
    # the lead body's head signs on the right, the other body's on the left
    assert (plan.signature.titles, plan.signature.name) == (
        ("GIÁM ĐỐC SỞ TƯ PHÁP", "PHÓ GIÁM ĐỐC"), "Nguyễn Văn A")
    assert (plan.cosigner.titles, plan.cosigner.name) == (
        ("GIÁM ĐỐC SỞ NỘI VỤ", "PHÓ GIÁM ĐỐC"), "Trần Văn C")
    assert [r.name for r in plan.recipients] == ["UBND tỉnh"]
    assert plan.notes == []


def test_a_plan_issued_jointly_typed_with_tabs_reads_both_signatures(tmp_path):
    signatures = "".join(f"{left}\t\t\t{right}\n" for left, right in JOINT_SIGNATURES)
    path = write(tmp_path, JOINT_PLAN + signatures + "\n".join(JOINT_RECIPIENTS) + "\n")
    plan, result = imported(path)
    assert_joint(plan)
    assert uncertain(result) == [
        ("“KẾ HOẠCH LIÊN TỊCH” is read as the type name “KẾ HOẠCH” of a document issued "
         "jointly; vanban prints the type name alone, the bodies and their signatures say it "
         "is joint"),
        ("lines 17–19 set two signatures side by side with tabs or spaces; the right one is "
         "read as the document's signature, the left one as the second (cosigner)")]
    assert [p.code for p in check_file(path, today=TODAY).problems] == ["VB011", "VB011"]
    assert lost_words(by_columns(text_lines(path)), plan) == ["liên", "tịch"]


def test_a_word_plan_issued_jointly_reads_its_signature_table_and_nơi_nhận_under_it(tmp_path):
    document = docx.Document()
    for line in JOINT_PLAN.splitlines():
        document.add_paragraph(line)
    grid = document.add_table(rows=len(JOINT_SIGNATURES), cols=2)
    for r, pair in enumerate(JOINT_SIGNATURES):
        for c, text in enumerate(pair):
            grid.cell(r, c).paragraphs[0].text = text
    for line in JOINT_RECIPIENTS:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    plan, result = imported(tmp_path / "lien-tich.docx", out.getvalue())
    assert_joint(plan)
    assert len(uncertain(result)) == 1  # “LIÊN TỊCH” after the type name


def test_one_signature_with_an_appendix_after_it_is_not_two_signatures(tmp_path):
    path = write(tmp_path, JOINT_PLAN.replace("KẾ HOẠCH LIÊN TỊCH", "KẾ HOẠCH") + """\
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, PBGDPL.
GIÁM ĐỐC
Nguyễn Văn A
PHỤ LỤC
DANH MỤC HỘI NGHỊ
Hội nghị tại Sở Tư pháp
""")
    plan, _result = imported(path)
    assert plan.cosigner is None
    assert (plan.signature.titles, plan.signature.name) == (("GIÁM ĐỐC",), "Nguyễn Văn A")
