//! The system that draws the facilitator's panel at the table ([`super::ui`]) and carries out what it
//! asks: the session's changes, the timer, the post-it in the editor, the post-it field's focus and
//! the scrolled rows.

use super::ui::PlayForm;
use super::ui::{PlayIntent, PlayView, play_panel};
use crate::app::AtTable;
use crate::game::{ActiveGame, CardClock, GameMsg};
use crate::keys::FocusPostItField;
use crate::panels::{PanelSet, send};
use crate::table::post_it::SelectedPostIt;
use crate::texts::Tr;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

/// The facilitator's panel, drawn on the Play and the Plenary screens.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<PlayForm>();
    app.add_systems(
        EguiPrimaryContextPass,
        play_ui.run_if(in_state(AtTable)).in_set(PanelSet::Screen),
    );
}

#[allow(clippy::too_many_arguments)]
fn play_ui(
    mut contexts: EguiContexts,
    game: Res<ActiveGame>,
    tr: Res<Tr>,
    mut form: ResMut<PlayForm>,
    mut clock: ResMut<CardClock>,
    mut selected_note: ResMut<SelectedPostIt>,
    mut focus: ResMut<FocusPostItField>,
    mut scroll: ResMut<crate::table::post_it::PostItScroll>,
    mut drafts: ResMut<crate::game::OpenDrafts>,
    mut writer: MessageWriter<GameMsg>,
    mut redraw: MessageWriter<RequestRedraw>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let view = PlayView {
        session: game.session(),
        tr: &tr.0,
        can_undo: game.game().can_undo(),
        can_redo: game.game().can_redo(),
        timer_shown: clock.shown,
        selected_note: selected_note.0,
        focus_field: focus.0,
        post_it_scroll: scroll.0,
    };
    let mut typed = drafts.drafts.clone();
    let mut out = Vec::new();
    // Each resource is written only when it changes, so the world is not redrawn every frame.
    for intent in play_panel(ctx, &view, &mut form, &mut typed) {
        match intent {
            PlayIntent::Game(msg) => out.push(msg),
            PlayIntent::ShowTimer(shown) => {
                clock.shown = shown;
                clock.shown_from = if shown { clock.seconds() } else { 0 };
            }
            PlayIntent::SelectPostIt(note) => selected_note.0 = note,
            PlayIntent::FocusPostItField(on) => focus.0 = on,
            PlayIntent::ScrollPostIts(rows) => scroll.0 = rows,
        }
    }
    if drafts.drafts != typed {
        drafts.update(typed);
    }
    send(out, &mut writer, &mut redraw);
    Ok(())
}
