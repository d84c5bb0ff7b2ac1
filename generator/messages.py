"""Message catalogue, so every problem is reported in the language the report is written in.

Keys are namespaced by the part of the program that uses them ("yaml." for the loader).
Texts are ``str.format`` templates: write a literal brace as ``{{`` or ``}}``.
Every catalogue must hold the same keys (a test checks this).
"""

from __future__ import annotations

NB: dict[str, str] = {
    # Reading the file
    "yaml.file_missing": "filen finnes ikke",
    "yaml.file_is_folder": "dette er en mappe, ikke en fil",
    "yaml.file_no_permission": "du har ikke tilgang til å lese filen",
    "yaml.file_unreadable": "filen kan ikke leses ({reason})",
    "yaml.file_too_large": "filen er for stor (grensen er {limit} MB)",
    "yaml.wrong_encoding": "filen er lagret som {encoding}; lagre den som UTF-8",
    "yaml.not_utf8": (
        "filen er ikke gyldig UTF-8 (byte {byte}); den er kanskje lagret som Latin-1 "
        "eller Windows-1252 – lagre den som UTF-8"
    ),
    "yaml.nul": "filen inneholder en NUL-byte (U+0000); er det virkelig en tekstfil?",
    "yaml.raw_control": "usynlig kontrolltegn {code} her; slett det",
    "yaml.raw_surrogate": (
        "ugyldig tegn {code} (et halvt surrogatpar); teksten er trolig lest inn feil"
    ),
    # Structure
    "yaml.empty": "filen er tom",
    "yaml.root_is_list": "filen må bestå av «nøkkel: verdi»-linjer øverst, men den er en liste",
    "yaml.root_is_text": (
        "filen må bestå av «nøkkel: verdi»-linjer øverst, men den er bare en tekst"
    ),
    "yaml.second_document": (
        "et nytt dokument starter her («---»); filen kan bare ha ett – fjern linjen"
    ),
    "yaml.too_deep": "for dyp nøsting (mer enn {limit} nivåer)",
    "yaml.too_many": "for mange feil; stoppet etter {count}",
    "yaml.duplicate_key": "nøkkelen «{key}» står to ganger (første gang på linje {first})",
    "yaml.alias": (
        "alias («*{name}») støttes ikke; skriv verdien helt ut, eller sett teksten i anførselstegn"
    ),
    "yaml.complex_key": "en nøkkel må være vanlig tekst, ikke en liste eller «nøkkel: verdi»-par",
    "yaml.tag": "tagger («{tag}») støttes ikke; fjern taggen",
    "yaml.control_char": "inneholder kontrolltegnet {code}, som ikke kan skrives ut; fjern det",
    "yaml.invalid_char": (
        "inneholder tegnet {code}, som ikke er gyldig tekst og ikke kan skrives ut; fjern det"
    ),
    # Syntax
    "yaml.tab": "tabulatortegn kan ikke brukes til innrykk; bruk mellomrom",
    "yaml.colon_in_value": (
        "«: » er ikke tillatt her; sett teksten i anførselstegn, eller sjekk innrykket"
    ),
    "yaml.expected_colon": (
        "forventet «nøkkel: verdi» på denne linjen; mangler det et kolon, eller skal linjen "
        "rykkes inn som en del av teksten over?"
    ),
    "yaml.bad_indent": "denne linjen har ikke samme innrykk som linjene rundt; sjekk innrykket",
    "yaml.text_after_value": (
        "uventet tekst etter verdien; sett hele verdien i anførselstegn "
        "(inne i '…' skrives apostrof som '')"
    ),
    "yaml.list_item_here": "et listepunkt («- ») passer ikke her; sjekk innrykket",
    "yaml.unclosed_quote": (
        "teksten i anførselstegn som starter her, blir aldri avsluttet; legg til det "
        "avsluttende anførselstegnet"
    ),
    "yaml.unclosed_flow": (
        "listen i [ ] eller {{ }} som starter her, er ikke lukket, eller det mangler et komma"
    ),
    "yaml.flow_node": (
        "forventet en verdi i [ ] eller {{ }} her; mangler en avsluttende klamme, eller er det "
        "et komma for mye?"
    ),
    "yaml.bad_start_char": "en verdi kan ikke begynne med «{char}»; sett teksten i anførselstegn",
    "yaml.bad_escape": (
        "ukjent escape-sekvens med «\\» i tekst med doble anførselstegn; bruk enkle "
        "anførselstegn, eller skriv «\\\\»"
    ),
    "yaml.bad_unicode_escape": (
        "ugyldig \\u-kode (for eksempel et halvt surrogatpar som \\ud800); skriv selve tegnet"
    ),
    "yaml.bad_anchor": (
        "«&» og «*» i starten av en verdi krever et navn; sett teksten i anførselstegn"
    ),
    "yaml.syntax": "feil i YAML-syntaksen: {problem}",
}

