"""A renderer loaded in a second process while this one reads the findings.

Importing a renderer (python-docx and lxml, or reportlab) takes about as long as loading,
validating and composing a report, and neither needs the other until the document tree is
ready. So a build forks a helper as it starts: the helper imports the renderer on the other
core, then receives the tree (pickled through a pipe), renders it and sends the bytes back.
The helper computes bytes; the build itself checks and writes every file. (The one file a
helper may write is the PDF renderer's hyphenation cache, as a build in one process would.)

It is purely a shortcut: wherever it cannot be used (no `fork`, a single usable core,
other threads running) or fails in any way (no pipe or process to spare, it died, the tree
would not pickle, the renderer raised), the build renders in its own process, exactly as
it would without it, and reports any real error from there.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.doctree import Document
    from generator.theme import Theme

# this process's ends of every live helper's pipes: a helper forked later must not hold
# them open (a helper reads its request, and this process its reply, up to end of file)
_OPEN_ENDS: set[int] = set()
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


class RenderProcess:
    """One format's renderer, loading in a forked helper process (`pid` None: none runs;
    `exit_code` is how the last helper ended, as `subprocess` tells it: -2 for SIGINT)."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.pid: int | None = None
        self.exit_code: int | None = None
        self._request = self._reply = -1
        self._sent = False
        if usable():
            self._start()

    def _start(self) -> None:
        ends: list[int] = []
        try:
            ends += os.pipe()
            ends += os.pipe()
        except OSError:  # out of file descriptors: no helper
            self._close_all(ends)
            return
        request_r, request_w, reply_r, reply_w = ends
        # A Ctrl-C reaches the whole process group. Held back over the fork, one that comes
        # in between reaches the helper once it has its own handler, and this process once
        # the helper is on record (so that it is stopped and reaped, never left behind).
        inherited = signal.getsignal(signal.SIGINT)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:  # no processes to spare: render here
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            self._close_all(ends)
            return
        if pid == 0:  # the helper: it must never return into the build
            try:
                # it just ends on Ctrl-C, silently; a SIGINT ignored stays ignored
                if inherited is not signal.SIG_IGN:
                    signal.signal(signal.SIGINT, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                self._close_all((request_w, reply_r, *_OPEN_ENDS))
                _end_with(parent)
                _serve(self.fmt, request_r, reply_w)
            finally:
                os._exit(1)
        self._close_all((request_r, reply_w))
        self.pid, self._request, self._reply = pid, request_w, reply_r
        _OPEN_ENDS.update((request_w, reply_r))
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        except BaseException:  # the Ctrl-C held back: no caller will get to close it
            self.close()
            raise

    def _send(self, request: bytes) -> None:
        """Hand the helper its request (it reads it once its import is done)."""
        self._sent = True
        try:
            with open(self._take("_request"), "wb", closefd=True) as pipe:
                pipe.write(request)
        except OSError:  # it died
            self.close()

    def receive(self) -> bytes | None:
        """The helper's rendering of what was sent, or None: render it here instead."""
        if self.pid is None or not self._sent:
            return None
        try:
            with open(self._take("_reply"), "rb", closefd=True) as reply:
                data = reply.read()
        except OSError:
            data = b""
        return data if self._reap() == 0 and data else None

    def render(self, document: Document, theme: Theme) -> bytes | None:
        """`send` to this helper alone, then `receive`."""
        send([self], document, theme)
        return self.receive()

    def close(self) -> None:
        """Stop a helper whose work is not wanted (the build failed first) and reap it."""
        self._close_all([self._take(name) for name in ("_request", "_reply")])
        if self.pid is None:
            return
        # it writes nothing of the build's; a hyphenation cache it was saving is written
        # atomically, and the next save sweeps the temporary file a kill leaves behind
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        self._reap()

    def _take(self, name: str) -> int:
        """One of this process's pipe ends, handed over to be closed (-1: none left)."""
        fd = getattr(self, name)
        setattr(self, name, -1)
        _OPEN_ENDS.discard(fd)
        return fd

    @staticmethod
    def _close_all(fds: Iterable[int]) -> None:
        for fd in fds:
            if fd >= 0:
                os.close(fd)

    def _reap(self) -> int | None:
        """Wait for the helper to end; its exit code (None: someone else reaped it)."""
        if self.pid is None:
            return None
        try:
            _, status = os.waitpid(self.pid, 0)  # a Ctrl-C here leaves it on record
        except ChildProcessError:  # reaped already by someone else (a SIGCHLD handler)
            self.exit_code = None
        else:
            self.exit_code = os.waitstatus_to_exitcode(status)
        self.pid = None
        return self.exit_code

    def __enter__(self) -> RenderProcess:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def send(helpers: Iterable[RenderProcess], document: Document, theme: Theme) -> None:
    """Hand every waiting helper the tree to render, pickled once for all of them; a tree
    that will not pickle stops them (the build then renders it itself)."""
    waiting = [helper for helper in helpers if helper.pid is not None and not helper._sent]
    if not waiting:
        return
    try:
        request = pickle.dumps((document, theme), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # anything pickle raises on an object it cannot take
        for helper in waiting:
            helper.close()
        return
    for helper in waiting:
        helper._send(request)


def usable() -> bool:
    """Whether a helper can run beside this process: a fork of a single-threaded process
    (forking one with threads is unsafe) on Linux (macOS's system libraries are not
    fork-safe), with a second core to run on."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    return _threads() == 1 and spare_core()


def spare_core() -> bool:
    """Whether this process may run on more than one core."""
    return len(os.sched_getaffinity(0)) > 1


def _threads() -> int:
    """This process's threads as the kernel counts them (threads started from C too)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    threading = sys.modules.get("threading")
    return threading.active_count() if threading is not None else 1


def _end_with(parent: int) -> None:
    """Have the kernel end the helper when the build ends, however it ends: a tool that
    rebuilds on every save kills a stale build, and its helper must not go on rendering.
    (Without it, or if the kernel refuses, an orphaned helper stops at its closed pipes,
    later.) About 4 ms, spent while the helper would otherwise wait for the tree."""
    try:
        import ctypes

        prctl = ctypes.CDLL(None).prctl
        prctl.argtypes, prctl.restype = (ctypes.c_int, ctypes.c_ulong), ctypes.c_int
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))  # -1 (refused): the pipes will do
    except (ImportError, OSError, AttributeError):  # no ctypes or prctl: the pipes will do
        return
    if os.getppid() != parent:  # the build ended before that took hold
        os._exit(1)


def _serve(fmt: str, request_fd: int, reply_fd: int) -> None:
    """The helper's whole life: import, wait for the tree, render, answer, end."""
    code = 1
    try:
        from generator.build import renderer

        render = renderer(fmt)
        with open(request_fd, "rb", closefd=True) as request:
            document, theme = pickle.load(request)
        data = render(document, theme)
        with open(reply_fd, "wb", closefd=True) as reply:
            reply.write(data)
        code = 0
    except BaseException:  # the build renders in its own process instead
        pass
    finally:
        os._exit(code)  # nothing of the parent's (buffers, atexit, temp files) runs twice
