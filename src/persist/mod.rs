//! Nothing lost: the session is saved after every change, before the frame that shows it; a failed
//! save is retried and shown; past sessions are listed, reopened, exported, renamed and deleted.

use crate::app::{AppSystems, Screen};
use crate::core::session::Action;
use crate::core::store::{Damaged, Listing, LockError, Store};
use crate::game::{
    ActiveGame, CardClock, GameMsg, OpenDrafts, PhaseClock, SessionChanged, apply_messages,
};
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use std::path::PathBuf;
use std::time::{Duration, Instant};

mod clocks;
pub use clocks::ClockKeeper;
use clocks::Clocks;

/// Where the game is saved.
#[derive(Resource, Debug, Clone)]
pub struct SaveTarget {
    pub(crate) store: Store,
    /// The file of the game being played; made on the first save.
    pub path: Option<PathBuf>,
}

/// The lock on the session file this window plays, so no second window writes it.
#[derive(Resource, Debug, Default)]
pub struct HeldLock(pub Option<crate::core::store::SessionLock>);

/// How saving goes, for the warning in the game and for tests.
#[derive(Resource, Debug, Default)]
pub struct SaveStatus {
    /// Why the last save failed, if it did. The game keeps everything in memory and tries again.
    pub error: Option<String>,
    pub last_try: Option<Instant>,
    /// Saves that succeeded, and the number of actions in the history at the last one.
    pub(crate) saves: u64,
    pub saved_actions: usize,
    pub(crate) last_duration: Option<Duration>,
    /// When the last save from the frame succeeded (the clocks are saved in between by the
    /// [`ClockKeeper`]).
    pub last_saved: Option<Instant>,
}

/// How long the clocks may run before they are saved without an action (by the [`ClockKeeper`]'s
/// thread, so no frame is drawn for it).
pub const CLOCK_SAVE_EVERY: Duration = Duration::from_secs(30);

/// Closing the window while work is not on disk: the question asked, and how saving elsewhere went.
#[derive(Resource, Debug, Default)]
pub struct CloseGuard {
    /// The window was asked to close while the last changes are not saved.
    pub asking: bool,
    /// The window was asked to close while a field holds text not entered yet (saved as a draft).
    pub asking_drafts: bool,
    /// The last attempt to save the session somewhere else.
    pub(crate) saved_elsewhere: Option<Result<PathBuf, String>>,
}

/// The answer to the close question.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum CloseAnswer {
    /// Save the session to this file, then close.
    SaveElsewhere(PathBuf),
    /// Close and lose what is not saved.
    CloseAnyway,
    /// Back to the game.
    Stay,
}

/// Whether everything the session holds is on disk, its drafts included.
pub(crate) fn all_saved(status: &SaveStatus, game: &ActiveGame, drafts: &OpenDrafts) -> bool {
    status.error.is_none()
        && status.saved_actions == game.game().done().len()
        && !drafts.unsaved.pending()
}

/// The past sessions on the setup screen.
#[derive(Resource, Debug, Default)]
pub struct PastSessions {
    pub listings: Vec<Listing>,
    pub damaged: Vec<Damaged>,
    /// An unfinished session to offer to continue, found when the app started.
    pub offer: Option<Listing>,
    /// Where the last export from the list went, or why it failed.
    pub exported: Option<Result<PathBuf, String>>,
    /// A session that could be read but not continued where it is (its folder cannot be written to,
    /// or has no locks): the setup screen says so and offers to continue from a copy.
    pub stuck: Option<Stuck>,
}

/// A session that cannot be continued in its own folder, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Stuck {
    pub path: PathBuf,
    /// The folder cannot be written to (read-only, a write-protected USB stick, someone else's
    /// folder); otherwise the session cannot be locked there.
    pub read_only: bool,
    /// The system's reason, for the small print.
    pub reason: String,
    /// Why the copy failed, if it was tried and did.
    pub copy_failed: Option<String>,
}

/// What the setup screen asks of the session files.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum StoreMsg {
    /// Continue a saved session where it was.
    Open(PathBuf),
    Delete(PathBuf),
    Rename(PathBuf, String),
    Export(PathBuf),
    /// Mark a session finished wherever it stopped, so it is no longer offered.
    MarkFinished(PathBuf),
    /// Continue a session that cannot be continued where it is from a copy in the sessions folder.
    OpenCopy(PathBuf),
    /// Forget the offer to continue (and a session that could not be continued).
    Dismiss,
    /// Make the session being set up a follow-up of this saved one: its deck, its group and its
    /// players come along, with what it carries over ([`crate::core::session::LastTime`]).
    FollowUp(PathBuf),
    /// Combine these sessions into one overview, shown on the setup screen.
    Overview(Vec<PathBuf>),
    /// Write the overview shown into a new folder under the user's documents.
    ExportOverview,
    CloseOverview,
}

