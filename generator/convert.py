"""Type-driven conversion of the loaded string tree into the findings dataclasses.

Each type in `generator.model` gets a `Plan` once (cached): a function that turns a value
of the loaded tree into that type, reporting every problem to a `Collector` and returning
`INVALID` where a value cannot be used. Conversion never stops at the first problem.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from generator import model as m
from generator.errors import Problem
from generator.isbn import check_isbn
from generator.messages import message
from generator.privacy import is_calendar_date
from generator.yamlload import Loaded, Mark, Path_, field_name

MAX_PROBLEMS = 200
_SNIPPET = 40

INVALID: Any = type("Invalid", (), {"__repr__": lambda self: "INVALID"})()

_INT = re.compile(r"[+-]?[0-9]{1,18}")
_DECIMAL = re.compile(r"([+-]?[0-9]{1,15})(?:[.,]([0-9]{1,15}))?")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
_NORWEGIAN_DATE = re.compile(r"([0-9]{1,2})\.\s?([0-9]{1,2})\.\s?([0-9]{4})")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
FIRST_YEAR, LAST_YEAR = 1900, 2199

BOOLS = {"yes": True, "no": False, "true": True, "false": False, "ja": True, "nei": False,
         "on": True, "off": False}

# Norwegian (and a few English) words an author may write instead of a key or a choice:
# never accepted, only suggested. The first candidate that exists in context is offered.
KEY_HINTS: dict[str, tuple[str, ...]] = {
    "rapport": ("report",), "tittel": ("title",), "overskrift": ("title",),
    "undertittel": ("subtitle",), "dato": ("date",), "år": ("date", "year"),
    "språk": ("language",), "sprak": ("language",), "lang": ("language",),
    "forfattere": ("authors", "author"), "forfatter": ("author", "authors"),
    "navn": ("name", "names"), "organisasjon": ("organisation",),
    "organization": ("organisation",), "utgiver": ("publisher",), "serie": ("series",),
    "partnere": ("partners",), "samarbeidspartnere": ("partners",),
    "fotografer": ("photo_credits",), "foto": ("photo_credits",),
    "nøkkelord": ("keywords",), "stikkord": ("keywords",), "forord": ("foreword",),
    "tekst": ("text",), "signatur": ("signature",), "underskrift": ("signature",),
    "stilling": ("title",), "enhet": ("unit",), "bakgrunn": ("background",),
    "avsnitt": ("sections", "content"), "seksjoner": ("sections",), "innhold": ("content",),
    "kilde": ("source",), "punkter": ("points", "bullets"), "kulepunkter": ("bullets",),
    "metode": ("method",), "formål": ("purpose",), "mål": ("purpose",),
    "ståsted": ("position",), "rammer": ("setting",), "aktiviteter": ("activities",),
    "tilnærming": ("approach",), "samtykke": ("consent",), "periode": ("period",),
    "informanter": ("informants",), "gruppe": ("group",), "grupper": ("groups",),
    "antall": ("count", "counts"), "intervjuform": ("form",), "intervjuguide": ("guide",),
    "varighet": ("duration",), "opptak": ("recorded",), "tatt_opp": ("recorded",),
    "detaljer": ("details",), "medlemmer": ("members",), "resultater": ("results",),
    "spørsmål": ("questions", "text"), "tema": ("topic", "themes"), "temaer": ("themes",),
    "skala": ("scale",), "skårer": ("scores",), "skår": ("scores",), "score": ("scores",),
    "svar": ("scores", "counts"), "gjennomsnitt": ("mean",), "snitt": ("mean", "means"),
    "spredning": ("spread",), "fortelling": ("narrative",), "beskrivelse": ("narrative",),
    "sitater": ("quotes",), "sitat": ("quotes", "quote", "text"), "oppsummering": ("summary",),
    "drøfting": ("discussion",), "diskusjon": ("discussion",), "avslutning": ("discussion",),
    "referanser": ("references",), "litteratur": ("references",), "vedlegg": ("appendix",),
    "sammenligning": ("baseline",), "forrige": ("baseline",), "personvern": ("privacy",),
    "pseudonymer": ("pseudonyms",), "fil": ("file",), "kolonne": ("column",),
    "etikett": ("label",), "innledning": ("intro", "lead"), "ingress": ("lead",),
    "hovedfunn": ("points",), "min": ("min",), "maks": ("max",), "fra": ("min",),
    "til": ("max",), "utgitt": ("year",), "detaljar": ("details",),
}
CHOICE_HINTS: dict[str, str] = {
    "no": "nb", "nob": "nb", "bokmål": "nb", "bokmal": "nb", "norsk": "nb", "nb-no": "nb",
    "nb_no": "nb", "no-nb": "nb", "nno": "nn", "nynorsk": "nn", "nn-no": "nn", "nn_no": "nn",
    "english": "en", "engelsk": "en", "eng": "en", "en-gb": "en", "en-us": "en",
    "individuelt": "individual", "individuell": "individual", "enkeltvis": "individual",
    "gruppe": "group", "gruppeintervju": "group", "fokusgruppe": "group",
    "telefon": "telephone", "telefonintervju": "telephone", "phone": "telephone",
    "blandet": "mixed", "blanda": "mixed", "begge": "mixed",
}


# --------------------------------------------------------------------------- problems


class Stop(Exception):
    """Too many problems: the rest would not be read anyway."""


class Collector:
    """Every problem of one run, in the author's language, pointing at the file."""

    def __init__(self, loaded: Loaded, limit: int = MAX_PROBLEMS) -> None:
        self.loaded = loaded
        self.lang = loaded.language
        self.limit = limit
        self.problems: list[Problem] = []
        self.paths: dict[int, Path_] = {}
        self.kept: dict[int, tuple[int, ...]] = {}
        self.incomplete: set[Path_] = set()
        # fields written but not read (a bad value, or a misspelt key that meant them):
        # what stands in for them is a default, not what the author wrote
        self.unread: set[Path_] = set()

    def text(self, msg: str, /, **kw: object) -> str:
        """A message in the author's language."""
        return message(msg, self.lang, **kw)

    def mark_of(self, path: Path_, *, at_key: bool = False) -> Mark | None:
        """Where a value (or its key) was written, or the nearest place known."""
        if at_key:
            found = self.loaded.key_marks.get(path)
            if found is not None:
                return found
        return self.loaded.mark(path)

    def add(self, msg: str, path: Path_, /, *, at_key: bool = False, severity: str = "error",
            suffix: str = "", **kw: object) -> None:
        """Record one problem (message key `msg`) at `path`; past the limit, note it and stop."""
        mark = self.mark_of(path, at_key=at_key)
        text = self.text(msg, **kw) + suffix
        self.append(Problem(self.loaded.file, mark.line if mark else None,
                            mark.column if mark else None, field_name(path), text, severity))

    def append(self, problem: Problem) -> None:
        """Record a problem made elsewhere (a CSV file, a baseline file)."""
        self.problems.append(problem)
        if len(self.problems) >= self.limit:
            note = self.text("validate.too_many", count=len(self.problems))
            self.problems.append(Problem(self.loaded.file, None, None, "", note))
            raise Stop

    def has_errors(self) -> bool:
        """Whether any problem is an error (warnings alone do not stop a build)."""
        return any(p.severity == "error" for p in self.problems)

    def unread_at(self, path: Path_) -> bool:
        """Whether the value at `path`, or a part of it, was written but could not be read
        (checks against its stand-in would only repeat that problem in other words)."""
        return any(p[:len(path)] == path for p in self.unread)

    def path_of(self, obj: object, default: Path_ = ()) -> Path_:
        """Where a converted dataclass instance came from."""
        return self.paths.get(id(obj), default)

    def item_path(self, parent: Path_, items: tuple[Any, ...], index: int) -> Path_:
        """Path of item `index` of a converted tuple, past items dropped as invalid."""
        kept = self.kept.get(id(items))
        return (*parent, kept[index] if kept else index)

    def suggestion(self, suggested: str | None) -> str:
        """'; did you mean …?' or nothing."""
        if suggested is None:
            return ""
        return "; " + self.text("validate.did_you_mean", suggestion=suggested)


