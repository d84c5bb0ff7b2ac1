"""Writing reports without ever losing what the author has done to the previous one.

Every file mtreport writes gets a small JSON sidecar (``.<name>.mtreport.json``) holding the
sha256 of the bytes written. A later build overwrites the file only if it is still byte-identical
to what mtreport wrote; otherwise the author has edited it (or it was never ours) and the build
is refused, or with ``force`` the old file is kept as a timestamped backup first.

Crash safety: the sidecar is written *before* the report and records both the new fingerprint
and the one it replaces, so a process killed between the two steps leaves a pair that the next
build still accepts. Both files are written to a temporary file in the same folder, fsynced and
moved into place with ``os.replace``, so a killed process leaves the old or the new file, never
a truncated one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import FindingsError, Problem, RefusedError

SIDECAR_FORMAT = 1
_DEFAULT_MODE = 0o644
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Written:
    """Where the report went, and where the author's previous file was kept (if it was)."""

    path: Path
    backup: Path | None


def sidecar_path(target: Path) -> Path:
    """The hidden fingerprint file beside ``target``, so it travels with the report's folder."""
    target = Path(target)
    return Path(target.parent, f".{target.name}.mtreport.json")


def write_output(
    target: Path, data: bytes, *, force: bool = False, now: datetime | None = None
) -> Written:
    """Write ``data`` to ``target`` atomically, refusing to clobber anything the author edited."""
    target = Path(target)
    now = now if now is not None else datetime.now(timezone.utc)
    _check_destination(target)
    _check_not_open(target)
    previous = _existing_fingerprint(target, data, force=force)
    backup = _keep_backup(target, now) if _needs_backup(target, previous) else None
    try:
        _atomic_write(sidecar_path(target), _sidecar_bytes(target, data, previous, now))
        _atomic_write(target, data)
    except BaseException:
        _drop_redundant_backup(target, backup)
        raise
    return Written(path=target, backup=backup)


def check_target(target: Path, data: bytes, *, force: bool = False) -> None:
    """Raise what `write_output` would refuse, writing nothing: a build of several formats
    checks every target first, so one refusal never leaves the others half rebuilt."""
    target = Path(target)
    _check_destination(target)
    _check_not_open(target)
    _existing_fingerprint(target, data, force=force)


# --- checks before writing ----------------------------------------------------------------------


def _check_destination(target: Path) -> None:
    """Turn an impossible output path into an input problem the author can fix (exit 2)."""
    if target.is_dir():
        _bad_output(
            target, f"{target} is a folder; give a file name such as {target / 'report.docx'}"
        )
    if not target.parent.is_dir():
        _bad_output(
            target,
            f"the folder {target.parent} does not exist; create it or choose another path with -o",
        )


def _bad_output(target: Path, message: str) -> NoReturn:
    """Raise the problem with the output path the way all input problems are reported."""
    raise FindingsError([Problem(str(target), None, None, "output", message)])


def lock_files(target: Path) -> list[Path]:
    """Lock files Word (and LibreOffice) leave beside an open document, as candidates to check."""
    name = target.name
    names = [f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"]
    return [target.parent / n for n in dict.fromkeys(names) if n not in ("~$", ".~lock.#")]


def _check_not_open(target: Path) -> None:
    """Refuse while the document is open: Word would keep, and later save, its own copy."""
    for lock in lock_files(target):
        if lock.exists():
            raise RefusedError(
                f"{target} seems to be open in Word or LibreOffice (found its lock file "
                f"{lock.name}). Close it first, then build again. If Word is not running, the lock "
                f"file was left behind by a crash and can be deleted: {lock}"
            )


def _existing_fingerprint(target: Path, data: bytes, *, force: bool) -> str | None:
    """The current file's sha256 if it is safe to replace; refuse otherwise (unless forced)."""
    if not target.exists():
        return None
    current = _file_sha256(target)
    if current == _sha256(data) or current in _recorded_fingerprints(target):
        return current
    if not force:
        raise RefusedError(
            f"{target} has been changed since mtreport wrote it (or was not written by mtreport): "
            f"{_why_not_ours(target)}. Use --force to keep a backup of it and rebuild, "
            "or -o to write elsewhere."
        )
    return None


def _needs_backup(target: Path, previous: str | None) -> bool:
    """Only a file that exists and is not a known mtreport output is worth a backup."""
    return previous is None and target.exists()


def _why_not_ours(target: Path) -> str:
    """One phrase telling the author which check failed, so the refusal is not a mystery."""
    side = sidecar_path(target)
    if not side.exists():
        return f"there is no record ({side.name}) that mtreport wrote it"
    if _read_sidecar(side) is None:
        return f"mtreport's record of it ({side.name}) is unreadable"
    return "its contents differ from what mtreport last wrote there"


def _recorded_fingerprints(target: Path) -> set[str]:
    """Fingerprints mtreport recorded for this path: the latest write and the one it replaced."""
    record = _read_sidecar(sidecar_path(target))
    if record is None:
        return set()
    return {v for k in ("sha256", "previous_sha256") if _is_sha256(v := record.get(k))}


def _read_sidecar(side: Path) -> dict[str, object] | None:
    """The sidecar's JSON object, or None when it is missing, unreadable or not ours."""
    try:
        record = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(record, dict) or not _is_sha256(record.get("sha256")):
        return None
    return record


def _is_sha256(value: object) -> bool:
    """A well-formed hex sha256, so a corrupt sidecar can never vouch for a file."""
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )


