# Leerklimaat: Nederlandse teksten van de interface (standaardtaal).

app-title = Leerklimaat
screen-setup = Voorbereiding

setup-deck = Kaartspel
setup-deck-statements = { $count ->
    [one] 1 stelling
   *[other] { $count } stellingen
}
setup-group = Naam van de groep
setup-players = Spelers
setup-player-count = { $count ->
    [one] 1 speler
   *[other] { $count } spelers
}
setup-add-player = Speler toevoegen
setup-new-player-hint = Naam van een speler, Enter voegt toe
setup-remove = Verwijderen
setup-colour = Kleur
setup-order = Volgorde van de stellingen
setup-order-deck = Volgorde van het kaartspel
setup-order-shuffled = Geschud
setup-mode = Pionnen plaatsen
setup-mode-open = Open: iedereen ziet de pionnen meteen
setup-mode-covered = Gedekt: pionnen blijven verborgen tot je ze onthult
setup-language = Taal
setup-start = Spel starten
setup-need-player = Voeg eerst minstens één speler toe.

play-statement-of = Stelling { $n } van { $total }
play-case-of = Casus { $n }
play-next = Volgende
play-previous = Vorige
play-skip = Overslaan
play-undo = Ongedaan maken
play-redo = Opnieuw
play-add-post-it = Post-it toevoegen
play-post-it-hint = Typ een post-it en druk op Enter
play-green = Groen: werkt al
play-pink = Roze: vraag of behoefte
play-nobody = (niemand)
play-teller = Aan het woord
play-pass-turn = Beurt doorgeven
play-timer-start = Start timer
play-timer-stop = Stop timer
play-reveal = Pionnen onthullen
play-covered = { $count ->
    [one] 1 pion gedekt geplaatst
   *[other] { $count } pionnen gedekt geplaatst
}
play-new-case = Nieuwe casus
play-to-plenary = Naar plenair
play-post-its = { $count ->
    [0] Nog geen post-its
    [one] 1 post-it
   *[other] { $count } post-its
}
play-edit = Bewerken
play-delete = Verwijderen
play-save = Opslaan
play-cancel = Annuleren
play-edit-first = Bewaar of annuleer eerst deze wijziging.
play-waiting = Nog niet geplaatst

case-title = Titel
case-description = Beschrijving
case-brought-by = Ingebracht door
case-prompts = Vragen bij de casus
case-add = Casus toevoegen
case-discard = Weggooien

plenary-title = Plenair: plaats je pion opnieuw
plenary-card-of = Kaart { $n } van { $total }
plenary-shift = Verschuiving
plenary-first = eerste ronde
plenary-to-outcome = Naar de uitkomst
plenary-back-to-play = Terug naar het spel

outcome-green-stack = Groene stapel: al aanwezig
outcome-red-stack = Rode stapel: nog te ontwikkelen
outcome-present = Al aanwezig
outcome-develop = Nog te ontwikkelen
outcome-questions = Open vragen
outcome-none = (geen)
outcome-move-card = Klik of sleep een kaart naar de andere stapel (of ↑↓ en Enter); ←→ bladert.
outcome-answered = beantwoord
outcome-mark-answered = Beantwoord
outcome-back = Terug naar plenair
outcome-export = Exporteren
outcome-exported = Opgeslagen in { $dir }
outcome-export-failed = Exporteren mislukt: { $reason }

error-action = Dat kan niet: { $reason }
help-title = Sneltoetsen
help-keys =
    F1 of ?: deze hulp
    F11: volledig scherm
    F2: hoog contrast aan of uit
    Ctrl+Z / Ctrl+Y: ongedaan maken / opnieuw
    Ctrl+Enter: door naar het plenaire deel, dan naar de uitkomst; met een programma: de volgende fase
    op de uitkomst: pijl links / rechts bladert, pijl omhoog / omlaag kiest een kaart, Enter verplaatst hem
    Pijl rechts / links of Page Down / Up: volgende / vorige kaart
    1 tot 9, 0 of Tab: kies een speler
    met een gekozen speler: pijlen, Home / End: pion verschuiven; Delete: pion van het bord
    Esc: speler loslaten
    N: nieuwe post-it typen (Enter voegt toe)
    Ctrl + / Ctrl −: alles groter / kleiner