NN: dict[str, str] = {
    "yaml.file_missing": "fila finst ikkje",
    "yaml.file_is_folder": "dette er ei mappe, ikkje ei fil",
    "yaml.file_no_permission": "du har ikkje tilgang til å lese fila",
    "yaml.file_unreadable": "fila kan ikkje lesast ({reason})",
    "yaml.file_too_large": "fila er for stor (grensa er {limit} MB)",
    "yaml.wrong_encoding": "fila er lagra som {encoding}; lagre ho som UTF-8",
    "yaml.not_utf8": (
        "fila er ikkje gyldig UTF-8 (byte {byte}); ho er kanskje lagra som Latin-1 "
        "eller Windows-1252 – lagre ho som UTF-8"
    ),
    "yaml.nul": "fila inneheld ein NUL-byte (U+0000); er det verkeleg ei tekstfil?",
    "yaml.raw_control": "usynleg kontrollteikn {code} her; slett det",
    "yaml.raw_surrogate": (
        "ugyldig teikn {code} (eit halvt surrogatpar); teksten er truleg lesen inn feil"
    ),
    "yaml.empty": "fila er tom",
    "yaml.root_is_list": "fila må bestå av «nøkkel: verdi»-linjer øvst, men ho er ei liste",
    "yaml.root_is_text": "fila må bestå av «nøkkel: verdi»-linjer øvst, men ho er berre ein tekst",
    "yaml.second_document": (
        "eit nytt dokument startar her («---»); fila kan berre ha eitt – fjern linja"
    ),
    "yaml.too_deep": "for djup nøsting (meir enn {limit} nivå)",
    "yaml.too_many": "for mange feil; stoppa etter {count}",
    "yaml.duplicate_key": "nøkkelen «{key}» står to gonger (første gong på linje {first})",
    "yaml.alias": (
        "alias («*{name}») er ikkje støtta; skriv verdien heilt ut, eller set teksten i hermeteikn"
    ),
    "yaml.complex_key": "ein nøkkel må vere vanleg tekst, ikkje ei liste eller «nøkkel: verdi»-par",
    "yaml.tag": "taggar («{tag}») er ikkje støtta; fjern taggen",
    "yaml.control_char": "inneheld kontrollteiknet {code}, som ikkje kan skrivast ut; fjern det",
    "yaml.invalid_char": (
        "inneheld teiknet {code}, som ikkje er gyldig tekst og ikkje kan skrivast ut; fjern det"
    ),
    "yaml.tab": "tabulatorteikn kan ikkje brukast til innrykk; bruk mellomrom",
    "yaml.colon_in_value": (
        "«: » er ikkje tillate her; set teksten i hermeteikn, eller sjekk innrykket"
    ),
    "yaml.expected_colon": (
        "venta «nøkkel: verdi» på denne linja; manglar det eit kolon, eller skal linja "
        "rykkjast inn som ein del av teksten over?"
    ),
    "yaml.bad_indent": "denne linja har ikkje same innrykk som linjene rundt; sjekk innrykket",
    "yaml.text_after_value": (
        "uventa tekst etter verdien; set heile verdien i hermeteikn "
        "(inne i '…' skriv du apostrof som '')"
    ),
    "yaml.list_item_here": "eit listepunkt («- ») passar ikkje her; sjekk innrykket",
    "yaml.unclosed_quote": (
        "teksten i hermeteikn som startar her, blir aldri avslutta; legg til det "
        "avsluttande hermeteiknet"
    ),
    "yaml.unclosed_flow": (
        "lista i [ ] eller {{ }} som startar her, er ikkje lukka, eller det manglar eit komma"
    ),
    "yaml.flow_node": (
        "venta ein verdi i [ ] eller {{ }} her; manglar ei avsluttande klamme, eller er det "
        "eit komma for mykje?"
    ),
    "yaml.bad_start_char": "ein verdi kan ikkje byrje med «{char}»; set teksten i hermeteikn",
    "yaml.bad_escape": (
        "ukjend escape-sekvens med «\\» i tekst med doble hermeteikn; bruk enkle "
        "hermeteikn, eller skriv «\\\\»"
    ),
    "yaml.bad_unicode_escape": (
        "ugyldig \\u-kode (til dømes eit halvt surrogatpar som \\ud800); skriv sjølve teiknet"
    ),
    "yaml.bad_anchor": "«&» og «*» i starten av ein verdi krev eit namn; set teksten i hermeteikn",
    "yaml.syntax": NB["yaml.syntax"],
}

