"""Every starter plan of ``vanban new`` (and the decision that issues a plan) written, rendered
once, and — for the page tests — converted in one soffice run (import the fixtures into the
module that uses them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import convert_files, render_files
from vanban.plan.starter import DECISION_ISSUING, STARTER_TYPES, starter_plan

#: Each starter's key (its file's name) and how ``vanban new`` is asked for it.
STARTERS = {**{key: (key, False) for key in STARTER_TYPES}, DECISION_ISSUING: ("QĐ", True)}


def starter_text(key: str) -> str:
    doctype, attached = STARTERS[key]
    return starter_plan(doctype, attached=attached)


@pytest.fixture(scope="session")
def starter_files(tmp_path_factory) -> dict[str, Path]:
    """Each starter as ``vanban new`` writes it: key → plan file."""
    out = tmp_path_factory.mktemp("starters")
    files = {}
    for key in STARTERS:
        files[key] = out / f"{key}.yaml"
        files[key].write_text(starter_text(key), encoding="utf-8")
    return files


@pytest.fixture(scope="session")
def starter_docx(starter_files, tmp_path_factory) -> dict[str, Path]:
    """Each starter rendered: key → .docx."""
    return render_files(starter_files, tmp_path_factory.mktemp("starters-docx"))


@pytest.fixture(scope="session")
def starter_pdfs(starter_docx, tmp_path_factory) -> dict[str, Path]:
    """The rendered starters converted by a real LibreOffice, in one process."""
    return convert_files(starter_docx, tmp_path_factory.mktemp("starters-pdf"))
