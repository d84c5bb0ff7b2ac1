"""Package-level parts of the .docx: settings, sections, running headers and properties.

python-docx builds on its own default template; everything that template leaves behind
(author "python-docx", 2013 dates, "Microsoft Macintosh Word", a thumbnail, a 438 KB
stylesWithEffects part, a bibliography part) is removed or replaced here: the parts before
the document is opened (`blank_document`), the properties as it is written.
"""

from __future__ import annotations

import functools
import io
import os
import zipfile
from collections.abc import Iterable
from datetime import datetime, timezone
from decimal import Decimal
from html import escape
from importlib.resources import files

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsmap, qn
from lxml import etree

from .doctree import Meta
from .docx_styles import StyleSheet, paper_mm
from .docx_xml import add_field, add_text, clean, el, paragraph, set_children, sub, twips
from .theme import Theme

APPLICATION = "mtreport"
CORE_PROPERTY_LIMIT = 255  # python-docx refuses a longer core property
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_LEFTOVER_RELS = (RT.THUMBNAIL, RT.CUSTOM_XML, _STYLES_WITH_EFFECTS)
_DROPPED = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/")
_EMPTIED = {f"word/{part}.xml": f'<w:{part} xmlns:w="{nsmap["w"]}"/>'.encode()
            for part in ("styles", "numbering", "settings")}
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def blank_document() -> WordDocument:
    """A python-docx document on its default template without the parts a build replaces
    (438 KB of styles, the numbering, the settings) or drops (a thumbnail, 438 KB of
    stylesWithEffects, a bibliography): opening the whole template parsed all of that for
    nothing, a tenth of a render. Its theme, font table and web settings are kept."""
    return docx.Document(io.BytesIO(_blank_package()))


