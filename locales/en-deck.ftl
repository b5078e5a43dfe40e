# What is wrong with a deck, and how to fix it: the same words as the `message` of a problem in
# src/core/deck.rs, which the command line prints. A `$part` is statement, square, scale, phase or deck.

deck-is-folder = this is a folder, not a deck file; choose a file whose name ends in .deck.ron
deck-cannot-open = cannot open the file: { $error }; check the name and that you may read it
deck-not-a-file = this is not an ordinary file (a pipe, a device or a socket); save the deck as a .deck.ron file and choose that
deck-file-too-big = the file is { $size } MB; a deck is at most { $max } MB, so this is probably not a deck file
deck-cannot-read = cannot read the file: { $error }
deck-text-too-big = the text is larger than { $max } MB; a deck is a few kilobytes
deck-not-utf8 = the file is not UTF-8 text (is it a binary file, or saved in another encoding?); save it as UTF-8 in a text editor
deck-empty-file = the file is empty; a deck starts with `(` and holds version, title, language, scale and statements (see the README)
deck-binary = the file holds binary data, not deck text; choose a .deck.ron file
deck-only-in-setup = a deck can only be changed on the setup screen; the game goes on with its deck

## Syntax
deck-missing-quote = a closing quote `"` is probably missing at the end of line { $line }; the text that opens here runs on into the next line
deck-ends-early = the file ends too early; a closing `)` or `]` is probably missing ({ $error })
deck-syntax-eof = the file ends too early; a bracket `)` or `]` or a closing quote is probably missing
deck-syntax-expected-paren = expected `(`; the deck and each statement and square start with `(`
deck-syntax-expected-struct-end = expected `)` here; check for a missing comma or an extra value
deck-syntax-expected-list = expected a list in square brackets `[ ... ]`
deck-syntax-expected-list-end = expected `]` or a comma; check the comma between items in this list
deck-syntax-expected-text = expected text in double quotes, like "Veiligheid"
deck-syntax-expected-number = expected a number here
deck-syntax-expected-comma = expected a comma `,` between two items
deck-missing-field = { $part ->
        [statement] a statement
        [square] a square
        [scale] the scale
        [phase] a phase of the programme
       *[deck] the deck
    } has no `{ $field }`; add `{ $field }: ...` (see the deck reference in the README)
deck-unknown-field = `{ $found }` is not a field of { $part ->
        [statement] a statement
        [square] a square
        [scale] the scale
        [phase] a phase of the programme
       *[deck] the deck
    }; check its spelling. Allowed here: { $allowed }
deck-duplicate-field = `{ $field }` appears twice; keep one
deck-too-deep = the brackets are nested far too deep for a deck
deck-unclosed-comment = a comment opened with /* is never closed with */
deck-syntax = this is not valid deck syntax: { $error }

## The deck's content
deck-unknown-version = unknown deck version { $version }; this app reads version { $supported }. Write `version: { $supported },` or update the app
deck-empty-title = the title is empty; give the deck a name, like title: "Leerklimaat"
deck-empty-language = the language is empty; write a code like language: "nl" or "en"
deck-square-count = the scale has { $count } square(s); it needs { $min } to { $max }
deck-empty-label = square { $square } has an empty label; write what the square means, like "niet aanwezig"
deck-points-not-rising = the points of the squares must go up from the first square to the last
deck-points-out-of-range = the points of a square must lie between -{ $max } and { $max }
deck-threshold-outside = the threshold { $threshold } is outside the scale; choose a value from { $low } to { $high }
deck-no-statements = the deck has no statements; add at least one (id: "...", text: "...")
deck-empty-id = statement { $statement } has an empty id; give it a short unique id like "veiligheid"
deck-bad-id = the id { $id } may hold only letters, digits, - and _ (no spaces)
deck-duplicate-id = the id { $id } is used twice; every statement needs its own id
deck-empty-text = statement { $statement } ({ $id }) has no text
deck-text-too-long = statement { $id } is { $length } characters long; keep it under { $max } so it fits on a card
deck-empty-case-prompt = case prompt { $prompt } is empty
deck-more-problems = and { $count } more problems like these; fix the ones above first, then check again

## The programme
deck-programme-too-many-phases = the programme has { $count } phases; at most { $max }
deck-phase-no-title = phase { $phase } of the programme has no title; write one, like title: "Warming-up"
deck-phase-title-too-long = the title of phase { $phase } is { $length } characters long; keep it under { $max }
deck-phase-minutes = phase { $phase } ({ $title }) lasts { $minutes } minutes; give it 1 to { $max }, like minutes: 15
deck-phase-text-too-long = the text of phase { $phase } is { $length } characters long; keep it under { $max }
deck-programme-no-game = the programme has no Game phase; add one: (kind: Game, title: "...", minutes: 30)
deck-programme-no-plenary = the programme has no Plenary phase; add one: (kind: Plenary, title: "...", minutes: 30)
deck-programme-two-games = the programme has more than one Game phase (Game); keep one
deck-programme-two-plenaries = the programme has more than one Plenary phase (Plenary); keep one
deck-plenary-before-game = the Plenary phase comes before the Game phase; the plenary follows the game
deck-phase-after-game = phase { $phase } ({ $kind }) comes after the game; a warm-up, the look back and the learning question come before it
deck-closing-before-plenary = phase { $phase } (Closing) comes before the plenary; the closing round comes last
