"""Problems found in an author's input, carried with file, line and field so they can be fixed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in the input; line and column are 1-based."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        kind = "" if self.severity == "error" else f" [{self.severity}]"
        return f"{where}:{kind}{field} {self.message}"


class FindingsError(Exception):
    """Bad input: every problem found in one run, reported together (exit code 2)."""

    exit_code = 2

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RefusedError(Exception):
    """The build would overwrite something the author may have edited (exit code 3)."""

    exit_code = 3
