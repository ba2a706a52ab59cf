"""How `vanban diff -o redline.docx` grows with the plan: 1×, 30×, 100× and 300× the 277 plan.

Each size is a whole process (``python -m vanban diff old.yaml new.yaml -o redline.docx``)
on a plan and its revision from :mod:`scaled`, run ``rounds`` times; the script prints the
median wall and CPU time (user + system of the child, which other load on the machine does
not inflate) with their range, the peak memory (maximum resident set) and the growth slope of
CPU time from 100× to 300× (log t300/t100 ÷ log 3: 1 is linear). Targets (issue 15): slope
≤ 1.15; at 300× under 10 s CPU and 400 MB.

    python benchmarks/bench_diff.py [--rounds 3] [--sizes 1,30,100,300] [--src DIR]

``--src`` times another tree's code (a checkout's ``src``) for before/after comparisons.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaled import ROOT, scaled_pair  # noqa: E402

TARGET_SLOPE, TARGET_CPU_S, TARGET_MB = 1.15, 10.0, 400


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


def diff_once(old: Path, new: Path, out: Path, src: Path) -> Run:
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "vanban", "diff", str(old), str(new), "-o", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"vanban diff failed ({code}): {proc.stderr.read().decode()[-800:]}")
    proc.stderr.close()
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def spread(values: list[float], unit: str) -> str:
    return (f"{statistics.median(values):7.2f} {unit} "
            f"[{min(values):.2f}–{max(values):.2f}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="1,30,100,300")
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    cpu_of: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as tmp:
        folder = Path(tmp)
        print(f"vanban diff -o, whole processes, {args.rounds} rounds each ({args.src})")
        print(f"{'size':>5} {'YAML lines':>10}  {'wall':>22}  {'CPU':>22}  {'peak':>8}")
        for k in sizes:
            old, new = scaled_pair(k, folder)
            runs = [diff_once(old, new, folder / f"redline-{k}.docx", args.src)
                    for _ in range(args.rounds)]
            lines = sum(1 for _ in old.open(encoding="utf-8"))
            cpu_of[k] = statistics.median(r.cpu for r in runs)
            peak = max(r.peak_mb for r in runs)
            print(f"{k:>4}× {lines:>10}  {spread([r.wall for r in runs], 's')}  "
                  f"{spread([r.cpu for r in runs], 's')}  {peak:6.0f} MB", flush=True)
            if k == 300:
                met = cpu_of[k] < TARGET_CPU_S and peak < TARGET_MB
                print(f"       at 300×: target < {TARGET_CPU_S:.0f} s CPU and < {TARGET_MB} MB: "
                      f"{'met' if met else 'NOT met'}")
    if 100 in cpu_of and 300 in cpu_of:
        slope = math.log(cpu_of[300] / cpu_of[100]) / math.log(3)
        print(f"growth of CPU time from 100× to 300×: slope {slope:.2f} "
              f"(target ≤ {TARGET_SLOPE}: {'met' if slope <= TARGET_SLOPE else 'NOT met'})")


if __name__ == "__main__":
    main()
