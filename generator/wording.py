"""Sentences about scores, worded by the house style's `numbers:` labels per language.

The templates live in `templates/<style>/labels/<lang>.yaml` under `numbers:` so a house
style can reword them; this module only chooses which template to use and fills in
numbers typeset by `generator.numfmt`. Keys (placeholders in braces):

- answered         "{count} svarte {score}"   a group of answers, with the verb
- answered_elided  "{count} {score}"          the next group with the same count, verb elided
- spread           "… fra {low} til {high} ({distribution})."
- all_same         "Alle {count} svarte {score}."   everyone gave the same answer
- both_same        "Begge svarte {score}."          two answers, both the same
- only_one         "… {score}."                     a single answer
- count_gender     optional m/f/n: the grammatical gender of the counted noun ("én"/"ett")
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from generator.numfmt import NBSP, format_int, format_score, join_words, number_word
from generator.stats import ScoreStats, to_score

LABEL_KEYS = ("answered", "answered_elided", "spread", "all_same", "both_same", "only_one")
DEFAULT_WIDE_SPREAD = 4


def _label(labels: Mapping[str, str], key: str) -> str:
    """One template, with an error that names the missing label rather than a bare KeyError."""
    try:
        return str(labels[key])
    except KeyError:
        raise KeyError(f"the labels have no 'numbers.{key}'") from None


def _gender(labels: Mapping[str, str]) -> str:
    """Gender of the counted noun; people ('brukere') are masculine unless the style says so."""
    return str(labels.get("count_gender", "m"))


def _prose_groups(stats: ScoreStats) -> list[tuple[Fraction, int]]:
    """Groups in prose order: most answers first, ties from low to high like the range."""
    return sorted(stats.distribution, key=lambda group: (-group[1], group[0]))


def distribution_phrase(stats: ScoreStats, lang: str, labels: Mapping[str, str]) -> str:
    """'seks svarte 10, én svarte 2, én 7 og én 9': the verb is elided after an equal count."""
    parts: list[str] = []
    previous: int | None = None
    for score, count in _prose_groups(stats):
        key = "answered_elided" if count == previous else "answered"
        count_text = number_word(count, lang, _gender(labels))
        parts.append(_label(labels, key).format(count=count_text, score=format_score(score, lang)))
        previous = count
    return join_words(parts, lang)


def spread_sentence(stats: ScoreStats, lang: str, labels: Mapping[str, str]) -> str:
    """The sentence on how answers varied, or how they agreed when there is no spread."""
    top = format_score(stats.maximum, lang)
    if stats.n == 1:
        return _label(labels, "only_one").format(score=top)
    if stats.spread == 0:
        key = "both_same" if stats.n == 2 else "all_same"
        count_text = number_word(stats.n, lang, _gender(labels))
        return _label(labels, key).format(count=count_text, score=top)
    return _label(labels, "spread").format(
        low=format_score(stats.minimum, lang),
        high=top,
        distribution=distribution_phrase(stats, lang, labels),
    )


def is_wide(
    stats: ScoreStats, threshold: int | Fraction | Decimal | str = DEFAULT_WIDE_SPREAD
) -> bool:
    """Whether the spread deserves a sentence; the template may set its own threshold."""
    return stats.spread >= to_score(threshold)


def count_item(count: int, text: str, lang: str) -> str:
    """A bullet such as '9 har hatt individuelle timer': digits, glued to the text by NBSP."""
    return f"{format_int(count, lang)}{NBSP}{text.strip()}"
