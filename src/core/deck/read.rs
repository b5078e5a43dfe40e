//! Reading a deck file: its bytes, its RON, and syntax errors a facilitator can act on, with the
//! line and column.

use super::*;

pub(super) const START: Location = Location { line: 1, col: 1 };

/// The options every deck and session file is read with: `Some(..)` may be left out.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// Reads and checks a deck file. Never panics, whatever the file holds.
pub fn load_deck_file(path: &Path) -> Result<Deck, DeckError> {
    use crate::core::files::{ReadProblem, read_ordinary_file};
    let name = path.display().to_string();
    let problem = match read_ordinary_file(path, MAX_DECK_BYTES) {
        Ok(bytes) => return parse_deck_bytes(&name, &bytes),
        Err(ReadProblem::Folder) => DeckProblem::new(
            START,
            "deck-is-folder",
            [],
            "this is a folder, not a deck file; choose a file whose name ends in .deck.ron",
        ),
        Err(ReadProblem::Open(e)) => DeckProblem::new(
            START,
            "deck-cannot-open",
            [("error", e.to_string())],
            format!("cannot open the file: {e}; check the name and that you may read it"),
        ),
        // A pipe would block the loader until someone writes to it, and a device such as /dev/zero
        // never ends: only ordinary files are read.
        Err(ReadProblem::NotAFile) => DeckProblem::new(
            START,
            "deck-not-a-file",
            [],
            "this is not an ordinary file (a pipe, a device or a socket); save the deck as a .deck.ron file and choose that",
        ),
        Err(ReadProblem::TooBig(size)) => {
            let (size, max) = (size / (1024 * 1024), MAX_DECK_BYTES / (1024 * 1024));
            DeckProblem::new(
                START,
                "deck-file-too-big",
                [("size", size.to_string()), ("max", max.to_string())],
                format!(
                    "the file is {size} MB; a deck is at most {max} MB, so this is probably not a deck file"
                ),
            )
        }
        Err(ReadProblem::Read(e)) => DeckProblem::new(
            START,
            "deck-cannot-read",
            [("error", e.to_string())],
            format!("cannot read the file: {e}"),
        ),
    };
    Err(DeckError::single(&name, problem))
}

/// Parses and checks deck text given as raw bytes (from a file, a drop, or an editor).
pub fn parse_deck_bytes(file: &str, bytes: &[u8]) -> Result<Deck, DeckError> {
    if bytes.len() as u64 > MAX_DECK_BYTES {
        let max = MAX_DECK_BYTES / (1024 * 1024);
        return Err(DeckError::single(
            file,
            DeckProblem::new(
                START,
                "deck-text-too-big",
                [("max", max.to_string())],
                format!("the text is larger than {max} MB; a deck is a few kilobytes"),
            ),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = location_of_offset(
                &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
                e.valid_up_to(),
            );
            return Err(DeckError::single(
                file,
                DeckProblem::new(
                    at,
                    "deck-not-utf8",
                    [],
                    "the file is not UTF-8 text (is it a binary file, or saved in another encoding?); save it as UTF-8 in a text editor",
                ),
            ));
        }
    };
    parse_deck_str(file, text)
}

/// Parses and checks deck text.
pub fn parse_deck_str(file: &str, text: &str) -> Result<Deck, DeckError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(DeckError::single(
            file,
            DeckProblem::new(
                START,
                "deck-empty-file",
                [],
                "the file is empty; a deck starts with `(` and holds version, title, language, scale and statements (see the README)",
            ),
        ));
    }
    if body.contains('\0') {
        let offset = body.find('\0').unwrap_or(0);
        return Err(DeckError::single(
            file,
            DeckProblem::new(
                location_of_offset(body, offset),
                "deck-binary",
                [],
                "the file holds binary data, not deck text; choose a .deck.ron file",
            ),
        ));
    }
    let deck: Deck = ron_options()
        .from_str(body)
        .map_err(|e| DeckError::single(file, syntax_problem(body, &e)))?;
    let problems = validate_deck(&deck, body);
    if problems.is_empty() {
        Ok(deck)
    } else {
        Err(DeckError {
            file: file.to_string(),
            problems,
        })
    }
}

