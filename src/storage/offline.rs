//! Offline use: registers the service worker (`public/sw.js`) and reports what it is doing,
//! so that the app can say "ready to work offline" and "update available — reload".
//!
//! The worker caches each build under its own name and never takes over an open page by
//! itself. When a new build has been installed next to the running one, [`register`]'s
//! callback receives [`OfflineStatus::UpdateReady`]; [`apply_update`] then tells the waiting
//! worker to take over and reloads this page once it has.
//!
//! The worker's URL and scope are taken from the document's base URL (`<base href>`, set by
//! trunk's `--public-url`), so a sub-path works. The service worker API is reached through
//! `js_sys::Reflect` rather than web-sys features, and every call that can fail returns a
//! `Result`; nothing here panics.

use std::cell::{Cell, RefCell};

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The file name of the worker, next to index.html.
pub const WORKER_FILE: &str = "sw.js";

/// What offline use is doing in this browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfflineStatus {
    /// Not asked yet (debug builds never register, see [`register`]).
    Off,
    /// The worker is being installed: the app's files are being stored.
    Preparing,
    /// The app's files are stored: it loads and works with the network off.
    Ready,
    /// A newer version is stored and waits for a reload to take over.
    UpdateReady,
    /// A newer version took over (from another tab); this page still runs the old one.
    UpdateActive,
    /// Offline use is not possible here, and why.
    Unavailable(String),
}

impl OfflineStatus {
    /// Whether the user should be offered a reload into a newer version.
    pub fn update_pending(&self) -> bool {
        matches!(self, OfflineStatus::UpdateReady | OfflineStatus::UpdateActive)
    }
}

/// Why a call into the service worker API failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfflineError(pub String);

impl std::fmt::Display for OfflineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn js_message(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, OfflineError> {
    Reflect::get(target, &JsValue::from_str(key)).map_err(|e| OfflineError(js_message(&e)))
}

fn present(v: JsValue) -> Option<JsValue> {
    (!v.is_undefined() && !v.is_null()).then_some(v)
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, OfflineError> {
    let f: Function = get(target, method)?
        .dyn_into()
        .map_err(|_| OfflineError(format!("{method} is not a function")))?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(target, &args).map_err(|e| OfflineError(js_message(&e)))
}

fn listen(target: &JsValue, event: &str, f: impl FnMut(JsValue) + 'static) -> Result<(), OfflineError> {
    let closure = Closure::<dyn FnMut(JsValue)>::new(f);
    let target: &web_sys::EventTarget = target.unchecked_ref();
    target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .map_err(|e| OfflineError(js_message(&e)))?;
    // The listeners live as long as the page.
    closure.forget();
    Ok(())
}

/// `navigator.serviceWorker`, or why there is none.
fn container() -> Result<JsValue, OfflineError> {
    let window = web_sys::window().ok_or_else(|| OfflineError("no window".into()))?;
    let navigator = get(&window, "navigator")?;
    present(get(&navigator, "serviceWorker")?).ok_or_else(|| {
        OfflineError(if window.is_secure_context() {
            "this browser does not offer service workers".into()
        } else {
            "the app is not served over https (or from localhost), which offline use needs".into()
        })
    })
}

/// The worker's URL and the scope it serves: next to index.html, under `<base href>`.
fn worker_url_and_scope() -> Result<(String, String), OfflineError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| OfflineError("no document".into()))?;
    let base = document
        .base_uri()
        .map_err(|e| OfflineError(js_message(&e)))?
        .ok_or_else(|| OfflineError("the page has no base URL".into()))?;
    let url = web_sys::Url::new_with_base(WORKER_FILE, &base).map_err(|e| OfflineError(js_message(&e)))?;
    let scope = web_sys::Url::new_with_base("./", &base).map_err(|e| OfflineError(js_message(&e)))?;
    Ok((url.href(), scope.href()))
}

