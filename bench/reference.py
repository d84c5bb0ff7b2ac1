"""The benchmark's reference report: a findings tree, its YAML, and the same content as Markdown.

`findings(scale)` builds the tree as plain dicts and lists whose keys are exactly the
attribute names of `generator.model` (1×: ≈12 000 words, ≈40 pages; 5× and 25× repeat the
same structure with more sections, questions, themes and references). `write_reference`
writes `ref.yaml` (plus the CSV and logos it names) and `ref.md` from the same tree, so
mtreport and pandoc get the same words.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import yaml
from textgen import Prose, word_count

Tree = dict[str, Any]

USERS = tuple(f"b{i}" for i in range(1, 10))
ADULT_TEAM = tuple(f"k{i}" for i in range(1, 7))
YOUTH_TEAM = tuple(f"u{i}" for i in range(1, 6))
THERAPISTS = ("t1", "t2")
LOGOS = ("logo-kommune.png", "logo-senter.png")
PRIVATE_NAMES = ("Torstein", "Gunnhild", "Ragnvald")  # never generated, but scanned for


# --------------------------------------------------------------------------- the tree


def findings(scale: int, csv_name: str, seed: int = 2025) -> Tree:
    """The whole findings tree for `scale` × the reference content."""
    prose = Prose(seed + scale)
    users = user_results(prose, scale, csv_name)
    return {
        "report": report(prose),
        "foreword": foreword(prose),
        "background": background(prose, scale),
        "method": method(prose),
        "results": [users,
                    theme_results(prose, "voksenteamet", ADULT_TEAM, 3 * scale),
                    theme_results(prose, "ungdomsteamet", YOUTH_TEAM, 3 * scale),
                    theme_results(prose, "terapeutene", THERAPISTS, 2 * scale)],
        "summary": summary(prose, scale),
        "discussion": discussion(prose, scale),
        "references": [reference(prose, i) for i in range(15 * scale)],
        "appendix": {"interview_guide": True},
        "privacy": {"names": list(PRIVATE_NAMES), "pseudonyms": {}},
    }


def report(prose: Prose) -> Tree:
    """Title page and colophon."""
    return {
        "title": "Musikkterapi i kommunalt rusarbeid",
        "subtitle": "Brukererfaringer fra rus- og psykisk helsetjenesten i Nordvik kommune",
        "date": "2025-03",
        "language": "nb",
        "authors": [{"name": "Ane Testrud Holm", "organisation": "Kompetansesenter rus"},
                    {"name": "Per Målestad", "organisation": "Nordvik kommune"}],
        "publisher": "Kompetansesenter rus",
        "series": "Testrapport 1/2025",
        "partners": [{"name": "Nordvik kommune", "logo": LOGOS[0]},
                     {"name": "Kompetansesenter rus", "logo": LOGOS[1]}],
        "photo_credits": "Omslagsfoto: oppdiktet.",
        "keywords": ["musikkterapi", "rus", "psykisk helse", "brukererfaringer"],
    }


def foreword(prose: Prose) -> Tree:
    """A foreword with a signature."""
    return {"text": prose.paragraphs(3, 80),
            "signature": {"name": "Kari Benkestad", "title": "Virksomhetsleder",
                          "unit": "Rus og psykisk helse", "organisation": "Nordvik kommune"}}


def background(prose: Prose, scale: int) -> Tree:
    """Background chapter: sections with prose, a citation, bullets and a subsection."""
    sections = [background_section(prose, i) for i in range(5 * scale)]
    return {"title": "Bakgrunn", "text": prose.paragraphs(1, 60),
            "content": [prose.paragraphs(1, 60)], "sections": sections}


def background_section(prose: Prose, index: int) -> Tree:
    """One background section; every kind of content block turns up in turn."""
    section: Tree = {"title": prose.title(), "text": prose.paragraphs(2, 90)}
    kind = index % 5
    if kind == 1:
        section["content"] = [citation(prose), prose.paragraphs(1, 70)]
    elif kind == 2:
        section["sections"] = [{"title": prose.title(), "text": prose.paragraphs(2, 80)}]
    elif kind == 3:
        section["content"] = [{"bullets": [prose.point() for _ in range(5)]},
                              prose.paragraphs(1, 60)]
    elif kind == 4:
        section["content"] = [citation(prose)]
    return section


def citation(prose: Prose) -> Tree:
    """A block quote from a document, with its source."""
    return {"quote": prose.paragraph(45),
            "source": f"Nasjonalt fagråd {2015 + prose.rng.randrange(9)}, s. "
                      f"{prose.rng.randrange(5, 90)}"}


def method(prose: Prose) -> Tree:
    """Purpose, position, setting, approach, consent and the four informant groups."""
    return {
        "purpose": prose.paragraphs(2, 70),
        "position": prose.paragraphs(2, 60),
        "setting": {"text": prose.paragraphs(1, 60),
                    "activities": [prose.point() for _ in range(6)],
                    "after": prose.paragraphs(2, 50)},
        "approach": prose.paragraphs(2, 60),
        "consent": prose.paragraphs(2, 50),
        "period": "3.–5. februar 2025",
        "informants": [
            group(prose, "brukere", "Brukere", USERS, "individual", (20, 35)),
            group(prose, "voksenteamet", "Kollegaer i voksenteamet", ADULT_TEAM, "group",
                  (75, 75)),
            group(prose, "ungdomsteamet", "Kollegaer i ungdomsteamet", YOUTH_TEAM, "group",
                  (60, 60)),
            group(prose, "terapeutene", "Musikkterapeutene", THERAPISTS, "individual",
                  (45, 60)),
        ],
    }


def group(prose: Prose, gid: str, label: str, members: tuple[str, ...], form: str,
          minutes: tuple[int, int]) -> Tree:
    """One informant group."""
    return {"id": gid, "label": label, "count": len(members), "form": form,
            "guide": form == "individual", "duration": {"min": minutes[0], "max": minutes[1]},
            "recorded": max(1, len(members) - 2),
            "details": [prose.point() for _ in range(3)], "members": list(members)}


def user_results(prose: Prose, scale: int, csv_name: str) -> Tree:
    """The users' section: 9 questions per unit of scale, each with 10–15 quotes."""
    return {"group": "brukere", "title": "Hva mener brukerne?",
            "intro": prose.paragraphs(3, 60),
            "questions": [question(prose, i, csv_name) for i in range(9 * scale)]}


