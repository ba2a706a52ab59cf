"""The comparison table agencies attach to a revised draft (bảng so sánh): one row per
changed unit, the old text, the new text and a note saying what changed where.

A4 landscape, Times New Roman; a heading names the plan and both versions; the table's
header row repeats on every page; removed words are struck through in the old column and
added words underlined in bold in the new one.
"""

from __future__ import annotations

import datetime as _dt
import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from vanban.diff.changes import Change, ChangeKind, PlanDiff
from vanban.diff.summary import document_name, kind_word, version_label, where
from vanban.i18n import _, translate
from vanban.redline import oxml
from vanban.renderer import normalise_zip

FONT = "Times New Roman"
NUMBER_WIDTH = Cm(1.2)
NOTE_WIDTH = Cm(5.0)


def _cell_lines(cell, lines: list[list[tuple[str, str]]], size: float, *,
                align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY) -> None:
    """Fill ``cell`` with paragraphs made of (op, text) pieces."""
    cell.paragraphs[0].text = ""
    for n, pieces in enumerate(lines):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(3)
        p.alignment = align
        for op, text in pieces:
            run = p.add_run(text)
            run.font.size = Pt(size)
            if op == "delete":
                run.font.strike = True
            elif op == "insert":
                run.font.bold = True
                run.font.underline = True


def _columns(change: Change) -> tuple[list, list]:
    """The old and the new column of a change, as lines of (op, text) pieces."""
    if change.kind is ChangeKind.REWORDED and change.part != "layout":
        old = [("equal" if s.op == "equal" else "delete", s.text)
               for s in change.words if s.op != "insert"]
        new = [("equal" if s.op == "equal" else "insert", s.text)
               for s in change.words if s.op != "delete"]
        old_label = change.old_lines[0][:-len(change.old)] if change.old_lines else ""
        new_label = change.new_lines[0][:-len(change.new)] if change.new_lines else ""
        if change.old_lines and not change.old_lines[0].endswith(change.old):
            old_label = ""  # decoration after the text (";", "./."): show the core only
        if change.new_lines and not change.new_lines[0].endswith(change.new):
            new_label = ""
        return [[("equal", old_label), *old]], [[("equal", new_label), *new]]
    if change.part == "layout":
        return [[("equal", change.old)]], [[("equal", change.new)]]
    return ([[("equal", line)] for line in change.old_lines],
            [[("equal", line)] for line in change.new_lines])


def _note(change: Change, lang: str | None) -> str:
    word = kind_word(change.kind, lang)
    return f"{word[:1].upper()}{word[1:]}: {where(change, lang)}"


def comparison_table_bytes(diff: PlanDiff, *, author: str = "vanban",
                           date: str | None = None, lang: str | None = None) -> bytes:
    """The comparison table of ``diff`` as .docx bytes (the same input, the same bytes)."""
    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    oxml.set_default_font(doc.styles.element, FONT)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(13)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    def centred(text: str, *, size: float = 14, bold: bool = False, italic: bool = False):
        p = doc.paragraphs[0] if len(doc.paragraphs) == 1 and not doc.paragraphs[0].text \
            else doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
        return p

    old_label, new_label = version_label(diff.old, lang), version_label(diff.new, lang)
    centred(translate(_("COMPARISON TABLE"), lang), bold=True)
    centred(f"{document_name(diff.new)}: {diff.new.title}", bold=True)
    centred(translate(_("{old} ({old_file}) and {new} ({new_file})"), lang).format(
        old=old_label, old_file=_file(diff.old.path), new=new_label,
        new_file=_file(diff.new.path)), size=13, italic=True).paragraph_format.space_after = Pt(12)

    rows = [c for c in diff.changes if c.kind is not ChangeKind.RENUMBERED]
    renumbered = [c for c in diff.changes if c.kind is ChangeKind.RENUMBERED]
    table = doc.add_table(rows=1, cols=4)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    text_width = section.page_width - section.left_margin - section.right_margin
    side = (text_width - NUMBER_WIDTH - NOTE_WIDTH) // 2
    widths = [NUMBER_WIDTH, side, side, NOTE_WIDTH]
    headings = [translate(_("No."), lang), old_label, new_label, translate(_("Note"), lang)]
    for cell, heading in zip(table.rows[0].cells, headings):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = cell.paragraphs[0].add_run(heading)
        run.font.bold, run.font.size = True, Pt(13)
    oxml.repeat_header_row(table.rows[0]._tr)
    for n, change in enumerate(rows, start=1):
        cells = table.add_row().cells
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cells[0].paragraphs[0].add_run(str(n)).font.size = Pt(12)
        old, new = _columns(change)
        _cell_lines(cells[1], old, 12)
        _cell_lines(cells[2], new, 12)
        _cell_lines(cells[3], [[("equal", _note(change, lang))]], 12,
                    align=WD_ALIGN_PARAGRAPH.LEFT)
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    if renumbered:
        cells = table.add_row().cells
        merged = cells[1].merge(cells[3])
        merged.width = sum(widths[1:])
        _cell_lines(merged, [[("equal", translate(_("Renumbered as a result: {list}"), lang)
                                .format(list="; ".join(c.label for c in renumbered)))]], 12,
                    align=WD_ALIGN_PARAGRAPH.LEFT)
    if not rows and not renumbered:
        cells = table.add_row().cells
        merged = cells[0].merge(cells[3])
        merged.width = sum(widths)
        _cell_lines(merged, [[("equal", translate(_("no differences"), lang))]], 12,
                    align=WD_ALIGN_PARAGRAPH.CENTER)

    props = doc.core_properties
    props.title = translate(_("Comparison table"), lang) + f": {diff.new.reference}"
    props.subject = diff.new.title
    props.author = props.last_modified_by = author
    props.comments = f"{old_label} → {new_label}"
    props.language = "vi-VN"
    props.revision = 1
    stamp = _stamp(date)
    props.created = props.modified = props.last_printed = stamp
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def _file(path: str) -> str:
    from pathlib import Path

    return Path(path).name


def _stamp(date: str | None) -> _dt.datetime:
    if date:
        return _dt.datetime.fromisoformat(date.removesuffix("Z"))
    return _dt.datetime(2000, 1, 1)
