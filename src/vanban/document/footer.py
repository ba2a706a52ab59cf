"""The end of an imported document: Nơi nhận (with the ``Lưu:`` line), the drafter's mark,
and the signature block (authority, titles, name)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from vanban.decree.signing import AUTHORITIES, AUTHORITY_PREFIX
from vanban.document.cursor import Cursor
from vanban.document.model import Para
from vanban.i18n import _
from vanban.plan.serialize import Origin
from vanban.text.fold import is_upper

_DRAFTER = re.compile(r"^(?P<drafter>[A-ZĐ]+)?\.?\((?P<copies>\d+)\)$|^(?P<alone>[A-ZĐ]{2,})\.$")
_NOTE_AFTER = re.compile(r"^(?P<name>.*?);?\s*\((?P<note>[^()]*)\)\s*[;.]?$")
#: Leading spaces that push a line into the right column of a signature block typed by hand.
_INDENT = 5
#: How far a signature block typed without a table reaches (lines of Nơi nhận and titles).
_FOOTER_REACH = 40
_SIGNED = re.compile(r"^\[?\s*\(?\s*(đã ký|da ky|signed)\s*\)?\s*\]?$", re.IGNORECASE)


def looks_like_name(text: str) -> bool:
    """A person's name: two to five syllables, each a capital then small letters
    (“Hồ Văn Mười”; not “Phụ lục I”, not “ĐIỀU LỆ”)."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)


