"""``vanban check FILE --annotate OUT.docx``: which files can be annotated, and writing the
annotated copy (atomically; the file checked is never changed)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from vanban.check.config import config_for
from vanban.check.results import FileResult
from vanban.errors import UsageError, os_reason
from vanban.fsutil import atomic_write
from vanban.i18n import _
from vanban.review.annotate import Annotated, annotate_docx

PLAN_SUFFIXES = (".yaml", ".yml")


def check_target(paths: Sequence[Path], output: Path) -> None:
    """Refuse, before anything is checked, what cannot be annotated into ``output``."""
    if len(paths) != 1 or paths[0].is_dir() or \
            paths[0].suffix.lower() not in (".docx", *PLAN_SUFFIXES):
        raise UsageError(_("--annotate takes one .docx file or one plan file (.yaml)"))
    if output.suffix.lower() != ".docx":
        raise UsageError(_("the annotated copy {path} must end in .docx"), path=str(output))
    source = paths[0]
    if output.resolve() == source.resolve() or \
            (output.exists() and source.exists() and output.samefile(source)):
        raise UsageError(_("the annotated copy must not replace {path}: name another file"),
                         path=str(source))


def annotate_file(result: FileResult, output: Path, *, config_path: Path | None = None,
                  today: _dt.date | None = None, select: Iterable[str] | None = None,
                  ignore: Iterable[str] | None = None, lang: str | None = None) -> Annotated:
    """Write ``result``'s findings as comments into a copy of its .docx (a plan: of its
    rendering) at ``output``. ``today``, when given, dates the comments; else the document's
    own modified date does."""
    source = Path(result.path)
    if source.suffix.lower() in PLAN_SUFFIXES:
        from vanban.review.plans import render_for_review

        data, problems = render_for_review(
            result, config=config_for(source, config_path), today=today or _dt.date.today(),
            select=select, ignore=ignore)
        name = source.with_suffix(".docx")
    else:
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise UsageError(_("cannot read {path}: {reason}"), path=str(source),
                             reason=os_reason(exc)) from None
        problems, name = result.problems, source
    annotated = annotate_docx(data, problems, path=name, when=today, lang=lang)
    atomic_write(output, annotated.data)
    return annotated
