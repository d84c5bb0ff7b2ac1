"""Scan a findings file for identifying data, pointing at file and line for each hit.

The scan walks the loaded tree (which keeps line marks) rather than the typed model, so
every warning can say where to look. Author names, signatures and the privacy settings
themselves are public or configuration, and are not scanned.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Problem
from generator.messages import message
from generator.model import Findings
from generator.privacy import find_sensitive
from generator.yamlload import Loaded, Path_, field_name

# Paths (as key sequences, ints wildcarded) whose text is not published prose.
_SKIP = {("privacy",), ("report", "authors"), ("foreword", "signature"),
         ("method", "informants", "*", "members"), ("method", "informants", "*", "id"),
         ("report", "isbn"), ("report", "partners"), ("references",), ("baseline",)}


def privacy_problems(loaded: Loaded, findings: Findings) -> list[Problem]:
    """Warnings for identity numbers, phones, e-mails, street addresses and listed names."""
    every = list(findings.privacy.names)  # validation added each pseudonymised name
    pseudonymised = set(findings.privacy.pseudonyms)
    replaced = [n for n in every if n not in pseudonymised]
    out = []
    for path, text in _texts(loaded.data, (), ()):
        # the report's own fields (cover, colophon, running header) print as written, so a
        # pseudonymised name there is a leak; everywhere else the pseudonym replaces it
        names = every if path[:1] == ("report",) else replaced
        for hit in find_sensitive(text, names):
            line, column = _position(loaded, path, text, hit.start, hit.text)
            out.append(Problem(loaded.file, line, column, field_name(path),
                               message(f"privacy.{hit.kind}", loaded.language, text=hit.text),
                               severity="warning"))
    return out


def _texts(node: Any, path: Path_, pattern: tuple[str, ...]) -> Iterator[tuple[Path_, str]]:
    """Every string value of the tree with its path, skipping non-published parts;
    `pattern` is the path with list indexes as "*"."""
    if pattern and _skipped(pattern):
        return
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*path, key), (*pattern, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, (*path, i), (*pattern, "*"))


def _skipped(pattern: tuple[str, ...]) -> bool:
    """Whether this very path is one of _SKIP (`_texts` asks at every level, so a path
    below a skipped one is never reached)."""
    return pattern in _SKIP


def _position(loaded: Loaded, path: Path_, text: str, offset: int,
              found: str) -> tuple[int | None, int | None]:
    """Line and column of the hit where the file spells it as printed; else its line
    (block scalars start on the line after their `|` or `>` mark) without a column."""
    where = loaded.spelled(path, text, found, text.count(found, 0, offset))
    if where is not None:
        return where.line, where.column
    mark = loaded.mark(path)
    if mark is None:
        return None, None
    if "\n" not in text:
        return mark.line, None
    return mark.line + 1 + text.count("\n", 0, offset), None
