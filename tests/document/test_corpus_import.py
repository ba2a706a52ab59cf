"""Import never loses a word: on every real document of the corpus, every word of the source is
in the imported plan, and the running text (body, its tables, appendices, a decision's attached
document, notes) keeps its order."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS_DOCX, CORPUS_TEXTS, SEED_TEXT, TESTS
from vanban.decree.tasks import TASK_LABELS
from vanban.document.importer import import_document
from vanban.document.reader import read_document
from vanban.plan.loader import read_plan
from vanban.plan.serialize import dump_yaml, plan_data

WORD = re.compile(r"[^\W_]+")
#: A text file with tables and appendices (the text corpus has none).
APPENDIX_TEXT = TESTS / "data" / "kh-kiem-tra-phu-luc.txt"
#: Components vanban prints itself from the plan's type and layout, never stored as text: an
#: appendix's “Phụ lục I” (numbered in order), the attached document's type name and its own
#: header (the decision's issuing body and Quốc hiệu again).
PRINTED_BY_VANBAN = {"quoc_hieu", "motto", "type", "recipients_label", "decides", "rule",
                     "draft", "appendix_label", "attachment_type", "attachment_header"}
#: Words of the fixed parts of a line that vanban writes around a field.
FIXED_WORDS = {"số", "ngày", "tháng", "năm", "kính", "gửi", "v", "lưu", "nơi", "nhận", "điều"}
#: Plan data that is not text of the page: what the document is, how it is numbered.
NOT_PRINTED = {"type", "numbering", "draft", "version", "period", "layout"}
#: Running text: compared word for word, in order.
RUNNING = ("opening", "body", "heading", "table", "note", "task", "appendix_title",
           "appendix_reference", "appendix", "attachment_title", "attachment_reference",
           "attachment")
#: The plan's running text, in the order the document has it.
TEXT_KEYS = ("bases", "opening", "sections", "closing", "notes", "appendices", "attachment")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def _label_like(word: str) -> bool:
    """A number vanban writes itself when it is the one it would give (“Điều 2.”, “II.”)."""
    return word == "điều" or bool(re.fullmatch(r"[ivxlc]+|\d+|[a-zđ]", word))


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict) and "table" in value:
        return _table_strings(value["table"])
    if isinstance(value, dict):
        # an agency read from its heading is printed as the heading; an attached document
        # whose type is not the decree's prints its name, not its stand-in type
        return [s for k, v in value.items() if not (k == "agency" and "title" in value)
                and not (k == "type" and "name" in value) for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value not in (None, True, False) else []


def _table_strings(table: dict[str, Any]) -> list[str]:
    """A table's text as it reads, row by row: its caption; the first header row (the
    headers of ungrouped columns and each group once); the grouped headers under them;
    then the rows."""
    columns = [c if isinstance(c, dict) else {"header": c} for c in table["columns"]]
    first: list[Any] = []
    for column in columns:
        if not column.get("group"):
            first.append(column["header"])
        elif column["group"] not in first:
            first.append(column["group"])
    second = [c["header"] for c in columns if c.get("group")]
    heads = first + second
    return [str(s) for s in (table.get("title"), *heads) if s] + _strings(table.get("rows", []))


def _rows_text(value: Any) -> list[str]:
    """Like :func:`_strings`, a table giving only its rows: which of two header rows a
    reader takes a header cell from is the grid's, not the plan's, to say."""
    if isinstance(value, dict) and "table" in value:
        return _strings(value["table"].get("rows", []))
    if isinstance(value, dict):
        return [s for k, v in value.items() if not (k == "agency" and "title" in value)
                for s in _rows_text(v)]
    if isinstance(value, list):
        return [s for v in value for s in _rows_text(v)]
    return [str(value)] if value not in (None, True, False) else []


def _header_units(document, data: dict[str, Any]) -> set[int]:
    """Units of the header rows of the tables read as table blocks: the rows of the Word
    table that hold a header the import placed (from where each header came), or a text
    table's header line."""
    starts: set[int] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict) and "table" in value:
            for column in value["table"]["columns"]:
                for text in (column.values() if isinstance(column, dict) else [column]):
                    if hasattr(text, "para"):
                        starts.add(text.para)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    out = set(starts)  # a text file's header line
    for table in document.tables:
        rows = {c.row for c in table.cells if starts & set(c.units)}
        out |= {u for c in table.cells if c.row in rows for u in c.units}
    return out


def _subsequence_missing(needle: list[str], haystack: list[str]) -> list[str]:
    """The words of ``needle`` not found, in order, in ``haystack``."""
    missing, at = [], 0
    for word in needle:
        found = next((i for i in range(at, len(haystack)) if haystack[i] == word), None)
        if found is None:
            missing.append(word)
        else:
            at = found + 1
    return missing


def _without_task_label(text: str) -> str:
    """A task's line without the label vanban prints before its field (“Cơ quan chủ trì: ”)."""
    for label in TASK_LABELS.values():
        text = re.sub(rf"^[-+]\s*{label}:\s*", "", text)
    return text


