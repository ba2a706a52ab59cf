"""A small declarative schema: converts position-aware YAML nodes into Python values.

Each spec converts one node, reports every problem it finds into the :class:`Context`
(never stopping at the first), and can describe itself as JSON Schema — so the loader and
``vanban schema`` cannot disagree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from vanban.i18n import Msg, _, translate
from vanban.plan.codes import (
    CONTROL_CHARACTER,
    DUPLICATE_KEY,
    INVALID_VALUE,
    MISSING_KEY,
    NOT_NFC,
    UNKNOWN_KEY,
    WRONG_TYPE,
)
from vanban.plan.edits import to_nfc
from vanban.plan.source import YList, YMap, YNode, YScalar
from vanban.problems import Fix, Mark, Problem, Severity
from vanban.text.vnformat import parse_date


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


#: Returned by a spec whose node could not be converted (the problem is already reported).
INVALID: Any = _Invalid()


@dataclass
class Context:
    """What converting one plan file collects: its text (for fixes) and the problems found."""

    path: str
    text: str = ""  # the source, for fixes at exact offsets
    problems: list[Problem] = field(default_factory=list)
    depth: int = 0

    def report(self, mark: Mark, code: str, msgid: str, severity: Severity = Severity.ERROR,
               /, *, fix: Fix | None = None, **args: Any) -> None:
        self.problems.append(Problem(mark, code, msgid, args, severity, fix=fix))


def _kind(node: YNode) -> Msg:
    if isinstance(node, YMap):
        return Msg(_("a mapping (key: value)"))
    if isinstance(node, YList):
        return Msg(_("a list"))
    return Msg(_("text"))


class Spec:
    help: str = ""

    def convert(self, node: YNode, ctx: Context) -> Any:
        raise NotImplementedError

    def schema(self, lang: str | None) -> dict[str, Any]:
        raise NotImplementedError

    def _stripped(self, node: YNode, ctx: Context, expected: str) -> Any:
        """The stripped text of a scalar; INVALID (reported) for a list or a mapping."""
        if not isinstance(node, YScalar):
            return self._wrong_type(node, ctx, expected)
        return node.value.strip()

    def _wrong_type(self, node: YNode, ctx: Context, expected: str) -> Any:
        if _colon_text(node):
            ctx.report(node.mark, WRONG_TYPE, _(
                "text that ends with “:” is read by YAML as a key; put the whole text in double "
                "quotes"))
        else:
            ctx.report(node.mark, WRONG_TYPE, _("expected {expected} here, found {found}"),
                       expected=Msg(expected), found=_kind(node))
        return INVALID


def _colon_text(node: YNode) -> bool:
    """A one-entry mapping whose key is a sentence and value is empty: ``- Như sau:``."""
    if not isinstance(node, YMap) or len(node.entries) != 1:
        return False
    key, value = node.entries[0]
    return (isinstance(value, YScalar) and not value.value and not value.quoted
            and " " in key.value.strip())


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def scalar_position(node: YScalar, offset: int) -> Mark:
    """Best position of character ``offset`` of a one-line scalar's value."""
    shift = 1 if node.quoted else 0
    return Mark(node.mark.path, node.mark.line, node.mark.col + shift + offset)


#: What a plan key looks like; anything else before “: ” is text YAML split into a key.
_KEY_LIKE = re.compile(r"[a-z_]+")
#: What YAML reads as null when written plain (vanban reads every scalar as text).
_NULLS = frozenset({"~", "null", "Null", "NULL"})


