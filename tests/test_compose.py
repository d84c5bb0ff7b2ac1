"""The composer, checked on the document tree it builds (before any renderer sees it).

Golden files pin the whole tree of the shipped examples; the focused tests below say *why*
the tree looks the way it does, computing the expected figures independently of the code.

Set MTREPORT_ACCEPT_GOLDEN=1 to rewrite tests/golden/*.tree.txt after an intended change,
then read the diff before committing it.
"""

from __future__ import annotations

import csv
import difflib
import math
import os
import re
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from generator import doctree as t
from generator.build import check
from generator.compose import compose, scale_results
from generator.theme import load_theme

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
GOLDEN = HERE / "golden"
ACCEPT = os.environ.get("MTREPORT_ACCEPT_GOLDEN", "").strip() == "1"


def composed(source: Path) -> t.Document:
    """The tree of a findings file, obtained the way `mtreport build` obtains it."""
    source = Path(source).resolve()
    return compose(check(source).validated.findings, load_theme(), source.parent)


def tree_text(source: Path) -> str:
    """The dump of a findings file's tree, with paths relative to the file's folder."""
    return t.dump(composed(source), base=Path(source).resolve().parent)


def write_findings(tmp_path: Path, text: str, name: str = "findings.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def compose_yaml(tmp_path: Path, text: str) -> t.Document:
    return composed(write_findings(tmp_path, text))


def squash(text: str) -> str:
    """Whitespace as the composer prints it: YAML block text joined into one line."""
    return " ".join(text.split())


def plain(block: t.Block) -> str:
    """The printed text of a block that has runs or text."""
    if hasattr(block, "runs"):
        return t.plain(block.runs)
    return block.text


def headings(doc: t.Document, level: int | None = None) -> list[t.Heading]:
    return [h for h in doc.headings() if level is None or h.level == level]


def chapter(doc: t.Document, title: str) -> list[t.Block]:
    """The blocks from a level-1 heading up to the next level-1 heading."""
    body = list(doc.body)
    starts = [i for i, b in enumerate(body)
              if isinstance(b, t.Heading) and b.level == 1 and b.text == title]
    assert len(starts) == 1, f"expected one chapter {title!r}, found {len(starts)}"
    start = starts[0] + 1
    end = next((i for i in range(start, len(body))
                if isinstance(body[i], t.Heading) and body[i].level == 1), len(body))
    return body[start:end]


def half_up(value: Fraction) -> str:
    """A positive exact value rounded half-up to one decimal, printed with a decimal comma."""
    tenths = math.floor(value * 10 + Fraction(1, 2))
    return f"{tenths // 10},{tenths % 10}"


def number_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else half_up(value)


MINIMAL_FINDINGS = """\
report:
  title: Musikkterapi i Lundvik
  date: 2025
method:
  purpose: Å kartlegge erfaringene med tilbudet.
  informants:
    - id: brukere
      label: Brukere
      count: 4
      form: individual
results:
  - group: brukere
    title: Hva mener brukerne?
    questions:
      - text: Hvordan har timene vært?
        scores: [7, 8, 9, 10]
        quotes:
          - Timene er det beste i uka.
"""


# --- golden files -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["fjellby", "minimal"])
def test_composed_tree_matches_the_golden_file(name: str) -> None:
    actual = tree_text(EXAMPLES / f"{name}.yaml")
    golden = GOLDEN / f"{name}.tree.txt"
    if ACCEPT:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8", newline="\n")
    hint = (f"set MTREPORT_ACCEPT_GOLDEN=1 to rewrite {golden.relative_to(ROOT).as_posix()} "
            "(then read the diff before committing it)")
    if not golden.is_file():
        pytest.fail(f"no golden file yet; {hint}")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"golden/{golden.name}", tofile=f"composed examples/{name}.yaml"))
        pytest.fail(f"the composed tree of examples/{name}.yaml changed:\n{diff}\n{hint}")


