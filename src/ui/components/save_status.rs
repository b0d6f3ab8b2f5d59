use leptos::prelude::*;

use crate::state::{AppState, SaveStatus};

/// The always-visible save status: saved, saving, failed, or in memory only.
#[component]
pub fn SaveStatusPill() -> impl IntoView {
    let state = AppState::expect();
    let class = move || match state.save.get() {
        SaveStatus::Saved(_) => "save-status is-saved",
        SaveStatus::Pending => "save-status is-pending",
        SaveStatus::Failed(_) | SaveStatus::Held(_) => "save-status is-failed",
        SaveStatus::MemoryOnly(_) => "save-status is-memory",
    };
    let text = move || match state.save.get() {
        SaveStatus::Saved(Some(at)) => format!("Saved {}", crate::ui::local_time(at)),
        SaveStatus::Saved(None) => "Saved".to_string(),
        SaveStatus::Pending => "Saving…".to_string(),
        SaveStatus::Failed(_) | SaveStatus::Held(_) => "Not saved".to_string(),
        SaveStatus::MemoryOnly(_) => "Not stored: this tab only".to_string(),
    };
    view! {
        <p class=class role="status" data-testid="save-status">{text}</p>
    }
}
