"""The render pipeline, once: plan → context → docxtpl → layout → a reproducible .docx.

:func:`render_document` stops before saving, for callers that write the parts themselves
(batch copies); :func:`render_bytes` saves and normalises the archive; :func:`render`
writes it atomically. Render, batch and redline all go through here.
"""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

from docx.document import Document

from vanban.errors import OutputError, UsageError, os_reason
from vanban.fsutil import atomic_write
from vanban.i18n import _
from vanban.plan.loader import load_plan
from vanban.plan.model import Plan
from vanban.record.properties import embed_record
from vanban.renderer import layout
from vanban.renderer.context import build_context
from vanban.renderer.engine import render_template
from vanban.renderer.package import normalise_zip


def default_template() -> Path:
    """The template shipped inside the package (same as the project's ``templates/``)."""
    return Path(str(resources.files("vanban").joinpath("templates/ke-hoach.docx")))


def template_path(template: str | Path | None) -> Path:
    """``template``, or the default one."""
    return Path(template) if template else default_template()


def render_document(plan: Plan, template: str | Path | None = None) -> Document:
    """The python-docx document of ``plan``: the template filled and the layout fitted."""
    if not plan.doctype.renderable:
        raise UsageError(_(
            "vanban does not lay out a {name} yet; it renders the types of the decree's "
            "Mẫu 1.4 (Kế hoạch, Báo cáo, Chương trình, …), Quyết định, Công văn, Công điện, "
            "Giấy mời and Biên bản"),
            name=plan.doctype.name)
    context = build_context(plan)
    tpl = render_template(template_path(template), context)
    layout.apply(tpl.docx, plan, [part["landscape"] for part in context["parts"]])
    embed_record(tpl.docx, plan)
    return tpl.docx


def render_bytes(plan: Plan, template: str | Path | None = None) -> bytes:
    """The .docx of ``plan`` as bytes; the same plan and template always give the same bytes."""
    buf = io.BytesIO()
    render_document(plan, template).save(buf)
    return normalise_zip(buf.getvalue())


def output_path(plan_path: str | Path, output: str | Path | None) -> Path:
    """Where ``render`` writes: ``output`` if it names a .docx file, ``output/<plan>.docx``
    for a directory (existing or not), or ``<plan>.docx`` in the current directory."""
    name = Path(plan_path).with_suffix(".docx").name
    if output is None:
        return Path(name)
    out = Path(output)
    if out.suffix.lower() == ".docx" and not out.is_dir():
        return out
    if out.suffix and not out.is_dir():
        raise UsageError(_("the output {path} must end in .docx or be a directory"), path=str(out))
    return out / name


def render(plan: Plan | str | Path, output: str | Path | None = None, *,
           template: str | Path | None = None) -> Path:
    """Render ``plan`` (a Plan or a plan file) and write it atomically; return the path."""
    if not isinstance(plan, Plan):
        plan = load_plan(plan)
    target = output_path(plan.path, output)
    data = render_bytes(plan, template)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("cannot write {path}: {reason}"), path=str(target),
                          reason=os_reason(exc)) from None
    return atomic_write(target, data)
