"""The rendered plans opened by a real LibreOffice (headless) and measured in the PDF.

Times New Roman is substituted by the metric-compatible Liberation Serif (Debian's
fonts-liberation2), so lines and pages break as they do in Word.
"""

from __future__ import annotations

import pdfplumber
import pytest

from conftest import PLANS_DIR, SEED_TEXT
from textutil import subsequence_rest, words
from vanban import load_plan

pytestmark = pytest.mark.libreoffice

MM = 72 / 25.4
SEED = "277-KH-BCD-2023"


@pytest.fixture(scope="module")
def opened(pdfs):
    docs = {stem: pdfplumber.open(path) for stem, path in pdfs.items()}
    yield docs
    for doc in docs.values():
        doc.close()


def page_words(page):
    return page.extract_words(extra_attrs=["fontname", "size"])


def line_of(words_, first: str, last: str):
    """The words from ``first`` to ``last`` on one line, as (x0, x1, bottom)."""
    for i, w in enumerate(words_):
        if w["text"] == first:
            same = [v for v in words_[i:] if abs(v["bottom"] - w["bottom"]) < 1]
            texts = [v["text"] for v in same]
            if last in texts:
                end = same[texts.index(last)]
                return w["x0"], end["x1"], w["bottom"]
    raise AssertionError(f"no line {first} … {last}")


def rules(page):
    """Single horizontal lines (a stamp's box has two with the same extent: not a rule)."""
    seen = {(round(l["x0"], 1), round(l["x1"], 1), round(l["top"], 1)) for l in page.lines
            if abs(l["top"] - l["bottom"]) < 0.5}
    extents = [(x0, x1) for x0, x1, _ in seen]
    return sorted((r for r in seen if extents.count(r[:2]) == 1), key=lambda r: (r[2], r[0]))


def test_every_plan_converts_and_uses_the_times_metric_font(opened):
    for stem, pdf in opened.items():
        assert len(pdf.pages) >= 1, stem
        fonts = {w["fontname"].split("+")[-1] for page in pdf.pages for w in page_words(page)}
        assert fonts <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                         "LiberationSerif-BoldItalic"}, (stem, fonts)


def test_page_one_has_no_number_and_later_pages_are_numbered_centred_at_the_top(opened):
    for stem, pdf in opened.items():
        plan = load_plan(PLANS_DIR / f"{stem}.yaml")
        top = plan.layout.margin_top * MM
        first = " ".join(w["text"] for w in page_words(pdf.pages[0]) if w["bottom"] <= top)
        expected = plan.draft.label if plan.draft else ""
        assert first == expected, stem  # no page number; a draft shows only its marker
        if len(pdf.pages) < 2:
            continue
        page = pdf.pages[1]
        (number,) = [w for w in page_words(page) if w["bottom"] <= top]
        assert number["text"] == "2"
        assert 13 <= number["size"] <= 14
        left, right = plan.layout.margin_left * MM, page.width - plan.layout.margin_right * MM
        centre = (number["x0"] + number["x1"]) / 2
        assert abs(centre - (left + right) / 2) < 2, stem


def test_the_seed_is_several_pages_and_all_are_numbered(opened):
    pdf = opened[SEED]
    assert len(pdf.pages) >= 4
    for n, page in enumerate(pdf.pages[1:], start=2):
        assert [w["text"] for w in page_words(page) if w["bottom"] <= 20 * MM] == [str(n)]


def test_text_stays_inside_the_margins(opened):
    for stem, pdf in opened.items():
        layout = load_plan(PLANS_DIR / f"{stem}.yaml").layout
        for page in pdf.pages:
            ws = page_words(page)
            assert min(w["x0"] for w in ws) >= layout.margin_left * MM - 0.5, stem
            assert layout.margin_left * MM >= 30 * MM - 0.01
            assert max(w["x1"] for w in ws) <= page.width - layout.margin_right * MM + 0.5, stem
            body = [w for w in ws if w["top"] > layout.margin_top * MM]
            assert max(w["bottom"] for w in body) <= page.height - layout.margin_bottom * MM + 0.5


