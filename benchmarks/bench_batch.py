"""Batch production against the plain approach, measured in the same run.

    PYTHONPATH=src python3 benchmarks/bench_batch.py            # everything (~4 minutes)
    PYTHONPATH=src python3 benchmarks/bench_batch.py --quick    # smaller counts (~1 minute)
    PYTHONPATH=src python3 benchmarks/bench_batch.py copies extracts   # some sections only

Sections (targets from issue 4, as ratios within one run on the same machine):
  copies    1,000 per-recipient copies of plans/277-KH-BCD-2023.yaml: vanban batch (both
            cores) vs the plain docxtpl loop (load template, render, save — per copy) over
            the same plan and template; target ≥ 25×.
  extracts  one extract per agency: vanban batch vs the plain loop over the same derived
            plans; target ≥ 10×. Measured on a plan that gives tasks to 120 agencies and on
            the bundled plans (few agencies each, where one rendering per plan dominates).
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

from docxtpl import DocxTemplate  # noqa: E402

from vanban import load_plan  # noqa: E402
from vanban.batch import BatchRequest, CopyKind, run_batch  # noqa: E402
from vanban.batch.extracts import Selection, extract_plan  # noqa: E402
from vanban.renderer import (
    build_context,  # noqa: E402
    default_template,  # noqa: E402
    prepare,  # noqa: E402
)

SEED = ROOT / "plans" / "277-KH-BCD-2023.yaml"
PLANS = ROOT / "plans"


def names(count: int) -> list[str]:
    """A distribution list: schools of a province (realistic names, all distinct)."""
    kinds = ["Trường Tiểu học", "Trường Trung học cơ sở", "Trường Trung học phổ thông",
             "Trường Mầm non"]
    places = ["Phước Hòa", "Long Điền", "Đất Đỏ", "Xuyên Mộc", "Châu Đức", "Côn Đảo",
              "Bà Rịa", "Vũng Tàu", "Phú Mỹ", "Ngãi Giao"]
    return [f"{kinds[i % 4]} {places[(i // 4) % 10]} số {i + 1}" for i in range(count)]


def plain_copies(plan, recipients: list[str], out: Path) -> None:
    """The plain approach: load the template, render, save — once per copy."""
    template = str(default_template())
    context = prepare(build_context(plan))
    for i, name in enumerate(recipients):
        tpl = DocxTemplate(template)
        tpl.render(context, autoescape=True)
        tpl.docx.core_properties.comments = f"Bản gửi {name}"
        tpl.save(out / f"copy-{i:05d}.docx")


def plain_extracts(plan, agencies: list[str], out: Path) -> None:
    template = str(default_template())
    for i, agency in enumerate(agencies):
        derived = extract_plan(plan, agency, Selection())
        tpl = DocxTemplate(template)
        tpl.render(prepare(build_context(derived)), autoescape=True)
        tpl.save(out / f"extract-{i:04d}.docx")


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

def bench_copies(tmp: Path, count: int) -> dict:
    plan = load_plan(SEED)
    recipients = names(count)
    listing = tmp / "distribution.txt"
    listing.write_text("\n".join(recipients) + "\n", encoding="utf-8")
    print(f"copies: {count} per-recipient copies of {SEED.name}")
    t_plain = timed(plain_copies, plan, recipients, fresh(tmp, "plain-copies"))
    line("plain docxtpl loop (load, render, save)", t_plain, count)
    t_one = batch([SEED], fresh(tmp, "copies-1"), [CopyKind.COPY], distribution=listing, workers=1)
    line("vanban batch, 1 process", t_one, count)
    t_two = batch([SEED], fresh(tmp, "copies-2"), [CopyKind.COPY], distribution=listing, workers=2)
    line("vanban batch, 2 processes", t_two, count)
    out = tmp / "copies-2"
    t_rerun = batch([SEED], out, [CopyKind.COPY], distribution=listing, workers=2)
    line("rerun, all up to date", t_rerun, count)
    ratio = t_plain / t_two
    print(f"  ratio plain / batch (2 processes): {ratio:.1f}×  (target ≥ 25×)\n")
    return {"plain_s": t_plain, "batch1_s": t_one, "batch2_s": t_two, "ratio": ratio}


def wide_plan(agencies: int) -> str:
    """A plan that gives two tasks with deadlines to each of ``agencies`` agencies."""
    lines = [
        "type: Kế hoạch",
        "issuer: {superior: UBND TỈNH BÀ RỊA - VŨNG TÀU, name: SỞ GIÁO DỤC VÀ ĐÀO TẠO, "
        "abbreviation: SGDĐT}",
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


def bench_extracts(tmp: Path, agencies: int) -> dict:
    wide = tmp / "ke-hoach-nam-hoc.yaml"
    wide.write_text(wide_plan(agencies), encoding="utf-8")
    plan = load_plan(wide)
    print(f"extracts: one per agency, a plan with {agencies} agencies")
    t_plain = timed(plain_extracts, plan, plan.agencies(), fresh(tmp, "plain-extracts"))
    line("plain docxtpl loop", t_plain, agencies)
    t_batch = batch([wide], fresh(tmp, "extracts"), [CopyKind.EXTRACT], workers=2)
    line("vanban batch, 2 processes", t_batch, agencies)
    ratio = t_plain / t_batch
    print(f"  ratio plain / batch: {ratio:.1f}×  (target ≥ 10×)")

    plans = [load_plan(p) for p in sorted(PLANS.glob("*.yaml"))]
    count = sum(len(p.agencies()) for p in plans)
    print(f"extracts: the bundled plans ({len(plans)} plans, {count} agencies)")
    out = fresh(tmp, "plain-small")
    start = time.perf_counter()
    for p in plans:
        plain_extracts(p, p.agencies(), out)
    t_plain_small = time.perf_counter() - start
    line("plain docxtpl loop", t_plain_small, count)
    t_small = batch([PLANS], fresh(tmp, "extracts-small"), [CopyKind.EXTRACT], workers=2)
    line("vanban batch, 2 processes", t_small, count)
    small = t_plain_small / t_small
    print(f"  ratio plain / batch: {small:.1f}×  (one rendering per plan dominates when a plan "
          "has few agencies)\n")
    return {"plain_s": t_plain, "batch_s": t_batch, "ratio": ratio,
            "bundled_ratio": small}


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
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    quick = args.quick
    figures = {}
    with tempfile.TemporaryDirectory(prefix="vanban-bench-") as name:
        tmp = Path(name)
        if "copies" in args.sections:
            figures["copies"] = bench_copies(tmp, 200 if quick else 1000)
        if "extracts" in args.sections:
            figures["extracts"] = bench_extracts(tmp, 40 if quick else 120)
        if "pdf" in args.sections:
            figures["pdf"] = bench_pdf(tmp, 20 if quick else 100)
        if "memory" in args.sections:
            figures["memory"] = bench_memory(tmp, 2000 if quick else 10_000)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
