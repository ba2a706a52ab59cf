"""The record inside the .docx: one custom document property per field
(``vanban.record.Subject``, ``vanban.record.SignerInfo.FullName``,
``vanban.record.To.2.OrganName``), so it travels with the file and Word shows it under
File › Properties › Custom. Every field but the page count: rendering never starts
LibreOffice (the same plan gives the same bytes everywhere, quickly), an estimate would cost a
second reading of the document on every rendering, and the decree has the e-office system
fill in PageAmount itself (Phần I, III.1.g). ``vanban record`` measures it; a batch manifest
adds it to each copy's record."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docx.document import Document

from vanban.plan.model import Plan
from vanban.record.build import Record, record_of
from vanban.record.fields import OUTGOING, PROPERTY_PREFIX, FieldSpec
from vanban.record.validate import record_problems

PREFIX = PROPERTY_PREFIX
SOURCE = "PageAmount.source"


def record_properties(record: Record) -> dict[str, str]:
    """The record as flat text properties; a value the decree's type or length refuses is
    left out (``vanban record`` reports it), so the file never carries an invalid record."""
    refused = {p.args.get("field") for p in record_problems(record)}
    out: dict[str, str] = {}
    for name, value in record.fields.items():
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items, start=1):
            path = f"{name}.{i}" if isinstance(value, list) else name
            parts = item.items() if isinstance(item, dict) else [(None, item)]
            for key, text in parts:
                full = f"{path}.{key}" if key else path
                if full not in refused:
                    out[PREFIX + full] = str(text)
    if record.page_source and PREFIX + "PageAmount" in out:
        out[PREFIX + SOURCE] = record.page_source
    return out


def _typed(spec: FieldSpec, text: str) -> Any:
    return int(text) if spec.kind == "Number" else text


def record_from_properties(props: Mapping[str, str]) -> dict[str, Any]:
    """The record's fields read back from custom properties, in the decree's order."""
    mine = {k[len(PREFIX):]: v for k, v in props.items() if k.startswith(PREFIX)}
    out: dict[str, Any] = {}
    for spec in OUTGOING:
        if not spec.parts:
            if spec.name in mine:
                out[spec.name] = _typed(spec, mine[spec.name])
            continue
        if spec.repeated:
            indices = sorted({int(k.split(".")[1]) for k in mine
                              if k.startswith(spec.name + ".") and k.split(".")[1].isdigit()})
            items = [{p.name: _typed(p, mine[f"{spec.name}.{i}.{p.name}"]) for p in spec.parts
                      if f"{spec.name}.{i}.{p.name}" in mine} for i in indices]
            if items:
                out[spec.name] = items
            continue
        group = {p.name: _typed(p, mine[f"{spec.name}.{p.name}"]) for p in spec.parts
                 if f"{spec.name}.{p.name}" in mine}
        if group:
            out[spec.name] = group
    return out


def page_source_of(props: Mapping[str, str]) -> str | None:
    return props.get(PREFIX + SOURCE)


def embed_record(doc: Document, plan: Plan) -> None:
    """Add the record of ``plan`` (without the page count) to the custom properties of its
    rendered ``doc``."""
    from vanban.renderer.properties import custom_properties, set_custom_properties

    record = record_of(plan, None)
    values = {k: v for k, v in custom_properties(doc).items() if not k.startswith(PREFIX)}
    values.update(record_properties(record))
    set_custom_properties(doc, values)


def read_record(docx: Path) -> tuple[dict[str, Any], str | None]:
    """The record a .docx carries and the source of its page count (empty: none)."""
    import zipfile

    from vanban.renderer.properties import CUSTOM_PROPERTIES_PART, parse_custom_xml

    try:
        with zipfile.ZipFile(docx) as archive:
            blob = archive.read(CUSTOM_PROPERTIES_PART.lstrip("/"))
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}, None
    props = parse_custom_xml(blob)
    return record_from_properties(props), page_source_of(props)
