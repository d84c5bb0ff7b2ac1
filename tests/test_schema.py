"""The JSON Schema for editors: valid, generated from the model, and true to the validator."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from generator import model as m
from generator.convert import dataclasses_in, field_specs
from generator.schema import fill_field_tables, findings_schema
from generator.validate import validate
from generator.yamlload import Loaded, load_file, load_text

HERE = Path(__file__).parent
ROOT = HERE.parent
BROKEN = HERE / "broken"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DOCS = ROOT / "docs" / "format.md"

VALID = """\
report:
  title: Musikkterapi i kommunalt rusarbeid
  subtitle: Brukererfaringer fra Lindvik kommune
  date: 2025
  language: nb
  isbn: 978-82-8000-000-2
  authors:
    - name: Ingrid Haugland
      organisation: Lindvik kommune
  partners:
    - name: Lindvik kommune
      logo: logo.png
foreword:
  text: Vi er glade for å kunne legge fram denne kartleggingen.
  signature: {name: Per Dahl, title: Virksomhetsleder}
background:
  title: Bakgrunn
  content:
    - Musikkterapi har vært prøvd ut i flere kommuner.
    - quote: Tilbudet bør vurderes i alle kommuner.
      source: Veileder 2024, s. 3
    - bullets: [Sang, Band, Låtskriving]
  sections:
    - title: Tilbudet i Lindvik
      text: Tilbudet startet i 2022.
method:
  purpose: Å kartlegge hvordan brukerne opplever tilbudet.
  period: 4.–5. mars 2025
  informants:
    - id: brukere
      label: Brukere
      count: 6
      form: individual
      guide: yes
      duration: {min: 20, max: 45}
      recorded: 4
      details: [Fire menn og to kvinner.]
      members: [B1, B2]
results:
  - group: brukere
    title: Hva mener brukerne?
    questions:
      - text: Hvor fornøyd er du med innholdet?
        topic: innhold
        scale: {min: 1, max: 10}
        scores: [9, 10, "8,5", 7.5]
        quotes:
          - Her får jeg spille det jeg vil.
          - {text: Det er uka sitt høydepunkt., informant: B2}
      - text: Hvor fornøyd er du med tidspunktet?
        mean: 8.7
      - text: Hvor ofte ønsker du timer?
        counts: {Én gang i uka: 4, To ganger i uka: 2}
summary:
  groups:
    - group: brukere
      lead: "Sett fra brukernes ståsted er hovedtrekkene:"
      points: [Tilbudet er viktig.]
references:
  - Berg, L. (2019). Musikk og mestring.
  - {author: "Dahl, P.", year: 2021, title: Sang i rusomsorgen}
appendix: {interview_guide: no}
baseline:
  label: 2023
  means: {innhold: 8.6}
privacy:
  names: [Kari]
  pseudonyms: {Hege: terapeuten}
"""


class Yaml12Loader(yaml.SafeLoader):
    """Types scalars like YAML 1.2's core schema, as the YAML language server does."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$",
     list("-+.0123456789")),
):
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int",
                             lambda loader, node: int(loader.construct_scalar(node), 10))


