//! The workshop around the game: the warm-up's word cloud and the time of each phase of the
//! programme, planned against used.

use crate::core::deck::PhaseKind;
use crate::core::session::Session;

/// Words left out of the word cloud: the little words of Dutch and English.
const STOP_WORDS: &[&str] = &[
    // Dutch
    "de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "dit", "is", "zijn", "was",
    "ik", "je", "jij", "u", "we", "wij", "ze", "zij", "hij", "het", "er", "met", "voor", "aan",
    "om", "als", "maar", "of", "ook", "niet", "wel", "nog", "dan", "bij", "uit", "naar", "over",
    "door", "tot", "al", "zo", "wat", "wie", "hoe", "waar", "mijn", "me", "mij", "ons", "onze",
    "hun", "jullie", "heb", "hebt", "heeft", "hebben", "kan", "kun", "kunnen", "wil", "wilt",
    "willen", "moet", "moeten", "word", "wordt", "worden", "veel", "meer", "heel", "erg", "elkaar",
    "iets", "geen", "mee", "daar", "hier", "toch", "want", "omdat", "dus", "nu", "even", "eens",
    // English
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "is", "are", "be",
    "i", "you", "we", "they", "it", "my", "our", "that", "this", "not", "but", "so", "as", "by",
    "from", "about", "what", "how", "me", "us", "very", "more", "each", "other",
];

/// A letter without its accent, for grouping: "één" and "EEN" and "een" are one word.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// The key a word is grouped by: lower case, accents off.
pub(crate) fn word_key(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

/// The words of a text that carry its content, each with its key: no stop words, no numbers, no
/// words shorter than three letters. For grouping open questions across groups.
pub(crate) fn content_words(text: &str) -> Vec<(String, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
        .filter(|w| w.chars().count() >= 3)
        .map(|w| (word_key(w), w))
        .filter(|(k, _)| {
            !STOP_WORDS.contains(&k.as_str()) && !k.chars().all(|c| c.is_ascii_digit())
        })
        .collect()
}

/// One word of the cloud: as it was written most often, and how many times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudWord {
    pub word: String,
    pub count: usize,
}

/// The words of a warm-up entry: punctuation, stop words and numbers separate them, and words that
/// follow each other without one stay together ("tijd tekort" is one, "veiligheid en tijd" is two).
fn phrases(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for segment in text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == ' '))
    {
        let mut run: Vec<&str> = Vec::new();
        for raw in segment.split_whitespace().chain(std::iter::once("")) {
            let word = raw.trim_matches(|c: char| c == '-' || c == '\'');
            let key = word_key(word);
            let boundary = word.is_empty()
                || STOP_WORDS.contains(&key.as_str())
                || key.chars().all(|c| c.is_ascii_digit());
            if boundary {
                if !run.is_empty() {
                    out.push(run.join(" "));
                    run.clear();
                }
            } else {
                run.push(word);
            }
        }
    }
    out
}

/// The word cloud of the warm-up: every word typed, grouped regardless of case and accents, without
/// stop words, the most frequent first (then alphabetical). Words typed together stay together.
pub fn word_cloud(session: &Session) -> Vec<CloudWord> {
    use std::collections::BTreeMap;
    // Per key: how often, and how often each spelling.
    let mut groups: BTreeMap<String, (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for entry in &session.warm_up {
        for word in phrases(&entry.text) {
            let key = word_key(&word);
            let group = groups.entry(key).or_default();
            group.0 += 1;
            *group.1.entry(word).or_default() += 1;
        }
    }
    let mut cloud: Vec<CloudWord> = groups
        .into_iter()
        .map(|(key, (count, spellings))| {
            // The spelling used most; among equals the lower-case one, so "Veilig" and "veilig"
            // show as "veilig".
            let word = spellings
                .into_iter()
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then_with(|| (a.0 == key).cmp(&(b.0 == key)))
                        .then_with(|| b.0.cmp(&a.0))
                })
                .map(|(w, _)| w)
                .unwrap_or(key);
            CloudWord { word, count }
        })
        .collect();
    cloud.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| word_key(&a.word).cmp(&word_key(&b.word)))
    });
    cloud
}

