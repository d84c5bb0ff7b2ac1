"""Soft hyphens (U+00AD) from pyphen's dictionaries, for ragged-right body text.

reportlab breaks a word at a soft hyphen when it does not fit, and prints a visible hyphen
at the line end; words without soft hyphens it only breaks at spaces (or, for a word wider
than the line, anywhere). Only real words are hyphenated: long enough to be worth it, short
enough to be a word, and not part of an address (URL, e-mail) or an all-capital acronym.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pyphen

from generator.hyphen_cache import preload

SOFT_HYPHEN = "\u00ad"
PYPHEN_LANGUAGE = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
MIN_LETTERS = 8   # words of 7 letters or fewer are never broken
MAX_LETTERS = 60  # longer "words" are not words (they are broken by force, if at all)
LEFT, RIGHT = 2, 3  # letters kept before and after a break ("-er", "-en" never stand alone)

# a whole whitespace-separated token with a word long enough to break in it (only those
# can change: looking at each token and word costs more than the rest of the PDF's text)
_LONG_TOKEN = re.compile(rf"\S*[^\W\d_]{{{MIN_LETTERS},}}\S*")
_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"[/@\\]|://|^www\.", re.IGNORECASE)


def soft_hyphenate(text: str, language: str) -> str:
    """`text` with soft hyphens at the dictionary's break points of its long words."""
    dictionary = _dictionary(language)
    if dictionary is None:
        return text
    return _LONG_TOKEN.sub(lambda m: _token(m.group(0), language), text)


@lru_cache(maxsize=65536)
def _token(token: str, language: str) -> str:
    """One whitespace-separated token, hyphenated unless it is an address (remembered:
    a report repeats its long words)."""
    if SOFT_HYPHEN in token or _ADDRESS.search(token):
        return token
    return _WORD.sub(lambda m: hyphenate_word(m.group(0), language), token)


@lru_cache(maxsize=65536)
def hyphenate_word(word: str, language: str) -> str:
    """One word with soft hyphens inserted, or unchanged if it is short or an acronym."""
    dictionary = _dictionary(language)
    if dictionary is None or not MIN_LETTERS <= len(word) <= MAX_LETTERS or word.isupper():
        return word
    return dictionary.inserted(word, hyphen=SOFT_HYPHEN)


@cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    """pyphen's dictionary for a report language (nb, nn, en), None if unsupported."""
    code = PYPHEN_LANGUAGE.get(language)
    if code is None or code not in pyphen.LANGUAGES:
        return None
    preload(code)  # pyphen's parsed patterns from the last run, when still current
    return pyphen.Pyphen(lang=code, left=LEFT, right=RIGHT)
