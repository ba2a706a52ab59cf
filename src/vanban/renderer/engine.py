"""docxtpl wrapper: strict Jinja, user text as data, clear template errors.

User text never becomes template code: Jinja inserts values without evaluating them, every
string is XML-escaped, and braces are written as character references so docxtpl's
post-processing (which rewrites ``{_{`` to ``{{``) cannot touch them either.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import docxtpl
import jinja2
from docxtpl import DocxTemplate, RichText
from markupsafe import Markup, escape

from vanban.errors import TemplateError, os_reason
from vanban.i18n import _
from vanban.renderer.context import CONTEXT_NAMES
from vanban.renderer.tables import table_xml


def _braces(xml: str) -> str:
    return xml.replace("{", "&#123;").replace("}", "&#125;")


def safe(value: str) -> Markup:
    """``value`` escaped for WordprocessingML text."""
    return Markup(_braces(str(escape(value))))


def rich(block: dict[str, Any]) -> RichText:
    """The number and text of a body block as runs; emphasis only where the plan asks."""
    rt = RichText()
    if block["label"]:
        rt.add(block["label"] + " ", bold=block["bold"] or block.get("label_bold", False),
               italic=block["italic"])
    rt.add(block["text"], bold=block["bold"], italic=block["italic"])
    rt.xml = _braces(rt.xml)
    return rt


def _wrap(value: Any) -> Any:
    if isinstance(value, str):
        return safe(value)
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    if isinstance(value, dict):
        return {k: _wrap(v) for k, v in value.items()}
    return value


def _body(blocks: list[dict[str, Any]], *, table_last: bool = False) -> list[dict[str, Any]]:
    """Blocks as the template reads them: runs for a paragraph, XML for a table.

    An empty paragraph follows a table, unless the table ends a part (the section's end
    follows it): a line of space before the text, and Word joins tables that touch — the
    signature block after the document's body (``table_last``) is one.
    """
    out = []
    for i, block in enumerate(blocks):
        if block["kind"] == "table":
            separate = i + 1 < len(blocks) or table_last
            out.append({"kind": "table", "xml": Markup(table_xml(block, separate=separate))})
        else:
            out.append({**_wrap(block), "rich": rich(block)})
    return out


def prepare(context: dict[str, Any]) -> dict[str, Any]:
    plain = {k: v for k, v in context.items() if k not in ("body", "parts")}
    parts = [{**_wrap({k: v for k, v in part.items() if k != "body"}),
              "body": _body(part["body"])} for part in context.get("parts", [])]
    # the signature block, a table, follows the document's body
    return {**_wrap(plain), "body": _body(context["body"], table_last=True), "parts": parts}


class _Environment(jinja2.Environment):
    """Strict, autoescaping, and compiling each part's source once.

    docxtpl hands every part of every rendering to ``from_string``; for one template the
    sources are the same each time, and compiling them was a third of a rendering. Within a
    process a source is compiled once; across processes the compiled code is kept in
    vanban's cache folder (:mod:`vanban.cache`) with Jinja's own bytecode cache, which
    writes atomically and drops an entry whose Python, format or source differs.
    """

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=True)
        self._compiled: dict[str, jinja2.Template] = {}
        self._code_cache: jinja2.FileSystemBytecodeCache | None = None
        self._code_cache_opened = False

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None
                    ) -> jinja2.Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) >= _COMPILED_LIMIT:
                self._compiled.clear()
            compiled = self._compiled[source] = self.template_class.from_code(
                self, self._code(source), self.make_globals(None), None)
        return compiled

    def _code(self, source: str) -> Any:
        """The compiled code of ``source``, from the cache folder when it is there."""
        if not self._code_cache_opened:
            from vanban.cache import cache_dir

            folder = cache_dir("jinja")
            self._code_cache = (jinja2.FileSystemBytecodeCache(str(folder), _CODE_PATTERN)
                                if folder else None)
            self._code_cache_opened = True
        cache = self._code_cache
        if cache is None:
            return self.compile(source)
        # The key names what the code depends on besides the source: Jinja's version and
        # this environment's settings (the cache checks Python's version itself).
        key = f"jinja2 {jinja2.__version__} strict autoescape " + \
            hashlib.sha256(source.encode("utf-8")).hexdigest()
        try:
            bucket = cache.get_bucket(self, key, None, source)
        except Exception:  # an unreadable or damaged entry: the cache is never needed
            return self.compile(source)
        if bucket.code is None:
            bucket.code = self.compile(source)
            from vanban.cache import make_room

            try:
                make_room(Path(cache.directory), "*.jinja")
                cache.set_bucket(bucket)
            except OSError:  # a read-only or full cache folder: compiled again next time
                pass
        return bucket.code


class _Patches:
    """What docxtpl's ``patch_xml`` made of each part, by the hash of the part's XML: kept in
    the process and in vanban's cache folder (found on first use)."""

    def __init__(self) -> None:
        self._known: dict[str, str] = {}
        self._folder: Path | None = None
        self._opened = False

    def get(self, src_xml: str, patch: Any) -> str:
        key = hashlib.sha256(f"docxtpl {docxtpl.__version__}\n{src_xml}".encode()).hexdigest()
        patched = self._known.get(key)
        if patched is not None:
            return patched
        from vanban.cache import cache_dir, read_entry, write_entry

        if not self._opened:
            self._folder, self._opened = cache_dir("docxtpl"), True
        data = read_entry(self._folder, key) if self._folder else None
        patched = data.decode("utf-8", errors="replace") if data is not None else None
        if patched is None:
            patched = patch(src_xml)
            if self._folder:
                write_entry(self._folder, key, patched.encode("utf-8"))
        if len(self._known) >= _COMPILED_LIMIT:
            self._known.clear()
        self._known[key] = patched
        return patched


