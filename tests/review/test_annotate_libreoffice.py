"""A real LibreOffice opens the annotated draft and shows every comment where its slip is.

LibreOffice 7.4 exports a document's comments as PDF annotations (``ExportNotes``; it has
no “comments in the margin” export yet): each one carries the comment's text and author,
and stands where LibreOffice anchored the comment — at the end of its range.
"""

from __future__ import annotations

import pdfplumber
import pytest
from click.testing import CliRunner
from pdfminer.utils import decode_text
from pdfplumber.utils import resolve_all
from reviewxml import SEEDED_PLAN, SLIPS, comments

from vanban.cli.check import check
from vanban.libreoffice import convert_to_pdf

pytestmark = pytest.mark.libreoffice


def _notes(pdf_path):
    """(text, author line, rect, the page's words — y measured from its bottom, as the
    rect) of every comment annotation of the PDF."""
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            words = [dict(w, top=page.height - w["bottom"], bottom=page.height - w["top"])
                     for w in page.extract_words()]
            for annot in resolve_all(page.page_obj.annots or []):
                if annot.get("Subtype") is not None and annot["Subtype"].name == "Text":
                    out.append((decode_text(annot["Contents"]), decode_text(annot["T"]),
                                [float(v) for v in annot["Rect"]], words))
    return out


def test_libreoffice_shows_the_five_comments_on_their_slips(write_plan, tmp_path):
    plan = write_plan(SEEDED_PLAN, "seeded.yaml")
    docx_path = tmp_path / "reviewed.docx"
    result = CliRunner().invoke(check, [str(plan), "--today", "2026-01-20",
                                        "--annotate", str(docx_path)])
    assert result.exit_code == 1, result.output
    written = sorted(c.text for c in comments(docx_path.read_bytes()))
    [pdf] = convert_to_pdf([docx_path], tmp_path / "pdf", notes=True)
    notes = _notes(pdf)
    assert sorted(text for text, *_ in notes) == written and len(written) == 5
    for text, author, rect, words in notes:
        assert author.startswith("vanban")
        # the note stands at the end of its range (a heading's style prints it in capitals)
        last = SLIPS[text[1:6]].split()[-1].lower()
        x, y = rect[0], (rect[1] + rect[3]) / 2
        near = [w for w in words if last in w["text"].lower() and w["top"] <= y <= w["bottom"]]
        assert any(w["x0"] <= x <= w["x1"] + 2 for w in near), (text, rect, near)
