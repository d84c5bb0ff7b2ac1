"""The author's text pipeline: paragraphs and the two inline styles, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.doctree import Run, plain
from generator.inline import inline, inline_paragraphs, paragraphs, parse_inline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a **b** *c* d", [("a ", "", ""), ("b", "b", ""), (" ", "", ""), ("c", "", "i"),
                           (" d", "", "")]),
        ("***x*** y", [("x", "b", "i"), (" y", "", "")]),
        ("*a **b** c*", [("a ", "", "i"), ("b", "b", "i"), (" c", "", "i")]),
        ("5 * 3 = 15", [("5 * 3 = 15", "", "")]),
        ("* not a list", [("* not a list", "", "")]),
        ("**unclosed and *open", [("**unclosed and *open", "", "")]),
        ("** spaced **", [("** spaced **", "", "")]),
        (r"\*literal\*", [("*literal*", "", "")]),
        ("AT&T <b>x</b> <img src=\"/etc/passwd\">", [("AT&T <b>x</b> <img src=\"/etc/passwd\">",
                                                     "", "")]),
    ],
)
def it_parses_only_bold_and_italic(text: str, expected: list[tuple[str, str, str]]) -> None:
    runs = parse_inline(text)
    assert [(r.text, "b" if r.bold else "", "i" if r.italic else "") for r in runs] == expected


def it_splits_paragraphs_at_blank_lines_and_joins_lines() -> None:
    text = "Første linje\nfortsetter her.\n\n  \nAndre avsnitt.\r\n\r\nTredje."
    assert paragraphs(text) == ["Første linje fortsetter her.", "Andre avsnitt.", "Tredje."]
    assert paragraphs(None) == [] and paragraphs("  \n\n ") == []


def it_makes_one_paragraph_of_a_bullet() -> None:
    assert inline("en\n\nto") == (Run("en to"),)


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@given(_text)
def it_never_loses_characters_other_than_paired_markers(text: str) -> None:
    runs = parse_inline(text)
    printed = plain(runs)
    assert printed.replace("*", "") == text.replace("\\*", "*").replace("*", "")
    assert all(run.text for run in runs)


@given(st.lists(st.text(alphabet="abc æøå<>&", min_size=1, max_size=20), min_size=1,
                max_size=5))
def it_round_trips_styled_words(words: list[str]) -> None:
    words = [w.strip() or "x" for w in words]
    text = " ".join(f"**{w}**" for w in words)
    runs = parse_inline(text)
    assert plain(runs) == " ".join(words)
    assert all(r.bold for r in runs if r.text.strip())


@given(_text)
def it_splits_any_text_without_error(text: str) -> None:
    for runs in inline_paragraphs(text):
        assert plain(runs).strip()
