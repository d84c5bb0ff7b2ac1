"""Benchmark mtreport against pandoc and LibreOffice: `python bench/run.py [--quick] [--runs N]`.

Run by hand, never from the test suite. Generates the reference report (1×, 5×, 25×) into
bench/work/, times whole processes interleaved run by run, and prints a Markdown table;
`--write` also writes bench/RESULTS.md, `--profile` writes bench/work/profile-{docx,pdf}.txt.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from reference import write_reference

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "work"
OUT = WORK / "out"
LO_PROFILE = (WORK / "lo-profile").as_uri()
SCALES = (1, 5, 25)
HELP_REPEAT = 3
PYCACHE = WORK / "pycache"
VENV = WORK / "venv"
ROOT = BENCH.parent
TARGET_DOCX = 1.0  # × pandoc
TARGET_PDF = 0.5  # × LibreOffice
TARGET_LINEAR = 27.0  # 25× content, × the 1× time
TARGET_MEMORY_MB = 250.0
TARGET_HELP_S = 0.120


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class Command:
    """One timed command line; `argv` is None when its tool is missing or broken."""

    key: str
    label: str
    argv: tuple[str, ...] | None
    produces: Path | None = None
    repeat: int = 1
    problem: str = ""
    memory: bool = True


@dataclass(frozen=True)
class Sample:
    """One run of a command: wall seconds, peak resident memory, success, and the CPU
    seconds (user + system) of the command and every process it waited for (mtreport's
    renderer helper runs beside the build: its CPU time is more than its wall time)."""

    seconds: float
    rss_mb: float
    ok: bool
    error: str = ""
    cpu: float = 0.0


@dataclass
class Results:
    """Every sample per command key, in run order; `together`: the sampled peak of all of
    a command's processes at once (mtreport's build and its renderer helper), in MB, and
    what was summed (see `tree_peak_mb`)."""

    commands: dict[str, Command]
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    runs: int = 0
    together: dict[str, tuple[float, str]] = field(default_factory=dict)


def sidecar(path: Path) -> Path:
    """mtreport's fingerprint file beside an output (``.NAME.mtreport.json``)."""
    return path.with_name(f".{path.name}.mtreport.json")


def remove_output(path: Path | None) -> None:
    """Delete an output and its sidecar, so mtreport never refuses to overwrite."""
    if path is not None:
        path.unlink(missing_ok=True)
        sidecar(path).unlink(missing_ok=True)


def time_binary() -> str | None:
    """GNU time, whose own small fork gives the command's true peak RSS (%M)."""
    path = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if path is None:
        return None
    done = subprocess.run([path, "-f", "%M", "true"], capture_output=True, text=True,
                          check=False)
    return path if done.returncode == 0 and done.stderr.strip().isdigit() else None


TIME = time_binary()
MEMORY_METHOD = (
    f"peak RSS from `{TIME} -f %M` (GNU time forks the command itself)" if TIME else
    "peak RSS from `os.wait4` (no GNU time: an upper bound, since the spawned child starts "
    "from the benchmark process's own resident size)")


