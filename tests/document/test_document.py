"""Existing documents: import into plans, and check them as they are."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Mm, Pt

from conftest import CORPUS, CORPUS_TEXTS, PLAN_FILES, SEED_TEXT, TESTS
from textutil import paragraphs_in_order, subsequence_rest, words
from vanban import load_plan
from vanban.check.config import Config, RuleSetting
from vanban.check.paths import check_file
from vanban.cli import main
from vanban.document.importer import import_file
from vanban.plan.loader import read_plan
from vanban.plan.serialize import plan_data
from vanban.renderer import render_bytes

TODAY = dt.date(2026, 11, 26)


def imported_plan(path: Path, data: bytes | None = None):
    text, result = import_file(path, data)
    loaded = read_plan(path.with_suffix(".yaml"), text.encode("utf-8"))
    assert loaded.plan is not None, [str(p) for p in loaded.problems]
    assert not [p for p in loaded.problems if p.severity >= 30]
    return loaded.plan, result


@pytest.mark.parametrize("plan_file", PLAN_FILES, ids=lambda p: p.stem)
def test_importing_a_rendered_plan_gives_the_plan_back(plan_file, tmp_path):
    plan = load_plan(plan_file)
    again, result = imported_plan(tmp_path / "rendered.docx", render_bytes(plan))
    assert result.problems == []
    assert plan_data(again) == plan_data(plan)


DECISIONS = sorted((TESTS / "data").glob("qd-ban-hanh-*.yaml"))


def _without_fitted(value):
    """Plan data without what vanban fits to the text: the columns' widths and alignments
    (a width is measured back; an alignment equal to practice's default reads as none)."""
    if isinstance(value, dict):
        return {k: _without_fitted(v) for k, v in value.items() if k not in ("width", "align")}
    if isinstance(value, list):
        return [_without_fitted(v) for v in value]
    return value


def _alignments(plan) -> list[list[str]]:
    from vanban.plan.model import Table
    from vanban.renderer.tables import alignments

    def tables(blocks):
        for block in blocks:
            if isinstance(block, Table):
                yield block
            elif hasattr(block, "content"):
                yield from tables(block.content)

    parts = [plan.sections, *(a.content for a in plan.appendices)]
    if plan.attachment is not None:
        parts += [plan.attachment.sections, *(a.content for a in plan.attachment.appendices)]
    # a column with no text in any cell shows no alignment to read back
    return [[a for i, a in enumerate(alignments(t))
             if any(r.cells[i] for r in t.rows if r.group is None)]
            for part in parts for t in tables(part)]


@pytest.mark.parametrize("plan_file", DECISIONS, ids=lambda p: p.stem)
def test_a_decision_with_its_plan_appendices_and_tables_comes_back_from_its_document(plan_file):
    plan = load_plan(plan_file)
    again, result = imported_plan(plan_file.with_suffix(".docx"), render_bytes(plan))
    assert result.problems == []
    assert _without_fitted(plan_data(again)) == _without_fitted(plan_data(plan))
    assert _alignments(again) == _alignments(plan)  # the same columns are aligned the same
    # what vanban printed by itself is its default again, not a written value
    assert [a.label for a in again.attachment.appendices] == [None, None]
    assert again.attachment.reference is None
    assert again.attachment.appendices[0].tasks


def _numbers_alike(tokens: list[str]) -> list[str]:
    """“04” and “4” are one number: a re-rendered dateline writes the decree's form."""
    return [str(int(t)) if t.isdigit() else t for t in tokens]


@pytest.mark.parametrize("text_file", [*CORPUS_TEXTS, SEED_TEXT], ids=lambda p: p.stem[:24])
def test_real_documents_import_keep_every_word_and_re_render(text_file):
    plan, result = imported_plan(text_file)
    source = [line for line in text_file.read_text(encoding="utf-8").splitlines()]
    source_words = _numbers_alike(words(source))
    rendered = docx.Document(io.BytesIO(render_bytes(plan)))
    rendered_words = _numbers_alike(words(paragraphs_in_order(rendered)))
    missing, extra = subsequence_rest(source_words, rendered_words)
    assert missing == []
    # What re-rendering adds: labels vanban writes, and components the text lost
    # (the example's header); never a word of the content.
    added = set(extra) - {"CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM", "Độc",
                          "lập", "Tự", "do", "Hạnh", "phúc", "Kính", "gửi", "Điều"}
    assert all(re.fullmatch(r"[IVXLC]+|\d+|[a-zđ]", w) for w in added), sorted(added)


def test_a_merged_web_rendering_is_split_and_nothing_is_dropped():
    path = CORPUS / "texts" / "19_cv-vpcp-2739-2019-quan-tri-doanh-nghiep.txt"
    plan, result = imported_plan(path)
    assert plan.doctype.name == "Công văn" and plan.symbol == "VPCP-ĐMDN"
    assert [a.name for a in plan.addressees] == ["Bộ Kế hoạch và Đầu tư"]
    assert plan.signature.titles == ("BỘ TRƯỞNG, CHỦ NHIỆM",)
    assert plan.signature.name == "Mai Tiến Dũng"
    assert plan.archive.line == "Lưu: VT, ĐMDN (2b). Trung Anh"  # kept where it was written
    (warning,) = result.problems
    assert warning.code == "VB011" and "Trung Anh" in warning.message("en")


def test_an_uncertain_import_is_reported_by_check_and_configured_like_a_rule():
    path = CORPUS / "texts" / "19_cv-vpcp-2739-2019-quan-tri-doanh-nghiep.txt"
    codes = lambda **kw: [p.code for p in check_file(path, today=TODAY, **kw).problems]
    assert "VB011" in codes()
    assert "VB011" not in codes(ignore=["import-uncertain"])
    assert codes(select=["VB310"]) == ["VB310"]
    quiet = Config(settings={"VB011": RuleSetting(None, {})})
    assert "VB011" not in [p.code for p in check_file(path, today=TODAY, config=quiet).problems]


def test_a_decision_imports_with_its_articles_and_authority():
    path = CORPUS / "texts" / "18_qd-cantho-2519-2025-trung-tam-phvhcc.txt"
    plan, _result = imported_plan(path)
    assert plan.doctype.name == "Quyết định"
    assert plan.issuing_authority == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    assert [s.title for s in plan.sections] == [
        "Vị trí và chức năng", "Nhiệm vụ, quyền hạn", "Hiệu lực thi hành", "Trách nhiệm thi hành"]
    assert all(s.number is None for s in plan.sections)  # “Điều 1.” … as vanban numbers them
    assert plan.bases[-1].text == "Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân thành phố"


def test_tasks_listed_by_agency_become_assignments():
    plan, _ = imported_plan(SEED_TEXT)
    agencies = plan.agencies()
    assert agencies[:3] == ["Ban Tuyên giáo Tỉnh ủy", "Sở Ngoại vụ", "Sở Thông tin và Truyền thông"]
    assert "Công an tỉnh" in agencies


EXPECTED_SLIPS = {
    # every numbering slip of the published texts, as written; decimal numbering is one choice
    # of the whole document, reported once at its first number
    "03_kh-cantho": {(23, "VB203"), (145, "VB201")},  # 3.1./3.2.; IV. twice
    "05_kh-hatinh": {(105, "VB201")},  # e) after d): đ) is missing
    "09_kh-laichau": {(29, "VB203")},  # 3.1., 3.2.
    "277-KH-BCD-2023": {(31, "VB201"), (101, "VB202")},  # II. twice; “+” under a khoản
}


@pytest.mark.parametrize("text_file", [*CORPUS_TEXTS, SEED_TEXT], ids=lambda p: p.stem[:24])
def test_checking_a_text_as_it_is_reports_its_numbering_slips(text_file):
    result = check_file(text_file, today=TODAY)
    numbering = {(p.mark.line, p.code) for p in result.problems if p.code.startswith("VB2")}
    key = next((k for k in EXPECTED_SLIPS if text_file.stem.startswith(k)), None)
    assert numbering == EXPECTED_SLIPS.get(key, set())
    assert all(p.mark.path == str(text_file) for p in result.problems)


def test_numbering_slips_in_a_text_point_at_the_written_number(tmp_path):
    base = (TESTS / "rules" / "doc_base.txt").read_text(encoding="utf-8")
    points = "".join(f"{letter}) Hội nghị {i};\n" for i, letter in enumerate("abcdef", 1))
    text = base.replace("1. Tổ chức hội nghị.\n", "1. Tổ chức hội nghị:\n" + points)
    path = tmp_path / "slips.txt"  # skips đ), uses f), and repeats II.
    path.write_text(text.replace("III. TỔ CHỨC", "II. TỔ CHỨC"), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = {(p.code, lines[p.mark.line - 1][p.mark.col - 1:p.mark.col + 2])
             for p in check_file(path, today=TODAY).problems if p.code.startswith("VB2")}
    assert found == {("VB201", "e) "), ("VB204", "f) "), ("VB201", "II.")}


def test_the_example_is_checked_against_its_written_lines():
    result = check_file(SEED_TEXT, today=TODAY)
    found = {(p.mark.line, p.code) for p in result.problems}
    assert (31, "VB201") in found  # the second “II.” on line 31
    assert (138, "VB403") in found  # “- Lưu: VT, PCNC, CAT (3)” has no full stop
    assert (3, "VB311") in found  # the extracted text lost Quốc hiệu and Tiêu ngữ
    (repeat,) = [p for p in result.problems if p.code == "VB606"]
    assert (repeat.mark.line, repeat.mark.col) == (63, 291)
    line = SEED_TEXT.read_text(encoding="utf-8").splitlines()[62]
    assert line[290:].startswith("nghiên cứu, xây dựng lập luận đấu tranh")


def test_a_dateline_slip_is_found_in_the_written_document():
    path = CORPUS / "texts" / "19_cv-vpcp-2739-2019-quan-tri-doanh-nghiep.txt"
    (slip,) = [p for p in check_file(path, today=TODAY).problems if p.code == "VB310"]
    assert (slip.mark.line, slip.mark.col) == (4, 23)
    assert "tháng 4" in slip.message("en")


# --- .docx: vanban's own output passes; broken copies fail with exactly those findings -----

LAYOUT = ("VB801", "VB802", "VB803", "VB804", "VB805", "VB806")


@pytest.fixture(scope="module")
def rendered_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx")
    paths = {}
    for plan_file in PLAN_FILES:
        path = out / f"{plan_file.stem}.docx"
        path.write_bytes(render_bytes(load_plan(plan_file)))
        paths[plan_file.stem] = path
    return paths


def test_vanbans_own_documents_pass_the_layout_rules(rendered_docx):
    for stem, path in rendered_docx.items():
        result = check_file(path, today=TODAY, select=LAYOUT)
        assert [str(p) for p in result.problems] == [], stem


def test_a_clean_plan_rendered_passes_every_check(rendered_docx):
    path = rendered_docx["45-KH-UBND-2026-phong-chong-thien-tai"]
    assert [str(p) for p in check_file(path, today=TODAY).problems] == []


def _broken(rendered_docx, tmp_path, change) -> list[tuple[str, int]]:
    path = tmp_path / "broken.docx"
    shutil.copy(rendered_docx["45-KH-UBND-2026-phong-chong-thien-tai"], path)
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))
    return sorted((p.code, p.mark.line) for p in check_file(path, today=TODAY).problems)


