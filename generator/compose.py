"""Compose validated findings into the document tree, in the order of the series.

All report knowledge lives here: which chapter holds what, the wording around scores and
quotes, the per-group summary, the interview-guide appendix. No formatting does: the
composer says *what* a block is, the template and renderers say how it looks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator import doctree as t
from generator import model as m
from generator.inline import inline, inline_paragraphs, one_line
from generator.numfmt import format_decimal, format_int, format_range, join_words, number_word
from generator.privacy import apply_pseudonyms
from generator.sorting import sort_key
from generator.stats import ScoreStats, round_half_up, score_stats
from generator.theme import Theme
from generator.wording import count_item, is_wide, spread_sentence


@dataclass(frozen=True)
class ScaleResult:
    """A scale question's result as printed: the figures the tests check independently."""

    group: str
    topic: str
    mean: Decimal
    mean_text: str
    n: int | None
    stats: ScoreStats | None
    scale: m.Scale


@dataclass
class _Context:
    """What composing one report needs at hand: labels, language, numbering, base folder."""

    findings: m.Findings
    labels: Mapping[str, Any]
    lang: str
    base_dir: Path
    wide_spread: int
    counters: list[int] = field(default_factory=lambda: [0, 0, 0])
    tables: int = 0
    keys: set[str] = field(default_factory=set)

    def label(self, dotted: str, **kw: object) -> str:
        """A printed phrase from the template, filled in."""
        node: Any = self.labels
        for part in dotted.split("."):
            node = node[part]
        return str(node).format(**kw) if kw else str(node)

    def heading(self, level: int, text: str, numbered: bool = True) -> t.Heading:
        """A heading with its decimal number ("2.5.1") and a stable, unique anchor key."""
        number = None
        if numbered:
            self.counters[level - 1] += 1
            for deeper in range(level, 3):
                self.counters[deeper] = 0
            number = ".".join(str(n) for n in self.counters[:level])
        key = "h-" + (number.replace(".", "-") if number else _slug(text))
        while key in self.keys:
            key += "-x"
        self.keys.add(key)
        return t.Heading(level=level, text=text, number=number, key=key)

    def table_number(self) -> int:
        """The next table number, for captions."""
        self.tables += 1
        return self.tables

    def text(self, value: str | None) -> str:
        """Author prose with pseudonyms applied (names never reach print)."""
        if not value:
            return ""
        pseudonyms = self.findings.privacy.pseudonyms
        return apply_pseudonyms(value, pseudonyms) if pseudonyms else value


def compose(findings: m.Findings, theme: Theme, base_dir: Path) -> t.Document:
    """The whole report as a document tree."""
    lang = findings.report.language
    ctx = _Context(findings, theme.labels(lang), lang, base_dir, theme.wide_spread)
    return t.Document(meta=_meta(ctx), front=tuple(_front(ctx)),
                      body=tuple(_intros(_body(ctx))))


def _intros(blocks: Iterable[t.Block]) -> Iterator[t.Block]:
    """A body paragraph right before a list introduces it («Teamet trakk fram:»)."""
    blocks = list(blocks)
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if isinstance(following, t.BulletList) and isinstance(block, t.Paragraph) \
                and block.role == "body":
            block = t.Paragraph(runs=block.runs, role="intro")
        yield block


def scale_results(findings: m.Findings, lang: str = "nb") -> list[ScaleResult]:
    """Every scale question's result, in report order."""
    out = []
    for group in findings.results:
        for q in group.questions:
            result = _scale_result(group.group, q, lang)
            if result:
                out.append(result)
    return out


# --- meta and front matter --------------------------------------------------------------------

