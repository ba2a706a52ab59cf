"""The page at its edges, opened by a real LibreOffice and measured in the PDF: the foot of
the last page, the stamps and marks of page 1, a long Nơi nhận, a draft beside its final."""

from __future__ import annotations

import itertools

import pdfplumber
import pytest
from pageplans import SIGNER, convert, plan_text

pytestmark = pytest.mark.libreoffice

MM = 72 / 25.4
#: Below the page number, which stands in the top margin (10 mm from the top, 14 pt).
HEADER_MM = 16
RED = (1.0, 0.0, 0.0)
BLACK = (0.0, 0.0, 0.0)

#: Bodies from 14 to 21 one-line paragraphs, the last of 1 to 4 lines, and bottom margins of
#: 20 and 22 mm: the signature block's foot moves down page 1 in steps of 2 to 6 mm, over
#: the bottom margin and onto page 2.
FOOT_SERIES = {f"foot-{n}-{s}-{m}": plan_text(paragraphs=n, last_sentences=s,
                                               layout=f"layout:\n  margin_bottom: {m}")
               for n in range(14, 22) for s in (1, 3, 5, 7) for m in (20, 22)}
STAMPS = {
    "hoa-toc": "urgency: HỎA TỐC\nsecrecy: TỐI MẬT\ncirculation: XEM XONG TRẢ LẠI",
    "thuong-khan": "urgency: THƯỢNG KHẨN\nsecrecy: TUYỆT MẬT",
    "khan": "urgency: KHẨN\nsecrecy: MẬT\ncirculation: LƯU HÀNH NỘI BỘ",
}
#: Each stamp's box (width, height) in mm: Phụ lục I, II.2.b; secrecy: Thông tư 24/2020/TT-BCA.
STAMP_SIZES = {"HỎA TỐC": (30, 8), "THƯỢNG KHẨN": (40, 8), "KHẨN": (20, 8),
               "TỐI MẬT": (30, 8), "TUYỆT MẬT": (40, 8), "MẬT": (20, 8)}
LONG_LIST = [f"UBND phường số {i}" for i in range(1, 26)]
RECIPIENT_SERIES = {f"list-{n}": plan_text(paragraphs=n, recipients=LONG_LIST)
                    for n in range(8, 24, 2)}