def child_env(bytecode_cache: bool) -> dict[str, str]:
    """The environment of every timed process: with a bytecode cache, as an installed tool
    has one (kept under bench/work/pycache), unless the caller asked for none; without the
    variables that would put other modules in front of the install being timed."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH")}
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


ENV = child_env(True)


def run_once(command: Command) -> Sample:
    """Run one command as a whole process: wall time and its peak RSS."""
    assert command.argv is not None
    remove_output(command.produces)
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        argv = command.argv
        if TIME and command.memory:
            argv = (TIME, "-f", "%M", "-o", rss.name, *argv)
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=WORK, env=ENV, stdout=subprocess.DEVNULL,
                                stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        peak_kb = _time_kb(rss.read()) if TIME and command.memory else usage.ru_maxrss
    produced = command.produces is None or command.produces.exists()
    ok = proc.returncode == 0 and produced
    error = "" if ok else _error_line(proc.returncode, stderr, command.produces)
    return Sample(seconds, peak_kb / 1024, ok, error, usage.ru_utime + usage.ru_stime)


def tree_peak_mb(command: Command, interval: float = 0.005) -> tuple[float, str] | None:
    """Run `command` once, untimed, sampling the memory of it and every process it started
    (from /proc, `interval` seconds apart, plus the time a sample takes: reading a large
    process's smaps_rollup takes milliseconds): the peak of their sum, and what was summed.
    Each process counts its proportional set size (a page it shares with the other, as a
    forked helper does with its build, counts half to each; pages shared with processes
    outside, such as libc's, count a share only: a slight undercount), or its resident
    size where the kernel gives no PSS. None without /proc."""
    if command.argv is None or not Path("/proc/self/status").exists():
        return None
    remove_output(command.produces)
    proc = subprocess.Popen(command.argv, cwd=WORK, env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    peak_kb, kinds = 0, set()
    while proc.poll() is None:
        sample = [_memory_kb(pid) for pid in _process_tree(proc.pid)]
        peak_kb = max(peak_kb, sum(kb for kb, _ in sample))
        kinds.update(kind for kb, kind in sample if kb)
        time.sleep(interval)
    summed = " and ".join(sorted(kinds, reverse=True)) or "nothing"
    return (peak_kb / 1024, summed) if proc.returncode == 0 else None


def _process_tree(pid: int) -> list[int]:
    """`pid` and its descendants, as /proc lists them now."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        with contextlib.suppress(OSError):
            children = Path(f"/proc/{current}/task/{current}/children").read_text()
            todo += [int(child) for child in children.split()]
    return found


def _memory_kb(pid: int) -> tuple[int, str]:
    """A process's proportional set size in KB, else its resident size; which one it is."""
    for name, key, kind in (("smaps_rollup", "Pss:", "proportional set size"),
                            ("status", "VmRSS:", "resident size")):
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1]), kind
    return 0, ""


def measure_together(commands: Sequence[Command], results: Results) -> None:
    """The all-processes peak of every mtreport build, in a pass of its own (sampling
    /proc would disturb the timed runs)."""
    for command in commands:
        if command.key.rstrip("0123456789") in ("docx", "pdf"):  # the mtreport builds
            measured = tree_peak_mb(command)
            if measured is not None:
                results.together[command.key] = measured
                log(f"all processes together: {command.label}: {measured[0]:.0f} MB "
                    f"({measured[1]})")


def _time_kb(text: str) -> int:
    """The last number GNU time wrote (after any «Command exited …» line)."""
    numbers = [line for line in text.split() if line.isdigit()]
    return int(numbers[-1]) if numbers else 0


def _error_line(code: int, stderr: str, produces: Path | None) -> str:
    """One line saying why a run failed."""
    last = [line for line in stderr.strip().splitlines() if line.strip()][-1:]
    detail = last[0][:160] if last else f"no {produces.name} written" if produces else ""
    return f"exit {code}: {detail}"


def measure(commands: Sequence[Command], runs: int, results: Results) -> None:
    """Interleave the commands run by run, reversing the order every other run (ABBA)."""
    active = [c for c in commands if c.argv is not None]
    for run in range(runs):
        order = active if run % 2 == 0 else active[::-1]
        for command in order:
            for _ in range(command.repeat):
                sample = run_once(command)
                results.samples.setdefault(command.key, []).append(sample)
            note = f"{sample.seconds:.3f} s" if sample.ok else sample.error
            log(f"run {run + 1}/{runs}  {command.label}: {note}")
        results.runs = run + 1


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- tools


@dataclass(frozen=True)
class Install:
    """Which mtreport is timed: its console script and the interpreter beside it."""

    argv: tuple[str, ...] | None
    python: str
    how: str
    problem: str = ""


INSTALL = Install(None, sys.executable, "not prepared")


def dev_install() -> Install:
    """The console script beside this interpreter (not a pyenv shim, which adds ~70 ms)."""
    script = Path(sysconfig.get_path("scripts")) / "mtreport"
    found = str(script) if script.exists() else shutil.which("mtreport")
    how = ("this interpreter's own install (`--dev`: with every `.pth` hook of its "
           "site-packages, e.g. the editable-install finder)")
    return Install((found,) if found else None, sys.executable, how,
                   "" if found else "mtreport is not installed")


