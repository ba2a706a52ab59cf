"""``vanban check FILE --annotate OUT.docx``: every finding a Word comment on its slip, the
rest of the document as it was."""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree
from reviewxml import SEEDED_PLAN, SLIPS, W, by_code, comments, parts, ranges, references

from conftest import CORPUS_DOCX
from docxbuild import build, para
from vanban.check.paths import check_file
from vanban.cli.check import check
from vanban.document.docx import read_docx
from vanban.problems import Mark, Problem, Severity
from vanban.renderer import render_bytes
from vanban.review.annotate import annotate_docx
from vanban.review.ranges import nfc_index

TODAY = _dt.date(2026, 1, 20)
#: The parts annotating may change; every other part keeps its bytes.
CHANGED = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml",
           "word/comments.xml"}


@pytest.fixture
def run():
    def invoke(*args):
        result = CliRunner().invoke(check, [str(a) for a in args])
        assert "Traceback" not in result.output, result.output
        return result
    return invoke


@pytest.fixture
def seeded(write_plan):
    return write_plan(SEEDED_PLAN, "seeded.yaml")


@pytest.fixture
def rendered(seeded):
    """The seeded plan's rendering, as a .docx drafted elsewhere would come."""
    from vanban import load_plan

    path = seeded.with_suffix(".docx")
    path.write_bytes(render_bytes(load_plan(seeded)))
    return path


def _problem(number: int, col: int, length: int = 0, code: str = "VB604") -> Problem:
    return Problem(Mark("t.docx", number, col, "paragraph", length), code,
                   "delete the invisible character U+{code:04X}", {"code": 0x200B},
                   Severity.WARNING)


# --- the seeded draft ------------------------------------------------------------------------

def test_a_plan_with_five_slips_gets_five_comments_each_on_its_slip(run, seeded, tmp_path):
    out = tmp_path / "reviewed.docx"
    result = run(seeded, "--today", "2026-01-20", "--annotate", out)
    assert result.exit_code == 1  # the wrong symbol is an error
    assert "5 ghi chú" in result.stderr or "5 comment" in result.stderr
    data = out.read_bytes()
    found = comments(data)
    assert len(found) == 5
    assert {c.author for c in found} == {"vanban"} and {c.initials for c in found} == {"VB"}
    assert {c.date for c in found} == {"2026-01-20T00:00:00Z"}  # --today dates them
    assert by_code(data) == SLIPS
    assert sorted(references(data)) == sorted(c.id for c in found)
    vb402 = next(c.text for c in found if c.text.startswith("[VB402]"))
    assert vb402.startswith("[VB402] “Sở Tư pháp” được giao nhiệm vụ nhưng không có trong "
                            "Nơi nhận; hãy thêm vào")


def test_the_comments_are_the_plans_findings_as_reported(seeded, tmp_path, run):
    out = tmp_path / "reviewed.docx"
    report = run(seeded, "--annotate", out, "-f", "parsable").stdout.splitlines()
    texts = sorted(c.text for c in comments(out.read_bytes()))
    codes = sorted(re.search(r"\[(VB\d+)\]$", line)[1] for line in report)
    assert [t[1:6] for t in texts] == codes
    assert all(t.split("] ", 1)[1] in "\n".join(report) for t in texts)


def test_a_plan_finding_the_rendering_does_not_repeat_goes_where_its_value_is_printed(
        run, write_plan, tmp_path):
    typed = unicodedata.normalize("NFD", "Bảo đảm an ninh trật tự.")  # normalised on rendering
    plan = write_plan(SEEDED_PLAN.replace("Bảo đảm an ninh trật tự.", typed), "nfd.yaml")
    out = tmp_path / "reviewed.docx"
    run(plan, "--annotate", out)
    data = out.read_bytes()
    assert by_code(data) == SLIPS | {"VB010": "Bảo"}  # the word at the finding's column


def test_a_docx_drafted_elsewhere_gets_the_same_five_comments(run, rendered, tmp_path):
    out = tmp_path / "reviewed.docx"
    before = hashlib.sha256(rendered.read_bytes()).hexdigest()
    result = run(rendered, "--today", "2026-01-20", "--annotate", out)
    assert result.exit_code == 1
    assert by_code(out.read_bytes()) == SLIPS
    assert hashlib.sha256(rendered.read_bytes()).hexdigest() == before  # input untouched


def test_every_other_part_keeps_its_bytes_and_the_text_its_formatting(run, rendered, tmp_path):
    out = tmp_path / "reviewed.docx"
    run(rendered, "--annotate", out)
    old, new = parts(rendered.read_bytes()), parts(out.read_bytes())
    assert list(new)[:len(old)] == list(old) and set(new) - set(old) == {"word/comments.xml"}
    assert {name for name in old if old[name] != new[name]} <= CHANGED
    assert _characters(old["word/document.xml"]) == _characters(new["word/document.xml"])


