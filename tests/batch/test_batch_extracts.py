"""Per-agency extracts: the right parts, the plan's numbers, and the pipeline's exact layout."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from batchutil import custom_properties, parts_of
from conftest import PLAN_FILES, PLANS_DIR
from docxread import font_of
from textutil import paragraphs_in_order
from vanban import load_plan
from vanban.batch import BatchRequest, CopyKind, Selection, run_batch
from vanban.batch.extracts import Extractor
from vanban.batch.fragments import frame_plan, region_blocks
from vanban.batch.render import learn_template, render_parts
from vanban.errors import UsageError
from vanban.renderer import build_context, default_template, render_bytes

FLOOD = PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"
SEED = PLANS_DIR / "277-KH-BCD-2023.yaml"


def texts(plan):
    return [f"{b['label']} {b['text']}".strip() for b in build_context(plan)["body"]]


def test_selection_words():
    sel = Selection.parse("I, v ,organisation, closing, Mục đích, can-cu")
    assert sel.numbers == (1, 5)
    assert sel.parts == ("organisation", "purpose")
    assert sel.closing and sel.bases and not sel.opening
    assert Selection.parse(None).empty
    with pytest.raises(UsageError) as err:
        Selection.parse("I, phần cuối")
    assert "phần cuối" in err.value.message("en")


def test_an_extract_keeps_the_agencys_tasks_under_their_original_numbers():
    plan = load_plan(FLOOD)
    extract = Extractor(plan).extract("Công an tỉnh")
    assert texts(extract) == [
        "(Trích các nội dung liên quan đến Công an tỉnh)",
        "II. Nhiệm vụ, giải pháp",  # shown in capitals by its style
        "1. Công tác chuẩn bị trước mùa mưa lũ",
        "a) Rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro.",
        "- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.",
        "- Cơ quan phối hợp: Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh.",
        "- Thời hạn hoàn thành: trước ngày 30/4/2026.",
        "- Sản phẩm: Phương án ứng phó thiên tai năm 2026 được phê duyệt.",
        "2. Công tác ứng phó khi thiên tai xảy ra",
        # "a)" as in the plan: the paragraph before it is not the agency's and is left out
        "a) Triển khai lực lượng, phương tiện tìm kiếm cứu nạn theo phương án được duyệt.",
        "- Cơ quan chủ trì: Bộ Chỉ huy Quân sự tỉnh.",
        "- Cơ quan phối hợp: Công an tỉnh.",
        "- Thời gian thực hiện: Khi có thiên tai xảy ra./.",
    ]
    # header, title, signature and Nơi nhận are the plan's own
    full, part = build_context(plan), build_context(extract)
    for key in ("issuer", "number_line", "dateline", "title", "signature", "recipients"):
        assert part[key] == full[key]


def test_an_agency_block_comes_whole_and_common_sections_are_added_whole():
    plan = load_plan(FLOOD)
    extract = Extractor(plan).extract("Sở Tài chính", Selection.parse("purpose, closing"))
    lines = texts(extract)
    assert lines[1] == "I. Mục đích, yêu cầu"  # capitals come from the style
    assert "b) Bảo vệ tính mạng, tài sản của Nhân dân, tài sản của Nhà nước; giảm thiểu thiệt hại về người và tài sản." in lines
    assert lines[lines.index("IV. Tổ chức thực hiện") + 1:] == [
        "2. Sở Tài chính",
        "Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.",
        plan.closing[0].text + "/.",
    ]
    assert not any("Sở Xây dựng" in line for line in lines)


def test_an_agency_without_tasks_has_no_extract_and_parts_take_whole_sections():
    extractor = Extractor(load_plan(SEED))
    assert extractor.extract("Sở Không Có") is None
    parts = extractor.parts(Selection.parse("I, V"))
    assert [s.heading for s in parts.sections] == ["MỤC ĐÍCH, YÊU CẦU:", "TỔ CHỨC THỰC HIỆN"]
    assert texts(parts)[0].startswith("I. ")  # no intro line: a trích sao reproduces text
    assert extractor.parts(Selection.parse("IX")) is None


@pytest.mark.parametrize("plan_file", PLAN_FILES, ids=lambda p: p.stem)
def test_fast_extracts_are_exactly_what_the_pipeline_renders(plan_file):
    plan = load_plan(plan_file)
    learned = learn_template(plan)
    assert learned is not None
    model = learned.model
    frame = model.frame(render_parts(frame_plan(plan))["word/document.xml"].decode(),
                        region_blocks(frame_plan(plan)))
    assert frame == learned.frame
    extractor = Extractor(plan)
    for selection in (Selection(), Selection.parse("I, bases, opening, closing")):
        for agency in plan.agencies():
            derived = extractor.extract(agency, selection)
            fast = frame.document(model.region(region_blocks(derived)))
            assert fast == render_parts(derived)["word/document.xml"], agency


def test_batch_extracts_open_in_word_format_and_say_whose_they_are(tmp_path):
    result = run_batch(BatchRequest([FLOOD], tmp_path, kinds=[CopyKind.EXTRACT]))
    assert result.ok and result.built == 6
    plan = load_plan(FLOOD)
    extractor = Extractor(plan)
    for entry in result.entries:
        path = tmp_path / entry.file
        assert entry.file.startswith("45-kh-ubnd-2026-phong-chong-thien-tai__trich__")
        doc = Document(str(path))
        assert doc.core_properties.comments == f"Bản trích các nội dung liên quan đến {entry.agency}"
        assert doc.core_properties.content_status == "Bản trích"
        assert doc.core_properties.identifier == "45/KH-UBND"
        props = custom_properties(path)
        assert props["vanban.kind"] == "extract" and props["vanban.recipient"] == entry.agency
        # the plan's own property is kept beside the copy's
        assert props["vanban.period"] == f"{plan.period.start.iso()}/{plan.period.end.iso()}"
        expected = render_parts(extractor.extract(entry.agency))
        got = parts_of(path)
        for name in expected:  # the pipeline's parts, but for the copy's own properties
            if name not in ("docProps/core.xml", "docProps/custom.xml", "[Content_Types].xml",
                            "_rels/.rels"):
                assert got[name] == expected[name], (entry.file, name)
        intro = doc.paragraphs[[p.text for p in doc.paragraphs].index(
            f"(Trích các nội dung liên quan đến {entry.agency})")]
        assert font_of(doc, intro)["italic"]
        assert paragraphs_in_order(doc)[-1] == ""  # the template's last paragraph


def _template_without_rich_sections(tmp_path: Path) -> Path:
    """The default template with section headings printed as plain fields: another layout
    of the body than the one the fast path learns."""
    with zipfile.ZipFile(default_template()) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    out = tmp_path / "other.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == "word/document.xml":
                data = data.decode().replace("{{r b.rich }}", "{{ b.label }} {{ b.text }}", 1).encode()
            dst.writestr(info, data)
    return out


def test_a_template_the_fast_path_cannot_learn_still_gives_exact_extracts(tmp_path):
    template = _template_without_rich_sections(tmp_path)
    plan = load_plan(FLOOD)
    assert learn_template(plan, template) is None
    result = run_batch(BatchRequest([FLOOD], tmp_path / "out", kinds=[CopyKind.EXTRACT],
                                    template=template))
    assert result.ok and result.built == 6
    assert any("fast" in n.message("en") for n in result.notes)
    extractor = Extractor(plan)
    for entry in result.entries:
        expected = render_parts(extractor.extract(entry.agency), template)["word/document.xml"]
        assert parts_of(tmp_path / "out" / entry.file)["word/document.xml"] == expected
    doc = Document(io.BytesIO((tmp_path / "out" / result.entries[0].file).read_bytes()))
    assert any(p.text.startswith("II. Nhiệm vụ") for p in doc.paragraphs)


def test_a_section_number_a_plan_lacks_is_noted_and_the_rest_is_made(tmp_path):
    result = run_batch(BatchRequest([FLOOD], tmp_path, kinds=[CopyKind.EXTRACT],
                                    common=Selection.parse("I, VII")))
    assert result.ok and result.built == 6
    (note,) = result.notes
    assert note.subject == str(FLOOD)
    assert note.message() == "kế hoạch có 4 mục; không có mục 7"


def test_an_agency_name_with_markup_stays_text_in_fast_extracts(tmp_path, write_plan):
    from conftest import MINIMAL_PLAN

    agency = 'Phòng {{ x }} & <b>"A"</b>'
    plan_file = write_plan(MINIMAL_PLAN.replace(
        "      - text: Nội dung thứ nhất.\n",
        f"      - text: Nội dung thứ nhất.\n        lead: '{agency}'\n"))
    result = run_batch(BatchRequest([plan_file], tmp_path / "out", kinds=[CopyKind.EXTRACT]))
    assert result.ok and result.built == 1
    path = tmp_path / "out" / result.entries[0].file
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert f"(Trích các nội dung liên quan đến {agency})" in texts
    assert f"- Cơ quan chủ trì: {agency}./." in texts
    derived = Extractor(load_plan(plan_file)).extract(agency)
    assert parts_of(path)["word/document.xml"] == render_parts(derived)["word/document.xml"]


APPENDIX_PLAN = """\
type: Kế hoạch
issuer:
  name: SỞ TƯ PHÁP
  abbreviation: STP
