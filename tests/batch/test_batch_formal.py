"""Formal copies (nd30.md §7, Mẫu 3.1): the copy block after the copied text."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from batchutil import COPIER_YAML, custom_properties
from conftest import PLANS_DIR, SEED_PLAN
from docxread import font_of, has_bottom_border
from textutil import paragraphs_in_order
from vanban import load_plan
from vanban.batch import BatchRequest, CopyKind, Selection, read_copier, run_batch
from vanban.batch.extracts import Extractor
from vanban.errors import SeriesError
from vanban.renderer import build_context

DAY = dt.date(2026, 3, 5)
FLOOD = PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"


@pytest.fixture
def copier(tmp_path):
    path = tmp_path / "sao.yaml"
    path.write_text(COPIER_YAML, encoding="utf-8")
    result = read_copier(path)
    assert result.problems == [] and result.copier is not None
    return result.copier


def formal(tmp_path, copier, plans, kinds, **kw):
    result = run_batch(BatchRequest(plans, tmp_path / "out", kinds=kinds, copier=copier,
                                    copy_date=kw.pop("copy_date", DAY), **kw))
    assert result.ok, [f.message() for f in result.failures]
    return result


def block_of(doc):
    """The copy block: the last top-level table holds the end of the copied text, the rule
    and the block's own table."""
    holder = Table(doc.element.body.findall(qn("w:tbl"))[-1], doc)
    cell = holder.cell(0, 0)
    children = [c for c in cell._tc.iterchildren() if c.tag in (qn("w:p"), qn("w:tbl"))]
    return cell, children


def test_the_copy_block_follows_mau_3_1(tmp_path, copier):
    result = formal(tmp_path, copier, [SEED_PLAN], [CopyKind.SAO_Y])
    (entry,) = result.entries
    assert entry.file == "277-kh-bcd-2023__sao-y-01-sy-vp.docx"
    assert entry.copy_number == "01/SY-VP" and entry.kind == "sao-y"
    doc = Document(str(tmp_path / "out" / entry.file))
    cell, children = block_of(doc)
    signature, *rest = children
    # the copied document's own signature and Nơi nhận come first, then the rule and block
    assert signature.tag == qn("w:tbl")
    assert "Đặng Minh Thông" in [p.text for p in Table(signature, doc).cell(0, 1).paragraphs]
    rules = [Paragraph(c, doc) for c in rest if c.tag == qn("w:p") and
             Paragraph(c, doc).style.name == "VB Copy Rule"]
    (rule,) = rules
    assert has_bottom_border(rule)
    pf = rule.paragraph_format
    assert not pf.left_indent and not pf.right_indent  # the full width of the text area
    block = Table(rest[rest.index(rule._p) + 1], doc)
    top_left, top_right = block.cell(0, 0).paragraphs, block.cell(0, 1).paragraphs
    bottom_left, bottom_right = block.cell(1, 0).paragraphs, block.cell(1, 1).paragraphs
    assert [p.text for p in top_left] == ["UBND TỈNH BÀ RỊA - VŨNG TÀU",
                                          "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", "", "Số: 01/SY-VP"]
    styles = {p.text: font_of(doc, p) for p in top_left + top_right + bottom_left + bottom_right}
    assert styles["VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH"]["bold"]
    assert styles["VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH"]["size"] in (12, 13)
    assert not styles["UBND TỈNH BÀ RỊA - VŨNG TÀU"]["bold"]
    assert styles["Số: 01/SY-VP"]["size"] == 13 and not styles["Số: 01/SY-VP"]["bold"]
    assert has_bottom_border(top_left[2])  # the short rule under the body's name
    assert [p.text for p in top_right] == ["SAO Y", "Bà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2026"]
    form = styles["SAO Y"]
    assert form["bold"] and not form["italic"] and 13 <= form["size"] <= 14
    assert form["name"] == "Times New Roman"
    assert styles["Bà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2026"]["italic"]
    assert [p.text for p in bottom_left] == ["Nơi nhận:", "- Thường trực Tỉnh ủy (b/c);",
                                             "- Lưu: VT."]
    label = styles["Nơi nhận:"]
    assert label["bold"] and label["italic"] and label["size"] == 12
    assert styles["- Lưu: VT."]["size"] == 11
    assert [p.text for p in bottom_right] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "",
                                              "Nguyễn Văn Bình"]
    assert styles["TL. CHỦ TỊCH"]["bold"] and styles["Nguyễn Văn Bình"]["bold"]
    # the block follows the copied text on the same sheet: one row that cannot split
    assert cell._tc.getparent().trPr.find(qn("w:cantSplit")) is not None
    props = doc.core_properties
    assert props.identifier == "01/SY-VP" and props.content_status == "Bản sao y"
    assert props.comments == ("Bản sao y số 01/SY-VP ngày 05/3/2026 của VĂN PHÒNG ỦY BAN NHÂN "
                              "DÂN TỈNH")
    assert custom_properties(tmp_path / "out" / entry.file)["vanban.copy_number"] == "01/SY-VP"