class Text(Spec):
    """One line of text: NFC-normalised, stripped, no control characters or line breaks
    (``multiline``: line breaks allowed, one printed paragraph each — a table cell's)."""

    def __init__(self, *, allow_empty: bool = False, pattern: str | None = None,
                 pattern_help: str = "", examples: Sequence[str] = (),
                 multiline: bool = False) -> None:
        self.allow_empty = allow_empty
        self.multiline = multiline  # a table cell: each line is a paragraph of the cell
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_help = pattern_help
        self.examples = tuple(examples)

    def convert(self, node: YNode, ctx: Context) -> Any:
        if not isinstance(node, YScalar):
            return self._wrong_type(node, ctx, _("text"))
        raw = node.value
        if node.style is None and raw.strip() in _NULLS:
            ctx.report(node.mark, INVALID_VALUE, _(
                "“{value}” means “no value” in YAML, not text: leave the value empty, or put it "
                "in quotes to print it"), value=raw.strip())
            return INVALID
        if m := _CONTROL.search(raw):
            ctx.report(scalar_position(node, m.start()), CONTROL_CHARACTER, _(
                "control character U+{code:04X} is not allowed in text; delete it"),
                code=ord(m.group()))
            return INVALID
        text = raw.strip()
        if "\n" in text and self.multiline:
            text = "\n".join(line.strip() for line in text.split("\n"))
        elif "\n" in text:
            ctx.report(node.mark, CONTROL_CHARACTER, _(
                "a line break inside one paragraph is not allowed; make each paragraph its own "
                "list entry"))
            return INVALID
        nfc = unicodedata.normalize("NFC", text)
        if nfc != text:
            first = next(i for i, c in enumerate(raw) if unicodedata.combining(c))
            ctx.report(scalar_position(node, first), NOT_NFC, _(
                "text is not in Unicode NFC form (decomposed diacritics); it was normalised — "
                "run `vanban check --fix` to rewrite the file"), Severity.WARNING,
                fix=to_nfc(ctx.text, node))
        if not nfc and not self.allow_empty:
            ctx.report(node.mark, INVALID_VALUE, _("this value must not be empty"))
            return INVALID
        if nfc and self.pattern and not self.pattern.fullmatch(nfc):
            ctx.report(node.mark, INVALID_VALUE, _("“{value}” is not valid here: {rule}"),
                       value=nfc, rule=Msg(self.pattern_help))
            return INVALID
        return nfc

    def schema(self, lang: str | None) -> dict[str, Any]:
        # Editors type `title: 2023` as a number; vanban reads every scalar as text.
        out: dict[str, Any] = {"type": ["string", "number", "boolean"]}
        if not self.allow_empty:
            out["minLength"] = 1
        if self.pattern:
            out["pattern"] = "^(?:" + self.pattern.pattern + ")$"
        if self.examples:
            out["examples"] = list(self.examples)
        return out


class TextMap(Spec):
    """A mapping from names (lower-case letters, digits, ``_``) to one line of text each."""

    NAME = re.compile(r"[a-z][a-z0-9_]*")

    def __init__(self, help: str = "") -> None:
        self.help = help
        self.text = Text()

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YScalar) and not node.value.strip():
            return {}
        if not isinstance(node, YMap):
            return self._wrong_type(node, ctx, _("a mapping (key: value)"))
        out: dict[str, str] = {}
        failed = False
        for key, value in node.entries:
            if not self.NAME.fullmatch(key.value):
                ctx.report(key.mark, INVALID_VALUE, _(
                    "“{key}” cannot name a template field: use lower-case letters, digits and _"),
                    key=key.value)
                failed = True
                continue
            text = self.text.convert(value, ctx)
            if text is INVALID:
                failed = True
                continue
            out[key.value] = text
        return INVALID if failed else out

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {"type": "object", "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
                "additionalProperties": self.text.schema(lang)}


class Lines(Spec):
    """One or more lines of text: a string, or a list of strings (one per printed line)."""

    def __init__(self, line: Text | None = None) -> None:
        self.line = line or Text()

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YScalar):
            value = self.line.convert(node, ctx)
            return INVALID if value is INVALID else (value,)
        if isinstance(node, YList):
            values = [self.line.convert(item, ctx) for item in node.items]
            if any(v is INVALID for v in values):
                return INVALID
            return tuple(values)
        return self._wrong_type(node, ctx, _("text or a list of lines"))

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {"anyOf": [self.line.schema(lang),
                          {"type": "array", "items": self.line.schema(lang), "minItems": 1}]}