def _characters(document_xml: bytes) -> list[list[tuple[str, bytes]]]:
    """Each paragraph's characters with the properties of the run that sets them: equal
    before and after annotating when runs were only split and markers added."""
    root = etree.fromstring(document_xml)
    out = []
    for p in root.iter(W + "p"):
        chars = []
        for run in p.iter(W + "r"):
            rpr = run.find(W + "rPr")
            props = etree.tostring(rpr) if rpr is not None else b""
            for t in run.iter(W + "t"):
                chars += [(c, props) for c in t.text or ""]
        out.append(chars)
    return out


def test_the_same_input_gives_the_same_bytes(rendered):
    data = rendered.read_bytes()
    problems = check_file(rendered, data, today=TODAY).problems
    first = annotate_docx(data, problems).data
    assert annotate_docx(data, problems).data == first
    # undated by the caller: the document's own modified date (the plan's date), not the clock
    assert {c.date for c in comments(first)} == {"2026-01-15T00:00:00Z"}


def test_a_document_without_findings_is_copied_as_it_is():
    data = build(para("Không có gì."))
    assert annotate_docx(data, []).data == data


# --- runs, ranges and markers ---------------------------------------------------------------

FORMAT = '<w:b/><w:i/><w:color w:val="C00000"/><w:sz w:val="28"/>'


def test_a_run_split_at_both_ends_keeps_its_formatting_on_every_piece():
    data = build(para("Báo cáo trước ngày 5 tháng 03 năm 2024 nhé.", rpr=FORMAT))
    out = annotate_docx(data, [_problem(1, 15, 24)]).data
    p = etree.fromstring(parts(out)["word/document.xml"]).find(f".//{W}p")
    runs = [r for r in p.iter(W + "r") if r.find(W + "commentReference") is None]
    assert ["".join(t.text for t in r.iter(W + "t")) for r in runs] == \
        ["Báo cáo trước ", "ngày 5 tháng 03 năm 2024", " nhé."]
    props = {etree.tostring(r.find(W + "rPr")) for r in runs}
    assert len(props) == 1 and b"C00000" in props.pop()
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
               for r in runs for t in r.iter(W + "t"))
    assert list(ranges(out).values()) == ["ngày 5 tháng 03 năm 2024"]
    order = [child.tag.split("}")[1] for child in p if child.tag != W + "pPr"]
    assert order == ["r", "commentRangeStart", "r", "commentRangeEnd", "r", "r"]


def test_a_range_over_several_runs_starts_and_ends_inside_them():
    body = ('<w:p><w:r><w:t xml:space="preserve">Phối hợp nghiên </w:t></w:r>'
            '<w:r><w:rPr><w:b/></w:rPr><w:t>cứu, xây</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> dựng lập luận</w:t></w:r></w:p>')
    out = annotate_docx(build(body), [_problem(1, 10, 20)]).data
    assert list(ranges(out).values()) == ["nghiên cứu, xây dựng"]
    assert _characters(parts(build(body))["word/document.xml"]) == \
        _characters(parts(out)["word/document.xml"])


def test_without_a_length_a_comment_covers_the_word_or_the_whole_line():
    data = build(para("Kính gửi: Sở Tư pháp") + para("   Dòng thứ hai  "))
    out = annotate_docx(data, [_problem(1, 11), _problem(2, 4), _problem(2, 14),
                               _problem(2, 17)]).data
    covered = [ranges(out)[c.id] for c in comments(out)]
    assert covered == ["Sở", "Dòng thứ hai", "hai", "Dòng thứ hai"]


def test_ranges_inside_a_hyperlink_a_line_after_a_break_and_a_table_cell():
    body = ('<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:hyperlink r:id="rId99">'
            '<w:r><w:t>cổng thông tin</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Nơi nhận:</w:t><w:br/><w:t xml:space="preserve">- Sở Tư pháp;</w:t>'
            '</w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Số: 5/KH-UBND</w:t></w:r></w:p></w:tc></w:tr>'
            '</w:tbl>')
    # ¶2 reads "Nơi nhận:\n- Sở Tư pháp;": its second line starts at column 11
    out = annotate_docx(build(body), [_problem(1, 5, 4), _problem(2, 13, 10),
                                      _problem(3, 5, 1)]).data
    assert [ranges(out)[c.id] for c in comments(out)] == ["cổng", "Sở Tư pháp", "5"]
    p = etree.fromstring(parts(out)["word/document.xml"]).find(f".//{W}p")
    link = p.find(W + "hyperlink")
    assert link.find(W + "commentRangeStart") is not None  # the range stays in the link
    assert link.find(f".//{W}commentReference") is None  # its reference does not


def test_a_reference_never_lands_in_a_field_result_word_would_rewrite():
    body = ('<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://x.vn" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>cổng thông tin</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>')
    out = annotate_docx(build(body), [_problem(1, 5, 4)]).data
    assert list(ranges(out).values()) == ["cổng"]
    p = etree.fromstring(parts(out)["word/document.xml"]).find(f".//{W}p")
    kinds = [next((c.tag.split("}")[1] + ":" + (c.get(W + "fldCharType") or "")
                   for c in r if c.tag != W + "rPr"), "") if r.tag == W + "r"
             else r.tag.split("}")[1] for r in p if r.tag != W + "pPr"]
    assert kinds == ["t:", "fldChar:begin", "instrText:", "fldChar:separate",
                     "commentRangeStart", "t:", "commentRangeEnd", "t:", "fldChar:end",
                     "commentReference:", "t:"]


