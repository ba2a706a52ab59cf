"""Page 1 of every starter of ``vanban new`` (and of the decision that issues a plan), opened by
a real LibreOffice and measured in the PDF against its model form in Phụ lục III: the header's
two columns, Số and the dateline on one line (a Biên bản has none), the type name and trích
yếu centred over their rule, the type's own lines where the form puts them, and the signature
block(s) — Nơi nhận level with the signer's title, or for a Biên bản, the thư ký and the chủ
tọa side by side with Nơi nhận under the thư ký."""

from __future__ import annotations

from dataclasses import dataclass

import pdfplumber
import pytest
from starters import STARTERS, starter_docx, starter_files, starter_pdfs  # noqa: F401

from vanban import load_plan
from vanban.decree.doctypes import BIEN_BAN, CONG_DIEN, CONG_VAN, GIAY_MOI, QUYET_DINH
from vanban.renderer import build_context

pytestmark = pytest.mark.libreoffice

MM = 72 / 25.4
CM = 10 * MM
#: How far a centred line's middle may stray from the middle of its space, in points.
CENTRED = 2.0


@dataclass
class Line:
    """The words of a page standing on one baseline, left to right."""

    words: list[dict]

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return self.words[-1]["x1"]

    @property
    def bottom(self) -> float:
        return self.words[0]["bottom"]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2

    def bold(self) -> bool:
        return all("Bold" in w["fontname"] for w in self.words)

    def italic(self) -> bool:
        return all("Italic" in w["fontname"] for w in self.words)


def lines_of(page, words=None) -> list[Line]:
    words = words if words is not None else page.extract_words(extra_attrs=["fontname", "size"])
    out: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if out and abs(out[-1][0]["bottom"] - w["bottom"]) < 1:
            out[-1].append(w)
        else:
            out.append([w])
    return [Line(sorted(ws, key=lambda w: w["x0"])) for ws in out]


def rules(page) -> list[tuple[float, float, float]]:
    """Horizontal rules (x0, x1, top), top to bottom; the draft mark's box is not one."""
    seen = {(round(r["x0"], 1), round(r["x1"], 1), round(r["top"], 1)) for r in page.lines
            if abs(r["top"] - r["bottom"]) < 0.5}
    extents = [(x0, x1) for x0, x1, _ in seen]
    return sorted((r for r in seen if extents.count(r[:2]) == 1), key=lambda r: r[2])


@dataclass
class Page:
    """Page 1 of a starter, with its plan and what the template was given to print."""

    key: str
    plan: object
    context: dict
    page: object
    lines: list[Line]

    @property
    def left(self) -> float:
        return self.plan.layout.margin_left * MM

    @property
    def right(self) -> float:
        return self.page.width - self.plan.layout.margin_right * MM

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2

    @property
    def indent(self) -> float:
        return self.left + self.plan.layout.first_line_indent * CM

    def line(self, start: str, after: float = 0) -> Line:
        """The first line below ``after`` holding the words of ``start``, from them on (a
        line of the header or of the signature block holds both columns); headings are shown
        in capitals by their style, so case does not count."""
        words = start.lower().split()
        for line in self.lines:
            if line.bottom > after:
                texts = [w["text"].lower() for w in line.words]
                for i in range(len(texts) - len(words) + 1):
                    if texts[i:i + len(words)] == words:
                        return Line(line.words[i:])
        raise AssertionError(f"{self.key}: no line “{start}” below {after}")


def opening(text: str, count: int = 3) -> str:
    """The first words of a printed line: enough to find it, short enough not to wrap."""
    return " ".join(text.split()[:count])


@pytest.fixture(scope="module")
def pages(starter_files, starter_pdfs):  # noqa: F811
    docs = {key: pdfplumber.open(path) for key, path in starter_pdfs.items()}
    out = {}
    for key, pdf in docs.items():
        plan = load_plan(starter_files[key])
        page = pdf.pages[0]
        out[key] = Page(key, plan, build_context(plan), page, lines_of(page))
    yield out
    for pdf in docs.values():
        pdf.close()


@pytest.fixture(scope="module")
def signature_pages(starter_files, starter_pdfs):  # noqa: F811
    """The page holding each starter's signature block (the decision's first part)."""
    out = {}
    for key, path in starter_pdfs.items():
        plan = load_plan(starter_files[key])
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines = lines_of(page)
                if any(line.text.startswith("Nơi nhận:") for line in lines):
                    out[key] = Page(key, plan, build_context(plan), page, lines)
                    break
    return out


