"""The e-office record of an outgoing document (Decree 30, Phụ lục VI, Phần II, Mục I).

The public API::

    from vanban.record import build_record, record_problems, to_json

    record = build_record(load_plan("plans/277-KH-BCD-2023.yaml"))  # measures PageAmount
    problems = record_problems(record)  # a value over its length names its field
    print(to_json([record]))

Modules, each with one job: :mod:`.fields` is the decree's table, :mod:`.build` maps a plan
to it, :mod:`.measure` counts the pages, :mod:`.validate` enforces types and lengths,
:mod:`.schema` states them as JSON Schema, :mod:`.writers` writes JSON, XML and the register
line (Phụ lục IV), :mod:`.properties` keeps the record in the .docx.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vanban._exports import lazy_exports
from vanban.plan.model import Plan

#: Each name and the module that has it, imported on first use: rendering stores a record in
#: every .docx (through .properties) and must not load the writers, the schema or the
#: page measure to do so.
_EXPORTS = {
    "ESTIMATED": "build", "MEASURED": "build", "PageCount": "build", "Record": "build",
    "record_of": "build", "FIELDS": "fields", "OUTGOING": "fields", "FieldSpec": "fields",
    "estimate_pages": "measure", "measure_many": "measure", "measure_pages": "measure",
    "pdf_page_count": "measure", "record_schema": "schema", "record_problems": "validate",
    "REGISTER_COLUMNS": "writers", "register_row": "writers", "to_json": "writers",
    "to_register_csv": "writers", "to_xml": "writers",
}

__all__ = [
    "ESTIMATED", "FIELDS", "MEASURED", "OUTGOING", "REGISTER_COLUMNS", "FieldSpec",
    "PageCount", "Record", "build_record", "build_records", "estimate_pages", "measure_many",
    "measure_pages", "pdf_page_count", "record_of", "record_problems", "record_schema",
    "register_row", "to_json", "to_register_csv", "to_xml",
]

if TYPE_CHECKING:  # pragma: no cover
    from vanban.record.build import ESTIMATED, MEASURED, PageCount, Record, record_of
    from vanban.record.fields import FIELDS, OUTGOING, FieldSpec
    from vanban.record.measure import (
        estimate_pages,
        measure_many,
        measure_pages,
        pdf_page_count,
    )
    from vanban.record.schema import record_schema
    from vanban.record.validate import record_problems
    from vanban.record.writers import (
        REGISTER_COLUMNS,
        register_row,
        to_json,
        to_register_csv,
        to_xml,
    )


__getattr__ = lazy_exports(__name__, _EXPORTS, globals())


def build_records(plans: Sequence[Plan], *, template: str | Path | None = None,
                  office: bool = True) -> list[Record]:
    """The record of each plan, its PageAmount counted on its rendering with ``template``:
    measured by LibreOffice (one process for all) when ``office`` and it is installed, else
    estimated."""
    from vanban.record.build import record_of
    from vanban.record.measure import measure_many
    from vanban.renderer import render_bytes

    counts = measure_many([render_bytes(plan, template) for plan in plans], office=office)
    return [record_of(plan, count) for plan, count in zip(plans, counts)]


def build_record(plan: Plan, *, template: str | Path | None = None,
                 office: bool = True) -> Record:
    """The record of one plan (see :func:`build_records`)."""
    return build_records([plan], template=template, office=office)[0]