def _sha256(data: bytes) -> str:
    """Fingerprint of bytes about to be written."""
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    """Fingerprint of a file on disk, read in chunks so big reports do not fill memory."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(chunk)
    except OSError as exc:
        raise RefusedError(
            f"cannot read {path} to check whether it was edited ({exc.strerror}). "
            "Use -o to write elsewhere."
        ) from exc
    return digest.hexdigest()


# --- backups ------------------------------------------------------------------------------------


def backup_candidates(target: Path, now: datetime) -> Iterator[Path]:
    """``name.backup-YYYYMMDD-HHMMSS.ext``, then ``-2``, ``-3``… so no backup is ever reused."""
    stamp = _local(now).strftime("%Y%m%d-%H%M%S")
    base = f"{target.stem}.backup-{stamp}"
    yield target.with_name(f"{base}{target.suffix}")
    n = 2
    while True:
        yield target.with_name(f"{base}-{n}{target.suffix}")
        n += 1


def _local(now: datetime) -> datetime:
    """Backup names use the author's wall-clock time; a naive ``now`` is taken as local already."""
    return now if now.tzinfo is None else now.astimezone()


def _keep_backup(target: Path, now: datetime) -> Path:
    """Give the current file a second name it keeps after the new report replaces it."""
    for candidate in backup_candidates(target, now):
        try:
            _link_or_copy(target, candidate)
        except FileExistsError:
            continue
        _fsync_dir(target.parent)
        return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def _link_or_copy(source: Path, backup: Path) -> None:
    """Hard-link (an atomic, no-clobber move once the target is replaced); copy where unsupported.

    The old file is never removed: ``os.replace`` onto the target later detaches it, leaving
    it only under the backup name, and there is no moment without a file at the target.
    """
    try:
        os.link(source, backup)
    except FileExistsError:
        raise
    except (OSError, NotImplementedError, AttributeError):
        _copy_exclusive(source, backup)


def _copy_exclusive(source: Path, backup: Path) -> None:
    """Copy for file systems without hard links (FAT, some shares), never overwriting a file."""
    with source.open("rb") as src, backup.open("xb") as dst:
        for chunk in iter(lambda: src.read(_CHUNK), b""):
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    with contextlib.suppress(OSError):
        os.utime(backup, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns))


def _drop_redundant_backup(target: Path, backup: Path | None) -> None:
    """After a failed write the target is untouched, so a hard-linked backup is only clutter."""
    if backup is None:
        return
    with contextlib.suppress(OSError):
        if os.path.samefile(backup, target):
            backup.unlink()


# --- atomic writing -----------------------------------------------------------------------------


def _sidecar_bytes(target: Path, data: bytes, previous: str | None, now: datetime) -> bytes:
    """The fingerprint record, including the replaced fingerprint for crash recovery."""
    record = {
        "format": SIDECAR_FORMAT,
        "file": target.name,
        "sha256": _sha256(data),
        "size": len(data),
        "previous_sha256": previous,
        "mtreport_version": __version__,
        "written_utc": now.astimezone(timezone.utc).isoformat(timespec="seconds"),
    }
    return (json.dumps(record, indent=2) + "\n").encode("utf-8")


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step, so readers and crashes see the old or the new bytes only."""
    mode = _mode_for(path)
    tmp = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed explicitly before the rename
        dir=path.parent, delete=False, prefix=f".{path.name}.", suffix=".tmp"
    )
    tmp_path = Path(tmp.name)
    try:
        with tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_path, mode)
        os.replace(tmp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise
    _fsync_dir(path.parent)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; new files get 0o644 minus umask, not mkstemp's 0o600."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return _DEFAULT_MODE & ~_current_umask()


def _current_umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; silently skipped where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
