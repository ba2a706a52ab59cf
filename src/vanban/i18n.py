"""Message translation: Vietnamese by default, English on request.

Message ids in the code are English (``_("...")`` marks them for Babel's extractor); the
Vietnamese catalog lives in ``locale/vi/LC_MESSAGES/vanban.po``. The build compiles it to
``.mo``; a source checkout without the ``.mo`` compiles the ``.po`` in memory with Babel.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "vanban"
LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_current: str | None = None


def _(message: str) -> str:
    """Mark a message for extraction; it is translated when shown, not here."""
    return message


def language_from_environment() -> str:
    """``VANBAN_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else vi."""
    for var in ("VANBAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        code = value.split(".")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Choose the language for messages; ``None`` goes back to the environment's."""
    global _current
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def current_language() -> str:
    return _current or language_from_environment()


@lru_cache(maxsize=None)
def catalog(lang: str) -> _gettext.NullTranslations:
    if lang == "en":
        return _gettext.NullTranslations()
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = mo.with_suffix(".po")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        cat = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, cat)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


class Msg(str):
    """A message id passed as an argument of another message; translated along with it."""


def translate(message: str, lang: str | None = None) -> str:
    return catalog(lang or current_language()).gettext(message)


def format_message(msgid: str, args: dict[str, object], lang: str | None = None) -> str:
    """Translate ``msgid`` and fill in ``args``, translating the :class:`Msg` ones too."""
    values = {k: translate(v, lang) if isinstance(v, Msg) else v for k, v in args.items()}
    return translate(msgid, lang).format(**values)