def question(prose: Prose, index: int, csv_name: str) -> Tree:
    """A question: scale ones have scores (one from the CSV), others counts or prose only."""
    kind = index % 9
    topic = prose.topic()
    q: Tree = {"text": f"Hvor tilfreds har du vært med {topic}?", "topic": topic}
    if kind in (2, 3, 4, 6):
        q["scale"] = {"min": 1, "max": 10}
        q["scores"] = ({"file": csv_name, "column": f"q{index + 1}"} if kind == 4
                       else scores(prose))
        if kind == 6:
            q["spread"] = True
    elif kind in (0, 1, 5, 8):
        q["text"] = f"Hva tenker du om {topic}?"
        q["counts"] = {prose.point(): prose.rng.randrange(1, 10) for _ in range(3)}
    else:
        q["text"] = f"Har du forslag til hvordan {topic} kan bli bedre?"
        q["quotes_label"] = f"Sitater om forslag til {topic}:"
    q["narrative"] = prose.paragraphs(2, 65)
    q["quotes"] = quotes(prose, USERS, prose.rng.randint(10, 15))
    return q


def scores(prose: Prose) -> list[int]:
    """Nine answers on a 1–10 scale, mostly high, as in the real reports."""
    return [prose.rng.choice((6, 7, 8, 8, 9, 9, 10, 10, 10)) for _ in USERS]


