"""Random revisions of a real plan (fixed seeds): whatever a drafter does — rewording,
adding, deleting and moving items at any level, touching recipients and header fields —
accepting the redline gives the new version and rejecting it the old one."""

from __future__ import annotations

import copy
import io
import random

import docx
import pytest

from conftest import PLANS_DIR
from diffcases import DIFF_DATA
from redlinexml import resolved, view
from vanban import load_plan, render_bytes
from vanban.plan.model import Node, Paragraph, Recipient, Row, Table
from vanban.problems import Mark
from vanban.redline import redline_bytes
from vanban.text.vnformat import PlanDate

DATA = DIFF_DATA.parent
#: (plan, seeds): an issued plan with tasks and nesting, and a draft with its page-1 marker
#: and a decision issuing a plan with tables in its items and appendices (tables edited too)
BASES = {"45": (PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml", range(24)),
         "du-thao": (PLANS_DIR / "du-thao-KH-STP-2026-pho-bien-phap-luat.yaml", range(12)),
         "tables": (DATA / "qd-ban-hanh-KH-cai-cach-hanh-chinh-2026.yaml", range(16))}
CASES = [(base, seed) for base, (_, seeds) in BASES.items() for seed in seeds]
#: The ones LibreOffice also checks (in one process).
OFFICE_CASES = [c for c in CASES if c[1] < 6]
WORDS = ("kịp thời", "hiệu quả", "trên địa bàn", "các xã, phường", "năm 2026", "thiên tai",
         "Sở Xây dựng", "theo quy định", "mới", "đầy đủ")
MARK = Mark("random", 1, 1)


def _parents(plan):
    """(content list, depth of the blocks in it) for every place blocks can live."""
    out = [(plan.sections, 1)]
    for node in plan.nodes():
        if node.depth < 5:
            out.append((node.content, node.depth + 1))
    return out


def _reword(rng, text: str) -> str:
    words = text.split(" ")
    i = rng.randrange(len(words) + 1)
    if rng.random() < 0.5 and len(words) > 2:
        words[min(i, len(words) - 1)] = rng.choice(WORDS)
    else:
        words.insert(i, rng.choice(WORDS))
    return " ".join(words)


def _tables(plan) -> list[Table]:
    contents = [a.content for a in plan.appendices] + [node.content for node in plan.nodes()]
    if plan.attachment is not None:
        contents += [a.content for a in plan.attachment.appendices]
    return [b for content in contents for b in content if isinstance(b, Table)]


def _edit_table(rng, table: Table) -> None:
    rows = [k for k, row in enumerate(table.rows) if row.group is None]
    if not rows:
        return
    k = rng.choice(rows)
    op = rng.choice(["cell", "cell", "delete", "insert", "swap"])
    row = table.rows[k]
    if op == "cell":
        c = rng.randrange(len(row.cells))
        cells = list(row.cells)
        cells[c] = _reword(rng, cells[c]) if cells[c] else rng.choice(WORDS)
        table.rows[k] = Row(tuple(cells), row.mark)
    elif op == "delete" and len(rows) > 1:
        del table.rows[k]
    elif op == "insert":
        cells = tuple(rng.choice(WORDS) for _ in row.cells)
        table.rows.insert(rng.randrange(len(table.rows) + 1), Row(cells, MARK))
    elif len(rows) > 1:
        j = rng.choice(rows)
        table.rows[k], table.rows[j] = table.rows[j], table.rows[k]


def _edit(rng, plan) -> None:
    tables = _tables(plan)
    kind = rng.choice(["reword", "reword", "delete", "insert", "move", "paragraph",
                       "recipients", "header", "task", "italic"] + ["table"] * 3 * bool(tables))
    if kind == "table":
        _edit_table(rng, rng.choice(tables))
        return
    places = _parents(plan)
    blocks = [(content, i) for content, _ in places for i in range(len(content))]
    texts = [(content, i) for content, i in blocks if not isinstance(content[i], Table)]
    if kind == "reword" and blocks:
        content, i = rng.choice(texts)
        block = content[i]
        if isinstance(block, Paragraph):
            block.text = _reword(rng, block.text)
        elif block.title is not None:
            block.title = _reword(rng, block.title)
        else:
            block.text = _reword(rng, block.text)
    elif kind == "delete":
        content, i = rng.choice(blocks)
        if content is not plan.sections or len(content) > 1:
            del content[i]
    elif kind == "insert":
        content, depth = rng.choice(places)
        node = Node(depth, MARK, text=f"Nhiệm vụ bổ sung về {rng.choice(WORDS)}.")
        content.insert(rng.randrange(len(content) + 1), node)
    elif kind == "move":
        content, i = rng.choice(blocks)
        block = content[i]
        depth = block.depth if isinstance(block, Node) else None
        targets = [(c, d) for c, d in places if d == depth or (depth is None and d > 1)]
        target, _ = rng.choice(targets)
        if isinstance(block, Node) and any(target is n.content for n in block.walk()):
            return  # not into itself
        if content is plan.sections and len(content) == 1:
            return
        content.pop(i)
        target.insert(rng.randrange(len(target) + 1), block)
    elif kind == "paragraph":
        where = rng.choice([plan.opening, plan.closing] + [c for c, d in places if d > 1])
        where.insert(rng.randrange(len(where) + 1),
                     Paragraph(f"Đoạn văn mới về {rng.choice(WORDS)}.", MARK))
    elif kind == "recipients":
        op = rng.choice(["add", "drop", "shuffle"])
        if op == "add":
            plan.recipients.insert(rng.randrange(len(plan.recipients) + 1),
                                   Recipient(f"Sở {rng.choice(WORDS)}", MARK))
        elif op == "drop" and len(plan.recipients) > 1:
            plan.recipients.pop(rng.randrange(len(plan.recipients)))
        else:
            rng.shuffle(plan.recipients)
    elif kind == "header":
        field = rng.choice(["number", "date", "title", "urgency", "signer"])
        if field == "number":
            plan.number = rng.choice([None, 7, 45, 120])
        elif field == "date":
            plan.date = rng.choice([PlanDate(2026), PlanDate(2026, 2, 3), PlanDate(2026, 1, 16)])
        elif field == "title":
            plan.title = _reword(rng, plan.title)
        elif field == "urgency":
            plan.urgency = rng.choice([None, "KHẨN", "HỎA TỐC"])
        else:
            plan.signature.name = rng.choice(["Lê Văn Lương", "Nguyễn Thị Hoa"])
    elif kind == "task":
        nodes = list(plan.nodes())
        node = rng.choice(nodes)
        node.deadline = rng.choice([None, PlanDate(2026, 6, 30)])
        node.product = rng.choice([None, "Báo cáo kết quả"])
    else:
        content, i = rng.choice(texts)
        content[i].italic = not content[i].italic


def revised(base: str, seed: int):
    rng = random.Random(seed)
    old = load_plan(BASES[base][0])
    new = copy.deepcopy(old)
    for _ in range(rng.randint(1, 6)):
        _edit(rng, new)
    return old, new


def rendered_view(plan):
    return view(docx.Document(io.BytesIO(render_bytes(plan))))


@pytest.fixture(scope="module")
def base_views():
    return {base: rendered_view(load_plan(path)) for base, (path, _) in BASES.items()}


@pytest.mark.parametrize("base,seed", CASES)
def test_random_revision_accepts_and_rejects_exactly(base, seed, base_views):
    old, new = revised(base, seed)
    data = redline_bytes(old, new, date="2026-03-05").data
    assert view(resolved(data, accept=True)) == rendered_view(new)
    assert view(resolved(data, accept=False)) == base_views[base]


@pytest.mark.libreoffice
def test_random_revisions_in_libreoffice(tmp_path):
    from libreoffice_oracle import Mode, resolve

    jobs = []
    for base, seed in OFFICE_CASES:
        old, new = revised(base, seed)
        stem = f"{base}-{seed}"
        for name, data in (("old", render_bytes(old)), ("new", render_bytes(new)),
                           ("redline", redline_bytes(old, new, date="2026-03-05").data)):
            (tmp_path / f"{stem}.{name}.docx").write_bytes(data)
        jobs += [(tmp_path / f"{stem}.old.docx", Mode.KEEP),
                 (tmp_path / f"{stem}.new.docx", Mode.KEEP),
                 (tmp_path / f"{stem}.redline.docx", Mode.ACCEPT),
                 (tmp_path / f"{stem}.redline.docx", Mode.REJECT)]
    results = resolve(jobs)
    for k, case in enumerate(OFFICE_CASES):
        old, new, accepted, rejected = results[4 * k:4 * k + 4]
        assert (case, accepted.lines, accepted.headers) == (case, new.lines, new.headers)
        assert (case, rejected.lines, rejected.headers) == (case, old.lines, old.headers)
