"""Where a project's ``.vanban.yaml`` is: the nearest one at or above a plan (or a
``pyproject.toml`` with ``[tool.vanban]``), as yamllint and ruff find theirs.

Kept apart from the checker's configuration (:mod:`vanban.check.config`) so that rendering
looks for house style without importing the rules.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

CONFIG_NAMES = (".vanban.yaml", ".vanban.yml")


def _has_vanban_table(path: Path) -> bool:
    try:
        return "vanban" in tomllib.loads(path.read_text("utf-8")).get("tool", {})
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
