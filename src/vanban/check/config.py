"""Checker configuration: ``.vanban.yaml`` or ``[tool.vanban]`` in ``pyproject.toml``.

Found by walking up from the checked plan (the nearest wins), like yamllint and ruff::

    extends: default            # or strict: every warning becomes an error
    rules:
      VB606: off                # off | info | warning | error
      numbering-style: error    # a rule's name works as well as its code
      required-sections:
        level: error
        required: [purpose, contents, funding, organisation]

Errors in the configuration are reported with their position and stop the run (exit 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from vanban.configfile import CONFIG_NAMES, find_config_file
from vanban.errors import ConfigError, os_reason
from vanban.i18n import _
from vanban.plan.codes import INVALID_VALUE, NOT_UTF8, UNKNOWN_KEY, WRONG_TYPE, YAML_SYNTAX
from vanban.plan.model import Layout
from vanban.plan.schema import LAYOUT
from vanban.plan.source import YList, YMap, YNode, YScalar, parse
from vanban.plan.spec import INVALID, Context, TextMap
from vanban.problems import Mark, Problem, Severity
from vanban.rules import Rule, get_rule

LEVELS = {"off": None, "disable": None, "info": Severity.INFO, "warning": Severity.WARNING,
          "error": Severity.ERROR, "enable": "default"}



@dataclass(frozen=True)
class RuleSetting:
    """How a configuration sets one rule: its severity (None: off) and options."""

    severity: Severity | None  # None: the rule is off
    options: dict[str, Any]


@dataclass
class Config:
    """The checker's configuration for a project (.vanban.yaml or pyproject.toml)."""

    path: str | None = None
    settings: dict[str, RuleSetting] = field(default_factory=dict)
    strict: bool = False
    #: House style: page and body settings for plans that do not set them (the keys given
    #: are those in ``layout.marks``), and extra fields a house template prints.
    layout: Layout | None = None
    fields: dict[str, str] = field(default_factory=dict)

    def setting(self, rule: Rule) -> RuleSetting:
        found = self.settings.get(rule.code)
        if found is None:
            severity = rule.severity
            if self.strict and severity == Severity.WARNING:
                severity = Severity.ERROR
            return RuleSetting(severity, rule.defaults())
        return found


def _level(node: YScalar, ctx: Context) -> Any:
    value = LEVELS.get(node.value.strip().lower(), INVALID)
    if value is INVALID:
        ctx.report(node.mark, INVALID_VALUE, _("“{value}” is not a level: use off, info, warning or error"),
                   value=node.value)
    return value


def _rule_setting(rule: Rule, node: YNode, ctx: Context, strict: bool) -> RuleSetting | None:
    severity: Any = "default"
    options = rule.defaults()
    if isinstance(node, YScalar):
        severity = _level(node, ctx)
    elif isinstance(node, YMap):
        for key, value in node.entries:
            if key.value in ("level", "severity"):
                severity = _level(value, ctx) if isinstance(value, YScalar) else INVALID
            elif key.value in rule.options:
                converted = rule.options[key.value].spec.convert(value, ctx)
                if converted is not INVALID:
                    options[key.value] = converted
            else:
                allowed = ", ".join(["level", *rule.options]) or "level"
                ctx.report(key.mark, UNKNOWN_KEY, _(
                    "rule {rule} has no option “{key}”; it has: {allowed}"),
                    rule=rule.code, key=key.value, allowed=allowed)
    else:
        ctx.report(node.mark, WRONG_TYPE, _(
            "give a rule a level (off, info, warning, error) or a mapping with “level” and its "
            "options"))
        return None
    if severity is INVALID:
        return None
    if severity == "default":
        severity = rule.severity
        if strict and severity == Severity.WARNING:
            severity = Severity.ERROR
    return RuleSetting(severity, options)


