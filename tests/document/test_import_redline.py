"""A redline made by ``vanban diff -o`` imports as its new version, with one note that its
tracked changes were still pending (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diffcases import CASES, plans, redline
from vanban.document.importer import import_file
from vanban.plan.codes import IMPORT_UNCERTAIN
from vanban.plan.loader import read_plan
from vanban.plan.serialize import plan_data
from vanban.problems import Severity
from vanban.renderer import render_bytes


@pytest.mark.parametrize("case", CASES)
def test_a_redline_imports_as_the_new_version_with_a_note(case, tmp_path):
    old, new = plans(case)
    made = redline(case)
    text, result = import_file(tmp_path / "redline.docx", made.data)
    again = read_plan(Path("redline.yaml"), text.encode("utf-8")).plan
    rendered, _ = import_file(tmp_path / "new.docx", render_bytes(new))
    as_rendered = read_plan(Path("new.yaml"), rendered.encode("utf-8")).plan

    # the redline reads as the new version's own rendering does: that is the new plan,
    # but for what the importer measures instead of reading (a table's column widths, the
    # alignment practice gives a column)
    assert plan_data(again) == plan_data(as_rendered)
    if not any(case.startswith(t) for t in ("table-", "task-")):
        assert plan_data(again) == plan_data(new)
    notes_expected = 1 if made.revisions else 0
    notes = [p for p in result.problems if p.code == IMPORT_UNCERTAIN]
    assert len(notes) == notes_expected  # one document-wide note, not one per change
    for note in notes:
        assert note.severity == Severity.INFO
        assert "chưa được chấp nhận" in note.message()


def test_a_document_without_tracked_changes_has_no_such_note(tmp_path):
    _old, new = plans(CASES[0])
    _text, result = import_file(tmp_path / "final.docx", render_bytes(new))
    assert result.problems == []
