//! Exports: CSV for Dutch-locale spreadsheets with formula injection neutralised, and the reports.

use leerklimaat::core::deck;
use leerklimaat::core::export::{self, neutralise_cell};
use leerklimaat::core::session::*;
use leerklimaat::core::session_file;
use proptest::prelude::*;

/// A small, fixed session with every kind of content: placements in both rounds, both post-it colours,
/// an answered question, a skipped statement, an override and a case.
pub fn fixed_game(lang: Lang) -> Game {
    let mut d = deck::default_deck();
    d.statements.truncate(4);
    let mut g = Game::new(Session::new(d, "2026-11-22 10:00".into()));
    let a = |g: &mut Game, action: Action| g.apply(action).unwrap();
    a(&mut g, Action::SetLanguage(lang));
    a(&mut g, Action::SetGroup("Team Zorg & Welzijn".into()));
    for n in ["Anouk de Vries", "Bram Jansen", "=Chantal"] {
        a(
            &mut g,
            Action::AddPlayer {
                name: n.into(),
                colour: None,
            },
        );
    }
    a(&mut g, Action::StartPlay);
    let ids: Vec<PlayerId> = g.session().players.iter().map(|p| p.id).collect();
    let cards = g.session().play_cards();
    for (i, sq) in [0, 1, 3].iter().enumerate() {
        a(
            &mut g,
            Action::Place {
                player: ids[i],
                card: cards[0].clone(),
                round: Round::First,
                square: *sq,
            },
        );
    }
    a(
        &mut g,
        Action::AddPostIt {
            colour: PostItColour::Green,
            text: "Intervisie één keer per maand".into(),
            author: Some(ids[0]),
            card: cards[0].clone(),
        },
    );
    a(
        &mut g,
        Action::AddPostIt {
            colour: PostItColour::Pink,
            text: "=HYPERLINK(\"http://x\")".into(),
            author: Some(ids[2]),
            card: cards[0].clone(),
        },
    );
    a(
        &mut g,
        Action::GoTo {
            index: 1,
            seconds: 300,
        },
    );
    for (i, sq) in [2, 3, 3].iter().enumerate() {
        a(
            &mut g,
            Action::Place {
                player: ids[i],
                card: cards[1].clone(),
                round: Round::First,
                square: *sq,
            },
        );
    }
    a(
        &mut g,
        Action::AddPostIt {
            colour: PostItColour::Pink,
            text: "Wie beslist over het budget?".into(),
            author: None,
            card: cards[1].clone(),
        },
    );
    a(
        &mut g,
        Action::GoTo {
            index: 2,
            seconds: 240,
        },
    );
    a(&mut g, Action::Skip { seconds: 20 });
    a(
        &mut g,
        Action::AddCase {
            title: "Nieuwe collega inwerken".into(),
            description: "Hoe leert een nieuwe collega het vak?".into(),
            brought_by: Some(ids[1]),
        },
    );
    a(
        &mut g,
        Action::AddPostIt {
            colour: PostItColour::Green,
            text: "Maatjessysteem".into(),
            author: None,
            card: CardRef::Case(1),
        },
    );
    a(&mut g, Action::StartPlenary);
    for (i, sq) in [1, 2, 3].iter().enumerate() {
        a(
            &mut g,
            Action::Place {
                player: ids[i],
                card: cards[0].clone(),
                round: Round::Plenary,
                square: *sq,
            },
        );
    }
    for (i, sq) in [1, 1].iter().enumerate() {
        a(
            &mut g,
            Action::Place {
                player: ids[i],
                card: cards[1].clone(),
                round: Round::Plenary,
                square: *sq,
            },
        );
    }
    let budget = g.session().post_its[2].id;
    a(
        &mut g,
        Action::SetAnswered {
            id: budget,
            answered: true,
        },
    );
    a(
        &mut g,
        Action::OverrideStack {
            card: CardRef::Case(1),
            stack: Some(Stack::Green),
        },
    );
    a(&mut g, Action::ShowOutcome);
    g
}

