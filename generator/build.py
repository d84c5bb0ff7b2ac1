"""The one pipeline: load → validate → compose → render → write, as library calls.

The CLI only parses arguments and calls these; tests and the benchmark call them too.
Renderers are imported lazily so `validate`, `check` and `--help` stay light.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import FindingsError, Problem
from generator.theme import Theme, load_theme

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
    from generator.privacy_scan import privacy_problems
    from generator.validate import validate
    from generator.yamlload import load_file

    loaded = load_file(source)
    validated = validate(loaded, base_dir=Path(source).resolve().parent)
    warnings = list(validated.warnings) + privacy_problems(loaded, validated.findings)
    return Checked(validated, warnings)


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
          template: Path | None = None, force: bool = False, strict: bool = False) -> Built:
    """Build the report in each format; nothing is written unless every format rendered."""
    from generator.compose import compose
    from generator.output import check_target, write_output

    source = Path(source)
    checked = check(source)
    if strict and checked.warnings:
        raise FindingsError([_as_error(w) for w in checked.warnings])
    theme = load_theme(template)
    document = compose(checked.validated.findings, theme, source.resolve().parent)
    rendered = [(path, renderer(fmt)(document, theme))
                for path, fmt in zip(output_paths(source, formats, output), formats, strict=True)]
    for path, data in rendered:
        check_target(path, data, force=force)
    written = [write_output(path, data, force=force) for path, data in rendered]
    return Built(outputs=[w.path for w in written],
                 backups=[w.backup for w in written if w.backup],
                 warnings=checked.warnings)


def render_document(source: Path, fmt: str, theme: Theme | None = None) -> bytes:
    """Render one format to bytes without writing (for tests and the benchmark)."""
    from generator.compose import compose

    checked = check(Path(source))
    theme = theme or load_theme()
    document = compose(checked.validated.findings, theme, Path(source).resolve().parent)
    return renderer(fmt)(document, theme)


def _as_error(problem: Problem) -> Problem:
    return Problem(problem.file, problem.line, problem.column, problem.field, problem.message)
