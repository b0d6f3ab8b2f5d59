//! Where stored documents live: IndexedDB, read into memory once at start-up.
//!
//! localStorage holds about five million characters per site, and a large workspace (2,000
//! people, 5,000 meetings) does not fit, let alone with the backups an import makes. So the
//! documents (the workspace, backups, parked workspaces, recovery copies and a participant's
//! answers) live in an IndexedDB object store, under the same keys they had in localStorage.
//! Small settings (this browser's device id) stay in localStorage, through gloo-storage.
//!
//! IndexedDB is asynchronous, but the rest of the storage code and the app's saving logic
//! are synchronous: they read a revision, compare, write. So [`open`] reads every entry into
//! a *mirror* in memory before the app mounts, and from then on:
//! - reads come from the mirror;
//! - a write updates the mirror at once and queues an IndexedDB transaction. Transactions on
//!   one store run in the order they were made, so the last write wins on disk as in memory.
//!   If a transaction fails (the disk is full, say), every later one still in flight is
//!   cancelled, so that a step never reaches the disk without the steps before it (a value
//!   is only removed once its copy is kept); the hook set by [`on_write_error`] hears of
//!   each, so the app shows the error and keeps the work, which stays exportable;
//! - a write of the workspace first reads the stored text in its own transaction and goes on
//!   only if it is the text this tab last knew (its own last write, or what it last read);
//!   otherwise another tab saved in between, and the write is refused as a conflict
//!   ([`StorageError::Conflict`]) while the mirror takes the stored text, so a save never
//!   lands over one this tab has not seen;
//! - when a transaction has committed, other tabs hear of it on a `BroadcastChannel`, read
//!   the new value and tell the app through [`on_external_change`], as localStorage's
//!   `storage` event did.
//!
//! **Moving from localStorage.** [`open`] moves every document key it finds in localStorage
//! into IndexedDB in one transaction, and deletes them from localStorage only after that
//! transaction committed. If a key is in both with different text (a tab of an older version
//! kept saving to localStorage), the localStorage text is the newer one and takes the key;
//! the IndexedDB text is kept under a recovery key, so nothing is lost. See [`plan_move`].
//!
//! **Fallback.** When IndexedDB cannot be opened (blocked by site settings, some private
//! modes), everything stays in localStorage as before, and [`backend`] says why.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::browser::{KEY_DEVICE, KEY_WORKSPACE, PREFIX_RECOVERY};

/// The IndexedDB database, its version and its one object store.
pub const DB_NAME: &str = "cultivate";
pub const DB_VERSION: u32 = 1;
pub const STORE: &str = "kv";
/// The channel on which tabs announce committed writes (the message is the key).
pub const CHANNEL: &str = "cultivate.kv";

/// Whether `key` names a document (kept in the store) rather than a small setting (kept in
/// localStorage).
pub fn is_document_key(key: &str) -> bool {
    key.starts_with("cultivate.") && key != KEY_DEVICE
}

/// What [`open`] does with documents found in localStorage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MovePlan {
    /// Entries to write into the store.
    pub puts: Vec<(String, String)>,
    /// Keys to delete from localStorage once the writes have committed.
    pub remove_local: Vec<String>,
}

/// The revision of a workspace envelope, read without decoding its records.
fn revision_of(text: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Rev {
        format: String,
        revision: u64,
    }
    serde_json::from_str::<Rev>(text)
        .ok()
        .filter(|r| r.format == super::format::FORMAT_WORKSPACE)
        .map(|r| r.revision)
}

/// Whether `text` is a workspace saved at a later revision than `than`.
fn later_revision(text: &str, than: &str) -> bool {
    matches!((revision_of(text), revision_of(than)), (Some(a), Some(b)) if a > b)
}

