"""Alphabetical order as Norwegian readers expect it: … x y z æ ø å."""

from __future__ import annotations

import unicodedata

# Letters that sort as their own letter after z ("{" follows "z"), or as another letter.
_FOLD_FIRST = str.maketrans({"æ": "{0", "ä": "{0", "ø": "{1", "ö": "{1", "å": "{2",
                             "ü": "y", "ð": "d", "þ": "th", "ß": "ss"})


def sort_key(text: str, lang: str = "nb") -> tuple[str, str]:
    """A key that orders æ ø å after z in nb/nn, and ignores accents (é as e, č as c)."""
    folded = text.casefold().strip()
    if lang in ("nb", "nn"):
        folded = folded.translate(_FOLD_FIRST)
    base = "".join(c for c in unicodedata.normalize("NFKD", folded)
                   if not unicodedata.combining(c))
    return base, text
