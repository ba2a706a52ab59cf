"""The command line: exit codes, messages and the mapping onto the library API."""

import json
import unicodedata
from unittest import mock


from conftest import MINIMAL_PLAN, SEED_PLAN


def test_render_writes_the_document_and_says_where(run, tmp_path):
    result = run("render", SEED_PLAN, "-o", tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / "277-KH-BCD-2023.docx").exists()
    assert "đã ghi" in result.stderr


def test_render_passes_the_plan_output_and_template_to_the_api(run, tmp_path, write_plan):
    plan_path = write_plan(MINIMAL_PLAN)
    with mock.patch("vanban.renderer.render", autospec=True) as render:
        render.return_value = tmp_path / "x.docx"
        result = run("render", plan_path, "-o", tmp_path / "x.docx", "-t", tmp_path / "t.docx", "-q")
    assert result.exit_code == 0
    (plan, output), kwargs = render.call_args
    assert plan.title == "Thử nghiệm" and plan.path == str(plan_path)
    assert output == tmp_path / "x.docx"
    assert kwargs == {"template": tmp_path / "t.docx"}
    assert result.stderr == ""


def test_a_bad_plan_exits_1_with_every_problem_positioned(run, write_plan):
    path = write_plan(MINIMAL_PLAN.replace("number: 5", "number: năm").replace("place: Hà Nội", "plaice: Hà Nội"))
    result = run("render", path)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
    assert [line.split(": ")[0] for line in lines] == [f"{path}:1:1", f"{path}:5:9", f"{path}:6:1"]
    assert "cần một số nguyên" in result.stderr and "có phải là “place”" in result.stderr
    assert "    plaice: Hà Nội\n    ^" in result.stderr  # the line and a caret under the column


def test_english_messages_on_request(run, write_plan):
    result = run("render", "--lang", "en", write_plan(MINIMAL_PLAN.replace("place: Hà Nội\n", "")))
    assert result.exit_code == 1
    assert "error: missing required key “place”" in result.stderr


def test_missing_file_is_a_usage_error(run, tmp_path):
    result = run("render", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "không đọc được" in result.stderr


def test_broken_template_is_an_error_not_a_traceback(run, tmp_path, write_plan):
    template = tmp_path / "t.docx"
    template.write_text("not a docx")
    result = run("render", write_plan(MINIMAL_PLAN), "-t", template, "-o", tmp_path)
    assert result.exit_code == 2
    assert "không phải mẫu Word" in result.stderr


def test_a_mistake_in_the_house_style_is_shown_where_it_is(run, tmp_path, write_plan):
    plan = write_plan(MINIMAL_PLAN)
    (plan.parent / ".vanban.yaml").write_text("layout:\n  body_size: 15\n", encoding="utf-8")
    result = run("render", plan, "-o", tmp_path / "out.docx")
    assert result.exit_code == 2
    assert ".vanban.yaml:2:14:" in result.stderr
    assert not (tmp_path / "out.docx").exists()


def test_warnings_render_but_fail_under_strict(run, tmp_path, write_plan):
    nfd = unicodedata.normalize("NFD", "Thử nghiệm")
    path = write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: {nfd}"))
    relaxed = run("render", path, "-o", tmp_path)
    assert relaxed.exit_code == 0 and "cảnh báo" in relaxed.stderr
    assert run("render", "--strict", path, "-o", tmp_path / "s.docx").exit_code == 1
    assert not (tmp_path / "s.docx").exists()


def test_schema_is_json_with_vietnamese_or_english_descriptions(run):
    vi = json.loads(run("schema").stdout)
    en = json.loads(run("schema", "--lang", "en").stdout)
    assert vi["properties"]["title"]["description"].startswith("Trích yếu nội dung, chữ in thường")
    assert en["properties"]["title"]["description"].startswith("Subject line")
    assert set(vi["required"]) >= {"type", "issuer", "number", "date", "title", "signature"}


def test_new_writes_a_starting_plan_that_renders(run, tmp_path):
    path = tmp_path / "ke-hoach.yaml"
    assert run("new", path).exit_code == 0
    assert run("render", path, "-o", tmp_path).exit_code == 0
    refused = run("new", path)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert run("new", path, "--force").exit_code == 0


def test_every_command_has_help_in_vietnamese_with_clicks_own_words(run):
    for command in ([], ["render"], ["schema"], ["new"], ["check"], ["rules"], ["import"],
                    ["diff"], ["batch"]):
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Cách dùng:" in result.output
        assert "Hiện hướng dẫn này rồi thoát." in result.output
        assert "Show this message" not in result.output


def test_lang_en_gives_english_help_whatever_the_environment(run):
    result = run("--lang", "en", "check", "--help")
    assert "Usage:" in result.output and "Show this message and exit." in result.output
    assert "Check plan files or folders against Decree 30" in result.output
    assert "Kiểm tra" not in result.output
    assert "Kiểm tra tệp" in run("check", "--help").output  # and back to Vietnamese


def test_usage_errors_are_in_the_users_language(run):
    result = run("check", "--bogus")
    assert result.exit_code == 2
    assert "Không có tùy chọn '--bogus'." in result.stderr
    assert "Xem hướng dẫn:" in result.stderr