def _hidden(para) -> bool:
    """Text Word does not print (hidden, or white): not part of the document's words."""
    return para.format is not None and para.format.hidden


def _type_code(name: str) -> str:
    from vanban.decree.doctypes import find_type

    found = find_type(name)
    return found.code or "" if found else ""


def imported(path: Path):
    document = read_document(path)
    result = import_document(document)
    text, _ = dump_yaml(result.data)
    loaded = read_plan(path.with_suffix(".yaml"), text.encode("utf-8"))
    assert loaded.plan is not None, [str(p) for p in loaded.problems][:5]
    return document, result, plan_data(loaded.plan)


@pytest.mark.parametrize("path", [*CORPUS_TEXTS, SEED_TEXT, APPENDIX_TEXT, *CORPUS_DOCX],
                         ids=lambda p: p.stem[:32])
def test_every_word_of_the_source_is_in_the_imported_plan(path):
    document, result, data = imported(path)
    role_of = {p.index: role for role, paras in result.roles.items() for p in paras}
    source = [w for p in document.paras if role_of.get(p.index) not in PRINTED_BY_VANBAN
              and not _hidden(p) for w in _words(_without_task_label(p.text))]
    source += [w for note in document.footnotes.values() for w in _words(note)]
    plan = Counter(w for s in _strings(data) for w in _words(s))
    code = {w for w in _words(data["type"] and _type_code(data["type"]))}  # KH of “KH-UBND”
    lost = Counter(w for w in source if w not in FIXED_WORDS | code and not _label_like(w)) - plan
    assert not lost, sorted(lost.items())[:20]


@pytest.mark.parametrize("path", [*CORPUS_TEXTS, SEED_TEXT, APPENDIX_TEXT, *CORPUS_DOCX],
                         ids=lambda p: p.stem[:32])
def test_the_running_text_keeps_its_order(path):
    document, result, data = imported(path)
    running = {p.index for role in RUNNING for p in result.roles.get(role, [])} - \
        _header_units(document, result.data)
    source = [w for p in document.paras if p.index in running
              for w in _words(_without_task_label(p.text)) if not _label_like(w)]
    text = [w for key in TEXT_KEYS for s in _rows_text(data.get(key)) for w in _words(s)
            if not _label_like(w)]
    assert _subsequence_missing(source, text) == []


@pytest.mark.parametrize("path", [*CORPUS_TEXTS, SEED_TEXT, APPENDIX_TEXT, *CORPUS_DOCX],
                         ids=lambda p: p.stem[:32])
def test_rendering_the_imported_plan_keeps_every_word_in_order(path):
    import io

    import docx

    from textutil import paragraphs_in_order
    from vanban.plan.loader import load_plan
    from vanban.renderer import render_bytes

    _document, _result, data = imported(path)
    if not _renderer_prints_tables():
        data = _without_tables(data)
    text, _ = dump_yaml(data)
    plan = load_plan(path.with_suffix(".yaml"), text.encode("utf-8"))
    if not plan.doctype.renderable:
        pytest.skip(f"vanban does not lay out a {plan.doctype.name}")
    rendered = docx.Document(io.BytesIO(render_bytes(plan)))
    printed = [w for line in paragraphs_in_order(rendered) for w in _words(line)
               if not _label_like(w)]
    running = [w for key in TEXT_KEYS for s in _strings(data.get(key)) for w in _words(s)
               if not _label_like(w)]
    assert _subsequence_missing(running, printed) == []
    shown = {k: v for k, v in data.items() if k not in NOT_PRINTED}
    lost = Counter(w for s in _strings(shown) for w in _words(s)) - Counter(
        w for line in paragraphs_in_order(rendered) for w in _words(line))
    # dates are printed in the decree's form (“03” as “3”)
    assert not {w: n for w, n in lost.items() if not re.fullmatch(r"\d+", w)}, lost


@lru_cache(maxsize=1)
def _renderer_prints_tables() -> bool:
    """Whether the renderer lays out tables, appendices and a decision's attached document:
    the example decision's appendix table comes out with its cells."""
    import io

    import docx

    from conftest import TESTS
    from textutil import paragraphs_in_order
    from vanban.plan.loader import load_plan
    from vanban.renderer import render_bytes

    try:
        rendered = render_bytes(load_plan(TESTS / "data" / "qd-ban-hanh-KH-chuyen-doi-so-2026.yaml"))
    except AttributeError:  # a renderer that knows no table blocks
        return False
    lines = paragraphs_in_order(docx.Document(io.BytesIO(rendered)))
    return any("Hồ sơ trực tuyến toàn trình" in line for line in lines)


def _without_tables(data: dict[str, Any]) -> dict[str, Any]:
    """The plan without what a renderer that lays out no tables cannot print: table blocks,
    appendices and the attached document (the words of the rest are still compared)."""
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()}
        if isinstance(value, list):
            return [strip(v) for v in value if not (isinstance(v, dict) and "table" in v)]
        return value

    return {k: strip(v) for k, v in data.items() if k not in ("appendices", "attachment")}
