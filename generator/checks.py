"""Checks across fields after conversion: groups, informants, scales, counts and files.

Every check reports to the same `Collector` as the converter, so an author sees all
problems at once. Objects may hold a placeholder None where conversion failed; every
check skips what it cannot judge rather than adding a consequential error.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from itertools import islice
from pathlib import Path
from typing import Any

from generator import model as m
from generator.convert import Collector, closest, snippet
from generator.csvscores import read_scores
from generator.errors import FindingsError, Problem
from generator.stats import round_half_up
from generator.yamlload import Path_, field_name

MAX_LOGO_BYTES = 20 * 1024 * 1024
MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_LISTED = 500
_MAGIC = 16
OPENING_MARKS = "«\"“„‹"
CLOSING_MARKS = "»\"”“›"
SINGLE_MARKS = "'‘’‚"
DEFAULT_SCALE = m.Scale()
_ANY_SCORE = (-(10**15), 10**15)  # the range of a CSV read against a scale that failed

_IMAGE_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"GIF8", "GIF"), (b"%PDF", "PDF"), (b"BM", "BMP"), (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"), (b"<svg", "SVG"), (b"<?xml", "SVG"), (b"\x00\x00\x01\x00", "ICO"),
)


# --------------------------------------------------------------------------- walking


def _items(out: Collector, parent: Path_, key: str, items: Any) -> Iterator[tuple[Path_, Any]]:
    """(path, item) for each item of a converted tuple field."""
    if not isinstance(items, tuple):
        return
    base = (*parent, key)
    for index, item in enumerate(items):
        yield out.item_path(base, items, index), item


def _groups(out: Collector, findings: m.Findings) -> tuple[m.InformantGroup, ...]:
    """The informant groups that were converted."""
    method = findings.method
    if method is None or not isinstance(method.informants, tuple):
        return ()
    return method.informants


def _groups_complete(out: Collector, findings: m.Findings) -> bool:
    """Whether every informant group was read, so an unknown id is really unknown."""
    method = findings.method
    if method is None or not isinstance(method.informants, tuple) or not method.informants:
        return False
    broken = ("method", "informants")
    if any(p[:2] == broken for p in out.incomplete):
        return False
    return all(isinstance(g.id, str) for g in method.informants)


# --------------------------------------------------------------------------- groups


def check_findings(out: Collector, findings: m.Findings) -> None:
    """Every check that needs no file: groups, informants, scales, counts, warnings."""
    groups = _groups(out, findings)
    _check_group_ids(out, groups)
    for group in groups:
        _check_group(out, group)
    known = {g.id: g for g in groups if isinstance(g.id, str)}
    complete = _groups_complete(out, findings)
    for path, result in _items(out, (), "results", findings.results):
        _check_result(out, path, result, known, complete)
    if findings.summary is not None:
        summary_path = out.path_of(findings.summary, ("summary",))
        for path, group in _items(out, summary_path, "groups", findings.summary.groups):
            _check_group_ref(out, (*path, "group"), group.group, known, complete)
    for path, item in _content_items(out, findings):
        if isinstance(item, m.Citation) and item.quote is not None:
            _check_quote_marks(out, (*path, "quote"), item.quote)
    _check_baseline_shape(out, findings.baseline)


def _check_group_ids(out: Collector, groups: tuple[m.InformantGroup, ...]) -> None:
    """Group ids are unique (results and the summary refer to them)."""
    first: dict[str, int] = {}
    for group in groups:
        if not isinstance(group.id, str):
            continue
        path = (*out.path_of(group), "id")
        mark = out.mark_of(path)
        if group.id in first:
            out.add("validate.duplicate_group", path, id=group.id, first=first[group.id])
        else:
            first[group.id] = mark.line if mark else 0


def _check_group(out: Collector, group: m.InformantGroup) -> None:
    """Durations run upwards, no more recordings than people, members unique."""
    path = out.path_of(group)
    low, high = (group.duration.min, group.duration.max) if group.duration else (None, None)
    if isinstance(low, int) and isinstance(high, int) and low > high:
        out.add("validate.duration_order", (*path, "duration"), min=low, max=high)
    recorded, count = group.recorded, group.count
    if isinstance(recorded, int) and isinstance(count, int) and recorded > count:
        out.add("validate.recorded_too_many", (*path, "recorded"), recorded=recorded,
                count=count)
    seen: set[str] = set()
    for member_path, member in _items(out, path, "members", group.members):
        if member in seen:
            out.add("validate.duplicate_member", member_path, member=member)
        seen.add(member)


def _check_group_ref(out: Collector, path: Path_, group: Any,
                     known: dict[str, m.InformantGroup], complete: bool) -> None:
    """A group id must name one of method.informants."""
    if not isinstance(group, str) or group in known or not complete:
        return
    suggested = closest(group, known)
    listed = ", ".join(known) or "–"
    out.add("validate.unknown_group", path, suffix=out.suggestion(suggested), group=group,
            known=listed)


# --------------------------------------------------------------------------- results


def _check_result(out: Collector, path: Path_, result: m.GroupResults,
                  known: dict[str, m.InformantGroup], complete: bool) -> None:
    """One group's results: its group exists, its questions and themes hold up."""
    _check_group_ref(out, (*path, "group"), result.group, known, complete)
    group = known.get(result.group) if isinstance(result.group, str) else None
    members = set(group.members) if group is not None else set()
    if not result.questions and not result.themes:
        out.add("validate.empty_results", path, severity="warning")
    for q_path, question in _items(out, path, "questions", result.questions):
        _check_question(out, q_path, question)
        _check_quotes(out, q_path, question.quotes, members)
    for t_path, theme in _items(out, path, "themes", result.themes):
        _check_quotes(out, t_path, theme.quotes, members)


