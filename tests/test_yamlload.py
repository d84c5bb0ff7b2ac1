"""The loader keeps every scalar as written, marks every value, and never shows a traceback."""

from __future__ import annotations

import os
import string
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import generator.yamlload as yamlload
from generator.errors import FindingsError, Problem
from generator.messages import CATALOGUES, message
from generator.yamlload import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_PROBLEMS,
    Mark,
    field_name,
    load_file,
    load_text,
)

HAS_LIBYAML = hasattr(yaml, "CSafeLoader")
LOADERS = [
    pytest.param(
        "libyaml", marks=pytest.mark.skipif(not HAS_LIBYAML, reason="PyYAML built without libyaml")
    ),
    "python",
]


@pytest.fixture(params=LOADERS)
def either_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with libyaml and with the pure-Python parser (the fallback must agree)."""
    if request.param == "python":
        monkeypatch.setattr(yamlload, "_LOADER", yaml.SafeLoader)
    yield request.param


def problems_of(source: str | bytes) -> list[Problem]:
    """The problems a text yields (failing the test if it loads)."""
    with pytest.raises(FindingsError) as caught:
        load_text(source, "f.yaml")
    assert all(p.file == "f.yaml" for p in caught.value.problems)
    return caught.value.problems


def only_problem(source: str | bytes) -> Problem:
    """The single problem a text yields."""
    found = problems_of(source)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def assert_problem(
    problem: Problem,
    key: str,
    line: int | None,
    column: int | None = None,
    field: str = "",
    /,
    lang: str = "nb",
    **kw: object,
) -> None:
    """Compare a problem with the message it should carry, and where."""
    assert (problem.line, problem.field, problem.message) == (line, field, message(key, lang, **kw))
    if column is not None:
        assert problem.column == column


# --------------------------------------------------------------------------- scalars


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("no", "no"),
        ("NO", "NO"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("true", "true"),
        ("0150", "0150"),
        ("1.10", "1.10"),
        ("2024-05-17", "2024-05-17"),
        ("2024-05-17T10:00:00Z", "2024-05-17T10:00:00Z"),
        ("+4712345678", "+4712345678"),
        ("0x1F", "0x1F"),
        ("1e3", "1e3"),
        (".inf", ".inf"),
        ("12:30", "12:30"),
        ("'no'", "no"),
        ('"null"', "null"),
        ("'~'", "~"),
        ("''", ""),
        ('""', ""),
        ("'it''s'", "it's"),
        ('"a\\tb\\r\\n"', "a\tb\r\n"),
        ("blåbær «sitat» – ŋ", "blåbær «sitat» – ŋ"),
        ("|\n  line one\n  line two\n", "line one\nline two\n"),
        (">-\n  folded\n  text\n", "folded text"),
        ("", None),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("nULL", "nULL"),
    ],
)
def test_scalars_stay_as_written(either_loader: str, written: str, expected: str | None) -> None:
    assert load_text(f"språk: {written}\n").data == {"språk": expected}


def test_keys_are_strings(either_loader: str) -> None:
    text = "1: a\ntrue: b\nyes: c\nnull: d\n~: e\n0150: f\n"
    loaded = load_text(text)
    assert loaded.data == {"1": "a", "true": "b", "yes": "c", "null": "d", "~": "e", "0150": "f"}
    assert all(isinstance(key, str) for key in loaded.data)


def test_collections_keep_order_and_types(either_loader: str) -> None:
    text = "z: [b, 2, '']\na: {y: no, x: ~}\nm: []\nn: {}\n"
    loaded = load_text(text)
    assert loaded.data == {"z": ["b", "2", ""], "a": {"y": "no", "x": None}, "m": [], "n": {}}
    assert list(loaded.data) == ["z", "a", "m", "n"]
    assert list(loaded.data["a"]) == ["y", "x"]


def test_anchor_alone_is_harmless(either_loader: str) -> None:
    assert load_text("a: &x 1\nb: &y [c]\n").data == {"a": "1", "b": ["c"]}


# --------------------------------------------------------------------------- marks

MARKED = """\
report:
  title: Rapport