def quotes(prose: Prose, members: tuple[str, ...], count: int) -> list[Any]:
    """Quotes, some plain and some naming their (private) informant."""
    items: list[Any] = []
    for _ in range(count):
        text = prose.quote(prose.vary(18))
        if prose.rng.random() < 0.5:
            items.append({"text": text, "informant": prose.rng.choice(members)})
        else:
            items.append(text)
    return items


def theme_results(prose: Prose, gid: str, members: tuple[str, ...], themes: int) -> Tree:
    """A colleague or therapist section: themes with points and quotes."""
    label = {"voksenteamet": "Kollegaer i voksenteamet",
             "ungdomsteamet": "Kollegaer i ungdomsteamet"}.get(gid, "Musikkterapeutene")
    return {"group": gid, "title": label, "intro": prose.paragraphs(1, 70),
            "themes": [theme(prose, members) for _ in range(themes)]}


def theme(prose: Prose, members: tuple[str, ...]) -> Tree:
    """One theme of a group interview."""
    title = prose.title(1)
    return {"title": title, "topic": title.lower(), "narrative": prose.paragraphs(2, 60),
            "points_lead": "Gruppen trakk fram:", "points": [prose.point() for _ in range(4)],
            "after": prose.paragraphs(1, 50), "quotes": quotes(prose, members, 9)}


def summary(prose: Prose, scale: int) -> Tree:
    """Summary: text and the main findings per group."""
    groups = [{"group": gid, "lead": f"{prose.sentence()[:-1]}:",
               "points": [prose.point() for _ in range(4 + scale)],
               "text": prose.paragraphs(1, 45)}
              for gid in ("brukere", "voksenteamet", "ungdomsteamet", "terapeutene")]
    return {"text": prose.paragraphs(2, 60), "groups": groups, "overview": True}


def discussion(prose: Prose, scale: int) -> Tree:
    """Discussion chapter: sections of prose, one with recommendations as bullets."""
    sections: list[Tree] = []
    for i in range(3 * scale):
        section: Tree = {"title": prose.title(), "text": prose.paragraphs(2, 80)}
        if i % 3 == 2:
            section["content"] = [{"bullets": [prose.point() for _ in range(5)]},
                                  prose.paragraphs(1, 50)]
        sections.append(section)
    return {"title": "Drøfting og avslutning", "text": prose.paragraphs(1, 50),
            "sections": sections}


def reference(prose: Prose, index: int) -> Any:
    """An author–year reference; every third written as one string."""
    surname = prose.pick(("Berg", "Dale", "Haug", "Lie", "Moen", "Nygård", "Strand",
                          "Vik", "Ødegård", "Aasen"))
    author = f"{surname}{'sen' if index % 2 else ''}, {chr(65 + index % 26)}."
    year = str(2005 + prose.rng.randrange(20))
    title = prose.title()
    details = f"Rapport {1 + index % 9}/{year}. Oslo: Fagforlaget."
    if index % 3 == 2:
        return f"{author} ({year}). {title}. {details}"
    return {"author": author, "year": year, "title": title, "details": details}


# --------------------------------------------------------------------------- files


def write_reference(folder: Path, scale: int, stem: str) -> tuple[Path, Path]:
    """Write `<stem>.yaml` (with the CSV and logos it names) and `<stem>.md`."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_name = f"{stem}-svar.csv"
    tree = findings(scale, csv_name)
    yaml_path, md_path = folder / f"{stem}.yaml", folder / f"{stem}.md"
    yaml_path.write_text(to_yaml(tree), encoding="utf-8")
    md_path.write_text(to_markdown(tree), encoding="utf-8")
    (folder / csv_name).write_text(csv_text(tree), encoding="utf-8")
    for index, name in enumerate(LOGOS):
        (folder / name).write_bytes(png(240, 90, (40 + 90 * index, 90, 140)))
    return yaml_path, md_path


class _Dumper(yaml.SafeDumper):
    """Block scalars (`|`) for prose, as authors write it."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(tree: Tree) -> str:
    """The findings file."""
    head = "# Benchmark reference report (generated by bench/run.py; all text is fictional)\n\n"
    return head + yaml.dump(tree, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                            width=100, indent=2)