fn csv_text(bytes: &[u8]) -> String {
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a UTF-8 BOM"
    );
    String::from_utf8(bytes[3..].to_vec()).expect("UTF-8")
}

#[test]
fn statements_csv_has_both_rounds_mean_shift_and_stack() {
    let g = fixed_game(Lang::Nl);
    let text = csv_text(&export::statements_csv(g.session()));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[3], "Anouk de Vries (eerste ronde)");
    assert_eq!(header[4], "Anouk de Vries (plenair)");
    assert_eq!(header[7], "'=Chantal (eerste ronde)");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5, "4 statements and 1 case");
    let first = &rows[0];
    // Points 1, 2, 4 first; 2, 3, 4 plenary; decimal comma for Dutch.
    let points: Vec<&str> = (3..9).map(|i| &first[i]).collect();
    assert_eq!(points, ["1", "2", "2", "3", "4", "4"]);
    assert_eq!(&first[9], "2,33");
    assert_eq!(&first[10], "3,00");
    assert_eq!(&first[11], "0,67");
    assert_eq!(&first[12], "groen");
    assert_eq!(&rows[1][12], "rood");
    assert_eq!(&rows[2][13], "ja");
    assert_eq!(&rows[2][12], "", "skipped statement is on no stack");
    assert_eq!(&rows[4][0], "casus-1");
    assert_eq!(&rows[4][12], "groen");
    assert!(text.contains("\r\n"));
}

#[test]
fn post_its_csv_neutralises_formulas_and_keeps_dutch_characters() {
    let g = fixed_game(Lang::Nl);
    let text = csv_text(&export::post_its_csv(g.session()));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][4], "Intervisie één keer per maand");
    assert_eq!(&rows[1][4], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&rows[1][5], "'=Chantal");
    assert_eq!(&rows[2][6], "ja");
    assert_eq!(&rows[1][1], "roze");
}

/// Deck text reaches the CSV too, and a formula hidden behind white space or a line break is still a
/// formula to a spreadsheet.
#[test]
fn statements_csv_guards_deck_text_after_white_space() {
    let mut d = deck::default_deck();
    d.statements[0].text = " =HYPERLINK(\"http://x\")".into();
    d.statements[0].theme = Some("\n=1+1".into());
    d.statements[1].text = "\t@SUM(A1)".into();
    let mut g = Game::new(Session::new(d, "2026-11-22 10:00".into()));
    g.apply(Action::AddPlayer {
        name: "A".into(),
        colour: None,
    })
    .unwrap();
    g.apply(Action::StartPlay).unwrap();
    let text = csv_text(&export::statements_csv(g.session()));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect();
    for bad in [" =HYPERLINK(\"http://x\")", "\n=1+1", "\t@SUM(A1)"] {
        assert!(
            cells.contains(&format!("'{bad}")),
            "{bad:?} guarded: {cells:?}"
        );
        assert!(!cells.contains(&bad.to_string()), "{bad:?} not left bare");
    }
    assert_eq!(neutralise_cell("-0,57"), "-0,57", "a number stays a number");
    assert_eq!(neutralise_cell("-"), "'-");
}

#[test]
fn english_session_exports_in_english() {
    let g = fixed_game(Lang::En);
    let text = csv_text(&export::statements_csv(g.session()));
    assert!(text.starts_with("id;statement;thema") || text.starts_with("id;statement;"));
    assert!(text.contains("green"));
    let html = export::report_html(g.session());
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Already present"));
}

#[test]
fn markdown_report_snapshot() {
    insta::assert_snapshot!(export::report_markdown(fixed_game(Lang::Nl).session()));
}

