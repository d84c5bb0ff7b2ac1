"""Identifying data in quotes and narratives is caught, and pseudonyms replace whole names only."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.privacy import Hit, apply_pseudonyms, find_sensitive, valid_fnr

# --- an independent fødselsnummer generator ----------------------------------------------------
# Written the other way round from the module: a number is valid when the weighted sum over
# *all* digits, with weight 1 on the control digit itself, is divisible by 11.

FULL_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
FULL_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def checks_out(number: str) -> bool:
    """Both control sums divisible by 11."""
    digits = [int(c) for c in number]
    return all(
        sum(d * w for d, w in zip(digits, weights, strict=False)) % 11 == 0
        for weights in (FULL_K1, FULL_K2)
    )


def make_fnr(born: date, individual: int, *, d_number: bool = False) -> str | None:
    """The valid number for this date and individual number, or None if none is issued."""
    day = born.day + (40 if d_number else 0)
    stem = f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
    for tail in range(100):
        number = f"{stem}{tail:02d}"
        if checks_out(number):
            return number
    return None


def kinds(text: str, names: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(kind, text) pairs, the shape most assertions want."""
    return [(h.kind, h.text) for h in find_sensitive(text, names)]


births = st.dates(min_value=date(1900, 1, 1), max_value=date(2039, 12, 31))


# --- fnr ---------------------------------------------------------------------------------------


def test_known_valid_number() -> None:
    assert valid_fnr("31129956715")
    assert make_fnr(date(1999, 12, 31), 567) == "31129956715"


@given(births, st.integers(0, 999), st.booleans())
def test_generated_valid_numbers_are_flagged(born: date, individual: int, d_number: bool) -> None:
    number = make_fnr(born, individual, d_number=d_number)
    assume(number is not None)
    assert number is not None
    assert valid_fnr(number)
    text = f"Hun oppga fødselsnummer {number} i intervjuet."
    assert kinds(text) == [("fnr", number)]
    spaced = f"{number[:6]} {number[6:]}"
    assert kinds(f"Nr. {spaced}.") == [("fnr", spaced)]


@given(births, st.integers(0, 999), st.integers(9, 10), st.integers(1, 9))
def test_wrong_control_digit_is_never_flagged(
    born: date, individual: int, position: int, shift: int
) -> None:
    number = make_fnr(born, individual)
    assume(number is not None)
    assert number is not None
    wrong = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    assert not checks_out(wrong)
    assert not valid_fnr(wrong)
    assert find_sensitive(f"Nummer {wrong} ble nevnt.") == []
    assert find_sensitive(f"Nummer {wrong[:6]} {wrong[6:]} ble nevnt.") == []


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_flagged_only_when_control_digits_check_out(number: str) -> None:
    flagged = any(h.kind == "fnr" for h in find_sensitive(f"id {number}"))
    assert flagged == valid_fnr(number)
    if flagged:
        assert checks_out(number)


@pytest.mark.parametrize(
    "number",
    [
        "3112995671",  # ten digits
        "311299567155",  # twelve digits
        "3112995671a",
        "32129956715",  # day 32 (checksum aside)
    ],
)
def test_invalid_shapes(number: str) -> None:
    assert not valid_fnr(number)


def test_impossible_date_with_right_checksum_is_not_valid() -> None:
    number = "300299" + "12345"  # 30 February
    stem = number[:9]
    fixed = next(f"{stem}{t:02d}" for t in range(100) if checks_out(f"{stem}{t:02d}"))
    assert not valid_fnr(fixed)


def test_d_number_and_leap_day() -> None:
    d_number = make_fnr(date(1985, 3, 12), 123, d_number=True) or make_fnr(
        date(1985, 3, 12), 124, d_number=True
    )
    assert d_number is not None and d_number.startswith("52")
    assert valid_fnr(d_number)
    leap = make_fnr(date(2000, 2, 29), 512) or make_fnr(date(2000, 2, 29), 513)
    assert leap is not None and valid_fnr(leap)


# --- phone -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "22334455",
        "22 33 44 55",
        "22.33.44.55",
        "412 34 567",
        "4123 4567",
        "+47 22 33 44 55",
        "+4741234567",
        "0047 41234567",
        "(+47) 412 34 567",
        "+47 412\u00a034\u00a0567",
    ],
)
def test_phone_formats_are_caught(phone: str) -> None:
    assert kinds(f"Ring meg på {phone}, sa hun.") == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "Hun startet i 2015 og sluttet i 2018.",
        "Perioden 2015-2018 og 2015 2016 var tung.",
        "Skåre 23 av 30 (n = 412), 64 %.",
        "Se side 223-245 og s. 2233-2245.",
        "Utvalget var 12 345 678 personer.",
        "Budsjettet var 23 456 789 kroner.",
        "Intervjuet 12.03.2015 kl. 14.30.",
        "Tallet 123456789 er ni sifre, 1234567 er sju.",
        "Versjon 2.33.44.1 er ikke et nummer.",
        "Kontonummer 1234.56.78903.",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert [k for k in kinds(text) if k[0] == "phone"] == []


def test_fnr_is_not_also_a_phone() -> None:
    assert kinds("Fnr 31129956715 og 311299 56715.") == [
        ("fnr", "31129956715"),
        ("fnr", "311299 56715"),
    ]


# --- email -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email", ["ola.nordmann@example.no", "kari+test@helse-bergen.no", "bjørn_ø@sykehus.example.com"]
)
def test_emails(email: str) -> None:
    assert kinds(f"Skriv til {email}.") == [("email", email)]


def test_digits_in_an_email_are_not_a_phone() -> None:
    assert kinds("kontakt22334455@example.no") == [("email", "kontakt22334455@example.no")]


