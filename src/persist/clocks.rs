//! The clock keeper: while the card's or the phase's clock runs and nothing else changes, a thread of
//! its own saves the game with its clocks every [`CLOCK_SAVE_EVERY`], so a crash loses at most that
//! much of them and the room's screen draws no frame for it (an idle app wakes only for input).
//!
//! Every save of the game goes through the keeper ([`ClockKeeper::save`]), under one lock, so the
//! thread and the frame never write the file at the same time, and the thread only ever writes the
//! game as last saved, at the file it was saved to, with the clocks as they are now.

use super::CLOCK_SAVE_EVERY;
use crate::core::session::{Game, TimerSave};
use crate::core::store::Store;
use crate::game::{CardClock, PhaseClock};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The clocks of the card on the table and of the programme's phase, as the keeper reads them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clocks {
    /// The session file these clocks belong to (none before the first save).
    pub(crate) file: Option<PathBuf>,
    pub(crate) shown: bool,
    /// A card is on the table, so its clock runs.
    pub(crate) card_on: bool,
    pub(crate) card_since: Instant,
    pub(crate) card_offset: u64,
    /// The phase that runs, since when and with how many seconds before.
    pub(crate) phase: Option<(Instant, u64)>,
}

impl Clocks {
    pub(crate) fn read(card: &CardClock, phase: &PhaseClock, file: Option<&Path>) -> Clocks {
        Clocks {
            file: file.map(Path::to_path_buf),
            shown: card.shown,
            card_on: card.card.is_some(),
            card_since: card.since,
            card_offset: card.offset,
            phase: phase.phase.map(|_| (phase.since, phase.offset)),
        }
    }

    /// Whether time passing changes what would be saved.
    fn running(&self) -> bool {
        self.card_on || self.phase.is_some()
    }

    /// The timer to save at `now`: the same reading as the board's clocks.
    pub(crate) fn timer(&self, now: Instant) -> TimerSave {
        let since = |at: Instant, offset: u64| {
            now.saturating_duration_since(at)
                .as_secs()
                .saturating_add(offset)
        };
        TimerSave {
            shown: self.shown,
            seconds: since(self.card_since, self.card_offset),
            phase_seconds: self.phase.map_or(0, |(at, offset)| since(at, offset)),
        }
    }
}

/// The game as last saved, and where.
struct Saved {
    store: Store,
    path: PathBuf,
    game: Game,
}

struct Kept {
    saved: Option<Saved>,
    clocks: Option<Clocks>,
    /// When the file was last written, by a save or by the keeper.
    written: Instant,
    every: Duration,
    /// Why the keeper's last write failed, for the game to show (and to try again from the frame).
    failed: Option<String>,
    writes: u64,
    stop: bool,
    wake_app: Option<Box<dyn Fn() + Send>>,
}

struct Shared {
    kept: Mutex<Kept>,
    changed: Condvar,
}

/// Saves the clocks from a thread while they run; every save of the game goes through it.
#[derive(Resource)]
pub struct ClockKeeper {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Default for ClockKeeper {
    fn default() -> Self {
        ClockKeeper::new(CLOCK_SAVE_EVERY)
    }
}

impl ClockKeeper {
    /// A keeper that saves running clocks `every` so long after the last write.
    pub fn new(every: Duration) -> ClockKeeper {
        let shared = Arc::new(Shared {
            kept: Mutex::new(Kept {
                saved: None,
                clocks: None,
                written: Instant::now(),
                every,
                failed: None,
                writes: 0,
                stop: false,
                wake_app: None,
            }),
            changed: Condvar::new(),
        });
        let for_thread = shared.clone();
        let thread = std::thread::Builder::new()
            .name("clock keeper".into())
            .spawn(move || keep(&for_thread))
            .ok();
        ClockKeeper { shared, thread }
    }

