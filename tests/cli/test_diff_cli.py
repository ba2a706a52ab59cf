"""``vanban diff``: outputs, exit codes and messages."""

import json

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from conftest import MINIMAL_PLAN
from diffcases import paths
from vanban.cli.diff import diff


@pytest.fixture
def run():
    def invoke(*args, env=None):
        result = CliRunner().invoke(diff, [str(a) for a in args], env=env)
        assert "Traceback" not in result.output
        assert not isinstance(result.exception, Exception) or isinstance(result.exception,
                                                                          SystemExit)
        return result
    return invoke


def revisions(path):
    doc = docx.Document(str(path))
    return [el for el in doc.element.body.iter(qn("w:ins"), qn("w:del"))
            if el.getparent().tag != qn("w:rPr")]


def test_writes_the_redline_with_the_author_and_date_asked_for(run, tmp_path):
    out = tmp_path / "changes.docx"
    result = run(*paths("one-word"), "-o", out, "--author", "Nguyễn Văn A", "--date", "2026-03-05")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # a document was asked for, not a summary
    assert f"đã ghi {out}" in result.stderr
    changes = revisions(out)
    assert len(changes) == 2
    assert {(c.get(qn("w:author")), c.get(qn("w:date"))) for c in changes} == {
        ("Nguyễn Văn A", "2026-03-05T00:00:00Z")}


def test_the_date_defaults_to_source_date_epoch(run, tmp_path):
    out = tmp_path / "changes.docx"
    assert run(*paths("date"), "-o", out, env={"SOURCE_DATE_EPOCH": "1767225600"}).exit_code == 0
    assert {c.get(qn("w:date")) for c in revisions(out)} == {"2026-01-01T00:00:00Z"}
    assert {c.get(qn("w:author")) for c in revisions(out)} == {"vanban"}


def test_without_output_it_prints_the_text_summary(run):
    result = run(*paths("deleted-point"), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith("Changes in Kế hoạch 45/KH-UBND: version 1 → version 2\n")
    assert "removed     I.1.a: Chủ động phòng ngừa" in result.stdout


def test_json_summary_alongside_the_document(run, tmp_path):
    out = tmp_path / "changes.docx"
    result = run(*paths("moved-item"), "-o", out, "--format", "json", "-q")
    assert result.exit_code == 0 and out.exists() and result.stderr == ""
    assert json.loads(result.stdout)["summary"]["moved"] == 1


def test_identical_plans_exit_0_and_say_so(run):
    result = run(*paths("identical"))
    assert result.exit_code == 0 and "không có khác biệt" in result.stdout


def test_table_mode_writes_the_comparison_table(run, tmp_path):
    out = tmp_path / "so-sanh.docx"
    result = run(*paths("recipients"), "--table", "-o", out, "--date", "2026-03-05T09:30:00")
    assert result.exit_code == 0, result.output
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].text == "BẢNG SO SÁNH"
    assert len(doc.tables[0].rows) == 1 + 4


@pytest.mark.parametrize("args,message", [
    (["--table"], "--table ghi ra một văn bản"),
    (["-o", "changes.pdf"], "phải có đuôi .docx"),
    (["--date", "hôm qua"], "ngày không hợp lệ “hôm qua”"),
])
def test_usage_errors_exit_2(run, tmp_path, args, message):
    result = run(*paths("one-word"), *args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.startswith("Lỗi:")


def test_a_missing_plan_exits_2(run, tmp_path):
    old, _ = paths("one-word")
    result = run(old, tmp_path / "khong-co.yaml")
    assert result.exit_code == 2 and "không đọc được" in result.stderr


def test_plan_errors_exit_1_with_positions_and_write_nothing(run, write_plan, tmp_path):
    bad = write_plan(MINIMAL_PLAN.replace("number: 5", "number: năm"), "bad.yaml")
    out = tmp_path / "changes.docx"
    out.write_bytes(b"previous")
    result = run(*paths("one-word")[:1], bad, "-o", out)
    assert result.exit_code == 1
    assert f"{bad}:5:9: lỗi:" in result.stderr
    assert out.read_bytes() == b"previous"


def test_an_unwritable_output_is_an_error_not_a_traceback(run, tmp_path):
    result = run(*paths("one-word"), "-o", tmp_path / "no" / "such" / "dir" / "x.docx")
    assert result.exit_code == 2 and result.stderr.startswith("Lỗi: ")


def test_changes_the_template_does_not_print_are_reported(run, tmp_path, write_plan):
    from docx import Document

    from vanban.renderer import default_template

    template = Document(str(default_template()))  # an agency template without the drafter line
    cell = template.tables[-1].cell(0, 0).paragraphs
    start = next(i for i, p in enumerate(cell) if "if drafter_line" in p.text)
    for p in cell[start:start + 3]:  # {%p if drafter_line %}, {{ drafter_line }}, {%p endif %}
        p._p.getparent().remove(p._p)
    template.save(tmp_path / "agency.docx")
    old = write_plan(MINIMAL_PLAN, "old.yaml")
    new = write_plan(MINIMAL_PLAN + "drafter: PL\n", "new.yaml")
    result = run(old, new, "-o", tmp_path / "x.docx", "-t", tmp_path / "agency.docx", "--lang",
                 "en")
    assert result.exit_code == 0
    assert ("warning: 1 change(s) cannot be shown in the document because the template does "
            "not print them: drafter and copies") in result.stderr


def test_a_missing_template_exits_2(run, tmp_path):
    result = run(*paths("one-word"), "-o", tmp_path / "x.docx", "-t", tmp_path / "none.docx")
    assert result.exit_code == 2 and "không đọc được mẫu" in result.stderr
    assert not (tmp_path / "x.docx").exists()
