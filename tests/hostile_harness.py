"""Running one findings file through the whole build in a child process, with a time limit.

Shared by tests/test_hostile.py and tests/test_fuzz.py. The child runs `generator.build.build`
for both formats, then reads what was written back (python-docx for the Word file, pypdf for
the PDF) and sends an `Outcome` to the parent. Anything but a FindingsError is a crash; a child
that does not answer in time is killed, so a hang fails a test instead of stalling CI.
"""

from __future__ import annotations

import builtins
import io
import multiprocessing
import os
import re
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

FORMATS = ("docx", "pdf")

# fork is cheap and inherits the warmed-up fonts and theme; spawn where there is no fork
_CONTEXT = multiprocessing.get_context(
    "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


@dataclass
class Outcome:
    """What one build came to, in plain data the parent can check."""

    kind: str  # "built", "refused" or "crash"
    problems: list[Any] = field(default_factory=list)  # generator.errors.Problem
    texts: dict[str, str] = field(default_factory=dict)  # format → all printed text
    images: dict[str, int] = field(default_factory=dict)  # format → images embedded
    seconds: dict[str, float] = field(default_factory=dict)  # "check", "docx", "pdf" …
    reads: dict[str, tuple[int, int]] = field(default_factory=dict)  # watched: (opens, bytes)
    error: str = ""  # the traceback of a crash


def run_in_child(work: Callable[..., Any], *args: Any, timeout: float) -> Any:
    """`work(*args)` in a child process; fail the test if it hangs or dies without answering."""
    receive, send = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_answer, args=(send, work, args), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            child.kill()
            pytest.fail(f"{getattr(work, '__name__', work)}{args!r} did not finish within "
                        f"{timeout} s (a hang)")
        try:
            return receive.recv()
        except EOFError:
            child.join(5)
            pytest.fail(f"the child process died without an answer (exit {child.exitcode})")
    finally:
        receive.close()
        child.join(5)
        if child.is_alive():
            child.kill()


def _answer(send: Any, work: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        result = work(*args)
    except BaseException:  # the child must always answer; the parent judges
        result = Outcome("crash", error=traceback.format_exc())
    send.send(result)
    send.close()


# --------------------------------------------------------------------------- in the child


def build_and_read(source: str, outdir: str, watch: tuple[str, ...] = ()) -> Outcome:
    """Build `source` in both formats into `outdir` and read the documents back."""
    import generator.build as build_module
    from generator.errors import FindingsError

    reads = _watch_reads(watch)
    seconds = _time_renderers(build_module)
    started = time.perf_counter()
    try:
        built = build_module.build(Path(source), FORMATS, output=Path(outdir))
    except FindingsError as error:
        seconds["total"] = time.perf_counter() - started
        return Outcome("refused", problems=error.problems, seconds=seconds,
                       reads=_counted(reads))
    except Exception:
        return Outcome("crash", error=traceback.format_exc(), reads=_counted(reads))
    seconds["total"] = time.perf_counter() - started
    outcome = Outcome("built", problems=list(built.warnings), seconds=seconds)
    for path in built.outputs:
        fmt = path.suffix.lstrip(".")
        begun = time.perf_counter()
        text, images = (_read_docx if fmt == "docx" else _read_pdf)(path)
        seconds[f"read {fmt}"] = time.perf_counter() - begun
        outcome.texts[fmt], outcome.images[fmt] = text, images
    outcome.reads = _counted(reads)
    return outcome


def _time_renderers(build_module: Any) -> dict[str, float]:
    """Record how long each renderer takes (the child's own copy of the module is patched)."""
    seconds: dict[str, float] = {}
    original = build_module.renderer

    def timed(fmt: str) -> Callable[..., bytes]:
        render = original(fmt)

        def run(*args: Any) -> bytes:
            begun = time.perf_counter()
            try:
                return render(*args)
            finally:
                seconds[fmt] = time.perf_counter() - begun

        return run

    build_module.renderer = timed
    return seconds


def _read_docx(path: Path) -> tuple[str, int]:
    """All text of a .docx as python-docx sees it (body, tables, headers), and its images."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines = [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]
    for section in document.sections:
        for header in (section.header, section.even_page_header, section.first_page_header):
            lines += [p.text for p in header.paragraphs]
    with zipfile.ZipFile(path) as package:
        images = sum(name.startswith("word/media/") for name in package.namelist())
    return "\n".join(lines), images


def _read_pdf(path: Path) -> tuple[str, int]:
    """All text of a PDF as pypdf extracts it, and how many images its pages show."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text, sum(len(page.images) for page in reader.pages)


class _Counting:
    """A file handle that counts the bytes read through it."""

    def __init__(self, handle: Any, tally: list[int]) -> None:
        self._handle, self._tally = handle, tally

    def read(self, *args: Any) -> Any:
        data = self._handle.read(*args)
        self._tally[2] += len(data)
        return data

    def __enter__(self) -> _Counting:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __iter__(self) -> Any:
        for line in self._handle:
            self._tally[2] += len(line)
            yield line

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def _watch_reads(paths: tuple[str, ...]) -> dict[str, list[int]]:
    """Count opens of some files (audit hook) and bytes read from them (through io.open)."""
    tallies = {os.path.realpath(p): [0, 0, 0] for p in paths}  # audited, wrapped, bytes
    if not tallies:
        return tallies

    def which(file: Any) -> list[int] | None:
        if isinstance(file, int):
            return None
        try:
            return tallies.get(os.path.realpath(os.fsdecode(file)))
        except (TypeError, ValueError):
            return None

    def audit(event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and args and (tally := which(args[0])) is not None:
            tally[0] += 1

    real_open = io.open

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, *args, **kwargs)
        tally = which(file)
        if tally is None:
            return handle
        tally[1] += 1
        return _Counting(handle, tally)

    sys.addaudithook(audit)  # only ever in a child process: hooks cannot be removed
    io.open = builtins.open = counting_open
    return tallies


def _counted(tallies: dict[str, list[int]]) -> dict[str, tuple[int, int]]:
    """(opens, bytes read) per watched file; an open that bypassed io.open reads unknown bytes."""
    out = {}
    for path, (audited, wrapped, read) in tallies.items():
        out[path] = (audited, read if audited == wrapped else -1)
    return out


# --------------------------------------------------------------------------- checking text


def flat(text: str) -> str:
    """Printed text compared as a reader sees it: soft hyphens and line-end hyphenation gone,
    every run of blanks one space."""
    text = text.replace("\u00ad", "")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return " ".join(text.split())
