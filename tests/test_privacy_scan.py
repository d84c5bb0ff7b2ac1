"""The privacy scan points at file and line, and knows which fields pseudonyms cover."""

from __future__ import annotations

from pathlib import Path

from generator.build import check

# one informant group with one question, up to its quotes (each test file adds them)
ONE_QUESTION = """\
  informants:
    - id: brukere
      label: Brukere
      count: 2
      form: individual
results:
  - group: brukere
    title: Hva mener brukerne?
    questions:
      - text: Hvordan har timene vært?
        quotes:
"""

FINDINGS = """\
report:
  title: Musikkterapi med Hege
  date: 2025
privacy:
  names: [Kari]
  pseudonyms:
    Hege: musikkterapeuten
method:
  purpose: Å kartlegge timene med Hege og Kari.
""" + ONE_QUESTION + """\
          - Hege ringer meg på 912 34 567.
"""


def test_hits_name_file_line_and_field(tmp_path: Path):
    source = tmp_path / "funn.yaml"
    source.write_text(FINDINGS, encoding="utf-8")
    found = {(w.line, w.field, w.severity) for w in check(source).warnings}
    lines = FINDINGS.splitlines()
    title = lines.index("  title: Musikkterapi med Hege") + 1
    purpose = next(i for i, line in enumerate(lines, 1) if "purpose" in line)
    quote = next(i for i, line in enumerate(lines, 1) if "912" in line)
    assert found == {
        (title, "report.title", "warning"),  # printed as written: the pseudonym can't help
        (purpose, "method.purpose", "warning"),  # Kari, listed without a pseudonym
        (quote, "results[0].questions[0].quotes[0]", "warning"),  # the phone number only
    }
    assert all(w.file == str(source) for w in check(source).warnings)


COLUMNS = """\
report:
  title: Rapport
  date: 2025
privacy:
  names: [Kari, Per Hansen]
method:
  purpose: Å treffe Kari, og Kari igjen.
""" + ONE_QUESTION + """\
          - |
            Første linje.
            Ring 912 34 567 eller Kari.
          - Et sitat som går
            over to linjer til Kari.
          - "Sitert: Kari"
          - "Escaped: K\\x61ri"
          - Sa Kari hei
          - "K\\x61ri og Kari"
          - Her står Per
            Hansen over to linjer.
          - Per Hansen står på én.
          - |  # Kari i kommentaren
            Kari i teksten.
"""


def test_hits_point_at_line_and_column_where_the_file_spells_them(tmp_path: Path):
    source = tmp_path / "funn.yaml"
    source.write_text(COLUMNS, encoding="utf-8")
    lines = COLUMNS.splitlines()

    def at(line_text: str, needle: str, nth: int = 0) -> tuple[int, int]:
        number = lines.index(line_text) + 1
        column = -1
        for _ in range(nth + 1):
            column = lines[number - 1].index(needle, column + 1)
        return number, column + 1

    found = [(w.line, w.column) for w in check(source).warnings]
    purpose = "  purpose: Å treffe Kari, og Kari igjen."
    quote = "            Ring 912 34 567 eller Kari."
    def line_of(line_text: str) -> int:
        return lines.index(line_text) + 1

    assert sorted(found, key=str) == sorted([
        at(purpose, "Kari"),
        at(purpose, "Kari", 1),  # the second of two alike hits, not the first again
        at('          - "Sitert: Kari"', "Kari"),  # in a quoted value
        at(quote, "912"),  # in a block scalar
        at(quote, "Kari"),
        at("            over to linjer til Kari.", "Kari"),  # a folded plain value
        # written with an escape: the value's line and no column, never the next value's
        (line_of('          - "Escaped: K\\x61ri"'), None),
        at("          - Sa Kari hei", "Kari"),
        # one of two alike hits escaped: neither can be told apart, so neither gets a column
        (line_of('          - "K\\x61ri og Kari"'), None),
        (line_of('          - "K\\x61ri og Kari"'), None),
        (line_of("          - Her står Per"), None),  # across a folded line break
        at("          - Per Hansen står på én.", "Per Hansen"),
        (line_of("            Kari i teksten."), None),  # the header's comment says it too
    ], key=str)
