"""Import an existing document into a plan: header, body with its numbering, signature.

The document is read paragraph by paragraph (:mod:`.reader`) and walked in the order the
decree lays a document out by one :class:`~.cursor.Cursor` shared by three parsers: the
header (:mod:`.header`: issuing body, Quốc hiệu, number, dateline, type name and trích yếu,
bases), the lines of a Công điện, Giấy mời or Biên bản around the body (:mod:`.forms`,
:mod:`.minutes`), the numbered body (:mod:`.body`, its tables by :mod:`.tables`), Nơi nhận
with the signature (:mod:`.footer`; a second one beside it by :mod:`.cosigner`), then the
appendices and a decision's attached document (:mod:`.appendices`).
A vanban-made .docx is read through its styles, which makes ``import(render(plan))`` give back
the plan. Nothing is dropped: a paragraph that cannot be placed is kept as a plain paragraph,
with a warning naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.document.appendices import TailParser
from vanban.document.body import BodyParser
from vanban.document.cosigner import take_cosigner
from vanban.document.cursor import Cursor
from vanban.document.footer import FooterParser
from vanban.document.forms import form_parser
from vanban.document.header import HeaderParser
from vanban.document.model import Document, Para
from vanban.errors import UsageError
from vanban.i18n import _
from vanban.plan.codes import CONTROL_CHARACTER, IMPORT_UNCERTAIN
from vanban.plan.schema import KEY_ORDER
from vanban.problems import Problem, Severity


@dataclass
class ImportResult:
    data: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    document: Document | None = None
    roles: dict[str, list[Para]] = field(default_factory=dict)


def _metadata(document: Document, cur: Cursor) -> dict[str, Any]:
    """Draft box, version, period and page settings of a vanban-made .docx; the date of one
    that prints none (a Biên bản), from its properties."""
    if document.docx is None:
        return {}
    from vanban.document.metadata import read_metadata, stamped_date

    out = read_metadata(document.docx)
    if cur.made_by_vanban and cur.doctype is not None and not cur.doctype.dateline and \
            not cur.data.get("date") and (date := stamped_date(document.docx)):
        out["date"] = date
    return out


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """The plan data in the plan file's key order, with the required keys present."""
    data.setdefault("number", "")
    data.setdefault("place", "")
    data.setdefault("date", "")
    if "signature" not in data:
        data["signature"] = {"titles": "", "name": ""}
    return {key: data[key] for key in KEY_ORDER if key in data}


#: Characters a plan may not hold (a text file's NUL, a form feed, an escape …); a tab is
#: read as a space by the reader.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def _without_control_characters(document: Document) -> list[Problem]:
    """Delete control characters from the text, each reported where it stood: they print
    nothing, and a plan cannot hold them."""
    problems = []
    for para in document.paras:
        if not (found := _CONTROL.search(para.text)):
            continue
        problems.append(Problem(document.mark(para, found.start()),
                                CONTROL_CHARACTER, _(
            "control character U+{code:04X} in the document; it prints nothing and was left "
            "out of the plan"), {"code": ord(found.group())}, Severity.WARNING))
        para.text = _CONTROL.sub("", para.text)
        para.raw = _CONTROL.sub("", para.raw)
        para.segments = tuple((col, _CONTROL.sub("", text)) for col, text in para.segments)
    return problems


def _pending_changes(document: Document) -> list[Problem]:
    """One note for a document still under review: its tracked changes were read as if
    accepted (a redline imports as its new version)."""
    count = sum(document.pending_changes.values())
    if not count:
        return []
    return [Problem(document.mark(None), IMPORT_UNCERTAIN, _(
        "the document holds {count} tracked change(s) not yet accepted or rejected; they "
        "were read as if accepted (insertions kept, deletions left out): accept or reject "
        "them in Word if that is not the text meant"), {"count": count}, Severity.INFO)]


def import_document(document: Document) -> ImportResult:
    """The plan data of ``document`` and the problems met on the way."""
    if not any(p.text.strip() for p in document.paras):
        raise UsageError(_(
            "{path} has no text to import: it is empty, or only images (a scanned document "
            "needs text recognition first)"), path=document.path)
    cleaned = _without_control_characters(document)
    cur = Cursor(document)
    cur.problems += _pending_changes(document) + cleaned
    header = HeaderParser(cur)
    header.header()
    header.title()
    header.symbol_fields()
    header.preamble()
    header.addressees()
    form = form_parser(cur)
    form.opening()
    BodyParser(cur, stops=form.stops).body()
    form.ending()
    footer = FooterParser(cur, take_cosigner)
    footer.footer()
    TailParser(cur).tail()
    footer.notes()
    cur.data.update(_metadata(document, cur))
    data = _ordered(cur.data)
    form.settle(data)
    if cur.made_by_vanban:
        from vanban.document.defaults import (
            join_broken_names, restore_abbreviation, restore_defaults,
        )

        join_broken_names(data, document)
        restore_abbreviation(data, document)
        restore_defaults(data)
    return ImportResult(data, cur.problems, document, cur.roles)


def import_file(path: str | Path, data: bytes | None = None) -> tuple[str, ImportResult]:
    """The plan YAML of the document at ``path``, with what the import met on the way."""
    from vanban.document.reader import read_document
    from vanban.plan.serialize import dump_yaml

    result = import_document(read_document(path, data))
    header = (f"Imported from {Path(path).name} by vanban import.\n"
              "Check it with `vanban check`; render it with `vanban render`.")
    text, _placed = dump_yaml(result.data, header)
    return text, result