def venv_install() -> Install:
    """mtreport as a user has it: this checkout built as a wheel and installed, not
    editable, into a clean virtual environment (bench/work/venv) with its dependencies."""
    python = VENV / "bin" / "python"
    how = ("`pip install` of this checkout's wheel into a clean virtual environment "
           "(bench/work/venv), as a user installs it")
    try:
        if not python.exists():
            _step([sys.executable, "-m", "venv", str(VENV)])
        with tempfile.TemporaryDirectory() as folder:
            _step([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", folder,
                   str(_checkout_copy(Path(folder) / "src"))])
            (wheel,) = Path(folder).glob("mtreport-*.whl")
            _step([str(python), "-m", "pip", "install", "-q", str(wheel)])  # dependencies
            _step([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                   str(wheel)])  # this checkout's code, even at an unchanged version
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        shutil.rmtree(VENV, ignore_errors=True)  # made afresh next time, never half-made
        return Install(None, str(python), how, f"could not install into {VENV.name}: {error}")
    return Install((str(VENV / "bin" / "mtreport"),), str(python), how)


def _checkout_copy(target: Path) -> Path:
    """The files git tracks or would track (uncommitted edits included), copied, so the
    wheel holds this checkout and nothing a stale build/ folder still has."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _step(argv: list[str]) -> None:
    log(" ".join(Path(a).name if os.sep in a else a for a in argv))
    subprocess.run(argv, check=True, capture_output=True, text=True, timeout=900)


def pandoc_path() -> tuple[str | None, str]:
    """pandoc from pypandoc-binary (the `bench` extra), or why it is missing."""
    try:
        import pypandoc
    except ImportError:
        return None, "pypandoc-binary is not installed (pip install -e '.[bench]')"
    try:
        return pypandoc.get_pandoc_path(), ""
    except OSError as error:
        return None, f"pandoc not found: {error}"


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def version_of(argv: Sequence[str] | None) -> str:
    """First line a tool prints for `--version`, or why it could not say."""
    if not argv:
        return "not installed"
    try:
        done = subprocess.run([*argv, "--version"], capture_output=True, text=True,
                              timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unknown ({error})"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0].strip() if lines else "unknown"


# --------------------------------------------------------------------------- commands


def build_command(mtreport: tuple[str, ...] | None, fmt: str, scale: int) -> Command:
    """`mtreport build refK.yaml --format FMT -o out/FMT-Kx.FMT`."""
    target = OUT / f"{fmt}-{scale}x.{fmt}"
    argv = None if mtreport is None else (
        *mtreport, "build", stem(scale) + ".yaml", "--format", fmt, "-o", str(target))
    return Command(f"{fmt}{scale}", f"mtreport build --format {fmt} ({scale}×)", argv,
                   target,
                   problem="" if mtreport else INSTALL.problem or "mtreport is not installed")


def stem(scale: int) -> str:
    return "ref" if scale == 1 else f"ref{scale}"


def pandoc_command() -> Command:
    path, problem = pandoc_path()
    target = OUT / "pandoc.docx"
    argv = None if path is None else (path, "ref.md", "-o", str(target))
    return Command("pandoc", "pandoc ref.md -o ref.docx", argv, target, problem=problem)


def soffice_command(source: Path) -> Command:
    """LibreOffice converting mtreport's own .docx of the 1× report."""
    path = soffice_path()
    outdir = OUT / "lo"
    argv = None if path is None else (
        path, "--headless", f"-env:UserInstallation={LO_PROFILE}", "--convert-to", "pdf",
        "--outdir", str(outdir), str(source))
    return Command("soffice", "LibreOffice --convert-to pdf (mtreport's .docx)", argv,
                   outdir / f"{source.stem}.pdf",
                   problem="" if path else "LibreOffice (soffice) is not installed")


def help_command(mtreport: tuple[str, ...] | None) -> Command:
    argv = None if mtreport is None else (*mtreport, "--help")
    return Command("help", "mtreport --help", argv, None, HELP_REPEAT,
                   "" if mtreport else INSTALL.problem or "mtreport is not installed",
                   memory=False)


