//! App state: the small set of functions the views read and write through.
//!
//! Views never call storage. They read `ws` and the status signals, and change things with
//! [`AppState::edit`], [`AppState::import`], [`AppState::export_workspace`] and friends.
//!
//! Saving follows the rules in the README: nothing is written before the load finished;
//! edits are saved 300 ms after the last one and on `pagehide`; before each write the stored
//! revision is compared with the one this tab loaded, so a stale tab never silently
//! overwrites another tab's newer save.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::model::{Id, ModelResult, Problem, Timestamp, Workspace};
use crate::storage::backups::BackupInfo;
pub use crate::storage::kv::Backend as StoreBackend;
use crate::storage::browser::{self, Loaded, StorageError, StoredRevision};
use crate::storage::format::{
    decode_document, encode_community, encode_workspace, CommunityBundle, Document, LoadError,
};
use crate::model::evaluation::Story;
use crate::model::merge::{MergePlan, Side};
use crate::storage::import::{merge_files, plan, Counts, ImportPlan};
use crate::storage::pieces;
use crate::storage::offline::{self, OfflineStatus};
use crate::storage::workspaces::{self, ParkedInfo};

/// A piece of the workspace to share as a file.
#[derive(Clone, Debug, PartialEq)]
pub enum SharePiece {
    Community(Id),
    /// A community's meeting.
    Meeting(Id, Id),
    Stories(Id),
    /// A story-collection file for participants, with the facilitator's invitation.
    Collection(Id, String),
}

/// Debounce between the last edit and the save.
pub const SAVE_DELAY_MS: u64 = 300;

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Reading storage; nothing is shown or saved yet.
    Loading,
    /// Nothing stored: offer a new or a sample workspace.
    Welcome,
    Ready,
    /// The stored value could not be loaded; it is kept untouched.
    Recovery(RecoveryInfo),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryInfo {
    pub raw: String,
    pub reason: String,
    pub problems: Vec<Problem>,
    /// Written by a newer version of the app.
    pub newer: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved(Option<Timestamp>),
    Pending,
    Failed(String),
    /// Not saved because another tab's version is in conflict with this one: nothing is
    /// written until the user chooses which to keep (the conflict banner asks).
    Held(String),
    /// Storage is unavailable; work lives in this tab only.
    MemoryOnly(String),
}

