"""The decree's table as JSON Schema (draft 2020-12), for e-office importers and editors."""

from __future__ import annotations

from typing import Any

from vanban.record.fields import OUTGOING, FieldSpec


def field_schema(spec: FieldSpec) -> dict[str, Any]:
    """One field: its decree label, type and length."""
    if spec.parts:
        group = {"type": "object", "title": spec.label, "additionalProperties": False,
                 "properties": {p.name: field_schema(p) for p in spec.parts}}
        return {"type": "array", "items": group} if spec.repeated else group
    base: dict[str, Any] = {"title": spec.label, "description": f"Phụ lục VI, II.I, {spec.stt}"}
    if spec.kind == "Number":
        return {**base, "type": "integer", "minimum": 0,
                "maximum": 10 ** (spec.length or 1) - 1}
    if spec.kind == "Date":
        return {**base, "type": "string", "format": "date", "maxLength": spec.length,
                "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    return {**base, "type": "string", "maxLength": spec.length}


def record_schema() -> dict[str, Any]:
    """The record of an outgoing document: every field of the decree, none required (the
    decree says nothing of it), nothing else allowed."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Thông tin đầu vào của dữ liệu quản lý văn bản đi (Nghị định 30/2020/NĐ-CP, "
                 "Phụ lục VI, Phần II, Mục I)",
        "type": "object",
        "additionalProperties": False,
        "properties": {spec.name: field_schema(spec) for spec in OUTGOING},
    }