#[test]
fn html_report_is_self_contained_and_escaped() {
    let g = fixed_game(Lang::Nl);
    let html = export::report_html(g.session());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Team Zorg &#38; Welzijn"));
    assert!(html.contains("=HYPERLINK(&#34;http://x&#34;)"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("src=\"http"));
    assert!(!html.contains("href=\"http"));
    assert!(html.contains("@page{size:A4"));
    assert!(
        html.matches("<svg").count() >= 2,
        "a placement chart per statement played"
    );
    for heading in [
        "Al aanwezig",
        "Nog te ontwikkelen",
        "Open vragen",
        "Groene stapel",
        "Rode stapel",
        "Casussen",
        "Plaatsingen per stelling",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
}

#[test]
fn write_all_writes_every_format() {
    let mut g = fixed_game(Lang::Nl);
    let owner = Owner::Player(g.session().players[0].id);
    g.apply(Action::AddNextStep {
        text: "=Maandelijks intervisie plannen met het hele team".into(),
        owner,
        due: "2027-01-15".into(),
        from: None,
    })
    .unwrap();
    let dir = std::env::temp_dir().join(format!("lk-export-{}", std::process::id()));
    let files = export::write_all(&g, &dir).unwrap();
    assert_eq!(files.len(), 6);
    let actions = std::fs::read_to_string(dir.join("actions.csv")).unwrap();
    let mut lines = actions.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some("id;actie;wie;wanneer;naar aanleiding van")
    );
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("1;'=Maandelijks intervisie plannen met het hele team;")
            && row.contains(";2027-01-15;"),
        "{row}"
    );
    let report = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(report.contains("## Vervolgstappen"));
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains("<h2>Vervolgstappen</h2>"));
    for f in &files {
        assert!(std::fs::metadata(f).unwrap().len() > 100, "{}", f.display());
    }
    let back = session_file::load_game_file(&dir.join("session.ron")).unwrap();
    assert_eq!(back.session(), g.session());
    std::fs::remove_dir_all(&dir).unwrap();
}

proptest! {
    #[test]
    fn csv_cells_never_start_a_formula_and_round_trip(
        // Most texts open with what a spreadsheet could read as a formula, after some white space.
        texts in proptest::collection::vec(
            ("[ \u{a0}]{0,2}", "[=+@\t\r\n-]?", "\\PC{0,18}").prop_map(|(a, b, c)| a + &b + &c),
            1..6,
        )
    ) {
        for t in &texts {
            let cell = neutralise_cell(t);
            let number = t.strip_prefix('-').is_some_and(|d| d.starts_with(|c: char| c.is_ascii_digit())
                && d.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && d.chars().filter(|c| matches!(c, ',' | '.')).count() <= 1);
            let risky = matches!(
                t.trim_start_matches([' ', '\u{a0}']).chars().next(),
                Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n')
            );
            // Written out here, not by the function under test: a risky cell gets one leading quote.
            let want = if risky && !number { format!("'{t}") } else { t.clone() };
            prop_assert_eq!(&cell, &want);
        }
        // Post-its with those texts survive a write and read through the CSV.
        let mut g = Game::new(Session::new(deck::default_deck(), "t".into()));
        g.apply(Action::AddPlayer { name: "A".into(), colour: None }).unwrap();
        g.apply(Action::StartPlay).unwrap();
        let card = g.session().play_cards()[0].clone();
        let mut kept = Vec::new();
        for t in &texts {
            if g.apply(Action::AddPostIt { colour: PostItColour::Green, text: t.clone(), author: None, card: card.clone() }).is_ok() {
                kept.push(neutralise_cell(t.trim()));
            }
        }
        let text = csv_text(&export::post_its_csv(g.session()));
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
        let got: Vec<String> = reader.records().map(|r| r.unwrap()[4].to_string()).collect();
        prop_assert_eq!(got, kept);
    }
}

