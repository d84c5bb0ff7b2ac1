"""Finding identifying data in quotes and narratives before a report about vulnerable people ships.

Detection is deliberately string-only: the caller decides which fields to scan and how to report
hits. Everything here errs towards flagging (a warning the author dismisses costs little; a
fødselsnummer in a printed report cannot be taken back), except where a rule would drown the
author in years, scores and page numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

KINDS = ("fnr", "phone", "email", "address", "name")
_PRIORITY = ("fnr", "email", "phone", "address", "name")  # which hit wins where two overlap

# Checksum weights for the two control digits of a Norwegian fødselsnummer (Skatteetaten).
K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Hit:
    """One suspected piece of identifying data; ``text == source[start:end]``."""

    kind: str
    text: str
    start: int
    end: int


def find_sensitive(text: str, names: Sequence[str] = ()) -> list[Hit]:
    """Every suspected identifier in ``text``, in reading order, overlaps resolved by kind."""
    finders: list[Callable[[str], Iterable[Hit]]] = []
    if _DIGIT.search(text):  # identity numbers, phones and addresses all have digits
        finders += [_find_fnr, _find_phone, _find_address]
    if "@" in text:
        finders.append(_find_email)
    if names:
        finders.append(lambda t: _find_names(t, names))
    hits = [hit for finder in finders for hit in finder(text)]
    return _without_overlaps(hits) if hits else hits


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the strongest hit where two overlap (an email's digits are not also a phone)."""
    rank = {kind: i for i, kind in enumerate(_PRIORITY)}
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (rank[h.kind], h.start, -(h.end - h.start))):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


# --- fødselsnummer ------------------------------------------------------------------------------


def valid_fnr(digits: str) -> bool:
    """True for a fødselsnummer, D-number or H-number with both control digits right."""
    if len(digits) != 11 or not digits.isascii() or not digits.isdigit():
        return False
    values = [int(c) for c in digits]
    return (
        _control_digit(values[:9], K1_WEIGHTS) == values[9]
        and _control_digit(values[:10], K2_WEIGHTS) == values[10]
        and _plausible_birth_date(digits[:6])
    )


def _control_digit(values: Sequence[int], weights: Sequence[int]) -> int | None:
    """The mod-11 control digit, or None where the rule gives 10 (no such number is issued)."""
    check = (11 - sum(v * w for v, w in zip(values, weights, strict=True)) % 11) % 11
    return None if check == 10 else check


def _plausible_birth_date(ddmmyy: str) -> bool:
    """A real calendar date; D-numbers add 40 to the day, H-numbers (hospitals) 40 to the month."""
    day, month, year = int(ddmmyy[:2]), int(ddmmyy[2:4]), int(ddmmyy[4:])
    if day > 40:
        day -= 40
    elif month > 40:
        month -= 40
    return any(is_calendar_date(century + year, month, day) for century in (1900, 2000))


