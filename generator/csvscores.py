"""Scores for one question read from a survey export (CSV), as Norwegian Excel writes it.

One row per respondent under a header row. Accepts UTF-8 with or without BOM, UTF-16 with
BOM (Excel's "Unicode text"), and falls back to cp1252/latin-1; `;`, `,` or tab as the
separator (an Excel `sep=;` first line is honoured); CRLF; quoted cells; decimal commas.
Every bad cell is reported with its physical line number before anything is built.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from generator.errors import FindingsError, Problem
from generator.messages import message
from generator.stats import to_score

DELIMITERS = ";,\t"
SNIFF_CHARS = 64 * 1024
_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_EXCEL_SEP = re.compile(r"sep=(.)\s*$", re.IGNORECASE)

Row = tuple[int, list[str]]


@dataclass(frozen=True)
class CsvColumn:
    """The scores of one column; blanks are counted so a report can say who did not answer."""

    values: tuple[Fraction, ...]
    blanks: int
    rows: int


@dataclass(frozen=True)
class _Where:
    """Where problems point: the file as the author named it and the column asked for."""

    file: str
    field: str
    lang: str = "en"

    def text(self, key: str, /, **kw: object) -> str:
        """A message of the catalogue (generator/messages.py) in the author's language."""
        return message(f"csv.{key}", self.lang, **kw)

    def problem(self, line: int | None, message: str) -> Problem:
        """A Problem at this file and field."""
        return Problem(file=self.file, line=line, column=None, field=self.field, message=message)

    def fail(self, line: int | None, message: str) -> FindingsError:
        """A FindingsError with one Problem, for faults that stop reading at once."""
        return FindingsError([self.problem(line, message)])


def read_scores(
    path: Path, column: str, scale: tuple[int, int], display: str | None = None,
    lang: str = "en",
) -> CsvColumn:
    """The scores in `column` (matched case-insensitively), checked against `scale`;
    problems are worded in `lang` (nb, nn, en)."""
    _check_scale(scale)
    where = _Where(display or str(path), column, lang)
    text = _decode(_read_bytes(path, where), where)
    rows = _records(text, where)
    header_line, header, data = _split_header(rows, where)
    index = _column_index(header, column, header_line, where)
    return _collect(data, index, scale, where)


def _check_scale(scale: tuple[int, int]) -> None:
    """A scale must run upwards; anything else is a programming error, not an author's."""
    low, high = scale
    if low >= high:
        raise ValueError(f"scale must run from low to high, got {low}–{high}")


def _read_bytes(path: Path, where: _Where) -> bytes:
    """The file's bytes, or a Problem an author can act on."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise where.fail(None, where.text("missing")) from None
    except IsADirectoryError:
        raise where.fail(None, where.text("folder")) from None
    except PermissionError:
        raise where.fail(None, where.text("permission")) from None
    except OSError as error:
        raise where.fail(None, where.text("unreadable", error=error.strerror or error)) from None


def _decode(data: bytes, where: _Where) -> str:
    """Text in whatever encoding Excel or a survey tool used; latin-1 never fails."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise where.fail(None, where.text("utf16")) from None
    data = data.removeprefix(codecs.BOM_UTF8)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _first_line(text: str) -> str:
    """The first non-blank physical line, where the header (or Excel's sep=) is."""
    return next((line for line in text.splitlines() if line.strip()), "")


def _delimiter(text: str) -> str:
    """The separator: sniffed from a sample, but only one the header row actually uses."""
    header = _first_line(text)
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed and sniffed in header:
        return sniffed
    used = [d for d in DELIMITERS if d in header]
    # A single-column file: ';' keeps decimal-comma cells ("7,5") whole.
    return max(used, key=header.count) if used else ";"


def _records(text: str, where: _Where) -> list[Row]:
    """Every CSV record with its line; an Excel `sep=` line sets the separator and is dropped."""
    excel_sep = _EXCEL_SEP.match(_first_line(text))
    delimiter = excel_sep.group(1) if excel_sep else _delimiter(text)
    rows = _numbered_records(text, delimiter, where)
    return rows[1:] if excel_sep else rows


