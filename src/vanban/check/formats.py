"""Formatting problems for people and machines: pure functions, no click."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from vanban.i18n import _, translate
from vanban.problems import Problem, Severity

SEVERITY_WORDS = {
    Severity.ERROR: _("error"),
    Severity.WARNING: _("warning"),
    Severity.INFO: _("info"),
}


def severity_word(severity: Severity, lang: str | None = None) -> str:
    return translate(SEVERITY_WORDS[severity], lang)


def format_parsable(problem: Problem, lang: str | None = None) -> str:
    """``file:line:col: error: message [VB003]`` — one line, for editors and grep."""
    return (f"{problem.mark}: {severity_word(problem.severity, lang)}: "
            f"{problem.message(lang)} [{problem.code}]")


def format_text(problem: Problem, line_of: Callable[[int], str] | None = None,
                lang: str | None = None) -> str:
    """The parsable line, then the offending source line with a caret under the column."""
    out = format_parsable(problem, lang)
    if line_of is not None:
        source = line_of(problem.mark.line).rstrip()
        if source.strip():
            excerpt, caret = _window(source, problem.mark.col - 1)
            out += f"\n    {excerpt}\n    {' ' * caret}^"
    return out


def _window(line: str, col: int, before: int = 50, after: int = 50) -> tuple[str, int]:
    """A long line cut around ``col`` so the caret stays readable."""
    start = max(0, col - before)
    end = min(len(line), col + after)
    excerpt = line[start:end]
    caret = col - start
    if start > 0:
        excerpt, caret = "…" + excerpt, caret + 1
    if end < len(line):
        excerpt += "…"
    return excerpt, caret


def format_json(problems: Iterable[Problem], lang: str | None = None) -> str:
    return json.dumps([p.to_dict(lang) for p in problems], ensure_ascii=False, indent=2)


def format_summary(errors: int, warnings: int, infos: int, files: int,
                   lang: str | None = None) -> str:
    if not (errors or warnings or infos):
        return translate(_("no problems in {files} file(s)"), lang).format(files=files)
    return translate(_("{errors} error(s), {warnings} warning(s), {infos} note(s) in {files} "
                       "file(s)"), lang).format(errors=errors, warnings=warnings, infos=infos,
                                                files=files)


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def format_github(problem: Problem, lang: str | None = None) -> str:
    """A GitHub Actions workflow command that annotates the line."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(problem.severity, "notice")
    m = problem.mark
    return (f"::{level} file={m.path},line={m.line},col={m.col},title={problem.code}::"
            f"{_github_escape(problem.message(lang))}")
