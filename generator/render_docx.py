"""The Word renderer: walks the document tree and writes a .docx in the house style.

Every block becomes paragraphs or tables in named styles of the theme (see
`docx_styles`); body text carries no direct formatting beyond inline bold and italic, so
the author can restyle the report in Word. The renderer decides no wording and no order.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.parts.document import DocumentPart
from docx.shared import Pt
from lxml import etree

from . import doctree as t
from .docx_package import (
    add_headers,
    blank_document,
    build_time,
    front_section_break,
    reproducible_zip,
    section,
    write_properties,
    write_settings,
)
from .docx_styles import (
    StyleSheet,
    foot_frame,
    numbering_element,
    style_sheet,
    styles_element,
    text_width_pt,
)
from .docx_toc import bookmark_names, estimate_pages, toc_paragraphs
from .docx_xml import (
    add_run,
    add_runs,
    add_text,
    clean,
    el,
    paragraph,
    set_children,
    sub,
    twips,
    w,
)
from .table_layout import column_widths
from .theme import Style, Theme

_P = qn("w:p")
_BEFORE_FRAME = {"pStyle", "keepNext", "keepLines", "pageBreakBefore"}  # w:pPr schema order


@dataclass(frozen=True)
class _Context:
    """What the block handlers share: resolved styles, bookmarks and guessed pages."""

    doc: t.Document
    theme: Theme
    sheet: StyleSheet
    bookmarks: Mapping[str, str]
    pages: Mapping[str, int]
    part: DocumentPart
    ids: Iterator[int]


def render_docx(doc: t.Document, theme: Theme) -> bytes:
    """The bytes of a .docx of `doc` in the house style `theme`."""
    document = blank_document()
    sheet = style_sheet(theme)
    set_children(document.styles.element, list(styles_element(theme, doc.meta.lang_tag)))
    set_children(document.part.numbering_part.element, list(numbering_element(theme)))
    write_settings(document, theme, doc.meta.lang_tag)
    ctx = _Context(doc, theme, sheet, bookmark_names(doc), estimate_pages(doc, theme),
                   document.part, itertools.count(1))
    front = _front_pages(doc.front, ctx)
    body = render_blocks(doc.body, ctx)
    headers = add_headers(document, doc.meta, theme, sheet)
    set_children(document.element.body, [*front, *body, section(theme, headers, bool(front))])
    when, fixed = build_time()
    write_properties(document, doc.meta, when)
    out = io.BytesIO()
    document.save(out)
    return reproducible_zip(out.getvalue(), when) if fixed else out.getvalue()


def render_blocks(blocks: tuple[t.Block, ...], ctx: _Context) -> list[etree._Element]:
    """The elements of some blocks; a PageBreak moves the next paragraph to a new page."""
    out: list[etree._Element] = []
    pending_break = False
    for block in blocks:
        if isinstance(block, t.PageBreak):
            pending_break = True
            continue
        handler = _HANDLERS.get(type(block))
        if handler is None:
            raise TypeError(f"the Word renderer does not know the block {block!r}")
        elements = handler(block, ctx)
        if pending_break and elements:
            _break_before(elements, ctx)
            pending_break = False
        out.extend(elements)
    return out


def _front_pages(blocks: tuple[t.Block, ...], ctx: _Context) -> list[etree._Element]:
    """The cover and the colophon, a section (no running header) a page.

    A section break rather than a page-break run starts the colophon's page, since what
    its style sets at the foot of the page is a frame, and a frame holds no page break.
    A page ending in a frame gets an empty paragraph to anchor it and carry the break.
    """
    pages: list[list[t.Block]] = [[]]
    for block in blocks:
        if isinstance(block, t.PageBreak):
            pages.append([])
        else:
            pages[-1].append(block)
    out: list[etree._Element] = []
    body_style = ctx.sheet.id_for("paragraph.body")
    for page in filter(None, pages):
        elements = render_blocks(tuple(page), ctx)
        framed = [e for e in elements if getattr(_style_of(e, ctx), "at_foot", False)]
        for element in framed:  # LibreOffice ignores a frame that only the style gives
            ppr = element[0]
            keeps = sum(1 for c in ppr if etree.QName(c).localname in _BEFORE_FRAME)
            ppr.insert(keeps, foot_frame(ctx.theme))
        if framed and elements[-1] is framed[-1]:  # a frame needs a paragraph to anchor to
            elements.append(paragraph(body_style)[0])
        front_section_break(elements, section(ctx.theme), body_style)
        out.extend(elements)
    return out


def _style_of(element: etree._Element, ctx: _Context) -> Style | None:
    """The theme style of a paragraph (None for a table or a paragraph without one)."""
    if element.tag != _P:
        return None
    return ctx.sheet.by_id.get(element[0][0].get(w("val")))


def _break_before(elements: list[etree._Element], ctx: _Context) -> None:
    """Put a page break at the start of the first paragraph (not if its style breaks)."""
    first = elements[0]
    if first.tag != _P:
        first, _ = paragraph(ctx.sheet.id_for("paragraph.body"))
        elements.insert(0, first)
    style = _style_of(first, ctx)
    if style is not None and style.page_break_before:
        return
    run = etree.Element(w("r"))
    sub(run, "br", type="page")
    first.insert(1, run)


# --- paragraphs ---------------------------------------------------------------------------

def _para(ctx: _Context, role: str, text: str | None = None,
          runs: t.Inline = ()) -> etree._Element:
    p, _ = paragraph(ctx.sheet.id_for(role))
    if text:
        add_run(p, text)
    add_runs(p, runs)
    return p


def _cover(block: t.Cover, ctx: _Context) -> list[etree._Element]:
    out = [_para(ctx, "cover.title", block.title)]
    if block.subtitle:
        out.append(_para(ctx, "cover.subtitle", block.subtitle))
    if block.date:
        out.append(_para(ctx, "cover.date", block.date))
    out.extend(_para(ctx, "cover.authors", author) for author in block.authors)
    if block.partners:
        out.append(_partners(block.partners, ctx))
    return out


def _partners(partners: tuple[t.Partner, ...], ctx: _Context) -> etree._Element:
    """One paragraph: logos side by side, names without a logo on lines of their own."""
    p, _ = paragraph(ctx.sheet.id_for("cover.partners"))
    previous: t.Partner | None = None
    for partner in partners:
        if previous is not None:
            run = sub(p, "r")
            add_text(run, "\u2003\u2003" if partner.logo and previous.logo else "\n")
        if partner.logo:
            _picture(p, partner, ctx)
        else:
            add_run(p, partner.name)
        previous = partner
    return p


def _picture(p: etree._Element, partner: t.Partner, ctx: _Context) -> None:
    """A partner's logo as an inline picture whose alt text is the partner's name."""
    rid, image = ctx.part.get_or_add_image(str(partner.logo))
    height = Pt(_logo_height(ctx))
    cx, cy = image.scaled_dimensions(None, height)
    shape_id = next(ctx.ids)
    inline = CT_Inline.new_pic_inline(shape_id, rid, image.filename, cx, cy)
    inline.docPr.set("descr", clean(partner.alt or partner.name))
    inline.docPr.set("name", f"Logo {shape_id}")
    sub(sub(p, "r"), "drawing").append(inline)


def _logo_height(ctx: _Context) -> float:
    """Logo height in points: the theme's `cover.logo_height`, else four lines of text."""
    cover = ctx.theme.raw.get("cover", {}) if isinstance(ctx.theme.raw, Mapping) else {}
    if isinstance(cover, Mapping) and "logo_height" in cover:
        return float(cover["logo_height"])
    return 4 * ctx.theme.style_for("cover.partners").size


