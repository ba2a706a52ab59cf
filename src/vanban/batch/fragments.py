"""Body paragraphs as the template renders them, learned once, for fast extracts.

An extract differs from its plan only between the trích yếu and the signature block: the
legal bases and the body. Everything else — header, title, signature, Nơi nhận, styles,
page setup — comes out of the normal pipeline unchanged. So the batch renders each plan
once (:class:`Frame`: the document before and after that region) and writes the region of
each extract from paragraph skeletons (:class:`BodyModel`) learned from one probe
rendering of the same template through the same pipeline.

Nothing is guessed: learning fails (and the batch renders every extract through the
pipeline instead) unless every probe paragraph is reproduced exactly, and every frame is
checked by finding the plan's own region, rebuilt from the skeletons, in its rendering.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from vanban.batch.extracts import cuts_after_body
from vanban.plan.model import Node, Paragraph, Plan
from vanban.problems import Mark
from vanban.renderer import build_context, rich

BASIS = "basis"
_BODY_OPEN, _BODY_CLOSE = "<w:body>", "</w:body>"
_PROBE_MARK = Mark("<vanban-batch-probe>", 1, 1)
SENTINEL = "vanban-batch-frame-7f3a"


def block_key(block: dict[str, Any]) -> tuple[Any, ...]:
    return (block["kind"], block["label"], block["text"], block["italic"], block["bold"])


def region_blocks(plan: Plan) -> list[dict[str, Any]]:
    """The legal bases and the body of ``plan``, as the template receives them."""
    context = build_context(plan)
    return list(context["bases"]) + list(context["body"])


@dataclass(frozen=True)
class Frame:
    """A rendered document.xml without its region: everything before and after it."""

    prefix: str
    suffix: str

    def document(self, region: str) -> bytes:
        return (self.prefix + region + self.suffix).encode("utf-8")


def _root_open(xml: str) -> str | None:
    start = xml.find("<w:document")
    end = xml.find(">", start)
    return xml[start:end + 1] if start >= 0 and end > start else None


class BodyModel:
    """How the template writes each kind of region paragraph: text before and after the runs."""

    def __init__(self, root_open: str) -> None:
        self.root_open = root_open
        self.pre: dict[str, str] = {}
        self.post: dict[str, str] = {}

    # --- serialising like python-docx --------------------------------------------------

    def _inner(self, paragraphs: Iterable[str]) -> list[str]:
        """Parse paragraphs with python-docx's parser and serialise them as it does."""
        xml = self.root_open + _BODY_OPEN + "".join(paragraphs) + _BODY_CLOSE + "</w:document>"
        text = etree.tostring(parse_xml(xml.encode("utf-8")), encoding="unicode")
        inner = text[text.index(_BODY_OPEN) + len(_BODY_OPEN):text.rindex(_BODY_CLOSE)]
        return inner.split("</w:p><w:p>")

    def needles(self, blocks: Sequence[dict[str, Any]]) -> list[str]:
        """What each block puts inside its paragraph: runs, or escaped text for a basis."""
        out: list[str] = []
        runs = [rich(b).xml for b in blocks if b["kind"] != BASIS]
        serialised = iter(self._serialise_runs(runs))
        for block in blocks:
            if block["kind"] == BASIS:
                element = etree.Element("t")
                element.text = block["text"]
                raw = etree.tostring(element, encoding="unicode")
                out.append(raw[len("<t>"):-len("</t>")] if raw != "<t/>" else "")
            else:
                out.append(next(serialised))
        return out

    def _serialise_runs(self, runs: list[str]) -> list[str]:
        if not runs:
            return []
        pieces = self._inner("<w:p>" + r + "</w:p>" for r in runs)
        pieces[0] = pieces[0][len("<w:p>"):]
        pieces[-1] = pieces[-1][:-len("</w:p>")]
        if len(pieces) != len(runs):
            raise ValueError("runs did not serialise one paragraph each")
        return pieces

    def keep_with_next(self, paragraph: str) -> str:
        """``paragraph`` with keep-with-next set the way the layout step sets it."""
        xml = self.root_open + _BODY_OPEN + paragraph + _BODY_CLOSE + "</w:document>"
        root = parse_xml(xml.encode("utf-8"))
        DocxParagraph(root[0][0], None).paragraph_format.keep_with_next = True
        text = etree.tostring(root, encoding="unicode")
        return text[text.index(_BODY_OPEN) + len(_BODY_OPEN):text.rindex(_BODY_CLOSE)]

    # --- building a region ---------------------------------------------------------------

    def knows(self, blocks: Iterable[dict[str, Any]]) -> bool:
        return all(b["kind"] in self.pre for b in blocks)

    def paragraphs(self, blocks: Sequence[dict[str, Any]]) -> list[str]:
        return [self.pre[b["kind"]] + needle + self.post[b["kind"]]
                for b, needle in zip(blocks, self.needles(blocks))]

    def region(self, blocks: Sequence[dict[str, Any]]) -> str:
        """The region of a document whose bases and body are ``blocks``."""
        paragraphs = self.paragraphs(blocks)
        if paragraphs:
            paragraphs[-1] = self.keep_with_next(paragraphs[-1])
        return "".join(paragraphs)

    def frame(self, document_xml: str, blocks: Sequence[dict[str, Any]]) -> Frame | None:
        """Cut ``document_xml`` around its region; None unless the region is found exactly."""
        if not blocks or not self.knows(blocks):
            return None
        region = self.region(blocks)
        at = document_xml.find(region)
        if at < 0 or document_xml.find(region, at + 1) >= 0:
            return None
        return Frame(document_xml[:at], document_xml[at + len(region):])


