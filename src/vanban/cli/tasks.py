"""``vanban tasks PLANS…``: the assignment ledger — every task of the plans given, one row
per task and agency role, with where its deadline stands — as a table, CSV, Excel,
iCalendar or JSON. A thin shell over :mod:`vanban.ledger` (docs/tasks.md).

Exit codes: 0 done, 1 a plan has errors (reported, positioned, as ``vanban check`` does; the
other plans' rows are still written), 2 usage or I/O error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vanban.cli.common import EXIT_OK, EXIT_PROBLEMS, fail, lang_option, print_problems, tr
from vanban.errors import UsageError, VanbanError
from vanban.i18n import _

FORMATS = ("table", "csv", "xlsx", "ics", "json")  # as vanban.ledger.FORMATS, kept light


def _parsed(value: str, partial: bool):
    from vanban.text.vnformat import parse_date

    try:
        return parse_date(value, allow_partial=partial)
    except ValueError:
        hint = (_("“{value}” is not a date: write it as YYYY-MM-DD or DD/MM/YYYY, or a month "
                  "(MM/YYYY) or a year") if partial else
                _("“{value}” is not a date: write it as YYYY-MM-DD or DD/MM/YYYY"))
        raise click.BadParameter(tr(hint).format(value=value)) from None


def _day(ctx: click.Context, param: click.Parameter, value: str | None):
    """--today: a whole day."""
    return None if value is None else _parsed(value, partial=False).to_date()


def _start(ctx: click.Context, param: click.Parameter, value: str | None):
    """--from: a day, or the first day of a month (``7/2026``) or a year."""
    if value is None:
        return None
    import datetime as _dt

    date = _parsed(value, partial=True)
    return _dt.date(date.year, date.month or 1, date.day or 1)


def _end(ctx: click.Context, param: click.Parameter, value: str | None):
    """--to: a day, or the last day of a month or a year, as a deadline of a month counts."""
    if value is None:
        return None
    from vanban.ledger import due_date

    return due_date(_parsed(value, partial=True))


def _terminal_width() -> int:
    import shutil

    return max(80, shutil.get_terminal_size((120, 24)).columns)


def _write(path: Path, data: bytes) -> None:
    """Write atomically; a device or a pipe (``/dev/stdout``) is written through, since a
    rename would replace the device itself with a plain file."""
    from vanban.fsutil import atomic_write

    if path.exists() and not path.is_file() and not path.is_dir():
        try:
            with path.open("wb") as fh:
                fh.write(data)
        except OSError as exc:
            from vanban.errors import OutputError, os_reason

            raise OutputError(_("cannot write {path}: {reason}"), path=str(path),
                              reason=os_reason(exc)) from None
        return
    atomic_write(path, data)


def _unnamed_agency(agency: str, rows, chosen) -> None:
    """Say that no task names the agency (only groups that may include it, or nothing at
    all), with the names nearest to it: most often a misspelt name, which would otherwise
    give an empty or a group-only ledger and no clue why."""
    from vanban.ledger.select import close_names

    if chosen:
        message = _("note: no task of these plans names “{name}”; only the tasks of groups "
                    "that may include it are listed")
    else:
        message = _("warning: no task of these plans is given to “{name}”")
    click.echo(tr(message).format(name=agency), err=True)
    near = close_names(rows, agency)
    if near:
        click.echo(tr(_("did you mean: {names}?")).format(
            names=", ".join(f"“{n}”" for n in near)), err=True)


@click.command(help=_(
    "List the tasks of plans (files, folders, .docx or .txt documents): one row per task and "
    "agency, with its deadline and whether it is overdue, as a table, CSV, Excel, iCalendar "
    "or JSON."))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--agency", metavar="NAME", help=_(
    "Only this agency's tasks, led or supported, however the plans write its name "
    "(abbreviations, case); tasks of groups that may include it are shown too, marked."))
@click.option("--named-only", is_flag=True, help=_(
    "With --agency, leave out the tasks of groups (“Các sở, ban, ngành”) that may include it."))
@click.option("--from", "start", metavar="DATE", callback=_start, help=_(
    "Only tasks due on or after this date (a month or a year: from its first day)."))
@click.option("--to", "end", metavar="DATE", callback=_end, help=_(
    "Only tasks due on or before this date (a month or a year: up to its last day)."))
@click.option("--today", metavar="DATE", callback=_day, help=_(
    "Judge deadlines as of this date (default: today)."))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table",
              help=_("Output format (default: table)."))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=_("File to write (default: standard output; xlsx needs a file)."))
@click.option("-q", "--quiet", is_flag=True, help=_("Print nothing but problems."))
@lang_option
def tasks(paths: tuple[Path, ...], agency: str | None, named_only: bool, start, end, today,
          fmt: str, output: Path | None, quiet: bool) -> None:
    import datetime as _dt

    from vanban.ledger import Options, read_ledger, select, write
    from vanban.ledger.select import is_name

    to_stdout = output is None or str(output) == "-"
    try:
        if fmt == "xlsx" and to_stdout:
            raise UsageError(_("the xlsx format writes a file: give it with -o"))
        if start and end and start > end:
            raise UsageError(_("--from {start} is after --to {end}"), start=start.isoformat(),
                             end=end.isoformat())
        if named_only and agency is None:
            raise UsageError(_("--named-only chooses among an agency's tasks: give --agency"))
        if agency is not None and not is_name(agency):
            raise UsageError(_("--agency “{name}” names no agency: give its name, as “Sở Tư "
                               "pháp” or “STP”"), name=agency)
        today = today or _dt.date.today()
        ledger = read_ledger(paths, today=today)
    except VanbanError as error:
        fail(error)
    print_problems(ledger.problems, ledger.lines)
    for left_out, kept in ledger.repeated:
        click.echo(tr(_("{path}: the same plan as {first}, listed once")).format(
            path=left_out, first=kept), err=True)
    rows = select(ledger.rows, agency=agency, named_only=named_only)
    if agency is not None and all(r.via_group for r in rows):
        _unnamed_agency(agency, ledger.rows, rows)
    rows = select(rows, start=start, end=end)
    width = _terminal_width() if to_stdout and sys.stdout.isatty() else 120
    data = write(rows, fmt, Options(today=today, agency=agency, width=width))
    if to_stdout:
        # through sys.stdout (not click.get_binary_stream, which click 8.5 takes from the
        # process rather than from a CliRunner), after any text already written there
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        try:
            _write(output, data)
        except VanbanError as error:
            fail(error)
    if not quiet:
        overdue = sum(r.status == "overdue" for r in rows)
        soon = sum(r.status == "due-soon" for r in rows)
        click.echo(tr(_("{rows} task row(s) from {plans} plan(s): {overdue} overdue, {soon} "
                        "due within 7 days")).format(rows=len(rows), plans=ledger.plans,
                                                      overdue=overdue, soon=soon), err=True)
        if not to_stdout:
            click.echo(tr(_("wrote {path}")).format(path=output), err=True)
    sys.exit(EXIT_PROBLEMS if ledger.failed else EXIT_OK)
