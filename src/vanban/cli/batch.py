"""``vanban batch``: copies, extracts and formal copies of plans — a thin shell over
:func:`vanban.batch.run_batch`.

Exit codes follow ``vanban``: 0 everything was made, 1 a plan (or the copy details, or the
distribution list) has errors or some documents failed — the others are kept, 2 a usage,
I/O or LibreOffice error before anything was made.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from vanban.cli.common import EXIT_OK, EXIT_PROBLEMS, fail, lang_option, print_problems, tr
from vanban.errors import Interrupted, VanbanError
from vanban.i18n import _

#: The shell's code for a program stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
KIND_NAMES = ("copies", "extracts", "sao-y", "sao-luc", "trich-sao")


class _Bar:
    """A click progress bar per phase on a terminal; nothing in CI or in a pipe."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def start(self, phase: str, total: int) -> None:
        self.finish()
        if self.enabled and total:
            self.bar = click.progressbar(length=total, label=tr(phase), file=sys.stderr)
            self.bar.__enter__()

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from vanban.text.vnformat import parse_date

    if value is None:
        return None
    try:
        return parse_date(value).to_date()
    except ValueError:
        raise click.BadParameter(tr(_(
            "“{value}” is not a date; write it as YYYY-MM-DD or DD/MM/YYYY")).format(value=value))


def _selection(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from vanban.batch.extracts import Selection

    if value is None:
        return None
    try:
        return Selection.parse(value)
    except VanbanError as error:
        raise click.BadParameter(error.message()) from None


def _sources(reports: list[Any]) -> dict[str, list[str]]:
    return {r.path: r.source.text.splitlines() for r in reports if r.source is not None}


@click.command("batch", help=_(
    "Make copies of plans: one per recipient (copies), the parts for each agency (extracts), "
    "and formal copies under Decree 30 (sao-y, sao-luc, trich-sao). PLANS are plan files or "
    "folders of them."))
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=_("Output directory (created if needed); the manifests are written there."))
@click.option("-k", "--kind", "kinds", multiple=True, type=click.Choice(KIND_NAMES),
              help=_("What to make; repeat for several (default: copies)."))
@click.option("--for", "audience", type=click.Choice(("recipients", "agencies", "all")),
              default="recipients", show_default=True,
              help=_("Who gets a copy: the plan's Nơi nhận, the agencies with tasks, or both."))
@click.option("--to", "distribution", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Distribution list (one recipient per line) instead of --for."))
@click.option("--common", callback=_selection, metavar="PARTS",
              help=_("Parts every extract carries besides the agency's tasks: Roman numbers "
                        "(I,V), purpose, contents, funding, organisation, bases, opening, "
                        "closing."))
@click.option("--parts", callback=_selection, metavar="PARTS",
              help=_("Make one trích sao of these parts instead of one per agency."))
@click.option("--copier", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Copy details (YAML): copying body, signer, recipients; needed for "
                        "formal copies."))
@click.option("--date", "copy_date", callback=_date, metavar="DATE",
              help=_("Date of the formal copies (default: the copy details' date, else "
                        "today)."))
@click.option("--series", type=click.Path(dir_okay=False, path_type=Path),
              help=_("File of the running copy number (default: the copy details' series, "
                        "else copy-series.json in the output directory)."))
@click.option("--reissue", is_flag=True,
              help=_("Give formal copies new numbers even if they were issued before."))
@click.option("-t", "--template", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Word template to use instead of the built-in one."))
@click.option("--pdf", is_flag=True, help=_("Also export PDFs (LibreOffice, one process)."))
@click.option("--pdfa", is_flag=True, help=_("Export PDF/A-2b (implies --pdf)."))
@click.option("-j", "--jobs", "workers", type=click.IntRange(min=1),
              help=_("Worker processes (default: the number of CPUs)."))
@click.option("-f", "--force", is_flag=True,
              help=_("Rebuild documents that are already up to date."))
@click.option("--strict", is_flag=True, help=_("Treat warnings in plans as errors."))
@click.option("--progress/--no-progress", default=None,
              help=_("Show a progress bar (default: on a terminal, not in CI)."))
@click.option("-q", "--quiet", is_flag=True, help=_("Print nothing but problems."))
@lang_option
def batch(plans: tuple[Path, ...], output: Path, kinds: tuple[str, ...], audience: str,
          distribution: Path | None, common: Any, parts: Any, copier: Path | None,
          copy_date: Any, series: Path | None, reissue: bool, template: Path | None, pdf: bool,
          pdfa: bool, workers: int | None, force: bool, strict: bool, progress: bool | None,
          quiet: bool) -> None:
    from vanban.batch import BatchRequest, read_copier, run_batch
    from vanban.batch.extracts import Selection
    from vanban.batch.kinds import CLI_NAMES

    details = None
    if copier is not None:
        try:
            loaded = read_copier(copier)
        except VanbanError as error:
            fail(error)
        sources = {loaded.source.path: loaded.source.text.splitlines()} if loaded.source else {}
        print_problems(loaded.problems, sources)
        if loaded.copier is None:
            sys.exit(EXIT_PROBLEMS)
        details = loaded.copier
    if progress is None:
        progress = sys.stderr.isatty() and not os.environ.get("CI")
    request = BatchRequest(
        inputs=plans, output=output, kinds=[CLI_NAMES[k] for k in kinds or ("copies",)],
        audience=audience, distribution=distribution, common=common or Selection(),
        parts=parts, copier=details, copy_date=copy_date, series=series, reissue=reissue,
        template=template, pdf=pdf or pdfa, pdfa=pdfa, workers=workers, force=force,
        strict=strict)
    bar = _Bar(bool(progress) and not quiet)
    try:
        result = run_batch(request, bar)
    except VanbanError as error:
        bar.finish()
        fail(error)
    except Interrupted as stopped:
        bar.finish()
        click.echo(tr(_(
            "interrupted: {built} document(s) made and listed in the manifest; nothing "
            "half-written is left — run the same command again to finish")).format(
            built=stopped.built), err=True)
        sys.exit(EXIT_INTERRUPTED)
    bar.finish()

    print_problems(result.distribution_problems)
    for report in result.plans:
        print_problems(report.problems, _sources([report]))
    for note in result.notes:
        click.echo(tr(_("note: {subject}: {message}")).format(
            subject=note.subject, message=note.message()), err=True)
    if not quiet:
        click.echo(tr(_(
            "{built} document(s) made, {unchanged} already up to date, in {output}")).format(
            built=result.built, unchanged=result.unchanged, output=output), err=True)
        if request.pdf:
            click.echo(tr(_("PDF: {built} made, {unchanged} already up to date")).format(
                built=result.pdf_built, unchanged=result.pdf_unchanged), err=True)
        if result.entries:
            click.echo(tr(_("manifest: {json}, {csv}")).format(
                json=output / "manifest.json", csv=output / "manifest.csv"), err=True)
    if result.plan_errors:
        skipped = sum(1 for r in result.plans if not r.used)
        click.echo(tr(_("{count} plan(s) skipped because of errors")).format(count=skipped),
                   err=True)
    if result.failures:
        click.echo(tr(_("{count} document(s) failed:")).format(count=len(result.failures)),
                   err=True)
        for failure in result.failures:
            click.echo(f"  {failure.subject}: {failure.message()}", err=True)
    sys.exit(EXIT_OK if result.ok else EXIT_PROBLEMS)

