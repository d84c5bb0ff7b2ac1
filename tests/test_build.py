"""The build pipeline as a library call: every format renders and is checked before any is
written, so a refusal never leaves a half-rebuilt report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build, output_paths
from generator.errors import FindingsError, RefusedError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    target = tmp_path / "funn.yaml"
    shutil.copy(EXAMPLES / "minimal.yaml", target)
    return target


def test_outputs_go_beside_the_input_in_a_folder_or_at_the_given_path(tmp_path: Path):
    src = tmp_path / "a" / "funn.yaml"
    assert output_paths(src, ("docx", "pdf"), None) == [src.with_suffix(".docx"),
                                                         src.with_suffix(".pdf")]
    assert output_paths(src, ("pdf",), tmp_path) == [tmp_path / "funn.pdf"]
    assert output_paths(src, ("docx",), tmp_path / "x.docx") == [tmp_path / "x.docx"]
    assert output_paths(src, ("docx", "pdf"), tmp_path / "r.docx") == [tmp_path / "r.docx",
                                                                      tmp_path / "r.pdf"]


def test_a_refused_format_leaves_every_output_as_it_was(source: Path):
    first = build(source, ("docx", "pdf"))
    docx_path, pdf_path = first.outputs
    before = docx_path.read_bytes()
    pdf_path.write_bytes(pdf_path.read_bytes() + b"% the author's note\n")
    edited = pdf_path.read_bytes()
    with pytest.raises(RefusedError):
        build(source, ("docx", "pdf"))
    assert docx_path.read_bytes() == before  # not rebuilt although it alone was fine
    assert pdf_path.read_bytes() == edited


def test_force_rebuilds_both_and_backs_up_only_the_edited_one(source: Path):
    pdf_path = build(source, ("docx", "pdf")).outputs[1]
    pdf_path.write_bytes(b"%PDF-1.4 edited")
    rebuilt = build(source, ("docx", "pdf"), force=True)
    assert len(rebuilt.backups) == 1
    assert rebuilt.backups[0].read_bytes() == b"%PDF-1.4 edited"
    assert pdf_path.read_bytes().startswith(b"%PDF-")
    assert pdf_path.read_bytes() != b"%PDF-1.4 edited"


def test_strict_turns_privacy_warnings_into_errors_and_writes_nothing(source: Path):
    text = source.read_text(encoding="utf-8")
    quote = "Det er det eneste jeg gleder meg til hele uka."
    assert quote in text
    source.write_text(text.replace(quote, "Bare ring meg på 912 34 567."), encoding="utf-8")
    warnings = build(source, ("docx",)).warnings  # a plain build warns and still writes
    assert [w.line for w in warnings] == [text.splitlines().index(f"          - {quote}") + 1]
    source.with_suffix(".docx").unlink()
    with pytest.raises(FindingsError):
        build(source, ("docx",), strict=True)
    assert not source.with_suffix(".docx").exists()