/// Where a RON error in `body` really is, and what to do about it.
pub(super) fn syntax_problem(body: &str, e: &ron::error::SpannedError) -> DeckProblem {
    let at = Location {
        line: e.span.start.line.max(1),
        col: e.span.start.col.max(1),
    };
    let offset = offset_of(body, at).min(body.len());
    // A text whose closing quote was forgotten runs on to the next quote, on a later line, and the
    // error comes right after that quote: the quote is missing where the text opened. A deck's texts
    // never hold a line break (the app writes `\n`), so a text over two lines is the sign. A text that
    // never ends at all is reported by RON where it opens.
    let open_quote = match e.code {
        ron::Error::ExpectedStringEnd if body[offset..].starts_with('"') => Some(offset),
        _ => string_before(body, offset)
            .filter(|(start, end)| body[*start..*end].contains('\n'))
            .map(|(start, _)| start),
    };
    if let Some(start) = open_quote {
        let at = location_of_offset(body, start);
        return DeckProblem::new(
            at,
            "deck-missing-quote",
            [("line", at.line.to_string())],
            format!(
                "a closing quote `\"` is probably missing at the end of line {}; the text that opens here runs on into the next line",
                at.line
            ),
        );
    }
    let rest = &body[offset..];
    if rest.trim().is_empty() && !matches!(e.code, ron::Error::Eof) {
        DeckProblem::new(
            at,
            "deck-ends-early",
            [("error", e.code.to_string())],
            format!(
                "the file ends too early; a closing `)` or `]` is probably missing ({})",
                e.code
            ),
        )
    } else {
        explain_ron_error(at, &e.code)
    }
}

/// The string literal (the byte range from its opening quote to after its closing quote) that ends
/// right before `offset`, with only white space between; none if `offset` does not follow one.
/// Comments, escapes and raw strings are skipped as RON reads them.
pub(super) fn string_before(body: &str, offset: usize) -> Option<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut last = None;
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = body[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // RON's block comments nest.
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                last = Some((start, i));
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let start = i;
                let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
                if bytes.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let from = i + 2 + hashes;
                i = body[from..]
                    .find(&close)
                    .map_or(bytes.len(), |n| from + n + close.len());
                last = Some((start, i));
            }
            b'\'' => {
                // A character such as '"' or '\'': skip it, so its quote opens no string.
                let len = if bytes.get(i + 1) == Some(&b'\\') {
                    4
                } else {
                    3
                };
                i += if bytes.get(i + len - 1) == Some(&b'\'') {
                    len
                } else {
                    1
                };
            }
            _ => i += 1,
        }
    }
    let (start, end) = last?;
    (end <= offset && body[end..offset].trim().is_empty()).then_some((start, end))
}

