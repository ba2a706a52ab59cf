"""Two signatures side by side: a Biên bản's (Mẫu 1.9), the thư ký's on the left, which the plan
holds as its ``cosigner``, and the chủ tọa's on the right (its ``signature``), Nơi nhận under
them; or a document issued jointly (liên tịch), the lead body's head signing on the right, the
other body's on the left.

The footer parser hands the signature block over column by column (a table's left column,
then its right one, see :meth:`.footer.FooterParser.units`). Lines of a text file that set
the two signatures side by side with tabs or spaces (“THƯ KÝ⇥⇥CHỦ TỌA”) are split into the
same two columns here, and so read the same way. The first of two signatures in that order
is the thư ký's: its titles and name are taken out, and what is left — Nơi nhận first, then
the chủ tọa's signature and the marks around it — goes back to the footer parser, which reads
it as it reads any document's. A block with one signature is left as it is.

Only a Biên bản is read for two signatures typed one under the other (a table flattened to
text): after any other document's signature comes what it carries after it (an appendix, the
document a decision issues), which may well start with a title in capitals and a line under it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from vanban.decree.doctypes import BIEN_BAN
from vanban.document.cursor import Cursor
from vanban.document.footer import DRAFTER, SIGNED, signature_data
from vanban.document.labels import is_item
from vanban.document.minutes import COLUMNS
from vanban.document.model import Para
from vanban.i18n import _
from vanban.text.fold import fold, is_upper

#: Titles that say the signature is the record keeper's, whatever its place.
_SECRETARY = ("thu ky", "nguoi ghi bien ban")


@dataclass
class _Signature:
    titles: list[int] = field(default_factory=list)  # positions in the block
    other: list[int] = field(default_factory=list)
    name: int | None = None


def take_cosigner(cur: Cursor, block: list[Para],
                  rest: list[Para]) -> tuple[list[Para], list[Para]]:
    """Read the thư ký's signature out of a Biên bản's signature block into the plan's
    ``cosigner``; give back (block, rest) for the footer parser."""
    units, split = (block, []) if block else _columns(cur, rest)
    minutes = cur.doctype is not None and cur.doctype.layout == BIEN_BAN
    if not minutes and not block and not split:
        return block, rest  # not side by side: one signature, then what follows it
    found = _scan(cur, units)
    if found is None:
        return block, rest
    signatures, recipients, end = found
    thu_ky = signatures[0]
    taken = {*thu_ky.titles, *thu_ky.other, thu_ky.name}
    titles = [units[i] for i in thu_ky.titles]
    name = units[thu_ky.name] if thu_ky.name is not None else None
    cur.data["cosigner"] = signature_data(cur, titles, [units[i] for i in thu_ky.other], name)
    cur.roles.setdefault("signature_title", []).extend(titles)
    cur.roles.setdefault("other_title", []).extend(units[i] for i in thu_ky.other)
    cur.roles.setdefault("signer", []).extend([name] if name is not None else [])
    if split and minutes:
        cur.warn(split[0], _("lines {first}–{last} set the two signatures side by side with "
                             "tabs or spaces; the left one is read as the thư ký's, the right "
                             "one as the chủ tọa's (Mẫu 1.9)"),
                 first=split[0].line or split[0].number, last=split[-1].line or split[-1].number)
    elif split:
        cur.warn(split[0], _("lines {first}–{last} set two signatures side by side with tabs or "
                             "spaces; the right one is read as the document's signature, the "
                             "left one as the second (cosigner)"),
                 first=split[0].line or split[0].number, last=split[-1].line or split[-1].number)
    elif not block and not fold(titles[0].text).startswith(_SECRETARY):
        cur.warn(titles[0], _("the first of two signatures, “{titles}”, is read as the thư ký's "
                              "(on the left in Mẫu 1.9), the second as the chủ tọa's"),
                 titles=" ".join(p.text for p in titles))
    left = [units[i] for i in recipients] + [
        p for i, p in enumerate(units[:end]) if i not in taken and i not in recipients]
    if block:
        below = _recipients_below(rest)  # Nơi nhận typed under the signature table
        return rest[:below] + left + units[end:], rest[below:]
    return left, units[end:]


def _recipients_below(rest: list[Para]) -> int:
    """How many of the paragraphs after a signature table are its Nơi nhận (none unless
    they start with it, blank lines aside)."""
    start = next((i for i, p in enumerate(rest) if p.text), len(rest))
    if start == len(rest) or not rest[start].text.startswith("Nơi nhận"):
        return 0
    return _recipients(rest, start, [])


def _scan(cur: Cursor, units: list[Para]) -> tuple[list[_Signature], list[int], int] | None:
    """Two signatures in ``units`` (each its titles, then a name), the positions of Nơi nhận
    among or right after them, and where the scan ended; None without two."""
    signatures: list[_Signature] = []
    recipients: list[int] = []
    current = _Signature()
    gap = False
    i = 0
    while i < len(units) and len(signatures) < 2:
        para = units[i]
        text = para.text
        if not text or para.style == "VB Signature Space" or para.index in cur.hidden:
            gap = gap or bool(current.titles)
        elif text.startswith("Nơi nhận"):
            if current.titles:
                return None  # Nơi nhận between titles and their name: not the form's block
            i = _recipients(units, i, recipients)
            continue
        elif SIGNED.match(text) or text.startswith("("):
            pass  # “(Đã ký)”, “(Chữ ký)”: left for the footer parser, which keeps it as a note
        elif is_upper(text) or para.style == "VB Signature Title":
            (current.other if gap and current.titles else current.titles).append(i)
        elif current.titles:
            current.name = i
            signatures.append(current)
            current, gap = _Signature(), False
        else:
            return None  # text before any title: not a signature block
        i += 1
    if len(signatures) < 2:
        return None
    if i < len(units) and units[i].text.startswith("Nơi nhận"):
        i = _recipients(units, i, recipients)  # Nơi nhận under the two signatures
    return signatures, recipients, i


def _recipients(units: list[Para], at: int, out: list[int]) -> int:
    """Nơi nhận from ``at``: its label, its lines (one may run on in lower case) and the
    drafter's mark; the position after them."""
    out.append(at)
    at += 1
    while at < len(units) and (is_item(units[at].text) or units[at].text[:1].islower() or
                               DRAFTER.match(units[at].text) or not units[at].text):
        out.append(at)
        at += 1
    return at