def python_command() -> Command:
    """The bare start of mtreport's interpreter, the floor under every run (for reference)."""
    return Command("python", "python -c pass (interpreter start, for reference)",
                   (INSTALL.python, "-c", "pass"), None, HELP_REPEAT, "", memory=False)


# The libraries the design card prescribes, imported and nothing else: the floor under a
# build before it reads a line (the CLI's, the loader's and the renderer's libraries).
FLOORS = {
    "docx": ("typer", "yaml", "docx"),
    "pdf": ("typer", "yaml", "reportlab.platypus", "pyphen"),
}


def floor_command(fmt: str) -> Command:
    """Importing the libraries a build of `fmt` needs, in mtreport's interpreter."""
    modules = ", ".join(FLOORS[fmt])
    return Command(f"floor-{fmt}", f"python -c 'import {modules}' (floor of a {fmt} build)",
                   (INSTALL.python, "-c", f"import {modules}"), None, 1, "", memory=False)


def typer_command() -> Command:
    """Importing typer alone: the floor under `mtreport --help` (3 per run, as --help)."""
    return Command("floor-help", "python -c 'import typer' (floor of --help)",
                   (INSTALL.python, "-c", "import typer"), None, HELP_REPEAT, "", memory=False)


def warm_up(command: Command) -> Command:
    """Run once untimed (caches, .pyc, LibreOffice's profile); a failure disables it."""
    if command.argv is None:
        return command
    sample = run_once(command)
    if sample.ok:
        return command
    log(f"warm-up failed: {command.label}: {sample.error}")
    return replace(command, argv=None, problem=f"failed: {sample.error}")


def prepare_commands(scales: Sequence[int]) -> list[Command]:
    """Every command, warmed up; LibreOffice gets a copy of mtreport's 1× .docx."""
    mtreport = INSTALL.argv
    docx1 = warm_up(build_command(mtreport, "docx", 1))
    lo_source = WORK / "lo" / "ref.docx"
    lo_source.parent.mkdir(exist_ok=True)
    soffice = soffice_command(lo_source)
    if docx1.argv is not None and docx1.produces is not None:
        shutil.copyfile(docx1.produces, lo_source)
        soffice = warm_up(soffice)
    elif soffice.argv is not None:
        soffice = replace(soffice, argv=None, problem="no .docx from mtreport to convert")
    commands = [docx1, warm_up(pandoc_command()), warm_up(build_command(mtreport, "pdf", 1)),
                soffice]
    for scale in scales[1:]:
        commands += [warm_up(build_command(mtreport, fmt, scale)) for fmt in ("docx", "pdf")]
    floors = [warm_up(floor_command(fmt)) for fmt in FLOORS] + [warm_up(typer_command())]
    return [*commands, warm_up(help_command(mtreport)), warm_up(python_command()), *floors]


# --------------------------------------------------------------------------- statistics


def median_seconds(results: Results, key: str) -> float | None:
    samples = [s.seconds for s in results.samples.get(key, []) if s.ok]
    return statistics.median(samples) if samples else None


def peak_mb(results: Results, key: str) -> float | None:
    samples = [s.rss_mb for s in results.samples.get(key, []) if s.ok]
    return max(samples) if samples else None


def ratio(results: Results, top: str, bottom: str) -> float | None:
    """Median of the per-run ratios top/bottom (runs where both succeeded)."""
    pairs = zip(results.samples.get(top, []), results.samples.get(bottom, []), strict=False)
    ratios = [a.seconds / b.seconds for a, b in pairs if a.ok and b.ok]
    return statistics.median(ratios) if ratios else None


def why_missing(results: Results, key: str) -> str:
    """What the table says instead of a number."""
    command = results.commands.get(key)
    if command is None:
        return "not measured"
    if command.argv is None:
        return command.problem or "missing"
    failed = [s.error for s in results.samples.get(key, []) if not s.ok]
    return f"failed: {failed[0]}" if failed else "not measured"


# --------------------------------------------------------------------------- table


@dataclass(frozen=True)
class Row:
    measurement: str
    value: str
    ratio: str
    target: str
    verdict: str


def verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "not measured"
    return "met" if value <= limit else "not met"


def seconds_text(results: Results, key: str) -> str:
    value = median_seconds(results, key)
    return f"{value:.3f} s" if value is not None else why_missing(results, key)


def ratio_text(value: float | None, against: str) -> str:
    return f"{value:.2f}× {against}" if value is not None else "–"


def timing_rows(results: Results, scales: Sequence[int]) -> list[Row]:
    """Docx vs pandoc, PDF vs LibreOffice, scaling, --help."""
    docx = ratio(results, "docx1", "pandoc")
    pdf = ratio(results, "pdf1", "soffice")
    rows = [
        Row(results.commands["docx1"].label, seconds_text(results, "docx1"),
            ratio_text(docx, "pandoc"), f"≤ {TARGET_DOCX:.1f}× pandoc",
            verdict(docx, TARGET_DOCX)),
        Row(results.commands["pandoc"].label, seconds_text(results, "pandoc"), "", "", ""),
        Row(results.commands["pdf1"].label, seconds_text(results, "pdf1"),
            ratio_text(pdf, "LibreOffice"), f"≤ {TARGET_PDF:.1f}× LibreOffice",
            verdict(pdf, TARGET_PDF)),
        Row(results.commands["soffice"].label, seconds_text(results, "soffice"), "", "", ""),
    ]
    for scale in scales[1:]:
        rows += [scaling_row(results, fmt, scale) for fmt in ("docx", "pdf")]
    help_s = median_seconds(results, "help")
    rows.append(Row("mtreport --help", seconds_text(results, "help"), "",
                    f"≤ {TARGET_HELP_S * 1000:.0f} ms", verdict(help_s, TARGET_HELP_S)))
    rows.append(Row(results.commands["floor-help"].label, seconds_text(results, "floor-help"),
                    "", "", ""))
    rows.append(Row(results.commands["python"].label, seconds_text(results, "python"),
                    "", "", ""))
    for fmt, against, name in (("docx", "pandoc", "pandoc"), ("pdf", "soffice", "LibreOffice")):
        key = f"floor-{fmt}"
        rows.append(Row(results.commands[key].label, seconds_text(results, key),
                        ratio_text(ratio(results, key, against), name), "", ""))
    return rows


def scaling_row(results: Results, fmt: str, scale: int) -> Row:
    key = f"{fmt}{scale}"
    value = ratio(results, key, f"{fmt}1")
    target = f"≤ {TARGET_LINEAR:.0f}× 1×" if scale == 25 else ""
    judged = verdict(value, TARGET_LINEAR) if scale == 25 else ""
    return Row(results.commands[key].label, seconds_text(results, key),
               ratio_text(value, "1×"), target, judged)


def memory_rows(results: Results, scales: Sequence[int]) -> list[Row]:
    """Peak RSS of each mtreport build; the 25× builds carry the target."""
    rows = []
    for scale in scales:
        for fmt in ("docx", "pdf"):
            key = f"{fmt}{scale}"
            value = peak_mb(results, key)
            shown = f"{value:.0f} MB" if value is not None else why_missing(results, key)
            target = f"≤ {TARGET_MEMORY_MB:.0f} MB" if scale == 25 else ""
            judged = verdict(value, TARGET_MEMORY_MB) if scale == 25 else ""
            rows.append(Row(f"peak memory, {results.commands[key].label}", shown, "",
                            target if key not in results.together else "",
                            judged if key not in results.together else ""))
            if key in results.together:
                together, summed = results.together[key]
                rows.append(Row(f"… its processes together (build + renderer helper; "
                                f"sampled, {summed})", f"{together:.0f} MB",
                                "", target, verdict(together, TARGET_MEMORY_MB)
                                if scale == 25 else ""))
    return rows


def markdown_table(rows: Iterable[Row]) -> str:
    lines = ["| Measurement | Median (peak for memory) | Ratio (median of per-run) | Target "
             "| Result |", "|---|---:|---:|---|---|"]
    lines += [f"| {r.measurement} | {r.value} | {r.ratio} | {r.target} | {r.verdict} |"
              for r in rows]
    return "\n".join(lines)