/// The overview of several past sessions, as shown in the app.
#[derive(Resource, Debug, Default)]
pub struct OverviewView {
    pub overview: Option<crate::core::merge::Overview>,
    pub(crate) problems: Vec<String>,
    pub(crate) exported: Option<Result<PathBuf, String>>,
}

/// Writes the overview files into a new folder under `base`; returns the folder.
pub fn export_overview(
    o: &crate::core::merge::Overview,
    lang: crate::core::session::Lang,
    base: &std::path::Path,
) -> Result<PathBuf, String> {
    let dir = crate::core::export::fresh_dir(base.join(format!(
        "overzicht {}",
        crate::core::session::now_stamp().replace(':', "-")
    )));
    // Group names and post-its: readable by the user only, as the sessions and their exports.
    crate::core::files::create_private_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = crate::core::merge::overview_files(o, lang)?;
    for (name, bytes) in files {
        crate::core::files::write_private(&dir.join(name), &bytes)
            .map_err(|e| format!("{}: {e}", dir.join(name).display()))?;
    }
    Ok(dir)
}

/// Saves to `store`; the caller decides the folder (the user's data folder, or a test's).
pub(super) fn plugin(store: Store, resume: Option<PathBuf>) -> impl Fn(&mut App) {
    move |app: &mut App| {
        let mut past = PastSessions::default();
        let (listings, damaged) = store.list();
        past.offer = crate::core::store::to_resume(&listings, None).cloned();
        past.listings = listings;
        past.damaged = damaged;
        app.insert_resource(SaveTarget {
            store: store.clone(),
            path: None,
        })
        .insert_resource(past)
        .init_resource::<SaveStatus>()
        .init_resource::<ClockKeeper>()
        .init_resource::<HeldLock>()
        .init_resource::<CloseGuard>()
        .add_message::<CloseAnswer>()
        .add_message::<bevy::window::WindowCloseRequested>()
        .add_message::<AppExit>()
        .init_resource::<OverviewView>()
        .add_message::<StoreMsg>();
        if let Some(path) = &resume {
            open_file(app.world_mut(), path.clone());
        }
        app.add_systems(
            Update,
            (
                autosave.after(apply_messages).run_if(
                    on_message::<SessionChanged>
                        .or_else(|s: Res<SaveStatus>| s.error.is_some())
                        .or_else(|d: Res<OpenDrafts>| d.unsaved.due()),
                ),
                keep_clocks.after(autosave),
                // Before the apply, so a resumed game replaces the old one before anything is saved.
                handle_store_messages
                    .before(apply_messages)
                    .run_if(on_message::<StoreMsg>),
            )
                .in_set(AppSystems::Apply),
        );
        app.add_systems(OnEnter(Screen::Setup), refresh_list);
        app.add_systems(Startup, wake_on_a_failed_clock_save);
        app.add_systems(
            Update,
            (
                guard_close.run_if(on_message::<bevy::window::WindowCloseRequested>),
                answer_close.run_if(on_message::<CloseAnswer>),
            )
                .after(autosave)
                .in_set(AppSystems::Apply),
        );
    }
}