def _meta(ctx: _Context) -> t.Meta:
    report = ctx.findings.report
    from generator import __version__

    return t.Meta(
        title=report.title,
        subtitle=report.subtitle,
        authors=tuple(a.name for a in report.authors),
        language=ctx.lang,
        lang_tag=ctx.label("lang_tag"),
        subject=report.subtitle or report.title,
        keywords=tuple(report.keywords),
        header_text=report.title,
        quote_marks=(ctx.label("quote_open"), ctx.label("quote_close")),
        contents_title=ctx.label("contents"),
        properties=(("mtreport.version", __version__),),
    )


def _date_text(ctx: _Context, date: m.ReportDate) -> str:
    """"2025", "mars 2025" or "14. mars 2025" (en: "14 March 2025")."""
    if date.month is None:
        return str(date.year)
    month = ctx.labels["months"][date.month - 1]
    if date.day is None:
        return f"{month} {date.year}"
    dot = "" if ctx.lang == "en" else "."
    return f"{date.day}{dot}\u00a0{month} {date.year}"


def _front(ctx: _Context) -> Iterator[t.Block]:
    report = ctx.findings.report
    yield t.Cover(
        title=report.title,
        subtitle=report.subtitle,
        date=_date_text(ctx, report.date),
        authors=tuple(_author_line(a) for a in report.authors),
        partners=tuple(t.Partner(p.name, _resolve(ctx, p.logo), p.name)
                       for p in report.partners),
    )
    yield t.PageBreak()
    yield t.Colophon(lines=tuple(_colophon_lines(ctx)))


def _author_line(author: m.Author) -> str:
    return f"{author.name}, {author.organisation}" if author.organisation else author.name


def _resolve(ctx: _Context, path: str | None) -> Path | None:
    if not path:
        return None
    p = Path(path)
    return p if p.is_absolute() else ctx.base_dir / p


def _colophon_lines(ctx: _Context) -> Iterator[tuple[str, str]]:
    report = ctx.findings.report
    names = [a.name for a in report.authors]
    values = {
        "publisher": report.publisher,
        "year": str(report.date.year),
        "authors": join_words(names, ctx.lang) if names else None,
        "series": report.series,
        "isbn": report.isbn,
        "photo_credits": report.photo_credits,
    }
    for key, value in values.items():
        if value:
            yield ctx.label(f"colophon.{key}"), value


# --- body -----------------------------------------------------------------------------------

def _body(ctx: _Context) -> Iterator[t.Block]:
    f = ctx.findings
    if f.foreword:
        yield from _foreword(ctx, f.foreword)
    yield t.TableOfContents(title=ctx.label("contents"))
    if f.background:
        yield from _chapter(ctx, f.background, ctx.label("background"))
    yield from _study(ctx)
    yield from _summary(ctx)
    if f.discussion:
        yield from _chapter(ctx, f.discussion, ctx.label("discussion"))
    if f.references:
        yield from _references(ctx)
    guides = _guides(ctx) if f.appendix.interview_guide else []
    if guides:
        yield from _appendix(ctx, guides)


def _foreword(ctx: _Context, foreword: m.Foreword) -> Iterator[t.Block]:
    yield ctx.heading(1, ctx.label("foreword"), numbered=False)
    yield from _prose(ctx, foreword.text)
    sig = foreword.signature
    if sig:
        lines = [sig.name, sig.title, sig.unit, sig.organisation]
        yield t.Signature(lines=tuple(line for line in lines if line))


def _prose(ctx: _Context, text: str | None, role: str = "body") -> Iterator[t.Paragraph]:
    for runs in inline_paragraphs(ctx.text(text)):
        yield t.Paragraph(runs=runs, role=role)


def _content(ctx: _Context, items: Iterable[m.ContentItem]) -> Iterator[t.Block]:
    for item in items:
        if isinstance(item, m.Citation):
            yield t.Quote(runs=inline(ctx.text(item.quote)), kind="citation",
                          source=ctx.text(item.source) or None)
        elif isinstance(item, m.BulletBlock):
            yield _bullets(ctx, item.bullets)
        else:
            yield from _prose(ctx, item)


