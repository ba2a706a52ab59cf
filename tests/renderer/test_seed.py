"""The bundled plan 277/KH-BCĐ reproduces the published text word for word."""

import io

import docx

from conftest import SEED_PLAN, SEED_TEXT
from textutil import paragraphs_in_order, subsequence_rest, words
from vanban import load_plan
from vanban.renderer import render_bytes
from vanban.text.vnformat import roman


def test_every_word_of_the_published_plan_appears_in_order():
    seed_words = words(SEED_TEXT.read_text(encoding="utf-8").splitlines(), strip_markers=True)
    doc = docx.Document(io.BytesIO(render_bytes(load_plan(SEED_PLAN))))
    rendered = words(paragraphs_in_order(doc))
    missing, extra = subsequence_rest(seed_words, rendered)
    assert missing == []
    # What the rendering adds is exactly what the extracted text lost: the header block
    # (README of the example) and the numbers, which vanban writes itself.
    header = words(["UBND TỈNH BÀ RỊA - VŨNG TÀU", "BAN CHỈ ĐẠO NHÂN QUYỀN",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    items_per_section = [3, 4, 5, 10, 3]
    labels = []
    for section, count in enumerate(items_per_section, start=1):
        labels += [roman(section)] + [str(i) for i in range(1, count + 1)]
    assert extra == header + labels


def test_the_published_duplicate_section_number_is_renumbered():
    doc = docx.Document(io.BytesIO(render_bytes(load_plan(SEED_PLAN))))
    headings = [p.text for p in doc.paragraphs if p.style.name == "VB Section"]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU:", "II. CÔNG TÁC TRỌNG TÂM", "III. NỘI DUNG TUYÊN TRUYỀN",
                        "IV. PHÂN CÔNG NHIỆM VỤ", "V. TỔ CHỨC THỰC HIỆN"]
