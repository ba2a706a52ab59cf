"""Where a project's ``.vanban.yaml`` is: the nearest one at or above a plan (or a
``pyproject.toml`` with ``[tool.vanban]``), as yamllint and ruff find theirs.

Kept apart from the checker's configuration (:mod:`vanban.check.config`) so that rendering
looks for house style without importing the rules.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CONFIG_NAMES = (".vanban.yaml", ".vanban.yml")


def _has_vanban_table(path: Path) -> bool:
    import tomllib  # most projects have no pyproject.toml: not loaded for nothing

    try:
        text = path.read_text("utf-8")
        return "vanban" in text and "vanban" in tomllib.loads(text).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False


@lru_cache(maxsize=256)
def find_config_file(directory: Path) -> Path | None:
    """The nearest ``.vanban.yaml`` (or pyproject.toml with [tool.vanban]) at or above."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_vanban_table(pyproject):
            return pyproject
    return None