def _numbered_records(text: str, delimiter: str, where: _Where) -> list[Row]:
    """Records paired with the physical line each starts on (quoted cells may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    rows: list[Row] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise where.fail(reader.line_num, where.text("malformed", error=error)) from None
    return rows


def _is_blank(row: Sequence[str]) -> bool:
    """An empty line or a row of empty cells (Excel's trailing ';;;') is no respondent."""
    return not any(cell.strip() for cell in row)


def _split_header(rows: list[Row], where: _Where) -> tuple[int, list[str], list[Row]]:
    """The header row (first non-blank record), its line, and the data rows after it."""
    for position, (line, row) in enumerate(rows):
        if not _is_blank(row):
            return line, row, rows[position + 1 :]
    raise where.fail(None, where.text("empty"))


def _normal(name: str) -> str:
    """A column name as compared: case-folded, outer spaces stripped, inner runs collapsed."""
    return " ".join(name.replace("\ufeff", "").split()).casefold()


def _column_index(header: list[str], column: str, line: int, where: _Where) -> int:
    """Where the wanted column is; unknown or ambiguous names are the author's to fix."""
    matches = [i for i, name in enumerate(header) if _normal(name) == _normal(column)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        numbers = ", ".join(str(i + 1) for i in matches)
        raise where.fail(line, where.text("twice", column=column, numbers=numbers))
    raise where.fail(line, _unknown_column_message(header, column, where))


def _unknown_column_message(header: list[str], column: str, where: _Where) -> str:
    """'no column …; the columns are …; did you mean …?' so a typo is fixed in one go."""
    names = [name.strip() for name in header if name.strip()]
    columns = ", ".join(where.text("name", name=name) for name in names)
    text = where.text("no_column", column=column, columns=columns)
    by_normal = {_normal(name): name for name in names}
    close = difflib.get_close_matches(_normal(column), list(by_normal), n=1, cutoff=0.6)
    if not close:
        return text
    return f"{text}; {where.text('did_you_mean', name=by_normal[close[0]])}"


def _parse_cell(cell: str, scale: tuple[int, int], where: _Where) -> Fraction:
    """One answer as an exact score; ValueError with the author-facing message otherwise."""
    if not _NUMBER.fullmatch(cell):
        raise ValueError(where.text("not_number", cell=cell))
    value = to_score(cell)
    low, high = scale
    if not low <= value <= high:
        raise ValueError(where.text("outside", cell=cell, low=low, high=high))
    return value


def _collect(rows: list[Row], index: int, scale: tuple[int, int], where: _Where) -> CsvColumn:
    """Scores, blanks and respondent rows of the column; every bad cell reported together."""
    respondents = [(line, row) for line, row in rows if not _is_blank(row)]
    values, problems = _parse_column(respondents, index, scale, where)
    if problems:
        raise FindingsError(problems)
    if not values:
        raise where.fail(None, where.text("no_scores", column=where.field))
    blanks = sum(1 for _, row in respondents if not _cell(row, index))
    return CsvColumn(tuple(values), blanks, len(respondents))


def _parse_column(
    respondents: list[Row], index: int, scale: tuple[int, int], where: _Where
) -> tuple[list[Fraction], list[Problem]]:
    """The column's scores and a Problem per bad cell; blank cells are skipped."""
    values: list[Fraction] = []
    problems: list[Problem] = []
    for line, row in respondents:
        cell = _cell(row, index)
        if not cell:
            continue
        try:
            values.append(_parse_cell(cell, scale, where))
        except ValueError as error:
            problems.append(where.problem(_cell_line(line, row, index), str(error)))
    return values, problems


def _cell(row: list[str], index: int) -> str:
    """The stripped cell, or '' when the row stops before the column (Excel trims rows)."""
    return row[index].strip() if index < len(row) else ""


def _cell_line(line: int, row: list[str], index: int) -> int:
    """The physical line a cell starts on, past line breaks quoted in the cells before it."""
    return line + sum(len(_LINE_BREAK.findall(cell)) for cell in row[:index])