def _bullets(ctx: _Context, items: Iterable[str]) -> t.BulletList:
    return t.BulletList(items=tuple(inline(ctx.text(i)) for i in items))


def _chapter(ctx: _Context, chapter: m.Chapter, default_title: str) -> Iterator[t.Block]:
    yield ctx.heading(1, ctx.text(chapter.title) or default_title)
    yield from _prose(ctx, chapter.text)
    yield from _content(ctx, chapter.content)
    for section in chapter.sections:
        yield from _section(ctx, section, 2)


def _section(ctx: _Context, section: m.Section, level: int) -> Iterator[t.Block]:
    title = ctx.text(section.title)
    if level <= 3:
        yield ctx.heading(level, title)
    else:  # deeper than the numbered levels: a run-in label keeps the text in place
        yield t.RunIn(text=title)
    yield from _prose(ctx, section.text)
    yield from _content(ctx, section.content)
    for sub in section.sections:
        yield from _section(ctx, sub, level + 1)


# --- the study ----------------------------------------------------------------------------------

def _study(ctx: _Context) -> Iterator[t.Block]:
    method = ctx.findings.method
    yield ctx.heading(1, ctx.label("study"))
    yield ctx.heading(2, ctx.label("purpose"))
    yield from _prose(ctx, method.purpose)
    yield from _prose(ctx, method.position)
    if method.setting:
        yield from _setting(ctx, method.setting)
    yield ctx.heading(2, ctx.label("method"))
    yield from _prose(ctx, method.approach)
    yield from _prose(ctx, method.consent)
    if method.period:
        yield t.Paragraph(runs=inline(ctx.label("period", period=ctx.text(method.period))))
    yield from _informants(ctx, method.informants)
    for group in ctx.findings.results:
        yield from _group_results(ctx, group)


def _setting(ctx: _Context, setting: m.Setting) -> Iterator[t.Block]:
    yield ctx.heading(2, ctx.label("setting"))
    yield from _prose(ctx, setting.text)
    if setting.activities:
        yield _bullets(ctx, setting.activities)
    yield from _prose(ctx, setting.after)


def _informants(ctx: _Context, groups: tuple[m.InformantGroup, ...]) -> Iterator[t.Block]:
    yield ctx.heading(3, ctx.label("informants"))
    yield _informant_table(ctx, groups)
    for group in groups:
        yield t.RunIn(text=f"{ctx.text(group.label)}:")
        yield t.BulletList(items=tuple(inline(line) for line in _informant_lines(ctx, group)))


def _informant_table(ctx: _Context, groups: tuple[m.InformantGroup, ...]) -> t.Table:
    rows = []
    for g in groups:
        duration = ""
        if g.duration:
            span = format_range(g.duration.min, g.duration.max, ctx.lang) \
                if g.duration.min != g.duration.max else str(g.duration.min)
            duration = ctx.label("informant_table.minutes", range=span)
        recorded = "" if g.recorded is None else format_int(g.recorded, ctx.lang)
        rows.append((ctx.text(g.label), format_int(g.count, ctx.lang), ctx.label(f"forms.{g.form}"),
                     duration, recorded))
    cols = tuple(ctx.label(f"informant_table.{k}")
                 for k in ("group", "count", "form", "duration", "recorded"))
    return t.Table(columns=cols, rows=tuple(rows), role="informants",
                   caption=ctx.label("informant_table.caption", n=ctx.table_number()),
                   numeric=(False, True, False, True, True))


