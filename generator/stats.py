"""Exact statistics over 1–10 satisfaction scores; everything is a Fraction, never a float.

A float would print 8.65 as 8,6 (it is stored as 8.6499…), so scores are parsed from
int, Fraction, Decimal or str straight into Fraction and rounded half-up exactly.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

Score = Fraction
ScoreInput = int | Fraction | Decimal | str


@dataclass(frozen=True)
class ScoreStats:
    """What a report says about one scale question, computed once and exactly."""

    n: int
    mean: Fraction
    minimum: Fraction
    maximum: Fraction
    distribution: tuple[tuple[Fraction, int], ...]

    @property
    def rounded_mean(self) -> Decimal:
        """The mean as printed (one decimal, half-up on the true mean, not on a float)."""
        return round_half_up(self.mean, 1)

    @property
    def spread(self) -> Fraction:
        """How far apart the answers lie; a wide spread is worth a sentence."""
        return self.maximum - self.minimum


def to_score(value: ScoreInput) -> Fraction:
    """One score as an exact Fraction, refusing floats and bools that would hide mistakes."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal | str):
        kind = type(value).__name__
        raise TypeError(f"a score must be int, Fraction, Decimal or str, not {kind}")
    if isinstance(value, str):
        return _parse_score_text(value)
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{value} is not a score")
    return Fraction(value)


def _parse_score_text(text: str) -> Fraction:
    """Read '7,5', '7.5' or ' 9 ' exactly, so authors may write either decimal mark."""
    cleaned = text.strip().replace(",", ".", 1)
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{text!r} is not a number")
    return Fraction(number)


def score_stats(scores: Sequence[ScoreInput]) -> ScoreStats:
    """Mean, extremes and distribution of one question's answers (ValueError if none)."""
    values = [to_score(s) for s in scores]
    if not values:
        raise ValueError("no scores to summarise")
    return ScoreStats(
        n=len(values),
        mean=sum(values, Fraction(0)) / len(values),
        minimum=min(values),
        maximum=max(values),
        distribution=_distribution(values),
    )


def _distribution(values: Sequence[Fraction]) -> tuple[tuple[Fraction, int], ...]:
    """(score, count) pairs, most frequent first and ties with the higher score first."""
    counts = Counter(values)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], -item[0])))


def half_up_scaled(value: Fraction | Decimal | int, places: int) -> int:
    """value × 10**places rounded half away from zero, as an int, so printing stays exact."""
    if places < 0:
        raise ValueError("places must be 0 or more")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{value} cannot be rounded")
    scaled = abs(Fraction(value)) * 10**places
    magnitude = math.floor(scaled + Fraction(1, 2))
    return -magnitude if value < 0 else magnitude


def round_half_up(value: Fraction | Decimal | int, places: int = 1) -> Decimal:
    """value rounded half-up (ties away from zero) to exactly `places` decimals, e.g. 9.0."""
    scaled = half_up_scaled(value, places)
    digits = tuple(int(d) for d in str(abs(scaled)))
    return Decimal((1 if scaled < 0 else 0, digits, -places))
