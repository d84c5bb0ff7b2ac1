"""Profile one in-process render: `python bench/profile_build.py docx|pdf FINDINGS OUT.txt`.

Runs `generator.build.render_document` in a fresh interpreter (so imports are profiled as a
real `mtreport build` pays them) under pyinstrument when it is installed, else cProfile,
and writes the profile as text: cProfile's top 30 entries by cumulative time.
Imports nothing but the standard library before profiling starts.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

TOP = 30


def render(fmt: str, source: Path) -> int:
    """Render without writing; the number of bytes produced."""
    from generator.build import render_document

    return len(render_document(source, fmt))


def with_cprofile(fmt: str, source: Path) -> tuple[str, float]:
    """cProfile's top entries by cumulative time, and the wall time."""
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    render(fmt, source)
    profiler.disable()
    wall = time.perf_counter() - start
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("cumulative").print_stats(TOP)
    return f"profiler: cProfile, top {TOP} by cumulative time\n{stream.getvalue()}", wall


def with_pyinstrument(fmt: str, source: Path) -> tuple[str, float]:
    """pyinstrument's call tree, and the wall time."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    start = time.perf_counter()
    profiler.start()
    render(fmt, source)
    profiler.stop()
    wall = time.perf_counter() - start
    return "profiler: pyinstrument\n" + profiler.output_text(unicode=True, color=False), wall


def has_pyinstrument() -> bool:
    """Whether pyinstrument can be imported (without importing it yet)."""
    from importlib.util import find_spec

    return find_spec("pyinstrument") is not None


def main(argv: list[str]) -> int:
    """Profile one format and write the text profile."""
    fmt, source, target = argv[0], Path(argv[1]), Path(argv[2])
    run = with_pyinstrument if has_pyinstrument() else with_cprofile
    text, wall = run(fmt, source)
    head = (f"# render_document({source.name!r}, {fmt!r}) in-process, imports included; "
            f"wall {wall:.3f} s (with profiler overhead)\n")
    target.write_text(head + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
