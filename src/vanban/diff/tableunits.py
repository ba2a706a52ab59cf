"""A printed table as units: its caption, its header cells, and each row's cells.

Read from the renderer's own table block (:func:`vanban.renderer.tables.table_block`), so a
cell's text is exactly what its cell prints (several paragraphs, one per line), and each
unit knows which cell of the rendered ``w:tbl`` holds it (:class:`~.units.CellAt`): one
header row, or two when columns share a group header (the group's cell spans its columns;
a column without a group has its header in the top row, merged down), then the rows.

A table whose first column numbers its rows (every row has its own whole number there: the
STT of Vietnamese tables and of the task matrix) has that number as the row's *label*, like
a node's number: rows renumbered by an insertion are not reworded. A group row's leading
number (``II.`` of ``II. CẢI CÁCH THỂ CHẾ``) is its label too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from vanban.diff.blocks import ROW, TABLE, Block, CellAt, Unit

#: The number a group row starts with: ``II.``, ``2.``, ``a)``.
_GROUP_LABEL = re.compile(r"^((?:[IVXLCDM]+|\d+(?:\.\d+)*|[a-zđ])[.)])\s+(\S.*)$", re.DOTALL)


def numbered_rows(rows: list[dict[str, Any]], columns: int) -> bool:
    """Whether the first column numbers the rows: each row has a distinct whole number."""
    numbers = ["\n".join(r["cells"][0]).strip() for r in rows if r["group"] is None]
    return (columns > 1 and bool(numbers) and all(n.isdigit() for n in numbers)
            and len(set(numbers)) == len(numbers))


def column_names(columns: list[dict[str, Any]]) -> list[str]:
    """How a change names each column: its header; ``group › header`` when two columns
    have the same header (``Tỷ lệ (%) › Năm 2025``)."""
    counts = Counter(c["header"] for c in columns)
    return [f"{c['group']} › {c['header']}" if counts[c["header"]] > 1 and c["group"]
            else c["header"] for c in columns]


class TableReader:
    """Makes table blocks, counting the data tables of the document in print order."""

    def __init__(self, add: Callable[..., Unit]) -> None:
        self.add = add
        self.count = 0

    def read(self, block: dict[str, Any], scope: str, path: str, number: int) -> Block:
        t = self.count
        self.count += 1
        where = {"scope": scope, "path": path, "table": number}
        title = block["title"]
        head = self.add("body", title, role="caption" if title else "table", shown=bool(title),
                        **where)
        table = Block(head, TABLE)
        columns = block["columns"]
        names = column_names(columns)
        table.fields = self._header(t, columns, names, where)
        numbered = numbered_rows(block["rows"], len(columns))
        first = 2 if any(c["group"] for c in columns) else 1
        for k, row in enumerate(block["rows"]):
            at = first + k
            if row["group"] is not None:
                m = _GROUP_LABEL.match(row["group"])
                label, text = (m.group(1), m.group(2)) if m else ("", row["group"])
                cell = self.add("body", text, label=label, role="group", row=row["group"],
                                at=CellAt(t, at, 0), **where)
                table.rows.append(Block(cell, ROW))
                continue
            texts = ["\n".join(paragraphs) for paragraphs in row["cells"]]
            name = texts[0].strip() if numbered else str(k + 1)
            cells = []
            for i, text in enumerate(texts):
                kw = dict(role="cell", row=name, column=names[i], ordinal=i + 1,
                          at=CellAt(t, at, i), **where)
                if numbered and i == 0:
                    cells.append(self.add("body", "", "", label=text, **kw))
                else:
                    cells.append(self.add("body", text, **kw))
            table.rows.append(Block(cells[0], ROW, fields=cells[1:]))
        return table

    def _header(self, t: int, columns: list[dict[str, Any]], names: list[str],
                where: dict[str, Any]) -> list[Unit]:
        """The header's units in reading order (see the module's docstring)."""
        def header(i: int, row: int, cell: int) -> Unit:
            return self.add("body", columns[i]["header"], role="header", column=names[i],
                            ordinal=i + 1, at=CellAt(t, row, cell), **where)

        if not any(c["group"] for c in columns):
            return [header(i, 0, i) for i in range(len(columns))]
        top: list[Unit] = []
        bottom: list[tuple[int, int]] = []  # (column, cell of the second row)
        i = cell = 0
        while i < len(columns):
            group = columns[i]["group"]
            if not group:
                top.append(header(i, 0, len(top)))
                i, cell = i + 1, cell + 1  # its second-row cell is merged into this one
                continue
            top.append(self.add("body", group, role="group-header", column=group,
                                ordinal=i + 1, at=CellAt(t, 0, len(top)), **where))
            while i < len(columns) and columns[i]["group"] == group:
                bottom.append((i, cell))
                i, cell = i + 1, cell + 1
        return top + [header(i, 1, c) for i, c in bottom]