results:
  - id: r1
    scores: [1, 2]
  - id: r2
    note:
  - plain
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_marks_of_values_and_keys(either_loader: str, newline: str) -> None:
    loaded = load_text(MARKED.replace("\n", newline), "x.yaml")
    assert loaded.file == "x.yaml"
    assert loaded.data == {
        "report": {"title": "Rapport"},
        "results": [{"id": "r1", "scores": ["1", "2"]}, {"id": "r2", "note": None}, "plain"],
    }
    assert loaded.marks == {
        (): Mark(1, 1),
        ("report",): Mark(2, 3),
        ("report", "title"): Mark(2, 10),
        ("results",): Mark(4, 3),
        ("results", 0): Mark(4, 5),
        ("results", 0, "id"): Mark(4, 9),
        ("results", 0, "scores"): Mark(5, 13),
        ("results", 0, "scores", 0): Mark(5, 14),
        ("results", 0, "scores", 1): Mark(5, 17),
        ("results", 1): Mark(6, 5),
        ("results", 1, "id"): Mark(6, 9),
        ("results", 1, "note"): Mark(7, 10),
        ("results", 2): Mark(8, 5),
    }
    assert loaded.key_marks == {
        ("report",): Mark(1, 1),
        ("report", "title"): Mark(2, 3),
        ("results",): Mark(3, 1),
        ("results", 0, "id"): Mark(4, 5),
        ("results", 0, "scores"): Mark(5, 5),
        ("results", 1, "id"): Mark(6, 5),
        ("results", 1, "note"): Mark(7, 5),
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("results", 0, "scores", 1), Mark(5, 17)),
        (("results", 0, "missing"), Mark(4, 5)),
        (("results", 0, "scores", 9, "deeper"), Mark(5, 13)),
        (("nowhere", 3), Mark(1, 1)),
        ((), Mark(1, 1)),
    ],
)
def test_mark_walks_up_to_nearest_known(path: tuple[str | int, ...], expected: Mark) -> None:
    assert load_text(MARKED).mark(path) == expected


def test_mark_of_empty_tree_is_none() -> None:
    loaded = yamlload.Loaded("f", {}, {}, {}, "nb")
    assert loaded.mark(("a",)) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ((), ""),
        (("title",), "title"),
        (("results", 0, "questions", 2, "scores"), "results[0].questions[2].scores"),
        ((0, "a"), "[0].a"),
        (("a", 1, 2), "a[1][2]"),
    ],
)
def test_field_name(path: tuple[str | int, ...], expected: str) -> None:
    assert field_name(path) == expected


# --------------------------------------------------------------------------- duplicate keys


def test_duplicate_key_names_both_lines(either_loader: str) -> None:
    problem = only_problem("title: a\nsubtitle: b\ntitle: c\n")
    assert_problem(problem, "yaml.duplicate_key", 3, 1, "title", key="title", first=1)


def test_duplicate_keys_all_reported_with_paths(either_loader: str) -> None:
    text = "a: 1\nb:\n  - x: 1\n    y: 2\n    x: 3\na: 4\n"
    first, second = problems_of(text)
    assert_problem(first, "yaml.duplicate_key", 5, 5, "b[0].x", key="x", first=3)
    assert_problem(second, "yaml.duplicate_key", 6, 1, "a", key="a", first=1)


def test_quoted_and_plain_key_are_the_same_string(either_loader: str) -> None:
    """Keys are strings as written, so ``1:`` and ``"1":`` are one key, repeated."""
    problem = only_problem('1: a\n"1": b\n')
    assert_problem(problem, "yaml.duplicate_key", 2, 1, "1", key="1", first=1)


def test_keys_that_yaml_would_merge_stay_apart(either_loader: str) -> None:
    assert load_text("1: a\ntrue: b\nyes: c\n1.0: d\n").data == {
        "1": "a",
        "true": "b",
        "yes": "c",
        "1.0": "d",
    }


def test_duplicate_inside_a_duplicate_does_not_disturb_marks(either_loader: str) -> None:
    found = problems_of("a:\n  b: 1\na:\n  b: 2\n  b: 3\n")
    assert [p.line for p in found] == [3, 5]


