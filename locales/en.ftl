# Leerklimaat: English interface texts.

app-title = Learning climate
screen-setup = Setup

setup-deck = Deck
setup-deck-statements = { $count ->
    [one] 1 statement
   *[other] { $count } statements
}
setup-group = Group name
setup-players = Players
setup-player-count = { $count ->
    [one] 1 player
   *[other] { $count } players
}
setup-add-player = Add player
setup-new-player-hint = A player's name, Enter adds
setup-remove = Remove
setup-colour = Colour
setup-order = Order of the statements
setup-order-deck = Deck order
setup-order-shuffled = Shuffled
setup-mode = Placing pawns
setup-mode-open = Open: everyone sees the pawns at once
setup-mode-covered = Covered: pawns stay hidden until you reveal them
setup-language = Language
setup-start = Start the game
setup-need-player = Add at least one player first.

play-statement-of = Statement { $n } of { $total }
play-case-of = Case { $n }
play-next = Next
play-previous = Previous
play-skip = Skip
play-undo = Undo
play-redo = Redo
play-add-post-it = Add post-it
play-post-it-hint = Type a post-it and press Enter
play-green = Green: already works
play-pink = Pink: question or need
play-nobody = (nobody)
play-teller = Telling now
play-pass-turn = Pass the turn
play-timer-start = Start timer
play-timer-stop = Stop timer
play-reveal = Reveal pawns
play-covered = { $count ->
    [one] 1 pawn placed covered
   *[other] { $count } pawns placed covered
}
play-new-case = New case
play-to-plenary = To the plenary
play-post-its = { $count ->
    [0] No post-its yet
    [one] 1 post-it
   *[other] { $count } post-its
}
play-edit = Edit
play-delete = Delete
play-save = Save
play-cancel = Cancel
play-edit-first = Save or cancel this change first.
play-waiting = Not placed yet

case-title = Title
case-description = Description
case-brought-by = Brought in by
case-prompts = Questions for the case
case-add = Add case
case-discard = Throw away

plenary-title = Plenary: place your pawn again
plenary-card-of = Card { $n } of { $total }
plenary-shift = Shift
plenary-first = first round
plenary-to-outcome = To the outcome
plenary-back-to-play = Back to the game

outcome-green-stack = Green stack: already present
outcome-red-stack = Red stack: needs work
outcome-present = Already present
outcome-develop = Still to develop
outcome-questions = Open questions
outcome-none = (none)
outcome-move-card = Click or drag a card to the other stack (or ↑↓ and Enter); ←→ turns the page.
outcome-answered = answered
outcome-mark-answered = Answered
outcome-back = Back to the plenary
outcome-export = Export
outcome-exported = Saved in { $dir }
outcome-export-failed = Export failed: { $reason }

error-action = That is not possible: { $reason }
help-title = Keys
help-keys =
    F1 or ?: this help
    F11: full screen
    F2: high contrast on or off
    Ctrl+Z / Ctrl+Y: undo / redo
    Ctrl+Enter: on to the plenary, then to the outcome; with a programme: the next phase
    on the outcome: Left / Right turns the page, Up / Down chooses a card, Enter moves it
    Right / Left arrow or Page Down / Up: next / previous card
    1 to 9, 0 or Tab: choose a player
    with a player chosen: arrows, Home / End: move the pawn; Delete: take it off the board
    Esc: let go of the player
    N: type a new post-it (Enter adds it)
    Ctrl + / Ctrl −: everything larger / smaller
help-about = Leerklimaat { $version } · sessions are saved in { $folder }

err-unknown-player = that player does not exist (any more)
err-unknown-post-it = that post-it does not exist (any more)
err-unknown-card = that card does not exist
err-square = square { $square } is outside the scale of { $squares } squares
err-empty-text = the text is empty
err-too-long = the text is too long ({ $len } characters, at most { $max })
err-too-many-players = at most 12 players can play
err-no-players = add at least one player first
err-colour = that colour does not exist
err-wrong-phase = that is not possible in this part of the game
err-no-card = there is no card at that place
err-invalid-deck = the deck is not right: { $reason }
err-out-of-ids = this session has no numbers left for new players, post-its or cases; start a new session
err-duplicate-name = someone named { $name } is already playing