/// Turns a RON syntax error into words a facilitator can act on.
pub(super) fn explain_ron_error(at: Location, code: &ron::Error) -> DeckProblem {
    use ron::Error as E;
    let said = |key, message: &str| DeckProblem::new(at, key, [], message);
    // Which part of the deck a field belongs to: an argument the texts choose their words by.
    let part = |outer: &Option<String>| match outer.as_deref() {
        Some("Statement") => ("statement", "a statement"),
        Some("Square") => ("square", "a square"),
        Some("Scale") => ("scale", "the scale"),
        Some("Phase") => ("phase", "a phase of the programme"),
        _ => ("deck", "the deck"),
    };
    match code {
        E::Eof => said(
            "deck-syntax-eof",
            "the file ends too early; a bracket `)` or `]` or a closing quote is probably missing",
        ),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => said(
            "deck-syntax-expected-paren",
            "expected `(`; the deck and each statement and square start with `(`",
        ),
        E::ExpectedStructLikeEnd => said(
            "deck-syntax-expected-struct-end",
            "expected `)` here; check for a missing comma or an extra value",
        ),
        E::ExpectedArray => said(
            "deck-syntax-expected-list",
            "expected a list in square brackets `[ ... ]`",
        ),
        E::ExpectedArrayEnd => said(
            "deck-syntax-expected-list-end",
            "expected `]` or a comma; check the comma between items in this list",
        ),
        E::ExpectedString | E::ExpectedStringEnd => said(
            "deck-syntax-expected-text",
            "expected text in double quotes, like \"Veiligheid\"",
        ),
        E::ExpectedInteger | E::ExpectedFloat => {
            said("deck-syntax-expected-number", "expected a number here")
        }
        E::ExpectedComma => said(
            "deck-syntax-expected-comma",
            "expected a comma `,` between two items",
        ),
        E::MissingStructField { field, outer } => {
            let (part, words) = part(outer);
            DeckProblem::new(
                at,
                "deck-missing-field",
                [("part", part.into()), ("field", field.to_string())],
                format!(
                    "{words} has no `{field}`; add `{field}: ...` (see the deck reference in the README)"
                ),
            )
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let (part, words) = part(outer);
            let allowed = expected.join(", ");
            DeckProblem::new(
                at,
                "deck-unknown-field",
                [
                    ("found", found.clone()),
                    ("part", part.into()),
                    ("allowed", allowed.clone()),
                ],
                format!(
                    "`{found}` is not a field of {words}; check its spelling. Allowed here: {allowed}"
                ),
            )
        }
        E::DuplicateStructField { field, .. } => DeckProblem::new(
            at,
            "deck-duplicate-field",
            [("field", field.to_string())],
            format!("`{field}` appears twice; keep one"),
        ),
        E::ExceededRecursionLimit => said(
            "deck-too-deep",
            "the brackets are nested far too deep for a deck",
        ),
        E::UnclosedBlockComment => said(
            "deck-unclosed-comment",
            "a comment opened with /* is never closed with */",
        ),
        _ => DeckProblem::new(
            at,
            "deck-syntax",
            [("error", code.to_string())],
            format!("this is not valid deck syntax: {code}"),
        ),
    }
}

/// Line and column (from 1) of a byte offset in `text`.
pub(crate) fn location_of_offset(text: &str, offset: usize) -> Location {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location { line, col }
}

/// Byte offset of a line and column (from 1) in `text`.
pub(super) fn offset_of(text: &str, at: Location) -> usize {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == at.line {
            return offset
                + line
                    .char_indices()
                    .nth(at.col.saturating_sub(1))
                    .map_or(line.len(), |(o, _)| o);
        }
        offset += line.len();
    }
    text.len()
}

/// Where the `nth` (from 0) occurrence of `needle` is in `source`, or the start of the file.
/// At most this many problems of a deck are located and reported; the rest are counted.
pub const MAX_REPORTED_PROBLEMS: usize = 100;

/// Finds where things are in a deck's text: the lines are indexed once, and every needle is searched
/// once however often it is asked for.
pub(super) struct Locator<'a> {
    source: &'a str,
    line_starts: std::cell::OnceCell<Vec<usize>>,
    found: std::cell::RefCell<std::collections::HashMap<String, Vec<usize>>>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(source: &'a str) -> Self {
        Locator {
            source,
            line_starts: std::cell::OnceCell::new(),
            found: std::cell::RefCell::default(),
        }
    }

    /// Where the `nth` (from 0) occurrence of `needle` is, or the start of the file.
    pub(super) fn at(&self, needle: &str, nth: usize) -> Location {
        if needle.is_empty() {
            return START;
        }
        let offset = {
            let mut found = self.found.borrow_mut();
            let offsets = found.entry(needle.to_string()).or_insert_with(|| {
                self.source
                    .match_indices(needle)
                    .map(|(offset, _)| offset)
                    .collect()
            });
            offsets.get(nth).copied()
        };
        offset.map_or(START, |o| self.location(o))
    }

    pub(super) fn location(&self, offset: usize) -> Location {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.source.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let offset = self
            .source
            .floor_char_boundary(offset.min(self.source.len()));
        let line = starts.partition_point(|s| *s <= offset).max(1);
        let col = self.source[starts[line - 1]..offset].chars().count() + 1;
        Location { line, col }
    }
}

pub(super) fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}
