"""The renderer-neutral document tree: what the report says, in order, with no formatting.

The composer builds it from the findings; every renderer walks it and must fail loudly on
a block type it does not know. Nothing here imports python-docx or reportlab.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass, replace
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """A piece of inline text; bold and italic are the only inline styling."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Run, ...]


def plain(runs: Inline) -> str:
    """The text of some runs without styling."""
    return "".join(run.text for run in runs)


# --- blocks ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Partner:
    """A partner organisation on the cover, with its logo when given."""

    name: str
    logo: Path | None = None
    alt: str = ""


@dataclass(frozen=True)
class Cover:
    """The cover page: title, subtitle, date line, authors and partners."""

    title: str
    subtitle: str | None
    date: str
    authors: tuple[str, ...]
    partners: tuple[Partner, ...] = ()


@dataclass(frozen=True)
class Colophon:
    """The back of the cover: label/value lines (publisher, year, ISBN …)."""

    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableOfContents:
    """Where the contents list goes; renderers fill it from the headings."""

    title: str


@dataclass(frozen=True)
class Heading:
    """A heading; `number` is "2.5.1" for numbered ones (renderers may number natively)."""

    level: int
    text: str
    number: str | None
    key: str


@dataclass(frozen=True)
class Paragraph:
    """Body text. `role` says what the paragraph is, never how it looks."""

    runs: Inline
    role: str = "body"  # body | intro (of the list after it) | lead | note | reference …


@dataclass(frozen=True)
class RunIn:
    """A short label introducing what follows, e.g. «Sitater om innhold:»."""

    text: str


@dataclass(frozen=True)
class Question:
    """An interview-guide question as a numbered run-in heading."""

    number: int
    text: str


@dataclass(frozen=True)
class BulletList:
    """A bulleted list; each item is inline text."""

    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Quote:
    """A quote. Renderers add the quotation marks of `Document.quote_marks`.

    kind "informant" is a verbatim quote from an interview; "citation" is a block quote
    from a document, printed with `source` in parentheses after it.
    """

    runs: Inline
    kind: str = "informant"
    source: str | None = None


@dataclass(frozen=True)
class ScoreFigure:
    """The scale figure: cells scale_min..scale_max with the mean marked."""

    mean: Decimal
    mean_text: str
    scale_min: int
    scale_max: int
    label: str


@dataclass(frozen=True)
class Table:
    """A table with a header row; `numeric` marks columns to align right."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    role: str  # informants | overview | comparison
    caption: str | None = None
    numeric: tuple[bool, ...] = ()


@dataclass(frozen=True)
class Signature:
    """The signature block closing the foreword: name, then title/unit/organisation."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class PageBreak:
    """Start the next block on a new page."""


Block = (Cover | Colophon | TableOfContents | Heading | Paragraph | RunIn | Question
         | BulletList | Quote | ScoreFigure | Table | Signature | PageBreak)


@dataclass(frozen=True)
class Meta:
    """Document-wide facts: properties, language and the running header's text."""

    title: str
    subtitle: str | None
    authors: tuple[str, ...]
    language: str  # nb | nn | en
    lang_tag: str  # nb-NO | nn-NO | en-GB
    subject: str
    keywords: tuple[str, ...]
    header_text: str
    quote_marks: tuple[str, str] = ("«", "»")
    contents_title: str = "Innhold"
    properties: tuple[tuple[str, str], ...] = ()  # custom document properties


@dataclass(frozen=True)
class Document:
    """A composed report: `front` (cover, colophon) has no running header; `body` has."""

    meta: Meta
    front: tuple[Block, ...]
    body: tuple[Block, ...] = field(default=())

    def headings(self) -> Iterator[Heading]:
        """Every heading of the body, in order (what a contents list shows)."""
        return (b for b in self.body if isinstance(b, Heading))


def dump(doc: Document, base: Path | None = None) -> str:
    """An indented text dump of the tree, for golden tests and debugging.

    Paths (partner logos) print as POSIX text, relative to `base` when they lie inside it,
    so a dump taken with the findings file's folder as `base` is the same on every machine.
    """
    lines = [f"Document {doc.meta.lang_tag} {doc.meta.title!r}"]
    for part, blocks in (("front", doc.front), ("body", doc.body)):
        lines.append(f"  {part}:")
        lines.extend(_dump_block(block, "    ", base) for block in blocks)
    return "\n".join(lines) + "\n"


def _dump_block(block: object, indent: str, base: Path | None = None) -> str:
    """One block as `Type field=value …`, runs shown with *italic* / **bold** marks."""
    if not is_dataclass(block):
        raise TypeError(f"not a block: {block!r}")
    parts = []
    for f in fields(block):
        value = _portable(getattr(block, f.name), base)
        if isinstance(value, tuple) and value and isinstance(value[0], Run):
            value = _runs_text(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], tuple) \
                and value[0] and isinstance(value[0][0], Run):
            value = [_runs_text(item) for item in value]
        parts.append(f"{f.name}={value!r}")
    return f"{indent}{type(block).__name__} " + " ".join(parts)


def _portable(value: object, base: Path | None) -> object:
    """`value` with every Path in it (also inside tuples and dataclasses) as POSIX text."""
    if isinstance(value, Path):
        if base is not None and value.is_relative_to(base):
            value = value.relative_to(base)
        return value.as_posix()
    if isinstance(value, tuple):
        return tuple(_portable(item, base) for item in value)
    if is_dataclass(value) and not isinstance(value, type) and not isinstance(value, Run):
        return replace(value, **{f.name: _portable(getattr(value, f.name), base)
                                 for f in fields(value) if f.init})
    return value


def _runs_text(runs: Inline) -> str:
    """Runs with their styling shown in the author's own markup."""
    out = []
    for run in runs:
        mark = "**" if run.bold else ""
        mark += "*" if run.italic else ""
        out.append(f"{mark}{run.text}{mark[::-1]}")
    return "".join(out)
