"""The house style as data: reads `templates/<style>/theme.yaml` and its label files.

Both renderers read styles, colours, page and fonts from here, and the composer reads the
labels; code never hard-codes a size, a colour or a printed word.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it: the same tree, about ten times faster
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _templates_folder() -> Path:
    """The installed package's copy, else the source tree's top-level folder."""
    here = Path(__file__).resolve().parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


TEMPLATES = _templates_folder()
DEFAULT_TEMPLATE = TEMPLATES / "korus"
LANGUAGES = ("nb", "nn", "en")


class ThemeError(Exception):
    """The template itself is broken (a bug in the house style, not in the findings)."""


@dataclass(frozen=True)
class Style:
    """A named paragraph style with inheritance already resolved."""

    name: str
    based_on: str | None = None
    font: str = "body"
    size: float = 10.5
    bold: bool = False
    italic: bool = False
    color: str = "000000"
    line_spacing: float = 1.0
    space_before: float = 0.0
    space_after: float = 0.0
    indent_left: float = 0.0
    indent_right: float = 0.0
    hanging: float = 0.0
    keep_with_next: bool = False
    keep_together: bool = False
    contextual_spacing: bool = False  # no spacing between paragraphs of this same style
    at_foot: bool = False  # set at the foot of the page's text area (colophon, cover logos)
    page_break_before: bool = False
    hyphenate: bool = True
    numbered: bool = True


@dataclass(frozen=True)
class FontFiles:
    """TrueType files of one family for the PDF, with the family name Word should use."""

    docx: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    fallback: str = "regular"


@dataclass(frozen=True)
class Page:
    """Paper and margins in millimetres."""

    size: str = "A4"
    margin_top: float = 25
    margin_bottom: float = 25
    margin_inside: float = 25
    margin_outside: float = 20
    header_distance: float = 12
    footer_distance: float = 12
    mirrored: bool = True


@dataclass(frozen=True)
class Theme:
    """One house style: everything a renderer needs to know about the look."""

    name: str
    folder: Path
    page: Page
    colors: Mapping[str, str]
    fonts: Mapping[str, FontFiles]
    styles: Mapping[str, Style]
    roles: Mapping[str, str]
    bullet: Mapping[str, Any]
    header: Mapping[str, Any]
    scale: Mapping[str, Any]
    wide_spread: int = 4
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def style(self, name: str) -> Style:
        """A style by name; a missing one is a template bug, said plainly."""
        try:
            return self.styles[name]
        except KeyError:
            raise ThemeError(f"{self.folder.name}: no style named {name!r}") from None

    def style_for(self, role: str) -> Style:
        """The style a document-tree role takes (e.g. "quote.informant")."""
        try:
            return self.style(self.roles[role])
        except KeyError:
            raise ThemeError(f"{self.folder.name}: no style for role {role!r}") from None

    def color(self, value: str) -> str:
        """A hex colour from a colour name or a hex string."""
        resolved = self.colors.get(value, value)
        if len(resolved) != 6 or any(c not in "0123456789abcdefABCDEF" for c in resolved):
            raise ThemeError(f"{self.folder.name}: {value!r} is not a colour")
        return resolved.upper()

    def labels(self, language: str) -> Mapping[str, Any]:
        """The printed words of one language (nb, nn, en)."""
        return load_labels(self.folder, language)


def load_theme(folder: Path | str | None = None) -> Theme:
    """Read a template folder (default: the KoRus-Øst series)."""
    return _load_theme(Path(folder or DEFAULT_TEMPLATE).resolve())


@cache
def _load_theme(folder: Path) -> Theme:
    path = folder / "theme.yaml"
    if not path.is_file():
        raise ThemeError(f"{folder}: no theme.yaml in the template folder")
    with path.open(encoding="utf-8") as f:
        raw = yaml.load(f, Loader=_YAML_LOADER)
    colors = {str(k): str(v) for k, v in raw.get("colors", {}).items()}
    theme = Theme(
        name=str(raw.get("name", folder.name)),
        folder=folder,
        page=Page(**raw.get("page", {})),
        colors=colors,
        fonts={k: _font(folder, v) for k, v in raw.get("fonts", {}).items()},
        styles={},
        roles=dict(raw.get("roles", {})),
        bullet=dict(raw.get("bullet", {})),
        header=dict(raw.get("header", {})),
        scale=dict(raw.get("scale", {})),
        wide_spread=int(raw.get("wide_spread", 4)),
        raw=raw,
    )
    styles = _resolve_styles(raw.get("styles", {}), theme)
    return replace(theme, styles=styles)


def _font(folder: Path, spec: Mapping[str, Any]) -> FontFiles:
    """Locate a family's TrueType files: in a pip package, or beside the theme."""
    pdf = spec.get("pdf", {})
    base = folder
    if "package" in pdf:
        found = importlib.util.find_spec(pdf["package"])
        if found is None or not found.submodule_search_locations:
            raise ThemeError(f"font package {pdf['package']!r} is not installed")
        base = Path(next(iter(found.submodule_search_locations)))
    files = {k: base / pdf[k] for k in ("regular", "bold", "italic", "bold_italic")}
    return FontFiles(docx=str(spec.get("docx", "Calibri")), fallback=pdf.get("fallback",
                     "regular"), **files)


def _resolve_styles(raw: Mapping[str, Mapping[str, Any]], theme: Theme) -> dict[str, Style]:
    """Merge each style with the chain it is based on; colours become hex."""
    known = {f.name for f in fields(Style)}
    resolved: dict[str, Style] = {}

    def resolve(name: str, seen: tuple[str, ...]) -> Style:
        if name in resolved:
            return resolved[name]
        if name not in raw:
            raise ThemeError(f"{theme.folder.name}: style {seen[-1]!r} is based on unknown "
                             f"style {name!r}")
        if name in seen:
            raise ThemeError(f"{theme.folder.name}: styles based on each other: {seen}")
        spec = dict(raw[name])
        unknown = set(spec) - known
        if unknown:
            raise ThemeError(f"{theme.folder.name}: style {name!r} has unknown "
                             f"properties {sorted(unknown)}")
        parent = spec.get("based_on")
        base = resolve(parent, (*seen, name)) if parent else Style(name=name)
        if "color" in spec:
            spec["color"] = theme.color(str(spec["color"]))
        resolved[name] = replace(base, **{**spec, "name": name, "based_on": parent})
        return resolved[name]

    for name in raw:
        resolve(name, ())
    return resolved


def load_labels(folder: Path, language: str) -> Mapping[str, Any]:
    """The label file of one language, from the template folder."""
    return _load_labels(Path(folder).resolve(), language)


@cache
def _load_labels(folder: Path, language: str) -> Mapping[str, Any]:
    if language not in LANGUAGES:
        raise ThemeError(f"unknown language {language!r}")
    path = folder / "labels" / f"{language}.yaml"
    if not path.is_file():
        raise ThemeError(f"{folder.name}: no labels for {language} ({path.name})")
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_YAML_LOADER)
