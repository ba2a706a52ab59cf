"""The redline's markup read back without Word: valid tracked changes that accept to the new
version and reject to the old one, paragraph by paragraph, style by style."""

import io
import re
import zipfile
from collections import Counter

import docx
import pytest
from docx.oxml.ns import qn

from diffcases import AUTHOR, CASES, DATE, plans, redline
from redlinexml import resolved, view
from vanban import render_bytes
from vanban.redline import redline_bytes

REVISIONS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange")


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist()
                if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)}


def elements(data: bytes, tag: str):
    doc = docx.Document(io.BytesIO(data))
    roots = [doc.element] + [r.target_part.element for r in doc.part.rels.values()
                             if r.reltype.endswith(("/header", "/footer"))]
    return [el for root in roots for el in root.iter(qn(f"w:{tag}"))]


def rendered_view(plan):
    return view(docx.Document(io.BytesIO(render_bytes(plan))))


@pytest.mark.parametrize("case", CASES)
def test_accepting_gives_the_new_version_and_rejecting_the_old(case):
    old, new = plans(case)
    data = redline(case).data
    assert view(resolved(data, accept=True)) == rendered_view(new)
    assert view(resolved(data, accept=False)) == rendered_view(old)


@pytest.mark.parametrize("case", CASES)
def test_markup_is_well_formed(case):
    data = redline(case).data
    ids = []
    for tag in REVISIONS + ("moveFromRangeStart", "moveToRangeStart"):
        for el in elements(data, tag):
            ids.append(el.get(qn("w:id")))
            if tag in REVISIONS:
                assert el.get(qn("w:author")) == AUTHOR
                assert el.get(qn("w:date")) == DATE
    assert all(n == 1 for n in Counter(ids).values()), "revision ids must be unique"
    for el in elements(data, "del"):
        if el.getparent().tag != qn("w:rPr"):
            assert not list(el.iter(qn("w:t"))), "deleted runs hold w:delText"
    for tag in ("ins", "moveFrom", "moveTo"):
        for el in elements(data, tag):
            assert not list(el.iter(qn("w:delText")))
    for kind in ("moveFrom", "moveTo"):
        starts = {e.get(qn("w:id")): e.get(qn("w:name"))
                  for e in elements(data, f"{kind}RangeStart")}
        ends = [e.get(qn("w:id")) for e in elements(data, f"{kind}RangeEnd")]
        assert sorted(starts) == sorted(ends)
        moved = [e for e in elements(data, kind) if e.getparent().tag != qn("w:rPr")]
        assert bool(moved) == bool(starts)
    names_from = sorted(e.get(qn("w:name")) for e in elements(data, "moveFromRangeStart"))
    names_to = sorted(e.get(qn("w:name")) for e in elements(data, "moveToRangeStart"))
    assert names_from == names_to
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()
    assert "trackRevisions" not in settings  # shows the changes; further edits untracked


def changed_words(data: bytes, tag: str) -> list[str]:
    text = qn("w:delText") if tag == "del" else qn("w:t")
    return ["".join(t.text or "" for t in el.iter(text)) for el in elements(data, tag)
            if el.getparent().tag != qn("w:rPr")]


def test_one_word_shows_as_that_word_only():
    data = redline("one-word").data
    assert changed_words(data, "del") == ["cập nhật"]
    assert changed_words(data, "ins") == ["bổ sung"]


def test_an_inserted_section_renumbers_the_following_ones_by_their_number_only():
    data = redline("inserted-section").data
    deleted = changed_words(data, "del")
    assert deleted == ["III", "IV"]  # "III." → "IV.", "IV." → "V.": the text stays
    inserted = changed_words(data, "ins")
    assert inserted[:1] == ["III. Tuyên truyền, nâng cao nhận thức"]
    assert inserted[-2:] == ["IV", "V"]


def test_a_deleted_point_is_a_deleted_paragraph_and_the_next_point_changes_letter():
    data = redline("deleted-point").data
    marks = [el for el in elements(data, "del") if el.getparent().tag == qn("w:rPr")]
    assert len(marks) == 1  # the paragraph mark goes with the paragraph
    assert changed_words(data, "del") == [
        "a) Chủ động phòng ngừa, ứng phó kịp thời, khắc phục khẩn trương và có hiệu quả hậu "
        "quả thiên tai.", "b"]
    assert changed_words(data, "ins") == ["a"]


def test_a_moved_item_is_marked_as_a_move_not_as_deletion_and_insertion():
    data = redline("moved-item").data
    moved_from = "".join(changed_words(data, "moveFrom"))
    moved_to = "".join(changed_words(data, "moveTo"))
    assert moved_from.startswith("2. Công tác ứng phó khi thiên tai xảy ra")
    assert moved_to.startswith("1. Công tác ứng phó khi thiên tai xảy ra")
    assert len(elements(data, "moveFromRangeStart")) == 1
    # the item it jumped over only changes its number
    assert changed_words(data, "del") == ["1"] and changed_words(data, "ins") == ["2"]


def test_header_fields_are_compared_inside_their_table_cells():
    doc = docx.Document(io.BytesIO(redline("date").data))
    dateline = doc.tables[0].cell(1, 1)._tc
    assert ["".join(t.text for t in el.iter(qn("w:delText")))
            for el in dateline.iter(qn("w:del"))] == ["15", "01"]
    assert ["".join(t.text for t in el.iter(qn("w:t")))
            for el in dateline.iter(qn("w:ins"))] == ["03", "02"]
    recipients = docx.Document(io.BytesIO(redline("recipients").data)).tables[-1].cell(0, 0)._tc
    assert list(recipients.iter(qn("w:moveFrom"))) and list(recipients.iter(qn("w:moveTo")))


def test_a_changed_level_records_the_old_paragraph_style():
    doc = docx.Document(io.BytesIO(redline("restructured").data))
    changes = list(doc.element.body.iter(qn("w:pPrChange")))
    old_styles = {c.find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val")) for c in changes}
    assert old_styles == {"VBBody", "VBItemTitle"}


def test_identical_plans_give_no_tracked_change():
    data = redline("identical").data
    assert redline("identical").revisions == 0
    assert not any(elements(data, tag) for tag in REVISIONS)
    old, new = plans("identical")
    assert parts(data) == parts(render_bytes(new))


def test_the_same_plans_author_and_date_give_the_same_bytes():
    old, new = plans("mixed")
    one = redline_bytes(old, new, author=AUTHOR, date=DATE).data
    two = redline_bytes(old, new, author=AUTHOR, date=DATE).data
    assert one == two
