"""The decree's types and lengths, enforced: each value that breaks them is a problem that
names the field and points at the plan value it came from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from vanban.i18n import _
from vanban.plan.codes import INVALID_VALUE
from vanban.problems import Mark, Problem
from vanban.record.build import Record
from vanban.record.fields import OUTGOING, FieldSpec

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _value_problem(path: str, spec: FieldSpec, value: Any) -> tuple[str, dict[str, Any]] | None:
    args: dict[str, Any] = {"field": path, "label": spec.label, "stt": spec.stt,
                            "limit": spec.length}
    if spec.kind == "String":
        if not isinstance(value, str):
            return _("{field} ({label}, field {stt} of Decree 30, Phụ lục VI) must be text"), args
        if spec.length is not None and len(value) > spec.length:
            return _("{field} ({label}, field {stt} of Decree 30, Phụ lục VI) has {count} "
                     "characters; the decree allows at most {limit}: shorten it"), \
                {**args, "count": len(value)}
    elif spec.kind == "Number":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return _("{field} ({label}, field {stt} of Decree 30, Phụ lục VI) must be a whole "
                     "number"), args
        if spec.length is not None and len(str(value)) > spec.length:
            return _("{field} ({label}, field {stt} of Decree 30, Phụ lục VI) is {value}; the "
                     "decree allows at most {limit} digit(s)"), {**args, "value": value}
    elif spec.kind == "Date" and (not isinstance(value, str) or not _DATE.match(value)):
        return _("{field} ({label}, field {stt} of Decree 30, Phụ lục VI) must be a date "
                 "written YYYY-MM-DD"), args
    return None


def _walk(fields: dict[str, Any]) -> Iterator[tuple[str, FieldSpec | None, Any]]:
    specs = {s.name: s for s in OUTGOING}
    for name, value in fields.items():
        spec = specs.get(name)
        if spec is None or not spec.parts:
            yield name, spec, value
            continue
        items = value if spec.repeated and isinstance(value, list) else [value]
        for i, item in enumerate(items, start=1):
            prefix = f"{name}.{i}" if spec.repeated else name
            if not isinstance(item, dict):
                yield prefix, None, item
                continue
            for key, part_value in item.items():
                part = next((p for p in spec.parts if p.name == key), None)
                yield f"{prefix}.{key}", part, part_value


def record_problems(record: Record) -> list[Problem]:
    """Every value of ``record`` that is not of its field's type or is over its length."""
    problems = []
    for path, spec, value in _walk(record.fields):
        mark = record.marks.get(path) or Mark(record.plan, 1, 1)
        if spec is None:
            problems.append(Problem(mark, INVALID_VALUE, _(
                "{field} is not a field of Decree 30, Phụ lục VI, Phần II, Mục I"),
                {"field": path}))
            continue
        found = _value_problem(path, spec, value)
        if found is not None:
            problems.append(Problem(mark, INVALID_VALUE, found[0], found[1]))
    return problems
