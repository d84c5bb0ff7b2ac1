"""The theme's TrueType family for reportlab: registered once, with per-character fallback.

reportlab prints a character its font lacks as an empty box, silently. The italic faces of
Source Sans Pro lack ŋ and ŧ, so text is cut into segments, each set in the first face of
a fallback chain that has a glyph for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from generator.theme import FontFiles

FACES = ("regular", "bold", "italic", "bold_italic")
# Characters reportlab never draws from the font (line-break and hyphenation controls).
_NOT_DRAWN = frozenset("\n\t\r \u00ad")


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab names of one family's four faces, plus their glyph coverage."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    fallback: str = "regular"

    def face(self, bold: bool, italic: bool) -> str:
        """The registered name of the face for this weight and slant."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    def covers(self, name: str, char: str) -> bool:
        """Whether the face `name` has a glyph for `char`."""
        return char in _NOT_DRAWN or ord(char) in _cmap(name)

    def chain(self, name: str) -> tuple[str, ...]:
        """Faces to try, in order, for a character `name` lacks."""
        upright = {self.italic: self.regular, self.bold_italic: self.bold}.get(name, name)
        configured = getattr(self, self.fallback, self.regular)
        return tuple(dict.fromkeys((name, upright, configured, self.regular)))

    def face_for(self, name: str, char: str) -> str:
        """The first face of the fallback chain of `name` that draws `char`."""
        for candidate in self.chain(name):
            if self.covers(candidate, char):
                return candidate
        return name

    def segments(self, text: str, name: str) -> Iterator[tuple[str, str]]:
        """`text` cut into (face, piece) runs so that every character has a glyph."""
        cmap = _cmap(name)
        if all(ord(c) in cmap or c in _NOT_DRAWN for c in set(text)):
            yield name, text
            return
        current, start = name, 0
        for i, char in enumerate(text):
            face = self.face_for(name, char)
            if face != current and i > start:
                yield current, text[start:i]
                start = i
            current = face
        if start < len(text):
            yield current, text[start:]


def register(files: FontFiles) -> FontSet:
    """Register the four faces (once per process) and return their names."""
    return _register(files)


@cache
def _register(files: FontFiles) -> FontSet:
    names = {face: _register_file(Path(getattr(files, face))) for face in FACES}
    family = names["regular"]
    pdfmetrics.registerFontFamily(family, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    for face, bold, italic in (("regular", 0, 0), ("bold", 1, 0), ("italic", 0, 1),
                               ("bold_italic", 1, 1)):
        addMapping(family, bold, italic, names[face])
    fallback = files.fallback if files.fallback in FACES else "regular"
    return FontSet(fallback=fallback, **names)


@cache
def _register_file(path: Path) -> str:
    """Register one TrueType file under a name derived from its file name."""
    if not path.is_file():
        raise FileNotFoundError(f"font file not found: {path}")
    name = f"mtr-{path.stem}"
    if name in pdfmetrics.getRegisteredFontNames():
        name = f"mtr-{path.stem}-{len(pdfmetrics.getRegisteredFontNames())}"
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


@cache
def _cmap(name: str) -> frozenset[int]:
    """The code points a registered TrueType face has glyphs for."""
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)
