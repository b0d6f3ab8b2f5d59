use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::{AppState, SaveStatus};

/// Persistent banners about the safety of the user's work: a failed save, storage that is
/// unavailable, and a conflict with another tab. Each offers a way out, and "Export now"
/// always works because it needs no storage.
#[component]
pub fn Banners() -> impl IntoView {
    let state = AppState::expect();
    let export_msg = RwSignal::new(None::<String>);
    let export_now = move |_| {
        let msg = match state.export_workspace() {
            Ok(name) => format!("Exported {name}. Keep it somewhere safe."),
            Err(e) => format!("The export failed too: {e}"),
        };
        export_msg.set(Some(msg));
    };
    let conflict_msg = RwSignal::new(None::<String>);
    view! {
        {move || match state.save.get() {
            SaveStatus::Failed(reason) => Some(view! {
                <div class="banner banner--error" role="alert" data-testid="save-error-banner">
                    <p><strong>"Your latest changes are not saved. "</strong>{reason}</p>
                    <div class="banner__actions">
                        <button class="btn btn--primary" on:click=export_now>"Export now"</button>
                        <button class="btn" on:click=move |_| state.retry_save()>"Try saving again"</button>
                        <A href=crate::ui::href("/data") attr:class="btn btn--ghost">"Free up space"</A>
                    </div>
                    {move || export_msg.get().map(|m| view! { <p>{m}</p> })}
                </div>
            }.into_any()),
            SaveStatus::MemoryOnly(reason) => Some(view! {
                <div class="banner banner--warning" role="alert" data-testid="memory-only-banner">
                    <p>{reason}</p>
                    <div class="banner__actions">
                        <button class="btn btn--primary" on:click=export_now>"Export now"</button>
                    </div>
                    {move || export_msg.get().map(|m| view! { <p>{m}</p> })}
                </div>
            }.into_any()),
            // Held: the conflict banner below speaks for the unsaved work ("Try saving
            // again" would only be refused again, and the way out is choosing a version).
            SaveStatus::Held(_) | SaveStatus::Saved(_) | SaveStatus::Pending => None,
        }}
        {move || state.conflict.get().map(|message| view! {
            <div class="banner banner--warning" role="alert" data-testid="conflict-banner">
                <p><strong>"Changed in two places. "</strong>{message}</p>
                <p>"Choose which version to keep. The other one is backed up first and can be restored from the Data page."</p>
                <div class="banner__actions">
                    <button class="btn" on:click=export_now>"Export this tab's version"</button>
                    <button class="btn" on:click=move |_| {
                        if let Err(e) = state.take_other_tab_version() {
                            conflict_msg.set(Some(e));
                        }
                    }>"Load the other version"</button>
                    <button class="btn btn--primary" on:click=move |_| {
                        if let Err(e) = state.keep_this_tab_version() {
                            conflict_msg.set(Some(e));
                        }
                    }>"Keep this tab's version"</button>
                </div>
                {move || export_msg.get().map(|m| view! { <p>{m}</p> })}
                {move || conflict_msg.get().map(|m| view! { <p class="field__error">{m}</p> })}
            </div>
        })}
    }
}

/// A passing message, dismissible, announced politely to screen readers.
#[component]
pub fn NoticeToast() -> impl IntoView {
    let state = AppState::expect();
    let undo_error = RwSignal::new(None::<String>);
    view! {
        <div class="notice-region" role="status" aria-live="polite">
            {move || state.notice.get().map(|text| view! {
                <div class="notice" data-testid="notice">
                    <div class="notice__body">
                        <p>{text}</p>
                        {move || state.undo_words().filter(|_| state.notice_offers_undo()).map(|(label, ..)| view! {
                            <button class="btn btn--small" data-testid="undo-import" on:click=move |_| {
                                if let Err(e) = state.undo_last_replace() { undo_error.set(Some(e)); }
                            }>{label}</button>
                        })}
                        {move || undo_error.get().map(|e| view! { <p class="field__error">{e}</p> })}
                    </div>
                    <button class="btn btn--small btn--ghost" aria-label="Dismiss message" on:click=move |_| state.notice.set(None)>"×"</button>
                </div>
            })}
        </div>
    }
}