help-about = Leerklimaat { $version } · sessies worden bewaard in { $folder }

err-unknown-player = die speler bestaat niet (meer)
err-unknown-post-it = die post-it bestaat niet (meer)
err-unknown-card = die kaart bestaat niet
err-square = vakje { $square } ligt buiten de schaal van { $squares } vakjes
err-empty-text = de tekst is leeg
err-too-long = de tekst is te lang ({ $len } tekens, hooguit { $max })
err-too-many-players = er kunnen hooguit 12 spelers meedoen
err-no-players = voeg eerst minstens één speler toe
err-colour = die kleur bestaat niet
err-wrong-phase = dat kan nu niet in dit deel van het spel
err-no-card = er is geen kaart op die plek
err-invalid-deck = het kaartspel klopt niet: { $reason }
err-out-of-ids = deze sessie heeft geen nummers meer voor nieuwe spelers, post-its of casussen; begin een nieuwe sessie
err-duplicate-name = er speelt al iemand met de naam { $name }

past-title = Eerdere sessies
past-none = Nog geen eerdere sessies.
past-offer = Er is een sessie die nog niet is afgerond. Wil je verdergaan waar je was?
past-continue = Doorgaan
past-new = Nieuwe sessie
past-rename = Naam wijzigen
past-delete-sure = Deze sessie echt verwijderen?
past-delete-yes = Ja, verwijderen
past-in-play = spel
past-in-plenary = plenair
past-finished = afgerond
past-progress = { $screen }, { $n } van { $total } stellingen besproken
past-at-outcome = uitkomst (niet afgerond)
past-mark-finished = Markeer als afgerond
past-read-only = Deze sessie kan niet verder in haar eigen map: in die map kan niet worden geschreven (hij is alleen-lezen, een beveiligde USB-stick, of de map van iemand anders).
past-no-lock = Deze sessie kan niet verder in haar eigen map: de sessie kan daar niet worden vastgezet voor dit venster, zodat een tweede venster haar zou kunnen overschrijven.
past-copy-explained = Ga verder met een kopie in je eigen sessiemap: alles wat er al in staat gaat mee en het origineel blijft zoals het is. Of maak de map schrijfbaar (of steek de USB-stick er goed in) en open de sessie opnieuw.
past-copy = Verder met een kopie
past-copy-failed = De kopie kon niet worden gemaakt: { $reason }
save-failed = Opslaan lukt nu niet. Zolang dit venster open is, blijft alles in het geheugen en probeert het spel het elke 2 seconden opnieuw. Sluit het venster pas als het weer lukt; moet het toch, dan biedt het spel aan de sessie ergens anders te bewaren.

deck-open = Kaartspel openen…
deck-up = Omhoog
deck-home = Persoonlijke map
deck-folder = Map met kaartspellen
deck-editor = Kaartspel bewerken
deck-new = Nieuw kaartspel
deck-edit-copy = Kopie bewerken
deck-title = Titel
deck-description = Beschrijving
deck-scale = Schaal (vakjes van links naar rechts)
deck-points = punten
deck-threshold = Naar de groene stapel vanaf
deck-mean = gemiddelde
deck-median = mediaan
deck-text = tekst van de stelling
deck-theme = thema
deck-prompt = gespreksvraag
deck-add-statement = Stelling toevoegen
deck-add-prompt = Vraag toevoegen
deck-valid = Het kaartspel klopt.
deck-file = Opslaan als
deck-problem = Dit kaartspel kan niet worden gebruikt; het vorige blijft geladen:
deck-from-file = Geladen uit { $file } (wijzigingen in het bestand worden meteen overgenomen)

