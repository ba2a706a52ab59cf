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
_SIGNED = re.compile(r"^\[?\s*\(?\s*(đã ký|da ky|signed)\s*\)?\s*\]?$", re.IGNORECASE)


class FooterParser:
    """Reads everything after the body into the cursor's data."""

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
        gap = False
        in_recipients = False
        while self.cur.pos < len(self.cur.paras):
            para = self.cur.paras[self.cur.pos]
            self.cur.pos += 1
            text = para.text
            if not text:
                gap = gap or bool(titles)
                continue
            if para.style == "VB Signature Space":
                gap = True
                continue
            if text.startswith("Nơi nhận"):
                in_recipients = True
                self.cur.roles.setdefault("recipients_label", []).append(para)
                continue
            if text.startswith("- ") and in_recipients and name is None and not titles:
                self.cur.roles.setdefault("recipient", []).append(para)
                self.recipient(para, recipients)
                continue
            if m := _DRAFTER.match(text):
                self.cur.data["drafter"] = m["drafter"] or m["alone"] or ""
                if not self.cur.data["drafter"]:
                    del self.cur.data["drafter"]
                if m["copies"]:
                    self.cur.data["copies"] = int(m["copies"])
                continue
            if _SIGNED.match(text):
                self.cur.warn(para, _("paragraph {number} marks a signature (“{text}”); it is "
                                      "kept as a note after the signature block"),
                              number=para.number, text=text)
                notes.append(self.cur.origin(para))
                continue
            in_recipients = False
            if name is None and (is_upper(text) or para.style == "VB Signature Title"):
                (other if gap and titles else titles).append(para)
            elif name is None and titles and (para.style in ("VB Signer", "") or
                                              para.style.startswith("VB ") is False):
                name = para
            else:
                notes.append(self.cur.origin(para))
        self.cur.roles["signature_title"] = titles
        self.cur.roles["other_title"] = other
        self.cur.roles["signer"] = [name] if name is not None else []
        if recipients:
            self.cur.data["recipients"] = recipients
        else:
            self.cur.data["recipients"] = []
        self.signature(titles, other, name)
        if notes:
            self.cur.data["notes"] = notes

    def recipient(self, para: Para, out: list[Any]) -> None:
        text = para.text[2:].strip()
        if text.startswith("Lưu"):
            archive = text.split(":", 1)[1].strip() if ":" in text else text[3:].strip()
            rest = ""
            # “Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG …” (a merged web rendering)
            m = re.match(r"^(.*?\.)\s+(\S.*)$", archive)
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
            self.cur.warn(para, _("paragraph {number}: “{text}” after the archive line is kept "
                                  "on that line"), number=para.number, text=before)
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

