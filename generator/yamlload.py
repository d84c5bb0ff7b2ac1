"""Read a findings file into a plain tree of strings with line marks, so nothing is guessed.

PyYAML's own loaders type scalars by YAML 1.1 rules (``no`` becomes False, ``0150``
becomes 104), keep the last of duplicate keys silently, expand aliases and recurse on
deep nesting. This loader builds the tree from the event stream instead, iteratively,
keeps every scalar as written, and turns every problem into a :class:`Problem`.

Decision: keys are compared as the strings they are, so ``1:`` and ``"1":`` are the same
key (a duplicate), while ``1:`` and ``true:`` are different keys.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NoReturn

import yaml

from generator.errors import FindingsError, Problem
from generator.messages import message

Path_ = tuple[str | int, ...]

MAX_DEPTH = 50
MAX_BYTES = 10 * 1024 * 1024
MAX_PROBLEMS = 50
_MAX_RAW_HITS = 200
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NOT_YAML_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# C0 and C1 controls (but tab and line ends), DEL, noncharacters and lone surrogates
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_LANG_VALUE = r"[ \t]*[\"']?(nb|nn|en)[\"']?[ \t]*(?:#[^\n]*)?\r?$"
_LANG_TOP = re.compile(r"^language:" + _LANG_VALUE, re.MULTILINE)
_LANG_REPORT = re.compile(
    r"^report:[ \t]*(?:#[^\n]*)?\r?\n(?:(?:[ \t#][^\n]*|\r?)\n)*?[ \t]+language:" + _LANG_VALUE,
    re.MULTILINE,
)
_UTF16_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


@dataclass(frozen=True)
class Mark:
    """A 1-based position in the file, so a later check can point at the line."""

    line: int
    column: int


@dataclass(frozen=True)
class Loaded:
    """The untyped tree of a findings file, with where each value and key was written."""

    file: str
    data: Any
    marks: dict[Path_, Mark]
    key_marks: dict[Path_, Mark]
    language: str = "nb"
    source: str = field(default="", repr=False, compare=False)  # the text as parsed
    ends: dict[Path_, Mark] = field(default_factory=dict, repr=False, compare=False)

    def mark(self, path: Path_) -> Mark | None:
        """Nearest known position, so a missing field can point at its parent."""
        for end in range(len(path), -1, -1):
            found = self.marks.get(path[:end])
            if found is not None:
                return found
        return None

    def spelled(self, path: Path_, value: str, needle: str, nth: int) -> Mark | None:
        """Where the `nth` (0-based) `needle` of the text value at `path` is written; None
        unless the file writes that value's needles as they read (not through an escape or
        across a folded line break), so a position is never a guess."""
        start, end = self.marks.get(path), self.ends.get(path)
        if not needle or start is None or end is None:
            return None
        first, last = self._offset(start), self._offset(end)
        if first is None or last is None:
            return None
        written = self.source[first:last]
        count = value.count(needle)
        if written.count(needle) != count or not 0 <= nth < count:
            return None
        found = -1
        for _ in range(nth + 1):
            found = written.find(needle, found + 1)
        line = bisect.bisect_right(self._line_starts, first + found)
        return Mark(line, first + found - self._line_starts[line - 1] + 1)

    def _offset(self, mark: Mark) -> int | None:
        starts = self._line_starts
        if not 1 <= mark.line <= len(starts):
            return None
        return starts[mark.line - 1] + mark.column - 1

    @cached_property
    def _line_starts(self) -> list[int]:
        """Offsets where the lines of the source begin, by YAML's line breaks."""
        return [0, *(m.end() for m in _LINE_BREAK.finditer(self.source))]


def field_name(path: Path_) -> str:
    """Spell a path the way an author reads it: ``results[0].questions[2].scores``."""
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(f".{part}" if parts else part)
    return "".join(parts)


class _Stop(Exception):
    """Parsing cannot usefully go on; the problems so far are reported."""