/// Plans moving localStorage's document entries into the store, whose entries are `stored`.
/// A key the store lacks is copied; a key with the same text is only removed from
/// localStorage; a key with different text takes localStorage's text (the newer write), and
/// the store's text is kept under a fresh recovery key made from `now_ms`, except when both
/// are the workspace and localStorage's was saved at a later revision: then it is the same
/// work, saved later, and simply takes the key.
pub fn plan_move(stored: &BTreeMap<String, String>, local: &[(String, String)], now_ms: i64) -> MovePlan {
    let mut plan = MovePlan::default();
    let mut next_ms = now_ms;
    for (key, text) in local.iter().filter(|(k, _)| is_document_key(k)) {
        match stored.get(key) {
            Some(old) if old == text => {}
            // The same workspace saved later: the copy this app kept in localStorage when its
            // page was closed while a write was in flight (see [`journal_pending`]).
            Some(old) if key == KEY_WORKSPACE && later_revision(text, old) => {
                plan.puts.push((key.clone(), text.clone()));
            }
            Some(old) => {
                let mut aside = format!("{PREFIX_RECOVERY}{next_ms}");
                while stored.contains_key(&aside) || plan.puts.iter().any(|(k, _)| k == &aside) {
                    next_ms += 1;
                    aside = format!("{PREFIX_RECOVERY}{next_ms}");
                }
                next_ms += 1;
                plan.puts.push((aside, old.clone()));
                plan.puts.push((key.clone(), text.clone()));
            }
            None => plan.puts.push((key.clone(), text.clone())),
        }
        plan.remove_local.push(key.clone());
    }
    plan
}

// ----- the browser side -----

use super::browser::{js_error, StorageError};

/// Which store holds the documents in this tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backend {
    IndexedDb,
    /// IndexedDB could not be opened (the reason), or [`open`] has not run.
    LocalStorage(Option<String>),
}

struct Idb {
    db: web_sys::IdbDatabase,
    mirror: BTreeMap<String, String>,
    /// Counts the mirror's changes (see [`generation`]).
    generation: u64,
    /// For the workspace: the text (a JS string, or undefined when absent) this tab expects
    /// on disk once its queued writes land. A write of the workspace first checks that the
    /// disk holds it, in the same transaction, so a save never lands over another tab's save
    /// that this tab has not seen (see [`idb_write`]). Missing: not known, nothing checked.
    base: BTreeMap<String, JsValue>,
    channel: Option<web_sys::BroadcastChannel>,
}

type ErrorHook = Rc<dyn Fn(&str, StorageError)>;
type ChangeHook = Rc<dyn Fn(Option<String>)>;

thread_local! {
    static IDB: RefCell<Option<Idb>> = const { RefCell::new(None) };
    static WHY_LOCAL: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Set when another version of the app upgraded the database: writes must stop.
    static CLOSED: Cell<bool> = const { Cell::new(false) };
    static ON_WRITE_ERROR: RefCell<Option<ErrorHook>> = const { RefCell::new(None) };
    static ON_CHANGE: RefCell<Option<ChangeHook>> = const { RefCell::new(None) };
    static ON_COMMIT: RefCell<Option<ChangeHook>> = const { RefCell::new(None) };
    /// Transactions queued and not yet settled, in the order they were made.
    static INFLIGHT: RefCell<Vec<(u64, web_sys::IdbTransaction)>> = const { RefCell::new(Vec::new()) };
    static NEXT_SEQ: Cell<u64> = const { Cell::new(0) };
    /// The sequence number of the last write queued, per key.
    static WRITTEN: RefCell<BTreeMap<String, u64>> = const { RefCell::new(BTreeMap::new()) };
    /// For each write of a checked key still in flight: the key and the text it expected on
    /// disk, which is again what the disk holds if the write fails.
    static EXPECTED: RefCell<BTreeMap<u64, (String, JsValue)>> = const { RefCell::new(BTreeMap::new()) };
    /// Writes refused because another tab's save was on disk (by their sequence number).
    static REFUSED: RefCell<std::collections::BTreeSet<u64>> = const { RefCell::new(std::collections::BTreeSet::new()) };
    /// Writes queued and not yet committed or failed, per key.
    static PENDING: RefCell<BTreeMap<String, usize>> = const { RefCell::new(BTreeMap::new()) };
}

/// The store in use.
pub fn backend() -> Backend {
    if IDB.with(|i| i.borrow().is_some()) {
        Backend::IndexedDb
    } else {
        Backend::LocalStorage(WHY_LOCAL.with(|w| w.borrow().clone()))
    }
}

/// Called with the key and the error when a write that [`set`] or [`remove`] accepted fails
/// later, as it is committed.
pub fn on_write_error(hook: impl Fn(&str, StorageError) + 'static) {
    ON_WRITE_ERROR.with(|h| *h.borrow_mut() = Some(Rc::new(hook)));
}

