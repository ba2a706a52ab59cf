"""Batch production against the plain approach, measured in the same run.

    python3 benchmarks/bench_batch.py            # everything (~15 minutes on a loaded machine)
    python3 benchmarks/bench_batch.py --quick    # smaller counts
    python3 benchmarks/bench_batch.py copies extracts   # some sections only

Sections (targets from issues 4 and 15):
  copies    1,000 per-recipient copies of plans/277-KH-BCD-2023.yaml, as whole processes
            with paired runs (benchmarks/paired.py): ``vanban batch --to LIST`` (2 workers)
            against two plain docxtpl programs over the same context and template — the
            naive loop (load the template, render, save, per copy; target ≥ 25×) and what a
            careful user writes (render once, save N times; target ≥ 10×); then render once,
            save N again with a template that carries Word's full style set, as an agency's
            own template does (benchmarks/data/README.md), vanban rendering with it too.
  extracts  one extract per agency, as whole processes: ``vanban batch -k extracts``
            against a plain loop (vanban derives each agency's plan, docxtpl renders it);
            target ≥ 10×. On a plan that gives tasks to 120 agencies, and on the bundled
            277 plan (7 agencies, where its own rendering bounds the ratio).
  pdf       100 copies to PDF: one LibreOffice process (vanban.libreoffice.convert_many) vs one
            `soffice --convert-to pdf` per file with a warmed profile; target ≥ 5×.
  memory    10,000 copies in a child process: peak RSS of the batch process and of its
            workers (resource.getrusage), and the peak of the proportional set size (PSS)
            summed over the process tree, sampled from /proc; target < 300 MB.

The machine is shared and noisy: read the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baselines
from paired import compare, vanban_env

from vanban.batch import BatchRequest, CopyKind, run_batch
from vanban.renderer import default_template

SEED = ROOT / "plans" / "277-KH-BCD-2023.yaml"
ENV: dict[str, str] = {}
SCRIPTS: dict[str, Path] = {}


def names(count: int) -> list[str]:
    """A distribution list: schools of a province (realistic names, all distinct)."""
    kinds = ["Trường Tiểu học", "Trường Trung học cơ sở", "Trường Trung học phổ thông",
             "Trường Mầm non"]
    places = ["Phước Hòa", "Long Điền", "Đất Đỏ", "Xuyên Mộc", "Châu Đức", "Côn Đảo",
              "Bà Rịa", "Vũng Tàu", "Phú Mỹ", "Ngãi Giao"]
    return [f"{kinds[i % 4]} {places[(i // 4) % 10]} số {i + 1}" for i in range(count)]


#: vanban's default template before it was made lean: Word's full style set (data/README.md).
HEAVY_TEMPLATE = Path(__file__).resolve().parent / "data" / "template-with-word-styles.docx"


def settle() -> None:
    """Flush what earlier steps wrote, so no step pays for another's dirty pages."""
    if hasattr(os, "sync"):
        os.sync()


def timed(fn, *args) -> float:
    settle()
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def fresh(tmp: Path, name: str) -> Path:
    path = tmp / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def batch(inputs: list[Path], out: Path, kinds: list[CopyKind], **kw) -> float:
    settle()
    start = time.perf_counter()
    result = run_batch(BatchRequest(inputs, out, kinds=kinds, **kw))
    elapsed = time.perf_counter() - start
    assert result.ok, [f.message() for f in result.failures]
    return elapsed


def line(label: str, seconds: float, count: int) -> None:
    print(f"  {label:<44} {seconds:8.2f} s  {seconds / count * 1000:8.2f} ms/doc")


# --- sections ------------------------------------------------------------------------------

def vanban_batch(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "vanban", "batch", *map(str, args), "-f", "-q",
            "--no-progress"]


