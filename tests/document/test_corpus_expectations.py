"""The reviewed corpus: every finding on a real document was read against its line and judged.

tests/corpus/expectations/ holds, for each corpus document, every finding `vanban check`
reports (with the verdict of a person who read the line — right: a văn thư accepts it; wrong:
a false alarm — and why) and the fields `vanban import` reads (checked against the source).
scripts/corpus_expectations.py keeps them: ``update`` adds new findings unjudged, ``report``
prints the precision per rule. A finding or field that differs, or one not judged, fails here.
"""

from __future__ import annotations

import runpy
from collections import Counter

import pytest

from conftest import ROOT

SCRIPT = runpy.run_path(str(ROOT / "scripts" / "corpus_expectations.py"))
DOCUMENTS = SCRIPT["documents"]()
#: At least this share of all findings on the corpus must be right.
PRECISION = 0.95


def expected(document):
    return SCRIPT["load"](SCRIPT["expectation_path"](document))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem[:32])
def test_the_findings_are_the_reviewed_ones(document):
    keyed = SCRIPT["keyed"]
    want = keyed(expected(document).get("findings") or [])
    got = keyed(SCRIPT["findings"](document))
    assert sorted(got) == sorted(want), "run scripts/corpus_expectations.py update and judge"
    unjudged = [f"{k[0]} {k[1]}" for k, f in want.items() if f["verdict"] not in ("right",
                                                                                "wrong")]
    assert not unjudged, f"judge these findings: {unjudged}"
    assert all(f.get("why") for f in want.values() if f["verdict"] == "wrong")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem[:32])
def test_the_import_reads_the_reviewed_fields(document):
    assert SCRIPT["fields"](document) == expected(document)["fields"]


def test_findings_on_real_documents_are_right_at_least_95_percent_of_the_time():
    verdicts = Counter(f["verdict"] for d in DOCUMENTS for f in expected(d).get("findings") or [])
    total = sum(verdicts.values())
    assert total and verdicts["right"] / total >= PRECISION, dict(verdicts)
