"""House style: a template's own look wins unless the plan (or the project's .vanban.yaml)
sets ``layout:``; a house template prints fields of its own that .vanban.yaml supplies."""

from __future__ import annotations

import copy

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from pageplans import plan_text

from vanban.errors import TemplateError
from vanban.libreoffice import convert_to_pdf
from vanban.renderer import default_template, render

PHONE = "ĐT: 0203 3876 543"


@pytest.fixture
def house(tmp_path):
    """A project with a house template: body 13 pt, 3 pt between paragraphs, 25 mm top
    margin, and a line ``ĐT: {{ phone_line }}`` under the header."""
    doc = docx.Document(str(default_template()))
    body = doc.styles["VB Body"]
    body.font.size = Pt(13)
    body.paragraph_format.space_after = Pt(3)
    doc.sections[0].top_margin = docx.shared.Mm(25)
    header = doc.element.body.find(qn("w:tbl"))
    line = copy.deepcopy(doc.element.body.findall(qn("w:p"))[-1])
    header.addnext(line)
    Paragraph(line, doc).add_run("ĐT: {{ phone_line }}")
    template = tmp_path / "house.docx"
    doc.save(template)
    (tmp_path / ".vanban.yaml").write_text("fields:\n  phone_line: 0203 3876 543\n",
                                           encoding="utf-8")
    return tmp_path, template


def _body(path):
    doc = docx.Document(path)
    style = doc.styles["VB Body"]
    return (style.font.size.pt, style.paragraph_format.space_after.pt,
            round(doc.sections[0].top_margin.mm, 1), [p.text for p in doc.paragraphs])


def test_the_templates_own_styles_win_when_the_plan_sets_no_layout(house):
    folder, template = house
    (folder / "plan.yaml").write_text(plan_text(), encoding="utf-8")
    size, after, top, texts = _body(render(folder / "plan.yaml", folder / "a.docx",
                                           template=template))
    assert (size, after, top) == (13, 3, 25)
    assert PHONE in texts  # the house's own field, from .vanban.yaml


def test_the_plans_layout_wins_over_the_template(house):
    folder, template = house
    (folder / "plan.yaml").write_text(plan_text(
        layout="layout:\n  body_size: 14\n  paragraph_spacing: 8"), encoding="utf-8")
    size, after, top, _ = _body(render(folder / "plan.yaml", folder / "a.docx",
                                       template=template))
    assert (size, after, top) == (14, 8, 25)  # what the plan does not set stays the house's


def test_vanban_yaml_gives_layout_defaults_that_a_plan_overrides(tmp_path):
    (tmp_path / ".vanban.yaml").write_text("layout:\n  body_size: 13\n  margin_top: 22\n",
                                           encoding="utf-8")
    (tmp_path / "a.yaml").write_text(plan_text(), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(plan_text(layout="layout:\n  body_size: 14"),
                                     encoding="utf-8")
    assert _body(render(tmp_path / "a.yaml", tmp_path / "a.docx"))[:3] == (13, 6, 22)
    assert _body(render(tmp_path / "b.yaml", tmp_path / "b.docx"))[:3] == (14, 6, 22)


def test_a_field_the_house_does_not_supply_is_named(house):
    folder, template = house
    (folder / ".vanban.yaml").unlink()
    sub = folder / "other"
    sub.mkdir()
    (sub / "plan.yaml").write_text(plan_text(), encoding="utf-8")
    with pytest.raises(TemplateError, match="phone_line"):
        render(sub / "plan.yaml", sub / "a.docx", template=template)


@pytest.mark.libreoffice
def test_a_house_template_prints_at_its_own_size_and_its_own_fields(house):
    folder, template = house
    (folder / "plan.yaml").write_text(plan_text(), encoding="utf-8")
    rendered = render(folder / "plan.yaml", folder / "out.docx", template=template)
    (pdf_path,) = convert_to_pdf([rendered], folder / "pdf")
    with pdfplumber.open(pdf_path) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    body = [w for w in words if w["text"] == "tiến"]  # “… đúng tiến độ.” of each paragraph
    assert body and all(abs(w["size"] - 13) < 0.1 for w in body)
    assert " ".join(w["text"] for w in words).count("0203 3876 543") == 1


def test_a_plans_own_fields_win_over_the_houses(house):
    folder, template = house
    text = plan_text().replace("opening:", "fields:\n  phone_line: 0203 3999 999\nopening:")
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    *_, texts = _body(render(folder / "plan.yaml", folder / "a.docx", template=template))
    assert "ĐT: 0203 3999 999" in texts and PHONE not in texts


def test_a_batch_renders_in_the_house_style_and_anew_when_it_changes(tmp_path):
    from vanban.batch import BatchRequest, run_batch

    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_text(), encoding="utf-8")
    (tmp_path / ".vanban.yaml").write_text("layout:\n  body_size: 13\n", encoding="utf-8")
    first = run_batch(BatchRequest([plan], tmp_path / "out"))
    sizes = {_body(tmp_path / "out" / e.file)[0] for e in first.entries}
    assert first.ok and sizes == {13}
    (tmp_path / ".vanban.yaml").write_text("layout:\n  body_size: 14\n", encoding="utf-8")
    again = run_batch(BatchRequest([plan], tmp_path / "out"))
    assert again.built == len(first.entries)
    assert {_body(tmp_path / "out" / e.file)[0] for e in again.entries} == {14}