def _colophon(block: t.Colophon, ctx: _Context) -> list[etree._Element]:
    out = []
    for label, value in block.lines:
        out.append(_para(ctx, "colophon", runs=(t.Run(f"{label}:", bold=True),
                                                t.Run(f" {value}"))))
    return out


def _toc(block: t.TableOfContents, ctx: _Context) -> list[etree._Element]:
    return [_para(ctx, "toc.title", block.title),
            *toc_paragraphs(ctx.doc, ctx.sheet, ctx.bookmarks, ctx.pages)]


def _heading(block: t.Heading, ctx: _Context) -> list[etree._Element]:
    role = "heading.unnumbered" if block.number is None and block.level == 1 \
        else f"heading.{block.level}"
    p, ppr = paragraph(ctx.sheet.id_for(role))
    style = ctx.sheet.by_id[ppr[0].get(w("val"))]
    if block.number is None and style.numbered:
        sub(sub(ppr, "numPr"), "numId", val="0")
    name = ctx.bookmarks.get(block.key)
    mark = str(next(ctx.ids))
    if name:
        sub(p, "bookmarkStart", id=mark, name=name)
    add_run(p, block.text)
    if name:
        sub(p, "bookmarkEnd", id=mark)
    return [p]


def _paragraph(block: t.Paragraph, ctx: _Context) -> list[etree._Element]:
    return [_para(ctx, f"paragraph.{block.role}", runs=block.runs)]


