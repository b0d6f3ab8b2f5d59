//! The browser side of storage: the stored documents (through [`super::kv`], which keeps them
//! in IndexedDB, or in localStorage where IndexedDB is unavailable), small settings in
//! localStorage, downloads and file reading.
//!
//! This module and `kv` are the only code that calls those APIs. Every call that can fail returns a
//! [`StorageError`]; nothing here panics, so a full or disabled storage becomes a message in
//! the app, never a crash.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use super::backups::{add_and_prune, parse_index, BackupInfo};
use super::kv::{get, remove, set};
use super::format::{decode_document, encode_workspace, workspace_envelope, Document, LoadError};
use crate::model::{Timestamp, Workspace};

/// The stored workspace document.
pub const KEY_WORKSPACE: &str = "cultivate.workspace";
/// The index of backups.
pub const KEY_BACKUP_INDEX: &str = "cultivate.backups";
/// Prefix of each backup's document.
pub const PREFIX_BACKUP: &str = "cultivate.backup.";
/// This browser's device id, which stamps the changes made here (for merging files).
pub const KEY_DEVICE: &str = "cultivate.device";
/// A participant's story-collection file and the stories written so far.
pub const KEY_PARTICIPANT: &str = "cultivate.participant";
/// Prefix of raw values kept aside when they could not be loaded.
pub const PREFIX_RECOVERY: &str = "cultivate.recovery.";

/// What went wrong with browser storage, in words a user can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// localStorage is missing or blocked (private mode, site settings, a sandboxed frame).
    Unavailable(String),
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// Any other failure of a browser call.
    Failed(String),
    /// The workspace was not written: another tab had saved it since this tab last read it.
    Conflict,
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(m) => write!(f, "Browser storage is not available ({m}). Your work stays in this tab only; export it to keep it."),
            StorageError::QuotaExceeded => f.write_str("Browser storage is full, so the latest changes are not saved. Your work is still here: export it now, then delete old backups on the Data page to make room."),
            StorageError::Failed(m) => write!(f, "Saving failed: {m}. Your work is still here: export it to keep it."),
            StorageError::Conflict => f.write_str("Not saved: another tab saved this workspace first. Your work is still here; choose which version to keep."),
        }
    }
}

/// A browser error as a [`StorageError`] (`kv` uses it too).
pub(super) fn js_error(e: JsValue) -> StorageError {
    if let Some(dom) = e.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        // Chromium says QuotaExceededError; old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || dom.code() == 22 {
            return StorageError::QuotaExceeded;
        }
        return StorageError::Failed(format!("{name}: {}", dom.message()));
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return StorageError::Failed(String::from(err.message()));
    }
    StorageError::Failed(e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// The localStorage handle, or why there is none. Reading `window.localStorage` itself can
/// throw (a SecurityError when storage is blocked), which this turns into an error.
pub fn local() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StorageError::Unavailable("this browser offers no localStorage".into())),
        Err(e) => Err(StorageError::Unavailable(match js_error(e) {
            StorageError::Failed(m) => m,
            other => other.to_string(),
        })),
    }
}

/// Stores `value` as JSON.
fn set_json<T: serde::Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    let text = serde_json::to_string(value).map_err(|e| StorageError::Failed(e.to_string()))?;
    super::kv::set_owned(key, text)
}

/// All stored documents of this app.
fn app_keys() -> Result<Vec<String>, StorageError> {
    super::kv::keys("cultivate.")
}

/// A small setting, kept in localStorage through gloo-storage (as JSON). `local()` runs
/// first because gloo's own handle panics when storage is blocked.
fn get_setting(key: &str) -> Result<Option<String>, StorageError> {
    let local = local()?;
    use gloo_storage::Storage as _;
    match gloo_storage::LocalStorage::get::<String>(key) {
        Ok(v) => Ok(Some(v)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        // Not JSON: earlier versions of the app stored the bare text.
        Err(gloo_storage::errors::StorageError::SerdeError(_)) => local.get_item(key).map_err(js_error),
        Err(other) => Err(StorageError::Failed(other.to_string())),
    }
}

fn set_setting(key: &str, value: &str) -> Result<(), StorageError> {
    local()?;
    use gloo_storage::Storage as _;
    gloo_storage::LocalStorage::set(key, value).map_err(|e| match e {
        gloo_storage::errors::StorageError::JsError(js)
            if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            StorageError::QuotaExceeded
        }
        other => StorageError::Failed(other.to_string()),
    })
}

