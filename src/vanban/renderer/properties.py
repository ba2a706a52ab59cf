"""Custom document properties (docProps/custom.xml): what the plan knows but the page shows not.

The period a plan covers is data (deadlines are checked against it) but is not a component
of the decree's layout; it is kept as a named custom property, as Word shows them under
File › Properties, so ``vanban import`` can give it back.
"""

from __future__ import annotations

from collections.abc import Mapping

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

CUSTOM_PROPERTIES_PART = "/docProps/custom.xml"
CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPERTIES_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
           "custom-properties")
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def xml_escape(text: str, *, quote: bool = False) -> str:
    """``text`` safe inside an XML element (``quote``: inside a double-quoted attribute)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


def custom_xml(values: Mapping[str, str]) -> bytes:
    """docProps/custom.xml holding ``values`` as text properties, in name order."""
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{xml_escape(name, quote=True)}">'
        f"<vt:lpwstr>{xml_escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(values.items()), start=2))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{_NS}" xmlns:vt="{_VT}">{items}</Properties>').encode("utf-8")


def set_custom_properties(doc: Document, values: dict[str, str]) -> None:
    """Write ``values`` as the document's custom properties (replacing any there were)."""
    package = doc.part.package
    for rel in list(package.rels.values()):
        if rel.reltype == CUSTOM_PROPERTIES_REL:
            package.rels.pop(rel.rId)
    if values:
        part = Part(PackURI(CUSTOM_PROPERTIES_PART), CUSTOM_PROPERTIES_TYPE, custom_xml(values),
                    package)
        package.relate_to(part, CUSTOM_PROPERTIES_REL)


def parse_custom_xml(blob: bytes) -> dict[str, str]:
    """The properties of a docProps/custom.xml, each as its text."""
    root = etree.fromstring(blob)
    return {el.get("name"): "".join(el.itertext()) for el in root
            if el.tag == f"{{{_NS}}}property"}


def custom_properties(doc: Document) -> dict[str, str]:
    """The document's custom properties with text values."""
    for rel in doc.part.package.rels.values():
        if rel.reltype == CUSTOM_PROPERTIES_REL:
            return parse_custom_xml(rel.target_part.blob)
    return {}
