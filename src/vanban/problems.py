"""Problems found in a plan: one type for syntax errors, schema errors and rule findings.

A :class:`Problem` keeps its message as a gettext message id plus arguments, so the same
problem can be shown in Vietnamese (the default) or English at report time.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any

from vanban.i18n import format_message


@dataclass(frozen=True, order=True)
class Mark:
    """A 1-based position in a source file: a line and column, or a paragraph of a .docx.

    ``length`` is how many characters from the column the finding is about (the date, the
    repeated words), where the rule knows it; 0 when it does not say. It is not part of the
    position: two marks at the same place are equal whatever their length.
    """

    path: str
    line: int
    col: int
    unit: str = "line"  # "line" | "paragraph"
    length: int = field(default=0, compare=False)

    def spanning(self, length: int) -> Mark:
        """The same position, about ``length`` characters."""
        return replace(self, length=max(0, length))

    def __str__(self) -> str:
        if self.unit == "paragraph":
            return f"{self.path}:¶{self.line}:{self.col}"
        return f"{self.path}:{self.line}:{self.col}"


class Severity(enum.IntEnum):
    """How serious a problem is; ``error`` makes a command exit with status 1."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.strip().upper()]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of a source file (character offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A certain correction: edits of the source text that remove the problem."""

    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a plan, at a position, with a message that says what to do."""

    mark: Mark
    code: str
    msgid: str
    args: dict[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR
    rule: str = ""
    fix: Fix | None = field(default=None, compare=False)

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return format_message(self.msgid, self.args, lang)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.mark.path, self.mark.line, self.mark.col, self.code)

    def __str__(self) -> str:
        return f"{self.mark}: {self.severity}: {self.message()} [{self.code}]"

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "path": self.mark.path,
            self.mark.unit: self.mark.line,
            "column": self.mark.col,
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message(lang),
            "fixable": self.fix is not None,
        }


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity >= Severity.ERROR for p in problems)