/// This browser's device id: the stored one, or `fresh` stored now. A device id is a short
/// random text; anything else stored under its key is replaced.
pub fn device_id(fresh: impl FnOnce() -> String) -> Result<String, StorageError> {
    if let Some(id) = get_setting(KEY_DEVICE)? {
        let id = id.trim().to_string();
        if !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Ok(id);
        }
    }
    let id = fresh();
    set_setting(KEY_DEVICE, &id)?;
    Ok(id)
}

/// The participant's stored answers (a story-collection or answers file), if any; an
/// unreadable value is reported and left as it is.
pub fn load_participant() -> Result<Option<Result<crate::storage::format::CommunityBundle, LoadError>>, StorageError> {
    let Some(raw) = get(KEY_PARTICIPANT)? else {
        return Ok(None);
    };
    Ok(Some(match decode_document(&raw) {
        Ok(crate::storage::format::Document::Community(env)) => Ok(env.data),
        Ok(_) => Err(LoadError::NotCultivate("it holds a whole workspace, not a story-collection file".into())),
        Err(e) => Err(e),
    }))
}

pub fn save_participant(bundle: &crate::storage::format::CommunityBundle, now: Timestamp) -> Result<(), StorageError> {
    set(KEY_PARTICIPANT, &crate::storage::format::encode_community(bundle, now))
}

pub fn clear_participant() -> Result<(), StorageError> {
    remove(KEY_PARTICIPANT)
}

/// What [`load_workspace`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Nothing,
    /// A sound workspace, and the revision it was saved at.
    Workspace { ws: Box<Workspace>, revision: u64 },
    /// Something is stored but cannot be trusted: it is left exactly as it is.
    Unreadable { raw: String, error: LoadError },
}

/// Reads the stored workspace. Never writes: an unreadable value stays untouched.
pub fn load_workspace() -> Result<Loaded, StorageError> {
    let Some(raw) = get(KEY_WORKSPACE)? else {
        return Ok(Loaded::Nothing);
    };
    Ok(match decode_document(&raw) {
        Ok(Document::Workspace(env)) => Loaded::Workspace {
            ws: Box::new(env.data),
            revision: env.revision,
        },
        Ok(Document::Community(_)) => Loaded::Unreadable {
            error: LoadError::NotCultivate("the stored value is a single-community file, not a workspace".into()),
            raw,
        },
        Err(error) => Loaded::Unreadable { raw, error },
    })
}

/// What is stored now, as far as saving is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredRevision {
    Absent,
    /// A workspace in the current format, saved as this revision.
    At(u64),
    /// A workspace in an older format (loaded through migration), saved as this revision.
    /// Before it is first overwritten, its original text is kept under a recovery key.
    Older(u64),
    /// Something is stored that is not a readable envelope: never overwrite it blindly.
    Unreadable,
}

thread_local! {
    /// The stored workspace's revision, and the store's [`generation`](super::kv::generation)
    /// it was true at: until the store changes, [`stored_revision`] need not read it again.
    static KNOWN_REVISION: std::cell::Cell<Option<(u64, StoredRevision)>> = const { std::cell::Cell::new(None) };
}

/// The revision of the stored workspace, read without decoding the records. The app asks
/// before every save; reading means skipping through the whole stored text (megabytes for a
/// large workspace), so what was read, or written by [`save_workspace`], is remembered for as
/// long as the store does not change.
pub fn stored_revision() -> Result<StoredRevision, StorageError> {
    let generation = super::kv::generation();
    if let (Some(now), Some((then, known))) = (generation, KNOWN_REVISION.with(std::cell::Cell::get)) {
        if now == then {
            return Ok(known);
        }
    }
    let found = super::kv::read(KEY_WORKSPACE, |raw| raw.map_or(StoredRevision::Absent, revision_in))?;
    if let Some(g) = generation {
        KNOWN_REVISION.with(|k| k.set(Some((g, found))));
    }
    Ok(found)
}

