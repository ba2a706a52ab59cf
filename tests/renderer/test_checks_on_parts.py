"""The decisions with their attached plan and appendices pass vanban's own checks: the plan
check, and the layout rules VB801–VB806 on the rendered .docx (which still find real slips
in the same parts)."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from decisions import DECISIONS
from docx.shared import Mm

from vanban import load_plan
from vanban.check.paths import check_file
from vanban.renderer import render_bytes

TODAY = dt.date(2026, 11, 30)
LAYOUT_RULES = ["VB801", "VB802", "VB803", "VB804", "VB805", "VB806"]


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_the_plan_check_finds_nothing(name):
    result = check_file(DECISIONS[name], today=TODAY)
    assert [(p.code, p.mark.line, p.message("en")) for p in result.problems] == []


@pytest.mark.parametrize("name", sorted(DECISIONS))
def test_the_layout_rules_find_nothing_on_the_rendered_document(name, tmp_path):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(render_bytes(load_plan(DECISIONS[name])))
    result = check_file(path, today=TODAY, select=LAYOUT_RULES)
    assert [(p.code, p.message("en")) for p in result.problems] == []


def _changed(name: str, tmp_path, change) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(render_bytes(load_plan(DECISIONS[name]))))
    change(document)
    path = tmp_path / "changed.docx"
    document.save(str(path))
    result = check_file(path, today=TODAY, select=LAYOUT_RULES)
    return [(p.code, p.message("en")) for p in result.problems]


def test_a_landscape_appendix_with_portrait_margins_is_found(tmp_path):
    def untwist(document):
        turned = document.sections[2]
        turned.top_margin, turned.left_margin = Mm(20), Mm(30)

    findings = _changed("short", tmp_path, untwist)
    assert len(findings) == 2  # the top and the left margin
    assert all(code == "VB801" and "section 3" in message for code, message in findings)


def test_an_appendix_turned_without_a_wide_table_is_found(tmp_path):
    def turn(document):
        upright = document.sections[3]  # the appendix whose table fits a portrait page
        upright.orientation = 1
        upright.page_width, upright.page_height = Mm(297), Mm(210)
        upright.top_margin, upright.bottom_margin = Mm(30), Mm(15)
        upright.left_margin = upright.right_margin = Mm(20)

    (finding,) = _changed("short", tmp_path, turn)
    assert finding[0] == "VB801" and "landscape (section 4)" in finding[1]