number: 5
place: Hà Nội
date: 2024-03-05
title: Thử nghiệm
sections:
  - title: Mục đích, yêu cầu
    content:
      - text: Nội dung thứ nhất (Phụ lục I, Phụ lục II, Phụ lục III).
  - title: Nhiệm vụ
    content:
      - text: Rà soát văn bản.
        lead: Sở Tư pháp
        deadline: 2024-06-30
      - text: Tập huấn cán bộ.
        lead: Sở Nội vụ
        support: [Sở Tư pháp]
        deadline: 2024-09-30
      - text: Kiểm tra công vụ.
        lead: Sở Nội vụ
        deadline: 2024-11-30
  - title: Kinh phí
    content:
      - text: Lập dự toán.
        lead: Sở Tài chính
signature:
  titles: GIÁM ĐỐC
  name: Nguyễn Văn A
recipients:
  - Sở Nội vụ
archive: VT, VP
appendices:
  - title: Phân công nhiệm vụ
    tasks: true
  - title: Đầu mối liên hệ
    content:
      - table:
          columns: [STT, Cơ quan, Điện thoại]
          rows:
            - {group: I. CẤP TỈNH}
            - ["1", Sở Tư pháp, "0241"]
            - ["2", Sở Nội vụ, "0242"]
            - {group: II. CẤP XÃ}
            - ["3", Sở Tài chính, "0243"]
  - title: Chỉ tiêu
    content:
      - table:
          columns: [STT, Chỉ tiêu, Kế hoạch]
          rows:
            - ["1", Văn bản được rà soát, "100"]
