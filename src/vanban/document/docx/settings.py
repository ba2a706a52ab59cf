"""Document-wide settings that change how the body is laid out (word/settings.xml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vanban.document.docx.ooxml import W, child, on_off, to_number, twips_mm, wattr

#: Word's default tab interval when settings.xml says nothing (0.5 inch).
DEFAULT_TAB_MM = 12.7
#: Files without a compatibility setting were saved by Word 2003–2007.
OLD_COMPAT_MODE = 11


@dataclass(frozen=True)
class Settings:
    default_tab_mm: float = DEFAULT_TAB_MM
    compat_mode: int = OLD_COMPAT_MODE  # 15: Word 2013 and later
    even_and_odd_headers: bool = False


def read_settings(root: Any) -> Settings:
    if root is None:
        return Settings()
    tab = child(root, "defaultTabStop")
    interval = twips_mm(wattr(tab, "val")) if tab is not None else 0.0
    mode = OLD_COMPAT_MODE
    compat = child(root, "compat")
    if compat is not None:
        for setting in compat.iter(W + "compatSetting"):
            if wattr(setting, "name") == "compatibilityMode":
                mode = int(to_number(wattr(setting, "val")) or OLD_COMPAT_MODE)
    return Settings(interval if interval > 0 else DEFAULT_TAB_MM, mode,
                    bool(on_off(child(root, "evenAndOddHeaders"))))
