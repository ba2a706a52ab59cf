"""How fast ``vanban tasks`` lists the tasks of 200 plans, in each format, as whole processes.

    python benchmarks/bench_tasks.py [--count N] [--rounds N]

The folder holds copies of the decision with its attached plan of 24 tasks (55 rows) and of
45/KH-UBND (7 rows), numbered apart. Paired runs (benchmarks/paired.py) compare:

- ``vanban tasks -f csv`` against what a user would write instead: a PyYAML script (libyaml's
  loader) that walks the plans' tasks and writes a CSV — no checking of the plans, no agency
  matching, no status, no positions;
- each other format against ``-f table``, which isolates what its writer costs.

Then, in one process, the time to read the plans into rows and to write each format.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from paired import compare

SEEDS = (ROOT / "tests" / "data" / "qd-ban-hanh-KH-cai-cach-hanh-chinh-2026.yaml",
         ROOT / "plans" / "45-KH-UBND-2026-phong-chong-thien-tai.yaml")
TODAY = "2026-06-25"
BASELINE = '''\
import csv, sys
from pathlib import Path
import yaml

def walk(items, section, out):
    for item in items or []:
        if not isinstance(item, dict):
            continue
        if any(k in item for k in ("lead", "support", "deadline", "timeframe", "product")):
            for role in ("lead", "support"):
                names = item.get(role) or []
                for name in [names] if isinstance(names, str) else names:
                    out.append((section, item.get("text") or item.get("title"), name, role,
                                str(item.get("deadline") or ""), item.get("timeframe") or ""))
        walk(item.get("content"), section, out)

with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as fh:
    writer = csv.writer(fh)
    for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
        plan = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
        rows = []
        for body in (plan, plan.get("attachment") or {}):
            for section in body.get("sections") or []:
                walk([section], section.get("title"), rows)
        for row in rows:
            writer.writerow([plan.get("number"), plan.get("title"), *row])
'''


def make_plans(folder: Path, count: int) -> None:
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    for i in range(count):
        text = texts[i % 2]
        number = f"number: {i + 1}"
        text = text.replace("number: 312", number).replace("number: 45", number)
        (folder / f"plan-{i:04d}.yaml").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        make_plans(folder, args.count)
        baseline = Path(tmp) / "baseline.py"
        baseline.write_text(BASELINE, encoding="utf-8")

        def tasks(fmt: str) -> list[str]:
            return [sys.executable, "-m", "vanban", "tasks", str(folder), "--today", TODAY,
                    "-f", fmt, "-o", str(Path(tmp) / f"out.{fmt}"), "-q"]

        print(f"{args.count} plans, {count_rows(folder)} task rows")
        print(compare("vanban tasks -f csv vs a bare PyYAML script writing a CSV",
                      tasks("csv"), [sys.executable, str(baseline), str(folder),
                                     str(Path(tmp) / "bare.csv")],
                      args.rounds, env_a=env).line())
        for fmt in ("json", "ics", "xlsx"):
            print(compare(f"vanban tasks -f {fmt} vs -f table", tasks(fmt), tasks("table"),
                          args.rounds, env_a=env, env_b=env).line())
        in_process(folder)


def count_rows(folder: Path) -> int:
    import datetime as _dt

    from vanban.ledger import task_rows

    return len(task_rows([folder], today=_dt.date.fromisoformat(TODAY)))


def in_process(folder: Path, runs: int = 5) -> None:
    import datetime as _dt
    import statistics

    from vanban.ledger import FORMATS, Options, read_ledger, write

    today = _dt.date.fromisoformat(TODAY)
    reads = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = read_ledger([folder], today=today).rows
        reads.append(time.perf_counter() - start)
    count = len(list(folder.glob("*.yaml")))
    print(f"in one process (median of {runs}, [min–max]):")
    print(f"  read {count} plans into {len(rows)} rows: {statistics.median(reads) * 1000:7.0f} ms"
          f" [{min(reads) * 1000:.0f}–{max(reads) * 1000:.0f}]"
          f" = {statistics.median(reads) / count * 1000:.2f} ms per plan")
    for fmt in FORMATS:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            data = write(rows, fmt, Options(today=today))
            times.append(time.perf_counter() - start)
        print(f"  write {fmt:<5}: {statistics.median(times) * 1000:7.1f} ms"
              f" [{min(times) * 1000:.1f}–{max(times) * 1000:.1f}], {len(data) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
