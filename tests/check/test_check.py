"""`vanban check`: seeded defects, the bundled plans, folders, configuration, suppression."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import PLANS_DIR, ROOT
from vanban.check.paths import check_file, check_paths
from vanban.cli import main

DATA = ROOT / "tests" / "data"
TODAY = dt.date(2026, 11, 26)


def annotated(path: Path) -> list[tuple[int, str]]:
    """(line, code) for every ``# expect: CODE …`` comment in a plan."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if m := re.search(r"#\s*expect:\s*([A-Z0-9 ]+)$", line):
            out += [(number, code) for code in m.group(1).split()]
    return sorted(out)


SEEDED = ["defects.yaml", "defects-final-blanks.yaml", "defects-decision.yaml"]


@pytest.mark.parametrize("name", SEEDED)
def test_a_plan_seeded_with_one_defect_of_each_kind_yields_exactly_those(name):
    path = DATA / name
    result = check_file(path, today=TODAY)
    assert sorted((p.mark.line, p.code) for p in result.problems) == annotated(path)


def test_the_seeded_plans_cover_every_rule_that_checks_one_plan():
    from vanban.rules import all_rules

    codes = {code for name in SEEDED for _line, code in annotated(DATA / name)}
    wanted = {r.code for r in all_rules() if r.check is not None and r.scope == "plan"} | {"VB010"}
    assert wanted <= codes


def test_the_published_plan_has_exactly_its_real_slips():
    result = check_file(PLANS_DIR / "277-KH-BCD-2023.yaml", today=TODAY)
    assert [(p.mark.line, p.code) for p in result.problems] == [
        (17, "VB104"),  # “I. MỤC ĐÍCH, YÊU CẦU:”
        (33, "VB605"),  # “công ước /điều ước”
        (37, "VB402"),  # Ban Tuyên giáo Tỉnh ủy does not receive the plan
        (50, "VB606"),  # “nghiên cứu, xây dựng lập luận” twice
        (60, "VB402"),  # nor does Liên hiệp các Tổ chức Hữu nghị tỉnh
        (74, "VB202"),  # “+” items straight under “10.”
    ]


@pytest.mark.parametrize("name", ["45-KH-UBND-2026-phong-chong-thien-tai.yaml",
                                  "du-thao-KH-STP-2026-pho-bien-phap-luat.yaml"])
def test_our_own_plans_are_clean(name):
    assert check_file(PLANS_DIR / name, today=TODAY).problems == []


