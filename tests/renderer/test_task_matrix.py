"""The task matrix (plan/matrix.py): the same rows for the renderer, batch, diff and checks."""

from __future__ import annotations

from decisions import DECISIONS

from batchutil import parts_of
from conftest import PLANS_DIR
from vanban import load_plan
from vanban.batch import BatchRequest, CopyKind, run_batch
from vanban.batch.extracts import Extractor
from vanban.batch.fragments import frame_plan, region_blocks
from vanban.batch.render import learn_template, render_parts
from vanban.decree.tasks import TASK_LABELS
from vanban.plan.matrix import COLUMNS, deadline_text, is_task, task_table
from vanban.renderer import task_lines

FLOOD = PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"


def attached():
    plan = load_plan(DECISIONS["long"])
    return plan, plan.attachment


def test_rows_follow_the_body_under_one_group_row_per_section():
    _plan, attachment = attached()
    table = task_table(attachment.sections, attachment.numbering)
    assert [c.header for c in table.columns] == [h for h, _w, _a in COLUMNS]
    groups = [r.group for r in table.rows if r.group is not None]
    assert groups == ["II. CẢI CÁCH THỂ CHẾ", "III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                      "IV. CẢI CÁCH TỔ CHỨC BỘ MÁY", "V. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
                      "VI. CẢI CÁCH TÀI CHÍNH CÔNG",
                      "VII. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"]
    tasks = [n for s in attachment.sections for n in s.walk() if is_task(n)]
    rows = [r for r in table.rows if r.group is None]
    assert [r.cells[0] for r in rows] == [str(i) for i in range(1, len(tasks) + 1)]
    assert [r.cells[1] for r in rows] == [n.heading for n in tasks]


def test_a_row_says_what_the_body_says_about_its_task():
    _plan, attachment = attached()
    table = task_table(attachment.sections, attachment.numbering)
    tasks = [n for s in attachment.sections for n in s.walk() if is_task(n)]
    for node, row in zip(tasks, [r for r in table.rows if r.group is None]):
        _n, _task, lead, support, when, product = row.cells
        lines = " ".join(task_lines(node))
        for agency in [*lead.split("\n"), *support.split("\n")]:
            assert not agency or agency in lines
        if node.deadline:
            assert when.split("\n")[0] == deadline_text(node.deadline)
            assert f"{TASK_LABELS['deadline']}: {deadline_text(node.deadline)}." in lines
        if node.timeframe:
            assert node.timeframe in when.split("\n")
        assert product == (node.product or "")


def test_an_agency_sees_only_the_rows_it_leads_or_supports():
    _plan, attachment = attached()
    table = task_table(attachment.sections, attachment.numbering, agency="sở tài chính")
    rows = [r for r in table.rows if r.group is None]
    assert rows and all("Sở Tài chính" in (r.cells[2] + "\n" + r.cells[3]).split("\n")
                        for r in rows)
    assert [r.cells[0] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert [r.group for r in table.rows if r.group] == [
        "II. CẢI CÁCH THỂ CHẾ", "IV. CẢI CÁCH TỔ CHỨC BỘ MÁY", "VI. CẢI CÁCH TÀI CHÍNH CÔNG"]
    none = task_table(attachment.sections, attachment.numbering, agency="Bộ Ngoại giao")
    assert none.rows == [] and len(none.columns) == 6


def test_the_model_example_gives_its_two_tasks():
    plan = load_plan(DECISIONS["short"])
    table = task_table(plan.attachment.sections, plan.attachment.numbering)
    assert [r.group or r.cells[0] for r in table.rows] == ["II. NHIỆM VỤ", "1", "2"]


def test_extracts_of_a_plan_with_a_task_appendix_are_rendered_whole(tmp_path):
    text = FLOOD.read_text(encoding="utf-8") + (
        "appendices:\n  - title: Phân công nhiệm vụ\n    tasks: true\n")
    path = tmp_path / "flood.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    extractor = Extractor(plan)
    # one frame cannot serve: the task appendix after the body changes with it
    learned = learn_template(plan)
    frame = learned.model.frame(render_parts(frame_plan(plan))["word/document.xml"].decode(),
                                region_blocks(frame_plan(plan)))
    derived = extractor.extract("Sở Xây dựng")
    fast = frame.document(learned.model.region(region_blocks(derived)))
    assert fast != render_parts(derived)["word/document.xml"]
    result = run_batch(BatchRequest([path], tmp_path / "out", kinds=[CopyKind.EXTRACT]))
    assert result.ok and result.built == len(plan.agencies())
    for entry in result.entries:
        expected = render_parts(extractor.extract(entry.agency))["word/document.xml"]
        assert parts_of(tmp_path / "out" / entry.file)["word/document.xml"] == expected
