"""The contents list of the .docx: heading bookmarks, a best guess of page numbers, and
the pre-filled TOC field (Word refreshes it on open; LibreOffice shows it as written).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from lxml import etree

from . import doctree as t
from .docx_styles import HEADING_LEVELS, StyleSheet, paper_mm, text_width_pt
from .docx_xml import add_run, field_begin, field_char, paragraph, sub
from .theme import Style, Theme

TOC_INSTRUCTION = f' TOC \\o "1-{HEADING_LEVELS}" \\h \\z \\u '
_CHAR_EM = 0.415  # average character width of a Calibri-like face, in ems (calibrated)
_LINE_EM = 1.22  # height of a single-spaced line, in ems


def bookmark_names(doc: t.Document) -> dict[str, str]:
    """A Word bookmark name (hidden: `_Toc…`, at most 40 characters) per heading key."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for index, heading in enumerate(doc.headings()):
        name = "_Toc_" + re.sub(r"[^0-9A-Za-z]", "_", heading.key)[:30]
        if name in used:
            name = f"{name[:30]}_{index}"
        used.add(name)
        names[heading.key] = name
    return names


def toc_paragraphs(doc: t.Document, sheet: StyleSheet, bookmarks: Mapping[str, str],
                   pages: Mapping[str, int]) -> list[etree._Element]:
    """The TOC field with one pre-filled, hyperlinked entry per heading of levels 1–3."""
    entries = [h for h in doc.headings() if h.level <= HEADING_LEVELS]
    if not entries:
        p, _ = paragraph(sheet.id_for("toc.1"))
        field_begin(p, TOC_INSTRUCTION)
        field_char(p, "end")
        return [p]
    out = []
    for index, heading in enumerate(entries):
        p, _ = paragraph(sheet.id_for(f"toc.{heading.level}"))
        if index == 0:
            field_begin(p, TOC_INSTRUCTION)
        _entry(p, heading, bookmarks[heading.key], pages.get(heading.key, 1))
        if index == len(entries) - 1:
            field_char(p, "end")
        out.append(p)
    return out


def _entry(p: etree._Element, heading: t.Heading, bookmark: str, page: int) -> None:
    link = sub(p, "hyperlink", anchor=bookmark, history="1")
    text = f"{heading.number} {heading.text}" if heading.number else heading.text
    add_run(link, text)
    sub(sub(link, "r"), "tab")
    field_begin(link, f" PAGEREF {bookmark} \\h ")
    add_run(link, str(page))
    field_char(link, "end")


# --- a best guess of the page each heading lands on ----------------------------------------

@dataclass(frozen=True)
class _Box:
    """A paragraph-like piece of the layout: its lines and how it breaks."""

    lines: int
    line: float  # height of one line
    before: float = 0.0
    after: float = 0.0
    break_before: bool = False
    keep_next: bool = False
    keep_together: bool = False
    key: str | None = None


def estimate_pages(doc: t.Document, theme: Theme) -> dict[str, int]:
    """Heading key → page, from a rough line count; Word replaces these on field update."""
    _, height_mm = paper_mm(theme)
    layout = _Layout((height_mm - theme.page.margin_top - theme.page.margin_bottom) * 72 / 25.4)
    width = text_width_pt(theme)
    for part, blocks in (("front", doc.front), ("body", doc.body)):
        if part == "body":
            layout.new_page(only_if_used=True)
        boxes: list[_Box | None] = []  # None: a page break
        for block in blocks:
            boxes.extend([None] if isinstance(block, t.PageBreak)
                         else _boxes(block, doc, theme, width))
        for index, box in enumerate(boxes):
            if box is None:
                layout.new_page()
            else:
                layout.place(box, _kept_with(boxes, index))
    return layout.pages


def _kept_with(boxes: list[_Box | None], index: int) -> float:
    """The height that must follow a keep-with-next box on its page (chains included)."""
    box = boxes[index]
    following = boxes[index + 1] if index + 1 < len(boxes) else None
    if box is None or not box.keep_next or following is None:
        return 0.0
    lines = following.lines if following.keep_together else min(2, following.lines)
    height = following.before + lines * following.line
    if following.keep_next:
        height += following.after + _kept_with(boxes, index + 1)
    return height


