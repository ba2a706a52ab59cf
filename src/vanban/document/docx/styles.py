"""Style resolution: what formatting Word applies to a paragraph and to each of its runs.

Word layers formatting: the document defaults, then the paragraph style (with the styles it
is based on), then the numbering level, then the character style, then direct formatting.
Each style is resolved once per document and cached, so reading a run costs a dictionary
merge — not a scan of every style as python-docx's style lookup does.

Toggle properties (bold, italic, caps, hidden) follow Word's rule: direct formatting sets
them; otherwise the paragraph style's and the character style's values toggle each other
(a bold character style on text of a bold paragraph style is not bold).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vanban.document.docx.ooxml import W, child, on_off, to_number, twips_mm, wattr

Props = dict[str, Any]
TOGGLES = ("b", "i", "caps", "vanish")
_RUN_SWITCHES = {W + name: name for name in TOGGLES}
_JC = {"start": "left", "end": "right", "justify": "both", "lowKashida": "both",
       "mediumKashida": "both", "highKashida": "both", "thaiDistribute": "distribute"}


@dataclass(frozen=True)
class RunFormat:
    bold: bool
    italic: bool
    caps: bool
    hidden: bool  # w:vanish, or white text
    size: float | None  # pt
    font: str  # Latin font; "theme:<slot>" for a theme font


@dataclass(frozen=True)
class TabStop:
    pos_mm: float  # from the left edge of the text column
    kind: str  # left | center | right | decimal | bar | num


def read_rpr(rpr: Any) -> Props:
    """The run properties written in one ``w:rPr``."""
    out: Props = {}
    if rpr is None:
        return out
    for el in rpr:
        name = _RUN_SWITCHES.get(el.tag)
        if name is not None:
            out[name] = on_off(el)
        elif el.tag == W + "sz":
            size = to_number(wattr(el, "val"))
            if size is not None:
                out["sz"] = size / 2
        elif el.tag == W + "color":
            out["color"] = wattr(el, "val")
        elif el.tag == W + "rFonts":
            for attr in ("ascii", "hAnsi"):
                theme = wattr(el, attr + "Theme")
                font = wattr(el, attr)
                if theme:
                    out["font." + attr] = f"theme:{theme}"
                elif font:
                    out["font." + attr] = font
        elif el.tag == W + "rStyle":
            out["rStyle"] = wattr(el, "val")
    return out


def read_ppr(ppr: Any) -> Props:
    """The paragraph properties written in one ``w:pPr`` (or a numbering level's)."""
    out: Props = {}
    if ppr is None:
        return out
    for el in ppr:
        local = el.tag[len(W):] if el.tag.startswith(W) else ""
        if local == "jc":
            value = wattr(el, "val") or "left"
            out["jc"] = _JC.get(value, value)
        elif local == "ind":
            for key, names in (("left", ("left", "start")), ("right", ("right", "end"))):
                for name in names:
                    if wattr(el, name) is not None:
                        out["ind." + key] = twips_mm(wattr(el, name))
                        break
            # first-line and hanging indents are one setting: either replaces the other
            if wattr(el, "hanging") is not None:
                out["ind.hanging"] = twips_mm(wattr(el, "hanging"))
                out["ind.firstLine"] = 0.0
            elif wattr(el, "firstLine") is not None:
                out["ind.firstLine"] = twips_mm(wattr(el, "firstLine"))
                out["ind.hanging"] = 0.0
        elif local == "spacing":
            for key in ("before", "after", "line", "lineRule"):
                value = wattr(el, key)
                if value is not None:
                    out["spacing." + key] = value
            for key in ("beforeAutospacing", "afterAutospacing"):
                if wattr(el, key) is not None:
                    out["spacing." + key] = on_off(el)
        elif local == "tabs":
            out["tabs"] = tuple((twips_mm(wattr(t, "pos")), wattr(t, "val") or "left")
                                for t in el if t.tag == W + "tab")
        elif local == "numPr":
            ilvl, num = child(el, "ilvl"), child(el, "numId")
            if num is not None:
                out["numId"] = wattr(num, "val")
            if ilvl is not None:
                out["ilvl"] = int(to_number(wattr(ilvl, "val")) or 0)
        elif local == "pBdr":
            for side in el:
                if side.tag.startswith(W):
                    out["border." + side.tag[len(W):]] = (
                        wattr(side, "val"), wattr(side, "color"), wattr(side, "sz"))
        elif local == "framePr":
            out["frame.xAlign"] = wattr(el, "xAlign")
        elif local == "pStyle":
            out["pStyle"] = wattr(el, "val")
        elif local == "rPr":
            out["mark"] = read_rpr(el)
    return out


def merge(base: Props, over: Props) -> Props:
    """``over`` on top of ``base``; tab stops add up, a ``clear`` stop removes one."""
    if not over:
        return base
    merged = {**base, **over}
    if "tabs" in over and "tabs" in base:
        stops = {round(pos, 1): (pos, kind) for pos, kind in base["tabs"]}
        for pos, kind in over["tabs"]:
            if kind == "clear":
                stops.pop(round(pos, 1), None)
            else:
                stops[round(pos, 1)] = (pos, kind)
        merged["tabs"] = tuple(sorted(stops.values()))
    elif "tabs" in over:
        merged["tabs"] = tuple(sorted(s for s in over["tabs"] if s[1] != "clear"))
    if "mark" in over and "mark" in base:
        merged["mark"] = {**base["mark"], **over["mark"]}
    return merged


class StyleResolver:
    """The styles of one document, each resolved once along its ``basedOn`` chain."""

    def __init__(self, root: Any) -> None:
        self._styles: dict[str, Any] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.default_table: str | None = None
        self.run_defaults: Props = {}
        self.para_defaults: Props = {}
        if root is not None:
            for style in root.iter(W + "style"):
                sid = wattr(style, "styleId")
                if sid is None:
                    continue
                self._styles.setdefault(sid, style)
                if wattr(style, "default") in ("1", "true", "on"):
                    kind = wattr(style, "type")
                    if kind == "paragraph" and self.default_para is None:
                        self.default_para = sid
                    elif kind == "character" and self.default_char is None:
                        self.default_char = sid
                    elif kind == "table" and self.default_table is None:
                        self.default_table = sid
            defaults = child(root, "docDefaults")
            if defaults is not None:
                self.run_defaults = read_rpr(child(child(defaults, "rPrDefault"), "rPr"))
                self.para_defaults = read_ppr(child(child(defaults, "pPrDefault"), "pPr"))
        self._resolved: dict[str, tuple[Props, Props]] = {}
        self._run_base: dict[tuple[str | None, str | None], tuple[Props, Props, Props]] = {}
        self._names: dict[str, str] = {}

    # --- styles ----------------------------------------------------------------------------

    def para_style(self, sid: str | None) -> str | None:
        """The paragraph style a paragraph is in: its own if defined, else the default."""
        if sid and sid in self._styles:
            return sid
        return self.default_para

    def name(self, sid: str | None) -> str:
        """A style's name as Word's user interface shows it ("Heading 1", "VB Body")."""
        if not sid:
            return ""
        if sid not in self._names:
            from docx.styles import BabelFish

            style = self._styles.get(sid)
            name_el = child(style, "name") if style is not None else None
            raw = wattr(name_el, "val") if name_el is not None else sid
            self._names[sid] = BabelFish.internal2ui(raw or sid)
        return self._names[sid]

    def resolved(self, sid: str | None) -> tuple[Props, Props]:
        """(paragraph properties, run properties) a style gives, its bases included."""
        if not sid or sid not in self._styles:
            return {}, {}
        if sid not in self._resolved:
            self._resolved[sid] = ({}, {})  # a basedOn loop ends here
            chain, seen, current = [], set(), sid
            while current and current in self._styles and current not in seen:
                seen.add(current)
                chain.append(self._styles[current])
                based = child(self._styles[current], "basedOn")
                current = wattr(based, "val") if based is not None else None
            ppr: Props = {}
            rpr: Props = {}
            for style in reversed(chain):
                ppr = merge(ppr, read_ppr(child(style, "pPr")))
                rpr = {**rpr, **read_rpr(child(style, "rPr"))}
            ppr.pop("pStyle", None)
            self._resolved[sid] = (ppr, rpr)
        return self._resolved[sid]

    def table_cell_margin_mm(self, sid: str | None) -> float | None:
        """The left cell margin a table style sets (its bases included)."""
        seen: set[str] = set()
        current = sid if sid in self._styles else self.default_table
        while current and current in self._styles and current not in seen:
            seen.add(current)
            style = self._styles[current]
            margin = style.find(f"{W}tblPr/{W}tblCellMar")
            if margin is not None:
                side = child(margin, "left")
                side = side if side is not None else child(margin, "start")
                if side is not None:
                    return twips_mm(wattr(side, "w"))
            based = child(style, "basedOn")
            current = wattr(based, "val") if based is not None else None
        return None

    # --- paragraphs and runs ---------------------------------------------------------------

    def paragraph(self, sid: str | None, direct: Props, numbering: Props | None = None) -> Props:
        """The paragraph properties in effect: defaults, style, numbering level, direct."""
        props = merge(self.para_defaults, self.resolved(sid)[0])
        if numbering:
            props = merge(props, numbering)
        return merge(props, direct)

    def run(self, para_style: str | None, direct: Props) -> RunFormat:
        """How a run is set, given its paragraph's style and its own ``w:rPr``."""
        char_style = direct.get("rStyle") or self.default_char
        base = self._run_base.get((para_style, char_style))
        if base is None:
            style_rpr = self.resolved(para_style)[1]
            char_rpr = self.resolved(char_style)[1]
            plain = {**self.run_defaults, **style_rpr, **char_rpr}
            base = (plain, style_rpr, char_rpr)
            self._run_base[(para_style, char_style)] = base
        plain, style_rpr, char_rpr = base
        props = {**plain, **direct}

        def toggle(name: str) -> bool:
            if direct.get(name) is not None:
                return bool(direct[name])
            if name in style_rpr or name in char_rpr:
                return bool(style_rpr.get(name)) ^ bool(char_rpr.get(name))
            return bool(self.run_defaults.get(name))

        font = props.get("font.ascii") or props.get("font.hAnsi") or "Times New Roman"
        white = str(props.get("color") or "").upper() == "FFFFFF"
        return RunFormat(toggle("b"), toggle("i"), toggle("caps"), toggle("vanish") or white,
                         props.get("sz"), font)

    def mark_size(self, para_style: str | None, para: Props) -> float | None:
        """The size of the paragraph mark (what an empty paragraph's line is set in)."""
        return self.run(para_style, para.get("mark") or {}).size
