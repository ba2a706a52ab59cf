"""User text is data; output is reproducible and written atomically."""

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import MINIMAL_PLAN, PLAN_FILES, ROOT
from vanban import OutputError, load_plan, render
from vanban.errors import TemplateError
from vanban.renderer import default_template, render_bytes

TRICKY = [
    "A & B < C > D",
    "“trích dẫn” 'đơn' \"kép\"",
    "{{ secret }} và {% for x in y %}{% endfor %}",
    "{_{ not docxtpl }_} {_% neither %_}",
    "{{r rich }} {%p if x %} {# comment #}",
    "]]> <![CDATA[ &amp; &#123; x",
]


@pytest.mark.parametrize("text", TRICKY)
def test_markup_and_template_syntax_in_a_plan_come_out_literally(write_plan, text):
    yaml_text = MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: '{text.replace(chr(39), chr(39) * 2)}'")
    yaml_text = yaml_text.replace("      - text: Nội dung thứ nhất.",
                                  f"      - text: '{text.replace(chr(39), chr(39) * 2)}'\n"
                                  f"        italic: true")
    yaml_text = yaml_text.replace("  - Sở Nội vụ", f"  - '{text.replace(chr(39), chr(39) * 2)}'")
    data = render_bytes(load_plan(write_plan(yaml_text)))
    doc = docx.Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    assert text in texts  # the title
    assert f"1. {text}" in texts  # an item of the body
    recipients = [p.text for p in doc.tables[-1].cell(0, 0).paragraphs]
    assert f"- {text};" in recipients


def test_the_same_plan_renders_to_the_same_bytes():
    for plan_file in PLAN_FILES:
        plan = load_plan(plan_file)
        assert render_bytes(plan) == render_bytes(load_plan(plan_file)), plan_file.name


def test_package_entries_have_fixed_timestamps():
    data = render_bytes(load_plan(PLAN_FILES[0]))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_the_shipped_template_is_the_projects_template_and_rebuilds_identically():
    import runpy

    project = ROOT / "templates" / "ke-hoach.docx"
    assert project.read_bytes() == default_template().read_bytes()
    builder = runpy.run_path(str(ROOT / "scripts" / "build_template.py"))
    assert builder["build"]() == project.read_bytes()


def test_rendering_into_a_missing_directory_creates_it(tmp_path, write_plan):
    out = render(write_plan(MINIMAL_PLAN), tmp_path / "a" / "b" / "x.docx")
    assert out.exists() and zipfile.is_zipfile(out)


def test_output_into_a_directory_uses_the_plan_name(tmp_path, write_plan):
    (tmp_path / "out").mkdir()
    out = render(write_plan(MINIMAL_PLAN, "ke-hoach-05.yaml"), tmp_path / "out")
    assert out == tmp_path / "out" / "ke-hoach-05.docx"


def test_a_failed_render_leaves_the_existing_document_untouched(tmp_path, write_plan):
    target = tmp_path / "plan.docx"
    target.write_bytes(b"the signed version")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(TemplateError):
        render(write_plan(MINIMAL_PLAN), target, template=broken)
    assert target.read_bytes() == b"the signed version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.docx", "plan.docx", "plan.yaml"]


def test_an_unwritable_target_raises_output_error_and_leaves_no_temp_file(tmp_path, write_plan):
    if os.geteuid() == 0:
        # root ignores permissions; a path whose parent is a file fails for everyone
        target = tmp_path / "plan.yaml" / "x.docx"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "x.docx"
    plan = write_plan(MINIMAL_PLAN)
    with pytest.raises(OutputError):
        render(plan, target)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_write_failure_midway_keeps_the_old_file(tmp_path, write_plan, monkeypatch):
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputError, match="ổ đĩa đã đầy"):
        render(write_plan(MINIMAL_PLAN), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_template_asking_for_unknown_fields_is_refused_before_rendering(tmp_path, write_plan):
    from docx import Document

    doc = Document(str(default_template()))
    doc.add_paragraph("{{ secret_field }}")
    custom = tmp_path / "custom.docx"
    doc.save(custom)
    with pytest.raises(TemplateError, match="secret_field"):
        render_bytes(load_plan(write_plan(MINIMAL_PLAN)), custom)


def test_an_agency_template_with_different_styles_is_used(tmp_path, write_plan):
    from docx import Document
    from docx.shared import Pt

    doc = Document(str(default_template()))
    doc.styles["VB Recipient"].font.size = Pt(12)
    custom = tmp_path / "agency.docx"
    doc.save(custom)
    out = docx.Document(io.BytesIO(render_bytes(load_plan(write_plan(MINIMAL_PLAN)), custom)))
    assert out.styles["VB Recipient"].font.size == Pt(12)
    assert Path(custom).exists()


def test_output_paths_name_a_file_or_a_directory(tmp_path):
    from vanban import UsageError
    from vanban.renderer import output_path

    assert output_path("plans/a.yaml", None) == Path("a.docx")
    assert output_path("plans/a.yaml", tmp_path / "x.docx") == tmp_path / "x.docx"
    assert output_path("plans/a.yaml", tmp_path / "new-dir") == tmp_path / "new-dir" / "a.docx"
    with pytest.raises(UsageError):
        output_path("plans/a.yaml", tmp_path / "a.pdf")


def test_an_output_whose_folder_is_a_file_is_refused_in_words_of_the_language(tmp_path, write_plan):
    from click.testing import CliRunner

    from vanban.cli import main

    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    plan = write_plan(MINIMAL_PLAN)
    result = CliRunner().invoke(main, ["render", str(plan), "-o", str(tmp_path / "out" / "x.docx")])
    assert result.exit_code == 2
    assert "một tệp đang nằm ở chỗ cần một thư mục" in result.stderr
    english = CliRunner().invoke(main, ["--lang", "en", "render", str(plan), "-o",
                                        str(tmp_path / "out" / "x.docx")])
    assert "a file stands where a folder is needed" in english.stderr
    assert (tmp_path / "out").read_text(encoding="utf-8") == "not a folder"
