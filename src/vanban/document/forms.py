"""The lines of the forms after Mẫu 1.5 in an imported document (Phụ lục III): a Công
điện's “<authority> điện:” and its receivers (Mẫu 1.6), a Giấy mời's invitation (Mẫu 1.7);
a Biên bản's record of the meeting is read by :mod:`.minutes`, its two signatures by
:mod:`.cosigner`.

A vanban-made .docx prints these lines in its “VB Cable From”, “VB Cable Receiver” and
“VB Field” styles, in the form's words; a document written elsewhere is read by its words,
which vary (“Kính mời:”, “Tới dự:”, “Vào lúc …”, “Tại …”). A line worded otherwise than
the form is read into its field and reported (VB011): vanban prints the form's words for it.
Fields are read in the form's order only, where they stand: the first line that is not the
next field ends them, and it and what follows stay text where they are — nothing is moved
or dropped.
"""

from __future__ import annotations

import re
from typing import Any

from vanban.decree.doctypes import (
    BIEN_BAN,
    CABLE_VERB,
    CONG_DIEN,
    GIAY_MOI,
    INVITATION_WORDS,
)
from vanban.decree.numbering import LEADING_LABEL
from vanban.document import labels
from vanban.document.cursor import Cursor
from vanban.document.fields import FieldReader
from vanban.document.labels import COLON, Label
from vanban.document.minutes import MinutesParser, opens_minutes
from vanban.document.model import Para
from vanban.i18n import _
from vanban.plan.serialize import Origin

#: “<authority> điện:” (Mẫu 1.6): the authority, then the verb (“ĐIỆN:” typed in capitals too).
_CABLE = re.compile(r"^(?P<authority>\S.*?)\s+dien\s*:\s*")
#: “<inviter> trân trọng kính mời:”, “Trân trọng kính mời:”, “Kính mời:” (Mẫu 1.7).
_INVITES = re.compile(r"^(?P<inviter>.*?)\s*(?:tran trong\s+)?kinh moi\b\s*:?\s*")
#: The fields after the invitees, in the form's order.
_EVENT = Label(INVITATION_WORDS["event"], labels.pattern(
    INVITATION_WORDS["event"], r"den\s+du(?:\s*:)?\s+", colon=False))
_INVITATION_FIELDS = {
    "chair": Label(INVITATION_WORDS["chair"], labels.pattern(
        INVITATION_WORDS["chair"], r"chu\s+toa" + COLON,
        r"chu\s+tri\s+(?:hoi\s+nghi|cuoc\s+hop|hoi\s+thao)" + COLON)),
    "time": Label(INVITATION_WORDS["time"], labels.pattern(
        INVITATION_WORDS["time"], r"vao\s+(?:luc|hoi)\s+", r"thoi\s+gian\s+to\s+chuc" + COLON)),
    "place": Label(INVITATION_WORDS["place"], labels.pattern(
        INVITATION_WORDS["place"], r"tai(?:\s*:)?\s+", r"dia\s+diem\s+to\s+chuc" + COLON)),
}
#: One receiver on a line of them: up to the next “;”.
_RECEIVER = re.compile(r"\s*(?P<name>[^;]*[^;\s])\s*(?:;|$)")
#: The longest line of receivers read under “… điện:”; a longer one is a paragraph.
_RECEIVERS_LENGTH = 400
#: The longest authority or inviter read (“Chủ tịch Ủy ban nhân dân tỉnh …”); a longer
#: lead-in is a sentence of its own that happens to say “điện:” or “kính mời”.
_LEAD_LENGTH = 150


def opens_form(cur: Cursor, para: Para) -> bool:
    """Whether ``para`` is the first line of its type's form, not a trích yếu (a document
    without one goes straight on to it)."""
    layout = cur.doctype.layout if cur.doctype else None
    lowered = labels.folded(para.text) or ""
    if layout == CONG_DIEN:
        return bool((m := _CABLE.match(lowered)) and m.end("authority") <= _LEAD_LENGTH)
    if layout == GIAY_MOI:
        return bool((m := _INVITES.match(lowered)) and m.end("inviter") <= _LEAD_LENGTH)
    if layout == BIEN_BAN:
        return opens_minutes(para.text)
    return False


def form_parser(cur: Cursor) -> FieldReader:
    """The parser of the lines of the document's form (none for most types)."""
    layout = cur.doctype.layout if cur.doctype else None
    return MinutesParser(cur) if layout == BIEN_BAN else FormParser(cur)


