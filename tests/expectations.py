"""The `# expect:` lines of the broken and hostile corpora, shared by their tests.

`# expect: [FILE@]LINE[:COLUMN] [[warning]] FIELD: PART … PART` names one problem a file
must produce: its file (default: the findings file), line (`-` for none), column, severity,
field path, and parts of the message that must occur in that order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

EXPECT = re.compile(
    r"^(?:(?P<file>[^@\s]+)@)?(?P<line>\d+|-)(?::(?P<column>\d+))?"
    r"(?: \[(?P<severity>warning)\])? (?P<field>.*?): (?P<message>.+)$"
)


@dataclass(frozen=True)
class Expected:
    """One problem a corpus file must produce."""

    file: str | None
    line: int | None
    column: int | None
    severity: str
    field: str
    parts: tuple[str, ...]

    def matches(self, problem: object, own_file: str | Path) -> bool:
        """Whether a reported problem is this one."""
        file = Path(own_file) if self.file is None else Path(own_file).parent / self.file
        return (
            Path(problem.file) == file
            and problem.line == self.line
            and (self.column is None or problem.column == self.column)
            and problem.severity == self.severity
            and problem.field == self.field
            and in_order(self.parts, problem.message)
        )


def in_order(parts: tuple[str, ...], message: str) -> bool:
    """Every part occurs in the message, each after the one before."""
    position = 0
    for part in parts:
        found = message.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def parse_expected(value: str) -> Expected:
    """One expectation, the text after `# expect: `."""
    found = EXPECT.match(value)
    assert found, f"malformed expectation: {value}"
    return Expected(
        file=found["file"],
        line=None if found["line"] == "-" else int(found["line"]),
        column=int(found["column"]) if found["column"] else None,
        severity=found["severity"] or "error",
        field=found["field"],
        parts=tuple(found["message"].split(" … ")),
    )