/// Loads a session file into the game and makes it the save target. A damaged file is set aside and
/// reported in the list.
fn open_file(world: &mut World, path: PathBuf) {
    let store = world.resource::<SaveTarget>().store.clone();
    // A session open in another window is neither loaded nor written here.
    let lock = match crate::core::store::lock_session(&path) {
        Ok(lock) => lock,
        Err(e) => {
            let cannot_lock = match &e {
                LockError::ReadOnly { reason, .. } => Some((true, reason.clone())),
                LockError::Io { reason, .. } => Some((false, reason.clone())),
                LockError::Elsewhere(_) => None,
            };
            let problem = match cannot_lock {
                // The folder cannot be written to (or has no locks), but the file can be read: the
                // setup screen says so and offers to continue from a copy.
                Some((read_only, reason)) => store.open(&path).map(|_| Stuck {
                    path,
                    read_only,
                    reason,
                    copy_failed: None,
                }),
                None => Err(Damaged {
                    message: e.to_string(),
                    moved_to: None,
                }),
            };
            let mut past = world.resource_mut::<PastSessions>();
            past.offer = None;
            match problem {
                Ok(stuck) => past.stuck = Some(stuck),
                Err(d) => past.damaged.push(d),
            }
            return;
        }
    };
    match store.open(&path) {
        Ok(game) => {
            let timer = game.timer();
            world.resource_mut::<HeldLock>().0 = Some(lock);
            world.resource_mut::<SaveTarget>().path = Some(path);
            {
                let mut clock = world.resource_mut::<CardClock>();
                clock.shown = timer.shown;
                clock.card = None;
                clock.resume_seconds = timer.seconds;
            }
            {
                // The programme's phase goes on where it was, like the card's clock.
                let mut programme = world.resource_mut::<crate::game::PhaseClock>();
                programme.phase = None;
                programme.resume_seconds = timer.phase_seconds;
            }
            {
                let mut past = world.resource_mut::<PastSessions>();
                past.offer = None;
                past.stuck = None;
            }
            world.write_message(GameMsg::Load(Box::new(game)));
            world.write_message(RequestRedraw);
        }
        Err(d) => {
            let mut past = world.resource_mut::<PastSessions>();
            past.damaged.push(d);
            past.offer = None;
        }
    }
}

/// What a save writes and where, and how it went.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct Saving<'w> {
    game: ResMut<'w, ActiveGame>,
    target: ResMut<'w, SaveTarget>,
    status: ResMut<'w, SaveStatus>,
    clock: Res<'w, CardClock>,
    programme: Res<'w, PhaseClock>,
    drafts: ResMut<'w, OpenDrafts>,
    lock: ResMut<'w, HeldLock>,
    keeper: Res<'w, ClockKeeper>,
    redraw: MessageWriter<'w, RequestRedraw>,
}

impl Saving<'_> {
    /// Saves the game now, with its clocks and its drafts. Returns whether everything is on disk.
    fn save(&mut self) -> bool {
        let path = match &self.target.path {
            Some(p) => p.clone(),
            // No file for a session nobody has typed anything into yet.
            None if self.game.session().is_blank() => return true,
            None => {
                let p = self.target.store.new_path(&self.game.session().started_at);
                self.target.path = Some(p.clone());
                // A new file: nobody else has it. Should the lock fail (a folder without locks), the
                // game is saved all the same.
                self.lock.0 = crate::core::store::lock_session(&p).ok();
                p
            }
        };
        let clocks = Clocks::read(&self.clock, &self.programme, Some(&path));
        let timer = clocks.timer(Instant::now());
        // The clocks and the drafts are saved with the game but are no change to what is drawn.
        self.game
            .bypass_change_detection()
            .keep_for_saving(timer, &self.drafts.drafts);
        self.status.last_try = Some(Instant::now());
        let saved = self
            .keeper
            .save(&self.target.store, &path, self.game.game(), clocks);
        match saved {
            Ok(took) => {
                hold_lock(&mut self.lock, &path);
                if self.status.error.is_some() {
                    self.redraw.write(RequestRedraw);
                }
                self.status.error = None;
                self.status.saves += 1;
                self.status.saved_actions = self.game.game().done().len();
                self.status.last_duration = Some(took);
                self.status.last_saved = Some(Instant::now());
                if self.drafts.unsaved.pending() {
                    self.drafts.bypass_change_detection().unsaved.saved();
                }
                true
            }
            Err(e) => {
                if self.status.error.is_none() {
                    self.redraw.write(RequestRedraw);
                }
                self.status.error = Some(format!("{}: {e}", path.display()));
                false
            }
        }
    }
}

/// Saves the game after a change, when typing stopped, and again every two seconds while saving
/// fails. While a clock runs, the [`ClockKeeper`] saves it in between.
pub(crate) fn autosave(mut changes: MessageReader<SessionChanged>, mut saving: Saving) {
    let changed = changes.read().count() > 0 || saving.drafts.unsaved.due();
    if !changed
        && saving
            .status
            .last_try
            .is_some_and(|t| t.elapsed() < Duration::from_secs(2))
    {
        return;
    }
    saving.save();
}

/// Tells the [`ClockKeeper`] how the clocks run now, and shows a save of its that failed (the frame
/// then tries again every two seconds, as after any failed save).
fn keep_clocks(
    keeper: Res<ClockKeeper>,
    clock: Res<CardClock>,
    programme: Res<PhaseClock>,
    target: Res<SaveTarget>,
    mut status: ResMut<SaveStatus>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if clock.is_changed() || programme.is_changed() || target.is_changed() {
        keeper.set_clocks(Clocks::read(&clock, &programme, target.path.as_deref()));
    }
    if let Some(why) = keeper.take_failure() {
        if status.error.is_none() {
            redraw.write(RequestRedraw);
        }
        status.error = Some(why);
    }
}

