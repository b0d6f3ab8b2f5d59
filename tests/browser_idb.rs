//! Browser tests of the IndexedDB store (`storage::kv`) in headless Chromium.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser_idb` (scripts/test does).
//!
//! The store is opened once per page, so one test walks through the whole life of it: the
//! move from localStorage at the first open, reads and writes through the mirror, and what
//! reaches the disk.
#![cfg(target_arch = "wasm32")]

use cultivate::model::sample::sample_workspace;
use cultivate::storage::browser::{KEY_DEVICE, KEY_WORKSPACE, PREFIX_RECOVERY};
use cultivate::storage::format::encode_workspace;
use cultivate::storage::kv::{self, Backend, DB_NAME, DB_VERSION, STORE};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Settles when `req` succeeds (with its result) or fails.
async fn request(req: &web_sys::IdbRequest) -> JsValue {
    let r = req.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let r2 = r.clone();
        let ok = Closure::once_into_js(move |_: JsValue| {
            resolve.call1(&JsValue::NULL, &r2.result().unwrap()).unwrap();
        });
        let failed = Closure::once_into_js(move |_: JsValue| {
            reject.call0(&JsValue::NULL).unwrap();
        });
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await.expect("an IndexedDB request failed")
}

/// A connection of the test's own, as another tab would have.
async fn connection() -> web_sys::IdbDatabase {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let req = factory.open_with_u32(DB_NAME, DB_VERSION).unwrap();
    let r = req.clone();
    let upgrade = Closure::once_into_js(move |_: JsValue| {
        let db: web_sys::IdbDatabase = r.result().unwrap().unchecked_into();
        db.create_object_store(STORE).unwrap();
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    request(&req).await.unchecked_into()
}

async fn disk_get(key: &str) -> Option<String> {
    let db = connection().await;
    let store = db.transaction_with_str(STORE).unwrap().object_store(STORE).unwrap();
    let v = request(&store.get(&JsValue::from_str(key)).unwrap()).await;
    db.close();
    v.as_string()
}

async fn disk_put(key: &str, value: &str) {
    let db = connection().await;
    let tx = db
        .transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    request(
        &tx.object_store(STORE)
            .unwrap()
            .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
            .unwrap(),
    )
    .await;
    db.close();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits (up to five seconds) until no write of `key` is in flight.
async fn committed(key: &str) {
    for _ in 0..100 {
        if kv::pending(key) == 0 {
            return;
        }
        sleep(50).await;
    }
    panic!("the write of {key} did not commit within five seconds");
}

#[wasm_bindgen_test]
async fn the_store_moves_local_storage_documents_keeps_both_sides_of_a_clash_and_never_writes_out_of_order() {
    // Before the first open: the store already holds a workspace (say, saved by this
    // version in another tab) and localStorage holds a different one (saved by an older
    // version still open elsewhere), a backup, and this browser's device id.
    local().clear().unwrap();
    disk_put(KEY_WORKSPACE, "IN-IDB").await;
    local().set_item(KEY_WORKSPACE, "IN-LOCAL").unwrap();
    local().set_item("cultivate.backup.5", "BACKUP").unwrap();
    local().set_item(KEY_DEVICE, "device1").unwrap();
    local().set_item("another.app", "theirs").unwrap();
    assert_eq!(
        kv::backend(),
        Backend::LocalStorage(None),
        "before opening, localStorage is the store"
    );

    assert_eq!(kv::open().await, Backend::IndexedDb);

    // localStorage's text takes the key; the store's text is kept under a recovery key.
    assert_eq!(kv::get(KEY_WORKSPACE).unwrap().as_deref(), Some("IN-LOCAL"));
    assert_eq!(disk_get(KEY_WORKSPACE).await.as_deref(), Some("IN-LOCAL"));
    let recovery = kv::keys(PREFIX_RECOVERY).unwrap();
    assert_eq!(recovery.len(), 1, "one recovery copy: {recovery:?}");
    assert_eq!(kv::get(&recovery[0]).unwrap().as_deref(), Some("IN-IDB"));
    assert_eq!(disk_get(&recovery[0]).await.as_deref(), Some("IN-IDB"));
    assert_eq!(disk_get("cultivate.backup.5").await.as_deref(), Some("BACKUP"));

    // The documents left localStorage; the setting and other apps' keys stayed.
    assert_eq!(local().get_item(KEY_WORKSPACE).unwrap(), None);
    assert_eq!(local().get_item("cultivate.backup.5").unwrap(), None);
    assert_eq!(local().get_item(KEY_DEVICE).unwrap().as_deref(), Some("device1"));
    assert_eq!(local().get_item("another.app").unwrap().as_deref(), Some("theirs"));

    // A write is read back at once from memory, and reaches the disk.
    let big = "x".repeat(6_000_000); // more than localStorage could hold
    kv::set(KEY_WORKSPACE, &big).unwrap();
    assert_eq!(kv::get(KEY_WORKSPACE).unwrap().map(|v| v.len()), Some(big.len()));
    assert!(
        kv::pending(KEY_WORKSPACE) > 0,
        "the write is in flight until it commits"
    );
    committed(KEY_WORKSPACE).await;
    assert_eq!(disk_get(KEY_WORKSPACE).await.map(|v| v.len()), Some(big.len()));
    assert_eq!(
        local().get_item(KEY_WORKSPACE).unwrap(),
        None,
        "nothing is written to localStorage"
    );

    // Removing works the same way; a second open changes nothing.
    kv::remove("cultivate.backup.5").unwrap();
    assert_eq!(kv::get("cultivate.backup.5").unwrap(), None);
    committed("cultivate.backup.5").await;
    assert_eq!(disk_get("cultivate.backup.5").await, None);
    assert_eq!(kv::open().await, Backend::IndexedDb);
    let (chars, items) = kv::usage().unwrap();
    assert_eq!(items, 2, "the workspace and the recovery copy");
    assert!(chars > big.len());

    // The revision read before every save is remembered while the store is unchanged, and
    // read again once anything changes it: a write of this tab, or another tab's.
    use cultivate::storage::browser::{save_workspace, stored_revision, StoredRevision};
    let now = cultivate::state::now();
    assert_eq!(stored_revision().unwrap(), StoredRevision::Unreadable, "a text of x's");
    save_workspace(&sample_workspace(), 7, now).unwrap();
    assert_eq!(stored_revision().unwrap(), StoredRevision::At(7));
    kv::set(KEY_WORKSPACE, &encode_workspace(&sample_workspace(), now, 9, false)).unwrap();
    assert_eq!(
        stored_revision().unwrap(),
        StoredRevision::At(9),
        "another write of this tab"
    );
    kv::set(KEY_WORKSPACE, "{ not json").unwrap();
    assert_eq!(stored_revision().unwrap(), StoredRevision::Unreadable);
    kv::remove(KEY_WORKSPACE).unwrap();
    assert_eq!(stored_revision().unwrap(), StoredRevision::Absent);
    committed(KEY_WORKSPACE).await;
    // Another tab saves revision 12 and announces it on the channel, as the store does.
    disk_put(KEY_WORKSPACE, &encode_workspace(&sample_workspace(), now, 12, false)).await;
    let other_tab = web_sys::BroadcastChannel::new(kv::CHANNEL).unwrap();
    other_tab.post_message(&JsValue::from_str(KEY_WORKSPACE)).unwrap();
    other_tab.close();
    for _ in 0..100 {
        if kv::get(KEY_WORKSPACE).unwrap().is_some() {
            break;
        }
        sleep(50).await;
    }
    assert_eq!(
        stored_revision().unwrap(),
        StoredRevision::At(12),
        "another tab's write"
    );

    // A write of the workspace checks, in its own transaction, that the disk holds the text
    // this tab last knew. Another tab's save that this tab has not heard of yet is never
    // overwritten: the write is refused as a conflict, and the mirror takes the disk's text.
    let refused = std::rc::Rc::new(std::cell::RefCell::new(Vec::<(String, String)>::new()));
    let seen = refused.clone();
    kv::on_write_error(move |key, e| seen.borrow_mut().push((key.to_string(), e.to_string())));
    kv::set(KEY_WORKSPACE, "MINE 1").unwrap();
    committed(KEY_WORKSPACE).await;
    assert_eq!(disk_get(KEY_WORKSPACE).await.as_deref(), Some("MINE 1"));
    disk_put(KEY_WORKSPACE, "THEIRS").await; // not announced yet
    let before = kv::generation();
    kv::set(KEY_WORKSPACE, "MINE 2").unwrap();
    committed(KEY_WORKSPACE).await;
    assert_eq!(
        disk_get(KEY_WORKSPACE).await.as_deref(),
        Some("THEIRS"),
        "the other tab's save stays"
    );
    assert_eq!(
        kv::get(KEY_WORKSPACE).unwrap().as_deref(),
        Some("THEIRS"),
        "the mirror takes it"
    );
    assert_ne!(kv::generation(), before);
    assert_eq!(refused.borrow().len(), 1, "{:?}", refused.borrow());
    assert_eq!(refused.borrow()[0].0, KEY_WORKSPACE);
    assert!(
        refused.borrow()[0].1.contains("another tab saved this workspace first"),
        "{:?}",
        refused.borrow()
    );
    // Knowing the disk's text now, the next write goes through.
    kv::set(KEY_WORKSPACE, &big).unwrap();
    committed(KEY_WORKSPACE).await;
    assert_eq!(disk_get(KEY_WORKSPACE).await.map(|v| v.len()), Some(big.len()));
    assert_eq!(refused.borrow().len(), 1, "no other refusal");

    // A write that fails (as on a full disk) is reported, and a later write still in flight
    // is cancelled with it, so that removing a value never reaches the disk without the
    // copy made before it.
    let errors = std::rc::Rc::new(std::cell::RefCell::new(Vec::<(String, String)>::new()));
    let seen = errors.clone();
    kv::on_write_error(move |key, e| seen.borrow_mut().push((key.to_string(), e.to_string())));
    let full_disk = js_sys::Function::new_no_args(
        "const put = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function (...args) {
           const req = put.apply(this, args);
           const tx = this.transaction;
           Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
           tx.abort();
           IDBObjectStore.prototype.put = put;
           return req;
         };",
    );
    full_disk.call0(&JsValue::NULL).unwrap();
    kv::set("cultivate.recovery.copy", "KEPT FIRST").unwrap();
    kv::remove(KEY_WORKSPACE).unwrap();
    committed("cultivate.recovery.copy").await;
    committed(KEY_WORKSPACE).await;
    assert_eq!(
        disk_get("cultivate.recovery.copy").await,
        None,
        "the failed write did not happen"
    );
    assert_eq!(
        disk_get(KEY_WORKSPACE).await.map(|v| v.len()),
        Some(big.len()),
        "the removal after it was cancelled"
    );
    let recorded = errors.clone();
    let errors = errors.borrow().clone();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].0, "cultivate.recovery.copy");
    assert!(errors[0].1.contains("storage is full"), "{}", errors[0].1);
    assert_eq!(errors[1].0, KEY_WORKSPACE);
    assert!(errors[1].1.contains("an earlier write failed"), "{}", errors[1].1);

    // Nothing of the failed writes reached the disk, and the store knows it: the next write
    // of the workspace expects the text still there, so it goes through (not refused).
    kv::set(KEY_WORKSPACE, "AFTER THE DISK HAD ROOM").unwrap();
    committed(KEY_WORKSPACE).await;
    assert_eq!(
        disk_get(KEY_WORKSPACE).await.as_deref(),
        Some("AFTER THE DISK HAD ROOM")
    );
    assert_eq!(recorded.borrow().len(), 2, "no refusal: {:?}", recorded.borrow());
}