@pytest.mark.parametrize("name", ["fjellby", "minimal"])
def test_golden_files_hold_no_machine_paths(name: str) -> None:
    text = (GOLDEN / f"{name}.tree.txt").read_text(encoding="utf-8")
    assert str(ROOT) not in text
    assert "Path(" not in text
    assert not re.search(r"'(/|[A-Za-z]:\\\\)", text), "an absolute path in the golden file"


def test_dump_shows_logos_relative_to_the_findings_folder() -> None:
    text = tree_text(EXAMPLES / "fjellby.yaml")
    for logo in ("logos/fjellby.png", "logos/korus.png", "logos/nettverk.png"):
        assert f"logo={logo!r}" in text
    assert str(EXAMPLES.resolve()) not in text


# --- the shipped example ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fjellby() -> t.Document:
    return composed(EXAMPLES / "fjellby.yaml")


@pytest.fixture(scope="module")
def fjellby_dump() -> str:
    return tree_text(EXAMPLES / "fjellby.yaml")


@pytest.fixture(scope="module")
def fjellby_raw() -> dict:
    """The example as plain YAML, read without mtreport, for independent expectations."""
    return yaml.safe_load((EXAMPLES / "fjellby.yaml").read_text(encoding="utf-8"))


def test_front_matter_is_the_cover_then_the_colophon(fjellby: t.Document) -> None:
    assert [type(b) for b in fjellby.front] == [t.Cover, t.PageBreak, t.Colophon]
    cover, _, colophon = fjellby.front
    assert cover.date == "mars 2025"
    assert [p.name for p in cover.partners] == [
        "Fjellby kommune", "Kompetansesenter rus – region øst",
        "Nasjonalt nettverk for musikkterapi i rusfeltet"]
    assert all(p.logo is not None and p.logo.is_file() for p in cover.partners)
    labels = [label for label, _ in colophon.lines]
    assert labels == ["Utgiver", "År", "Forfattere", "Serie", "ISBN", "Foto"]
    assert ("Forfattere", "Hanne Løvstad Moe og Jonas Brekke Aune") in colophon.lines


def test_chapters_come_in_the_order_of_the_series(fjellby: t.Document) -> None:
    top = [(h.text, h.number) for h in headings(fjellby, 1)]
    assert top == [
        ("Forord", None),
        ("Bakgrunn", "1"),
        ("Kartleggingen", "2"),
        ("Oppsummering", "3"),
        ("Drøfting og avslutning", "4"),
        ("Litteratur", None),
        ("Vedlegg: intervjuguide", None),
    ]
    body = list(fjellby.body)
    contents = [i for i, b in enumerate(body) if isinstance(b, t.TableOfContents)]
    assert len(contents) == 1
    # the contents list follows the foreword (ending with its signature), before chapter 1
    assert isinstance(body[contents[0] - 1], t.Signature)
    assert body[contents[0] + 1] == headings(fjellby, 1)[1]


def test_the_study_holds_method_informants_and_results_per_group(
        fjellby: t.Document, fjellby_raw: dict) -> None:
    study = chapter(fjellby, "Kartleggingen")
    seconds = [b.text for b in study if isinstance(b, t.Heading) and b.level == 2]
    groups = [g["title"] for g in fjellby_raw["results"]]
    assert seconds == ["Mål – problemstilling", "Innhold og rammer", "Metode, hvem og hva",
                       *groups]
    informants = next(i for i, b in enumerate(study)
                      if isinstance(b, t.Heading) and b.text == "Informanter")
    assert study[informants].level == 3
    table = study[informants + 1]
    assert isinstance(table, t.Table) and table.role == "informants"
    labels = [g["label"] for g in fjellby_raw["method"]["informants"]]
    assert [row[0] for row in table.rows] == labels
    assert [row[1] for row in table.rows] == [
        str(g["count"]) for g in fjellby_raw["method"]["informants"]]
    run_ins = [b.text for b in study[informants:] if isinstance(b, t.RunIn)][:len(labels)]
    assert run_ins == [f"{label}:" for label in labels]


