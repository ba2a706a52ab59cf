"""How vanban grows with the size of a document, against what a careful user would run.

    python benchmarks/bench_scaling.py                 # 1×, 10×, 100×, 300× (long)
    python benchmarks/bench_scaling.py --quick         # 1×, 3×, 10×, 30×
    python benchmarks/bench_scaling.py render diff --scales 1 100 300 --rounds 3

The plans are the bundled 277/KH-BCĐ with its sections repeated N times (300× is about
25,000 paragraphs). Each operation is timed as whole processes, paired with its baseline
(benchmarks/paired.py; scripts in benchmarks/baselines.py):

  render       vanban render           vs plain docxtpl from vanban's flattened context
  check-plan   vanban check PLAN.yaml  vs yamllint (line length and document start off)
  check-docx   vanban check DOC.docx   vs reading every paragraph and cell with python-docx
  import       vanban import DOC.docx  vs the same python-docx read
  diff         vanban diff OLD NEW -o  vs difflib over the paragraphs of the two rendered
                                          .docx, written with python-docx

and prints, per size, the median CPU time of each side, the ratio (median [min–max] of the
per-round ratios, CPU and wall), vanban's peak memory; then the growth slope of vanban's CPU
time from the second largest size to the largest, log(t2/t1) / log(n2/n1): 1 is linear.
Targets (issue 15): slopes ≤ 1.15; check of the 100× .docx < 3 s CPU; diff at 300× < 10 s
CPU and < 400 MB. yamllint is a benchmark tool only: ``pip install yamllint``.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import baselines
from paired import Comparison, compare, vanban_env

SEED = ROOT / "plans" / "277-KH-BCD-2023.yaml"
OPERATIONS = ("render", "check-plan", "check-docx", "import", "diff")
#: Two edits in every repetition of the sections: a word dropped, a word changed.
EDITS = (("Tiếp tục nâng cao chất lượng", "Nâng cao chất lượng"),
         ("Bảo đảm quyền của đồng bào", "Bảo đảm quyền của bà con"))
YAMLLINT_CONFIG = "{extends: default, rules: {line-length: disable, document-start: disable}}"


def scaled(times: int, *, edited: bool = False) -> str:
    """The seed plan with its sections written ``times`` times (``edited``: with EDITS)."""
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("sections:\n") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("signature:"))
    body = "".join(lines[start:end])
    if edited:
        for old, new in EDITS:
            assert old in body
            body = body.replace(old, new)
    return "".join(lines[:start]) + body * times + "".join(lines[end:])


def vanban(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "vanban", *map(str, args)]


def python(*args: str | Path) -> list[str]:
    return [sys.executable, *map(str, args)]


def prepare(tmp: Path, times: int, scripts: dict[str, Path]) -> dict[str, Path]:
    """The files of one size: the plan, its edited version, both rendered, the context."""
    import subprocess

    old, new = tmp / f"plan-{times}x.yaml", tmp / f"plan-{times}x-new.yaml"
    old.write_text(scaled(times), encoding="utf-8")
    new.write_text(scaled(times, edited=True), encoding="utf-8")
    files = {"plan": old, "new": new, "docx": tmp / f"plan-{times}x.docx",
             "new_docx": tmp / f"plan-{times}x-new.docx",
             "context": baselines.flattened_context(old, tmp / f"plan-{times}x.pickle")}
    for plan, docx in ((old, files["docx"]), (new, files["new_docx"])):
        subprocess.run(vanban("render", plan, "-o", docx, "-q"), env=ENV, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return files


def commands(op: str, f: dict[str, Path], out: Path, scripts: dict[str, Path]
             ) -> tuple[list[str], list[str]]:
    from vanban.renderer import default_template

    if op == "render":
        return (vanban("render", f["plan"], "-o", out / "vanban.docx", "-q"),
                python(scripts["render"], f["context"], default_template(), out / "plain.docx"))
    if op == "check-plan":
        return (vanban("check", f["plan"]),
                [shutil.which("yamllint") or "yamllint", "-d", YAMLLINT_CONFIG, str(f["plan"])])
    if op == "check-docx":
        return (vanban("check", f["docx"]),
                python(scripts["read_docx"], f["docx"], out / "plain.txt"))
    if op == "import":
        return (vanban("import", f["docx"], "-f", "-o", out / "imported.yaml"),
                python(scripts["read_docx"], f["docx"], out / "plain.txt"))
    if op == "diff":
        return (vanban("diff", f["plan"], f["new"], "-o", out / "redline.docx", "-q"),
                python(scripts["diff_docx"], f["docx"], f["new_docx"], out / "plain-diff.docx"))
    raise ValueError(op)


def slope(small: tuple[int, float], large: tuple[int, float]) -> float:
    (n1, t1), (n2, t2) = small, large
    return math.log(t2 / t1) / math.log(n2 / n1)


ENV: dict[str, str] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("operations", nargs="*", metavar="OPERATION",
                        help=f"some of {', '.join(OPERATIONS)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="sizes 1×, 3×, 10×, 30×")
    parser.add_argument("--scales", type=int, nargs="+", help="sizes (default 1 10 100 300)")
    parser.add_argument("--rounds", type=int, help="paired runs per size (default: 5 at "
                        "the smallest size, 3 above, 2 at the largest)")
    args = parser.parse_args()
    args.operations = args.operations or list(OPERATIONS)
    unknown = set(args.operations) - set(OPERATIONS)
    if unknown:
        parser.error(f"unknown operation {', '.join(sorted(unknown))}")
    if shutil.which("yamllint") is None and "check-plan" in args.operations:
        raise SystemExit("yamllint is needed as the peer of `vanban check`: pip install yamllint")
    scales = args.scales or ([1, 3, 10, 30] if args.quick else [1, 10, 100, 300])
    ENV.update(vanban_env(str(ROOT / "src")))
    results: dict[str, list[tuple[int, Comparison]]] = {op: [] for op in args.operations}
    with tempfile.TemporaryDirectory(prefix="vanban-scaling-") as name:
        tmp = Path(name)
        scripts = baselines.write(tmp)
        out = tmp / "out"
        out.mkdir()
        for index, times in enumerate(scales):
            files = prepare(tmp, times, scripts)
            paragraphs = _paragraphs(files["docx"])
            print(f"{times}× the 277 plan: {files['plan'].stat().st_size / 1024:.0f} KB of "
                  f"YAML, {paragraphs:,} paragraphs", flush=True)
            rounds = args.rounds or (5 if index == 0 else 2 if index == len(scales) - 1 else 3)
            for op in args.operations:
                a, b = commands(op, files, out, scripts)
                comparison = compare(f"{op:<10} {times:>3}×", a, b, rounds, env_a=ENV,
                                     env_b=ENV, warmup=1 if index == 0 else 0)
                results[op].append((times, comparison))
                print("  " + _row(comparison), flush=True)
    if len(scales) < 2:
        return  # one size: no growth to measure
    print()
    print(f"growth of vanban's CPU time from {scales[-2]}× to {scales[-1]}× "
          "(1 = linear; target ≤ 1.15):")
    for op, rows in results.items():
        (n1, c1), (n2, c2) = rows[-2], rows[-1]
        ours = slope((n1, c1.median("a")), (n2, c2.median("a")))
        theirs = slope((n1, c1.median("b")), (n2, c2.median("b")))
        print(f"  {op:<10} slope {ours:.2f} (baseline {theirs:.2f}); at {n2}×: "
              f"{c2.median('a'):.2f} s CPU, peak {max(t.rss_mb for t in c2.a):.0f} MB")


def _row(c: Comparison) -> str:
    cpu, wall = c.ratios("cpu"), c.ratios("wall")
    spread = Comparison._spread
    return (f"{c.name}: vanban {c.median('a'):6.2f} s CPU ({max(t.rss_mb for t in c.a):4.0f} MB)"
            f" vs {c.median('b'):6.2f} s — ratio {spread(cpu)} CPU, {spread(wall)} wall "
            f"({len(cpu)} paired runs)")


def _paragraphs(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").count(b"</w:p>")


if __name__ == "__main__":
    main()