    fn kept(&self) -> MutexGuard<'_, Kept> {
        // A panic while the lock was held leaves plain data behind: go on with it.
        self.shared
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Saves the game to `path` now, and keeps a copy for the clocks' saves to come. A failed save
    /// stops them until the next save succeeds: the copy would no longer be what the game holds.
    pub(crate) fn save(
        &self,
        store: &Store,
        path: &Path,
        game: &Game,
        clocks: Clocks,
    ) -> std::io::Result<Duration> {
        let mut kept = self.kept();
        let result = store.save(path, game);
        kept.saved = result.is_ok().then(|| Saved {
            store: store.clone(),
            path: path.to_path_buf(),
            game: game.copy_without_checkpoints(),
        });
        if result.is_ok() {
            kept.written = Instant::now();
            kept.failed = None;
        }
        kept.clocks = Some(clocks);
        self.shared.changed.notify_all();
        result
    }

    /// Tells the keeper how the clocks run now (a card came on the table, the timer was shown, the
    /// game moved to another file).
    pub(crate) fn set_clocks(&self, clocks: Clocks) {
        let mut kept = self.kept();
        if kept.clocks.as_ref() != Some(&clocks) {
            kept.clocks = Some(clocks);
            self.shared.changed.notify_all();
        }
    }

    /// How to wake the window when a save from the thread fails, so the warning shows at once.
    pub(crate) fn wake_app_with(&self, wake: Box<dyn Fn() + Send>) {
        self.kept().wake_app = Some(wake);
    }

