"""A decision, the plan it issues and the plan's appendices, opened by a real LibreOffice
(headless) and measured in the PDF: orientation, page numbers per part, the table header on
every page, the (Kèm theo …) lines, the attached plan's first page, the articles' weight."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from decisions import DECISIONS, decision_pdfs, decisions  # noqa: F401 (fixtures)

from textutil import subsequence_rest, words
from vanban import load_plan
from vanban.renderer import build_context

pytestmark = pytest.mark.libreoffice

MM = 72 / 25.4
#: The page number stands in the top margin, above this line on portrait and turned pages.
NUMBER_BAND = 20 * MM
REFERENCE = ("312/QĐ-UBND", "02 tháng 3 năm 2026")
TASK_HEADER = {"STT", "Nhiệm", "vụ", "Cơ", "quan", "chủ", "trì", "phối", "hợp", "Thời", "gian",
               "hoàn", "thành", "Sản", "phẩm"}


@pytest.fixture(scope="module")
def opened(decision_pdfs):  # noqa: F811
    docs = {name: pdfplumber.open(path) for name, path in decision_pdfs.items()}
    yield docs
    for doc in docs.values():
        doc.close()


def page_words(page):
    return page.extract_words(extra_attrs=["fontname", "size"])


def number_of(page) -> str:
    """What the page shows in its top margin: its number, or nothing."""
    return " ".join(w["text"] for w in page_words(page) if w["bottom"] <= NUMBER_BAND)


def text_of(page) -> str:
    return " ".join(w["text"] for w in page_words(page))


def parts(pdf) -> list[list]:
    """The pages of the decision, the attached plan and each appendix: a part starts on a
    page without a number (the decree's rule for a first page)."""
    out: list[list] = []
    for page in pdf.pages:
        if not out or not number_of(page):
            out.append([])
        out[-1].append(page)
    return out


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_the_decision_the_plan_and_two_appendices_each_start_unnumbered(opened, name):
    decision, attached, tasks, targets = parts(opened[name])
    assert "QUYẾT ĐỊNH" in text_of(decision[0])
    assert "KẾ HOẠCH" in text_of(attached[0])
    assert text_of(tasks[0]).startswith("Phụ lục I ")
    assert text_of(targets[0]).startswith("Phụ lục II ")


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_the_task_appendix_is_landscape_and_the_other_pages_portrait(opened, name):
    decision, attached, tasks, targets = parts(opened[name])
    for page in tasks:
        assert page.width > page.height
    for page in [*decision, *attached, *targets]:
        assert page.width < page.height


def test_each_part_numbers_its_pages_from_1(opened):
    decision, attached, tasks, targets = parts(opened["long"])
    assert len(tasks) >= 2 and len(attached) >= 2
    for part in (decision, attached, tasks, targets):
        assert number_of(part[0]) == ""
        assert [number_of(p) for p in part[1:]] == [str(n) for n in range(2, len(part) + 1)]
    for page in [*attached[1:], *tasks[1:]]:
        (number,) = [w for w in page_words(page) if w["bottom"] <= NUMBER_BAND]
        assert 13 <= number["size"] <= 14 and "Bold" not in number["fontname"]
        centre = (number["x0"] + number["x1"]) / 2
        sides = (30 * MM, page.width - 15 * MM) if page.width < page.height else \
            (20 * MM, page.width - 20 * MM)
        assert abs(centre - sum(sides) / 2) < 2


def test_the_task_table_header_is_on_top_of_every_page(opened):
    _decision, _attached, tasks, _targets = parts(opened["long"])
    for page in tasks:
        table = [w for w in page_words(page) if w["bottom"] > NUMBER_BAND]
        if page is tasks[0]:  # below the appendix's heading and its rule
            table = [w for w in table if w["top"] > min(
                w["top"] for w in table if w["text"] == "STT") - 15]
        top = min(w["top"] for w in table)
        band = {w["text"] for w in table if w["top"] < top + 30}
        assert TASK_HEADER <= band, band
        header = [w for w in table if w["text"] == "STT"]
        assert header and "Bold" in header[0]["fontname"] and header[0]["size"] == 13
    rows = [w["text"] for page in tasks for w in page_words(page)
            if w["x0"] < 30 * MM and re.fullmatch(r"\d+", w["text"])
            and w["bottom"] > NUMBER_BAND]
    assert rows == [str(n) for n in range(1, len(rows) + 1)] and len(rows) >= 20


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_the_kem_theo_lines_cite_the_decisions_number_and_date(opened, name):
    _decision, attached, tasks, targets = parts(opened[name])
    for part in (attached, tasks, targets):
        italic = " ".join(w["text"] for w in page_words(part[0]) if "Italic" in w["fontname"])
        assert italic.startswith("(Kèm theo Quyết định số")
        for piece in REFERENCE:
            assert piece in italic


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_the_attached_plan_has_its_type_and_title_but_no_number_and_no_signature(opened, name):
    plan = load_plan(DECISIONS[name])
    _decision, attached, _tasks, _targets = parts(opened[name])
    first = page_words(attached[0])
    line = [w for w in first if w["text"] == "KẾ"]
    assert line and "Bold" in line[0]["fontname"]
    title = " ".join(w["text"] for w in first if "Bold" in w["fontname"] and w["size"] == 14)
    assert plan.attachment.title in title
    text = " ".join(text_of(p) for p in attached)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text_of(attached[0])
    assert "Số:" not in text and "Nơi nhận" not in text
    assert plan.signature.name not in text and "CHỦ TỊCH" not in text
    assert text.endswith("./.") or "./." in text


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_an_articles_number_is_bold_and_its_text_regular(opened, name):
    decision = parts(opened[name])[0]
    ws = [w for page in decision for w in page_words(page)]
    for i, w in enumerate(ws):
        if w["text"] == "Điều" and ws[i + 1]["text"] in ("1.", "2.", "3."):
            assert "Bold" in w["fontname"] and "Bold" in ws[i + 1]["fontname"]
            following = ws[i + 2]
            assert following["fontname"].split("+")[-1] == "LiberationSerif", following


def _printed_lines(plan) -> list[str]:
    """The text of the decision, the attached plan and its appendices in order, but not
    their tables (a PDF reads a table across its columns, line by line)."""
    context = build_context(plan)
    lines = [b["text"] for b in context["bases"]]
    lines += [f"{b['label']} {b['text']}" for b in context["body"]]
    for part in context["parts"]:
        lines += [part["label"], part["title"], part["reference"]]
        lines += [f"{b['label']} {b['text']}" for b in part["body"] if b["kind"] != "table"]
    return lines


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_every_word_is_printed_in_order(opened, name):
    plan = load_plan(DECISIONS[name])
    # headings are shown in capitals by their style: compare without case
    printed = words([" ".join(text_of(p) for p in opened[name].pages).lower()])
    expected = words([line.lower() for line in _printed_lines(plan)])
    missing, _extra = subsequence_rest(expected, printed)
    assert missing == []
    cells = {w for part in build_context(plan)["parts"] for b in part["body"]
             if b["kind"] == "table" for row in b["rows"]
             for cell in (row["cells"] or [[row["group"]]]) for p in cell
             for w in words([p.lower()])}
    assert cells <= set(printed)
