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
    rss_mb: float = 0.0  # peak resident memory of the child (or of its largest descendant)


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
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@dataclass
class Comparison:
    name: str
    a: list[Timing]
    b: list[Timing]

    @staticmethod
    def _spread(values: list[float]) -> str:
        return f"{statistics.median(values):.2f}× [{min(values):.2f}–{max(values):.2f}]"

    def ratios(self, kind: str = "cpu") -> list[float]:
        """Per-round ratios a / b of wall or CPU time."""
        return [getattr(x, kind) / getattr(y, kind) for x, y in zip(self.a, self.b)
                if getattr(y, kind) > 0]

    def median(self, side: str, kind: str = "cpu") -> float:
        return statistics.median(getattr(t, kind) for t in getattr(self, side))

    def line(self) -> str:
        wall, cpu = self.ratios("wall"), self.ratios("cpu")
        return (f"{self.name}: {self.median('a', 'wall') * 1000:.0f} ms vs "
                f"{self.median('b', 'wall') * 1000:.0f} ms wall — ratio {self._spread(wall)}; "
                f"{self.median('a') * 1000:.0f} ms vs {self.median('b') * 1000:.0f} ms CPU — "
                f"ratio {self._spread(cpu)} ({len(wall)} paired runs)")


def compare(name: str, a: Sequence[str], b: Sequence[str], rounds: int = 15, *,
            env_a: dict[str, str] | None = None, env_b: dict[str, str] | None = None,
            warmup: int = 2, cwd: str | None = None) -> Comparison:
    """``rounds`` paired runs of ``a`` and ``b`` (after ``warmup`` unmeasured ones)."""
    for _ in range(warmup):
        run(a, env_a, cwd), run(b, env_b, cwd)
    ta, tb = [], []
    for i in range(rounds):
        if i % 2:
            tb.append(run(b, env_b, cwd)), ta.append(run(a, env_a, cwd))
        else:
            ta.append(run(a, env_a, cwd)), tb.append(run(b, env_b, cwd))
    return Comparison(name, ta, tb)


def vanban_env(src: str) -> dict[str, str]:
    """The environment that runs ``python -m vanban`` from the checkout's ``src`` as an
    installed vanban runs: its modules byte-compiled (with PYTHONDONTWRITEBYTECODE set, a
    source checkout would compile every module in every process, while the libraries it is
    compared with are installed compiled) and its message catalog compiled (else the .po is
    read with Babel in every process)."""
    import compileall

    compileall.compile_dir(src, quiet=1)
    compile_catalogs(src)
    return dict(os.environ, PYTHONPATH=src)


def compile_catalogs(src: str) -> None:
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in Path(src).glob("vanban/locale/*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=po.parts[-3])
        with mo.open("wb") as fh:  # ignored by git (*.mo), as the build writes it
            write_mo(fh, catalog, use_fuzzy=False)