def test_the_copied_text_is_the_whole_document(tmp_path, copier, rendered):
    result = formal(tmp_path, copier, [SEED_PLAN], [CopyKind.SAO_Y, CopyKind.SAO_LUC])
    original = paragraphs_in_order(Document(str(rendered["277-KH-BCD-2023"])))
    for entry in result.entries:
        text = paragraphs_in_order(Document(str(tmp_path / "out" / entry.file)))
        assert text[:len(original) - 1] == original[:-1]
    assert [e.copy_number for e in result.entries] == ["01/SY-VP", "02/SL-VP"]


def test_trich_sao_per_agency_reproduces_its_parts_and_shares_the_one_series(tmp_path, copier):
    result = formal(tmp_path, copier, [FLOOD], [CopyKind.SAO_Y, CopyKind.TRICH_SAO])
    plan = load_plan(FLOOD)
    assert [e.copy_number for e in result.entries] == [
        f"{n:02d}/{'SY' if n == 1 else 'TrS'}-VP" for n in range(1, 8)]
    extractor = Extractor(plan)
    for entry in result.entries[1:]:
        doc = Document(str(tmp_path / "out" / entry.file))
        body = [f"{b['label']} {b['text']}".strip()
                for b in build_context(extractor.extract(entry.agency, intro=False))["body"]]
        texts = [p.text for p in doc.paragraphs]
        assert texts[texts.index(body[0]):texts.index(body[0]) + len(body)] == body
        assert not any(t.startswith("(Trích") for t in texts)  # an exact copy adds nothing
        _, children = block_of(doc)
        block = Table(children[-2] if children[-1].tag == qn("w:p") else children[-1], doc)
        assert block.cell(0, 1).paragraphs[0].text == "TRÍCH SAO"
        assert [p.text for p in block.cell(1, 0).paragraphs][1:] == [
            f"- {entry.agency};", "- Thường trực Tỉnh ủy (b/c);", "- Lưu: VT."]


def test_trich_sao_of_chosen_parts(tmp_path, copier):
    result = formal(tmp_path, copier, [FLOOD], [CopyKind.TRICH_SAO], parts=Selection.parse("I, III"))
    (entry,) = result.entries
    assert entry.file == "45-kh-ubnd-2026-phong-chong-thien-tai__trich-sao-01-trs-vp.docx"
    texts = [p.text for p in Document(str(tmp_path / "out" / entry.file)).paragraphs]
    assert "I. Mục đích, yêu cầu" in texts and "III. Kinh phí thực hiện" in texts
    assert not any(t.startswith("II.") for t in texts)


def test_formal_copies_need_copy_details(tmp_path):
    from vanban.errors import UsageError

    with pytest.raises(UsageError):
        run_batch(BatchRequest([SEED_PLAN], tmp_path, kinds=[CopyKind.SAO_Y]))


def test_copy_details_errors_point_at_the_line(tmp_path):
    path = tmp_path / "sao.yaml"
    path.write_text(COPIER_YAML.replace("  abbreviation: VP\n", "  abbrevation: VP\n")
                    .replace("place:", "date: 31/02/2026\nplace:"), encoding="utf-8")
    result = read_copier(path)
    assert result.copier is None
    assert [(p.mark.line, p.mark.col, p.code) for p in result.problems] == [
        (2, 3, "VB004"),  # the body lacks its abbreviation …
        (4, 3, "VB003"),  # … because it is misspelt, which is pointed out
        (5, 7, "VB006"),  # no 31 February
    ]
    assert "có phải là “abbreviation”" in result.problems[1].message()


def test_a_rerun_keeps_numbers_and_bytes_a_reissue_takes_new_ones(tmp_path, copier):
    first = formal(tmp_path, copier, [SEED_PLAN], [CopyKind.SAO_Y])
    data = (tmp_path / "out" / first.entries[0].file).read_bytes()
    again = formal(tmp_path, copier, [SEED_PLAN], [CopyKind.SAO_Y], copy_date=None, force=True)
    assert again.built == 1 and again.entries[0].file == first.entries[0].file
    assert (tmp_path / "out" / first.entries[0].file).read_bytes() == data  # same date, same bytes
    with pytest.raises(SeriesError) as err:
        formal(tmp_path, copier, [SEED_PLAN], [CopyKind.SAO_Y], copy_date=dt.date(2026, 4, 1))
    assert "--reissue" in err.value.message("en")
    new = formal(tmp_path, copier, [SEED_PLAN], [CopyKind.SAO_Y], copy_date=dt.date(2026, 4, 1),
                 reissue=True)
    assert new.entries[0].copy_number == "02/SY-VP"


def test_the_copy_details_format_is_published_as_json_schema(tmp_path):
    import jsonschema
    import yaml

    from vanban.batch.copier import copier_schema

    schema = copier_schema("vi")
    jsonschema.Draft202012Validator.check_schema(schema)
    example = yaml.safe_load(COPIER_YAML + "date: 2026-03-05\nseries: so.json\nvanban: 1\n")
    example["date"] = "2026-03-05"
    jsonschema.validate(example, schema)
    assert schema["properties"]["body"]["required"] == ["name", "abbreviation"]
    assert schema["properties"]["body"]["description"] == "Cơ quan, tổ chức sao văn bản"
