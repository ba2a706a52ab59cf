"""Regenerate ``src/vanban/data/serif_metrics.json`` from Liberation Serif.

Liberation Serif is metric-compatible with Times New Roman, so its advance widths let
the renderer size header columns and rule lines without the fonts being installed.
Run on a machine with Debian's ``fonts-liberation2`` and Pillow::

    python scripts/gen_font_metrics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
STYLES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
# Letters with diacritics are measured through their base letter (see metrics.py), except
# those whose base glyph itself differs: Đ đ Ơ ơ Ư ư.
CHARS = "".join(chr(c) for c in range(0x20, 0x7F)) + "ĐđƠơƯư–—“”‘’…•×"
UNITS = 1000


def main() -> None:
    data: dict[str, dict[str, int]] = {}
    for style, filename in STYLES.items():
        font = ImageFont.truetype(str(FONT_DIR / filename), UNITS)
        data[style] = {ch: round(font.getlength(ch)) for ch in CHARS}
    out = Path(__file__).resolve().parents[1] / "src/vanban/data/serif_metrics.json"
    out.write_text(
        json.dumps({"units_per_em": UNITS, "font": "Liberation Serif", "widths": data},
                   ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