thread_local! {
    static REGISTRATION: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// Set by [`apply_update`]: reload when the new worker takes over this page.
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker and calls `on_status` whenever offline use changes:
/// preparing, ready, an update waiting or taken over elsewhere, or unavailable.
///
/// Returns an error (and registers nothing) when the browser cannot do it here: no service
/// workers, or a page not served over https or from localhost. In debug builds it does
/// nothing and returns `Ok(OfflineStatus::Off)`, so `trunk serve` during development always
/// shows the latest build.
pub fn register(on_status: impl Fn(OfflineStatus) + 'static) -> Result<OfflineStatus, OfflineError> {
    if cfg!(debug_assertions) {
        return Ok(OfflineStatus::Off);
    }
    let container = container()?;
    let (url, scope) = worker_url_and_scope()?;
    let options = Object::new();
    Reflect::set(&options, &"scope".into(), &scope.into()).map_err(|e| OfflineError(js_message(&e)))?;
    // The worker script itself is never taken from the HTTP cache, so a new build is seen.
    Reflect::set(&options, &"updateViaCache".into(), &"none".into()).map_err(|e| OfflineError(js_message(&e)))?;
    let promise: Promise = call(&container, "register", &[url.into(), options.into()])?
        .dyn_into()
        .map_err(|_| OfflineError("register did not return a promise".into()))?;
    let on_status = std::rc::Rc::new(on_status);
    let had_controller = Cell::new(present(get(&container, "controller")?).is_some());
    {
        let on_status = on_status.clone();
        listen(&container, "controllerchange", move |_| {
            if RELOAD_ON_CHANGE.with(Cell::get) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            } else if had_controller.replace(true) {
                // Another tab applied an update; this page keeps running the version it loaded.
                // (The first controller of a page is the first install claiming it: no news.)
                on_status(OfflineStatus::UpdateActive);
            }
        })?;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(reg) => {
                if let Err(e) = watch(&reg, on_status.clone()) {
                    on_status(OfflineStatus::Unavailable(e.0));
                }
                REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
            }
            Err(e) => on_status(OfflineStatus::Unavailable(format!(
                "the offline worker could not be registered: {}",
                js_message(&e)
            ))),
        }
    });
    Ok(OfflineStatus::Preparing)
}

/// Follows the registration: reports its state now and on every install.
fn watch(reg: &JsValue, on_status: std::rc::Rc<dyn Fn(OfflineStatus)>) -> Result<(), OfflineError> {
    let active = present(get(reg, "active")?).is_some();
    if active && present(get(reg, "waiting")?).is_some() {
        on_status(OfflineStatus::UpdateReady);
    } else if active {
        on_status(OfflineStatus::Ready);
    }
    if let Some(installing) = present(get(reg, "installing")?) {
        follow(&installing, active, on_status.clone())?;
    } else if !active {
        // A first install that finished installing and is about to activate.
        if let Some(waiting) = present(get(reg, "waiting")?) {
            follow(&waiting, false, on_status.clone())?;
        }
    }
    let reg2 = reg.clone();
    listen(reg, "updatefound", move |_| {
        let active = matches!(get(&reg2, "active").map(present), Ok(Some(_)));
        if let Ok(Some(installing)) = get(&reg2, "installing").map(present) {
            if let Err(e) = follow(&installing, active, on_status.clone()) {
                on_status(OfflineStatus::Unavailable(e.0));
            }
        }
    })
}

/// Follows one installing worker. With an active worker already there, the new one is an
/// update that waits; otherwise it is the first install and offline use becomes ready.
fn follow(
    worker: &JsValue,
    is_update: bool,
    on_status: std::rc::Rc<dyn Fn(OfflineStatus)>,
) -> Result<(), OfflineError> {
    if !is_update {
        on_status(OfflineStatus::Preparing);
    }
    let w = worker.clone();
    listen(worker, "statechange", move |_| {
        let state = get(&w, "state").ok().and_then(|s| s.as_string()).unwrap_or_default();
        match (state.as_str(), is_update) {
            ("installed", true) => on_status(OfflineStatus::UpdateReady),
            ("activated", false) => on_status(OfflineStatus::Ready),
            ("redundant", false) => on_status(OfflineStatus::Unavailable(
                "the app's files could not all be stored for offline use; it still works online, and the next visit tries again".into(),
            )),
            _ => {}
        }
    })
}

/// Moves this page to the newer version: tells the waiting worker to take over, then
/// reloads when it has. If a newer version already took over (from another tab), reloads
/// at once. Save pending edits before calling this.
pub fn apply_update() -> Result<(), OfflineError> {
    let reg = REGISTRATION
        .with(|r| r.borrow().clone())
        .ok_or_else(|| OfflineError("the offline worker is not registered".into()))?;
    match present(get(&reg, "waiting")?) {
        Some(waiting) => {
            RELOAD_ON_CHANGE.with(|r| r.set(true));
            let message = Object::new();
            Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into()).map_err(|e| OfflineError(js_message(&e)))?;
            call(&waiting, "postMessage", &[message.into()])?;
            Ok(())
        }
        None => web_sys::window()
            .ok_or_else(|| OfflineError("no window".into()))?
            .location()
            .reload()
            .map_err(|e| OfflineError(js_message(&e))),
    }
}
