"""The `mtreport` command: parses arguments, calls the library, maps failures to exit codes.

0 ok · 1 internal error (one line; --debug shows the traceback) · 2 bad input or usage ·
3 refused to overwrite a file the author may have edited.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from generator import __version__
from generator.launch import INTERRUPTED, end_interrupted  # typer, too, exits 130 on Ctrl-C

app = typer.Typer(
    name="mtreport",
    help="Draft music-therapy user-experience reports (Word and PDF) from a findings file.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_debug = False


class Format(str, Enum):
    """Output formats of `build`."""

    docx = "docx"
    pdf = "pdf"
    all = "all"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mtreport {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    global _debug
    _debug = debug


FileArg = Annotated[Path, typer.Argument(help="The findings file (YAML).")]


@app.command()
def build(
    file: FileArg,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.docx,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                      help="Output file (or folder); default: beside the input.")] = None,
    template: Annotated[Path | None, typer.Option("--template",
                        help="House-style template folder.")] = None,
    force: Annotated[bool, typer.Option("--force",
                     help="Rebuild over an edited file, keeping a backup of it.")] = False,
    strict: Annotated[bool, typer.Option("--strict",
                      help="Treat privacy warnings as errors.")] = False,
) -> None:
    """Build the report (Word by default) from a findings file."""
    from generator.build import FORMATS
    from generator.build import build as run_build

    formats = FORMATS if format is Format.all else (format.value,)
    built = run_build(file, formats, output=output, template=template, force=force,
                      strict=strict, helpers=True)
    _report(built.warnings)
    for backup in built.backups:
        typer.echo(f"kept a backup of the edited file: {backup}", err=True)
    for path in built.outputs:
        typer.echo(f"wrote {path}")


@app.command()
def validate(file: FileArg) -> None:
    """Check a findings file and report every problem with file and line."""
    from generator.build import check

    checked = check(file)
    _report(checked.warnings)
    typer.echo(f"{file}: ok")


@app.command("check")
def check_privacy(
    file: FileArg,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 2 when anything is found.")]
    = False,
) -> None:
    """Look for identity numbers, phone numbers, e-mails, addresses and listed names."""
    from generator.build import check

    checked = check(file)
    _report(checked.warnings)
    if strict and checked.warnings:
        raise typer.Exit(2)
    if not checked.warnings:
        typer.echo(f"{file}: nothing found")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to write findings.yaml in.")]
    = Path("."),
) -> None:
    """Write a commented starter findings file (Norwegian) that validates and builds."""
    from importlib.resources import files

    target = folder / "findings.yaml"
    if target.exists():
        typer.echo(f"{target} exists already; nothing was written", err=True)
        raise typer.Exit(3)
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(files("generator").joinpath("starter.yaml").read_text("utf-8"),
                      encoding="utf-8")
    typer.echo(f"wrote {target}; build it with: mtreport build {target}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the findings format (for editors)."""
    import json

    from generator.schema import findings_schema

    typer.echo(json.dumps(findings_schema(), ensure_ascii=False, indent=2))


def _report(problems: list) -> None:
    for problem in problems:
        typer.echo(str(problem), err=True)


def main() -> None:
    """Entry point: run the app and turn failures into one clear message and an exit code.

    It ends the process (see `_end`): call `app` to run mtreport inside another program."""
    # A build allocates many small objects that all live to its end (the findings, the
    # document tree, XML elements, laid-out lines): at the default threshold of 700 the
    # collector rescans them again and again (a quarter of a 25× PDF build's time).
    gc.set_threshold(50_000, 20, 100)
    try:
        try:
            code = app(standalone_mode=False)
        except Exception as error:
            _fail(error)
        status = code if isinstance(code, int) else 0
    except SystemExit as done:
        status = done.code
    except KeyboardInterrupt:  # outside typer, which answers Ctrl-C with exit code 130
        status = INTERRUPTED
    _end(status)


def _end(status: object) -> NoReturn:
    """Exit at once, as sys.exit would with `status`, but without tearing the interpreter
    down: freeing a build's objects (python-docx's XML trees, reportlab's pages) one by one
    took a tenth of a second or more, and there is nothing left to finish. Every output
    is written, fsynced and closed before this; only the console streams need flushing."""
    if status is None:
        status = 0
    elif not isinstance(status, int):
        print(status, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with that descriptor closed
            continue
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to flush to
            stream.flush()
    if status == INTERRUPTED:  # no command ends with 130 itself; outputs are whole or absent
        end_interrupted()
    os._exit(status)


def _fail(error: Exception) -> None:
    """Exit with the code and message for `error` (the library's errors are imported only
    here, so `--help` never loads them)."""
    from generator.errors import FindingsError, RefusedError

    if isinstance(error, FindingsError):
        _report(error.problems)
        _exit(error, 2)
    if isinstance(error, RefusedError):
        typer.echo(str(error), err=True)
        _exit(error, 3)
    if isinstance(error, typer.Exit):
        sys.exit(error.exit_code)
    if isinstance(error, typer.Abort):
        sys.exit(1)
    if isinstance(error, typer.TyperException):  # usage errors: the message, then exit 2
        error.show()  # type: ignore[attr-defined]
        sys.exit(getattr(error, "exit_code", 2))
    # the last line of defence: one line, exit 1
    typer.echo(f"mtreport: internal error: {type(error).__name__}: {error}", err=True)
    _exit(error, 1)


def _exit(error: BaseException, code: int) -> None:
    if _debug:
        traceback.print_exception(error)
    sys.exit(code)
