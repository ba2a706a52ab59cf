"""Importing the forms after Mẫu 1.5 — Công điện (Mẫu 1.6), Giấy mời (Mẫu 1.7), Biên bản
(Mẫu 1.9) — and documents issued jointly (two signatures side by side): a rendered plan comes
back as the plan, for the starters and for variants of each, and ``vanban check`` on the
rendering finds nothing vanban itself wrote wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from vanban.check.paths import check_file
from vanban.document.importer import import_file
from vanban.plan.loader import read_plan
from vanban.plan.serialize import plan_data
from vanban.plan.starter import starter_plan
from vanban.renderer import render_bytes

TODAY = dt.date(2026, 11, 26)


def starter(key: str) -> dict[str, Any]:
    return yaml.safe_load(starter_plan(key))


def _plan(data: dict[str, Any]):
    data = {k: "" if v is None else v for k, v in data.items()}  # “number:” left blank
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    loaded = read_plan("variant.yaml", text.encode("utf-8"))
    assert loaded.plan is not None, [str(p) for p in loaded.problems]
    return loaded.plan


def variant(key: str, **changes: Any) -> dict[str, Any]:
    """The starter with keys changed (None: removed); ``a.b`` reaches into a mapping."""
    data = starter(key)
    for path, value in changes.items():
        *outer, last = path.split("__")
        holder = data
        for part in outer:
            holder = holder[part]
        if value is None:
            holder.pop(last, None)
        else:
            holder[last] = value
    return data


FINAL = {"number": 12, "date": "2026-03-31", "draft": None}
JOINT = {"issuer__name": "SỞ TƯ PHÁP - SỞ NỘI VỤ",
         "signature": {"authority": "KT.", "titles": ["GIÁM ĐỐC SỞ TƯ PHÁP", "PHÓ GIÁM ĐỐC"],
                       "name": "Nguyễn Văn A"},
         "cosigner": {"titles": "GIÁM ĐỐC SỞ NỘI VỤ", "name": "Trần Văn C"}}
VARIANTS = {
    # Công điện (Mẫu 1.6)
    "cd-starter": starter("cong-dien"),
    "cd-one-receiver": variant("cong-dien", addressees=["Chủ tịch Ủy ban nhân dân các xã, phường"]),
    "cd-authority-in-sentence-case": variant(
        "cong-dien", issuing_authority="Chủ tịch Ủy ban nhân dân tỉnh"),
    "cd-final-without-opening": variant("cong-dien", opening=None, **FINAL),
    "cd-hỏa-tốc": variant("cong-dien", urgency="HỎA TỐC"),
    # Giấy mời (Mẫu 1.7)
    "gm-starter": starter("giay-moi"),
    "gm-one-invitee": variant("giay-moi", invitation__invitees="Giám đốc Sở Tư pháp"),
    "gm-no-chair": variant("giay-moi", invitation__chair=None),
    "gm-no-notes": variant("giay-moi", closing=None),
    "gm-chair-only": variant("giay-moi", invitation__time=None, invitation__place=None,
                             closing=None),
    "gm-issuer-named-by-its-name": variant(
        "giay-moi", issuer={"superior": "UBND TỈNH LAI CHÂU", "name": "SỞ TƯ PHÁP",
                            "abbreviation": "STP"},
        signature={"titles": "GIÁM ĐỐC", "name": "Nguyễn Văn B"}),
    "gm-issuer-in-a-sentence": variant(
        "giay-moi", issuer={"name": "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "abbreviation": "UBND",
                            "in_text": "Ủy ban nhân dân tỉnh"}),
    "gm-final": variant("giay-moi", **FINAL),
    # Biên bản (Mẫu 1.9)
    "bb-starter": starter("bien-ban"),
    "bb-one-participant": variant("bien-ban", minutes__participants="Lãnh đạo Sở Tư pháp"),
    "bb-no-chair": variant("bien-ban", minutes__chair=None),
    "bb-no-end": variant("bien-ban", minutes__end=None),
    "bb-no-cosigner": variant("bien-ban", cosigner=None),
    "bb-no-content": variant("bien-ban", sections=None),
    "bb-no-content-no-end": variant("bien-ban", sections=None, minutes__end=None),
    "bb-end-only": variant("bien-ban", minutes={"end": "10 giờ 30 cùng ngày"}),
    "bb-titles-of-unequal-length": variant(
        "bien-ban", signature={"titles": ["CHỦ TỌA", "GIÁM ĐỐC SỞ"], "name": "Nguyễn Văn A"}),
    "bb-final": variant("bien-ban", **FINAL),
    # issued jointly (liên tịch): the lead body's head signs on the right, the other's on the left
    "kh-liên-tịch": variant("ke-hoach", **JOINT),
    "tb-liên-tịch-final": variant("thong-bao", **JOINT, **FINAL),
}


def imported(tmp_path, data: bytes):
    text, result = import_file(tmp_path / "rendered.docx", data)
    loaded = read_plan("imported.yaml", text.encode("utf-8"))
    assert loaded.plan is not None, [str(p) for p in loaded.problems]
    return loaded.plan, result


@pytest.mark.parametrize("key", VARIANTS)
def test_a_rendered_form_imports_as_its_plan(key, tmp_path):
    plan = _plan(VARIANTS[key])
    again, result = imported(tmp_path, render_bytes(plan))
    assert [str(p) for p in result.problems] == []
    assert plan_data(again) == plan_data(plan)


@pytest.mark.parametrize("key", VARIANTS)
def test_checking_a_rendered_form_finds_nothing(key, tmp_path):
    path = tmp_path / f"{key}.docx"
    path.write_bytes(render_bytes(_plan(VARIANTS[key])))
    assert [str(p) for p in check_file(path, today=TODAY).problems] == []


def test_what_vanban_prints_by_itself_comes_back_as_its_default(tmp_path):
    plan, _result = imported(tmp_path, render_bytes(_plan(VARIANTS["gm-starter"])))
    # “Chủ tịch Ủy ban nhân dân tỉnh Lai Châu trân trọng kính mời:” is made from the plan
    assert plan.issuer.in_text is None
    plan, _result = imported(tmp_path, render_bytes(_plan(VARIANTS["gm-issuer-in-a-sentence"])))
    assert plan.issuer.in_text == "Ủy ban nhân dân tỉnh"


def test_a_biên_bản_reads_its_two_signatures_and_its_record(tmp_path):
    plan, result = imported(tmp_path, render_bytes(_plan(VARIANTS["bb-starter"])))
    assert plan.cosigner.titles == ("THƯ KÝ",) and plan.cosigner.name == "Trần Thị B"
    assert plan.signature.titles == ("CHỦ TỌA",) and plan.signature.name == "Nguyễn Văn A"
    assert [r.name for r in plan.recipients] == ["Các phòng, đơn vị thuộc Sở"]
    assert plan.minutes.participants == ("Lãnh đạo Sở Tư pháp", "Trưởng các phòng, đơn vị thuộc Sở")
    assert plan.notes == [] and plan.opening == []
    signers = [p.text for p in result.roles["signer"]]
    assert signers == ["Trần Thị B", "Nguyễn Văn A"]  # both checked as signers (VB803)
