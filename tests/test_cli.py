"""The `mtreport` command as an author runs it: a real process, its exit code, stdout and stderr.

The tests run the installed console script (entry point `generator.launch:main`, which
loads `generator.cli` and runs its `main`, the function that maps failures to exit codes),
not `python -m generator.cli`: the module has no `__main__` guard, so that exits 0 without
doing anything. Assertions are about behaviour,
not about the wording of the argument-parsing library.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import zipfile
from dataclasses import dataclass
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator import __version__

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
BROKEN = HERE / "broken"
COMMANDS = ("build", "validate", "check", "init", "schema")
PROBLEM_LINE = re.compile(r"^(?P<file>[^\s:]+\.yaml):(?P<line>\d+):(?P<col>\d+): ", re.M)


def _console_script() -> str:
    found = shutil.which("mtreport", path=str(Path(sys.executable).parent)) \
        or shutil.which("mtreport")
    if found is None:
        pytest.fail("the mtreport console script is not installed; run pip install -e '.[test]'")
    return found


@dataclass(frozen=True)
class Done:
    code: int
    out: str
    err: str


def mtreport(*args: object, cwd: Path = ROOT, traceback_ok: bool = False) -> Done:
    """Run `mtreport ARGS…` in `cwd`; a traceback on stderr fails the test unless expected."""
    env = {**os.environ, "PYTHONUTF8": "1", "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run([_console_script(), *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          check=False)
    if not traceback_ok:
        assert "Traceback" not in done.stderr, done.stderr
        assert "internal error" not in done.stderr, done.stderr
    return Done(done.returncode, done.stdout, done.stderr)


def is_docx(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "word/document.xml" in package.namelist()


def project(folder: Path, example: str = "minimal.yaml", name: str = "findings.yaml") -> Path:
    """A copy of an example as `folder/name`, the way an author keeps a report folder."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(EXAMPLES / example, target)
    return target


# --- fødselsnummer, computed here from the rule (Skatteetaten's mod-11 control digits) ------

def _control(digits: list[int], weights: tuple[int, ...]) -> int | None:
    check = (11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11) % 11
    return None if check == 10 else check