/// Text from anywhere (a post-it, a name, the group, the deck title, a statement, the start time from a
/// session file) cannot start a Markdown line of its own or a tag in the HTML report.
#[test]
fn reports_escape_hostile_text_from_every_source() {
    let mut d = deck::default_deck();
    d.title = "<script>alert('deck')</script>".into();
    d.statements[0].text = "<script>alert('statement')</script>\r# kop".into();
    let mut g = Game::new(Session::new(d, "2026-11-22\n# ingevoegd".into()));
    g.apply(Action::SetGroup("<script>alert('group')</script>".into()))
        .unwrap();
    g.apply(Action::AddPlayer {
        name: "<script>x</script>".into(),
        colour: None,
    })
    .unwrap();
    g.apply(Action::StartPlay).unwrap();
    let card = g.session().play_cards()[0].clone();
    let author = Some(g.session().players[0].id);
    for text in [
        "<script>alert('post-it')</script>",
        "eerste\rtweede",
        "eerste\u{2028}# tweede",
    ] {
        g.apply(Action::AddPostIt {
            colour: PostItColour::Pink,
            text: text.into(),
            author,
            card: card.clone(),
        })
        .unwrap();
    }
    let html = export::report_html(g.session());
    assert!(!html.contains("<script"), "no tag from any text");
    assert!(html.contains("&#60;script&#62;alert("));
    let md = export::report_markdown(g.session());
    for line in md.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
        assert!(
            !line.starts_with("# ingevoegd")
                && !line.starts_with("# tweede")
                && !line.starts_with("# kop"),
            "a line of its own: {line:?}"
        );
    }
    assert!(!md.contains('\r') && !md.contains('\u{2028}'));
}

/// A session file's start time and group name become a folder name: they cannot lead out of the folder.
#[test]
fn an_export_folder_stays_inside_its_base() {
    for (started_at, group) in [
        ("../../x", ""),
        ("/etc", "../.."),
        ("..", "/"),
        ("2026-11-22 10:00", "Team / Noord"),
    ] {
        let mut s = Session::new(deck::default_deck(), started_at.into());
        s.group = group.into();
        let name = export::export_folder_name(&s);
        assert!(!name.contains('/') && !name.contains('\\'), "{name:?}");
        assert!(name != "." && name != ".." && !name.is_empty(), "{name:?}");
        let base = std::path::Path::new("/base");
        let dir = base.join(&name);
        assert_eq!(dir.parent(), Some(base), "{name:?}");
    }
}