EN: dict[str, str] = {
    "yaml.file_missing": "the file does not exist",
    "yaml.file_is_folder": "this is a folder, not a file",
    "yaml.file_no_permission": "you do not have permission to read the file",
    "yaml.file_unreadable": "the file cannot be read ({reason})",
    "yaml.file_too_large": "the file is too large (the limit is {limit} MB)",
    "yaml.wrong_encoding": "the file is saved as {encoding}; save it as UTF-8",
    "yaml.not_utf8": (
        "the file is not valid UTF-8 (byte {byte}); it may be saved as Latin-1 or "
        "Windows-1252 – save it as UTF-8"
    ),
    "yaml.nul": "the file contains a NUL byte (U+0000); is it really a text file?",
    "yaml.raw_control": "invisible control character {code} here; delete it",
    "yaml.raw_surrogate": (
        "invalid character {code} (half of a surrogate pair); the text was probably decoded wrongly"
    ),
    "yaml.empty": "the file is empty",
    "yaml.root_is_list": "the file must consist of 'key: value' lines at the top, but it is a list",
    "yaml.root_is_text": (
        "the file must consist of 'key: value' lines at the top, but it is just a text"
    ),
    "yaml.second_document": (
        "a second document starts here ('---'); the file may hold only one – remove the line"
    ),
    "yaml.too_deep": "nesting is too deep (more than {limit} levels)",
    "yaml.too_many": "too many problems; stopped after {count}",
    "yaml.duplicate_key": "duplicate key '{key}' (first at line {first})",
    "yaml.alias": (
        "aliases ('*{name}') are not supported; write the value out in full, or put the "
        "text in quotes"
    ),
    "yaml.complex_key": "a key must be plain text, not a list or 'key: value' pairs",
    "yaml.tag": "tags are not supported ('{tag}'); remove the tag",
    "yaml.control_char": "contains a control character {code} that cannot be printed; remove it",
    "yaml.invalid_char": (
        "contains the character {code}, which is not valid text and cannot be printed; remove it"
    ),
    "yaml.tab": "tab characters cannot be used for indentation; use spaces",
    "yaml.colon_in_value": (
        "': ' is not allowed here; put the text in quotes, or check the indentation"
    ),
    "yaml.expected_colon": (
        "expected 'key: value' on this line; is a ':' missing, or should the line be "
        "indented as part of the text above?"
    ),
    "yaml.bad_indent": "this line is not indented like the lines around it; check the indentation",
    "yaml.text_after_value": (
        "unexpected text after the value; put the whole value in quotes "
        "(inside '…' write an apostrophe as '')"
    ),
    "yaml.list_item_here": "a list item ('- ') does not fit here; check the indentation",
    "yaml.unclosed_quote": (
        "the quoted text that starts here is never closed; add the closing quote mark"
    ),
    "yaml.unclosed_flow": (
        "the [ ] or {{ }} list that starts here is not closed, or a comma is missing"
    ),
    "yaml.flow_node": (
        "expected a value inside [ ] or {{ }} here; is a closing bracket missing, or is "
        "there an extra comma?"
    ),
    "yaml.bad_start_char": "a value cannot start with '{char}'; put the text in quotes",
    "yaml.bad_escape": (
        "unknown escape with '\\' in double-quoted text; use single quotes, or write '\\\\'"
    ),
    "yaml.bad_unicode_escape": (
        "invalid \\u code (for example half of a surrogate pair like \\ud800); write the "
        "character itself"
    ),
    "yaml.bad_anchor": "'&' and '*' at the start of a value need a name; put the text in quotes",
    "yaml.syntax": "YAML syntax error: {problem}",
}

CATALOGUES: dict[str, dict[str, str]] = {"nb": NB, "nn": NN, "en": EN}


def message(key: str, lang: str, /, **kw: object) -> str:
    """Fill in the text for ``key`` in the author's language (unknown language: bokmål)."""
    return CATALOGUES.get(lang, NB)[key].format(**kw)
