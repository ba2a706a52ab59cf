"""How fast `vanban check` is on a folder of plans, against a peer linter and a bare read.

    python benchmarks/bench_check.py [--count N] [--rounds R] [--quick]

Writes COUNT varied plans (default 1,000): the three bundled plans in turn, each with its own
number, date and title, and its sections written once, twice or three times (3–65 KB). Then
times, as whole processes with paired runs (benchmarks/paired.py):

  vanban check FOLDER   (every rule, the folder rules; a process per CPU)
  yamllint FOLDER       the peer linter of YAML files (line length and document start off,
                        as for prose), one process — ``pip install yamllint``, a benchmark
                        tool only
  a Python script reading every file with PyYAML's libyaml loader (CSafeLoader): the least
                        any checker must do

CPU time (the children's included) is the fair figure on a shared machine: vanban uses
every CPU, yamllint one.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from paired import compare, vanban_env

PLANS = sorted((ROOT / "plans").glob("*.yaml"))
YAMLLINT_CONFIG = "{extends: default, rules: {line-length: disable, document-start: disable}}"
READ = '''\
import sys
from pathlib import Path
import yaml

for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
'''


def varied(seed: str, i: int) -> str:
    """``seed`` with number, date and title of its own, its sections written 1–3 times."""
    lines = seed.splitlines(keepends=True)
    start = lines.index("sections:\n") + 1
    end = next(k for k in range(start, len(lines)) if not lines[k].startswith((" ", "\n")))
    text = "".join(lines[:start]) + "".join(lines[start:end]) * (i % 3 + 1) + "".join(lines[end:])
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("number: "):
            line = f"number: {i + 1}\n"
        elif line.startswith("date: "):
            line = f"date: {2000 + i // 300}-{i % 12 + 1:02d}-{i % 28 + 1:02d}\n"
        elif line.startswith("title: "):
            line = line.rstrip("\n") + f" (đợt {i % 7 + 1})\n"
        out.append(line)
    return "".join(out)


def make_plans(folder: Path, count: int) -> int:
    seeds = [p.read_text(encoding="utf-8") for p in PLANS]
    total = 0
    for i in range(count):
        text = varied(seeds[i % len(seeds)], i)
        (folder / f"plan-{i:04d}.yaml").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="200 plans, 3 rounds")
    args = parser.parse_args()
    count, rounds = (200, 3) if args.quick else (args.count, args.rounds)
    yamllint = shutil.which("yamllint")
    if yamllint is None:
        raise SystemExit("yamllint is the peer linter compared with: pip install yamllint")
    env = vanban_env(str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        size = make_plans(folder, count)
        read = Path(tmp) / "read_all.py"
        read.write_text(READ, encoding="utf-8")
        check = [sys.executable, "-m", "vanban", "check", str(folder)]
        print(f"{count} varied plans, {size / 2**20:.1f} MB of YAML")
        peer = compare("vanban check vs yamllint", check,
                       [yamllint, "-d", YAMLLINT_CONFIG, str(folder)], rounds, env_a=env,
                       warmup=1)
        print(peer.line())
        bare = compare("vanban check vs a bare libyaml read", check,
                       [sys.executable, str(read), str(folder)], rounds, env_a=env, warmup=0)
        print(bare.line())
    per_plan = peer.median("a") / count * 1000
    print(f"vanban check: {per_plan:.1f} ms CPU per plan; "
          f"{peer.median('a', 'wall') / count * 100:.2f} s wall per 100 plans")


if __name__ == "__main__":
    main()