KEYS = sorted(STARTERS)


def title_rule(p: Page) -> tuple[float, float, float]:
    found = rules(p.page)
    return max(found, key=lambda r: r[2])


def test_every_starter_has_its_page_and_each_new_form_fits_on_one(pages, starter_pdfs):  # noqa: F811
    assert set(pages) == set(STARTERS)
    for key in ("cong-dien", "giay-moi", "bien-ban"):
        with pdfplumber.open(starter_pdfs[key]) as pdf:
            assert len(pdf.pages) == 1, key


@pytest.mark.parametrize("key", KEYS)
def test_the_header_has_the_agency_left_and_quoc_hieu_right(pages, key):
    p = pages[key]
    national = p.line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    issuer_last = p.plan.issuer.name[-1].upper().split()
    issuer = next(line for line in p.lines if line.bottom < national.bottom + 20
                  and line.words[0]["text"] == issuer_last[0])
    assert issuer.words[0]["x1"] < national.x0
    assert national.x0 > p.page.width * 0.45
    motto = p.line("Độc lập - Tự do - Hạnh phúc")
    assert abs(motto.middle - national.middle) < CENTRED


@pytest.mark.parametrize("key", KEYS)
def test_so_and_the_dateline_share_a_line_but_a_bien_ban_has_no_dateline(pages, key):
    p = pages[key]
    number = p.line("Số:")
    national = p.line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert number.words[0]["x1"] < national.x0  # in the left column
    beside = [w for w in number.words if w["x0"] > national.x0 - 10]
    if p.plan.doctype.layout == BIEN_BAN:
        assert beside == [] and not p.context["dateline"]
        assert not any(line.italic() for line in p.lines if line.bottom < number.bottom + 5)
    else:
        dateline = " ".join(w["text"] for w in beside)
        assert dateline == " ".join(p.context["dateline"].split())
        assert all("Italic" in w["fontname"] for w in beside)


@pytest.mark.parametrize("key", KEYS)
def test_type_name_and_trich_yeu_are_centred_over_a_rule_of_the_decrees_length(pages, key):
    p = pages[key]
    found = rules(p.page)
    number = p.line("Số:")
    if not p.context["has_type_line"]:  # a Công văn: “V/v …” under Số, no rule under it
        assert p.plan.doctype.layout == CONG_VAN and len(found) == 2
        subject = p.line("V/v", after=number.bottom)
        assert subject.x1 < p.line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").x0
        return
    assert len(found) == 3, found  # under the issuer, the Tiêu ngữ and the trích yếu
    kind = p.line(p.context["doctype_title"], after=number.bottom)
    assert kind.bold() and abs(kind.middle - p.middle) < CENTRED
    rule = title_rule(p)
    title = [line for line in p.lines if kind.bottom < line.bottom < rule[2]]
    assert " ".join(line.text for line in title) == " ".join(p.plan.title.split())
    for line in title:
        assert line.bold() and abs(line.middle - p.middle) < CENTRED, line.text
    assert abs((rule[0] + rule[1]) / 2 - p.middle) < CENTRED
    widest = max(line.x1 - line.x0 for line in title)
    assert 1 / 3 <= (rule[1] - rule[0]) / widest <= 1 / 2 + 0.02
    assert rule[2] - title[-1].bottom < 12  # right under the trích yếu


def first_body_line(p: Page, after: float) -> Line:
    block = p.context["body"][0]
    return p.line(opening(f"{block['label']} {block['text']}"), after=after)


