"""Read a YAML file into a tree of strings, lists and mappings that know their positions.

Every scalar stays a string: PyYAML's implicit typing would turn ``05`` into 5, ``no`` into
False, ``0123`` into 83 and dates into objects, and none of that may reach a document. The
schema converts types explicitly. Duplicate keys are kept here so the schema can report
them (PyYAML's constructor would silently keep the last one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import yaml

from vanban.i18n import _
from vanban.plan.codes import (
    CONTROL_CHARACTER,
    MISSING_KEY,
    NOT_UTF8,
    UNKNOWN_KEY,
    WRONG_TYPE,
    YAML_SYNTAX,
)
from vanban.plan.syntax import explain, glued_comments
from vanban.problems import Mark, Problem

try:  # libyaml is several times faster; the pure-Python loader gives the same nodes.
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
#: Nodes after aliases are expanded: a long plan has tens of thousands; a “billion laughs”
#: file of a few lines would expand to billions and hang every command.
MAX_NODES = 200_000
#: A plan file is text someone typed; anything larger is not one (and would take minutes).
MAX_BYTES = 20 * 1024 * 1024
#: The tags a plan may carry: those every scalar, list and mapping has anyway.
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_NEWLINE = re.compile("\n")
#: What YAML refuses in a stream (its “printable” set, YAML 1.1 §5.1).
_NOT_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD"
                            "\U00010000-\U0010FFFF]")


@dataclass
class YScalar:
    """A scalar, always as text, exactly as written (not yet normalised)."""

    value: str
    mark: Mark
    quoted: bool = False
    style: str | None = None  # None (plain), "'", '"', "|", ">"
    start: int = 0  # character offsets of the scalar in the source text, quotes included
    end: int = 0


@dataclass
class YList:
    """A YAML sequence with its position."""

    items: list[YNode]
    mark: Mark


@dataclass
class YMap:
    """A mapping; ``entries`` keeps every pair in order, duplicates included."""

    entries: list[tuple[YScalar, YNode]]
    mark: Mark
    _index: dict[str, YNode] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for key, value in self.entries:
            self._index.setdefault(key.value, value)

    def get(self, key: str) -> YNode | None:
        return self._index.get(key)

    def key_node(self, key: str) -> YScalar | None:
        for k, _v in self.entries:
            if k.value == key:
                return k
        return None


YNode = Union[YScalar, YList, YMap]


@dataclass
class Source:
    """A parsed plan file: its text (for excerpts and fixes) and its root node."""

    path: str
    text: str
    root: YNode | None

    _line_starts: list[int] = field(default_factory=list, repr=False)
    _scalars: list[tuple[tuple[str, ...], YScalar]] | None = field(default=None, repr=False)

    def line(self, number: int) -> str:
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def mark_at(self, index: int) -> Mark:
        """The 1-based line and column of character ``index`` of the text."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        line = bisect.bisect_right(self._line_starts, index)
        return Mark(self.path, line, index - self._line_starts[line - 1] + 1)

    def span(self, start: int, end: int) -> Mark:
        """The position of ``text[start:end]``, with its length when it is on one line."""
        mark = self.mark_at(start)
        return mark.spanning(end - start) if "\n" not in self.text[start:end] else mark

    def scalars(self) -> list[tuple[tuple[str, ...], YScalar]]:
        """Every value scalar with its key path, in document order (computed once)."""
        if self._scalars is None:
            self._scalars = list(_walk(self.root, ())) if self.root is not None else []
        return self._scalars


def _walk(node: YNode, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], YScalar]]:
    if isinstance(node, YScalar):
        yield path, node
    elif isinstance(node, YList):
        for item in node.items:
            yield from _walk(item, path)
    else:
        for key, value in node.entries:
            yield from _walk(value, path + (key.value,))


class _BuildError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.msgid)
        self.problem = problem


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8 (a BOM is allowed), with the position of the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(Mark(path, 1, 1), NOT_UTF8, _(
            "the file is UTF-16; save it as UTF-8"))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        return None, [Problem(Mark(path, line, col), NOT_UTF8, _(
            "byte 0x{byte:02x} is not UTF-8; save the file as UTF-8 (Unicode)"),
            {"byte": data[exc.start]})]
    return text, []