def raw_table(results: Results) -> str:
    """Every sample, so the medians can be checked."""
    lines = ["| Command | Seconds per run | CPU seconds (user + system) | Peak RSS (MB) |",
             "|---|---|---|---|"]
    for key, command in results.commands.items():
        samples = results.samples.get(key, [])
        if samples:
            secs = ", ".join(f"{s.seconds:.3f}" if s.ok else "fail" for s in samples)
            cpu = ", ".join(f"{s.cpu:.3f}" for s in samples if s.ok)
            rss = (", ".join(f"{s.rss_mb:.0f}" for s in samples if s.ok) if command.memory
                   else "–")
            lines.append(f"| {command.label} | {secs} | {cpu} | {rss} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- machine, sizes


def machine() -> dict[str, str]:
    """CPU, cores, RAM, OS and the versions of everything measured."""
    pandoc, _ = pandoc_path()
    return {
        "CPU": cpu_model(),
        "Cores": f"{os.cpu_count()} logical ({len(os.sched_getaffinity(0))} usable)",
        "RAM": ram_text(),
        "OS": platform.platform(),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "mtreport": f"{version_of(INSTALL.argv)}; {INSTALL.how}"
                    + (f" – {INSTALL.problem}" if INSTALL.problem else ""),
        "pandoc": version_of((pandoc,) if pandoc else None),
        "LibreOffice": version_of((soffice_path(),) if soffice_path() else None),
        "Memory": MEMORY_METHOD,
        "Bytecode": ("cached under bench/work/pycache (PYTHONPYCACHEPREFIX), as an installed "
                     "tool has" if "PYTHONPYCACHEPREFIX" in ENV else
                     "no cache (--no-pyc): every run compiles mtreport's modules"),
    }


def cpu_model() -> str:
    return _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"


def ram_text() -> str:
    total = _proc_field("/proc/meminfo", "MemTotal")
    return f"{int(total.split()[0]) / 1024 / 1024:.1f} GiB" if total else "unknown"


def _proc_field(path: str, name: str) -> str:
    with contextlib.suppress(OSError):
        for line in Path(path).read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                return value.strip()
    return ""


def report_sizes(scales: Sequence[int]) -> list[str]:
    """Words (from mtreport's .docx) and pages (from its PDF) per scale, from the warm-up."""
    lines = ["| Report | Words (docx) | Pages (PDF) | YAML | Markdown |",
             "|---|---:|---:|---:|---:|"]
    for scale in scales:
        name = stem(scale)
        lines.append(f"| {scale}× | {docx_words(OUT / f'docx-{scale}x.docx')} | "
                     f"{pdf_pages(OUT / f'pdf-{scale}x.pdf')} | "
                     f"{size_kb(WORK / f'{name}.yaml')} | {size_kb(WORK / f'{name}.md')} |")
    return lines


def docx_words(path: Path) -> str:
    try:
        import docx
    except ImportError:
        return "n/a"
    if not path.exists():
        return "n/a"
    document = docx.Document(str(path))
    words = sum(len(p.text.split()) for p in document.paragraphs)
    words += sum(len(cell.text.split()) for table in document.tables
                 for row in table.rows for cell in row.cells)
    return f"{words:,}".replace(",", " ")


def pdf_pages(path: Path) -> str:
    try:
        import pypdf
    except ImportError:
        return "n/a (pypdf not installed)"
    return str(len(pypdf.PdfReader(str(path)).pages)) if path.exists() else "n/a"


def size_kb(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} KB" if path.exists() else "n/a"


# --------------------------------------------------------------------------- output


def document(results: Results, scales: Sequence[int], sizes: list[str], profiles: str) -> str:
    """RESULTS.md: machine, reference report, results, raw samples, method."""
    info = "\n".join(f"- **{key}:** {value}" for key, value in machine().items())
    rows = timing_rows(results, scales) + memory_rows(results, scales)
    parts = [
        "# Benchmark results",
        f"Written by `python bench/run.py --write` on "
        f"{datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}; "
        f"{results.runs} interleaved runs per command (medians). See bench/README.md.",
        "## Machine", info,
        "## Reference report (generated, fictional text)", "\n".join(sizes),
        "## Results", markdown_table(rows),
        "## Every run", raw_table(results),
        "## Method", METHOD.strip(),
    ]
    if profiles:
        parts += ["## Profiles", profiles]
    return "\n\n".join(parts) + "\n"


METHOD = """
- Whole processes: wall time from spawn to exit (`time.perf_counter` around `Popen` +
  `os.wait4`). Peak memory: see «Memory» under Machine. Every command but `--help` runs
  under GNU time when it is present, which adds its ~1–2 ms to both sides of each ratio;
  `--help` runs bare.
- Every command is run once untimed first (file cache, `.pyc`, LibreOffice's profile at
  `bench/work/lo-profile`), then all commands are interleaved run by run, the order reversed every
  other run (A B … B A …) so machine noise hits all of them alike.
- Ratios are the median of the per-run ratios (same run, same machine state).
- mtreport is the console script of the install named under Machine (not a pyenv shim);
  each run writes to a path whose output and `.NAME.mtreport.json` sidecar were deleted first.
- LibreOffice converts mtreport's own .docx of the 1× report; the PDF is checked to exist.
"""


# --------------------------------------------------------------------------- profiling


def profile(source: Path) -> str:
    """Profile the 1× docx and pdf renders, each in a fresh interpreter (run twice)."""
    lines = []
    for fmt in ("docx", "pdf"):
        target = WORK / f"profile-{fmt}.txt"
        argv = [sys.executable, str(BENCH / "profile_build.py"), fmt, str(source), str(target)]
        for _ in range(2):  # the first fills the bytecode cache, the second is kept
            done = subprocess.run(argv, capture_output=True, text=True, env=ENV, check=False)
        if done.returncode == 0:
            head = target.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
            lines.append(f"- `bench/work/{target.name}`: {head}")
        else:
            lines.append(f"- {fmt}: profiling failed: {done.stderr.strip()[-200:]}")
        log(lines[-1])
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="3 runs and no 25× report (the scaling target is not judged)")
    parser.add_argument("--runs", type=int, help="timed runs per command (default 7)")
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    parser.add_argument("--profile", action="store_true",
                        help="also profile the 1× docx and pdf builds (--runs 0: only that)")
    parser.add_argument("--no-pyc", action="store_true",
                        help="run without a bytecode cache (PYTHONDONTWRITEBYTECODE=1)")
    parser.add_argument("--dev", action="store_true",
                        help="time this interpreter's mtreport (e.g. the editable install) "
                             "instead of a wheel installed into bench/work/venv")
    parser.add_argument("--generate-only", action="store_true",
                        help="only write the reference reports into bench/work/")
    return parser.parse_args(argv)


