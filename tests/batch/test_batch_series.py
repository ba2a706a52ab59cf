"""The copy series: one running number for all copy kinds, across runs, years and processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batchutil import COPIER_YAML
from conftest import PLANS_DIR, ROOT, SEED_PLAN
from vanban.batch import BatchRequest, CopyKind, read_copier, run_batch
from vanban.batch.series import Request, Series
from vanban.errors import SeriesError

FLOOD = PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"


def request(key: str, day: dt.date = dt.date(2026, 3, 5), code: str = "SY") -> Request:
    return Request(key=key, code=code, date=day, document="277/KH-BCĐ")


def test_numbers_run_on_across_kinds_and_restart_each_year(tmp_path):
    series = Series(tmp_path / "s.json", "VP")
    got = series.issue([request("a"), request("b", code="TrS"), request("c", code="SL"),
                        request("d", dt.date(2026, 12, 31)), request("e", dt.date(2027, 1, 1))])
    assert [(i.number, i.symbol("VP")) for i in got] == [
        (1, "01/SY-VP"), (2, "02/TrS-VP"), (3, "03/SL-VP"), (4, "04/SY-VP"), (1, "01/SY-VP")]
    assert [i.date for i in got][-2:] == ["2026-12-31", "2027-01-01"]
    state = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert state["body"] == "VP" and state["years"]["2026"]["last"] == 4
    assert state["years"]["2027"]["last"] == 1
    # the same copy asked again keeps its number; a new one continues the year
    again = series.issue([request("b"), request("f")])
    assert [i.number for i in again] == [2, 5]


def test_a_hand_edited_register_is_continued(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"years": {"2026": {"last": 57}}}', encoding="utf-8")
    (issued,) = Series(path, "VP").issue([request("x")])
    assert issued.symbol("VP") == "58/SY-VP"


def test_damaged_or_foreign_series_files_are_refused(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"years": {"2026": {"last": 1,}}}', encoding="utf-8")
    with pytest.raises(SeriesError) as err:
        Series(path, "VP").issue([request("x")])
    assert f"{path}:1:" in err.value.message("en") and "not valid JSON" in err.value.message("en")
    path.write_text('{"body": "STP", "years": {}}', encoding="utf-8")
    with pytest.raises(SeriesError) as err:
        Series(path, "VP").issue([request("x")])
    assert "“STP”" in err.value.message()
    path.write_text('{"years": {"2026": {"last": -3}}}', encoding="utf-8")
    with pytest.raises(SeriesError):
        Series(path, "VP").issue([request("x")])


def _copier(tmp_path: Path, series: Path) -> Path:
    path = tmp_path / "sao.yaml"
    path.write_text(COPIER_YAML + f"series: {series}\n", encoding="utf-8")
    return path


def test_the_series_continues_across_two_runs(tmp_path):
    copier = read_copier(_copier(tmp_path, tmp_path / "so-sao.json")).copier
    day = dt.date(2026, 3, 5)
    first = run_batch(BatchRequest([SEED_PLAN], tmp_path / "a", kinds=[CopyKind.SAO_Y, CopyKind.SAO_LUC],
                                   copier=copier, copy_date=day))
    second = run_batch(BatchRequest([FLOOD], tmp_path / "b", kinds=[CopyKind.SAO_Y, CopyKind.TRICH_SAO],
                                    copier=copier, copy_date=day))
    assert [e.copy_number for e in first.entries] == ["01/SY-VP", "02/SL-VP"]
    assert [e.copy_number for e in second.entries] == (
        ["03/SY-VP"] + [f"{n:02d}/TrS-VP" for n in range(4, 10)])
    # the copy details say where the series lives: not in the output directories
    assert not (tmp_path / "a" / "copy-series.json").exists()
    rerun = run_batch(BatchRequest([SEED_PLAN], tmp_path / "a", kinds=[CopyKind.SAO_Y, CopyKind.SAO_LUC],
                                   copier=copier))
    assert rerun.unchanged == 2 and rerun.built == 0  # same copies: same numbers, nothing new


_WORKER = """
import datetime, sys, time
from pathlib import Path
sys.path.insert(0, {src!r})
from vanban.batch.series import Request, Series
go = Path({go!r})
while not go.exists():
    time.sleep(0.001)
series = Series(Path({path!r}), "VP")
for i in range({count}):
    (issued,) = series.issue([Request(key="{name}-%d" % i, code="SY",
                                      date=datetime.date(2026, 3, 5), document="x")])
    print(issued.number, time.time(), flush=True)
"""


def test_two_processes_at_once_never_get_the_same_number(tmp_path):
    path, go = tmp_path / "s.json", tmp_path / "go"
    count = 150
    procs = [subprocess.Popen([sys.executable, "-c", _WORKER.format(
        src=str(ROOT / "src"), go=str(go), path=str(path), count=count, name=name)],
        stdout=subprocess.PIPE, text=True) for name in ("a", "b")]
    time.sleep(0.3)  # both are waiting for the start signal
    go.touch()
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    rows = [[line.split() for line in out.splitlines()] for out in outputs]
    numbers = [[int(n) for n, _ in r] for r in rows]
    times = [[float(t) for _, t in r] for r in rows]
    assert sorted(numbers[0] + numbers[1]) == list(range(1, 2 * count + 1))
    # they really ran at the same time: each took numbers while the other was taking them
    assert min(times[0]) < max(times[1]) and min(times[1]) < max(times[0])
    state = json.loads(path.read_text(encoding="utf-8"))
    assert state["years"]["2026"]["last"] == 2 * count
    assert len(state["years"]["2026"]["issued"]) == 2 * count


def test_two_batch_commands_at_once_share_the_series(tmp_path):
    copier = _copier(tmp_path, tmp_path / "so-sao.json")
    runner = ("import sys; sys.path.insert(0, {src!r}); from vanban.cli.batch import batch; "
              "batch()").format(src=str(ROOT / "src"))
    env = {**os.environ, "VANBAN_LANG": "en"}
    procs = [subprocess.Popen([sys.executable, "-c", runner, str(plan), "-o",
                               str(tmp_path / out), "-k", "trich-sao", "-k", "sao-y",
                               "--copier", str(copier), "--date", "2026-03-05", "-q"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for plan, out in ((SEED_PLAN, "a"), (FLOOD, "b"))]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    numbers = []
    for out in ("a", "b"):
        manifest = json.loads((tmp_path / out / "manifest.json").read_text(encoding="utf-8"))
        numbers += [int(d["copy_number"].split("/")[0]) for d in manifest["documents"]]
    assert sorted(numbers) == list(range(1, 11 + 1 + 6 + 1 + 1))
