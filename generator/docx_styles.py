"""The Word style sheet and list numbering of a report, built from the house-style theme.

Every paragraph and table style of the .docx is a style of `templates/<style>/theme.yaml`;
only Word's structural defaults (Default Paragraph Font, Normal Table, No List) are added.
Built-in styles keep Word's own names and ids, so Word and LibreOffice recognise them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from .docx_xml import el, sub, twips, w
from .theme import Style, Theme

# Built-in styles whose name Word stores in lower case ("heading 1" shows as "Heading 1").
_XML_NAMES = {
    **{f"Heading {n}": f"heading {n}" for n in range(1, 10)},
    **{f"TOC {n}": f"toc {n}" for n in range(1, 10)},
    "Caption": "caption",
    "Header": "header",
    "Footer": "footer",
}
STRUCTURAL_STYLES = ("Default Paragraph Font", "Normal Table", "No List")
HEADING_LEVELS = 3
NUM_HEADINGS = "1"  # w:numId of the heading outline numbering
NUM_BULLETS = "2"  # w:numId of the square bullets
_PAPER_MM = {"A4": (210, 297), "A5": (148, 210), "LETTER": (215.9, 279.4)}


def xml_name(name: str) -> str:
    """The name Word stores for a style (lower case for some built-ins)."""
    return _XML_NAMES.get(name, name)


def ui_name(stored: str) -> str:
    """The theme's name of a style stored as `stored` (inverse of `xml_name`)."""
    return next((ui for ui, xml in _XML_NAMES.items() if xml == stored), stored)


def style_id(name: str) -> str:
    """Word's style id: the name without spaces or punctuation ("Heading 1" → "Heading1")."""
    return re.sub(r"[^0-9A-Za-z]", "", name) or "Style"


def paper_mm(theme: Theme) -> tuple[float, float]:
    """Page width and height in millimetres."""
    try:
        return _PAPER_MM[theme.page.size.upper()]
    except KeyError:
        raise ValueError(f"unknown paper size {theme.page.size!r}") from None


def text_width_pt(theme: Theme) -> float:
    """Width of the text block in points."""
    width, _ = paper_mm(theme)
    return (width - theme.page.margin_inside - theme.page.margin_outside) * 72 / 25.4


@dataclass(frozen=True)
class StyleSheet:
    """Which style id each tree role takes, resolved once per render."""

    ids: Mapping[str, str]  # role → style id
    by_id: Mapping[str, Style]  # style id → theme style

    def id_for(self, role: str) -> str:
        """The style id of a role; an unknown role is a bug, said plainly."""
        try:
            return self.ids[role]
        except KeyError:
            raise KeyError(f"the theme has no style for role {role!r}") from None


def style_sheet(theme: Theme) -> StyleSheet:
    """Resolve every role of the theme, plus the contents-list styles TOC 1..3."""
    ids = {role: style_id(theme.style_for(role).name) for role in theme.roles}
    for level in range(1, HEADING_LEVELS + 1):
        ids[f"toc.{level}"] = style_id(theme.style(f"TOC {level}").name)
    return StyleSheet(ids=ids, by_id={style_id(s.name): s for s in theme.styles.values()})


def styles_element(theme: Theme, lang_tag: str) -> etree._Element:
    """The whole `w:styles` part: defaults, structural styles and every theme style."""
    root = el("w:styles")
    _doc_defaults(root, theme, lang_tag)
    _structural(root)
    table_styles = {theme.style_for("table").name}
    roles = _role_names(theme)
    for style in theme.styles.values():
        if style.name in table_styles:
            _table_style(root, style, theme)
        else:
            _paragraph_style(root, style, theme, roles)
    return root