@pytest.mark.parametrize("name", ["fjellby", "minimal", "kort-en"])
def test_heading_numbers_follow_their_levels(name: str) -> None:
    doc = composed(EXAMPLES / f"{name}.yaml")
    counters = [0, 0, 0]
    keys = set()
    for h in doc.headings():
        assert h.level in (1, 2, 3)
        assert h.key not in keys, f"duplicate anchor {h.key}"
        keys.add(h.key)
        if h.number is None:  # foreword, references, appendix: level 1 and outside the count
            assert h.level == 1
            continue
        counters[h.level - 1] += 1
        counters[h.level:] = [0] * (3 - h.level)
        expected = ".".join(str(n) for n in counters[:h.level])
        assert h.number == expected, f"{h.text!r} is {h.number}, expected {expected}"


def test_unnumbered_headings_get_anchors_of_their_words() -> None:
    doc = composed(EXAMPLES / "minimal.yaml")
    keys = {h.text: h.key for h in doc.headings() if h.number is None}
    assert keys["Vedlegg: intervjuguide"] == "h-vedlegg-intervjuguide"
    for key in keys.values():  # words joined by single dashes, nothing else
        assert re.fullmatch(r"h(-[^\W_]+)+", key), key


def test_nested_sections_get_deeper_headings(fjellby: t.Document) -> None:
    background = chapter(fjellby, "Bakgrunn")
    levels = {b.text: (b.level, b.number) for b in background if isinstance(b, t.Heading)}
    assert levels["Historien så langt"] == (2, "1.3")
    assert levels["Det nasjonale nettverket"] == (3, "1.3.1")
    citations = [b for b in background if isinstance(b, t.Quote)]
    assert [c.kind for c in citations] == ["citation", "citation"]
    assert citations[0].source == "Nilsen 2017, s. 12"


def test_sections_deeper_than_three_levels_become_run_ins(tmp_path: Path) -> None:
    doc = compose_yaml(tmp_path, MINIMAL_FINDINGS + """\
background:
  sections:
    - title: Nivå to
      sections:
        - title: Nivå tre
          sections:
            - title: Nivå fire
              text: Teksten står under et innfelt mellomtittel.
""")
    background = chapter(doc, "Bakgrunn")
    assert [(b.level, b.text) for b in background if isinstance(b, t.Heading)] == [
        (2, "Nivå to"), (3, "Nivå tre")]
    i = background.index(t.RunIn(text="Nivå fire"))
    assert plain(background[i + 1]) == "Teksten står under et innfelt mellomtittel."


def test_questions_are_numbered_per_group_with_topic_mean_and_quotes(
        fjellby: t.Document) -> None:
    body = list(fjellby.body)
    content = next(i for i, b in enumerate(body) if isinstance(b, t.Question)
                   and b.text.startswith("Hvor tilfreds har du vært med innholdet"))
    question, sentence, figure = body[content:content + 3]
    assert question.number == 3
    assert plain(sentence) == "Gjennomsnittlig skår på skalaen når det gjaldt innhold var 9,0."
    assert isinstance(figure, t.ScoreFigure)
    assert (figure.mean_text, figure.scale_min, figure.scale_max) == ("9,0", 1, 10)
    label = body.index(t.RunIn(text="Sitater om innhold:"), content)
    quotes = body[label + 1:label + 7]
    assert all(isinstance(q, t.Quote) and q.kind == "informant" for q in quotes)
    assert plain(quotes[2]) == ("Jeg har skrevet tre låter nå. Tre! Jeg som aldri har "
                                "fullført noe som helst.")
    assert t.RunIn(text="Noen sitater om rammene:") in body  # the author's own label


