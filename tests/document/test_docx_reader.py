"""The Word reader on the real files of the corpus and on small files built for one feature."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import CORPUS, CORPUS_DOCX
from docxbuild import build, line_shape, para
from vanban.document.model import Document
from vanban.document.reader import read_document
from vanban.errors import UsageError

DOCX = CORPUS / "docx"


@cache
def read(name: str) -> Document:
    return read_document(DOCX / f"{name}.docx")


def built(body: str, **kwargs) -> Document:
    return read_document(Path("built.docx"), build(body, **kwargs))


def texts(document: Document) -> list[str]:
    return [p.text for p in document.paras]


def under(document: Document) -> list[str]:
    """The text each drawn line is under, in order."""
    return [document.paras[line.under].text for line in document.lines if line.under is not None]


# --- every real file -------------------------------------------------------------------------

@pytest.mark.parametrize("path", CORPUS_DOCX, ids=lambda p: p.stem[:32])
def test_every_corpus_file_reads_into_consistent_units(path):
    document = read(path.stem)
    assert document.kind == "docx" and document.paras
    assert [p.index for p in document.paras] == list(range(len(document.paras)))
    numbers = [p.number for p in document.paras]
    assert numbers == sorted(numbers) and numbers[0] == 1
    for unit in document.paras:
        assert unit.format is not None
        assert (unit.zone == "table") == (unit.cell is not None)
        assert unit.text == unit.text.strip()
    for table in document.tables:  # each cell once, each unit in one cell of its table
        assert len({(c.row, c.col) for c in table.cells}) == len(table.cells)
        units = [u for c in table.cells for u in c.units]
        assert len(units) == len(set(units))
    spans = [s.units for s in document.sections]
    assert spans[0][0] == 0 and spans[-1][1] == len(document.paras)
    assert all(a[1] == b[0] for a, b in pairwise(spans))


#: The last line of the issuing body in each file: the rule drawn under it.
ISSUER_LAST = {
    "bc-bcd-khcn-cds-lamdong-2025-de-an-06-thang-11": "CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06",
    "bc-ttpvhcc-lamdong-2025-chat-luong-phuc-vu-766": "HÀNH CHÍNH CÔNG",
    "cv-bcd-khcn-cds-lamdong-2025-nhiem-vu-de-an-06": "CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06",
    "cv-so-noi-vu-lamdong-2025-bao-cao-quan-ly-hoi": "SỞ NỘI VỤ",
    "cv-so-noi-vu-lamdong-2025-chuc-danh-hoi-quan-chung": "SỞ NỘI VỤ",
    "cv-ubnd-tinh-binhthuan-3083-2025-ket-qua-dai-hoi-hiep-hoi": "TỈNH BÌNH THUẬN",
    "kh-ttdd-htd-mien-nam-2024-quoc-phong-quan-su": "HỆ THỐNG ĐIỆN MIỀN NAM",
    "pt-vp-ubnd-tinh-lamdong-2025-phieu-trinh-110": "VĂN PHÒNG",
    "qd-ttdd-htd-mien-nam-2024-danh-so-tram-110kv": "HỆ THỐNG ĐIỆN MIỀN NAM",
    "qd-ubnd-tinh-binhthuan-2025-dieu-le-hiep-hoi-nuoc-mam": "TỈNH BÌNH THUẬN",
    "ttr-cong-an-tinh-lamdong-409-2025-xa-khong-ma-tuy": "CÔNG AN TỈNH LÂM ĐỒNG",
    "ttr-so-noi-vu-binhthuan-2114-2025-dai-hoi-hiep-hoi": "SỞ NỘI VỤ",
}


@pytest.mark.parametrize("path", CORPUS_DOCX, ids=lambda p: p.stem[:32])
def test_the_tieu_ngu_and_the_issuer_have_a_line_drawn_under_them(path):
    document = read(path.stem)
    lines = under(document)
    motto = next(p.text for p in document.paras if p.text.startswith(("Độc lập", "Độc Lập")))
    assert motto in lines
    assert ISSUER_LAST.get(path.stem, "TỈNH LÂM ĐỒNG") in lines
    assert all(abs(line.centre_offset_mm) < 15 for line in document.lines)


def test_a_rule_is_under_the_last_line_of_a_trich_yeu_typed_over_two_paragraphs():
    # anchored in the authority line below, inside that paragraph's space before
    document = read("qd-ubnd-tinh-lamdong-2025-hoi-dong-xa-khong-ma-tuy")
    assert "và đề nghị xét duyệt địa bàn cấp tỉnh không ma túy" in under(document)
    # anchored in the Quốc hiệu paragraph, two lines down: under the Tiêu ngữ after the break
    document = read("qd-ubnd-tinh-lamdong-2026-ban-chi-dao-du-lieu")
    (motto,) = [line for line in document.lines if document.paras[line.anchor].text.startswith(
        "CỘNG HÒA")]
    assert document.paras[motto.under].text == "Độc lập - Tự do - Hạnh phúc"
    assert document.paras[motto.under].part == 1


@pytest.mark.parametrize("name, count", [
    ("bc-ttpvhcc-lamdong-2025-chat-luong-phuc-vu-766", 3),  # one more line off the page
    ("qd-ubnd-tinh-lamdong-2025-doi-ung-cuu-su-co-attt", 3),  # three copies parked metres away
    ("pt-vp-ubnd-tinh-lamdong-2025-phieu-trinh-110", 2),  # tick boxes, a zero-length connector
    ("kh-ubnd-tinh-lamdong-2026-kiem-tra-cchc-du-thao", 4),  # the DỰ THẢO box is no line
])
def test_shapes_off_the_page_boxes_and_dots_are_not_lines(name, count):
    document = read(name)
    assert len(document.lines) == count
    assert all(line.under is not None and line.length_mm > 5 for line in document.lines)


def test_white_paragraph_borders_are_not_lines():
    document = read("bc-bcd-khcn-cds-lamdong-2025-de-an-06-thang-11")  # 43 white boxes
    assert not any(line.border for line in document.lines)


def test_a_smart_tag_keeps_its_word():
    for name in ("ttr-cong-an-tinh-lamdong-409-2025-xa-khong-ma-tuy",
                 "cv-so-noi-vu-lamdong-2025-chuc-danh-hoi-quan-chung",
                 "qd-ubnd-tinh-lamdong-2026-cong-bo-chi-so-cchc"):
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts(read(name)), name


def test_text_is_nfc():
    document = read("cv-ubnd-tinh-lamdong-2025-cai-thien-chi-so-par-index")
    assert document.paras[0].text == "ỦY BAN NHÂN DÂN"


def test_vertically_merged_cells_are_read_once():
    document = read("pt-vp-ubnd-tinh-lamdong-2025-phieu-trinh-110")
    assert Counter(texts(document))["LÃNH ĐẠO VĂN PHÒNG"] <= 1
    grid = document.tables[-1]
    merged = [c for c in grid.cells if c.row_span == 2]
    assert len(merged) == 1 and merged[0].col == 2
    assert grid.cell(2, 2) is merged[0]
    document = read("kh-ubnd-tinh-lamdong-2025-cchc-nam-2026")
    tasks = document.tables[2]
    assert [c.row for c in tasks.cells if c.row_span == 2 and c.col == 0] == [51, 53, 56]


def test_a_row_starts_at_its_grid_before_column():
    document = read("cv-ubnd-tinh-lamdong-2025-tham-muu-cv-3980-c04")
    header = document.tables[0]
    assert header.cols == 4
    assert sorted((c.row, c.col) for c in header.cells if c.row < 2) == [(0, 1), (0, 2),
                                                                         (1, 1), (1, 2)]


def test_a_nested_signature_table_is_read_where_it_stands():
    document = read("bc-bcd-khcn-cds-lamdong-2025-de-an-06-thang-11")
    nested = [t for t in document.tables if t.parent is not None]
    assert len(nested) == 1
    inner = nested[0]
    outer = document.tables[inner.parent.table]
    signer = next(p for p in document.paras if p.text == "TM. BAN CHỈ ĐẠO")
    assert signer.cell.table == inner.index and signer.cell.depth == 1
    assert signer.index in outer.cell(0, 0).units  # a nested table's units are its cell's too


def test_manual_line_breaks_cut_a_paragraph_into_units():
    document = read("qd-ubnd-tinh-lamdong-2026-ban-chi-dao-du-lieu")
    national, motto = [p for p in document.paras if p.number == 3][:2]
    assert (national.text, motto.text) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                           "Độc lập - Tự do - Hạnh phúc")
    assert (national.part, motto.part) == (0, 1)
    assert motto.col == len(national.raw) + 1  # its place in the paragraph's text
    whole = document.paragraph_texts()[motto.number - 1]
    assert whole.startswith(national.raw + "\n") and whole[motto.col:].startswith(motto.text)
    assert len(document.paragraph_texts()) == document.paras[-1].number
    label = next(p for p in document.paras if p.text == "Nơi nhận:")
    assert [(p.part, p.text) for p in document.paras if p.number == label.number] == [
        (0, "Nơi nhận:"), (1, "- Như Điều 8;")]


def test_word_list_numbers_start_their_paragraphs():
    document = read("kh-ubnd-tinh-lamdong-2025-cchc-nam-2026")
    numbered = [(p.auto_label, p.text) for p in document.paras if p.auto_label]
    assert numbered[0] == ("1.", "1. Cải cách thể chế")
    assert [label for label, _text in numbered] == [
        "1.", "2.", "3.", "4.", "5.", "6.", "7.", "a)", "b)", "c)", "a)", "b)"]
    document = read("bc-ttpvhcc-lamdong-2025-chat-luong-phuc-vu-766")
    assert any(p.text == "a) Kết quả đánh giá tổng hợp chung" for p in document.paras)


def test_the_draft_box_floats_and_stays_out_of_the_text():
    document = read("kh-ubnd-tinh-lamdong-2026-kiem-tra-cchc-du-thao")
    (box,) = document.floating
    assert box.text == "DỰ THẢO"
    assert document.paras[box.anchor].text.startswith("Số:")
    assert not any("DỰ THẢO" in t for t in texts(document))


def test_footnotes_are_read_apart_and_referenced_from_their_unit():
    document = read("bc-ubnd-tinh-lamdong-2025-cchc-nam-2025")
    assert len(document.footnotes) == 17 and min(document.footnotes) == 1
    assert document.footnotes[1].startswith("Thường trực Tỉnh ủy và Ủy ban nhân dân tỉnh")
    referenced = [i for p in document.paras for i in p.footnotes]
    assert sorted(referenced) == sorted(document.footnotes)
    assert not any(document.footnotes[1][:60] in t for t in texts(document))


def test_landscape_sections_and_their_wide_tables():
    document = read("kh-ubnd-tinh-lamdong-2025-cchc-nam-2026")
    portrait, appendix = document.sections
    assert not portrait.landscape and appendix.landscape and appendix.wide_table
    assert appendix.margins_mm["top"] == pytest.approx(30, abs=0.1)
    document = read("bc-ubnd-tinh-lamdong-2025-cchc-nam-2025")
    assert [s.landscape for s in document.sections] == [False] + [True] * 8
    assert document.sections[1].width_mm == pytest.approx(279.4, abs=0.1)


def test_page_numbers_in_content_controls_by_tabs_and_in_footers():
    numbered = read("bc-ttpvhcc-lamdong-2025-chat-luong-phuc-vu-766").sections[0]
    assert numbered.page_number.where == "header" and numbered.page_number.centred
    assert numbered.title_page and not numbered.first_page_number
    by_tabs = read("kh-ubnd-tinh-lamdong-2026-thi-dua-cchc").sections[0].page_number
    assert by_tabs.centred and by_tabs.size == 13
    footer = read("cv-so-noi-vu-lamdong-2025-bao-cao-quan-ly-hoi").sections[0].page_number
    assert footer.where == "footer" and not footer.centred
    assert read("cv-ubnd-tinh-binhthuan-3083-2025-ket-qua-dai-hoi-hiep-hoi").sections[
        0].page_number is None
    assert read("pt-vp-ubnd-tinh-lamdong-2025-phieu-trinh-110").sections[0].page_number is None
    charter = read("qd-ubnd-tinh-lamdong-2025-phe-duyet-dieu-le-lien-doan-taekwondo").sections
    assert [s.restart for s in charter] == [1, 2]
    assert charter[1].first_page_number  # inherited default header plus its own first page


def test_hidden_white_text_and_leading_tabs():
    white = read("cv-so-noi-vu-lamdong-2025-bao-cao-quan-ly-hoi")
    assert next(p for p in white.paras if p.text == "Hdfđ").format.hidden
    tabs = read("bc-ubnd-tinh-lamdong-2025-cchc-nam-2025")
    indented = [p for p in tabs.paras if p.raw.startswith("\t") and p.cell is None and p.text]
    assert indented and all(p.format.first_line_mm == pytest.approx(12.7, abs=0.1)
                            for p in indented[:10])


def test_a_line_aligned_by_hand_has_its_pieces():
    document = read("qd-ttdd-htd-mien-nam-2024-danh-so-tram-110kv")
    label = next(p for p in document.paras if p.text.startswith("Nơi nhận:"))
    assert [text for _col, text in label.segments] == ["Nơi nhận:", "KT.GIÁM ĐỐC"]
    left, right = label.segment_formats
    assert (left.italic, left.size, right.italic, right.size) == (True, 12, False, 13)
    col, text = label.segments[1]
    assert label.text[col:].startswith(text)


# --- small files, one feature each -------------------------------------------------------

def test_pending_insertions_count_and_deletions_do_not():
    document = built(
        '<w:p><w:r><w:t xml:space="preserve">Kế hoạch </w:t></w:r>'
        '<w:ins w:id="1" w:author="A"><w:r><w:t>năm 2026</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="A"><w:r><w:delText>năm 2025</w:delText></w:r></w:del></w:p>')
    assert texts(document) == ["Kế hoạch năm 2026"]


def test_a_paragraph_deleted_with_its_mark_is_gone_and_a_deleted_row_too():
    deleted = ('<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>'
               '<w:del w:id="4" w:author="A"><w:r><w:delText>KT. CHỦ TỊCH</w:delText></w:r>'
               '</w:del></w:p>')
    row = '<w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>'
    document = built(
        '<w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p>' + deleted +
        '<w:p><w:r><w:t>CHỦ TỊCH</w:t></w:r></w:p>'
        '<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>' + row.format("Hàng 1") +
        row.format("Hàng 2").replace(
            "<w:tr>", '<w:tr><w:trPr><w:del w:id="5" w:author="A"/></w:trPr>') +
        row.format("Hàng 3") + '</w:tbl>')
    assert texts(document) == ["ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hàng 1", "Hàng 3"]
    assert [p.number for p in document.paras[:2]] == [1, 3]  # Word still counts it
    assert document.tables[0].rows == 2
    assert sum(document.pending_changes.values()) == 3


def test_field_results_count_and_instructions_do_not():
    document = built(
        '<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>01/02/2026</w:t></w:r></w:fldSimple>'
        '<w:r><w:t xml:space="preserve"> và </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF x </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Điều 2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:noBreakHyphen/></w:r>'
        '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>')
    assert texts(document) == ["01/02/2026 và Điều 2-•"]


def test_content_controls_inline_and_block_are_read():
    document = built(
        '<w:sdt><w:sdtPr/><w:sdtContent>'
        '<w:p><w:r><w:t xml:space="preserve">Kính gửi: </w:t></w:r>'
        '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>Sở Nội vụ</w:t></w:r></w:sdtContent></w:sdt>'
        '</w:p></w:sdtContent></w:sdt>' + para("Nội dung"))
    assert texts(document) == ["Kính gửi: Sở Nội vụ", "Nội dung"]
    assert [p.number for p in document.paras] == [1, 2]


def test_a_text_box_is_read_once_apart_from_its_paragraph():
    document = built('<w:p>' + line_shape(8, 7, 32, geometry="rect", box="DỰ THẢO") +
                     '<w:r><w:t>Số: 12/KH-UBND</w:t></w:r></w:p>')
    assert texts(document) == ["Số: 12/KH-UBND"]
    assert [(f.anchor, f.text) for f in document.floating] == [(0, "DỰ THẢO")]
    assert document.lines == []


def test_a_drawn_line_is_under_the_text_before_its_empty_anchor():
    document = built(para("TỈNH LÂM ĐỒNG", '<w:jc w:val="center"/>') +
                     '<w:p>' + line_shape(62.5, 0.5, 35) + '</w:p>')
    (line,) = document.lines
    assert (line.under, line.anchor, line.border) == (0, 1, False)
    assert line.length_mm == pytest.approx(35)
    assert line.column_mm == pytest.approx(160, abs=0.1)
    assert line.centre_offset_mm == pytest.approx(62.5 + 17.5 - 80, abs=0.1)


def test_a_line_off_the_page_or_a_tall_one_is_not_a_rule():
    document = built(para("TỈNH LÂM ĐỒNG") + '<w:p>' + line_shape(175, 1, 60) +
                     line_shape(10, 1, 30, cy_mm=5) + line_shape(10, 1, 0.5) + '</w:p>')
    assert document.lines == []


def test_a_bottom_border_is_a_line_and_a_white_one_is_not():
    border = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:color="{}"/></w:pBdr>'
    document = built(para("Trích yếu", border.format("auto")) +
                     para("Trắng", border.format("FFFFFF")) +
                     para("", border.format("000000")))
    assert [(line.under, line.border) for line in document.lines] == [(0, True), (1, True)]


def test_word_numbering_labels_follow_counters_overrides_and_formats():
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/>'
        '<w:lvlText w:val="%1.%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%3)"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="-"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>')

    def item(num: int, level: int, text: str) -> str:
        return para(text, f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/>'
                          '</w:numPr>')

    document = built(item(1, 0, "Mục") + item(1, 1, "Khoản") + item(1, 2, "Điểm") +
                     item(1, 2, "Điểm") + item(1, 0, "Mục") + item(2, 2, "Điểm") +
                     item(3, 0, "Ý") + para("Typed"), numbering=numbering)
    assert [p.auto_label for p in document.paras] == ["I.", "1.1.", "a)", "b)", "II.", "d)",
                                                      "-", None]
    assert texts(document)[:2] == ["I. Mục", "1.1. Khoản"]


def test_sections_inherit_headers_and_find_page_in_a_simple_field():
    header = ('<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
              '<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
              '<w:t>2</w:t></w:r></w:fldSimple></w:p></w:sdtContent></w:sdt>')
    body = para("Một", '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:titlePg/></w:sectPr>') + \
        para("Hai")
    document = built(body, header=header, title_page=True)
    first, second = document.sections
    assert first.page_number is None  # its own section properties name no header
    assert second.page_number.centred and second.page_number.size == 14
    assert second.title_page and not second.first_page_number
    assert (first.units, second.units) == ((0, 1), (1, 2))


def test_a_number_of_pages_field_is_not_a_page_number():
    header = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText> NUMPAGES </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    assert built(para("x"), header=header).sections[0].page_number is None


# --- files that are not what they claim ----------------------------------------------------

def _zip(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("data, reason", [
    (b"not a zip at all", "not a Word .docx file"),
    (_zip({"word/document.xml": b"\0" * (3 << 20)}), "zip bomb"),
    (_zip({"[Content_Types].xml": b"<Types/>"}), "not a Word .docx file"),
])
def test_hostile_or_broken_files_are_refused_with_the_files_name(data, reason):
    with pytest.raises(UsageError) as error:
        read_document(Path("hostile.docx"), data)
    assert "hostile.docx" in error.value.message("en") and reason in error.value.message("en")


def test_a_part_too_large_is_refused_before_it_is_inflated(monkeypatch):
    from vanban.document.docx import package

    monkeypatch.setattr(package, "MAX_PART", 1 << 20)
    data = _zip({"word/document.xml": b"x" * (2 << 20)}, zipfile.ZIP_STORED)
    with pytest.raises(UsageError) as error:
        read_document(Path("big.docx"), data)
    assert "2 MB uncompressed" in error.value.message("en")


def test_a_table_claiming_a_billion_columns_is_read_within_words_limits():
    document = built(
        '<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr>'
        '<w:trPr><w:gridBefore w:val="999999999"/></w:trPr>'
        '<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr>' + para("A") + '</w:tc>'
        '</w:tr></w:tbl>' + para("B"))
    assert texts(document) == ["A", "B"] and document.tables[0].cols <= 126


def test_xml_nested_too_deep_is_refused_not_a_traceback():
    good = build(para("x"))
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    deep = "<w:tbl><w:tr><w:tc>" * 120 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 120
    xml = members["word/document.xml"].decode("utf-8")
    members["word/document.xml"] = xml.replace("<w:body>", "<w:body>" + deep, 1).encode()
    with pytest.raises(UsageError) as error:
        read_document(Path("deep.docx"), _zip(members))
    assert "deep.docx" in error.value.message("en")
