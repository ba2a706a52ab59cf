"""The published JSON Schema agrees with the loader."""

import jsonschema
import pytest
import yaml

from conftest import MINIMAL_PLAN, PLAN_FILES
from vanban import json_schema, read_plan, schema_loader
from vanban.plan.starter import STARTER_TYPES

STARTERS = [(t, False) for t in STARTER_TYPES] + [("QĐ", True)]


#: What vanban ships for validating with Python: safe_load's types (numbers, booleans), and
#: dates kept as text, as an editor's YAML 1.2 parser reads them.
EditorLoader = schema_loader()


@pytest.fixture(scope="module")
def validator():
    schema = json_schema("vi")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("loader", [yaml.BaseLoader, EditorLoader])
@pytest.mark.parametrize("plan_file", PLAN_FILES, ids=lambda p: p.stem)
def test_bundled_plans_validate_against_the_schema(validator, plan_file, loader):
    data = yaml.load(plan_file.read_text(encoding="utf-8"), Loader=loader)
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(("doctype", "attached"), STARTERS)
def test_every_starter_plan_validates(validator, doctype, attached):
    from vanban import starter_plan

    text = starter_plan(doctype, attached=attached)
    assert list(validator.iter_errors(yaml.load(text, Loader=EditorLoader))) == []


@pytest.mark.parametrize("change", [
    ("place: Hà Nội", "plaice: Hà Nội"),  # unknown key, and a required one missing
    ("type: Kế hoạch", "type: Thư tình"),
    ("  titles: GIÁM ĐỐC", "  authority: XX.\n  titles: GIÁM ĐỐC"),
])
def test_what_the_loader_refuses_the_schema_refuses(validator, write_plan, change):
    text = MINIMAL_PLAN.replace(*change)
    assert not read_plan(write_plan(text)).ok
    assert list(validator.iter_errors(yaml.load(text, Loader=EditorLoader)))


def test_every_key_has_a_description():
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                assert value.get("description"), f"{path}.{key}"
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(json_schema("vi"), "$")


def test_safe_load_makes_dates_objects_the_shipped_loader_keeps_them_text(validator):
    from conftest import SEED_PLAN

    text = SEED_PLAN.read_text(encoding="utf-8")
    assert list(validator.iter_errors(yaml.safe_load(text)))  # date objects: no JSON type
    assert list(validator.iter_errors(yaml.load(text, Loader=schema_loader()))) == []
