from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from vanban import load_plan
from vanban.i18n import set_language
from vanban.renderer import render_bytes

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
PLANS_DIR = ROOT / "plans"
#: Real documents, copied into the repository with their sources (corpus/README.md).
CORPUS = TESTS / "corpus"
CORPUS_TEXTS = sorted((CORPUS / "texts").glob("*.txt"))
CORPUS_DOCX = sorted((CORPUS / "docx").glob("*.docx"))
PLAN_FILES = sorted(PLANS_DIR.glob("*.yaml"))
SEED_PLAN = PLANS_DIR / "277-KH-BCD-2023.yaml"
SEED_TEXT = CORPUS / "examples" / "277-KH-BCD-2023.txt"

MINIMAL_PLAN = """\
type: Kế hoạch
issuer:
  name: SỞ TƯ PHÁP
  abbreviation: STP
number: 5
place: Hà Nội
date: 2024-03-05
title: Thử nghiệm
sections:
  - title: Mục đích, yêu cầu
    content:
      - text: Nội dung thứ nhất.
  - title: Nội dung
    content: [Tổ chức hội nghị.]
  - title: Tổ chức thực hiện
    content: [Các phòng thực hiện.]
signature:
  titles: GIÁM ĐỐC
  name: Nguyễn Văn A
recipients:
  - Sở Nội vụ
archive: VT, VP
"""


def pytest_configure(config):
    """vanban's cache (compiled template code) in a folder of the test run, not the user's
    ~/.cache; tests of the cache itself set their own."""
    if "VANBAN_CACHE_DIR" not in os.environ:
        os.environ["VANBAN_CACHE_DIR"] = tempfile.mkdtemp(prefix="vanban-test-cache-")


@pytest.fixture(autouse=True)
def vietnamese_messages():
    """Tests read messages in Vietnamese unless they ask for English."""
    set_language("vi")
    yield
    set_language(None)


@pytest.fixture
def run():
    """Run ``vanban ARGS…`` in-process as the command line does; never a traceback."""
    from click.testing import CliRunner

    from vanban.cli import main

    def invoke(*args):
        result = CliRunner().invoke(main, [str(a) for a in args])
        assert "Traceback" not in result.output
        return result
    return invoke


@pytest.fixture
def write_plan(tmp_path):
    """Write YAML text to a plan file and return its path."""
    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return write


def render_files(plans: dict[str, Path], out: Path) -> dict[str, Path]:
    """Each plan file rendered once into ``out``: name → .docx path."""
    docs = {}
    for name, plan_file in plans.items():
        docs[name] = out / f"{name}.docx"
        docs[name].write_bytes(render_bytes(load_plan(plan_file)))
    return docs


def convert_files(docs: dict[str, Path], out: Path) -> dict[str, Path]:
    """The documents converted to PDF by a real LibreOffice, in one process: name → PDF."""
    from vanban.libreoffice import convert_to_pdf

    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is required: apt-get install libreoffice-writer-nogui")
    names = list(docs)
    return dict(zip(names, convert_to_pdf([docs[n] for n in names], out)))


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Every bundled plan rendered once: stem → .docx path."""
    return render_files({p.stem: p for p in PLAN_FILES}, tmp_path_factory.mktemp("rendered"))


@pytest.fixture(scope="session")
def pdfs(rendered, tmp_path_factory) -> dict[str, Path]:
    """The rendered plans converted by a real LibreOffice, in one process."""
    return convert_files(rendered, tmp_path_factory.mktemp("pdf"))