"""


def appendix_rows(doc):
    """The text of each row of each of the plan's tables (those whose header repeats)."""
    return [[" | ".join(c.text for c in row.cells) for row in t.rows[1:]] for t in doc.tables
            if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
            is not None]


def test_an_extract_carries_the_agencys_rows_of_the_task_table_and_of_tables_naming_agencies(
        tmp_path, write_plan):
    source = write_plan(APPENDIX_PLAN)
    result = run_batch(BatchRequest([source], tmp_path / "out", kinds=[CopyKind.EXTRACT]))
    assert result.ok
    files = {entry.agency: tmp_path / "out" / entry.file for entry in result.entries}
    matrix, contacts, targets = appendix_rows(Document(str(files["Sở Tư pháp"])))
    # the agency's tasks, under their section's group row, with the plan's own STT
    assert [row.split(" | ")[:3] for row in matrix] == [
        ["II. NHIỆM VỤ"] * 3, ["1", "Rà soát văn bản.", "Sở Tư pháp"],
        ["2", "Tập huấn cán bộ.", "Sở Nội vụ"]]
    assert contacts == ["I. CẤP TỈNH | I. CẤP TỈNH | I. CẤP TỈNH", "1 | Sở Tư pháp | 0241"]
    assert targets == ["1 | Văn bản được rà soát | 100"]  # names no agency: whole
    matrix, contacts, targets = appendix_rows(Document(str(files["Sở Tài chính"])))
    assert [row.split(" | ")[:3] for row in matrix] == [
        ["III. KINH PHÍ"] * 3, ["4", "Lập dự toán.", "Sở Tài chính"]]
    assert contacts == ["II. CẤP XÃ | II. CẤP XÃ | II. CẤP XÃ", "3 | Sở Tài chính | 0243"]


def test_an_extract_of_a_decision_is_cut_in_the_plan_it_issues():
    plan = load_plan(Path(__file__).resolve().parents[1] / "data"
                     / "qd-ban-hanh-KH-cai-cach-hanh-chinh-2026.yaml")
    derived = Extractor(plan).extract("Sở Tư pháp")
    assert derived is not None
    assert derived.sections == plan.sections  # the decision's articles stay whole
    (section,) = derived.attachment.sections
    assert section.number == "II." and section.heading == "Cải cách thể chế"
    matrix = derived.attachment.appendices[0].content[-1]
    assert [r.group or r.cells[0] for r in matrix.rows] == ["II. CẢI CÁCH THỂ CHẾ", "1", "2",
                                                             "3", "4"]
    assert all("Sở Tư pháp" in (r.cells[2] + r.cells[3]) for r in matrix.rows if not r.group)
    text = "\n".join(paragraphs_in_order(Document(io.BytesIO(render_bytes(derived)))))
    assert "Rà soát, hệ thống hóa văn bản quy phạm pháp luật" in text
    assert "Số hóa hồ sơ" not in text  # another agency's task
