"""The Word renderer, checked on the structure of the produced .docx (never its bytes)."""

from __future__ import annotations

import io
import posixpath
import re
import time
import types
import zipfile
from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import docx
import pytest
from lxml import etree
from sample_tree import QUOTES, runs, sample_document
from tooling import convert_to_pdf, pdf_text, validate_ooxml

from generator import doctree as t
from generator.docx_styles import STRUCTURAL_STYLES, ui_name
from generator.render_docx import ROLES, render_docx, style_names
from generator.theme import load_theme

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "cu": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
W = f"{{{NS['w']}}}"
R_ID = f"{{{NS['r']}}}id"


class Package:
    """A rendered .docx opened as a zip of XML parts."""

    def __init__(self, data: bytes):
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    def names(self) -> list[str]:
        return self.zip.namelist()

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    @cached_property
    def document(self) -> etree._Element:
        return self.xml("word/document.xml")

    @cached_property
    def styles(self) -> etree._Element:
        return self.xml("word/styles.xml")

    @cached_property
    def numbering(self) -> etree._Element:
        return self.xml("word/numbering.xml")

    def style(self, style_id: str) -> etree._Element:
        found = self.styles.xpath(f'w:style[@w:styleId="{style_id}"]', namespaces=NS)
        assert found, f"no style with id {style_id}"
        return found[0]

    def style_name(self, style_id: str) -> str:
        return ui_name(self.style(style_id).find("w:name", NS).get(W + "val"))

    def paragraphs(self) -> list[etree._Element]:
        return self.document.xpath("/w:document/w:body/w:p", namespaces=NS)

    def header_parts(self) -> dict[str, etree._Element]:
        return {n: self.xml(n) for n in self.names() if re.fullmatch(r"word/header\d+\.xml", n)}

    def rel_target(self, rid: str) -> str:
        rels = self.xml("word/_rels/document.xml.rels")
        rel = rels.xpath(f'*[@Id="{rid}"]')[0]
        return "word/" + rel.get("Target")


def text_of(p: etree._Element) -> str:
    """The visible text of a paragraph (runs inside hyperlinks too, not field codes)."""
    out = []
    for node in p.iter(W + "t", W + "tab"):
        out.append("\t" if node.tag == W + "tab" else node.text or "")
    return "".join(out)


def pstyle(p: etree._Element) -> str | None:
    found = p.find("w:pPr/w:pStyle", NS)
    return None if found is None else found.get(W + "val")


@pytest.fixture(scope="module")
def theme():
    return load_theme()


@pytest.fixture(scope="module")
def sample():
    return sample_document("nb")


@pytest.fixture(scope="module")
def pkg(sample, theme) -> Package:
    return Package(render_docx(sample, theme))