def bench_copies(tmp: Path, count: int, rounds: int) -> dict:
    """Whole processes: vanban batch against the naive loop and against render-once-save-N."""
    recipients = names(count)
    listing = tmp / "distribution.txt"
    listing.write_text("\n".join(recipients) + "\n", encoding="utf-8")
    context = baselines.flattened_context(SEED, tmp / "context.pickle")
    template = str(default_template())
    print(f"copies: {count} per-recipient copies of {SEED.name} (whole processes, "
          f"{rounds} paired runs)")
    ours = vanban_batch(SEED, "--to", listing, "-o", fresh(tmp, "copies"), "-j", "2")
    heavy = str(HEAVY_TEMPLATE)
    ours_heavy = vanban_batch(SEED, "--to", listing, "-t", heavy, "-o", fresh(tmp, "heavy"),
                              "-j", "2")
    figures = {}
    for key, script, label, tpl, vanban_cmd in (
            ("naive", "copies_naive", "naive docxtpl loop (render each)", template, ours),
            ("once", "copies_once", "docxtpl render once, save N", template, ours),
            ("once_heavy", "copies_once", "the same, with Word's styles in the template",
             heavy, ours_heavy)):
        plain = [sys.executable, str(SCRIPTS[script]), str(context), tpl, str(listing),
                 str(fresh(tmp, f"plain-{key}"))]
        c = compare(f"{label} vs vanban batch", plain, vanban_cmd, rounds, env_a=ENV,
                    env_b=ENV, warmup=0)
        print("  " + c.line())
        figures[key] = {"cpu": c.ratios("cpu"), "wall": c.ratios("wall"),
                        "plain_cpu_s": c.median("a"), "vanban_cpu_s": c.median("b")}
    print("  targets: ≥ 25× the naive loop, ≥ 10× render-once-save-N (ratios above: "
          "the plain process's time over vanban's)\n")
    return figures


def wide_plan(agencies: int) -> str:
    """A plan that gives two tasks with deadlines to each of ``agencies`` agencies."""
    lines = [
        "type: Kế hoạch",
        ("issuer: {superior: UBND TỈNH BÀ RỊA - VŨNG TÀU, name: SỞ GIÁO DỤC VÀ ĐÀO TẠO, "
         "abbreviation: SGDĐT}"),
        "number: 812", "place: Bà Rịa - Vũng Tàu", "date: 2025-09-05",
        "title: Triển khai nhiệm vụ năm học 2025 - 2026 tại các cơ sở giáo dục",
        "opening: [\"Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:\"]",
        "sections:",
        "  - title: Mục đích, yêu cầu",
        "    content:",
        "      - text: Bảo đảm mỗi cơ sở giáo dục biết rõ nhiệm vụ và thời hạn của mình.",
        "  - title: Nhiệm vụ của các cơ sở giáo dục",
        "    content:",
    ]
    for name in names(agencies):
        lines += [
            f"      - agency: {name}",
            "        content:",
            "          - text: Xây dựng kế hoạch giáo dục của nhà trường, trình phê duyệt.",
            "            deadline: 2025-10-15",
            "          - text: Báo cáo sơ kết học kỳ I về Sở Giáo dục và Đào tạo.",
            "            deadline: 2026-01-20",
            "            product: Báo cáo sơ kết",
        ]
    lines += [
        "  - title: Tổ chức thực hiện",
        "    content:",
        "      - Các cơ sở giáo dục triển khai thực hiện nghiêm túc Kế hoạch này.",
        "signature: {authority: KT., titles: [GIÁM ĐỐC, PHÓ GIÁM ĐỐC], name: Trần Văn Tuấn}",
        "recipients: [UBND tỉnh (b/c), Các cơ sở giáo dục]",
        "archive: VT, GDPT",
    ]
    return "\n".join(lines) + "\n"


def bench_extracts(tmp: Path, agencies: int, rounds: int) -> dict:
    """Whole processes: vanban batch -k extracts against a plain docxtpl loop."""
    wide = tmp / "ke-hoach-nam-hoc.yaml"
    wide.write_text(wide_plan(agencies), encoding="utf-8")
    figures = {}
    for label, plan in ((f"a plan with {agencies} agencies", wide),
                        ("the bundled 277 plan (7 agencies)", SEED)):
        print(f"extracts: one per agency, {label} (whole processes, {rounds} paired runs)")
        plain = [sys.executable, str(SCRIPTS["extracts"]), str(plan),
                 str(fresh(tmp, "plain-extracts"))]
        ours = vanban_batch(plan, "-k", "extracts", "-o", fresh(tmp, "extracts"), "-j", "2")
        c = compare("plain docxtpl loop vs vanban batch", plain, ours, rounds, env_a=ENV,
                    env_b=ENV, warmup=0)
        print("  " + c.line())
        figures[label] = {"cpu": c.ratios("cpu"), "wall": c.ratios("wall")}
    print("  target: ≥ 10× (a plan with few agencies is bounded by its own rendering)\n")
    return figures