def test_at_sign_alone_is_not_an_email() -> None:
    assert kinds("Vi møttes @ kafeen, og @hashtag er ikke e-post.") == []


# --- address -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "Storgata 5",
        "Kirkeveien 12B",
        "Øvre Slottsgate 3",
        "Sørumsvegen 101",
        "Karl Johans gate 22 B",
        "Bygdøy allé 7",
        "Youngstorget 1",
        "Trollbakken 14",
        "Kongsstien 3",
        "Ole Deviks vei 4",
    ],
)
def test_addresses(address: str) -> None:
    assert kinds(f"Hun bor i {address}, i andre etasje.") == [("address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "Se kapittel 3 og spørsmål 5.",
        "Kapittel 3, Tabell 2 og Figur 4.",
        "På arbeidsplassen 3 dager i uka.",
        "Alle 3 deltakerne gikk i Storgata.",
        "Bakken (2018) og Haugen 2020 fant det samme.",
    ],
)
def test_not_addresses(text: str) -> None:
    assert [k for k in kinds(text) if k[0] == "address"] == []


# --- names -------------------------------------------------------------------------------------


def test_names_whole_words_with_genitive() -> None:
    text = "Daniel kom. Daniels gitar stod der. Danielsen var borte. daniel er ikke navnet."
    hits = find_sensitive(text, ["Daniel"])
    assert [(h.kind, h.text) for h in hits] == [("name", "Daniel"), ("name", "Daniel")]
    assert hits[1] == Hit("name", "Daniel", 12, 18)
    assert text[hits[1].start : hits[1].end + 1] == "Daniels"


def test_names_case_sensitive_on_first_letter_only() -> None:
    assert kinds("Et godt liv. Liv sa ja. LIV ropte.", ("Liv",)) == [
        ("name", "Liv"),
        ("name", "LIV"),
    ]


def test_names_with_norwegian_letters() -> None:
    text = "Åse og Åses mor, ikke Åsemund. Øystein, Bjørnar og Bjørn."
    assert kinds(text, ("Åse", "Øystein", "Bjørn")) == [
        ("name", "Åse"),
        ("name", "Åse"),
        ("name", "Øystein"),
        ("name", "Bjørn"),
    ]


def test_multi_word_name_and_empty_names() -> None:
    assert kinds("Anne  Marie kom.", ("Anne Marie", "", "  ")) == [("name", "Anne  Marie")]


# --- pseudonyms --------------------------------------------------------------------------------


def test_pseudonym_at_sentence_start_is_capitalised() -> None:
    text = "Daniel er rolig. Etterpå spilte Daniel igjen. «Daniel lytter.»"
    assert apply_pseudonyms(text, {"Daniel": "han (musikkterapeuten)"}) == (
        "Han (musikkterapeuten) er rolig. Etterpå spilte han (musikkterapeuten) igjen. "
        "«Han (musikkterapeuten) lytter.»"
    )


def test_pseudonyms_are_word_bounded() -> None:
    text = "Danielsen og Danielle møtte Daniel."
    assert apply_pseudonyms(text, {"Daniel": "Per"}) == "Danielsen og Danielle møtte Per."


def test_genitive() -> None:
    assert apply_pseudonyms("Det var Daniels gitar.", {"Daniel": "Per"}) == "Det var Pers gitar."
    assert apply_pseudonyms("Det var Daniels gitar.", {"Daniel": "Jonas"}) == (
        "Det var Jonas' gitar."
    )
    explicit = {"Daniel": "han (musikkterapeuten)", "Daniels": "hans"}
    assert apply_pseudonyms("Det var Daniels gitar.", explicit) == "Det var hans gitar."


def test_longest_names_first_and_single_pass() -> None:
    mapping = {"Anne": "Kari", "Anne Marie": "Hege", "Per": "Pål", "Pål": "Per"}
    text = "Anne Marie, Anne, Per og Pål."
    assert apply_pseudonyms(text, mapping) == "Hege, Kari, Pål og Per."


def test_text_without_names_is_untouched() -> None:
    text = "Ingen navn her, bare 2015 og Storgata 5."
    assert apply_pseudonyms(text, {"Daniel": "han"}) == text
    assert apply_pseudonyms(text, {}) == text


@given(st.text(alphabet="abcdeæøå .,!?«»\n0123456789", max_size=80))
def test_pseudonyms_never_touch_text_without_the_name(text: str) -> None:
    assert apply_pseudonyms(text, {"Daniel": "han"}) == text


@given(st.lists(st.sampled_from(["Daniel", "Daniels", "Danielsen", "sa", "at", ".", "«", "»"])))
def test_pseudonyms_leave_no_listed_name(words: list[str]) -> None:
    out = apply_pseudonyms(" ".join(words), {"Daniel": "Per"})
    assert [h for h in find_sensitive(out, ["Daniel"]) if h.kind == "name"] == []


@given(st.text(max_size=120), st.lists(st.text(min_size=1, max_size=8), max_size=3))
def test_hits_point_into_the_text_and_never_overlap(text: str, names: list[str]) -> None:
    hits = find_sensitive(text, names)
    for hit in hits:
        assert hit.text == text[hit.start : hit.end]
    for a, b in pairwise(hits):
        assert a.end <= b.start


def test_regex_characters_in_names_are_literal() -> None:
    assert kinds("Dr. A.B. (x) og AxB (xy", ("A.B", "(x")) == [("name", "A.B"), ("name", "(x")]
    assert apply_pseudonyms("Hei A.B, ikke AxB.", {"A.B": "Kari"}) == "Hei Kari, ikke AxB."