outcome-folder = Map:
outcome-choose = Kies map…
outcome-use-folder = Deze map gebruiken
outcome-open-folder = Map openen

overview-make = { $count ->
    [one] Overzicht van 1 gekozen sessie
   *[other] Overzicht van { $count } gekozen sessies
}
setup-high-contrast = Hoog contrast (F2)
deck-overwrite = { $file } bestaat al. Druk nog eens op Opslaan om het te vervangen, of kies een andere naam.
close-title = Sluiten terwijl de laatste wijzigingen niet bewaard zijn?
close-text = De sessie kon niet in haar map bewaard worden. Sluit je nu, dan gaat verloren wat sinds de laatste keer bewaren is gedaan. Bewaar de sessie eerst ergens anders, bijvoorbeeld op een USB-stick of het bureaublad.
close-where = Bewaar de sessie als:
close-save-elsewhere = Hier bewaren en sluiten
close-stay = Terug naar het spel
close-anyway = Sluiten zonder bewaren
close-drafts-title = Er staat nog tekst die niet is ingevoerd
close-drafts-text = Deze tekst is getypt maar nog niet toegevoegd. Hij blijft bewaard als concept en staat weer in zijn veld als je de sessie voortzet.
close-drafts-stay = Terug en afmaken
close-drafts-close = Sluiten, concept bewaard
draft-post-it = Post-it
draft-edit = Bewerkte post-it
draft-case = Nieuwe casus
draft-step = Vervolgstap
draft-deck = Kaartspel in de editor
deck-cancel-confirm = Je wijzigingen aan dit kaartspel zijn niet bewaard. Druk nog eens op Annuleren om ze weg te gooien, of bewaar eerst.
draft-programme = Programma

## Exports: column headers and report headings.
export-id = id
export-statement = stelling
export-theme = thema
export-first = eerste ronde
export-plenary = plenair
export-mean-first = gemiddelde eerste ronde
export-mean-plenary = gemiddelde plenair
export-shift = verschuiving
export-stack = stapel
export-green = groen
export-red = rood
export-pink = roze
export-skipped = overgeslagen
export-colour = kleur
export-text = tekst
export-author = auteur
export-answered = beantwoord
export-yes = ja
export-no = nee
export-card = kaart
export-case = casus
export-minutes = minuten
export-title = Uitkomst leerklimaat-sessie
export-date = Datum
export-deck = Kaartspel
export-group = Groep
export-players = Spelers
export-present = Al aanwezig
export-develop = Nog te ontwikkelen
export-questions = Open vragen
export-green-stack = Groene stapel (al aanwezig)
export-red-stack = Rode stapel (nog te ontwikkelen)
export-shifts = Verschuiving van mening
export-all-post-its = Alle post-its per stelling
export-cases = Casussen
export-brought-by = ingebracht door
export-none = (geen)
export-chart = Plaatsingen per stelling
export-chart-legend = Per vakje (punten eronder): gearceerd de eerste ronde, donker de plenaire ronde; het getal is het aantal pionnen.
export-no-shift = geen volledige gegevens
summary-heading = In één oogopslag
summary-players = { $count } { $count ->
    [one] speler
   *[other] spelers
}
summary-more = … en nog { $count } (zie verderop in dit verslag)
summary-chart-some = { $shown } van de { $count } stellingen, de grootste verschuiving eerst
summary-chart-all = { $count ->
    [one] De stelling
   *[other] De { $count } stellingen, de grootste verschuiving eerst
}
summary-chart-legend = Open rondje de eerste ronde, dicht rondje het plenaire gesprek (het getal), groen (+) de groene stapel, roze (?) de rode.
summary-chart-legend-follow-up = Open rondje de eerste ronde, dicht rondje het plenaire gesprek (het getal), grijs streepje vorige keer, groen (+) de groene stapel, roze (?) de rode.

