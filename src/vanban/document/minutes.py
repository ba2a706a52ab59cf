"""A Biên bản's record of the meeting in an imported document (Mẫu 1.9): when and where it
began, who attended, who chaired and who kept the record, “Nội dung (…):” before its content,
and after the content when the meeting ended.

Practice words them variously: “Thời gian:”, “Chủ tọa:”, “Thư ký:”, “Thành phần tham dự
gồm:”, one sentence for the start and the place (“Hôm nay, vào lúc 08 giờ 00, ngày …, tại
Phòng họp …”), and at the end “Biên bản kết thúc vào …”. Each is read into its field, and
the wording reported when it is not the form's (VB011). The end is read only when it is the
body's last line: a paragraph after it would otherwise move before it. The body of a
document from elsewhere ends there, or at the signatures' first line (THƯ KÝ, CHỦ TỌA …),
which :mod:`.cosigner` reads.
"""

from __future__ import annotations

import re
from typing import Any

from vanban.decree.doctypes import MINUTES_WORDS
from vanban.decree.numbering import LEADING_LABEL
from vanban.document import labels
from vanban.document.fields import FieldReader
from vanban.document.labels import COLON, Label
from vanban.document.model import Para
from vanban.i18n import _
from vanban.text.fold import fold, is_upper

_MEETING = r"(?:\s+(?:cuoc\s+hop|hoi\s+nghi|hoi\s+thao))?"
#: The fields before the content, in the form's order.
FIELDS = {
    "start": Label(MINUTES_WORDS["start"], labels.pattern(
        MINUTES_WORDS["start"], r"thoi\s+gian(?:\s+hop)?" + COLON)),
    "place": Label(MINUTES_WORDS["place"], labels.pattern(
        MINUTES_WORDS["place"], r"dia\s+diem\s+(?:hop|to\s+chuc)" + COLON,
        r"tai(?:\s*:)?\s+")),
    "participants": Label(MINUTES_WORDS["participants"], labels.pattern(
        MINUTES_WORDS["participants"],
        r"thanh\s+phan(?:\s+(?:tham\s+du|du\s+hop|cuoc\s+hop|tham\s+gia))?(?:\s+gom(?:\s+co)?)?"
        + COLON, r"(?:tham\s+du|chung\s+toi)\s+gom(?:\s+co)?" + COLON)),
    "chair": Label(MINUTES_WORDS["chair"], labels.pattern(
        MINUTES_WORDS["chair"],
        r"chu\s+(?:tri|toa)(?:\s*\(\s*chu\s+(?:tri|toa)\s*\))?" + _MEETING + COLON)),
    "secretary": Label(MINUTES_WORDS["secretary"], labels.pattern(
        MINUTES_WORDS["secretary"],
        r"thu\s+ky(?:\s*\(\s*nguoi\s+ghi\s+bien\s+ban\s*\))?" + _MEETING + COLON,
        r"nguoi\s+ghi\s+bien\s+ban" + COLON)),
}
#: “Hôm nay, vào lúc <start>, tại <place>”, perhaps closed by the participants' label
#: (“…, chúng tôi gồm:”).
_OPENER = r"^(?:hom\s+nay\s*,?\s*(?:vao\s+(?:luc|hoi)\s+)?|vao\s+(?:luc|hoi)\s+)"
_SENTENCE = re.compile(
    _OPENER + r"(?P<start>.+?)(?:(?:\s*,\s*|\s+)tai\s+(?P<place>.+?))?"
    r"(?:\s*,\s*(?P<tail>(?:(?:chung\s+toi|thanh\s+phan(?:\s+tham\s+du)?)\s+)?gom(?:\s+co)?"
    r"\s*:?))?\s*$")
#: “Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo):”, “Nội dung cuộc họp:”.
_CONTENT = re.compile(r"^noi\s+dung\b[^:]{0,80}:\s*$")
#: “Cuộc họp (hội nghị, hội thảo) kết thúc vào …”, “Biên bản kết thúc lúc …”.
_END = Label(MINUTES_WORDS["end"], re.compile(
    r"(?:cuoc\s+hop|bien\s+ban|hoi\s+nghi|hoi\s+thao|buoi\s+lam\s+viec|phien\s+hop)"
    r"(?:\s*\([^)]*\))?\s+ket\s+thuc\s+(?:(?:vao|luc)\s+(?:luc\s+|hoi\s+)?|hoi\s+)"))
#: The first words of a signature title of a Biên bản.
_SIGNERS = ("thu ky", "chu toa", "chu tri", "nguoi ghi bien ban", "dai dien")
#: Columns typed on one line: a tab, or three spaces or more.
COLUMNS = re.compile(r"\t+|\s{3,}")


