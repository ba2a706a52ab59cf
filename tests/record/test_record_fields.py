"""The e-office record (Decree 30, Phụ lục VI, Phần II, Mục I): vanban's table is the decree's,
every bundled plan and every starter gives a record that validates against the schema read
from the decree's own file, and a value over its length is refused by name."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from decree_tables import outgoing_fields, outgoing_schema, register_columns

from conftest import MINIMAL_PLAN, PLAN_FILES, SEED_PLAN
from vanban import load_plan
from vanban.plan.starter import DECISION_ISSUING, STARTER_TYPES, starter_plan
from vanban.record import (
    OUTGOING,
    REGISTER_COLUMNS,
    build_record,
    record_problems,
    record_schema,
    register_row,
    to_json,
    to_register_csv,
    to_xml,
)

STARTERS = {**{key: (key, False) for key in STARTER_TYPES}, DECISION_ISSUING: ("QĐ", True)}
VALIDATOR = jsonschema.Draft202012Validator(
    outgoing_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _flat(specs=OUTGOING):
    for spec in specs:
        yield spec
        yield from _flat(spec.parts)


def test_vanbans_table_is_the_decrees_row_for_row():
    ours = [(s.stt, s.name, s.label, "" if s.kind == "Group" else s.kind, s.length)
            for s in _flat()]
    decree = [(f.stt, f.name, f.label, f.kind, f.length) for f in outgoing_fields()]
    assert ours == decree


def test_the_published_schema_says_what_the_decrees_table_says():
    ours = record_schema()["properties"]
    decree = outgoing_schema()["properties"]
    assert list(ours) == list(decree)

    def core(schema):  # leave out titles and descriptions
        if "properties" in schema:
            return {k: core(v) for k, v in schema["properties"].items()}
        if "items" in schema:
            return [core(schema["items"])]
        return {k: v for k, v in schema.items() if k not in ("title", "description")}

    assert {k: core(v) for k, v in ours.items()} == {k: core(v) for k, v in decree.items()}


@pytest.fixture(scope="module")
def bundled_records():
    return {p.stem: build_record(load_plan(p), office=False) for p in PLAN_FILES}


@pytest.mark.parametrize("plan_file", PLAN_FILES, ids=lambda p: p.stem)
def test_every_bundled_plan_gives_a_record_the_decrees_schema_accepts(plan_file,
                                                                      bundled_records):
    record = bundled_records[plan_file.stem]
    VALIDATOR.validate(json.loads(to_json([record])))
    assert record_problems(record) == []
    plan = load_plan(plan_file)
    fields = record.fields
    assert fields["TypeName"] == plan.doctype.name
    assert fields["CodeNotation"] == plan.symbol_text
    assert fields["Subject"] == " ".join(plan.title.split())
    assert fields["SignerInfo"]["FullName"] == plan.signature.name
    assert fields["PageAmount"] >= 1
    assert fields["Language"] == "Tiếng Việt"
    if plan.number is not None:
        assert f"{fields['CodeNumber']}/{fields['CodeNotation']}" == plan.reference
    else:  # a draft: the number is given when the document is issued
        assert "CodeNumber" not in fields


@pytest.mark.parametrize("key", list(STARTERS))
def test_every_starter_of_vanban_new_gives_a_valid_record(key, write_plan):
    doctype, attached = STARTERS[key]
    plan = load_plan(write_plan(starter_plan(doctype, attached=attached), f"{key}.yaml"))
    record = build_record(plan, office=False)
    VALIDATOR.validate(json.loads(to_json([record])))
    assert record_problems(record) == []
    assert record.fields["TypeName"] == plan.doctype.name


def test_nothing_the_plan_does_not_say_is_written():
    record = build_record(load_plan(SEED_PLAN), office=False)
    # no file code, ordinal, identifiers, code list for Priority or reply deadline in a plan
    for name in ("FileCode", "DocOrdinal", "Priority", "DueDate"):
        assert name not in record.fields
    assert all(set(to) == {"OrganName"} for to in record.fields["To"])


def _line_of(path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(start))


def _long_title_plan(write_plan, length: int):
    title = ("Triển khai công tác " * 40)[:length].strip() + " năm 2024"
    return write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: {title}"))


def test_a_subject_over_500_characters_is_refused_by_name_at_the_title(write_plan):
    path = _long_title_plan(write_plan, 520)
    record = build_record(load_plan(path), office=False)
    (problem,) = record_problems(record)
    assert problem.args["field"] == "Subject"
    assert "Subject" in problem.message() and "500" in problem.message()
    assert (problem.mark.path, problem.mark.line) == (str(path), _line_of(path, "title:"))
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(json.loads(to_json([record])))


def test_a_subject_of_exactly_500_characters_is_accepted(write_plan):
    text = MINIMAL_PLAN.replace("title: Thử nghiệm", "title: " + "a" * 500)
    record = build_record(load_plan(write_plan(text)), office=False)
    assert record_problems(record) == []


def test_a_signer_name_over_50_characters_names_signerinfo_fullname(write_plan):
    name = "Nguyễn " * 8 + "Văn A"
    path = write_plan(MINIMAL_PLAN.replace("name: Nguyễn Văn A", f"name: {name}"))
    (problem,) = record_problems(build_record(load_plan(path), office=False))
    assert problem.args["field"] == "SignerInfo.FullName"
    assert problem.mark.line == _line_of(path, "  name: Nguyễn")


def test_json_is_utf8_text_without_escapes():
    text = to_json([build_record(load_plan(SEED_PLAN), office=False)])
    assert "\\u" not in text and "BAN CHỈ ĐẠO NHÂN QUYỀN" in text


def test_xml_is_well_formed_and_escapes_what_it_must(write_plan):
    title = 'Phối hợp <thí điểm> & “chuyển đổi số” 5 > 3'
    path = write_plan(MINIMAL_PLAN.replace("title: Thử nghiệm", f"title: '{title}'"))
    record = build_record(load_plan(path), office=False)
    text = to_xml([record])
    assert "&lt;thí điểm&gt; &amp;" in text
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "OutgoingDocument"
    assert root.findtext("Subject") == title
    assert root.find("PageAmount").get("source") == "estimate"
    assert [to.findtext("OrganName") for to in root.findall("To")] == ["Sở Nội vụ"]
    assert root.findtext("SignerInfo/FullName") == "Nguyễn Văn A"


def test_several_records_are_an_array_and_a_list_of_elements(bundled_records):
    records = list(bundled_records.values())
    assert len(json.loads(to_json(records))) == len(records)
    root = ET.fromstring(to_xml(records).encode("utf-8"))
    assert [e.tag for e in root] == ["OutgoingDocument"] * len(records)


def test_the_register_columns_are_the_decrees():
    assert list(REGISTER_COLUMNS) == register_columns()


def test_the_register_line_of_the_seed_plan():
    plan = load_plan(SEED_PLAN)
    record = build_record(plan, office=False)
    rows = list(csv.reader(io.StringIO(to_register_csv([register_row(plan, record)]))))
    assert rows[0] == register_columns()
    line = dict(zip(rows[0], rows[1]))
    assert line["Số, ký hiệu văn bản"] == "277/KH-BCĐ"
    assert line["Ngày tháng văn bản"] == "02/10/2023"
    assert line["Tên loại và trích yếu nội dung văn bản"].startswith("Kế hoạch: Triển khai")
    assert line["Người ký"] == "Đặng Minh Thông"
    assert line["Nơi nhận văn bản"].split("; ")[0] == "Thường trực Tỉnh ủy"
    assert line["Đơn vị, người nhận bản lưu"] == ", ".join(plan.archive.units)
    assert line["Ngày chuyển"] == line["Ký nhận"] == ""  # filled in when it leaves


@pytest.mark.parametrize(("authority", "titles", "position"), [
    ("", ("GIÁM ĐỐC",), "GIÁM ĐỐC"),
    ("Q.", ("GIÁM ĐỐC",), "Q. GIÁM ĐỐC"),
    ("KT.", ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "PHÓ CHỦ TỊCH"),
    ("TM.", ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "CHỦ TỊCH"),
    ("TL.", ("BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ GIÁO DỤC TRUNG HỌC", "PHÓ VỤ TRƯỞNG"),
     "PHÓ VỤ TRƯỞNG"),
])
def test_the_position_is_the_signers_own_title(authority, titles, position):
    from vanban.plan.model import Signature
    from vanban.problems import Mark
    from vanban.record.build import signer_position

    signature = Signature(authority, titles, "Nguyễn Văn A", Mark("p.yaml", 1, 1))
    assert signer_position(signature) == position


def test_the_kinh_gui_addressees_stand_for_nhu_tren(write_plan):
    text = MINIMAL_PLAN.replace("type: Kế hoạch", "type: Công văn").replace(
        "title: Thử nghiệm", "title: V/v thử nghiệm\naddressees: [Sở Tài chính, Sở Xây dựng]"
    ).replace("recipients:\n  - Sở Nội vụ", "recipients:\n  - Như trên\n  - Sở Nội vụ (b/c)")
    text = text.replace("sections:\n  - title: Mục đích, yêu cầu\n    content:\n      - text: "
                        "Nội dung thứ nhất.\n  - title: Nội dung\n    content: [Tổ chức hội nghị.]"
                        "\n  - title: Tổ chức thực hiện\n    content: [Các phòng thực hiện.]\n",
                        "opening: [Sở Tư pháp đề nghị các sở phối hợp.]\n")
    record = build_record(load_plan(write_plan(text)), office=False)
    assert [to["OrganName"] for to in record.fields["To"]] == [
        "Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ"]
