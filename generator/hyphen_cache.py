"""pyphen's parsed dictionaries kept on disk between runs.

pyphen parses a whole dictionary when it is first used (27 000 patterns for nb_NO, about
0.3 s: more than the rest of a PDF's text). The parsed patterns are plain data, so they
are saved as JSON in the user's cache folder and put into pyphen's own in-memory cache
(`pyphen.hdcache`) on the next run; pyphen then hyphenates exactly as it would have.
Anything wrong with the cache (missing, stale, unreadable, unwritable) only means pyphen
parses the dictionary itself, as without it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pyphen

FORMAT = 1


def cache_folder() -> Path:
    """Where the parsed dictionaries go ($XDG_CACHE_HOME/mtreport, else ~/.cache/mtreport)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtreport"


def preload(code: str) -> None:
    """Put the parsed dictionary of `code` (e.g. nb_NO) into pyphen's cache, from disk
    when a current copy is there, else parsed by pyphen and saved for the next run."""
    source = pyphen.LANGUAGES[code]
    if source in pyphen.hdcache:
        return
    stamp = _stamp(source)
    try:
        target = cache_folder() / f"hyphen-{code}.json"
    except RuntimeError:  # no home folder to be found: no cache, pyphen parses
        pyphen.hdcache[source] = pyphen.HyphDict(source)
        return
    restored = _restore(target, stamp)
    if restored is not None:
        pyphen.hdcache[source] = restored
        return
    parsed = pyphen.HyphDict(source)
    pyphen.hdcache[source] = parsed
    _save(target, stamp, parsed)


def _stamp(source: Path) -> list[object]:
    info = source.stat()
    return [FORMAT, pyphen.VERSION, str(source), info.st_size, info.st_mtime_ns]


def _restore(target: Path, stamp: list[object]) -> pyphen.HyphDict | None:
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        if data["stamp"] != stamp:
            return None
        patterns = {str(k): (int(start), tuple(int(v) for v in values))
                    for k, (start, values) in data["patterns"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not patterns:
        return None
    hd = object.__new__(pyphen.HyphDict)  # what HyphDict.__init__ leaves, without parsing
    hd.patterns, hd.cache, hd.maxlen = patterns, {}, max(map(len, patterns))
    return hd


def _save(target: Path, stamp: list[object], parsed: pyphen.HyphDict) -> None:
    values = [v for _, vs in parsed.patterns.values() for v in vs]
    if not all(type(v) is int for v in values):
        return  # nonstandard hyphenation (pyphen's AlternativeParser) is not plain data
    data = {"stamp": stamp, "patterns": parsed.patterns}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, target)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