def test_each_group_numbers_its_questions_from_one(fjellby: t.Document,
                                                   fjellby_raw: dict) -> None:
    numbers: dict[str, list[int]] = {}
    group = None
    for block in chapter(fjellby, "Kartleggingen"):
        if isinstance(block, t.Heading) and block.level == 2:
            group = block.text
        elif isinstance(block, t.Question):
            numbers.setdefault(group, []).append(block.number)
    assert numbers == {g["title"]: list(range(1, len(g["questions"]) + 1))
                       for g in fjellby_raw["results"] if g.get("questions")}


def test_default_quote_label_without_a_topic() -> None:
    doc = composed(EXAMPLES / "minimal.yaml")
    body = list(doc.body)
    i = body.index(t.RunIn(text="Sitater:"))
    assert [plain(b) for b in body[i + 1:i + 3]] == [
        "Det er det eneste jeg gleder meg til hele uka.",
        "Jeg skulle gjerne hatt litt lengre timer, men ellers er det bra."]


# --- quotes and privacy -------------------------------------------------------------------------

def _informant_quotes(raw: dict) -> list[str]:
    """Every quote of the results as written, from the raw YAML."""
    out = []
    for group in raw["results"]:
        for item in group.get("questions", []) + group.get("themes", []):
            for quote in item.get("quotes", []):
                out.append(squash(quote["text"] if isinstance(quote, dict) else quote))
    return out


def test_every_quote_is_a_quote_block(fjellby: t.Document, fjellby_raw: dict) -> None:
    written = _informant_quotes(fjellby_raw)
    printed = [squash(plain(b)) for b in fjellby.body
               if isinstance(b, t.Quote) and b.kind == "informant"]
    assert len(printed) == len(written) > 0
    untouched = [q for q in written if "Sindre" not in q]  # the others carry a pseudonym
    assert [p for p in printed if p in untouched] == untouched
    assert all(b.source is None for b in fjellby.body
               if isinstance(b, t.Quote) and b.kind == "informant")


def test_informant_ids_are_never_printed(fjellby_dump: str, fjellby_raw: dict) -> None:
    ids = {m for g in fjellby_raw["method"]["informants"] for m in g.get("members", [])}
    attributed = {q["informant"] for q in _all_quote_dicts(fjellby_raw)}
    assert attributed and attributed <= ids
    for informant in ids:
        assert not re.search(rf"(?<![\w-]){re.escape(informant)}(?![\w-])", fjellby_dump), \
            informant


def _all_quote_dicts(raw: dict) -> list[dict]:
    return [q for g in raw["results"] for item in g.get("questions", []) + g.get("themes", [])
            for q in item.get("quotes", []) if isinstance(q, dict)]


def test_distinctive_informant_ids_stay_out_of_the_tree(tmp_path: Path) -> None:
    path = write_findings(tmp_path, """\
report:
  title: Musikkterapi i Lundvik
  date: 2025
method:
  purpose: Å kartlegge erfaringene.
  informants:
    - id: brukere
      label: Brukere
      count: 2
      form: individual
      members: [qzx-informant-17, qzx-informant-18]
results:
  - group: brukere
    title: Hva mener brukerne?
    themes:
      - title: Nytte
        quotes:
          - text: Jeg gleder meg hver tirsdag.
            informant: qzx-informant-17
          - text: Det er godt å ha noe å gå til.
            informant: qzx-informant-18
""")
    doc = composed(path)
    text = t.dump(doc, base=tmp_path)
    assert "qzx" not in text
    quotes = [b for b in doc.body if isinstance(b, t.Quote)]
    assert [plain(q) for q in quotes] == ["Jeg gleder meg hver tirsdag.",
                                          "Det er godt å ha noe å gå til."]