/// Every header and heading of an English export is English: the words come from the Fluent files,
/// not from a table with Dutch left in it ("thema", "tekst" were).
#[test]
fn an_english_export_speaks_english_throughout() {
    let g = fixed_game(Lang::En);
    let s = g.session();
    let first_line = |bytes: Vec<u8>| {
        String::from_utf8(bytes)
            .unwrap()
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    let statements = first_line(export::statements_csv(s));
    assert!(
        statements.starts_with("id;statement;theme;"),
        "{statements}"
    );
    assert!(statements.ends_with("mean first round;mean plenary;shift;stack;skipped;minutes"));
    let post_its = first_line(export::post_its_csv(s));
    assert_eq!(post_its, "id;colour;card;statement;text;author;answered");
    for report in [export::report_markdown(s), export::report_html(s)] {
        for dutch in [
            "stelling",
            "thema",
            "tekst",
            "Al aanwezig",
            "Groep",
            "eerste ronde",
        ] {
            assert!(!report.contains(dutch), "{dutch:?} in an English report");
        }
        assert!(report.contains("Already present") && report.contains("Shift of opinion"));
    }
    let dutch = first_line(export::statements_csv(fixed_game(Lang::Nl).session()));
    assert!(dutch.starts_with("id;stelling;thema;"), "{dutch}");
}

/// The workshop around the game in the exports: every phase planned against used, the warm-up's
/// entries, each player's learning question beside what stayed, and the same in both reports.
#[test]
fn a_programme_is_exported_with_its_times_words_and_reflections() {
    let mut s = Session::new(deck::default_deck(), "2026-11-23 09:00".into());
    for name in ["Ada", "Bob"] {
        s.apply(&Action::AddPlayer {
            name: name.into(),
            colour: None,
        })
        .unwrap();
    }
    s.apply(&Action::FollowProgramme(true)).unwrap();
    s.apply(&Action::StartPlay).unwrap();
    let (ada, bob) = (s.players[0].id, s.players[1].id);
    s.apply(&Action::ExtendPhase { minutes: 5 }).unwrap();
    s.apply(&Action::NextPhase { seconds: 720 }).unwrap();
    for (p, w) in [
        (Some(ada), "Veiligheid"),
        (Some(bob), "veiligheid, tijd"),
        (None, "=SOM(A1)"),
    ] {
        s.apply(&Action::AddWarmUp {
            player: p,
            text: w.into(),
        })
        .unwrap();
    }
    s.apply(&Action::NextPhase { seconds: 300 }).unwrap();
    s.apply(&Action::SetLearningQuestion {
        player: ada,
        text: "Feedback geven".into(),
    })
    .unwrap();
    s.apply(&Action::SetTakeaway {
        player: bob,
        text: "Tijd maken".into(),
    })
    .unwrap();
    let game = Game::new(s);
    let dir = std::env::temp_dir().join(format!("leerklimaat-programme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    export::write_all(&game, &dir).unwrap();
    let programme = csv_text(&std::fs::read(dir.join("programme.csv")).unwrap());
    let lines: Vec<&str> = programme.lines().collect();
    assert_eq!(
        lines.len(),
        1 + game.session().deck.programme.len(),
        "{programme}"
    );
    assert_eq!(lines[1], "Kennismaken;Toelichting;10;5;12,0", "{programme}");
    assert_eq!(
        lines[2], "Wat komt in je op?;Warming-up;5;0;5,0",
        "{programme}"
    );
    let warm_up = csv_text(&std::fs::read(dir.join("warm-up.csv")).unwrap());
    assert!(warm_up.contains("1;Ada;Veiligheid"), "{warm_up}");
    assert!(
        warm_up.contains("3;;'=SOM(A1)"),
        "a formula stays text: {warm_up}"
    );
    let learning = csv_text(&std::fs::read(dir.join("learning.csv")).unwrap());
    assert!(learning.contains("Ada;Feedback geven;"), "{learning}");
    assert!(learning.contains("Bob;;Tijd maken"), "{learning}");
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(md.contains("## Programma: gepland en gebruikt"), "{md}");
    assert!(
        md.contains("| Kennismaken (Toelichting) | 10 + 5 | 12 |"),
        "{md}"
    );
    assert!(
        md.contains("veiligheid (2)") || md.contains("Veiligheid (2)"),
        "{md}"
    );
    assert!(md.contains("| Ada | Feedback geven |  |"), "{md}");
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains("Leervragen en wat bijbleef") && html.contains("Tijd maken"));
    // A game without a programme writes none of these.
    let plain = Game::new(Session::new(deck::default_deck(), "2026-11-23".into()));
    let dir2 = dir.with_extension("plain");
    let _ = std::fs::remove_dir_all(&dir2);
    export::write_all(&plain, &dir2).unwrap();
    assert!(!dir2.join("programme.csv").exists() && !dir2.join("warm-up.csv").exists());
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&dir2);
}

/// An export of the same workshop again updates the folder it wrote before; another workshop's
/// folder is never overwritten (the new one gets a number); the time running when the game was saved
/// is counted in.
#[test]
fn a_re_export_updates_its_own_folder_and_counts_the_running_time() {
    let base = std::env::temp_dir().join(format!("leerklimaat-re-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let folder = base.join("workshop");
    let mut game = Game::new(Session::new(
        deck::default_deck(),
        "2026-12-02 10:00".into(),
    ));
    game.apply(Action::AddPlayer {
        name: "Ada".into(),
        colour: None,
    })
    .unwrap();
    game.apply(Action::StartPlay).unwrap();
    let first = export::export_everything(&game, &folder).unwrap();
    assert_eq!(first, folder);
    game.apply(Action::SetGroup("Team Zuid".into())).unwrap();
    let card = game.session().current_card().unwrap();
    game.set_timer(TimerSave {
        shown: false,
        seconds: 120,
        phase_seconds: 0,
    });
    let again = export::export_everything(&game, &folder).unwrap();
    assert_eq!(again, folder, "the same workshop updates its folder");
    let report = std::fs::read_to_string(folder.join("report.md")).unwrap();
    assert!(report.contains("Team Zuid"), "the update is written");
    // The card on the table gets the 120 seconds the clock ran since the last action.
    let statements =
        String::from_utf8(std::fs::read(folder.join("statements.csv")).unwrap()).unwrap();
    let exported = session_file::load_game_file(&folder.join("session.ron")).unwrap();
    let recorded = exported.session().record(&card).map_or(0, |r| r.seconds);
    let minutes = leerklimaat::core::i18n::decimal(
        exported.session().language,
        (recorded + 120) as f64 / 60.0,
        2,
    );
    assert!(statements.contains(&minutes), "{minutes} in {statements}");
    // Another workshop does not overwrite it.
    let other = Game::new(Session::new(
        deck::default_deck(),
        "2020-01-01 09:00".into(),
    ));
    let third = export::export_everything(&other, &folder).unwrap();
    assert_ne!(third, folder);
    assert!(third.display().to_string().ends_with("(2)"), "{third:?}");
    let _ = std::fs::remove_dir_all(&base);
}

/// The part of a report before its full contents: the first page, for whoever was not in the room.
fn first_page(html: &str) -> &str {
    let start = html
        .find("<section class=\"summary\">")
        .expect("the report opens with its first page");
    let end = html[start..]
        .find("</section>")
        .expect("the first page ends")
        + start;
    assert!(
        html[..start].find("<h2>").is_none(),
        "nothing of the report stands before its first page"
    );
    &html[start..end]
}

/// Every report opens with one page that stands alone: the two stacks, a chart of the largest shifts
/// and the next steps, each cut to what fits an A4 page, with how many more the report holds.
#[test]
fn the_report_opens_with_a_page_that_stands_alone() {
    use leerklimaat::core::simulate::{SimulateSpec, simulate};
    let g = fixed_game(Lang::Nl);
    let html = export::report_html(g.session());
    let page = first_page(&html);
    for heading in [
        "In één oogopslag",
        "Groene stapel",
        "Rode stapel",
        "Verschuiving van mening",
    ] {
        assert!(page.contains(heading), "{heading}: {page}");
    }
    assert!(
        html.contains(".summary{break-after:page"),
        "a page of its own"
    );
    assert!(page.contains("Team Zorg &#38; Welzijn"), "{page}");

    // A heavy session: 60 statements, and every list cut with how many more there are.
    let heavy = simulate(SimulateSpec {
        players: 12,
        statements: 60,
        post_its: 200,
        seed: 7,
    });
    let s = heavy.session();
    let html = export::report_html(s);
    let page = first_page(&html);
    let rows = page.matches("<circle").count() / 2;
    assert_eq!(rows, 12, "the chart shows the twelve largest shifts");
    let tally = leerklimaat::core::tally::tally(s);
    let items = page.matches("<li>").count();
    let in_stacks = tally.green.len().min(6) + tally.red.len().min(6);
    assert_eq!(items, in_stacks, "at most six a stack: {page}");
    let more = page.matches("… en nog ").count();
    let cut_stacks = usize::from(tally.green.len() > 6) + usize::from(tally.red.len() > 6);
    assert!(cut_stacks > 0, "the heavy session fills a stack");
    assert_eq!(more, cut_stacks, "each cut list says so: {page}");
    assert!(
        page.len() < html.len() / 4,
        "the first page is a summary, not the report"
    );
    // Every line on it is short enough for its place.
    for li in page.split("<li>").skip(1) {
        let text = &li[..li.find("</li>").unwrap()];
        assert!(text.chars().count() <= 160, "{text}");
    }
}