def csv_text(tree: Tree) -> str:
    """The survey export for the questions whose scores come from a file."""
    columns = [q["scores"]["column"] for q in tree["results"][0]["questions"]
               if isinstance(q.get("scores"), dict)]
    rows = ["respondent;" + ";".join(columns)]
    for i, member in enumerate(USERS):
        rows.append(member + "".join(f";{(7 + (i + j) % 4)}" for j in range(len(columns))))
    return "\n".join(rows) + "\n"


def csv_scores(tree: Tree, column: str) -> list[int]:
    """The answers of one CSV column (for the Markdown version)."""
    lines = csv_text(tree).splitlines()
    at = lines[0].split(";").index(column)
    return [int(line.split(";")[at]) for line in lines[1:]]


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain-colour PNG (a stand-in logo) with the standard library only."""
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw)
            + chunk(b"IEND", b""))


# --------------------------------------------------------------------------- Markdown


def to_markdown(tree: Tree) -> str:
    """The same content as pandoc Markdown: headings, paragraphs, lists, quotes, tables."""
    out: list[str] = [metadata(tree["report"])]
    out += md_foreword(tree["foreword"])
    out += md_chapter(tree["background"])
    out += md_method(tree["method"])
    for result in tree["results"]:
        out += md_results(tree, result)
    out += md_summary(tree)
    out += md_chapter(tree["discussion"])
    out += md_references(tree["references"])
    out += md_guide(tree)
    return "\n\n".join(block.strip("\n") for block in out) + "\n"


def metadata(rep: Tree) -> str:
    """pandoc's title block."""
    authors = "".join(f"\n  - {a['name']}" for a in rep["authors"])
    return (f"---\ntitle: \"{rep['title']}\"\nsubtitle: \"{rep['subtitle']}\"\n"
            f"author:{authors}\ndate: \"{rep['date']}\"\nlang: nb-NO\n---")


def md_foreword(fw: Tree) -> list[str]:
    sig = fw["signature"]
    return ["# Forord", fw["text"], f"{sig['name']}  \n{sig['title']}, {sig['unit']}, "
            f"{sig['organisation']}"]


def md_chapter(chapter: Tree, level: int = 1) -> list[str]:
    """A chapter or section: heading, text, content blocks, subsections."""
    out = [f"{'#' * level} {chapter['title']}"]
    if chapter.get("text"):
        out.append(chapter["text"])
    for item in chapter.get("content", []):
        out.append(md_content(item))
    for section in chapter.get("sections", []):
        out += md_chapter(section, level + 1)
    return out


def md_content(item: Any) -> str:
    """A paragraph, a block quote with its source, or a bullet list."""
    if isinstance(item, str):
        return item
    if "bullets" in item:
        return bullets(item["bullets"])
    return blockquote(f"{item['quote']} ({item['source']})")


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {' '.join(text.split())}" for text in items)


def blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def md_method(met: Tree) -> list[str]:
    """The method chapter with the informant table."""
    setting = met["setting"]
    out = ["# Metode", "## Mål – problemstilling", met["purpose"], "## Forfatternes ståsted",
           met["position"], "## Innhold i tilbudet", setting["text"],
           bullets(setting["activities"]), setting["after"], "## Kartlegging",
           met["approach"], "## Samtykke", met["consent"], "## Informanter",
           f"Intervjuene ble gjort {met['period']}.", informant_table(met["informants"])]
    for grp in met["informants"]:
        out += [f"**{grp['label']}**", bullets(grp["details"])]
    return out


