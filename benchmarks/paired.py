"""Paired runs of whole processes: the fair way to compare on a shared, noisy machine.

Each round runs both commands back to back (their order alternating), so both see the same
load; the figure is the median of the per-round ratios with their spread, in wall time and
in CPU time (user + system of the child, which load on other cores does not inflate).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Timing:
    wall: float
    cpu: float


def run(cmd: Sequence[str], env: dict[str, str] | None = None, cwd: str | None = None) -> Timing:
    """Run ``cmd`` once, output discarded; wall and CPU seconds of the child."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with exit status {proc.returncode}")
    return Timing(wall, usage.ru_utime + usage.ru_stime)


@dataclass
class Comparison:
    name: str
    a: list[Timing]
    b: list[Timing]

    @staticmethod
    def _spread(values: list[float]) -> str:
        return f"{statistics.median(values):.2f}× [{min(values):.2f}–{max(values):.2f}]"

    def line(self) -> str:
        wall = [x.wall / y.wall for x, y in zip(self.a, self.b)]
        cpu = [x.cpu / y.cpu for x, y in zip(self.a, self.b) if y.cpu > 0]
        med = statistics.median
        return (f"{self.name}: {med(t.wall for t in self.a) * 1000:.0f} ms vs "
                f"{med(t.wall for t in self.b) * 1000:.0f} ms wall — ratio {self._spread(wall)}; "
                f"CPU ratio {self._spread(cpu)} ({len(wall)} paired runs)")


def compare(name: str, a: Sequence[str], b: Sequence[str], rounds: int = 15, *,
            env_a: dict[str, str] | None = None, env_b: dict[str, str] | None = None,
            warmup: int = 2) -> Comparison:
    """``rounds`` paired runs of ``a`` and ``b`` (after ``warmup`` unmeasured ones)."""
    for _ in range(warmup):
        run(a, env_a), run(b, env_b)
    ta, tb = [], []
    for i in range(rounds):
        if i % 2:
            tb.append(run(b, env_b)), ta.append(run(a, env_a))
        else:
            ta.append(run(a, env_a)), tb.append(run(b, env_b))
    return Comparison(name, ta, tb)
