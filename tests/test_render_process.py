"""The renderer helper process: the same bytes as rendering here, and never in the way —
any failure of the helper means the build renders in its own process."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from generator import build as build_module
from generator import render_process
from generator.build import build, check, renderer
from generator.compose import compose
from generator.errors import FindingsError
from generator.render_process import RenderProcess, usable
from generator.theme import load_theme

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"

LINUX = sys.platform == "linux" and hasattr(os, "fork")


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Helpers on, also on a runner with one core (where a build does without: slower)."""
    if not LINUX:
        pytest.skip("helpers run on Linux only")
    monkeypatch.setattr(render_process, "spare_core", lambda: True)
    assert usable()


needs_helper = pytest.mark.usefixtures("forking")


@pytest.fixture(scope="module")
def tree():
    source = EXAMPLES / "fjellby.yaml"
    theme = load_theme()
    return compose(check(source).validated.findings, theme, source.parent), theme


@pytest.fixture
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # the helper inherits it


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@needs_helper
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_helper_renders_the_same_bytes_as_this_process(tree, fmt: str, fixed_time: None):
    document, theme = tree
    helper = RenderProcess(fmt)
    pid = helper.pid
    assert pid is not None
    assert helper.render(document, theme) == renderer(fmt)(document, theme)
    assert helper.pid is None and _reaped(pid)


@needs_helper
def test_a_helper_that_died_gives_nothing_and_is_reaped(tree):
    helper = RenderProcess("docx")
    pid = helper.pid
    os.kill(pid, signal.SIGKILL)
    assert helper.render(*tree) is None
    assert _reaped(pid)


@needs_helper
def test_a_renderer_that_raises_in_the_helper_gives_nothing(tree, monkeypatch):
    import generator.render_docx

    def broken(document, theme):
        raise RuntimeError("a renderer bug")

    monkeypatch.setattr(generator.render_docx, "render_docx", broken)  # before the fork
    helper = RenderProcess("docx")
    assert helper.render(*tree) is None


@needs_helper
def test_a_tree_that_does_not_pickle_gives_nothing(tree):
    document, theme = tree
    helper = RenderProcess("docx")
    pid = helper.pid
    render_process.send([helper], lambda: document, theme)  # a lambda cannot be pickled
    assert helper.receive() is None
    assert _reaped(pid)


@needs_helper
def test_an_unused_helper_is_stopped_and_reaped():
    helper = RenderProcess("pdf")
    pid = helper.pid
    helper.close()
    assert helper.pid is None and _reaped(pid)
    helper.close()  # twice is harmless
    assert helper.render(None, None) is None


@needs_helper
def test_ctrl_c_ends_a_helper_without_a_word(tree, capfd):
    helper = RenderProcess("docx")
    os.kill(helper.pid, signal.SIGINT)  # even at once: held back until it can take it
    assert helper.render(*tree) is None
    assert helper.exit_code == -signal.SIGINT
    assert capfd.readouterr().err == ""


@needs_helper
def test_a_sigint_ignored_stays_ignored_in_the_helper(tree):
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a script's background job
    try:
        helper = RenderProcess("docx")
        os.kill(helper.pid, signal.SIGINT)
        assert helper.render(*tree) is not None
        assert helper.exit_code == 0
    finally:
        signal.signal(signal.SIGINT, previous)


@needs_helper
def test_a_ctrl_c_during_the_fork_stops_the_new_helper(monkeypatch):
    forked: list[int] = []
    real_fork = os.fork

    def interrupted_fork() -> int:
        os.kill(os.getpid(), signal.SIGINT)  # held back by the mask until after the fork
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", interrupted_fork)
    with pytest.raises(KeyboardInterrupt):
        RenderProcess("docx")
    assert len(forked) == 1 and _reaped(forked[0])
    assert not render_process._OPEN_ENDS


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


@needs_helper
def test_no_process_to_spare_means_no_helper_and_no_open_pipes(monkeypatch):
    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    before = _open_fds()
    monkeypatch.setattr(os, "fork", refuse)
    helper = RenderProcess("docx")
    assert helper.pid is None and helper.render(None, None) is None
    assert _open_fds() <= before


@needs_helper
def test_no_descriptors_to_spare_means_no_helper_and_no_open_pipes(monkeypatch):
    real_pipe, pipes = os.pipe, []

    def second_refused() -> tuple[int, int]:
        pipes.append(1)
        if len(pipes) > 1:
            raise OSError(24, "Too many open files")
        return real_pipe()

    before = _open_fds()
    monkeypatch.setattr(os, "pipe", second_refused)
    helper = RenderProcess("docx")
    assert helper.pid is None and len(pipes) == 2
    assert _open_fds() <= before


@needs_helper
def test_a_later_helper_does_not_hold_an_earlier_ones_pipes_open(tree):
    first, second = RenderProcess("docx"), RenderProcess("pdf")
    first_pipes = {os.readlink(f"/proc/self/fd/{fd}") for fd in (first._request, first._reply)}

    def held_by_second() -> set[str]:
        folder = f"/proc/{second.pid}/fd"
        return {os.readlink(f"{folder}/{fd}") for fd in os.listdir(folder)} & first_pipes

    deadline = time.monotonic() + 10
    while held_by_second() and time.monotonic() < deadline:  # it closes them as it starts
        time.sleep(0.01)
    assert not held_by_second()
    first.close()
    assert second.render(*tree) is not None


