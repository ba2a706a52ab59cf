"""Document properties that say whose copy a file is, written without re-rendering.

The renderer stamps ``docProps/core.xml`` from the plan (title, identifier, issuer, date).
Each copy keeps those and adds who it is for: the comments, keywords and status that Word
and python-docx show, and custom properties (``docProps/custom.xml``) for scripts. The
XML is prepared once per plan with placeholders, so a copy only fills in escaped text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from vanban.record.fields import PROPERTY_PREFIX as RECORD_PREFIX
from vanban.renderer import CUSTOM_PROPERTIES_PART, custom_xml, parse_custom_xml, xml_escape
from vanban.renderer import CUSTOM_PROPERTIES_REL as CUSTOM_REL
from vanban.renderer import CUSTOM_PROPERTIES_TYPE as CUSTOM_TYPE

CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CUSTOM_PART = CUSTOM_PROPERTIES_PART.lstrip("/")
PREFIX = "vanban."

#: Core fields a copy rewrites: element → placeholder (private-use characters never occur
#: in plan text that reached here, and lxml writes them as they are).
_CORE_FIELDS = {"dc:description": "\ue000d\ue000", "cp:keywords": "\ue000k\ue000",
                "cp:contentStatus": "\ue000s\ue000", "dc:identifier": "\ue000i\ue000"}


def _serialize(element: etree._Element) -> str:
    return etree.tostring(element, encoding="UTF-8", standalone=True).decode("utf-8")


@dataclass(frozen=True)
class CopyFields:
    """What one copy says about itself."""

    description: str          # a sentence for the Comments field
    status: str               # content status: "Bản gửi", "DỰ THẢO LẦN 2; Bản gửi" …
    audience: str = ""        # who the copy is for (added to the keywords)
    identifier: str | None = None  # None keeps the plan's (277/KH-BCĐ)
    custom: Mapping[str, str] | None = None  # vanban.* custom properties, in order


class PropertyTemplates:
    """core.xml and custom.xml of one rendered document with holes for each copy's fields."""

    def __init__(self, parts: Mapping[str, bytes]) -> None:
        root = etree.fromstring(parts["docProps/core.xml"])
        self.base = {}
        for tag, token in _CORE_FIELDS.items():
            prefix, local = tag.split(":")
            element = root.find(f"{{{CORE_NS[prefix]}}}{local}")
            if element is None:
                element = etree.SubElement(root, f"{{{CORE_NS[prefix]}}}{local}")
            self.base[tag] = element.text or ""
            element.text = token
        self._core = _serialize(root)
        self._existing_custom = parts.get(CUSTOM_PART)
        self._custom_cache: dict[tuple[tuple[str, ...], bool], str] = {}
        self.content_types = self._with_custom_type(parts["[Content_Types].xml"])
        self.package_rels = self._with_custom_rel(parts["_rels/.rels"])

    # --- core.xml --------------------------------------------------------------------

    def core(self, fields: CopyFields) -> bytes:
        keywords = "; ".join(filter(None, (self.base["cp:keywords"], fields.audience)))
        identifier = self.base["dc:identifier"] if fields.identifier is None else fields.identifier
        values = {"dc:description": fields.description, "cp:keywords": keywords,
                  "cp:contentStatus": fields.status, "dc:identifier": identifier}
        text = self._core
        for tag, token in _CORE_FIELDS.items():
            text = text.replace(token, xml_escape(values[tag]))
        return text.encode("utf-8")

    # --- custom.xml ------------------------------------------------------------------

    def _custom_template(self, names: tuple[str, ...], record: bool) -> str:
        """The plan's own custom properties (``vanban.period``, and the e-office record when
        ``record``) plus holes for ``names``, written by the renderer's serialiser so a
        copy's part reads like any rendering."""
        cached = self._custom_cache.get((names, record))
        if cached is not None:
            return cached
        values = parse_custom_xml(self._existing_custom) if self._existing_custom else {}
        if not record:
            values = {k: v for k, v in values.items() if not k.startswith(RECORD_PREFIX)}
        values.update({PREFIX + name: f"\ue001{i}\ue001" for i, name in enumerate(names)})
        template = self._custom_cache[names, record] = custom_xml(values).decode("utf-8")
        return template

    def custom(self, values: Mapping[str, str], *, record: bool = True) -> bytes:
        """custom.xml of one copy: ``values`` as ``vanban.*`` properties; ``record`` keeps the
        rendered document's e-office record (a copy is the document; an extract or a formal
        copy is another document, and the record of the plan would misdescribe it)."""
        text = self._custom_template(tuple(values), record)
        for i, value in enumerate(values.values()):
            text = text.replace(f"\ue001{i}\ue001", xml_escape(value))
        return text.encode("utf-8")

    # --- the package registers the custom part -----------------------------------------

    @staticmethod
    def _with_custom_type(data: bytes) -> bytes:
        root = etree.fromstring(data)
        if any(o.get("PartName") == "/" + CUSTOM_PART for o in root):
            return data
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + CUSTOM_PART,
                         ContentType=CUSTOM_TYPE)
        return _serialize(root).encode("utf-8")

    @staticmethod
    def _with_custom_rel(data: bytes) -> bytes:
        root = etree.fromstring(data)
        if any(r.get("Type") == CUSTOM_REL for r in root):
            return data
        ids = {r.get("Id") for r in root}
        rid = next(f"rId{n}" for n in range(len(ids) + 1, len(ids) + 1000) if f"rId{n}" not in ids)
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=rid, Type=CUSTOM_REL,
                         Target=CUSTOM_PART)
        return _serialize(root).encode("utf-8")
