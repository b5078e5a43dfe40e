//! The system that draws the outcome panel ([`super::ui`]) and carries out what it asks: changes to
//! the session, the export, the pages, and the folder dialog (which reads the disk here, not in the
//! panel).

use super::ExportMsg;
use super::ExportState;
use super::present::{OutcomeView, PageNav};
use super::ui::OutcomeForm;
use super::ui::{OutcomeIntent, OutcomePanelView, outcome_panel};
use crate::app::Screen;
use crate::decks::ui::{BrowserIntent, FileBrowser};
use crate::game::{ActiveGame, GameMsg};
use crate::panels::{PanelSet, send};
use crate::texts::Tr;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// The outcome panel, drawn on the outcome screen.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<OutcomeForm>();
    app.add_systems(
        EguiPrimaryContextPass,
        outcome_ui
            .run_if(in_state(Screen::Outcome))
            .in_set(PanelSet::Screen),
    );
}

#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource
fn outcome_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut form: ResMut<OutcomeForm>,
    exports: Res<ExportState>,
    view: Res<OutcomeView>,
    mut drafts: ResMut<crate::game::OpenDrafts>,
    (mut writer, mut files, mut pages, mut redraw): (
        MessageWriter<GameMsg>,
        MessageWriter<ExportMsg>,
        MessageWriter<PageNav>,
        MessageWriter<RequestRedraw>,
    ),
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut out = Vec::new();
    let mut typed = drafts.drafts.clone();
    let panel = OutcomePanelView {
        game: game.game(),
        tr: &tr.0,
        pages: &view,
        exports: &exports,
    };
    let intents = outcome_panel(ctx, &panel, &mut form, &mut typed);
    if drafts.drafts != typed {
        drafts.update(typed);
    }
    for intent in intents {
        match intent {
            OutcomeIntent::Page(nav) => {
                pages.write(nav);
                redraw.write(RequestRedraw);
            }
            OutcomeIntent::Game(msg) => out.push(msg),
            OutcomeIntent::Files(msg) => {
                files.write(msg);
                redraw.write(RequestRedraw);
            }
            OutcomeIntent::ChooseFolder(typed) => {
                let start = crate::decks::browser::start_in(&typed);
                form.browser = Some(FileBrowser::new(start));
                redraw.write(RequestRedraw);
            }
            OutcomeIntent::Browser(intent) => {
                let form = &mut form;
                match intent {
                    BrowserIntent::Open(dir) => {
                        if let Some(browser) = form.browser.as_mut() {
                            browser.go(dir);
                        }
                    }
                    BrowserIntent::Chose(dir) => {
                        form.folder = Some(dir.display().to_string());
                        form.browser = None;
                    }
                    BrowserIntent::Cancel => form.browser = None,
                }
                redraw.write(RequestRedraw);
            }
        }
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}
