"""What every ``vanban`` command shares: exit codes, the language option, error output.

Kept apart from :mod:`vanban.cli` so the command modules (:mod:`.diff`, :mod:`.batch` …) can
import it while ``cli`` imports them to register their commands.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from vanban.errors import VanbanError
from vanban.i18n import _, set_language, translate
from vanban.problems import Problem, Severity

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2

#: Translate a message now (for what a command prints); help texts are given as message
#: ids and translated when shown (:mod:`vanban.cli.localise`).
tr = translate


def print_problems(problems: list[Problem], sources: dict[str, list[str]] | None = None) -> None:
    from vanban.check.formats import format_text

    for problem in problems:
        lines = (sources or {}).get(problem.mark.path)
        line_of = (lambda n, ls=lines: ls[n - 1] if ls and 0 < n <= len(ls) else "") if lines else None
        click.echo(format_text(problem, line_of), err=True)


def checked_plan(path: Path, strict: bool) -> tuple[Any, dict[str, list[str]], bool]:
    """Read and check the plan at ``path`` as ``vanban check`` would, and print what was
    found. Returns the plan (None when it cannot be read), its source lines, and whether the
    findings should stop a rendering (errors, or warnings with ``strict``)."""
    from vanban.check.paths import check_file

    try:
        result = check_file(path)
    except VanbanError as error:
        fail(error)
    sources = {str(path): result.source.text.splitlines()} if result.source else {}
    print_problems(result.problems, sources)
    limit = Severity.WARNING if strict else Severity.ERROR
    return result.plan, sources, any(p.severity >= limit for p in result.problems)


def load_reported(path: Path, strict: bool) -> tuple[Any, dict[str, list[str]]]:
    """Read the plan at ``path`` and print its problems; the plan is None when it has errors
    (or warnings, with ``strict``). Also returns the source lines, for later problems."""
    from vanban.plan.loader import read_plan

    try:
        result = read_plan(path)
    except VanbanError as error:
        fail(error)
    sources = {str(path): result.source.text.splitlines()} if result.source else {}
    print_problems(result.problems, sources)
    limit = Severity.WARNING if strict else Severity.ERROR
    if result.plan is None or any(p.severity >= limit for p in result.problems):
        return None, sources
    return result.plan, sources


def print_error(error: VanbanError) -> None:
    click.echo(tr(_("Error: {message}")).format(message=error.message()), err=True)


def fail(error: VanbanError) -> None:
    print_error(error)
    sys.exit(EXIT_ERROR)


def watch_forever(files: Any, run: Any) -> None:
    """``--watch``: run now and after every save of ``files``, each run under a line with
    the time; a failed run is reported and the watch goes on; Ctrl-C ends it (exit 0)."""
    import datetime as dt

    from vanban.check.config import find_config_file
    from vanban.watch import watch

    def once() -> None:
        # a configuration made or removed since the last run counts: find it afresh
        find_config_file.cache_clear()
        click.echo(f"— {dt.datetime.now():%H:%M:%S} —", err=True)
        try:
            run()
        except SystemExit:  # a run's exit status is not the watcher's
            pass

    def report(exc: BaseException) -> None:
        message = exc.message() if isinstance(exc, VanbanError) else f"{type(exc).__name__}: {exc}"
        click.echo(tr(_("Error: {message}")).format(message=message), err=True)

    click.echo(tr(_("watching {count} file(s); Ctrl-C stops")).format(count=len(files)),
               err=True)
    try:
        watch(files, once, report)
    except KeyboardInterrupt:
        pass
    sys.exit(EXIT_OK)


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    # The top-level option starts every run afresh (the environment's language unless
    # given), so a program that runs several commands in one process gets each one's own;
    # a command's own --lang only changes it when given.
    if value or ctx.parent is None:
        set_language(value)
    return value


lang_option = click.option(
    "--lang", type=click.Choice(["vi", "en"]), callback=_set_lang, expose_value=False,
    is_eager=True, help=_("Language of messages (default: VANBAN_LANG, the locale, or vi)."))
