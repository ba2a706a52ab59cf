"""`vanban rules RULE` shows the rule's documentation in the user's language: Vietnamese by
default, English with --lang en; the list of rules is unchanged."""

import pytest
from click.testing import CliRunner

from vanban.cli import main

WHY_VI = "Cơ quan không nhận được kế hoạch thì không thể thực hiện nhiệm vụ được giao"
WHY_EN = "An agency cannot carry out a task in a plan it never received."
EXAMPLE = "```yaml\nrecipients: [Công an tỉnh, Sở Tư pháp]\n```"


@pytest.fixture
def run(monkeypatch):
    for var in ("VANBAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)  # no language asked for: the default

    def invoke(*args):
        result = CliRunner().invoke(main, list(args))
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output
        return result.stdout
    return invoke


def test_rules_vb402_explains_the_rule_in_vietnamese_by_default(run):
    out = run("rules", "VB402")
    assert out.startswith("VB402 agencies-receive-plan (cảnh báo): Mọi cơ quan được giao")
    assert "## Vì sao\n" in out and WHY_VI in out
    assert "## Ví dụ sai\n" in out and "## Ví dụ đúng\n" in out and EXAMPLE in out
    assert WHY_EN not in out and "## Why" not in out


def test_rules_vb402_explains_the_rule_in_english_with_lang_en(run):
    for args in (["rules", "VB402", "--lang", "en"], ["--lang", "en", "rules", "vb402"]):
        out = run(*args)
        assert out.startswith("VB402 agencies-receive-plan (warning): Every agency given a task")
        assert "## Why\n" + WHY_EN in out and "## Good\n" + EXAMPLE in out
        assert WHY_VI not in out and "Vì sao" not in out


def test_a_rule_found_by_its_name_shows_its_options_in_vietnamese(run):
    out = run("rules", "repeated-phrase")
    assert out.startswith("VB606 repeated-phrase")
    assert "## Tùy chọn\n- `min_words` (mặc định 2): " in out


def test_the_list_of_rules_still_gives_one_translated_line_per_rule(run):
    out = run("rules")
    assert "VB402  agencies-receive-plan    cảnh báo  Mọi cơ quan được giao nhiệm vụ" in out
    assert "## " not in out
