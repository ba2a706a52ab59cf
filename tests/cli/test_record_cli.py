"""``vanban record``: the record on standard output or in a file, exit 1 naming the field that
is too long, the register line as CSV."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET


from conftest import MINIMAL_PLAN, SEED_PLAN


def test_json_on_standard_output_and_the_page_source_on_standard_error(run):
    result = run("record", SEED_PLAN, "--estimate")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["CodeNumber"] == "277" and record["PageAmount"] >= 1
    assert "ước tính" in result.stderr


def test_xml_written_to_a_file(run, tmp_path):
    out = tmp_path / "record.xml"
    result = run("record", SEED_PLAN, "--estimate", "-f", "xml", "-o", out)
    assert result.exit_code == 0
    assert ET.parse(out).getroot().findtext("CodeNotation") == "KH-BCĐ"


def test_a_too_long_field_exits_1_naming_it_in_vietnamese(run, write_plan):
    path = write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", "title: " + "Triển khai " * 60))
    result = run("record", path, "--estimate")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}:8:" in result.stderr
    assert "Subject" in result.stderr and "500" in result.stderr and "lỗi" in result.stderr


def test_a_plan_that_cannot_be_read_exits_1(run, write_plan):
    result = run("record", write_plan("type: Kế hoạch\ntitle: [\n"), "--estimate")
    assert result.exit_code == 1


def test_the_register_line_as_csv(run, tmp_path):
    out = tmp_path / "so-di.csv"
    result = run("record", SEED_PLAN, "--estimate", "-f", "register-csv", "-o", out)
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Số, ký hiệu văn bản" and rows[1][0] == "277/KH-BCĐ"
    lines = run("record", SEED_PLAN, "--estimate", "-f", "register-csv", "--no-header")
    assert list(csv.reader(io.StringIO(lines.stdout))) == rows[1:]


def test_a_folder_gives_the_record_of_every_plan_in_it(run, tmp_path):
    import shutil

    from conftest import PLAN_FILES

    for plan in PLAN_FILES:
        shutil.copy(plan, tmp_path / plan.name)
    result = run("record", tmp_path, "--estimate", "-q", "-f", "register-csv", "--no-header")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == len(PLAN_FILES)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("record", empty).exit_code == 2
