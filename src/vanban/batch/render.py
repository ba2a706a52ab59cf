"""The renderer's pipeline, stopped before the zip: a plan's parts by name.

:func:`vanban.renderer.render_document` gives the document; only the last step (saving and
normalising the archive) is left to :mod:`vanban.batch.zipfast`, which writes the same bytes
from parts that are shared between copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vanban.batch.fragments import BodyModel, Frame, learn, probe_plan, region_blocks
from vanban.batch.parts import collect_parts
from vanban.plan.model import Plan
from vanban.renderer import render_document
from vanban.renderer.house import house_for


def render_parts(plan: Plan, template: str | Path | None = None) -> dict[str, bytes]:
    """Every part of ``plan``'s document, uncompressed, as the renderer would save it (in
    its project's house style, as ``vanban render`` would)."""
    return collect_parts(render_document(plan, template, house_for(plan.path)))


@dataclass
class Learned:
    """What one probe rendering teaches: the template's skeletons, and ``plan``'s frame and
    parts (all but document.xml are the plan's own: the probe only has another body)."""

    model: BodyModel
    frame: Frame
    parts: dict[str, bytes]


def learn_template(plan: Plan, template: str | Path | None = None) -> Learned | None:
    """Paragraph skeletons of ``template``, learned by rendering a probe built on ``plan``."""
    probe = probe_plan(plan)
    parts = render_parts(probe, template)
    xml = parts["word/document.xml"].decode("utf-8")
    blocks = region_blocks(probe)
    model = learn(xml, blocks)
    frame = model.frame(xml, blocks) if model is not None else None
    if model is None or frame is None:
        return None
    return Learned(model, frame, parts)
