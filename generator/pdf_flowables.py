"""Flowables the report needs beyond reportlab's: the scale figure and layout helpers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

LAYOUT_ONLY = "mtr_layout_only"  # canvas attribute: this pass places, it does not draw


class Para(Paragraph):
    """A paragraph that may refuse to split, and may carry a contents entry.

    `keep_limit`: split only when taller than this (a short quote moves to the next page
    whole; a heading never splits unless it is taller than the frame). `toc_entry`:
    (level, plain text, markup, key) for the outline and the table of contents. Pieces of
    a split paragraph get the class defaults: they split freely and carry no entry, except
    the first piece of a split heading, which keeps the entry.
    """

    keep_limit: float | None = None
    toc_entry: tuple[int, str, str, str] | None = None
    keep_next: bool = False  # keep with the start of the next flowable (KeepWithNext)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """reportlab's wrap, remembered per width: its line breaking depends on the width
        alone, and a paragraph is wrapped three times or more (keeps, the layout pass and
        the final pass of multiBuild), each time breaking every line anew."""
        cache = self.__dict__.setdefault("_wrapped", {})
        found = cache.get(availWidth)
        if found is not None:
            self.width, self.height, self.blPara, self._wrapWidths = found
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara") and self.width == availWidth:
            cache[availWidth] = (self.width, self.height, self.blPara, self._wrapWidths)
        return size

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw, except in a layout pass (see pdf_page.ReportTemplate), whose page
        content is thrown away."""
        if not getattr(canvas, LAYOUT_ONLY, False):
            super().drawOn(canvas, x, y, _sW)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        height = getattr(self, "height", 0)
        if self.keep_limit is not None and height <= self.keep_limit:
            return []
        parts = super().split(availWidth, availHeight)
        if parts and self.toc_entry is not None:
            parts[0].toc_entry = self.toc_entry
        return parts


class HeaderSwitch(Flowable):
    """Zero-size marker: from the page it lands on, pages carry the running header."""

    def __init__(self, on: bool = True) -> None:
        super().__init__()
        self.on = on
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        """Draws nothing; the page template reads the switch."""


def stacked_height(flowables: list[Flowable], width: float, height: float,
                   canv: object = None) -> float:
    """What the flowables take of a frame one after another, their spacing included."""
    total = 0.0
    for f in flowables:
        _, h = f.wrapOn(canv, width, height)
        total += f.getSpaceBefore() + h + f.getSpaceAfter()
    return total


class KeepWithNext(CondPageBreak):
    """Start a new frame unless `kept` and the beginning of `following` fit in this one.

    reportlab's own keepWithNext wraps a heading and the whole next flowable in a
    KeepTogether, which moves both to the next page whenever the next one (a long
    paragraph, a table) does not fit entirely — leaving most of a page empty. This keeps
    a heading with the first lines of a paragraph or the first rows of a table only.
    """

    LINES = 2  # a paragraph may not begin with fewer lines (no orphans)

    def __init__(self, kept: list[Flowable], following: Flowable | None) -> None:
        super().__init__(0)
        self.kept, self.following = kept, following

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        if frame is not None and not frame._atTop:
            self.height = min(self._need(availWidth), frame._height)
        else:
            self.height = 0
        return super().wrap(availWidth, availHeight)

    def _need(self, width: float) -> float:
        need = stacked_height(self.kept, width, 1e6, self.canv)
        if self.following is not None:
            need += self.following.getSpaceBefore() + self._start(self.following, width)
        return need

    def _start(self, f: Flowable, width: float) -> float:
        """The height of the least of `f` that may stand at the foot of a page."""
        if isinstance(f, KeepTogether):  # its wrap() answers "huge" to force a split
            f.wrapOn(self.canv, width, 1e6)
            frame = self._doctemplateAttr("frame")
            if frame is None or frame._height >= f._H or not f._content:
                return f._H  # moves whole: all of it must fit
            return self._start(f._content[0], width)
        _, h = f.wrapOn(self.canv, width, 1e6)
        if isinstance(f, Para) and (f.keep_limit is None or h > f.keep_limit):
            return min(h, f.style.leading * self.LINES)
        if isinstance(f, Table) and getattr(f, "_rowHeights", None):
            return min(h, sum(f._rowHeights[:2]))
        return h


