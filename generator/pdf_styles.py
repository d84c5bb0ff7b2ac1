"""reportlab ParagraphStyles from the theme, built once per render and looked up by role."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from generator.pdf_fonts import FontSet
from generator.pdf_markup import Face
from generator.theme import Style, Theme

URI_WASTE = 0.3  # break a URL at / rather than leave this fraction of a line empty


@dataclass
class Styles:
    """The theme's styles as reportlab sees them, cached by role and variant."""

    theme: Theme
    fonts: FontSet
    language: str
    _cache: dict[tuple[str, str], ParagraphStyle] = field(default_factory=dict, repr=False)

    def source(self, role: str) -> Style:
        """The theme style of a tree role ("paragraph.body", "heading.2" …)."""
        return self.theme.style_for(role)

    def color(self, name: str) -> Color:
        """A theme colour (name or hex) as a reportlab colour."""
        return HexColor("#" + self.theme.color(name))

    def face(self, role: str, hyphenate: bool = True) -> Face:
        """The face a role's text is set in, hyphenating where the style says so."""
        s = self.source(role)
        language = self.language if hyphenate and s.hyphenate else None
        return Face(self.fonts.face(s.bold, s.italic), s.size, s.bold, s.italic, language)

    def named_face(self, name: str) -> Face:
        """The face of a theme style by its own name, never hyphenated (contents lines)."""
        s = self.theme.style(name)
        return Face(self.fonts.face(s.bold, s.italic), s.size, s.bold, s.italic, None)

    def para(self, role: str, variant: str = "") -> ParagraphStyle:
        """The ParagraphStyle of a role; variants: "first", "middle", "last" (chunks of a
        long paragraph), "right" (numeric table cells), "bullet" (list items)."""
        key = (role, variant)
        if key not in self._cache:
            self._cache[key] = self._build(role, self.source(role), variant)
        return self._cache[key]

    def named(self, name: str) -> ParagraphStyle:
        """The ParagraphStyle of a theme style by its own name (e.g. "TOC 2")."""
        key = ("@" + name, "")
        if key not in self._cache:
            self._cache[key] = self._build(name, self.theme.style(name), "")
        return self._cache[key]

    def _build(self, role: str, s: Style, variant: str) -> ParagraphStyle:
        style = ParagraphStyle(
            name=f"{role}:{variant}" if variant else role,
            fontName=self.fonts.face(s.bold, s.italic),
            fontSize=s.size,
            leading=s.size * s.line_spacing,
            textColor=self.color(s.color),
            spaceBefore=s.space_before,
            spaceAfter=s.space_after,
            leftIndent=s.indent_left,
            rightIndent=s.indent_right,
            firstLineIndent=-s.hanging,
            alignment=TA_LEFT,
            keepWithNext=0,  # kept by generator.pdf_flowables.KeepWithNext instead
            allowWidows=0,
            allowOrphans=0,
            splitLongWords=1,
            hyphenationLang="",  # soft hyphens come from generator.hyphenate
            embeddedHyphenation=1 if s.hyphenate else 0,
            uriWasteReduce=URI_WASTE,
            bulletFontName=self.fonts.regular,
        )
        if variant in ("middle", "last"):
            style.spaceBefore = 0
            style.firstLineIndent = 0
        if variant in ("first", "middle"):
            style.spaceAfter = 0
        if variant == "right":
            style.alignment = TA_RIGHT
        if variant == "bullet":
            self._bullet(style, s)
        return style

    def _bullet(self, style: ParagraphStyle, s: Style) -> None:
        """Hanging square bullet in the accent colour (theme.bullet)."""
        bullet = self.theme.bullet
        style.leftIndent = s.indent_left + float(bullet.get("indent", 14))
        style.bulletIndent = style.leftIndent - float(bullet.get("hanging", 11))
        style.firstLineIndent = 0
        style.bulletFontSize = float(bullet.get("size", s.size))
        style.bulletColor = self.color(str(bullet.get("color", "accent")))
        # centre the glyph on the x-height of the text instead of sitting on the baseline
        style.bulletOffsetY = max(0.0, (s.size - style.bulletFontSize) * 0.25)

    def reserve(self, style: ParagraphStyle, sample: str = "999") -> float:
        """Width of `sample` plus a space in a style (room kept for page numbers)."""
        return stringWidth(sample + " ", style.fontName, style.fontSize)