def _check_question(out: Collector, path: Path_, question: m.Question) -> None:
    """Scale runs upwards; scores and mean within it, not both; counts not negative."""
    scale = question.scale or DEFAULT_SCALE
    # a scale (or a bound of it) that could not be read has a default standing in for it:
    # scores are not checked against a scale the author did not write
    scale_ok = _check_scale(out, path, question.scale) and not out.unread_at((*path, "scale"))
    has_scores = isinstance(question.scores, m.ScoreFile) or bool(question.scores)
    if has_scores and question.mean is not None:
        out.add("validate.scores_and_mean", (*path, "mean"))
    if scale_ok and isinstance(question.scores, tuple):
        for score_path, score in _items(out, path, "scores", question.scores):
            _check_in_scale(out, score_path, score, scale, "validate.score_out_of_scale")
    if scale_ok and question.mean is not None:
        _check_in_scale(out, (*path, "mean"), question.mean, scale, "validate.mean_out_of_scale")
    if question.scale is not None and not has_scores and question.mean is None:
        out.add("validate.no_scores", path, severity="warning")
    for label, count in (question.counts or {}).items():
        if count < 0:
            out.add("validate.negative_count", (*path, "counts", label), label=label,
                    value=count)


def _check_scale(out: Collector, path: Path_, scale: m.Scale | None) -> bool:
    """A scale must run from a lower to a higher number."""
    if scale is None:
        return True
    if not isinstance(scale.min, int) or not isinstance(scale.max, int):
        return False
    if scale.min >= scale.max:
        out.add("validate.scale_order", (*path, "scale"), min=scale.min, max=scale.max)
        return False
    return True


def _check_in_scale(out: Collector, path: Path_, value: Decimal, scale: m.Scale,
                    key: str) -> None:
    """One score or mean inside the scale."""
    if not scale.min <= value <= scale.max:
        out.add(key, path, value=_show(value, out.lang), min=scale.min, max=scale.max)


def _show(value: Decimal, lang: str) -> str:
    """A number as the author would write it."""
    text = str(value)
    return text if lang == "en" else text.replace(".", ",")


def _check_quotes(out: Collector, parent: Path_, quotes: Any, members: set[str]) -> None:
    """Quotes name a declared informant (when members are declared) and carry no marks."""
    for path, quote in _items(out, parent, "quotes", quotes):
        if isinstance(quote, m.Quote):
            if members and isinstance(quote.informant, str) and quote.informant not in members:
                suggested = closest(quote.informant, members)
                out.add("validate.unknown_informant", (*path, "informant"),
                        suffix=out.suggestion(suggested), informant=quote.informant,
                        known=", ".join(sorted(members)))
            if quote.text is not None:
                _check_quote_marks(out, (*path, "text"), quote.text)
        elif isinstance(quote, str):
            _check_quote_marks(out, path, quote)


def _check_quote_marks(out: Collector, path: Path_, text: str) -> None:
    """Warn when the author typed the quotation marks the renderer will add."""
    if not text:
        return
    first, last = text[0], text[-1]
    marked = first in OPENING_MARKS or last in CLOSING_MARKS
    if marked or (first in SINGLE_MARKS and last in SINGLE_MARKS and len(text) > 1):
        out.add("validate.quote_marks", path, severity="warning")


