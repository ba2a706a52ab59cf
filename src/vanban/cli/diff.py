"""``vanban diff OLD.yaml NEW.yaml``: what changed between two versions of a plan.

A thin shell over :func:`vanban.diff.diff_plans` and :mod:`vanban.redline`. With ``-o`` it
writes the new version with the changes tracked (or, with ``--table``, the comparison
table); with ``--format`` (or without ``-o``) it prints a summary. Exit codes: 0 done (with
or without differences), 1 a plan has errors, 2 usage or I/O error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vanban.cli.common import (
    EXIT_OK, EXIT_PROBLEMS, fail, lang_option, load_reported, print_problems, tr,
)
from vanban.errors import PlanError, UsageError, VanbanError
from vanban.i18n import _


@click.command("diff", help=_(
    "Compare two versions of a plan. With -o, write the new version as a Word document "
    "whose tracked changes show the differences (or, with --table, the comparison table); "
    "with --format, or without -o, print a summary."))
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Write the redline (or the comparison table) to this .docx file."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]),
              help=_("Print a summary of the changes as text or JSON."))
@click.option("--table", is_flag=True,
              help=_("Write the side-by-side comparison table instead of the redline."))
@click.option("--author", default="vanban", show_default=True,
              help=_("Author of the tracked changes, as Word shows it."))
@click.option("--date", "date", metavar="DATE", help=_(
    "Date of the tracked changes: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS "
    "(default: SOURCE_DATE_EPOCH if set, else now)."))
@click.option("-t", "--template", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Word template to render both versions with."))
@click.option("--strict", is_flag=True, help=_("Treat warnings as errors."))
@click.option("-q", "--quiet", is_flag=True, help=_("Print nothing but problems."))
@lang_option
def diff(old: Path, new: Path, output: Path | None, fmt: str | None, table: bool, author: str,
         date: str | None, template: Path | None, strict: bool, quiet: bool) -> None:
    from vanban.collector import fewer_collections
    from vanban.diff import diff_plans
    from vanban.diff.summary import format_json, format_text
    from vanban.i18n import current_language
    from vanban.redline import parse_revision_date, revision_date

    try:
        if table and output is None:
            raise UsageError(_("--table writes a document: give it a file with -o"))
        if output is not None and output.suffix.lower() != ".docx":
            raise UsageError(_("the output {path} must end in .docx"), path=str(output))
        when = parse_revision_date(date) if date else revision_date()
    except UsageError as error:
        fail(error)
    plans = [load_reported(old, strict)[0], load_reported(new, strict)[0]]
    if None in plans:
        sys.exit(EXIT_PROBLEMS)
    old_plan, new_plan = plans
    lang = current_language()
    # the comparison and the redline in one stretch of rare collections (vanban.collector)
    with fewer_collections():
        changes = diff_plans(old_plan, new_plan)
        if output is not None:
            _write(output, old_plan, new_plan, changes, table=table, author=author, date=when,
                   template=template, lang=lang, quiet=quiet)
    if fmt == "json":
        click.echo(format_json(changes, lang), nl=False)
    elif fmt == "text" or output is None:
        click.echo(format_text(changes, lang), nl=False)
    sys.exit(EXIT_OK)


def _write(output: Path, old_plan, new_plan, changes, *, table: bool, author: str, date: str,
           template: Path | None, lang: str, quiet: bool) -> None:
    """Write the redline (or the comparison table) and say what it could not show."""
    from vanban.diff.summary import describe_unit
    from vanban.fsutil import atomic_write
    from vanban.redline import redline_bytes

    try:
        if table:
            from vanban.redline.table import comparison_table_bytes

            data = comparison_table_bytes(changes, author=author, date=date, lang=lang)
            missing = []
        else:
            redline = redline_bytes(old_plan, new_plan, author=author, date=date,
                                    template=template, diff=changes)
            data, missing = redline.data, redline.missing
        atomic_write(output, data)
    except PlanError as error:
        print_problems(error.problems)
        sys.exit(EXIT_PROBLEMS)
    except VanbanError as error:
        fail(error)
    if missing:
        click.echo(tr(_(
            "warning: {count} change(s) cannot be shown in the document because the "
            "template does not print them: {parts}")).format(
            count=len(missing), parts="; ".join(describe_unit(u, lang) for u in missing)),
            err=True)
    if not quiet:
        click.echo(tr(_("wrote {path}")).format(path=output), err=True)