def generate(scales: Sequence[int]) -> None:
    """Write refK.yaml / refK.md (and their CSV and logos) for each scale."""
    for scale in scales:
        yaml_path, md_path = write_reference(WORK, scale, stem(scale))
        log(f"wrote {yaml_path.relative_to(BENCH.parent)} and {md_path.name}")


def main(argv: Sequence[str]) -> int:
    global ENV, INSTALL
    args = parse(argv)
    ENV = child_env(not args.no_pyc)
    scales = SCALES[:2] if args.quick else SCALES
    runs = args.runs if args.runs is not None else 3 if args.quick else 7
    OUT.mkdir(parents=True, exist_ok=True)
    generate(scales)
    if args.generate_only:
        return 0
    profiles = profile(WORK / "ref.yaml") if args.profile else ""
    if runs <= 0:
        return 0
    INSTALL = dev_install() if args.dev else venv_install()
    if INSTALL.problem:
        log(INSTALL.problem)
    commands = prepare_commands(scales)
    sizes = report_sizes(scales)
    results = Results({c.key: c for c in commands})
    measure(commands, runs, results)
    measure_together(commands, results)
    text = document(results, scales, sizes, profiles)
    print(text)
    if args.write:
        (BENCH / "RESULTS.md").write_text(text, encoding="utf-8")
        log("wrote bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