/// What a stored workspace text says of its revision.
fn revision_in(raw: &str) -> StoredRevision {
    #[derive(Deserialize)]
    struct Rev {
        format: String,
        schema_version: u64,
        #[serde(default)]
        revision: u64,
    }
    match serde_json::from_str::<Rev>(raw) {
        Ok(r) if r.format == super::format::FORMAT_WORKSPACE && r.schema_version == super::format::SCHEMA_VERSION => {
            StoredRevision::At(r.revision)
        }
        Ok(r)
            if r.format == super::format::FORMAT_WORKSPACE
                && (1..super::format::SCHEMA_VERSION).contains(&r.schema_version) =>
        {
            StoredRevision::Older(r.revision)
        }
        _ => StoredRevision::Unreadable,
    }
}

/// Keeps the stored workspace's current text under a recovery key, as it is, before an
/// older-format document is first replaced by its upgraded form.
pub fn keep_stored_before_upgrade(now: Timestamp) -> Result<Option<String>, StorageError> {
    match get(KEY_WORKSPACE)? {
        Some(raw) => keep_for_recovery(&raw, now).map(Some),
        None => Ok(None),
    }
}

/// Writes the workspace as `revision`. The caller has checked that the stored revision is
/// the one it loaded, so no other tab's newer save is overwritten.
pub fn save_workspace(ws: &Workspace, revision: u64, now: Timestamp) -> Result<(), StorageError> {
    set_json(KEY_WORKSPACE, &workspace_envelope(ws, now, revision))?;
    // What was just written is a workspace in the current format at `revision`.
    if let Some(g) = super::kv::generation() {
        KNOWN_REVISION.with(|k| k.set(Some((g, StoredRevision::At(revision)))));
    }
    Ok(())
}

/// Keeps an unreadable stored value under a key of its own, before anything replaces it.
pub fn keep_for_recovery(raw: &str, now: Timestamp) -> Result<String, StorageError> {
    let key = format!("{PREFIX_RECOVERY}{}", now.timestamp_millis());
    set(&key, raw)?;
    Ok(key)
}

/// Moves an unreadable stored workspace aside: copies it to a recovery key, reads the copy
/// back to check it is identical, and only then removes it from the workspace key, so that
/// a new workspace can be saved. If any step fails, the original stays where it was.
pub fn set_aside_unreadable(raw: &str, now: Timestamp) -> Result<String, StorageError> {
    let key = keep_for_recovery(raw, now)?;
    if get(&key)?.as_deref() != Some(raw) {
        return Err(StorageError::Failed(
            "the copy of the stored data did not read back the same".into(),
        ));
    }
    if get(KEY_WORKSPACE)?.as_deref() == Some(raw) {
        remove(KEY_WORKSPACE)?;
    }
    Ok(key)
}

/// A value kept aside by [`keep_for_recovery`].
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryCopy {
    pub key: String,
    pub kept_at: Option<DateTime<Utc>>,
    pub chars: usize,
}

pub fn recovery_copies() -> Result<Vec<RecoveryCopy>, StorageError> {
    let mut out = Vec::new();
    for key in app_keys()? {
        if let Some(ms) = key.strip_prefix(PREFIX_RECOVERY) {
            let chars = get(&key)?.map(|v| v.chars().count()).unwrap_or(0);
            let kept_at = ms.parse::<i64>().ok().and_then(DateTime::from_timestamp_millis);
            out.push(RecoveryCopy { key, kept_at, chars });
        }
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.kept_at));
    Ok(out)
}

pub fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    get(key)
}

pub fn delete_raw(key: &str) -> Result<(), StorageError> {
    if key.starts_with(PREFIX_RECOVERY) {
        remove(key)
    } else {
        Err(StorageError::Failed(
            "only recovery copies can be deleted this way".into(),
        ))
    }
}

/// The backups, newest first, including any whose index entry was lost.
pub fn backups() -> Result<Vec<BackupInfo>, StorageError> {
    let mut index = parse_index(get(KEY_BACKUP_INDEX)?.as_deref());
    let keys = app_keys()?;
    index.retain(|b| keys.contains(&b.key));
    for key in keys.iter().filter(|k| k.starts_with(PREFIX_BACKUP)) {
        if !index.iter().any(|b| &b.key == key) {
            let ms = key.trim_start_matches(PREFIX_BACKUP).parse::<i64>().ok();
            let created_at = ms.and_then(DateTime::from_timestamp_millis).unwrap_or_default();
            let chars = get(key)?.map(|v| v.chars().count()).unwrap_or(0);
            index.push(BackupInfo {
                key: key.clone(),
                label: "Backup (index entry lost)".into(),
                created_at,
                workspace_name: String::new(),
                chars,
            });
        }
    }
    index.sort_by_key(|b| std::cmp::Reverse(b.created_at));
    Ok(index)
}