class Choice(Spec):
    """One of a fixed set of values; ``aliases`` maps accepted spellings to the value."""

    def __init__(self, values: Sequence[str], aliases: Mapping[str, str] | None = None) -> None:
        self.values = tuple(values)
        self.spellings = tuple(values) + tuple(aliases or ())
        self.aliases = {self._key(k): v for k, v in (aliases or {}).items()}
        for v in self.values:
            self.aliases.setdefault(self._key(v), v)

    @staticmethod
    def _key(text: str) -> str:
        return unicodedata.normalize("NFC", text).strip().upper()

    def convert(self, node: YNode, ctx: Context) -> Any:
        if not isinstance(node, YScalar):
            return self._wrong_type(node, ctx, _("text"))
        value = self.aliases.get(self._key(node.value))
        if value is None:
            ctx.report(node.mark, INVALID_VALUE, _("“{value}” is not one of: {allowed}"),
                       value=node.value, allowed=", ".join(v or '""' for v in self.values))
            return INVALID
        return value

    def schema(self, lang: str | None) -> dict[str, Any]:
        values: list[Any] = sorted(set(self.spellings))
        for value in list(values):  # `body_size: 13` reaches an editor as a number
            try:
                number = float(value)
            except ValueError:
                continue
            values.append(int(number) if number.is_integer() else number)
        return {"enum": values}


class Bool(Spec):
    TRUE = {"true", "yes", "có"}
    FALSE = {"false", "no", "không"}

    def convert(self, node: YNode, ctx: Context) -> Any:
        if not isinstance(node, YScalar):
            return self._wrong_type(node, ctx, _("true or false"))
        key = node.value.strip().lower()
        if key in self.TRUE:
            return True
        if key in self.FALSE:
            return False
        ctx.report(node.mark, WRONG_TYPE, _("expected true or false, found “{value}”"),
                   value=node.value)
        return INVALID

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {"anyOf": [{"type": "boolean"}, {"enum": sorted(self.TRUE | self.FALSE)}]}


class Integer(Spec):
    def __init__(self, minimum: int = 0, maximum: int | None = None, *,
                 allow_blank: bool = False) -> None:
        self.minimum, self.maximum, self.allow_blank = minimum, maximum, allow_blank

    def convert(self, node: YNode, ctx: Context) -> Any:
        text = self._stripped(node, ctx, _("a whole number"))
        if text is INVALID:
            return INVALID
        if not text and self.allow_blank:
            return None
        if not text.isascii() or not text.isdigit():
            ctx.report(node.mark, WRONG_TYPE, _("expected a whole number, found “{value}”"),
                       value=node.value)
            return INVALID
        value = int(text)
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            ctx.report(node.mark, INVALID_VALUE, _("{value} is outside the allowed range {low}–{high}"),
                       value=value, low=self.minimum, high=self.maximum or "∞")
            return INVALID
        return value

    def schema(self, lang: str | None) -> dict[str, Any]:
        pattern = "^[0-9]*$" if self.allow_blank else "^[0-9]+$"
        out: dict[str, Any] = {"anyOf": [{"type": "integer", "minimum": self.minimum},
                                         {"type": "string", "pattern": pattern}]}
        if self.allow_blank:
            out["anyOf"].append({"type": "null"})
        if self.maximum is not None:
            out["anyOf"][0]["maximum"] = self.maximum
        return out


class Decimal(Spec):
    def __init__(self, minimum: float, maximum: float, unit: str) -> None:
        self.minimum, self.maximum, self.unit = minimum, maximum, unit

    def convert(self, node: YNode, ctx: Context) -> Any:
        if not isinstance(node, YScalar):
            return self._wrong_type(node, ctx, _("a number"))
        text = node.value.strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            ctx.report(node.mark, WRONG_TYPE, _("expected a number, found “{value}”"),
                       value=node.value)
            return INVALID
        if not self.minimum <= value <= self.maximum:
            ctx.report(node.mark, INVALID_VALUE, _(
                "{value} {unit} is outside the range the decree allows ({low}–{high} {unit})"),
                value=text, unit=self.unit, low=self.minimum, high=self.maximum)
            return INVALID
        return value

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {"anyOf": [{"type": "number", "minimum": self.minimum, "maximum": self.maximum},
                          {"type": "string", "pattern": r"^\d+([.,]\d+)?$"}]}


