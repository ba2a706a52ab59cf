"""The ``vanban`` command: a thin shell over the library API.

Exit codes are a contract: 0 success, 1 the plan has error-level problems (or warnings
under ``--strict``), 2 a usage, template or I/O error. One module per command family
(:mod:`.render`, :mod:`.check`, :mod:`.importing`, :mod:`.diff`, :mod:`.batch`); each
imports what its command needs only when it runs, so ``vanban --help`` starts quickly.
"""

from __future__ import annotations

import sys

import click

from vanban._version import __version__
from vanban.cli.batch import batch
from vanban.cli.check import check, rules
from vanban.cli.common import EXIT_ERROR, lang_option, tr
from vanban.cli.diff import diff
from vanban.cli.importing import import_
from vanban.cli.localise import install as install_localisation
from vanban.cli.record import record
from vanban.cli.render import new, render, schema
from vanban.cli.tasks import tasks
from vanban.i18n import _

install_localisation()


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, help=_(
    "vanban — build and check Vietnamese administrative documents (Decree 30/2020/NĐ-CP)."))
@click.version_option(__version__, prog_name="vanban")
@lang_option
def main() -> None:
    pass


for _command in (render, schema, new, check, rules, import_, diff, batch, record, tasks):
    main.add_command(_command)


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
