"""``vanban batch`` writes each copy's e-office record beside it in the manifest: the record
the copy carries in its custom properties; extracts and formal copies are other documents."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SEED_PLAN
from vanban.batch import BatchRequest, CopyKind, run_batch
from vanban.record import ESTIMATED, MEASURED, estimate_pages
from vanban.record.build import with_pages
from vanban.record.properties import read_record
from vanban.record.schema import record_schema


def _manifest(directory):
    return json.loads((directory / "manifest.json").read_text(encoding="utf-8"))["documents"]

def test_every_copy_has_its_record_in_the_manifest(tmp_path):
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path,
                                    kinds=[CopyKind.COPY, CopyKind.EXTRACT]))
    assert result.ok
    entries = _manifest(tmp_path)
    copies = [e for e in entries if e["kind"] == "copy"]
    assert copies and len(copies) < len(entries)
    for entry in copies:
        carried = read_record(tmp_path / entry["file"])[0]
        assert entry["record"] == with_pages(carried, estimate_pages(
            (tmp_path / entry["file"]).read_bytes()))
        assert entry["record"]["CodeNumber"] == "277"
        assert entry["record_pages"] == ESTIMATED
        jsonschema.validate(entry["record"], record_schema())
    for entry in entries:
        if entry["kind"] != "copy":
            assert entry["record"] is None
            assert read_record(tmp_path / entry["file"]) == ({}, None)

def test_a_rerun_keeps_the_records(tmp_path):
    run_batch(BatchRequest([SEED_PLAN], tmp_path))
    first = _manifest(tmp_path)
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path))
    assert result.unchanged == len(first)
    assert _manifest(tmp_path) == first

@pytest.mark.libreoffice
def test_with_pdfs_the_page_count_is_the_pdfs(tmp_path):
    import pdfplumber

    result = run_batch(BatchRequest([SEED_PLAN], tmp_path, pdf=True, workers=1))
    assert result.ok
    for entry in _manifest(tmp_path):
        with pdfplumber.open(tmp_path / entry["pdf"]) as pdf:
            assert entry["record"]["PageAmount"] == len(pdf.pages)
        assert entry["record_pages"] == MEASURED
        assert "ước tính" not in entry["record"].get("Description", "")
