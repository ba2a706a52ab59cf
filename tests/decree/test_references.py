"""The “(Kèm theo …)” line and agency names as running text writes them (Phụ lục II)."""

import pytest

from conftest import MINIMAL_PLAN
from vanban import load_plan
from vanban.decree.references import agency_in_text, reference_line
from vanban.text.vnformat import PlanDate


@pytest.mark.parametrize(("printed", "written"), [
    ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Ủy ban nhân dân tỉnh Lai Châu"),
    ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN QUẬN 1", "Ủy ban nhân dân Quận 1"),
    ("HỘI ĐỒNG NHÂN DÂN XÃ TÂN PHÚ", "Hội đồng nhân dân xã Tân Phú"),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
    ("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"),
])
def test_names_whose_capitals_are_certain_are_written_as_a_sentence_writes_them(printed, written):
    assert agency_in_text(printed) == written


@pytest.mark.parametrize("printed", [
    "BAN CHỈ ĐẠO NHÂN QUYỀN",  # which words are the name's own is not in the printed form
    "SỞ NỘI VỤ TỈNH LÂM ĐỒNG",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
])
def test_other_names_are_left_to_the_drafter(printed):
    assert agency_in_text(printed) is None


def test_the_line_names_type_number_date_and_issuer():
    line = reference_line("Quyết định", "312", "QĐ-UBND", PlanDate(2026, 3, 2),
                          "Ủy ban nhân dân tỉnh Lai Châu")
    assert line == ("(Kèm theo Quyết định số 312/QĐ-UBND ngày 02 tháng 3 năm 2026 "
                    "của Ủy ban nhân dân tỉnh Lai Châu)")


def test_what_is_not_known_yet_stays_blank():
    line = reference_line("Kế hoạch", None, "KH-UBND", PlanDate(2026, 1), None)
    assert line == "(Kèm theo Kế hoạch số      /KH-UBND ngày   tháng 01 năm 2026)"


def test_a_plan_names_its_issuer_from_its_name_and_signature(write_plan):
    text = MINIMAL_PLAN.replace("name: SỞ TƯ PHÁP", "name: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU") \
        .replace("titles: GIÁM ĐỐC", "titles: [KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]")
    plan = load_plan(write_plan(text))
    assert plan.issued_by() == "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"
    collective = text.replace("titles: [KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]",
                              "authority: TM.\n  titles: [ỦY BAN NHÂN DÂN, CHỦ TỊCH]")
    assert load_plan(write_plan(collective)).issued_by() == "Ủy ban nhân dân tỉnh Lai Châu"


def test_a_plan_says_how_its_issuer_is_written_when_the_name_leaves_it_uncertain(write_plan):
    text = MINIMAL_PLAN.replace("name: SỞ TƯ PHÁP", "name: BAN CHỈ ĐẠO NHÂN QUYỀN")
    assert load_plan(write_plan(text)).issued_by() is None
    given = text.replace("  abbreviation: STP", "  abbreviation: STP\n  in_text: Ban Chỉ đạo nhân quyền tỉnh")
    plan = load_plan(write_plan(given))
    assert plan.attached_reference() == (
        "(Kèm theo Kế hoạch số 05/KH-STP ngày 05 tháng 3 năm 2024 của Ban Chỉ đạo nhân "
        "quyền tỉnh)")


def test_an_electronic_document_leaves_number_and_day_for_the_signing_system(write_plan):
    plan = load_plan(write_plan(MINIMAL_PLAN + "electronic: true\n"))
    assert plan.attached_reference() == (
        "(Kèm theo Kế hoạch số      /KH-STP ngày   tháng   năm 2024 của Sở Tư pháp)")
