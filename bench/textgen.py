"""Fictional Norwegian-looking prose for the benchmark report, generated from a seeded random.

Nothing here is real text: sentences are assembled from the word lists below by a tiny
grammar (subject, verb, object, optional place or time phrase, optional second clause), so
the report has realistic word lengths, long compounds for the hyphenator, commas, the odd
*italic* or **bold** word, and no names, numbers or addresses for the privacy scan to flag.
"""

from __future__ import annotations

import random
import textwrap

NOUNS = (
    "musikkterapeuten", "brukeren", "brukerne", "tilbudet", "musikkrommet", "timen",
    "hverdagen", "fellesskapet", "samspillet", "bandet", "gitaren", "trommene", "låten",
    "teksten", "stemmen", "tjenesten", "kommunen", "teamet", "kollegaene", "oppfølgingen",
    "samarbeidet", "relasjonen", "motivasjonen", "mestringen", "tryggheten", "angsten",
    "russuget", "rutinen", "uka", "kvelden", "helgen", "ventelisten", "rammene",
    "innholdet", "erfaringen", "kartleggingen", "intervjuet", "samtalen", "planen",
    "ansvarsgruppen", "kontaktpersonen", "dagsenteret", "helsehuset", "ettervernet",
    "musikkterapitilbudet", "brukermedvirkningen", "lavterskeltilbudet", "innspillingen",
    "improvisasjonen", "låtskrivingen", "tverrfagligheten", "kompetansesenteret",
    "tjenesteutviklingen", "rusmiddelbruken", "livskvaliteten", "ressursorienteringen",
    "oppmerksomheten", "tilhørigheten", "forankringen", "ledelsen",
)
VERBS = (
    "gir", "skaper", "styrker", "åpner", "bygger", "endrer", "løfter", "samler", "preger",
    "trenger", "beskriver", "forklarer", "viser", "bruker", "møter", "følger", "savner",
    "verdsetter", "fremhever", "utfordrer", "påvirker", "støtter", "tydeliggjør",
    "etterlyser", "kjenner", "husker", "prøver", "lærer", "øver", "deler", "finner",
    "opplever", "vurderer", "prioriterer", "tilrettelegger", "videreutvikler",
)
ADJECTIVES = (  # definite forms: «den trygge rammen»
    "trygge", "faste", "fleksible", "gode", "viktige", "nye", "egne", "felles", "lange",
    "korte", "rolige", "tydelige", "åpne", "stabile", "krevende", "meningsfulle", "varige",
    "konkrete", "ressursorienterte", "tverrfaglige", "helhetlige", "forutsigbare",
    "musikalske", "sosiale", "kommunale", "lydisolerte", "uformelle", "systematiske",
)
ADVERBS = (
    "ofte", "gjerne", "særlig", "tydelig", "fortsatt", "likevel", "egentlig", "sjelden",
    "alltid", "etter hvert", "i praksis", "over tid", "stort sett", "nesten alltid",
    "på sikt", "i det daglige", "til en viss grad", "i økende grad",
)
PREPOSITIONS = ("i", "på", "for", "med", "uten", "etter", "mellom", "rundt", "gjennom",
                "under", "blant", "hos", "mot", "om")
SUBJECTS = ("vi", "de", "flere", "mange", "noen", "alle", "teamet", "tjenesten",
            "musikkterapeutene", "kollegaene", "brukerne", "kommunen", "gruppen")
FIRST_PERSON = ("jeg", "vi", "jeg", "man", "det", "jeg")
CONJUNCTIONS = ("og", "men", "fordi", "slik at", "samtidig som", "selv om", "når", "mens")
FILLERS = ("altså", "liksom", "på en måte", "ikke sant", "egentlig", "da")
PLACE_TIME = ("om kvelden", "i helgene", "på dagsenteret", "i musikkrommet", "i teamet",
              "i hverdagen", "etter timen", "før jul", "i starten", "underveis")