def test_pseudonyms_replace_the_name_in_the_example(fjellby_dump: str,
                                                    fjellby: t.Document) -> None:
    assert "Sindre" not in fjellby_dump
    quotes = [plain(b) for b in fjellby.body if isinstance(b, t.Quote)]
    # at the start of a sentence the pseudonym is capitalised; the genitive key is used
    assert any(q.startswith("Han (musikkterapeuten) lar meg bestemme.") for q in quotes)
    assert any(q.startswith("Det var hans (musikkterapeutens) idé") for q in quotes)
    assert any("begynte hun hos han (musikkterapeuten), og" in q for q in quotes)


def test_pseudonyms_reach_every_printed_text(tmp_path: Path) -> None:
    """A pseudonymised name is never printed: not in prose, quotes, lists, titles or topics."""
    findings = """\
report:
  title: Musikkterapi i Lundvik
  date: 2025
foreword:
  text: Takk til Hege for innsatsen.
background:
  text: Tilbudet ble startet av Hege.
  sections:
    - title: Hege og tilbudet
      text: Hege har bygget opp musikkrommet.
      content:
        - quote: Musikk gir mening.
          source: samtale med Hege 2024
method:
  purpose: Å kartlegge erfaringene med Hege.
  period: høsten Hege begynte
  setting:
    activities: [låtskriving med Hege]
  informants:
    - id: brukere
      label: Brukere hos Hege
      count: 3
      form: individual
      details: [Alle hadde gått hos Hege i ett år]
results:
  - group: brukere
    title: Hva mener brukerne om Hege?
    intro: Spørsmålene handlet om timene med Hege.
    questions:
      - text: Hvordan har timene med Hege vært?
        topic: timene med Hege
        scores: [8, 9, 10]
        narrative: Alle var fornøyde med Hege.
        quotes_label: "Dette sa brukerne om Hege:"
        quotes: [Hege hører på meg.]
      - text: Hva har du gjort i timene?
        counts:
          har spilt band med Hege: 2
    themes:
      - title: Samarbeidet med Hege
        points_lead: "Brukerne nevnte at Hege:"
        points: [Heges tålmodighet]
        quotes: [Jeg liker Hege.]
summary:
  groups:
    - group: brukere
      points: [Hege gjør en forskjell]
discussion:
  text: Erfaringene med Hege er gode.
"""
    named = t.dump(compose_yaml(tmp_path, findings), base=tmp_path).casefold()
    assert "musikkterapeut" not in named
    text = t.dump(compose_yaml(tmp_path, findings + "privacy:\n  pseudonyms:\n"
                               "    Hege: musikkterapeuten\n"), base=tmp_path)
    assert "hege" not in text.casefold()
    # every place the name is printed without pseudonyms, and only there, has the pseudonym
    assert text.casefold().count("musikkterapeut") == named.count("hege") > 20
    assert "Heading level=3 text='Samarbeidet med musikkterapeuten'" in text
    assert "RunIn text='Sitater om samarbeidet med musikkterapeuten:'" in text
    assert "RunIn text='Dette sa brukerne om musikkterapeuten:'" in text
    assert "Question number=1 text='Hvordan har timene med musikkterapeuten vært?'" in text
    assert "når det gjaldt timene med musikkterapeuten var 9,0." in text
    assert "('timene med musikkterapeuten', '9,0', '3', '8–10')" in text
    assert "'Musikkterapeutens tålmodighet'" in text  # a sentence start is capitalised
    assert "source='samtale med musikkterapeuten 2024'" in text
    assert "høsten musikkterapeuten begynte" in text
    assert "('Brukere hos musikkterapeuten', '3'" in text  # the informant table
    assert "Quote runs='Musikkterapeuten hører på meg.'" in text


# --- summary and figures ------------------------------------------------------------------------