class _Report:
    """Collects problems in the author's language, and stops a run that has too many."""

    def __init__(self, file: str, lang: str) -> None:
        self.file = file
        self.lang = lang
        self.problems: list[Problem] = []

    def add(
        self, key: str, line: int | None, column: int | None, field: str = "", /, **kw: object
    ) -> None:
        """Record one problem; past the limit, say so and stop, so a flood stays readable."""
        text = message(key, self.lang, **kw)
        self.problems.append(Problem(self.file, line, column, field, text))
        if len(self.problems) >= MAX_PROBLEMS:
            count = len(self.problems)
            text = message("yaml.too_many", self.lang, count=count)
            self.problems.append(Problem(self.file, None, None, "", text))
            raise _Stop

    def fatal(self, key: str, line: int | None, column: int | None, /, **kw: object) -> NoReturn:
        """Record a problem after which nothing later in the file can be trusted."""
        self.add(key, line, column, **kw)
        raise _Stop


# --------------------------------------------------------------------------- text checks


def sniff_language(text: str) -> str:
    """Guess the report language from the raw text, so even syntax errors speak it."""
    found = _LANG_TOP.search(text) or _LANG_REPORT.search(text)
    return found.group(1) if found else "nb"


class _Positions:
    """1-based line and column of characters met in order, counting breaks as YAML does."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line, self.line_start, self.scanned = 1, 0, 0

    def of(self, index: int) -> tuple[int, int]:
        """Position of ``index`` (not before the previous one asked for)."""
        for brk in _LINE_BREAK.finditer(self.text, self.scanned, index):
            self.line, self.line_start = self.line + 1, brk.end()
        self.scanned = index
        return self.line, index - self.line_start + 1


def _code(char: str) -> str:
    """Name a character by its code point, since it is invisible."""
    return f"U+{ord(char):04X}"


def _utf16_name(data: bytes) -> str | None:
    """Recognise UTF-16/32 files (by BOM, or by NUL bytes in every other place)."""
    for bom, name in _UTF16_BOMS:
        if data.startswith(bom):
            return name
    sample = data[:256]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if (even == 0 and odd * 2 >= pairs) or (odd == 0 and even * 2 >= pairs):
        return "UTF-16"
    return None


def _decode(data: bytes, report: _Report) -> str:
    """Bytes to text: UTF-8 only (a BOM is fine), else say where the first bad byte is."""
    encoding = _utf16_name(data)
    if encoding:
        report.fatal("yaml.wrong_encoding", 1, 1, encoding=encoding)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        line_start = data.rfind(b"\n", 0, err.start) + 1
        column = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
        report.fatal("yaml.not_utf8", line, column, byte=f"0x{data[err.start]:02X}")


def _check_characters(text: str, report: _Report) -> None:
    """Report characters YAML refuses (NUL, raw control characters, lone surrogates)."""
    reported: set[tuple[str, int]] = set()
    positions = _Positions(text)
    for hits, found in enumerate(_NOT_YAML_CHAR.finditer(text)):
        if hits >= _MAX_RAW_HITS:
            break
        char = found.group()
        key = _raw_char_key(char)
        line, column = positions.of(found.start())
        once = (key, 0 if key == "yaml.nul" else line)  # one NUL report per file, else per line
        if once not in reported:
            reported.add(once)
            report.add(key, line, column, code=_code(char))
    if report.problems:
        raise _Stop


def _raw_char_key(char: str) -> str:
    """Which message fits a character YAML refuses."""
    if char == "\x00":
        return "yaml.nul"
    if "\ud800" <= char <= "\udfff":
        return "yaml.raw_surrogate"
    return "yaml.raw_control"


# --------------------------------------------------------------------------- tree building


_Container = dict[str, Any] | list[Any]


class _Frame:
    """One open mapping or sequence while the event stream is walked."""

    __slots__ = ("container", "key", "key_live", "key_mark", "live", "path", "seen")

    def __init__(self, container: _Container, path: Path_, live: bool) -> None:
        self.container = container
        self.path = path
        self.live = live  # False inside a rejected key or a duplicate: keep no marks
        self.seen: dict[str, int] = {}
        self.key: str | None = None  # None: the next scalar is a key
        self.key_live = True
        self.key_mark = Mark(0, 0)


def _mark(event: yaml.Event) -> Mark:
    """1-based start of an event."""
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


def _tag_text(tag: str) -> str:
    """Show a tag the way it was written (``!!python/object``, not the expanded URI)."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


