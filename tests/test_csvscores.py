"""Scores from survey exports as Norwegian Excel and survey tools write them."""

from __future__ import annotations

import codecs
from fractions import Fraction
from pathlib import Path

import pytest

from generator.csvscores import CsvColumn, read_scores
from generator.errors import FindingsError, Problem

SCALE = (1, 10)


def write(tmp_path: Path, data: str | bytes, name: str = "svar.csv") -> Path:
    """A CSV file with exactly these bytes (str is written as UTF-8, newlines untouched)."""
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def problems_of(path: Path, column: str = "Nytte", display: str | None = None) -> list[Problem]:
    """The problems read_scores reports for this file."""
    with pytest.raises(FindingsError) as caught:
        read_scores(path, column, SCALE, display)
    return caught.value.problems


def test_semicolon_separator_with_decimal_commas(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn;Nytte;Innhold\nA;7,5;8\nB;10;9,5\nC;2;1\n")
    assert read_scores(path, "Nytte", SCALE) == CsvColumn(
        values=(Fraction(15, 2), Fraction(10), Fraction(2)), blanks=0, rows=3
    )


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF8 + "Nytte;Brøker\r\n9;7\r\n8;6\r\n".encode())
    assert read_scores(path, "nytte", SCALE).values == (9, 8)
    assert read_scores(path, " brøker ", SCALE).values == (7, 6)


def test_utf16_with_tabs_as_excel_unicode_text(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn\tNytte\r\nA\t7,5\r\n".encode("utf-16"))
    assert read_scores(path, "Nytte", SCALE).values == (Fraction(15, 2),)


def test_cp1252_header_with_o_slash(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn;Nytte for brøker;Ønsker\nA;8;2\n".encode("cp1252"))
    assert read_scores(path, "nytte for BRØKER", SCALE).values == (8,)
    assert read_scores(path, "ønsker", SCALE).values == (2,)


def test_comma_separator_with_quoted_decimal_commas(tmp_path: Path) -> None:
    path = write(tmp_path, 'Navn,Nytte\n"Berg, A","7,5"\nB,9\n')
    assert read_scores(path, "Nytte", SCALE).values == (Fraction(15, 2), 9)


def test_tab_separator(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn\tNytte\nA\t6\nB\t7.5\n")
    assert read_scores(path, "Nytte", SCALE).values == (6, Fraction(15, 2))


def test_single_column_keeps_decimal_commas_whole(tmp_path: Path) -> None:
    path = write(tmp_path, "Nytte\n7,5\n9\n")
    assert read_scores(path, "Nytte", SCALE).values == (Fraction(15, 2), 9)


def test_excel_sep_line_sets_the_separator(tmp_path: Path) -> None:
    path = write(tmp_path, "sep=;\nNavn;Nytte\nA;8\nB;ti\n")
    assert problems_of(path)[0].line == 4


def test_blank_cells_are_counted_and_empty_rows_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn;Nytte;Annet\nA;8;1\nB;;2\nC; ;3\nD\n;;\n\nE;9;4\n")
    assert read_scores(path, "Nytte", SCALE) == CsvColumn(values=(8, 9), blanks=3, rows=5)


def test_surrounding_spaces_in_header_and_cells(tmp_path: Path) -> None:
    path = write(tmp_path, "  Navn ;  Nytte  \nA;  7,5 \nB; \u00a09\u00a0\n")
    assert read_scores(path, "nytte", SCALE).values == (Fraction(15, 2), 9)


def test_errors_have_line_field_and_message(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn;Nytte\nA;8\nB;ti\nC;12\nD;0,5\nE;10\n")
    problems = problems_of(path, display="data/svar.csv")
    assert [(p.file, p.line, p.column, p.field) for p in problems] == [
        ("data/svar.csv", 3, None, "Nytte"),
        ("data/svar.csv", 4, None, "Nytte"),
        ("data/svar.csv", 5, None, "Nytte"),
    ]
    assert [p.message for p in problems] == [
        "'ti' is not a number",
        "12 is outside the scale 1–10",
        "0,5 is outside the scale 1–10",
    ]


def test_line_numbers_are_physical_past_quoted_line_breaks(tmp_path: Path) -> None:
    text = 'Navn;Kommentar;Nytte\r\nA;"to\r\nlinjer";ti\r\n\r\nB;"";12\r\n'
    problems = problems_of(write(tmp_path, text))
    assert [p.line for p in problems] == [3, 5]


def test_file_defaults_to_the_path(tmp_path: Path) -> None:
    path = write(tmp_path, "Nytte\nx\n")
    assert problems_of(path)[0].file == str(path)


def test_unknown_column_suggests_the_nearest(tmp_path: Path) -> None:
    path = write(tmp_path, "Navn;Nyte;Innhold\nA;8;9\n")
    [problem] = problems_of(path, column="Nytte")
    assert problem.line == 1
    assert problem.field == "Nytte"
    assert "'Navn', 'Nyte', 'Innhold'" in problem.message
    assert problem.message.endswith("did you mean 'Nyte'?")


def test_unknown_column_without_a_near_match(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "Navn;Innhold\nA;9\n"), column="Oppfølging")
    assert "did you mean" not in problem.message


def test_a_column_given_twice_is_ambiguous(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "Nytte;NYTTE\n8;9\n"))
    assert "more than once" in problem.message


def test_a_column_without_scores_is_a_problem(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "Navn;Nytte\nA;\n"))
    assert "no scores" in problem.message


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", codecs.BOM_UTF8])
def test_an_empty_file_is_a_problem(tmp_path: Path, data: bytes) -> None:
    [problem] = problems_of(write(tmp_path, data))
    assert "empty" in problem.message


def test_missing_file(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "finnes-ikke.csv", display="finnes-ikke.csv")
    assert problem.file == "finnes-ikke.csv"
    assert problem.line is None
    assert "does not exist" in problem.message


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path)
    assert "folder" in problem.message


def test_a_backwards_scale_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        read_scores(write(tmp_path, "Nytte\n5\n"), "Nytte", (10, 1))


@pytest.mark.parametrize(("lang", "expected"), [
    ("nb", ["ingen kolonne «Nyte»; kolonnene er «Navn», «Nytte»; mente du «Nytte»?",
            "«mye» er ikke et tall", "11 ligger utenfor skalaen 1–10"]),
    ("nn", ["ingen kolonne «Nyte»; kolonnane er «Navn», «Nytte»; meinte du «Nytte»?",
            "«mye» er ikkje eit tal", "11 ligg utanfor skalaen 1–10"]),
    ("en", ["no column 'Nyte'; the columns are 'Navn', 'Nytte'; did you mean 'Nytte'?",
            "'mye' is not a number", "11 is outside the scale 1–10"]),
])
def test_problems_are_worded_in_the_report_language(tmp_path: Path, lang, expected) -> None:
    path = write(tmp_path, "Navn;Nytte\nA;mye\nB;11\n")
    messages = []
    for column in ("Nyte", "Nytte"):
        with pytest.raises(FindingsError) as caught:
            read_scores(path, column, SCALE, lang=lang)
        messages += [p.message for p in caught.value.problems]
    assert messages == expected