past-title = Past sessions
past-none = No past sessions yet.
past-offer = A session was not finished. Do you want to continue where you were?
past-continue = Continue
past-new = New session
past-rename = Rename
past-delete-sure = Really delete this session?
past-delete-yes = Yes, delete
past-in-play = playing
past-in-plenary = plenary
past-finished = finished
past-progress = { $screen }, { $n } of { $total } statements discussed
past-at-outcome = outcome (not finished)
past-mark-finished = Mark finished
past-read-only = This session cannot go on in its own folder: that folder cannot be written to (it is read-only, a write-protected USB stick, or someone else's folder).
past-no-lock = This session cannot go on in its own folder: it cannot be locked there for this window, so a second window could overwrite it.
past-copy-explained = Continue from a copy in your own sessions folder: everything in it comes along and the original stays as it is. Or make the folder writable (or put the USB stick in properly) and open the session again.
past-copy = Continue from a copy
past-copy-failed = The copy could not be made: { $reason }
save-failed = Saving does not work right now. Everything stays in memory while this window is open, and the game tries again every 2 seconds. Do not close the window until it saves again; if you must, it offers to save somewhere else.

deck-open = Open a deck…
deck-up = Up
deck-home = Home folder
deck-folder = Decks folder
deck-editor = Edit deck
deck-new = New deck
deck-edit-copy = Edit a copy
deck-title = Title
deck-description = Description
deck-scale = Scale (squares from left to right)
deck-points = points
deck-threshold = To the green stack from
deck-mean = mean
deck-median = median
deck-text = text of the statement
deck-theme = theme
deck-prompt = discussion question
deck-add-statement = Add statement
deck-add-prompt = Add question
deck-valid = The deck is valid.
deck-file = Save as
deck-problem = This deck cannot be used; the previous one stays loaded:
deck-from-file = Loaded from { $file } (changes to the file are picked up at once)

outcome-folder = Folder:
outcome-choose = Choose folder…
outcome-use-folder = Use this folder
outcome-open-folder = Open folder

overview-make = { $count ->
    [one] Overview of 1 chosen session
   *[other] Overview of { $count } chosen sessions
}
setup-high-contrast = High contrast (F2)
deck-overwrite = { $file } already exists. Press Save again to replace it, or choose another name.
close-title = Close while the last changes are not saved?
close-text = The session could not be saved in its folder, so closing now would lose what was done since the last save. Save it somewhere else first, for example on a USB stick or the desktop.
close-where = Save the session as:
close-save-elsewhere = Save here and close
close-stay = Back to the game
close-anyway = Close without saving
close-drafts-title = Some text has not been entered yet
close-drafts-text = This text was typed but not added. It is kept as a draft and is back in its field when you continue the session.
close-drafts-stay = Back to finish it
close-drafts-close = Close, keep the draft
draft-post-it = Post-it
draft-edit = Edited post-it
draft-case = New case
draft-step = Next step
draft-deck = Deck in the editor
deck-cancel-confirm = Your changes to this deck are not saved. Press Cancel again to throw them away, or save first.
draft-programme = Programme

## Exports: column headers and report headings.
export-id = id
export-statement = statement
export-theme = theme
export-first = first round
export-plenary = plenary
export-mean-first = mean first round
export-mean-plenary = mean plenary
export-shift = shift
export-stack = stack
export-green = green
export-red = red
export-pink = pink
export-skipped = skipped
export-colour = colour
export-text = text
export-author = author
export-answered = answered
export-yes = yes
export-no = no
export-card = card
export-case = case
export-minutes = minutes
export-title = Learning climate session outcome
export-date = Date
export-deck = Deck
export-group = Group
export-players = Players
export-present = Already present
export-develop = Still to develop
export-questions = Open questions
export-green-stack = Green stack (already present)
export-red-stack = Red stack (needs work)
export-shifts = Shift of opinion
export-all-post-its = All post-its per statement
export-cases = Cases
export-brought-by = brought in by
export-none = (none)
export-chart = Placements per statement
export-chart-legend = Per square (points below): hatched the first round, dark the plenary round; the number is the count of pawns.
export-no-shift = incomplete data
summary-heading = At a glance
summary-players = { $count } { $count ->
    [one] player
   *[other] players
}
summary-more = … and { $count } more (see further in this report)
summary-chart-some = { $shown } of the { $count } statements, the largest shift first
summary-chart-all = { $count ->
    [one] The statement
   *[other] The { $count } statements, the largest shift first
}
summary-chart-legend = Open dot the first round, filled dot the plenary (the number), green (+) the green stack, pink (?) the red one.
summary-chart-legend-follow-up = Open dot the first round, filled dot the plenary (the number), grey bar last time, green (+) the green stack, pink (?) the red one.

## Overview across groups (merge).
overview-title = Learning climate overview
overview-heading = Overview across groups
overview-statement = Statement
overview-col-groups = groups
overview-col-spread = spread
overview-mean = mean plenary
overview-spread = spread
overview-col-mean-shift = mean shift
overview-col-without-plenary = without plenary round
overview-col-group = group
overview-col-question = question
overview-green-post-its = What already works (green post-its)
overview-left-out = Statements left out
overview-col-placed = placed
overview-col-change = since last time
overview-col-disagreement = disagreement between groups
overview-first-round-only = first round only
overview-heat-title = Statements × groups: { $groups ->
    [one] 1 group
   *[other] { $groups } groups
}, { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}
overview-too-small-short = { $players } { $players ->
    [one] player
   *[other] players
}: too few
overview-too-small = { $players } { $players ->
    [one] player
   *[other] players
}; a group needs at least { $min } to be shown, so its numbers are not shown and not counted in any total
overview-too-small-legend = Grey: a group with fewer than { $min } players; its numbers are not shown and not counted.
overview-nth-session = session { $n }
overview-legend-low = low ({ $points })
overview-legend-high = high on the scale ({ $points })
overview-legend-signs = The number is the group's plenary mean; + green stack, ! red stack; ± the spread; ↑ ↓ the change since the group's session before. Dashed: not played.
overview-more-columns = { $count } more sessions are not drawn; overview-long.csv has them all.
overview-counted = { $groups ->
    [one] 1 group
   *[other] { $groups } groups
} with { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
} counted; groups of fewer than { $min } players are shown without numbers.
overview-order-deck = Statements in the order of the deck.
overview-order-red = Statements that most groups put on the red stack first.
overview-order-disagreement = Statements the groups disagree on most first.
overview-recurring = Questions that come back
overview-recurring-none = No open question shares a word with another group's.
overview-recurring-count = in { $groups } of { $total } groups
overview-over-time = Each group over its sessions
overview-steps-done = { $date }: { $done } of the { $count } steps of the time before done
overview-per-statement = The numbers per statement

## A new deck in the editor.
deck-blank-title = New deck
deck-blank-square-1 = not present
deck-blank-square-2 = a little present
deck-blank-square-3 = largely present
deck-blank-square-4 = fully present

## Next steps (action learning).
export-next-steps = Next steps
export-review-status = status
export-review-line = what happened
export-mean-last-time = mean last time
export-mean-now = mean now
export-change = change
export-stack-last-time = stack last time
export-stack-now = stack now
export-step = action
export-owner = owner
export-due = when
export-step-from = in answer to
outcome-steps = Next steps
outcome-steps-hint = What will we do? (Enter adds)
outcome-step-owner = Who
outcome-step-someone-else = Someone else…
outcome-step-other-hint = Name
outcome-step-due-hint = When (may be empty)
outcome-step-from = About
outcome-step-from-none = —
outcome-step-add = Add
outcome-steps-none = No next steps yet. Turn an open question or a red card into an action with an owner.
err-unknown-next-step = that next step does not exist (any more)
err-no-owner = a next step needs someone to take it on: choose a player or type a name
outcome-page-stacks = The green and the red stack
outcome-page-shift = Shift of opinion
outcome-tab-stacks = Stacks
outcome-tab-shift = Shift
outcome-page-previous = Previous
outcome-page-next = Next
outcome-shift-last-time = | last time ({ $date }) ·
outcome-shift-legend = ○ first round → ● plenary; bars: from the lowest to the highest placement. Most disagreement at the top.
outcome-shift-none = No statement has been played yet.
export-phase = phase
export-phase-kind = kind
export-planned = planned (min)
export-extended = extended (min)
export-used = used (min)
export-player = player
export-learning-question = learning question
export-takeaway = what stayed
export-programme = Programme: planned and used
export-warm-up = Warm-up
export-learning = Learning questions and what stayed
phase-kind-talk = Talk
phase-kind-warm-up = Warm-up
phase-kind-learning = Learning question
phase-kind-game = Game
phase-kind-plenary = Plenary
phase-kind-closing = Closing round
phase-kind-review = Looking back
review-phase-title = Looking back: what became of our steps?
review-phase-text = Last time we agreed on these steps. For each: done, on its way, not yet or dropped?
review-done = done
review-on-its-way = on its way
review-not-yet = not yet
review-dropped = dropped
review-unmarked = not discussed yet
review-step-of = Step { $n } of { $count }
review-who-when = { $owner }{ $due ->
        [none] {""}
       *[other] {" "}· { $due }
    }
review-no-steps = No steps were agreed last time.
review-not-a-follow-up = This session follows no earlier session; there is nothing to look back on.
review-line-hint = What happened? (may stay empty)
review-line-save = Keep
review-previous = ◀ Previous step
review-next = Next step ▶
review-summary = { $done } done · { $on } on its way · { $not } not yet · { $dropped } dropped
last-time = last time { $date }
what-follow-up = follow-up
what-review = review of a step
what-review-step = to another step
draft-review = review
err-already-follow-up = This session is already a follow-up of an earlier one.
err-programme-full = The programme has no room for a look back (at most 16 phases).
err-last-time = What the earlier session carries over is not right; choose another session.
err-unknown-earlier-question = That question from last time does not exist.
last-time-green = green stack
last-time-red = red stack
last-time-open-count = { $count ->
    [one] 1 open question from last time
   *[other] { $count } open questions from last time
}
last-time-open = Still open from last time
last-time-answered = answered
outcome-since = Since last time
outcome-tab-since = Since last time
since-compared = Compared with the session of { $group } on { $date }.
since-moved = What moved most
since-moved-none = No statement moved half a point or more.
since-stack = Changed stack
since-stack-none = No statement changed stack.
since-steps = Last time's steps
since-open = Questions from last time: { $answered } of { $count } answered
setup-follow-up-of = Follow-up of { $group } ({ $date })
past-follow-up = Follow-up
programme-phase = Phase { $n } of { $count }: { $title }
programme-left = { $minutes } min left
programme-over = { $minutes } min over the plan
programme-then = Then: { $title }
programme-last = Last phase
programme-extend = +5 min
programme-go-on = Next phase
programme-go-back = Previous phase
programme-word-hint = A few words (Enter adds)
programme-add = Add
programme-group = the group
programme-who = Who
programme-no-words = No words yet: what comes to mind first?
programme-learning-hint = What do you want to learn today?
programme-takeaway-hint = What stayed with you?
programme-no-learning = (no learning question)
programme-learning-of = Learning question:
deck-programme = Programme (may be empty: then only the game)
deck-programme-add = Add a phase
deck-programme-title = Name
deck-programme-minutes = Minutes
deck-programme-text = Text on the screen
deck-programme-kind = Kind
err-no-programme = This deck has no programme.
err-programme-end = This is the last phase of the programme.
err-unknown-word = That word is not there (any more).
err-extension = Extend a phase by 1 to 60 minutes at a time.
setup-programme = Follow the deck's programme ({ $phases } phases, { $minutes } min)
programme-entries = Typed ({ $count })
err-not-at-end = The workshop can be finished at the end of its programme.
err-already-finished = This session is finished already.
programme-finished = Workshop finished ✔
finish = Finish ✔
play-said-by = Said by
play-include = Discuss after all
card-skipped = skipped
plenary-left-out = { $count ->
    [one] 1 card not discussed
   *[other] { $count } cards not discussed
}
plenary-add-back = Into the plenary after all
card-skipped-badge = SKIPPED
deck-waiting = has problems; loads as soon as it is right
setup-need-deck = Fix the deck first (see the problem on the left), or choose another deck.
outcome-points-median = Points: the plenary's median, green from { $threshold } · * moved by the facilitator
outcome-points-mean = Points: the plenary's mean, green from { $threshold } · * moved by the facilitator
outcome-click-answered = Click a pink post-it to mark it answered (or open again).
outcome-present-other = (not on the green stack; what already works)
did-undo = Undone: { $what }
did-redo = Redone: { $what }
what-group = the group's name
what-language = language
what-deck = deck chosen
what-add-player = player added
what-change-player = player changed
what-remove-player = player removed
what-setting = setting
what-start = game started
what-card = to another card
what-skip = card skipped
what-include = card discussed after all
what-place = pawn placed
what-unplace = pawn taken off the board
what-reveal = pawns revealed
what-add-post-it = post-it added
what-edit-post-it = post-it changed
what-move-post-it = post-it moved
what-delete-post-it = post-it deleted
what-answered = question answered or open again
what-add-case = case added
what-edit-case = case changed
what-pass-turn = turn passed
what-plenary = to the plenary
what-stack = card to the other stack
what-outcome = to the outcome
what-add-step = next step added
what-edit-step = next step changed
what-delete-step = next step deleted
what-back = back
what-next-phase = next phase
what-extend = phase extended
what-add-word = word added
what-delete-word = word taken off
what-learning = learning question
what-takeaway = what stayed
what-finish = workshop finished
what-mark-finished = session marked finished
outcome-folder-edit = Change
plenary-add = Add