def test_a_narrow_left_margin_is_found(rendered_docx, tmp_path):
    def change(d):
        d.sections[0].left_margin = Mm(25)
    assert _broken(rendered_docx, tmp_path, change) == [("VB801", 1)]


def test_a_foreign_font_is_found(rendered_docx, tmp_path):
    def change(d):
        d.styles["VB Body"].font.name = "Arial"
    found = _broken(rendered_docx, tmp_path, change)
    assert [code for code, _ in found] == ["VB802"]


def test_a_wrong_size_is_found_on_its_component(rendered_docx, tmp_path):
    def change(d):
        d.styles["VB National Title"].font.size = Pt(10)
    assert _broken(rendered_docx, tmp_path, change) == [("VB803", 4)]  # ¶4: the Quốc hiệu


def test_a_missing_rule_under_the_issuer_is_found(rendered_docx, tmp_path):
    def change(d):
        cell = d.tables[0].cell(0, 0)
        rule = next(p for p in cell.paragraphs if p.style.name == "VB Rule")
        rule.style = d.styles["VB Superior"]
    assert _broken(rendered_docx, tmp_path, change) == [("VB804", 2)]  # ¶2: the issuer's last line


def test_a_page_number_on_page_one_is_found(rendered_docx, tmp_path):
    def change(d):
        d.sections[0].different_first_page_header_footer = False
    assert _broken(rendered_docx, tmp_path, change) == [("VB805", 1)]


