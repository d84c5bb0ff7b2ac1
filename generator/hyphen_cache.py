"""pyphen's parsed dictionaries kept on disk between runs.

pyphen parses a whole dictionary when it is first used (27 000 patterns for nb_NO, about
0.3 s: more than the rest of a PDF's text). The parsed patterns are plain data, so they
are saved as JSON in the user's cache folder and put into pyphen's own in-memory cache
(`pyphen.hdcache`) on the next run; pyphen then hyphenates exactly as it would have.
Anything wrong with the cache (missing, stale, unreadable, unwritable) only means pyphen
parses the dictionary itself, as without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

import pyphen

FORMAT = 2
_TEMPORARY = "hyphen-saving-"  # a save's temporary file, renamed into place when whole
_STALE_SECONDS = 600  # a temporary this old is a killed save's, not a running one's


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
    except RuntimeError:  # no home folder to be found: no cache, pyphen parses as ever
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
    """The saved patterns, if they are for this very dictionary and arrived whole.

    The file is a header line (stamp and the SHA-256 of the rest) and the patterns as
    JSON, [offset, [values]] lists that pyphen reads as it reads its own tuples; the
    checksum stands in for checking 27 000 entries one by one.
    """
    try:
        header, _, body = target.read_text(encoding="utf-8").partition("\n")
        head = json.loads(header)
        if head["stamp"] != stamp or head["sha256"] != _digest(body):
            return None
        patterns = json.loads(body)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(patterns, dict) or not patterns:
        return None
    hd = object.__new__(pyphen.HyphDict)  # what HyphDict.__init__ leaves, without parsing
    hd.patterns, hd.cache, hd.maxlen = patterns, {}, max(map(len, patterns))
    return hd


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _save(target: Path, stamp: list[object], parsed: pyphen.HyphDict) -> None:
    values = [v for _, vs in parsed.patterns.values() for v in vs]
    if not all(type(v) is int for v in values):
        return  # nonstandard hyphenation (pyphen's AlternativeParser) is not plain data
    body = json.dumps(parsed.patterns, ensure_ascii=False, separators=(",", ":"))
    header = json.dumps({"stamp": stamp, "sha256": _digest(body)})
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _sweep(target.parent)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=_TEMPORARY,
                                             suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(f"{header}\n{body}")
        os.replace(temporary, target)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _sweep(folder: Path) -> None:
    """Remove temporary files that killed saves left: a build's renderer helper is killed
    when the build fails first or is killed itself (see generator.render_process), and
    any process can be killed mid-save."""
    now = time.time()
    for leftover in folder.glob(f"{_TEMPORARY}*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _STALE_SECONDS:
                leftover.unlink()
