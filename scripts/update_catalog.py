"""Extract messages from the code and update the Vietnamese catalog.

    python scripts/update_catalog.py          # rewrites vanban.pot and vi/…/vanban.po

Messages are the English strings marked ``_("…")`` or ``tr(_("…"))`` in the code, plus the
documentation of every checker rule: its one-line summary and each prose paragraph and bullet
of its docstring (:mod:`vanban.rules.docs`; code blocks are not translated). New messages
arrive untranslated;
``tests/test_i18n.py`` fails until every message has a Vietnamese translation. The build
compiles the catalog (scripts/hatch_build.py).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "vanban" / "locale"
POT = LOCALE / "vanban.pot"
PO = LOCALE / "vi" / "LC_MESSAGES" / "vanban.po"


def template_catalog() -> Catalog:
    """Every message the code can show: extracted strings and rule documentation."""
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "extracted.pot"
        subprocess.run(
            [sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
             str(ROOT / "babel.cfg"), "-k", "tr", "--no-location", "--sort-output",
             "--omit-header", "-o", str(pot), str(ROOT)], check=True, capture_output=True)
        with pot.open("rb") as fh:
            catalog = read_po(fh)
    if len(catalog) < 100:  # an empty extraction must never wipe the translations
        raise SystemExit("message extraction found almost nothing; catalog left unchanged")
    sys.path.insert(0, str(ROOT / "src"))
    from vanban.rules import all_rules
    from vanban.rules.docs import messages

    for rule in all_rules():
        if rule.summary and rule.summary not in catalog:
            catalog.add(rule.summary, auto_comments=[f"summary of rule {rule.code}"])
        for paragraph in messages(rule):
            comment = f"documentation of rule {rule.code}"
            if paragraph not in catalog:
                catalog.add(paragraph, auto_comments=[comment])
            elif catalog[paragraph].auto_comments and \
                    comment not in catalog[paragraph].auto_comments and paragraph != rule.summary:
                catalog[paragraph].auto_comments.append(comment)  # the same text in two rules
    return catalog


def main() -> int:
    template = template_catalog()
    with POT.open("wb") as fh:
        write_po(fh, template, omit_header=True, sort_output=True, no_location=True, width=100)
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="vi")
    created = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    # The header is left as it is: branches that add messages side by side would otherwise
    # all rewrite its one date line and conflict there when merged.
    catalog.creation_date = created
    with PO.open("wb") as fh:
        write_po(fh, catalog, sort_output=True, no_location=True, width=100)
    missing = [m.id for m in catalog if m.id and not m.string]
    for msgid in missing:
        print(f"{PO.relative_to(ROOT)}: untranslated: {msgid}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