class _Builder:
    """Turns PyYAML events into the tree, without recursion."""

    def __init__(self, report: _Report) -> None:
        self.report = report
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.root_empty = False
        self.has_root = False
        self.documents = 0
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.ends: dict[Path_, Mark] = {}  # where each scalar value ends
        self.last_line = 0  # where the last event began (see current_field)
        self.handlers = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.mapping_start,
            yaml.SequenceStartEvent: self.sequence_start,
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document_start,
        }

    def feed(self, events: Iterator[yaml.Event]) -> None:
        """Consume the whole event stream."""
        handlers = self.handlers
        for event in events:
            if not isinstance(event, _END_EVENTS):  # an end carries the next token's place
                self.last_line = event.start_mark.line + 1
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)

    def document_start(self, event: yaml.Event) -> None:
        """Only one document per file: a second one is most likely a stray ``---``."""
        self.documents += 1
        if self.documents > 1:
            mark = _mark(event)
            self.report.fatal("yaml.second_document", mark.line, mark.column)

    def expecting_key(self) -> _Frame | None:
        """The open mapping if the next node is its key, else None."""
        if self.stack:
            top = self.stack[-1]
            if top.key is None and isinstance(top.container, dict):
                return top
        return None

    def current_field(self, line: int, collection: bool = False) -> str:
        """The field the parser was reading when it stopped at `line`: the value being read,
        or the mapping whose next key it was looking for; with `collection`, the innermost
        open list or mapping itself. "" unless the parser's last event began on that line:
        libyaml may stop a token ahead of it (a tab in the next line's indentation stops it
        before the value at the end of this one), and a field is never a guess."""
        if not self.stack or line != self.last_line or not all(f.live for f in self.stack):
            return ""  # (a frame that is not live sits under a rejected key's placeholder)
        waiting = self.expecting_key()
        if collection or waiting is not None:
            return field_name((waiting or self.stack[-1]).path)
        path, live = self.slot()
        return field_name(path) if live else ""

    def slot(self) -> tuple[Path_, bool]:
        """Path of the next value, and whether it lands in the real tree."""
        if not self.stack:
            return (), True
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container)), top.live
        return (*top.path, top.key or ""), top.live and top.key_live

    def put(self, value: Any, path: Path_, live: bool, mark: Mark) -> None:
        """Attach a value at the current slot and remember where it was written."""
        if not self.stack:
            self.root, self.has_root = value, True
            self.marks[()] = mark
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
        else:
            if top.key_live:
                top.container[top.key or ""] = value
            if live:
                self.key_marks[path] = top.key_mark
            top.key = None
        if live:
            self.marks[path] = mark

    def take_key(self, top: _Frame, key: str, mark: Mark) -> None:
        """Accept a mapping key, refusing a repeated one (PyYAML would keep the last)."""
        first = top.seen.get(key)
        if first is not None:
            field = field_name((*top.path, key))
            self.report.add(
                "yaml.duplicate_key", mark.line, mark.column, field, key=key, first=first
            )
        else:
            top.seen[key] = mark.line
        top.key, top.key_live, top.key_mark = key, first is None, mark

    def check_text(self, value: str, path: Path_, mark: Mark) -> None:
        """Refuse characters Word and PDF cannot hold (they come from escapes like "\\x0b")."""
        found = _UNPRINTABLE.search(value)
        if found is None:
            return
        char = found.group()
        key = "yaml.control_char" if char <= "\x9f" else "yaml.invalid_char"
        self.report.add(key, mark.line, mark.column, field_name(path), code=_code(char))

    def refuse_tag(self, tag: str, path: Path_, mark: Mark) -> None:
        """Tags could ask for Python objects or types; none are wanted here."""
        self.report.add("yaml.tag", mark.line, mark.column, field_name(path), tag=_tag_text(tag))

    def scalar(self, event: yaml.ScalarEvent) -> None:
        """A key or a value; values stay strings, except a plain empty/null becomes None."""
        mark = _mark(event)
        raw: str = event.value
        top = self.expecting_key()
        if top is not None:
            path: Path_ = (*top.path, raw)
            if event.tag is not None:
                self.refuse_tag(event.tag, path, mark)
            self.check_text(raw, path, mark)
            self.take_key(top, raw, mark)
            return
        path, live = self.slot()
        if event.tag is not None:
            self.refuse_tag(event.tag, path, mark)
        self.check_text(raw, path, mark)
        plain = not event.style
        if not self.stack:
            self.root_empty = plain and raw == ""
        self.put(None if plain and raw in _NULLS else raw, path, live, mark)
        if live:
            self.ends[path] = Mark(event.end_mark.line + 1, event.end_mark.column + 1)

    def mapping_start(self, event: yaml.CollectionStartEvent) -> None:
        """Open a mapping."""
        self.start(event, {})

    def sequence_start(self, event: yaml.CollectionStartEvent) -> None:
        """Open a sequence."""
        self.start(event, [])

    def start(self, event: yaml.CollectionStartEvent, container: _Container) -> None:
        """Open a collection, refusing deep nesting and collections used as keys."""
        mark = _mark(event)
        if len(self.stack) >= MAX_DEPTH:
            self.report.fatal("yaml.too_deep", mark.line, mark.column, limit=MAX_DEPTH)
        top = self.expecting_key()
        if top is not None:
            self.report.add("yaml.complex_key", mark.line, mark.column, field_name(top.path))
            top.key, top.key_live, top.key_mark = "?", False, mark
            self.stack.append(_Frame(container, (*top.path, "?"), False))
            return
        path, live = self.slot()
        if event.tag is not None:
            self.refuse_tag(event.tag, path, mark)
        self.put(container, path, live, mark)
        self.stack.append(_Frame(container, path, live))

    def end(self, event: yaml.Event) -> None:
        """Close the innermost collection."""
        self.stack.pop()

    def alias(self, event: yaml.AliasEvent) -> None:
        """Refuse aliases: they make a tiny file expand into millions of values."""
        mark = _mark(event)
        top = self.expecting_key()
        field = field_name(top.path if top is not None else self.slot()[0])
        self.report.add("yaml.alias", mark.line, mark.column, field, name=event.anchor)
        if top is not None:
            top.key, top.key_live, top.key_mark = "*", False, mark
            return
        path, live = self.slot()
        self.put(None, path, live, mark)

    def check_root(self) -> None:
        """The file must be a non-empty mapping."""
        if not self.has_root or self.root_empty:
            self.report.add("yaml.empty", 1, 1)
        elif isinstance(self.root, list):
            mark = self.marks[()]
            self.report.add("yaml.root_is_list", mark.line, mark.column)
        elif not isinstance(self.root, dict):
            mark = self.marks[()]
            self.report.add("yaml.root_is_text", mark.line, mark.column)


