"""Exact score statistics: the mean as printed must never depend on float rounding."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.stats import ScoreStats, round_half_up, score_stats, to_score

whole = st.integers(min_value=1, max_value=10).map(Fraction)
halves = st.integers(min_value=2, max_value=20).map(lambda k: Fraction(k, 2))
scores = st.lists(st.one_of(whole, halves), min_size=1, max_size=60)


def as_input(value: Fraction, kind: int) -> int | Fraction | Decimal | str:
    """The same score in each form an author's data may arrive in."""
    text = str(Decimal(value.numerator) / Decimal(value.denominator))
    forms = (Fraction(value), Decimal(text), text, text.replace(".", ","))
    if value.denominator == 1:
        forms += (int(value),)
    return forms[kind % len(forms)]


def oracle_half_up(value: Fraction, places: int = 1) -> Fraction:
    """An independent half-up rounding on the true value, for non-negative values."""
    scale = 10**places
    return Fraction(math.floor(value * scale + Fraction(1, 2)), scale)


@given(scores)
def test_mean_is_exact(values: list[Fraction]) -> None:
    assert score_stats(values).mean == Fraction(sum(values), len(values))


@given(scores, st.lists(st.integers(min_value=0, max_value=4), min_size=60, max_size=60))
def test_every_input_form_gives_the_same_stats(values: list[Fraction], kinds: list[int]) -> None:
    mixed = [as_input(v, k) for v, k in zip(values, kinds, strict=False)]
    assert score_stats(mixed) == score_stats(values)


@given(scores)
def test_rounded_mean_is_half_up_on_the_true_mean(values: list[Fraction]) -> None:
    stats = score_stats(values)
    assert Fraction(stats.rounded_mean) == oracle_half_up(stats.mean)
    assert stats.rounded_mean.as_tuple().exponent == -1


@given(scores)
def test_extremes_and_distribution_agree(values: list[Fraction]) -> None:
    stats = score_stats(values)
    assert stats.n == len(values)
    assert (stats.minimum, stats.maximum) == (min(values), max(values))
    assert stats.spread == max(values) - min(values)
    assert sum(count for _, count in stats.distribution) == stats.n
    assert {score for score, _ in stats.distribution} == set(values)


@given(scores)
def test_distribution_is_most_frequent_first_then_higher_score(values: list[Fraction]) -> None:
    keys = [(-count, -score) for score, count in score_stats(values).distribution]
    assert keys == sorted(keys)


@given(st.decimals(min_value=-1000, max_value=1000, places=6), st.integers(0, 4))
def test_round_half_up_matches_decimal_rounding(value: Decimal, places: int) -> None:
    expected = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP, Context(prec=50))
    assert round_half_up(value, places) == expected
    assert round_half_up(value, places).as_tuple().exponent == -places


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("8.65"), "8.7"),
        (Fraction(173, 20), "8.7"),
        (Decimal("8.25"), "8.3"),
        (Decimal("8.24999"), "8.2"),
        (Decimal("8.35"), "8.4"),
        (Fraction(9), "9.0"),
        (10, "10.0"),
        (Decimal("-8.65"), "-8.7"),
        (Decimal("-0.04"), "0.0"),
    ],
)
def test_round_half_up_fixed_cases(value: Fraction | Decimal | int, expected: str) -> None:
    assert str(round_half_up(value)) == expected


def test_round_half_up_other_places() -> None:
    assert str(round_half_up(Fraction(2, 3), 0)) == "1"
    assert str(round_half_up(Fraction(2, 3), 2)) == "0.67"
    with pytest.raises(ValueError):
        round_half_up(Fraction(1), -1)


def test_report_example_mean_and_distribution() -> None:
    stats = score_stats([10] * 6 + [2, 7, 9])
    assert stats.rounded_mean == Decimal("8.7")
    assert stats.mean == Fraction(78, 9)
    assert stats.distribution == ((10, 6), (9, 1), (7, 1), (2, 1))
    assert stats.spread == 8


def test_whole_mean_keeps_one_decimal() -> None:
    assert str(score_stats([9, 9, 9]).rounded_mean) == "9.0"


def test_half_scores_from_text() -> None:
    stats = score_stats(["7,5", "8.5", Decimal("9.0")])
    assert stats.mean == Fraction(25, 3)
    assert stats.minimum == Fraction(15, 2)


def test_stats_is_frozen() -> None:
    stats = score_stats([5])
    assert isinstance(stats, ScoreStats)
    with pytest.raises(AttributeError):
        stats.n = 2  # type: ignore[misc]


def test_empty_is_an_error() -> None:
    with pytest.raises(ValueError):
        score_stats([])


@pytest.mark.parametrize("bad", [8.65, True, None])
def test_floats_and_other_types_are_refused(bad: object) -> None:
    with pytest.raises(TypeError):
        to_score(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["ti", "", "NaN", "Infinity", "7,5,1"])
def test_text_that_is_not_a_number_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        to_score(bad)


def test_non_finite_decimal_is_refused() -> None:
    with pytest.raises(ValueError):
        to_score(Decimal("NaN"))