def write_numbered(folder: Path, name: str, number: int, date: str = "2026-01-15") -> Path:
    text = (PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml").read_text(encoding="utf-8")
    text = text.replace("number: 45", f"number: {number}").replace("date: 2026-01-15", f"date: {date}")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_with_a_duplicate_number_and_a_gap(tmp_path):
    write_numbered(tmp_path, "a.yaml", 12)
    write_numbered(tmp_path, "b.yaml", 12)
    write_numbered(tmp_path, "c.yaml", 15)
    write_numbered(tmp_path, "d.yaml", 15, date="2025-03-02")  # another year: another series
    report = check_paths([tmp_path], today=TODAY)
    found = sorted((Path(p.mark.path).name, p.code) for p in report.problems)
    assert found == [("a.yaml", "VB701"), ("b.yaml", "VB701"), ("c.yaml", "VB702")]
    gap = next(p for p in report.problems if p.code == "VB702")
    assert "13–14" in gap.message("en")


def test_a_folder_is_checked_however_its_path_is_written(tmp_path, monkeypatch):
    hidden, inner = tmp_path / ".plans", tmp_path / "work"
    hidden.mkdir(), inner.mkdir()
    write_numbered(hidden, "a.yaml", 12)
    write_numbered(hidden / ".." / "work", "b.yaml", 13)
    (hidden / ".backup").mkdir()
    write_numbered(hidden / ".backup", "old.yaml", 12)  # hidden inside the folder: skipped
    monkeypatch.chdir(inner)
    checked = [Path(f.path).name for f in check_paths([Path("../.plans")], today=TODAY).files]
    assert checked == ["a.yaml"]
    assert [Path(f.path).name for f in check_paths([Path("..") / "work"], today=TODAY).files] \
        == ["b.yaml"]


def test_a_folder_without_plans_is_an_error_not_a_pass(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["check", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "không có tệp kế hoạch nào" in result.stderr


def test_configuration_is_found_walking_up_and_changes_levels_and_options(tmp_path):
    (tmp_path / "nested").mkdir()
    shutil.copy(DATA / "defects.yaml", tmp_path / "nested" / "plan.yaml")
    (tmp_path / ".vanban.yaml").write_text(
        "rules:\n  VB606: off\n  tone-marks: error\n  VB305: {allow_titles: true}\n", encoding="utf-8")
    result = check_file(tmp_path / "nested" / "plan.yaml", today=TODAY)
    codes = {p.code: p for p in result.problems}
    assert "VB606" not in codes
    assert str(codes["VB602"].severity) == "error"
    assert "“Ông”" in codes["VB305"].message("en")  # titles allowed; honorifics still are not


def test_configuration_in_pyproject_and_strict_preset(tmp_path):
    shutil.copy(DATA / "defects-final-blanks.yaml", tmp_path / "plan.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.vanban]\nextends = "strict"\n[tool.vanban.rules]\nVB302 = "warning"\n', encoding="utf-8")
    result = check_file(tmp_path / "plan.yaml", today=TODAY)
    levels = {p.code: str(p.severity) for p in result.problems}
    assert levels == {"VB302": "warning", "VB303": "error", "VB308": "error"}


def test_configuration_errors_have_positions_and_exit_2(tmp_path):
    shutil.copy(DATA / "defects-final-blanks.yaml", tmp_path / "plan.yaml")
    (tmp_path / ".vanban.yaml").write_text(
        "rules:\n  VB999: off\n  VB305: {allow_titel: true}\n  VB602: loud\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 2
    assert f"{tmp_path / '.vanban.yaml'}:2:3" in result.stderr
    assert f"{tmp_path / '.vanban.yaml'}:3:11" in result.stderr
    assert f"{tmp_path / '.vanban.yaml'}:4:10" in result.stderr


def test_inline_comments_disable_rules_on_a_line_the_next_line_or_the_file(tmp_path):
    text = (DATA / "defects.yaml").read_text(encoding="utf-8")
    text = text.replace("symbol: Kh-BCĐ                         # expect: VB301",
                        "symbol: Kh-BCĐ   # vanban: disable=number-symbol")
    text = text.replace("place: hà Tĩnh", "# vanban: disable=VB303\nplace: hà Tĩnh")
    text = "# vanban: disable-file=VB606,VB605\n" + text
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    codes = {p.code for p in check_file(path, today=TODAY).problems}
    assert not codes & {"VB301", "VB303", "VB605", "VB606"}
    assert {"VB304", "VB201"} <= codes


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def test_check_exit_codes_and_strict():
    assert run("check", "--today", "2026-11-26", PLANS_DIR).exit_code == 0  # warnings only
    assert run("check", "--today", "2026-11-26", "--strict", PLANS_DIR).exit_code == 1
    assert run("check", "--today", "2026-11-26", DATA / "defects.yaml").exit_code == 1
    assert run("check", DATA / "missing.yaml").exit_code == 2
    assert run("check", "--select", "VB999", DATA / "defects.yaml").exit_code == 2


def test_json_github_and_parsable_formats():
    path = DATA / "defects-final-blanks.yaml"
    data = json.loads(run("check", "--today", "2026-11-26", "-f", "json", path).stdout)
    assert [(d["line"], d["code"], d["severity"]) for d in data] == [
        (4, "VB302", "error"), (6, "VB303", "error"), (18, "VB308", "error")]
    github = run("check", "--today", "2026-11-26", "-f", "github", path).stdout.splitlines()
    assert github[0].startswith(f"::error file={path},line=4,col=8,title=VB302::")
    parsable = run("check", "--lang", "en", "--today", "2026-11-26", "-f", "parsable", path)
    assert parsable.stdout.splitlines()[1].startswith(f"{path}:6:7: error: the plan is dated")


def test_select_and_ignore():
    path = DATA / "defects.yaml"
    only = json.loads(run("check", "-f", "json", "--select", "VB201,tone-marks", path).stdout)
    assert {d["code"] for d in only} == {"VB201", "VB602"}
    rest = json.loads(run("check", "-f", "json", "--ignore", "VB201", path).stdout)
    assert "VB201" not in {d["code"] for d in rest} and len(rest) > 20


def test_fix_rewrites_only_what_is_certain_and_keeps_comments(tmp_path):
    path = tmp_path / "plan.yaml"
    shutil.copy(DATA / "defects.yaml", path)
    before = path.read_text(encoding="utf-8")
    result = run("check", "--fix", "--today", "2026-11-26", "-f", "json", path)
    after = path.read_text(encoding="utf-8")
    remaining = {d["code"] for d in json.loads(result.stdout)}
    fixed = {"VB010", "VB104", "VB301", "VB603", "VB604", "VB605", "VB607", "VB608", "VB305",
             "VB401"}
    assert not remaining & (fixed - {"VB401"})  # VB401 also reports the duplicate, not fixable
    assert {"VB201", "VB202", "VB304", "VB606", "VB402"} <= remaining
    assert "đã sửa" in result.stderr
    assert [line for line in before.splitlines() if line.startswith("#")] == \
        [line for line in after.splitlines() if line.startswith("#")]
    assert "symbol: KH-BCĐ                         # expect: VB301" in after
    assert "Thực hiện Kế hoạch số 04/KH-UBND" in after
    assert "Độc lập - Tự do - Hạnh phúc" in after
    assert "name: Nguyễn Văn A" in after
    assert len(after.splitlines()) == len(before.splitlines())
    again = run("check", "--fix", "--today", "2026-11-26", "-f", "json", path)
    assert "đã sửa" not in again.stderr  # nothing left to fix: the fix is idempotent


def test_rules_lists_and_explains():
    listing = run("rules").stdout
    assert "VB201  numbering-sequence" in listing
    assert "Số thứ tự ghi sẵn theo đúng trình tự" in listing
    detail = run("rules", "numbering-style").stdout
    assert detail.startswith("VB202 numbering-style") and "## Vì sao" in detail
    assert run("rules", "VB999").exit_code == 2


def test_a_large_folder_is_checked_in_parallel_with_the_same_findings(tmp_path):
    from vanban.check.paths import PARALLEL_FROM

    for i in range(PARALLEL_FROM + 2):
        write_numbered(tmp_path, f"p{i:03d}.yaml", i + 1 + (i == 7))  # …, 7, 9, 9, 10, …
    parallel = check_paths([tmp_path], today=TODAY, jobs=2)
    serial = check_paths([tmp_path], today=TODAY, jobs=1)
    key = lambda r: sorted((p.mark.path, p.mark.line, p.code, p.message("en")) for p in r.problems)
    assert key(parallel) == key(serial)
    assert sorted((Path(p.mark.path).name, p.code) for p in parallel.problems) == [
        ("p007.yaml", "VB701"), ("p007.yaml", "VB702"), ("p008.yaml", "VB701")]
    assert all(f.source is None for f in parallel.files)  # checked in workers


def test_diff_shows_what_fix_would_change_and_changes_nothing(tmp_path):
    path = tmp_path / "plan.yaml"
    shutil.copy(DATA / "defects.yaml", path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["check", "--diff", str(path)])
    assert result.exit_code == 1
    assert "-symbol: Kh-BCĐ" in result.output and "+symbol: KH-BCĐ" in result.output
    assert "+  name: Nguyễn Văn A" in result.output
    assert path.read_bytes() == before
    clean = CliRunner().invoke(main, ["check", "--diff", str(PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml")])
    assert clean.exit_code == 0 and clean.output == ""


def test_the_pre_commit_hooks_run_the_checker_on_the_files_given(tmp_path):
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["vanban-check", "vanban-fix"]
    plan = tmp_path / "plan.yaml"
    shutil.copy(DATA / "defects.yaml", plan)
    for hook in hooks:
        program, *args = hook["entry"].split()
        assert program == "vanban" and re.search(hook["files"], "ke-hoach/plan.yaml")
        assert not re.search(hook["exclude"], ".vanban.yaml") is None
        result = CliRunner().invoke(main, [*args, str(plan)])
        assert result.exit_code == 1  # the seeded defects are reported (and some fixed)
    assert "symbol: KH-BCĐ" in plan.read_text(encoding="utf-8")  # vanban-fix fixed it