def _run_in(block: t.RunIn, ctx: _Context) -> list[etree._Element]:
    return [_para(ctx, "runin", block.text)]


def _question(block: t.Question, ctx: _Context) -> list[etree._Element]:
    return [_para(ctx, "question", f"{block.number}. {block.text}")]


def _bullets(block: t.BulletList, ctx: _Context) -> list[etree._Element]:
    return [_para(ctx, "bullet", runs=item) for item in block.items]


def _quote(block: t.Quote, ctx: _Context) -> list[etree._Element]:
    opening, closing = ctx.doc.meta.quote_marks
    p = _para(ctx, f"quote.{block.kind}", opening, block.runs)
    add_run(p, closing)
    if block.source:
        add_run(p, f" ({block.source})")
    return [p]


def _signature(block: t.Signature, ctx: _Context) -> list[etree._Element]:
    return [_para(ctx, "signature", line) for line in block.lines]


# --- tables -------------------------------------------------------------------------------

def _table(block: t.Table, ctx: _Context) -> list[etree._Element]:
    """A real table: caption above, a repeating header row, numbers right-aligned."""
    if not block.columns:
        raise ValueError(f"a table needs at least one column: {block!r}")
    out = []
    if block.caption:
        caption = _para(ctx, "table.caption", block.caption)
        caption[0].insert(1, etree.Element(w("keepNext")))
        out.append(caption)
    total = text_width_pt(ctx.theme)
    widths = [twips(width) for width in column_widths(block, total)]
    tbl = el("w:tbl")
    tblpr = sub(tbl, "tblPr")
    sub(tblpr, "tblStyle", val=ctx.sheet.id_for("table"))
    sub(tblpr, "tblW", w=twips(total), type="dxa")
    sub(tblpr, "tblLayout", type="fixed")
    sub(tblpr, "tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="0",
        lastColumn="0", noHBand="0", noVBand="1")
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=width)
    numeric = tuple(block.numeric) + (False,) * len(block.columns)
    _row(tbl, block.columns, widths, numeric, ctx.sheet.id_for("table.header"), header=True)
    style = ctx.sheet.id_for("table.text")
    last = len(block.rows) - 1
    for index, row in enumerate(block.rows):
        cells = tuple(row) + ("",) * (len(block.columns) - len(row))
        _row(tbl, cells[:len(block.columns)], widths, numeric, style, keep=index < last)
    out.append(tbl)
    # Word has no spacing after a table: an empty paragraph of its own style gives it
    out.append(paragraph(ctx.sheet.id_for("table.after"))[0])
    return out


def _row(tbl: etree._Element, cells: tuple[str, ...], widths: list[str],
         numeric: tuple[bool, ...], style: str, header: bool = False,
         keep: bool = True) -> None:
    """A row whose cells keep with the next row (as Word keeps a table on one page when it
    fits, as the PDF does), except the last row's."""
    tr = sub(tbl, "tr")
    trpr = sub(tr, "trPr")
    sub(trpr, "cantSplit")
    if header:
        sub(trpr, "tblHeader")
    for text, width, is_number in zip(cells, widths, numeric, strict=False):
        tc = sub(tr, "tc")
        sub(sub(tc, "tcPr"), "tcW", w=width, type="dxa")
        p, ppr = paragraph(style)
        if keep:
            sub(ppr, "keepNext")
        if is_number:
            sub(ppr, "jc", val="right")
        if text:
            add_run(p, text)
        tc.append(p)