def _content_items(out: Collector, findings: m.Findings) -> Iterator[tuple[Path_, Any]]:
    """Every content item of the background and discussion, sections included."""
    for chapter in (findings.background, findings.discussion):
        if chapter is not None:
            yield from _chapter_items(out, out.path_of(chapter), chapter)


def _chapter_items(out: Collector, path: Path_, part: Any) -> Iterator[tuple[Path_, Any]]:
    """Content items of a chapter or section and of its sections, without recursion."""
    stack = [(path, part)]
    while stack:
        where, node = stack.pop()
        yield from _items(out, where, "content", node.content)
        stack.extend(_items(out, where, "sections", node.sections))


def _check_baseline_shape(out: Collector, baseline: m.Baseline | None) -> None:
    """A baseline is a file or inline figures, not both."""
    if baseline is None:
        return
    path = out.path_of(baseline, ("baseline",))
    if baseline.file is not None and (baseline.means or baseline.informants):
        out.add("validate.baseline_both", (*path, "file"))
    elif baseline.file is None and not baseline.means and not baseline.informants:
        out.add("validate.baseline_empty", path)


# --------------------------------------------------------------------------- files


def resolve(base_dir: Path, written: str) -> Path:
    """A path as written in the findings file: relative to its folder, or absolute."""
    path = Path(written)
    return path if path.is_absolute() else base_dir / path