@pytest.mark.parametrize("key", KEYS)
def test_the_types_own_lines_stand_where_its_form_puts_them(pages, key):
    p = pages[key]
    layout = p.plan.doctype.layout
    number = p.line("Số:")
    below = title_rule(p)[2] if p.context["has_type_line"] else number.bottom
    if layout == CONG_DIEN:  # Mẫu 1.6: “… điện:” centred, receivers in the table's right cell
        cable = p.line(p.context["cable_from"]["authority"], after=below)
        assert cable.text.endswith("điện:") and not cable.bold()
        assert abs(cable.middle - p.middle) < CENTRED
        previous = cable.bottom
        for receiver in p.context["cable_receivers"]:
            line = p.line(receiver, after=previous)
            assert abs(line.x0 - (p.left + 5.6 * CM)) < 1, receiver
            previous = line.bottom
        first = first_body_line(p, previous)
        assert first.bottom - previous > 30  # the form's empty line, then the body
        assert abs(first.x0 - p.indent) < 1
    elif layout in (GIAY_MOI, BIEN_BAN):  # Mẫu 1.7, 1.9: body lines, in the form's order
        previous = below
        for text in p.context["intro_lines"]:
            line = p.line(opening(text), after=previous)
            assert abs(line.x0 - p.indent) < 1 and not line.bold(), text
            previous = line.bottom
        first = first_body_line(p, previous)
        assert first.bottom - previous < 30  # the body follows, no line left empty
        if layout == BIEN_BAN:
            body_end = p.line(p.context["end_lines"][0].split(" kết thúc")[0], after=previous)
            assert abs(body_end.x0 - p.indent) < 1
            assert p.line("2026./.", after=body_end.bottom - 1)
    elif p.context["addressees"] or p.context["addressee_line"]:  # Kính gửi
        label = p.line("Kính gửi:", after=below)
        if p.context["addressee_line"]:  # one addressee: on the line, centred
            assert " ".join(label.text.split()) == p.context["addressee_line"]
            assert abs(label.middle - p.middle) < CENTRED
        else:  # several: one per line under the label, their dashes lined up
            items = [p.line(item, after=label.bottom) for item in p.context["addressees"]]
            assert len({round(item.x0) for item in items}) == 1
            assert abs(items[0].x0 - (p.left + 5 * CM)) < 1
    elif layout == QUYET_DINH:  # Mẫu 1.2: the authority, the bases, “QUYẾT ĐỊNH:”
        authority = p.line(p.plan.issuing_authority.upper(), after=below)
        assert authority.bold() and abs(authority.middle - p.middle) < CENTRED
        basis = p.line(opening(p.context["bases"][0]["text"]), after=authority.bottom)
        assert basis.italic() and abs(basis.x0 - p.indent) < 1
        decides = p.line("QUYẾT ĐỊNH:", after=basis.bottom)
        assert abs(decides.middle - p.middle) < CENTRED
    else:  # Mẫu 1.4: the bases or the body right under the rule, first line indented
        first = p.context["bases"][0] if p.context["bases"] else p.context["body"][0]
        line = p.line(opening(f"{first['label']} {first['text']}"), after=below)
        assert abs(line.x0 - p.indent) < 1 and line.bottom - below < 40


@pytest.mark.parametrize("key", sorted(set(KEYS) - {"bien-ban"}))
def test_noi_nhan_is_level_with_the_signers_title_at_the_left_margin(signature_pages, key):
    p = signature_pages[key]
    label = p.line("Nơi nhận:")
    assert abs(label.x0 - p.left) < 1 and round(label.words[0]["size"]) == 12
    title = Line([w for w in label.words[2:]])
    assert " ".join(title.text.split()) == p.context["signature"]["lines"][0]
    assert title.x0 > p.middle - 30  # the right-hand column
    name = p.line(p.plan.signature.name, after=label.bottom)
    assert name.bold() and name.bottom - title.bottom > 60  # room to sign and seal
    assert abs(name.middle - title.middle) < CENTRED


def test_a_bien_ban_is_signed_by_thu_ky_left_and_chu_toa_right_noi_nhan_under_thu_ky(pages):
    p = pages["bien-ban"]
    end = p.line(opening(p.context["end_lines"][0]))
    titles = p.line("THƯ KÝ", after=end.bottom)  # under the body's last line
    secretary, chair = Line(titles.words[:2]), Line(titles.words[2:])
    assert chair.text == "CHỦ TỌA" and secretary.bold() and chair.bold()
    assert secretary.x1 < p.middle < chair.x0  # side by side, on one line
    names = p.line(p.plan.cosigner.name, after=titles.bottom)
    assert " ".join(w["text"] for w in names.words) == \
        f"{p.plan.cosigner.name} {p.plan.signature.name}"  # level with each other
    assert names.bottom - titles.bottom > 60
    left_name = Line(names.words[:len(p.plan.cosigner.name.split())])
    right_name = Line(names.words[len(p.plan.cosigner.name.split()):])
    assert abs(left_name.middle - secretary.middle) < CENTRED
    assert abs(right_name.middle - chair.middle) < CENTRED
    label = p.line("Nơi nhận:", after=names.bottom)
    assert abs(label.x0 - p.left) < 1 and label.x1 < p.middle  # under the thư ký
    recipients = [p.line(opening(line, 2), after=label.bottom) for line in p.context["recipients"]]
    assert all(line.x0 == pytest.approx(p.left, abs=1) and round(line.words[0]["size"]) == 11
               for line in recipients)