class FooterParser:
    """Reads Nơi nhận and the signature after the body into the cursor's data, and at the
    end what is left after them (:meth:`notes`)."""

    def __init__(self, cur: Cursor) -> None:
        self.cur = cur
        #: The signature was read from a merged web line; later title lines are notes.
        self.signed = False

    def footer(self) -> None:
        recipients: list[Any] = []
        titles: list[Para] = []
        other: list[Para] = []
        name: Para | None = None
        notes: list[Any] = []
        tail: int | None = None
        gap = False
        in_recipients = False
        block, rest = self.units()
        if block and block[0].cell is None:  # columns told apart by indents: a reading
            self.cur.warn(block[0], _(
                "paragraphs {first}–{last} are Nơi nhận and the signature typed side by side "
                "with spaces or tabs; their two columns were told apart by the indents"),
                first=min(p.number for p in block), last=max(p.number for p in block))
        for para in block or rest:
            if para.index in self.cur.hidden:
                continue
            text = para.text
            if not text:
                gap = gap or bool(titles)
                continue
            if para.style == "VB Signature Space":
                gap = True
                continue
            if name is not None:
                if not block:  # after a signer typed as paragraphs: appendices … (the tail)
                    tail = para.index
                    break
                self.cur.roles.setdefault("notes", []).append(para)  # in the signature cell
                notes.append(self.cur.origin(para))
                continue
            if text.startswith("Nơi nhận"):
                in_recipients = True
                self.cur.roles.setdefault("recipients_label", []).append(para)
                continue
            if in_recipients and not titles and (
                    text.startswith("- ") or self.continues_recipient(para, recipients)):
                self.cur.roles.setdefault("recipient", []).append(para)
                self.recipient(para, recipients)
                continue
            if m := _DRAFTER.match(text):
                self.cur.roles.setdefault("drafter", []).append(para)
                if m["drafter"] or m["alone"]:
                    self.cur.data["drafter"] = m["drafter"] or m["alone"]
                if m["copies"]:
                    self.cur.data["copies"] = int(m["copies"])
                continue
            if _SIGNED.match(text):
                self.cur.warn(para, _("“{text}” marks a signature; it is kept as a note after "
                                      "the signature block"), text=text)
                notes.append(self.cur.origin(para))
                continue
            in_recipients = False
            if is_upper(text) or para.style == "VB Signature Title":
                (other if gap and titles else titles).append(para)
            elif titles and (para.style in ("VB Signer", "") or
                             para.style.startswith("VB ") is False):
                name = para
            else:
                notes.append(self.cur.origin(para))
        if block:  # what follows a signature table or a two-column block: appendices …
            rest = [p for p in rest if p.text and p.index not in self.cur.hidden]
            if titles and name is None and rest and looks_like_name(rest[0].text):
                name = rest.pop(0)  # the name typed just under the table (“Hồ Văn Mười”)
            tail = rest[0].index if rest else None
        # the tail (appendices, the document a decision issues) is read on from here
        self.cur.pos = tail if tail is not None else len(self.cur.paras)
        self.cur.roles["signature_title"] = titles
        self.cur.roles["other_title"] = other
        self.cur.roles["signer"] = [name] if name is not None else []
        self.cur.data["recipients"] = recipients
        self.signature(titles, other, name)
        if notes:
            self.cur.data["notes"] = notes

    def notes(self) -> None:
        """What is left after the signature and its appendices: kept as notes, in order; then
        the footnotes."""
        notes = self.cur.data.setdefault("notes", [])
        while self.cur.peek() is not None:
            para = self.cur.take("notes")
            if para.text:  # not vanban's empty signature space
                notes.append(self.cur.origin(para))
        notes += self.footnotes()
        if not notes:
            del self.cur.data["notes"]

    def units(self) -> tuple[list[Para], list[Para]]:
        """The signature block in the order a reader takes it — a Nơi nhận | signature table
        column by column (all of Nơi nhận, then the signature), lines typed as two columns
        with tabs or spaces split into their columns the same way — and what follows it. The
        block is empty when the footer is typed as plain paragraphs (then all is the rest)."""
        rest = self.cur.paras[self.cur.pos:]
        self.cur.pos = len(self.cur.paras)
        if not rest:
            return [], []
        if (cell := rest[0].cell) is not None:
            size = next((i for i, p in enumerate(rest)
                         if p.cell is None or p.cell.table != cell.table), len(rest))
        else:  # two-column lines, up to the last one within reach (then an appendix …)
            aligned = [i for i, p in enumerate(rest[:_FOOTER_REACH])
                       if p.cell is None and (len(p.segments) > 1 or p.raw[:1].isspace())]
            size = aligned[-1] + 1 if aligned else 0
        return self.columns(rest[:size]), rest[size:]

    @staticmethod
    def columns(block: list[Para]) -> list[Para]:
        """A table's units column by column; two-column lines split, left column first."""
        if block and block[0].cell is not None:
            return sorted(block, key=lambda p: (p.cell.col, p.cell.row, p.index))  # type: ignore[union-attr]
        left: list[Para] = []
        right: list[Para] = []
        for para in block:
            indent = para.raw[:len(para.raw) - len(para.raw.lstrip())]
            pushed = "\t" in indent or len(indent) >= _INDENT  # the line starts in the right column
            # segments are counted in the unit's text, which starts at para.col; each piece
            # keeps its own format (“Nơi nhận:” italic, “KT. CHỦ TỊCH” bold on one line)
            formats = para.segment_formats if len(para.segment_formats) == len(para.segments) \
                else ()
            for i, (col, text) in enumerate(para.segments or ((0, para.text),)):
                fmt = formats[i] if formats else para.format
                piece = replace(para, text=text.strip(), col=para.col + col, segments=(),
                                segment_formats=(), format=fmt,
                                bold=fmt.bold if fmt else para.bold,
                                italic=fmt.italic if fmt else para.italic,
                                size=fmt.size if fmt else para.size)
                (left if i == 0 and not pushed else right).append(piece)
        return left + right

    def continues_recipient(self, para: Para, recipients: list[Any]) -> bool:
        """A recipient that runs on to the next line: it starts in lower case."""
        return bool(recipients) and para.text[:1].islower()

    def footnotes(self) -> list[Any]:
        """Footnote texts, after the signature, each with the unit that refers to it."""
        refs = {fid: para for para in reversed(self.cur.paras) for fid in para.footnotes}
        out = []
        for fid, text in self.cur.doc.footnotes.items():
            if fid in refs:  # a footnote's paragraphs, each a note
                out += [self.cur.origin(refs[fid], line.strip()) for line in text.splitlines()
                        if line.strip()]
        return out

    def recipient(self, para: Para, out: list[Any]) -> None:
        if not para.text.startswith("- "):  # the rest of the recipient above
            last = out[-1]
            out[-1] = Origin(f"{last} {para.text.rstrip(';.').rstrip()}", last.para, last.col)
            return
        text = para.text[2:].strip()
        if text.startswith("Lưu"):
            archive = text.split(":", 1)[1].strip() if ":" in text else text[3:].strip()
            rest = ""
            # “Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG …” (a merged web rendering)
            m = re.match(r"^(.*?\.)\s+(\S.*)$", archive) if self.cur.doc.kind == "txt" else None
            if m and not re.match(r"^[A-ZĐ]+\.?\(\d+\)$", m.group(2)):
                archive, rest = m.group(1), m.group(2)
            self.cur.data["archive"] = self.cur.origin(para, archive.rstrip("."), para.text.index(archive))
            if rest:
                self.split_merged_signature(para, rest)
            return
        m = _NOTE_AFTER.match(text)
        if m and ";" in text[:text.rfind("(")]:  # “- Bộ X; (để báo cáo)”: note after the ;
            out.append(self.cur.origin(para, f"{m['name'].rstrip(';')} ({m['note']})", 2))
        else:
            out.append(self.cur.origin(para, text.rstrip(";.").rstrip(), 2))

    def split_merged_signature(self, para: Para, rest: str) -> None:
        """Words after the archive line in one merged paragraph: drafter, titles, name."""
        words = rest.split()
        upper_at = [i for i, w in enumerate(words) if len(w.strip(",.")) > 1 and is_upper(w)]
        if not upper_at:
            return
        first, last = upper_at[0], upper_at[0]
        while last + 1 < len(words) and is_upper(words[last + 1]):
            last += 1
        before = " ".join(words[:first])
        upper = " ".join(words[first:last + 1])
        after = " ".join(words[last + 1:])
        if before:  # kept on the archive line, where the document has it
            self.cur.warn(para, _("“{text}” after the archive line is kept on that line"),
                          text=before)
            archive = self.cur.data["archive"]
            self.cur.data["archive"] = Origin(f"{archive}. {before}", archive.para, archive.col)
        titles = [replace(para, text=upper.strip(), zone="split")]
        name = replace(para, text=after, zone="split") if after else None
        self.signature(titles, [], name)
        self.signed = True

    def signature(self, titles: list[Para], other: list[Para], name: Para | None) -> None:
        if self.signed:
            return
        lines = [str(p.text).strip() for p in titles]
        sig: dict[str, Any] = {}
        if lines and (m := AUTHORITY_PREFIX.match(lines[0])) and f"{m.group(1)}." in AUTHORITIES:
            sig["authority"] = f"{m.group(1)}."
            lines[0] = lines[0][m.end():]
        values = [Origin(line, p.index, 0) for line, p in zip(lines, titles)]
        sig["titles"] = values[0] if len(values) == 1 else (values or "")
        if other:
            values = [self.cur.origin(p) for p in other]
            sig["other_title"] = values[0] if len(values) == 1 else values
        sig["name"] = self.cur.origin(name) if name is not None else ""
        self.cur.data["signature"] = sig

