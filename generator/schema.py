"""JSON Schema (draft 2020-12) of the findings format, generated from the model for editors.

Editors such as the YAML language server read YAML 1.2, where `9` is a number and `2025`
an integer, while mtreport reads every scalar as text. So wherever the model wants a whole
number, a number or a date, the schema accepts the number or the text form; plain text
fields accept numbers and booleans too (the loader keeps `2013` or `no` as written).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from generator import model as m
from generator.convert import BOOLS, FIRST_YEAR, LAST_YEAR, field_specs
from generator.isbn import PATTERN as ISBN_PATTERN

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://mtreport.invalid/findings.schema.json"
_DATE_PATTERN = r"^[0-9]{4}(-(0?[1-9]|1[0-2])(-(0?[1-9]|[12][0-9]|3[01]))?)?$"
_INT_PATTERN = r"^\s*[+-]?[0-9]{1,18}\s*$"
_DECIMAL_PATTERN = r"^\s*[+-]?[0-9]{1,15}([.,][0-9]{1,15})?\s*$"
_ANY_SCALAR = ["string", "number", "boolean"]


def findings_schema() -> dict[str, Any]:
    """The whole schema: the Findings mapping, with one $defs entry per dataclass."""
    defs: dict[str, Any] = {}
    root = _object(m.Findings, defs)
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "mtreport findings file",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """A dataclass as a closed object: a description per property, required keys listed."""
    properties = {}
    required = []
    for spec in field_specs(cls):
        prop = _with_doc(_type(spec.tp, defs, spec.minimum, spec.maximum), spec.doc)
        if spec.required:
            required.append(spec.key)
            if prop.get("type") == "array":
                prop["minItems"] = 1
        else:
            prop = _nullable(prop)
            default = _json_default(spec.default)
            if default is not None:
                prop["default"] = default
        properties[spec.key] = prop
    schema: dict[str, Any] = {
        "type": "object",
        "description": _first_line(cls.__doc__),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def _first_line(doc: str | None) -> str:
    """A class docstring's summary line."""
    return (doc or "").strip().splitlines()[0] if doc else ""