def parse(text: str, path: str) -> tuple[YNode | None, list[Problem]]:
    """Compose the YAML text into a position-aware tree (no implicit typing)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [explain(exc, text, path)]
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (U+FFFE, U+0000 …)
        found = _NOT_PRINTABLE.search(text)
        before = text[:found.start() if found else exc.position]
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return None, [Problem(Mark(path, line, col), CONTROL_CHARACTER, _(
            "character U+{code:04X} is not allowed in a plan file; delete it"), {"code": code})]
    except yaml.YAMLError as exc:
        return None, [Problem(Mark(path, 1, 1), YAML_SYNTAX, _(
            "YAML syntax error: {detail}; check the indentation and quoting on this line"),
            {"detail": str(exc)})]
    if node is None:
        return None, [Problem(Mark(path, 1, 1), MISSING_KEY, _(
            "the plan file is empty; start from `vanban new`"))]
    try:
        root = _convert(node, path, 0, set(), [MAX_NODES])
    except _BuildError as err:
        return None, [err.problem]
    plain = [(n.mark.line, n.end) for _p, n in _walk(root, ()) if n.style is None
             and "\n" not in text[n.start:n.end]]
    return root, glued_comments(text, plain, path)


def _mark(node: yaml.Node, path: str) -> Mark:
    return Mark(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, path: str, depth: int, active: set[int],
             budget: list[int]) -> YNode:
    mark = _mark(node, path)
    if depth > MAX_DEPTH or id(node) in active:
        raise _BuildError(Problem(mark, YAML_SYNTAX, _(
            "the YAML nests too deeply or refers to itself through an alias")))
    budget[0] -= 1
    if budget[0] < 0:
        raise _BuildError(Problem(mark, YAML_SYNTAX, _(
            "the YAML expands to more than {count} values (aliases repeating aliases); write "
            "the values out instead of nesting aliases"), {"count": f"{MAX_NODES:,}"}))
    if node.tag not in _PLAIN_TAGS:
        raise _BuildError(Problem(mark, WRONG_TYPE, _(
            "YAML tags such as “{tag}” are not supported: write the value as plain text"),
            {"tag": node.tag.replace("tag:yaml.org,2002:", "!!")}))
    if isinstance(node, yaml.ScalarNode):
        return YScalar(node.value, mark, quoted=node.style in ("'", '"'), style=node.style or None,
                       start=node.start_mark.index, end=node.end_mark.index)
    active.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            return YList([_convert(item, path, depth + 1, active, budget)
                          for item in node.value], mark)
        entries: list[tuple[YScalar, YNode]] = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _BuildError(Problem(_mark(key_node, path), WRONG_TYPE, _(
                    "a key must be a plain word, not a list or mapping")))
            if key_node.value == "<<":
                raise _BuildError(Problem(_mark(key_node, path), UNKNOWN_KEY, _(
                    "merge keys (<<) are not supported; write the fields out")))
            key = YScalar(key_node.value, _mark(key_node, path), style=key_node.style or None,
                          start=key_node.start_mark.index, end=key_node.end_mark.index)
            entries.append((key, _convert(value_node, path, depth + 1, active, budget)))
        return YMap(entries, mark)
    finally:
        active.discard(id(node))


def _too_large(path: str, size: int) -> Problem:
    return Problem(Mark(path, 1, 1), YAML_SYNTAX, _(
        "the file is {size} MB; a plan file is at most {limit} MB of text — is it the right "
        "file?"), {"size": f"{size / 2**20:.0f}", "limit": MAX_BYTES // 2**20})


def read_source(path: str | Path, data: bytes | None = None) -> tuple[Source | None, list[Problem]]:
    """Read and parse a plan file; I/O errors propagate as ``OSError``."""
    name = str(path)
    if data is None:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            return None, [_too_large(name, size)]
        data = Path(path).read_bytes()
    elif len(data) > MAX_BYTES:
        return None, [_too_large(name, len(data))]
    text, problems = decode(data, name)
    if text is None:
        return None, problems
    root, problems = parse(text, name)
    return Source(name, text, root), problems
