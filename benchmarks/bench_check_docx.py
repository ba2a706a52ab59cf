"""How fast `vanban check` is on a large Word document, against a careful user's own reading.

    python benchmarks/bench_check_docx.py [ROUNDS]

Builds (python-docx) a document of about 100 pages: vanban's rendered header, 300 body
paragraphs, a task table of 1,000 rows and the signature. Then times `python -m vanban check`
on it as a whole process against a baseline process — a python-docx script that reads every
paragraph and every table cell, the least a tool reading the document must do — with paired
runs (benchmarks/paired.py). Target: the check under 3 s. Also times the check of each
real file of the corpus and prints the slowest.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
from pathlib import Path

import docx
from docx.shared import Mm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from paired import compare, run, vanban_env

from vanban import load_plan
from vanban.renderer import render_bytes

PLAN = ROOT / "plans" / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"
CORPUS = ROOT / "tests" / "corpus" / "docx"
TARGET_S = 3.0
BODY_PARAGRAPHS = 300
TABLE_ROWS = 1000
WIDTHS_MM = (12, 70, 30, 30, 20)
SENTENCE = ("Các sở, ban, ngành, Ủy ban nhân dân các xã, phường chủ động rà soát, cập nhật "
            "kế hoạch, bố trí lực lượng, phương tiện và kinh phí để triển khai nhiệm vụ được "
            "giao, bảo đảm đúng tiến độ và chất lượng; định kỳ báo cáo kết quả thực hiện. ")
BASELINE = '''\
import sys
import docx
from docx.shared import Mm

document = docx.Document(sys.argv[1])
count = sum(len(p.text) for p in document.paragraphs)
for table in document.tables:
    for row in table.rows:
        for cell in row.cells:
            count += sum(len(p.text) for p in cell.paragraphs)
print(count)
'''


def build_document() -> bytes:
    """vanban's header and signature around 300 body paragraphs and a 1,000-row table."""
    document = docx.Document(io.BytesIO(render_bytes(load_plan(PLAN))))
    signature = document.tables[-1]._tbl  # body text and the table go before it
    body_style = document.styles["VB Body"]
    for i in range(BODY_PARAGRAPHS):
        paragraph = document.add_paragraph(f"{i % 9 + 1}. " + SENTENCE * 2, style=body_style)
        signature.addprevious(paragraph._p)
    table = document.add_table(rows=TABLE_ROWS + 1, cols=len(WIDTHS_MM))
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS_MM):
        column.width = Mm(width)
    head = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian")
    for row_index, row in enumerate(table.rows):
        values = head if row_index == 0 else (
            str(row_index), f"Nhiệm vụ {row_index}: rà soát, cập nhật kế hoạch của ngành",
            "Sở Nội vụ", "Các sở, ban, ngành", "Quý II/2026")
        for cell, value, width in zip(row.cells, values, WIDTHS_MM):
            cell.width = Mm(width)
            cell.text = value
    signature.addprevious(table._tbl)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def check_command(path: Path) -> list[str]:
    return [sys.executable, "-m", "vanban", "check", str(path)]


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    env = vanban_env(str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.docx"
        path.write_bytes(build_document())
        baseline = Path(tmp) / "read_with_python_docx.py"
        baseline.write_text(BASELINE, encoding="utf-8")
        pages = None
        try:
            from vanban.document.reader import read_document
            from vanban.rules._docx import estimated_pages

            document = read_document(path)
            pages = estimated_pages(document)
            units = len(document.paras)
        except ImportError:  # an older tree without the estimate
            units = 0
        comparison = compare("vanban check vs a python-docx read", check_command(path),
                             [sys.executable, str(baseline), str(path)], rounds,
                             env_a=env, env_b=env)
        checks = [t.wall for t in comparison.a]
    size = path.stat().st_size if path.exists() else 0
    print(f"document: {BODY_PARAGRAPHS} body paragraphs, a {TABLE_ROWS}-row table, "
          f"{units} units of reading"
          + (f", about {pages:.0f} pages by vanban's estimate" if pages else "") + (f", {size // 1024} KB" if size else ""))
    print(comparison.line())
    median = statistics.median(checks)
    print(f"vanban check on it: {median:.2f} s median, {min(checks):.2f}–{max(checks):.2f} s "
          f"— target under {TARGET_S:.0f} s: {'met' if median < TARGET_S else 'NOT met'}")
    slowest = max(CORPUS.glob("*.docx"), key=lambda p: run(check_command(p), env).wall)
    times = [run(check_command(slowest), env).wall for _ in range(5)]
    print(f"slowest corpus file: {slowest.name}: {statistics.median(times):.2f} s median "
          f"of 5 checks ({min(times):.2f}–{max(times):.2f} s)")


if __name__ == "__main__":
    main()