def _role_names(theme: Theme) -> dict[str, str]:
    """Style name → the special role it plays in numbering and outline."""
    roles = {theme.style_for(f"heading.{n}").name: f"heading.{n}"
             for n in range(1, HEADING_LEVELS + 1)}
    roles[theme.style_for("toc.title").name] = "toc.title"
    roles[theme.style_for("bullet").name] = "bullet"
    for level in range(1, HEADING_LEVELS + 1):
        roles[f"TOC {level}"] = "toc.entry"
    return roles


def _doc_defaults(root: etree._Element, theme: Theme, lang_tag: str) -> None:
    normal = theme.style_for("paragraph.body")
    rpr = sub(sub(sub(root, "docDefaults"), "rPrDefault"), "rPr")
    _fonts(rpr, theme.fonts[normal.font].docx)
    sub(rpr, "sz", val=str(round(normal.size * 2)))
    sub(rpr, "szCs", val=str(round(normal.size * 2)))
    sub(rpr, "lang", val=lang_tag)
    sub(sub(root[0], "pPrDefault"), "pPr")


def _structural(root: etree._Element) -> None:
    char = sub(root, "style", type="character", default="1", styleId="DefaultParagraphFont")
    sub(char, "name", val="Default Paragraph Font")
    sub(char, "uiPriority", val="1")
    sub(char, "semiHidden")
    sub(char, "unhideWhenUsed")
    table = sub(root, "style", type="table", default="1", styleId="TableNormal")
    sub(table, "name", val="Normal Table")
    sub(table, "uiPriority", val="99")
    sub(table, "semiHidden")
    sub(table, "unhideWhenUsed")
    tblpr = sub(table, "tblPr")
    sub(tblpr, "tblInd", w="0", type="dxa")
    _cell_margins(tblpr, 0, 5.4)
    numbering = sub(root, "style", type="numbering", default="1", styleId="NoList")
    sub(numbering, "name", val="No List")
    sub(numbering, "uiPriority", val="99")
    sub(numbering, "semiHidden")
    sub(numbering, "unhideWhenUsed")


def _paragraph_style(root: etree._Element, style: Style, theme: Theme,
                     roles: Mapping[str, str]) -> None:
    parent = theme.styles[style.based_on] if style.based_on else None
    node = sub(root, "style", type="paragraph", styleId=style_id(style.name))
    if parent is None:
        node.set(w("default"), "1")
    sub(node, "name", val=xml_name(style.name))
    if parent is not None:
        sub(node, "basedOn", val=style_id(parent.name))
    if style.keep_with_next:
        sub(node, "next", val=style_id(theme.style_for("paragraph.body").name))
    sub(node, "qFormat")
    _ppr(node, style, parent, theme, roles.get(style.name), _heading_chain(style, theme))
    _rpr(node, style, parent, theme)


def _heading_chain(style: Style, theme: Theme) -> bool:
    """Whether a style inherits the heading numbering (is based on a heading style)."""
    headings = {theme.style_for(f"heading.{n}").name for n in range(1, HEADING_LEVELS + 1)}
    name: str | None = style.name
    while name:
        if name in headings:
            return True
        name = theme.styles[name].based_on
    return False


def _changed(style: Style, parent: Style | None, prop: str) -> bool:
    """Whether a property must be written: always for a root style, else when it differs."""
    value = getattr(style, prop)
    if parent is None:
        return bool(value) or not isinstance(value, bool)
    return value != getattr(parent, prop)


def foot_frame(theme: Theme) -> etree._Element:
    """A `w:framePr` that sets a paragraph at the foot of the page's text area."""
    return el("w:framePr", w=twips(text_width_pt(theme)), wrap="around", vAnchor="margin",
              hAnchor="margin", xAlign="left", yAlign="bottom")


def _on_off(ppr: etree._Element, tag: str, value: bool) -> None:
    if value:
        sub(ppr, tag)
    else:
        sub(ppr, tag, val="0")