@pytest.fixture(scope="module")
def docx_file(pkg, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "sample.docx"
    path.write_bytes(pkg.data)
    return path


def by_style(pkg: Package, style_id: str) -> list[etree._Element]:
    return [p for p in pkg.paragraphs() if pstyle(p) == style_id]


# --- styles -------------------------------------------------------------------------------

def test_headings_quotes_and_bullets_carry_named_styles(pkg, sample):
    opened = docx.Document(io.BytesIO(pkg.data))
    style_of = {p.text: p.style.name for p in opened.paragraphs}
    for heading in sample.headings():
        expected = "Heading 1" if heading.number is None else f"Heading {heading.level}"
        assert style_of[heading.text] == expected
    for quote in QUOTES:
        assert style_of[f"«{quote}»"] == "Quote"
    assert style_of["«Tilbudet bør gis av utdannede musikkterapeuter.» "
                    "(Helsedirektoratet 2013, s. 16)"] == "Citation"
    assert style_of["Gir motivasjon"] == "List Bullet"
    assert style_of["Sitater om innhold:"] == "Run-in"
    assert style_of["3. Hvor tilfreds har du vært med innholdet i tilbudet?"] == "Question"
    assert style_of["Per Hansen"] == "Signature"


def test_every_style_used_comes_from_the_theme(pkg, theme):
    used = set(pkg.document.xpath("//w:pStyle/@w:val | //w:tblStyle/@w:val", namespaces=NS))
    for header in pkg.header_parts().values():
        used |= set(header.xpath("//w:pStyle/@w:val", namespaces=NS))
    names = {pkg.style_name(style_id) for style_id in used}
    assert names <= set(theme.styles), names - set(theme.styles)
    defined = {ui_name(n) for n in pkg.styles.xpath("w:style/w:name/@w:val", namespaces=NS)}
    assert defined == set(theme.styles) | set(STRUCTURAL_STYLES)
    assert style_names(theme) <= set(theme.styles)
    for role in ROLES:
        theme.style_for(role)


def test_styles_are_defined_from_the_theme(pkg, theme):
    h1 = theme.style("Heading 1")
    rpr = pkg.style("Heading1").find("w:rPr", NS)
    assert rpr.find("w:color", NS).get(W + "val") == h1.color
    assert rpr.find("w:sz", NS).get(W + "val") == str(round(h1.size * 2))
    assert rpr.find("w:b", NS) is not None
    ppr = pkg.style("Heading1").find("w:pPr", NS)
    assert ppr.find("w:keepNext", NS) is not None
    assert ppr.find("w:pageBreakBefore", NS) is not None
    normal = pkg.style("Normal")
    assert normal.find("w:rPr/w:rFonts", NS).get(W + "ascii") == theme.fonts["body"].docx
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert spacing.get(W + "line") == str(round(theme.style("Normal").line_spacing * 240))
    quote = pkg.style("Quote")
    assert quote.find("w:rPr/w:i", NS) is not None
    assert quote.find("w:pPr/w:keepLines", NS) is not None
    assert quote.find("w:pPr/w:ind", NS).get(W + "left") == \
        str(round(theme.style("Quote").indent_left * 20))
    assert pkg.style("Heading2").find("w:basedOn", NS).get(W + "val") == "Heading1"


def test_language_is_set_in_the_style_defaults(pkg, theme):
    lang = pkg.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(W + "val") == "nb-NO"
    nynorsk = Package(render_docx(sample_document("nn"), theme))
    assert nynorsk.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS) \
        .get(W + "val") == "nn-NO"


# --- numbering ----------------------------------------------------------------------------

def _num_of_style(pkg: Package, style_id: str) -> tuple[str, str]:
    num = pkg.style(style_id).find("w:pPr/w:numPr", NS)
    ilvl = num.find("w:ilvl", NS)
    return num.find("w:numId", NS).get(W + "val"), "0" if ilvl is None else ilvl.get(W + "val")


def _abstract(pkg: Package, num_id: str) -> etree._Element:
    abstract_id = pkg.numbering.xpath(f'w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val',
                                      namespaces=NS)[0]
    return pkg.numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract_id}"]',
                               namespaces=NS)[0]


def test_heading_numbering_is_a_multilevel_list_linked_to_the_heading_styles(pkg):
    ids = {_num_of_style(pkg, f"Heading{n}")[0] for n in (1, 2, 3)}
    assert len(ids) == 1
    assert [_num_of_style(pkg, f"Heading{n}")[1] for n in (1, 2, 3)] == ["0", "1", "2"]
    abstract = _abstract(pkg, ids.pop())
    levels = abstract.findall("w:lvl", NS)[:3]
    assert [lvl.find("w:pStyle", NS).get(W + "val") for lvl in levels] == \
        ["Heading1", "Heading2", "Heading3"]
    assert [lvl.find("w:lvlText", NS).get(W + "val") for lvl in levels] == \
        ["%1", "%1.%2", "%1.%2.%3"]
    assert {lvl.find("w:numFmt", NS).get(W + "val") for lvl in levels} == {"decimal"}


def test_unnumbered_headings_switch_numbering_off_and_the_rest_count_like_the_tree(pkg,
                                                                                    sample):
    counters = [0, 0, 0]
    headings = {h.text: h for h in sample.headings()}
    seen = 0
    for p in pkg.paragraphs():
        style = pstyle(p)
        if style not in ("Heading1", "Heading2", "Heading3"):
            continue
        heading = headings[text_of(p)]
        seen += 1
        num = p.find("w:pPr/w:numPr/w:numId", NS)
        if heading.number is None:
            assert num is not None and num.get(W + "val") == "0"
            continue
        assert num is None  # numbered through the style
        level = int(style[-1])
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        assert ".".join(str(c) for c in counters[:level]) == heading.number
    assert seen == len(headings)
    toc_heading = pkg.style("TOCHeading").find("w:pPr", NS)
    assert toc_heading.find("w:numPr/w:numId", NS).get(W + "val") == "0"
    assert toc_heading.find("w:outlineLvl", NS).get(W + "val") == "9"