/// Where the state before the last import or restore can be found again.
#[derive(Clone, Debug, PartialEq)]
pub enum UndoSource {
    Backup(String),
    Memory(Box<Workspace>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct UndoPoint {
    /// Why the backup was taken, as the backups table lists it: "Before importing x.json",
    /// "Before undoing: Before importing x.json".
    pub label: String,
    pub source: UndoSource,
    /// The message that announced the change: the passing message offers Undo only beside
    /// it, not beside a later "Saved." that the Undo would not undo.
    pub announced: Option<String>,
}

/// What an [`UndoPoint::label`] says after an undo.
const UNDOING: &str = "Before undoing: ";

impl UndoPoint {
    /// The change at the bottom of a chain of undos ("Before importing x.json"), and how many
    /// undos lie on it.
    fn origin(&self) -> (&str, usize) {
        let mut label = self.label.as_str();
        let mut undos = 0;
        while let Some(rest) = label.strip_prefix(UNDOING) {
            label = rest;
            undos += 1;
        }
        (label, undos)
    }

    /// Whether undoing it puts back what an undo took away (an odd number of undos).
    pub fn is_redo(&self) -> bool {
        self.origin().1 % 2 == 1
    }

    /// The change at the bottom, as its backup is labelled, in lower case: "before importing
    /// x.json".
    fn before(&self) -> String {
        self.origin().0.to_lowercase()
    }

    /// For a redo, what the undo took away, as an action: "importing x.json"; `None` for an
    /// undo.
    fn redone(&self) -> Option<String> {
        let (origin, undos) = self.origin();
        (undos % 2 == 1).then(|| origin.strip_prefix("Before ").unwrap_or(origin).to_lowercase())
    }

    /// The button's words: "Undo (before importing x.json)", or "Redo" after an undo.
    pub fn button_label(&self) -> String {
        if self.is_redo() {
            "Redo".into()
        } else {
            format!("Undo ({})", self.before())
        }
    }

    /// What undoing does, in a sentence's middle: "undo the last change (before importing
    /// x.json)", or "redo what you undid (importing x.json)".
    pub fn describe(&self) -> String {
        match self.redone() {
            Some(what) => format!("redo what you undid ({what})"),
            None => format!("undo the last change ({})", self.before()),
        }
    }

    /// The message once it is undone: "Undone. The workspace is back as it was: before
    /// importing x.json.", or "Redone. …: after importing x.json."
    pub fn done_message(&self) -> String {
        match self.redone() {
            Some(what) => format!("Redone. The workspace is back as it was: after {what}."),
            None => format!("Undone. The workspace is back as it was: {}.", self.before()),
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub phase: RwSignal<Phase>,
    pub ws: RwSignal<Workspace>,
    pub save: RwSignal<SaveStatus>,
    /// Set when another tab saved while this one had unsaved changes, or saved something
    /// this tab cannot read. The message says which.
    pub conflict: RwSignal<Option<String>>,
    /// A passing message for the user ("Imported 3 communities").
    pub notice: RwSignal<Option<String>>,
    pub undo: RwSignal<Option<UndoPoint>>,
    /// Counts the times the whole workspace was replaced (import, merge, undo, restore, a new
    /// or sample workspace, switching to one kept alongside), so that a message about one
    /// replacement can go when another follows.
    pub replaced: RwSignal<u64>,
    /// Bumped whenever backups, recovery copies or parked workspaces change, so lists
    /// re-read them.
    pub storage_epoch: RwSignal<u32>,
    /// Offline use: whether the app's files are stored, and whether a newer version waits.
    pub offline: RwSignal<OfflineStatus>,
    revision: StoredValue<u64>,
    dirty: StoredValue<bool>,
    persist: StoredValue<bool>,
    timer: StoredValue<Option<leptos::leptos_dom::helpers::TimeoutHandle>>,
    /// This browser's id in change stamps (see [`crate::model::merge`]).
    device: StoredValue<String>,
    /// The story-collection file opened last, for a participant page without storage.
    participant_pending: StoredValue<Option<Box<CommunityBundle>>>,
    /// When the workspace was last written (shown once the write has committed).
    saved_at: StoredValue<Option<Timestamp>>,
}

/// The current time.
pub fn now() -> Timestamp {
    DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Today's date where the user is.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or_default()
}

/// A fresh record id: `crypto.randomUUID()` in a secure context (https or localhost);
/// elsewhere (a workshop laptop served over plain http) a version-4 UUID from
/// `crypto.getRandomValues`, which works everywhere; `Math.random` only when there is no
/// `crypto` at all. Never throws.
pub fn new_id() -> Id {
    let window = web_sys::window();
    let crypto = window.as_ref().and_then(|w| w.crypto().ok());
    let secure = window.as_ref().is_some_and(|w| w.is_secure_context());
    if let Some(crypto) = &crypto {
        if secure && js_sys::Reflect::has(crypto, &"randomUUID".into()).unwrap_or(false) {
            let uuid = crypto.random_uuid();
            if !uuid.is_empty() {
                return Id(uuid);
            }
        }
    }
    let mut bytes = [0u8; 16];
    let filled = crypto
        .as_ref()
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    Id(uuid_v4(bytes))
}

/// Formats 16 random bytes as a version-4 UUID.
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Reads a file the user picked or dropped, as text (for an import or a CSV of people).
pub async fn read_file(file: &web_sys::File) -> Result<String, StorageError> {
    browser::read_file(file).await
}

/// A file name for an export: `cultivate-reliability-guild-2026-11-28.json`.
pub fn file_name(name: &str, date: NaiveDate) -> String {
    format!("cultivate-{}-{date}.json", slug(name))
}

/// A name as a file-name part: lower case, letters and digits joined by '-', at most eight
/// words; `"workspace"` when nothing is left.
pub fn slug(name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "workspace".to_string()
    } else {
        slug
    }
}

impl AppState {
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Creates the state, loads storage and hooks up saving. Call once, in `App`.
    pub fn init() -> Self {
        let state = AppState {
            phase: RwSignal::new(Phase::Loading),
            ws: RwSignal::new(Workspace::new(Id::new("unloaded"), "Workspace", now())),
            save: RwSignal::new(SaveStatus::Saved(None)),
            conflict: RwSignal::new(None),
            notice: RwSignal::new(None),
            undo: RwSignal::new(None),
            replaced: RwSignal::new(0),
            storage_epoch: RwSignal::new(0),
            offline: RwSignal::new(OfflineStatus::Off),
            revision: StoredValue::new(0),
            dirty: StoredValue::new(false),
            persist: StoredValue::new(true),
            timer: StoredValue::new(None),
            device: StoredValue::new(String::new()),
            participant_pending: StoredValue::new(None),
            saved_at: StoredValue::new(None),
        };

        provide_context(state);
        state.load();
        state
            .offline
            .set(match offline::register(move |s| state.offline.set(s)) {
                Ok(s) => s,
                Err(e) => OfflineStatus::Unavailable(e.to_string()),
            });

        // Save what is pending when the page goes away or into the background.
        // With IndexedDB, a write still in flight is also kept in localStorage, as the
        // browser may abort it when the page goes.
        let flush = move || {
            state.flush();
            crate::storage::kv::journal_pending();
        };
        let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        // Another tab saved: take its version, or ask when this tab has unsaved work. With
        // IndexedDB as the store, `kv` tells of it; with localStorage, the `storage` event.
        crate::storage::kv::on_external_change(move |key| state.on_external_change(key.as_deref()));
        let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            if matches!(crate::storage::kv::backend(), crate::storage::kv::Backend::LocalStorage(_)) {
                state.on_external_change(ev.key().as_deref());
            }
        });
        // A write accepted but not committed (the disk is full, say): say so, and keep the work.
        crate::storage::kv::on_write_error(move |key, e| state.on_write_failed(key, e));
        crate::storage::kv::on_committed(move |key| {
            if key.as_deref() == Some(browser::KEY_WORKSPACE) {
                state.on_workspace_committed();
            }
        });
        state
    }

    /// The workspace was written at `at`. With IndexedDB, the status says "Saved" once the
    /// write has committed (Chromium commits with relaxed durability: the browser has the
    /// data, not necessarily flushed to disk); until then it stays "Saving…".
    fn mark_saved(&self, at: Timestamp) {
        self.saved_at.set_value(Some(at));
        if crate::storage::kv::pending(browser::KEY_WORKSPACE) > 0 {
            self.save.set(SaveStatus::Pending);
        } else {
            self.save.set(SaveStatus::Saved(Some(at)));
        }
    }

    fn on_workspace_committed(&self) {
        let settled = crate::storage::kv::pending(browser::KEY_WORKSPACE) == 0;
        if settled && !self.dirty.get_value() && matches!(self.save.get_untracked(), SaveStatus::Pending) {
            self.save.set(SaveStatus::Saved(self.saved_at.get_value()));
        }
    }

    /// Another tab changed `key` (`None`: storage was cleared).
    fn on_external_change(&self, key: Option<&str>) {
        let everything = key.is_none();
        if key == Some(browser::KEY_WORKSPACE) || everything {
            self.on_other_tab_saved();
        }
        let listed = |k: &str| k.starts_with("cultivate.backup") || k.starts_with(workspaces::KEY_PARKED_INDEX);
        if key.is_some_and(listed) || everything {
            self.storage_epoch.update(|n| *n += 1);
        }
    }

    /// A write of `key` failed while being committed. The workspace stays in memory (and
    /// exportable) and is marked unsaved, so the next save or a retry writes it again.
    fn on_write_failed(&self, key: &str, e: StorageError) {
        if key == browser::KEY_WORKSPACE {
            self.dirty.set_value(true);
            if e == StorageError::Conflict && self.conflict.get_untracked().is_none() {
                // Another tab's save is on disk, and the store now holds it: ask, as when
                // hearing of it first (nothing is written until the user chooses).
                self.conflict.set(Some("This workspace was also changed in another tab or window, which saved it first, so this tab's changes are not saved yet.".into()));
            }
            // A refused write waits for the user's choice; any other failure says what to do.
            self.save.set(if e == StorageError::Conflict {
                SaveStatus::Held(e.to_string())
            } else {
                SaveStatus::Failed(e.to_string())
            });
        } else {
            let what = if key.starts_with(browser::PREFIX_BACKUP) {
                "a backup"
            } else if key.starts_with(workspaces::PREFIX_PARKED) {
                "a workspace kept alongside"
            } else if key == browser::KEY_PARTICIPANT {
                "your stories"
            } else {
                "a stored list"
            };
            self.notice.set(Some(format!("Browser storage did not keep {what}. {e}")));
        }
        self.storage_epoch.update(|n| *n += 1);
    }

    fn load(&self) {
        match browser::load_workspace() {
            Ok(Loaded::Nothing) => self.phase.set(Phase::Welcome),
            Ok(Loaded::Workspace { ws, revision }) => {
                self.revision.set_value(revision);
                self.ws.set(*ws);
                self.phase.set(Phase::Ready);
            }
            Ok(Loaded::Unreadable { raw, error }) => self.phase.set(Phase::Recovery(recovery_info(raw, &error))),
            Err(e) => {
                self.persist.set_value(false);
                self.save.set(SaveStatus::MemoryOnly(e.to_string()));
                self.phase.set(Phase::Welcome);
            }
        }
    }

    pub fn is_ready(&self) -> bool {
        matches!(self.phase.get_untracked(), Phase::Ready)
    }

    pub fn persists(&self) -> bool {
        self.persist.get_value()
    }

    /// This browser's device id, kept in storage from the first change made here (nothing is
    /// written before); without storage, one for this tab.
    fn device(&self) -> String {
        let known = self.device.get_value();
        if !known.is_empty() {
            return known;
        }
        let fresh = || new_id().as_str().chars().filter(|c| *c != '-').take(12).collect::<String>();
        let id = if self.persists() {
            browser::device_id(fresh).unwrap_or_else(|_| format!("tab-{}", fresh()))
        } else {
            format!("tab-{}", fresh())
        };
        self.device.set_value(id.clone());
        id
    }

    /// Starts with `ws` (new, sample or restored), saving it at once.
    fn begin_with(&self, ws: Workspace) {
        self.ws.set(ws);
        self.replaced.update(|n| *n += 1);
        self.phase.set(Phase::Ready);
        self.schedule_save();
        self.flush();
    }

    pub fn start_new(&self, name: &str) -> Result<(), String> {
        let name = check_workspace_name(name)?;
        self.claim_storage_for_new()?;
        self.begin_with(Workspace::new(new_id(), name, now()));
        Ok(())
    }

    pub fn start_sample(&self) -> Result<(), String> {
        self.claim_storage_for_new()?;
        self.begin_with(crate::model::sample::sample_workspace());
        Ok(())
    }

    /// Before a new workspace replaces an unreadable stored value, keeps that value under a
    /// recovery key. If it cannot be kept, nothing is replaced.
    fn claim_storage_for_new(&self) -> Result<(), String> {
        if let Phase::Recovery(info) = self.phase.get_untracked() {
            if self.persists() {
                browser::set_aside_unreadable(&info.raw, now()).map_err(|e| {
                    format!("The stored data could not be set aside, so nothing was replaced. Download it first. ({e})")
                })?;
                self.storage_epoch.update(|n| *n += 1);
            }
        }
        // A new workspace continues from whatever revision is stored, so other tabs see a change.
        if self.persists() {
            if let Ok(StoredRevision::At(r) | StoredRevision::Older(r)) = browser::stored_revision() {
                self.revision.set_value(r);
            }
        }
        Ok(())
    }

    /// Applies an edit to the workspace as a transaction: `f` works on a copy, and only a
    /// successful edit replaces the workspace, re-renders and is saved. A refused edit leaves
    /// nothing half-done, even when `f` made several changes before one failed.
    pub fn edit<T>(&self, f: impl FnOnce(&mut Workspace) -> ModelResult<T>) -> ModelResult<T> {
        if !self.is_ready() {
            return Err(crate::model::ModelError::Refused("The workspace is not loaded".into()));
        }
        let mut draft = self.ws.with_untracked(|ws| ws.clone());
        let result = f(&mut draft)?;
        // Stamp what changed, so that merging files later knows which side changed what.
        let device = self.device();
        self.ws
            .with_untracked(|before| crate::model::merge::stamp_edit(before, &mut draft, &device, now()));
        self.ws.set(draft);
        self.schedule_save();
        Ok(result)
    }

    fn schedule_save(&self) {
        self.dirty.set_value(true);
        if !self.persists() {
            return;
        }
        if !matches!(self.save.get_untracked(), SaveStatus::Failed(_) | SaveStatus::Held(_)) {
            self.save.set(SaveStatus::Pending);
        }
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let state = *self;
        let handle = set_timeout_with_handle(move || state.flush(), Duration::from_millis(SAVE_DELAY_MS)).ok();
        self.timer.set_value(handle);
    }

    /// Saves now, if anything is pending and it is safe to.
    pub fn flush(&self) {
        if !self.dirty.get_value() || !self.persists() || !self.is_ready() || self.conflict.get_untracked().is_some() {
            return;
        }
        let expected = self.revision.get_value();
        match browser::stored_revision() {
            Ok(StoredRevision::At(r) | StoredRevision::Older(r)) if r != expected => {
                self.conflict.set(Some("This workspace was also changed in another tab or window, and this tab has changes that are not saved yet.".into()));
                self.save
                    .set(SaveStatus::Held("Not saved: changed in another tab".into()));
                return;
            }
            Ok(StoredRevision::Unreadable) => {
                self.conflict.set(Some("Another tab saved data this version of Cultivate cannot read (perhaps a newer version). This tab will not overwrite it.".into()));
                self.save.set(SaveStatus::Held(
                    "Not saved: stored data is from another version".into(),
                ));
                return;
            }
            Err(e) => {
                self.save.set(SaveStatus::Failed(e.to_string()));
                return;
            }
            Ok(StoredRevision::Older(_)) => {
                // The stored document is in an older format and was upgraded on load. Keep
                // its original text first, so nothing of it is lost if the upgrade was wrong.
                if let Err(e) = browser::keep_stored_before_upgrade(now()) {
                    self.save.set(SaveStatus::Failed(format!(
                        "Not saved: the workspace is stored in an older format, and a copy of it could not be kept before upgrading it. {e}"
                    )));
                    return;
                }
                self.storage_epoch.update(|n| *n += 1);
            }
            Ok(StoredRevision::At(_) | StoredRevision::Absent) => {}
        }
        let at = now();
        let next = expected.saturating_add(1);
        let result = self.ws.with_untracked(|ws| browser::save_workspace(ws, next, at));
        match result {
            Ok(()) => {
                self.revision.set_value(next);
                self.dirty.set_value(false);
                self.mark_saved(at);
            }
            Err(e) => self.save.set(SaveStatus::Failed(e.to_string())),
        }
    }

    /// Tries a failed save again (after the user made room, say).
    pub fn retry_save(&self) {
        if self.dirty.get_value() {
            self.save.set(SaveStatus::Pending);
            self.flush();
        }
    }

    fn on_other_tab_saved(&self) {
        if !matches!(self.phase.get_untracked(), Phase::Ready | Phase::Welcome) {
            return;
        }
        match browser::stored_revision() {
            // With IndexedDB, `kv` tells of another tab's write only when its text differs from
            // what this tab has; other text under this tab's own revision means two tabs saved
            // the same revision before hearing of each other, and one save is now stored over
            // the other's. This tab's version may be the one lost, so it is unsaved until the
            // user chooses (either choice backs up the version it replaces). localStorage's
            // `storage` event cannot say that (a tab that lags two saves behind takes the
            // second on the first event, then hears of it again), so there it stays ignored.
            Ok(StoredRevision::At(r) | StoredRevision::Older(r)) if r == self.revision.get_value() => {
                if self.is_ready() && self.storage_backend() == StoreBackend::IndexedDb {
                    self.dirty.set_value(true);
                    self.conflict.set(Some("Two saves of this workspace carried the same number, from this tab and another at about the same moment, and the stored one is not this tab's version. Choose which version to keep; the other is backed up first.".into()));
                    self.save.set(SaveStatus::Held(
                        "Not saved: another tab saved at the same moment".into(),
                    ));
                }
            }
            Ok(StoredRevision::Absent) => {
                // Cleared elsewhere: keep this tab's work and write it back.
                if self.is_ready() {
                    self.revision.set_value(0);
                    self.notice.set(Some(
                        "The stored workspace was removed in another tab; this tab's copy has been saved again.".into(),
                    ));
                    self.schedule_save();
                }
            }
            Ok(StoredRevision::At(_) | StoredRevision::Older(_)) if !self.dirty.get_value() => self.take_stored(),
            Ok(StoredRevision::At(_) | StoredRevision::Older(_)) => {
                self.conflict.set(Some("This workspace was also changed in another tab or window, and this tab has changes that are not saved yet.".into()));
                self.save
                    .set(SaveStatus::Held("Not saved: changed in another tab".into()));
            }
            Ok(StoredRevision::Unreadable) => {
                self.conflict.set(Some("Another tab saved data this version of Cultivate cannot read (perhaps a newer version). This tab will not overwrite it.".into()));
                if self.dirty.get_value() {
                    self.save.set(SaveStatus::Held(
                        "Not saved: stored data is from another version".into(),
                    ));
                }
            }
            Err(e) => self.save.set(SaveStatus::Failed(e.to_string())),
        }
    }

    fn take_stored(&self) {
        match browser::load_workspace() {
            Ok(Loaded::Workspace { ws, revision }) => {
                self.revision.set_value(revision);
                self.dirty.set_value(false);
                // An undo point puts back the workspace from before this tab's last import or
                // restore. Now that the workspace is another tab's version, undoing would also
                // drop whatever that tab changed since, under a message about the import only.
                // The backup it came from stays on the Data page.
                self.undo.set(None);
                self.ws.set(*ws);
                self.phase.set(Phase::Ready);
                self.conflict.set(None);
                self.save.set(SaveStatus::Saved(Some(now())));
                self.notice.set(Some("Updated with changes saved in another tab.".into()));
            }
            Ok(Loaded::Unreadable { error, .. }) => self.conflict.set(Some(format!(
                "The other version cannot be loaded by this version of Cultivate: {error} This tab keeps its own version; export it to keep it safe."
            ))),
            Ok(Loaded::Nothing) => self.conflict.set(Some("There is no other version stored any more. Choose “Keep this tab's version” to save this one.".into())),
            Err(e) => self.conflict.set(Some(e.to_string())),
        }
    }

    /// Conflict resolution: show the stored version. This tab's unsaved version is backed up
    /// first (when storage allows), so it can be restored from the Data page.
    pub fn take_other_tab_version(&self) -> Result<(), String> {
        if self.dirty.get_value() {
            let mine = self.ws.get_untracked();
            browser::create_backup(&mine, "This tab's unsaved version, replaced by another tab's", now()).map_err(
                |e| format!("This tab's version could not be backed up, so it was kept. Export it first. ({e})"),
            )?;
            self.storage_epoch.update(|n| *n += 1);
        }
        self.take_stored();
        Ok(())
    }

    /// Conflict resolution: keep this tab's version. The other tab's version is backed up
    /// first, so nothing is lost.
    pub fn keep_this_tab_version(&self) -> Result<(), String> {
        match browser::load_workspace() {
            Ok(Loaded::Workspace { ws, revision }) => {
                browser::create_backup(&ws, "Another tab's version, replaced by this tab's", now())
                    .map_err(|e| e.to_string())?;
                self.revision.set_value(revision);
            }
            Ok(Loaded::Unreadable { raw, .. }) => {
                // Kept under its recovery key and removed from the workspace key.
                browser::set_aside_unreadable(&raw, now()).map_err(|e| e.to_string())?;
                self.revision.set_value(0);
            }
            Ok(Loaded::Nothing) => self.revision.set_value(0),
            Err(e) => return Err(e.to_string()),
        }
        self.storage_epoch.update(|n| *n += 1);
        self.conflict.set(None);
        self.dirty.set_value(true);
        self.force_flush();
        Ok(())
    }

    /// Writes without the revision check; only after the stored value was backed up.
    fn force_flush(&self) {
        let at = now();
        let rev = self.revision.get_value().saturating_add(1);
        match self.ws.with_untracked(|ws| browser::save_workspace(ws, rev, at)) {
            Ok(()) => {
                self.revision.set_value(rev);
                self.dirty.set_value(false);
                self.mark_saved(at);
            }
            Err(e) => self.save.set(SaveStatus::Failed(e.to_string())),
        }
    }

    // ----- files -----

    /// Offers the whole workspace as a JSON download.
    pub fn export_workspace(&self) -> Result<String, StorageError> {
        let (name, text) = self.ws.with_untracked(|ws| {
            (
                file_name(&ws.name, today()),
                encode_workspace(ws, now(), self.revision.get_value(), true),
            )
        });
        browser::download(&name, "application/json", &text)?;
        Ok(name)
    }

    /// Offers a generated text file (a charter in Markdown, a calendar in `.ics`) as a download.
    /// `filename` is used as given; `mime` is e.g. `"text/markdown"` or `"text/calendar"`.
    pub fn download_text(&self, filename: &str, mime: &str, text: &str) -> Result<(), StorageError> {
        browser::download(filename, mime, text)
    }

    /// Offers one community, with the people and organisations it refers to, as a download.
    pub fn export_community(&self, id: &Id) -> Result<String, StorageError> {
        let bundle = self.ws.with_untracked(|ws| pieces::community_piece(ws, id));
        let bundle = bundle.ok_or_else(|| StorageError::Failed("that community no longer exists".into()))?;
        let name = file_name(&bundle.community.name, today());
        browser::download(&name, "application/json", &encode_community(&bundle, now()))?;
        Ok(name)
    }

    /// Decodes a file and plans its import against the workspace as it is now; nothing
    /// changes until [`Self::confirm_import`] (a workspace file) or a merge is confirmed (a
    /// piece). The plan holds the file's records; nothing else keeps a copy.
    pub fn plan_import(&self, file: &str, text: &str) -> Result<ImportPlan, LoadError> {
        // The parse alone (from the text read by `browser::read_file` to checked records), a
        // measure for the benchmark, which compares it with JSON.parse of the same text.
        let doc = decode_document(text);
        crate::ui::measure_since("cultivate-import-parse", "cultivate-import-parse-start");
        let doc = doc?;
        let ready = self.is_ready();
        self.ws
            .with_untracked(|ws| plan(doc, file, ready.then_some(ws), now()))
            .map_err(LoadError::invalid)
    }

    /// Carries out the import of a workspace file (an [`ImportPlan::Replace`]): backs up the
    /// current workspace, then replaces it with `incoming`. If the backup cannot be made,
    /// nothing is replaced.
    pub fn confirm_import(&self, incoming: Workspace, file: &str) -> Result<String, String> {
        let summary = format!("Imported {file}: {}.", Counts::of(&incoming).describe());
        self.replace_workspace(incoming, &format!("Before importing {file}"))?;
        self.announce_replace(summary.clone());
        Ok(summary)
    }

    /// Plans merging decoded files into the workspace as it is now; nothing changes until
    /// [`Self::confirm_merge`].
    pub fn plan_merge(&self, files: &[(String, Document)]) -> Result<MergePlan, LoadError> {
        if !self.is_ready() {
            return Err(LoadError::NotCultivate("there is no workspace to merge into yet".into()));
        }
        self.ws
            .with_untracked(|ws| merge_files(ws, files, now()))
            .map_err(LoadError::invalid)
    }

    /// Carries out a merge planned by [`Self::plan_merge`], with a side for each conflict.
    /// If the workspace changed since the plan was made, nothing happens and the caller
    /// plans again. The workspace is backed up first, and the merge can be undone.
    pub fn confirm_merge(&self, files: &[(String, Document)], seen: &MergePlan, choices: &[Side]) -> Result<String, String> {
        let plan = self.plan_merge(files).map_err(|e| format!("Nothing was merged. {e}"))?;
        if plan != *seen {
            return Err("Nothing was merged: your workspace changed while you were reviewing. Review the merge again.".into());
        }
        let device = self.device();
        let merged = plan
            .resolve(choices, &device, now())
            .map_err(|e| format!("Nothing was merged: {e}."))?;
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        let label = format!("Before merging {}", names.join(", "));
        self.replace_workspace(merged, &label)?;
        let theirs = choices.iter().filter(|c| **c == Side::Theirs).count();
        let summary = format!(
            "Merged {}: {} added, {} updated, {} conflict{} resolved ({} kept yours, {} took theirs).",
            names.join(", "),
            plan.added.len(),
            plan.updated.len(),
            plan.conflicts.len(),
            if plan.conflicts.len() == 1 { "" } else { "s" },
            plan.conflicts.len() - theirs.min(plan.conflicts.len()),
            theirs.min(plan.conflicts.len()),
        );
        self.announce_replace(summary.clone());
        Ok(summary)
    }

    /// Offers a piece of the workspace as a small file that merges into another workspace.
    pub fn export_piece(&self, piece: SharePiece) -> Result<String, StorageError> {
        let bundle = self.ws.with_untracked(|ws| match &piece {
            SharePiece::Community(c) => pieces::community_piece(ws, c).ok_or("that community no longer exists".to_string()),
            SharePiece::Meeting(c, m) => pieces::meeting_piece(ws, c, m).ok_or("that meeting no longer exists".to_string()),
            SharePiece::Stories(c) => pieces::stories_piece(ws, c).ok_or("that community no longer exists".to_string()),
            SharePiece::Collection(c, prompt) => pieces::collection_piece(ws, c, prompt),
        });
        let bundle = bundle.map_err(StorageError::Failed)?;
        let base = match &bundle.piece {
            Some(p) if !p.title.is_empty() => p.title.clone(),
            _ => bundle.community.name.clone(),
        };
        let name = file_name(&base, today());
        browser::download(&name, "application/json", &encode_community(&bundle, now()))?;
        Ok(name)
    }

    // ----- participant mode -----

    /// The participant's story-collection file and stories so far, if any.
    pub fn participant_load(&self) -> Result<Option<CommunityBundle>, String> {
        match browser::load_participant() {
            Ok(None) => Ok(None),
            Ok(Some(Ok(bundle))) => Ok(Some(bundle)),
            Ok(Some(Err(e))) => Err(format!("The stored participant answers cannot be read: {e}")),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Starts answering a story-collection file. Refused while stories written for another
    /// file are kept here and not yet discarded, so that none is lost.
    pub fn participant_start(&self, collection: &CommunityBundle) -> Result<(), String> {
        if let Some(current) = self.participant_load().ok().flatten().or_else(|| self.participant_in_memory()) {
            let written = current.community.evaluation.stories.len();
            let same = current.community.id == collection.community.id
                && current.piece.as_ref().map(|p| &p.prompt) == collection.piece.as_ref().map(|p| &p.prompt);
            if same {
                return Ok(());
            }
            if written > 0 {
                return Err(format!(
                    "You have {written} stor{} for {} in this browser. Export or discard them on the participant page first.",
                    if written == 1 { "y" } else { "ies" },
                    current.community.name
                ));
            }
        }
        let mut fresh = collection.clone();
        fresh.community.evaluation.stories.clear();
        // Without storage the participant works in this tab only; the page says so.
        let _ = self.participant_save(&fresh);
        self.participant_pending.set_value(Some(Box::new(fresh)));
        Ok(())
    }

    /// The collection file just opened, when it could not be stored (storage disabled).
    pub fn participant_in_memory(&self) -> Option<CommunityBundle> {
        self.participant_pending.get_value().map(|b| *b)
    }

    /// Decodes, migrates and validates a file without planning anything.
    pub fn decode(&self, text: &str) -> Result<Document, LoadError> {
        decode_document(text)
    }

    /// Keeps the participant's collection file and stories in this browser.
    /// Also kept in this tab, so that without storage the stories survive leaving the page.
    pub fn participant_save(&self, bundle: &CommunityBundle) -> Result<(), StorageError> {
        self.participant_pending.set_value(Some(Box::new(bundle.clone())));
        browser::save_participant(bundle, now())
    }

    pub fn participant_clear(&self) -> Result<(), StorageError> {
        self.participant_pending.set_value(None);
        browser::clear_participant()
    }

    /// Offers the participant's stories as an answers file for the facilitator to merge.
    pub fn participant_export(&self, collection: &CommunityBundle, stories: &[Story]) -> Result<String, StorageError> {
        let answers = pieces::answers_piece(collection, stories, &self.device());
        let base = answers.piece.as_ref().map(|p| p.title.clone()).unwrap_or_default();
        let name = file_name(&base, today());
        browser::download(&name, "application/json", &encode_community(&answers, now()))?;
        Ok(name)
    }

    /// Shows `text`, the message that announces a replaced workspace, and ties the undo
    /// point (if there is one) to it, so that the message offers Undo.
    fn announce_replace(&self, text: String) {
        self.undo.update(|point| {
            if let Some(point) = point {
                point.announced = Some(text.clone());
            }
        });
        self.notice.set(Some(text));
    }

    /// Whether the passing message on screen is the one that announced the undo point (the
    /// message then offers Undo itself).
    pub fn notice_offers_undo(&self) -> bool {
        self.undo.with(|point| {
            let announced = point.as_ref().and_then(|p| p.announced.as_ref());
            announced.is_some_and(|a| self.notice.with(|n| n.as_ref() == Some(a)))
        })
    }

    /// What the undo point's button and sentence say: [`UndoPoint::button_label`],
    /// [`UndoPoint::describe`], and whether it is a redo. Read without copying the point,
    /// which may hold a whole workspace.
    pub fn undo_words(&self) -> Option<(String, String, bool, bool)> {
        self.undo.with(|point| {
            point.as_ref().map(|p| {
                let from_backup = matches!(p.source, UndoSource::Backup(_));
                (p.button_label(), p.describe(), p.is_redo(), from_backup)
            })
        })
    }

    /// Backs up the current workspace (if there is one), then replaces it and saves.
    fn replace_workspace(&self, incoming: Workspace, label: &str) -> Result<(), String> {
        if self.is_ready() {
            let current = self.ws.get_untracked();
            let source = if self.persists() {
                let info = browser::create_backup(&current, label, now()).map_err(|e| match e {
                    StorageError::QuotaExceeded => "Nothing was changed: browser storage is too full to back up the current workspace first. Delete old backups or set-aside data on the Data page, or export your workspace, then try again.".to_string(),
                    other => format!("Nothing was changed, because the current workspace could not be backed up first. {other}"),
                })?;
                self.storage_epoch.update(|n| *n += 1);
                UndoSource::Backup(info.key)
            } else {
                UndoSource::Memory(Box::new(current))
            };
            self.undo.set(Some(UndoPoint {
                label: label.to_string(),
                source,
                announced: None,
            }));
        } else {
            self.claim_storage_for_new()?;
        }
        self.conflict.set(None);
        self.begin_with(incoming);
        Ok(())
    }

    /// Puts back the workspace from before the last import or restore (itself undoable).
    pub fn undo_last_replace(&self) -> Result<(), String> {
        let Some(point) = self.undo.get_untracked() else {
            return Err("There is nothing to undo".into());
        };
        let done = point.done_message();
        let previous = match point.source {
            UndoSource::Memory(ws) => *ws,
            UndoSource::Backup(key) => self.read_backup(&key)?,
        };
        self.replace_workspace(previous, &format!("{UNDOING}{}", point.label))?;
        self.announce_replace(done);
        Ok(())
    }

    fn read_backup(&self, key: &str) -> Result<Workspace, String> {
        match browser::read_backup(key) {
            Ok(Ok(ws)) => Ok(ws),
            Ok(Err(e)) => Err(format!("That backup cannot be read: {e}")),
            Err(e) => Err(e.to_string()),
        }
    }

    pub fn backups(&self) -> Result<Vec<BackupInfo>, StorageError> {
        self.storage_epoch.track();
        browser::backups()
    }

    pub fn restore_backup(&self, key: &str) -> Result<(), String> {
        let ws = self.read_backup(key)?;
        let name = ws.name.clone();
        self.replace_workspace(ws, "Before restoring a backup")?;
        self.announce_replace(format!("Restored the backup of {name}."));
        Ok(())
    }

    pub fn delete_backup(&self, key: &str) -> Result<(), StorageError> {
        browser::delete_backup(key)?;
        self.storage_epoch.update(|n| *n += 1);
        Ok(())
    }

    pub fn recovery_copies(&self) -> Result<Vec<browser::RecoveryCopy>, StorageError> {
        self.storage_epoch.track();
        browser::recovery_copies()
    }

    pub fn download_recovery_copy(&self, key: &str) -> Result<(), StorageError> {
        let raw = browser::read_raw(key)?.unwrap_or_default();
        browser::download(
            &format!(
                "cultivate-recovered-{}.json",
                key.trim_start_matches(browser::PREFIX_RECOVERY)
            ),
            "application/json",
            &raw,
        )
    }

    pub fn delete_recovery_copy(&self, key: &str) -> Result<(), StorageError> {
        browser::delete_raw(key)?;
        self.storage_epoch.update(|n| *n += 1);
        Ok(())
    }

    /// Offers the unreadable stored value as a download, byte for byte.
    pub fn download_unreadable(&self) -> Result<(), StorageError> {
        if let Phase::Recovery(info) = self.phase.get_untracked() {
            let name = format!("cultivate-unreadable-{}.json", today());
            browser::download(&name, "application/json", &info.raw)?;
        }
        Ok(())
    }

    /// Characters this app keeps in browser storage, and the number of stored items.
    /// Where the documents are kept in this tab.
    pub fn storage_backend(&self) -> StoreBackend {
        self.storage_epoch.track();
        crate::storage::kv::backend()
    }

    pub fn storage_usage(&self) -> Result<(usize, usize), StorageError> {
        self.storage_epoch.track();
        self.save.track();
        browser::usage()
    }
}

/// A new workspace's name, trimmed, or what is wrong with it.
fn check_workspace_name(name: &str) -> Result<&str, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Give the workspace a name".into());
    }
    if let Some(m) = crate::model::limits::too_long(name, crate::model::limits::NAME_MAX) {
        return Err(format!("The name {m}"));
    }
    Ok(name)
}

/// Several workspaces, the sample and starting over (the Data page's "Workspaces").
///
/// "Alongside" keeps the open workspace: it is parked (see `storage::workspaces`) and
/// listed, and can be switched back to. "In place" replaces it after a backup, undoable like
/// an import. Nothing is replaced unless the open workspace was kept first.
impl AppState {
    /// The parked workspaces, newest first.
    pub fn parked_workspaces(&self) -> Result<Vec<ParkedInfo>, StorageError> {
        self.storage_epoch.track();
        workspaces::list()
    }

