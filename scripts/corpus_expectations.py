"""Keep the reviewed expectations of the real-document corpus (tests/corpus/expectations/).

    python scripts/corpus_expectations.py update [NAME …]   # add new findings, unjudged
    python scripts/corpus_expectations.py report             # precision per rule and overall
    python scripts/corpus_expectations.py fields [NAME …]    # record the import fields as read

For every corpus document (the texts, the 277 example, the Word files) an expectations file
lists each finding `vanban check` reports, with a verdict a person gave after reading the
line — ``right`` (a văn thư accepts it) or ``wrong`` (a false alarm), and why — and the
header and footer fields `vanban import` reads, checked against the source by a person.
``tests/document/test_corpus_expectations.py`` fails on any finding or field that differs,
on any finding not yet judged, and when fewer than 95 % of the findings are right.

``update`` never changes a verdict or a field: it adds the findings that are new (verdict
``unjudged``) and drops, with a line each, the ones that no longer occur. ``fields`` writes
the fields as they are read now, for a person to check against the source.
"""

from __future__ import annotations

import datetime as _dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT / "tests" / "corpus"
EXPECTATIONS = CORPUS / "expectations"
#: The day findings about dates are judged on (deadlines in the past and the like).
TODAY = _dt.date(2026, 11, 30)
#: The fields of an imported plan that say what the document is and who signs and gets it.
FIELDS = ("type", "numbering", "draft", "issuer", "number", "symbol", "place", "date", "title",
          "urgency", "secrecy", "circulation", "issuing_authority", "addressees", "signature",
          "recipients", "archive", "drafter", "copies")
VERDICTS = ("right", "wrong", "unjudged")


def documents() -> list[Path]:
    return sorted((CORPUS / "texts").glob("*.txt")) + [
        CORPUS / "examples" / "277-KH-BCD-2023.txt"] + sorted((CORPUS / "docx").glob("*.docx"))


def expectation_path(document: Path) -> Path:
    return EXPECTATIONS / f"{document.stem}.yaml"


def position(problem: Any) -> str:
    """Where a finding points, without the file: ``146:4`` or ``¶14:4``."""
    return str(problem.mark).rsplit(str(problem.mark.path), 1)[-1].lstrip(":")


def findings(document: Path) -> list[dict[str, str]]:
    """The findings of `vanban check` on ``document``, as the expectations record them."""
    from vanban.check import check_file

    result = check_file(document, today=TODAY)
    return [{"code": p.code, "at": position(p), "message": p.message("vi")}
            for p in result.problems]


def fields(document: Path) -> dict[str, Any]:
    """The import fields of ``document`` (see FIELDS), in plan-file form."""
    from vanban.document.importer import import_file
    from vanban.plan.loader import read_plan
    from vanban.plan.serialize import plan_data

    text, _result = import_file(document)
    loaded = read_plan(document.with_suffix(".yaml"), text.encode("utf-8"))
    if loaded.plan is None:
        return {"unreadable": [str(p) for p in loaded.problems]}
    data = plan_data(loaded.plan)
    return {key: data[key] for key in FIELDS if key in data}


def load(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def save(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def keyed(found: list[dict[str, str]]) -> dict[tuple[str, str, int], dict[str, str]]:
    """Findings by code, position and rank among those with the same code and position."""
    out: dict[tuple[str, str, int], dict[str, str]] = {}
    seen: Counter[tuple[str, str]] = Counter()
    for finding in found:
        code, at = finding["code"], str(finding["at"])
        out[(code, at, seen[(code, at)])] = finding
        seen[(code, at)] += 1
    return out


def update(names: list[str]) -> None:
    for document in selected(names):
        path = expectation_path(document)
        data = load(path)
        known = keyed(data.get("findings") or [])
        merged = []
        for key, found in keyed(findings(document)).items():
            old = known.pop(key, None)
            if old is not None and old["message"] != found["message"]:
                print(f"{document.name}: message changed, verdict kept ({old['verdict']}): "
                      f"{found['code']} {found['at']}: {found['message']}")
            merged.append({**old, "message": found["message"]} if old is not None else
                          {**found, "verdict": "unjudged", "why": ""})
        for gone in known.values():
            print(f"{document.name}: no longer found: {gone['code']} {gone['at']} "
                  f"({gone.get('verdict')})")
        data = {"source": str(document.relative_to(CORPUS)), "fields": data.get("fields"),
                "findings": merged}
        if data["fields"] is None:
            data["fields"] = fields(document)
        save(path, data)


def record_fields(names: list[str]) -> None:
    for document in selected(names):
        path = expectation_path(document)
        data = load(path) or {"source": str(document.relative_to(CORPUS)), "findings": []}
        data["fields"] = fields(document)
        save(path, data)


def report() -> None:
    by_rule: dict[str, Counter[str]] = {}
    for document in documents():
        for finding in load(expectation_path(document)).get("findings") or []:
            by_rule.setdefault(finding["code"], Counter())[finding["verdict"]] += 1
    total: Counter[str] = Counter()
    print(f"{'rule':<7} {'all':>5} {'right':>6} {'wrong':>6} {'unjudged':>9}")
    for code in sorted(by_rule):
        counts = by_rule[code]
        total.update(counts)
        print(f"{code:<7} {sum(counts.values()):>5} {counts['right']:>6} {counts['wrong']:>6} "
              f"{counts['unjudged']:>9}")
    judged = total["right"] + total["wrong"]
    share = total["right"] / sum(total.values()) if total else 1.0
    print(f"{'all':<7} {sum(total.values()):>5} {total['right']:>6} {total['wrong']:>6} "
          f"{total['unjudged']:>9}   precision {share:.1%} ({judged} judged)")


def selected(names: list[str]) -> list[Path]:
    docs = documents()
    if not names:
        return docs
    return [d for d in docs if any(d.stem.startswith(n) or d.name == n for n in names)]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "report", "fields"):
        print(__doc__)
        return 2
    command, names = argv[0], argv[1:]
    if command == "update":
        update(names)
    elif command == "fields":
        record_fields(names)
    else:
        report()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