# --------------------------------------------------------------------------- refused YAML features


def test_alias_is_refused_on_its_line(either_loader: str) -> None:
    problem = only_problem("a: &x [1]\nb:\n  - *x\n")
    assert_problem(problem, "yaml.alias", 3, 5, "b[0]", name="x")


def test_alias_as_key_is_refused(either_loader: str) -> None:
    problem = only_problem("a: &k key\n*k : 2\n")
    assert_problem(problem, "yaml.alias", 2, 1, "", name="k")


BILLION_LAUGHS = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{name}: &{name} [{','.join(['*' + prev] * 9)}]"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)


def test_billion_laughs_fails_fast(either_loader: str) -> None:
    start = time.perf_counter()
    found = problems_of(BILLION_LAUGHS)
    assert time.perf_counter() - start < 0.5
    assert len(found) == MAX_PROBLEMS + 1
    assert_problem(found[0], "yaml.alias", 2, 8, "b[0]", name="a")
    assert_problem(found[-1], "yaml.too_many", None, count=MAX_PROBLEMS)


@pytest.mark.parametrize(
    ("text", "line", "column", "field", "tag"),
    [
        ("a: !!python/object:os.system {}\n", 1, 4, "a", "!!python/object:os.system"),
        ("a: !foo x\n", 1, 4, "a", "!foo"),
        ("a:\n  - !!str 1\n", 2, 5, "a[0]", "!!str"),
        ("a: ! x\n", 1, 4, "a", "!"),
        ("!!map\na: 1\n", 1, 1, "", "!!map"),
        ("!!int k: 1\n", 1, 1, "k", "!!int"),
    ],
)
def test_tags_are_refused(
    either_loader: str, text: str, line: int, column: int, field: str, tag: str
) -> None:
    assert_problem(only_problem(text), "yaml.tag", line, column, field, tag=tag)


def test_collection_key_is_refused_and_rest_still_checked(either_loader: str) -> None:
    found = problems_of("? [a, b]\n: 1\nc: 2\nc: 3\n")
    assert_problem(found[0], "yaml.complex_key", 1, 3, "")
    assert_problem(found[1], "yaml.duplicate_key", 4, 1, "c", key="c", first=3)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\n---\nb: 2\n", 2),
        ("---\na: 1\n---\nb: 2\n", 3),
        ("a: 1\n--- \n", 2),
        ("a: 1\n...\n---\nb: 2\n", 3),
    ],
)
def test_second_document_is_refused(either_loader: str, text: str, line: int) -> None:
    assert_problem(only_problem(text), "yaml.second_document", line, 1)


@pytest.mark.parametrize("text", ["---\na: 1\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n"])
def test_one_explicit_document_is_fine(either_loader: str, text: str) -> None:
    assert load_text(text).data == {"a": "1"}


# --------------------------------------------------------------------------- nesting


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "a: " + "{b: " * 10_000 + "}" * 10_000 + "\n",
        "a:\n" + "- " * 10_000 + "x\n",
    ],
    ids=["flow-lists", "flow-maps", "block-lists"],
)
def test_very_deep_nesting_is_a_problem_not_a_crash(either_loader: str, text: str) -> None:
    problem = only_problem(text)
    assert problem.line in (1, 2)
    assert problem.message == message("yaml.too_deep", "nb", limit=MAX_DEPTH)


def test_deep_block_mappings_name_the_line(either_loader: str) -> None:
    text = "".join(f"{'  ' * level}k{level}:\n" for level in range(60))
    problem = only_problem(text)
    assert_problem(problem, "yaml.too_deep", MAX_DEPTH + 1, 2 * MAX_DEPTH + 1, limit=MAX_DEPTH)