# --- learning ------------------------------------------------------------------------------

def _probe_node(depth: int, **fields: Any) -> Node:
    return Node(depth=depth, mark=_PROBE_MARK, **fields)


def probe_plan(plan: Plan) -> Plan:
    """``plan`` with a body holding every kind of paragraph once, before a final one.

    The last paragraph of a region differs (it keeps with the signature), so the closing
    kind is probed twice: the first teaches the skeleton, the second ends the region.
    """
    def p(n: int) -> Paragraph:
        return Paragraph(f"vanban-probe-{n}", _PROBE_MARK)

    plus = _probe_node(5, text="vanban-probe-plus")
    dash = _probe_node(4, text="vanban-probe-dash", content=[plus])
    point = _probe_node(3, text="vanban-probe-point", content=[dash])
    titled = _probe_node(2, title="vanban-probe-item-title", content=[point])
    item = _probe_node(2, text="vanban-probe-item", lead=("vanban-probe-lead",))
    section = _probe_node(1, title="vanban-probe-section", content=[p(2), titled, item])
    return dataclasses.replace(plan, bases=[Paragraph("vanban-probe-basis", _PROBE_MARK, italic=True)],
                               opening=[p(1)], sections=[section], closing=[p(3), p(4)])


def rest_follows_body(plan: Plan) -> bool:
    """Whether what the document prints after its body differs from one extract to
    another (:func:`~vanban.batch.extracts.cuts_after_body`). Its extracts are not cut from
    one frame then."""
    return cuts_after_body(plan)


def frame_plan(plan: Plan) -> Plan:
    """``plan`` with a one-paragraph body: renders its frame cheaply."""
    return dataclasses.replace(plan, bases=[], opening=[Paragraph(SENTINEL, _PROBE_MARK)],
                               sections=[], closing=[])


def learn(document_xml: str, blocks: Sequence[dict[str, Any]]) -> BodyModel | None:
    """Learn the paragraph skeletons from the rendering of :func:`probe_plan`.

    Returns None when the template does not render each region block as one paragraph of
    its own kind, contiguously, or when the skeletons do not reproduce the rendering.
    """
    root_open = _root_open(document_xml)
    if root_open is None:
        return None
    model = BodyModel(root_open)
    try:
        needles = model.needles(blocks)
    except (ValueError, etree.XMLSyntaxError):
        return None
    spans = []
    pos = document_xml.find(_BODY_OPEN)
    for needle in needles:
        at = document_xml.find(needle, pos)
        if at < 0 or not needle:
            return None
        start = max(document_xml.rfind("<w:p>", pos, at), document_xml.rfind("<w:p ", pos, at))
        end = document_xml.find("</w:p>", at + len(needle))
        if start < 0 or end < 0:
            return None
        spans.append((start, at, at + len(needle), end + len("</w:p>")))
        pos = end + len("</w:p>")
    if any(a[3] != b[0] for a, b in zip(spans, spans[1:])):
        return None  # something else sits between the paragraphs: not a plain region
    for block, (start, at, stop, end) in zip(blocks[:-1], spans[:-1]):
        pre, post = document_xml[start:at], document_xml[stop:end]
        kind = block["kind"]
        if model.pre.setdefault(kind, pre) != pre or model.post.setdefault(kind, post) != post:
            return None
    region = document_xml[spans[0][0]:spans[-1][3]]
    if not model.knows(blocks) or model.region(blocks) != region:
        return None
    return model
