"""The ``vanban`` command: a thin shell over the library API.

Exit codes are a contract: 0 success, 1 the plan has error-level problems (or warnings
under ``--strict``), 2 a usage, template or I/O error. One module per command family
(:mod:`.render`, :mod:`.check`, :mod:`.importing`, :mod:`.diff`, :mod:`.batch` …), loaded
when its command is asked for; each imports what its command needs only when it runs, so
``vanban --help`` and a single command start quickly.
"""

from __future__ import annotations

import sys

import click

from vanban._version import __version__
from vanban.cli.common import EXIT_ERROR, lang_option, tr
from vanban.cli.localise import install as install_localisation
from vanban.i18n import _

install_localisation()

#: Each command and where it is defined (module of this package, name): a module is imported
#: when its command runs or is listed, so ``vanban render`` does not load the others.
COMMANDS = {
    "batch": ("batch", "batch"),
    "check": ("check", "check"),
    "diff": ("diff", "diff"),
    "import": ("importing", "import_"),
    "new": ("render", "new"),
    "record": ("record", "record"),
    "render": ("render", "render"),
    "rules": ("check", "rules"),
    "schema": ("render", "schema"),
    "tasks": ("tasks", "tasks"),
}


class _Commands(click.Group):
    """A group that loads each command's module when the command is first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import importlib

            module, name = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"vanban.cli.{module}"), name)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]}, help=_(
    "vanban — build and check Vietnamese administrative documents (Decree 30/2020/NĐ-CP)."))
@click.version_option(__version__, prog_name="vanban")
@lang_option
def main() -> None:
    pass


def run() -> None:
    """Console entry point: ``main`` with a last line of defence against tracebacks."""
    import gc
    import os

    # What is loaded so far (click, the command line) lives as long as the process: frozen,
    # the cyclic collector no longer rescans it at each collection while the command runs.
    gc.freeze()
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
    finally:
        # The process ends here. Its objects are freed at exit without one last scan of all
        # of them by the cyclic collector — a tenth of a short command's time.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    run()