## Overview across groups (merge).
overview-title = Overzicht leerklimaat
overview-heading = Overzicht over groepen
overview-statement = Stelling
overview-col-groups = groepen
overview-col-spread = spreiding
overview-mean = gemiddelde plenair
overview-spread = spreiding
overview-col-mean-shift = gemiddelde verschuiving
overview-col-without-plenary = zonder plenaire ronde
overview-col-group = groep
overview-col-question = vraag
overview-green-post-its = Wat al werkt (groene post-its)
overview-left-out = Weggelaten stellingen
overview-col-placed = geplaatst
overview-col-change = sinds vorige keer
overview-col-disagreement = verschil tussen groepen
overview-first-round-only = alleen eerste ronde
overview-heat-title = Stellingen × groepen: { $groups ->
    [one] 1 groep
   *[other] { $groups } groepen
}, { $sessions ->
    [one] 1 sessie
   *[other] { $sessions } sessies
}
overview-too-small-short = { $players } { $players ->
    [one] speler
   *[other] spelers
}: te weinig
overview-too-small = { $players } { $players ->
    [one] speler
   *[other] spelers
}; een groep heeft er minstens { $min } nodig om getoond te worden, dus de cijfers worden niet getoond en tellen nergens mee
overview-too-small-legend = Grijs: een groep met minder dan { $min } spelers; de cijfers worden niet getoond en tellen niet mee.
overview-nth-session = sessie { $n }
overview-legend-low = laag ({ $points })
overview-legend-high = hoog op de schaal ({ $points })
overview-legend-signs = Het getal is het plenaire gemiddelde van de groep; + groene stapel, ! rode stapel; ± de spreiding; ↑ ↓ het verschil met de vorige sessie van de groep. Gestippeld: niet gespeeld.
overview-more-columns = Nog { $count } sessies zijn niet getekend; overview-long.csv bevat ze allemaal.
overview-counted = { $groups ->
    [one] 1 groep
   *[other] { $groups } groepen
} met { $sessions ->
    [one] 1 sessie
   *[other] { $sessions } sessies
} meegeteld; groepen van minder dan { $min } spelers staan erin zonder cijfers.
overview-order-deck = Stellingen in de volgorde van het kaartspel.
overview-order-red = Stellingen die de meeste groepen op de rode stapel legden eerst.
overview-order-disagreement = Stellingen waarover de groepen het meest verschillen eerst.
overview-recurring = Vragen die terugkomen
overview-recurring-none = Geen open vraag deelt een woord met die van een andere groep.
overview-recurring-count = in { $groups } van { $total } groepen
overview-over-time = Elke groep over haar sessies
overview-steps-done = { $date }: { $done } van de { $count } stappen van de vorige keer gedaan
overview-per-statement = De cijfers per stelling

## A new deck in the editor.
deck-blank-title = Nieuw kaartspel
deck-blank-square-1 = niet aanwezig
deck-blank-square-2 = een beetje aanwezig
deck-blank-square-3 = grotendeels aanwezig
deck-blank-square-4 = volledig aanwezig