def test_depth_limit_is_exact(either_loader: str) -> None:
    """The root mapping is level 1: 49 nested lists fit, 50 do not."""
    inner = MAX_DEPTH - 1
    value = load_text("a: " + "[" * inner + "]" * inner).data["a"]
    levels = 0
    while isinstance(value, list):
        levels, value = levels + 1, value[0] if value else None
    assert levels == inner
    problem = only_problem("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH)
    assert_problem(problem, "yaml.too_deep", 1, 4 + MAX_DEPTH - 1, limit=MAX_DEPTH)


# --------------------------------------------------------------------------- syntax errors


@pytest.mark.parametrize(
    "text",
    ["a:\n\tb: 1\n", "a:\n  b: 1\n\tc: 2\n", "a: |\n  x\n\ty\n"],
)
def test_tab_indentation(either_loader: str, text: str) -> None:
    problem = only_problem(text)
    assert problem.line == text.count("\n", 0, text.index("\t")) + 1
    assert problem.message == message("yaml.tab", "nb")


@pytest.mark.skipif(not HAS_LIBYAML, reason="messages are matched on libyaml's wording")
# A field is named only for an error inside the value being read (an escape, an unclosed
# quote or bracket, an anchor) when the parser got that far on the error's line; an error
# after a value, or one the parser reached a token early, names none rather than a wrong one.
@pytest.mark.parametrize(
    ("text", "key", "line", "column", "field", "kw"),
    [
        ("a: b: c\n", "yaml.colon_in_value", 1, 5, "", {}),
        ("summary: This is\na long text\nb: 1\n", "yaml.expected_colon", 2, 1, "", {}),
        ("a:\n  b: 1\n c: 2\n", "yaml.bad_indent", 3, 2, "", {}),
        ("a: 'it's'\n", "yaml.text_after_value", 1, 8, "", {}),
        ("a: 1\n- b\n", "yaml.list_item_here", 2, 1, "", {}),
        ("a: -\n", "yaml.list_item_here", 1, 4, "", {}),
        ('a: "abc\n\nb: 1\n', "yaml.unclosed_quote", 1, 4, "a", {}),
        ("a: [1, 2\nb: 3\n", "yaml.unclosed_flow", 1, 4, "a", {}),
        ("a: {x: 1\n", "yaml.unclosed_flow", 1, 4, "a", {}),
        ("a: [\n", "yaml.flow_node", 2, 1, "", {}),  # stopped at the end, not on line 1
        ("a: @x\n", "yaml.bad_start_char", 1, 4, "", {"char": "@"}),
        ("a: `x`\n", "yaml.bad_start_char", 1, 4, "", {"char": "`"}),
        ("a: ]\n", "yaml.bad_start_char", 1, 4, "", {"char": "]"}),
        ('a: "C:\\q"\n', "yaml.bad_escape", 1, 7, "a", {}),
        ("a: *important*\n", "yaml.bad_anchor", 1, 4, "a", {}),
        ("report:\n  title: 'x'\n  date: \"\\ud800\"\n", "yaml.bad_unicode_escape", 3, 12,
         "report.date", {}),
        # after a finished value the parser's next slot is not at fault: no field
        ("q:\n  - quotes:\n      - \"Jeg ble roligere\" sa hun\n      - Neste\n",
         "yaml.text_after_value", 3, 28, "", {}),
        ("report:\n  keywords:\n    - musikk\n    - \"rus\" og helse\n  date: 2025\n",
         "yaml.text_after_value", 4, 13, "", {}),
        ("results:\n  - title: Trygghet\n    questions:\n  summary: x\n", "yaml.bad_indent",
         4, 3, "", {}),
        ("report:\n  title: 'Musikk' i rus\n", "yaml.text_after_value", 2, 19, "", {}),
    ],
)
def test_syntax_errors_in_plain_words(
    text: str, key: str, line: int, column: int, field: str, kw: dict[str, object]
) -> None:
    assert_problem(only_problem(text), key, line, column, field, **kw)


def test_a_syntax_error_under_a_refused_key_names_no_made_up_field() -> None:
    with pytest.raises(FindingsError) as caught:
        load_text('r:\n  *x : "y\\q"\n', "f.yaml")
    refused, syntax = caught.value.problems
    assert (refused.line, refused.field) == (2, "r")  # the alias used as a key
    assert (syntax.line, syntax.column, syntax.field) == (2, 10, "")


def test_unknown_syntax_error_falls_back_to_pyyaml_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kw: object) -> Iterator[Any]:
        raise yaml.scanner.ScannerError(
            problem="something new", problem_mark=yaml.Mark("x", 0, 2, 4, None, None)
        )
        yield

    monkeypatch.setattr(yamlload.yaml, "parse", broken)
    problem = only_problem("a: 1\n")
    assert_problem(problem, "yaml.syntax", 3, 5, problem="something new")