@functools.cache
def _blank_package() -> bytes:
    template = files("docx").joinpath("templates", "default.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template.read_bytes())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for name in src.namelist():
            if name.startswith(_DROPPED):
                continue
            if name in _EMPTIED:
                dst.writestr(name, _EMPTIED[name])
            elif name.endswith(".rels"):
                dst.writestr(name, _without_leftovers(src.read(name)))
            else:
                dst.writestr(name, src.read(name))
    return out.getvalue()


def _without_leftovers(rels: bytes) -> bytes:
    root = etree.fromstring(rels)
    for rel in list(root):
        if rel.get("Type") in _LEFTOVER_RELS:
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_settings(document: WordDocument, theme: Theme, lang_tag: str) -> None:
    """Mirror margins, odd/even headers, hyphenation, and fields updated on open."""
    root = el("w:settings")
    sub(root, "zoom", percent="100")
    if theme.page.mirrored:
        sub(root, "mirrorMargins")
    sub(root, "defaultTabStop", val="708")
    sub(root, "autoHyphenation")
    sub(root, "evenAndOddHeaders")
    sub(root, "characterSpacingControl", val="doNotCompress")
    sub(root, "updateFields", val="true")
    compat = sub(root, "compat")
    sub(compat, "compatSetting", name="compatibilityMode",
        uri="http://schemas.microsoft.com/office/word", val="15")
    sub(root, "themeFontLang", val=lang_tag)
    set_children(document.settings.element, list(root))


def section(theme: Theme, headers: tuple[str, str] | None = None,
            new_page: bool = False) -> etree._Element:
    """A `w:sectPr`: paper, mirrored margins and, for the body, odd/even headers."""
    sect = el("w:sectPr")
    if headers:
        default, even = headers
        sub(sect, "headerReference", type="even").set(qn("r:id"), even)
        sub(sect, "headerReference", type="default").set(qn("r:id"), default)
    if new_page:
        sub(sect, "type", val="nextPage")
    width, height = paper_mm(theme)
    sub(sect, "pgSz", w=twips(_pt(width)), h=twips(_pt(height)))
    page = theme.page
    sub(sect, "pgMar", top=twips(_pt(page.margin_top)), right=twips(_pt(page.margin_outside)),
        bottom=twips(_pt(page.margin_bottom)), left=twips(_pt(page.margin_inside)),
        header=twips(_pt(page.header_distance)), footer=twips(_pt(page.footer_distance)),
        gutter="0")
    sub(sect, "cols", space="708")
    return sect


def _pt(mm: float) -> float:
    return mm * 72 / 25.4


def add_headers(document: WordDocument, meta: Meta, theme: Theme,
                sheet: StyleSheet) -> tuple[str, str]:
    """Odd (default) and even running headers; returns their relationship ids."""
    text = meta.header_text.upper() if theme.header.get("uppercase", True) else meta.header_text
    outer = theme.header.get("page_number", "outer") == "outer"
    ids = []
    for odd in (True, False):
        part, rid = document.part.add_header_part()
        p, ppr = paragraph(sheet.id_for("header"))
        number_first = outer and not odd
        sub(ppr, "jc", val="left" if number_first or not outer else "right")
        if number_first:
            add_field(p, " PAGE ", "2")
            _spaced(p, "\u2003", theme)
        _spaced(p, text, theme)
        if not number_first:
            _spaced(p, "\u2003", theme)
            add_field(p, " PAGE ", "1")
        set_children(part.element, [p])
        ids.append(rid)
    return ids[0], ids[1]


def _spaced(p: etree._Element, text: str, theme: Theme) -> None:
    """A run letter-spaced by the theme's character spacing (`w:spacing` in `w:rPr`)."""
    run = sub(p, "r")
    spacing = float(theme.header.get("letter_spacing", 0))
    if spacing:
        sub(sub(run, "rPr"), "spacing", val=twips(spacing))
    add_text(run, text)


def build_time() -> tuple[datetime, bool]:
    """Now (UTC, whole seconds), or SOURCE_DATE_EPOCH; and whether the epoch was given."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    fixed = epoch.isdigit()
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if fixed \
        else datetime.now(timezone.utc)
    return moment.replace(microsecond=0, tzinfo=None), fixed


def reproducible_zip(data: bytes, when: datetime) -> bytes:
    """The package with every zip entry dated `when`, so equal input gives equal bytes."""
    stamp = max(when, datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info))
    return out.getvalue()


def write_properties(document: WordDocument, meta: Meta, when: datetime) -> None:
    """Core, extended (app.xml) and custom properties of the report."""
    core = document.core_properties
    core.title = _core(meta.title)
    core.subject = _core(meta.subject)
    core.author = _core(", ".join(meta.authors))
    core.last_modified_by = _core(meta.authors[0]) if meta.authors else ""
    core.keywords = _core(", ".join(meta.keywords))
    core.language = meta.lang_tag
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = when
    core.modified = when
    _replace_package_part(document, RT.EXTENDED_PROPERTIES, "/docProps/app.xml",
                          CT.OFC_EXTENDED_PROPERTIES, _app_xml())
    properties = tuple(getattr(meta, "properties", ()) or ())
    if properties:
        _replace_package_part(document, RT.CUSTOM_PROPERTIES, "/docProps/custom.xml",
                              CT.OFC_CUSTOM_PROPERTIES, custom_xml(properties))


def _safe(text: str) -> str:
    return clean(text)


def _core(text: str) -> str:
    """A core property (title, author …) within python-docx's limit of 255 characters: a
    longer one is cut with an ellipsis (the document itself prints it in full)."""
    text = _safe(text)
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1] + "…"


def _replace_package_part(document: WordDocument, reltype: str, partname: str,
                          content_type: str, blob: bytes) -> None:
    package = document.part.package
    for rid in [rid for rid, rel in package.rels.items() if rel.reltype == reltype]:
        del package.rels[rid]
    package.relate_to(Part(PackURI(partname), content_type, blob, package), reltype)


def _app_xml() -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties" xmlns:vt="{_VT}">'
        f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def custom_xml(properties: Iterable[tuple[str, object]]) -> bytes:
    """docProps/custom.xml with one typed property per (name, value) pair."""
    items = []
    for pid, (name, value) in enumerate(properties, start=2):
        items.append(f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(_safe(name))}">'
                     f"{_variant(value)}</property>")
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'custom-properties" xmlns:vt="{_VT}">{"".join(items)}</Properties>'
    ).encode()


def _variant(value: object) -> str:
    if isinstance(value, bool):
        return f"<vt:bool>{str(value).lower()}</vt:bool>"
    if isinstance(value, int) and -(2**31) <= value < 2**31:
        return f"<vt:i4>{value}</vt:i4>"
    if isinstance(value, float | Decimal):
        return f"<vt:r8>{value}</vt:r8>"
    if isinstance(value, datetime):
        return f"<vt:filetime>{value.strftime('%Y-%m-%dT%H:%M:%SZ')}</vt:filetime>"
    return f"<vt:lpwstr>{escape(_safe(str(value)), quote=False)}</vt:lpwstr>"


def front_section_break(elements: list[etree._Element], sect: etree._Element,
                        style_id: str) -> None:
    """End the front section: its `w:sectPr` goes into the last paragraph's properties."""
    last = elements[-1] if elements else None
    if last is None or last.tag != qn("w:p"):
        last, _ = paragraph(style_id)
        elements.append(last)
    ppr = last.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        last.insert(0, ppr)
    ppr.append(sect)

