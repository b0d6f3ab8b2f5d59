use leptos::prelude::*;

use crate::state::AppState;
use crate::ui::components::ask;
use crate::ui::components::leave_guard::{forget_unsaved_forms, unsaved_form_on_page};

/// "Update available — reload": shown when a newer version of the app is stored and waits.
/// The open page keeps working on its version until the user chooses to reload; pending
/// edits are saved first, and a reload that would lose unsaved work (or typing left in a
/// form) asks before it goes.
///
/// The live region (`role="status"`) is always in the page, so screen readers announce the
/// notice when it appears.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let dismissed = RwSignal::new(false);
    let shown = move || state.offline.with(|s| s.update_pending()) && !dismissed.get();
    let reload = move |_| {
        let go = move || match state.apply_update() {
            // The reload comes once the new version has taken over; the user has chosen it,
            // so the browser's own question before unloading (for typing left in a form)
            // would only ask again.
            Ok(()) => forget_unsaved_forms(),
            Err(e) => error.set(Some(e)),
        };
        if state.has_unsaved_work() {
            ask(
                "Reload without your latest changes?",
                vec![
                    "Some changes in this tab are not saved (see the message at the top of the page), and reloading loses them.".into(),
                    "Export your workspace first, or cancel and reload later.".into(),
                ],
                "Reload anyway",
                go,
            );
        } else if unsaved_form_on_page() {
            ask(
                "Reload without saving the form?",
                vec![
                    "You have typed into a form on this page and not saved it, and reloading loses what you typed."
                        .into(),
                ],
                "Reload anyway",
                go,
            );
        } else {
            go();
        }
    };
    view! {
        <div class="update-region no-print" role="status" data-testid="update-region">
            {move || shown().then(|| view! {
                <div class="update-notice" data-testid="update-notice">
                    <p>
                        <strong>"Update available. "</strong>
                        "A new version of Cultivate is ready. Reload to use it; your work is kept."
                    </p>
                    <div class="update-notice__actions">
                        <button class="btn btn--primary btn--small" data-testid="update-reload" on:click=reload>"Reload"</button>
                        <button class="btn btn--ghost btn--small" on:click=move |_| dismissed.set(true)>"Later"</button>
                    </div>
                    {move || error.get().map(|e| view! { <p class="field__error">{e}</p> })}
                </div>
            })}
        </div>
    }
}
