import pytest

from vanban.text.fold import ascii_fold, fold, slug
from vanban.text.vnformat import (
    POINT_LETTERS,
    PlanDate,
    dateline,
    document_number,
    from_roman,
    group_number,
    month_number,
    parse_date,
    point_letter,
    roman,
    short_date,
)


@pytest.mark.parametrize("date, expected", [
    (PlanDate(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
    (PlanDate(2020, 2, 29), "Hà Nội, ngày 29 tháng 02 năm 2020"),
    (PlanDate(2020, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2020"),
    (PlanDate(2019, 6, 29), "Hà Nội, ngày 29 tháng 6 năm 2019"),
    (PlanDate(2023, 10, 2), "Hà Nội, ngày 02 tháng 10 năm 2023"),
    (PlanDate(2023, 12, 31), "Hà Nội, ngày 31 tháng 12 năm 2023"),
])
def test_dateline_follows_the_decrees_leading_zero_rule(date, expected):
    assert dateline("Hà Nội", date) == expected


def test_dateline_of_a_draft_leaves_day_and_month_blank():
    assert dateline("Bà Rịa - Vũng Tàu", PlanDate(2023)) == "Bà Rịa - Vũng Tàu, ngày   tháng   năm 2023"
    assert dateline("Hà Tĩnh", None).endswith("năm 20..")


@pytest.mark.parametrize("month, text", [(1, "01"), (2, "02"), (3, "3"), (9, "9"), (10, "10"), (12, "12")])
def test_only_january_and_february_take_a_zero(month, text):
    assert month_number(month) == text


@pytest.mark.parametrize("n, text", [(1, "01"), (9, "09"), (10, "10"), (277, "277"), (1488, "1488")])
def test_numbers_below_ten_take_a_leading_zero(n, text):
    assert document_number(n) == text


def test_blank_number_keeps_the_gap_of_the_templates():
    assert document_number(None) == "      "


def test_short_date_uses_the_same_rule():
    assert short_date(PlanDate(2024, 3, 5)) == "05/3/2024"
    assert short_date(PlanDate(2023, 12, 15)) == "15/12/2023"
    assert short_date(PlanDate(2024, 1, 10)) == "10/01/2024"


@pytest.mark.parametrize("text, expected", [
    ("2023-10-02", PlanDate(2023, 10, 2)),
    ("02/10/2023", PlanDate(2023, 10, 2)),
    ("2/10/2023", PlanDate(2023, 10, 2)),
    ("2024-02-29", PlanDate(2024, 2, 29)),
])
def test_parse_date_accepts_iso_and_vietnamese_order(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2023-02-29", "31/04/2024", "2023-13-01", "00/01/2024"])
def test_parse_date_rejects_days_not_in_the_calendar(text):
    with pytest.raises(ValueError, match="calendar"):
        parse_date(text)


@pytest.mark.parametrize("text", ["02.10.2023", "tháng 10", "2023/10/02", "10-02-2023", ""])
def test_parse_date_rejects_other_shapes(text):
    with pytest.raises(ValueError, match="not a date"):
        parse_date(text)


def test_year_alone_is_a_partial_date_only_when_allowed():
    assert parse_date("2023", allow_partial=True) == PlanDate(2023)
    assert not PlanDate(2023).complete
    with pytest.raises(ValueError):
        parse_date("2023")


@pytest.mark.parametrize("n, text", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1994, "MCMXCIV")])
def test_roman_numerals_round_trip(n, text):
    assert roman(n) == text
    assert from_roman(text) == n


def test_from_roman_rejects_malformed_numerals():
    assert from_roman("IIII") is None
    assert from_roman("VX") is None
    assert from_roman("A") is None


def test_points_use_the_vietnamese_alphabet_with_d_stroke_and_without_f_j_w_z():
    assert "".join(POINT_LETTERS) == "abcdđeghiklmnopqrstuvxy"
    assert [point_letter(i) for i in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert point_letter(23) == "y"
    with pytest.raises(ValueError):
        point_letter(24)


def test_group_number_uses_vietnamese_grouping():
    assert group_number(1234567) == "1.234.567"
    assert group_number(1234567.5, decimals=1) == "1.234.567,5"


def test_slug_folds_diacritics_and_drops_separators():
    assert ascii_fold("Sở Tư pháp Đắk Lắk") == "So Tu phap Dak Lak"
    assert slug("Sở Lao động - Thương binh và Xã hội") == "so-lao-dong-thuong-binh-va-xa-hoi"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("///") == "x"


def test_fold_keeps_words_only_for_matching_by_meaning():
    assert fold("  “TỔ CHỨC  THỰC HIỆN:”") == "to chuc thuc hien"
    assert fold("Mục đích, yêu cầu") == "muc dich yeu cau"
    assert fold("Kế hoạch") == fold("ke-hoach") == "ke hoach"
