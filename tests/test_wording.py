"""Sentences about scores, worded by the korus house style's `numbers:` labels."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.numfmt import NBSP
from generator.stats import score_stats
from generator.wording import (
    LABEL_KEYS,
    count_item,
    distribution_phrase,
    is_wide,
    spread_sentence,
)

LABELS_DIR = Path(__file__).resolve().parents[1] / "templates" / "korus" / "labels"
EXAMPLE = [10] * 6 + [2, 7, 9]


def numbers_labels(lang: str) -> dict[str, str]:
    """The `numbers:` section of the shipped label file for `lang`."""
    data = yaml.safe_load((LABELS_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    return data["numbers"]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_label_file_has_every_key(lang: str) -> None:
    labels = numbers_labels(lang)
    assert set(LABEL_KEYS) <= set(labels)
    assert all(isinstance(labels[key], str) for key in LABEL_KEYS)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "seks svarte 10, én svarte 2, én 7 og én 9"),
        ("nn", "seks svarte 10, ein svarte 2, ein 7 og ein 9"),
        ("en", "six answered 10, one answered 2, one 7 and one 9"),
    ],
)
def test_distribution_phrase(lang: str, expected: str) -> None:
    assert distribution_phrase(score_stats(EXAMPLE), lang, numbers_labels(lang)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "Svarene varierte fra 2 til 10 (seks svarte 10, én svarte 2, én 7 og én 9)."),
        ("nn", "Svara varierte frå 2 til 10 (seks svarte 10, ein svarte 2, ein 7 og ein 9)."),
        (
            "en",
            "The answers ranged from 2 to 10 (six answered 10, one answered 2, one 7 and one 9).",
        ),
    ],
)
def test_spread_sentence(lang: str, expected: str) -> None:
    assert spread_sentence(score_stats(EXAMPLE), lang, numbers_labels(lang)) == expected


def test_verb_comes_back_when_the_count_changes() -> None:
    stats = score_stats([10, 10, 10, 9, 9, 8, 5])
    phrase = distribution_phrase(stats, "nb", numbers_labels("nb"))
    assert phrase == "tre svarte 10, to svarte 9, én svarte 5 og én 8"


def test_half_scores_and_large_counts() -> None:
    stats = score_stats(["7,5"] * 13 + [10])
    phrase = distribution_phrase(stats, "nb", numbers_labels("nb"))
    assert phrase == "13 svarte 7,5 og én svarte 10"
    assert spread_sentence(stats, "en", numbers_labels("en")).startswith(
        "The answers ranged from 7.5 to 10 ("
    )


@pytest.mark.parametrize(
    ("scores", "lang", "expected"),
    [
        ([10] * 9, "nb", "Alle ni svarte 10."),
        ([10] * 9, "nn", "Alle ni svarte 10."),
        ([10] * 9, "en", "All nine answered 10."),
        ([8, 8], "nb", "Begge svarte 8."),
        ([8, 8], "en", "Both answered 8."),
        (["7,5"], "nb", "Den eneste som svarte, ga 7,5."),
        (["7,5"], "nn", "Den einaste som svarte, gav 7,5."),
        (["7.5"], "en", "The only respondent answered 7.5."),
    ],
)
def test_spread_sentence_without_spread(scores: list[int | str], lang: str, expected: str) -> None:
    assert spread_sentence(score_stats(scores), lang, numbers_labels(lang)) == expected


def test_a_house_style_can_reword() -> None:
    labels = {
        "answered": "{count} svar var {score}",
        "answered_elided": "{count} {score}",
        "spread": "Spredningen var {low}–{high}: {distribution}.",
        "count_gender": "n",
    }
    sentence = spread_sentence(score_stats([10, 10, 2]), "nb", labels)
    assert sentence == "Spredningen var 2–10: to svar var 10 og ett svar var 2."


def test_a_missing_label_is_named() -> None:
    with pytest.raises(KeyError, match=r"numbers\.spread"):
        spread_sentence(score_stats([1, 10]), "nb", {"answered": "{count} {score}"})


@pytest.mark.parametrize(
    ("scores", "threshold", "expected"),
    [
        (EXAMPLE, 4, True),
        ([6, 10], 4, True),
        ([7, 10], 4, False),
        ([7, 10], 3, True),
        (["7,5", 10], "2,5", True),
        ([9, 9], 4, False),
    ],
)
def test_is_wide(scores: list[int | str], threshold: int | str, expected: bool) -> None:
    assert is_wide(score_stats(scores), threshold) is expected


def test_is_wide_defaults_to_four() -> None:
    assert is_wide(score_stats([6, 10])) and not is_wide(score_stats([7, 10]))


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [
        (9, "nb", f"9{NBSP}har hatt individuelle timer"),
        (9, "nn", f"9{NBSP}har hatt individuelle timer"),
        (12000, "nb", f"12{NBSP}000{NBSP}har hatt individuelle timer"),
        (12000, "en", f"12,000{NBSP}har hatt individuelle timer"),
    ],
)
def test_count_item(count: int, lang: str, expected: str) -> None:
    assert count_item(count, " har hatt individuelle timer ", lang) == expected