/// A save of the clocks that fails on the keeper's thread wakes the window, so the warning shows
/// without waiting for input.
fn wake_on_a_failed_clock_save(
    keeper: Res<ClockKeeper>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    if let Some(proxy) = proxy {
        let proxy = (**proxy).clone();
        keeper.wake_app_with(Box::new(move || {
            let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
        }));
    }
}

/// Takes the lock of the file just saved if this window does not hold it yet: the first try (when the
/// file was chosen) fails when its folder is not there or not writable yet, a USB stick mounted late.
/// From the first save that succeeds on, no second window opens or writes the session.
fn hold_lock(lock: &mut HeldLock, path: &std::path::Path) {
    if lock.0.as_ref().is_none_or(|l| l.session != path) {
        lock.0 = crate::core::store::lock_session(path).ok();
    }
}

fn refresh_list(target: Res<SaveTarget>, mut past: ResMut<PastSessions>) {
    let (listings, damaged) = target.store.list();
    past.listings = listings
        .into_iter()
        .filter(|l| Some(&l.path) != target.path.as_ref())
        .collect();
    past.damaged.extend(damaged);
}

fn handle_store_messages(world: &mut World) {
    let msgs: Vec<StoreMsg> = world.resource_mut::<Messages<StoreMsg>>().drain().collect();
    for msg in msgs {
        let store = world.resource::<SaveTarget>().store.clone();
        match msg {
            StoreMsg::Open(path) => open_file(world, path),
            StoreMsg::Delete(path) => {
                if let Err(e) = store.delete(&path) {
                    world.resource_mut::<PastSessions>().damaged.push(Damaged {
                        message: format!("{}: {e}", path.display()),
                        moved_to: None,
                    });
                }
            }
            StoreMsg::Rename(path, name) => {
                if let Err(d) = change_saved(&store, &path, Action::SetGroup(name)) {
                    world.resource_mut::<PastSessions>().damaged.push(d);
                }
            }
            StoreMsg::MarkFinished(path) => {
                if let Err(d) = change_saved(&store, &path, Action::MarkFinished) {
                    world.resource_mut::<PastSessions>().damaged.push(d);
                }
                // The offer moves on to the next session worth continuing, if there is one.
                let offered = world.resource::<PastSessions>().offer.clone();
                if offered.is_some_and(|o| o.path == path) {
                    let current = world.resource::<SaveTarget>().path.clone();
                    let listings = store.list().0;
                    world.resource_mut::<PastSessions>().offer =
                        crate::core::store::to_resume(&listings, current.as_deref()).cloned();
                }
            }
            StoreMsg::OpenCopy(path) => match copy_into(&store, &path) {
                Ok(copy) => open_file(world, copy),
                Err(why) => {
                    if let Some(stuck) = world.resource_mut::<PastSessions>().stuck.as_mut() {
                        stuck.copy_failed = Some(why);
                    }
                }
            },
            StoreMsg::Export(path) => {
                let result = match store.open(&path) {
                    Ok(game) => crate::core::export::export_everything(
                        &game,
                        &crate::core::export::default_export_dir(&game),
                    ),
                    Err(d) => Err(d.message),
                };
                world.resource_mut::<PastSessions>().exported = Some(result);
            }
            StoreMsg::FollowUp(path) => match store.open(&path) {
                Ok(earlier) => {
                    let now = world.resource::<ActiveGame>().session();
                    let actions =
                        crate::core::session::follow_up_actions(now, earlier.session(), false);
                    for action in actions {
                        world.write_message(GameMsg::Do(action));
                    }
                }
                Err(d) => world.resource_mut::<PastSessions>().damaged.push(d),
            },
            StoreMsg::Dismiss => {
                let mut past = world.resource_mut::<PastSessions>();
                past.offer = None;
                past.stuck = None;
            }
            StoreMsg::Overview(paths) => {
                let (inputs, problems) = crate::core::merge::load_for_merge(&paths);
                let mut view = world.resource_mut::<OverviewView>();
                view.problems = problems.iter().map(|p| p.error.to_string()).collect();
                view.overview = (!inputs.is_empty()).then(|| {
                    crate::core::merge::merge_with(
                        &inputs,
                        crate::core::merge::MergeOptions {
                            order: crate::core::merge::RowOrder::Red,
                            ..Default::default()
                        },
                    )
                });
                view.exported = None;
            }
            StoreMsg::ExportOverview => {
                let lang = world.resource::<ActiveGame>().session().language;
                let base =
                    crate::core::export::default_export_dir(world.resource::<ActiveGame>().game());
                let base = base
                    .parent()
                    .map(std::path::Path::to_path_buf)
                    .unwrap_or(base);
                let mut view = world.resource_mut::<OverviewView>();
                if let Some(o) = &view.overview {
                    let result = export_overview(o, lang, &base);
                    view.exported = Some(result);
                }
            }
            StoreMsg::CloseOverview => {
                *world.resource_mut::<OverviewView>() = OverviewView::default();
            }
        }
        let (listings, damaged) = store.list();
        let current = world.resource::<SaveTarget>().path.clone();
        let mut past = world.resource_mut::<PastSessions>();
        past.listings = listings
            .into_iter()
            .filter(|l| Some(&l.path) != current.as_ref())
            .collect();
        past.damaged.extend(damaged);
        world.write_message(RequestRedraw);
    }
}

