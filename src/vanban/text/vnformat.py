"""Vietnamese conventions of Decree 30/2020/NĐ-CP in one place.

Dates, document numbers, Roman numerals and point letters follow the decree, not a locale
default: Babel's ``vi`` long date is ``5 tháng 3, 2024``, while an official dateline reads
``Hà Nội, ngày 05 tháng 3 năm 2024`` (Phụ lục I, II.4.b: a leading zero for days below 10
and for months 1 and 2 only).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

#: Points (điểm) follow the Vietnamese alphabet without the letters that carry diacritics
#: (ă â ê ô ơ ư) but with đ; f j w z are not Vietnamese letters.
POINT_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")

BLANK_NUMBER = "      "  # the gap the decree's templates leave before "/KH-…" in a draft
BLANK_DAY = "   "


@dataclass(frozen=True, order=True)
class PlanDate:
    """A date that may be only partly known: a draft often has just the year, or the month
    and the year (``ngày   tháng 6 năm 2026``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def complete(self) -> bool:
        return self.month is not None and self.day is not None

    def to_date(self) -> _dt.date | None:
        return _dt.date(self.year, self.month, self.day) if self.complete else None  # type: ignore[arg-type]

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def of(cls, date: _dt.date) -> PlanDate:
        return cls(date.year, date.month, date.day)


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_VN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_YEAR = re.compile(r"\d{4}")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_VN_MONTH = re.compile(r"(\d{1,2})/(\d{4})")


def parse_date(text: str, *, allow_partial: bool = False) -> PlanDate:
    """Parse ``2023-10-02`` or ``02/10/2023`` (or, when ``allow_partial``, the month
    ``2023-10`` / ``10/2023`` or just the year ``2023``).

    Raises ``ValueError`` whose message is a short English reason.
    """
    text = text.strip()
    if m := _ISO.fullmatch(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _VN.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif allow_partial and _YEAR.fullmatch(text):
        return PlanDate(int(text))
    elif allow_partial and (m := _ISO_MONTH.fullmatch(text) or _VN_MONTH.fullmatch(text)):
        year, month = (int(m[1]), int(m[2])) if len(m[1]) == 4 else (int(m[2]), int(m[1]))
        if not 1 <= month <= 12:
            raise ValueError("no such day in the calendar")
        return PlanDate(year, month)
    else:
        raise ValueError("not a date")
    try:
        _dt.date(year, month, day)
    except ValueError:
        raise ValueError("no such day in the calendar") from None
    return PlanDate(year, month, day)


def two_digits(n: int) -> str:
    """Numbers below 10 take a leading zero: ``5`` → ``05``, ``15`` → ``15``."""
    return f"{n:02d}"


def document_number(n: int | None) -> str:
    """The number before the symbol; blank (with the decree's gap) when not yet given."""
    return BLANK_NUMBER if n is None else two_digits(n)


def month_number(month: int) -> str:
    """Only January and February take a leading zero (``01``, ``02``, ``3`` … ``12``)."""
    return two_digits(month) if month <= 2 else str(month)


def dateline(place: str, date: PlanDate | None) -> str:
    """``Bà Rịa - Vũng Tàu, ngày 02 tháng 10 năm 2023``; blanks for what is not known."""
    if date is None:
        return f"{place}, ngày{BLANK_DAY}tháng{BLANK_DAY}năm 20.."
    if date.month is None:
        return f"{place}, ngày{BLANK_DAY}tháng{BLANK_DAY}năm {date.year}"
    if date.day is None:
        return f"{place}, ngày{BLANK_DAY}tháng {month_number(date.month)} năm {date.year}"
    return (f"{place}, ngày {two_digits(date.day)} tháng {month_number(date.month)}"  # type: ignore[arg-type]
            f" năm {date.year}")


def short_date(date: PlanDate) -> str:
    """The in-text form with the same zero rule: ``15/12/2023``, ``05/3/2024``."""
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{month_number(date.month)}/{date.year}"
    return f"{two_digits(date.day)}/{month_number(date.month)}/{date.year}"  # type: ignore[arg-type]


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    if n < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text: str) -> int | None:
    """The value of a well-formed Roman numeral, else None."""
    text = text.upper()
    if not text or any(c not in "MDCLXVI" for c in text):
        return None
    total, i = 0, 0
    for value, letters in _ROMAN:
        while text.startswith(letters, i):
            total += value
            i += len(letters)
    return total if i == len(text) and roman(total) == text else None


def point_letter(n: int) -> str:
    """The letter of the n-th point (1-based): a b c d đ e g h i k … x y."""
    if not 1 <= n <= len(POINT_LETTERS):
        raise ValueError(f"a list of points has at most {len(POINT_LETTERS)} entries")
    return POINT_LETTERS[n - 1]


def group_number(value: int | float, *, decimals: int = 0) -> str:
    """Vietnamese digit grouping through Babel (``1.234.567,5``)."""
    from babel.numbers import format_decimal  # its locale data only when a number is grouped

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="vi")
