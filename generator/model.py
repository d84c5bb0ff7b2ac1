"""The typed findings model: what an author can say, as frozen dataclasses.

Each field's metadata carries the YAML key (when it differs from the attribute), the
documentation used by `mtreport schema` and docs/format.md, and bounds for numbers.
The converter in `validate.py` walks these classes; nothing here parses YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Language = Literal["nb", "nn", "en"]
InterviewForm = Literal["individual", "group", "telephone", "mixed"]


class Text(str):
    """Prose written by the author: paragraphs split by blank lines, *italic* and **bold**."""


class Isbn(str):
    """An ISBN-10 or ISBN-13 whose check digit has been verified."""


class FilePath(str):
    """A path written relative to the findings file; resolved and checked by validation."""


@dataclass(frozen=True, kw_only=True)
class ReportDate:
    """A year, a year and month, or a full date, kept at the precision the author gave."""

    year: int
    month: int | None = None
    day: int | None = None


def doc(text: str, *, key: str | None = None, minimum: int | None = None,
        maximum: int | None = None, default: Any = None, factory: Any = None) -> Any:
    """Declare a field with its documentation (and optional YAML key, bounds and default)."""
    meta = {"doc": text, "key": key, "minimum": minimum, "maximum": maximum}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def required(text: str, *, key: str | None = None, minimum: int | None = None,
             maximum: int | None = None) -> Any:
    """Declare a field the author must give."""
    return field(metadata={"doc": text, "key": key, "minimum": minimum, "maximum": maximum,
                           "required": True})


# --- report ---------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Author:
    """A person who wrote the report."""

    name: str = required("Full name as printed on the cover.")
    organisation: str | None = doc("Organisation the author belongs to.")


@dataclass(frozen=True, kw_only=True)
class Partner:
    """An organisation behind the report, shown on the cover."""

    name: str = required("Name of the organisation.")
    logo: FilePath | None = doc("Logo image (PNG or JPEG), relative to the findings file.")


@dataclass(frozen=True, kw_only=True)
class Report:
    """Title page and colophon facts."""

    title: str = required("Main title, e.g. «Musikkterapi i kommunalt rusarbeid».")
    date: ReportDate = required("Year (2025), year-month (2025-03) or full date (2025-03-14).")
    subtitle: str | None = doc("Subtitle naming the service or municipality.")
    language: Language = doc("Language of the report: nb (bokmål), nn (nynorsk) or en.",
                             default="nb")
    authors: tuple[Author, ...] = doc("Authors, in the order printed.", factory=tuple)
    publisher: str | None = doc("Publisher printed in the colophon.")
    series: str | None = doc("Series name and number, e.g. «KoRus-Øst rapport 3/2025».")
    isbn: Isbn | None = doc("ISBN-10 or ISBN-13; the check digit is verified.")
    partners: tuple[Partner, ...] = doc("Partner organisations, with optional logos.",
                                        factory=tuple)
    photo_credits: str | None = doc("Photo credits for the colophon.")
    keywords: tuple[str, ...] = doc("Keywords for the document properties.", factory=tuple)


# --- foreword ---------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Signature:
    """Who signs the foreword."""

    name: str = required("Name of the person signing.")
    title: str | None = doc("Their position, e.g. «Virksomhetsleder».")
    unit: str | None = doc("Their unit or service.")
    organisation: str | None = doc("Their organisation.")


@dataclass(frozen=True, kw_only=True)
class Foreword:
    """A foreword by a leader of the service."""

    text: Text = required("The foreword itself.")
    signature: Signature | None = doc("Signature block printed under the foreword.")


# --- prose sections ---------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Citation:
    """A block quote from a document, with its source in parentheses after it."""

    quote: Text = required("The quoted text, without quotation marks.")
    source: str | None = doc("Source, e.g. «Helsedirektoratet 2013, s. 16».")


@dataclass(frozen=True, kw_only=True)
class BulletBlock:
    """A bulleted list inside a prose section."""

    bullets: tuple[Text, ...] = required("The points, one per item.")


ContentItem = Text | Citation | BulletBlock


@dataclass(frozen=True, kw_only=True)
class Section:
    """A titled section of prose; sections nest (at most three heading levels are numbered)."""

    title: str = required("Section heading.")
    text: Text | None = doc("Paragraphs of the section.")
    content: tuple[ContentItem, ...] = doc(
        "Paragraphs, block quotes ({quote, source}) and bullet lists ({bullets}) in order, "
        "printed after `text`.", factory=tuple)
    sections: tuple[Section, ...] = doc("Subsections.", factory=tuple)


@dataclass(frozen=True, kw_only=True)
class Chapter:
    """A chapter of prose such as the background or the discussion."""

    title: str | None = doc("Chapter heading; the template's label is used when omitted.")
    text: Text | None = doc("Opening paragraphs before the first section.")
    content: tuple[ContentItem, ...] = doc("Paragraphs, block quotes and bullet lists.",
                                           factory=tuple)
    sections: tuple[Section, ...] = doc("Sections of the chapter.", factory=tuple)


# --- method -------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Duration:
    """How long interviews lasted, in minutes."""

    min: int = required("Shortest interview, minutes.", minimum=1, maximum=1440)
    max: int = required("Longest interview, minutes.", minimum=1, maximum=1440)


@dataclass(frozen=True, kw_only=True)
class InformantGroup:
    """One group of informants: users, a colleague group, the therapists."""

    id: str = required("Short id used by results and summary, e.g. «brukere».")
    label: str = required("Name printed in the report, e.g. «Brukere».")
    count: int = required("How many people were interviewed.", minimum=0, maximum=100000)
    form: InterviewForm = required("individual, group, telephone or mixed.")
    guide: bool | None = doc("Whether an interview guide was used (yes/no).")
    duration: Duration | None = doc("Duration range in minutes: {min, max}.")
    recorded: int | None = doc("How many interviews were audio-recorded.", minimum=0,
                               maximum=100000)
    details: tuple[Text, ...] = doc("Further facts as bullet points (gender split, "
                                    "inclusion criterion …).", factory=tuple)
    members: tuple[str, ...] = doc("Private informant ids (never printed); quotes may name "
                                   "one as their `informant`.", factory=tuple)


@dataclass(frozen=True, kw_only=True)
class Setting:
    """What the sessions contain."""

    text: Text | None = doc("Description of the sessions.")
    activities: tuple[Text, ...] = doc("Activities, printed as a bullet list.", factory=tuple)
    after: Text | None = doc("Paragraphs printed after the list (rooms, equipment …).")


@dataclass(frozen=True, kw_only=True)
class Method:
    """Purpose, setting, approach and informants of the study."""

    purpose: Text = required("Purpose of the mapping (Mål – problemstilling).")
    position: Text | None = doc("The author's own position and possible bias.")
    setting: Setting | None = doc("Content and frame of the sessions.")
    approach: Text | None = doc("How experiences were mapped (not research, but a mapping).")
    consent: Text | None = doc("How consent was obtained.")
    period: str | None = doc("When the interviews took place, e.g. «4.–5. mars 2025».")
    informants: tuple[InformantGroup, ...] = required("The informant groups.")


# --- results ------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Quote:
    """A verbatim quote; the informant id is private provenance and never printed."""

    text: Text = required("The quote, without quotation marks.")
    informant: str | None = doc("Private informant id; must be one of the group's members.")


QuoteItem = Text | Quote


@dataclass(frozen=True, kw_only=True)
class Scale:
    """The answer scale of a question."""

    min: int = doc("Lowest possible answer.", default=1, minimum=0, maximum=1000)
    max: int = doc("Highest possible answer.", default=10, minimum=1, maximum=1000)


@dataclass(frozen=True, kw_only=True)
class ScoreFile:
    """Scores read from a spreadsheet export (CSV), one row per respondent."""

    file: FilePath = required("CSV file, relative to the findings file.")
    column: str = required("Column holding this question's answers.")


ScoresSource = tuple[Decimal, ...] | ScoreFile


@dataclass(frozen=True, kw_only=True)
class Question:
    """One question of the interview guide, in guide order."""

    text: str = required("The question as asked.")
    topic: str | None = doc("Short topic used in sentences: «Sitater om {topic}:».")
    scale: Scale | None = doc("Answer scale; 1–10 when scores or a mean are given.")
    scores: ScoresSource | None = doc("Raw answers: a list of numbers, or {file, column}.")
    mean: Decimal | None = doc("A mean reported elsewhere; printed as given.")
    spread: bool | None = doc("Describe the spread of answers (default: when it is wide).")
    counts: dict[str, int] = doc("Answers counted: text → number, printed as bullets.",
                                 factory=dict)
    narrative: Text | None = doc("What the answers said, in the author's words.")
    quotes: tuple[QuoteItem, ...] = doc("Verbatim quotes.", factory=tuple)
    quotes_label: str | None = doc("Run-in label before the quotes, replacing the default.")
    blank_answers: int = field(default=0, metadata={"internal": True, "doc": "Blank CSV cells."})


@dataclass(frozen=True, kw_only=True)
class Theme:
    """A theme of a group interview (Nytte, Faglig relevans, Utfordringer …)."""

    title: str = required("Theme heading.")
    topic: str | None = doc("Topic used in «Sitater om {topic}:»; defaults to the title.")
    narrative: Text | None = doc("What was said about the theme.")
    points_lead: str | None = doc("Sentence introducing the points.")
    points: tuple[Text, ...] = doc("Bullet points.", factory=tuple)
    after: Text | None = doc("Paragraphs printed after the points.")
    quotes: tuple[QuoteItem, ...] = doc("Verbatim quotes.", factory=tuple)
    quotes_label: str | None = doc("Run-in label before the quotes, replacing the default.")


@dataclass(frozen=True, kw_only=True)
class GroupResults:
    """Results for one informant group."""

    group: str = required("Id of the informant group (from method.informants).")
    title: str = required("Section heading, e.g. «Hva mener brukerne?».")
    intro: Text | None = doc("When and where, and how the section is organised.")
    questions: tuple[Question, ...] = doc("Questions in interview-guide order.",
                                          factory=tuple)
    themes: tuple[Theme, ...] = doc("Themes, each a subsection.", factory=tuple)


# --- summary, discussion, references -------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class GroupSummary:
    """Main findings for one informant group."""

    group: str = required("Id of the informant group.")
    lead: Text | None = doc("Lead sentence, e.g. «Sett fra brukernes ståsted …:».")
    points: tuple[Text, ...] = doc("Main findings as bullet points.", factory=tuple)
    text: Text | None = doc("Paragraphs after the points (key counts …).")


@dataclass(frozen=True, kw_only=True)
class Summary:
    """The summary chapter."""

    text: Text | None = doc("Restates the purpose and who was interviewed.")
    groups: tuple[GroupSummary, ...] = doc("Main findings per group.", factory=tuple)
    overview: bool = doc("Print the table of all scale questions.", default=True)


@dataclass(frozen=True, kw_only=True)
class Reference:
    """An author–year reference."""

    author: str = required("Author(s), surname first: «Dale, T.».")
    year: str = required("Year of publication (or «u.å.»).")
    title: str = required("Title.")
    details: str | None = doc("Publisher, journal, report number, URL …")


ReferenceItem = str | Reference


@dataclass(frozen=True, kw_only=True)
class Appendix:
    """What goes in the appendix."""

    interview_guide: bool = doc("Print the interview guide, generated from the questions.",
                                default=True)


@dataclass(frozen=True, kw_only=True)
class BaselineGroup:
    """Informant count of a group in the earlier report."""

    group: str = required("Group id (matched with this report's groups).")
    count: int = required("How many were interviewed then.", minimum=0, maximum=100000)


@dataclass(frozen=True, kw_only=True)
class Baseline:
    """An earlier report to compare with: a findings file, or its means given inline."""

    file: FilePath | None = doc("The earlier report's findings file.")
    label: str | None = doc("How the earlier report is named in the table, e.g. «2023».")
    means: dict[str, Decimal] = doc("Earlier means by topic, when no file is given.",
                                    factory=dict)
    informants: tuple[BaselineGroup, ...] = doc("Earlier informant counts, when no file "
                                                "is given.", factory=tuple)


@dataclass(frozen=True, kw_only=True)
class Privacy:
    """Names to look for in quotes and how to print them."""

    names: tuple[str, ...] = doc("Names that must not appear in print.", factory=tuple)
    pseudonyms: dict[str, str] = doc("Name → replacement printed instead.", factory=dict)


@dataclass(frozen=True, kw_only=True)
class Findings:
    """A whole findings file."""

    report: Report = required("Title page and colophon facts.")
    method: Method = required("The study: purpose, setting, approach and informants.")
    results: tuple[GroupResults, ...] = required("Results per informant group.")
    foreword: Foreword | None = doc("The foreword.")
    background: Chapter | None = doc("The background chapter.")
    summary: Summary | None = doc("The summary chapter.")
    discussion: Chapter | None = doc("The discussion chapter.")
    references: tuple[ReferenceItem, ...] = doc("Author–year references (sorted in print).",
                                                factory=tuple)
    appendix: Appendix = doc("Appendix options.", factory=Appendix)
    baseline: Baseline | None = doc("An earlier report to compare with.")
    privacy: Privacy = doc("Privacy checks and pseudonyms.", factory=Privacy)
