"""``vanban record``: the e-office record of outgoing documents (Decree 30, Phụ lục VI) and
their lines in the register of outgoing documents (Phụ lục IV)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vanban.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PROBLEMS,
    fail,
    lang_option,
    load_reported,
    print_error,
    print_problems,
    tr,
)
from vanban.errors import VanbanError
from vanban.i18n import _

FORMATS = ("json", "xml", "register-csv")


@click.command(help=_(
    "Print the e-office record of each PLAN (or of the plans in a folder): the input fields of an outgoing document as "
    "Decree 30, Phụ lục VI defines them (JSON or XML), or its line in the register of "
    "outgoing documents of Phụ lục IV (register-csv)."))
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json",
              show_default=True, help=_("Output format."))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Write to this file instead of standard output."))
@click.option("-t", "--template", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Word template to use instead of the built-in one."))
@click.option("--estimate", is_flag=True, help=_(
    "Estimate the page count from the text instead of measuring it with LibreOffice."))
@click.option("--no-header", is_flag=True, help=_(
    "With register-csv: the lines only, to append to a register."))
@click.option("-q", "--quiet", is_flag=True, help=_("Print nothing but problems."))
@lang_option
def record(plans: tuple[Path, ...], fmt: str, output: Path | None, template: Path | None,
           estimate: bool, no_header: bool, quiet: bool) -> None:
    from vanban.record import (
        MEASURED,
        build_records,
        record_problems,
        register_row,
        to_json,
        to_register_csv,
        to_xml,
    )

    from vanban.check.paths import collect

    try:
        files = collect(plans)  # folders give the plans in them, as for vanban check
    except VanbanError as error:
        fail(error)
    loaded, sources, status = [], {}, EXIT_OK
    for path in files:
        plan, lines = load_reported(path, strict=False)
        sources.update(lines)
        if plan is None:
            status = EXIT_PROBLEMS
        else:
            loaded.append(plan)
    if status != EXIT_OK:
        sys.exit(status)
    try:
        records = build_records(loaded, template=template, office=not estimate)
    except VanbanError as error:
        print_error(error)
        sys.exit(EXIT_ERROR)
    problems = [p for r in records for p in record_problems(r)]
    if problems:
        print_problems(problems, sources)
        sys.exit(EXIT_PROBLEMS)
    if not quiet:
        for rec in records:
            how = _("measured by LibreOffice") if rec.page_source == MEASURED else _("estimated")
            click.echo(tr(_("{path}: {pages} page(s), {how}")).format(
                path=rec.plan, pages=rec.fields.get("PageAmount", "?"), how=tr(how)), err=True)
    if fmt == "json":
        text = to_json(records)
    elif fmt == "xml":
        text = to_xml(records)
    else:
        text = to_register_csv([register_row(p, r) for p, r in zip(loaded, records)],
                               header=not no_header)
    if output is None:
        click.echo(text, nl=False)
        return
    from vanban.fsutil import atomic_write

    # a spreadsheet opens a CSV file as UTF-8 only with the byte-order mark
    data = ("\ufeff" + text if fmt == "register-csv" and not no_header else text).encode("utf-8")
    try:
        atomic_write(output, data)
    except VanbanError as error:
        fail(error)
    if not quiet:
        click.echo(tr(_("wrote {path}")).format(path=output), err=True)