def check_file(out: Collector, path: Path_, written: str, base_dir: Path,
               limit: int) -> Path | None:
    """The named file if it exists, is a regular file and is not unreasonably large."""
    target = resolve(base_dir, written)
    try:
        info = target.stat()
    except (FileNotFoundError, NotADirectoryError):
        _report_missing(out, path, written, target)
        return None
    except PermissionError:
        out.add("validate.file_no_permission", path, file=snippet(written))
        return None
    except (OSError, ValueError):
        out.add("validate.file_bad_name", path, file=snippet(written))
        return None
    if stat.S_ISDIR(info.st_mode):
        out.add("validate.file_is_folder", path, file=snippet(written))
        return None
    if not stat.S_ISREG(info.st_mode):
        out.add("validate.file_not_regular", path, file=snippet(written))
        return None
    if info.st_size > limit:
        out.add("validate.file_too_large", path, file=snippet(written),
                limit=limit // (1024 * 1024))
        return None
    return target


def _report_missing(out: Collector, path: Path_, written: str, target: Path) -> None:
    """Say which file or folder is missing, suggesting a near name in the same folder."""
    folder = target.parent
    try:
        is_folder = folder.is_dir()
        names = _names_in(folder) if is_folder else []
    except (OSError, ValueError):
        is_folder, names = False, []
    if not is_folder:
        shown = os.path.dirname(written) or "."
        out.add("validate.folder_missing", path, file=snippet(written), folder=snippet(shown))
        return
    suggested = closest(target.name, names)
    if suggested is not None:
        suggested = os.path.join(os.path.dirname(written), suggested)
    out.add("validate.file_missing", path, suffix=out.suggestion(suggested),
            file=snippet(written))


def _names_in(folder: Path) -> list[str]:
    """Some names in a folder (bounded, so a huge folder costs little)."""
    with os.scandir(folder) as entries:
        return [entry.name for entry in islice(entries, MAX_LISTED)]


def image_kind(head: bytes) -> str | None:
    """'PNG' or 'JPEG' from a file's first bytes; another format's name; None if unknown."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, name in _IMAGE_KINDS:
        if stripped.startswith(magic):
            return name
    return None


def check_logos(out: Collector, findings: m.Findings, base_dir: Path) -> None:
    """Partner logos exist and are PNG or JPEG by their first bytes."""
    report = findings.report
    if report is None:
        return
    report_path = out.path_of(report, ("report",))
    for path, partner in _items(out, report_path, "partners", report.partners):
        if partner.logo is None:
            continue
        logo_path = (*path, "logo")
        target = check_file(out, logo_path, partner.logo, base_dir, MAX_LOGO_BYTES)
        if target is not None:
            _check_image(out, logo_path, partner.logo, target)


def _check_image(out: Collector, path: Path_, written: str, target: Path) -> None:
    """Read only the first bytes of a logo and name what it is when it is no PNG/JPEG."""
    try:
        with target.open("rb") as handle:
            head = handle.read(_MAGIC)
    except OSError:
        out.add("validate.file_no_permission", path, file=snippet(written))
        return
    if not head:
        out.add("validate.file_empty", path, file=snippet(written))
        return
    kind = image_kind(head)
    if kind in ("PNG", "JPEG"):
        return
    if kind is None:
        out.add("validate.not_image", path, file=snippet(written))
    else:
        out.add("validate.wrong_image", path, file=snippet(written), kind=kind)


# --------------------------------------------------------------------------- CSV scores


def read_csv_scores(out: Collector, findings: m.Findings, base_dir: Path) -> m.Findings:
    """Findings whose {file, column} scores are replaced by the values read from the CSV."""
    if not isinstance(findings.results, tuple):
        return findings
    results = []
    changed = False
    for path, result in _items(out, (), "results", findings.results):
        questions = []
        for q_path, question in _items(out, path, "questions", result.questions):
            new = _question_with_csv(out, q_path, question, base_dir)
            changed |= new is not question
            questions.append(new)
        results.append(_replaced(out, result, questions=tuple(questions))
                       if changed else result)
    return _replaced(out, findings, results=tuple(results)) if changed else findings


def _replaced(out: Collector, obj: Any, **changes: Any) -> Any:
    """dataclasses.replace, keeping the record of where the object was written."""
    new = dataclasses.replace(obj, **changes)
    out.paths[id(new)] = out.path_of(obj)
    return new


def _question_with_csv(out: Collector, path: Path_, question: m.Question,
                       base_dir: Path) -> m.Question:
    """The question with its CSV scores read in (unchanged when it has none or they fail)."""
    source = question.scores
    if not isinstance(source, m.ScoreFile) or source.file is None or source.column is None:
        return question
    scale = question.scale or DEFAULT_SCALE
    file_path = (*path, "scores", "file")
    target = check_file(out, file_path, source.file, base_dir, MAX_CSV_BYTES)
    if target is None:
        return question
    # a scale that could not be read (reported already) checks no range, but the file's
    # own problems (its column, its numbers) are still worth reporting now
    if not _scale_usable(scale) or out.unread_at((*path, "scale")):
        bounds = _ANY_SCORE
    else:
        bounds = (scale.min, scale.max)
    display = str(resolve(Path(out.loaded.file).parent, source.file))
    try:
        column = read_scores(target, source.column, bounds, display=display, lang=out.lang)
    except FindingsError as error:
        for problem in error.problems:
            out.append(_csv_problem(out, path, source.column, problem))
        return question
    scores = tuple(_to_decimal(v) for v in column.values)
    return _replaced(out, question, scores=scores, blank_answers=column.blanks)


def _scale_usable(scale: m.Scale) -> bool:
    """Whether a scale can be handed to the CSV reader (a bad one is reported already)."""
    return isinstance(scale.min, int) and isinstance(scale.max, int) and scale.min < scale.max


def _csv_problem(out: Collector, path: Path_, column: str, problem: Problem) -> Problem:
    """A problem in a CSV file, named by the question it belongs to."""
    text = out.text("validate.csv_problem", column=column, detail=problem.message)
    return Problem(problem.file, problem.line, problem.column, field_name((*path, "scores")),
                   text, problem.severity)


def _to_decimal(value: Fraction) -> Decimal:
    """An exact score (a decimal fraction, as read from text) as a Decimal."""
    return Decimal(value.numerator) / Decimal(value.denominator)


# --------------------------------------------------------------------------- baseline, privacy


def baseline_from(earlier: m.Findings, label: str | None) -> m.Baseline:
    """What an earlier report says: its means by topic and its informant counts."""
    means: dict[str, Decimal] = {}
    for result in earlier.results:
        for question in result.questions:
            mean = question_mean(question)
            topic = question.topic or question.text
            if mean is not None and topic not in means:
                means[topic] = mean
    groups = tuple(m.BaselineGroup(group=g.id, count=g.count) for g in earlier.method.informants)
    if label is None:
        label = str(earlier.report.date.year)
    return m.Baseline(label=label, means=means, informants=groups)


def question_mean(question: m.Question) -> Decimal | None:
    """The mean as printed: exact from the scores, rounded half-up, or as reported."""
    if isinstance(question.scores, tuple) and question.scores:
        total = sum((Fraction(s) for s in question.scores), Fraction(0))
        return round_half_up(total / len(question.scores), 1)
    return question.mean


def with_pseudonym_names(findings: m.Findings) -> m.Findings:
    """Privacy names including every name that has a pseudonym."""
    privacy = findings.privacy
    extra = tuple(n for n in privacy.pseudonyms if n not in privacy.names)
    if not extra:
        return findings
    return dataclasses.replace(
        findings, privacy=dataclasses.replace(privacy, names=privacy.names + extra))
