"""Fuzzing the whole build: whatever a findings file holds, only a FindingsError may come out,
and a file that is accepted renders in Word and in PDF.

Trees start from examples/minimal.yaml; values are replaced by arbitrary text (control
characters, lone surrogates, markup, right-to-left text, emoji), huge, negative and
non-finite numbers and values of the wrong type; optional parts are added; the tree is
dumped as YAML, sometimes edited as raw text (tabs, NULs, stray `---`, aliases, a BOM) or
saved in another encoding. Each example runs in a child process with a time limit
(tests/hostile_harness.py), so a hang fails instead of stalling CI.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile_harness import Outcome, build_and_read, run_in_child
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = yaml.safe_load((ROOT / "examples" / "minimal.yaml").read_text(encoding="utf-8"))
TIMEOUT = 60.0  # seconds per example; a typical one takes well under one

HOSTILE_TEXT = [
    "", " ", "~", "null", "no", "0150", "1e400", ".nan", "-.inf", "10" * 20, "-3", "8,5",
    '<img src="/etc/passwd"/>', "<b>fet</b> &amp; ]]> <font size=99>x</font>", "*a **b ***c",
    "{topic} {0} %s", "שלום עולם", "مرحبا", "👩\u200d👩\u200d👧 🇳🇴", "áčđŋšŧž ÁČĐŊŠŦŽ",
    "x" * 3000, "a\u030a\u0336", "\u202e\u200b\u2060", "\x00", "\x0b", "\x1b[1m", "\x7f",
    "\x9b", "\ufffe", "\ud800", "\t", "\r\n\r\n", "line\n\nparagraph", "- item", "key: value",
    "#", "&anchor", "*alias", "!!python/object", "/etc/passwd", "/dev/zero", "/", "..",
    "files/logo.png", "2025-02-30", "individual", "ja",
]
# any code point, lone surrogates and controls included (the loader must refuse them clearly)
WILD_TEXT = st.text(st.characters(exclude_categories=[])
                    | st.characters(max_codepoint=0x9F, exclude_categories=[])
                    | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF,
                                    exclude_categories=[]), max_size=30)
# text an author could really type: likely to build, so the renderers get fuzzed too
PROSE = st.text(st.characters(exclude_categories=["Cc", "Cs", "Cn", "Co"]), min_size=1,
                max_size=80).filter(str.strip)
TEXT = st.one_of(st.sampled_from(HOSTILE_TEXT), WILD_TEXT, PROSE)
NUMBERS = st.one_of(st.integers(-(10**40), 10**40), st.integers(-3, 12),
                    st.floats(allow_nan=True, allow_infinity=True))
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT, st.dates())
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(TEXT, inner, max_size=3), max_leaves=6)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a tree: containers and leaves."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


PATHS = [p for p in _paths(MINIMAL) if p]
DELETE = object()
# replacements lean towards text an author could type, so that many trees still build
REPLACEMENTS = st.one_of(PROSE, PROSE, PROSE, NUMBERS, TEXT, VALUES, st.just(DELETE))
MUTATIONS = st.lists(st.tuples(st.sampled_from(PATHS), REPLACEMENTS), max_size=3)
PARTS = st.fixed_dictionaries({}, optional={
    "foreword": st.fixed_dictionaries({"text": PROSE},
                                      optional={"signature": st.fixed_dictionaries(
                                          {"name": PROSE})}),
    "background": st.fixed_dictionaries({}, optional={
        "text": PROSE,
        "content": st.lists(PROSE | st.fixed_dictionaries({"quote": PROSE})
                            | st.fixed_dictionaries({"bullets": st.lists(PROSE, min_size=1,
                                                                         max_size=3)}),
                            max_size=3),
        "sections": st.lists(st.fixed_dictionaries({"title": PROSE}, optional={
            "text": PROSE, "sections": st.lists(st.fixed_dictionaries({"title": PROSE}),
                                                max_size=2)}), max_size=3),
    }),
    "summary": st.fixed_dictionaries({}, optional={
        "text": PROSE,
        "groups": st.lists(st.fixed_dictionaries({"group": st.just("brukere")}, optional={
            "lead": PROSE, "points": st.lists(PROSE, max_size=3)}), max_size=1),
    }),
    "references": st.lists(PROSE, max_size=3),
    "privacy": st.fixed_dictionaries({}, optional={
        "names": st.lists(PROSE, max_size=2),
        "pseudonyms": st.dictionaries(PROSE, PROSE, max_size=2)}),
})
RAW_EDITS = st.lists(st.tuples(st.floats(0, 1), st.sampled_from(
    ["\t", "\x00", "\n---\n", "&a ", "*a", ": ", "\n  - ", "\r\n", "'", '"', "\ufeff", " #",
     "\x85", "ø", "[", "{", "\n\t", "\\u", "\xa0"])), max_size=3)
ENCODINGS = st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "latin-1", "utf-16"])


def _mutated(mutations: list[tuple[tuple[Any, ...], Any]], parts: dict[str, Any]) -> Any:
    """The minimal example with values replaced or deleted, and optional parts added."""
    tree = copy.deepcopy(MINIMAL)
    for path, value in mutations:
        parent = tree
        try:
            for step in path[:-1]:
                parent = parent[step]
            if value is DELETE:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation replaced the way there
    if isinstance(tree, dict):
        tree.update(parts)
    return tree


def _source(tree: Any, edits: list[tuple[float, str]], encoding: str) -> bytes:
    """The tree as YAML text, edited as raw text, in an encoding."""
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=60)
    for where, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at:]
    return text.encode(encoding, "replace" if encoding == "latin-1" else "surrogatepass")


@pytest.fixture(scope="module", autouse=True)
def warm_renderers() -> None:
    """Load fonts, theme and both renderers once, so every forked child starts warm."""
    from generator.build import renderer
    from generator.theme import load_theme

    load_theme()
    renderer("docx")
    renderer("pdf")


@settings(max_examples=50, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutations=MUTATIONS, parts=PARTS)
def test_fuzzed_trees_build_or_are_refused_clearly(
        mutations: list[tuple[tuple[Any, ...], Any]], parts: dict[str, Any]) -> None:
    outcome, data = _run(_source(_mutated(mutations, parts), [], "utf-8"))
    assert outcome.kind != "crash", f"{data[:2000]!r}\n{outcome.error}"
    if outcome.kind == "refused":
        assert outcome.problems
        for problem in outcome.problems:
            assert problem.file and problem.message and "\n" not in problem.message
    else:
        assert set(outcome.texts) == {"docx", "pdf"}
        assert all(outcome.texts.values())


def _run(data: bytes) -> tuple[Outcome, bytes]:
    """Build `data` as a findings file in a child process."""
    with tempfile.TemporaryDirectory(prefix="mtreport-fuzz-") as folder:
        source = Path(folder) / "funn.yaml"
        source.write_bytes(data)
        outcome = run_in_child(build_and_read, str(source), folder, timeout=TIMEOUT)
    return outcome, data


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(parts=PARTS, edits=RAW_EDITS, encoding=ENCODINGS, tail=st.one_of(
    st.just(b""), st.binary(max_size=80), WILD_TEXT.map(lambda t: t.encode("utf-8",
                                                                           "surrogatepass"))))
def test_raw_text_builds_or_is_refused_clearly(parts: dict[str, Any],
                                               edits: list[tuple[float, str]], encoding: str,
                                               tail: bytes) -> None:
    """Valid YAML edited as text (tabs, NULs, `---`, aliases, a BOM …), saved in another
    encoding or followed by arbitrary bytes: refused clearly, or built, and in time."""
    outcome, data = _run(_source(_mutated([], parts), edits, encoding) + tail)
    assert outcome.kind in ("refused", "built"), f"{data[-600:]!r}\n{outcome.error}"
    if outcome.kind == "refused":
        assert all(p.message and "\n" not in p.message for p in outcome.problems)