def test_bullets_are_accent_squares_from_a_numbering_definition(pkg, theme):
    num_id, _ = _num_of_style(pkg, "ListBullet")
    lvl = _abstract(pkg, num_id).find("w:lvl", NS)
    assert lvl.find("w:numFmt", NS).get(W + "val") == "bullet"
    assert lvl.find("w:lvlText", NS).get(W + "val") == "■"
    assert lvl.find("w:pStyle", NS).get(W + "val") == "ListBullet"
    assert lvl.find("w:rPr/w:color", NS).get(W + "val") == theme.color("accent")
    ind = lvl.find("w:pPr/w:ind", NS)
    assert int(ind.get(W + "hanging")) > 0
    bullets = by_style(pkg, "ListBullet")
    assert len(bullets) == 4
    assert all(not text_of(p).startswith("■") for p in bullets)


# --- contents -----------------------------------------------------------------------------

def test_toc_is_a_field_with_prefilled_hyperlinked_entries(pkg, sample):
    instructions = [i.text for i in pkg.document.iter(W + "instrText")]
    assert ' TOC \\o "1-3" \\h \\z \\u ' in instructions
    entries = [p for p in pkg.paragraphs() if (pstyle(p) or "").startswith("TOC")
               and pstyle(p) != "TOCHeading"]
    expected = [f"{h.number} {h.text}" if h.number else h.text for h in sample.headings()]
    assert [text_of(p).split("\t")[0] for p in entries] == expected
    assert [pstyle(p) for p in entries] == [f"TOC{h.level}" for h in sample.headings()]
    bookmarks = set(pkg.document.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    for p in entries:
        anchor = p.find("w:hyperlink", NS).get(W + "anchor")
        assert anchor in bookmarks
        assert f" PAGEREF {anchor} \\h " in [i.text for i in p.iter(W + "instrText")]
        assert text_of(p).split("\t")[1].isdigit()
    chars = [c.get(W + "fldCharType") for p in entries for c in p.iter(W + "fldChar")]
    assert chars[0] == "begin" and chars[-1] == "end"
    assert chars.count("begin") == chars.count("end") == len(entries) + 1
    pages = [int(text_of(p).split("\t")[1]) for p in entries]
    assert pages == sorted(pages) and pages[0] >= 3


def test_toc_styles_have_a_dot_leader_right_tab(pkg):
    for n in (1, 2, 3):
        tab = pkg.style(f"TOC{n}").find("w:pPr/w:tabs/w:tab", NS)
        assert (tab.get(W + "val"), tab.get(W + "leader")) == ("right", "dot")


def test_fields_are_updated_when_word_opens_the_file(pkg):
    settings = pkg.xml("word/settings.xml")
    assert settings.find("w:updateFields", NS).get(W + "val") == "true"
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert settings.find("w:mirrorMargins", NS) is not None


# --- sections and headers -----------------------------------------------------------------

def test_front_section_has_no_header_and_body_has_odd_and_even_headers(pkg):
    sections = pkg.document.xpath("//w:sectPr", namespaces=NS)
    assert len(sections) == 3
    cover, colophon, body = sections
    for front in (cover, colophon):  # the first sections: nothing to inherit a header from
        assert front.find("w:headerReference", NS) is None
    # what the theme sets at the foot of a page is framed by its style, not the paragraph
    for name in ("Colophon", "Cover Partners"):
        frame = pkg.style(name.replace(" ", "")).find("w:pPr/w:framePr", NS)
        assert frame.get(W + "yAlign") == "bottom" and frame.get(W + "vAnchor") == "margin"
    assert pkg.style("Normal").find("w:pPr/w:framePr", NS) is None
    kinds = {ref.get(W + "type"): ref.get(R_ID)
             for ref in body.findall("w:headerReference", NS)}
    assert set(kinds) == {"default", "even"}
    paragraphs = pkg.paragraphs()
    ends = [i for i, p in enumerate(paragraphs) if p.find(".//w:sectPr", NS) is not None]
    front_end = ends[-1]
    assert "ISBN" in " ".join(text_of(p) for p in paragraphs[ends[0] + 1:front_end + 1])
    front_text = " ".join(text_of(p) for p in paragraphs[:front_end + 1])
    assert "Musikkterapi i kommunalt rusarbeid" in front_text and "ISBN" in front_text
    assert text_of(paragraphs[front_end + 1]) == "Forord"


def test_running_header_is_letter_spaced_capitals_with_a_page_field(pkg, theme, sample):
    body = pkg.document.xpath("//w:body/w:sectPr", namespaces=NS)[0]
    spacing = str(round(float(theme.header["letter_spacing"]) * 20))
    sides = {}
    for ref in body.findall("w:headerReference", NS):
        header = pkg.xml(pkg.rel_target(ref.get(R_ID)))
        p = header.find("w:p", NS)
        assert pkg.style_name(pstyle(p)) == "Header"
        runs_ = p.findall("w:r", NS)
        title = [r for r in runs_ if "".join(r.itertext()) == sample.meta.header_text.upper()]
        assert len(title) == 1
        assert title[0].find("w:rPr/w:spacing", NS).get(W + "val") == spacing
        assert " PAGE " in [i.text for i in p.iter(W + "instrText")]
        order = [("title" if r in title else "page") for r in runs_
                 if r in title or r.find("w:instrText", NS) is not None]
        sides[ref.get(W + "type")] = order
    assert sides == {"default": ["title", "page"], "even": ["page", "title"]}


def test_section_breaks_start_the_colophon_on_a_new_page_without_doubling_breaks(pkg):
    # the cover's section ends on its own (next-page) break; no extra page-break runs
    assert pkg.document.xpath('//w:br[@w:type="page"]', namespaces=NS) == []
    paragraphs = pkg.paragraphs()
    cover_end = next(i for i, p in enumerate(paragraphs) if p.find(".//w:sectPr", NS) is not None)
    assert paragraphs[cover_end].find(".//w:sectPr/w:type", NS) is None  # nextPage default
    assert pkg.style_name(pstyle(paragraphs[cover_end + 1])) == "Colophon"


# --- body text ----------------------------------------------------------------------------

def test_body_runs_carry_no_direct_formatting_but_bold_and_italic(pkg):
    marked = pkg.document.xpath('//w:tc[w:tcPr/w:shd]//w:r[w:rPr/w:color]', namespaces=NS)
    assert len(marked) == 1  # the scale figure's marked cell, white on accent
    for run in pkg.document.iter(W + "r"):
        if run in marked:
            continue
        rpr = run.find("w:rPr", NS)
        if rpr is not None:
            assert {etree.QName(c).localname for c in rpr} <= {"b", "i"}, etree.tostring(run)
    for p in pkg.paragraphs():
        ppr = p.find("w:pPr", NS)
        allowed = {"pStyle", "numPr", "sectPr", "keepNext"}
        if pkg.style(pstyle(p)).find("w:pPr/w:framePr", NS) is not None:
            allowed.add("framePr")  # a copy of the style's frame: LibreOffice reads no other
        assert {etree.QName(c).localname for c in ppr} <= allowed


def test_inline_bold_and_italic_survive(pkg):
    opened = docx.Document(io.BytesIO(pkg.data))
    foreword = next(p for p in opened.paragraphs if p.text.startswith("Dette er et"))
    assert [r.text for r in foreword.runs if r.italic] == ["fiktivt"]
    assert [r.text for r in foreword.runs if r.bold] == ["fet"]
    assert "& < > «» – … æøå ÆØÅ áčđŋšŧž" in foreword.text


def test_every_quote_appears_exactly_once_in_guillemets(pkg):
    texts = [text_of(p) for p in pkg.paragraphs()]
    for quote in QUOTES:
        assert texts.count(f"«{quote}»") == 1
        assert sum(quote in text for text in texts) == 1
    assert len(by_style(pkg, "Quote")) == len(QUOTES)


def test_question_is_a_numbered_run_in_heading(pkg, theme):
    (p,) = by_style(pkg, "Question")
    assert text_of(p) == "3. Hvor tilfreds har du vært med innholdet i tilbudet?"
    assert theme.style("Question").bold
    assert pkg.style("Question").find("w:rPr/w:b", NS) is not None


# --- tables and the scale figure -----------------------------------------------------------

def _tables(pkg: Package) -> list[etree._Element]:
    return pkg.document.xpath("/w:document/w:body/w:tbl", namespaces=NS)


def test_informant_table_has_a_repeating_header_and_right_aligned_numbers(pkg):
    table = next(t for t in _tables(pkg)
                 if t.find("w:tblPr/w:tblStyle", NS) is not None)
    assert pkg.style_name(table.find("w:tblPr/w:tblStyle", NS).get(W + "val")) == \
        "Report Table"
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    assert [text_of(tc) for tc in rows[0].findall("w:tc", NS)] == \
        ["Gruppe", "Antall", "Intervjuform"]
    jc = [[tc.find("w:p/w:pPr/w:jc", NS) is not None for tc in r.findall("w:tc", NS)]
          for r in rows]
    assert all(row == [False, True, False] for row in jc)
    widths = [int(c.get(W + "w")) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    # room follows content: the long form column widest, the short number column narrowest
    assert widths[2] > widths[0] > widths[1]
    assert int(table.find("w:tblPr/w:tblW", NS).get(W + "w")) - sum(widths) in range(0, 4)
    caption = table.getprevious()
    assert pkg.style_name(pstyle(caption)) == "Caption"
    after = table.getnext()  # Word has no space after a table; an empty paragraph gives it
    assert pkg.style_name(pstyle(after)) == "Table End" and text_of(after) == ""
    assert text_of(caption) == "Tabell 1: Informantene"
    assert {pkg.style_name(pstyle(p)) for p in rows[1].iter(W + "p")} == {"Table Text"}
    # the table keeps together where it fits: every row keeps with the next but the last
    keeps = [all(p.find("w:pPr/w:keepNext", NS) is not None for p in r.iter(W + "p"))
             for r in rows]
    assert keeps == [True] * (len(rows) - 1) + [False]


def test_scale_figure_is_a_table_with_the_cell_nearest_the_mean_filled(pkg, theme):
    table = next(t for t in _tables(pkg) if len(t.findall("w:tr/w:tc", NS)) == 10)
    cells = table.findall("w:tr/w:tc", NS)
    assert [text_of(c) for c in cells] == [str(n) for n in range(1, 11)]
    fills = [c.find("w:tcPr/w:shd", NS).get(W + "fill") for c in cells]
    accent = theme.color(theme.scale["mark_fill"])
    assert [i + 1 for i, f in enumerate(fills) if f == accent] == [9]
    assert not pkg.document.xpath("//w:drawing[ancestor::w:tbl]", namespaces=NS)
    label = table.getnext()
    assert pkg.style_name(pstyle(label)) == "Caption"
    assert text_of(label) == "Gjennomsnitt 8,7 på en skala fra 1 til 10"


@pytest.mark.parametrize(("mean", "cell"), [("1.0", 1), ("4.49", 4), ("4.5", 5), ("10", 10)])
def test_the_marked_cell_rounds_the_mean(theme, sample, mean, cell):
    figure = t.ScoreFigure(Decimal(mean), mean, 1, 10, "label")
    doc = replace(sample, body=(figure,))
    table = Package(render_docx(doc, theme)).document.find(".//w:tbl", NS)
    fills = [c.find("w:tcPr/w:shd", NS).get(W + "fill") for c in table.iter(W + "tc")]
    assert fills.index(theme.color(theme.scale["mark_fill"])) + 1 == cell


# --- pictures, properties, package hygiene -------------------------------------------------

def test_partner_logo_is_an_inline_picture_with_alt_text(theme, sample, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), (31, 92, 153)).save(logo)
    cover = replace(sample.front[0], partners=(t.Partner("Fjellby kommune", logo=logo),
                                               t.Partner("KoRus-Øst")))
    pkg = Package(render_docx(replace(sample, front=(cover, *sample.front[1:])), theme))
    (doc_pr,) = pkg.document.xpath("//wp:inline/wp:docPr", namespaces=NS)
    assert doc_pr.get("descr") == "Fjellby kommune"
    assert any(n.startswith("word/media/") for n in pkg.names())
    assert "KoRus-Øst" in text_of(doc_pr.xpath("ancestor::w:p[1]", namespaces=NS)[0])


def test_core_properties_are_filled_and_nothing_of_the_template_is_left(pkg, sample):
    core = docx.Document(io.BytesIO(pkg.data)).core_properties
    assert core.title == sample.meta.title
    assert core.subject == sample.meta.subject
    assert core.author == "Kari Nordmann, Ola Nordmann"
    assert core.last_modified_by == "Kari Nordmann"
    assert core.keywords == "musikkterapi, rus, psykisk helse"
    assert core.language == "nb-NO"
    assert core.created.year >= 2025 and core.modified == core.created
    raw = pkg.zip.read("docProps/core.xml").decode()
    assert "python-docx" not in raw and "2013" not in raw
    app = pkg.xml("docProps/app.xml")
    assert app.find("ep:Application", NS).text == "mtreport"
    assert b"Macintosh" not in pkg.zip.read("docProps/app.xml")
    names = pkg.names()
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/stylesWithEffects.xml" not in names
    assert not [n for n in names if n.startswith("customXml/")]
    assert "docProps/custom.xml" not in names


def test_every_relationship_points_at_a_part_and_the_office_theme_is_kept(pkg):
    names = set(pkg.names())
    for rels in [n for n in names if n.endswith(".rels")]:
        folder = rels.replace("_rels/", "").removesuffix(".rels").rpartition("/")[0]
        for rel in pkg.xml(rels):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            path = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                      else posixpath.join(folder, target))
            assert path in names, f"{rels} points at a missing {path}"
    assert {"word/theme/theme1.xml", "word/fontTable.xml", "word/webSettings.xml"} <= names


