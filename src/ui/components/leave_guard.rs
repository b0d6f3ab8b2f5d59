use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ui::components::ask;

/// The forms the guard watches: every form whose typing is kept only when it is submitted.
/// Not a search or filter (`role="search"`), nor a form that saves its typing itself
/// (`data-autosave`: the forming wizard's "add" forms, whose text is added when the page
/// changes or is hidden). Fields that save as they change (the wizard's answers, a meeting's
/// notes) are not in a form.
const DRAFT_FORMS: &str = "form:not([role=search]):not([data-autosave])";

/// What a form shows when it refuses a save: a field marked invalid, a field's message, or
/// an alert.
const REFUSED: &str = "[aria-invalid=true], .field__error, [role=alert]";

/// The mark on a form that holds typing not yet submitted, and a form that bears it.
const DIRTY: &str = "data-unsaved";
const MARKED: &str = "form[data-unsaved]";

const LEAVE_WHY: &str =
    "You have typed into a form on this page and not saved it. If you leave now, what you typed is lost.";
const LEAVE_HOW: &str = "Choose Cancel to stay on this page and save the form first.";

/// Whether a form on the page holds typing that has not been submitted.
pub fn unsaved_form_on_page() -> bool {
    document().query_selector(MARKED).ok().flatten().is_some()
}

/// Keeps typing in a form from being lost without a word. Typing into a form (see
/// [`DRAFT_FORMS`]) marks it until it is submitted; while a form is marked, following a link
/// inside the app asks first ("Leave without saving?"), and reloading or closing the tab lets
/// the browser ask. The mark lives on the form element, so a form that goes away (a saved
/// edit that closes, another page) takes it with it. The browser's Back button cannot be held
/// back this way: a page can only ask before it unloads, not before its history moves.
#[component]
pub fn LeaveGuard() -> impl IntoView {
    let mark = |ev: web_sys::Event| {
        if let Some(form) = draft_form_of(&ev) {
            let _ = form.set_attribute(DIRTY, "");
        }
    };
    let input = window_event_listener_untyped("input", mark);
    let change = window_event_listener_untyped("change", mark);
    // A submitted form is saved, unless it shows problems to fix once the app has checked it.
    // The mark goes at once, so that a link followed right after a save does not ask; it
    // comes back if the form's messages appear (the app's handler has run by now, and its
    // messages are drawn before the next task).
    let submit = window_event_listener_untyped("submit", |ev| {
        if let Some(form) = draft_form_of(&ev) {
            if !form.has_attribute(DIRTY) {
                return;
            }
            let _ = form.remove_attribute(DIRTY);
            let check = move || {
                if form.query_selector(REFUSED).ok().flatten().is_some() {
                    let _ = form.set_attribute(DIRTY, "");
                }
            };
            set_timeout(check, std::time::Duration::ZERO);
        }
    });
    let unload = window_event_listener(leptos::ev::beforeunload, |ev: web_sys::BeforeUnloadEvent| {
        if unsaved_form_on_page() {
            ev.prevent_default();
            ev.set_return_value("You have typed into a form and not saved it.");
        }
    });
    // Links: on the capture phase of the window, before the router's own listener, which
    // leaves a click alone once its default is prevented.
    // The dialog needs this component's context (`ask` looks it up), which a raw listener
    // does not have of its own.
    let owner = Owner::current();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented() {
            return;
        }
        let Some(link) = app_link_of(&ev) else {
            return;
        };
        if !unsaved_form_on_page() {
            return;
        }
        ev.prevent_default();
        let confirm = move || {
            let leave = move || {
                forget_unsaved_forms();
                link.click();
            };
            let body = vec![LEAVE_WHY.to_string(), LEAVE_HOW.to_string()];
            ask("Leave without saving?", body, "Leave without saving", leave);
        };
        match &owner {
            Some(owner) => owner.with(confirm),
            None => confirm(),
        }
    });
    let on_click: js_sys::Function = on_click.into_js_value().unchecked_into();
    let added = window()
        .add_event_listener_with_callback_and_bool("click", &on_click, true)
        .is_ok();
    let on_click = StoredValue::new_local(on_click);
    on_cleanup(move || {
        input.remove();
        change.remove();
        submit.remove();
        unload.remove();
        if let (true, Some(f)) = (added, on_click.try_get_value()) {
            let _ = window().remove_event_listener_with_callback_and_bool("click", &f, true);
        }
    });
}

/// The watched form that an event's target belongs to.
fn draft_form_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(DRAFT_FORMS).ok().flatten()
}

/// The link a plain click follows inside the app: an `<a href>` with no target and no
/// download, to this origin. Links that open elsewhere (a new tab, a file) leave the page as
/// it is.
fn app_link_of(ev: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    let link = crate::ui::plain_link_click(ev)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let location = window().location();
    let stays =
        link.target().is_empty() && !link.has_attribute("download") && link.origin() == location.origin().ok()?;
    // A link within this page (the skip link, `#main`: relative to `<base href>`, so its
    // resolved path is not this page's) or to this very page does not leave it.
    let in_page = link.get_attribute("href").is_some_and(|h| h.starts_with('#'));
    let here = link.pathname() == location.pathname().unwrap_or_default()
        && link.search() == location.search().unwrap_or_default();
    let same_page = in_page || here;
    (stays && !same_page).then_some(link)
}

/// Drops every form's mark, once the user has chosen to leave them.
pub fn forget_unsaved_forms() {
    while let Ok(Some(form)) = document().query_selector(MARKED) {
        if form.remove_attribute(DIRTY).is_err() {
            return;
        }
    }
}