    /// Whether switching away would lose nothing: the open workspace is loaded, storage
    /// works, no conflict with another tab, every edit saved and nobody saved since.
    fn check_can_park(&self) -> Result<(), String> {
        if !self.is_ready() {
            return Err("No workspace is open.".into());
        }
        if !self.persists() {
            return Err("Browser storage is not available, so this workspace cannot be kept alongside another. Export it first, or replace it instead.".into());
        }
        if self.conflict.get_untracked().is_some() {
            return Err("First choose which version to keep in the banner about the other tab; then try again.".into());
        }
        self.flush();
        if self.dirty.get_value() {
            let why = match self.save.get_untracked() {
                SaveStatus::Failed(m) | SaveStatus::Held(m) => format!(" ({m})"),
                _ => String::new(),
            };
            return Err(format!("This workspace's latest changes are not saved{why}, so nothing was changed. Export it, make room on this page, then try again."));
        }
        match browser::stored_revision() {
            Ok(StoredRevision::At(r) | StoredRevision::Older(r)) if r == self.revision.get_value() => Ok(()),
            Ok(StoredRevision::Absent) => Ok(()),
            Ok(_) => {
                Err("The workspace was changed in another tab or window. Reload this page, then try again.".into())
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Parks the open workspace, then opens `incoming` in its place. When `from_parked` is
    /// given, that parked copy is removed once `incoming` is saved. Returns the name of the
    /// parked workspace.
    fn open_alongside(&self, incoming: Workspace, from_parked: Option<&str>) -> Result<String, String> {
        self.check_can_park()?;
        if matches!(browser::stored_revision(), Ok(StoredRevision::Older(_))) {
            // Keep the stored text of the older format before it is first overwritten.
            browser::keep_stored_before_upgrade(now()).map_err(|e| {
                format!("Nothing was changed: the stored workspace is in an older format, and a copy of it could not be kept first. {e}")
            })?;
        }
        let current = self.ws.get_untracked();
        let parked = workspaces::park(&current, now())
            .map_err(|e| format!("Nothing was changed: this workspace could not be kept aside. {e}"))?;
        let at = now();
        let next = self.revision.get_value().saturating_add(1);
        if let Err(e) = browser::save_workspace(&incoming, next, at) {
            // The open workspace is still stored as it was; drop the extra parked copy.
            let _ = workspaces::delete(&parked.key);
            self.storage_epoch.update(|n| *n += 1);
            return Err(format!(
                "Nothing was changed: the other workspace could not be saved. {e}"
            ));
        }
        self.revision.set_value(next);
        self.dirty.set_value(false);
        self.mark_saved(at);
        // An undo point belongs to the workspace that is now parked.
        self.undo.set(None);
        self.ws.set(incoming);
        self.replaced.update(|n| *n += 1);
        self.phase.set(Phase::Ready);
        if let Some(key) = from_parked {
            if let Err(e) = workspaces::delete(key) {
                self.notice.set(Some(format!(
                    "The workspace is open, but its parked copy could not be removed, so it is listed twice. Delete the older copy under Workspaces. ({e})"
                )));
            }
        }
        self.storage_epoch.update(|n| *n += 1);
        Ok(parked.name)
    }

    /// Opens the sample workspace; the open one is parked and listed under Workspaces.
    pub fn open_sample_alongside(&self) -> Result<(), String> {
        let kept = self.open_alongside(crate::model::sample::sample_workspace(), None)?;
        self.notice.set(Some(format!(
            "Opened the sample workspace. “{kept}” is kept under Workspaces on the Data page."
        )));
        Ok(())
    }

    /// Starts a new empty workspace; the open one is parked and listed under Workspaces.
    pub fn start_new_alongside(&self, name: &str) -> Result<(), String> {
        let name = check_workspace_name(name)?;
        let kept = self.open_alongside(Workspace::new(new_id(), name, now()), None)?;
        self.notice.set(Some(format!(
            "Started “{name}”. “{kept}” is kept under Workspaces on the Data page."
        )));
        Ok(())
    }

    /// Replaces the open workspace with the sample, after a backup (undoable).
    pub fn replace_with_sample(&self) -> Result<(), String> {
        self.replace_workspace(crate::model::sample::sample_workspace(), "Before loading the sample")?;
        self.announce_replace("Loaded the sample workspace. The previous one was backed up first.".into());
        Ok(())
    }

    /// "Start over": replaces the open workspace with a new empty one, after a backup
    /// (undoable).
    pub fn start_over(&self, name: &str) -> Result<(), String> {
        let name = check_workspace_name(name)?;
        self.replace_workspace(Workspace::new(new_id(), name, now()), "Before starting over")?;
        self.announce_replace(format!(
            "Started over with “{name}”. The previous workspace was backed up first."
        ));
        Ok(())
    }

    /// Opens a parked workspace; the open one is parked in its turn. A parked workspace
    /// that cannot be loaded is left exactly as it is.
    pub fn switch_workspace(&self, key: &str) -> Result<(), String> {
        let ws = match workspaces::read(key) {
            Ok(Ok(ws)) => ws,
            Ok(Err(e)) => {
                return Err(format!(
                    "That workspace cannot be opened, so nothing was changed; it stays stored as it is, and you can download it. {e}"
                ))
            }
            Err(e) => return Err(e.to_string()),
        };
        let name = ws.name.clone();
        let kept = self.open_alongside(ws, Some(key))?;
        self.notice.set(Some(format!(
            "Switched to “{name}”. “{kept}” is kept under Workspaces."
        )));
        Ok(())
    }

    /// Deletes a parked workspace after backing it up (a readable one as a backup, an
    /// unreadable one as set-aside data, exactly as stored).
    pub fn delete_parked(&self, key: &str) -> Result<(), String> {
        let raw = workspaces::read_raw(key).map_err(|e| e.to_string())?;
        let kept = match workspaces::read(key) {
            Ok(Ok(ws)) => browser::create_backup(&ws, &format!("Deleted workspace “{}”", ws.name), now()).map(|_| ()),
            _ => browser::keep_for_recovery(&raw, now()).map(|_| ()),
        };
        kept.map_err(|e| format!("Nothing was deleted, because the workspace could not be backed up first. {e}"))?;
        self.storage_epoch.update(|n| *n += 1);
        workspaces::delete(key)
            .map_err(|e| format!("The backup was made, but the workspace could not be deleted. {e}"))?;
        self.storage_epoch.update(|n| *n += 1);
        Ok(())
    }

    /// Offers a parked workspace's stored text as a download, byte for byte.
    pub fn download_parked(&self, key: &str, name: &str) -> Result<(), StorageError> {
        let raw = workspaces::read_raw(key)?;
        browser::download(&file_name(name, today()), "application/json", &raw)
    }

    /// Offers one of the CSV exports of the open workspace as a download; returns its name.
    pub fn export_csv(&self, export: crate::model::csv::Export) -> Result<String, StorageError> {
        let (name, text) = self.ws.with_untracked(|ws| {
            (
                format!("cultivate-{}-{}-{}.csv", slug(&ws.name), export.key(), today()),
                export.table(ws).to_csv(),
            )
        });
        self.download_text(&name, crate::model::csv::MIME, &text)?;
        Ok(name)
    }

    /// Whether reloading the page now would lose work: unsaved edits or a conflict.
    pub fn has_unsaved_work(&self) -> bool {
        self.flush();
        self.dirty.get_value() || self.conflict.get_untracked().is_some()
    }

    /// Reloads into the newer version of the app that is waiting (saving first).
    pub fn apply_update(&self) -> Result<(), String> {
        self.flush();
        offline::apply_update().map_err(|e| {
            format!("The update could not be applied: {e}. Close every tab of Cultivate and open it again.")
        })
    }
}

fn recovery_info(raw: String, error: &LoadError) -> RecoveryInfo {
    let problems = match error {
        LoadError::Invalid { problems, .. } => problems.clone(),
        _ => Vec::new(),
    };
    RecoveryInfo {
        raw,
        reason: error.to_string(),
        problems,
        newer: matches!(error, LoadError::NewerVersion { .. }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(label: &str) -> UndoPoint {
        UndoPoint {
            label: label.into(),
            source: UndoSource::Backup("cultivate.backup.1".into()),
            announced: None,
        }
    }

    #[test]
    fn an_undo_point_names_the_change_it_undoes_and_an_undone_undo_is_a_redo() {
        let import = point("Before importing team.json");
        assert!(!import.is_redo());
        assert_eq!(import.button_label(), "Undo (before importing team.json)");
        assert_eq!(import.describe(), "undo the last change (before importing team.json)");
        assert_eq!(
            import.done_message(),
            "Undone. The workspace is back as it was: before importing team.json."
        );

        let undone = point(&format!("{UNDOING}{}", import.label));
        assert!(undone.is_redo());
        assert_eq!(undone.button_label(), "Redo");
        assert_eq!(undone.describe(), "redo what you undid (importing team.json)");
        assert_eq!(
            undone.done_message(),
            "Redone. The workspace is back as it was: after importing team.json."
        );
        // After the redo, the button undoes the import again.
        let redone = point(&format!("{UNDOING}{}", undone.label));
        assert!(!redone.is_redo());
        assert_eq!(redone.button_label(), "Undo (before importing team.json)");
        assert_eq!(redone.describe(), "undo the last change (before importing team.json)");
    }
}