def test_source_date_epoch_fixes_the_dates(theme, sample, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    core = Package(render_docx(sample, theme)).xml("docProps/core.xml")
    assert core.find("dcterms:created", NS).text == "2025-01-01T00:00:00Z"
    assert core.find("dcterms:modified", NS).text == "2025-01-01T00:00:00Z"


def _with_properties(meta: t.Meta, properties: tuple) -> object:
    """The meta with custom properties (a stand-in while Meta may lack the field)."""
    return types.SimpleNamespace(**{**vars(meta), "properties": properties})


def test_source_date_epoch_makes_the_bytes_reproducible(theme, sample, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    first = render_docx(sample, theme)
    time.sleep(1.1)  # zip entries are dated to the second
    assert render_docx(sample, theme) == first


def test_custom_properties_are_written_when_the_meta_has_them(theme, sample):
    meta = _with_properties(sample.meta, (("Kommune", "Fjellby"), ("Brukere", 9)))
    pkg = Package(render_docx(replace(sample, meta=meta), theme))
    custom = pkg.xml("docProps/custom.xml")
    props = {p.get("name"): p[0] for p in custom.findall("cu:property", NS)}
    assert props["Kommune"].text == "Fjellby" and props["Kommune"].tag.endswith("lpwstr")
    assert props["Brukere"].text == "9" and props["Brukere"].tag.endswith("i4")
    types_xml = pkg.zip.read("[Content_Types].xml").decode()
    assert "custom-properties+xml" in types_xml


# --- robustness and speed -----------------------------------------------------------------

def test_an_unknown_block_fails_loudly(theme, sample):
    with pytest.raises(TypeError, match="does not know"):
        render_docx(replace(sample, body=(*sample.body, object())), theme)


@pytest.mark.parametrize("block", [
    t.Table(columns=(), rows=(), role="overview"),
    t.ScoreFigure(Decimal("5"), "5", 10, 1, "label"),
])
def test_impossible_tables_fail_loudly(theme, sample, block):
    with pytest.raises(ValueError):
        render_docx(replace(sample, body=(block,)), theme)


def test_characters_xml_cannot_hold_are_dropped(theme, sample):
    dirty = "før\x00\x0b\x1b\x0c\ufffe etter\ud800"
    body = (t.Heading(1, dirty, "1", "h\x00"), t.Paragraph(runs(dirty)), t.Quote(runs(dirty)),
            t.ScoreFigure(Decimal("5"), "5", 1, 10, dirty),
            t.Table(columns=(dirty,), rows=((dirty,),), role="overview", caption=dirty))
    meta = replace(sample.meta, title=dirty, header_text=dirty, authors=(dirty,))
    pkg = Package(render_docx(replace(sample, meta=meta, body=body), theme))
    texts = [text_of(p) for p in pkg.paragraphs()
             if pkg.style_name(pstyle(p)) != "Table End"]  # the space after the table
    clean = "før etter"
    assert texts[-5:] == [clean, clean, f"«{clean}»", clean, clean]
    assert docx.Document(io.BytesIO(pkg.data)).core_properties.title == "før etter"


def test_a_thousand_paragraphs_render_well_under_a_second(theme, sample):
    body = tuple(
        block for n in range(250) for block in (
            t.Paragraph(runs(f"Avsnitt {n} med litt ", ("i", "kursiv"), " tekst.")),
            t.Quote(runs("Et sitat som er ganske kort.")),
            t.BulletList(items=(runs("Et punkt"),)),
            t.Heading(2, f"Underkapittel {n}", f"1.{n + 1}", f"h-{n}"),
        ))
    doc = replace(sample, body=(t.Heading(1, "Kapittel", "1", "h"), *body))
    render_docx(doc, theme)  # warm up imports and the template
    start = time.perf_counter()
    render_docx(doc, theme)
    assert time.perf_counter() - start < 1.0


# --- external checkers ---------------------------------------------------------------------

def test_open_xml_sdk_validator_reports_no_errors(docx_file):
    report = validate_ooxml(docx_file)
    assert report["ok"] is True, report.get("errors")


def test_open_xml_sdk_validator_accepts_a_logo_and_custom_properties(theme, sample,
                                                                      tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), (31, 92, 153)).save(logo)
    cover = replace(sample.front[0], partners=(t.Partner("Fjellby kommune", logo=logo),))
    meta = _with_properties(sample.meta, (("Kommune", "Fjellby"),))
    path = tmp_path / "logo.docx"
    path.write_bytes(render_docx(replace(sample, meta=meta,
                                         front=(cover, *sample.front[1:])), theme))
    report = validate_ooxml(path)
    assert report["ok"] is True, report.get("errors")


def test_libreoffice_converts_it_with_contents_and_running_header(docx_file, tmp_path):
    pdf = convert_to_pdf(docx_file, tmp_path)
    contents = pdf_text(pdf, 4, 4)
    assert "Innhold" in contents and "1 Bakgrunn" in contents
    assert "2.2.1 Nytte" in contents
    chapter = pdf_text(pdf, 5, 5)
    assert "1 Bakgrunn" in chapter
    assert re.search(r"M\s*U\s*S\s*I\s*K\s*K", chapter)
    assert "Bakgrunn" not in pdf_text(pdf, 1, 1)


# --- the shipped example, once the composer can build it -----------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "fjellby.yaml"


@pytest.fixture(scope="module")
def example(theme):
    """The composed example report, or a skip while the pipeline cannot build it yet."""
    if not EXAMPLE.is_file():
        pytest.skip("examples/fjellby.yaml is not there")
    try:
        from generator.build import check
        from generator.compose import compose

        return compose(check(EXAMPLE).validated.findings, theme, EXAMPLE.parent)
    except Exception as error:  # the composer is another engineer's work in progress
        pytest.skip(f"the example does not compose yet: {error!r}")


def test_example_renders_valid_with_every_quote_once(example, theme, tmp_path):
    pkg = Package(render_docx(example, theme))
    texts = [text_of(p) for p in pkg.paragraphs()]
    opening, closing = example.meta.quote_marks
    quotes = [b for b in example.body if isinstance(b, t.Quote)]
    assert quotes
    for quote in quotes:
        wrapped = f"{opening}{t.plain(quote.runs)}{closing}"
        if quote.source:
            wrapped += f" ({quote.source})"
        assert texts.count(wrapped) == 1, wrapped
    entries = [p for p in pkg.paragraphs() if re.fullmatch(r"TOC\d", pstyle(p) or "")]
    assert len(entries) == sum(1 for h in example.headings() if h.level <= 3)
    path = tmp_path / "fjellby.docx"
    path.write_bytes(pkg.data)
    report = validate_ooxml(path)
    assert report["ok"] is True, report.get("errors")
