//! Every user-facing text, on screen and in the exports, from the Fluent message files in `locales/`:
//! Dutch by default, English as a choice. Numbers are written by [`decimal`], the one formatter.

use crate::core::session::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The message files, embedded so the app needs no files.
pub const MESSAGE_FILES: [(Lang, &str); 2] = [
    (Lang::Nl, include_str!("../../locales/nl.ftl")),
    (Lang::En, include_str!("../../locales/en.ftl")),
];

/// What is wrong with a deck and how to fix it (`DeckProblem::describe`), in files of their own:
/// a second resource of each language's bundle.
pub const DECK_MESSAGE_FILES: [(Lang, &str); 2] = [
    (Lang::Nl, include_str!("../../locales/nl-deck.ftl")),
    (Lang::En, include_str!("../../locales/en-deck.ftl")),
];

/// Both languages' messages; look-ups take the language to use.
pub struct Texts {
    nl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(lang: Lang, sources: &[&str]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // The embedded files are checked by the tests; a broken line is skipped, not fatal, and so is an
    // id a later file repeats (the first one counts).
    for source in sources {
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

impl Default for Texts {
    fn default() -> Self {
        Texts {
            nl: bundle(Lang::Nl, &[MESSAGE_FILES[0].1, DECK_MESSAGE_FILES[0].1]),
            en: bundle(Lang::En, &[MESSAGE_FILES[1].1, DECK_MESSAGE_FILES[1].1]),
        }
    }
}

impl Texts {
    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }

    /// The text for `id` with arguments. A missing id shows as the id itself, so it is noticed.
    pub(crate) fn format(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// The text for `id`.
    pub fn get(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, &[])
    }

    /// The text for `id` with a `count` argument, for plurals.
    pub fn count(&self, lang: Lang, id: &str, count: usize) -> String {
        self.format(lang, id, &[("count", FluentValue::from(count))])
    }

    /// Whether `id` exists in `lang`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }
}

/// The ids of every message in a Fluent source, in file order.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The system's language, if it is one the interface speaks; Dutch otherwise.
pub(crate) fn system_lang() -> Lang {
    match sys_locale::get_locale() {
        Some(l) if l.to_lowercase().starts_with("en") => Lang::En,
        _ => Lang::Nl,
    }
}

/// The messages of both languages, loaded once.
pub(crate) fn texts() -> &'static Texts {
    static TEXTS: std::sync::LazyLock<Texts> = std::sync::LazyLock::new(Texts::default);
    &TEXTS
}

/// The text for `id` in `lang`.
pub(crate) fn tr(lang: Lang, id: &str) -> String {
    texts().get(lang, id)
}

/// A number with `places` decimals as the language writes it: a decimal comma in Dutch, a point in
/// English. Minus zero is written as zero. Only numbers go through here, never text around them, so a
/// name such as "J. de Vries" keeps its dot.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    // Half away from zero, as a room expects (4.25 → 4.3): the means of four players end in .25 and
    // .75 exactly, which `format!` alone rounds to even (4.2, 2.8).
    let scale = 10f64.powi(places.min(12) as i32);
    let rounded = (value * scale).round() / scale;
    let value = if rounded.is_finite() { rounded } else { value };
    let mut s = format!("{value:.places$}");
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s.remove(0);
    }
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// [`decimal`] with two places, empty for no value: the exports' numbers.
pub(crate) fn decimal_or_empty(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| decimal(lang, v, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_language_and_drop_minus_zero() {
        assert_eq!(decimal(Lang::Nl, 2.456, 2), "2,46");
        assert_eq!(decimal(Lang::En, 2.456, 2), "2.46");
        assert_eq!(decimal(Lang::Nl, -0.001, 2), "0,00");
        assert_eq!(decimal(Lang::En, -0.04, 1), "0.0");
        // Half away from zero: a mean of four players, 4.25, is 4,3 on the screen.
        assert_eq!(decimal(Lang::Nl, -1.25, 1), "-1,3");
        assert_eq!(decimal(Lang::Nl, 4.25, 1), "4,3");
        assert_eq!(decimal(Lang::En, 2.75, 1), "2.8");
        assert_eq!(decimal(Lang::Nl, 2.125, 2), "2,13");
        assert_eq!(decimal(Lang::Nl, -0.04, 1), "0,0");
        assert_eq!(decimal(Lang::Nl, 3.0, 0), "3");
        assert_eq!(decimal_or_empty(Lang::Nl, None), "");
    }

    #[test]
    fn every_message_exists_in_both_languages_through_the_global_texts() {
        for (lang, source) in MESSAGE_FILES.into_iter().chain(DECK_MESSAGE_FILES) {
            // A syntax error would silently drop the broken message from its bundle.
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("the {lang:?} messages do not parse: {errors:?}");
            }
        }
        let ids = |i: usize| {
            message_ids(MESSAGE_FILES[i].1)
                .into_iter()
                .chain(message_ids(DECK_MESSAGE_FILES[i].1))
                .collect::<std::collections::BTreeSet<_>>()
        };
        let (nl, en) = (ids(0), ids(1));
        assert_eq!(
            nl.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "messages in only one language"
        );
        for id in &nl {
            assert!(texts().has(Lang::En, id), "{id} has no English text");
            assert!(texts().has(Lang::Nl, id), "{id} has no Dutch text");
        }
        assert_eq!(tr(Lang::Nl, "export-statement"), "stelling");
        assert_eq!(tr(Lang::En, "export-theme"), "theme");
    }
}
