"""Author text → reportlab paragraph markup: escaped, hyphenated, glyph-safe, chunked.

reportlab parses paragraph text as markup (`<img src=…>` embeds a local file), so every
piece of author text is escaped and the only tags are the ones written here: `<font>` for
the face of a run or a fallback glyph, `<br/>` for a line break the author typed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from generator.doctree import Inline, Run
from generator.hyphenate import soft_hyphenate
from generator.pdf_fonts import FontSet

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
CHUNK_WORDS = 800  # reportlab's line breaking is quadratic in a paragraph's length: a page or so

# XML-illegal controls vanish; \t and \r are blanks, \n a line break.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# the blank after a full stop, before a capital ("3. mars" is no sentence end)
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*(\s+)(?=[«“\"'(\[]*[A-ZÆØÅÄÖÜÁÉČĐŊŠŦŽ])")
_WORD_START = re.compile(r"\S+")


def clean(text: str) -> str:
    """Text reportlab and the PDF can carry: no illegal controls or lone surrogates."""
    text = _CONTROLS.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return text.encode("utf-8", "replace").decode("utf-8")


@dataclass(frozen=True)
class Face:
    """What a paragraph style sets: its face name, size, weight, slant and hyphenation."""

    name: str
    size: float
    bold: bool = False
    italic: bool = False
    language: str | None = None  # hyphenate in this language; None: never


def inline(runs: Inline, base: Face, fonts: FontSet) -> str:
    """Markup for some runs in a paragraph whose style is `base`."""
    return "".join(_run(run, base, fonts) for run in runs)


def _run(run: Run, base: Face, fonts: FontSet) -> str:
    text = clean(run.text)
    if base.language:
        text = soft_hyphenate(text, base.language)
    face = fonts.face(base.bold or run.bold, base.italic or run.italic)
    return "".join(_piece(piece, name, base) for name, piece in fonts.segments(text, face))


def _piece(text: str, face: str, base: Face) -> str:
    """One single-face piece: escaped, line breaks kept, U+202F kept unbreakable."""
    out = escape(text).replace("\n", "<br/>")
    if NARROW_NBSP in out:
        out = out.replace(NARROW_NBSP, _narrow_nbsp(face, base.size))
    return out if face == base.name else f'<font name="{face}">{out}</font>'


def _narrow_nbsp(face: str, size: float) -> str:
    """U+202F as a no-break space scaled to the narrow space's width.

    reportlab treats U+202F as a breaking blank and drops it; U+00A0 is kept and never
    breaks, so it is set in the size that gives it U+202F's width.
    """
    scale = stringWidth(NARROW_NBSP, face, 100) / stringWidth(NBSP, face, 100)
    return f'<font size="{size * scale:.2f}">{NBSP}</font>'


def chunks(runs: Inline, limit: int = CHUNK_WORDS) -> list[Inline]:
    """Runs cut into pieces of about `limit` words, at sentence ends where there are any.

    A piece ends at the first sentence end after `limit` words, or, lacking one within
    twice that, at the next blank; text without blanks is never cut.
    """
    pieces: list[list[Run]] = [[]]
    words = 0
    for run in runs:
        rest = run.text
        while rest:
            cut = _cut(rest, max(1, limit - words), max(1, 2 * limit - words))
            if cut is None:
                pieces[-1].append(replace(run, text=rest))
                words += len(rest.split())
                break
            pieces[-1].append(replace(run, text=rest[:cut].rstrip()))
            pieces.append([])
            words, rest = 0, rest[cut:].lstrip()
    return [tuple(piece) for piece in pieces if piece]


def _cut(text: str, need: int, hard: int) -> int | None:
    """Where to end a piece in `text`: None if it fits (fewer than `need` more words)."""
    starts = [m.start() for m in _WORD_START.finditer(text)]
    if len(starts) <= need:
        return None
    for m in _SENTENCE_END.finditer(text, starts[need - 1]):
        if bisect_right(starts, m.start(1)) <= hard and m.end() < len(text):
            return m.start(1)
        break
    if len(starts) > hard:
        return starts[hard]
    return None
