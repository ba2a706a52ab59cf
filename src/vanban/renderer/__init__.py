"""Render a plan into a .docx laid out as Decree 30/2020/NĐ-CP prescribes.

Layers, top to bottom: :mod:`.pipeline` (the one way through), :mod:`.context` (plan →
strings) with :mod:`.blocks` (numbered bodies), :mod:`.tables` (tables and their XML),
:mod:`.forms` (the lines of Công điện, Giấy mời and Biên bản) and :mod:`.appendices` (phụ lục
and the document a decision issues), :mod:`.engine` (docxtpl),
:mod:`.layout` (python-docx fitting) with :mod:`.sections` (pages of each part),
:mod:`.metrics` (text widths), :mod:`.properties` (custom document properties),
:mod:`.package` (reproducible zip). Other packages use the renderer through the names below only; each is
imported when first used, so asking for the zip writer does not load docxtpl.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vanban._exports import lazy_exports

_EXPORTS = {
    "default_template": "pipeline", "output_path": "pipeline", "render": "pipeline",
    "render_bytes": "pipeline", "render_document": "pipeline", "template_path": "pipeline",
    "CONTEXT_NAMES": "context", "build_context": "context", "task_lines": "blocks",
    "prepare": "engine", "rich": "engine",
    "first_page_header_paragraphs": "layout", "style_text_width": "layout",
    "text_width_pt": "metrics",
    "normalise_zip": "package", "docx_bytes": "package",
    "CUSTOM_PROPERTIES_PART": "properties", "CUSTOM_PROPERTIES_TYPE": "properties",
    "CUSTOM_PROPERTIES_REL": "properties", "custom_properties": "properties",
    "custom_xml": "properties", "parse_custom_xml": "properties",
    "set_custom_properties": "properties", "xml_escape": "properties",
}

__all__ = [
    "CONTEXT_NAMES", "CUSTOM_PROPERTIES_PART", "CUSTOM_PROPERTIES_REL", "CUSTOM_PROPERTIES_TYPE",
    "build_context", "custom_properties", "custom_xml", "default_template", "docx_bytes",
    "first_page_header_paragraphs", "normalise_zip", "output_path", "parse_custom_xml", "prepare",
    "render", "render_bytes", "render_document", "rich", "set_custom_properties",
    "style_text_width", "task_lines", "template_path", "text_width_pt", "xml_escape",
]

if TYPE_CHECKING:  # pragma: no cover
    from vanban.renderer.blocks import task_lines
    from vanban.renderer.context import CONTEXT_NAMES, build_context
    from vanban.renderer.engine import prepare, rich
    from vanban.renderer.layout import first_page_header_paragraphs, style_text_width
    from vanban.renderer.metrics import text_width_pt
    from vanban.renderer.package import docx_bytes, normalise_zip
    from vanban.renderer.pipeline import (
        default_template,
        output_path,
        render,
        render_bytes,
        render_document,
        template_path,
    )
    from vanban.renderer.properties import (
        CUSTOM_PROPERTIES_PART,
        CUSTOM_PROPERTIES_REL,
        CUSTOM_PROPERTIES_TYPE,
        custom_properties,
        custom_xml,
        parse_custom_xml,
        set_custom_properties,
        xml_escape,
    )


__getattr__ = lazy_exports(__name__, _EXPORTS, globals())
