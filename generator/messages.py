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
    # Validation (generator/convert.py, checks.py, validate.py)
    "validate.too_many": "for mange feil; stoppet etter {count}",
    "validate.did_you_mean": "mente du «{suggestion}»?",
    "validate.or": " eller ",
    "validate.top_level": "øverste nivå",
    "validate.expected": "her skal det stå {expected}, men det står {found}",
    "validate.want.text": "en tekst",
    "validate.want.integer": "et heltall",
    "validate.want.number": "et tall",
    "validate.want.yes_no": "yes eller no",
    "validate.want.choice": "ett av valgene",
    "validate.want.date": "en dato",
    "validate.want.isbn": "et ISBN",
    "validate.want.path": "et filnavn",
    "validate.want.list": "en liste (hvert punkt på en egen linje som starter med «- »)",
    "validate.want.mapping": "«nøkkel: verdi»-linjer",
    "validate.found.list": "en liste",
    "validate.found.mapping": "«nøkkel: verdi»-linjer",
    "validate.found.nothing": "ingenting",
    "validate.found.text": "teksten «{value}»",
    "validate.hint_colon": (
        "står det «: » i teksten, må hele teksten stå i anførselstegn, eller skrives som "
        "blokk med «|» på linjen over"
    ),
    "validate.unknown_key": "ukjent nøkkel «{key}»",
    "validate.allowed_keys": "nøklene her er {keys}",
    "validate.misplaced_key": "«{key}» hører ikke hjemme her, men under {places}; sjekk innrykket",
    "validate.missing": "«{key}» mangler; feltet må være med",
    "validate.empty_required": "«{key}» må fylles ut",
    "validate.empty_value": "«{key}» mangler verdi",
    "validate.empty_list": "«{key}» må ha minst ett punkt",
    "validate.empty_item": "tomt listepunkt; skriv noe etter «- », eller fjern linjen",
    "validate.unknown_shape": "ukjent type innhold; skriv {forms}",
    "validate.not_integer": "«{value}» er ikke et heltall",
    "validate.not_integer_decimal": "«{value}» er ikke et heltall; her må det stå et helt tall",
    "validate.too_small": "{value} er for lite; laveste tillatte verdi er {minimum}",
    "validate.too_large": "{value} er for stort; høyeste tillatte verdi er {maximum}",
    "validate.not_number": "«{value}» er ikke et tall (skriv for eksempel 8,7 eller 8.7)",
    "validate.not_bool": "«{value}» er verken ja eller nei; skriv yes eller no (ja/nei går også)",
    "validate.not_choice": "«{value}» er ikke et gyldig valg; velg en av {choices}",
    "validate.bad_date": (
        "«{value}» er ikke en dato; skriv år (2025), år og måned (2025-03) eller hel dato "
        "(2025-03-14)"
    ),
    "validate.date_norwegian": "skriv datoen som {iso} (år-måned-dag), ikke «{value}»",
    "validate.date_year": "året i «{value}» må ligge mellom {first} og {last}",
    "validate.no_such_date": "datoen «{value}» finnes ikke",
    "validate.isbn_chars": (
        "«{value}» er ikke et ISBN; et ISBN består av sifre (i ISBN-10 kan det siste være "
        "X), gjerne delt med bindestreker"
    ),
    "validate.isbn_length": "et ISBN har 10 eller 13 sifre, men «{value}» har {count}",
    "validate.isbn_prefix": (
        "et ISBN med 13 sifre begynner med 978 eller 979, men «{value}» gjør ikke det"
    ),
    "validate.isbn_check": (
        "kontrollsifferet i ISBN «{value}» stemmer ikke (med de andre sifrene skulle det "
        "siste vært {expected}); sjekk at ingen sifre er skrevet feil"
    ),
    "validate.duplicate_group": (
        "gruppe-id-en «{id}» er brukt før (linje {first}); hver gruppe trenger sin egen id"
    ),
    "validate.duplicate_member": "informant-id-en «{member}» står to ganger i gruppen",
    "validate.unknown_group": (
        "gruppen «{group}» finnes ikke i method.informants (gruppene der er: {known})"
    ),
    "validate.unknown_informant": (
        "informanten «{informant}» er ikke blant gruppens members ({known})"
    ),
    "validate.duration_order": (
        "korteste intervju ({min} min) er lengre enn lengste ({max} min); bytt om min og max"
    ),
    "validate.recorded_too_many": "{recorded} opptak, men bare {count} informanter i gruppen",
    "validate.scale_order": "skalaen må gå fra et lavere til et høyere tall, ikke {min}–{max}",
    "validate.score_out_of_scale": "skåren {value} ligger utenfor skalaen {min}–{max}",
    "validate.mean_out_of_scale": "gjennomsnittet {value} ligger utenfor skalaen {min}–{max}",
    "validate.scores_and_mean": (
        "oppgi enten skårer (scores) eller et gjennomsnitt (mean), ikke begge; "
        "gjennomsnittet regnes ut av skårene"
    ),
    "validate.negative_count": "antallet for «{label}» kan ikke være negativt ({value})",
    "validate.baseline_both": (
        "oppgi enten en fil (file) eller tallene direkte (means, informants), ikke begge"
    ),
    "validate.baseline_empty": (
        "sammenligningen er tom; oppgi en fil (file) eller tallene (means, informants)"
    ),
    "validate.baseline_invalid": "den tidligere rapporten «{file}» har {count} feil (se under)",
    "validate.file_missing": (
        "filen «{file}» finnes ikke (stien regnes fra mappen der findings-filen ligger)"
    ),
    "validate.folder_missing": (
        "filen «{file}» finnes ikke, fordi mappen «{folder}» ikke finnes (stien regnes fra "
        "mappen der findings-filen ligger)"
    ),
    "validate.file_is_folder": "«{file}» er en mappe, ikke en fil",
    "validate.file_not_regular": "«{file}» er ikke en vanlig fil",
    "validate.file_no_permission": "filen «{file}» kan ikke leses (ingen tilgang)",
    "validate.file_bad_name": "«{file}» er ikke et gyldig filnavn",
    "validate.file_too_large": "filen «{file}» er for stor (grensen er {limit} MB)",
    "validate.file_empty": "filen «{file}» er tom",
    "validate.not_image": "«{file}» er ikke et bilde i PNG- eller JPEG-format",
    "validate.wrong_image": "«{file}» er et {kind}-bilde; lagre logoen på nytt som PNG eller JPEG",
    "validate.csv_problem": "kolonnen «{column}» i CSV-filen: {detail}",
    "csv.missing": "CSV-filen finnes ikke",
    "csv.folder": "dette er en mappe, ikke en CSV-fil",
    "csv.permission": "CSV-filen kan ikke leses (mangler tilgang)",
    "csv.unreadable": "CSV-filen kan ikke leses: {error}",
    "csv.utf16": "filen ser ut som UTF-16, men kan ikke leses som det",
    "csv.malformed": "CSV-filen er ødelagt: {error}",
    "csv.empty": "CSV-filen er tom (ingen overskriftsrad)",
    "csv.twice": "kolonnen «{column}» finnes flere ganger (kolonne {numbers})",
    "csv.no_column": "ingen kolonne «{column}»; kolonnene er {columns}",
    "csv.did_you_mean": "mente du «{name}»?",
    "csv.name": "«{name}»",
    "csv.not_number": "«{cell}» er ikke et tall",
    "csv.outside": "{cell} ligger utenfor skalaen {low}–{high}",
    "csv.no_scores": "kolonnen «{column}» har ingen skårer",
    "validate.no_scores": (
        "spørsmålet har en skala, men verken skårer (scores) eller gjennomsnitt (mean)"
    ),
    "validate.quote_marks": (
        "sitatet har allerede anførselstegn; de settes inn automatisk, så fjern dem"
    ),
    "validate.empty_results": (
        "resultatene for gruppen har verken spørsmål (questions) eller temaer (themes)"
    ),
    # Privacy check (warnings; errors with --strict)
    "privacy.fnr": "«{text}» ser ut som et fødselsnummer; fjern det før rapporten deles",
    "privacy.phone": "«{text}» ser ut som et telefonnummer; fjern det",
    "privacy.email": "«{text}» ser ut som en e-postadresse; fjern den",
    "privacy.address": "«{text}» ser ut som en gateadresse; fjern den eller skriv den mer generelt",
    "privacy.name": (
        "«{text}» står blant navnene som ikke skal trykkes (privacy.names); fjern navnet "
        "eller gi det et pseudonym (privacy.pseudonyms)"
    ),
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
    # Validation (generator/convert.py, checks.py, validate.py)
    "validate.too_many": "for mange feil; stoppa etter {count}",
    "validate.did_you_mean": "meinte du «{suggestion}»?",
    "validate.or": " eller ",
    "validate.top_level": "øvste nivå",
    "validate.expected": "her skal det stå {expected}, men det står {found}",
    "validate.want.text": "ein tekst",
    "validate.want.integer": "eit heiltal",
    "validate.want.number": "eit tal",
    "validate.want.yes_no": "yes eller no",
    "validate.want.choice": "eitt av vala",
    "validate.want.date": "ein dato",
    "validate.want.isbn": "eit ISBN",
    "validate.want.path": "eit filnamn",
    "validate.want.list": "ei liste (kvart punkt på ei eiga linje som byrjar med «- »)",
    "validate.want.mapping": "«nøkkel: verdi»-linjer",
    "validate.found.list": "ei liste",
    "validate.found.mapping": "«nøkkel: verdi»-linjer",
    "validate.found.nothing": "ingenting",
    "validate.found.text": "teksten «{value}»",
    "validate.hint_colon": (
        "står det «: » i teksten, må heile teksten stå i hermeteikn, eller skrivast som "
        "blokk med «|» på linja over"
    ),
    "validate.unknown_key": "ukjend nøkkel «{key}»",
    "validate.allowed_keys": "nøklane her er {keys}",
    "validate.misplaced_key": (
        "«{key}» høyrer ikkje heime her, men under {places}; sjekk innrykket"
    ),
    "validate.missing": "«{key}» manglar; feltet må vere med",
    "validate.empty_required": "«{key}» må fyllast ut",
    "validate.empty_value": "«{key}» manglar verdi",
    "validate.empty_list": "«{key}» må ha minst eitt punkt",
    "validate.empty_item": "tomt listepunkt; skriv noko etter «- », eller fjern linja",
    "validate.unknown_shape": "ukjend type innhald; skriv {forms}",
    "validate.not_integer": "«{value}» er ikkje eit heiltal",
    "validate.not_integer_decimal": "«{value}» er ikkje eit heiltal; her må det stå eit heilt tal",
    "validate.too_small": "{value} er for lite; lågaste tillatne verdi er {minimum}",
    "validate.too_large": "{value} er for stort; høgaste tillatne verdi er {maximum}",
    "validate.not_number": "«{value}» er ikkje eit tal (skriv til dømes 8,7 eller 8.7)",
    "validate.not_bool": "«{value}» er verken ja eller nei; skriv yes eller no (ja/nei går òg)",
    "validate.not_choice": "«{value}» er ikkje eit gyldig val; vel eitt av {choices}",
    "validate.bad_date": (
        "«{value}» er ikkje ein dato; skriv år (2025), år og månad (2025-03) eller heil dato "
        "(2025-03-14)"
    ),
    "validate.date_norwegian": "skriv datoen som {iso} (år-månad-dag), ikkje «{value}»",
    "validate.date_year": "året i «{value}» må liggje mellom {first} og {last}",
    "validate.no_such_date": "datoen «{value}» finst ikkje",
    "validate.isbn_chars": (
        "«{value}» er ikkje eit ISBN; eit ISBN består av siffer (i ISBN-10 kan det siste "
        "vere X), gjerne delte med bindestrekar"
    ),
    "validate.isbn_length": "eit ISBN har 10 eller 13 siffer, men «{value}» har {count}",
    "validate.isbn_prefix": (
        "eit ISBN med 13 siffer byrjar med 978 eller 979, men «{value}» gjer ikkje det"
    ),
    "validate.isbn_check": (
        "kontrollsifferet i ISBN «{value}» stemmer ikkje (med dei andre siffera skulle det "
        "siste vore {expected}); sjekk at ingen siffer er skrivne feil"
    ),
    "validate.duplicate_group": (
        "gruppe-id-en «{id}» er brukt før (linje {first}); kvar gruppe treng sin eigen id"
    ),
    "validate.duplicate_member": "informant-id-en «{member}» står to gonger i gruppa",
    "validate.unknown_group": (
        "gruppa «{group}» finst ikkje i method.informants (gruppene der er: {known})"
    ),
    "validate.unknown_informant": (
        "informanten «{informant}» er ikkje blant members i gruppa ({known})"
    ),
    "validate.duration_order": (
        "kortaste intervju ({min} min) er lengre enn lengste ({max} min); byt om min og max"
    ),
    "validate.recorded_too_many": "{recorded} opptak, men berre {count} informantar i gruppa",
    "validate.scale_order": "skalaen må gå frå eit lågare til eit høgare tal, ikkje {min}–{max}",
    "validate.score_out_of_scale": "skåren {value} ligg utanfor skalaen {min}–{max}",
    "validate.mean_out_of_scale": "gjennomsnittet {value} ligg utanfor skalaen {min}–{max}",
    "validate.scores_and_mean": (
        "oppgi anten skårar (scores) eller eit gjennomsnitt (mean), ikkje begge; "
        "gjennomsnittet blir rekna ut frå skårane"
    ),
    "validate.negative_count": "talet for «{label}» kan ikkje vere negativt ({value})",
    "validate.baseline_both": (
        "oppgi anten ei fil (file) eller tala direkte (means, informants), ikkje begge"
    ),
    "validate.baseline_empty": (
        "samanlikninga er tom; oppgi ei fil (file) eller tala (means, informants)"
    ),
    "validate.baseline_invalid": "den tidlegare rapporten «{file}» har {count} feil (sjå under)",
    "validate.file_missing": (
        "fila «{file}» finst ikkje (stien blir rekna frå mappa der findings-fila ligg)"
    ),
    "validate.folder_missing": (
        "fila «{file}» finst ikkje, fordi mappa «{folder}» ikkje finst (stien blir rekna frå "
        "mappa der findings-fila ligg)"
    ),
    "validate.file_is_folder": "«{file}» er ei mappe, ikkje ei fil",
    "validate.file_not_regular": "«{file}» er ikkje ei vanleg fil",
    "validate.file_no_permission": "fila «{file}» kan ikkje lesast (ingen tilgang)",
    "validate.file_bad_name": "«{file}» er ikkje eit gyldig filnamn",
    "validate.file_too_large": "fila «{file}» er for stor (grensa er {limit} MB)",
    "validate.file_empty": "fila «{file}» er tom",
    "validate.not_image": "«{file}» er ikkje eit bilete i PNG- eller JPEG-format",
    "validate.wrong_image": (
        "«{file}» er eit {kind}-bilete; lagre logoen på nytt som PNG eller JPEG"
    ),
    "validate.csv_problem": "kolonnen «{column}» i CSV-fila: {detail}",
    "csv.missing": "CSV-fila finst ikkje",
    "csv.folder": "dette er ei mappe, ikkje ei CSV-fil",
    "csv.permission": "CSV-fila kan ikkje lesast (manglar tilgang)",
    "csv.unreadable": "CSV-fila kan ikkje lesast: {error}",
    "csv.utf16": "fila ser ut som UTF-16, men kan ikkje lesast som det",
    "csv.malformed": "CSV-fila er øydelagd: {error}",
    "csv.empty": "CSV-fila er tom (inga overskriftsrad)",
    "csv.twice": "kolonnen «{column}» finst fleire gonger (kolonne {numbers})",
    "csv.no_column": "ingen kolonne «{column}»; kolonnane er {columns}",
    "csv.did_you_mean": "meinte du «{name}»?",
    "csv.name": "«{name}»",
    "csv.not_number": "«{cell}» er ikkje eit tal",
    "csv.outside": "{cell} ligg utanfor skalaen {low}–{high}",
    "csv.no_scores": "kolonnen «{column}» har ingen skårar",
    "validate.no_scores": (
        "spørsmålet har ein skala, men verken skårar (scores) eller gjennomsnitt (mean)"
    ),
    "validate.quote_marks": (
        "sitatet har alt hermeteikn; dei blir sette inn automatisk, så fjern dei"
    ),
    "validate.empty_results": (
        "resultata for gruppa har verken spørsmål (questions) eller tema (themes)"
    ),
    # Privacy check (warnings; errors with --strict)
    "privacy.fnr": "«{text}» ser ut som eit fødselsnummer; fjern det før rapporten blir delt",
    "privacy.phone": "«{text}» ser ut som eit telefonnummer; fjern det",
    "privacy.email": "«{text}» ser ut som ei e-postadresse; fjern ho",
    "privacy.address": "«{text}» ser ut som ei gateadresse; fjern ho eller skriv ho meir generelt",
    "privacy.name": (
        "«{text}» står blant namna som ikkje skal trykkjast (privacy.names); fjern namnet "
        "eller gi det eit pseudonym (privacy.pseudonyms)"
    ),
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
    # Validation (generator/convert.py, checks.py, validate.py)
    "validate.too_many": "too many problems; stopped after {count}",
    "validate.did_you_mean": "did you mean '{suggestion}'?",
    "validate.or": " or ",
    "validate.top_level": "the top level",
    "validate.expected": "expected {expected} here, but found {found}",
    "validate.want.text": "a text",
    "validate.want.integer": "a whole number",
    "validate.want.number": "a number",
    "validate.want.yes_no": "yes or no",
    "validate.want.choice": "one of the choices",
    "validate.want.date": "a date",
    "validate.want.isbn": "an ISBN",
    "validate.want.path": "a file name",
    "validate.want.list": "a list (each item on its own line starting with '- ')",
    "validate.want.mapping": "'key: value' lines",
    "validate.found.list": "a list",
    "validate.found.mapping": "'key: value' lines",
    "validate.found.nothing": "nothing",
    "validate.found.text": "the text '{value}'",
    "validate.hint_colon": (
        "if the text contains ': ', put the whole text in quotes, or write it as a block "
        "with '|' on the line above"
    ),
    "validate.unknown_key": "unknown key '{key}'",
    "validate.allowed_keys": "the keys here are {keys}",
    "validate.misplaced_key": (
        "'{key}' does not belong here but under {places}; check the indentation"
    ),
    "validate.missing": "'{key}' is missing; this field is required",
    "validate.empty_required": "'{key}' must be filled in",
    "validate.empty_value": "'{key}' has no value",
    "validate.empty_list": "'{key}' needs at least one item",
    "validate.empty_item": "empty list item; write something after '- ', or remove the line",
    "validate.unknown_shape": "unknown kind of content; write {forms}",
    "validate.not_integer": "'{value}' is not a whole number",
    "validate.not_integer_decimal": "'{value}' is not a whole number; this must be a whole number",
    "validate.too_small": "{value} is too small; the lowest allowed value is {minimum}",
    "validate.too_large": "{value} is too large; the highest allowed value is {maximum}",
    "validate.not_number": "'{value}' is not a number (write e.g. 8.7 or 8,7)",
    "validate.not_bool": "'{value}' is neither yes nor no; write yes or no",
    "validate.not_choice": "'{value}' is not a valid choice; choose one of {choices}",
    "validate.bad_date": (
        "'{value}' is not a date; write a year (2025), a year and month (2025-03) or a full "
        "date (2025-03-14)"
    ),
    "validate.date_norwegian": "write the date as {iso} (year-month-day), not '{value}'",
    "validate.date_year": "the year in '{value}' must lie between {first} and {last}",
    "validate.no_such_date": "the date '{value}' does not exist",
    "validate.isbn_chars": (
        "'{value}' is not an ISBN; an ISBN consists of digits (the last of an ISBN-10 may be "
        "X), often grouped with hyphens"
    ),
    "validate.isbn_length": "an ISBN has 10 or 13 digits, but '{value}' has {count}",
    "validate.isbn_prefix": "a 13-digit ISBN starts with 978 or 979, but '{value}' does not",
    "validate.isbn_check": (
        "the check digit of ISBN '{value}' is wrong (with the other digits the last would be "
        "{expected}); check that no digit is mistyped"
    ),
    "validate.duplicate_group": (
        "the group id '{id}' is already used (line {first}); each group needs its own id"
    ),
    "validate.duplicate_member": "the informant id '{member}' appears twice in the group",
    "validate.unknown_group": (
        "there is no group '{group}' in method.informants (the groups there are: {known})"
    ),
    "validate.unknown_informant": (
        "the informant '{informant}' is not one of the group's members ({known})"
    ),
    "validate.duration_order": (
        "the shortest interview ({min} min) is longer than the longest ({max} min); swap min "
        "and max"
    ),
    "validate.recorded_too_many": (
        "{recorded} recordings, but only {count} informants in the group"
    ),
    "validate.scale_order": "a scale must run from a lower to a higher number, not {min}–{max}",
    "validate.score_out_of_scale": "the score {value} is outside the scale {min}–{max}",
    "validate.mean_out_of_scale": "the mean {value} is outside the scale {min}–{max}",
    "validate.scores_and_mean": (
        "give either scores or a mean, not both; the mean is computed from the scores"
    ),
    "validate.negative_count": "the count for '{label}' cannot be negative ({value})",
    "validate.baseline_both": (
        "give either a file or the figures themselves (means, informants), not both"
    ),
    "validate.baseline_empty": (
        "the comparison is empty; give a file or the figures (means, informants)"
    ),
    "validate.baseline_invalid": "the earlier report '{file}' has {count} errors (see below)",
    "validate.file_missing": (
        "the file '{file}' does not exist (paths are relative to the findings file's folder)"
    ),
    "validate.folder_missing": (
        "the file '{file}' does not exist because the folder '{folder}' does not exist "
        "(paths are relative to the findings file's folder)"
    ),
    "validate.file_is_folder": "'{file}' is a folder, not a file",
    "validate.file_not_regular": "'{file}' is not a regular file",
    "validate.file_no_permission": "the file '{file}' cannot be read (permission denied)",
    "validate.file_bad_name": "'{file}' is not a valid file name",
    "validate.file_too_large": "the file '{file}' is too large (the limit is {limit} MB)",
    "validate.file_empty": "the file '{file}' is empty",
    "validate.not_image": "'{file}' is not a PNG or JPEG image",
    "validate.wrong_image": "'{file}' is a {kind} image; save the logo again as PNG or JPEG",
    "validate.csv_problem": "column '{column}' of the CSV file: {detail}",
    "csv.missing": "the CSV file does not exist",
    "csv.folder": "this is a folder, not a CSV file",
    "csv.permission": "the CSV file cannot be read (permission denied)",
    "csv.unreadable": "the CSV file cannot be read: {error}",
    "csv.utf16": "the file starts like UTF-16 but cannot be decoded",
    "csv.malformed": "the CSV file is malformed: {error}",
    "csv.empty": "the CSV file is empty (no header row)",
    "csv.twice": "the column '{column}' appears more than once ({numbers})",
    "csv.no_column": "no column '{column}'; the columns are {columns}",
    "csv.did_you_mean": "did you mean '{name}'?",
    "csv.name": "'{name}'",
    "csv.not_number": "'{cell}' is not a number",
    "csv.outside": "{cell} is outside the scale {low}–{high}",
    "csv.no_scores": "the column '{column}' has no scores",
    "validate.no_scores": "the question has a scale, but neither scores nor a mean",
    "validate.quote_marks": (
        "the quote already has quotation marks; they are added automatically, so remove them"
    ),
    "validate.empty_results": "the results for this group have neither questions nor themes",
    # Privacy check (warnings; errors with --strict)
    "privacy.fnr": "'{text}' looks like a national identity number; remove it before sharing",
    "privacy.phone": "'{text}' looks like a phone number; remove it",
    "privacy.email": "'{text}' looks like an e-mail address; remove it",
    "privacy.address": "'{text}' looks like a street address; remove it or make it less specific",
    "privacy.name": (
        "'{text}' is one of the names that must not be printed (privacy.names); remove it "
        "or give it a pseudonym (privacy.pseudonyms)"
    ),
}

CATALOGUES: dict[str, dict[str, str]] = {"nb": NB, "nn": NN, "en": EN}


def message(key: str, lang: str, /, **kw: object) -> str:
    """Fill in the text for ``key`` in the author's language (unknown language: bokmål)."""
    return CATALOGUES.get(lang, NB)[key].format(**kw)
