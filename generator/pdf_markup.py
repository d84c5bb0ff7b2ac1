"""Author text → reportlab paragraph markup: escaped, hyphenated, glyph-safe, chunked.

reportlab parses paragraph text as markup (`<img src=…>` embeds a local file), so every
piece of author text is escaped and the only tags are the ones written here: `<font>` for
the face of a run or a fallback glyph, `<br/>` for a line break the author typed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from html import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from generator.doctree import Inline, Run
from generator.hyphenate import SOFT_HYPHEN, soft_hyphenate
from generator.pdf_fonts import FontSet

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
CHUNK_CHARS = 20_000  # and at most this many characters, blanks or none
CHUNK_WORDS = 800  # reportlab's line breaking is quadratic in a paragraph's length: a page or so

# XML-illegal controls vanish; \t and \r are blanks, \n a line break. So do the invisible
# format characters the fonts have no glyph for (zero-width space, joiners, word joiner,
# direction marks and embeddings): reportlab would draw each as a visible box.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff"
                       "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]")
# the blank after a full stop, before a capital ("3. mars" is no sentence end)
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*(\s+)(?=[«“\"'(\[]*[A-ZÆØÅÄÖÜÁÉČĐŊŠŦŽ])")
_WORD_START = re.compile(r"\S+")
_LAST_WORD = re.compile(r"\S*\Z")


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
    pieces: list[tuple[str, str]] = []
    for face, text in (piece for run in runs for piece in _run(run, base, fonts)):
        if pieces and pieces[-1][0] == face:  # one face, one piece: reportlab sees it so
            text = pieces.pop()[1] + text
        pieces.append((face, text))
    return "".join(_piece(text, face, base) for face, text in _keep_blanks(pieces))


def _run(run: Run, base: Face, fonts: FontSet) -> Iterator[tuple[str, str]]:
    """(face, text) pieces of one run: cleaned, hyphenated, each drawable in its face."""
    text = clean(run.text)
    if base.language:
        text = soft_hyphenate(text, base.language)
    face = fonts.face(base.bold or run.bold, base.italic or run.italic)
    return fonts.segments(text, face)


def _keep_blanks(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pieces, without soft hyphens in a word that ends a piece before a blank.

    reportlab (5.1) loses the blank after such a word when another piece follows (the word,
    which may begin in an earlier piece, drops its "blank after" mark when it holds a soft
    hyphen): "te\u00adra\u00adpeu\u00adten " then `<font …>kursiv</font>` prints
    "terapeutenkursiv". That one word is not hyphenated instead.
    """
    texts = [text for _, text in pieces]
    for index in range(len(texts) - 1):
        body = texts[index].rstrip(" ")
        if body and len(body) < len(texts[index]):
            _unhyphenate_last_word(texts, index, len(body))
    return [(face, text) for (face, _), text in zip(pieces, texts, strict=True)]


def _unhyphenate_last_word(texts: list[str], index: int, end: int) -> None:
    """Drop the soft hyphens of the word that ends at `end` in `texts[index]`, and of its
    beginning in the pieces before, up to a blank."""
    while index >= 0:
        text = texts[index]
        start = _LAST_WORD.search(text, 0, end).start()
        texts[index] = text[:start] + text[start:end].replace(SOFT_HYPHEN, "") + text[end:]
        if start > 0:
            return
        index -= 1
        end = len(texts[index]) if index >= 0 else 0


def _piece(text: str, face: str, base: Face) -> str:
    """One single-face piece: escaped, line breaks kept, U+202F kept unbreakable."""
    # html.escape is xml.sax.saxutils.escape without its import of urllib.request
    out = escape(text, quote=False).replace("\n", "<br/>")
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
    twice that, at the next blank. Text without blanks is cut only past `CHUNK_CHARS`
    characters (a "word" that long is no word, and reportlab re-splits the rest of it on
    every page: quadratic again).
    """
    pieces: list[list[Run]] = [[]]
    words = chars = 0
    for run in runs:
        rest = run.text
        while rest:
            cut = _cut(rest, max(1, limit - words), max(1, 2 * limit - words))
            if cut is None and chars + len(rest) > CHUNK_CHARS:
                cut = max(1, CHUNK_CHARS - chars)
            if cut is None:
                pieces[-1].append(replace(run, text=rest))
                words += len(rest.split())
                chars += len(rest)
                break
            pieces[-1].append(replace(run, text=rest[:cut].rstrip()))
            pieces.append([])
            words = chars = 0
            rest = rest[cut:].lstrip()
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