def informant_table(groups: list[Tree]) -> str:
    """A pipe table of the informant groups."""
    rows = ["| Gruppe | Antall | Form | Intervjuguide | Varighet (min) | Lydopptak |",
            "|:-------|-------:|:-----|:--------------|---------------:|----------:|"]
    for g in groups:
        minutes = f"{g['duration']['min']}–{g['duration']['max']}"
        rows.append(f"| {g['label']} | {g['count']} | {g['form']} | "
                    f"{'ja' if g['guide'] else 'nei'} | {minutes} | {g['recorded']} |")
    rows.append("\n: Informanter")
    return "\n".join(rows)


def md_results(tree: Tree, result: Tree) -> list[str]:
    """One group's results: intro, then questions or themes."""
    out = [f"# {result['title']}", result["intro"]]
    for number, q in enumerate(result.get("questions", []), start=1):
        out += md_question(tree, number, q)
    for th in result.get("themes", []):
        out += [f"## {th['title']}", th["narrative"], th["points_lead"],
                bullets(th["points"]), th["after"], f"Sitater om {th['topic']}:"]
        out += md_quotes(th["quotes"])
    return out


def md_question(tree: Tree, number: int, q: Tree) -> list[str]:
    """A question: its figures, the narrative, then the quotes."""
    out = [f"## Spørsmål {number}: {q['text']}"]
    answers = question_scores(tree, q)
    if answers:
        mean = sum(answers) / len(answers)
        out.append(f"Gjennomsnittlig skår: {mean:.1f} (n = {len(answers)}, skala 1–10). "
                   f"Svarene var: {', '.join(str(a) for a in answers)}.".replace(".0 ", " "))
    if q.get("counts"):
        out.append(bullets([f"{n} {label}" for label, n in q["counts"].items()]))
    out += [q["narrative"], q.get("quotes_label", f"Sitater om {q['topic']}:")]
    return out + md_quotes(q["quotes"])


def question_scores(tree: Tree, q: Tree) -> list[int]:
    scores_ = q.get("scores")
    if isinstance(scores_, dict):
        return csv_scores(tree, scores_["column"])
    return list(scores_ or [])


def md_quotes(items: list[Any]) -> list[str]:
    """Each quote as a block quote, in «» as the report prints them."""
    texts = [item if isinstance(item, str) else item["text"] for item in items]
    return [blockquote(f"«{text}»") for text in texts]


def md_summary(tree: Tree) -> list[str]:
    """Summary: text, findings per group and the overview table of scale questions."""
    summ = tree["summary"]
    labels = {g["id"]: g["label"] for g in tree["method"]["informants"]}
    out = ["# Sammendrag", summ["text"]]
    for grp in summ["groups"]:
        out += [f"**{labels[grp['group']]}.** {grp['lead']}", bullets(grp["points"]),
                grp["text"]]
    rows = ["| Spørsmål | Gjennomsnitt | n |", "|:--|--:|--:|"]
    for q in tree["results"][0]["questions"]:
        answers = question_scores(tree, q)
        if answers:
            rows.append(f"| {q['topic']} | {sum(answers) / len(answers):.1f} | {len(answers)} |")
    return [*out, "\n".join(rows) + "\n\n: Oversikt over skårene"]


def md_references(refs: list[Any]) -> list[str]:
    """References, sorted as printed."""
    lines = []
    for ref in refs:
        if isinstance(ref, str):
            lines.append(ref)
        else:
            lines.append(f"{ref['author']} ({ref['year']}). *{ref['title']}*. {ref['details']}")
    return ["# Referanser", "\n\n".join(sorted(lines))]


def md_guide(tree: Tree) -> list[str]:
    """The interview-guide appendix as a numbered list."""
    questions = tree["results"][0]["questions"]
    items = "\n".join(f"{i}. {q['text']}" for i, q in enumerate(questions, start=1))
    return ["# Vedlegg: Intervjuguide", items]


def markdown_words(path: Path) -> int:
    """Words of the Markdown version, markup included (a close proxy for the report's)."""
    return word_count(path.read_text(encoding="utf-8"))
