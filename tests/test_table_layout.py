"""Column widths follow what the columns have to show."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.doctree import Table
from generator.table_layout import PADDING, WRAP_AT, column_weights, column_widths


def table(columns: tuple[str, ...], *rows: tuple[str, ...]) -> Table:
    return Table(columns=columns, rows=rows, role="overview")


def test_a_column_is_as_wide_as_its_longest_cell():
    weights = column_weights(table(("A", "B"), ("kort", "litt lengre tekst")))
    assert weights == (len("kort") + PADDING, len("litt lengre tekst") + PADDING)


def test_a_header_word_never_has_to_break():
    weights = column_weights(table(("Gruppe", "Lydopptak"), ("Brukere", "6")))
    assert weights[1] >= len("Lydopptak") + PADDING
    assert weights[1] > weights[0] - 2


def test_long_cells_wrap_instead_of_taking_the_whole_width():
    long = "ord " * 40
    weights = column_weights(table(("Tema", "Snitt"), (long, "8,7")))
    assert weights[0] == WRAP_AT + PADDING


def test_missing_cells_count_as_empty():
    assert column_weights(table(("Tema", "Antall"), ("innhold",))) == \
        (len("innhold") + PADDING, len("Antall") * 1.1 + PADDING)


def test_widths_fill_the_total():
    widths = column_widths(table(("Gruppe", "Antall", "Form"), ("Brukere", "9", "intervju")),
                           453.5)
    assert sum(widths) == pytest.approx(453.5)
    assert widths[0] > widths[1]


@given(st.lists(st.text(max_size=60), min_size=1, max_size=6),
       st.lists(st.lists(st.text(max_size=80), max_size=6), max_size=5))
def test_any_table_gets_positive_widths_summing_to_the_total(columns, rows):
    widths = column_widths(table(tuple(columns), *(tuple(r) for r in rows)), 100.0)
    assert len(widths) == len(columns)
    assert all(w > 0 for w in widths)
    assert sum(widths) == pytest.approx(100.0)
