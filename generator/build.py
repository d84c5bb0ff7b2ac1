"""The one pipeline: load → validate → compose → render → write, as library calls.

The CLI only parses arguments and calls these; tests and the benchmark call them too.
Renderers are imported lazily so `validate`, `check` and `--help` stay light.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import FindingsError, Problem

if TYPE_CHECKING:
    from generator.render_process import RenderProcess
    from generator.theme import Theme
    from generator.validate import Validated
    from generator.yamlload import Loaded

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Checked:
    """A validated findings file and every warning about it."""

    validated: object  # generator.validate.Validated
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Built:
    """What a build wrote."""

    outputs: list[Path]
    backups: list[Path]
    warnings: list[Problem]


def check(source: Path) -> Checked:
    """Load and validate a findings file, and scan it for identifying data."""
    loaded, validated = _read(source)
    return Checked(validated, _warnings(loaded, validated))


def _read(source: Path) -> tuple[Loaded, Validated]:
    """The findings file loaded (kept for the privacy scan's positions) and validated."""
    from generator.validate import validate
    from generator.yamlload import load_file

    loaded = load_file(source)
    return loaded, validate(loaded, base_dir=Path(source).resolve().parent)


def _warnings(loaded: Loaded, validated: Validated) -> list[Problem]:
    """Validation's warnings, then the privacy scan's."""
    from generator.privacy_scan import privacy_problems

    return list(validated.warnings) + privacy_problems(loaded, validated.findings)


def renderer(fmt: str) -> Callable[..., bytes]:
    """The render function of an output format, imported only when needed."""
    if fmt == "docx":
        from generator.render_docx import render_docx

        return render_docx
    if fmt == "pdf":
        from generator.render_pdf import render_pdf

        return render_pdf
    raise ValueError(f"unknown format {fmt!r}")


def output_paths(source: Path, formats: Sequence[str], output: Path | None) -> list[Path]:
    """Where each format goes: beside the input, in a folder, or at `-o` with its suffix."""
    if output is None:
        return [source.with_suffix(f".{fmt}") for fmt in formats]
    if output.is_dir():
        return [output / f"{source.stem}.{fmt}" for fmt in formats]
    if len(formats) == 1:
        return [output]
    return [output.with_suffix(f".{fmt}") for fmt in formats]


def build(source: Path, formats: Sequence[str] = ("docx",), *, output: Path | None = None,
          template: Path | None = None, force: bool = False, strict: bool = False,
          helpers: bool = False) -> Built:
    """Build the report in each format; nothing is written unless every format rendered.

    `helpers`: load each renderer in a helper process meanwhile (see
    generator.render_process); the command line does, a library caller may not want forks.
    """
    with contextlib.ExitStack() as stack:
        if helpers:
            from generator.render_process import RenderProcess

            ahead = {fmt: stack.enter_context(RenderProcess(fmt)) for fmt in formats}
        else:
            ahead = {}
        return _build(source, formats, ahead, output=output, template=template, force=force,
                      strict=strict)


def _build(source: Path, formats: Sequence[str], ahead: Mapping[str, RenderProcess], *,
           output: Path | None, template: Path | None, force: bool, strict: bool) -> Built:
    """`build` with its helpers started (or none): each format comes from its helper, or
    is rendered here when there is none or it failed."""
    from generator.compose import compose
    from generator.theme import load_theme

    source = Path(source)
    loaded, validated = _read(source)
    # strict: refuse before anything is composed; otherwise scan while the helpers render
    warnings = _warnings(loaded, validated) if strict else None
    if warnings:
        raise FindingsError([_as_error(w) for w in warnings])
    theme = load_theme(template)
    document = compose(validated.findings, theme, source.resolve().parent)
    if ahead:
        from generator.render_process import send

        send(ahead.values(), document, theme)
    if warnings is None:
        warnings = _warnings(loaded, validated)
    from generator.output import check_target, write_output

    rendered = [(path, _received(ahead.get(fmt)) or renderer(fmt)(document, theme))
                for path, fmt in zip(output_paths(source, formats, output), formats, strict=True)]
    for path, data in rendered:
        check_target(path, data, force=force)
    written = [write_output(path, data, force=force) for path, data in rendered]
    return Built(outputs=[w.path for w in written],
                 backups=[w.backup for w in written if w.backup],
                 warnings=warnings)


def _received(helper: RenderProcess | None) -> bytes | None:
    """The helper's bytes, or None (no helper, or it failed): render here."""
    return None if helper is None else helper.receive()


def render_document(source: Path, fmt: str, theme: Theme | None = None) -> bytes:
    """Render one format to bytes without writing (for tests and the benchmark)."""
    from generator.compose import compose
    from generator.theme import load_theme

    checked = check(Path(source))
    theme = theme or load_theme()
    document = compose(checked.validated.findings, theme, Path(source).resolve().parent)
    return renderer(fmt)(document, theme)


def _as_error(problem: Problem) -> Problem:
    return Problem(problem.file, problem.line, problem.column, problem.field, problem.message)
