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


# --- what reaches print and metadata ----------------------------------------------------

PRIVATE = """\
report:
  title: Musikkterapi i Dalby
  date: 2025
  authors:
    - name: Liv Forfatter
      organisation: KoRus-Øst
privacy:
  pseudonyms:
    Hege: musikkterapeuten
method:
  purpose: Å kartlegge erfaringene med Hege sitt tilbud.
  informants:
    - id: brukere
      label: Brukere
      count: 2
      form: individual
      members: [b1, b2]
results:
  - group: brukere
    title: Hva mener brukerne?
    questions:
      - text: Hvordan har timene vært?
        quotes:
          - text: Hege ringer hvis jeg ikke kommer.
            informant: b1
          - text: Det er godt å ha Hege å snakke med.
            informant: b2
"""


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for table in document.tables for row in table.rows for c in row.cells]
    return "\n".join(parts)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def private_build(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "dalby.yaml"
    source.write_text(PRIVATE, encoding="utf-8")
    docx_path, pdf_path = build(source, ("docx", "pdf")).outputs
    return docx_path, pdf_path


def test_pseudonyms_replace_names_and_informant_ids_never_print(private_build):
    for text in (_docx_text(private_build[0]), _pdf_text(private_build[1])):
        flat = " ".join(text.split())
        assert "Hege" not in flat
        assert "Musikkterapeuten ringer hvis jeg ikke kommer." in flat  # sentence start
        assert "å ha musikkterapeuten å snakke med" in flat
        assert "b1" not in flat.split() and "b2" not in flat.split()


def test_metadata_names_the_authors_only(private_build):
    import getpass
    import zipfile

    from pypdf import PdfReader

    machine = {getpass.getuser(), str(Path.home())} - {""}
    docx_path, pdf_path = private_build
    with zipfile.ZipFile(docx_path) as package:
        props = {name: package.read(name).decode("utf-8") for name in package.namelist()
                 if name.startswith("docProps/")}
    assert "Liv Forfatter" in props["docProps/core.xml"]
    info = PdfReader(str(pdf_path)).metadata
    assert info.author == "Liv Forfatter"
    for text in (*props.values(), *(str(v) for v in info.values())):
        assert "python-docx" not in text and "Microsoft Macintosh Word" not in text
        for leak in machine:
            assert leak not in text, leak


def test_another_template_is_another_house_style_in_both_formats(source: Path, tmp_path: Path):
    """A copied template with another accent colour and another label restyles both files."""
    import zipfile

    from pypdf import PdfReader

    template = tmp_path / "annen-stil"
    shutil.copytree(EXAMPLES.parent / "templates" / "korus", template)
    theme = template / "theme.yaml"
    theme.write_text(theme.read_text(encoding="utf-8").replace('"1F5C99"', '"8A1C1C"'),
                     encoding="utf-8")  # the accent blue, wherever the theme uses it
    labels = template / "labels" / "nb.yaml"
    text = labels.read_text(encoding="utf-8")
    assert "Oppsummering" in text
    labels.write_text(text.replace("Oppsummering", "Sammendrag"), encoding="utf-8")
    docx_path, pdf_path = build(source, ("docx", "pdf"), template=template).outputs
    with zipfile.ZipFile(docx_path) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
        document = package.read("word/document.xml").decode("utf-8")
    assert "8A1C1C" in styles and "1F5C99" not in styles
    assert "Sammendrag" in document and "Oppsummering" not in document
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(str(pdf_path)).pages)
    assert "Sammendrag" in pdf_text and "Oppsummering" not in pdf_text
