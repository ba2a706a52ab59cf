"""Decisions that issue a plan with appendices, rendered once; the PDF fixture converts them in
one soffice run (import it into the module that uses it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import TESTS
from vanban import load_plan
from vanban.renderer import render_bytes

DATA = TESTS / "data"
#: The model's example (a short plan: its tables fit one page each) and a long one whose task
#: matrix runs over several landscape pages.
DECISIONS = {
    "short": DATA / "qd-ban-hanh-KH-chuyen-doi-so-2026.yaml",
    "long": DATA / "qd-ban-hanh-KH-cai-cach-hanh-chinh-2026.yaml",
}


@pytest.fixture(scope="session")
def decisions(tmp_path_factory) -> dict[str, Path]:
    """Each decision rendered: name → .docx path."""
    out = tmp_path_factory.mktemp("decisions")
    docs = {}
    for name, plan_file in DECISIONS.items():
        target = out / f"{plan_file.stem}.docx"
        target.write_bytes(render_bytes(load_plan(plan_file)))
        docs[name] = target
    return docs


@pytest.fixture(scope="session")
def decision_pdfs(decisions, tmp_path_factory) -> dict[str, Path]:
    """The rendered decisions converted by a real LibreOffice, in one process."""
    from vanban.libreoffice import convert_to_pdf

    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is required: apt-get install libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("decision-pdf")
    names = list(decisions)
    paths = convert_to_pdf([decisions[n] for n in names], out)
    return dict(zip(names, paths))