    /// Why the keeper's last save failed, once. Asked every frame, so it never waits for a save in
    /// progress: that one's failure is reported at the next frame.
    pub(crate) fn take_failure(&self) -> Option<String> {
        match self.shared.kept.try_lock() {
            Ok(mut kept) => kept.failed.take(),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner().failed.take(),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// How many times the keeper saved the clocks.
    pub fn writes(&self) -> u64 {
        self.kept().writes
    }

    /// Saves the clocks this often from now on (tests make it short).
    pub fn set_every(&self, every: Duration) {
        self.kept().every = every;
        self.shared.changed.notify_all();
    }
}

impl Drop for ClockKeeper {
    fn drop(&mut self) {
        self.kept().stop = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The keeper's thread: sleeps until running clocks are due, saves them, and sleeps again.
fn keep(shared: &Shared) {
    let lock = || {
        shared
            .kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    };
    let mut kept = lock();
    loop {
        if kept.stop {
            return;
        }
        let due = match (&kept.saved, &kept.clocks) {
            (Some(saved), Some(clocks))
                if clocks.running() && clocks.file.as_ref() == Some(&saved.path) =>
            {
                Some(kept.written + kept.every)
            }
            _ => None,
        };
        let now = Instant::now();
        match due {
            None => {
                kept = shared
                    .changed
                    .wait(kept)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
            Some(at) if at > now => {
                kept = shared
                    .changed
                    .wait_timeout(kept, at - now)
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .0;
            }
            Some(_) => {
                let Kept { saved, clocks, .. } = &mut *kept;
                let (Some(saved), Some(clocks)) = (saved.as_mut(), clocks.as_ref()) else {
                    continue;
                };
                saved.game.set_timer(clocks.timer(now));
                let result = saved.store.save(&saved.path, &saved.game);
                kept.written = Instant::now();
                match result {
                    Ok(_) => {
                        kept.writes += 1;
                    }
                    Err(e) => {
                        let path = kept.saved.as_ref().map(|s| s.path.display().to_string());
                        kept.failed = Some(format!("{}: {e}", path.unwrap_or_default()));
                        // The frame tries again (every two seconds while a save fails).
                        kept.saved = None;
                        if let Some(wake) = &kept.wake_app {
                            wake();
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clocks(file: &Path, since: Instant, offset: u64) -> Clocks {
        Clocks {
            file: Some(file.to_path_buf()),
            shown: true,
            card_on: true,
            card_since: since,
            card_offset: offset,
            phase: Some((since, 5)),
        }
    }

    fn seconds(path: &Path) -> TimerSave {
        crate::core::session_file::load_game_file(path)
            .unwrap()
            .timer()
    }

    fn wait_until(what: &str, done: impl Fn() -> bool) {
        // A deadline far above any machine's pace: the test waits for the state, not for a time.
        let deadline = Instant::now() + Duration::from_secs(60);
        while !done() {
            assert!(Instant::now() < deadline, "waited a minute for {what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn game() -> Game {
        let mut session = crate::core::session::Session::new(
            crate::core::deck::default_deck(),
            "2026-12-07T10:00".into(),
        );
        session.group = "Team".into();
        Game::new(session)
    }

    /// Running clocks are saved by the thread, with no frame and no save from the game; clocks that
    /// stand still, or that belong to another file, are not.
    #[test]
    fn running_clocks_are_saved_from_the_thread() {
        let dir = std::env::temp_dir().join(format!("leerklimaat-keeper-{}", std::process::id()));
        let store = Store::new(&dir);
        let path = dir.join("a.session.ron");
        let keeper = ClockKeeper::new(Duration::from_secs(3600));
        let start = Instant::now();
        keeper
            .save(&store, &path, &game(), clocks(&path, start, 0))
            .unwrap();
        assert_eq!(seconds(&path).seconds, 0);
        // An hour between writes: none yet.
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(keeper.writes(), 0);

        // Seven minutes on the card: due at once with a short interval.
        keeper.set_clocks(clocks(&path, start, 7 * 60));
        keeper.set_every(Duration::from_millis(1));
        wait_until("the clocks saved", || keeper.writes() > 0);
        let timer = seconds(&path);
        assert!(timer.seconds >= 7 * 60, "{timer:?}");
        assert!(timer.phase_seconds >= 5 && timer.shown, "{timer:?}");
        // The rest of the game is what was saved.
        let loaded = crate::core::session_file::load_game_file(&path).unwrap();
        assert_eq!(loaded.session(), game().session());

        // Clocks of another file are not written into this one.
        keeper.set_every(Duration::from_secs(3600));
        let other = dir.join("b.session.ron");
        keeper.set_clocks(clocks(&other, start, 9 * 60));
        keeper.set_every(Duration::from_millis(1));
        let writes = keeper.writes();
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(keeper.writes(), writes, "wrote clocks of another file");
        assert!(seconds(&path).seconds < 9 * 60);
        assert!(!other.exists());

        // No clock runs: nothing to save.
        let mut still = clocks(&path, start, 11 * 60);
        still.card_on = false;
        still.phase = None;
        keeper.set_clocks(still);
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(keeper.writes(), writes, "saved clocks that stand still");
        drop(keeper);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A save from the thread that fails is reported once, wakes the window, and stops the thread's
    /// saves until the game saves again.
    #[test]
    fn a_failed_save_from_the_thread_is_reported() {
        let dir =
            std::env::temp_dir().join(format!("leerklimaat-keeper-fail-{}", std::process::id()));
        let store = Store::new(&dir);
        let path = dir.join("a.session.ron");
        let keeper = ClockKeeper::new(Duration::from_secs(3600));
        let woken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = woken.clone();
        keeper.wake_app_with(Box::new(move || {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }));
        keeper
            .save(&store, &path, &game(), clocks(&path, Instant::now(), 0))
            .unwrap();
        // The file's place becomes a folder: a save there fails.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir_all(path.join("in the way")).unwrap();
        keeper.set_every(Duration::from_millis(1));
        let deadline = Instant::now() + Duration::from_secs(60);
        let failure = loop {
            if let Some(failure) = keeper.take_failure() {
                break failure;
            }
            assert!(Instant::now() < deadline, "waited a minute for the failure");
            std::thread::sleep(Duration::from_millis(5));
        };
        assert!(failure.contains("a.session.ron"), "{failure}");
        assert_eq!(keeper.take_failure(), None, "reported once");
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(woken.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert_eq!(keeper.writes(), 0);
        drop(keeper);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The keeper reads the clocks as the board does: seconds since the clock started, plus those
    /// before it; a phase that does not run has none.
    #[test]
    fn the_timer_is_the_seconds_since_plus_those_before() {
        let start = Instant::now();
        let mut c = clocks(Path::new("x"), start, 100);
        c.phase = None;
        let later = start + Duration::from_millis(61_500);
        assert_eq!(
            c.timer(later),
            TimerSave {
                shown: true,
                seconds: 161,
                phase_seconds: 0
            }
        );
        c.phase = Some((start + Duration::from_secs(60), 7));
        assert_eq!(c.timer(later).phase_seconds, 8);
        // A reading from before the clock started counts nothing since.
        assert_eq!(c.timer(start - Duration::from_secs(5)).seconds, 100);
    }
}
