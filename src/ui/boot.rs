//! The page before the app mounts.
//!
//! `index.html` says "Opening Cultivate…" while the wasm downloads and compiles and the
//! stored documents are read (`storage::kv::open`), so a slow network or a large workspace
//! never shows a blank page. If reading the storage takes longer than [`SLOW_OPEN_MS`] (a
//! browser whose IndexedDB never answers, say), the message says why the page waits and
//! what to do. When the app mounts, the message goes.
//!
//! Nothing is read or written before the storage has opened, so waiting never risks the
//! stored work.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The element `index.html` puts in the body, and its status line.
const BOOT_ID: &str = "boot";
const BOOT_STATUS_ID: &str = "boot-status";

/// How long opening the storage may take before the page explains the wait. Opening reads
/// every stored document; the largest workspace that fits takes about two seconds.
const SLOW_OPEN_MS: i32 = 5_000;

const SLOW_OPEN_TEXT: &str = "Still opening this browser's storage, where your work is kept. \
     A large workspace takes a few seconds. If this message stays, close any other Cultivate \
     tabs and reload this page, or restart the browser. Your saved work is not touched while \
     this page waits.";

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// After [`SLOW_OPEN_MS`], if the app has not mounted yet, replaces "Opening Cultivate…"
/// with [`SLOW_OPEN_TEXT`].
pub fn explain_if_slow() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let explain = Closure::once_into_js(|| {
        if let Some(status) = element(BOOT_STATUS_ID) {
            status.set_text_content(Some(SLOW_OPEN_TEXT));
        }
    });
    // Without a timer the page keeps its first message, which is still true.
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(explain.unchecked_ref(), SLOW_OPEN_MS);
}

/// Removes the message, just before the app mounts.
pub fn finish() {
    if let Some(boot) = element(BOOT_ID) {
        boot.remove();
    }
}