_patches = _Patches()


class _Template(DocxTemplate):
    """docxtpl's template, remembering what its ``patch_xml`` makes of each part: before
    Jinja reads a part, docxtpl cleans its XML with some twenty regular expressions (7 ms of
    each rendering of the default template), and the result depends on the part alone."""

    def patch_xml(self, src_xml: str) -> str:
        return _patches.get(src_xml, super().patch_xml)


#: Compiled part sources kept per process: a few templates' worth of parts.
_COMPILED_LIMIT = 64
#: The names of the compiled code's files in the cache folder.
_CODE_PATTERN = "%s.jinja"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return _Environment()


def _used_fields(data: bytes, path: str) -> frozenset[str]:
    """The context names the template ``data`` uses (a .docx with valid tags)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zf.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        raise TemplateError(_("{path} is not a Word .docx template"), path=path) from None
    tpl = _Template(io.BytesIO(data))
    try:
        return frozenset(tpl.get_undeclared_template_variables(_environment()))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(_("the template {path} has a tag error: {reason}"), path=path,
                            reason=exc.message) from None


def _check_names(used: frozenset[str], path: str, extra: frozenset[str] = frozenset()) -> None:
    unknown = used - CONTEXT_NAMES - extra
    if unknown:
        raise TemplateError(_(
            "the template {path} uses fields vanban does not provide: {names}; available: "
            "{available}; a house template's own fields are given under “fields:” in "
            ".vanban.yaml"), path=path, names=", ".join(sorted(unknown)),
            available=", ".join(sorted(CONTEXT_NAMES | extra)))


def template_fields(data: bytes, path: str) -> frozenset[str]:
    """The context names the template ``data`` uses, once checked: a .docx, valid tags, and
    only names vanban provides."""
    used = _used_fields(data, path)
    _check_names(used, path)
    return used


#: Beside the packaged template, what ``scripts/build_template.py`` found when it checked it:
#: its SHA-256, then the fields it uses, one a line. Checking a template parses all its
#: parts (a tenth of a cold rendering); the packaged one is checked once, when it is built.
FIELDS_SUFFIX = ".fields"


def fields_file(data: bytes, fields: frozenset[str]) -> str:
    return "\n".join([hashlib.sha256(data).hexdigest(), *sorted(fields)]) + "\n"


def _checked_fields(path: Path, data: bytes) -> frozenset[str] | None:
    """The fields recorded beside ``path`` when it was built, if it is still that file."""
    try:
        lines = path.with_name(path.name + FIELDS_SUFFIX).read_text(encoding="utf-8").split()
    except OSError:
        return None
    if not lines or lines[0] != hashlib.sha256(data).hexdigest():
        return None
    fields = frozenset(lines[1:])
    return fields if fields <= CONTEXT_NAMES else None


@lru_cache(maxsize=16)
def _template_bytes(path: str, mtime_ns: int, size: int) -> tuple[bytes, frozenset[str]]:
    """The template's bytes and the context names it uses, once checked."""
    data = Path(path).read_bytes()
    used = _checked_fields(Path(path), data)
    return data, used if used is not None else _used_fields(data, path)