class FormParser(FieldReader):
    """Reads the lines of a Công điện or a Giấy mời before its body into the cursor's data."""

    def __init__(self, cur: Cursor) -> None:
        super().__init__(cur)
        #: The Giấy mời's inviter as written (settled against the plan at the end).
        self.inviter: Origin | None = None

    def opening(self) -> None:
        if self.layout == CONG_DIEN:
            self.cable()
        elif self.layout == GIAY_MOI:
            self.invitation()

    # --- Công điện ----------------------------------------------------------------------

    def cable(self) -> None:
        """“<authority> điện:” and the receivers: “- …;” lines under it, or one on its line."""
        para = self.cur.peek()
        lowered = labels.folded(para.text) if para is not None else None
        m = _CABLE.match(lowered) if lowered is not None else None
        if para is None or m is None or not self.field(para) or \
                m.end("authority") > _LEAD_LENGTH:
            return
        self.cur.take("cable_from")
        authority = para.text[:m.end("authority")]
        self.cur.data["issuing_authority"] = self.cur.origin(para, authority)
        verb = para.text[m.end("authority"):m.end()].strip()
        self.warn_label(para, verb, CABLE_VERB)
        rest = para.text[m.end():]
        if rest.strip():
            value, _col = labels.item(rest)
            receivers = [self.cur.origin(para, value, m.end())]
        else:
            receivers = self.items("addressee_item") or self.receivers_line()
        if receivers:
            self.cur.data["addressees"] = receivers

    def receivers_line(self) -> list[Origin]:
        """The receivers typed on the line under “… điện:” without dashes (“Giám đốc các sở;
        Chủ tịch Ủy ban nhân dân các xã.”), which the form's words make its object: one
        receiver each between “;”, reported — vanban prints them one a line."""
        para = self.cur.peek()
        if para is None or self.cur.made_by_vanban or not para.text or \
                LEADING_LABEL.match(para.text) or len(para.text) > _RECEIVERS_LENGTH or \
                para.text.rstrip().endswith(":") or para.text.startswith("Kính gửi"):
            return []  # a numbered line, a paragraph, a lead-in: not the receivers
        self.cur.take("addressee_item")
        out: list[Origin] = []
        for m in _RECEIVER.finditer(para.text):
            out.append(self.cur.origin(para, labels.item(m["name"])[0], m.start("name")))
        self.cur.warn(para, _("the line under “{verb}” is read as the receivers of the Công "
                              "điện ({count}); vanban prints them one a line with “-”"),
                      verb=CABLE_VERB, count=len(out))
        return out

    # --- Giấy mời -----------------------------------------------------------------------

    def invitation(self) -> None:
        """“<inviter> trân trọng kính mời: …”, “Tới dự …”, then chair, time and place as far
        as they come in the form's order. Without its invitees and its event a Giấy mời has
        no invitation: then every line stays text."""
        point = self.checkpoint()
        out = self.invitees()
        event = self.event() if out else None
        if not out or event is None:  # not the form: give the lines back to the body
            self.rewind(point)
            self.inviter = None
            return
        invitation: dict[str, Any] = {"invitees": out[0] if len(out) == 1 else out,
                                      "event": event}
        keys = list(_INVITATION_FIELDS)
        while (para := self.cur.peek()) is not None and self.field(para) and keys:
            hit = next(((i, key, found) for i, key in enumerate(keys)
                        if (found := labels.read(_INVITATION_FIELDS[key], para.text))
                        and found.value), None)
            if hit is None:
                break
            index, key, found = hit
            self.cur.take("body")
            self.warn_words(para, found, _INVITATION_FIELDS[key].words)
            invitation[key] = self.value(para, found)
            keys = keys[index + 1:]
        self.cur.data["invitation"] = invitation

    def invitees(self) -> list[Origin]:
        para = self.cur.peek()
        lowered = labels.folded(para.text) if para is not None else None
        m = _INVITES.match(lowered) if lowered is not None else None
        if para is None or m is None or not self.field(para) or \
                m.end("inviter") > _LEAD_LENGTH:
            return []
        self.cur.take("body")
        # “Kính mời:” alone is printed “<issuer> trân trọng kính mời:”, which says it all
        inviter = para.text[:m.end("inviter")].strip()
        if inviter:
            self.inviter = self.cur.origin(para, inviter)
        rest = para.text[m.end():]
        if rest.strip():
            value, _col = labels.item(rest)
            return [self.cur.origin(para, value, m.end())]
        out = self.items("body")
        nxt = self.cur.peek()
        if not out and nxt is not None and self.field(nxt) and \
                (after := self.next_after(nxt)) is not None and \
                labels.read(_EVENT, after.text) is not None:
            self.cur.take("body")  # one invitee on the line under “Kính mời:”, no dash
            value, col = labels.item(nxt.text)
            out.append(self.cur.origin(nxt, value, col))
        return out

    def event(self) -> Origin | None:
        para = self.cur.peek()
        found = labels.read(_EVENT, para.text) if para is not None and self.field(para) \
            else None
        if para is None or found is None or not found.value:
            return None
        self.cur.take("body")
        self.warn_words(para, found, _EVENT.words)
        return self.value(para, found)

    # --- at the end ---------------------------------------------------------------------

    def settle(self, data: dict[str, Any]) -> None:
        """What only the whole plan decides: the Giấy mời's inviter is vanban's own words
        (made from the issuer) unless the document names the issuer otherwise; then it is
        kept as the issuer's name in a sentence (``issuer.in_text``), which vanban prints."""
        if self.inviter is None or "invitation" not in data:
            return
        from vanban.plan.loader import read_plan
        from vanban.plan.serialize import dump_yaml

        text, _placed = dump_yaml(data)
        plan = read_plan("imported.yaml", text.encode("utf-8")).plan
        issuer = data.get("issuer", {})
        names = issuer.get("name", "")
        default = (plan.issued_by() or " ".join(plan.issuer.name)) if plan is not None else \
            " ".join(names) if isinstance(names, list) else str(names)
        if str(self.inviter) != default:
            issuer["in_text"] = self.inviter
