//! Interface texts from the Fluent message files in `locales/`: Dutch by default, English as a choice.

use crate::core::session::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The message files, embedded so the app needs no files.
pub const MESSAGE_FILES: [(Lang, &str); 2] = [
    (Lang::Nl, include_str!("../locales/nl.ftl")),
    (Lang::En, include_str!("../locales/en.ftl")),
];

/// Both languages' messages; look-ups take the language to use.
pub struct Texts {
    nl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // The embedded files are checked by the tests; a broken line is skipped, not fatal.
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

impl Default for Texts {
    fn default() -> Self {
        Texts {
            nl: bundle(Lang::Nl, MESSAGE_FILES[0].1),
            en: bundle(Lang::En, MESSAGE_FILES[1].1),
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
    pub fn format(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
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
pub fn system_lang() -> Lang {
    match sys_locale::get_locale() {
        Some(l) if l.to_lowercase().starts_with("en") => Lang::En,
        _ => Lang::Nl,
    }
}