def _with_doc(schema: dict[str, Any], doc: str) -> dict[str, Any]:
    """A property schema with its documentation."""
    return {"description": doc, **schema} if doc else schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional field may be left empty (`subtitle:`), which means its default."""
    description = schema.get("description")
    inner = {k: v for k, v in schema.items() if k != "description"}
    options = inner["anyOf"] if list(inner) == ["anyOf"] else [inner]
    result: dict[str, Any] = {"anyOf": [*options, {"type": "null"}]}
    if description:
        result = {"description": description, **result}
    return result


def _json_default(value: Any) -> Any:
    """A default as JSON when it says something (None, empty lists and objects are left out)."""
    return value if type(value) in (bool, int, str) else None


def _type(tp: Any, defs: dict[str, Any], minimum: int | None = None,
          maximum: int | None = None) -> dict[str, Any]:
    """The schema of one model type."""
    scalar = _scalar(tp, minimum, maximum)
    if scalar is not None:
        return scalar
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], defs, minimum, maximum)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(args[1], defs, minimum, maximum)}
    if origin in (typing.Union, types.UnionType):
        members = [_type(a, defs, minimum, maximum) for a in args if a is not type(None)]
        return members[0] if len(members) == 1 else {"anyOf": members}
    if dataclasses.is_dataclass(tp):
        return _ref(tp, defs)
    raise TypeError(f"no schema for {tp!r}")


def _ref(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """A reference to a dataclass's definition, written once (classes may nest themselves)."""
    name = cls.__name__
    if name not in defs:
        defs[name] = {}
        defs[name] = _object(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _scalar(tp: Any, minimum: int | None, maximum: int | None) -> dict[str, Any] | None:
    """Schemas of the scalar types, or None for a type that is not one."""
    if tp is int:
        return _integer(minimum, maximum)
    if tp is Decimal:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _DECIMAL_PATTERN}]}
    if tp is bool:
        return {"anyOf": [{"type": "boolean"}, {"enum": _bool_spellings()}]}
    if tp is m.ReportDate:
        return {"anyOf": [{"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                          {"type": "string", "pattern": _DATE_PATTERN}]}
    if tp is m.Isbn:
        return {"anyOf": [{"type": "string", "pattern": ISBN_PATTERN},
                          {"type": "integer", "minimum": 0}]}
    if tp is m.FilePath:
        return {"type": "string", "minLength": 1}
    if tp in (str, m.Text):
        return {"type": list(_ANY_SCALAR)}
    return None


def _integer(minimum: int | None, maximum: int | None) -> dict[str, Any]:
    """A whole number, as a YAML 1.2 integer or as digits in a string."""
    number: dict[str, Any] = {"type": "integer"}
    if minimum is not None:
        number["minimum"] = minimum
    if maximum is not None:
        number["maximum"] = maximum
    return {"anyOf": [number, {"type": "string", "pattern": _INT_PATTERN}]}


def _bool_spellings() -> list[str]:
    """yes/no words the converter accepts, in the cases people type them."""
    words = []
    for word in BOOLS:
        words.extend(dict.fromkeys((word, word.capitalize(), word.upper())))
    return words


# --------------------------------------------------------------------------- docs tables

_MARKER = re.compile(r"<!-- fields: (?P<path>\S+) (?P<cls>\w+) -->\n.*?<!-- /fields -->",
                     re.DOTALL)


def fill_field_tables(text: str) -> str:
    """Markdown with every `<!-- fields: PATH Class -->` table regenerated from the model."""
    return _MARKER.sub(lambda found: _table_block(found["path"], found["cls"]), text)


def _table_block(path: str, cls_name: str) -> str:
    """One marker with its regenerated table."""
    cls = getattr(m, cls_name)
    prefix = "" if path == "." else f"{path}."
    return (f"<!-- fields: {path} {cls_name} -->\n{field_table(cls, prefix)}"
            "<!-- /fields -->")


def field_table(cls: type, prefix: str) -> str:
    """A Markdown table of a class's fields: path, kind of value, required, description."""
    rows = ["| Field | Value | Required | Description |", "|---|---|---|---|"]
    for spec in field_specs(cls):
        required = "yes" if spec.required else _default_text(spec.default)
        kind = describe(spec.tp, spec.minimum, spec.maximum)
        doc = spec.doc.replace("|", "\\|")
        rows.append(f"| `{prefix}{spec.key}` | {kind} | {required} | {doc} |")
    return "\n".join(rows) + "\n"


def _default_text(default: Any) -> str:
    """'no', with the default when it is worth saying."""
    if isinstance(default, bool):
        return f"no (default: {'yes' if default else 'no'})"
    if type(default) in (int, str):
        return f"no (default: `{default}`)"
    return "no"


def describe(tp: Any, minimum: int | None = None, maximum: int | None = None) -> str:
    """The kind of value a type takes, in words for the docs."""
    names = {str: "text", m.Text: "prose", Decimal: "number", bool: "yes/no",
             m.ReportDate: "date", m.Isbn: "ISBN", m.FilePath: "file path"}
    if tp in names:
        return names[tp]
    if tp is int:
        bounds = f" {minimum}–{maximum}" if minimum is not None and maximum is not None else ""
        return f"whole number{bounds}"
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is tuple:
        return f"list of {describe(args[0], minimum, maximum)}"
    if origin is dict:
        return f"text → {describe(args[1], minimum, maximum)}"
    if origin in (typing.Union, types.UnionType):
        kinds = [describe(a, minimum, maximum) for a in args if a is not type(None)]
        return " or ".join(kinds)
    if dataclasses.is_dataclass(tp):
        return "{" + ", ".join(s.key for s in field_specs(tp)) + "}"
    raise TypeError(f"no description for {tp!r}")


def main(argv: list[str] | None = None) -> int:
    """`python -m generator.schema` prints the schema; `--docs [FILE]` refreshes the tables."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--docs"]:
        docs = Path(args[1] if len(args) > 1 else "docs/format.md")
        docs.write_text(fill_field_tables(docs.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    print(json.dumps(findings_schema(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