# --------------------------------------------------------------------------- syntax errors

# (text in PyYAML's problem or context, message key, point at the context mark)
_SYNTAX: tuple[tuple[str, str, bool], ...] = (
    ("tab character", "yaml.tab", False),
    ("found character '\\t'", "yaml.tab", False),
    ("mapping values are not allowed", "yaml.colon_in_value", False),
    ("could not find expected ':'", "yaml.expected_colon", True),
    ("while scanning a quoted scalar", "yaml.unclosed_quote", True),
    ("expected ',' or ']'", "yaml.unclosed_flow", True),
    ("expected ',' or '}'", "yaml.unclosed_flow", True),
    ("unknown escape character", "yaml.bad_escape", False),
    ("invalid Unicode character escape", "yaml.bad_unicode_escape", False),
    ("while scanning an alias", "yaml.bad_anchor", True),
    ("while scanning an anchor", "yaml.bad_anchor", True),
    ("sequence entries are not allowed", "yaml.list_item_here", False),
    ("did not find expected comment or line break", "yaml.text_after_value", False),
    ("expected a comment or a line break", "yaml.text_after_value", False),
    ("cannot start any token", "yaml.bad_start_char", False),
    ("while parsing a flow node", "yaml.flow_node", False),
    ("while parsing a block node", "yaml.bad_start_char", False),
    ("<document start>", "yaml.second_document", False),
    ("did not find expected key", "yaml.bad_indent", False),
    ("expected <block end>", "yaml.bad_indent", False),
    ("did not find expected '-' indicator", "yaml.bad_indent", False),
)


# Errors inside the value being read (an escape, an unclosed quote or bracket, an anchor),
# whose field the parser knows. Errors after a value (text after it, a stray colon or dash,
# an indent) name none: the parser has moved on to the next slot, or the line's value has
# not reached it yet.
_IN_A_VALUE = frozenset({"yaml.bad_escape", "yaml.bad_unicode_escape", "yaml.unclosed_quote",
                         "yaml.unclosed_flow", "yaml.bad_anchor"})