def test_no_helper_runs_beside_another_thread(tree):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not usable()
        helper = RenderProcess("docx")
        assert helper.pid is None
        assert helper.render(*tree) is None
    finally:
        stop.set()
        thread.join()


def test_no_helper_without_a_second_core(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert not usable()


@pytest.mark.parametrize("helpers", [False, True])
def test_strict_refuses_before_the_template_is_read(source: Path, tmp_path: Path,
                                                    helpers: bool):
    text = source.read_text(encoding="utf-8")
    quote = "Det er det eneste jeg gleder meg til hele uka."
    assert quote in text
    source.write_text(text.replace(quote, "Bare ring meg på 912 34 567."), encoding="utf-8")
    assert check(source).warnings
    with pytest.raises(FindingsError) as refused:
        build(source, ("docx",), template=tmp_path / "no-such-template", strict=True,
              helpers=helpers)
    assert not list(source.parent.glob("*.docx"))
    assert ["912 34 567" in p.message for p in refused.value.problems] == [True]


# --------------------------------------------------------------------------- in a build


@pytest.fixture
def source(tmp_path: Path) -> Path:
    target = tmp_path / "in" / "funn.yaml"
    target.parent.mkdir()
    shutil.copy(EXAMPLES / "minimal.yaml", target)
    return target


@needs_helper
def test_a_build_with_helpers_renders_nothing_itself_and_writes_the_same_files(
        source: Path, tmp_path: Path, monkeypatch, fixed_time: None):
    alone = build(source, ("docx", "pdf"), output=tmp_path / "alone.docx")
    rendered_here: list[str] = []
    real = build_module.renderer

    def counting(fmt: str):
        rendered_here.append(fmt)  # in a helper this appends to the helper's own list
        return real(fmt)

    monkeypatch.setattr(build_module, "renderer", counting)
    helped = build(source, ("docx", "pdf"), output=tmp_path / "helped.docx", helpers=True)
    assert rendered_here == []
    for one, other in zip(alone.outputs, helped.outputs, strict=True):
        assert one.read_bytes() == other.read_bytes()


@needs_helper
def test_a_build_falls_back_to_rendering_itself_when_its_helper_fails(
        source: Path, tmp_path: Path, monkeypatch, fixed_time: None):
    alone = build(source, ("docx",), output=tmp_path / "alone.docx").outputs[0].read_bytes()

    def dead_on_arrival(self: RenderProcess, fmt: str) -> None:
        real_init(self, fmt)
        os.kill(self.pid, signal.SIGKILL)

    real_init = RenderProcess.__init__
    monkeypatch.setattr(RenderProcess, "__init__", dead_on_arrival)
    built = build(source, ("docx",), output=tmp_path / "r.docx", helpers=True)
    assert built.outputs[0].read_bytes() == alone


@needs_helper
def test_a_build_that_fails_stops_its_helpers(tmp_path: Path, monkeypatch):
    started: list[int] = []
    real_start = RenderProcess._start

    def recording(self: RenderProcess) -> None:
        real_start(self)
        started.append(self.pid)

    monkeypatch.setattr(RenderProcess, "_start", recording)
    broken = tmp_path / "funn.yaml"
    broken.write_text("tittel: [\n", encoding="utf-8")
    with pytest.raises(FindingsError):
        build(broken, ("docx", "pdf"), helpers=True)
    assert len(started) == 2 and all(_reaped(pid) for pid in started)
    assert not render_process._OPEN_ENDS


_KILLED_BUILD = """
import os, signal, subprocess
from generator import render_process
render_process.spare_core = lambda: True
helper = render_process.RenderProcess("pdf")
assert helper.pid is not None, "no helper started"
# a process that keeps the helper's request pipe open: its pipe alone never ends it then
keeper = subprocess.Popen(["sleep", "60"], pass_fds=(helper._request,),
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(helper.pid, keeper.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # as a watch tool kills a stale build
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")  # dead, unreaped
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not LINUX, reason="helpers run on Linux only")
def test_a_helper_ends_with_a_build_that_was_killed():
    import subprocess

    # not subprocess.run: the helper holds the program's standard output open until it ends
    program = subprocess.Popen([sys.executable, "-c", _KILLED_BUILD], stdout=subprocess.PIPE,
                               text=True, cwd=HERE.parent)
    started: list[int] = []
    try:
        started += map(int, program.stdout.readline().split())
        assert len(started) == 2, "the program did not start a helper and its keeper"
        assert program.wait(timeout=60) == -signal.SIGKILL
        deadline = time.monotonic() + 10
        while not _gone(started[0]) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _gone(started[0])
    finally:
        for pid in (program.pid, *started):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        program.wait(timeout=60)
        program.stdout.close()