/// Opens a session file of the list, applies one action to it and saves it, holding its lock meanwhile
/// (a session open in another window is not changed).
fn change_saved(store: &Store, path: &std::path::Path, action: Action) -> Result<(), Damaged> {
    let problem = |message: String| Damaged {
        message,
        moved_to: None,
    };
    let _lock = crate::core::store::lock_session(path).map_err(|e| problem(e.to_string()))?;
    let mut game = store.open(path)?;
    if game.apply(action).is_ok() {
        store
            .save(path, &game)
            .map_err(|e| problem(format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// Copies a session into the sessions folder as a new file, with its whole history; returns the copy.
fn copy_into(store: &Store, path: &std::path::Path) -> Result<PathBuf, String> {
    let game = store.open(path).map_err(|d| d.message)?;
    let copy = store.new_path(&game.session().started_at);
    store
        .save(&copy, &game)
        .map_err(|e| format!("{}: {e}", copy.display()))?;
    Ok(copy)
}

/// The window asks to close: the game is saved first, clocks and drafts too. It closes when everything
/// is on disk and no field holds text not entered; otherwise the facilitator is asked first (the
/// window does not close by itself: see `app.rs`).
fn guard_close(
    mut requests: MessageReader<bevy::window::WindowCloseRequested>,
    mut saving: Saving,
    mut deck_draft: Option<ResMut<crate::decks::DeckDraft>>,
    mut guard: ResMut<CloseGuard>,
    mut exit: MessageWriter<AppExit>,
) {
    if requests.read().count() == 0 {
        return;
    }
    let saved = saving.save();
    info!(
        "the window was asked to close: saved {saved}, {} drafts, deck edited {}",
        saving.drafts.drafts.len(),
        deck_draft.as_ref().is_some_and(|d| d.editing.is_some())
    );
    let dir = saving.target.store.dir.clone();
    let deck_edited = match deck_draft.as_mut() {
        Some(d) => {
            if d.unsaved.pending() {
                let _ = d.write(&dir);
            }
            d.editing.is_some()
        }
        None => false,
    };
    if !saved || !all_saved(&saving.status, &saving.game, &saving.drafts) {
        guard.asking = true;
    } else if !saving.drafts.drafts.is_empty() || deck_edited {
        guard.asking_drafts = true;
    } else {
        exit.write(AppExit::Success);
        return;
    }
    saving.redraw.write(RequestRedraw);
}

fn answer_close(
    mut answers: MessageReader<CloseAnswer>,
    game: Res<ActiveGame>,
    mut guard: ResMut<CloseGuard>,
    mut exit: MessageWriter<AppExit>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    for answer in answers.read() {
        redraw.write(RequestRedraw);
        match answer {
            CloseAnswer::Stay => {
                guard.asking = false;
                guard.asking_drafts = false;
            }
            CloseAnswer::CloseAnyway => {
                exit.write(AppExit::Success);
            }
            CloseAnswer::SaveElsewhere(path) => {
                let result = path
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| crate::core::store::save_to(path, game.game()))
                    .map(|_| path.clone())
                    .map_err(|e| format!("{}: {e}", path.display()));
                if result.is_ok() {
                    exit.write(AppExit::Success);
                }
                guard.saved_elsewhere = Some(result);
            }
        }
    }
}