def bench_pdf(tmp: Path, count: int) -> dict:
    from vanban.libreoffice import convert_many, find_soffice

    soffice = find_soffice()
    out = fresh(tmp, "pdf-docs")
    listing = tmp / "pdf-distribution.txt"
    listing.write_text("\n".join(names(count)) + "\n", encoding="utf-8")
    batch([SEED], out, [CopyKind.COPY], distribution=listing, workers=2)
    docs = sorted(out.glob("*.docx"))
    print(f"pdf: {count} copies of {SEED.name} to PDF")
    profile = tmp / "lo-profile"
    per_file_out = fresh(tmp, "pdf-per-file")

    def one(doc: Path) -> None:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(per_file_out), str(doc)],
                       check=True, capture_output=True)

    one(docs[0])  # create the profile first: the baseline gets a warm start every time
    start = time.perf_counter()
    for doc in docs:
        one(doc)
    t_each = time.perf_counter() - start
    line("one soffice --convert-to pdf per file", t_each, count)
    start = time.perf_counter()
    result = convert_many(docs, fresh(tmp, "pdf-batch"))
    t_batch = time.perf_counter() - start
    assert not result.failed and len(result.pdfs) == count
    line("one LibreOffice process for the batch", t_batch, count)
    ratio = t_each / t_batch
    print(f"  ratio per-file / batch: {ratio:.1f}×  (target ≥ 5×)\n")
    return {"per_file_s": t_each, "batch_s": t_batch, "ratio": ratio}


_CHILD = """
import json, resource, sys
from pathlib import Path
sys.path.insert(0, {src!r})
from vanban.batch import BatchRequest, CopyKind, run_batch
r = run_batch(BatchRequest([Path({plan!r})], Path({out!r}), kinds=[CopyKind.COPY],
                           distribution=Path({listing!r}), workers=2))
assert r.ok and r.built == {count}
print(json.dumps({{"self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "workers_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}}))
"""


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _pss_kb(pid: int) -> int:
    try:
        for row in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if row.startswith("Pss:"):
                return int(row.split()[1])
    except OSError:
        pass
    return 0


def bench_memory(tmp: Path, count: int) -> dict:
    listing = tmp / "memory-distribution.txt"
    listing.write_text("\n".join(names(count)) + "\n", encoding="utf-8")
    out = fresh(tmp, "memory")
    code = _CHILD.format(src=str(ROOT / "src"), plan=str(SEED), out=str(out),
                         listing=str(listing), count=count)
    print(f"memory: {count} copies in a child process")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    peak_pss = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_pss
        while not stop.is_set():
            peak_pss = max(peak_pss, sum(_pss_kb(p) for p in _tree(child.pid)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc/self/smaps_rollup").exists():
        sampler.start()
    output, _ = child.communicate()
    stop.set()
    elapsed = time.perf_counter() - start
    assert child.returncode == 0, output
    usage = json.loads(output.strip().splitlines()[-1])
    self_mb, workers_mb = usage["self_kb"] / 1024, usage["workers_kb"] / 1024
    line("vanban batch, 2 processes", elapsed, count)
    print(f"  peak RSS: batch process {self_mb:.0f} MB, largest worker {workers_mb:.0f} MB")
    if peak_pss:
        print(f"  peak PSS of the whole process tree: {peak_pss / 1024:.0f} MB  (target < 300 MB)")
    print(f"  ({sum(f.stat().st_size for f in out.glob('*.docx')) / 2**20:.0f} MB written)\n")
    shutil.rmtree(out, ignore_errors=True)
    return {"self_mb": self_mb, "workers_mb": workers_mb, "pss_mb": peak_pss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sections", nargs="*", default=["copies", "extracts", "pdf", "memory"])
    parser.add_argument("--quick", action="store_true", help="smaller counts")
    parser.add_argument("--rounds", type=int, help="paired runs of copies and extracts "
                        "(default 3)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    quick = args.quick
    figures = {}
    rounds = args.rounds or 3
    ENV.update(vanban_env(str(ROOT / "src")))
    with tempfile.TemporaryDirectory(prefix="vanban-bench-") as name:
        tmp = Path(name)
        SCRIPTS.update(baselines.write(tmp))
        if "copies" in args.sections:
            figures["copies"] = bench_copies(tmp, 200 if quick else 1000, rounds)
        if "extracts" in args.sections:
            figures["extracts"] = bench_extracts(tmp, 40 if quick else 120, rounds)
        if "pdf" in args.sections:
            figures["pdf"] = bench_pdf(tmp, 20 if quick else 100)
        if "memory" in args.sections:
            figures["memory"] = bench_memory(tmp, 2000 if quick else 10_000)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
