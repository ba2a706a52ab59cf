"""YAML syntax errors in words a drafter can act on, on the line at fault.

PyYAML says what its parser expected (“did not find expected '-' indicator”), in English,
and sometimes on the line after the one to mend. These are the mistakes people make typing a
plan — a line indented one space off, a tab, “: ” or “#” inside a text, a quotation mark or a
bracket never closed — each recognised from PyYAML's error and the text, and explained.
Anything else keeps PyYAML's own words.
"""

from __future__ import annotations

import re

import yaml

from vanban.i18n import _
from vanban.plan.codes import GLUED_COMMENT, YAML_SYNTAX
from vanban.problems import Mark, Problem, Severity

#: A line that is a key (``lead: …``, ``- text: …``), and where its key starts.
_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[^\s:#'\"\[\]{}][^:#]*?):(?:\s|$)")
#: A comment glued to a value (``Kế hoạch #5``): YAML drops it silently.
_GLUED_COMMENT = re.compile(r"[ \t]+#\S")


def _line_col(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _first_char(lines: list[str], line: int) -> int:
    """1-based column of the first non-space character of ``line`` (1-based)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return len(text) - len(text.lstrip(" \t")) + 1


def _previous_key_line(lines: list[str], line: int) -> int | None:
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if text.strip() and not text.lstrip().startswith("#"):
            return number if _KEY_LINE.match(text) else None
    return None


def explain(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """The problem to report for ``exc``, raised composing ``text``."""
    problem, context = exc.problem or "", exc.context or ""
    lines = text.split("\n")
    line, col = _line_col(exc.problem_mark or exc.context_mark)
    current = lines[line - 1] if 0 < line <= len(lines) else ""

    def at(line_: int, col_: int, msgid: str, **args: object) -> Problem:
        return Problem(Mark(path, line_, col_), YAML_SYNTAX, msgid, args)

    if "tab" in problem:
        tab = current.find("\t")
        return at(line, tab + 1 if tab >= 0 else col, _(
            "this line is indented with a tab; YAML indents with spaces only: replace the "
            "tab with spaces"))
    if "mapping values are not allowed" in problem:
        key = _KEY_LINE.match(current)
        if key and key.end("key") + 1 == col:
            # a key that does not line up with the key before it
            above = _previous_key_line(lines, line)
            return at(line, _first_char(lines, line), _(
                "“{key}” does not line up with the line above (line {above}): the keys of one "
                "item start in the same column"), key=key["key"], above=above or line - 1)
        return at(line, col, _(
            "“: ” inside a text makes YAML read a key: put the whole text in quotes (\"…\")"))
    if "quoted scalar" in context and exc.context_mark is not None:
        start_line, start_col = _line_col(exc.context_mark)
        quote = lines[start_line - 1][start_col - 1:start_col] if start_line <= len(lines) else '"'
        return at(start_line, start_col, _(
            "this quotation mark is never closed: end the text with {quote}"), quote=quote)
    if ("flow sequence" in context or "flow mapping" in context) and exc.context_mark:
        start_line, start_col = _line_col(exc.context_mark)
        return at(start_line, start_col, _(
            "this list in brackets is not closed (“]” or “}}” missing), or a comma is missing "
            "between its entries"))
    if any(s in problem for s in ("expected key", "expected '-' indicator", "expected <block end>")):
        return at(line, _first_char(lines, line), _(
            "this line is indented differently from the lines it belongs with: line it up "
            "with them, using spaces"))
    if "cannot start any token" in problem:
        char = current[col - 1:col] or "?"
        return at(line, col, _(
            "a value cannot start with “{char}”: put the whole value in quotes (\"…\")"),
            char=char)
    detail = " ".join(part for part in (context, problem) if part)
    return at(line, col, _(
        "YAML syntax error: {detail}; check the indentation and quoting on this line"),
        detail=detail)


def glued_comments(text: str, plain_scalars: list[tuple[int, int]], path: str) -> list[Problem]:
    """Warnings for a “#” glued to a plain value (``title: Kế hoạch #5``): YAML reads the
    rest of the line as a comment and drops it. ``plain_scalars`` are (line, end offset) of
    one-line unquoted values."""
    out = []
    for line, end in plain_scalars:
        stop = text.find("\n", end)
        rest = text[end:stop if stop >= 0 else len(text)]
        if _GLUED_COMMENT.match(rest):
            col = end - (text.rfind("\n", 0, end) + 1) + 1
            out.append(Problem(Mark(path, line, col + len(rest) - len(rest.lstrip(" \t"))),
                               GLUED_COMMENT, _(
                "what follows “#” is read as a comment and left out: put the whole value in "
                "quotes (\"…\") to keep it"), severity=Severity.WARNING))
    return out
