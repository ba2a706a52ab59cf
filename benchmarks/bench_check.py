"""How fast `vanban check` is on a folder of 1,000 plans the size of the real 277/KH-BCĐ.

    python benchmarks/bench_check.py [COUNT]

Prints the time per 100 plans (the target: well under a second) and, for scale, the time
the plain approach takes just to read the same files (PyYAML's pure-Python safe_load, and
its libyaml loader), measured in the same run because this machine is shared and noisy.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vanban.check.paths import check_paths  # noqa: E402

SEED = ROOT / "plans" / "277-KH-BCD-2023.yaml"


def make_plans(folder: Path, count: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    for i in range(count):
        year = 2000 + i // 200
        plan = text.replace("number: 277", f"number: {i % 200 + 1}").replace(
            "date: 2023-10-02", f"date: {year}-10-02")
        (folder / f"plan-{i:04d}.yaml").write_text(plan, encoding="utf-8")


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_plans(folder, count)
        files = sorted(folder.glob("*.yaml"))
        size = files[0].stat().st_size
        report = check_paths([folder])
        findings = len(report.problems)
        check = best_of(3, lambda: check_paths([folder]))
        single = best_of(1, lambda: check_paths([folder], jobs=1))
        cpu_start = time.process_time()
        check_paths([folder], jobs=1)
        cpu = time.process_time() - cpu_start
        pure = best_of(1, lambda: [yaml.load(f.read_text("utf-8"), Loader=yaml.SafeLoader)
                                   for f in files])
        clib = best_of(3, lambda: [yaml.load(f.read_text("utf-8"), Loader=yaml.CSafeLoader)
                                   for f in files])
    print(f"{count} plans of {size / 1024:.1f} KB, {findings} findings in all")
    print(f"vanban check (all rules, folder rules):  {check:6.2f} s  = {check / count * 100:.3f} s per 100 plans"
          f" ({os.cpu_count()} processes)")
    print(f"vanban check in one process:             {single:6.2f} s  = {single / count * 100:.3f} s per 100 plans"
          f" (CPU time {cpu / count * 1000:.1f} ms per plan, unaffected by other load)")
    print(f"plain read, PyYAML safe_load (Python):   {pure:6.2f} s  -> vanban check is {pure / check:.1f}x faster")
    print(f"plain read, PyYAML CSafeLoader (libyaml):{clib:6.2f} s  -> checking costs {check / clib:.1f}x a bare read")


if __name__ == "__main__":
    main()
