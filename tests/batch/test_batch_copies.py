"""Per-recipient copies: the plan's document, named and labelled for each recipient."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from batchutil import custom_properties, parts_of
from conftest import PLANS_DIR, SEED_PLAN
from textutil import paragraphs_in_order
from vanban import load_plan
from vanban.batch import BatchRequest, run_batch
from vanban.batch.audience import audiences, read_distribution
from vanban.batch.naming import Namer, plan_stem
from vanban.renderer import render_bytes

#: What a copy rewrites: its properties. (Every rendering has a custom part, the e-office
#: record, so the package's content types and relationships are the rendering's own.)
OWN_PARTS = {"docProps/core.xml", "docProps/custom.xml"}


def test_one_copy_per_recipient_identical_but_for_whose_copy_it_is(tmp_path):
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path))
    plan = load_plan(SEED_PLAN)
    names = [r.name for r in plan.recipients]
    assert result.ok and result.built == len(names) == 7
    assert [e.agency for e in result.entries] == names
    original = parts_of(render_bytes(plan))
    original_text = paragraphs_in_order(Document(str(_write(tmp_path, render_bytes(plan)))))
    for number, entry in enumerate(result.entries, start=1):
        path = tmp_path / entry.file
        assert entry.kind == "copy" and entry.copy_number == str(number)
        copy = parts_of(path)
        assert {n for n in copy if copy[n] != original.get(n)} == OWN_PARTS
        doc = Document(str(path))
        assert paragraphs_in_order(doc) == original_text
        props = doc.core_properties
        assert props.comments == f"Bản gửi {entry.agency} (bản {number}/7)"
        assert props.keywords == f"KH; BCĐ; {entry.agency}"
        assert props.content_status == "Bản gửi"
        assert props.identifier == "277/KH-BCĐ" and props.title == plan.title
        custom = custom_properties(path)
        rendering = custom_properties(_write(tmp_path, render_bytes(plan)))
        own = {k: v for k, v in custom.items() if k not in rendering}
        assert own == {
            "vanban.kind": "copy", "vanban.source": "277/KH-BCĐ",
            "vanban.recipient": entry.agency, "vanban.copy": f"{number}/7"}
        # the rest as the rendering carries it: the plan's date as written, the e-office
        # record (docs/record.md)
        assert {k: v for k, v in custom.items() if k not in own} == rendering
        assert rendering["vanban.date"] == "2023-10-02"
        assert any(k.startswith("vanban.record.") for k in rendering)
    # the recipient with a note is named without it
    assert "277-kh-bcd-2023__thuong-truc-tinh-uy.docx" in [e.file for e in result.entries]


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "original.bin"
    path.write_bytes(data)
    return path


def test_copies_are_byte_reproducible(tmp_path):
    first = run_batch(BatchRequest([PLANS_DIR], tmp_path / "a", audience="all"))
    second = run_batch(BatchRequest([PLANS_DIR], tmp_path / "b", audience="all", workers=1))
    assert first.built == second.built > 20
    for entry in first.entries:
        assert (tmp_path / "a" / entry.file).read_bytes() == (tmp_path / "b" / entry.file).read_bytes()
    assert (tmp_path / "a" / "manifest.json").read_bytes() == (tmp_path / "b" / "manifest.json").read_bytes()


def test_audiences_recipients_agencies_or_both_without_repeats():
    plan = load_plan(PLANS_DIR / "45-KH-UBND-2026-phong-chong-thien-tai.yaml")
    recipients = audiences(plan, "recipients")
    agencies = audiences(plan, "agencies")
    both = audiences(plan, "all")
    assert "Bộ Nông nghiệp và Môi trường" in recipients and "Ủy ban nhân dân các xã, phường" in agencies
    assert both[:len(recipients)] == recipients
    assert both.count("Công an tỉnh") == 1 and "Ủy ban nhân dân các xã, phường" in both


def test_file_names_are_safe_and_never_collide():
    namer = Namer()
    assert plan_stem("plans/277-KH-BCD-2023.yaml") == "277-kh-bcd-2023"
    assert namer.claim("277", "Sở Tư pháp") == "277__so-tu-phap"
    assert namer.claim("277", "SỞ TƯ PHÁP") == "277__so-tu-phap-2"
    assert namer.claim("277", "../../etc/passwd") == "277__etc-passwd"
    assert namer.claim("277", "Phòng A\\B: C/D") == "277__phong-a-b-c-d"
    assert namer.claim("con", "") == "con"
    long = "Trường Trung học phổ thông chuyên Lê Quý Đôn thành phố Vũng Tàu tỉnh Bà Rịa"
    first, second = namer.claim("x", long + " A"), namer.claim("x", long + " B")
    assert first != second and len(second) < 70
    for name in (first, second):
        assert set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_")


def test_a_distribution_list_replaces_the_recipients(tmp_path):
    listing = tmp_path / "to.txt"
    listing.write_text("# các xã\nXã Long Điền\n\n  Xã Đất Đỏ\nxã long điền\n", encoding="utf-8")
    names, problems = read_distribution(listing)
    assert names == ["Xã Long Điền", "Xã Đất Đỏ"]
    (warning,) = problems
    assert (warning.mark.line, warning.mark.col, warning.code) == (5, 1, "VB002")
    assert "dòng 2" in warning.message()
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path / "out", distribution=listing))
    assert result.ok and [e.agency for e in result.entries] == names
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == [
        "277-kh-bcd-2023__xa-dat-do.docx", "277-kh-bcd-2023__xa-long-dien.docx"]


def test_recipients_in_other_scripts_are_different_recipients_with_different_files(tmp_path):
    listing = tmp_path / "to.txt"
    listing.write_text("Đại sứ quán Nhật Bản\nПосольство России\n中国大使馆\n대한민국 대사관\n"
                       "посольство россии\n", encoding="utf-8")
    names, problems = read_distribution(listing)
    assert names == ["Đại sứ quán Nhật Bản", "Посольство России", "中国大使馆", "대한민국 대사관"]
    assert [p.mark.line for p in problems] == [5]  # the same embassy in lower case
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path / "out", distribution=listing))
    files = [e.file for e in result.entries]
    assert result.ok and len(set(files)) == 4
    assert files[0] == "277-kh-bcd-2023__dai-su-quan-nhat-ban.docx"
    for name in files:
        assert set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_.")


def test_a_bad_distribution_list_stops_with_positions(tmp_path):
    listing = tmp_path / "to.txt"
    listing.write_bytes("Xã A\nXã\x07 B\n".encode())
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path / "out", distribution=listing))
    assert not result.ok and result.built == 0
    (problem,) = result.distribution_problems
    assert (problem.mark.line, problem.mark.col, problem.code) == (2, 3, "VB008")
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    assert read_distribution(empty)[1][0].code == "VB004"


def test_names_are_data_never_markup_or_template_code(tmp_path):
    hostile = 'Sở {{ 7*7 }} & <w:t>"Phòng"</w:t> {%p if 1 %}'
    listing = tmp_path / "to.txt"
    listing.write_text(hostile + "\n", encoding="utf-8")
    result = run_batch(BatchRequest([SEED_PLAN], tmp_path / "out", distribution=listing))
    assert result.ok
    (entry,) = result.entries
    assert entry.file == "277-kh-bcd-2023__so-7-7-w-t-phong-w-t-p-if-1.docx"
    path = tmp_path / "out" / entry.file
    props = Document(str(path)).core_properties
    assert props.comments == f"Bản gửi {hostile} (bản 1/1)"
    assert props.keywords.endswith(hostile)
    assert custom_properties(path)["vanban.recipient"] == hostile