def opens_minutes(text: str) -> bool:
    """Whether ``text`` is the first line of a Biên bản's record."""
    lowered = labels.folded(text)
    if lowered is None:
        return False
    return bool(re.match(_OPENER, lowered)) or any(
        labels.read(label, text) is not None for label in FIELDS.values())


def signs(para: Para) -> bool:
    """Whether ``para`` is the first line of a Biên bản's signatures: a title in capitals
    (THƯ KÝ, CHỦ TỌA …), alone or beside the other one."""
    first = para.segments[0][1] if para.segments else COLUMNS.split(para.text.strip())[0]
    return is_upper(first) and fold(first).startswith(_SIGNERS) and \
        len(first.split()) <= 8 and not LEADING_LABEL.match(para.text)


class MinutesParser(FieldReader):
    """Reads a Biên bản's record before and after its content into the cursor's data."""

    def minutes(self) -> dict[str, Any]:
        return self.cur.data.setdefault("minutes", {})

    def opening(self) -> None:
        keys = list(FIELDS)
        while (para := self.cur.peek()) is not None and self.field(para) and keys:
            if keys[0] == "start" and self.sentence(para):
                keys = keys[2:] if "participants" not in self.minutes() else keys[3:]
                continue
            if self.content(para):
                return
            hit = next(((i, key, found) for i, key in enumerate(keys)
                        if (found := labels.read(FIELDS[key], para.text)) is not None), None)
            if hit is None:
                return
            index, key, found = hit
            if not found.value and key != "participants":
                return  # a label left blank: the line stays text
            start = self.checkpoint()
            self.cur.take("body")
            if found.value:
                self.minutes()[key] = self.value(para, found)
            elif items := self.items("body"):  # the participants listed under their label
                self.participants(items)
            else:
                self.rewind(start)  # a label over lines that are not a list: text
                return
            self.warn_words(para, found, FIELDS[key].words)
            keys = keys[index + 1:]
        if (para := self.cur.peek()) is not None and self.field(para):
            self.content(para)

    def participants(self, items: list[Any]) -> None:
        self.minutes()["participants"] = items[0] if len(items) == 1 else items

    def sentence(self, para: Para) -> bool:
        """“Hôm nay, vào lúc <start>, tại <place>” read into the start and the place (and
        “…, chúng tôi gồm:” as the label of the participants listed under it)."""
        lowered = labels.folded(para.text)
        m = _SENTENCE.match(lowered) if lowered is not None else None
        if m is None or self.cur.made_by_vanban:
            return False
        text = para.text
        self.cur.take("body")
        items = self.items("body") if m["tail"] is not None else []
        last = "place" if m["place"] is not None else "start"
        for key in ("start", "place"):
            if m[key] is None:
                continue
            # the last field runs to the end of the sentence, unless the participants' label
            # closes it; a label with no list under it stays in the value
            end = m.end(key) if key != last or items else len(text)
            self.minutes()[key] = self.cur.origin(
                para, labels.field_value(text[m.start(key):end]), m.start(key))
        if items:
            self.participants(items)
        minutes = self.minutes()
        self.cur.warn(para, _("the sentence “{opener}…” is read as the meeting's start "
                              "(“{start}”) and place (“{place}”); vanban prints them as the "
                              "form's “{start_label}: …” and “{place_label}: …”"),
                      opener=text[:m.start("start")].strip(), start=minutes["start"],
                      place=minutes.get("place", ""), start_label=MINUTES_WORDS["start"],
                      place_label=MINUTES_WORDS["place"])
        return True

    def content(self, para: Para) -> bool:
        """“Nội dung (…):”, which vanban prints before the content: not text of the body."""
        lowered = labels.folded(para.text)
        if lowered is None or not _CONTENT.match(lowered):
            return False
        self.cur.take("body")
        self.warn_label(para, para.text.strip(), MINUTES_WORDS["content"])
        return True

    def stops(self, para: Para) -> bool:
        """The body ends at the line of the end (the body's last) or at the signatures."""
        if self.cur.made_by_vanban:
            return para.style == "VB Field"
        if signs(para):
            return True
        if labels.read(_END, para.text) is None:
            return False
        nxt = self.next_after(para)
        return nxt is None or signs(nxt) or nxt.text.startswith("Nơi nhận") or \
            is_upper(COLUMNS.split(nxt.text.strip())[0])

    def ending(self) -> None:
        """“Cuộc họp (hội nghị, hội thảo) kết thúc vào …”, the record's last line."""
        para = self.cur.peek()
        found = labels.read(_END, para.text) if para is not None and self.field(para) else None
        if para is None or found is None or not found.value:
            return
        self.cur.take("body")
        self.warn_words(para, found, _END.words)
        self.minutes()["end"] = self.value(para, found)

    def settle(self, data: dict[str, Any]) -> None:
        if not data.get("minutes"):
            data.pop("minutes", None)
