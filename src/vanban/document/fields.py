"""What the parsers of the forms after Mẫu 1.5 share (:mod:`.forms`, :mod:`.minutes`): where
a form's line may stand, its lists, and the report of a label worded otherwise than the form.

The importer calls a form's parser at three points: :meth:`FieldReader.opening` before the
body, :meth:`FieldReader.stops` while the body is read, :meth:`FieldReader.ending` after it,
and :meth:`FieldReader.settle` on the whole plan data.
"""

from __future__ import annotations

from typing import Any

from vanban.document import labels
from vanban.document.cursor import Cursor
from vanban.document.labels import Found
from vanban.document.model import Para
from vanban.i18n import _
from vanban.plan.serialize import Origin

#: The styles vanban prints the forms' lines in.
FORM_STYLES = ("VB Field", "VB Cable From", "VB Cable Receiver")


class FieldReader:
    """A form's lines read at the cursor; a type without such lines reads none."""

    def __init__(self, cur: Cursor) -> None:
        self.cur = cur
        self.layout = cur.doctype.layout if cur.doctype else None

    def opening(self) -> None:
        """The form's lines before the body."""

    def stops(self, para: Para) -> bool:
        """Whether the body ends before ``para`` (a line of the form after it)."""
        return False

    def ending(self) -> None:
        """The form's lines after the body."""

    def settle(self, data: dict[str, Any]) -> None:
        """What only the whole plan data decides."""

    def field(self, para: Para) -> bool:
        """Whether ``para`` may be a line of the form: any line of a document from
        elsewhere; in a vanban-made one, a line in the form's styles."""
        return not self.cur.made_by_vanban or para.style in FORM_STYLES

    def warn_words(self, para: Para, found: Found, words: str) -> None:
        self.warn_label(para, found.written, words)

    def warn_label(self, para: Para, written: str, words: str) -> None:
        """Report a label whose words the form's label leaves out: vanban prints the form's
        (a label it holds whole, “Chủ trì:” for “Chủ trì (chủ tọa):”, needs no word)."""
        if labels.kept(written, words):
            return
        self.cur.warn(para, _("“{written}” is read as the form's “{words}”; vanban prints "
                              "the form's words"), written=written, words=words)

    def items(self, role: str) -> list[Origin]:
        """“- …;” lines, up to the one that ends with “.”."""
        out: list[Origin] = []
        while (nxt := self.cur.peek()) is not None and self.field(nxt) and \
                labels.is_item(nxt.text):
            self.cur.take(role)
            value, col = labels.item(nxt.text)
            out.append(self.cur.origin(nxt, value, col))
            if nxt.text.rstrip().endswith("."):
                break
        return out

    def checkpoint(self) -> tuple[int, dict[str, list[Para]], int]:
        """Where the cursor stands, to go back there when lines turn out not to be the form."""
        return self.cur.pos, {k: list(v) for k, v in self.cur.roles.items()}, \
            len(self.cur.problems)

    def rewind(self, point: tuple[int, dict[str, list[Para]], int]) -> None:
        """Give the lines read since ``point`` back to the body, with what was said of them."""
        self.cur.pos, self.cur.roles, problems = point
        del self.cur.problems[problems:]

    def next_after(self, para: Para) -> Para | None:
        """The printed paragraph after ``para``."""
        return next((p for p in self.cur.paras[para.index + 1:]
                     if p.text and p.index not in self.cur.hidden), None)

    def value(self, para: Para, found: Found) -> Origin:
        return self.cur.origin(para, found.value, found.col)
