"""``vanban render``, ``vanban schema`` and ``vanban new``: plans to documents, the plan
format's schema, a starting plan."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from vanban.cli.common import (
    EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, checked_plan, fail, lang_option, print_error,
    print_problems, tr, watch_forever,
)
from vanban.errors import PlanError, VanbanError
from vanban.i18n import _


@click.command(help=_(
    "Render PLAN.yaml files to Word documents laid out as Decree 30 prescribes."))
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help=_("Output .docx file, or a directory (default: <plan>.docx here)."))
@click.option("-t", "--template", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Word template to use instead of the built-in one."))
@click.option("--strict", is_flag=True, help=_("Treat warnings as errors."))
@click.option("--force", is_flag=True, help=_(
    "Render even when the check finds errors (a draft in progress); a plan that cannot be "
    "read is never rendered."))
@click.option("-q", "--quiet", is_flag=True, help=_("Print nothing but problems."))
@click.option("-w", "--watch", is_flag=True, help=_(
    "Keep running: render again whenever a plan, its configuration or the template is "
    "saved (Ctrl-C stops)."))
@lang_option
def render(plans: tuple[Path, ...], output: Path | None, template: Path | None, strict: bool,
           force: bool, quiet: bool, watch: bool) -> None:
    if len(plans) > 1 and output is not None and output.suffix.lower() == ".docx":
        fail(VanbanError(_("several plans need an output directory, not a file")))
    if watch:
        from vanban.watch import watched_files

        watch_forever(watched_files(plans, template),
                      lambda: _render_all(plans, output, template, strict, force, quiet))
    sys.exit(_render_all(plans, output, template, strict, force, quiet))


def _render_all(plans: tuple[Path, ...], output: Path | None, template: Path | None,
                strict: bool, force: bool, quiet: bool) -> int:
    """Check and render each plan; the exit status."""
    from vanban.renderer import render as render_plan

    status = EXIT_OK
    for plan_path in plans:
        plan, sources, refused = checked_plan(plan_path, strict)
        if plan is None or (refused and not force):
            if plan is not None:
                click.echo(tr(_(
                    "{path} was not rendered: mend the errors above, or render a draft as it "
                    "is with --force")).format(path=plan_path), err=True)
            status = EXIT_PROBLEMS
            continue
        try:
            written = render_plan(plan, output, template=template)
        except PlanError as error:
            print_problems(error.problems, sources)
            status = EXIT_PROBLEMS
            continue
        except VanbanError as error:
            print_error(error)
            status = EXIT_ERROR
            continue
        if not quiet:
            click.echo(tr(_("wrote {path}")).format(path=written), err=True)
    return status


@click.command(help=_("Print the JSON Schema of plan files (for editor completion)."))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Write the schema to this file instead of standard output."))
@lang_option
def schema(output: Path | None) -> None:
    from vanban.fsutil import atomic_write
    from vanban.i18n import current_language
    from vanban.plan.schema import json_schema

    text = json.dumps(json_schema(current_language()), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        atomic_write(output, text.encode("utf-8"))
    except VanbanError as error:
        fail(error)


@click.command(help=_("Write a commented starting plan to PATH (or print it)."))
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-t", "--type", "doctype", default="KH", show_default=True, help=_(
    "Document type, by its code or name: KH, QĐ, “Công văn”, TB, BC, TTr, CT, CĐ, GM, BB."))
@click.option("--attached", is_flag=True, help=_(
    "With --type QĐ: a decision that issues a Kế hoạch (Mẫu 1.3), with its appendices."))
@click.option("-f", "--force", is_flag=True, help=_("Overwrite PATH if it exists."))
@lang_option
def new(path: Path | None, doctype: str, attached: bool, force: bool) -> None:
    from vanban.fsutil import atomic_write
    from vanban.plan.starter import starter_plan

    try:
        text = starter_plan(doctype, attached=attached)
    except VanbanError as error:
        fail(error)
    if path is None:
        click.echo(text, nl=False)
        return
    if path.exists() and not force:
        fail(VanbanError(_("{path} already exists; use --force to overwrite it"), path=str(path)))
    try:
        atomic_write(path, text.encode("utf-8"))
    except VanbanError as error:
        fail(error)
    click.echo(tr(_("wrote {path}")).format(path=path), err=True)
