"""The `mtreport` console script: quiet on Ctrl-C even while the CLI is still loading.

Importing typer and the CLI takes a tenth of a second, and a Ctrl-C in that time would
print Python's traceback. Nothing has been read or written yet then, so the process simply
ends with the interrupted code; from the CLI's `main` on, it handles Ctrl-C itself. The
handler lives here, not in generator.cli, so importing the CLI as a library changes nothing.
"""

from __future__ import annotations

import os
import signal
from types import FrameType

INTERRUPTED = 130  # the exit code of Ctrl-C (128 + SIGINT), as generator.cli uses


def main() -> None:
    """Load the CLI with Ctrl-C ending the process quietly, then run it."""
    previous = signal.signal(signal.SIGINT, _interrupted_while_loading)
    from generator.cli import main as run

    signal.signal(signal.SIGINT, previous)
    run()


def _interrupted_while_loading(signum: int, frame: FrameType | None) -> None:
    os.write(2, b"mtreport: interrupted\n")
    os._exit(INTERRUPTED)