def _score(block: t.ScoreFigure, ctx: _Context) -> list[etree._Element]:
    """The 1–10 scale as an editable one-row table, the cell nearest the mean filled."""
    scale, theme = ctx.theme.scale, ctx.theme
    if block.scale_min > block.scale_max:
        raise ValueError(f"a scale from {block.scale_min} to {block.scale_max}: {block!r}")
    marked = int(block.mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    marked = min(max(marked, block.scale_min), block.scale_max)
    values = range(block.scale_min, block.scale_max + 1)
    cell = twips(float(scale["cell_width"]))
    tbl = el("w:tbl")
    tblpr = sub(tbl, "tblPr")
    sub(tblpr, "tblW", w=str(int(cell) * len(values)), type="dxa")
    borders = sub(tblpr, "tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, edge, val="single", sz="4", space="0", color=theme.color(scale["border"]))
    sub(tblpr, "tblLayout", type="fixed")
    margins = sub(tblpr, "tblCellMar")
    sub(margins, "left", w="0", type="dxa")
    sub(margins, "right", w="0", type="dxa")
    sub(tblpr, "tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0",
        lastColumn="0", noHBand="1", noVBand="1")
    sub(tblpr, "tblDescription", val=clean(block.label))
    grid = sub(tbl, "tblGrid")
    for _ in values:
        sub(grid, "gridCol", w=cell)
    tr = sub(tbl, "tr")
    trpr = sub(tr, "trPr")
    sub(trpr, "cantSplit")
    sub(trpr, "trHeight", val=twips(float(scale["cell_height"])), hRule="exact")
    for value in values:
        _score_cell(tr, value, value == marked, cell, ctx)
    return [tbl, _para(ctx, "score.caption", block.label)]


def _score_cell(tr: etree._Element, value: int, marked: bool, width: str,
                ctx: _Context) -> None:
    scale, theme = ctx.theme.scale, ctx.theme
    tc = sub(tr, "tc")
    tcpr = sub(tc, "tcPr")
    sub(tcpr, "tcW", w=width, type="dxa")
    fill = theme.color(scale["mark_fill" if marked else "fill"])
    sub(tcpr, "shd", val="clear", color="auto", fill=fill)
    sub(tcpr, "vAlign", val="center")
    p, ppr = paragraph(ctx.sheet.id_for("score.figure"))
    sub(ppr, "keepNext")
    sub(ppr, "jc", val="center")
    run = add_run(p, str(value), bold=marked)
    if marked:
        rpr = run.find(w("rPr"))
        sub(rpr, "color", val=theme.color(scale["mark_text"]))
    tc.append(p)


_HANDLERS: dict[type, Callable[..., list[etree._Element]]] = {
    t.Cover: _cover,
    t.Colophon: _colophon,
    t.TableOfContents: _toc,
    t.Heading: _heading,
    t.Paragraph: _paragraph,
    t.RunIn: _run_in,
    t.Question: _question,
    t.BulletList: _bullets,
    t.Quote: _quote,
    t.ScoreFigure: _score,
    t.Table: _table,
    t.Signature: _signature,
}

# The theme roles this renderer looks styles up by (tests check each exists in the theme).
ROLES = (
    "paragraph.body", "paragraph.intro", "paragraph.lead", "paragraph.note",
    "paragraph.reference", "paragraph.signature", "paragraph.cover-meta", "cover.title",
    "cover.subtitle", "cover.date", "cover.authors",
    "cover.partners", "colophon", "toc.title", "heading.1", "heading.2", "heading.3",
    "heading.unnumbered", "runin", "question", "bullet", "quote.informant", "quote.citation",
    "score.figure", "score.caption", "table", "table.header", "table.text", "table.caption",
    "table.after", "signature", "header",
)


def style_names(theme: Theme) -> frozenset[str]:
    """Every style name the renderer writes for `theme` (all of them theme styles)."""
    sheet = style_sheet(theme)
    return frozenset(sheet.by_id[sid].name for sid in sheet.ids.values())

