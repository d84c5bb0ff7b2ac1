"""The privacy scan points at file and line, and knows which fields pseudonyms cover."""

from __future__ import annotations

from pathlib import Path

from generator.build import check

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