def _ppr(node: etree._Element, style: Style, parent: Style | None, theme: Theme,
         role: str | None, in_heading_chain: bool) -> None:
    """Paragraph properties in schema order: keeps, numbering, tabs, hyphens, spacing …"""
    ppr = sub(node, "pPr")
    for prop, tag in (("keep_with_next", "keepNext"), ("keep_together", "keepLines"),
                      ("page_break_before", "pageBreakBefore")):
        if _changed(style, parent, prop):
            _on_off(ppr, tag, getattr(style, prop))
    if style.at_foot:  # a frame at the foot of the text area (the style's, not the text's)
        ppr.append(foot_frame(theme))
    if parent is None:
        sub(ppr, "widowControl")
    _numbering(ppr, style, role, in_heading_chain)
    if role == "toc.entry":
        tabs = sub(ppr, "tabs")
        sub(tabs, "tab", val="right", leader="dot", pos=twips(text_width_pt(theme)))
    if _changed(style, parent, "hyphenate") and (parent is not None or not style.hyphenate):
        _on_off(ppr, "suppressAutoHyphens", not style.hyphenate)
    _spacing(ppr, style, parent)
    _indent(ppr, style, parent, theme if role == "bullet" else None)
    if _changed(style, parent, "contextual_spacing"):
        _on_off(ppr, "contextualSpacing", style.contextual_spacing)
    if role and role.startswith("heading."):
        sub(ppr, "outlineLvl", val=str(int(role.split(".")[1]) - 1))
    elif role == "toc.title":
        sub(ppr, "outlineLvl", val="9")
    if len(ppr) == 0:
        node.remove(ppr)


def _numbering(ppr: etree._Element, style: Style, role: str | None,
               in_heading_chain: bool) -> None:
    if role and role.startswith("heading."):
        num = sub(ppr, "numPr")
        level = int(role.split(".")[1]) - 1
        if level:
            sub(num, "ilvl", val=str(level))
        sub(num, "numId", val=NUM_HEADINGS)
    elif role == "bullet":
        sub(sub(ppr, "numPr"), "numId", val=NUM_BULLETS)
    elif in_heading_chain and (not style.numbered or role == "toc.title"):
        sub(sub(ppr, "numPr"), "numId", val="0")


def _spacing(ppr: etree._Element, style: Style, parent: Style | None) -> None:
    attrs = {}
    if _changed(style, parent, "space_before"):
        attrs["before"] = twips(style.space_before)
    if _changed(style, parent, "space_after"):
        attrs["after"] = twips(style.space_after)
    if _changed(style, parent, "line_spacing"):
        attrs["line"] = str(round(style.line_spacing * 240))
        attrs["lineRule"] = "auto"
    if attrs:
        sub(ppr, "spacing", **attrs)


def _indent(ppr: etree._Element, style: Style, parent: Style | None,
            bullet_theme: Theme | None) -> None:
    if bullet_theme is not None:
        bullet = bullet_theme.bullet
        sub(ppr, "ind", left=twips(float(bullet["indent"])),
            hanging=twips(float(bullet["hanging"])))
        return
    props = ("indent_left", "indent_right", "hanging")
    if any(_changed(style, parent, p) for p in props):
        sub(ppr, "ind", left=twips(style.indent_left), right=twips(style.indent_right),
            hanging=twips(style.hanging))


def _rpr(node: etree._Element, style: Style, parent: Style | None, theme: Theme) -> None:
    """Run properties in schema order: fonts, bold, italic, colour, size."""
    rpr = sub(node, "rPr")
    if _changed(style, parent, "font"):
        _fonts(rpr, theme.fonts[style.font].docx)
    if _changed(style, parent, "bold"):
        _on_off(rpr, "b", style.bold)
        _on_off(rpr, "bCs", style.bold)
    if _changed(style, parent, "italic"):
        _on_off(rpr, "i", style.italic)
        _on_off(rpr, "iCs", style.italic)
    if _changed(style, parent, "color"):
        sub(rpr, "color", val=style.color)
    if _changed(style, parent, "size"):
        sub(rpr, "sz", val=str(round(style.size * 2)))
        sub(rpr, "szCs", val=str(round(style.size * 2)))
    if len(rpr) == 0:
        node.remove(rpr)