#: Years a document of the administration can carry: from the first decrees of 1945 (an
#: imported archive) to well past any plan's horizon.
YEARS = (1945, 2199)


class Date(Spec):
    """``2023-10-02`` or ``02/10/2023``; with ``partial`` also the month (``2023-10``,
    ``10/2023``), the year (``2023``) or blank (a draft)."""

    def __init__(self, *, partial: bool = False) -> None:
        self.partial = partial

    def convert(self, node: YNode, ctx: Context) -> Any:
        text = self._stripped(node, ctx, _("a date"))
        if text is INVALID:
            return INVALID
        if not text and self.partial:
            return None
        try:
            date = parse_date(text, allow_partial=self.partial)
        except ValueError as exc:
            if str(exc) == "no such day in the calendar":
                ctx.report(node.mark, INVALID_VALUE, _("“{value}” is not a real calendar date"),
                           value=text)
            else:
                ctx.report(node.mark, WRONG_TYPE, _(
                    "“{value}” is not a date; write it as YYYY-MM-DD or DD/MM/YYYY"), value=text)
            return INVALID
        if not YEARS[0] <= date.year <= YEARS[1]:
            ctx.report(node.mark, INVALID_VALUE, _(
                "the year {year} is not one of an administrative document (from {first} to "
                "{last}); check the date"), year=date.year, first=YEARS[0], last=YEARS[1])
            return INVALID
        return date

    def schema(self, lang: str | None) -> dict[str, Any]:
        pattern = r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}"
        pattern += r"|\d{4}-\d{1,2}|\d{1,2}/\d{4}|\d{4}|)$" if self.partial else r")$"
        out: dict[str, Any] = {"type": "string", "pattern": pattern}
        if self.partial:  # `date: 2026` (a draft) reaches an editor as a number, `date:` as null
            out = {"anyOf": [out, {"type": "integer", "minimum": 1900}, {"type": "null"}]}
        return out


class ListOf(Spec):
    def __init__(self, item: Spec, *, min_items: int = 0) -> None:
        self.item, self.min_items = item, min_items

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YScalar) and not node.value.strip() and not node.quoted:
            items: list[YNode] = []  # `key:` with nothing after it: an empty list
        elif not isinstance(node, YList):
            return self._wrong_type(node, ctx, _("a list (lines starting with “- ”)"))
        else:
            items = node.items
        if len(items) < self.min_items:
            ctx.report(node.mark, MISSING_KEY, _("this list needs at least {count} entry"),
                       count=self.min_items)
        values = [self.item.convert(item, ctx) for item in items]
        return [v for v in values if v is not INVALID]

    def schema(self, lang: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.schema(lang)}
        if self.min_items:
            out["minItems"] = self.min_items
            return out
        return {"anyOf": [out, {"type": "null"}]}  # `bases:` with nothing after it


@dataclass
class Field:
    """One key of a mapping in the plan format: its spec, help text and requirements."""

    key: str
    spec: Spec
    help: str
    required: bool = False
    attr: str | None = None
    #: Required only when this says so, given the other values (``place`` for a type that
    #: prints a dateline); the JSON schema does not require it.
    required_if: Callable[[dict[str, Any]], bool] | None = None

    @property
    def name(self) -> str:
        return self.attr or self.key


Builder = Callable[[dict[str, Any], dict[str, Mark], Mark, Context], Any]


