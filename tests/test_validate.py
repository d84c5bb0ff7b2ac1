"""Validation of findings files: every mistake pointed out exactly, never a traceback."""

from __future__ import annotations

import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from expectations import Expected, parse_expected
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import messages
from generator import model as m
from generator.convert import field_specs, known_places
from generator.errors import FindingsError, Problem
from generator.isbn import check_digit, check_isbn
from generator.validate import Validated, load_findings, validate
from generator.yamlload import Loaded, load_text

HERE = Path(__file__).parent
BROKEN = HERE / "broken"
BROKEN_FILES = sorted(BROKEN.glob("*.yaml"))
SOURCES = [HERE.parent / "generator" / n for n in ("convert.py", "checks.py", "validate.py",
                                                      "isbn.py")]

# `# expect: [FILE@]LINE[:COLUMN] [[warning]] FIELD: PART … PART` at the end of a broken file:
# one line per problem, in the order reported; every PART must occur in the message, in order.
VALID = """\
report:
  title: Musikkterapi i kommunalt rusarbeid
  subtitle: Brukererfaringer fra Lindvik kommune
  date: 2025-03-14
  isbn: 82-7674-107-X
  partners:
    - name: Lindvik kommune
      logo: files/logo.png
method:
  purpose: |
    Å kartlegge hvordan brukerne opplever tilbudet.   \r
    Linje to.
  informants:
    - id: brukere
      label: Brukere
      count: 0150
      form: individual
      guide: Nei
      members: [B1, B2]
results:
  - group: brukere
    title: Hva mener brukerne?
    questions:
      - text: Hvor fornøyd er du med innholdet?
        topic: innhold
        scores: ["8,5", 9, 7.5, 10]
        quotes:
          - Jeg får være meg selv her.
          - text: Musikken gir meg ro.
            informant: B2
      - text: Hvor fornøyd er du med tidspunktet?
        topic: no
        mean: 8,7
      - text: Hvor ofte ønsker du timer?
        counts: {Én gang i uka: 4, To ganger i uka: 2}
privacy:
  names: [Kari]
  pseudonyms: {Hege: terapeuten, Kari: en ansatt}
"""


def expectations(path: Path) -> list[Expected]:
    """The `# expect:` lines of a broken file."""
    return [parse_expected(line.removeprefix("# expect: "))
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# expect:")]


def problems_of(path: Path) -> tuple[list[Problem], bool]:
    """Every problem reported for a file, and whether validation refused it."""
    try:
        result = load_findings(path)
    except FindingsError as error:
        return error.problems, True
    return result.warnings, False


def valid_loaded(text: str = VALID) -> Loaded:
    """A findings text loaded as if it were a file in tests/broken/."""
    return load_text(text, str(BROKEN / "gyldig.yaml"))


def problem_lines(error: FindingsError) -> str:
    """Problems as printed, for assertion messages."""
    return "\n".join(str(p) for p in error.problems)


# --------------------------------------------------------------------------- broken files


def test_there_are_enough_broken_files() -> None:
    assert len(BROKEN_FILES) >= 30


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda p: p.stem)
def test_broken_file_reports_exactly_the_expected_problems(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} states no expected problem"
    problems, refused = problems_of(path)
    shown = "\n".join(str(p) for p in problems)
    assert len(problems) == len(expected), f"{path.name} reported:\n{shown}"
    for want, got in zip(expected, problems, strict=True):
        assert want.matches(got, str(path)), f"expected {want}\ngot {got}\nall:\n{shown}"
    assert refused == any(e.severity == "error" for e in expected)


def test_broken_files_cover_all_three_languages() -> None:
    nynorsk = problems_of(BROKEN / "language_nn_messages.yaml")[0]
    english = problems_of(BROKEN / "language_en_messages.yaml")[0]
    assert any("meinte du" in p.message for p in nynorsk)
    assert english[0].message.startswith("there is no group 'users'")


