"""``vanban check`` and ``vanban rules``: the checker and its documentation."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from vanban.cli.common import (
    EXIT_OK, EXIT_PROBLEMS, fail, lang_option, print_problems, tr, watch_forever,
)
from vanban.errors import VanbanError
from vanban.i18n import _, translate
from vanban.problems import Severity

FORMATS = ("auto", "text", "parsable", "json", "github")


def _today(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from vanban.text.vnformat import parse_date

    try:
        return parse_date(value).to_date()
    except ValueError:
        raise click.BadParameter(tr(_("write the date as YYYY-MM-DD"))) from None


def _codes(value: str | None) -> list[str] | None:
    return [c.strip() for c in value.split(",") if c.strip()] if value else None


@click.command(help=_(
    "Check plan files or folders against Decree 30 and the house rules; --fix repairs what is "
    "certain."))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="auto",
              help=_("Output format (auto: github annotations under GitHub Actions, else "
                        "text)."))
@click.option("--strict", is_flag=True, help=_("Fail (exit 1) on warnings too."))
@click.option("--fix", is_flag=True, help=_(
    "Rewrite the plans in place to fix what is certain (NFC, legacy encodings, spaces, leading "
    "zeros, the Tiêu ngữ dash …), keeping comments and layout."))
@click.option("--diff", "show_diff", is_flag=True, help=_(
    "Show what --fix would change, as a unified diff, without changing any file (exit 1 "
    "when there is something to fix)."))
@click.option("-c", "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Configuration file (default: the nearest .vanban.yaml or "
                        "pyproject.toml [tool.vanban])."))
@click.option("--select", help=_("Only these rules (codes or names, comma-separated)."))
@click.option("--ignore", help=_("Skip these rules (codes or names, comma-separated)."))
@click.option("--today", callback=_today, help=_(
    "Check as if today were this date (YYYY-MM-DD), for dates in the future."))
@click.option("--annotate", "annotate_to", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Also write a copy of the .docx (of a plan: its rendering) with every "
                     "finding as a Word comment on the text it is about; dated --today, else "
                     "the document's modified date."))
@click.option("-w", "--watch", is_flag=True, help=_(
    "Keep running: check again whenever a plan or its configuration is saved (Ctrl-C "
    "stops)."))
@lang_option
def check(paths: tuple[Path, ...], fmt: str, strict: bool, fix: bool, show_diff: bool,
          config_path: Path | None, select: str | None, ignore: str | None, today,
          annotate_to: Path | None, watch: bool) -> None:
    run = functools.partial(_check, paths, fmt, strict, fix, show_diff, config_path, select,
                            ignore, today, annotate_to)
    if watch:
        from vanban.check.paths import collect
        from vanban.watch import watched_files

        try:
            files = watched_files(collect(paths))
        except VanbanError as error:
            fail(error)
        if config_path is not None:
            files.add(config_path.resolve())
        watch_forever(files, run)
    run()


def _check(paths: tuple[Path, ...], fmt: str, strict: bool, fix: bool, show_diff: bool,
           config_path: Path | None, select: str | None, ignore: str | None, today,
           annotate_to: Path | None) -> None:
    import os

    from vanban.check.fixer import fix_file
    from vanban.check.formats import format_github, format_json, format_parsable, format_summary
    from vanban.check.paths import check_paths
    from vanban.errors import ConfigError

    if fix and show_diff:
        fail(VanbanError(_("--fix changes the files and --diff only shows the changes: "
                           "choose one")))
    if annotate_to is not None:
        from vanban.review.files import check_target

        if fix or show_diff:
            fail(VanbanError(_("--annotate writes a commented copy of the file as it is: "
                               "run --fix first, then --annotate")))
        try:
            check_target(paths, annotate_to)
        except VanbanError as error:
            fail(error)
    try:
        if show_diff:
            from vanban.check.config import config_for
            from vanban.check.paths import collect

            pending = False
            for path in collect(paths):
                if path.suffix.lower() not in (".yaml", ".yml"):
                    continue  # documents are checked, never rewritten
                outcome = fix_file(path, config=config_for(path, config_path), today=today,
                                   select=_codes(select), ignore=_codes(ignore), write=False)
                if outcome.diff():
                    pending = True
                    click.echo(outcome.diff(), nl=False)
            sys.exit(EXIT_PROBLEMS if pending else EXIT_OK)
        if fix:
            from vanban.check.config import config_for
            from vanban.check.paths import collect

            for path in collect(paths):
                outcome = fix_file(path, config=config_for(path, config_path), today=today,
                                   select=_codes(select), ignore=_codes(ignore))
                for problem in outcome.fixed:
                    click.echo(tr(_("fixed {where}: {message} [{code}]")).format(
                        where=problem.mark, message=problem.message(), code=problem.code), err=True)
        report = check_paths(paths, config_path=config_path, today=today,
                             select=_codes(select), ignore=_codes(ignore))
    except ConfigError as error:
        print_problems(error.problems)
        fail(error)
    except VanbanError as error:
        fail(error)
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    problems = report.problems
    if fmt == "json":
        click.echo(format_json(problems))
    elif fmt == "github":
        for problem in problems:
            click.echo(format_github(problem))
    elif fmt == "parsable":
        for problem in problems:
            click.echo(format_parsable(problem))
    else:
        from vanban.check.formats import format_text

        sources = {f.path: f for f in report.files}
        read: dict[str, list[str]] = {}  # each file's lines once, not once per problem
        for problem in problems:
            path = problem.mark.path
            if path not in read:
                found = sources.get(path)
                read[path] = found.lines() if found else []
            lines = read[path]

            click.echo(format_text(problem, (lambda n, ls=lines: ls[n - 1]
                                             if ls and 0 < n <= len(ls) else "")))
        click.echo(format_summary(report.count(Severity.ERROR), report.count(Severity.WARNING),
                                  report.count(Severity.INFO), len(report.files)), err=True)
    if annotate_to is not None:
        from vanban.review.files import annotate_file

        try:
            annotated = annotate_file(report.files[0], annotate_to, config_path=config_path,
                                      today=today, select=_codes(select), ignore=_codes(ignore))
        except VanbanError as error:
            fail(error)
        click.echo(tr(_("wrote {path} with {count} comment(s)")).format(
            path=annotate_to, count=annotated.comments), err=True)
    sys.exit(EXIT_PROBLEMS if report.failed(strict) else EXIT_OK)


@click.command(help=_("List the checker's rules, or show one rule's documentation."))
@click.argument("rule", required=False)
@lang_option
def rules(rule: str | None) -> None:
    from vanban.check.formats import severity_word
    from vanban.rules import all_rules, get_rule
    from vanban.rules.docs import documentation

    if rule is None:
        for item in all_rules():
            fixable = " *" if item.fixable else ""
            click.echo(f"{item.code}  {item.name:<24} {severity_word(item.severity):<9} "
                       f"{translate(item.summary)}{fixable}")
        click.echo(tr(_("* can be fixed with `vanban check --fix`")))
        return
    found = get_rule(rule)
    if found is None:
        fail(VanbanError(_("unknown rule “{key}”; `vanban rules` lists them"), key=rule))
    click.echo(f"{found.code} {found.name} ({severity_word(found.severity)}): "
               f"{translate(found.summary)}\n")
    click.echo(documentation(found))