class _Layout:
    """Pages filled top to bottom: paragraphs split with two lines on each side at least."""

    def __init__(self, height: float):
        self.height, self.page, self.y = height, 1, 0.0
        self.pages: dict[str, int] = {}

    def new_page(self, only_if_used: bool = False) -> None:
        if self.y > 0 or not only_if_used:
            self.page, self.y = self.page + 1, 0.0

    def place(self, box: _Box, reserve: float) -> None:
        if box.break_before:
            self.new_page(only_if_used=True)
        before = box.before if self.y > 0 else 0.0
        body = box.lines * box.line
        if self.y + before + body + box.after + reserve > self.height and self.y > 0:
            fit = int((self.height - self.y - before) // box.line)
            if box.keep_next or box.keep_together or fit < 2 or box.lines - fit < 2:
                self.new_page()
                before = 0.0
            else:
                self._mark(box)
                self.new_page()
                self.y = (box.lines - fit) * box.line + box.after
                return
        self._mark(box)
        self.y += before + body + box.after

    def _mark(self, box: _Box) -> None:
        if box.key:
            self.pages[box.key] = self.page


def _lines(text: str, size: float, usable: float) -> int:
    """Lines of greedy word wrap with an average character width."""
    per_line = max(1.0, usable / (size * _CHAR_EM))
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def _para(style: Style, text: str, width: float, key: str | None = None) -> _Box:
    usable = max(width - style.indent_left - style.indent_right, width / 4)
    return _Box(_lines(text, style.size, usable), style.size * style.line_spacing * _LINE_EM,
                style.space_before, style.space_after, style.page_break_before,
                style.keep_with_next, style.keep_together, key)


def _boxes(block: object, doc: t.Document, theme: Theme, width: float) -> Iterable[_Box]:
    role = theme.style_for
    if isinstance(block, t.Heading):
        style = role(f"heading.{block.level}")
        yield _para(style, f"{block.number or ''} {block.text}", width, block.key)
    elif isinstance(block, t.Paragraph):
        yield _para(role(f"paragraph.{block.role}"), t.plain(block.runs), width)
    elif isinstance(block, t.RunIn | t.Question):
        yield _para(role("runin" if isinstance(block, t.RunIn) else "question"),
                    block.text, width)
    elif isinstance(block, t.BulletList):
        indent = float(theme.bullet.get("indent", 0))
        yield from (_para(role("bullet"), t.plain(i), width - indent) for i in block.items)
    elif isinstance(block, t.Quote):
        text = t.plain(block.runs) + (block.source or "")
        yield _para(role(f"quote.{block.kind}"), text, width)
    elif isinstance(block, t.Table):
        yield from _table_boxes(block, theme, width)
    elif isinstance(block, t.ScoreFigure):
        yield _Box(1, float(theme.scale.get("cell_height", 16)), keep_next=True)
        yield _para(role("score.caption"), block.label, width)
    elif isinstance(block, t.TableOfContents):
        yield _para(role("toc.title"), block.title, width)
        for h in doc.headings():
            if h.level <= HEADING_LEVELS:
                yield _para(theme.style(f"TOC {h.level}"), h.text, width)
    else:
        yield from (_para(role("paragraph.body"), text, width) for text in _texts(block))


def _table_boxes(block: t.Table, theme: Theme, width: float) -> Iterable[_Box]:
    if block.caption:
        yield _para(theme.style_for("table.caption"), block.caption, width)
    text = theme.style_for("table.text")
    column = width / max(1, len(block.columns))
    for row in (block.columns, *block.rows):
        box = max((_para(text, cell, column) for cell in row), key=lambda b: b.lines)
        yield replace(box, keep_together=True)


def _texts(block: object) -> Iterable[str]:
    """The lines of the remaining blocks (cover, colophon, signature) for the estimate."""
    if isinstance(block, t.Cover):
        yield from (block.title, block.subtitle or "", block.date, *block.authors)
        yield from (p.name for p in block.partners)
    elif isinstance(block, t.Colophon):
        yield from (f"{label} {value}" for label, value in block.lines)
    elif isinstance(block, t.Signature):
        yield from block.lines