def _columns(cur: Cursor, rest: list[Para]) -> tuple[list[Para], list[Para]]:
    """A text file's lines that set two signatures side by side (tabs, or three spaces or
    more, between them; a line that starts indented is in the right column), split into
    the left column then the right one; and the lines that were split."""
    if cur.doc.kind != "txt":
        return rest, []
    printed = [i for i, p in enumerate(rest) if p.text]
    if not printed or len(_pieces(rest[printed[0]].text)) < 2:
        return rest, []
    left: list[Para] = []
    right: list[Para] = []
    end = 0
    for i, para in enumerate(rest):
        pieces = _pieces(para.text)
        if para.text and len(pieces) < 2 and para.col == 0:
            break  # back to one column
        end = i + 1
        for n, (col, text) in enumerate(pieces):
            piece = replace(para, text=text, col=para.col + col)
            (left if n == 0 and para.col == 0 else right).append(piece)
    return left + right + rest[end:], [p for p in rest[:end] if p.text]


def _pieces(text: str) -> list[tuple[int, str]]:
    """The pieces of a line between tabs or runs of spaces, with where each starts."""
    out: list[tuple[int, str]] = []
    last = 0
    for m in COLUMNS.finditer(text):
        if text[last:m.start()].strip():
            out.append((last, text[last:m.start()].strip()))
        last = m.end()
    if text[last:].strip():
        out.append((last, text[last:].strip()))
    return out
