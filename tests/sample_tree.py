"""A small hand-built document tree with every block type, for renderer tests."""

from __future__ import annotations

from decimal import Decimal

from generator import doctree as t


def runs(*parts: str | tuple[str, str]) -> t.Inline:
    """Runs from plain strings and ("b"|"i", text) pairs."""
    out = []
    for part in parts:
        if isinstance(part, tuple):
            kind, text = part
            out.append(t.Run(text, bold=kind == "b", italic=kind == "i"))
        else:
            out.append(t.Run(part))
    return tuple(out)


QUOTES = (
    "Her får jeg være noe annet enn en diagnose.",
    "Han (musikkterapeuten) lytter før han spiller, og det merkes.",
    "Jeg gikk hjem og øvde. Det har jeg ikke gjort på ti år.",
)


def sample_document(language: str = "nb") -> t.Document:
    """A short report exercising every block the composer can emit."""
    meta = t.Meta(
        title="Musikkterapi i kommunalt rusarbeid",
        subtitle="Brukererfaringer fra Fjellby kommune",
        authors=("Kari Nordmann", "Ola Nordmann"),
        language=language,
        lang_tag={"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}[language],
        subject="Brukererfaringsrapport",
        keywords=("musikkterapi", "rus", "psykisk helse"),
        header_text="Musikkterapi i kommunalt rusarbeid",
    )
    front = (
        t.Cover(title=meta.title, subtitle=meta.subtitle, date="2025",
                authors=meta.authors,
                partners=(t.Partner("KoRus-Øst"), t.Partner("Fjellby kommune"))),
        t.PageBreak(),
        t.Colophon(lines=(("Utgiver", "KoRus-Øst"), ("År", "2025"),
                          ("ISBN", "978-82-0-000000-0"))),
    )
    body = (
        t.Heading(1, "Forord", None, "h-forord"),
        t.Paragraph(runs("Dette er et ", ("i", "fiktivt"), " forord med ", ("b", "fet"),
                         " tekst og tegn som & < > «» – … æøå ÆØÅ áčđŋšŧž.")),
        t.Signature(lines=("Per Hansen", "Virksomhetsleder", "Fjellby kommune")),
        t.TableOfContents(title="Innhold"),
        t.Heading(1, "Bakgrunn", "1", "h-1"),
        t.Paragraph(runs("Fjellby kommune har rundt 80\u00a0000 innbyggere.")),
        t.Heading(2, "Nasjonale retningslinjer", "1.1", "h-1-1"),
        t.Quote(runs("Tilbudet bør gis av utdannede musikkterapeuter."), kind="citation",
                source="Helsedirektoratet 2013, s. 16"),
        t.Heading(1, "Kartleggingen", "2", "h-2"),
        t.Heading(2, "Metode, hvem og hva", "2.1", "h-2-1"),
        t.RunIn("Brukere:"),
        t.BulletList(items=(runs("9 informanter, individuelle intervju"),
                            runs("Intervjuguide ble brukt"))),
        t.Table(columns=("Gruppe", "Antall", "Intervjuform"),
                rows=(("Brukere", "9", "individuelle intervju"),
                      ("Kollegaer", "11", "gruppeintervju")),
                role="informants", caption="Tabell 1: Informantene",
                numeric=(False, True, False)),
        t.Heading(2, "Hva mener brukerne?", "2.2", "h-2-2"),
        t.Question(3, "Hvor tilfreds har du vært med innholdet i tilbudet?"),
        t.Paragraph(runs("Gjennomsnittlig skår på skalaen når det gjaldt innhold var 8,7.")),
        t.ScoreFigure(mean=Decimal("8.7"), mean_text="8,7", scale_min=1, scale_max=10,
                      label="Gjennomsnitt 8,7 på en skala fra 1 til 10"),
        t.RunIn("Sitater om innhold:"),
        *(t.Quote(runs(q)) for q in QUOTES),
        t.Heading(3, "Nytte", "2.2.1", "h-2-2-1"),
        t.BulletList(items=(runs("Gir mestringsopplevelser"), runs("Gir motivasjon"))),
        t.Heading(1, "Litteratur", None, "h-litteratur"),
        t.Paragraph(runs("Dale, T. (2014). ", ("i", "Evaluering av et prosjekt"), ". Bergen."),
                    role="reference"),
    )
    return t.Document(meta=meta, front=front, body=body)
