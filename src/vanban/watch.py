"""Watch mode: run a job again whenever one of its files is saved.

``vanban render --watch`` and ``vanban check --watch`` re-render and re-check when a plan,
its configuration (``.vanban.yaml``, ``pyproject.toml``) or its template changes. The folders
holding them are watched, not the files: editors save by writing a new file and renaming it
over the old one, which a watch on the file itself would lose. Saves arriving together are
taken as one (watchfiles debounces them), and a run that fails — a plan saved half-written,
a bug — is reported and the watcher carries on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

#: How long a burst of saves is gathered into one change (milliseconds).
DEBOUNCE_MS = 150


def watched_files(plans: Iterable[Path], template: Path | None = None) -> set[Path]:
    """The files whose change makes a run stale: the plans, the configuration files that
    apply to them, and the template."""
    from vanban.check.config import CONFIG_NAMES, find_config_file

    files = {p.resolve() for p in plans}
    for plan in list(files):
        found = find_config_file(plan.parent)
        if found is not None:
            files.add(found.resolve())
        # a configuration made beside the plan while watching applies from then on
        files.update(plan.parent / name for name in (*CONFIG_NAMES, "pyproject.toml"))
    if template is not None:
        files.add(template.resolve())
    return files


def watch(files: set[Path], run: Callable[[], None], on_error: Callable[[BaseException], None],
          *, stop: threading.Event | None = None) -> None:
    """Call ``run`` now and after every change of ``files`` until ``stop`` is set (or
    Ctrl-C); an exception from ``run`` goes to ``on_error`` and the watch goes on."""
    import logging

    from watchfiles import watch as changes

    # watchfiles logs its own Ctrl-C handling in English; the command says what it needs to
    logging.getLogger("watchfiles").setLevel(logging.ERROR)

    def attempt() -> None:
        try:
            run()
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - one bad run must not end the watch
            on_error(exc)

    attempt()
    folders = sorted({str(f.parent) for f in files})
    names = {str(f) for f in files}
    for batch in changes(*folders, debounce=DEBOUNCE_MS, stop_event=stop,
                         raise_interrupt=False, recursive=False):
        if any(str(Path(path).resolve()) in names for _change, path in batch):
            attempt()
