//! The decks inside the binary, and the blank deck a new one starts from.

use super::*;

/// A deck that ships inside the binary.
pub struct BuiltinDeck {
    pub key: &'static str,
    pub file: &'static str,
    pub source: &'static str,
}

/// The decks in `cards/`, embedded so the app needs no files.
pub const BUILTIN_DECKS: [BuiltinDeck; 3] = [
    BuiltinDeck {
        key: "leerklimaat",
        file: "cards/leerklimaat.deck.ron",
        source: include_str!("../../../cards/leerklimaat.deck.ron"),
    },
    BuiltinDeck {
        key: "leerruimte",
        file: "cards/leerruimte.deck.ron",
        source: include_str!("../../../cards/leerruimte.deck.ron"),
    },
    BuiltinDeck {
        key: "learning-climate",
        file: "cards/learning-climate.deck.ron",
        source: include_str!("../../../cards/learning-climate.deck.ron"),
    },
];

/// Loads a built-in deck by key. The built-in decks are checked by the tests, so this only fails on an
/// unknown key.
pub fn builtin_deck(key: &str) -> Option<Deck> {
    BUILTIN_DECKS
        .iter()
        .find(|d| d.key == key)
        .and_then(|d| parse_deck_str(d.file, d.source).ok())
}

/// The default deck: "Leerklimaat", in Dutch.
pub fn default_deck() -> Deck {
    builtin_deck("leerklimaat").unwrap_or_else(fallback_deck)
}

/// A one-statement deck, used only if the embedded default could not be read.
pub(super) fn fallback_deck() -> Deck {
    Deck {
        version: DECK_VERSION,
        title: "Leerklimaat".into(),
        language: "nl".into(),
        description: String::new(),
        scale: Scale {
            squares: vec![
                Square {
                    label: "niet aanwezig".into(),
                    points: 1,
                },
                Square {
                    label: "volledig aanwezig".into(),
                    points: 2,
                },
            ],
            green_when: StackRule::MeanAtLeast(1.5),
        },
        statements: vec![Statement {
            id: "leerklimaat".into(),
            text: "Bij ons is er een goed leerklimaat.".into(),
            theme: None,
            prompt: None,
        }],
        case_prompts: vec![],
        programme: Vec::new(),
    }
}

/// A new deck to start from: four squares and one empty statement, in the interface language.
pub fn blank_deck(lang: Lang) -> Deck {
    let w = |id: &str| crate::core::i18n::tr(lang, id);
    Deck {
        version: DECK_VERSION,
        title: w("deck-blank-title"),
        language: lang.code().into(),
        description: String::new(),
        scale: Scale {
            squares: [
                "deck-blank-square-1",
                "deck-blank-square-2",
                "deck-blank-square-3",
                "deck-blank-square-4",
            ]
            .into_iter()
            .zip(1..)
            .map(|(id, points)| Square {
                label: w(id),
                points,
            })
            .collect(),
            green_when: StackRule::MeanAtLeast(2.5),
        },
        statements: vec![Statement {
            id: "stelling-1".into(),
            text: String::new(),
            theme: None,
            prompt: None,
        }],
        case_prompts: Vec::new(),
        programme: Vec::new(),
    }
}