def test_header_columns_number_and_date_share_a_line(opened):
    page = opened[SEED].pages[0]
    ws = page_words(page)
    issuer = line_of(ws, "BAN", "QUYỀN")
    national = line_of(ws, "CỘNG", "NAM")
    assert issuer[1] < national[0], "the issuer is in the left column, Quốc hiệu in the right"
    assert national[0] > page.width * 0.45
    number = line_of(ws, "Số:", "277/KH-BCĐ")
    date = line_of(ws, "Bà", "2023")
    assert abs(number[2] - date[2]) < 1, "Số and the dateline on the same line"
    assert number[1] < date[0]


def test_rules_under_issuer_motto_and_title_have_the_decrees_lengths(opened):
    for stem, pdf in opened.items():
        page = pdf.pages[0]
        ws = page_words(page)
        found = rules(page)
        assert len(found) == 3, (stem, found)
        issuer_rule, motto_rule, title_rule = sorted(found, key=lambda r: (r[2] > 150, r[0]))
        motto = line_of(ws, "Độc", "phúc")
        assert abs((motto_rule[1] - motto_rule[0]) - (motto[1] - motto[0])) < 2, stem
        assert abs(motto_rule[0] - motto[0]) < 2 and motto_rule[2] > motto[2]
        plan = load_plan(PLANS_DIR / f"{stem}.yaml")
        last_issuer = plan.issuer.name[-1].upper().split()
        issuer = line_of(ws, last_issuer[0], last_issuer[-1])
        ratio = (issuer_rule[1] - issuer_rule[0]) / (issuer[1] - issuer[0])
        assert 1 / 3 <= ratio <= 1 / 2 + 0.02, (stem, ratio)
        centre = (issuer[0] + issuer[1]) / 2
        assert abs((issuer_rule[0] + issuer_rule[1]) / 2 - centre) < 2
        title_lines = {}
        for w in ws:
            if w["size"] >= 13 and "Bold" in w["fontname"] and issuer_rule[2] + 40 < w["top"] < title_rule[2]:
                title_lines.setdefault(round(w["bottom"]), []).append(w)
        widest = max(max(w["x1"] for w in line) - min(w["x0"] for w in line) for line in title_lines.values())
        ratio = (title_rule[1] - title_rule[0]) / widest
        assert 1 / 3 <= ratio <= 1 / 2 + 0.02, (stem, ratio)


def test_recipients_label_is_level_with_the_first_signature_line(opened):
    pdf = opened[SEED]
    page = pdf.pages[-1]
    ws = page_words(page)
    label = line_of(ws, "Nơi", "nhận:")
    title = line_of(ws, "TRƯỞNG", "BAN")
    assert abs(label[2] - title[2]) < 2.5
    assert label[0] <= 20 * MM + 30 * MM  # flush left in the left column
    name = line_of(ws, "Đặng", "Thông")
    assert name[2] - title[2] > 60, "room for the signature and seal"
    sizes = {round(w["size"]) for w in ws if w["text"] in ("Nơi", "nhận:")}
    assert sizes == {12}


def test_the_published_words_survive_layout(opened):
    pdf = opened[SEED]
    text_words = [w["text"] for page in pdf.pages for w in page_words(page)]
    rendered = words([" ".join(text_words)])
    seed = words(SEED_TEXT.read_text(encoding="utf-8").splitlines(), strip_markers=True)
    missing, _ = subsequence_rest(seed, rendered)
    assert missing == []


def test_the_signature_page_carries_the_end_of_the_body(opened):
    for stem, pdf in opened.items():
        (page,) = [p for p in pdf.pages if "Nơi" in [w["text"] for w in page_words(p)]]
        ws = page_words(page)
        label = line_of(ws, "Nơi", "nhận:")
        above = [w for w in ws if w["bottom"] < label[2] - 5 and w["top"] > 20 * MM]
        assert any(w["text"].endswith("./.") for w in above), stem
