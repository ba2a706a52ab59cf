"""The record travels with the file: the rendered .docx carries it in its custom properties
(all but the page count, which rendering does not measure), readable back with python-docx,
and rendering stays byte-for-byte reproducible."""

from __future__ import annotations

import io
import zipfile

import docx

from conftest import MINIMAL_PLAN, PLAN_FILES, SEED_PLAN
from vanban import load_plan
from vanban.record import record_of
from vanban.record.properties import read_record, record_from_properties
from vanban.renderer import custom_properties, render, render_bytes


def test_the_rendered_document_carries_its_record_in_custom_properties(tmp_path):
    plan = load_plan(SEED_PLAN)
    path = render(plan, tmp_path / "seed.docx")
    props = custom_properties(docx.Document(str(path)))
    assert props["vanban.record.CodeNumber"] == "277"
    assert props["vanban.record.CodeNotation"] == "KH-BCĐ"
    assert props["vanban.record.SignerInfo.FullName"] == "Đặng Minh Thông"
    assert props["vanban.record.To.1.OrganName"] == "Thường trực Tỉnh ủy"
    # the record vanban.record builds, but for the page count: rendering does not measure it
    assert not any(name.startswith("vanban.record.PageAmount") for name in props)
    expected = record_of(plan, None).fields
    assert record_from_properties(props) == expected
    assert read_record(path) == (expected, None)


def test_the_custom_part_is_declared_in_the_package():
    data = render_bytes(load_plan(PLAN_FILES[0]))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "docProps/custom.xml" in archive.namelist()
        assert b"docProps/custom.xml" in archive.read("_rels/.rels")
        assert b"/docProps/custom.xml" in archive.read("[Content_Types].xml")


def test_other_custom_properties_stay_beside_the_record(write_plan):
    text = MINIMAL_PLAN.replace("title: Thử nghiệm",
                                "title: Thử nghiệm\nperiod: {start: 2024-01-01, end: 2024-12-31}")
    doc = docx.Document(io.BytesIO(render_bytes(load_plan(write_plan(text)))))
    props = custom_properties(doc)
    assert props["vanban.period"] == "2024-01-01/2024-12-31"
    assert props["vanban.record.Subject"] == "Thử nghiệm"


def test_rendering_twice_gives_the_same_bytes():
    plan = load_plan(SEED_PLAN)
    assert render_bytes(plan) == render_bytes(plan)


def test_a_value_too_long_for_its_field_is_left_out_of_the_file(write_plan):
    title = "Triển khai " * 60
    doc = docx.Document(io.BytesIO(render_bytes(load_plan(write_plan(
        MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: {title}"))))))
    props = custom_properties(doc)
    assert "vanban.record.Subject" not in props
    assert props["vanban.record.OrganName"] == "SỞ TƯ PHÁP"