def is_calendar_date(year: int, month: int, day: int) -> bool:
    """Whether the calendar has this day (29 February only in leap years)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_FNR = re.compile(r"(?<!\d)(\d{6})[ \u00a0]?(\d{5})(?!\d)")


def _find_fnr(text: str) -> Iterable[Hit]:
    """Eleven digits, also as "DDMMYY NNNNN", kept only when the control digits are right."""
    for m in _FNR.finditer(text):
        if valid_fnr(m.group(1) + m.group(2)):
            yield Hit("fnr", m.group(), m.start(), m.end())


# --- phone numbers ------------------------------------------------------------------------------

_SEP = r"[ \u00a0]"
_PHONE = re.compile(
    rf"""
    (?<![\d+])(?<!\d[ \u00a0.,\-/])              # not the tail of a longer (grouped) number
    (?:
        (?P<cc>\(?(?:\+|00)47\)?{_SEP}?)          # +47 / 0047: any grouping will do
        [2-9](?:[ \u00a0.\-]?\d){{7}}
      | [2-9]\d{{7}}                              # 22334455
      | [2-9]\d(?P<s>[ \u00a0.\-])\d\d(?P=s)\d\d(?P=s)\d\d  # 22 33 44 55
      | [2-9]\d\d{_SEP}\d\d{_SEP}\d{{3}}          # 412 34 567
      | (?P<h1>[2-9]\d{{3}}){_SEP}(?P<h2>\d{{4}})  # 4123 4567, unless it is two years
    )
    (?!\d)(?![ \u00a0.,\-/]\d)                    # not the head of a longer (grouped) number
    """,
    re.VERBOSE,
)


def _find_phone(text: str) -> Iterable[Hit]:
    """Norwegian eight-digit numbers in their usual groupings, not years, scores or ranges."""
    for m in _PHONE.finditer(text):
        if m.group("h1") and (_looks_like_year(m.group("h1")) or _looks_like_year(m.group("h2"))):
            continue
        yield Hit("phone", m.group(), m.start(), m.end())


def _looks_like_year(digits: str) -> bool:
    """1900–2099: "2015 2016" in a narrative is two years, not a phone number."""
    return 1900 <= int(digits) <= 2099


# --- e-mail -------------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")


def _find_email(text: str) -> Iterable[Hit]:
    """Ordinary addresses, including æøå in the local part and domain."""
    for m in _EMAIL.finditer(text):
        yield Hit("email", m.group(), m.start(), m.end())


# --- street addresses ---------------------------------------------------------------------------

_UPPER = "A-ZÆØÅÄÖÜÉÈÁ"
_STREET_SUFFIX = (
    "veien|vegen|vei|veg|vn\\.|gata|gaten|gate|gt\\.|plassen|plass|bakken|bakke|stien|allé|alléen|"
    "torget|torg|brygga|bryggen|brygge|kaia|kaien|stredet|strede|smauet|svingen|ringen|haugen|"
    "åsen|kroken|løkka|promenaden"
)
_STREET_WORD = "gate|gata|gaten|vei|veien|veg|vegen|allé|plass|torg|bakke|brygge|promenade"
_MODIFIER = (
    "Øvre|Nedre|Store|Lille|Gamle|Nye|Søndre|Nordre|Vestre|Østre|Indre|Ytre|Sankt|St\\.|"
    "Kong|Dronning|Prins|Prinsesse"
)
_CAP_WORD = rf"[{_UPPER}][^\W\d_]*"
_ADDRESS = re.compile(
    rf"""
    (?<![\w])
    (?:
        (?:(?:{_MODIFIER}){_SEP})?[{_UPPER}][^\W\d_]*?(?:{_STREET_SUFFIX})   # (Øvre) Slottsgate
      | (?:{_CAP_WORD}{_SEP}){{1,3}}(?:{_STREET_WORD})                        # Karl Johans gate
    )
    {_SEP}
    \d{{1,3}}(?:[a-zA-Z]|{_SEP}?[A-Z])?                                       # 5, 12B, 12 B
    (?![\w])
    """,
    re.VERBOSE,
)


def _find_address(text: str) -> Iterable[Hit]:
    """A capitalised Norwegian street name followed by a house number ("Storgata 5")."""
    for m in _ADDRESS.finditer(text):
        yield Hit("address", m.group(), m.start(), m.end())


# --- names and pseudonyms -----------------------------------------------------------------------


def _name_pattern(name: str) -> str:
    """Regex for one name: first letter exact (so "Liv" is not "liv"), the rest any case."""
    parts = name.split()
    words = [_word_pattern(p) for p in parts]
    return r"\s+".join(words)


def _word_pattern(word: str) -> str:
    """First character as written, remainder case-insensitive."""
    head, tail = re.escape(word[0]), re.escape(word[1:])
    return f"{head}(?i:{tail})" if tail else head


def _names_regex(names: Iterable[str]) -> tuple[re.Pattern[str], list[str]] | None:
    """One alternation over the names, longest first, with an optional genitive -s."""
    return _compiled_names(frozenset(n.strip() for n in names if n.strip()))


@lru_cache(maxsize=64)
def _compiled_names(names: frozenset[str]) -> tuple[re.Pattern[str], list[str]] | None:
    """`_names_regex` once per set of names (a scan asks for every text of the file)."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    if not ordered:
        return None
    groups = "|".join(f"(?P<n{i}>{_name_pattern(n)})" for i, n in enumerate(ordered))
    return re.compile(rf"(?<![\w])(?:{groups})(?P<gen>[sS])?(?![\w])"), ordered


def _matched_name(m: re.Match[str], ordered: list[str]) -> tuple[str, int, int]:
    """Which listed name matched, and where its name part (without the genitive) is."""
    for i, name in enumerate(ordered):
        if m.group(f"n{i}") is not None:
            return name, m.start(f"n{i}"), m.end(f"n{i}")
    raise AssertionError("a name group always matches")  # pragma: no cover


def _find_names(text: str, names: Sequence[str]) -> Iterable[Hit]:
    """The author's list of real names as whole words, including genitive ("Daniels")."""
    compiled = _names_regex(names)
    if compiled is None:
        return
    regex, ordered = compiled
    for m in regex.finditer(text):
        _, start, end = _matched_name(m, ordered)
        yield Hit("name", text[start:end], start, end)


def apply_pseudonyms(text: str, pseudonyms: Mapping[str, str]) -> str:
    """Replace each real name (and its genitive) by its pseudonym, in one word-bounded pass.

    An explicit genitive key ("Daniels" → "hans (musikkterapeutens)") wins over the automatic
    one, because the longest name is tried first. A pseudonym that starts a sentence is
    capitalised, so "Daniel" → "han (musikkterapeuten)" prints as «Han (musikkterapeuten) er …».
    Names are not replaced inside longer words: "Danielsen" is left alone.
    """
    compiled = _names_regex(pseudonyms)
    if compiled is None:
        return text
    regex, ordered = compiled
    lookup = {name.strip(): value for name, value in pseudonyms.items()}

    def replace(m: re.Match[str]) -> str:
        name, _, _ = _matched_name(m, ordered)
        value = lookup[name]
        if m.group("gen"):
            value = _genitive(value)
        return _capitalised(value) if _starts_sentence(text, m.start()) else value

    return regex.sub(replace, text)


def _genitive(phrase: str) -> str:
    """Norwegian genitive: -s, or an apostrophe after s/x/z; inside a trailing parenthesis."""
    core = phrase.rstrip(")]»\"'”’ ")
    tail = phrase[len(core) :]
    if core and core[-1] in "sxzSXZ":
        return f"{core}'{tail}"
    return f"{core}s{tail}"


_QUOTES = "«\"“”‘'(["


def _starts_sentence(text: str, start: int) -> bool:
    """Start of text or of a quotation, after . ! ? … or after a blank line."""
    before = text[:start]
    stripped = before.rstrip(_QUOTES + " \t\u00a0\r\n")
    gap = before[len(stripped) :]
    if not stripped or gap[-1:] in ("«", '"', "“"):
        return True
    return "\n\n" in gap.replace("\r", "").replace(" ", "") or stripped[-1] in ".!?…"


def _capitalised(phrase: str) -> str:
    """First letter upper-case, the rest exactly as the author wrote it."""
    return phrase[:1].upper() + phrase[1:]
