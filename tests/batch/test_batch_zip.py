"""The batch writes the renderer's own bytes: parts collected without saving, zipped by hand."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from conftest import PLAN_FILES
from vanban import load_plan
from vanban.batch import zipfast
from vanban.batch.parts import collect_parts, read_parts
from vanban.batch.render import render_parts
from vanban.renderer import render_bytes


@pytest.mark.parametrize("plan_file", PLAN_FILES, ids=lambda p: p.stem)
def test_parts_zipped_by_hand_are_the_renderers_bytes(plan_file):
    plan = load_plan(plan_file)
    assert zipfast.build(render_parts(plan)) == render_bytes(plan)


def test_precompressed_members_assemble_into_a_valid_reproducible_archive():
    parts = {"[Content_Types].xml": b"<Types/>", "b.xml": b"x" * 5000, "a/b.xml": b"\x00\x01",
             "tệp.xml": "chữ".encode()}
    members = [zipfast.member(n, d) for n, d in parts.items()]
    first = b"".join(zipfast.assemble(members))
    again = b"".join(zipfast.assemble(reversed([zipfast.member(n, d) for n, d in parts.items()])))
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == ["[Content_Types].xml", "a/b.xml", "b.xml", "tệp.xml"]
        assert {n: zf.read(n) for n in zf.namelist()} == parts
        assert zf.getinfo("tệp.xml").flag_bits & 0x800  # a UTF-8 name says so


def test_member_cache_compresses_equal_parts_once():
    cache = zipfast.MemberCache()
    one = cache.get("word/styles.xml", b"<styles/>" * 100)
    assert cache.get("word/styles.xml", b"<styles/>" * 100) is one
    assert cache.get("word/styles.xml", b"<styles/> " * 100) is not one


def test_collected_parts_are_what_python_docx_saves(rendered):
    doc = Document(str(rendered["277-KH-BCD-2023"]))
    buf = io.BytesIO()
    doc.save(buf)
    assert collect_parts(doc) == read_parts(buf.getvalue())