def test_syntax_error_keeps_earlier_problems(either_loader: str) -> None:
    found = problems_of("a: 1\na: 2\nb: [\n")
    assert [p.line for p in found] == [2, 4]
    assert found[0].message == message("yaml.duplicate_key", "nb", key="a", first=1)


# --------------------------------------------------------------------------- characters and bytes


def test_bom_is_accepted(either_loader: str) -> None:
    assert load_text(b"\xef\xbb\xbfa: 1\n").data == {"a": "1"}
    assert load_text("\ufeffa: 1\n").marks[("a",)] == Mark(1, 4)


def test_crlf_bytes(either_loader: str) -> None:
    loaded = load_text("a: æ\r\nb:\r\n  - x\r\n".encode())
    assert loaded.data == {"a": "æ", "b": ["x"]}
    assert loaded.marks[("b", 0)] == Mark(3, 5)


@pytest.mark.parametrize(
    ("source", "line", "column", "byte"),
    [
        ("tittel: blåbær\n".encode("latin-1"), 1, 11, "0xE5"),
        ("a: ok\nb: søt\n".encode("cp1252"), 2, 5, "0xF8"),
        ("a: «ok»\nb: é\n".encode()[:-3] + b"\xe9\n", 2, 4, "0xE9"),
    ],
)
def test_non_utf8_bytes_name_the_first_bad_byte(
    source: bytes, line: int, column: int, byte: str
) -> None:
    assert_problem(only_problem(source), "yaml.not_utf8", line, column, byte=byte)


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_utf16_files_are_named(encoding: str, name: str) -> None:
    source = "tittel: blåbær\nspråk: nb\n".encode(encoding)
    assert_problem(only_problem(source), "yaml.wrong_encoding", 1, 1, encoding=name)


@pytest.mark.parametrize("source", [b"a: 1\nb: x\x00y\n", "a: 1\nb: x\x00y\n"])
def test_nul_byte(source: str | bytes) -> None:
    assert_problem(only_problem(source), "yaml.nul", 2, 5)


def test_many_nul_bytes_are_one_problem() -> None:
    assert_problem(only_problem(b"a: 1\n" + b"\x00" * 10_000), "yaml.nul", 2, 1)


def test_raw_control_characters_each_line(either_loader: str) -> None:
    found = problems_of("a: x\x0by\nb: ok\nc: \x1b[1m\x1b\n")
    assert_problem(found[0], "yaml.raw_control", 1, 5, code="U+000B")
    assert_problem(found[1], "yaml.raw_control", 3, 4, code="U+001B")
    assert len(found) == 2


def test_lone_surrogate_in_str(either_loader: str) -> None:
    problem = only_problem("a: x\nb: \ud800\n")
    assert_problem(problem, "yaml.raw_surrogate", 2, 4, code="U+D800")


def test_lone_surrogate_escape(either_loader: str) -> None:
    """libyaml refuses the escape itself; the Python parser lets it through to our check."""
    problem = only_problem('a: ok\nb: "x\\ud800"\n')
    assert problem.line == 2
    if either_loader == "python":
        assert_problem(problem, "yaml.invalid_char", 2, 4, "b", code="U+D800")
    else:
        assert problem.message == message("yaml.bad_unicode_escape", "nb")