/// Backs up `ws` before it is replaced, keeping the newest five backups. When storage is too
/// full for the backup, no older backup is deleted to make room: the error reaches the caller,
/// which must then not replace anything, and the user decides what to delete.
pub fn create_backup(ws: &Workspace, label: &str, now: Timestamp) -> Result<BackupInfo, StorageError> {
    let mut ms = now.timestamp_millis();
    let keys = app_keys()?;
    while keys.contains(&format!("{PREFIX_BACKUP}{ms}")) {
        ms += 1;
    }
    let key = format!("{PREFIX_BACKUP}{ms}");
    let text = encode_workspace(ws, now, 0, false);
    let info = BackupInfo {
        key: key.clone(),
        label: label.to_string(),
        created_at: now,
        workspace_name: ws.name.clone(),
        chars: text.chars().count(),
    };
    let existing = backups()?;
    set(&key, &text)?;
    let (kept, dropped) = add_and_prune(existing, info.clone());
    for b in &dropped {
        remove(&b.key)?;
    }
    if let Err(e) = set_json(KEY_BACKUP_INDEX, &kept) {
        // The backup itself is stored; `backups()` lists it even without an index entry.
        web_sys::console::warn_1(&format!("backup index not updated: {e}").into());
    }
    Ok(info)
}

/// Reads and checks one backup.
pub fn read_backup(key: &str) -> Result<Result<Workspace, LoadError>, StorageError> {
    let raw = get(key)?.ok_or_else(|| StorageError::Failed("that backup is gone".into()))?;
    Ok(match decode_document(&raw) {
        Ok(Document::Workspace(env)) => Ok(env.data),
        Ok(Document::Community(_)) => Err(LoadError::NotCultivate("a backup must hold a whole workspace".into())),
        Err(e) => Err(e),
    })
}

pub fn delete_backup(key: &str) -> Result<(), StorageError> {
    if !key.starts_with(PREFIX_BACKUP) {
        return Err(StorageError::Failed("not a backup".into()));
    }
    remove(key)?;
    let mut index = parse_index(get(KEY_BACKUP_INDEX)?.as_deref());
    index.retain(|b| b.key != key);
    set_json(KEY_BACKUP_INDEX, &index)
}

/// Characters this app keeps in browser storage (keys and texts), and the number of keys.
pub fn usage() -> Result<(usize, usize), StorageError> {
    super::kv::usage()
}

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), StorageError> {
    // The Blob gets the UTF-8 bytes as they are: making a JS string of them first would
    // decode the whole text to UTF-16 and the Blob would encode it back (for M, export took
    // 335 ms that way and about 205 ms this way, click to download, in a local probe).
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(text.as_bytes()));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| StorageError::Failed("no document".into()))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| StorageError::Failed("could not create a link".into()))?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("hidden", "").map_err(js_error)?;
    let body = document.body().ok_or_else(|| StorageError::Failed("no body".into()))?;
    body.append_child(&a).map_err(js_error)?;
    a.click();
    let _ = body.remove_child(&a);
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Reads a picked or dropped file as text.
///
/// The file's bytes are copied into the app as they are and checked as UTF-8 here, rather
/// than decoded by the browser to a JS string that would then be encoded back to UTF-8.
/// Like `File.text()`, a leading byte-order mark is dropped and bytes that are not UTF-8
/// become U+FFFD, the replacement character.
pub async fn read_file(file: &web_sys::File) -> Result<String, StorageError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(js_error)?;
    // The benchmark times the parse from here (the bytes are read; copying them into the
    // app is part of parsing them) to the checked records (`AppState::plan_import`).
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("cultivate-import-parse-start");
    }
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(text_from_bytes(bytes))
}

/// UTF-8 text from a file's bytes, as `File.text()` decodes it.
fn text_from_bytes(bytes: Vec<u8>) -> String {
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}
