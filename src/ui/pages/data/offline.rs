use leptos::prelude::*;

use crate::state::AppState;
use crate::storage::offline::OfflineStatus;

/// Whether the app works without a network in this browser, in words a facilitator can
/// check before a workshop.
#[component]
pub fn OfflineSection() -> impl IntoView {
    let state = AppState::expect();
    let status = move || match state.offline.get() {
        OfflineStatus::Off => ("muted", "Offline use is off in development builds.".to_string()),
        OfflineStatus::Preparing => ("muted", "Storing the app in this browser for offline use…".to_string()),
        OfflineStatus::Ready => (
            "offline-ok",
            "Ready: this browser has stored the app, so it opens and works without a network.".to_string(),
        ),
        OfflineStatus::UpdateReady => (
            "offline-ok",
            "Ready, and a new version is stored too: reload to use it (see the notice at the bottom of the page)."
                .to_string(),
        ),
        OfflineStatus::UpdateActive => (
            "offline-ok",
            "Ready. A newer version is already in use in another tab; reload this one to use it too.".to_string(),
        ),
        OfflineStatus::Unavailable(why) => (
            "field__error",
            format!("Offline use is not available here: {why}. The app works while online."),
        ),
    };
    view! {
        <section class="section" aria-labelledby="offline-h">
            <h2 id="offline-h">"Offline use"</h2>
            <p class=move || status().0 data-testid="offline-status">{move || status().1}</p>
            <p>"For a workshop without a network: open Cultivate once while online, in the browser you will use, and check that this says “Ready”. Your workspaces are stored in this browser either way. To open it like an app, choose “Install” or “Add to Home Screen” in the browser's menu."</p>
        </section>
    }
}
