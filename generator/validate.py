"""Validate a loaded findings file: typed conversion, cross-checks, files; all problems at once.

`load_findings(path)` is what the CLI calls. Like mkdocs' config validation, every error
and warning is gathered first, then the run stops once with all of them (FindingsError),
or returns the findings with the warnings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from generator import model as m
from generator.checks import (
    baseline_from,
    check_file,
    check_findings,
    check_logos,
    read_csv_scores,
    with_pseudonym_names,
)
from generator.convert import Collector, Stop, convert_findings
from generator.errors import FindingsError, Problem
from generator.yamlload import MAX_BYTES, Loaded, load_file


@dataclass(frozen=True)
class Validated:
    """Findings that passed validation, the warnings about them, and the file they came from."""

    findings: m.Findings
    warnings: list[Problem]
    source: Path | None


def load_findings(path: str | os.PathLike[str]) -> Validated:
    """Read, parse and validate a findings file; files it names are relative to its folder."""
    loaded = load_file(path)
    source = Path(os.fsdecode(path))
    return validate(loaded, base_dir=source.parent, source=source)


def validate(loaded: Loaded, *, base_dir: Path, source: Path | None = None) -> Validated:
    """Typed findings from a loaded tree, or FindingsError with every problem found."""
    return _validate(loaded, Path(base_dir), source, with_baseline=True)


def _validate(loaded: Loaded, base_dir: Path, source: Path | None,
              with_baseline: bool) -> Validated:
    """Convert, cross-check and read the named files, collecting every problem."""
    out = Collector(loaded)
    findings: m.Findings | None = None
    try:
        findings = convert_findings(out)
        if findings is not None:
            findings = _checked(out, findings, base_dir, with_baseline)
    except Stop:
        pass
    problems = _in_order(out.problems, loaded.file)
    if out.has_errors() or findings is None:
        raise FindingsError(problems)
    return Validated(findings=findings, warnings=problems, source=source)


def _checked(out: Collector, findings: m.Findings, base_dir: Path,
             with_baseline: bool) -> m.Findings:
    """Run the cross-checks and file checks; the findings with CSV scores and baseline in."""
    check_findings(out, findings)
    check_logos(out, findings, base_dir)
    findings = read_csv_scores(out, findings, base_dir)
    if with_baseline and findings.baseline is not None:
        findings = _with_baseline(out, findings, base_dir)
    if isinstance(findings.privacy, m.Privacy):
        findings = with_pseudonym_names(findings)
    return findings


def _with_baseline(out: Collector, findings: m.Findings, base_dir: Path) -> m.Findings:
    """Load the baseline file (validated as findings, its own baseline ignored)."""
    baseline = findings.baseline
    if baseline is None or baseline.file is None or baseline.means or baseline.informants:
        return findings
    path = (*out.path_of(baseline, ("baseline",)), "file")
    target = check_file(out, path, baseline.file, base_dir, MAX_BYTES)
    if target is None:
        return findings
    try:
        earlier = _validate(load_file(target), target.parent, target, with_baseline=False)
    except FindingsError as error:
        out.add("validate.baseline_invalid", path, file=baseline.file,
                count=sum(p.severity == "error" for p in error.problems))
        for problem in error.problems:
            out.append(problem)
        return findings
    return replace(findings, baseline=baseline_from(earlier.findings, baseline.label))


def _in_order(problems: list[Problem], file: str) -> list[Problem]:
    """This file's problems by line; other files' (CSV, baseline) after, as found."""
    here: list[Problem] = []
    elsewhere: list[Problem] = []
    for problem in problems:
        (here if problem.file == file and problem.line is not None else elsewhere).append(problem)
    here.sort(key=lambda p: (p.line or 0, p.column or 0))
    return here + elsewhere
