"""The page: A4 with mirrored margins, the running header, the outline and contents hooks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib import pagesizes
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from generator.doctree import Meta
from generator.pdf_flowables import LAYOUT_ONLY, HeaderSwitch
from generator.theme import Page, ThemeError


@dataclass(frozen=True)
class HeaderLook:
    """The running header: text (already in capitals if the theme says so) and type."""

    text: str
    font: str
    size: float
    color: Color
    letter_spacing: float
    outer_number: bool


def page_size(page: Page) -> tuple[float, float]:
    """The paper size named in the theme (A4, A5, LETTER …) in points, portrait."""
    size = getattr(pagesizes, page.size.upper(), None)
    if not isinstance(size, tuple):
        raise ThemeError(f"unknown page size {page.size!r}")
    return pagesizes.portrait(size)


def frame_box(page: Page, odd: bool) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the text frame on an odd (right-hand) or even page."""
    width, height = page_size(page)
    left = page.margin_inside if odd or not page.mirrored else page.margin_outside
    right = page.margin_outside if odd or not page.mirrored else page.margin_inside
    x, y = left * mm, page.margin_bottom * mm
    return x, y, width - (left + right) * mm, height - (page.margin_top + page.margin_bottom) * mm


class ReportTemplate(BaseDocTemplate):
    """Odd and even page templates, alternating; header and outline from flowable hooks."""

    def __init__(self, out: BinaryIO, page: Page, meta: Meta, header: HeaderLook,
                 **info: Any) -> None:
        self.page_spec, self.header = page, header
        super().__init__(
            out, pagesize=page_size(page), title=meta.title, author=", ".join(meta.authors),
            subject=meta.subject, keywords=", ".join(meta.keywords), lang=meta.lang_tag,
            displayDocTitle=1, invariant=1, creator="mtreport", **info)
        self.addPageTemplates([self._template("odd", True), self._template("even", False)])
        self.header_on = False
        self.outline_level = -1
        self.layout_pass = False

    def multiBuild(self, story: list[Flowable], **kwargs: Any) -> int:
        """reportlab's multiBuild, whose first pass only places the flowables when the
        story has a contents list: that pass is never kept (it only learns the pages of
        the headings), so its paragraphs need not be drawn."""
        self.layout_pass = any(f.isIndexing() for f in story)
        return super().multiBuild(story, **kwargs)

    def _allSatisfied(self) -> bool:
        """After the layout pass there is always one more, drawn, pass."""
        if self.layout_pass:
            self.layout_pass = False
            return False
        return super()._allSatisfied()

    def _template(self, name: str, odd: bool) -> PageTemplate:
        x, y, w, h = frame_box(self.page_spec, odd)
        frame = Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0, id=name)
        return PageTemplate(id=name, frames=[frame], onPageEnd=self._draw_header,
                            autoNextPageTemplate="even" if odd else "odd")

    def beforeDocument(self) -> None:
        """Each pass of multiBuild starts without a header and with an empty outline."""
        self.header_on = False
        self.outline_level = -1
        setattr(self.canv, LAYOUT_ONLY, self.layout_pass)

    def afterFlowable(self, flowable: Flowable) -> None:
        """Switch the header on; register headings in the outline and the contents."""
        if isinstance(flowable, HeaderSwitch):
            self.header_on = flowable.on
        entry = getattr(flowable, "toc_entry", None)
        if entry is None:
            return
        level, plain, markup, key = entry
        top = self.frame._y + flowable.getSpaceAfter() + flowable.height  # _y is below both
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
        outline = min(level - 1, self.outline_level + 1)
        self.outline_level = outline
        self.canv.addOutlineEntry(plain, key, level=outline, closed=False)
        self.notify("TOCEntry", (level - 1, markup, self.page, key))

    def _draw_header(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.header_on:
            draw_header(canv, self.page_spec, self.header, canv.getPageNumber())


def draw_header(canv: Canvas, page: Page, look: HeaderLook, number: int) -> None:
    """The letter-spaced title and the page number, together at the outer edge."""
    odd = number % 2 == 1 or not page.mirrored
    x, _, width, _ = frame_box(page, odd)
    _, pageh = page_size(page)
    font, size, spacing = look.font, look.size, look.letter_spacing
    digits = str(number)
    gap = size * 2.5
    room = width - stringWidth(digits, font, size) - gap
    text_w = _spaced_width(look.text, font, size, spacing)
    if text_w > room:
        spacing = 0.0
        text_w = _spaced_width(look.text, font, size, 0)
        if text_w > room:
            size *= room / text_w
            text_w = room
    ascent, _ = getAscentDescent(font, size)
    y = pageh - page.header_distance * mm - ascent
    canv.saveState()
    canv.setFillColor(look.color)
    number_w = stringWidth(digits, look.font, look.size)
    right = x + width
    if odd and look.outer_number:
        canv.setFont(font, size)
        canv.drawString(right - number_w - gap - text_w, y, look.text, charSpace=spacing)
        canv.setFont(look.font, look.size)
        canv.drawString(right - number_w, y, digits)
    else:
        canv.setFont(look.font, look.size)
        canv.drawString(x, y, digits)
        canv.setFont(font, size)
        canv.drawString(x + number_w + gap, y, look.text, charSpace=spacing)
    canv.restoreState()


def _spaced_width(text: str, font: str, size: float, spacing: float) -> float:
    """Width of text with `spacing` added between letters (not after the last)."""
    return stringWidth(text, font, size) + spacing * max(0, len(text) - 1)
