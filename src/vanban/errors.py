"""Exceptions raised when vanban cannot continue.

Mistakes inside a plan are :class:`~vanban.problems.Problem` objects, collected and reported
all at once; an exception carries them out when the caller asked for a finished result::

    VanbanError                 base of everything vanban raises on purpose
    ├── PlanError               the plan has error-level problems (``.problems``)
    ├── ConfigError             the checker's configuration is wrong (``.problems``)
    ├── TemplateError           the Word template is unusable or asks for unknown fields
    ├── OutputError             the output cannot be written (nothing was overwritten)
    ├── UsageError              arguments that make no sense together, a missing file
    ├── OfficeError             LibreOffice is missing or failed
    └── SeriesError             a copy series is unreadable, foreign, or already issued
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

from vanban.i18n import Msg, _, format_message

if TYPE_CHECKING:
    from vanban.problems import Problem


class VanbanError(Exception):
    """Base class; ``str()`` gives the message in the current language."""

    def __init__(self, msgid: str, **args: object) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.args_ = args

    def message(self, lang: str | None = None) -> str:
        return format_message(self.msgid, self.args_, lang)

    def __str__(self) -> str:
        return self.message()


class PlanError(VanbanError):
    """The plan could not be loaded; ``problems`` lists every reason with its position."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(_("the plan has {count} error(s)"), count=len(problems))
        self.problems = problems


class ConfigError(VanbanError):
    """The checker's configuration is wrong; ``problems`` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(_("the configuration has {count} error(s)"), count=len(problems))
        self.problems = problems


class TemplateError(VanbanError):
    """The Word template cannot be used."""


class OutputError(VanbanError):
    """The output file cannot be written."""


class UsageError(VanbanError):
    """The request itself is wrong (bad option, missing file)."""


class OfficeError(VanbanError):
    """LibreOffice is missing or failed."""


class SeriesError(VanbanError):
    """The copy-series file is unreadable, belongs to another body, or a copy was issued
    already."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped a batch: the documents made so far are on disk and in the manifest,
    nothing half-written is left; ``built`` says how many were made."""

    def __init__(self, built: int) -> None:
        super().__init__(built)
        self.built = built


#: What the system's errors mean to a user, in words we can translate (the system's own
#: text is English whatever the language).
_OS_REASONS = {
    errno.ENOSPC: _("the disk is full"),
    errno.EDQUOT: _("the disk quota is used up"),
    errno.EACCES: _("permission denied"),
    errno.EPERM: _("permission denied"),
    errno.EROFS: _("the disk is read-only"),
    errno.ENOENT: _("it does not exist"),
    errno.ENOTDIR: _("a file stands where a folder is needed"),
    errno.EEXIST: _("a file stands where a folder is needed"),
    errno.EISDIR: _("it is a folder"),
    errno.ENAMETOOLONG: _("the name is too long"),
    errno.EMFILE: _("too many files are open"),
    errno.EBUSY: _("the file is in use"),
}


def os_reason(exc: BaseException) -> str:
    """Why an operation on a file failed, for a message's ``reason``: translated for the
    common system errors, the system's own words otherwise."""
    code = getattr(exc, "errno", None)
    if code in _OS_REASONS:
        return Msg(_OS_REASONS[code])
    return getattr(exc, "strerror", None) or str(exc)
