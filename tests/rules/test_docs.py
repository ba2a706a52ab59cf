"""A rule's documentation in Vietnamese: every heading, paragraph and bullet translated through
the catalog, the examples and the code spans as written, the prose wrapped to the docstrings'
width. English is the docstring itself."""

import re
import runpy

import pytest

from conftest import ROOT
from vanban.i18n import translate
from vanban.rules import all_rules, get_rule
from vanban.rules.docs import HEADINGS, WIDTH, blocks, documentation, messages, sections, wrap

RULES = all_rules()
CODE_SPAN = re.compile(r"`[^`]*`")


def by_code(rule):
    return rule.code


def pairs(rule):
    """The blocks of the English and the Vietnamese documentation, side by side."""
    english, vietnamese = blocks(rule.doc), blocks(documentation(rule, "vi"))
    assert [b.kind for b in english] == [b.kind for b in vietnamese], rule.code
    return list(zip(english, vietnamese))


def test_english_documentation_is_the_docstring_itself():
    for rule in RULES:
        assert documentation(rule, "en") == rule.doc.strip()
        assert sections(rule, "en") == rule.sections()


@pytest.mark.parametrize("rule", RULES, ids=by_code)
def test_every_prose_paragraph_and_bullet_is_translated(rule):
    vietnamese = " ".join(documentation(rule, "vi").split())
    for en, vi in pairs(rule):
        if en.kind in ("prose", "bullet"):
            assert vi.text != en.text, f"{rule.code}: left in English: {en.text}"
            assert " ".join(vi.text.split()) == " ".join(translate(en.text, "vi").split())
            assert " ".join(en.text.split()) not in vietnamese


@pytest.mark.parametrize("rule", RULES, ids=by_code)
def test_headings_are_translated(rule):
    for en, vi in pairs(rule):
        if en.kind == "heading":
            assert en.text in HEADINGS, f"{rule.code}: ## {en.text} is not a known heading"
            assert vi.text == translate(en.text, "vi") != en.text
            assert vi.level == en.level


@pytest.mark.parametrize("rule", RULES, ids=by_code)
def test_code_blocks_are_identical_in_both_languages(rule):
    english = [b.text for b in blocks(rule.doc) if b.kind == "code"]
    assert english, f"{rule.code} has no examples"
    assert [b.text for b, _vi in pairs(rule) if b.kind == "code"] == english
    assert [vi.text for _en, vi in pairs(rule) if vi.kind == "code"] == english


@pytest.mark.parametrize("rule", RULES, ids=by_code)
def test_a_translation_keeps_the_code_spans_of_its_paragraph(rule):
    for en, vi in pairs(rule):
        if en.kind in ("prose", "bullet"):
            missing = set(CODE_SPAN.findall(en.text)) - set(CODE_SPAN.findall(vi.text))
            assert not missing, f"{rule.code}: {sorted(missing)} lost in “{vi.text}”"


def test_vietnamese_prose_is_wrapped_to_the_docstring_width():
    for rule in RULES:
        in_code = False
        for line in documentation(rule, "vi").splitlines():
            in_code ^= line.startswith("```")
            if not in_code and not line.startswith("```"):
                assert len(line) <= WIDTH or " " not in line.strip(), (rule.code, line)


def test_vb402_reads_in_vietnamese_with_its_examples_and_plan_keys():
    text = documentation(get_rule("VB402"), "vi")
    assert text.startswith("Mọi cơ quan được giao nhiệm vụ đều nhận được kế hoạch.\n\n## Vì sao\n")
    assert "Cơ quan không nhận được kế hoạch thì không thể thực hiện nhiệm vụ" in text
    assert "`agency:`" in text and "`lead`" in text and "`support`" in text
    assert "## Ví dụ sai\n```yaml\n- agency: Sở Tư pháp\n" in text
    assert "## Ví dụ đúng\n```yaml\nrecipients: [Công an tỉnh, Sở Tư pháp]\n```" in text
    assert list(sections(get_rule("VB402"), "vi")) == ["Vì sao", "Ví dụ sai", "Ví dụ đúng"]


def test_options_are_documented_in_vietnamese_too():
    text = documentation(get_rule("VB606"), "vi")
    assert "## Tùy chọn\n- `min_words` (mặc định 2): " in text
    for rule in RULES:
        for option in rule.options.values():
            assert translate(option.help, "vi") != option.help, (rule.code, option.help)


def test_a_blank_left_for_the_number_survives_the_wrapping():
    text = documentation(get_rule("VB604"), "vi")
    assert "“Số:      /KH-UBND”" in text and "“ngày      tháng 12”" in text


def test_wrapping_keeps_code_spans_whole_and_starts_no_line_with_a_list_marker():
    text = "một hai ba `KT. GIÁM ĐỐC` bốn - năm + sáu 12. bảy"
    for width in range(16, 60):
        lines = wrap(text, width)
        assert " ".join(lines) == text
        assert all(not re.match(r"^(?:[-+]|\d+\.) ", line) for line in lines), lines
        assert all(line.count("`") % 2 == 0 for line in lines), lines


def test_the_catalog_script_extracts_every_paragraph_with_its_rule_named():
    script = runpy.run_path(str(ROOT / "scripts" / "update_catalog.py"))
    catalog = script["template_catalog"]()
    for rule in RULES:
        for paragraph in messages(rule):
            message = catalog[paragraph]
            assert message is not None, f"{rule.code}: not extracted: {paragraph}"
            assert any(rule.code in comment for comment in message.auto_comments), paragraph
    for heading in HEADINGS.values():
        assert catalog[heading] is not None