/// One phase of the programme, as the export shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PhaseTime {
    pub(crate) title: String,
    pub(crate) kind: PhaseKind,
    pub(crate) planned_minutes: u32,
    pub(crate) extra_minutes: u32,
    pub(crate) used_seconds: u64,
    /// Whether the phase is on now (its time is still running) or was reached at all.
    pub(crate) reached: bool,
}

/// Planned against used for every phase of the programme, in order.
pub(crate) fn phase_times(session: &Session) -> Vec<PhaseTime> {
    session
        .programme()
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let t = session.phase_times.get(&i).copied().unwrap_or_default();
            PhaseTime {
                title: item.title.clone(),
                kind: item.kind,
                planned_minutes: item.minutes,
                extra_minutes: t.extra_minutes,
                used_seconds: t.used_seconds,
                reached: session.stage != crate::core::session::Stage::Setup
                    && i <= session.phase_at,
            }
        })
        .collect()
}

/// "12 min" style minutes for the programme bar, rounded up so a phase never shows 0 while it runs.
pub(crate) fn minutes_left(planned_minutes: u32, used_seconds: u64) -> i64 {
    let left = i64::from(planned_minutes) * 60 - used_seconds as i64;
    if left >= 0 {
        (left + 59) / 60
    } else {
        left / 60
    }
}

