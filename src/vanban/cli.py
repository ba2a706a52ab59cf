"""The ``vanban`` command: a thin shell over the library API.

Exit codes are a contract: 0 success, 1 the plan has error-level problems (or warnings
under ``--strict``), 2 a usage, template or I/O error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from vanban import __version__
from vanban.cli_common import (  # noqa: F401  (shared with the command modules)
    EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, _fail, _print_problems, lang_option, load_reported, tr,
)
from vanban.errors import PlanError, VanbanError
from vanban.i18n import _, translate
from vanban.problems import Severity


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, help=tr(_(
    "vanban — build and check Vietnamese administrative documents (Decree 30/2020/NĐ-CP).")))
@click.version_option(__version__, prog_name="vanban")
@lang_option
def main() -> None:
    pass


@main.command(help=tr(_(
    "Render PLAN.yaml files to Word documents laid out as Decree 30 prescribes.")))
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help=tr(_("Output .docx file, or a directory (default: <plan>.docx here).")))
@click.option("-t", "--template", type=click.Path(dir_okay=False, path_type=Path),
              help=tr(_("Word template to use instead of the built-in one.")))
@click.option("--strict", is_flag=True, help=tr(_("Treat warnings as errors.")))
@click.option("-q", "--quiet", is_flag=True, help=tr(_("Print nothing but problems.")))
@lang_option
def render(plans: tuple[Path, ...], output: Path | None, template: Path | None, strict: bool,
           quiet: bool) -> None:
    from vanban.renderer import render as render_plan

    if len(plans) > 1 and output is not None and output.suffix.lower() == ".docx":
        _fail(VanbanError(_("several plans need an output directory, not a file")))
    status = EXIT_OK
    for plan_path in plans:
        plan, sources = load_reported(plan_path, strict)
        if plan is None:
            status = EXIT_PROBLEMS
            continue
        try:
            written = render_plan(plan, output, template=template)
        except PlanError as error:
            _print_problems(error.problems, sources)
            status = EXIT_PROBLEMS
            continue
        except VanbanError as error:
            _fail(error)
        if not quiet:
            click.echo(tr(_("wrote {path}")).format(path=written), err=True)
    sys.exit(status)


@main.command(help=tr(_("Print the JSON Schema of plan files (for editor completion).")))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=tr(_("Write the schema to this file instead of standard output.")))
@lang_option
def schema(output: Path | None) -> None:
    from vanban.fsutil import atomic_write
    from vanban.i18n import current_language
    from vanban.schema import json_schema

    text = json.dumps(json_schema(current_language()), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        atomic_write(output, text.encode("utf-8"))
    except VanbanError as error:
        _fail(error)


@main.command(help=tr(_("Write a commented starting plan to PATH (or print it).")))
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--force", is_flag=True, help=tr(_("Overwrite PATH if it exists.")))
@lang_option
def new(path: Path | None, force: bool) -> None:
    from vanban.fsutil import atomic_write
    from vanban.starter import starter_plan

    text = starter_plan()
    if path is None:
        click.echo(text, nl=False)
        return
    if path.exists() and not force:
        _fail(VanbanError(_("{path} already exists; use --force to overwrite it"), path=str(path)))
    try:
        atomic_write(path, text.encode("utf-8"))
    except VanbanError as error:
        _fail(error)
    click.echo(tr(_("wrote {path}")).format(path=path), err=True)


FORMATS = ("auto", "text", "parsable", "json", "github")


def _today(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from vanban.vnformat import parse_date

    try:
        return parse_date(value).to_date()
    except ValueError:
        raise click.BadParameter(tr(_("write the date as YYYY-MM-DD"))) from None


def _codes(value: str | None) -> list[str] | None:
    return [c.strip() for c in value.split(",") if c.strip()] if value else None


@main.command(help=tr(_(
    "Check plan files or folders against Decree 30 and the house rules; --fix repairs what is "
    "certain.")))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="auto",
              help=tr(_("Output format (auto: github annotations under GitHub Actions, else "
                        "text).")))
@click.option("--strict", is_flag=True, help=tr(_("Fail (exit 1) on warnings too.")))
@click.option("--fix", is_flag=True, help=tr(_(
    "Rewrite the plans in place to fix what is certain (NFC, legacy encodings, spaces, leading "
    "zeros, the Tiêu ngữ dash …), keeping comments and layout.")))
@click.option("-c", "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help=tr(_("Configuration file (default: the nearest .vanban.yaml or "
                        "pyproject.toml [tool.vanban]).")))
@click.option("--select", help=tr(_("Only these rules (codes or names, comma-separated).")))
@click.option("--ignore", help=tr(_("Skip these rules (codes or names, comma-separated).")))
@click.option("--today", callback=_today, help=tr(_(
    "Check as if today were this date (YYYY-MM-DD), for dates in the future.")))
@lang_option
def check(paths: tuple[Path, ...], fmt: str, strict: bool, fix: bool, config_path: Path | None,
          select: str | None, ignore: str | None, today) -> None:
    import os

    from vanban.checker import check_paths
    from vanban.config import ConfigError
    from vanban.fixer import fix_file
    from vanban.report import format_github, format_json, format_parsable, format_summary

    try:
        if fix:
            from vanban.checker import collect
            from vanban.config import config_for

            for path in collect(paths):
                outcome = fix_file(path, config=config_for(path, config_path), today=today,
                                   select=_codes(select), ignore=_codes(ignore))
                for problem in outcome.fixed:
                    click.echo(tr(_("fixed {where}: {message} [{code}]")).format(
                        where=problem.mark, message=problem.message(), code=problem.code), err=True)
        report = check_paths(paths, config_path=config_path, today=today,
                             select=_codes(select), ignore=_codes(ignore))
    except ConfigError as error:
        _print_problems(error.problems)
        _fail(error)
    except VanbanError as error:
        _fail(error)
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
        sources = {f.path: f for f in report.files}
        for problem in problems:
            found = sources.get(problem.mark.path)
            lines = found.lines() if found else []
            from vanban.report import format_text

            click.echo(format_text(problem, (lambda n, ls=lines: ls[n - 1]
                                             if ls and 0 < n <= len(ls) else "")))
        click.echo(format_summary(report.count(Severity.ERROR), report.count(Severity.WARNING),
                                  report.count(Severity.INFO), len(report.files)), err=True)
    sys.exit(EXIT_PROBLEMS if report.failed(strict) else EXIT_OK)


@main.command(help=tr(_("List the checker's rules, or show one rule's documentation.")))
@click.argument("rule", required=False)
@lang_option
def rules(rule: str | None) -> None:
    from vanban.report import severity_word
    from vanban.rules import all_rules, get_rule

    if rule is None:
        for item in all_rules():
            fixable = " *" if item.fixable else ""
            click.echo(f"{item.code}  {item.name:<24} {severity_word(item.severity):<9} "
                       f"{translate(item.summary)}{fixable}")
        click.echo(tr(_("* can be fixed with `vanban check --fix`")))
        return
    found = get_rule(rule)
    if found is None:
        _fail(VanbanError(_("unknown rule “{key}”; `vanban rules` lists them"), key=rule))
    click.echo(f"{found.code} {found.name} ({severity_word(found.severity)}): "
               f"{translate(found.summary)}\n")
    click.echo(found.doc.strip())


@main.command("import", help=tr(_(
    "Import an existing document (.docx or .txt) into a plan YAML file.")))
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=tr(_("Plan file to write (default: <document>.yaml here; - for standard "
                        "output).")))
@click.option("-f", "--force", is_flag=True, help=tr(_("Overwrite the plan file if it exists.")))
@lang_option
def import_(document: Path, output: Path | None, force: bool) -> None:
    from vanban.document.importer import import_file
    from vanban.fsutil import atomic_write
    from vanban.loader import read_plan

    try:
        text, result = import_file(document)
    except VanbanError as error:
        _fail(error)
    lines = [p.text for p in result.document.paras] if result.document.kind == "docx" else \
        document.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    _print_problems(result.problems, {str(document): lines})
    check = read_plan(document.with_suffix(".yaml"), text.encode("utf-8"))
    if check.plan is None:  # an importer bug: say so rather than write a broken plan
        _print_problems(check.problems, {str(document.with_suffix(".yaml")): text.splitlines()})
        sys.exit(EXIT_PROBLEMS)
    if output is not None and str(output) == "-":
        click.echo(text, nl=False)
        return
    target = output or Path(document.with_suffix(".yaml").name)
    if target.exists() and not force:
        _fail(VanbanError(_("{path} already exists; use --force to overwrite it"),
                          path=str(target)))
    try:
        atomic_write(target, text.encode("utf-8"))
    except VanbanError as error:
        _fail(error)
    click.echo(tr(_("wrote {path}")).format(path=target), err=True)


from vanban.cli_batch import batch as _batch  # noqa: E402
from vanban.cli_diff import diff as _diff  # noqa: E402

main.add_command(_batch)
main.add_command(_diff)


def run() -> None:
    """Console entry point: ``main`` with a last line of defence against tracebacks."""
    import os

    try:
        main(standalone_mode=True)
    except Exception as exc:  # a bug in vanban, not in the user's plan
        if os.environ.get("VANBAN_DEBUG"):
            raise
        click.echo(tr(_(
            "internal error: {error}; please report it with the plan that caused it "
            "(set VANBAN_DEBUG=1 to see the details)")).format(error=f"{type(exc).__name__}: {exc}"),
            err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":  # pragma: no cover
    run()