@pytest.mark.parametrize(
    ("text", "field", "line", "column", "key", "code"),
    [
        ('a: "\\x0b"\n', "a", 1, 4, "yaml.control_char", "U+000B"),
        ('a: "x\\0"\n', "a", 1, 4, "yaml.control_char", "U+0000"),
        ('a:\n  - ok\n  - "\\e[1m"\n', "a[1]", 3, 5, "yaml.control_char", "U+001B"),
        ('a: {b: "\\f"}\n', "a.b", 1, 8, "yaml.control_char", "U+000C"),
        ('a: "\\uffff"\n', "a", 1, 4, "yaml.invalid_char", "U+FFFF"),
        ('a: "\\ufffe"\n', "a", 1, 4, "yaml.invalid_char", "U+FFFE"),
        ('"k\\x01": v\n', "k\x01", 1, 1, "yaml.control_char", "U+0001"),
    ],
)
def test_unprintable_escapes_name_the_field(
    either_loader: str, text: str, field: str, line: int, column: int, key: str, code: str
) -> None:
    assert_problem(only_problem(text), key, line, column, field, code=code)


def test_tab_newline_cr_escapes_are_fine(either_loader: str) -> None:
    assert load_text('a: "x\\ty\\nz\\r"\n').data == {"a": "x\ty\nz\r"}


def test_independent_problems_are_collected(either_loader: str) -> None:
    text = 'a: "\\x0b"\nb: 1\nb: 2\nc: *x\nd: !foo e\nf: "\\x1b"\n'
    found = problems_of(text)
    assert [(p.line, p.field) for p in found] == [(1, "a"), (3, "b"), (4, "c"), (5, "d"), (6, "f")]


# --------------------------------------------------------------------------- empty files and root


@pytest.mark.parametrize(
    "source",
    ["", "\n\n", "   \n", "# only comments\n# here\n", "---\n", "---\n...\n", b"", b"\xef\xbb\xbf"],
)
def test_empty_file(either_loader: str, source: str | bytes) -> None:
    assert_problem(only_problem(source), "yaml.empty", 1, 1)


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("- a\n- b\n", "yaml.root_is_list", 1),
        ("# c\n[a, b]\n", "yaml.root_is_list", 2),
        ("just some text\n", "yaml.root_is_text", 1),
        ("'quoted'\n", "yaml.root_is_text", 1),
        ("''\n", "yaml.root_is_text", 1),
        ("~\n", "yaml.root_is_text", 1),
        ("null\n", "yaml.root_is_text", 1),
    ],
)
def test_root_must_be_a_mapping(either_loader: str, text: str, key: str, line: int) -> None:
    assert_problem(only_problem(text), key, line, 1)


def test_too_large_text() -> None:
    assert_problem(only_problem("a" * (MAX_BYTES + 1)), "yaml.file_too_large", None, limit=10)


# --------------------------------------------------------------------------- files


def test_load_file(tmp_path: Path) -> None:
    path = tmp_path / "funn.yaml"
    path.write_bytes("tittel: Blåbær\r\n".encode())
    loaded = load_file(path)
    assert (loaded.file, loaded.data) == (str(path), {"tittel": "Blåbær"})
    assert load_file(str(path)).data == loaded.data


def file_problem(path: str | os.PathLike[str]) -> Problem:
    """The single problem of loading a path."""
    with pytest.raises(FindingsError) as caught:
        load_file(path)
    (problem,) = caught.value.problems
    assert problem.file == os.fspath(path)
    return problem


def test_missing_file(tmp_path: Path) -> None:
    assert_problem(file_problem(tmp_path / "nope.yaml"), "yaml.file_missing", None)


def test_folder(tmp_path: Path) -> None:
    assert_problem(file_problem(tmp_path), "yaml.file_is_folder", None)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert_problem(file_problem(path), "yaml.file_too_large", None, limit=10)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("a: 1\n")
    path.chmod(0)
    try:
        assert_problem(file_problem(path), "yaml.file_no_permission", None)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    ("error", "key", "kw"),
    [
        (PermissionError(13, "Permission denied"), "yaml.file_no_permission", {}),
        (OSError(5, "I/O error"), "yaml.file_unreadable", {"reason": "I/O error"}),
        (IsADirectoryError(21, "Is a directory"), "yaml.file_is_folder", {}),
        (ValueError("embedded null"), "yaml.file_unreadable", {"reason": "embedded null"}),
    ],
)
def test_open_errors(
    monkeypatch: pytest.MonkeyPatch, error: Exception, key: str, kw: dict[str, object]
) -> None:
    def failing_open(*_args: object, **_kw: object) -> Any:
        raise error

    monkeypatch.setattr(yamlload, "open", failing_open, raising=False)
    assert_problem(file_problem("some.yaml"), key, None, **kw)