def snippet(value: str) -> str:
    """A value short enough to quote in a message."""
    flat = " ".join(value.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"


def _normal(word: str) -> str:
    """A key as compared for suggestions: case-folded, spaces and hyphens as underscores."""
    return re.sub(r"[\s-]+", "_", word.strip().casefold())


def closest(word: str, choices: Iterable[str], hints: dict[str, Any] | None = None,
            cutoff: float = 0.6) -> str | None:
    """The choice the author most likely meant, if any is close enough."""
    options = list(choices)
    by_normal = {_normal(c): c for c in options}
    wanted = _normal(word)
    if wanted in by_normal:
        return by_normal[wanted]
    for hint in _hint_list(hints, wanted):
        if hint in options:
            return hint
    close = difflib.get_close_matches(wanted, list(by_normal), n=1, cutoff=cutoff)
    return by_normal[close[0]] if close else None


def _hint_list(hints: dict[str, Any] | None, wanted: str) -> tuple[str, ...]:
    """Candidates a hint table offers for a word."""
    if not hints or wanted not in hints:
        return ()
    found = hints[wanted]
    return (found,) if isinstance(found, str) else tuple(found)


# --------------------------------------------------------------------------- plans

Convert = Callable[[Collector, Any, Path_], Any]


@dataclass(frozen=True)
class Plan:
    """How to convert one type: which YAML shape it takes and what it is called."""

    convert: Convert
    shape: str  # "scalar", "list" or "mapping"
    want: str  # message key naming what is expected, e.g. "validate.want.text"


@dataclass(frozen=True)
class FieldSpec:
    """One settable field of a dataclass, as the converter and the schema see it."""

    name: str
    key: str
    tp: Any
    required: bool
    doc: str
    minimum: int | None
    maximum: int | None
    default: Any


def _found(out: Collector, value: Any) -> str:
    """How to describe what the author wrote instead."""
    if isinstance(value, list):
        return out.text("validate.found.list")
    if isinstance(value, dict):
        return out.text("validate.found.mapping")
    if value is None:
        return out.text("validate.found.nothing")
    return out.text("validate.found.text", value=snippet(str(value)))


def _shape_of(value: Any) -> str:
    """The YAML shape of a loaded value."""
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "scalar"


def expected(out: Collector, path: Path_, value: Any, wants: Iterable[str]) -> Any:
    """Report a value of the wrong shape, and give INVALID back."""
    wants = list(wants)
    joined = out.text("validate.or").join(out.text(w) for w in wants)
    colon = isinstance(value, dict) and wants == ["validate.want.text"]
    suffix = "; " + out.text("validate.hint_colon") if colon else ""
    out.add("validate.expected", path, expected=joined, found=_found(out, value), suffix=suffix)
    return INVALID


def _is_blank(value: Any) -> bool:
    """Nothing written: empty, null, or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def _scalar(want: str, parse: Callable[[Collector, str, Path_], Any]) -> Plan:
    """A plan for a type written as one scalar."""

    def convert(out: Collector, value: Any, path: Path_) -> Any:
        if not isinstance(value, str):
            return expected(out, path, value, [want])
        return parse(out, value, path)

    return Plan(convert, "scalar", want)


def normalise_text(value: str) -> str:
    """Prose with LF line ends, no trailing spaces and no blank lines around it."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if " \n" in value or "\t\n" in value:
        value = _TRAILING_SPACE.sub("\n", value)
    return value.strip()


def _parse_str(out: Collector, value: str, path: Path_) -> Any:
    """A one-line string as written (outer spaces dropped)."""
    return normalise_text(value)


def _parse_text(out: Collector, value: str, path: Path_) -> Any:
    """Prose."""
    return m.Text(normalise_text(value))


def _parse_path(out: Collector, value: str, path: Path_) -> Any:
    """A file name; existence is checked later, against the findings file's folder."""
    return m.FilePath(value.strip())


def _parse_isbn(out: Collector, value: str, path: Path_) -> Any:
    """An ISBN whose check digit is right."""
    fault = check_isbn(value)
    if fault is not None:
        out.add(fault.key, path, value=snippet(value), **fault.detail)
        return INVALID
    return m.Isbn(value.strip())


def _parse_bool(out: Collector, value: str, path: Path_) -> Any:
    """yes/no in English or Norwegian."""
    found = BOOLS.get(value.strip().casefold())
    if found is None:
        out.add("validate.not_bool", path, value=snippet(value))
        return INVALID
    return found


def _parse_decimal(out: Collector, value: str, path: Path_) -> Any:
    """A number with a decimal point or comma; no exponents, NaN or infinities."""
    found = _DECIMAL.fullmatch(value.strip())
    if found is None:
        out.add("validate.not_number", path, value=snippet(value))
        return INVALID
    whole, fraction = found.groups()
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def _int_parser(minimum: int | None, maximum: int | None) -> Callable[..., Any]:
    """An integer parser with the field's bounds."""

    def parse(out: Collector, value: str, path: Path_) -> Any:
        written = value.strip()
        if not _INT.fullmatch(written):
            key = "validate.not_integer_decimal" if _DECIMAL.fullmatch(written) else (
                "validate.not_integer")
            out.add(key, path, value=snippet(value))
            return INVALID
        number = int(written)
        if minimum is not None and number < minimum:
            out.add("validate.too_small", path, value=number, minimum=minimum)
            return INVALID
        if maximum is not None and number > maximum:
            out.add("validate.too_large", path, value=number, maximum=maximum)
            return INVALID
        return number

    return parse


def _parse_date(out: Collector, value: str, path: Path_) -> Any:
    """2025, 2025-03 or 2025-03-14, kept at the precision written."""
    written = value.strip()
    found = _DATE.fullmatch(written)
    if found is None:
        return _bad_date(out, written, path)
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        out.add("validate.date_year", path, value=snippet(written), first=FIRST_YEAR,
                last=LAST_YEAR)
        return INVALID
    if month is not None and not 1 <= month <= 12:
        out.add("validate.no_such_date", path, value=snippet(written))
        return INVALID
    if month is not None and day is not None and not is_calendar_date(year, month, day):
        out.add("validate.no_such_date", path, value=snippet(written))
        return INVALID
    return m.ReportDate(year=year, month=month, day=day)


def _bad_date(out: Collector, written: str, path: Path_) -> Any:
    """Explain the date forms, suggesting the ISO form of a Norwegian 14.03.2025."""
    found = _NORWEGIAN_DATE.fullmatch(written)
    if found is not None:
        day, month, year = (int(g) for g in found.groups())
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        out.add("validate.date_norwegian", path, value=snippet(written), iso=iso)
    else:
        out.add("validate.bad_date", path, value=snippet(written))
    return INVALID


def _literal_parser(choices: tuple[str, ...]) -> Callable[..., Any]:
    """Exactly one of the choices, with a suggestion for near misses."""
    listed = ", ".join(choices)

    def parse(out: Collector, value: str, path: Path_) -> Any:
        written = value.strip()
        if written in choices:
            return written
        suggested = closest(written, choices, CHOICE_HINTS, cutoff=0.5)
        out.add("validate.not_choice", path, suffix=out.suggestion(suggested),
                value=snippet(written), choices=listed)
        return INVALID

    return parse


# --------------------------------------------------------------------------- composite plans


def _tuple_plan(item: Plan) -> Plan:
    """A YAML list of items; a blank item or one of the wrong shape is reported."""

    def convert(out: Collector, value: Any, path: Path_) -> Any:
        if not isinstance(value, list):
            return expected(out, path, value, ["validate.want.list"])
        items: list[Any] = []
        kept: list[int] = []
        for index, raw in enumerate(value):
            where = (*path, index)
            if _is_blank(raw):
                out.add("validate.empty_item", where)
                continue
            result = item.convert(out, raw, where)
            if result is not INVALID:
                items.append(result)
                kept.append(index)
        result_tuple = tuple(items)
        if len(kept) != len(value):
            out.incomplete.add(path)
            if result_tuple:
                out.kept[id(result_tuple)] = tuple(kept)
        return result_tuple

    return Plan(convert, "list", "validate.want.list")


def _dict_plan(item: Plan) -> Plan:
    """A mapping from the author's labels to values."""

    def convert(out: Collector, value: Any, path: Path_) -> Any:
        if not isinstance(value, dict):
            return expected(out, path, value, ["validate.want.mapping"])
        result: dict[str, Any] = {}
        for key, raw in value.items():
            where = (*path, key)
            if _is_blank(raw):
                out.add("validate.empty_value", where, key=key)
                continue
            converted = item.convert(out, raw, where)
            if converted is not INVALID:
                result[str(key)] = converted
        return result

    return Plan(convert, "mapping", "validate.want.mapping")


def _union_plan(members: list[Plan]) -> Plan:
    """One of several shapes: a scalar, a list or a mapping, each to its own type."""
    by_shape: dict[str, list[Plan]] = {}
    for member in members:
        by_shape.setdefault(member.shape, []).append(member)
    if len(by_shape.get("mapping", [])) > 1:
        by_shape["mapping"] = [_choose_mapping(by_shape["mapping"])]
    if len(by_shape.get("scalar", [])) > 1:
        raise TypeError("a union may hold only one scalar type")
    wants = [plans[0].want for plans in by_shape.values()]

    def convert(out: Collector, value: Any, path: Path_) -> Any:
        plans = by_shape.get(_shape_of(value))
        if plans is None:
            return expected(out, path, value, wants)
        return plans[0].convert(out, value, path)

    return Plan(convert, next(iter(by_shape)) if len(by_shape) == 1 else "union",
                wants[0] if len(wants) == 1 else "validate.want.mapping")


def _choose_mapping(plans: list[Plan]) -> Plan:
    """Among several dataclasses, the one whose keys the mapping uses (or nearly uses)."""
    classes = [_PLAN_CLASS[id(plan)] for plan in plans]

    def convert(out: Collector, value: Any, path: Path_) -> Any:
        scores = [_key_overlap(cls, value) for cls in classes]
        best = max(scores)
        if best == 0:
            forms = out.text("validate.or").join(f"«{_first_key(cls)}: …»" for cls in classes)
            out.add("validate.unknown_shape", path, forms=forms)
            return INVALID
        return plans[scores.index(best)].convert(out, value, path)

    return Plan(convert, "mapping", "validate.want.mapping")


def _key_overlap(cls: type, value: dict[str, Any]) -> int:
    """How well a mapping's keys fit a class: exact keys count double, near misses once."""
    keys = [spec.key for spec in field_specs(cls)]
    score = 0
    for key in value:
        if key in keys:
            score += 2
        elif closest(str(key), keys) is not None:
            score += 1
    return score


def _first_key(cls: type) -> str:
    """The key that names a form of content, e.g. `quote` for a Citation."""
    specs = field_specs(cls)
    return next((s.key for s in specs if s.required), specs[0].key)


# --------------------------------------------------------------------------- dataclasses

_PLAN_CLASS: dict[int, type] = {}


@cache
def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """The fields an author may set, with their YAML keys, types and metadata."""
    hints = typing.get_type_hints(cls, vars(m))
    specs = []
    for f in dataclasses.fields(cls):
        meta = f.metadata
        if meta.get("internal"):
            continue
        default = f.default
        if f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        specs.append(FieldSpec(
            name=f.name, key=meta.get("key") or f.name, tp=hints[f.name],
            required=bool(meta.get("required")), doc=meta.get("doc", ""),
            minimum=meta.get("minimum"), maximum=meta.get("maximum"),
            default=None if default is dataclasses.MISSING else default))
    return tuple(specs)


def _dataclass_plan(cls: type) -> Plan:
    """A mapping with the class's keys; unknown keys and missing required ones reported."""
    plan = Plan(lambda out, value, path: _convert_object(cls, out, value, path), "mapping",
                "validate.want.mapping")
    _PLAN_CLASS[id(plan)] = cls
    return plan


@cache
def _field_plans(cls: type) -> dict[str, tuple[FieldSpec, Plan]]:
    """Field specs and plans by YAML key."""
    return {s.key: (s, plan_for(s.tp, s.minimum, s.maximum)) for s in field_specs(cls)}


def _convert_object(cls: type, out: Collector, value: Any, path: Path_) -> Any:
    """Build one dataclass instance from a mapping, reporting all that is wrong in it."""
    if not isinstance(value, dict):
        return expected(out, path, value, ["validate.want.mapping"])
    plans = _field_plans(cls)
    kwargs: dict[str, Any] = {}
    unknown: list[str] = []
    for key, raw in value.items():
        entry = plans.get(key)
        if entry is None:
            unknown.append(key)
            continue
        spec, plan = entry
        _convert_field(out, spec, plan, raw, (*path, key), kwargs)
    suggested = {_report_unknown(out, cls, key, (*path, key)) for key in unknown}
    out.unread.update((*path, key) for key in suggested if key is not None)
    for spec, _plan in plans.values():
        if spec.required and spec.key not in value:
            kwargs[spec.name] = None
            if spec.key not in suggested:
                out.add("validate.missing", (*path, spec.key), key=spec.key)
    obj = cls(**kwargs)
    out.paths[id(obj)] = path
    return obj


def _convert_field(out: Collector, spec: FieldSpec, plan: Plan, raw: Any, path: Path_,
                   kwargs: dict[str, Any]) -> None:
    """Convert one field's value into kwargs (a placeholder None if required and bad)."""
    if _is_blank(raw):
        if spec.required:
            out.add("validate.empty_required", path, key=spec.key)
            out.unread.add(path)
            kwargs[spec.name] = None
        return
    result = plan.convert(out, raw, path)
    if result is INVALID:
        out.unread.add(path)
        if spec.required:
            kwargs[spec.name] = None
        return
    empty = isinstance(result, tuple) and not result and path not in out.incomplete
    if spec.required and empty:
        out.add("validate.empty_list", path, key=spec.key)
    kwargs[spec.name] = result


def _report_unknown(out: Collector, cls: type, key: Any, path: Path_) -> str | None:
    """Report a key the class does not have; return the key suggested instead, if any."""
    key = str(key)
    keys = [s.key for s in field_specs(cls)]
    suggested = closest(key, keys, KEY_HINTS)
    if suggested is not None:
        out.add("validate.unknown_key", path, at_key=True, suffix=out.suggestion(suggested),
                key=snippet(key))
        return suggested
    places = known_places().get(key)
    if places:
        named = [place or out.text("validate.top_level") for place in places[:3]]
        out.add("validate.misplaced_key", path, at_key=True, key=snippet(key),
                places=", ".join(named))
    else:
        out.add("validate.unknown_key", path, at_key=True, key=snippet(key),
                suffix="; " + out.text("validate.allowed_keys", keys=", ".join(keys)))
    return None


@cache
def known_places() -> dict[str, list[str]]:
    """Every key of the format and where it belongs, e.g. quotes → results[].questions[]."""
    places: dict[str, list[str]] = {}
    seen: set[type] = set()

    def walk(cls: type, where: str) -> None:
        if cls in seen:
            return
        seen.add(cls)
        for spec in field_specs(cls):
            places.setdefault(spec.key, []).append(where)
            for inner, suffix in dataclasses_in(spec.tp):
                walk(inner, f"{where}.{spec.key}{suffix}" if where else f"{spec.key}{suffix}")

    walk(m.Findings, "")
    return places


def dataclasses_in(tp: Any, suffix: str = "") -> list[tuple[type, str]]:
    """Dataclasses a type may hold, with `[]` for each list level on the way."""
    if dataclasses.is_dataclass(tp) and tp is not m.ReportDate:
        return [(tp, suffix)]
    origin = typing.get_origin(tp)
    if origin is tuple:
        return dataclasses_in(typing.get_args(tp)[0], suffix + "[]")
    if origin in (typing.Union, types.UnionType):
        return [found for arg in typing.get_args(tp) for found in dataclasses_in(arg, suffix)]
    return []


# --------------------------------------------------------------------------- the plan table

_SCALARS: dict[Any, Plan] = {
    str: _scalar("validate.want.text", _parse_str),
    m.Text: _scalar("validate.want.text", _parse_text),
    m.FilePath: _scalar("validate.want.path", _parse_path),
    m.Isbn: _scalar("validate.want.isbn", _parse_isbn),
    bool: _scalar("validate.want.yes_no", _parse_bool),
    Decimal: _scalar("validate.want.number", _parse_decimal),
    m.ReportDate: _scalar("validate.want.date", _parse_date),
}


@cache
def plan_for(tp: Any, minimum: int | None = None, maximum: int | None = None) -> Plan:
    """The conversion plan for a type of the model (bounds apply to integers)."""
    if tp in _SCALARS:
        return _SCALARS[tp]
    if tp is int:
        return _scalar("validate.want.integer", _int_parser(minimum, maximum))
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Literal:
        return _scalar("validate.want.choice", _literal_parser(tuple(args)))
    if origin is tuple:
        return _tuple_plan(plan_for(args[0], minimum, maximum))
    if origin is dict:
        return _dict_plan(plan_for(args[1], minimum, maximum))
    if origin in (typing.Union, types.UnionType):
        members = [plan_for(a, minimum, maximum) for a in args if a is not type(None)]
        return members[0] if len(members) == 1 else _union_plan(members)
    if dataclasses.is_dataclass(tp):
        return _dataclass_plan(tp)
    raise TypeError(f"no conversion for {tp!r}")


def convert_findings(out: Collector) -> m.Findings | None:
    """The whole file as Findings (with placeholders where it was wrong), or None."""
    result = plan_for(m.Findings).convert(out, out.loaded.data, ())
    return None if result is INVALID else result
