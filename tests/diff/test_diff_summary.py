"""Summaries for review comments (text) and for programs (JSON)."""

import json

from diffcases import plans
from vanban.diff import diff_plans
from vanban.diff.summary import format_json, format_text


def test_text_summary_in_vietnamese():
    text = format_text(diff_plans(*plans("recipients")))
    assert text.splitlines() == [
        "Thay đổi của Kế hoạch 45/KH-UBND: phiên bản 1 → phiên bản 2",
        "",
        "chuyển vị trí  nơi nhận 8 → 4: Công an tỉnh",
        "bỏ             nơi nhận 5: Sở Xây dựng",
        "bổ sung        nơi nhận 7: Sở Y tế",
        "sửa đổi        nơi nhận 9: UBND các xã, phường{+, đặc khu+}",
        "",
        "4 thay đổi: 1 bổ sung, 1 bỏ, 1 sửa đổi, 1 chuyển vị trí",
    ]


def test_text_summary_in_english_marks_words_and_lists_added_blocks():
    text = format_text(diff_plans(*plans("one-word")), "en")
    assert "reworded  II.1.a: Rà soát, [-cập nhật-]{+bổ sung+} phương án" in text
    text = format_text(diff_plans(*plans("inserted-section")), "en")
    assert "added       III: Tuyên truyền, nâng cao nhận thức\n    + 1. Phổ biến" in text
    assert "renumbered  III → IV: IV. Kinh phí thực hiện" in text
    assert text.endswith("3 change(s): 1 added, 2 renumbered\n")


def test_no_differences():
    assert format_text(diff_plans(*plans("identical")), "en").endswith("no differences\n")


def test_json_summary():
    data = json.loads(format_json(diff_plans(*plans("moved-item")), "en"))
    assert data["summary"]["total"] == 2 and data["summary"]["moved"] == 1
    assert data["old"]["version"] == "1" and data["new"]["label"] == "version 2"
    moved, renumbered = data["changes"]
    assert (moved["kind"], moved["old_path"], moved["new_path"], moved["where"]) == (
        "moved", "II.2", "II.1", "II.2 → II.1")
    assert moved["reworded"] is False and len(moved["new_lines"]) == 6
    assert (renumbered["kind"], renumbered["old"], renumbered["new"]) == ("renumbered", "1.", "2.")
    words = json.loads(format_json(diff_plans(*plans("date"))))["changes"][0]["words"]
    assert [w["text"] for w in words if w["op"] != "equal"] == ["15", "03", "01", "02"]
