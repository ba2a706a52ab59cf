"""manifest.json and manifest.csv: what the output holds, checkable, merged across runs."""

from __future__ import annotations

import csv
import hashlib
import io
import json

from conftest import PLANS_DIR, SEED_PLAN
from vanban.batch import BatchRequest, CopyKind, run_batch

FLOOD = PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"


def read(directory):
    data = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    raw = (directory / "manifest.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    return data, rows


def test_every_document_is_listed_with_its_checksum(tmp_path):
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path, kinds=[CopyKind.COPY, CopyKind.EXTRACT]))
    data, rows = read(tmp_path)
    assert data["format"] == 1 and data["generator"].startswith("vanban ")
    docs = data["documents"]
    assert [d["file"] for d in docs] == sorted(d["file"] for d in docs)
    assert len(docs) == len(rows) == result.built == 7 + 11
    for doc, row in zip(docs, rows):
        assert hashlib.sha256((tmp_path / doc["file"]).read_bytes()).hexdigest() == doc["sha256"]
        assert row == {k: str(doc[k]) for k in row}
        assert doc["plan"] == str(SEED_PLAN) and doc["reference"] == "277/KH-BCĐ"
    assert list(rows[0]) == ["plan", "reference", "kind", "agency", "copy_number", "file",
                             "sha256", "pdf", "pdf_sha256"]
    sample = next(d for d in docs if d["file"] == "277-kh-bcd-2023__trich__so-tu-phap.docx")
    assert (sample["kind"], sample["agency"]) == ("extract", "Sở Tư pháp")


def test_runs_into_one_directory_are_merged_and_deleted_files_dropped(tmp_path):
    run_batch(BatchRequest([SEED_PLAN], tmp_path))
    run_batch(BatchRequest([FLOOD], tmp_path, kinds=[CopyKind.EXTRACT]))
    data, _ = read(tmp_path)
    files = {d["file"] for d in data["documents"]}
    assert len(files) == 7 + 6
    (tmp_path / "277-kh-bcd-2023__cong-an-tinh.docx").unlink()
    run_batch(BatchRequest([FLOOD], tmp_path, kinds=[CopyKind.EXTRACT]))
    data, _ = read(tmp_path)
    assert len(data["documents"]) == 12