class AtBottom(Flowable):
    """Flowables set at the foot of the frame (the colophon, the cover's partners)."""

    def __init__(self, content: list[Flowable]) -> None:
        super().__init__()
        self.content = content
        self._sizes: list[tuple[float, float, float, float]] = []

    def _measure(self, availWidth: float, availHeight: float) -> float:
        self._sizes = []
        for f in self.content:
            w, h = f.wrap(availWidth, availHeight)
            self._sizes.append((w, h, f.getSpaceBefore(), f.getSpaceAfter()))
        return sum(h + b + a for _, h, b, a in self._sizes)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        need = self._measure(availWidth, availHeight)
        self.width, self.height = availWidth, max(need, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return list(self.content)

    def draw(self) -> None:
        y = sum(h + b + a for _, h, b, a in self._sizes)
        for f, (_, h, before, after) in zip(self.content, self._sizes, strict=True):
            y -= before + h
            f.drawOn(self.canv, 0, y)
            y -= after


@dataclass(frozen=True)
class ScaleLook:
    """How the scale figure looks, from theme.scale and its styles."""

    cell_width: float
    cell_height: float
    fill: Color
    border: Color
    mark_fill: Color
    mark_text: Color
    text: Color
    font: str
    size: float
    mark_font: str


class ScaleFigure(Flowable):
    """Cells scale_min..scale_max with their numbers, the mean marked at its exact place.

    The mark is a line across the cells at the mean's position (value v sits at the
    centre of cell v) and a tab above it holding the mean as printed in the text.
    """

    LINE = 0.6   # cell border, points
    MARK = 1.6   # mark line, points

    def __init__(self, mean: Decimal, mean_text: str, low: int, high: int,
                 look: ScaleLook, indent: float = 0) -> None:
        super().__init__()
        self.mean, self.mean_text, self.low, self.high = mean, mean_text, low, high
        self.look, self.indent = look, indent
        self.cells = max(1, high - low + 1)
        self.cell = look.cell_width
        self.tab_h = look.size * 1.7
        self.gap = look.size * 0.6

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.cell = min(self.look.cell_width, (availWidth - self.indent) / self.cells)
        self.width = availWidth
        self.height = self.tab_h + self.gap + self.look.cell_height + self.LINE
        return self.width, self.height

    def mark_x(self) -> float:
        """Where the mean sits, clamped to the drawn cells."""
        position = float(self.mean) - self.low + 0.5
        return self.indent + min(max(position, 0.0), float(self.cells)) * self.cell

    def draw(self) -> None:
        c, look = self.canv, self.look
        c.saveState()
        c.setLineWidth(self.LINE)
        c.setStrokeColor(look.border)
        c.setFillColor(look.fill)
        h = look.cell_height
        for i in range(self.cells):
            c.rect(self.indent + i * self.cell, 0, self.cell, h, stroke=1, fill=1)
        self._draw_mark(h)
        self._draw_numbers(h)
        c.restoreState()

    def _draw_numbers(self, h: float) -> None:
        """The numbers, each on a patch of the cell colour so the mark line stops short
        of a number it crosses instead of striking it through."""
        c, look = self.canv, self.look
        c.setFont(look.font, look.size)
        baseline = (h - look.size * 0.7) / 2
        for i in range(self.cells):
            label = str(self.low + i)
            x = self.indent + (i + 0.5) * self.cell
            w = stringWidth(label, look.font, look.size) + look.size * 0.4
            c.setFillColor(look.fill)
            c.rect(x - w / 2, baseline - look.size * 0.15, w, look.size * 0.95, stroke=0, fill=1)
            c.setFillColor(look.text)
            c.drawCentredString(x, baseline, label)

    def _draw_mark(self, h: float) -> None:
        c, look = self.canv, self.look
        x = self.mark_x()
        c.setStrokeColor(look.mark_fill)
        c.setLineWidth(self.MARK)
        c.line(x, -self.LINE, x, h + self.gap)
        tab_w = stringWidth(self.mean_text, look.mark_font, look.size) + look.size
        left = min(max(x - tab_w / 2, 0), self.width - tab_w)
        c.setFillColor(look.mark_fill)
        c.roundRect(left, h + self.gap, tab_w, self.tab_h, look.size * 0.25, stroke=0, fill=1)
        c.setFillColor(look.mark_text)
        c.setFont(look.mark_font, look.size)
        c.drawCentredString(left + tab_w / 2, h + self.gap + (self.tab_h - look.size * 0.7) / 2,
                            self.mean_text)