def _informant_lines(ctx: _Context, g: m.InformantGroup) -> Iterator[str]:
    yield ctx.label("informant_lines.count", count=format_int(g.count, ctx.lang),
                    form=ctx.label(f"forms.{g.form}"))
    if g.guide is not None:
        yield ctx.label("informant_lines.guide_yes" if g.guide else "informant_lines.guide_no")
    if g.duration:
        key = "duration" if g.duration.min != g.duration.max else "duration_same"
        yield ctx.label(f"informant_lines.{key}", min=g.duration.min, max=g.duration.max)
    if g.recorded is not None:
        if g.recorded == 0:
            yield ctx.label("informant_lines.recorded_none")
        elif g.recorded == g.count and g.form != "group":
            yield ctx.label("informant_lines.recorded_all")
        else:
            yield ctx.label("informant_lines.recorded", recorded=format_int(g.recorded, ctx.lang))
    for detail in g.details:
        yield one_line(ctx.text(detail))


def _group_results(ctx: _Context, group: m.GroupResults) -> Iterator[t.Block]:
    yield ctx.heading(2, ctx.text(group.title))
    yield from _prose(ctx, group.intro)
    for number, q in enumerate(group.questions, start=1):
        yield from _question(ctx, group.group, number, q)
    for theme in group.themes:
        yield from _theme(ctx, theme)


def _question(ctx: _Context, group: str, number: int, q: m.Question) -> Iterator[t.Block]:
    yield t.Question(number=number, text=ctx.text(q.text))
    if q.counts:
        yield t.BulletList(items=tuple(
            inline(count_item(n, ctx.text(label), ctx.lang)) for label, n in q.counts.items()))
    result = _scale_result(group, q, ctx.lang)
    if result:
        yield from _scale_blocks(ctx, q, result)
    yield from _prose(ctx, q.narrative)
    yield from _quotes(ctx, q.quotes, ctx.text(q.quotes_label), ctx.text(q.topic))


def _scale_result(group: str, q: m.Question, lang: str) -> ScaleResult | None:
    scale = q.scale or m.Scale()
    topic = q.topic or q.text
    if isinstance(q.scores, tuple) and q.scores:
        stats = score_stats(q.scores)
        mean = stats.rounded_mean
        return ScaleResult(group, topic, mean, format_decimal(mean, lang), stats.n, stats, scale)
    if q.mean is not None:
        text = str(q.mean) if lang == "en" else str(q.mean).replace(".", ",")
        return ScaleResult(group, topic, q.mean, text, None, None, scale)
    return None


def _scale_blocks(ctx: _Context, q: m.Question, r: ScaleResult) -> Iterator[t.Block]:
    if r.stats is None:
        sentence = ctx.label("mean_reported", topic=ctx.text(r.topic), mean=r.mean_text)
        caption = ctx.label("scale_caption_reported", min=r.scale.min, max=r.scale.max,
                            mean=r.mean_text)
    else:
        key = "mean_sentence" if q.topic else "mean_sentence_plain"
        sentence = ctx.label(key, topic=ctx.text(r.topic), mean=r.mean_text)
        caption = ctx.label("scale_caption", min=r.scale.min, max=r.scale.max,
                            mean=r.mean_text, n=r.n)
    yield t.Paragraph(runs=(t.Run(sentence),))
    yield t.ScoreFigure(mean=r.mean, mean_text=r.mean_text, scale_min=r.scale.min,
                        scale_max=r.scale.max, label=caption)
    if r.stats and (q.spread or (q.spread is None and is_wide(r.stats, ctx.wide_spread))):
        yield t.Paragraph(runs=(t.Run(spread_sentence(r.stats, ctx.lang,
                                                      ctx.labels["numbers"])),))
    if q.blank_answers:
        count = number_word(q.blank_answers, ctx.lang).capitalize()
        yield t.Paragraph(runs=(t.Run(ctx.label("blank_answers", count=count)),), role="note")


def _quotes(ctx: _Context, quotes: Iterable[m.QuoteItem], label: str | None,
            topic: str | None) -> Iterator[t.Block]:
    quotes = tuple(quotes)
    if not quotes:
        return
    if label:
        yield t.RunIn(text=label)
    else:
        yield t.RunIn(text=ctx.label("quotes_about", topic=topic) if topic
                      else ctx.label("quotes_plain"))
    for q in quotes:
        text = q.text if isinstance(q, m.Quote) else q
        yield t.Quote(runs=inline(ctx.text(text)))


