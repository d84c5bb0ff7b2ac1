"""Small, fast builders of WordprocessingML elements for the .docx renderer (lxml only)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from .doctree import Inline

W = nsmap["w"]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ROOT_NSMAP = {"w": W, "r": nsmap["r"]}

# Characters XML 1.0 cannot hold (python-docx raises on them) and lone surrogates.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BREAKS = re.compile(r"(\t|\r\n|\n|\r)")


def w(tag: str) -> str:
    """The Clark name of a `w:` element or attribute, e.g. w("p")."""
    return f"{{{W}}}{tag}"


def el(tag: str, **attrs: str) -> etree._Element:
    """A new top-level element ("w:p", "w:tbl" …) in python-docx's element classes."""
    node = oxml_parser.makeelement(qn(tag), nsmap=_ROOT_NSMAP)
    for name, value in attrs.items():
        node.set(w(name), value)
    return node


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a `w:` child with `w:` attributes; `tag` is the bare name ("pPr")."""
    node = etree.SubElement(parent, w(tag))
    for name, value in attrs.items():
        node.set(w(name), value)
    return node


def clean(text: str) -> str:
    """Drop characters an XML file cannot hold (defensive: the composer never sends them)."""
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text


def twips(points: float) -> str:
    """Points as twentieths of a point (WordprocessingML's length unit), as text."""
    return str(round(points * 20))


def add_text(run: etree._Element, text: str) -> None:
    """Text into a run; tabs and line breaks become `w:tab` / `w:br`."""
    text = clean(text)
    if "\t" in text or "\n" in text or "\r" in text:
        for piece in _BREAKS.split(text):
            if piece == "\t":
                sub(run, "tab")
            elif piece in ("\n", "\r", "\r\n"):
                sub(run, "br")
            elif piece:
                _add_t(run, piece)
    elif text:
        _add_t(run, text)


def _add_t(run: etree._Element, text: str) -> None:
    t = etree.SubElement(run, w("t"))
    t.text = text
    if text[0].isspace() or text[-1].isspace():
        t.set(XML_SPACE, "preserve")


def add_run(parent: etree._Element, text: str, bold: bool = False,
            italic: bool = False) -> etree._Element:
    """A run with inline bold/italic only: the one direct formatting body text may carry."""
    run = etree.SubElement(parent, w("r"))
    if bold or italic:
        rpr = etree.SubElement(run, w("rPr"))
        if bold:
            etree.SubElement(rpr, w("b"))
        if italic:
            etree.SubElement(rpr, w("i"))
    add_text(run, text)
    return run


def add_runs(parent: etree._Element, runs: Inline) -> None:
    """The runs of the document tree, in order."""
    for run in runs:
        add_run(parent, run.text, run.bold, run.italic)


def paragraph(style_id: str) -> tuple[etree._Element, etree._Element]:
    """A new `w:p` with its paragraph style; returns (p, pPr)."""
    p = el("w:p")
    ppr = etree.SubElement(p, w("pPr"))
    etree.SubElement(ppr, w("pStyle")).set(w("val"), style_id)
    return p, ppr


def add_field(parent: etree._Element, instruction: str, cached: str) -> None:
    """A complex field (PAGE, PAGEREF …) with its cached result, as runs of `parent`."""
    field_begin(parent, instruction)
    add_run(parent, cached)
    field_char(parent, "end")


def field_begin(parent: etree._Element, instruction: str) -> None:
    """The opening runs of a complex field up to its result: begin, instruction, separate."""
    field_char(parent, "begin")
    instr = etree.SubElement(etree.SubElement(parent, w("r")), w("instrText"))
    instr.text = instruction
    instr.set(XML_SPACE, "preserve")
    field_char(parent, "separate")


def field_char(parent: etree._Element, kind: str) -> None:
    """One `w:fldChar` run (begin | separate | end)."""
    etree.SubElement(etree.SubElement(parent, w("r")), w("fldChar")).set(w("fldCharType"), kind)


def set_children(parent: etree._Element, children: Iterable[etree._Element]) -> None:
    """Replace all children of `parent`. Deleting by slice lets lxml free the old subtrees
    at once; removing them one by one made each a Python object and moved it to a
    document of its own first (a tenth of python-docx's default styles' parse time)."""
    del parent[:]
    parent.extend(children)