## Next steps (action learning).
export-next-steps = Vervolgstappen
export-review-status = hoe staat het
export-review-line = wat er gebeurde
export-mean-last-time = gemiddelde vorige keer
export-mean-now = gemiddelde nu
export-change = verschil
export-stack-last-time = stapel vorige keer
export-stack-now = stapel nu
export-step = actie
export-owner = wie
export-due = wanneer
export-step-from = naar aanleiding van
outcome-steps = Vervolgstappen
outcome-steps-hint = Wat gaan we doen? (Enter voegt toe)
outcome-step-owner = Wie
outcome-step-someone-else = Iemand anders…
outcome-step-other-hint = Naam
outcome-step-due-hint = Wanneer (mag leeg)
outcome-step-from = Bij
outcome-step-from-none = —
outcome-step-add = Toevoegen
outcome-steps-none = Nog geen vervolgstappen. Maak van een open vraag of een rode kaart een actie met een eigenaar.
err-unknown-next-step = die vervolgstap bestaat niet (meer)
err-no-owner = een vervolgstap heeft iemand nodig die hem oppakt: kies een speler of typ een naam
outcome-page-stacks = De groene en de rode stapel
outcome-page-shift = Verschuiving van mening
outcome-tab-stacks = Stapels
outcome-tab-shift = Verschuiving
outcome-page-previous = Vorige
outcome-page-next = Volgende
outcome-shift-last-time = | vorige keer ({ $date }) ·
outcome-shift-legend = ○ eerste ronde → ● plenair; balkjes: van laagste tot hoogste plaatsing. Meeste verschil van mening bovenaan.
outcome-shift-none = Er is nog geen stelling gespeeld.
export-phase = fase
export-phase-kind = soort
export-planned = gepland (min)
export-extended = verlengd (min)
export-used = gebruikt (min)
export-player = speler
export-learning-question = leervraag
export-takeaway = wat is bijgebleven
export-programme = Programma: gepland en gebruikt
export-warm-up = Warming-up
export-learning = Leervragen en wat bijbleef
phase-kind-talk = Toelichting
phase-kind-warm-up = Warming-up
phase-kind-learning = Leervraag
phase-kind-game = Spel
phase-kind-plenary = Plenair
phase-kind-closing = Afsluiting
phase-kind-review = Terugblik
review-phase-title = Terugblik: wat is er van onze stappen geworden?
review-phase-text = Vorige keer spraken we deze stappen af. Per stap: gedaan, onderweg, nog niet of losgelaten?
review-done = gedaan
review-on-its-way = onderweg
review-not-yet = nog niet
review-dropped = losgelaten
review-unmarked = nog niet besproken
review-step-of = Stap { $n } van { $count }
review-who-when = { $owner }{ $due ->
        [none] {""}
       *[other] {" "}· { $due }
    }