# --------------------------------------------------------------------------- valid input


def test_valid_file_converts_every_type() -> None:
    result = validate(valid_loaded(), base_dir=BROKEN)
    findings = result.findings
    assert result.warnings == []
    assert findings.report.date == m.ReportDate(year=2025, month=3, day=14)
    assert findings.report.isbn == "82-7674-107-X"
    group = findings.method.informants[0]
    assert (group.count, group.guide, group.form) == (150, False, "individual")
    assert findings.method.purpose == "Å kartlegge hvordan brukerne opplever tilbudet.\nLinje to."
    assert isinstance(findings.method.purpose, m.Text)


def test_decimal_comma_and_point_are_both_accepted() -> None:
    questions = validate(valid_loaded(), base_dir=BROKEN).findings.results[0].questions
    assert questions[0].scores == (Decimal("8.5"), Decimal(9), Decimal("7.5"), Decimal(10))
    assert questions[1].mean == Decimal("8.7")


def test_yaml_1_1_lookalikes_stay_text_where_text_is_expected() -> None:
    text = VALID.replace("title: Musikkterapi i kommunalt rusarbeid", "title: no").replace(
        "id: brukere", "id: '0150'").replace("group: brukere", "group: '0150'").replace(
        "subtitle: Brukererfaringer fra Lindvik kommune", "subtitle: 1.10")
    findings = validate(valid_loaded(text), base_dir=BROKEN).findings
    assert findings.report.title == "no"
    assert findings.report.subtitle == "1.10"
    assert findings.method.informants[0].id == "0150"
    assert findings.results[0].questions[1].topic == "no"


def test_quotes_may_be_text_or_mappings() -> None:
    quotes = validate(valid_loaded(), base_dir=BROKEN).findings.results[0].questions[0].quotes
    assert quotes[0] == "Jeg får være meg selv her." and isinstance(quotes[0], m.Text)
    assert quotes[1] == m.Quote(text=m.Text("Musikken gir meg ro."), informant="B2")


def test_counts_keep_the_labels_as_written() -> None:
    question = validate(valid_loaded(), base_dir=BROKEN).findings.results[0].questions[2]
    assert question.counts == {"Én gang i uka": 4, "To ganger i uka": 2}


def test_pseudonym_names_are_privacy_names_too() -> None:
    privacy = validate(valid_loaded(), base_dir=BROKEN).findings.privacy
    assert privacy.names == ("Kari", "Hege")


def test_defaults_fill_what_is_left_out_or_empty() -> None:
    text = VALID.replace("  subtitle: Brukererfaringer fra Lindvik kommune", "  subtitle:")
    findings = validate(valid_loaded(text), base_dir=BROKEN).findings
    assert findings.report.subtitle is None
    assert findings.report.language == "nb"
    assert findings.appendix == m.Appendix()
    assert findings.summary is None


def test_csv_scores_are_read_into_the_question() -> None:
    text = VALID.replace('scores: ["8,5", 9, 7.5, 10]',
                         "scores: {file: files/svar.csv, column: tid per uke}")
    question = validate(valid_loaded(text), base_dir=BROKEN).findings.results[0].questions[0]
    assert question.scores == (Decimal(8), Decimal(7), Decimal(9))
    assert question.blank_answers == 1


def test_baseline_file_becomes_means_and_counts() -> None:
    text = VALID + "baseline:\n  file: files/tidligere.yaml\n"
    baseline = validate(valid_loaded(text), base_dir=BROKEN).findings.baseline
    # 9+8+8+10+7+9+9 = 60; 60/7 = 8.571… → 8.6; a reported mean is kept as written.
    assert baseline == m.Baseline(
        label="2023",
        means={"innhold": Decimal("8.6"), "tidspunkt": Decimal("7.25")},
        informants=(m.BaselineGroup(group="brukere", count=7),
                    m.BaselineGroup(group="kolleger", count=4)),
    )