def _fonts(rpr: etree._Element, family: str) -> None:
    sub(rpr, "rFonts", ascii=family, hAnsi=family, eastAsia=family, cs=family)


def _table_style(root: etree._Element, style: Style, theme: Theme) -> None:
    """The table style: horizontal rules, a filled header row and striped rows."""
    node = sub(root, "style", type="table", styleId=style_id(style.name))
    sub(node, "name", val=style.name)
    sub(node, "basedOn", val="TableNormal")
    sub(node, "uiPriority", val="59")
    sub(node, "qFormat")
    tblpr = sub(node, "tblPr")
    sub(tblpr, "tblStyleRowBandSize", val="1")
    border = theme.color("table_border")
    borders = sub(tblpr, "tblBorders")
    for edge in ("top", "bottom", "insideH"):
        sub(borders, edge, val="single", sz="4", space="0", color=border)
    text = theme.style_for("table.text")
    _cell_margins(tblpr, text.size * 0.35, text.size * 0.55)
    for kind, fill in (("firstRow", "table_header_fill"), ("band1Horz", "table_stripe")):
        cond = sub(node, "tblStylePr", type=kind)
        sub(sub(cond, "tcPr"), "shd", val="clear", color="auto", fill=theme.color(fill))


def _cell_margins(tblpr: etree._Element, vertical: float, horizontal: float) -> None:
    mar = sub(tblpr, "tblCellMar")
    for edge, value in (("top", vertical), ("left", horizontal), ("bottom", vertical),
                        ("right", horizontal)):
        sub(mar, edge, w=twips(value), type="dxa")


def numbering_element(theme: Theme) -> etree._Element:
    """`w:numbering`: the heading outline (1, 1.1, 1.1.1) and the accent square bullet."""
    root = el("w:numbering")
    outline = sub(root, "abstractNum", abstractNumId="1")
    sub(outline, "multiLevelType", val="multilevel")
    for level in range(HEADING_LEVELS):
        lvl = sub(outline, "lvl", ilvl=str(level))
        sub(lvl, "start", val="1")
        sub(lvl, "numFmt", val="decimal")
        sub(lvl, "pStyle", val=style_id(theme.style_for(f"heading.{level + 1}").name))
        sub(lvl, "suff", val="space")
        sub(lvl, "lvlText", val=".".join(f"%{n}" for n in range(1, level + 2)))
        sub(lvl, "lvlJc", val="left")
    _bullet_definition(root, theme)
    for num_id, abstract in ((NUM_HEADINGS, "1"), (NUM_BULLETS, "2")):
        sub(sub(root, "num", numId=num_id), "abstractNumId", val=abstract)
    return root


def _bullet_definition(root: etree._Element, theme: Theme) -> None:
    bullet = theme.bullet
    squares = sub(root, "abstractNum", abstractNumId="2")
    sub(squares, "multiLevelType", val="singleLevel")
    lvl = sub(squares, "lvl", ilvl="0")
    sub(lvl, "start", val="1")
    sub(lvl, "numFmt", val="bullet")
    sub(lvl, "pStyle", val=style_id(theme.style_for("bullet").name))
    sub(lvl, "lvlText", val=str(bullet["glyph"]))
    sub(lvl, "lvlJc", val="left")
    sub(sub(lvl, "pPr"), "ind", left=twips(float(bullet["indent"])),
        hanging=twips(float(bullet["hanging"])))
    rpr = sub(lvl, "rPr")
    _fonts(rpr, theme.fonts[theme.style_for("bullet").font].docx)
    sub(rpr, "color", val=theme.color(str(bullet["color"])))
    sub(rpr, "sz", val=str(round(float(bullet["size"]) * 2)))
    sub(rpr, "szCs", val=str(round(float(bullet["size"]) * 2)))
