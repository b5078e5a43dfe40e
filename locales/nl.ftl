# Leerklimaat: Nederlandse teksten van de interface (standaardtaal).

app-title = Leerklimaat
screen-setup = Voorbereiding
screen-play = Spel
screen-plenary = Plenair
screen-outcome = Uitkomst

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
play-theme = Thema
play-prompt = Gespreksvraag
play-next = Volgende
play-previous = Vorige
play-skip = Overslaan
play-undo = Ongedaan maken
play-redo = Opnieuw
play-add-post-it = Post-it toevoegen
play-post-it-hint = Typ een post-it en druk op Enter
play-green = Groen: werkt al
play-pink = Roze: vraag of behoefte
play-author = Van
play-nobody = (niemand)
play-teller = Aan het woord
play-pass-turn = Beurt doorgeven
play-timer = Timer
play-timer-start = Start timer
play-timer-stop = Stop timer
play-timer-reset = Opnieuw
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
play-waiting = Nog niet geplaatst
play-skipped = overgeslagen

case-title = Titel
case-description = Beschrijving
case-brought-by = Ingebracht door
case-prompts = Vragen bij de casus
case-add = Casus toevoegen

plenary-title = Plenair: plaats je pion opnieuw
plenary-card-of = Kaart { $n } van { $total }
plenary-shift = Verschuiving
plenary-first = eerste ronde
plenary-to-outcome = Naar de uitkomst
plenary-back-to-play = Terug naar het spel

outcome-title = Uitkomst
outcome-green-stack = Groene stapel: al aanwezig
outcome-red-stack = Rode stapel: nog te ontwikkelen
outcome-present = Al aanwezig
outcome-develop = Nog te ontwikkelen
outcome-questions = Open vragen
outcome-none = (geen)
outcome-move-card = Klik een kaart om hem naar de andere stapel te verplaatsen.
outcome-answered = beantwoord
outcome-mark-answered = Beantwoord
outcome-points = { $points } punten
outcome-back = Terug naar plenair
outcome-export = Exporteren
outcome-exported = Opgeslagen in { $dir }
outcome-export-failed = Exporteren mislukt: { $reason }

error-action = Dat kan niet: { $reason }
help-title = Sneltoetsen
help-keys =
    F1 of ?: deze hulp
    F11: volledig scherm
    Ctrl+Z / Ctrl+Y: ongedaan maken / opnieuw
    Pijl rechts / links: volgende / vorige stelling
    1 tot 9: kies een speler; pijlen omhoog / omlaag of Home / End: pion van die speler verschuiven
    Esc: speler loslaten
    N: nieuwe post-it typen
