"""Ctrl-C during a batch, with a real SIGINT sent to the whole process group as a terminal
does: workers stop quietly, nothing half-written stays, the manifest lists what is on disk."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import PLANS_DIR

FLOOD = PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_ctrl_c_stops_a_batch_cleanly_with_exit_130(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    text = FLOOD.read_text(encoding="utf-8")
    for n in range(1, 161):  # a few seconds of work, so the signal lands in the middle
        (plans / f"kh-{n:03d}.yaml").write_text(text.replace("number: 45", f"number: {n}"),
                                                encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "vanban", "batch", str(plans), "-o", str(out),
               "-k", "copies", "-k", "extracts", "-j", "4", "--no-progress"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(list(out.glob("*.docx"))) >= 20:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _stdout, stderr = proc.communicate(timeout=60)

    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert "bị dừng" in stderr or "interrupted" in stderr
    assert list(out.glob(".*.tmp")) == []
    listed = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]
    on_disk = {p.name for p in out.glob("*.docx")}
    assert {d["file"] for d in listed} == on_disk  # the manifest is what is there, no more
    assert 20 <= len(on_disk) < 160 * 7
    for doc in listed:
        data = (out / doc["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == doc["sha256"]

    # the same command again finishes the batch and keeps what was made
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]) \
        > len(listed)
