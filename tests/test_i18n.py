"""Every message has a Vietnamese translation, and the catalog matches the code."""

from babel.messages.pofile import read_po

from conftest import ROOT
from vanban.i18n import LOCALE_DIR, catalog, translate

PO = LOCALE_DIR / "vi" / "LC_MESSAGES" / "vanban.po"


def extracted_ids():
    import runpy

    script = runpy.run_path(str(ROOT / "scripts" / "update_catalog.py"))
    return {m.id for m in script["template_catalog"]() if m.id}


def test_every_message_in_the_code_has_a_vietnamese_translation():
    with PO.open("rb") as fh:
        translations = {m.id: m.string for m in read_po(fh, locale="vi") if m.id}
    missing = sorted(i for i in extracted_ids() if not translations.get(i))
    assert not missing, "run scripts/update_catalog.py and translate: " + "; ".join(missing)


def test_translations_keep_the_placeholders_of_their_message():
    import string

    with PO.open("rb") as fh:
        for message in read_po(fh, locale="vi"):
            if not message.id:
                continue
            fields = {f for _, f, _, _ in string.Formatter().parse(message.id) if f}
            got = {f for _, f, _, _ in string.Formatter().parse(message.string) if f}
            assert fields == got, message.id


def test_english_is_the_message_id_itself():
    assert translate("error", "en") == "error"
    assert translate("error", "vi") == "lỗi"
    assert catalog("vi").gettext("warning") == "cảnh báo"
