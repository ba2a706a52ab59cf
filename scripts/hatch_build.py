"""Hatch build hook: compile the message catalogs (.po → .mo) into the package.

Runs for wheels and editable installs, so an installed ``vanban`` never needs the catalog
compiler at run time (it can still fall back to reading the .po with Babel).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root) / "src" / "vanban" / "locale"
        for po in sorted(root.glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=po.parts[-3])
            mo = po.with_suffix(".mo")
            with mo.open("wb") as fh:
                write_mo(fh, catalog, use_fuzzy=False)
            rel = mo.relative_to(Path(self.root) / "src").as_posix()
            build_data.setdefault("force_include", {})[str(mo)] = rel
