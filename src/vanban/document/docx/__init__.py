"""Read a Word .docx into the document model (:mod:`vanban.document.model`).

One module per job: :mod:`.package` opens the file safely, :mod:`.styles` resolves styles,
:mod:`.numbering` computes list labels, :mod:`.text` extracts a paragraph's text,
:mod:`.tables` builds table grids, :mod:`.walker` walks the body into units of reading,
:mod:`.sections` and :mod:`.pagefields` read page setup and page numbers, :mod:`.shapes`
and :mod:`.placement` find the drawn lines and what they are under, :mod:`.footnotes` reads
footnotes.
"""

from __future__ import annotations

from pathlib import Path

from vanban.document.docx.footnotes import read_footnotes
from vanban.document.docx.numbering import Numbering
from vanban.document.docx.package import open_package
from vanban.document.docx.placement import Placer, place_lines
from vanban.document.docx.revisions import pending_changes
from vanban.document.docx.sections import build_sections
from vanban.document.docx.settings import read_settings
from vanban.document.docx.styles import StyleResolver
from vanban.document.docx.walker import Walker
from vanban.document.model import Document, Section


def portrait_width(section: Section) -> float:
    """The text column the section's paper has when upright: a landscape page's top and
    bottom margins are its left and right ones turned."""
    margins = section.margins_mm
    sides = ("top", "bottom") if section.landscape else ("left", "right")
    return min(section.width_mm, section.height_mm) - sum(margins[s] for s in sides) - \
        margins["gutter"]


def read_docx(path: Path, data: bytes | None = None) -> Document:
    """The document at ``path`` (or ``data``, its bytes), in units of reading."""
    package = open_package(path, data)
    settings = read_settings(package.settings)
    styles = StyleResolver(package.styles)
    walker = Walker(styles, Numbering(package.numbering, styles), settings, package.docx)
    walker.body(package.body)
    sections = build_sections(walker.setups, package, styles, settings)
    start = 0
    for section, end in zip(sections, walker.section_ends):
        section.units = (start, end)
        start = end
    for record in walker.tables:
        table = record.table
        if not record.path and table.section < len(sections):
            section = sections[table.section]
            if record.grid.width_mm > portrait_width(section) + 1:
                section.wide_table = True
    placer = Placer(walker.paras, walker.tables, sections, styles, settings)
    return Document(str(path), "docx", walker.paras, package.docx, sections,
                    [record.table for record in walker.tables],
                    place_lines(walker.records, placer), walker.floating,
                    read_footnotes(package.footnotes), pending_changes(package.body, package.docx))
