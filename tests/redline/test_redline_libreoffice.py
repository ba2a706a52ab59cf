"""The proof that counts: LibreOffice (headless) opens each redline, accepts or rejects all
its tracked changes, and exports the text, which must be the new or the old version's as
LibreOffice exports them, word for word and line for line (header cells and page headers
included). All documents go through one LibreOffice process."""

from __future__ import annotations

import shutil
import time

import pytest

from diffcases import AUTHOR, CASES, DATE, REQUIRED, plans, redline
from libreoffice_oracle import Mode, resolve
from vanban import render_bytes
from vanban.diff import ChangeKind, diff_plans
from vanban.redline.table import comparison_table_bytes

pytestmark = pytest.mark.libreoffice
TABLES = ("one-word", "inserted-section", "recipients")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """case → {"old", "new", "accepted", "rejected", "table"}: LibreOffice's view of each."""
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is required: apt-get install libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("redlines")
    jobs, keys = [], []
    for case in CASES:
        old, new = plans(case)
        files = {"old": render_bytes(old), "new": render_bytes(new), "redline": redline(case).data}
        steps = [("old", "old", Mode.KEEP), ("new", "new", Mode.KEEP),
                 ("accepted", "redline", Mode.ACCEPT), ("rejected", "redline", Mode.REJECT)]
        if case in TABLES:
            files["table"] = comparison_table_bytes(diff_plans(old, new), date=DATE)
            steps.append(("table", "table", Mode.KEEP))
        for name, data in files.items():
            (folder / f"{case}.{name}.docx").write_bytes(data)
        for name, source, mode in steps:
            jobs.append((folder / f"{case}.{source}.docx", mode))
            keys.append((case, name))
    started = time.monotonic()
    results = resolve(jobs)
    print(f"\nLibreOffice: {len(jobs)} documents in {time.monotonic() - started:.1f} s")
    out: dict = {}
    for (case, name), result in zip(keys, results):
        out.setdefault(case, {})[name] = result
    return out


def test_the_issue_cases_are_all_there():
    assert set(REQUIRED) <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_accept_all_gives_the_new_version(office, case):
    got, want = office[case]["accepted"], office[case]["new"]
    assert got.remaining == 0
    assert got.lines == want.lines
    assert got.headers == want.headers


@pytest.mark.parametrize("case", CASES)
def test_reject_all_gives_the_old_version(office, case):
    got, want = office[case]["rejected"], office[case]["old"]
    assert got.remaining == 0
    assert got.lines == want.lines
    assert got.headers == want.headers


@pytest.mark.parametrize("case", CASES)
def test_libreoffice_reads_the_author_and_date_of_every_change(office, case):
    changes = office[case]["accepted"].changes
    assert bool(changes) == (case != "identical")
    assert {c.author for c in changes} <= {AUTHOR}
    assert {c.date for c in changes} <= {DATE.removesuffix("Z")}


def test_the_versions_really_differ_where_the_cases_say(office):
    def differs(case):
        return office[case]["old"].lines != office[case]["new"].lines

    assert all(differs(case) for case in REQUIRED)
    assert office["draft-to-final"]["old"].headers != office["draft-to-final"]["new"].headers
    assert not differs("identical")


@pytest.mark.parametrize("case", TABLES)
def test_the_comparison_table_opens_in_libreoffice(office, case):
    text = office[case]["table"].text
    assert "BẢNG SO SÁNH" in text and "45/KH-UBND" in text
    old, new = plans(case)
    for change in diff_plans(old, new).changes:
        if change.kind is ChangeKind.RENUMBERED:  # listed together in the last row
            assert change.label in text
            continue
        for line in change.new_lines or change.old_lines:
            assert line.removeprefix("- ").rstrip(";") in text