def _expected_overview(raw: dict, folder: Path) -> list[tuple[str, str, str, str]]:
    """The overview rows computed from the raw scores (YAML lists or CSV), as Fractions."""
    rows = []
    for group in raw["results"]:
        for q in group.get("questions", []):
            topic = q.get("topic") or q["text"]
            scores = q.get("scores")
            if isinstance(scores, dict):
                with open(folder / scores["file"], encoding="utf-8-sig", newline="") as f:
                    column = [row[scores["column"]] for row in csv.DictReader(f, delimiter=";")]
                values = [Fraction(v.replace(",", ".")) for v in column if v.strip()]
            elif scores:
                values = [Fraction(str(v)) for v in scores]
            elif "mean" in q:
                rows.append((topic, f"{str(q['mean']).replace('.', ',')} (oppgitt)", "–", "–"))
                continue
            else:
                continue
            low, high = min(values), max(values)
            spread = number_text(low) if low == high \
                else f"{number_text(low)}–{number_text(high)}"
            rows.append((topic, half_up(sum(values) / len(values)), str(len(values)), spread))
    return rows


def test_summary_overview_means_equal_independent_statistics(
        fjellby: t.Document, fjellby_raw: dict) -> None:
    summary = chapter(fjellby, "Oppsummering")
    overview = [b for b in summary if isinstance(b, t.Table) and b.role == "overview"]
    assert len(overview) == 1
    expected = _expected_overview(fjellby_raw, EXAMPLES)
    assert list(overview[0].rows) == expected
    assert expected[:4] == [("innhold", "9,0", "9", "8–10"), ("oppfølging", "10,0", "9", "10"),
                            ("rammene", "9,1", "8", "8–10"), ("nytte", "8,7", "9", "2–10")]
    assert overview[0].columns == ("Tema", "Gjennomsnitt", "Antall svar", "Spredning")
    # the figure in the results prints the same mean as the table
    figures = [b.mean_text for b in fjellby.body if isinstance(b, t.ScoreFigure)]
    assert figures == [row[1].removesuffix(" (oppgitt)") for row in expected]


def test_means_are_rounded_half_up_on_the_exact_mean(tmp_path: Path) -> None:
    cases = {  # topic: scores; each mean is a tie or a float trap
        "a": ["9", "8", "8", "8"],  # 8.25 exactly: half-up gives 8,3 (half-even 8,2)
        "b": ["8.6", "8.7"],  # 8.65: as floats (8.6 + 8.7) / 2 == 8.649999…, printed 8,6
        "c": ["7", "8", "8"],  # 7.666…
        "d": ["1", "2"],  # 1.5
    }
    questions = "".join(
        f"      - text: Spørsmål {topic}?\n        topic: {topic}\n"
        f"        scores: [{', '.join(scores)}]\n" for topic, scores in cases.items())
    doc = compose_yaml(tmp_path, MINIMAL_FINDINGS.split("    questions:\n")[0]
                       + "    questions:\n" + questions)
    overview = next(b for b in doc.body if isinstance(b, t.Table) and b.role == "overview")
    means = {row[0]: row[1] for row in overview.rows}
    expected = {topic: half_up(sum(map(Fraction, s)) / len(s)) for topic, s in cases.items()}
    assert means == expected == {"a": "8,3", "b": "8,7", "c": "7,7", "d": "1,5"}
    assert [r.mean_text for r in scale_results(check(tmp_path / "findings.yaml")
                                               .validated.findings)] == list(expected.values())


def test_overview_table_only_when_asked(tmp_path: Path) -> None:
    with_table = compose_yaml(tmp_path, MINIMAL_FINDINGS)
    assert [b.role for b in chapter(with_table, "Oppsummering") if isinstance(b, t.Table)] \
        == ["overview"]
    without = compose_yaml(tmp_path, MINIMAL_FINDINGS + "summary:\n  overview: false\n")
    assert not any(isinstance(b, t.Table) for b in chapter(without, "Oppsummering"))


# --- references and appendix --------------------------------------------------------------------

NORWEGIAN = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # "{|}" follow "z" in ASCII


def norwegian_key(text: str) -> str:
    return text.casefold().translate(NORWEGIAN)