def as_editor_sees_it(text: str) -> Any:
    """The document as a YAML 1.2 editor types it (numbers, booleans, null)."""
    return yaml.load(text, Loader=Yaml12Loader)  # a SafeLoader subclass: no objects


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = findings_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    """Schema violations, readable in a failing assertion."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(instance)]


def test_schema_is_valid_draft_2020_12() -> None:
    schema = findings_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    json.dumps(schema)


def test_every_field_has_a_description_and_objects_are_closed() -> None:
    schema = findings_schema()
    objects = [schema, *schema["$defs"].values()]
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert obj["description"]
        for name, prop in obj["properties"].items():
            assert prop.get("description"), name


def test_required_fields_follow_the_model() -> None:
    schema = findings_schema()
    assert schema["required"] == ["report", "method", "results"]
    assert schema["$defs"]["InformantGroup"]["required"] == ["id", "label", "count", "form"]
    assert schema["$defs"]["Question"]["properties"].keys().isdisjoint({"blank_answers"})


def test_literals_are_enums() -> None:
    report = findings_schema()["$defs"]["Report"]["properties"]
    assert {"enum": ["nb", "nn", "en"]} in report["language"]["anyOf"]


def test_valid_file_satisfies_the_schema_as_an_editor_types_it(validator) -> None:
    assert errors(validator, as_editor_sees_it(VALID)) == []


def test_valid_file_satisfies_the_schema_as_mtreport_reads_it(validator) -> None:
    assert errors(validator, load_text(VALID, "gyldig.yaml").data) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_satisfy_the_schema(validator, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert errors(validator, as_editor_sees_it(text)) == []
    assert errors(validator, load_file(path).data) == []


@pytest.mark.parametrize("name", [
    "key_misspelt_report", "key_misspelt_quotes", "key_case", "key_misplaced_indent",
    "key_unknown_top", "language_no", "authors_not_list", "scores_scalar", "title_list",
    "narrative_mapping", "missing_title", "missing_method", "empty_informants",
    "date_norwegian", "date_words", "isbn_length", "count_word", "count_decimal",
    "count_negative", "duration_too_long", "form_norwegian", "guide_maybe",
    "score_not_number", "mean_nan", "references_year_list",
])
def test_broken_files_the_schema_can_see_fail_it(validator, name: str) -> None:
    text = (BROKEN / f"{name}.yaml").read_text(encoding="utf-8")
    assert errors(validator, as_editor_sees_it(text))


def _field_paths(cls: type, prefix: str, seen: set[type]) -> list[str]:
    """Every field's dotted path (results[].questions[].scores); a class shared by several
    fields (the chapter shape of background and discussion) is spelled out once."""
    paths = []
    for spec in field_specs(cls):
        path = f"{prefix}{spec.key}"
        paths.append(path)
        for inner, suffix in dataclasses_in(spec.tp):
            if inner not in seen:
                seen.add(inner)
                paths += _field_paths(inner, f"{path}{suffix}.", seen)
    return paths


def test_docs_mention_every_field_path() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [p for p in _field_paths(m.Findings, "", {m.Findings}) if f"`{p}`" not in text]
    assert missing == []


def test_field_tables_in_the_docs_match_the_model() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert "<!-- fields:" in text
    assert fill_field_tables(text) == text, "run: python -m generator.schema --docs"


def _doc_snippets() -> list[str]:
    """The ```yaml blocks of docs/format.md that are whole top-level parts."""
    blocks = re.findall(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    return [b for b in blocks if b[:1].isalpha()]


def test_docs_examples_together_make_a_valid_report(tmp_path: Path) -> None:
    here = tmp_path / "2025"
    (here / "logoer").mkdir(parents=True)
    (here / "logoer" / "lindvik.png").write_bytes((BROKEN / "files" / "logo.png").read_bytes())
    (tmp_path / "2023").mkdir()
    earlier = (BROKEN / "files" / "tidligere.yaml").read_text(encoding="utf-8")
    (tmp_path / "2023" / "lindvik-2023.yaml").write_text(earlier, encoding="utf-8")
    merged: dict[str, Any] = {}
    snippets = _doc_snippets()
    assert len(snippets) >= 10
    for snippet in snippets:
        merged.update(load_text(snippet, "format.md").data)
    result = validate(Loaded("format.md", merged, {}, {}, "nb"), base_dir=here)
    assert result.warnings == []
    assert result.findings.baseline.label == "Rapporten fra 2023"
    with_file = {**merged, "baseline": {"file": "../2023/lindvik-2023.yaml", "label": "2023"}}
    result = validate(Loaded("format.md", with_file, {}, {}, "nb"), base_dir=here)
    assert result.findings.baseline.means["innhold"] == Decimal("8.6")
