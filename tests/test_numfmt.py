"""Number typography: Norwegian decimal comma, NBSP grouping, real minus, en dash."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.numfmt import (
    EN_DASH,
    MINUS,
    NBSP,
    format_decimal,
    format_int,
    format_percent,
    format_range,
    format_score,
    join_words,
    norm_lang,
    number_word,
    x_of_y,
)
from generator.stats import round_half_up


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (Decimal("8.65"), "nb", "8,7"),
        (Decimal("8.65"), "nn", "8,7"),
        (Decimal("8.65"), "en", "8.7"),
        (Fraction(78, 9), "nb", "8,7"),
        (Decimal("8.25"), "nb", "8,3"),
        (Decimal("8.24999"), "nb", "8,2"),
        (9, "nb", "9,0"),
        (Fraction(10), "nn", "10,0"),
        (10, "en", "10.0"),
        (Decimal("0.04"), "nb", "0,0"),
        (Decimal("-0.04"), "nb", "0,0"),
        (Decimal("-2.5"), "nb", f"{MINUS}2,5"),
        (Decimal("-2.5"), "en", "-2.5"),
        (Decimal("12345.67"), "nb", f"12{NBSP}345,7"),
        (Decimal("12345.67"), "en", "12,345.7"),
    ],
)
def test_format_decimal(value: Decimal | Fraction | int, lang: str, expected: str) -> None:
    assert format_decimal(value, lang) == expected


def test_format_decimal_other_places() -> None:
    assert format_decimal(Fraction(2, 3), "nb", places=2) == "0,67"
    assert format_decimal(Fraction(5, 2), "nb", places=0) == "3"


@given(st.decimals(min_value=0, max_value=10, places=4))
def test_format_decimal_reads_back_as_the_rounded_value(value: Decimal) -> None:
    text = format_decimal(value, "nb")
    assert Decimal(text.replace(",", ".")) == round_half_up(value, 1)
    assert len(text.split(",")[1]) == 1


def test_format_decimal_refuses_float() -> None:
    with pytest.raises(TypeError):
        format_decimal(8.65, "nb")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (0, "nb", "0"),
        (999, "nb", "999"),
        (8000, "nb", f"8{NBSP}000"),
        (8000, "nn", f"8{NBSP}000"),
        (8000, "en", "8,000"),
        (80000, "nb", f"80{NBSP}000"),
        (80000, "en", "80,000"),
        (1234567, "nn", f"1{NBSP}234{NBSP}567"),
        (1234567, "en", "1,234,567"),
        (-80000, "nb", f"{MINUS}80{NBSP}000"),
        (-5, "nn", f"{MINUS}5"),
        (-5, "en", "-5"),
    ],
)
def test_format_int(n: int, lang: str, expected: str) -> None:
    assert format_int(n, lang) == expected


def test_grouping_uses_no_break_space_only() -> None:
    text = format_int(80000, "nb")
    assert NBSP in text and " " not in text


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (10, "nb", "10"),
        (Fraction(15, 2), "nb", "7,5"),
        (Decimal("7.5"), "nn", "7,5"),
        (Decimal("7.50"), "nb", "7,5"),
        (Decimal("7.5"), "en", "7.5"),
        (Decimal("9.0"), "nb", "9"),
        (Fraction(29, 4), "nb", "7,25"),
    ],
)
def test_format_score(value: Decimal | Fraction | int, lang: str, expected: str) -> None:
    assert format_score(value, lang) == expected


def test_format_score_refuses_a_never_ending_decimal() -> None:
    with pytest.raises(ValueError):
        format_score(Fraction(1, 3), "nb")


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (53, "nb", f"53{NBSP}%"),
        (53, "nn", f"53{NBSP}%"),
        (53, "en", "53%"),
        (Fraction(160, 3), "nb", f"53{NBSP}%"),
        (Decimal("52.5"), "nb", f"53{NBSP}%"),
    ],
)
def test_format_percent(value: Decimal | Fraction | int, lang: str, expected: str) -> None:
    assert format_percent(value, lang) == expected


def test_format_percent_with_decimals() -> None:
    assert format_percent(Decimal("12.25"), "nb", places=1) == f"12,3{NBSP}%"


@pytest.mark.parametrize(
    ("a", "b", "lang", "expected"),
    [
        (2, 10, "nb", f"2{EN_DASH}10"),
        (2, 10, "nn", f"2{EN_DASH}10"),
        (2, 10, "en", f"2{EN_DASH}10"),
        (Decimal("7.5"), 10, "nb", f"7,5{EN_DASH}10"),
        (Decimal("7.5"), 10, "en", f"7.5{EN_DASH}10"),
        (9, 9, "nb", "9"),
    ],
)
def test_format_range(
    a: Decimal | Fraction | int, b: Decimal | Fraction | int, lang: str, expected: str
) -> None:
    assert format_range(a, b, lang) == expected
    assert " " not in expected


def test_format_range_refuses_a_backwards_range() -> None:
    with pytest.raises(ValueError):
        format_range(10, 2, "nb")


@pytest.mark.parametrize(
    ("n", "lang", "gender", "expected"),
    [
        (0, "nb", "m", "null"),
        (1, "nb", "m", "én"),
        (1, "nb", "f", "éi"),
        (1, "nb", "n", "ett"),
        (1, "nn", "m", "ein"),
        (1, "nn", "f", "ei"),
        (1, "nn", "n", "eitt"),
        (1, "en", "n", "one"),
        (6, "nb", "m", "seks"),
        (7, "nn", "m", "sju"),
        (9, "en", "m", "nine"),
        (12, "nb", "m", "tolv"),
        (12, "en", "m", "twelve"),
        (13, "nb", "m", "13"),
        (13, "en", "m", "13"),
        (12000, "nb", "m", f"12{NBSP}000"),
    ],
)
def test_number_word(n: int, lang: str, gender: str, expected: str) -> None:
    assert number_word(n, lang, gender) == expected


def test_number_word_refuses_unknown_gender() -> None:
    with pytest.raises(ValueError):
        number_word(1, "nb", "x")


@pytest.mark.parametrize(
    ("items", "lang", "expected"),
    [
        ([], "nb", ""),
        (["a"], "nb", "a"),
        (["a", "b"], "nb", "a og b"),
        (["a", "b", "c"], "nb", "a, b og c"),
        (["a", "b", "c"], "nn", "a, b og c"),
        (["a", "b", "c"], "en", "a, b and c"),
    ],
)
def test_join_words(items: list[str], lang: str, expected: str) -> None:
    assert join_words(items, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nb", f"8{NBSP}av{NBSP}9"), ("nn", f"8{NBSP}av{NBSP}9"), ("en", f"8{NBSP}of{NBSP}9")],
)
def test_x_of_y_never_breaks(lang: str, expected: str) -> None:
    assert x_of_y(8, 9, lang) == expected
    assert " " not in x_of_y(8, 9, lang)


def test_x_of_y_in_words_for_running_text() -> None:
    assert x_of_y(8, 9, "nb", words=True) == f"åtte{NBSP}av{NBSP}ni"


@pytest.mark.parametrize(
    ("tag", "base"), [("nb", "nb"), ("nb-NO", "nb"), ("nn_NO", "nn"), ("EN", "en")]
)
def test_language_tags(tag: str, base: str) -> None:
    assert norm_lang(tag) == base


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        format_int(5, "de")