def _read_template(path: Path) -> tuple[bytes, frozenset[str]]:
    """The template's bytes and the context names it uses (cached while the file is
    unchanged)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateError(_("cannot read the template {path}: {reason}"), path=str(path),
                            reason=os_reason(exc)) from None
    return _template_bytes(str(path), stat.st_mtime_ns, stat.st_size)


def load_template(path: Path) -> tuple[DocxTemplate, frozenset[str]]:
    """A fresh template object (docxtpl renders in place, so each document needs one) and
    the context names the template uses."""
    data, used = _read_template(path)
    _check_names(used, str(path))
    return _Template(io.BytesIO(data)), used


#: What only the forms after Mẫu 1.5 print: a Công điện's “… điện:” line and receivers, a
#: Giấy mời's or a Biên bản's lines, a Biên bản's second signature. A template made before
#: vanban printed them would drop them silently.
FORM_FIELDS = ("cable_from", "cable_receivers", "intro_lines", "end_lines", "cosignature")


def render_template(path: Path, context: dict[str, Any],
                    extra: dict[str, str] | None = None) -> DocxTemplate:
    """Fill the template at ``path`` with ``context`` and the house's ``extra`` fields (the
    words a house template prints beyond vanban's: a logo's caption, a phone line)."""
    extra = extra or {}
    clash = sorted(set(extra) & CONTEXT_NAMES)
    if clash:
        raise TemplateError(_(
            "the house fields {names} are names vanban fills itself; give them other names"),
            names=", ".join(clash))
    data, used = _read_template(path)
    _check_names(used, str(path), frozenset(extra))
    tpl = _Template(io.BytesIO(data))
    context = {**context, **extra}
    if context.get("parts") and "parts" not in used:
        # a template made before appendices were rendered would silently drop them
        raise TemplateError(_(
            "the template {path} has no place for appendices or the document a decision "
            "issues, and this plan has them; start from the current default template "
            "(vanban's templates/ke-hoach.docx)"), path=str(path))
    missing = [name for name in FORM_FIELDS if context.get(name) and name not in used]
    if missing:
        raise TemplateError(_(
            "the template {path} has no place for {fields}, which this document prints; "
            "start from the current default template (vanban's templates/ke-hoach.docx)"),
            path=str(path), fields=", ".join(missing))
    if context.get("circulation") and "circulation" not in used:
        # a template made before ô 11 had its place prints the instruction with the stamps
        context = {**context, "stamps": [*context["stamps"], context["circulation"]]}
    try:
        tpl.render(prepare(context), _environment(), autoescape=True)
    except jinja2.UndefinedError as exc:
        raise TemplateError(_("the template {path} uses an unknown field: {reason}"),
                            path=str(path), reason=exc.message) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(_("the template {path} could not be rendered: {reason}"),
                            path=str(path), reason=str(exc)) from None
    return tpl