def test_baseline_label_is_kept_when_given() -> None:
    text = VALID + "baseline:\n  file: files/tidligere.yaml\n  label: Rapporten fra 2023\n"
    baseline = validate(valid_loaded(text), base_dir=BROKEN).findings.baseline
    assert baseline is not None and baseline.label == "Rapporten fra 2023"


def test_inline_baseline_is_converted() -> None:
    text = VALID + ("baseline:\n  label: '2023'\n  means: {innhold: '8,6'}\n"
                    "  informants:\n    - group: brukere\n      count: 7\n")
    baseline = validate(valid_loaded(text), base_dir=BROKEN).findings.baseline
    assert baseline is not None and baseline.means == {"innhold": Decimal("8.6")}


def test_load_findings_resolves_files_next_to_the_findings_file(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "logo.png").write_bytes((BROKEN / "files" / "logo.png").read_bytes())
    (tmp_path / "funn.yaml").write_text(VALID, encoding="utf-8")
    result = load_findings(tmp_path / "funn.yaml")
    assert isinstance(result, Validated)
    assert result.source == tmp_path / "funn.yaml"


def test_absolute_paths_are_allowed() -> None:
    logo = (BROKEN / "files" / "logo.png").resolve()
    text = VALID.replace("logo: files/logo.png", f"logo: '{logo}'")
    findings = validate(valid_loaded(text), base_dir=Path("/nonexistent")).findings
    assert findings.report.partners[0].logo == str(logo)


# --------------------------------------------------------------------------- scalars


@pytest.mark.parametrize(("written", "expected"), [
    ("2025", m.ReportDate(year=2025)),
    ("2025-03", m.ReportDate(year=2025, month=3)),
    ("2024-02-29", m.ReportDate(year=2024, month=2, day=29)),
])
def test_report_dates_keep_their_precision(written: str, expected: m.ReportDate) -> None:
    text = VALID.replace("date: 2025-03-14", f"date: {written}")
    assert validate(valid_loaded(text), base_dir=BROKEN).findings.report.date == expected


@pytest.mark.parametrize("written", ["2023-02-29", "2025-13", "1850", "25-03-14", "2025/03"])
def test_impossible_dates_are_refused(written: str) -> None:
    text = VALID.replace("date: 2025-03-14", f"date: {written}")
    with pytest.raises(FindingsError) as caught:
        validate(valid_loaded(text), base_dir=BROKEN)
    assert [p.field for p in caught.value.problems] == ["report.date"]


@pytest.mark.parametrize("written", ["ja", "JA", "Yes", "true", "on", "nei", "No", "off"])
def test_yes_no_words_are_booleans(written: str) -> None:
    text = VALID.replace("guide: Nei", f"guide: {written}")
    guide = validate(valid_loaded(text), base_dir=BROKEN).findings.method.informants[0].guide
    assert guide is (written.lower() in ("ja", "yes", "true", "on"))


@pytest.mark.parametrize("isbn", ["978-82-8000-000-2", "9788280000002", "82 7674 107 X",
                                  "0-306-40615-2"])
def test_valid_isbns(isbn: str) -> None:
    assert check_isbn(isbn) is None


@pytest.mark.parametrize(("isbn", "key"), [
    ("978-82-8000-000-3", "validate.isbn_check"),
    ("978-82-8000-000", "validate.isbn_length"),
    ("ISBN 978-82-8000-000-2", "validate.isbn_chars"),
    ("977-82-8000-000-5", "validate.isbn_prefix"),
    ("97X-82-8000-000-2", "validate.isbn_chars"),
    ("978-82-8000-000-2-", "validate.isbn_chars"),
])
def test_invalid_isbns(isbn: str, key: str) -> None:
    fault = check_isbn(isbn)
    assert fault is not None and fault.key == key


def test_check_digit_of_isbn_10_may_be_x() -> None:
    assert check_digit("827674107") == "X"


