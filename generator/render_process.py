"""A renderer loaded in a second process while this one reads the findings.

Importing a renderer (python-docx and lxml, or reportlab) takes about as long as loading,
validating and composing a report, and neither needs the other until the document tree is
ready. So a build forks a helper as it starts: the helper imports the renderer on the other
core, then receives the tree (pickled through a pipe), renders it and sends the bytes back.
The helper only ever computes bytes; the build itself checks and writes every file.

It is purely a shortcut: wherever it cannot be used (no `fork`, a single usable core,
other threads running) or fails in any way (it died, the tree would not pickle, the
renderer raised), the build renders in its own process, exactly as it would without it,
and reports any real error from there.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.theme import Theme

# this process's ends of every live helper's pipes: a helper forked later must not hold
# them open (a helper reads its request, and this process its reply, up to end of file)
_OPEN_ENDS: set[int] = set()


class RenderProcess:
    """One format's renderer, loading in a forked helper process (`pid` None: none runs)."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.pid: int | None = None
        self._request = self._reply = -1
        if usable():
            self._start()

    def _start(self) -> None:
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        # a Ctrl-C reaches the whole process group: the helper is to just end, silently.
        # Held back over the fork, a Ctrl-C in between reaches it only once it has SIG_DFL
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            pid = os.fork()
            if pid == 0:  # the helper: it must never return into the build
                try:
                    signal.signal(signal.SIGINT, signal.SIG_DFL)
                    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                    for fd in (request_w, reply_r, *_OPEN_ENDS):
                        os.close(fd)
                    _serve(self.fmt, request_r, reply_w)
                finally:
                    os._exit(1)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(request_r)
        os.close(reply_w)
        self.pid, self._request, self._reply = pid, request_w, reply_r
        _OPEN_ENDS.update((request_w, reply_r))

    def send(self, document: Any, theme: Theme) -> None:
        """Hand the helper the tree to render (it reads it once its import is done)."""
        if self.pid is None:
            return
        try:
            with open(self._request, "wb", closefd=True) as request:
                _OPEN_ENDS.discard(self._request)
                self._request = -1
                pickle.dump((document, theme), request, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # it died, or the tree would not pickle
            self.close()

    def receive(self) -> bytes | None:
        """The helper's rendering of what was sent, or None: render it here instead."""
        if self.pid is None or self._request >= 0:
            return None
        try:
            with open(self._reply, "rb", closefd=True) as reply:
                _OPEN_ENDS.discard(self._reply)
                self._reply = -1
                data = reply.read()
        except OSError:
            data = b""
        return data if self._reaped_ok() and data else None

    def render(self, document: Any, theme: Theme) -> bytes | None:
        """`send`, then `receive`."""
        self.send(document, theme)
        return self.receive()

    def close(self) -> None:
        """Stop a helper that was not used (the build failed first) and reap it."""
        for fd in (self._request, self._reply):
            if fd >= 0:
                _OPEN_ENDS.discard(fd)
                os.close(fd)
        self._request = self._reply = -1
        if self.pid is not None:
            # its work is not wanted; it never writes files, so killing it loses nothing
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reaped_ok()

    def _reaped_ok(self) -> bool:
        """Wait for the helper to end; True if it ended well."""
        pid, self.pid = self.pid, None
        if pid is None:
            return False
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:  # reaped already by someone else (a SIGCHLD handler)
            return False
        return os.waitstatus_to_exitcode(status) == 0

    def __enter__(self) -> RenderProcess:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def usable() -> bool:
    """Whether a helper can run beside this process: a fork without threads (forking a
    threaded process is unsafe) on Linux (macOS's system libraries are not fork-safe),
    with a second core to run on."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) > 1


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