def from_tree(root: YNode | None, path: str) -> Config:
    """Build a configuration from a parsed YAML (or TOML turned into nodes) tree."""
    ctx = Context(path)
    config = Config(path)
    if root is None:
        return config
    if not isinstance(root, YMap):
        raise ConfigError([Problem(root.mark, WRONG_TYPE, _(
            "the configuration must be a mapping with “extends” and “rules”"))])
    extends = root.get("extends")
    if isinstance(extends, YScalar):
        if extends.value not in ("default", "strict"):
            ctx.report(extends.mark, INVALID_VALUE, _("unknown preset “{value}”; use default or strict"),
                       value=extends.value)
        elif extends.value == "strict":
            config.strict = True
    strict = root.get("strict")
    if isinstance(strict, YScalar) and strict.value.lower() == "true":
        config.strict = True
    for key, value in root.entries:
        if key.value not in ("extends", "rules", "strict", "layout", "fields"):
            ctx.report(key.mark, UNKNOWN_KEY, _(
                "unknown key “{key}” in the configuration; use extends, rules, layout and "
                "fields"), key=key.value)
    layout = root.get("layout")
    if layout is not None:
        converted = LAYOUT.convert(layout, ctx)
        if converted is not INVALID:
            config.layout = converted
    fields = root.get("fields")
    if fields is not None:
        converted = TextMap().convert(fields, ctx)
        if converted is not INVALID:
            config.fields = converted
    rules = root.get("rules")
    if isinstance(rules, YMap):
        for key, value in rules.entries:
            rule = get_rule(key.value)
            if rule is None:
                ctx.report(key.mark, UNKNOWN_KEY, _(
                    "unknown rule “{key}”; `vanban rules` lists them"), key=key.value)
                continue
            setting = _rule_setting(rule, value, ctx, config.strict)
            if setting is not None:
                config.settings[rule.code] = setting
    elif rules is not None and not (isinstance(rules, YScalar) and not rules.value):
        ctx.report(rules.mark, WRONG_TYPE, _("“rules” must be a mapping from rule to level"))
    if ctx.problems:
        raise ConfigError(ctx.problems)
    return config


def _toml_to_nodes(value: Any, mark: Mark) -> YNode:
    """TOML values as YAML-like nodes (TOML gives no positions: every node points at the file)."""
    if isinstance(value, dict):
        return YMap([(YScalar(str(k), mark), _toml_to_nodes(v, mark)) for k, v in value.items()],
                    mark)
    if isinstance(value, list):
        return YList([_toml_to_nodes(v, mark) for v in value], mark)
    if isinstance(value, bool):
        return YScalar("true" if value else "false", mark)
    return YScalar(str(value), mark)


def load_file(path: Path) -> Config:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError([Problem(Mark(str(path), 1, 1), NOT_UTF8, _(
            "cannot read {path}: {reason}"), {"path": str(path), "reason": os_reason(exc)})]) from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            table = tomllib.loads(data.decode("utf-8")).get("tool", {}).get("vanban", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError([Problem(Mark(str(path), 1, 1), YAML_SYNTAX, _(
                "cannot read {path}: {reason}"), {"path": str(path), "reason": str(exc)})]) from None
        return from_tree(_toml_to_nodes(table, Mark(str(path), 1, 1)), str(path))
    root, problems = parse(data.decode("utf-8", errors="replace"), str(path))
    if problems:
        raise ConfigError(problems)
    return from_tree(root, str(path))


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime_ns: int) -> Config:
    return load_file(path)


def config_for(plan_path: Path, explicit: Path | None = None) -> Config:
    """The configuration that applies to ``plan_path`` (loaded once per file)."""
    path = explicit or find_config_file(plan_path.resolve().parent)
    if path is None:
        return Config()
    try:
        return _load_cached(path, path.stat().st_mtime_ns)
    except OSError:
        return load_file(path)  # reports the I/O error with its path


__all__ = ["CONFIG_NAMES", "Config", "RuleSetting", "config_for", "find_config_file",
           "load_file"]