def _theme(ctx: _Context, theme: m.Theme) -> Iterator[t.Block]:
    title = ctx.text(theme.title)
    yield ctx.heading(3, title)
    yield from _prose(ctx, theme.narrative)
    if theme.points_lead:
        yield t.Paragraph(runs=inline(ctx.text(theme.points_lead)))
    if theme.points:
        yield _bullets(ctx, theme.points)
    yield from _prose(ctx, theme.after)
    yield from _quotes(ctx, theme.quotes, ctx.text(theme.quotes_label),
                       ctx.text(theme.topic) or title.lower())


# --- summary ------------------------------------------------------------------------------------

def _summary(ctx: _Context) -> Iterator[t.Block]:
    summary = ctx.findings.summary or m.Summary()
    yield ctx.heading(1, ctx.label("summary"))
    yield from _prose(ctx, summary.text)
    yield t.Paragraph(runs=(t.Run(ctx.label("summary_interviewed",
                                            groups=_interviewed(ctx))),))
    labels = {g.id: ctx.text(g.label) for g in ctx.findings.method.informants}
    for group in summary.groups:
        if group.lead:
            yield t.Paragraph(runs=inline(ctx.text(group.lead)))
        else:
            yield t.RunIn(text=f"{labels.get(group.group, group.group)}:")
        if group.points:
            yield _bullets(ctx, group.points)
        yield from _prose(ctx, group.text)
    results = scale_results(ctx.findings, ctx.lang)
    if summary.overview and results:
        yield _overview(ctx, results)
    if ctx.findings.baseline:
        yield from _comparison(ctx, ctx.findings.baseline, results)


def _interviewed(ctx: _Context) -> str:
    """"ni brukere, 11 kollegaer og to musikkterapeuter"."""
    parts = [f"{number_word(g.count, ctx.lang)} {ctx.text(g.label).lower()}"
             for g in ctx.findings.method.informants]
    return join_words(parts, ctx.lang)


def _overview(ctx: _Context, results: list[ScaleResult]) -> t.Table:
    rows = []
    for r in results:
        if r.stats:
            rows.append((ctx.text(r.topic), r.mean_text, format_int(r.stats.n, ctx.lang),
                         format_range(r.stats.minimum, r.stats.maximum, ctx.lang)))
        else:
            rows.append((ctx.text(r.topic), f"{r.mean_text} ({ctx.label('overview.reported')})",
                         "–", "–"))
    cols = tuple(ctx.label(f"overview.{k}") for k in ("topic", "mean", "n", "range"))
    return t.Table(columns=cols, rows=tuple(rows), role="overview",
                   caption=ctx.label("overview.caption", n=ctx.table_number()),
                   numeric=(False, True, True, True))


def _comparison(ctx: _Context, baseline: m.Baseline,
                results: list[ScaleResult]) -> Iterator[t.Block]:
    name = baseline.label or ctx.label("comparison.default_label")
    before = {_norm(k): (k, v) for k, v in baseline.means.items()}
    rows, only_now = [], []
    for r in results:
        match = before.pop(_norm(r.topic), None)
        if match is None:
            only_now.append(ctx.text(r.topic))
            continue
        old = match[1]
        change = round_half_up(r.mean - old, 1)
        rows.append((ctx.text(r.topic), format_decimal(old, ctx.lang), r.mean_text,
                     _signed(change, ctx.lang)))
    if rows:
        cols = (ctx.label("comparison.topic"), ctx.label("comparison.before", baseline=name),
                ctx.label("comparison.now"), ctx.label("comparison.change"))
        yield t.Table(columns=cols, rows=tuple(rows), role="comparison",
                      caption=ctx.label("comparison.caption", n=ctx.table_number(),
                                        baseline=name),
                      numeric=(False, True, True, True))
    yield from _informant_comparison(ctx, baseline, name)
    unmatched = [ctx.label("comparison.only_now", topic=x) for x in only_now]
    unmatched += [ctx.label("comparison.only_before", topic=ctx.text(k), baseline=name)
                  for k, _ in before.values()]
    if unmatched:
        yield t.Paragraph(runs=(t.Run(ctx.label("comparison.unmatched_intro")),))
        yield t.BulletList(items=tuple((t.Run(x),) for x in unmatched))


