"""Print-ready PDF of a composed report with reportlab (platypus), in the theme's house style.

One handler per block type turns the document tree into flowables; the look comes from
the theme only. Author text is always escaped (see generator.pdf_markup).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.colors import white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreakIfNotEmpty,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents as TocFlowable

from generator import doctree as t
from generator.pdf_flowables import (
    AtBottom,
    HeaderSwitch,
    KeepWithNext,
    Para,
    ScaleFigure,
    ScaleLook,
    stacked_height,
)
from generator.pdf_fonts import FontSet, register
from generator.pdf_markup import chunks, clean, inline
from generator.pdf_page import HeaderLook, ReportTemplate, frame_box
from generator.pdf_styles import Styles
from generator.table_layout import column_widths
from generator.theme import Theme

KEEP_FRACTION = 1 / 3  # a quote shorter than this part of the frame never splits
LOGO_LINES = 4         # partner logos are this many lines of the partner style tall
PARTNERS_PER_ROW = 4
TOC_LEVELS = 3


@dataclass(frozen=True)
class Context:
    """What every handler may read; nothing in it changes during a render."""

    theme: Theme
    styles: Styles
    fonts: FontSet
    meta: t.Meta
    frame_width: float
    frame_height: float


Handler = Callable[[object, Context, int], list[Flowable]]


def render_pdf(doc: t.Document, theme: Theme) -> bytes:
    """The report as PDF bytes; the same document and theme give the same bytes."""
    fonts = register(theme.fonts["body"])
    styles = Styles(theme, fonts, doc.meta.language)
    _, _, width, height = frame_box(theme.page, True)
    ctx = Context(theme, styles, fonts, doc.meta, width, height)
    story = _flowables(doc.front, ctx, 0)
    body = _flowables(doc.body, ctx, len(doc.front))
    while body and isinstance(body[0], PageBreakIfNotEmpty):
        body.pop(0)
    story = _keep_with_next([*story, PageBreakIfNotEmpty(), HeaderSwitch(), *body])
    _seed_contents(story)
    out = io.BytesIO()
    template = ReportTemplate(out, theme.page, doc.meta, _header_look(doc.meta, ctx),
                              initialFontName=fonts.regular,
                              initialFontSize=styles.source("paragraph.body").size)
    template.multiBuild(story)
    return out.getvalue()


def _keep_with_next(story: list[Flowable]) -> list[Flowable]:
    """A KeepWithNext marker before each run of flowables marked `keep_next` (reportlab's
    own keepWithNext is never set: see pdf_flowables.KeepWithNext)."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        j = i
        while j < len(story) and getattr(story[j], "keep_next", False):
            j += 1
        if j == i:
            out.append(story[i])
            i += 1
            continue
        kept = story[i:j]
        following = story[j] if j < len(story) and _content(story[j]) else None
        out += [KeepWithNext(kept, following), *kept]
        i = j
    return out


def _content(f: Flowable) -> bool:
    """Whether a flowable prints something (not a break or a marker)."""
    return not isinstance(f, (PageBreakIfNotEmpty, HeaderSwitch))


def _seed_contents(story: list[Flowable]) -> None:
    """Give each contents list its entries (page numbers unknown) before the first pass:
    it then has its final height at once and multiBuild settles in two passes, not three."""
    entries = [(level - 1, markup, 0, key) for level, _, markup, key in
               (f.toc_entry for f in story if getattr(f, "toc_entry", None))]
    for flowable in story:
        if isinstance(flowable, TocFlowable):
            flowable.addEntries(entries)


def _flowables(blocks: Iterable[object], ctx: Context, start: int) -> list[Flowable]:
    """Every block through its handler; `start` keeps heading keys unique."""
    out: list[Flowable] = []
    for index, block in enumerate(blocks, start):
        handler = HANDLERS.get(type(block))
        if handler is None:
            raise TypeError(f"render_pdf: no handler for block {type(block).__name__}")
        out.extend(handler(block, ctx, index))
    return out


def _header_look(meta: t.Meta, ctx: Context) -> HeaderLook:
    header = ctx.theme.header
    style = ctx.styles.para("header")
    text = clean(meta.header_text or meta.title)
    return HeaderLook(
        text=text.upper() if header.get("uppercase", True) else text,
        font=style.fontName, size=style.fontSize, color=style.textColor,
        letter_spacing=float(header.get("letter_spacing", 0)),
        outer_number=header.get("page_number", "outer") == "outer")


