"""What vanban keeps of a template in its cache folder (docxtpl's cleaned XML of each part,
the code Jinja compiles from it): a later process renders the same bytes with it, and a
missing, damaged or unwritable cache changes nothing but speed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_PLAN

from vanban.cache import cache_dir


def render_in_process(plan: Path, out: Path, cache: str, **env: str
                      ) -> subprocess.CompletedProcess:
    """``vanban render`` as its own process (the cache serves the next process)."""
    env = dict(os.environ, VANBAN_CACHE_DIR=cache, PYTHONPATH=str(ROOT / "src"), **env)
    return subprocess.run([sys.executable, "-m", "vanban", "render", str(plan), "-o", str(out),
                           "-q"], env=env, capture_output=True, text=True, timeout=120)


def entries(folder: Path) -> list[Path]:
    return sorted([*folder.glob("jinja/*.jinja"), *folder.glob("docxtpl/*.entry")])


def test_a_second_process_renders_the_same_bytes_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    first = render_in_process(SEED_PLAN, tmp_path / "first.docx", str(cache))
    assert first.returncode == 0, first.stderr
    written = entries(cache)
    kinds = {p.parent.name for p in written}
    assert kinds == {"jinja", "docxtpl"}  # each part of the template, cleaned and compiled
    stamps = {p: p.stat().st_mtime_ns for p in written}
    second = render_in_process(SEED_PLAN, tmp_path / "second.docx", str(cache))
    assert second.returncode == 0, second.stderr
    assert (tmp_path / "first.docx").read_bytes() == (tmp_path / "second.docx").read_bytes()
    assert {p: p.stat().st_mtime_ns for p in entries(cache)} == stamps  # read, not rewritten


def test_damaged_entries_are_compiled_again(tmp_path):
    cache = tmp_path / "cache"
    assert render_in_process(SEED_PLAN, tmp_path / "clean.docx", str(cache)).returncode == 0
    for index, entry in enumerate(entries(cache)):
        data = entry.read_bytes()
        # a truncated file, garbage after a valid header, and an empty file
        entry.write_bytes([data[: len(data) // 2], data[:6] + b"\x00garbage", b""][index % 3])
    again = render_in_process(SEED_PLAN, tmp_path / "again.docx", str(cache))
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert (tmp_path / "again.docx").read_bytes() == (tmp_path / "clean.docx").read_bytes()


def test_cache_off_writes_nothing(tmp_path):
    home, xdg = tmp_path / "home", tmp_path / "xdg"
    home.mkdir()
    xdg.mkdir()
    result = render_in_process(SEED_PLAN, tmp_path / "plan.docx", "off", HOME=str(home),
                               XDG_CACHE_HOME=str(xdg), LOCALAPPDATA=str(xdg))
    assert result.returncode == 0, result.stderr
    assert list(home.iterdir()) == list(xdg.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0,
                    reason="root writes to read-only folders")
def test_an_unwritable_cache_folder_is_only_slower(tmp_path):
    cache = tmp_path / "cache"
    for kind in ("jinja", "docxtpl"):
        (cache / kind).mkdir(parents=True)
        (cache / kind).chmod(0o500)
    try:
        result = render_in_process(SEED_PLAN, tmp_path / "plan.docx", str(cache))
    finally:
        for kind in ("jinja", "docxtpl"):
            (cache / kind).chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert entries(cache) == []


def test_a_cache_path_that_is_a_file_turns_the_cache_off(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    result = render_in_process(SEED_PLAN, tmp_path / "plan.docx", str(blocker))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_where_the_cache_lives(monkeypatch, tmp_path):
    monkeypatch.setenv("VANBAN_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir("jinja") == tmp_path / "mine" / "jinja"
    for off in ("off", "0", ""):
        monkeypatch.setenv("VANBAN_CACHE_DIR", off)
        assert cache_dir("jinja") is None
    monkeypatch.delenv("VANBAN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name != "nt":
        assert cache_dir("jinja") == tmp_path / "xdg" / "vanban" / "jinja"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the spec says
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        assert cache_dir("jinja") == tmp_path / "home" / ".cache" / "vanban" / "jinja"


def test_the_cache_folder_never_grows_without_bound(tmp_path, monkeypatch):
    from vanban import cache

    monkeypatch.setattr(cache, "ENTRIES_LIMIT", 5)
    for i in range(12):
        cache.write_entry(tmp_path, f"key{i}", f"part {i}".encode())
    assert 1 <= len(list(tmp_path.glob("*.entry"))) <= 5
    assert cache.read_entry(tmp_path, "key11") == b"part 11"  # the newest is kept
    assert cache.read_entry(tmp_path, "key0") is None
