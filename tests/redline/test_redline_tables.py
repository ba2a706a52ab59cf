"""The plan's tables in the redline: a changed cell is tracked word by word inside its cell,
an added or removed row is a tracked row (``w:trPr/w:ins``, ``w:trPr/w:del``), and a table in
a task item, the task matrix and an appendix's table are woven each in its place. (The
LibreOffice round trips of these cases run with the others in test_redline_libreoffice.)"""

import io

import docx
from docx.oxml.ns import qn

from diffcases import redline


def text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))


def tracked_runs(el) -> list[tuple[str, str]]:
    """(ins|del, text) of each tracked run range in ``el`` (not the paragraph marks)."""
    return [(x.tag.rpartition("}")[2], text(x)) for x in el.iter(qn("w:ins"), qn("w:del"))
            if x.getparent().tag not in (qn("w:rPr"), qn("w:trPr"))]


def row_mark(tr) -> str | None:
    props = tr.find(qn("w:trPr"))
    marks = [] if props is None else [c.tag.rpartition("}")[2] for c in props
                                      if c.tag in (qn("w:ins"), qn("w:del"))]
    assert len(marks) <= 1
    return marks[0] if marks else None


def data_tables(case: str) -> list:
    """The plan's tables of the redline (those with a repeating header row)."""
    doc = docx.Document(io.BytesIO(redline(case).data))
    return [t for t in doc.element.body.iter(qn("w:tbl"))
            if t.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]


def changed_cells(case: str) -> list[tuple[int, int, int, list]]:
    return [(t, r, c, tracked_runs(tc))
            for t, tbl in enumerate(data_tables(case))
            for r, tr in enumerate(tbl.findall(qn("w:tr")))
            for c, tc in enumerate(tr.findall(qn("w:tc"))) if tracked_runs(tc)]


def test_a_changed_deadline_is_one_tracked_change_in_its_matrix_cell():
    cells = changed_cells("task-deadline")
    assert len(cells) == 1
    table, row, column, runs = cells[0]
    matrix = data_tables("task-deadline")[table]
    header = [text(tc) for tc in matrix.find(qn("w:tr")).findall(qn("w:tc"))]
    assert header[column] == "Thời gian hoàn thành"
    assert runs == [("del", "31/10"), ("ins", "15/11")]
    assert row_mark(matrix.findall(qn("w:tr"))[row]) is None


def test_rows_added_and_removed_are_tracked_rows_with_their_text():
    tables = data_tables("table-rows")
    marked = [(t, text(tr), row_mark(tr)) for t, tbl in enumerate(tables)
              for tr in tbl.findall(qn("w:tr")) if row_mark(tr)]
    assert [(t, mark) for t, _, mark in marked] == [(0, "ins"), (1, "del"), (2, "del"),
                                                    (2, "del")]
    item_table, matrix, appendix = marked[0][1], marked[1][1], [m[1] for m in marked[2:]]
    assert "Thủ tục hành chính cung cấp trực tuyến toàn trình" in item_table
    assert "Công khai ngân sách nhà nước theo quy định." in matrix
    assert appendix[0] == "I. CẢI CÁCH THỂ CHẾ"
    assert appendix[1].startswith("1Tỷ lệ văn bản được rà soát")
    for tbl in tables:
        for tr in tbl.findall(qn("w:tr")):
            kinds = {kind for kind, _ in tracked_runs(tr)}
            # a tracked row's text is tracked the same way; a kept row's cells may change
            assert kinds <= ({row_mark(tr)} if row_mark(tr) else {"ins", "del"})


def test_a_changed_cell_in_a_table_inside_a_task_item():
    cells = changed_cells("table-rows")
    assert (0, 2, 3, [("del", "90"), ("ins", "95")]) in cells


def test_rows_after_a_removed_task_are_renumbered_in_their_first_cell():
    renumbered = [(runs, column) for t, _, column, runs in changed_cells("table-rows")
                  if t == 1 and len(runs) == 2]
    assert renumbered and all(column == 0 for _, column in renumbered)
    assert ([("del", "20"), ("ins", "19")], 0) in renumbered


def test_a_table_whose_columns_changed_is_replaced_whole():
    item_table = [tbl for tbl in data_tables("table-columns") if "Ghi chú" in text(tbl)
                  or "Nhóm chỉ tiêu" in text(tbl)]
    marks = [{row_mark(tr) for tr in tbl.findall(qn("w:tr"))} for tbl in item_table]
    assert marks == [{"del"}, {"ins"}]


def test_a_removed_item_takes_its_table_with_it():
    gone = [tbl for tbl in data_tables("table-item-removed") if "Nhóm chỉ tiêu" in text(tbl)]
    assert len(gone) == 1
    assert {row_mark(tr) for tr in gone[0].findall(qn("w:tr"))} == {"del"}