def _informant_comparison(ctx: _Context, baseline: m.Baseline, name: str) -> Iterator[t.Block]:
    if not baseline.informants:
        return
    earlier = {b.group: b.count for b in baseline.informants}
    rows = []
    for g in ctx.findings.method.informants:
        old = earlier.pop(g.id, None)
        rows.append((ctx.text(g.label), "–" if old is None else format_int(old, ctx.lang),
                     format_int(g.count, ctx.lang)))
    rows += [(group, format_int(count, ctx.lang), "–") for group, count in earlier.items()]
    cols = (ctx.label("comparison.group"), ctx.label("comparison.before", baseline=name),
            ctx.label("comparison.now"))
    yield t.Table(columns=cols, rows=tuple(rows), role="comparison",
                  caption=ctx.label("comparison.informants_caption", n=ctx.table_number(),
                                    baseline=name),
                  numeric=(False, True, True))


def _signed(change: Decimal, lang: str) -> str:
    """+0,4 / −0,2 / 0,0 — a change always shows its sign."""
    text = format_decimal(abs(change), lang)
    if change > 0:
        return "+" + text
    if change < 0:
        return ("-" if lang == "en" else "\u2212") + text
    return text


def _norm(topic: str) -> str:
    return " ".join(topic.casefold().split())


# --- references and appendix ------------------------------------------------------------------

def _references(ctx: _Context) -> Iterator[t.Block]:
    yield ctx.heading(1, ctx.label("references"), numbered=False)
    entries = [_reference_runs(r) for r in ctx.findings.references]
    entries.sort(key=lambda runs: sort_key(t.plain(runs), ctx.lang))
    for runs in entries:
        yield t.Paragraph(runs=runs, role="reference")


def _reference_runs(ref: m.ReferenceItem) -> t.Inline:
    if isinstance(ref, m.Reference):
        runs = [t.Run(f"{ref.author} ({ref.year}). "), t.Run(ref.title, italic=True)]
        runs.append(t.Run(f". {ref.details}" if ref.details else "."))
        if ref.details and not ref.details.rstrip().endswith((".", "!", "?")):
            runs.append(t.Run("."))
        return tuple(runs)
    return inline(ref)


def _appendix(ctx: _Context, guides: list[tuple[str, tuple[m.Question, ...]]]
              ) -> Iterator[t.Block]:
    yield ctx.heading(1, ctx.label("appendix"), numbered=False)
    for name, questions in guides:
        yield t.Paragraph(runs=(t.Run(ctx.label("appendix_intro", group=name.lower())),))
        for number, q in enumerate(questions, start=1):
            yield t.Question(number=number, text=ctx.text(q.text))


def _guides(ctx: _Context) -> list[tuple[str, tuple[m.Question, ...]]]:
    """Each group's interview guide: its questions, unless it was interviewed without one."""
    informants = {g.id: g for g in ctx.findings.method.informants}
    guides = []
    for group in ctx.findings.results:
        informant = informants.get(group.group)
        if group.questions and (informant is None or informant.guide is not False):
            guides.append((ctx.text(informant.label) if informant else group.group,
                           group.questions))
    return guides


def _slug(text: str) -> str:
    """The letters and digits of `text`, each run of anything else one dash."""
    words = "".join(c if c.isalnum() else " " for c in text.casefold()).split()
    return "-".join(words) or "x"