class Obj(Spec):
    """A mapping with known keys: reports duplicates, unknown and missing keys."""

    def __init__(self, name: str, help: str, fields: Sequence[Field], build: Builder) -> None:
        self.name, self.help, self.fields, self.build = name, help, tuple(fields), build
        self.by_key = {f.key: f for f in self.fields}

    def convert(self, node: YNode, ctx: Context) -> Any:
        if not isinstance(node, YMap):
            return self._wrong_type(node, ctx, _("a mapping (key: value)"))
        return self.convert_map(node, ctx)

    def convert_map(self, node: YMap, ctx: Context) -> Any:
        values: dict[str, Any] = {}
        marks: dict[str, Mark] = {}
        seen: dict[str, Mark] = {}
        failed = False
        for key, value in node.entries:
            if key.value in seen:
                first = seen[key.value]
                ctx.report(key.mark, DUPLICATE_KEY, _(
                    "duplicate key “{key}” (first at line {line}); YAML would silently keep only "
                    "the last one — merge or remove one of them"), key=key.value, line=first.line)
                failed = True
                continue
            seen[key.value] = key.mark
            spec_field = self.by_key.get(key.value)
            if spec_field is None:
                from difflib import get_close_matches  # only for a key that is wrong

                close = get_close_matches(key.value, list(self.by_key), n=1)
                if not _KEY_LIKE.fullmatch(key.value):
                    # “- Thời gian: từ ngày …”: a sentence that YAML split at its “: ”
                    ctx.report(key.mark, UNKNOWN_KEY, _(
                        "“{key}: …” reads as a key because of the “: ” after it; if this line "
                        "is text, put all of it in quotes (\"…\")"), key=key.value)
                elif close:
                    ctx.report(key.mark, UNKNOWN_KEY, _(
                        "unknown key “{key}” in {where}; did you mean “{suggestion}”?"),
                        key=key.value, where=Msg(self.name), suggestion=close[0])
                else:
                    ctx.report(key.mark, UNKNOWN_KEY, _(
                        "unknown key “{key}” in {where}; allowed keys: {allowed}"),
                        key=key.value, where=Msg(self.name), allowed=", ".join(self.by_key))
                failed = True
                continue
            converted = spec_field.spec.convert(value, ctx)
            if converted is INVALID:
                failed = True
                continue
            values[spec_field.name] = converted
            marks[spec_field.name] = value.mark
        for f in self.fields:
            needed = f.required or (f.required_if is not None and f.required_if(values))
            if needed and f.key not in seen:
                ctx.report(node.mark, MISSING_KEY, _("missing required key “{key}” in {where}: {help}"),
                           key=f.key, where=Msg(self.name), help=Msg(f.help))
                failed = True
        if failed:
            return INVALID
        return self.build(values, marks, node.mark, ctx)

    def schema(self, lang: str | None) -> dict[str, Any]:
        props = {}
        for f in self.fields:
            sub = dict(f.spec.schema(lang))
            sub["description"] = translate(f.help, lang)
            props[f.key] = sub
        out: dict[str, Any] = {
            "type": "object",
            "description": translate(self.help, lang),
            "properties": props,
            "additionalProperties": False,
        }
        required = [f.key for f in self.fields if f.required]
        if required:
            out["required"] = required
        return out


class Ref(Spec):
    """A named, possibly recursive spec, emitted once under ``$defs``."""

    def __init__(self, name: str, target: Callable[[], Spec]) -> None:
        self.name, self.target = name, target

    def convert(self, node: YNode, ctx: Context) -> Any:
        return self.target().convert(node, ctx)

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.name}"}


class OneOf(Spec):
    """Pick a spec by the node's shape: text, or a mapping recognised by a key."""

    def __init__(self, scalar: Spec | None, mappings: Sequence[tuple[str | None, Spec]],
                 expected: str) -> None:
        self.scalar, self.mappings, self.expected = scalar, tuple(mappings), expected

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YScalar) and self.scalar is not None:
            return self.scalar.convert(node, ctx)
        if self.scalar is not None and _colon_text(node):
            return self._wrong_type(node, ctx, self.expected)
        if isinstance(node, YMap):
            for key, spec in self.mappings:
                if key is None or node.get(key) is not None:
                    return spec.convert(node, ctx)
        return self._wrong_type(node, ctx, self.expected)

    def schema(self, lang: str | None) -> dict[str, Any]:
        options = [spec.schema(lang) for _key, spec in self.mappings]
        if self.scalar is not None:
            options.insert(0, self.scalar.schema(lang))
        return {"anyOf": options}