ADDRESSEES = {
    "to-two": ["Sở Nội vụ", "Sở Tài chính"],
    "to-long": [("Ủy ban nhân dân các xã, phường, thị trấn trên địa bàn tỉnh và các cơ quan, "
                 "đơn vị có liên quan"), "Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
}
#: Agencies whose names do not fit the header's left column on one line.
LONG_NAMES = {
    "name-brvt": {"superior": "[ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU]",
                  "issuer": "[SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG]"},
    "name-one": {"issuer": "[ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU]"},
    "name-hcm": {"superior": "[SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN THÀNH PHỐ HỒ CHÍ MINH]",
                 "issuer": "[TRUNG TÂM DỊCH VỤ CÔNG ÍCH THÀNH PHỐ HỒ CHÍ MINH]"},
}
PLACES = ("BÀ RỊA - VŨNG TÀU", "THÀNH PHỐ HỒ CHÍ MINH")
#: Trích yếu that wrap: a last line of one word, and one nearly as long as the first.
TITLES = {
    "title-word": "Tổ chức các hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam năm 2026",
    "title-long": ("Tổ chức các hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam năm 2026 "
                   "tại các thôn, bản và trường học trên địa bàn xã An Bình"),
}
DRAFTS = {f"{kind}-{n}{c}": plan_text(paragraphs=n, last_sentences=3, draft=kind == "draft",
                                       marks="circulation: XEM XONG TRẢ LẠI" if c else "")
          for kind in ("draft", "final") for n in (19, 20, 21) for c in ("", "-c")}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    plans = {**FOOT_SERIES, **RECIPIENT_SERIES, **DRAFTS,
             **{name: plan_text(**names) for name, names in LONG_NAMES.items()},
             **{name: plan_text(title=title) for name, title in TITLES.items()},
             **{name: plan_text(addressees=to, doctype="Công văn", title="Ngày hội đọc sách")
                for name, to in ADDRESSEES.items()},
             **{name: plan_text(marks=marks) for name, marks in STAMPS.items()}}
    paths = convert(plans, tmp_path_factory.mktemp("page"))
    opened = {name: pdfplumber.open(path) for name, path in paths.items()}
    yield opened
    for pdf in opened.values():
        pdf.close()


def words(page):
    return page.extract_words(extra_attrs=["non_stroking_color", "size"])


def signer(pdf):
    """(page index, the signer's first name word) of the signature block."""
    for i, page in enumerate(pdf.pages):
        for w in page.extract_words():
            if w["text"] == SIGNER.split()[0]:
                return i, w
    raise AssertionError("no signer")


# --- 1. no empty last page --------------------------------------------------------------------

def test_no_document_ends_with_a_page_holding_only_its_number(pdfs):
    for name in FOOT_SERIES:
        last = pdfs[name].pages[-1]
        texts = [w["text"] for w in last.extract_words()]
        assert not (len(texts) <= 1 and all(t.isdigit() for t in texts)), (name, texts)
        assert SIGNER.split()[-1] in texts, name  # the last page is the signature's


def test_the_series_puts_the_signature_at_every_height_near_the_foot(pdfs):
    """The series is what the test above needs: names ending within a few mm above the
    bottom margin, in small steps, and signatures pushed onto page 2."""
    gaps = []
    for name in FOOT_SERIES:
        index, word = signer(pdfs[name])
        if index == 0:
            margin = int(name.rsplit("-", 1)[1])
            page = pdfs[name].pages[0]
            gaps.append((page.height - word["bottom"]) / MM - margin)
    near = sorted(g for g in gaps if g < 12)
    assert near and near[0] < 2.5, near
    assert all(b - a < 3.5 for a, b in itertools.pairwise(near)), near
    assert any(signer(pdfs[name])[0] == 1 for name in FOOT_SERIES)


# --- 2. stamps and ô 11 --------------------------------------------------------------------

def _box_around(page, word):
    """The frame round ``word``: (left, right, top, bottom) in mm, between the rules' middles,
    and the colours of its four rules."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    vertical = [ln for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.5
                and ln["top"] < cy < ln["bottom"]]
    horizontal = [ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.5
                  and ln["x0"] < cx < ln["x1"]]
    left = max((ln for ln in vertical if ln["x0"] < word["x0"]), key=lambda ln: ln["x0"])
    right = min((ln for ln in vertical if ln["x0"] > word["x1"]), key=lambda ln: ln["x0"])
    top = max((ln for ln in horizontal if ln["top"] < word["top"]), key=lambda ln: ln["top"])
    bottom = min((ln for ln in horizontal if ln["top"] > word["bottom"]),
                 key=lambda ln: ln["top"])
    colours = {tuple(ln["stroking_color"]) for ln in (left, right, top, bottom)}
    return (left["x0"] / MM, right["x0"] / MM, top["top"] / MM, bottom["top"] / MM), colours


def _line_starting(page, text: str):
    """The words of the line that reads ``text``, and their first word."""
    first = text.split()[0]
    for w in page.extract_words(extra_attrs=["non_stroking_color"]):
        if w["text"] != first:
            continue
        line = sorted((v for v in page.extract_words(extra_attrs=["non_stroking_color"])
                       if abs(v["top"] - w["top"]) < 1 and v["x0"] >= w["x0"] - 0.1),
                      key=lambda v: v["x0"])
        if " ".join(v["text"] for v in line).startswith(text):
            return line[:len(text.split())], w
    raise AssertionError(f"no line {text}")


def test_urgency_and_secrecy_stamps_have_their_sizes_and_are_all_red(pdfs):
    measured = {}
    for name, marks in STAMPS.items():
        page = pdfs[name].pages[0]
        for mark in STAMP_SIZES:
            if f": {mark}\n" not in marks + "\n":
                continue
            line, first = _line_starting(page, mark)
            assert all(tuple(w["non_stroking_color"]) == RED for w in line), (name, mark)
            (left, right, top, bottom), colours = _box_around(page, first)
            assert colours == {RED}, (name, mark, colours)
            measured[mark] = (round(right - left, 2), round(bottom - top, 2))
    assert set(measured) == set(STAMP_SIZES)
    for mark, (width, height) in measured.items():
        want_w, want_h = STAMP_SIZES[mark]
        assert abs(width - want_w) <= 0.5 and abs(height - want_h) <= 0.5, (mark, width, height)


def test_the_circulation_instruction_is_boxed_in_black_at_o_11(pdfs):
    """Phụ lục I, IV: ô 11 stands above the header, in the top margin, right of the page's
    centre — over Quốc hiệu; boxed, bold capitals, and not a red stamp."""
    for name, text in (("hoa-toc", "XEM XONG TRẢ LẠI"), ("khan", "LƯU HÀNH NỘI BỘ")):
        page = pdfs[name].pages[0]
        line, first = _line_starting(page, text)
        assert all(tuple(w["non_stroking_color"]) == BLACK for w in line), name
        (left, right, _, bottom), colours = _box_around(page, first)
        assert colours == {BLACK}, name
        assert bottom < 20, name  # in the top margin
        nation, _ = _line_starting(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        centre = (nation[0]["x0"] + nation[-1]["x1"]) / 2 / MM
        assert abs((left + right) / 2 - centre) < 2, name
        assert (left + right) / 2 > page.width / MM / 2
        assert left < line[0]["x0"] / MM and line[-1]["x1"] / MM < right


# --- 4. a long Nơi nhận ----------------------------------------------------------------------

def _blank_at_foot(page, margin_mm: float = 20) -> float:
    below = max(w["bottom"] for w in page.extract_words() if w["top"] > HEADER_MM * MM)
    return (page.height - below) / MM - margin_mm


def test_a_long_list_of_recipients_continues_on_the_next_page(pdfs):
    """The signature block stays whole beside the start of Nơi nhận; the rest of the list
    runs on, so the page before the signature is never left emptier than what moved."""
    continued = 0
    for name in RECIPIENT_SERIES:
        pdf = pdfs[name]
        index, name_word = signer(pdf)
        page = pdf.pages[index]
        titles = [w for w in page.extract_words() if w["text"] == "TỊCH"]
        assert titles and titles[0]["top"] < name_word["top"], name  # one block, one page
        label = next(w for w in page.extract_words() if w["text"] == "Nơi")
        assert abs(label["top"] - titles[0]["top"]) < 20, name  # Nơi nhận beside the titles
        if index > 0:
            first_top = min(w["top"] for w in page.extract_words()
                            if w["top"] > HEADER_MM * MM)
            moved = (name_word["bottom"] - first_top) / MM
            assert _blank_at_foot(pdf.pages[index - 1]) <= moved + 1, name
        last = pdf.pages[-1].extract_words()
        assert any(w["text"] == "Lưu:" for w in last), name
        if len(pdf.pages) > index + 1:
            continued += 1
            assert _blank_at_foot(page) < 10, name  # the list fills the signature's page
    assert continued >= 3


# --- 6. a draft breaks pages as its final ----------------------------------------------------

def _lines(pdf):
    """Each page's line positions below the header (the draft marker stands in the top
    margin of page 1)."""
    return [sorted({round(w["top"] / MM, 1) for w in page.extract_words()
                    if w["top"] > HEADER_MM * MM})
            for page in pdf.pages]


def test_a_draft_breaks_its_pages_exactly_as_its_final(pdfs):
    """With or without a circulation instruction (ô 11) beside its marker."""
    for n in (19, 20, 21):
        for c in ("", "-c"):
            draft, final = pdfs[f"draft-{n}{c}"], pdfs[f"final-{n}{c}"]
            top = draft.pages[0].extract_words()
            assert "DỰ" in [w["text"] for w in top]
            assert _lines(draft) == _lines(final), (n, c)
            if c:  # the marker and ô 11 side by side, apart
                mark = next(w for w in top if w["text"] == "DỰ")
                lai = next(w for w in top if w["text"] == "LẠI")
                assert abs(mark["top"] - lai["top"]) < 3 * MM
                assert lai["x1"] + 3 * MM < mark["x0"]


# --- 3. Kính gửi with several addressees -------------------------------------------------------

def test_the_addressees_dashes_hang_under_the_colon_and_a_line_precedes_the_body(pdfs):
    """Phụ lục I, II.8.a and Mẫu 1.5: each addressee on its line, its dash under the colon of
    “Kính gửi:”, a wrapped addressee under its own words; a blank line before the body."""
    for name, addressees in ADDRESSEES.items():
        page = pdfs[name].pages[0]
        ws = page.extract_words()
        colon = next(w for w in ws if w["text"] == "gửi:")
        dashes = [w for w in ws if w["text"] == "-" and w["top"] > colon["bottom"]
                  and w["x0"] > 40 * MM]
        assert len(dashes) == len(addressees), name
        for dash in dashes:
            assert abs(dash["x0"] - colon["x1"]) < 1 * MM, name
        firsts = [next(w for w in ws if abs(w["top"] - d["top"]) < 1 and w["x0"] > d["x1"])
                  for d in dashes]
        tops = sorted({round(w["top"], 1) for w in ws
                       if dashes[0]["top"] - 1 < w["top"] < dashes[-1]["bottom"]})
        wrapped = [t for t in tops if all(abs(t - d["top"]) > 1 for d in dashes)]
        for top in wrapped:  # a continued addressee starts under the words, not the dash
            first = min((w for w in ws if abs(w["top"] - top) < 1), key=lambda w: w["x0"])
            assert abs(first["x0"] - firsts[0]["x0"]) < 1 * MM, name
        assert bool(wrapped) == (name == "to-long")
        last = max(w["bottom"] for w in ws if abs(w["top"] - dashes[-1]["top"]) < 1)
        body = next(w for w in ws if w["text"] == "Các")
        assert body["top"] - last >= 4.5 * MM, name  # a blank line of 14 pt text


# --- 5. long agency names ----------------------------------------------------------------------

def _header_lines(page):
    """The header's lines above Số, each split into the left column's words and the right's
    (Quốc hiệu and Tiêu ngữ start right of the page's middle)."""
    number = next(w for w in page.extract_words() if w["text"] == "Số:")
    middle = page.width / 2
    rows: dict[int, list[dict]] = {}
    for w in page.extract_words():
        if HEADER_MM * MM < w["top"] < number["top"] - 1:
            rows.setdefault(round(w["top"]), []).append(w)
    out = []
    for _, ws in sorted(rows.items()):
        ws.sort(key=lambda w: w["x0"])
        right_start = next((i for i, w in enumerate(ws) if w["text"] in ("CỘNG", "Độc")),
                           len(ws))
        out.append((ws[:right_start], ws[right_start:]))
        assert all(w["x0"] < middle + 20 * MM for w in ws[:right_start])
    return out


def test_long_agency_names_break_between_their_parts_never_inside_a_place(pdfs):
    for name, names in LONG_NAMES.items():
        lines = _header_lines(pdfs[name].pages[0])
        texts = [" ".join(w["text"] for w in left) for left, _ in lines if left]
        for place in PLACES:
            if place in str(names):
                assert any(place in t for t in texts), (name, texts)  # whole, on one line
        assert not [t for t in texts if t.endswith("-")], (name, texts)
        for left, right in lines:  # the columns' texts never meet
            if left and right:
                assert right[0]["x0"] - left[-1]["x1"] >= 3 * MM, name


# --- 7. the rule under a trích yếu of two lines ----------------------------------------------

def test_the_rule_under_a_two_line_title_suits_its_last_line(pdfs):
    """Phụ lục I, II.5.a: a rule 1/3–1/2 of the line; under two lines, sized towards the last
    line it stands under — no longer than 0.4 of it unless the decree's third of the longest
    line asks for more — and centred."""
    for name in TITLES:
        page = pdfs[name].pages[0]
        ws = page.extract_words(extra_attrs=["fontname"])
        kind = next(w for w in ws if w["text"] == "HOẠCH")
        bold = [w for w in ws if "Bold" in w["fontname"] and w["top"] > kind["bottom"]]
        rows: dict[int, list[dict]] = {}
        for w in bold:
            rows.setdefault(round(w["top"]), []).append(w)
        lines = [(min(w["x0"] for w in r), max(w["x1"] for w in r), max(w["bottom"] for w in r))
                 for _, r in sorted(rows.items())][:2]
        assert len(lines) == 2, name
        rule = min((ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.5
                    and ln["top"] > lines[-1][2]), key=lambda ln: ln["top"])
        length = rule["x1"] - rule["x0"]
        longest = max(x1 - x0 for x0, x1, _ in lines)
        last = lines[-1][1] - lines[-1][0]
        assert longest / 3 - 1 <= length <= longest / 2 + 1, name
        assert length <= max(0.4 * last, longest / 3) + 1, name
        middle = (lines[-1][0] + lines[-1][1]) / 2
        assert abs((rule["x0"] + rule["x1"]) / 2 - middle) < 1.5 * MM, name
