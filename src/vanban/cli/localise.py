"""The command line in the user's language: vanban's help texts and click's own words.

Help texts are written as English message ids and translated when help is shown, not when
the commands are defined, so ``vanban --lang en check --help`` is English whatever
``VANBAN_LANG`` says. Click's own texts (“Usage:”, “Show this message and exit.”, usage
errors) go through the standard :mod:`gettext` functions, which look up the current domain
when they are called; :func:`install` points them at vanban's catalog for click's domain.
Only the ``vanban`` command calls it: the library never changes :mod:`gettext`.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from typing import Any

import click

from vanban.i18n import _, current_language, translate

#: Click's messages a user meets, marked so they are extracted into vanban's catalog.
CLICK_MESSAGES = (
    _("Usage:"), _("Options"), _("Commands"), _("Show this message and exit."),
    _("Show the version and exit."), _("Error: {message}"), _("Try '{command} {option}' for help."),
    _("Missing argument"), _("Missing option"), _("Missing parameter"), _("Missing command."),
    _("Missing {param_type}"), _("Missing parameter: {param_name}"),
    _("Invalid value for {param_hint}: {message}"), _("Invalid value: {message}"),
    _("No such command {name!r}."), _("No such option {name!r}."),
    _("Got unexpected extra argument ({args})"), _("Got unexpected extra arguments ({args})"),
    _("Option {name!r} requires an argument."), _("Option {name!r} does not take a value."),
    _("Did you mean {possibility}?"), _("(Did you mean one of: {possibilities}?)"),
    _("{value!r} is not {choice}."), _("{value!r} is not one of {choices}."),
    _("{value!r} is not a valid {number_type}."), _("{value} is not in the range {range}."),
    _("{name} {filename!r} does not exist."), _("{name} {filename!r} is a directory."),
    _("{name} {filename!r} is a file."), _("{name} {filename!r} is not readable."),
    _("{name} {filename!r} is not writable."), _("file"), _("directory"), _("path"),
    _("default: {default}"), _("Aborted!"), _("%(prog)s, version %(version)s"),
)
#: The domain click's messages are looked up in while vanban runs.
CLICK_DOMAIN = "vanban-click"


def _localised(method: Callable[..., Any], *attrs: str) -> Callable[..., Any]:
    """``method`` with the object's help attributes translated while it runs."""
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        saved = {a: getattr(self, a, None) for a in attrs}
        for attr, value in saved.items():
            if isinstance(value, str) and value:
                setattr(self, attr, translate(value))
        try:
            return method(self, *args, **kwargs)
        finally:
            for attr, value in saved.items():
                setattr(self, attr, value)
    wrapper.__wrapped__ = method  # type: ignore[attr-defined]
    return wrapper


def _dgettext(original: Callable[[str, str], str]) -> Callable[[str, str], str]:
    def dgettext(domain: str, message: str) -> str:
        return translate(message) if domain == CLICK_DOMAIN else original(domain, message)
    return dgettext


def _dngettext(original: Callable[[str, str, str, int], str]
               ) -> Callable[[str, str, str, int], str]:
    def dngettext(domain: str, singular: str, plural: str, n: int) -> str:
        if domain != CLICK_DOMAIN:
            return original(domain, singular, plural, n)
        # Vietnamese has one form; English keeps click's choice
        return translate(singular if n == 1 or current_language() != "en" else plural)
    return dngettext


def _help_option(original: Callable[..., Any]) -> Callable[..., Any]:
    """Click makes the --help option once per command, with its text already translated;
    give it back its message id so it is translated each time help is shown."""
    def get_help_option(self: Any, ctx: click.Context) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = HELP_OPTION
        return option
    return get_help_option


HELP_OPTION = "Show this message and exit."
_installed = False


def install() -> None:
    """Show help texts and click's messages in the current language (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    click.Command.format_help_text = _localised(click.Command.format_help_text, "help")
    click.Command.get_short_help_str = _localised(click.Command.get_short_help_str,
                                                  "help", "short_help")
    click.Option.get_help_record = _localised(click.Option.get_help_record, "help")
    click.Command.get_help_option = _help_option(click.Command.get_help_option)
    gettext.dgettext = _dgettext(gettext.dgettext)
    gettext.dngettext = _dngettext(gettext.dngettext)
    gettext.textdomain(CLICK_DOMAIN)
