"""write_output never loses the author's edits and never leaves a half-written report."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from generator import __version__
from generator.errors import FindingsError, RefusedError
from generator.output import Written, sidecar_path, write_output

NOW = datetime(2026, 11, 22, 10, 15, 0)
REPO = Path(__file__).resolve().parents[1]


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write may have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "findings.docx"


def test_first_write_creates_file_and_sidecar(target: Path) -> None:
    result = write_output(target, b"report v1", now=NOW)
    assert result == Written(path=target, backup=None)
    assert target.read_bytes() == b"report v1"
    record = json.loads(sidecar_path(target).read_text(encoding="utf-8"))
    assert record["sha256"] == hashlib.sha256(b"report v1").hexdigest()
    assert record["size"] == len(b"report v1")
    assert record["mtreport_version"] == __version__
    assert record["written_utc"].endswith("+00:00")
    assert leftovers(target.parent) == []


def test_sidecar_path() -> None:
    assert sidecar_path(Path("out/findings.docx")) == Path("out/.findings.docx.mtreport.json")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_file_gets_ordinary_permissions(target: Path) -> None:
    old = os.umask(0o022)
    try:
        write_output(target, b"x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_rebuild_without_edits_succeeds(target: Path) -> None:
    write_output(target, b"report v1", now=NOW)
    assert write_output(target, b"report v1", now=NOW).backup is None
    assert write_output(target, b"report v2", now=NOW).backup is None
    assert target.read_bytes() == b"report v2"
    assert sorted(p.name for p in target.parent.iterdir()) == [
        ".findings.docx.mtreport.json",
        "findings.docx",
    ]


def test_edited_file_is_refused_and_left_alone(target: Path) -> None:
    write_output(target, b"report v1", now=NOW)
    target.write_bytes(b"report v1 with the author's comments")
    with pytest.raises(RefusedError, match="has been changed since mtreport wrote it") as info:
        write_output(target, b"report v2", now=NOW)
    assert "--force" in str(info.value) and "-o" in str(info.value)
    assert info.value.exit_code == 3
    assert target.read_bytes() == b"report v1 with the author's comments"


def test_force_keeps_a_backup_of_the_edited_file(target: Path) -> None:
    write_output(target, b"report v1", now=NOW)
    target.write_bytes(b"edited by the author")
    result = write_output(target, b"report v2", force=True, now=NOW)
    assert result.backup == target.with_name("findings.backup-20261122-101500.docx")
    assert result.backup.read_bytes() == b"edited by the author"
    assert target.read_bytes() == b"report v2"
    assert write_output(target, b"report v3", now=NOW).backup is None  # ours again


def test_force_never_overwrites_an_existing_backup(target: Path) -> None:
    first = target.with_name("findings.backup-20261122-101500.docx")
    first.write_bytes(b"older backup")
    backups = []
    for edit in (b"edit one", b"edit two"):
        target.write_bytes(edit)
        backup = write_output(target, b"report", force=True, now=NOW).backup
        assert backup is not None
        backups.append(backup)
    assert [b.name for b in backups] == [
        "findings.backup-20261122-101500-2.docx",
        "findings.backup-20261122-101500-3.docx",
    ]
    assert first.read_bytes() == b"older backup"
    assert [b.read_bytes() for b in backups] == [b"edit one", b"edit two"]


def test_foreign_file_without_sidecar_is_refused(target: Path) -> None:
    target.write_bytes(b"somebody else's document")
    with pytest.raises(RefusedError, match="not written by mtreport"):
        write_output(target, b"report", now=NOW)
    assert target.read_bytes() == b"somebody else's document"


def test_corrupt_sidecar_is_refused(target: Path) -> None:
    write_output(target, b"report", now=NOW)
    sidecar_path(target).write_text("{not json", encoding="utf-8")
    with pytest.raises(RefusedError, match="unreadable"):
        write_output(target, b"report v2", now=NOW)


def test_same_bytes_without_sidecar_are_harmless(target: Path) -> None:
    target.write_bytes(b"report")
    assert write_output(target, b"report", now=NOW).backup is None
    assert sidecar_path(target).exists()


@pytest.mark.parametrize("lock", ["~$findings.docx", "~$ndings.docx", ".~lock.findings.docx#"])
def test_open_in_word_is_refused_even_with_force(target: Path, lock: str) -> None:
    write_output(target, b"report v1", now=NOW)
    (target.parent / lock).write_bytes(b"owner")
    for force in (False, True):
        with pytest.raises(RefusedError, match="open in Word"):
            write_output(target, b"report v2", force=force, now=NOW)
    assert target.read_bytes() == b"report v1"


def test_directory_target_is_an_input_problem(tmp_path: Path) -> None:
    with pytest.raises(FindingsError, match="is a folder") as info:
        write_output(tmp_path, b"report", now=NOW)
    assert info.value.exit_code == 2


def test_missing_folder_is_an_input_problem(tmp_path: Path) -> None:
    with pytest.raises(FindingsError, match="does not exist"):
        write_output(tmp_path / "nope" / "findings.docx", b"report", now=NOW)


def test_failed_replace_leaves_old_file_and_no_temp_files(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_output(target, b"report v1", now=NOW)
    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == target:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="No space left"):
        write_output(target, b"report v2", now=NOW)
    assert target.read_bytes() == b"report v1"
    assert leftovers(target.parent) == []
    monkeypatch.undo()
    write_output(target, b"report v3", now=NOW)  # the sidecar still vouches for v1
    assert target.read_bytes() == b"report v3"


def test_failed_write_leaves_old_file_and_no_temp_files(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_output(target, b"report v1", now=NOW)

    def fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="Input/output"):
        write_output(target, b"report v2", now=NOW)
    assert target.read_bytes() == b"report v1"
    assert leftovers(target.parent) == []


def test_failed_forced_write_keeps_the_edited_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target.write_bytes(b"edited")
    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == target:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        write_output(target, b"report", force=True, now=NOW)
    assert target.read_bytes() == b"edited"
    assert leftovers(target.parent) == []


CHILD = """
import sys
from pathlib import Path
from generator.output import write_output

target = Path(sys.argv[1])
contents = [bytes([65]) * int(sys.argv[2]), bytes([66]) * int(sys.argv[2])]
i = 0
while True:
    write_output(target, contents[i % 2])
    i += 1
"""


def wait_for(condition: Callable[[], bool], child: subprocess.Popen[bytes]) -> None:
    """Poll until ``condition`` holds, failing fast if the writer dies or hangs."""
    deadline = time.monotonic() + 20
    while not condition():
        assert child.poll() is None, "writer died on its own"
        assert time.monotonic() < deadline, "writer never got there"
        time.sleep(0.001)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("attempt", range(6))
def test_killed_writer_leaves_old_or_new_file(tmp_path: Path, attempt: int) -> None:
    size = 4_000_000
    target = tmp_path / "big.docx"
    expected = {hashlib.sha256(bytes([c]) * size).hexdigest() for c in (65, 66)}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), str(size)], env=env, cwd=REPO
    )
    try:
        wait_for(target.exists, child)
        if attempt % 2:  # at a random moment
            time.sleep(random.Random(attempt).uniform(0.0, 0.4))
        else:  # certainly in the middle of a write
            wait_for(lambda: bool(leftovers(tmp_path)), child)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert hashlib.sha256(target.read_bytes()).hexdigest() in expected
    # The sidecar and the report still agree, so the next build needs no --force.
    write_output(target, b"after the crash")
    assert target.read_bytes() == b"after the crash"
