"""Plans as printed units: the words are the rendering's, labels are kept apart."""

import io

import docx
import pytest

from conftest import PLAN_FILES, PLANS_DIR
from vanban import load_plan, render_bytes
from vanban.diff.units import plan_units
from vanban.redline.docmap import locate


@pytest.mark.parametrize("plan_file", PLAN_FILES, ids=lambda p: p.stem)
def test_every_unit_is_a_paragraph_of_the_rendered_document(plan_file):
    plan = load_plan(plan_file)
    units = plan_units(plan)
    doc = docx.Document(io.BytesIO(render_bytes(plan)))
    found = locate(units.units, doc)
    assert sorted(found) == [u.index for u in units]
    # and each in its own paragraph
    assert len({id(loc.p) for loc in found.values()}) == len(units)


def test_body_units_carry_their_numbering_path_and_label_apart():
    units = plan_units(load_plan(PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"))
    body = {u.path + "/" + u.role: u for u in units if u.part == "body" and u.role == "heading"}
    point = body["II.1.a/heading"]
    assert (point.label, point.text[:8]) == ("a)", "Rà soát,")
    assert body["II/heading"].text == "Nhiệm vụ, giải pháp"  # capitals come from the style
    assert body["II.1.b.-1.+2/heading"].label == "+"
    tasks = [u.role for u in units if u.path == "II.1.a" and u.role != "heading"]
    assert tasks == ["lead", "support", "deadline", "product"]


def test_core_leaves_out_the_punctuation_vanban_adds():
    units = plan_units(load_plan(PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"))
    last_body = [u for u in units if u.part == "body"][-1]
    assert last_body.text.endswith("giải quyết./.") and last_body.core.endswith("giải quyết.")
    bases = [u for u in units if u.part == "basis"]
    assert bases[0].text.endswith(";") and not bases[0].core.endswith(";")
    assert bases[-1].text.endswith(".") and not bases[-1].core.endswith(".")
    recipient = next(u for u in units if u.part == "recipient")
    assert (recipient.text, recipient.core) == ("- Bộ Nông nghiệp và Môi trường (b/c);",
                                                "Bộ Nông nghiệp và Môi trường (b/c)")