def test_a_list_number_word_draws_is_not_part_of_the_range():
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    body = para("Mục đích, yêu cầu:", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
                                          '</w:numPr>')
    data = build(body, numbering=numbering)
    assert read_docx(Path("n.docx"), data).paras[0].raw == \
        "1. Mục đích, yêu cầu:"
    out = annotate_docx(data, [_problem(1, 1), _problem(1, 2, 6)]).data
    assert [ranges(out)[c.id] for c in comments(out)] == ["Mục đích, yêu cầu:", "Mục "]


def test_columns_count_composed_letters_as_the_checker_does():
    decomposed = "Ngày 5 tha\u0301ng 03 na\u0306m 2024"  # “á”, “ă” typed as letter + accent
    out = annotate_docx(build(para(decomposed)), [_problem(1, 8, 17)]).data
    assert list(ranges(out).values()) == ["tha\u0301ng 03 na\u0306m 2024"]
    assert nfc_index("a\u0301b") == [0, 2, 3]


def test_a_line_without_text_gets_a_comment_at_its_place():
    out = annotate_docx(build(para("") + para("Nội dung")), [_problem(1, 1)]).data
    assert [c.id for c in comments(out)] == list(ranges(out)) == ["0"]
    assert list(ranges(out).values()) == [""]


def test_existing_comments_are_kept_and_the_new_ones_numbered_after_them():
    document = docx.Document()
    paragraph = document.add_paragraph("Báo cáo trước ngày 5 tháng 03 năm 2024.")
    document.add_comment(paragraph.runs, text="Đã xem.", author="Chuyên viên", initials="CV")
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    out = annotate_docx(data, [_problem(1, 15, 24)]).data
    found = comments(out)
    assert [(c.id, c.author, c.text) for c in found] == [
        ("0", "Chuyên viên", "Đã xem."),
        ("1", "vanban", "[VB604] xóa ký tự ẩn U+200B")]
    assert ranges(out) == {"0": "Báo cáo trước ngày 5 tháng 03 năm 2024.",
                           "1": "ngày 5 tháng 03 năm 2024"}
    old, new = parts(data), parts(out)
    assert {name for name in old if old[name] != new[name]} == {"word/document.xml",
                                                                "word/comments.xml"}
    assert set(new) == set(old)  # its comments part, relationship and content type serve


def test_every_finding_on_the_corpus_becomes_a_comment_on_its_paragraph():
    for path in CORPUS_DOCX:
        data = path.read_bytes()
        result = check_file(path, data, today=TODAY)
        out = annotate_docx(data, result.problems, path=path).data
        found = comments(out)
        assert len(found) == len(result.problems), path.name
        covered = ranges(out)
        assert set(covered) == {c.id for c in found} == set(references(out)), path.name
        texts = result.document.paragraph_texts()
        for comment, problem in zip(found, result.problems):
            assert comment.text.startswith(f"[{problem.code}] ")
            text = unicodedata.normalize("NFC", covered[comment.id])  # as the reader counts
            assert text in texts[problem.mark.line - 1], (path.name, problem)
            if problem.mark.length:  # what the rule said, exactly
                start = problem.mark.col - 1
                assert text == texts[problem.mark.line - 1][start:start + problem.mark.length]
        assert read_docx(path, out).paragraph_texts() == texts, path.name


# --- the command line ------------------------------------------------------------------------

def test_what_cannot_be_annotated_is_refused_before_checking(run, rendered, seeded, tmp_path):
    out = tmp_path / "x.docx"
    assert run(rendered, seeded, "--annotate", out).exit_code == 2
    assert run(tmp_path, "--annotate", out).exit_code == 2
    assert run(rendered, "--annotate", tmp_path / "x.pdf").exit_code == 2
    assert run(rendered, "--annotate", rendered).exit_code == 2
    assert run(seeded, "--fix", "--annotate", out).exit_code == 2
    assert not out.exists()


def test_a_plan_that_does_not_load_cannot_be_annotated(run, write_plan, tmp_path):
    plan = write_plan("type: [\n", "broken.yaml")
    result = run(plan, "--annotate", tmp_path / "x.docx")
    assert result.exit_code == 2 and "broken.yaml" in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_comments_follow_the_language_asked_for(rendered, tmp_path):
    out = tmp_path / "en.docx"
    result = CliRunner().invoke(check, [str(rendered), "--lang", "en", "--annotate", str(out)])
    assert result.exit_code == 1
    texts = [c.text for c in comments(out.read_bytes())]
    assert any(t.startswith("[VB402] “Sở Tư pháp” is given a task") for t in texts)
