"""How fast `vanban render` is on a plan with a 1,000-row table, against the same plan without.

    python benchmarks/bench_render_tables.py [ROUNDS]

Writes the bundled 45/KH-UBND plan twice: as it is, and with an appendix holding a 1,000-row
table (five columns, a group row every 50 rows). Times `python -m vanban render` on each as
whole processes with paired runs (benchmarks/paired.py), so the difference is what the table
costs; then, in this process, `render_bytes` alone on each (median and spread of ROUNDS
renders). Target: the table plan renders in about a second. For scale, the time python-docx
takes to build the same table alone with its own API (``add_row``, ``cell()``).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from paired import compare, vanban_env

from vanban import load_plan
from vanban.renderer import render_bytes

PLAN = ROOT / "plans" / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"
TABLE_ROWS = 1000
GROUP_EVERY = 50
TARGET_S = 1.0
HEADERS = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian")


def table_yaml() -> str:
    """An appendix with a table of TABLE_ROWS rows, as a plan file writes it."""
    lines = ["appendices:", "  - title: Danh mục nhiệm vụ chi tiết", "    content:",
             "      - table:", "          columns:",
             "            - {header: STT, width: 6, align: center}",
             "            - {header: Nhiệm vụ, width: 44}",
             "            - {header: Cơ quan chủ trì, width: 18}",
             "            - {header: Cơ quan phối hợp, width: 18}",
             "            - {header: Thời gian, width: 14, align: center}",
             "          rows:"]
    for i in range(1, TABLE_ROWS + 1):
        if i % GROUP_EVERY == 1:
            lines.append(f"            - {{group: Nhóm {i // GROUP_EVERY + 1}}}")
        lines.append(f'            - ["{i}", "Nhiệm vụ {i}: rà soát, cập nhật kế hoạch của '
                     f'ngành, báo cáo kết quả", "Sở Nội vụ", "Các sở, ban, ngành", '
                     f'"Quý {i % 4 + 1}/2026"]')
    return "\n".join(lines) + "\n"


def render_command(plan: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "vanban", "render", str(plan), "-o", str(out)]


def in_process(plan: Path, rounds: int) -> list[float]:
    loaded = load_plan(plan)
    render_bytes(loaded)  # warm: template compiled, modules loaded
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        render_bytes(loaded)
        times.append(time.perf_counter() - start)
    return times


def python_docx_table_s(rows: int, *, by_cell: bool) -> float:
    """The same table built with python-docx's own API: ``add_row`` and each new row's
    cells, or ``table.cell(i, j)``, which lays out the whole table on every call."""
    import docx

    document = docx.Document()
    start = time.perf_counter()
    table = document.add_table(rows=1, cols=len(HEADERS))
    for cell, text in zip(table.rows[0].cells, HEADERS):
        cell.text = text
    for i in range(1, rows + 1):
        row = table.add_row()
        texts = (str(i), f"Nhiệm vụ {i}", "Sở Nội vụ", "Các sở, ban, ngành", "Quý II/2026")
        for j, text in enumerate(texts):
            (table.cell(i, j) if by_cell else row.cells[j]).text = text
    return time.perf_counter() - start


def spread(times: list[float]) -> str:
    return (f"{statistics.median(times) * 1000:.0f} ms median "
            f"[{min(times) * 1000:.0f}–{max(times) * 1000:.0f}]")


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    env = vanban_env(str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.yaml"
        plain.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
        tabled = Path(tmp) / "table.yaml"
        tabled.write_text(PLAN.read_text(encoding="utf-8") + table_yaml(), encoding="utf-8")
        out = Path(tmp) / "out"
        comparison = compare(f"vanban render, {TABLE_ROWS}-row table vs plain plan",
                             render_command(tabled, out), render_command(plain, out), rounds,
                             env_a=env, env_b=env)
        table_times = in_process(tabled, rounds)
        plain_times = in_process(plain, rounds)
        size = (out / "table.docx").stat().st_size
    print(f"plan: {PLAN.name} + an appendix with a {TABLE_ROWS}-row table "
          f"({TABLE_ROWS // GROUP_EVERY} group rows); .docx {size // 1024} KB")
    print(comparison.line())
    whole = statistics.median(t.wall for t in comparison.a)
    print(f"whole process with the table: {whole:.2f} s median — target about "
          f"{TARGET_S:.0f} s: {'met' if whole < 1.5 * TARGET_S else 'NOT met'}")
    print(f"render_bytes in process: with the table {spread(table_times)}; "
          f"plain {spread(plain_times)}; the table adds "
          f"{(statistics.median(table_times) - statistics.median(plain_times)) * 1000:.0f} ms")
    by_row = python_docx_table_s(TABLE_ROWS, by_cell=False)
    small = TABLE_ROWS // 4
    by_cell = python_docx_table_s(small, by_cell=True)
    print(f"for scale, python-docx building the table alone: add_row + row.cells "
          f"{by_row:.2f} s for {TABLE_ROWS} rows; table.cell(i, j) {by_cell:.2f} s for only "
          f"{small} rows (it grows with the square of the rows)")


if __name__ == "__main__":
    main()