class Prose:
    """Sentences, paragraphs, titles and quotes from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, words: tuple[str, ...]) -> str:
        """One word from a list."""
        return self.rng.choice(words)

    def noun_phrase(self) -> str:
        """A noun, sometimes with an adjective before it («en trygg ramme»)."""
        noun = self.pick(NOUNS)
        if self.rng.random() < 0.35:
            return f"den {self.pick(ADJECTIVES)} {noun}"
        return noun

    def clause(self, subjects: tuple[str, ...] = SUBJECTS) -> str:
        """Subject, verb, object, and now and then an adverb and a place or time."""
        words = [self.pick(subjects), self.pick(VERBS)]
        if self.rng.random() < 0.5:
            words.append(self.pick(ADVERBS))
        words.append(self.noun_phrase())
        if self.rng.random() < 0.6:
            words += [self.pick(PREPOSITIONS), self.noun_phrase()]
        if self.rng.random() < 0.3:
            words.append(self.pick(PLACE_TIME))
        return " ".join(words)

    def sentence(self, subjects: tuple[str, ...] = SUBJECTS) -> str:
        """One sentence of one or two clauses, capitalised, with a full stop."""
        text = self.clause(subjects)
        if self.rng.random() < 0.55:
            text += f", {self.pick(CONJUNCTIONS)} {self.clause(subjects)}"
        text = self._emphasis(text)
        return text[0].upper() + text[1:] + "."

    def _emphasis(self, text: str) -> str:
        """Now and then an *italic* or **bold** word, as authors write them."""
        roll = self.rng.random()
        if roll > 0.06:
            return text
        words = text.split(" ")
        at = self.rng.randrange(1, len(words))
        if words[at].isalpha():
            marks = "*" if roll < 0.045 else "**"
            words[at] = f"{marks}{words[at]}{marks}"
        return " ".join(words)

    def paragraph(self, words: int) -> str:
        """Sentences until about `words` words, wrapped as an author writes YAML."""
        sentences: list[str] = []
        count = 0
        while count < words:
            sentence = self.sentence()
            sentences.append(sentence)
            count += len(sentence.split())
        return wrap(" ".join(sentences))

    def paragraphs(self, count: int, words: int) -> str:
        """Paragraphs separated by blank lines (the findings format's Text)."""
        return "\n\n".join(self.paragraph(self.vary(words)) for _ in range(count))

    def vary(self, words: int) -> int:
        """A length around `words` (±30 %)."""
        return max(4, round(words * self.rng.uniform(0.7, 1.3)))

    def quote(self, words: int) -> str:
        """Spoken language: first person, fillers, the odd «…» pause."""
        parts: list[str] = []
        count = 0
        while count < words:
            text = self.sentence(FIRST_PERSON)
            if self.rng.random() < 0.25:
                text = text[:-1] + f", {self.pick(FILLERS)}."
            if self.rng.random() < 0.1:
                text = text[:-1] + " …"
            parts.append(text)
            count += len(text.split())
        return wrap(" ".join(parts))

    def title(self, words: int = 3) -> str:
        """A short heading: capitalised noun phrase, no full stop."""
        text = " ".join([self.noun_phrase(), self.pick(PREPOSITIONS), self.pick(NOUNS)][:words])
        return text[0].upper() + text[1:]

    def point(self) -> str:
        """A bullet point: a short lower-case phrase."""
        return f"{self.noun_phrase()} {self.pick(PREPOSITIONS)} {self.noun_phrase()}"

    def topic(self) -> str:
        """A topic for «Sitater om {topic}:»."""
        return self.pick(NOUNS)


def wrap(text: str) -> str:
    """Lines of at most 88 characters, like hand-written YAML."""
    return "\n".join(textwrap.wrap(text, width=88, break_long_words=False,
                                   break_on_hyphens=False))


def word_count(text: str) -> int:
    """Words as a word processor counts them (whitespace-separated)."""
    return len(text.split())