def test_references_are_sorted_with_ae_oe_aa_last(fjellby: t.Document,
                                                  fjellby_raw: dict) -> None:
    printed = [plain(b) for b in chapter(fjellby, "Litteratur")]
    assert all(b.role == "reference" for b in chapter(fjellby, "Litteratur"))
    assert len(printed) == len(fjellby_raw["references"])
    assert printed == sorted(printed, key=norwegian_key)
    assert [p[0] for p in printed[-3:]] == ["Æ", "Ø", "Å"]
    assert printed[-1].startswith("Åsheim, R. (2020). Takt og tillit.")


def test_references_sort_norwegian_letters_after_z(tmp_path: Path) -> None:
    doc = compose_yaml(tmp_path, MINIMAL_FINDINGS + """\
references:
  - Åberg, K. (2020). Tittel fem.
  - Zahl, P. (2019). Tittel fire.
  - Ødegård, L. (2018). Tittel tre.
  - berg, i. (2017). Tittel to.
  - Ærø, S. (2016). Tittel seks.
  - Ødegaard, M. (2015). Tittel sju.
  - Bakke, J. (2014). Tittel én.
""")
    printed = [plain(b).split(",")[0] for b in chapter(doc, "Litteratur")]
    assert printed == ["Bakke", "berg", "Zahl", "Ærø", "Ødegaard", "Ødegård", "Åberg"]


def _appendix_groups(doc: t.Document) -> list[tuple[str, list[tuple[int, str]]]]:
    """(intro, [(number, question)]) per group in the appendix."""
    out: list[tuple[str, list[tuple[int, str]]]] = []
    for block in chapter(doc, "Vedlegg: intervjuguide"):
        if isinstance(block, t.Paragraph):
            out.append((plain(block), []))
        else:
            assert isinstance(block, t.Question), block
            out[-1][1].append((block.number, block.text))
    return out


def test_appendix_repeats_the_questions_of_every_group_interviewed_with_a_guide(
        fjellby: t.Document, fjellby_raw: dict) -> None:
    groups = {g["id"]: g for g in fjellby_raw["method"]["informants"]}
    unguided = {i for i, g in groups.items() if g.get("guide") is False}
    assert unguided  # the example has a group interviewed without a guide
    expected = [(f"Intervjuguiden for {groups[g['group']]['label'].lower()} hadde disse "
                 "spørsmålene:",
                 [(n, squash(q["text"])) for n, q in enumerate(g["questions"], start=1)])
                for g in fjellby_raw["results"]
                if g.get("questions") and g["group"] not in unguided]
    assert _appendix_groups(fjellby) == expected
    assert sum(len(qs) for _, qs in expected) == 9


def test_appendix_is_left_out_when_disabled(tmp_path: Path) -> None:
    enabled = compose_yaml(tmp_path, MINIMAL_FINDINGS)
    assert _appendix_groups(enabled) == [
        ("Intervjuguiden for brukere hadde disse spørsmålene:",
         [(1, "Hvordan har timene vært?")])]
    disabled = compose_yaml(tmp_path, MINIMAL_FINDINGS + "appendix:\n  interview_guide: false\n")
    assert "Vedlegg: intervjuguide" not in [h.text for h in disabled.headings()]
    assert [b.text for b in disabled.body if isinstance(b, t.Question)] == [
        "Hvordan har timene vært?"]  # only in the results
    assert headings(disabled, 1)[-1].text == "Oppsummering"


def test_no_appendix_without_questions(tmp_path: Path) -> None:
    doc = compose_yaml(tmp_path, MINIMAL_FINDINGS.split("    questions:\n")[0] + """\
    themes:
      - title: Nytte
        narrative: Alle syntes timene var nyttige.
""")
    assert "Vedlegg: intervjuguide" not in [h.text for h in doc.headings()]
    assert not any(isinstance(b, t.Question) for b in doc.body)
