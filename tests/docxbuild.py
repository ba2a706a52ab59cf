"""Small .docx files written from WordprocessingML snippets, for reader and layout-rule tests.

``build(body)`` puts the snippet in the body of python-docx's default document (A4 portrait,
decree margins, one section) and returns the file's bytes; numbering, a header, settings and
styles can be given the same way. Namespace prefixes w:, wp:, a:, wps:, mc:, v:, o:, r: are
declared for the snippets.
"""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from lxml import etree

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
W = f"{{{NAMESPACES['w']}}}"
DECLARE = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())


def fragment(xml: str) -> list:
    """The elements of a snippet (several top-level elements allowed)."""
    root = etree.fromstring(f"<w:root {DECLARE}>{xml}</w:root>")
    return list(root)


def _replace_children(parent, xml: str, keep: tuple[str, ...] = ()) -> None:
    for old in list(parent):
        if old.tag not in keep:
            parent.remove(old)
    for at, new in enumerate(fragment(xml)):
        parent.insert(at, new)


def build(body: str, *, numbering: str | None = None, header: str | None = None,
          footer: str | None = None, settings: str | None = None, styles: str | None = None,
          landscape: bool = False, title_page: bool = False) -> bytes:
    """A .docx whose body is ``body`` (before the section properties)."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else \
        (Mm(210), Mm(297))
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.top_margin, section.bottom_margin = Mm(30), Mm(20)
        section.left_margin, section.right_margin = Mm(20), Mm(20)
    else:
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.different_first_page_header_footer = title_page
    _replace_children(document.element.body, body, keep=(W + "sectPr",))
    if numbering is not None:
        _replace_children(document.part.numbering_part.element, numbering)
    if header is not None:
        section.header.is_linked_to_previous = False
        _replace_children(section.header.part.element, header)
    if footer is not None:
        section.footer.is_linked_to_previous = False
        _replace_children(section.footer.part.element, footer)
    if settings is not None:
        for element in fragment(settings):
            document.settings.element.append(element)
    if styles is not None:
        for element in fragment(styles):
            document.styles.element.append(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def para(text: str = "", ppr: str = "", rpr: str = "") -> str:
    """A paragraph of one run."""
    run = f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>' \
        if text else ""
    return f'<w:p>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{run}</w:p>'


def line_shape(h_mm: float, v_mm: float, length_mm: float, *, h_from: str = "column",
               cy_mm: float = 0.0, geometry: str = "line", box: str = "") -> str:
    """A DrawingML line anchored where it stands (in mc:Choice, with a VML fallback copy
    holding ``box`` text too, as Word writes it)."""
    emu = lambda mm: int(mm * 36000)
    txbx = f"<wps:txbx><w:txbxContent>{para(box)}</w:txbxContent></wps:txbx>" if box else ""
    fallback_box = f"<v:textbox><w:txbxContent>{para(box)}</w:txbxContent></v:textbox>" \
        if box else ""
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{h_from}"><wp:posOffset>{emu(h_mm)}</wp:posOffset>'
        '</wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{emu(v_mm)}</wp:posOffset>'
        '</wp:positionV>'
        f'<wp:extent cx="{emu(length_mm)}" cy="{emu(cy_mm)}"/><wp:wrapNone/>'
        '<wp:docPr id="1" name="Line"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(length_mm)}" cy="{emu(cy_mm)}"/></a:xfrm>'
        f'<a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom></wps:spPr>{txbx}<wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:rect style="position:absolute">{fallback_box}</v:rect>'
        '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')