_END_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.DocumentEndEvent,
               yaml.StreamEndEvent)


def _line_text(text: str, line: int) -> str:
    """The text of one 0-based line (only used on the error path)."""
    lines = text.splitlines()
    return lines[line] if 0 <= line < len(lines) else ""


def _refine(key: str, text: str, mark: yaml.Mark) -> tuple[str, dict[str, object]]:
    """Sharpen a message using the character the parser stopped at."""
    line = _line_text(text, mark.line)
    char = line[mark.column] if 0 <= mark.column < len(line) else ""
    if char == "\t" and key in ("yaml.bad_start_char", "yaml.bad_indent"):
        return "yaml.tab", {}
    if key == "yaml.bad_start_char":
        return key, {"char": char or "?"}
    if key == "yaml.bad_indent" and char == "-":
        return "yaml.list_item_here", {}
    if key == "yaml.bad_indent" and mark.column > len(line) - len(line.lstrip(" ")):
        return "yaml.text_after_value", {}
    return key, {}


def _syntax_problem(err: yaml.YAMLError, text: str, report: _Report,
                    builder: _Builder) -> None:
    """Report a scanner/parser error as one friendly line at the right place, naming the
    field the parser was in where that is certain (see _Builder.current_field)."""
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    context = getattr(err, "context", None) or ""
    mark = getattr(err, "problem_mark", None)
    for needle, key, use_context in _SYNTAX:
        if needle in problem or needle in context:
            if use_context and getattr(err, "context_mark", None) is not None:
                mark = err.context_mark
            if mark is None:
                break
            key, kw = _refine(key, text, mark)
            # an unclosed bracket is reported where it opens: the list or mapping is at fault
            field = (builder.current_field(mark.line + 1, key == "yaml.unclosed_flow")
                     if key in _IN_A_VALUE else "")
            report.add(key, mark.line + 1, mark.column + 1, field, **kw)
            return
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    report.add("yaml.syntax", line, column, "", problem=problem)


# --------------------------------------------------------------------------- entry points


def _parse(text: str | bytes, builder: _Builder, report: _Report) -> str:
    """Check the raw text, then walk its events; raises _Stop when it cannot go on.
    Returns the text as parsed (decoded, without a byte-order mark)."""
    if len(text) > MAX_BYTES:
        report.fatal("yaml.file_too_large", None, None, limit=MAX_BYTES // (1024 * 1024))
    source = _decode(text, report) if isinstance(text, bytes) else text.removeprefix("\ufeff")
    _check_characters(source, report)
    try:
        builder.feed(yaml.parse(source, Loader=_LOADER))
    except yaml.YAMLError as err:
        _syntax_problem(err, source, report, builder)
        raise _Stop from None
    builder.check_root()
    return source


def load_text(text: str | bytes, file: str = "<string>") -> Loaded:
    """Parse findings text (bytes must be UTF-8); raise FindingsError with every problem."""
    raw = text.decode("latin-1") if isinstance(text, bytes) else text
    report = _Report(file, sniff_language(raw))
    builder = _Builder(report)
    source = ""
    with contextlib.suppress(_Stop):
        source = _parse(text, builder, report)
    if report.problems:
        raise FindingsError(report.problems)
    return Loaded(file, builder.root, builder.marks, builder.key_marks, report.lang, source,
                  builder.ends)


def _read(name: str, report: _Report) -> bytes:
    """Read a file's bytes, turning each way this can fail into a problem."""
    try:
        if os.path.isdir(name):
            report.fatal("yaml.file_is_folder", None, None)
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        report.fatal("yaml.file_missing", None, None)
    except IsADirectoryError:
        report.fatal("yaml.file_is_folder", None, None)
    except PermissionError:
        report.fatal("yaml.file_no_permission", None, None)
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        report.fatal("yaml.file_unreadable", None, None, reason=reason)
    if len(data) > MAX_BYTES:
        report.fatal("yaml.file_too_large", None, None, limit=MAX_BYTES // (1024 * 1024))
    return data


def load_file(path: str | os.PathLike[str]) -> Loaded:
    """Read and parse a findings file; a missing, unreadable or huge file is a problem too."""
    name = os.fsdecode(path)
    report = _Report(name, "nb")
    try:
        data = _read(name, report)
    except _Stop:
        raise FindingsError(report.problems) from None
    return load_text(data, name)