review-no-steps = Vorige keer zijn geen stappen afgesproken.
review-not-a-follow-up = Deze sessie volgt geen eerdere sessie op; er is niets om op terug te kijken.
review-line-hint = Wat is er gebeurd? (mag leeg blijven)
review-line-save = Bewaren
review-previous = ◀ Vorige stap
review-next = Volgende stap ▶
review-summary = { $done } gedaan · { $on } onderweg · { $not } nog niet · { $dropped } losgelaten
last-time = vorige keer { $date }
what-follow-up = terugkomsessie
what-review = terugblik op een stap
what-review-step = naar een andere stap
draft-review = terugblik
err-already-follow-up = Deze sessie is al een terugkomsessie van een eerdere sessie.
err-programme-full = Het programma heeft geen ruimte meer voor een terugblik (hoogstens 16 fasen).
err-last-time = Wat de eerdere sessie meegeeft klopt niet; kies een andere sessie.
err-unknown-earlier-question = Die vraag van vorige keer bestaat niet.
last-time-green = groene stapel
last-time-red = rode stapel
last-time-open-count = { $count ->
    [one] 1 open vraag van vorige keer
   *[other] { $count } open vragen van vorige keer
}
last-time-open = Nog open van vorige keer
last-time-answered = beantwoord
outcome-since = Sinds vorige keer
outcome-tab-since = Sinds vorige keer
since-compared = Vergeleken met de sessie van { $group } op { $date }.
since-moved = Wat het meest verschoof
since-moved-none = Geen stelling verschoof een halve punt of meer.
since-stack = Van stapel gewisseld
since-stack-none = Geen stelling wisselde van stapel.
since-steps = De stappen van vorige keer
since-open = Vragen van vorige keer: { $answered } van { $count } beantwoord
setup-follow-up-of = Terugkomsessie van { $group } ({ $date })
past-follow-up = Terugkomsessie
programme-phase = Fase { $n } van { $count }: { $title }
programme-left = nog { $minutes } min
programme-over = { $minutes } min langer dan gepland
programme-then = Daarna: { $title }
programme-last = Laatste fase
programme-extend = +5 min
programme-go-on = Volgende fase
programme-go-back = Vorige fase
programme-word-hint = Een paar woorden (Enter voegt toe)
programme-add = Toevoegen
programme-group = de groep
programme-who = Wie
programme-no-words = Nog geen woorden: wat komt als eerste in je op?
programme-learning-hint = Wat wil je leren vandaag?
programme-takeaway-hint = Wat is je bijgebleven?
programme-no-learning = (geen leervraag)
programme-learning-of = Leervraag:
deck-programme = Programma (mag leeg: dan alleen het spel)
deck-programme-add = Fase toevoegen
deck-programme-title = Naam
deck-programme-minutes = Minuten
deck-programme-text = Tekst op het scherm
deck-programme-kind = Soort
err-no-programme = Dit kaartspel heeft geen programma.
err-programme-end = Dit is de laatste fase van het programma.
err-unknown-word = Dat woord staat er niet (meer).
err-extension = Verleng een fase met 1 tot 60 minuten tegelijk.
setup-programme = Programma van het kaartspel volgen ({ $phases } fasen, { $minutes } min)
programme-entries = Ingevoerd ({ $count })
err-not-at-end = Afronden kan aan het eind van het programma.
err-already-finished = Deze sessie is al afgerond.
programme-finished = Workshop afgerond ✔
finish = Afronden ✔
play-said-by = Gezegd door
play-include = Toch bespreken
card-skipped = overgeslagen
plenary-left-out = { $count ->
    [one] 1 kaart niet besproken
   *[other] { $count } kaarten niet besproken
}
plenary-add-back = Toch in het plenair
card-skipped-badge = OVERGESLAGEN
deck-waiting = heeft fouten; wordt geladen zodra het klopt
setup-need-deck = Herstel eerst het kaartspel (zie de fout links), of kies een ander kaartspel.
outcome-points-median = Punten: mediaan van het plenair, groen vanaf { $threshold } · * verplaatst door de begeleider
outcome-points-mean = Punten: gemiddelde van het plenair, groen vanaf { $threshold } · * verplaatst door de begeleider
outcome-click-answered = Klik op een roze post-it om hem als beantwoord te markeren (of weer open).
outcome-present-other = (niet op de groene stapel; wat al werkt)
did-undo = Ongedaan gemaakt: { $what }
did-redo = Opnieuw gedaan: { $what }
what-group = naam van de groep
what-language = taal
what-deck = kaartspel gekozen
what-add-player = speler toegevoegd
what-change-player = speler gewijzigd
what-remove-player = speler verwijderd
what-setting = instelling
what-start = spel gestart
what-card = naar een andere kaart
what-skip = kaart overgeslagen
what-include = kaart toch besproken
what-place = pion geplaatst
what-unplace = pion van het bord
what-reveal = pionnen onthuld
what-add-post-it = post-it toegevoegd
what-edit-post-it = post-it gewijzigd
what-move-post-it = post-it verplaatst
what-delete-post-it = post-it verwijderd
what-answered = vraag beantwoord of weer open
what-add-case = casus toegevoegd
what-edit-case = casus gewijzigd
what-pass-turn = beurt doorgegeven
what-plenary = naar het plenair
what-stack = kaart naar de andere stapel
what-outcome = naar de uitkomst
what-add-step = vervolgstap toegevoegd
what-edit-step = vervolgstap gewijzigd
what-delete-step = vervolgstap verwijderd
what-back = terug
what-next-phase = volgende fase
what-extend = fase verlengd
what-add-word = woord toegevoegd
what-delete-word = woord weggehaald
what-learning = leervraag
what-takeaway = wat is bijgebleven
what-finish = workshop afgerond
what-mark-finished = sessie als afgerond gemarkeerd
outcome-folder-edit = Wijzigen
plenary-add = Toevoegen