def make_fnr(ddmmyy: str) -> str:
    """The first valid fødselsnummer for a birth date (both control digits correct)."""
    for individual in range(500, 1000):
        digits = [int(c) for c in f"{ddmmyy}{individual:03d}"]
        k1 = _control(digits, (3, 7, 6, 1, 8, 9, 4, 5, 2))
        if k1 is None:
            continue
        k2 = _control([*digits, k1], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if k2 is not None:
            return "".join(map(str, digits)) + f"{k1}{k2}"
    raise AssertionError("no valid number for this date")  # pragma: no cover


# --- version and help ---------------------------------------------------------------------------

def test_version_prints_the_installed_version() -> None:
    done = mtreport("--version")
    assert done.code == 0
    assert done.out == f"mtreport {__version__}\n"
    assert __version__ == version("mtreport")


def test_help_lists_every_command() -> None:
    done = mtreport("--help")
    assert done.code == 0
    for command in COMMANDS:  # each command on a line of its own, with its summary
        assert re.search(rf"^\s+{command}\s+[A-Z]\w+", done.out, re.M), command
    assert "--version" in done.out and "--debug" in done.out


# --- validate -----------------------------------------------------------------------------------

@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_the_examples_validate(example: str) -> None:
    done = mtreport("validate", f"examples/{example}")
    assert (done.code, done.out) == (0, f"examples/{example}: ok\n")


def test_a_broken_file_lists_every_problem_with_file_line_and_column() -> None:
    done = mtreport("validate", "tests/broken/several_problems.yaml")
    assert done.code == 2
    assert done.out == ""
    where = [(m["file"], int(m["line"])) for m in PROBLEM_LINE.finditer(done.err)]
    assert len(where) >= 3
    assert {f for f, _ in where} == {"tests/broken/several_problems.yaml"}
    assert [line for _, line in where] == sorted(line for _, line in where)
    assert all(PROBLEM_LINE.match(line) for line in done.err.splitlines())  # nothing else


def test_debug_adds_the_traceback_to_the_same_problems() -> None:
    """cli.main prints the traceback of every error under --debug, bad input included."""
    plain = mtreport("validate", "tests/broken/several_problems.yaml")
    debug = mtreport("--debug", "validate", "tests/broken/several_problems.yaml",
                     traceback_ok=True)
    assert debug.code == 2
    assert debug.err.startswith(plain.err)
    assert "Traceback (most recent call last)" in debug.err
    assert "FindingsError" in debug.err


def _run_main(body: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """cli.main in a child process, after `body` (which may add a command named boom)."""
    program = ("import sys\nimport generator.cli as cli\n" + textwrap.dedent(body)
               + "sys.argv = ['mtreport', 'boom']\ncli.main()\nprint('never reached')\n")
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120, check=False, **kwargs)


@pytest.mark.parametrize(("raised", "code", "message"), [
    # typer makes it Exit(130); the process then ends by SIGINT, as Ctrl-C would end it
    ("KeyboardInterrupt()", -signal.SIGINT, "mtreport: interrupted\n"),
    ("SystemExit('stopped')", 1, "stopped\n"),
    ("SystemExit(None)", 0, ""),
    ("SystemExit(4)", 4, ""),
])
def test_main_ends_with_the_exit_code_and_no_traceback(raised: str, code: int,
                                                       message: str) -> None:
    """main ends the process itself (os._exit, no interpreter teardown), as sys.exit would;
    what was printed is flushed first."""
    done = _run_main(f"""\
        @cli.app.command("boom")
        def boom() -> None:
            print("printed before the end")
            raise {raised}
        """)
    assert (done.returncode, done.stdout, done.stderr) == (
        code, "printed before the end\n", message)


_INTERRUPT_WHILE_LOADING = textwrap.dedent("""\
    import os, signal, sys
    class Interrupt:  # a Ctrl-C that lands while the CLI is being imported
        def find_spec(self, name, path=None, target=None):
            if name == "generator.cli":
                os.kill(os.getpid(), signal.SIGINT)
            return None
    sys.meta_path.insert(0, Interrupt())
    from generator.launch import main
    sys.argv = ["mtreport", "--version"]
    main()
    """)


def test_ctrl_c_while_the_cli_is_still_loading_ends_quietly() -> None:
    """The console script's launcher: a Ctrl-C that arrives while generator.cli is being
    imported (here sent by the import itself) ends the process by SIGINT (a shell shows
    130 and stops a loop), with one line and no traceback."""
    done = subprocess.run([sys.executable, "-c", _INTERRUPT_WHILE_LOADING],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        -signal.SIGINT, "", "mtreport: interrupted\n")


def test_an_ignored_ctrl_c_stays_ignored_while_loading() -> None:
    """Started with SIGINT ignored (a background job of a script), mtreport keeps it so."""
    done = subprocess.run([sys.executable, "-c", _INTERRUPT_WHILE_LOADING],
                          capture_output=True, text=True, timeout=120, check=False,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    assert (done.returncode, done.stdout, done.stderr) == (0, f"mtreport {__version__}\n", "")


def test_the_console_script_runs_the_cli_after_loading_it() -> None:
    """After loading, Ctrl-C is the CLI's own again (Python's default handler)."""
    program = ("import signal, sys\nfrom generator.launch import main\n"
               "import generator.cli as cli\n"
               "def app(**kwargs):\n"
               "    print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
               "cli.app = app\nmain()\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "True\n", "")


def test_main_ends_cleanly_with_standard_output_closed() -> None:
    done = _run_main("""\
        @cli.app.command("boom")
        def boom() -> None:
            print("nowhere to go", file=sys.stderr)
        """, preexec_fn=lambda: os.close(1))
    assert (done.returncode, done.stderr) == (0, "nowhere to go\n")


@pytest.mark.parametrize("command", ["validate", "check", "build"])
def test_a_missing_file_is_named(tmp_path: Path, command: str) -> None:
    done = mtreport(command, "ingen-slik-fil.yaml", cwd=tmp_path)
    assert done.code == 2
    assert done.err.startswith("ingen-slik-fil.yaml: ")
    assert "finnes ikke" in done.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [("build", "findings.yaml", "--format", "xls"),
                                  ("build", "findings.yaml", "-f", "doc"),
                                  ("no-such-command",)])
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    project(tmp_path)
    done = mtreport(*args, cwd=tmp_path)
    assert done.code == 2
    assert "usage:" in done.err.lower() and "error" in done.err.lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.yaml"]


def test_an_unknown_format_names_the_choices(tmp_path: Path) -> None:
    project(tmp_path)
    done = mtreport("build", "findings.yaml", "--format", "xls", cwd=tmp_path)
    assert "'xls'" in done.err
    assert all(choice in done.err for choice in ("docx", "pdf", "all"))


# --- build --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def formats(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build per way of choosing the output, each in its own report folder."""
    root = tmp_path_factory.mktemp("formats")
    runs = {
        "docx": ("build", "docx/findings.yaml"),
        "pdf": ("build", "pdf/findings.yaml", "--format", "pdf"),
        "all": ("build", "all/findings.yaml", "--format", "all"),
        "to-file": ("build", "to-file/findings.yaml", "-o", "to-file/ut/rapport.docx"),
        "to-folder": ("build", "to-folder/findings.yaml", "-f", "all", "-o", "to-folder/ut"),
    }
    for name in runs:
        project(root / name)
    for name in ("to-file", "to-folder"):
        (root / name / "ut").mkdir()
    for name, args in runs.items():
        done = mtreport(*args, cwd=root)
        assert done.code == 0, (name, done.err)
        (root / name / "stdout.txt").write_text(done.out, encoding="utf-8")
    return root


def outputs(folder: Path) -> list[str]:
    """The reports in a folder (not Word's lock files)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and p.suffix in (".docx", ".pdf")
                  and not p.name.startswith("~$"))


def test_build_writes_the_word_file_beside_the_input(formats: Path) -> None:
    folder = formats / "docx"
    assert outputs(folder) == ["findings.docx"]
    assert is_docx((folder / "findings.docx").read_bytes())
    assert (folder / "stdout.txt").read_text(encoding="utf-8") == "wrote docx/findings.docx\n"
    assert not list(formats.glob("*.docx"))  # beside the input, not in the working folder
    assert (folder / ".findings.docx.mtreport.json").is_file()  # what makes rebuilds safe


def test_build_pdf(formats: Path) -> None:
    assert outputs(formats / "pdf") == ["findings.pdf"]
    assert (formats / "pdf" / "findings.pdf").read_bytes().startswith(b"%PDF-")


def test_build_all_formats(formats: Path) -> None:
    folder = formats / "all"
    assert outputs(folder) == ["findings.docx", "findings.pdf"]
    assert is_docx((folder / "findings.docx").read_bytes())
    assert (folder / "findings.pdf").read_bytes().startswith(b"%PDF-")
    assert (folder / "stdout.txt").read_text(encoding="utf-8").splitlines() == [
        "wrote all/findings.docx", "wrote all/findings.pdf"]


def test_build_to_a_named_file(formats: Path) -> None:
    assert outputs(formats / "to-file") == ["ut/rapport.docx"]
    assert is_docx((formats / "to-file" / "ut" / "rapport.docx").read_bytes())


def test_build_into_a_folder(formats: Path) -> None:
    assert outputs(formats / "to-folder") == ["ut/findings.docx", "ut/findings.pdf"]


def test_build_into_a_missing_folder_is_bad_input(tmp_path: Path) -> None:
    project(tmp_path)
    done = mtreport("build", "findings.yaml", "-o", "finnes-ikke/rapport.docx", cwd=tmp_path)
    assert done.code == 2
    assert "finnes-ikke" in done.err
    assert outputs(tmp_path) == []


def test_the_example_builds_from_a_copy_with_its_logos(tmp_path: Path) -> None:
    for name in ("fjellby.yaml", "fjellby-2023.yaml", "svar-brukere.csv"):
        shutil.copyfile(EXAMPLES / name, tmp_path / name)
    shutil.copytree(EXAMPLES / "logos", tmp_path / "logos")
    done = mtreport("build", "fjellby.yaml", cwd=tmp_path)
    assert (done.code, done.out) == (0, "wrote fjellby.docx\n")
    with zipfile.ZipFile(tmp_path / "fjellby.docx") as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert len(media) == 3  # the three partner logos


def test_an_edited_report_is_kept_unless_forced(tmp_path: Path) -> None:
    project(tmp_path)
    assert mtreport("build", "findings.yaml", cwd=tmp_path).code == 0
    report = tmp_path / "findings.docx"
    again = mtreport("build", "findings.yaml", cwd=tmp_path)  # unchanged: rebuilt in place
    assert (again.code, again.err) == (0, "")
    assert is_docx(report.read_bytes())

    edited = report.read_bytes() + b"the author's edits"
    report.write_bytes(edited)
    refused = mtreport("build", "findings.yaml", cwd=tmp_path)
    assert refused.code == 3
    assert "--force" in refused.err and "findings.docx" in refused.err
    assert report.read_bytes() == edited
    assert outputs(tmp_path) == ["findings.docx"]

    forced = mtreport("build", "findings.yaml", "--force", cwd=tmp_path)
    assert forced.code == 0
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("findings.backup-")]
    assert len(backups) == 1 and backups[0].suffix == ".docx"
    assert backups[0].read_bytes() == edited
    assert f"kept a backup of the edited file: {backups[0].name}" in forced.err
    assert is_docx(report.read_bytes()) and report.read_bytes() != edited


def test_an_open_document_stops_the_build(tmp_path: Path) -> None:
    project(tmp_path)
    lock = tmp_path / "~$findings.docx"
    lock.write_bytes(b"")
    done = mtreport("build", "findings.yaml", cwd=tmp_path)
    assert done.code == 3
    assert "Word" in done.err and "~$findings.docx" in done.err
    assert outputs(tmp_path) == []
    lock.unlink()
    assert mtreport("build", "findings.yaml", cwd=tmp_path).code == 0


# --- init ---------------------------------------------------------------------------------------

def test_init_writes_a_starter_that_validates_and_builds(tmp_path: Path) -> None:
    done = mtreport("init", "ny-rapport", cwd=tmp_path)
    assert done.code == 0
    starter = tmp_path / "ny-rapport" / "findings.yaml"
    assert starter.read_text(encoding="utf-8") == \
        files("generator").joinpath("starter.yaml").read_text("utf-8")
    assert "mtreport build" in done.out
    assert mtreport("validate", starter, cwd=tmp_path).code == 0
    built = mtreport("build", starter, "--format", "all", cwd=tmp_path)
    assert built.code == 0
    assert outputs(tmp_path) == ["ny-rapport/findings.docx", "ny-rapport/findings.pdf"]

    starter.write_text(starter.read_text(encoding="utf-8") + "# mine notater\n",
                       encoding="utf-8")
    before = starter.read_bytes()
    again = mtreport("init", "ny-rapport", cwd=tmp_path)
    assert again.code != 0
    assert "exists already" in again.err
    assert starter.read_bytes() == before


# --- schema -------------------------------------------------------------------------------------

def test_schema_prints_the_json_schema() -> None:
    from generator.schema import findings_schema

    done = mtreport("schema")
    assert done.code == 0
    schema = json.loads(done.out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    # the very schema tests/test_schema.py checks against the model and the examples
    assert schema == json.loads(json.dumps(findings_schema()))


# --- privacy check ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def with_fnr(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A findings file with a valid fødselsnummer in a quote; (folder, number, "line:column")."""
    folder = tmp_path_factory.mktemp("fnr")
    number = make_fnr("150387")
    text = (EXAMPLES / "minimal.yaml").read_text(encoding="utf-8")
    quote = "Det er det eneste jeg gleder meg til hele uka."
    assert quote in text
    text = text.replace(quote, f"Skriv opp nummeret mitt, {number}, så husker dere meg.")
    (folder / "findings.yaml").write_text(text, encoding="utf-8")
    at = text.index(number)
    line = 1 + text[:at].count("\n")
    column = at - text.rfind("\n", 0, at)
    return folder, number, f"{line}:{column}"


def test_eleven_digits_with_a_wrong_control_digit_are_not_flagged(tmp_path: Path,
                                                                  with_fnr) -> None:
    folder, number, _ = with_fnr
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    text = (folder / "findings.yaml").read_text(encoding="utf-8").replace(number, wrong)
    (tmp_path / "findings.yaml").write_text(text, encoding="utf-8")
    done = mtreport("check", "findings.yaml", cwd=tmp_path)
    assert (done.code, done.out, done.err) == (0, "findings.yaml: nothing found\n", "")


def test_check_warns_about_an_identity_number_with_file_and_line(with_fnr) -> None:
    folder, number, where = with_fnr
    done = mtreport("check", "findings.yaml", cwd=folder)
    assert done.code == 0
    assert done.err.startswith(f"findings.yaml:{where}: [warning] results[0].questions[0]"
                               f".quotes[0]: «{number}»")
    assert "fødselsnummer" in done.err


def test_check_of_a_clean_file_finds_nothing() -> None:
    done = mtreport("check", "examples/minimal.yaml")
    assert (done.code, done.out, done.err) == (0, "examples/minimal.yaml: nothing found\n", "")


def test_strict_check_fails_on_the_number(with_fnr) -> None:
    folder, number, where = with_fnr
    done = mtreport("check", "--strict", "findings.yaml", cwd=folder)
    assert done.code == 2
    assert f"findings.yaml:{where}:" in done.err and number in done.err


def test_strict_build_refuses_and_writes_nothing(with_fnr) -> None:
    folder, number, where = with_fnr
    done = mtreport("build", "--strict", "findings.yaml", cwd=folder)
    assert done.code == 2
    assert f"findings.yaml:{where}:" in done.err and number in done.err
    assert outputs(folder) == []


def test_a_plain_build_succeeds_but_shows_the_warning(tmp_path: Path, with_fnr) -> None:
    folder, number, where = with_fnr
    shutil.copyfile(folder / "findings.yaml", tmp_path / "findings.yaml")
    done = mtreport("build", "findings.yaml", cwd=tmp_path)
    assert done.code == 0
    assert done.out == "wrote findings.docx\n"
    assert f"findings.yaml:{where}: [warning]" in done.err and number in done.err
    assert outputs(tmp_path) == ["findings.docx"]


_MODULES_AFTER = """
import atexit, sys
from generator.cli import app
atexit.register(lambda: print(" ".join(sorted(sys.modules)), file=sys.stderr))
sys.argv = ["mtreport", *sys.argv[1:]]
app()
"""


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["--version"]])
def test_help_and_version_load_no_reader_composer_or_renderer(args: list[str]):
    """--help should feel instant: it must not pay for what only a build needs."""
    done = subprocess.run([sys.executable, "-c", _MODULES_AFTER, *args], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stderr.split())
    assert "typer" in loaded
    heavy = {"docx", "lxml", "reportlab", "pyphen", "yaml", "json", "csv", "decimal",
             "generator.build", "generator.model", "generator.compose", "generator.errors",
             "generator.render_docx", "generator.render_pdf", "generator.theme"}
    assert not heavy & loaded