def test_body_paragraphs_without_indent_are_found(rendered_docx, tmp_path):
    def change(d):
        d.styles["VB Point"].paragraph_format.first_line_indent = Pt(0)
    found = _broken(rendered_docx, tmp_path, change)
    assert [code for code, _ in found] == ["VB806"]


def test_import_command_writes_a_plan_and_refuses_to_overwrite(tmp_path):
    runner = CliRunner()
    target = tmp_path / "plan.yaml"
    result = runner.invoke(main, ["import", str(SEED_TEXT), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert read_plan(target).ok
    again = runner.invoke(main, ["import", str(SEED_TEXT), "-o", str(target)])
    assert again.exit_code == 2 and "--force" in again.stderr
    shown = runner.invoke(main, ["import", str(SEED_TEXT), "-o", "-"])
    assert shown.stdout.startswith("# Imported from 277-KH-BCD-2023.txt")


def test_import_of_a_file_that_is_not_a_document_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    result = CliRunner().invoke(main, ["import", str(bad)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def _starters():
    from vanban.plan.starter import DECISION_ISSUING, STARTER_TYPES, starter_plan

    out = {key: starter_plan(key) for key in STARTER_TYPES}
    out[DECISION_ISSUING] = starter_plan("QĐ", attached=True)
    return out


@pytest.mark.parametrize("key", sorted(_starters()))
def test_every_starter_comes_back_from_its_rendering(key, tmp_path):
    # a Công văn's symbol is the issuer's abbreviation alone: it comes back as the
    # abbreviation, not as a symbol; names broken over lines come back whole
    plan = read_plan(Path(f"{key}.yaml"), _starters()[key].encode("utf-8")).plan
    again, result = imported_plan(tmp_path / f"{key}.docx", render_bytes(plan))
    assert result.problems == []
    assert _without_fitted(plan_data(again)) == _without_fitted(plan_data(plan))


@pytest.mark.parametrize("date", ["2026-01-01", "2026-06", "2026"])
def test_a_bien_ban_without_a_dateline_keeps_its_date_as_written(date, tmp_path):
    # the minutes print no dateline: the date travels in the document's properties
    text = _starters()["bien-ban"]
    text = re.sub(r"(?m)^date: \S+", f"date: {date}", text)
    plan = read_plan(Path("bb.yaml"), text.encode("utf-8")).plan
    again, _result = imported_plan(tmp_path / "bb.docx", render_bytes(plan))
    assert plan_data(again)["date"] == plan_data(plan)["date"] == date
