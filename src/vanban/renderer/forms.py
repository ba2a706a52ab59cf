"""The lines of the model forms that Mẫu 1.4 does not have, as plain strings.

- Công điện (Mẫu 1.6): “<authority> điện:” centred under the trích yếu, then the receivers of
  the điện as a list, indented (the form puts them in the right-hand cell of a table).
- Giấy mời (Mẫu 1.7): “<issuer> trân trọng kính mời: …”, “Tới dự …”, “Chủ trì: …”,
  “Thời gian: …”, “Địa điểm: …”, before the notes (the plan's opening and closing).
- Biên bản (Mẫu 1.9): when and where the meeting began, who attended, chaired and kept the
  record, “Nội dung (…):” before the body and “Cuộc họp (…) kết thúc vào …” after it; the
  thư ký signs on the left, the chủ tọa on the right.

The labels are the forms' own words. A value is printed as written and ends its sentence
with a full stop; a list prints one entry per line, “- …;” and the last “- ….”, as Kính gửi
and Nơi nhận do.
"""

from __future__ import annotations

from typing import Any

from vanban.decree.doctypes import (
    BIEN_BAN,
    CABLE_VERB,
    CONG_DIEN,
    GIAY_MOI,
    INVITATION_WORDS,
    MINUTES_WORDS,
)
from vanban.plan.model import Plan, Signature

#: Where a Công điện's receivers start, from the left margin: Mẫu 1.6 puts them in the
#: right-hand cell of a table indented 1076 twips whose left cell is 2016 twips wide, plus the
#: cell's own margin of 108 twips (3200 twips: 5.64 cm). vanban's table has no indent and no
#: cell margins: its left cell is this wide.
RECEIVERS_INDENT_CM = 5.6
_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")


def full_stop(text: str) -> str:
    """``text`` ending its sentence: a full stop unless it has its own mark."""
    text = text.rstrip()
    return text if text.endswith(_SENTENCE_ENDS) else text + "."


def listed(items: list[str] | tuple[str, ...]) -> list[str]:
    """One entry per line: ``- …;`` and the last ``- ….``."""
    lines = [f"- {item.rstrip(' ;.')};" for item in items]
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def labelled(label: str, value: str | None) -> list[str]:
    """``Label: value.``, or nothing when the plan does not give the value."""
    return [full_stop(f"{label}: {value.strip()}")] if value and value.strip() else []


def labelled_list(label: str, items: tuple[str, ...]) -> list[str]:
    """One entry on the label's line; several, each on its own line under it."""
    if len(items) == 1:
        return labelled(label, items[0].rstrip(" ;."))
    return [f"{label}:", *listed(items)] if items else []


def cable_from(plan: Plan) -> dict[str, str]:
    """A Công điện's “<authority> điện:” line in two pieces: the authority, shown in capitals
    by the template as practice prints it (“THỦ TƯỚNG CHÍNH PHỦ điện:”), and the verb."""
    if plan.doctype.layout != CONG_DIEN or not plan.issuing_authority:
        return {}
    return {"authority": plan.issuing_authority.strip(), "verb": CABLE_VERB}


def cable_receivers(plan: Plan) -> list[str]:
    """Who a Công điện goes to, one per line under “… điện:”."""
    if plan.doctype.layout != CONG_DIEN:
        return []
    return listed([a.line for a in plan.addressees])


def inviter(plan: Plan) -> str:
    """Who invites, as running text: the issuer as a sentence names it, else its name as
    the header prints it — Mẫu 1.7 asks for the issuing body's name (its note 2), and a
    name whose sentence form is uncertain is better left as its agency wrote it."""
    return plan.issued_by() or " ".join(plan.issuer.name)


def invitation_lines(plan: Plan) -> list[str]:
    """A Giấy mời's lines before its notes (Mẫu 1.7)."""
    invitation = plan.invitation
    if plan.doctype.layout != GIAY_MOI or invitation is None:
        return []
    words = INVITATION_WORDS
    lines = labelled_list(f"{inviter(plan)} {words['invites']}", invitation.invitees)
    lines.append(full_stop(f"{words['event']} {invitation.event.strip()}"))
    lines += labelled(words["chair"], invitation.chair)
    lines += labelled(words["time"], invitation.time)
    lines += labelled(words["place"], invitation.place)
    return lines


def minutes_lines(plan: Plan, has_body: bool) -> list[str]:
    """A Biên bản's lines before its body (Mẫu 1.9)."""
    minutes = plan.minutes
    if plan.doctype.layout != BIEN_BAN or minutes is None:
        return []
    words = MINUTES_WORDS
    lines = labelled(words["start"], minutes.start)
    lines += labelled(words["place"], minutes.place)
    lines += labelled_list(words["participants"], minutes.participants)
    lines += labelled(words["chair"], minutes.chair)
    lines += labelled(words["secretary"], minutes.secretary)
    if has_body:
        lines.append(words["content"])
    return lines


def minutes_end(plan: Plan) -> list[str]:
    """A Biên bản's last line, after its body: when the meeting ended."""
    minutes = plan.minutes
    if plan.doctype.layout != BIEN_BAN or minutes is None or not (minutes.end or "").strip():
        return []
    return [full_stop(f"{MINUTES_WORDS['end']} {minutes.end.strip()}")]


def signature_block(signature: Signature) -> dict[str, Any]:
    return {"lines": list(signature.lines), "other_title": list(signature.other_title),
            "name": signature.name}


def signature_blocks(plan: Plan) -> tuple[dict[str, Any], dict[str, Any]]:
    """The signature and, for a Biên bản with a thư ký, the cosignature on its left.

    Side by side, the two blocks are given as many title lines and other-title lines as
    each other (empty ones, which print as blank lines), so the names stand level as in
    Mẫu 1.9, where each part of the two blocks shares a row.
    """
    signature = signature_block(plan.signature)
    if plan.doctype.layout != BIEN_BAN or plan.cosigner is None:
        return signature, {}
    cosignature = signature_block(plan.cosigner)
    pair = (signature, cosignature)
    titles = max(len(s["lines"]) for s in pair)
    others = max(len(s["other_title"]) for s in pair)
    for block in pair:
        block["lines"] += [""] * (titles - len(block["lines"]))
        block["other_title"] = [""] * (others - len(block["other_title"])) + block["other_title"]
    return signature, cosignature
