# Wat er mis is met een kaartspel, en hoe je het oplost: de Nederlandse tekst bij elk probleem uit
# src/core/deck.rs. Een `$part` is statement, square, scale, phase of deck. Namen tussen `...` zijn woorden
# uit het .deck.ron-bestand en blijven Engels.

deck-is-folder = dit is een map, geen kaartspelbestand; kies een bestand waarvan de naam eindigt op .deck.ron
deck-cannot-open = het bestand kan niet worden geopend: { $error }; controleer de naam en of je het bestand mag lezen
deck-not-a-file = dit is geen gewoon bestand (maar een pipe, een apparaat of een socket); sla het kaartspel op als .deck.ron-bestand en kies dat
deck-file-too-big = het bestand is { $size } MB; een kaartspel is hoogstens { $max } MB, dus dit is waarschijnlijk geen kaartspelbestand
deck-cannot-read = het bestand kan niet worden gelezen: { $error }
deck-text-too-big = de tekst is groter dan { $max } MB; een kaartspel is maar een paar kilobyte
deck-not-utf8 = het bestand is geen UTF-8-tekst (is het een binair bestand, of in een andere codering opgeslagen?); open het in een teksteditor en sla het op als UTF-8
deck-empty-file = het bestand is leeg; een kaartspel begint met `(` en bevat version, title, language, scale en statements (zie de README)
deck-binary = het bestand bevat binaire gegevens, geen tekst van een kaartspel; kies een .deck.ron-bestand
deck-only-in-setup = een kaartspel kan alleen op het voorbereidingsscherm worden gewisseld; het spel gaat verder met het kaartspel dat het heeft

## Schrijfwijze
deck-missing-quote = waarschijnlijk ontbreekt aan het eind van regel { $line } een afsluitend aanhalingsteken `"`; de tekst die hier begint, loopt door op de volgende regel
deck-ends-early = het bestand houdt te vroeg op; waarschijnlijk ontbreekt er een sluithaakje `)` of `]` ({ $error })
deck-syntax-eof = het bestand houdt te vroeg op; waarschijnlijk ontbreekt er een sluithaakje `)` of `]` of een afsluitend aanhalingsteken
deck-syntax-expected-paren = hier hoort een `(`; het kaartspel, elke stelling en elk vakje beginnen met `(`
deck-syntax-expected-struct-end = hier hoort een `)`; kijk of er een komma ontbreekt of een waarde te veel staat
deck-syntax-expected-list = hier hoort een lijst tussen vierkante haken `[ ... ]`
deck-syntax-expected-list-end = hier hoort een `]` of een komma; kijk of er tussen de onderdelen van deze lijst steeds een komma staat
deck-syntax-expected-text = hier hoort tekst tussen dubbele aanhalingstekens, zoals "Veiligheid"
deck-syntax-expected-number = hier hoort een getal
deck-syntax-expected-comma = hier hoort een komma `,` tussen twee onderdelen
deck-missing-field = { $part ->
        [statement] een stelling
        [square] een vakje
        [scale] de schaal
        [phase] een fase van het programma
       *[deck] het kaartspel
    } heeft geen `{ $field }`; voeg `{ $field }: ...` toe (zie de beschrijving van het bestand in de README)
deck-unknown-field = `{ $found }` is geen veld van { $part ->
        [statement] een stelling
        [square] een vakje
        [scale] de schaal
        [phase] een fase van het programma
       *[deck] het kaartspel
    }; controleer de spelling. Hier kan: { $allowed }
deck-duplicate-field = `{ $field }` staat er twee keer; laat er één staan
deck-too-deep = de haakjes zijn veel te diep genest voor een kaartspel
deck-unclosed-comment = een opmerking die begint met /* wordt nergens afgesloten met */
deck-syntax = dit is geen geldige tekst voor een kaartspel: { $error }

## De inhoud van het kaartspel
deck-unknown-version = onbekende versie { $version } van het kaartspel; deze app leest versie { $supported }. Schrijf `version: { $supported },` of werk de app bij
deck-empty-title = de titel is leeg; geef het kaartspel een naam, zoals title: "Leerklimaat"
deck-empty-language = de taal is leeg; vul een taalcode in, zoals "nl" of "en"
deck-square-count = de schaal heeft { $count ->
        [one] één vakje
       *[other] { $count } vakjes
    }; dat moeten er { $min } tot { $max } zijn
deck-empty-label = vakje { $square } heeft geen tekst; schrijf op wat het vakje betekent, zoals "niet aanwezig"
deck-points-not-rising = de punten moeten van het eerste vakje naar het laatste steeds hoger worden
deck-points-out-of-range = de punten van een vakje moeten tussen -{ $max } en { $max } liggen
deck-threshold-outside = de grens voor de groene stapel ({ $threshold }) ligt buiten de schaal; kies een waarde van { $low } tot { $high }
deck-no-statements = het kaartspel heeft geen stellingen; voeg er minstens één toe, zoals (id: "...", text: "...")
deck-empty-id = stelling { $statement } heeft geen id; geef haar een korte id die geen andere stelling heeft, zoals "veiligheid"
deck-bad-id = de id { $id } mag alleen letters, cijfers, - en _ bevatten (geen spaties)
deck-duplicate-id = de id { $id } komt twee keer voor; geef elke stelling een eigen id
deck-empty-text = stelling { $statement } ({ $id }) heeft geen tekst; schrijf de stelling op of haal haar weg
deck-text-too-long = stelling { $id } is { $length } tekens lang; houd haar korter dan { $max } tekens, zodat ze op een kaart past
deck-empty-case-prompt = casusvraag { $prompt } is leeg; vul haar in of haal haar weg
deck-more-problems = en nog { $count ->
        [one] één probleem
       *[other] { $count } problemen
    } van dezelfde soort; los eerst de problemen hierboven op en controleer dan opnieuw

## Het programma
deck-programme-too-many-phases = het programma heeft { $count } fasen; het mogen er hoogstens { $max } zijn
deck-phase-no-title = fase { $phase } van het programma heeft geen naam; geef haar een naam, zoals "Warming-up"
deck-phase-title-too-long = de naam van fase { $phase } is { $length } tekens lang; houd hem korter dan { $max } tekens
deck-phase-minutes = fase { $phase } ({ $title }) duurt { $minutes } minuten; geef haar 1 tot { $max } minuten, bijvoorbeeld 15
deck-phase-text-too-long = de tekst van fase { $phase } is { $length } tekens lang; houd hem korter dan { $max } tekens
deck-programme-no-game = het programma heeft geen fase van de soort "{ phase-kind-game }" (Game); voeg er een toe
deck-programme-no-plenary = het programma heeft geen fase van de soort "{ phase-kind-plenary }" (Plenary); voeg er een toe
deck-programme-two-games = het programma heeft meer dan één fase van de soort "{ phase-kind-game }" (Game); houd er één over
deck-programme-two-plenaries = het programma heeft meer dan één fase van de soort "{ phase-kind-plenary }" (Plenary); houd er één over
deck-plenary-before-game = de fase "{ phase-kind-plenary }" komt vóór de fase "{ phase-kind-game }"; het plenaire deel hoort na het spel
deck-phase-after-game = fase { $phase } ({ $kind ->
        [WarmUp] { phase-kind-warm-up }
        [Review] { phase-kind-review }
       *[LearningQuestion] { phase-kind-learning }
    }) komt na het spel; de warming-up, de terugblik en de leervraag horen ervoor
deck-closing-before-plenary = fase { $phase } ({ phase-kind-closing }) komt vóór het plenaire deel; de afsluiting hoort als laatste
