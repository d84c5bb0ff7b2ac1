"""The `mtreport` console script: quiet on Ctrl-C even while the CLI is still loading.

Importing typer and the CLI takes a tenth of a second, and a Ctrl-C in that time would
print Python's traceback. Nothing has been read or written yet then, so the process simply
ends as interrupted; from the CLI's `main` on, it handles Ctrl-C itself. The handler lives
here, not in generator.cli, so importing the CLI as a library changes nothing. (A Ctrl-C in
the interpreter's own start, before this runs, is Python's to report.)
"""

from __future__ import annotations

import contextlib
import os
import signal
from types import FrameType

INTERRUPTED = 130  # what a shell shows for a process ended by Ctrl-C (128 + SIGINT)


def main() -> None:
    """Load the CLI with Ctrl-C ending the process quietly, then run it."""
    # only where Ctrl-C would raise KeyboardInterrupt: a shell that started mtreport with
    # SIGINT ignored (a background job of a script) keeps it ignored
    quiet = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if quiet:
        signal.signal(signal.SIGINT, _interrupted_while_loading)
    from generator.cli import main as run

    if quiet:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    run()


def end_interrupted() -> None:
    """End the process as killed by SIGINT, after saying so, so that a shell loop or script
    running mtreport stops too (a process that merely exits with 130 looks, to the shell,
    as if it had handled the Ctrl-C itself); 130 where the signal cannot be raised."""
    with contextlib.suppress(OSError):
        os.write(2, b"mtreport: interrupted\n")
    if hasattr(signal, "SIGINT") and hasattr(os, "kill"):
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    os._exit(INTERRUPTED)


def _interrupted_while_loading(signum: int, frame: FrameType | None) -> None:
    end_interrupted()
