"""Extract messages from the code and update the Vietnamese catalog.

    python scripts/update_catalog.py          # rewrites vanban.pot and vi/…/vanban.po

New messages arrive untranslated; ``tests/test_i18n.py`` fails until every message has a
Vietnamese translation. The build compiles the catalog (scripts/hatch_build.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "vanban" / "locale"
POT = LOCALE / "vanban.pot"


def main() -> int:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    str(ROOT / "babel.cfg"), "-k", "tr", "--no-location", "--sort-output",
                    "--omit-header", "-o", str(POT), str(ROOT)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with POT.open("rb") as fh:
        template = read_po(fh)
    missing = 0
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/vanban.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=po.parts[-3])
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with po.open("wb") as fh:
            write_po(fh, catalog, omit_header=False, sort_output=True, no_location=True,
                     width=100)
        untranslated = [m.id for m in catalog if m.id and not m.string]
        missing += len(untranslated)
        for msgid in untranslated:
            print(f"{po.relative_to(ROOT)}: untranslated: {msgid}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