@pytest.mark.parametrize("mean", ["nan", "inf", "1e400", "8.7.1", "8,", "—"])
def test_numbers_refuse_nan_infinity_and_exponents(mean: str) -> None:
    text = VALID.replace("mean: 8,7", f"mean: '{mean}'")
    with pytest.raises(FindingsError) as caught:
        validate(valid_loaded(text), base_dir=BROKEN)
    assert [p.field for p in caught.value.problems] == ["results[0].questions[1].mean"]


# --------------------------------------------------------------------------- robustness


def test_problems_stop_at_a_bound_with_a_note() -> None:
    scores = ", ".join(["ni"] * 1000)
    text = VALID.replace('scores: ["8,5", 9, 7.5, 10]', f"scores: [{scores}]")
    with pytest.raises(FindingsError) as caught:
        validate(valid_loaded(text), base_dir=BROKEN)
    problems = caught.value.problems
    assert len(problems) == 201
    assert problems[-1].message == "for mange feil; stoppet etter 200"


def test_ten_thousand_quotes_validate_quickly() -> None:
    quote = "          - Det var fint å få spille sammen med de andre i gruppa.\n"
    text = VALID.replace("        quotes:\n", "        quotes:\n" + quote * 10_000)
    loaded = valid_loaded(text)
    started = time.perf_counter()
    findings = validate(loaded, base_dir=BROKEN).findings
    elapsed = time.perf_counter() - started
    assert len(findings.results[0].questions[0].quotes) == 10_002
    assert elapsed < 0.5, f"validation took {elapsed:.3f} s"


def test_every_message_key_used_exists_in_every_language() -> None:
    used = set()
    for source in SOURCES:
        used |= set(re.findall(r'"(validate\.[a-z_.]+)"', source.read_text(encoding="utf-8")))
    assert used
    for catalogue in messages.CATALOGUES.values():
        assert used <= set(catalogue)


def test_every_model_key_has_a_known_place() -> None:
    places = known_places()
    for spec in field_specs(m.Question):
        assert "results[].questions[]" in places[spec.key]


_TEXT = st.sampled_from([
    "", "report", "method", "results", "title", "date", "informants", "id", "group", "count",
    "form", "questions", "scores", "mean", "quotes", "text", "informant", "scale", "min",
    "max", "file", "column", "logo", "partners", "baseline", "members", "counts", "language",
    "nb", "no", "9", "8,5", "11", "-1", "2025-03", "individual", "ja", "brukere", "B1",
    "files/logo.png", "files/tekst.png", "files/svar.csv", "files/tidligere.yaml",
    "files/mappe.png", "Innhold", "/", "\x00", "../" * 40, "x" * 300, "«sitat»",
]) | st.text(max_size=12)

_TREES = st.recursive(
    st.none() | _TEXT,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(_TEXT, children, max_size=5),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=_TREES)
def test_arbitrary_trees_only_ever_raise_findings_error(tree: object) -> None:
    loaded = Loaded("arbitrary.yaml", tree, {}, {}, "nb")
    try:
        result = validate(loaded, base_dir=BROKEN)
    except FindingsError as error:
        assert error.problems
        assert all(isinstance(p.message, str) and p.message for p in error.problems)
    else:
        assert isinstance(result.findings, m.Findings)


@settings(max_examples=200, deadline=None)
@given(tree=_TREES, where=st.sampled_from(["report", "method", "results", "summary",
                                           "baseline", "privacy", "background"]))
def test_arbitrary_subtrees_inside_a_valid_file_only_raise_findings_error(
        tree: object, where: str) -> None:
    loaded = valid_loaded()
    data = dict(loaded.data)
    data[where] = tree
    try:
        validate(Loaded(loaded.file, data, loaded.marks, loaded.key_marks, "nn"),
                 base_dir=BROKEN)
    except FindingsError as error:
        assert error.problems
