"""Every document of a batch converts in a real LibreOffice, in one process, and the formal
copy block shares the sheet of the copied text's end."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pdfplumber
import pytest

from batchutil import COPIER_YAML
from conftest import PLANS_DIR, SEED_PLAN
from vanban import load_plan
from vanban.batch import BatchRequest, CopyKind, read_copier, run_batch
from vanban.errors import OfficeError
from vanban.libreoffice import convert_many, find_soffice

pytestmark = pytest.mark.libreoffice

FLOOD = PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml"
MM = 72 / 25.4


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Copies, extracts and formal copies of two plans, with their PDFs."""
    tmp = tmp_path_factory.mktemp("batch-pdf")
    details = tmp / "sao.yaml"
    details.write_text(COPIER_YAML, encoding="utf-8")
    request = BatchRequest(
        [FLOOD, SEED_PLAN], tmp / "out", kinds=list(CopyKind), copier=read_copier(details).copier,
        copy_date=dt.date(2026, 3, 5), pdf=True, audience="agencies")
    result = run_batch(request)
    return request, result


def test_every_document_converts(made):
    request, result = made
    assert result.ok, [f.message("en") for f in result.failures]
    assert result.pdf_built == result.built == len(result.entries) > 40
    manifest = json.loads((request.output / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["documents"]:
        pdf = request.output / entry["pdf"]
        assert entry["pdf"] == entry["file"][:-len(".docx")] + ".pdf"
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == entry["pdf_sha256"]
        with pdfplumber.open(pdf) as doc:
            first = doc.pages[0].extract_text()
            assert "KẾ HOẠCH" in first and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert not list(request.output.glob(".vanban-pdf-*"))  # the staging directory is gone


def test_a_rerun_keeps_the_pdfs(made):
    request, first = made
    again = run_batch(request)
    assert again.ok and again.built == again.pdf_built == 0
    assert again.pdf_unchanged == first.pdf_built


def _last_page_words(pdf_path):
    with pdfplumber.open(pdf_path) as doc:
        page = doc.pages[-1]
        return page, page.extract_words(), page.lines, len(doc.pages)


def test_the_copy_block_is_on_the_sheet_where_the_copied_text_ends(made):
    request, result = made
    for entry in result.entries:
        if entry.kind not in ("sao-y", "sao-luc", "trich-sao"):
            continue
        page, words, lines, _ = _last_page_words(request.output / entry.pdf)
        texts = [w["text"] for w in words]
        form = {"sao-y": "SAO", "sao-luc": "LỤC", "trich-sao": "TRÍCH"}[entry.kind]
        assert form in texts and "Nguyễn" in texts, entry.file  # the block and its signer
        signers = {"45/KH-UBND": "Lương", "277/KH-BCĐ": "Thông"}
        # the copied document's signer is on the same sheet, above the block
        original = next(w for w in words if w["text"] == signers[entry.reference])
        block = next(w for w in words if w["text"] == form)
        assert original["bottom"] < block["top"], entry.file
        # a full-width solid line runs between them (Phụ lục I, Phần II, II.2.a)
        plan = load_plan(FLOOD if entry.reference == "45/KH-UBND" else SEED_PLAN)
        left, right = plan.layout.margin_left * MM, page.width - plan.layout.margin_right * MM
        full = [ln for ln in lines if abs(ln["top"] - ln["bottom"]) < 0.5
                and original["bottom"] < ln["top"] < block["bottom"]
                and abs(ln["x0"] - left) < 2 and abs(ln["x1"] - right) < 2]
        assert full, entry.file


def test_pdfa_is_requested_from_libreoffice(tmp_path):
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path, pdfa=True, pdf=True,
                                    distribution=_one(tmp_path)))
    assert result.ok and result.pdf_built == 1
    data = (tmp_path / result.entries[0].pdf).read_bytes()
    assert b"pdfaid:part" in data and (b'pdfaid:part="2"' in data or b"<pdfaid:part>2<" in data)


def _one(tmp_path):
    path = tmp_path / "to.txt"
    path.write_text("Sở Tư pháp\n", encoding="utf-8")
    return path


def test_one_bad_document_fails_alone(tmp_path, rendered):
    good = [tmp_path / f"good-{i}.docx" for i in range(3)]
    for path in good:
        path.write_bytes(rendered["277-KH-BCD-2023"].read_bytes())
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a document")
    seen = []
    result = convert_many([good[0], bad, *good[1:]], tmp_path / "pdf", progress=seen.append)
    assert set(result.pdfs) == set(good)
    assert list(result.failed) == [bad]
    assert sum(seen) == 3
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [
        "good-0.pdf", "good-1.pdf", "good-2.pdf"]


def test_missing_libreoffice_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("VANBAN_SOFFICE", str(tmp_path / "nothing"))
    with pytest.raises(OfficeError) as err:
        find_soffice()
    assert "libreoffice-writer-nogui" in err.value.message("en")
