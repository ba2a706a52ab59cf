"""The structural diff: what changed, where, in the plans' own numbering."""

import pytest

from conftest import PLAN_FILES
from diffcases import plans
from vanban.diff import ChangeKind, diff_plans
from vanban.diff.summary import where

EXPECTED = {
    "one-word": [("reworded", "II.1.a")],
    "inserted-section": [("added", "III"), ("renumbered", "III → IV"), ("renumbered", "IV → V")],
    "deleted-point": [("removed", "I.1.a"), ("renumbered", "I.1.b → I.1.a")],
    "moved-item": [("moved", "II.2 → II.1"), ("renumbered", "II.1 → II.2")],
    "moved-across": [("moved", "II.1.b → II.2.b")],
    "recipients": [("moved", "recipient 8 → 4"), ("removed", "recipient 5"),
                   ("added", "recipient 7"), ("reworded", "recipient 9")],
    "date": [("reworded", "place and date")],
    "draft-to-final": [("removed", "draft marker"), ("reworded", "number and symbol"),
                       ("reworded", "place and date")],
    "ending-added": [("added", "urgency, secrecy or circulation mark"),
                     ("reworded", "urgency, secrecy or circulation mark"), ("added", "closing paragraph 2")],
    "ending-removed": [("removed", "urgency, secrecy or circulation mark"),
                       ("removed", "closing paragraph 1"), ("reworded", "drafter and copies")],
    "restructured": [("renumbered", "II.1.b → II.1.b.-1"), ("reworded", "IV.2"),
                     ("removed", "IV.2, paragraph 1")],
    "draft-round": [("reworded", "draft marker"), ("reworded", "II.1.a")],
    "final-to-draft": [("added", "draft marker"), ("reworded", "number and symbol"),
                       ("reworded", "place and date")],
    "adjacent-edits": [("reworded", "legal basis 1"), ("reworded", "legal basis 2"),
                       ("reworded", "I.1.b"), ("added", "I.1.c"), ("reworded", "II.1.a"),
                       ("removed", "II.1.a, lead agency")],
    "ending-replaced": [("removed", "urgency, secrecy or circulation mark"),
                        ("added", "urgency, secrecy or circulation mark"),
                        ("removed", "closing paragraph 1"), ("added", "closing paragraph 1")],
    "identical": [],
    # tables: a task line and its cell of the table of tasks, rows, columns, appendices
    "task-deadline": [("reworded", "Kế hoạch › II.2, deadline"),
                      ("reworded", "Phụ lục I › row 2 › Thời gian hoàn thành")],
    "table-rows": [("removed", "Kế hoạch › VI.2"), ("renumbered", "Kế hoạch › VI.3 → VI.2"),
                   ("reworded", "Kế hoạch › VII.4 › row 2 › Kế hoạch"),
                   ("added", "Kế hoạch › VII.4 › row 3"), ("removed", "Phụ lục I › row 19"),
                   ("renumbered", "Phụ lục I › row 20 → 19"),
                   ("renumbered", "Phụ lục I › rows 21–24 → 20–23"),
                   ("reworded", "Phụ lục II, title"),
                   ("removed", "Phụ lục II › II › I. CẢI CÁCH THỂ CHẾ"),
                   ("removed", "Phụ lục II › II › row 1")],
    "table-columns": [("moved", "Kế hoạch › VI.2 → VI.1"),
                      ("renumbered", "Kế hoạch › VI.1 → VI.2"),
                      ("added", "Kế hoạch › VII.4 › column Ghi chú"),
                      ("renumbered", "Phụ lục I › row 19 → 18"),
                      ("moved", "Phụ lục I › row 18 → row 19"),
                      ("added", "Phụ lục II › II › III. CẢI CÁCH TỔ CHỨC BỘ MÁY"),
                      ("added", "Phụ lục II › II › row 3")],
    "table-item-removed": [("removed", "Kế hoạch › VII.4"), ("removed", "Phụ lục I › row 24")],
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_changes_of_each_plan_pair(case):
    changes = diff_plans(*plans(case)).changes
    assert [(c.kind.value, where(c, "en")) for c in changes] == EXPECTED[case]


@pytest.mark.parametrize("plan_file", PLAN_FILES, ids=lambda p: p.stem)
def test_a_plan_compared_with_itself_has_no_change(plan_file):
    from vanban import load_plan

    diff = diff_plans(load_plan(plan_file), load_plan(plan_file))
    assert not diff and diff.changes == []
    assert len(diff.alignment.links) == len(diff.alignment.old)


def test_renumbering_alone_is_not_rewording():
    diff = diff_plans(*plans("inserted-section"))
    assert diff.count(ChangeKind.REWORDED) == 0
    renumbered = [c for c in diff.changes if c.kind is ChangeKind.RENUMBERED]
    assert [(c.old, c.new) for c in renumbered] == [("III.", "IV."), ("IV.", "V.")]
    # the sections after the new one are linked to their old selves, text for text
    old, new = diff.alignment.old, diff.alignment.new
    for o, n in diff.alignment.links.items():
        assert old[o].core == new[n].core


def test_an_added_section_is_one_change_with_everything_it_contains():
    (added,) = [c for c in diff_plans(*plans("inserted-section")).changes
                if c.kind is ChangeKind.ADDED]
    assert added.new_lines == (
        "III. Tuyên truyền, nâng cao nhận thức",  # shown in capitals by its style
        "1. Phổ biến kiến thức phòng, chống thiên tai trên các phương tiện thông tin đại chúng.",
        "- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
        "2. Tổ chức diễn tập ứng phó thiên tai tại các xã có nguy cơ cao.")


def test_a_moved_block_keeps_its_content_and_knows_both_places():
    (moved,) = diff_plans(*plans("moved-across")).changes
    assert (moved.old_path, moved.new_path, moved.reworded) == ("II.1.b", "II.2.b", False)
    assert len(moved.old_lines) == len(moved.new_lines) == 8


def test_punctuation_vanban_adds_is_not_a_change():
    # a basis added after the last one turns its "." into ";": the drafter changed nothing
    diff = diff_plans(*plans("mixed"))
    bases = [c for c in diff.changes if c.part == "basis"]
    assert [(c.kind.value, c.ordinal) for c in bases] == [("added", 4)]
    # a paragraph added after the last one takes over the "./." ending
    diff = diff_plans(*plans("ending-added"))
    assert [c.role for c in diff.changes if c.part == "body"] == ["closing"]


def test_emphasis_and_layout_changes_are_reported():
    diff = diff_plans(*plans("mixed"))
    (italic,) = [c for c in diff.changes if c.kind is ChangeKind.REFORMATTED]
    assert (where(italic, "en"), italic.old, italic.new) == ("II.2, paragraph 1", "", "i")
    (margin,) = [c for c in diff.changes if c.part == "layout"]
    assert (margin.role, margin.old, margin.new) == ("margin_left", "30", "32")