# --- text ----------------------------------------------------------------------------------

def _para(runs: t.Inline, role: str, ctx: Context, variant: str = "",
          hyphenate: bool = True) -> Para:
    """One paragraph of runs in a role's style (author text escaped)."""
    face = ctx.styles.face(role, hyphenate)
    style = ctx.styles.para(role, variant)
    para = Para(inline(runs, face, ctx.fonts), style)
    para.keep_next = ctx.styles.source(role).keep_with_next and variant in ("", "last")
    return para


def _long(runs: t.Inline, role: str, ctx: Context, keep: bool = False) -> list[Flowable]:
    """A paragraph of any length: long ones are set as consecutive chunks (layout time is
    quadratic in a paragraph's length); a short one with `keep` never splits."""
    pieces = chunks(runs)
    if len(pieces) <= 1:
        para = _para(runs, role, ctx)
        if keep:
            para.keep_limit = ctx.frame_height * KEEP_FRACTION
        return [para]
    last = len(pieces) - 1
    return [_para(piece, role, ctx, "first" if i == 0 else "last" if i == last else "middle")
            for i, piece in enumerate(pieces)]


def _text(text: str) -> t.Inline:
    return (t.Run(text),)


def _lines(lines: Iterable[str]) -> t.Inline:
    return (t.Run("\n".join(lines)),)


# --- handlers ------------------------------------------------------------------------------

def _cover(block: t.Cover, ctx: Context, index: int) -> list[Flowable]:
    out: list[Flowable] = [_para(_text(block.title), "cover.title", ctx)]
    if block.subtitle:
        out.append(_para(_text(block.subtitle), "cover.subtitle", ctx))
    if block.date:
        out.append(_para(_text(block.date), "cover.date", ctx))
    if block.authors:
        out.append(_para(_lines(block.authors), "cover.authors", ctx))
    partners = [_partners(block.partners, ctx)] if block.partners else []
    # a frame drops the space before its first flowable, while Word keeps it on a new page
    # (the title's style sets it to bring the title down the cover): a spacer stands for
    # it, where the cover still fits on its page with it
    space = ctx.styles.source("cover.title").space_before
    if space and stacked_height([*out, *partners], ctx.frame_width,
                                ctx.frame_height) + space <= ctx.frame_height:
        out[0].spaceBefore = 0
        out.insert(0, Spacer(0, space))
    if partners:
        out.append(_placed(partners, "cover.partners", ctx))
    return out


def _partners(partners: tuple[t.Partner, ...], ctx: Context) -> Table:
    """The partner organisations in a row (PARTNERS_PER_ROW a row)."""
    per_row = min(len(partners), PARTNERS_PER_ROW)
    width = ctx.frame_width / per_row
    style = ctx.styles.para("cover.partners")
    cells = [_partner(p, ctx, width - style.fontSize) for p in partners]
    cells += [""] * (-len(cells) % per_row)
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[width] * per_row, hAlign="LEFT",
                  style=_bare_table(ctx, style.fontSize))
    table.spaceBefore = style.spaceBefore
    return table


def _partner(partner: t.Partner, ctx: Context, width: float) -> list[Flowable]:
    """A partner: its logo when the file is there (the name is its alt text, as in the
    Word file), else its name."""
    if not _readable_image(partner.logo):
        return [_para(_text(partner.name), "cover.partners", ctx, "last")]
    height = ctx.styles.source("cover.partners").size * LOGO_LINES
    image = Image(str(partner.logo), kind="proportional", width=width, height=height,
                  hAlign="LEFT")
    image._alt = partner.alt or partner.name
    return [image]


def _readable_image(path: Path | None) -> bool:
    """Whether a logo file is there and is an image reportlab can read (else the cover
    shows the partner's name only, rather than failing)."""
    if path is None or not Path(path).is_file():
        return False
    try:
        ImageReader(str(path)).getSize()
    except Exception:
        return False
    return True


