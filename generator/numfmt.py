"""Number typography for the reports: Norwegian (nb, nn) first, English (en) second.

Policy, decided once so prose and tables agree:

- A mean ALWAYS prints with exactly one decimal: "9,0" and "10,0", never "9", so means in
  prose, tables and the scale figure look alike. Rounding is exact half-up (ties away from
  zero) on the true value, never through float: 8.65 → "8,7", 8.25 → "8,3".
- A single answer prints as given, without a forced decimal: "10", "7,5".
- Thousands are grouped from FOUR digits on ("8 000", "80 000"), with NO-BREAK SPACE
  U+00A0 in nb/nn and a comma in en ("8,000"). Språkrådet allows four-digit numbers either
  way and requires grouping from five; grouping four-digit numbers too keeps table columns
  aligned. Years, page numbers and other numbers used as names must not go through
  `format_int` ("2015", not "2 015").
- Negative numbers take a real MINUS SIGN U+2212 in nb/nn, a hyphen-minus in en.
- Percent: "53 %" (U+00A0 before %) in nb/nn, "53%" in en. Ranges: EN DASH, no spaces.
- Small counts (0–12) are words in running text ("seks", "én"), larger ones digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from generator.stats import half_up_scaled

NBSP = "\u00a0"
MINUS = "\u2212"
EN_DASH = "\u2013"
LANGUAGES = ("nb", "nn", "en")
GROUP_FROM_DIGITS = 4

Number = int | Fraction | Decimal

_DECIMAL_MARK = {"nb": ",", "nn": ",", "en": "."}
_GROUP_SEPARATOR = {"nb": NBSP, "nn": NBSP, "en": ","}
_NEGATIVE_SIGN = {"nb": MINUS, "nn": MINUS, "en": "-"}
_AND = {"nb": "og", "nn": "og", "en": "and"}
_OF = {"nb": "av", "nn": "av", "en": "of"}
_NB_NN_WORDS = (
    "null",
    "(én/ein: see _ONE)",
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "sju",
    "åtte",
    "ni",
    "ti",
    "elleve",
    "tolv",
)
_WORDS = {
    "nb": _NB_NN_WORDS,
    "nn": _NB_NN_WORDS,
    "en": (
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ),
}
_ONE = {
    "nb": {"m": "én", "f": "éi", "n": "ett"},
    "nn": {"m": "ein", "f": "ei", "n": "eitt"},
    "en": {"m": "one", "f": "one", "n": "one"},
}


def norm_lang(lang: str) -> str:
    """The base language code ('nb-NO' → 'nb'), so callers may pass a locale tag."""
    base = lang.strip().replace("_", "-").split("-")[0].lower()
    if base not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return base


def _check_number(value: object) -> None:
    """Refuse floats (and bools): they cannot be rounded exactly."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise TypeError(f"expected int, Fraction or Decimal, not {type(value).__name__}")


def _group(digits: str, lang: str) -> str:
    """Thousand groups of an unsigned integer's digits."""
    if len(digits) < GROUP_FROM_DIGITS:
        return digits
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return _GROUP_SEPARATOR[lang].join(groups)


def _render_scaled(scaled: int, places: int, lang: str) -> str:
    """scaled / 10**places with the language's marks; zero never gets a sign."""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
    text = _group(whole, lang)
    if places:
        text += _DECIMAL_MARK[lang] + fraction
    return _NEGATIVE_SIGN[lang] + text if scaled < 0 else text


def format_decimal(value: Number, lang: str, places: int = 1) -> str:
    """A mean or other measure with exactly `places` decimals: '8,7', '9,0' (en '8.7')."""
    _check_number(value)
    lang = norm_lang(lang)
    return _render_scaled(half_up_scaled(value, places), places, lang)


def format_int(n: int, lang: str) -> str:
    """A count with thousands grouped: '80 000' (NBSP) in nb/nn, '80,000' in en."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected int, not {type(n).__name__}")
    return _render_scaled(n, 0, norm_lang(lang))


def _terminating_places(value: Fraction) -> int:
    """Decimals needed to write value exactly; ValueError if it never terminates (1/3)."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    if denominator != 1:
        raise ValueError(f"{value} has no exact decimal form")
    return max(twos, fives)


def format_score(value: Number, lang: str) -> str:
    """One answer exactly as given, without a forced decimal: '10', '7,5'."""
    _check_number(value)
    exact = Fraction(value)
    places = _terminating_places(exact)
    return _render_scaled(int(exact * 10**places), places, norm_lang(lang))


def format_percent(value: Number, lang: str, places: int = 0) -> str:
    """A value already in percent (53 → '53 %' in nb/nn, '53%' in en), rounded half-up."""
    lang = norm_lang(lang)
    space = "" if lang == "en" else NBSP
    return f"{format_decimal(value, lang, places)}{space}%"


def format_range(a: Number, b: Number, lang: str) -> str:
    """A span such as the answers' range: '2–10', '7,5–10' (en dash, no spaces)."""
    _check_number(a)
    _check_number(b)
    if Fraction(a) > Fraction(b):
        raise ValueError(f"range start {a} is above its end {b}")
    if Fraction(a) == Fraction(b):
        return format_score(a, lang)
    return f"{format_score(a, lang)}{EN_DASH}{format_score(b, lang)}"


def number_word(n: int, lang: str, gender: str = "m") -> str:
    """A count as running text writes it: words for 0–12 ('seks', 'én'/'ett'), else digits."""
    lang = norm_lang(lang)
    if gender not in ("m", "f", "n"):
        raise ValueError(f"gender must be 'm', 'f' or 'n', not {gender!r}")
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected int, not {type(n).__name__}")
    if n == 1:
        return _ONE[lang][gender]
    if 0 <= n <= 12:
        return _WORDS[lang][n]
    return format_int(n, lang)


def join_words(items: Sequence[str], lang: str) -> str:
    """'a, b og c' (en 'a, b and c'); no serial comma, as in Norwegian report prose."""
    conjunction = _AND[norm_lang(lang)]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def x_of_y(x: int, y: int, lang: str, words: bool = False) -> str:
    """'8 av 9' (en '8 of 9') joined by NBSP so the pair never breaks across lines."""
    lang = norm_lang(lang)
    return NBSP.join((_count(x, lang, words), _OF[lang], _count(y, lang, words)))


def _count(n: int, lang: str, words: bool) -> str:
    """A count as a word (running text) or as digits (lists, tables)."""
    return number_word(n, lang) if words else format_int(n, lang)
