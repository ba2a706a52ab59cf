"""The default template is lean and says what made it; its fields were checked when it was
built; a rendering is written once, the same bytes every time."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from conftest import PLANS_DIR
from vanban import load_plan, render_bytes
from vanban.errors import TemplateError
from vanban.renderer import default_template, normalise_zip
from vanban.renderer.engine import FIELDS_SUFFIX, load_template, template_fields
from vanban.renderer.pipeline import render_document

SEED = PLANS_DIR / "277-KH-BCD-2023.yaml"
#: The seed plan rendered with python-docx's default template inside (before issue 12).
SEED_BYTES_BEFORE = 45_700


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_the_template_carries_no_stale_parts_and_names_vanban():
    parts = _members(default_template().read_bytes())
    assert "word/stylesWithEffects.xml" not in parts
    assert not [name for name in parts if "thumbnail" in name or name.startswith("customXml")]
    assert b"<Application>vanban</Application>" in parts["docProps/app.xml"]
    assert b"Microsoft" not in parts["docProps/app.xml"]
    for rels in (n for n in parts if n.endswith(".rels")):
        targets = re.findall(rb'Target="([^"]+)"', parts[rels])
        assert not [t for t in targets if b"thumbnail" in t or b"stylesWithEffects" in t]


def test_the_template_holds_only_the_styles_vanban_uses():
    doc = docx.Document(str(default_template()))
    names = {s.name for s in doc.styles}
    vanban = {n for n in names if n.startswith("VB ")}
    # Word's defaults a document cannot do without, and vanban's own
    assert names - vanban == {"Normal", "Default Paragraph Font", "Normal Table", "No List"}
    assert doc.styles.element.find(qn("w:latentStyles")) is None
    # every vanban style is used by the template or by the renderer's own XML
    source = "".join(p.read_text(encoding="utf-8") for p in
                     (default_template().parents[1] / "renderer").glob("*.py"))
    used_in_template = {el.get(qn("w:val")) for el in doc.element.iter(qn("w:pStyle"))}
    for part in (r.target_part for r in doc.part.rels.values() if "header" in r.reltype):
        used_in_template |= {el.get(qn("w:val")) for el in part.element.iter(qn("w:pStyle"))}
    for style in (doc.styles[n] for n in vanban):
        assert style.style_id in used_in_template or style.name in source or \
            style.style_id in source, style.name


def test_the_seed_plan_renders_to_at_most_half_its_former_size():
    assert len(render_bytes(load_plan(SEED))) <= SEED_BYTES_BEFORE / 2


def test_a_rendering_is_written_once_and_is_the_same_bytes_every_time():
    plan = load_plan(SEED)
    first, second = render_bytes(plan), render_bytes(plan)
    assert first == second
    buf = io.BytesIO()
    render_document(plan).save(buf)
    assert normalise_zip(buf.getvalue()) == first  # what saving and normalising gives


def test_the_packaged_templates_fields_were_checked_when_it_was_built():
    template = default_template()
    data = template.read_bytes()
    recorded = template.with_name(template.name + FIELDS_SUFFIX).read_text("utf-8").split()
    assert recorded[1:] == sorted(template_fields(data, str(template)))
    assert load_template(template)[1] == frozenset(recorded[1:])


def test_a_copy_of_the_template_that_was_changed_is_checked_again(tmp_path):
    template = default_template()
    copy = tmp_path / template.name
    shutil.copy(template, copy)
    shutil.copy(template.with_name(template.name + FIELDS_SUFFIX),
                copy.with_name(copy.name + FIELDS_SUFFIX))
    parts = _members(copy.read_bytes())
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"{{ dateline }}", b"{{ not_a_field }}")
    copy.write_bytes(normalise_zip(_zip(parts)))
    with pytest.raises(TemplateError, match="not_a_field"):
        load_template(copy)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()