def _colophon(block: t.Colophon, ctx: Context, index: int) -> list[Flowable]:
    style = ctx.styles.para("colophon")
    face = ctx.styles.face("colophon")
    label_face = replace(face, bold=True, language=None)
    rows = [[Para(inline(_text(label), label_face, ctx.fonts), style),
             Para(inline(_text(value), face, ctx.fonts), style)] for label, value in block.lines]
    if not rows:
        return []
    label_w = max(stringWidth(clean(label) + " ", ctx.fonts.bold, style.fontSize)
                  for label, _ in block.lines)
    label_w = min(label_w + style.fontSize, ctx.frame_width / 3)
    table = Table(rows, colWidths=(label_w, ctx.frame_width - label_w), hAlign="LEFT",
                  style=_bare_table(ctx, style.spaceAfter))
    return [_placed([table], "colophon", ctx)]


def _placed(flowables: list[Flowable], role: str, ctx: Context) -> Flowable:
    """The flowables at the foot of the page where the role's style says so."""
    if ctx.styles.source(role).at_foot:
        return AtBottom(flowables)
    return flowables[0] if len(flowables) == 1 else KeepTogether(flowables)


def _bare_table(ctx: Context, row_gap: float) -> TableStyle:
    """A layout table without lines or padding. Every table names the body font: a table
    otherwise sets reportlab's default Helvetica, which is not embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), ctx.fonts.regular),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                       ("TOPPADDING", (0, 0), (-1, -1), 0),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), row_gap)])


def _toc(block: t.TableOfContents, ctx: Context, index: int) -> list[Flowable]:
    out: list[Flowable] = []
    if ctx.styles.source("toc.title").page_break_before:
        out.append(PageBreakIfNotEmpty())
    out.append(_para(_text(block.title), "toc.title", ctx))
    levels = []
    for level in range(1, TOC_LEVELS + 1):
        base = ctx.styles.named(f"TOC {level}")
        levels.append(ParagraphStyle(f"{base.name}:toc", parent=base,
                                     rightIndent=base.rightIndent + ctx.styles.reserve(base)))
    out.append(TocFlowable(levelStyles=levels, dotsMinLevel=0, tableStyle=_bare_table(ctx, 0)))
    return out


def _heading(block: t.Heading, ctx: Context, index: int) -> list[Flowable]:
    role = _heading_role(block, ctx)
    title = f"{block.number} {block.text}" if block.number else block.text
    para = _para(_text(title), role, ctx)
    para.keep_limit = ctx.frame_height
    plain = " ".join(clean(title).split())
    toc_style = f"TOC {min(max(block.level, 1), TOC_LEVELS)}"
    markup = inline(_text(plain), ctx.styles.named_face(toc_style), ctx.fonts)
    para.toc_entry = (block.level, plain, markup, f"h{index}")
    out: list[Flowable] = []
    if ctx.styles.source(role).page_break_before:
        out.append(PageBreakIfNotEmpty())
    out.append(para)
    return out


def _heading_role(block: t.Heading, ctx: Context) -> str:
    """heading.1..n by level (clamped to what the theme has); heading.unnumbered for an
    unnumbered top-level heading."""
    if block.number is None and block.level <= 1 and "heading.unnumbered" in ctx.theme.roles:
        return "heading.unnumbered"
    level = max(1, block.level)
    while level > 1 and f"heading.{level}" not in ctx.theme.roles:
        level -= 1
    return f"heading.{level}"


def _paragraph(block: t.Paragraph, ctx: Context, index: int) -> list[Flowable]:
    return _long(block.runs, f"paragraph.{block.role}", ctx)


def _run_in(block: t.RunIn, ctx: Context, index: int) -> list[Flowable]:
    return [_para(_text(block.text), "runin", ctx)]


def _question(block: t.Question, ctx: Context, index: int) -> list[Flowable]:
    return [_para(_text(f"{block.number}. {block.text}"), "question", ctx)]


def _bullets(block: t.BulletList, ctx: Context, index: int) -> list[Flowable]:
    glyph = str(ctx.theme.bullet.get("glyph", "■"))
    face = ctx.styles.face("bullet")
    style = ctx.styles.para("bullet", "bullet")
    items = [Para(inline(item, face, ctx.fonts), style, bulletText=glyph)
             for item in block.items]
    if ctx.styles.source("bullet").contextual_spacing:  # as Word: spacing around the list
        for item in items[1:]:
            item.spaceBefore = 0
        for item in items[:-1]:
            item.spaceAfter = 0
    return items


def _quote(block: t.Quote, ctx: Context, index: int) -> list[Flowable]:
    role = f"quote.{block.kind}"
    opening, closing = ctx.meta.quote_marks
    runs = (t.Run(opening), *_strip(block.runs), t.Run(closing))
    if block.source:
        runs += (t.Run(f" ({block.source})"),)
    return _long(runs, role, ctx, keep=ctx.styles.source(role).keep_together)


def _strip(runs: t.Inline) -> t.Inline:
    """Runs without blanks at the start and the end (the quote marks sit on the text)."""
    out = list(runs)
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        out[0] = replace(out[0], text=out[0].text.lstrip())
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return tuple(out)


def _score(block: t.ScoreFigure, ctx: Context, index: int) -> list[Flowable]:
    scale, styles = ctx.theme.scale, ctx.styles
    style = styles.para("score.figure")
    look = ScaleLook(
        cell_width=float(scale.get("cell_width", 24)),
        cell_height=float(scale.get("cell_height", 16)),
        fill=styles.color(str(scale.get("fill", "scale_fill"))),
        border=styles.color(str(scale.get("border", "scale_border"))),
        mark_fill=styles.color(str(scale.get("mark_fill", "accent"))),
        mark_text=styles.color(str(scale.get("mark_text", "FFFFFF"))),
        text=style.textColor, font=style.fontName, size=style.fontSize,
        mark_font=ctx.fonts.bold)
    figure = ScaleFigure(block.mean, clean(block.mean_text), block.scale_min, block.scale_max,
                         look, indent=style.leftIndent)
    figure.spaceBefore = max(style.spaceBefore, style.fontSize)
    caption = _para(_text(block.label), "score.caption", ctx)
    return [KeepTogether([figure, caption])]


def _table(block: t.Table, ctx: Context, index: int) -> list[Flowable]:
    n = len(block.columns)
    if n == 0:
        return []
    col_w = column_widths(block, ctx.frame_width)
    numeric = tuple(block.numeric) + (False,) * n

    def cell(text: str, role: str, col: int) -> Para:
        return _para(_text(text), role, ctx, "right" if numeric[col] else "")

    data = [[cell(c, "table.header", i) for i, c in enumerate(block.columns)]]
    data += [[cell(row[i] if i < len(row) else "", "table.text", i) for i in range(n)]
             for row in block.rows]
    table = Table(data, colWidths=col_w, repeatRows=1, splitInRow=1, hAlign="LEFT",
                  style=_table_style(ctx))
    spacing = ctx.styles.source("table")
    table.spaceBefore = max(spacing.space_before, spacing.space_after)
    table.spaceAfter = spacing.space_after
    if not block.caption:
        return [KeepTogether([table])]
    # the caption goes above the table (as in the Word report), kept with it; its style's
    # spacing is mirrored: the larger gap separates it from the text before
    caption = _para(_text(block.caption), "table.caption", ctx)
    source = ctx.styles.source("table.caption")
    caption.spaceBefore = max(source.space_after, table.spaceBefore)
    caption.spaceAfter = source.space_before
    caption.keep_next = True
    table.spaceBefore = 0
    # a table that fits on a page moves whole to the next one rather than leave its caption
    # and header row behind; a longer one still splits, its header row repeated
    return [KeepTogether([caption, table])]


def _table_style(ctx: Context) -> TableStyle:
    styles = ctx.styles
    pad = styles.source("table.text").size * 0.4
    border = styles.color("table_border")
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), ctx.fonts.regular),
        ("BACKGROUND", (0, 0), (-1, 0), styles.color("table_header_fill")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, styles.color("table_stripe")]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, border),
        ("BOX", (0, 0), (-1, -1), 0.5, border),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad * 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 1.2),
    ])


def _signature(block: t.Signature, ctx: Context, index: int) -> list[Flowable]:
    para = _para(_lines(block.lines), "signature", ctx)
    para.keep_limit = ctx.frame_height
    style = ctx.styles.para("signature")
    para.spaceBefore = max(style.spaceBefore, style.leading)
    return [para]


def _page_break(block: t.PageBreak, ctx: Context, index: int) -> list[Flowable]:
    return [PageBreakIfNotEmpty()]


HANDLERS: dict[type, Handler] = {
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
    t.PageBreak: _page_break,
}
