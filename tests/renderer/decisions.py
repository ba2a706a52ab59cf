"""Decisions that issue a plan with appendices, rendered once; the PDF fixture converts them in
one soffice run (import it into the module that uses it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TESTS, convert_files, render_files

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
    return render_files(DECISIONS, tmp_path_factory.mktemp("decisions"))


@pytest.fixture(scope="session")
def decision_pdfs(decisions, tmp_path_factory) -> dict[str, Path]:
    """The rendered decisions converted by a real LibreOffice, in one process."""
    return convert_files(decisions, tmp_path_factory.mktemp("decision-pdf"))