def test_file_problems_carry_line_and_file(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("a: 1\na: 2\n")
    with pytest.raises(FindingsError) as caught:
        load_file(path)
    assert str(caught.value) == f"{path}:2:1: a: " + message(
        "yaml.duplicate_key", "nb", key="a", first=1
    )


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("a: 1\n", "nb"),
        ("language: en\na: 1\n", "en"),
        ("a: 1\nlanguage: 'nn'  # nynorsk\n", "nn"),
        ('language: "en"\r\na: 1\r\n', "en"),
        ("report:\n  title: x\n\n  # c\n  language: en\na: 1\n", "en"),
        ("report:\n  language: nn\n", "nn"),
        ("language: de\n", "nb"),
        ("other:\n  language: en\n", "nb"),
        ("report:\n  title: x\nother:\n  language: en\n", "nb"),
        ("  language: en\n", "nb"),
    ],
)
def test_language_sniffing(text: str, lang: str) -> None:
    assert load_text(text).language == lang


def test_messages_follow_the_sniffed_language() -> None:
    problem = only_problem("language: en\ntitle: a\ntitle: b\n")
    assert problem.message == "duplicate key 'title' (first at line 2)"
    problem = only_problem("language: nn\ntitle: a\ntitle: b\n")
    assert problem.message == "nøkkelen «title» står to gonger (første gong på linje 2)"
    problem = only_problem(b"language: en\n\xff: 1\n")
    assert problem.message.startswith("the file is not valid UTF-8")


# --------------------------------------------------------------------------- messages


def test_catalogues_have_the_same_keys() -> None:
    assert set(CATALOGUES["nn"]) == set(CATALOGUES["nb"]) == set(CATALOGUES["en"])


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_message_formats(lang: str) -> None:
    for key, text in CATALOGUES[lang].items():
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        text = message(key, lang, **{name: "⟨X⟩" for name in names})
        assert text.count("⟨X⟩") >= len(names)
        assert "\n" not in text  # one line per problem


def test_message_fallbacks() -> None:
    assert message("yaml.empty", "sv") == message("yaml.empty", "nb") == "filen er tom"
    assert message("yaml.empty", "nn") == "fila er tom"
    assert message("yaml.empty", "en") == "the file is empty"
    with pytest.raises(KeyError):
        message("yaml.no_such_message", "en")


# --------------------------------------------------------------------------- speed


# --------------------------------------------------------------------------- properties

XML_TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\ufffe\uffff",
    )
    | st.sampled_from("\t\n\r :-#&*!|>'\"%@`{}[],?~"),
    max_size=20,
)
TREES = st.recursive(
    XML_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(XML_TEXT, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(XML_TEXT, TREES, min_size=1, max_size=5))
def test_dump_then_load_gives_the_same_tree(tree: dict[str, Any]) -> None:
    text = yaml.safe_dump(tree, allow_unicode=True)
    assert load_text(text).data == tree


YAMLISH = st.lists(
    st.sampled_from(
        [
            *"ab1 :-#&*!|>'\"%@`{}[],?~\t\n\r\\x0u",
            *["\x00", "\x0b", "\ud800", "é", "\n- ", "\n  "],
            *["---", "...", ": ", "!!", "&a ", "*a", "? "],
        ]
    ),
    max_size=50,
).map("".join)
PARSERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if HAS_LIBYAML else [])]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200) | YAMLISH)
def test_never_anything_but_findings_error(source: str | bytes) -> None:
    for loader in PARSERS:
        with mock.patch.object(yamlload, "_LOADER", loader):
            try:
                loaded = load_text(source)
            except FindingsError as err:
                assert err.problems
                assert all(p.message and "\n" not in p.message for p in err.problems)
            else:
                assert isinstance(loaded.data, dict)
