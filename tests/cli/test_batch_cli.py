"""``vanban batch`` on the command line: exit codes, messages, reruns and failures."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from docx import Document

from batchutil import COPIER_YAML
from conftest import MINIMAL_PLAN, PLANS_DIR, SEED_PLAN
from vanban.cli.batch import batch


@pytest.fixture
def run():
    def invoke(*args, env=None):
        result = CliRunner().invoke(batch, [str(a) for a in args], env=env)
        assert "Traceback" not in result.output, result.output
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
        return result
    return invoke


def test_copies_of_a_folder_with_a_summary_and_manifests(run, tmp_path):
    result = run(PLANS_DIR, "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    count = len(manifest["documents"])
    assert count == len(list(tmp_path.glob("*.docx"))) > 15
    assert f"đã tạo {count} văn bản, 0 văn bản đã cập nhật từ trước" in result.stderr
    assert "bảng kê:" in result.stderr
    assert "Đang tạo văn bản" not in result.stderr  # no progress bar outside a terminal


def test_a_rerun_skips_what_is_up_to_date_and_force_rebuilds(run, tmp_path):
    assert run(SEED_PLAN, "-o", tmp_path, "-q").exit_code == 0
    target = tmp_path / "277-kh-bcd-2023__cong-an-tinh.docx"
    stamp = target.stat().st_mtime_ns
    again = run(SEED_PLAN, "-o", tmp_path)
    assert "đã tạo 0 văn bản, 7 văn bản đã cập nhật từ trước" in again.stderr
    assert target.stat().st_mtime_ns == stamp
    target.write_bytes(b"changed by hand")
    repaired = run(SEED_PLAN, "-o", tmp_path)
    assert "đã tạo 1 văn bản, 6 văn bản" in repaired.stderr  # the edited file is remade
    assert Document(str(target)).core_properties.comments.startswith("Bản gửi Công an tỉnh")
    forced = run(SEED_PLAN, "-o", tmp_path, "--force", "--lang", "en")
    assert "7 document(s) made, 0 already up to date" in forced.stderr


def test_one_failing_copy_is_reported_and_the_others_are_made(run, tmp_path):
    (tmp_path / "277-kh-bcd-2023__cong-an-tinh.docx").mkdir()  # an unwritable target
    result = run(SEED_PLAN, "-o", tmp_path, "--lang", "en")
    assert result.exit_code == 1
    assert "6 document(s) made" in result.stderr
    assert "1 document(s) failed:" in result.stderr
    assert f"  {tmp_path / '277-kh-bcd-2023__cong-an-tinh.docx'}: cannot write" in result.stderr
    assert len(list(tmp_path.glob("*.docx"))) == 7  # six copies and the directory
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["documents"]) == 6
    assert "277-kh-bcd-2023__cong-an-tinh.docx" not in [d["file"] for d in manifest["documents"]]


def test_a_plan_with_errors_is_reported_with_positions_and_the_others_go_on(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL_PLAN.replace("number: 5", "number: năm"), encoding="utf-8")
    result = run(bad, SEED_PLAN, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{bad}:5:9: lỗi:" in result.stderr
    assert "    number: năm\n            ^" in result.stderr
    assert "bỏ qua 1 kế hoạch vì có lỗi" in result.stderr
    assert len(list((tmp_path / "out").glob("*.docx"))) == 7


def test_usage_errors_exit_2(run, tmp_path):
    assert run(SEED_PLAN, "-o", tmp_path, "-k", "sao-y").exit_code == 2  # no --copier
    bad_common = run(SEED_PLAN, "-o", tmp_path, "-k", "extracts", "--common", "I, phần X")
    assert bad_common.exit_code == 2 and "phần X" in bad_common.stderr
    assert run(SEED_PLAN, "-o", tmp_path, "--date", "31/02/2026").exit_code == 2
    missing = run(tmp_path / "none.yaml", "-o", tmp_path)
    assert missing.exit_code == 2 and "none.yaml" in missing.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(empty, "-o", tmp_path).exit_code == 2


def test_missing_libreoffice_says_how_to_install_it(run, tmp_path):
    result = run(SEED_PLAN, "-o", tmp_path / "out", "--pdf",
                 env={"VANBAN_SOFFICE": str(tmp_path / "no-soffice")})
    assert result.exit_code == 2
    assert "apt-get install libreoffice-writer-nogui" in result.stderr
    assert not (tmp_path / "out").exists()  # nothing was made before the check


def test_copy_details_with_errors_exit_1_with_positions(run, tmp_path):
    details = tmp_path / "sao.yaml"
    details.write_text(COPIER_YAML.replace("place: Bà Rịa - Vũng Tàu\n", ""), encoding="utf-8")
    result = run(SEED_PLAN, "-o", tmp_path, "-k", "sao-y", "--copier", details)
    assert result.exit_code == 1
    assert f"{details}:1:1: lỗi: thiếu khóa bắt buộc “place”" in result.stderr


def test_formal_copies_and_extracts_from_the_command_line(run, tmp_path):
    details = tmp_path / "sao.yaml"
    details.write_text(COPIER_YAML, encoding="utf-8")
    result = run(SEED_PLAN, "-o", tmp_path / "out", "-k", "extracts", "-k", "sao-y",
                 "--copier", details, "--date", "05/03/2026", "--common", "I")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert "277-kh-bcd-2023__sao-y-01-sy-vp.docx" in names
    assert sum(n.startswith("277-kh-bcd-2023__trich__") for n in names) == 11
    series = json.loads((tmp_path / "out" / "copy-series.json").read_text(encoding="utf-8"))
    assert series["years"]["2026"]["last"] == 1


def test_progress_bar_on_request(run, tmp_path):
    result = run(SEED_PLAN, "-o", tmp_path, "--progress")
    assert result.exit_code == 0
    assert "Đang tạo văn bản" in result.stderr
    quiet = run(SEED_PLAN, "-o", tmp_path, "--progress", "-q", "--force")
    assert quiet.stderr == ""