/// The message id of a phase kind's name in the interface.
pub(crate) fn kind_key(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::Talk => "phase-kind-talk",
        PhaseKind::WarmUp => "phase-kind-warm-up",
        PhaseKind::LearningQuestion => "phase-kind-learning",
        PhaseKind::Game => "phase-kind-game",
        PhaseKind::Plenary => "phase-kind-plenary",
        PhaseKind::Closing => "phase-kind-closing",
        PhaseKind::Review => "phase-kind-review",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::{Action, PlayerId};

    fn session_with(words: &[&str]) -> Session {
        let mut s = Session::new(crate::core::deck::default_deck(), "2026-11-23".into());
        s.apply(&Action::AddPlayer {
            name: "Ada".into(),
            colour: None,
        })
        .unwrap();
        s.apply(&Action::StartPlay).unwrap();
        for w in words {
            s.apply(&Action::AddWarmUp {
                player: Some(PlayerId(1)),
                text: (*w).into(),
            })
            .unwrap();
        }
        s
    }

    #[test]
    fn words_group_by_case_and_accent_and_skip_stop_words() {
        let s = session_with(&[
            "Veiligheid en ruimte",
            "veiligheid",
            "VEILIGHEID, vertrouwen",
            "één team",
            "een Team!",
            "Idée",
            "idee",
            "de 2026",
            "tijd tekort",
            "Tijd  tekort.",
        ]);
        let cloud = word_cloud(&s);
        let find = |w: &str| cloud.iter().find(|c| word_key(&c.word) == word_key(w));
        assert_eq!(find("veiligheid").map(|c| c.count), Some(3));
        assert_eq!(find("veiligheid").unwrap().word, "veiligheid");
        assert_eq!(find("team").map(|c| c.count), Some(2));
        assert_eq!(
            find("idee").map(|c| c.count),
            Some(2),
            "idée and idee are one"
        );
        assert!(find("en").is_none() && find("de").is_none() && find("een").is_none());
        assert!(find("2026").is_none(), "numbers alone are left out");
        assert_eq!(
            find("tijd tekort").map(|c| c.count),
            Some(2),
            "words typed together stay together"
        );
        assert!(find("tijd").is_none() && find("tekort").is_none());
        assert!(find("ruimte").is_some(), "a stop word separates");
        assert_eq!(cloud[0].word, "veiligheid", "the most frequent first");
        for w in cloud.windows(2) {
            assert!(w[0].count >= w[1].count);
        }
    }

    /// A game of one player, in setup, that follows `deck`'s programme.
    fn following(deck: crate::core::deck::Deck) -> Session {
        let mut s = Session::new(deck, "2026-11-23".into());
        s.apply(&Action::AddPlayer {
            name: "Ada".into(),
            colour: None,
        })
        .unwrap();
        s.apply(&Action::FollowProgramme(true)).unwrap();
        s
    }

    /// A programme of a talk, a warm-up, the game, the plenary and a closing round, walked through
    /// with its times; the game and the plenary follow the programme, and back again.
    #[test]
    fn the_programme_walks_with_the_game() {
        use crate::core::deck::{Phase, PhaseKind as K};
        use crate::core::session::{ActionError, Stage};
        let mut deck = crate::core::deck::default_deck();
        let item = |kind, title: &str, minutes| Phase {
            kind,
            title: title.into(),
            minutes,
            text: String::new(),
        };
        deck.programme = vec![
            item(K::Talk, "Kennismaken", 5),
            item(K::WarmUp, "Warming-up", 5),
            item(K::Game, "Spel", 30),
            item(K::Plenary, "Plenair", 15),
            item(K::Closing, "Afsluiting", 5),
        ];
        assert!(crate::core::deck::programme_problems(&deck.programme).is_empty());
        let mut s = following(deck);
        assert_eq!(
            s.apply(&Action::NextPhase { seconds: 1 }),
            Err(ActionError::WrongStage(Stage::Setup))
        );
        s.apply(&Action::StartPlay).unwrap();
        assert!(s.on_programme_screen());
        s.apply(&Action::ExtendPhase { minutes: 5 }).unwrap();
        assert_eq!(s.planned_minutes(0), 10);
        assert_eq!(
            s.apply(&Action::ExtendPhase { minutes: 0 }),
            Err(ActionError::BadExtension)
        );
        s.apply(&Action::NextPhase { seconds: 400 }).unwrap();
        s.apply(&Action::NextPhase { seconds: 200 }).unwrap();
        assert_eq!(s.current_phase().unwrap().kind, K::Game);
        assert!(!s.on_programme_screen());
        assert_eq!(s.stage, Stage::Play);
        // On from the game is the plenary; back from the plenary is the game again.
        s.apply(&Action::NextPhase { seconds: 1800 }).unwrap();
        assert_eq!(
            (s.stage, s.current_phase().unwrap().kind),
            (Stage::Plenary, K::Plenary)
        );
        s.apply(&Action::Back).unwrap();
        assert_eq!(
            (s.stage, s.current_phase().unwrap().kind),
            (Stage::Play, K::Game)
        );
        s.apply(&Action::StartPlenary).unwrap();
        assert_eq!(s.current_phase().unwrap().kind, K::Plenary);
        s.apply(&Action::NextPhase { seconds: 900 }).unwrap();
        assert_eq!(
            (s.stage, s.current_phase().unwrap().kind),
            (Stage::Outcome, K::Closing)
        );
        assert!(s.on_programme_screen());
        assert_eq!(
            s.apply(&Action::NextPhase { seconds: 1 }),
            Err(ActionError::ProgrammeEnd)
        );
        let times = phase_times(&s);
        assert_eq!(
            times.iter().map(|t| t.used_seconds).collect::<Vec<_>>(),
            vec![400, 200, 1800, 900, 0]
        );
        assert_eq!(times[0].extra_minutes, 5);
        assert!(times.iter().all(|t| t.reached));
        s.apply(&Action::PreviousPhase).unwrap();
        assert_eq!(
            (s.stage, s.current_phase().unwrap().kind),
            (Stage::Outcome, K::Plenary)
        );
        assert!(s.check_loaded().is_ok());
    }

    /// The intervision programme of the Leerruimte deck: a talk between the game and the plenary.
    #[test]
    fn a_talk_between_the_game_and_the_plenary() {
        use crate::core::deck::PhaseKind as K;
        use crate::core::session::Stage;
        let deck = crate::core::deck::builtin_deck("leerruimte").unwrap();
        let kinds: Vec<K> = deck.programme.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, [K::Talk, K::Game, K::Talk, K::Plenary, K::Closing]);
        let mut s = following(deck);
        s.apply(&Action::StartPlay).unwrap();
        s.apply(&Action::NextPhase { seconds: 300 }).unwrap();
        assert_eq!((s.stage, s.phase_at), (Stage::Play, 1));
        // From the game to the analysis talk: the plenary has begun, on the programme's screen.
        s.apply(&Action::NextPhase { seconds: 1200 }).unwrap();
        assert_eq!((s.stage, s.phase_at), (Stage::Plenary, 2));
        assert!(s.on_programme_screen());
        // Back from the talk is back at the board.
        s.apply(&Action::PreviousPhase).unwrap();
        assert_eq!((s.stage, s.phase_at), (Stage::Play, 1));
        s.apply(&Action::NextPhase { seconds: 60 }).unwrap();
        s.apply(&Action::NextPhase { seconds: 900 }).unwrap();
        assert_eq!((s.stage, s.phase_at), (Stage::Plenary, 3));
        assert!(!s.on_programme_screen(), "the plenary is on the board");
        s.apply(&Action::NextPhase { seconds: 900 }).unwrap();
        assert_eq!((s.stage, s.phase_at), (Stage::Outcome, 4));
        assert_eq!(
            phase_times(&s)[1].used_seconds,
            1260,
            "the game's time, both visits"
        );
        assert!(s.check_loaded().is_ok());
    }

    /// Going back records the phase's time, so a phase the group returns to goes on where it was;
    /// the workshop is finished at the end of the programme, and an export before that counts the
    /// running minutes in.
    #[test]
    fn going_back_keeps_a_phases_time_and_the_end_is_finished() {
        use crate::core::deck::PhaseKind as K;
        use crate::core::session::{ActionError, Stage};
        let deck = crate::core::deck::builtin_deck("leerruimte").unwrap();
        let mut s = following(deck);
        s.apply(&Action::StartPlay).unwrap();
        assert_eq!(
            s.apply(&Action::Finish { seconds: 1 }),
            Err(ActionError::NotAtEnd)
        );
        s.apply(&Action::NextPhase { seconds: 300 }).unwrap();
        s.apply(&Action::NextPhase { seconds: 1200 }).unwrap();
        // Back from the talk after 100 s, and on again after 50 s in the game.
        s.apply(&Action::Return { seconds: 100 }).unwrap();
        assert_eq!((s.stage, s.phase_at), (Stage::Play, 1));
        s.apply(&Action::NextPhase { seconds: 50 }).unwrap();
        assert_eq!(phase_times(&s)[1].used_seconds, 1250);
        assert_eq!(phase_times(&s)[2].used_seconds, 100);
        s.apply(&Action::NextPhase { seconds: 60 }).unwrap();
        s.apply(&Action::NextPhase { seconds: 900 }).unwrap();
        assert_eq!(phase_times(&s)[2].used_seconds, 160);
        assert_eq!(s.current_phase().unwrap().kind, K::Closing);
        assert!(s.at_end() && !s.finished);
        // An export now counts the 42 s of the closing round so far; the session itself does not.
        assert_eq!(phase_times(&s.with_running_time(7, 42))[4].used_seconds, 42);
        assert_eq!(phase_times(&s)[4].used_seconds, 0);
        s.apply(&Action::Finish { seconds: 240 }).unwrap();
        assert!(s.finished);
        assert_eq!(phase_times(&s)[4].used_seconds, 240);
        assert_eq!(
            phase_times(&s.with_running_time(7, 42))[4].used_seconds,
            240,
            "a finished workshop's clock has stopped"
        );
        assert_eq!(
            s.apply(&Action::Finish { seconds: 1 }),
            Err(ActionError::NotAtEnd)
        );
        assert!(s.check_loaded().is_ok());
        // Going back opens it again.
        s.apply(&Action::Return { seconds: 5 }).unwrap();
        assert!(!s.finished);
        assert_eq!(phase_times(&s)[4].used_seconds, 245);
    }

    #[test]
    fn a_deck_without_a_programme_has_no_phases() {
        // The built-in deck has a programme, but this game does not follow it.
        let mut s = session_with(&[]);
        assert!(!s.deck.programme.is_empty() && !s.follows_programme);
        assert!(!s.on_programme_screen());
        assert_eq!(
            s.apply(&Action::NextPhase { seconds: 1 }),
            Err(crate::core::session::ActionError::NoProgramme)
        );
        assert!(phase_times(&s).is_empty());
    }

    #[test]
    fn minutes_left_round_up_and_go_negative_past_the_plan() {
        assert_eq!(minutes_left(10, 0), 10);
        assert_eq!(minutes_left(10, 1), 10);
        assert_eq!(minutes_left(10, 60), 9);
        assert_eq!(minutes_left(10, 600), 0);
        assert_eq!(minutes_left(10, 720), -2);
    }
}
