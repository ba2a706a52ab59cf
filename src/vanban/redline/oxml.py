"""Raw WordprocessingML for tracked changes; the only module of the redline that builds XML.

Named after the schema (ECMA-376 Part 1, §17.13.5 "Revisions"):

- run content: ``w:ins`` / ``w:del`` / ``w:moveFrom`` / ``w:moveTo`` wrap runs; deleted text
  is ``w:delText``; moved-away text keeps ``w:t`` (§17.13.5.22);
- a paragraph mark is tracked by the same elements inside ``w:pPr/w:rPr`` (§17.13.5.15);
- a move is a pair of named ranges, ``w:moveFromRangeStart``/``End`` and
  ``w:moveToRangeStart``/``End``, around the moved content (§17.13.5.23–28);
- a formatting change keeps the old properties in ``w:pPrChange`` / ``w:rPrChange``.

Every annotation gets its own ``w:id``, unique in the document.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

P, R, T, DEL_TEXT = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:delText")
PPR, RPR, PSTYLE = qn("w:pPr"), qn("w:rPr"), qn("w:pStyle")
INS, DEL, MOVE_FROM, MOVE_TO = qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")
TRACKED = (INS, DEL, MOVE_FROM, MOVE_TO)
#: Elements of a paragraph's properties that must stay after ``w:rPr`` (CT_PPr order).
_AFTER_RPR_IN_PPR = (qn("w:sectPr"), qn("w:pPrChange"))
_TEXT_OF = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
            qn("w:noBreakHyphen"): "\u2011", qn("w:softHyphen"): "\u00ad"}


def w(tag: str, **attrs: str) -> etree._Element:
    """A new ``w:tag`` element (made by python-docx's parser, so it gets its element class)."""
    el = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


@dataclass
class Revisions:
    """Author, date and the id counter shared by every annotation of one document."""

    author: str
    date: str  # xsd:dateTime, e.g. 2026-03-05T09:30:00Z
    next_id: int = 1
    count: int = 0  # tracked changes made (ins, del, moves, formatting)

    def _id(self) -> str:
        value = self.next_id
        self.next_id += 1
        return str(value)

    def element(self, tag: str) -> etree._Element:
        """A revision element (``ins``, ``del``, ``moveFrom``, ``pPrChange`` …) with its id."""
        self.count += 1
        return w(tag, id=self._id(), author=self.author, date=self.date)

    def range_start(self, kind: str, name: str) -> etree._Element:
        """``moveFromRangeStart`` / ``moveToRangeStart`` named ``name``."""
        return w(f"{kind}RangeStart", id=self._id(), author=self.author, date=self.date,
                 name=name)

    @staticmethod
    def range_end(start: etree._Element) -> etree._Element:
        tag = etree.QName(start).localname.replace("Start", "End")
        return w(tag, id=start.get(qn("w:id")))


def max_id(roots: Iterable[etree._Element]) -> int:
    """The largest numeric ``w:id`` in ``roots`` (annotations must not reuse it)."""
    best = 0
    for root in roots:
        for el in root.iter():
            value = el.get(qn("w:id"))
            if value is not None and value.lstrip("-").isdigit():
                best = max(best, int(value))
    return best


# -- reading paragraphs ----------------------------------------------------------------------

def paragraph_text(p: etree._Element) -> str:
    """What the paragraph shows (deleted text excluded)."""
    out = []
    for el in p.iter():
        if el.tag == T:
            out.append(el.text or "")
        elif el.tag in _TEXT_OF:
            out.append(_TEXT_OF[el.tag])
    return "".join(out)


def style_in(props: etree._Element | None) -> str:
    """The paragraph style id named in a ``w:pPr`` ("" for none)."""
    style = props.find(PSTYLE) if props is not None else None
    return style.get(qn("w:val"), "") if style is not None else ""


def style_of(p: etree._Element) -> str:
    return style_in(p.find(PPR))


@dataclass
class Styled:
    """A paragraph's text as characters, each with the run properties it is printed with."""

    text: str = ""
    props: list[etree._Element | None] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each run's text begins

    def spans(self, start: int, end: int) -> Iterator[tuple[str, etree._Element | None]]:
        """(text, rPr) pieces of ``text[start:end]`` with one set of properties each."""
        i = start
        while i < end:
            j = i + 1
            while j < end and self.props[j] is self.props[i]:
                j += 1
            yield self.text[i:j], self.props[i]
            i = j


def styled(p: etree._Element) -> Styled | None:
    """The paragraph as :class:`Styled`, or None if it holds more than plain runs of text
    (fields, drawings, hyperlinks …), which the redline then replaces as a whole."""
    out = Styled()
    for child in p:
        if child.tag == PPR:
            continue
        if child.tag != R:
            return None
        props = child.find(RPR)
        for part in child:
            if part.tag == RPR:
                continue
            if part.tag == T:
                text = part.text or ""
            elif part.tag in _TEXT_OF:
                text = _TEXT_OF[part.tag]
            else:
                return None
            if text:
                out.starts.append(len(out.text))
                out.text += text
                out.props += [props] * len(text)
    return out


def same_props(a: etree._Element | None, b: etree._Element | None) -> bool:
    def canon(el: etree._Element | None) -> bytes:
        return b"" if el is None or not len(el) else etree.tostring(el, method="c14n")
    return canon(a) == canon(b)


def same_formatting(a: Styled, b: Styled) -> bool:
    """Whether the characters of ``a`` and ``b`` have the same run properties, position by
    position. A run's characters share one properties element, so the properties are
    compared where a run of either begins: once per run, not once per character."""
    size = min(len(a.props), len(b.props))
    for at in sorted({k for k in (*a.starts, *b.starts) if k < size}):
        if not same_props(a.props[at], b.props[at]):
            return False
    return True


# -- building runs ---------------------------------------------------------------------------

def make_run(text: str, props: etree._Element | None, *, deleted: bool = False) -> etree._Element:
    """A run printing ``text`` with a copy of ``props``; tabs and breaks become elements."""
    run = w("r")
    if props is not None and len(props):
        run.append(copy.deepcopy(props))
    buf = []

    def flush() -> None:
        if buf:
            t = etree.SubElement(run, DEL_TEXT if deleted else T)
            t.text = "".join(buf)
            t.set(XML_SPACE, "preserve")
            buf.clear()

    for ch in text:
        if ch == "\t":
            flush()
            run.append(w("tab"))
        elif ch == "\n":
            flush()
            run.append(w("br"))
        else:
            buf.append(ch)
    flush()
    return run


def to_deleted_text(run: etree._Element) -> None:
    """Turn the text of ``run`` into ``w:delText`` (content of a ``w:del``)."""
    for t in run.iter(T):
        t.tag = DEL_TEXT
        t.set(XML_SPACE, "preserve")


def wrap_runs(p: etree._Element, wrapper: etree._Element, *, deleted: bool = False) -> bool:
    """Move every run of ``p`` into ``wrapper`` (placed where the first run was).

    Returns False when the paragraph has no run (nothing to wrap)."""
    runs = [child for child in p if child.tag == R]
    if not runs:
        return False
    runs[0].addprevious(wrapper)
    for run in runs:
        if deleted:
            to_deleted_text(run)
        wrapper.append(run)
    return True


def clear_runs(p: etree._Element) -> None:
    for child in list(p):
        if child.tag != PPR:
            p.remove(child)


# -- paragraph properties and marks -----------------------------------------------------------

def ppr(p: etree._Element) -> etree._Element:
    """``w:pPr`` of ``p``, created first in the paragraph if missing."""
    el = p.find(PPR)
    if el is None:
        el = w("pPr")
        p.insert(0, el)
    return el


def mark_rpr(p: etree._Element) -> etree._Element:
    """``w:pPr/w:rPr`` (the paragraph mark's properties), created in schema order."""
    props = ppr(p)
    el = props.find(RPR)
    if el is None:
        el = w("rPr")
        after = next((c for c in props if c.tag in _AFTER_RPR_IN_PPR), None)
        if after is not None:
            after.addprevious(el)
        else:
            props.append(el)
    return el


def mark_state(p: etree._Element) -> str | None:
    """``ins``/``del``/``moveFrom``/``moveTo`` if the paragraph mark is tracked."""
    props = p.find(PPR)
    rpr = props.find(RPR) if props is not None else None
    if rpr is None:
        return None
    for child in rpr:
        if child.tag in TRACKED:
            return etree.QName(child).localname
    return None


def track_mark(p: etree._Element, element: etree._Element | None) -> None:
    """Track the paragraph mark with ``element`` (a revision element), or untrack it."""
    rpr = mark_rpr(p)
    for child in [c for c in rpr if c.tag in TRACKED]:
        rpr.remove(child)
    if element is not None:
        rpr.insert(0, element)  # ins/del/moveFrom/moveTo come first in CT_ParaRPr
    elif not len(rpr):
        rpr.getparent().remove(rpr)
    props = p.find(PPR)
    if props is not None and not len(props):
        p.remove(props)


def _plain_ppr(props: etree._Element | None) -> etree._Element:
    """The formatting part of a ``w:pPr`` (without mark, section and change records)."""
    out = w("pPr")
    if props is not None:
        for child in props:
            if child.tag not in (RPR, *_AFTER_RPR_IN_PPR):
                out.append(copy.deepcopy(child))
    return out


def set_ppr(p: etree._Element, source: etree._Element | None) -> None:
    """Give ``p`` the paragraph formatting of ``source`` (a ``w:pPr`` or None: no
    formatting), keeping its own mark properties."""
    old = p.find(PPR)
    mark = old.find(RPR) if old is not None else None
    new = _plain_ppr(source)
    if mark is not None:
        new.append(mark)
    if old is not None:
        p.replace(old, new)
    else:
        p.insert(0, new)
    if not len(new):
        p.remove(new)


def record_ppr_change(p: etree._Element, before: etree._Element | None,
                      revisions: Revisions) -> None:
    """Record that ``p`` had the formatting ``before`` (a ``w:pPr``) until this revision."""
    props = ppr(p)
    for old in props.findall(qn("w:pPrChange")):
        props.remove(old)
    change = revisions.element("pPrChange")
    change.append(_plain_ppr(before))
    props.append(change)  # last child of CT_PPr


def record_rpr_change(run: etree._Element, before: etree._Element | None,
                      revisions: Revisions) -> None:
    """Record that ``run`` was formatted with ``before`` (a ``w:rPr``) until this revision."""
    props = run.find(RPR)
    if props is None:
        props = w("rPr")
        run.insert(0, props)
    change = revisions.element("rPrChange")
    old = w("rPr")
    if before is not None:
        for child in before:
            if child.tag != qn("w:rPrChange"):
                old.append(copy.deepcopy(child))
    change.append(old)
    props.append(change)  # last child of CT_RPr


def move_runs(source: etree._Element, target: etree._Element) -> None:
    """Move the content of paragraph ``source`` (not its properties) to the start of
    ``target``'s content."""
    anchor = target.find(PPR)
    items = [c for c in source if c.tag != PPR]
    for item in reversed(items):
        if anchor is not None:
            anchor.addnext(item)
        else:
            target.insert(0, item)


def insert_after_ppr(p: etree._Element, element: etree._Element) -> None:
    props = p.find(PPR)
    if props is not None:
        props.addnext(element)
    else:
        p.insert(0, element)


# -- LibreOffice and adjacent insertions ------------------------------------------------------
#
# LibreOffice joins an insertion that ends a paragraph and one that starts the next into one
# change, swallowing the (untracked) paragraph mark between them: rejecting it then merges
# the two paragraphs. Word reads the markup as written. These helpers re-express the edge
# of a rewritten paragraph so that it ends (or starts) with a deletion instead; both
# programs then read the same text either way.

def _content(p: etree._Element) -> list[etree._Element]:
    return [c for c in p if c.tag != PPR and etree.QName(c).localname not in _MARKERS]


_MARKERS = {"moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
            "bookmarkStart", "bookmarkEnd", "proofErr"}


def ends_with_insertion(p: etree._Element) -> bool:
    content = _content(p)
    return bool(content) and content[-1].tag in (INS, MOVE_TO)


def starts_with_insertion(p: etree._Element) -> bool:
    content = _content(p)
    return bool(content) and content[0].tag in (INS, MOVE_TO)


def _run_text(run: etree._Element) -> str | None:
    parts = [c for c in run if c.tag != RPR]
    if any(c.tag != T for c in parts):
        return None
    return "".join(c.text or "" for c in parts)


def end_with_deletion(p: etree._Element, revisions: Revisions) -> bool:
    """``… [ins X]`` → ``… [ins X][del …]``: swap a final replacement, or re-type the last
    unchanged word. Returns False if the paragraph offers neither."""
    from vanban.diff.words import tokens

    content = _content(p)
    last = content[-1]
    before = content[-2] if len(content) > 1 else None
    if before is not None and before.tag == DEL:
        last.addnext(before)
        return True
    if before is None or before.tag != R or not (text := _run_text(before)):
        return False
    word = tokens(text)[-1]
    props = before.find(RPR)
    keep = text[:-len(word)]
    if keep:
        before.addprevious(make_run(keep, props))
    before.getparent().remove(before)
    last.insert(0, make_run(word, props))
    gone = revisions.element("del")
    gone.append(make_run(word, props, deleted=True))
    last.addnext(gone)
    return True


def start_with_deletion(p: etree._Element, revisions: Revisions) -> bool:
    """``[ins X] …`` → ``[del …][ins X …] …``, the mirror of :func:`end_with_deletion`."""
    from vanban.diff.words import tokens

    content = _content(p)
    first = content[0]
    after = content[1] if len(content) > 1 else None
    if after is not None and after.tag == DEL:
        first.addprevious(after)
        return True
    if after is None or after.tag != R or not (text := _run_text(after)):
        return False
    word = tokens(text)[0]
    props = after.find(RPR)
    rest = text[len(word):]
    if rest:
        after.addnext(make_run(rest, props))
    after.getparent().remove(after)
    first.append(make_run(word, props))
    gone = revisions.element("del")
    gone.append(make_run(word, props, deleted=True))
    first.addprevious(gone)
    return True


# -- plain documents (the comparison table) ---------------------------------------------------

def set_default_font(styles: etree._Element, name: str) -> None:
    """Make ``name`` the document's default font, replacing theme fonts in the defaults."""
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    props = rpr_default.find(RPR) if rpr_default is not None else None
    if props is None:
        return
    fonts = props.find(qn("w:rFonts"))
    if fonts is None:
        fonts = w("rFonts")
        props.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def row_properties(tr: etree._Element) -> etree._Element:
    """The row's ``w:trPr``, made where the schema puts it (after ``w:tblPrEx``) if missing."""
    props = tr.find(qn("w:trPr"))
    if props is None:
        props = w("trPr")
        tbl_pr_ex = tr.find(qn("w:tblPrEx"))
        if tbl_pr_ex is not None:
            tbl_pr_ex.addnext(props)
        else:
            tr.insert(0, props)
    return props


def repeat_header_row(tr: etree._Element) -> None:
    """Repeat the table row ``tr`` at the top of every page (``w:tblHeader``)."""
    props = row_properties(tr)
    if props.find(qn("w:tblHeader")) is None:
        props.append(w("tblHeader"))


# -- table rows --------------------------------------------------------------------------------

def track_row(tr: etree._Element, element: etree._Element) -> None:
    """Track the table row ``tr`` as inserted or deleted (``w:trPr/w:ins``, ``w:del``)."""
    props = row_properties(tr)
    change = props.find(qn("w:trPrChange"))
    if change is not None:
        change.addprevious(element)
    else:
        props.append(element)  # after the row's other properties (CT_TrPr)

