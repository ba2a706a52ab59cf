"""``vanban render --watch`` run as a user runs it: a real process, real saves, a real Ctrl-C.
It renders again soon after each save, survives a save that breaks the plan, and stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document

from conftest import MINIMAL_PLAN

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")


def _wait_for(condition, timeout: float = 30.0) -> float:
    """Seconds until ``condition()`` holds; fails after ``timeout``."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError("timed out waiting for the watcher")
        time.sleep(0.02)
    return time.monotonic() - start


def _title_in(path: Path, title: str) -> bool:
    try:
        return any(title in p.text for p in Document(str(path)).paragraphs)
    except Exception:  # noqa: BLE001 - not there yet, or being replaced
        return False


def _save(path: Path, text: str) -> None:
    # as editors do: write a new file and rename it over the old one
    temp = path.with_name(".plan.yaml.swp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def test_render_watch_renders_each_save_and_survives_a_broken_one(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    out = tmp_path / "out.docx"
    proc = subprocess.Popen(
        [sys.executable, "-m", "vanban", "render", str(plan), "-o", str(out), "--watch"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for(lambda: _title_in(out, "Thử nghiệm"), timeout=60)
        time.sleep(0.3)  # the watch is set up right after the first run

        _save(plan, MINIMAL_PLAN.replace("title: Thử nghiệm", "title: Lần sửa thứ nhất"))
        first = _wait_for(lambda: _title_in(out, "Lần sửa thứ nhất"))

        before = out.read_bytes()
        _save(plan, MINIMAL_PLAN.replace("sections:", "sections: [\n"))  # a broken save
        time.sleep(1.0)
        assert proc.poll() is None, "a broken save stopped the watcher"
        assert out.read_bytes() == before  # nothing written from a plan that cannot be read

        _save(plan, MINIMAL_PLAN.replace("title: Thử nghiệm", "title: Lần sửa thứ hai"))
        second = _wait_for(lambda: _title_in(out, "Lần sửa thứ hai"))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        _stdout, stderr = proc.communicate(timeout=30)

    print(f"re-rendered {first:.2f} s and {second:.2f} s after the saves")
    # within a second of a save (the faster of the two, so one hiccup of a shared machine
    # does not fail the test; both must still come)
    assert min(first, second) < 1.0, (first, second)
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert "dòng" in stderr  # the broken save was explained with its line
    runs = [line for line in stderr.splitlines() if line.startswith("— ")]
    assert len(runs) >= 4  # the first run, each save (the broken one too)
    assert "đang theo dõi" in stderr


def test_check_watch_checks_again_when_the_configuration_changes(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL_PLAN.replace("name: Nguyễn Văn A", "name: Ông Nguyễn Văn A"),
                    encoding="utf-8")
    log = tmp_path / "log.txt"
    with log.open("w", encoding="utf-8") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "vanban", "check", str(plan), "--watch"],
                                stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        def last_run() -> str:
            return log.read_text(encoding="utf-8").split("— ")[-1]

        _wait_for(lambda: "VB305" in last_run(), timeout=60)  # the title before the name
        time.sleep(0.3)
        # a configuration made beside the plan while watching is picked up
        (tmp_path / ".vanban.yaml").write_text("rules:\n  VB305: off\n", encoding="utf-8")
        _wait_for(lambda: "VB305" not in last_run() and "1 tệp" in last_run(), timeout=10)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
    assert proc.returncode == 0
    assert "Traceback" not in log.read_text(encoding="utf-8")
