"""``vanban import``: an existing document (.docx, .txt) into a plan file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vanban.cli.common import (
    EXIT_PROBLEMS,
    fail,
    lang_option,
    print_problems,
    tr,
)
from vanban.errors import VanbanError
from vanban.i18n import _


@click.command("import", help=_(
    "Import an existing document (.docx or .txt) into a plan YAML file."))
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Plan file to write (default: <document>.yaml here; - for standard "
                        "output)."))
@click.option("-f", "--force", is_flag=True, help=_("Overwrite the plan file if it exists."))
@lang_option
def import_(document: Path, output: Path | None, force: bool) -> None:
    from vanban.check.results import excerpt_lines
    from vanban.document.importer import import_file
    from vanban.fsutil import atomic_write
    from vanban.plan.loader import read_plan

    try:
        text, result = import_file(document)
    except VanbanError as error:
        fail(error)
    lines = excerpt_lines(result.document) if result.document.kind == "docx" else \
        document.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    print_problems(result.problems, {str(document): lines})
    check = read_plan(document.with_suffix(".yaml"), text.encode("utf-8"))
    if check.plan is None:  # an importer bug: say so rather than write a broken plan
        print_problems(check.problems, {str(document.with_suffix(".yaml")): text.splitlines()})
        sys.exit(EXIT_PROBLEMS)
    if output is not None and str(output) == "-":
        click.echo(text, nl=False)
        return
    target = output or Path(document.with_suffix(".yaml").name)
    if target.exists() and not force:
        fail(VanbanError(_("{path} already exists; use --force to overwrite it"),
                          path=str(target)))
    try:
        atomic_write(target, text.encode("utf-8"))
    except VanbanError as error:
        fail(error)
    click.echo(tr(_("wrote {path}")).format(path=target), err=True)