/// Called with the key when another tab changed a stored document (`None`: possibly all).
/// With localStorage as the store, the `storage` event tells the app instead.
pub fn on_external_change(hook: impl Fn(Option<String>) + 'static) {
    ON_CHANGE.with(|h| *h.borrow_mut() = Some(Rc::new(hook)));
}

/// Called with the key when a write of it has been committed to disk (IndexedDB only:
/// localStorage writes are done when [`set`] returns).
pub fn on_committed(hook: impl Fn(Option<String>) + 'static) {
    ON_COMMIT.with(|h| *h.borrow_mut() = Some(Rc::new(hook)));
}

/// How many writes of `key` are queued and not yet committed.
pub fn pending(key: &str) -> usize {
    PENDING.with(|p| p.borrow().get(key).copied().unwrap_or(0))
}

fn settle(key: &str) {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(n) = p.get_mut(key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                p.remove(key);
            }
        }
    });
}

fn report_write_error(key: &str, e: StorageError) {
    settle(key);
    // A warning, not an error: the app shows it to the user, who can act on it.
    web_sys::console::warn_1(&format!("storing {key} failed: {e}").into());
    if let Some(hook) = ON_WRITE_ERROR.with(|h| h.borrow().clone()) {
        hook(key, e);
    }
}

/// A promise settled by an IndexedDB request: its result, or its error.
fn request_done(req: &web_sys::IdbRequest) -> wasm_bindgen_futures::JsFuture {
    let req = req.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let failed = Closure::once_into_js(move |_: JsValue| {
            let e = r
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(failed.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}

/// A promise settled when a transaction commits, or rejected with its error if it aborts.
fn transaction_done(tx: &web_sys::IdbTransaction) -> wasm_bindgen_futures::JsFuture {
    let tx = tx.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let failed = Closure::once_into_js(move |_: JsValue| {
            let e = t
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("the transaction was aborted"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onabort(Some(failed.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}

async fn open_database() -> Result<web_sys::IdbDatabase, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    let factory = window
        .indexed_db()
        .map_err(|e| StorageError::Unavailable(js_error(e).to_string()))?
        .ok_or_else(|| StorageError::Unavailable("this browser offers no IndexedDB".into()))?;
    let req = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| StorageError::Unavailable(js_error(e).to_string()))?;
    let r = req.clone();
    let upgrade = Closure::once_into_js(move |_: JsValue| {
        if let Some(db) = r.result().ok().and_then(|v| v.dyn_into::<web_sys::IdbDatabase>().ok()) {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = request_done(&req)
        .await
        .map_err(|e| StorageError::Unavailable(js_error(e).to_string()))?;
    db.dyn_into::<web_sys::IdbDatabase>()
        .map_err(|_| StorageError::Unavailable("IndexedDB gave no database".into()))
}

async fn read_all(db: &web_sys::IdbDatabase) -> Result<(BTreeMap<String, String>, JsValue), StorageError> {
    let tx = db.transaction_with_str(STORE).map_err(js_error)?;
    let store = tx.object_store(STORE).map_err(js_error)?;
    let keys = request_done(&store.get_all_keys().map_err(js_error)?);
    let values = request_done(&store.get_all().map_err(js_error)?);
    let keys: js_sys::Array = keys.await.map_err(js_error)?.unchecked_into();
    let values: js_sys::Array = values.await.map_err(js_error)?.unchecked_into();
    let mut out = BTreeMap::new();
    let mut workspace = JsValue::UNDEFINED;
    for (k, v) in keys.iter().zip(values.iter()) {
        // Anything that is not a text under a text key is not ours; leave it alone.
        if let (Some(k), Some(text)) = (k.as_string(), v.as_string()) {
            if k == KEY_WORKSPACE {
                workspace = v;
            }
            out.insert(k, text);
        }
    }
    Ok((out, workspace))
}

/// localStorage's document keys (see [`is_document_key`]) that start with `prefix`.
fn local_keys(local: &web_sys::Storage, prefix: &str) -> Result<Vec<String>, StorageError> {
    let n = local.length().map_err(js_error)?;
    let mut keys = Vec::new();
    for i in 0..n {
        if let Some(k) = local.key(i).map_err(js_error)? {
            if k.starts_with(prefix) && is_document_key(&k) {
                keys.push(k);
            }
        }
    }
    Ok(keys)
}

fn local_documents() -> Vec<(String, String)> {
    let Ok(local) = super::browser::local() else {
        return Vec::new();
    };
    let keys = local_keys(&local, "").unwrap_or_default();
    keys.into_iter()
        .filter_map(|k| local.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}

async fn write_all(db: &web_sys::IdbDatabase, puts: &[(String, String)]) -> Result<(), StorageError> {
    let tx = db
        .transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite)
        .map_err(js_error)?;
    let store = tx.object_store(STORE).map_err(js_error)?;
    for (k, v) in puts {
        store
            .put_with_key(&JsValue::from_str(v), &JsValue::from_str(k))
            .map_err(js_error)?;
    }
    transaction_done(&tx).await.map_err(js_error)?;
    Ok(())
}

async fn open_store() -> Result<(), StorageError> {
    let db = open_database().await?;
    let (mut mirror, mut on_disk) = read_all(&db).await?;
    let plan = plan_move(&mirror, &local_documents(), js_sys::Date::now() as i64);
    if !plan.puts.is_empty() {
        write_all(&db, &plan.puts).await?;
        if let Some((_, text)) = plan.puts.iter().find(|(k, _)| k == KEY_WORKSPACE) {
            on_disk = JsValue::from_str(text);
        }
        mirror.extend(plan.puts);
    }
    let base = BTreeMap::from([(KEY_WORKSPACE.to_string(), on_disk)]);
    if let Ok(local) = super::browser::local() {
        for k in &plan.remove_local {
            let _ = local.remove_item(k);
        }
    }
    // A newer version of the app wants to upgrade the database: let it, and stop writing.
    let d = db.clone();
    let versionchange = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        CLOSED.with(|c| c.set(true));
        d.close();
    });
    db.set_onversionchange(Some(versionchange.as_ref().unchecked_ref()));
    versionchange.forget();
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok();
    if let Some(ch) = &channel {
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(key) = ev.data().as_string() {
                wasm_bindgen_futures::spawn_local(refresh(key));
            }
        });
        ch.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        listener.forget();
    }
    IDB.with(|i| {
        *i.borrow_mut() = Some(Idb {
            db,
            mirror,
            generation: 0,
            base,
            channel,
        })
    });
    Ok(())
}

/// Puts what the disk holds under `key` (`js`, a JS string or undefined, and `text`, the same
/// decoded) into the mirror, as the text this tab now expects there.
fn take_stored_text(idb: &mut Idb, key: &str, js: JsValue, text: Option<String>) {
    match text {
        Some(v) => idb.mirror.insert(key.to_string(), v),
        None => idb.mirror.remove(key),
    };
    if idb.base.contains_key(key) {
        idb.base.insert(key.to_string(), js);
    }
    idb.generation += 1;
}

/// Reads `key` again after another tab changed it, then tells the app, unless the text read
/// is the one the mirror holds. So the app hears of a change only when another tab's text
/// differs from this tab's: a write of the same revision with other text is two tabs saving
/// at once, not this tab's own save.
async fn refresh(key: String) {
    let Some(db) = IDB.with(|i| i.borrow().as_ref().map(|s| s.db.clone())) else {
        return;
    };
    // A write of this tab queued while the read is under way lands after what the read
    // returns: then the read is out of date, and the write's own check decides.
    let queued_before = NEXT_SEQ.with(Cell::get);
    let read = async {
        let tx = db.transaction_with_str(STORE).map_err(js_error)?;
        let store = tx.object_store(STORE).map_err(js_error)?;
        let v = request_done(&store.get(&JsValue::from_str(&key)).map_err(js_error)?)
            .await
            .map_err(js_error)?;
        Ok::<_, StorageError>(v)
    };
    let written_since = || WRITTEN.with(|w| w.borrow().get(&key).is_some_and(|&seq| seq >= queued_before));
    match read.await {
        Ok(_) if written_since() => {}
        Ok(js) => {
            // Decoded once (megabytes for the workspace), to compare and to keep.
            let text = js.as_string();
            // The text this tab already has (its own write, say): nothing changed for it.
            if IDB.with(|i| i.borrow().as_ref().is_some_and(|s| s.mirror.get(&key) == text.as_ref())) {
                return;
            }
            IDB.with(|i| {
                if let Some(s) = i.borrow_mut().as_mut() {
                    take_stored_text(s, &key, js, text);
                }
            });
            if let Some(hook) = ON_CHANGE.with(|h| h.borrow().clone()) {
                hook(Some(key));
            }
        }
        Err(e) => web_sys::console::warn_1(&format!("reading {key} after another tab changed it failed: {e}").into()),
    }
}

/// Opens the store and moves localStorage's documents into it. Call once, before the app
/// reads anything; if IndexedDB cannot be used, localStorage stays the store.
pub async fn open() -> Backend {
    if IDB.with(|i| i.borrow().is_some()) {
        return Backend::IndexedDb;
    }
    if let Err(e) = open_store().await {
        web_sys::console::warn_1(&format!("IndexedDB not used, keeping documents in localStorage: {e}").into());
        WHY_LOCAL.with(|w| *w.borrow_mut() = Some(e.to_string()));
    }
    backend()
}

fn closed_error() -> StorageError {
    StorageError::Failed(
        "a newer version of Cultivate opened in another tab upgraded the storage; reload this page".into(),
    )
}

/// Queues a write (`Some`) or a deletion (`None`) of `key` and updates the mirror.
fn idb_write(idb: &mut Idb, key: &str, value: Option<String>) -> Result<(), StorageError> {
    if CLOSED.with(Cell::get) {
        return Err(closed_error());
    }
    let tx = idb
        .db
        .transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite)
        .map_err(js_error)?;
    let store = tx.object_store(STORE).map_err(js_error)?;
    let k = JsValue::from_str(key);
    let seq = NEXT_SEQ.with(Cell::get);
    let js = value.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
    // The text this write expects on disk (see `Idb::base`), and from now on this write's.
    let expected = match idb.base.get_mut(key) {
        Some(base) => Some(std::mem::replace(base, js.clone())),
        None => None,
    };
    if let Some(e) = &expected {
        EXPECTED.with(|x| x.borrow_mut().insert(seq, (key.to_string(), e.clone())));
    }
    match (&value, expected) {
        // Check and put in one transaction: if another tab's save is on disk instead of the
        // text this tab last knew, this write is refused, and the mirror takes the disk's.
        (Some(_), Some(expected)) => {
            let read = store.get(&k).map_err(js_error)?;
            let (r, t, key_owned) = (read.clone(), tx.clone(), key.to_string());
            let on_read = Closure::once_into_js(move |_: JsValue| {
                let current = r.result().unwrap_or(JsValue::UNDEFINED);
                if current == expected {
                    if store.put_with_key(&js, &k).is_err() {
                        let _ = t.abort();
                    }
                    return;
                }
                REFUSED.with(|f| f.borrow_mut().insert(seq));
                IDB.with(|i| {
                    if let Some(s) = i.borrow_mut().as_mut() {
                        let text = current.as_string();
                        take_stored_text(s, &key_owned, current, text);
                    }
                });
                let _ = t.abort();
            });
            read.set_onsuccess(Some(on_read.unchecked_ref()));
            Ok(())
        }
        (Some(_), None) => store.put_with_key(&js, &k).map(drop),
        (None, _) => store.delete(&k).map(drop),
    }
    .map_err(js_error)?;
    NEXT_SEQ.with(|n| n.set(seq + 1));
    WRITTEN.with(|w| w.borrow_mut().insert(key.to_string(), seq));
    INFLIGHT.with(|f| f.borrow_mut().push((seq, tx.clone())));
    let channel = idb.channel.clone();
    let done_key = key.to_string();
    let committed = Closure::once_into_js(move |_: JsValue| {
        INFLIGHT.with(|f| f.borrow_mut().retain(|(s, _)| *s != seq));
        EXPECTED.with(|x| x.borrow_mut().remove(&seq));
        settle(&done_key);
        if pending(&done_key) == 0 {
            // A copy kept by `journal_pending` is now on disk: drop it.
            if let Ok(local) = super::browser::local() {
                let _ = local.remove_item(&done_key);
            }
        }
        if let Some(ch) = channel {
            let _ = ch.post_message(&JsValue::from_str(&done_key));
        }
        if let Some(hook) = ON_COMMIT.with(|h| h.borrow().clone()) {
            hook(Some(done_key));
        }
    });
    let t = tx.clone();
    let failed_key = key.to_string();
    let aborted = Closure::once_into_js(move |_: JsValue| {
        // Every later write is cancelled too, so that nothing reaches the disk out of order:
        // a step that depends on this one (removing a value only once its copy is kept, say)
        // must not happen without it.
        let later: Vec<web_sys::IdbTransaction> = INFLIGHT.with(|f| {
            let mut f = f.borrow_mut();
            let later = f.iter().filter(|(s, _)| *s > seq).map(|(_, t)| t.clone()).collect();
            f.retain(|(s, _)| *s < seq);
            later
        });
        for tx in later {
            let _ = tx.abort();
        }
        // Nothing from this write on reaches the disk: for each checked key, the disk holds
        // what the first of these writes expected (unless this one was refused: then the
        // mirror already took the disk's text).
        let refused = REFUSED.with(|f| f.borrow_mut().remove(&seq));
        let restore = EXPECTED.with(|x| {
            let cancelled = x.borrow_mut().split_off(&seq);
            let mut first: BTreeMap<String, Option<JsValue>> = BTreeMap::new();
            for (s, (key, text)) in cancelled {
                first.entry(key).or_insert((!(refused && s == seq)).then_some(text));
            }
            first
        });
        IDB.with(|i| {
            if let Some(s) = i.borrow_mut().as_mut() {
                for (key, text) in restore {
                    if let Some(text) = text {
                        s.base.insert(key, text);
                    }
                }
            }
        });
        let e = if refused {
            StorageError::Conflict
        } else {
            t.error()
                .map(|e| js_error(e.into()))
                .unwrap_or_else(|| StorageError::Failed("it was not written because an earlier write failed".into()))
        };
        report_write_error(&failed_key, e);
    });
    tx.set_oncomplete(Some(committed.unchecked_ref()));
    tx.set_onabort(Some(aborted.unchecked_ref()));
    PENDING.with(|p| *p.borrow_mut().entry(key.to_string()).or_default() += 1);
    match value {
        Some(v) => idb.mirror.insert(key.to_string(), v),
        None => idb.mirror.remove(key),
    };
    idb.generation += 1;
    Ok(())
}

/// The page is going away (closed, reloaded, or hidden and perhaps discarded), and the
/// browser may abort IndexedDB writes still in flight. So each document with a write in
/// flight is also written to localStorage, synchronously, under its own key; the next
/// [`open`] moves it into the store (see [`plan_move`]), and a commit removes it. A document
/// too large for localStorage cannot be kept this way: that is logged, and the write in
/// flight is all there is.
pub fn journal_pending() {
    let keys: Vec<String> = PENDING.with(|p| p.borrow().keys().cloned().collect());
    for key in keys {
        let Some(text) = IDB.with(|i| i.borrow().as_ref().and_then(|s| s.mirror.get(&key).cloned())) else {
            continue;
        };
        let kept = super::browser::local().and_then(|l| l.set_item(&key, &text).map_err(js_error));
        if let Err(e) = kept {
            web_sys::console::warn_1(
                &format!("{key} is being written and could not also be kept in localStorage: {e}").into(),
            );
        }
    }
}

/// The text stored under `key`.
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    read(key, |found| found.map(str::to_string))
}

/// Calls `f` with the text stored under `key`, without copying it out of the mirror: a
/// workspace's text is megabytes, and the app reads its revision before every save. `f` runs
/// while the mirror is borrowed, so it must not write to the store: only this module's
/// neighbours in `storage` call it.
pub(super) fn read<R>(key: &str, f: impl FnOnce(Option<&str>) -> R) -> Result<R, StorageError> {
    IDB.with(|i| {
        if let Some(s) = i.borrow().as_ref() {
            return Ok(f(s.mirror.get(key).map(String::as_str)));
        }
        Ok(f(super::browser::local()?.get_item(key).map_err(js_error)?.as_deref()))
    })
}

/// A number that changes whenever the mirror changes: by a write of this tab, or when the
/// mirror takes another tab's committed write after hearing of it on the channel (before the
/// hook of [`on_external_change`] runs). So a value derived from the mirror's documents stays
/// true while this number is the same. It follows the mirror, not the disk: a write another
/// tab has not announced, or one whose reading failed, is not in the mirror either. `None`
/// while localStorage is the store, which other tabs change without this number hearing of it.
pub fn generation() -> Option<u64> {
    IDB.with(|i| i.borrow().as_ref().map(|s| s.generation))
}

/// Stores `value` under `key`. With IndexedDB, a failure while committing reaches the hook
/// of [`on_write_error`]; a failure to start the write is returned here.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    set_owned(key, value.to_string())
}

/// [`set`], keeping `value` itself in the mirror rather than a copy of it.
pub fn set_owned(key: &str, value: String) -> Result<(), StorageError> {
    let mut value = Some(value);
    if let Some(result) = IDB.with(|i| i.borrow_mut().as_mut().map(|s| idb_write(s, key, value.take()))) {
        return result;
    }
    super::browser::local()?
        .set_item(key, value.as_deref().unwrap_or_default())
        .map_err(js_error)
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    if let Some(result) = IDB.with(|i| i.borrow_mut().as_mut().map(|s| idb_write(s, key, None))) {
        return result;
    }
    super::browser::local()?.remove_item(key).map_err(js_error)
}

/// The stored document keys that start with `prefix`.
pub fn keys(prefix: &str) -> Result<Vec<String>, StorageError> {
    if let Some(keys) = IDB.with(|i| {
        i.borrow().as_ref().map(|s| {
            s.mirror
                .keys()
                .filter(|k| k.starts_with(prefix))
                .cloned()
                .collect::<Vec<_>>()
        })
    }) {
        return Ok(keys);
    }
    local_keys(&super::browser::local()?, prefix)
}

/// Characters (UTF-16 code units, as browsers count them) of the stored documents' keys and
/// texts, and how many there are.
pub fn usage() -> Result<(usize, usize), StorageError> {
    let units = |k: &str, v: &str| utf16_len(k) + utf16_len(v);
    if let Some(found) = IDB.with(|i| {
        i.borrow().as_ref().map(|s| {
            let ours = s.mirror.iter().filter(|(k, _)| k.starts_with("cultivate."));
            ours.fold((0, 0), |(chars, n), (k, v)| (chars + units(k, v), n + 1))
        })
    }) {
        return Ok(found);
    }
    let keys = keys("cultivate.")?;
    let mut chars = 0;
    for k in &keys {
        chars += get(k)?.map(|v| units(k, &v)).unwrap_or(0);
    }
    Ok((chars, keys.len()))
}

/// `s.encode_utf16().count()`, eight bytes at a time: a workspace's text is megabytes, and this
/// runs after every save while the Data page is open. Every UTF-8 byte that is not a
/// continuation byte (`10xxxxxx`) starts a character, one code unit; a four-byte character
/// (lead byte `11110xxx`) is two.
fn utf16_len(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0usize;
    let mut four = 0usize;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Shifting the word left moves each byte's bit n to bit n + 1 of the same byte, so
        // bit 7 of each byte of `x << k` is the byte's bit 7 - k.
        continuation += (x & !(x << 1) & HIGH).count_ones() as usize;
        four += (x & (x << 1) & (x << 2) & (x << 3) & HIGH).count_ones() as usize;
    }
    for &b in chunks.remainder() {
        continuation += usize::from(b & 0xC0 == 0x80);
        four += usize::from(b >= 0xF0);
    }
    bytes.len() - continuation + four
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_len_counts_code_units_as_browsers_do() {
        let samples = [
            "",
            "plain ascii text, longer than one eight-byte word",
            "é",
            "Zoë Ångström, Łódź — naïve café",
            "日本語のテキストと中文",
            "emoji 🌱🌳 and a flag 🇳🇿 then text",
            "𝄞",
            "mixed: a\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff} end",
        ];
        for s in samples {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
            // Every alignment of the eight-byte words against the characters.
            for start in 0..s.len() {
                if s.is_char_boundary(start) {
                    assert_eq!(utf16_len(&s[start..]), s[start..].encode_utf16().count(), "{:?}", &s[start..]);
                }
            }
        }
    }

    fn map(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
        entries.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn list(entries: &[(&str, &str)]) -> Vec<(String, String)> {
        entries.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn documents_move_and_settings_stay() {
        assert!(is_document_key("cultivate.workspace"));
        assert!(is_document_key("cultivate.backup.12"));
        assert!(is_document_key("cultivate.parked"));
        assert!(!is_document_key("cultivate.device"));
        assert!(!is_document_key("other.app"));
    }

    #[test]
    fn a_first_move_copies_every_document_and_nothing_else() {
        let local = list(&[
            ("cultivate.workspace", "W"),
            ("cultivate.device", "d1"),
            ("x", "y"),
            ("cultivate.backup.5", "B"),
        ]);
        let plan = plan_move(&BTreeMap::new(), &local, 100);
        assert_eq!(
            plan.puts,
            list(&[("cultivate.workspace", "W"), ("cultivate.backup.5", "B")])
        );
        assert_eq!(
            plan.remove_local,
            vec!["cultivate.workspace".to_string(), "cultivate.backup.5".to_string()]
        );
    }

    #[test]
    fn the_same_text_in_both_is_only_removed_from_local_storage() {
        let plan = plan_move(
            &map(&[("cultivate.workspace", "W")]),
            &list(&[("cultivate.workspace", "W")]),
            100,
        );
        assert!(plan.puts.is_empty());
        assert_eq!(plan.remove_local, vec!["cultivate.workspace".to_string()]);
    }

    #[test]
    fn different_texts_keep_both_with_local_storage_taking_the_key() {
        let stored = map(&[("cultivate.workspace", "OLD"), ("cultivate.recovery.100", "R")]);
        let local = list(&[("cultivate.workspace", "NEW"), ("cultivate.parked.1", "P")]);
        let plan = plan_move(&stored, &local, 100);
        assert_eq!(
            plan.puts,
            list(&[
                ("cultivate.recovery.101", "OLD"),
                ("cultivate.workspace", "NEW"),
                ("cultivate.parked.1", "P"),
            ])
        );
    }

    fn envelope(revision: u64, name: &str) -> String {
        format!(
            r#"{{"format":"cultivate-workspace","schema_version":6,"revision":{revision},"data":{{"name":"{name}"}}}}"#
        )
    }

    #[test]
    fn a_workspace_kept_in_local_storage_at_a_later_revision_simply_takes_the_key() {
        let stored = map(&[("cultivate.workspace", &envelope(4, "before"))]);
        let later = envelope(5, "after");
        let plan = plan_move(&stored, &list(&[("cultivate.workspace", &later)]), 100);
        assert_eq!(
            plan.puts,
            list(&[("cultivate.workspace", &later)]),
            "no recovery copy of the earlier save"
        );
        assert_eq!(plan.remove_local, vec!["cultivate.workspace".to_string()]);
    }

    #[test]
    fn a_workspace_in_local_storage_at_an_earlier_or_equal_revision_keeps_both() {
        for rev in [3, 4] {
            let stored = map(&[("cultivate.workspace", &envelope(4, "idb"))]);
            let plan = plan_move(&stored, &list(&[("cultivate.workspace", &envelope(rev, "local"))]), 100);
            assert_eq!(
                plan.puts,
                list(&[
                    ("cultivate.recovery.100", &envelope(4, "idb")),
                    ("cultivate.workspace", &envelope(rev, "local"))
                ]),
                "revision {rev}"
            );
        }
    }

    #[test]
    fn two_conflicts_get_two_recovery_keys() {
        let stored = map(&[("cultivate.workspace", "A"), ("cultivate.participant", "B")]);
        let local = list(&[("cultivate.workspace", "A2"), ("cultivate.participant", "B2")]);
        let plan = plan_move(&stored, &local, 7);
        let aside: Vec<_> = plan
            .puts
            .iter()
            .filter(|(k, _)| k.starts_with(PREFIX_RECOVERY))
            .collect();
        assert_eq!(aside.len(), 2);
        assert_ne!(aside[0].0, aside[1].0);
        let kept: Vec<&str> = aside.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(kept, ["A", "B"]);
    }
}
