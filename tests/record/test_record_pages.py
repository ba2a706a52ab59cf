"""PageAmount is the rendered document's page count: LibreOffice's PDF counted, the same
figure pdfplumber finds; without LibreOffice an estimate, said to be one."""

from __future__ import annotations

import pdfplumber
import pytest

from conftest import PLAN_FILES
from vanban import load_plan
from vanban.record import (
    ESTIMATED,
    MEASURED,
    build_records,
    estimate_pages,
    pdf_page_count,
    record_problems,
)
from vanban.renderer import render_bytes


@pytest.mark.libreoffice
def test_pdf_page_count_reads_the_page_tree_as_pdfplumber_does(pdfs):
    for stem, pdf in pdfs.items():
        with pdfplumber.open(pdf) as opened:
            assert pdf_page_count(pdf.read_bytes()) == len(opened.pages), stem


@pytest.mark.libreoffice
def test_page_amount_is_the_page_count_of_the_rendered_document_as_pdf(pdfs):
    plans = [load_plan(p) for p in PLAN_FILES]
    records = build_records(plans)
    for plan_file, record in zip(PLAN_FILES, records):
        with pdfplumber.open(pdfs[plan_file.stem]) as opened:
            assert record.fields["PageAmount"] == len(opened.pages), plan_file.stem
        assert record.page_source == MEASURED
        assert "ước tính" not in record.fields.get("Description", "")
        assert record_problems(record) == []


def test_without_libreoffice_the_figure_is_an_estimate_and_says_so(monkeypatch):
    monkeypatch.setenv("VANBAN_SOFFICE", "/nonexistent/soffice")
    (record,) = build_records([load_plan(PLAN_FILES[0])])
    assert record.page_source == ESTIMATED
    assert record.fields["PageAmount"] >= 1
    assert "Số trang ước tính" in record.fields["Description"]


def test_the_estimate_is_a_whole_number_of_pages_and_grows_with_the_text(write_plan):
    from conftest import MINIMAL_PLAN

    short = estimate_pages(render_bytes(load_plan(write_plan(MINIMAL_PLAN, "a.yaml"))))
    items = "".join(f"      - text: Nội dung thứ {i} {'rất dài ' * 30}.\n" for i in range(60))
    longer = MINIMAL_PLAN.replace("      - text: Nội dung thứ nhất.\n", items)
    long = estimate_pages(render_bytes(load_plan(write_plan(longer, "b.yaml"))))
    assert short.pages == 1 and long.pages > 3
    assert short.source == long.source == ESTIMATED


def test_a_pdf_without_a_readable_page_tree_gives_none():
    assert pdf_page_count(b"%PDF-1.7\n% nothing here\n%%EOF") is None


@pytest.mark.libreoffice
def test_every_starter_type_measures_as_its_pdf(tmp_path, write_plan):
    from vanban.libreoffice import convert_to_pdf
    from vanban.plan.starter import DECISION_ISSUING, STARTER_TYPES, starter_plan

    starters = {**{key: (key, False) for key in STARTER_TYPES}, DECISION_ISSUING: ("QĐ", True)}
    plans = [load_plan(write_plan(starter_plan(doctype, attached=attached), f"{key}.yaml"))
             for key, (doctype, attached) in starters.items()]
    docs = []
    for key, plan in zip(starters, plans):
        docs.append(tmp_path / f"{key}.docx")
        docs[-1].write_bytes(render_bytes(plan))
    pdfs = convert_to_pdf(docs, tmp_path / "pdf")
    for key, record, pdf in zip(starters, build_records(plans), pdfs):
        with pdfplumber.open(pdf) as opened:
            assert record.fields["PageAmount"] == len(opened.pages), key
        assert record.page_source == MEASURED
