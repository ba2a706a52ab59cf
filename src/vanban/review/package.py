"""A .docx as its zip parts, rewritten with a few parts changed and every other part's bytes
as they were: the same names, order, dates and compression methods."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any

from lxml import etree

from vanban.document.docx.ooxml import NS

REL = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DCTERMS = "http://purl.org/dc/terms/"
COMMENTS_TYPE = OFFICE + "comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
W_NS = NS["w"]
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?$")


def parse(blob: bytes) -> Any:
    """A part's XML, read with entities unresolved and nothing fetched; blank text kept, so
    what is written back differs only where it was edited."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    return etree.fromstring(blob, parser)


def serialise(root: Any) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_of(part: str) -> str:
    """The relationships part of ``part``: ``word/_rels/document.xml.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def target_part(source: str, target: str) -> str:
    """The part a relationship of ``source`` points at."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


class Parts:
    """The parts of a .docx (already checked by the reader: sizes, ratios, XML)."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.infos = archive.infolist()
            self.blobs = {info.filename: archive.read(info) for info in self.infos}
        self.added: list[str] = []

    def main(self) -> str:
        """The main document part (``word/document.xml``)."""
        for rel in parse(self.blobs["_rels/.rels"]).iter(f"{{{REL}}}Relationship"):
            if rel.get("Type") == OFFICE + "officeDocument":
                return target_part("", rel.get("Target", ""))
        return "word/document.xml"

    def modified(self) -> str | None:
        """When the document was last saved, as its core properties say (xsd:dateTime)."""
        for rel in parse(self.blobs["_rels/.rels"]).iter(f"{{{REL}}}Relationship"):
            if rel.get("Type", "").endswith("/core-properties"):
                blob = self.blobs.get(target_part("", rel.get("Target", "")))
                found = parse(blob).find(f"{{{DCTERMS}}}modified") if blob else None
                text = (found.text or "").strip() if found is not None else ""
                return text if _DATE_TIME.match(text) else None  # Word refuses a bad w:date
        return None

    def comments_part(self, main: str) -> tuple[str, Any]:
        """The comments part of ``main`` and its root, made (with its relationship and
        content type) when the document has none."""
        rels_name = rels_of(main)
        rels = parse(self.blobs[rels_name]) if rels_name in self.blobs else \
            etree.Element(f"{{{REL}}}Relationships", nsmap={None: REL})
        for rel in rels.iter(f"{{{REL}}}Relationship"):
            if rel.get("Type") == COMMENTS_TYPE and rel.get("TargetMode") != "External":
                name = target_part(main, rel.get("Target", ""))
                if name in self.blobs:
                    return name, parse(self.blobs[name])
        name = self._free(posixpath.join(posixpath.dirname(main), "comments.xml"))
        ids = {rel.get("Id") for rel in rels.iter(f"{{{REL}}}Relationship")}
        number = len(ids) + 1
        while f"rId{number}" in ids:
            number += 1
        etree.SubElement(rels, f"{{{REL}}}Relationship", Id=f"rId{number}", Type=COMMENTS_TYPE,
                         Target=posixpath.relpath(name, posixpath.dirname(main) or "."))
        self.put(rels_name, serialise(rels))
        types = parse(self.blobs["[Content_Types].xml"])
        etree.SubElement(types, f"{{{TYPES}}}Override", PartName="/" + name,
                         ContentType=COMMENTS_CONTENT)
        self.put("[Content_Types].xml", serialise(types))
        return name, etree.Element(f"{{{W_NS}}}comments", nsmap={"w": W_NS})

    def _free(self, name: str) -> str:
        stem, ext = posixpath.splitext(name)
        number = 0
        while name in self.blobs:
            number += 1
            name = f"{stem}{number}{ext}"
        return name

    def put(self, name: str, blob: bytes) -> None:
        if name not in self.blobs:
            self.added.append(name)
        self.blobs[name] = blob

    def to_bytes(self, like: str) -> bytes:
        """The archive: every part where it was, then the new ones, dated and compressed as
        the part ``like`` (so the same input gives the same bytes)."""
        model = next(info for info in self.infos if info.filename == like)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for info in self.infos:
                archive.writestr(_entry(info.filename, info), self.blobs[info.filename])
            for name in self.added:
                archive.writestr(_entry(name, model), self.blobs[name])
        return out.getvalue()


def _entry(name: str, like: zipfile.ZipInfo) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, like.date_time)
    entry.compress_type = like.compress_type
    entry.external_attr = like.external_attr
    entry.create_system = like.create_system
    return entry
