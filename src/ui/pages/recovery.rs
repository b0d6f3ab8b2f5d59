use leptos::prelude::*;

use crate::state::{AppState, Phase};
use crate::ui::components::{ask, ProblemList, TextField};

use super::use_title;

/// The stored workspace could not be loaded. It is kept exactly as it is: the user can
/// download it, and only an explicit choice starts something new (after setting the stored
/// value aside under a recovery key).
#[component]
pub fn RecoveryPage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Your stored data needs attention".into());
    let info = match state.phase.get_untracked() {
        Phase::Recovery(info) => info,
        _ => return ().into_any(),
    };
    let total = info.problems.len();
    let chars = info.raw.chars().count();
    let preview: String = info.raw.chars().take(600).collect();
    let message = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let download = move |_| {
        message.set(Some(match state.download_unreadable() {
            Ok(()) => "Downloaded. Keep the file: it holds everything that was stored.".into(),
            Err(e) => format!("The download failed: {e}"),
        }))
    };
    let start_new = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        ask(
            "Start a new workspace?",
            vec![
                "The stored data stays in this browser under a recovery key, and you can still download it from the Data page.".into(),
                "It will no longer open automatically.".into(),
            ],
            "Set it aside and start new",
            move || {
                if let Err(e) = state.start_new(&n) {
                    message.set(Some(e));
                }
            },
        );
    };
    view! {
        <main id="main" class="recovery" data-testid="recovery">
            <h1>"Your stored workspace could not be opened"</h1>
            <div class="banner banner--warning" role="alert">
                <p>{info.reason.clone()}</p>
                <p>"Nothing has been changed or deleted. The stored data is still there, exactly as it was."</p>
            </div>
            {info.newer.then(|| view! {
                <p>"It was saved by a newer version of Cultivate. Open this page with that version, or ask whoever hosts it to update. This older version will not change it."</p>
            })}
            {(total > 0).then(|| view! {
                <section class="section">
                    <h2>"What is wrong"</h2>
                    <ProblemList problems=info.problems.clone() total/>
                </section>
            })}
            <section class="section">
                <h2>"Keep a copy"</h2>
                <p>{format!("The stored value is {chars} characters long. Download it to keep it safe or to send it to someone who can repair it.")}</p>
                <button class="btn btn--primary" data-testid="download-raw" on:click=download>"Download the stored data"</button>
                <details>
                    <summary>"Show the beginning of the stored data"</summary>
                    <pre class="raw-preview" tabindex="0" role="region" aria-label="Beginning of the stored data">{preview}</pre>
                </details>
            </section>
            <section class="section">
                <h2>"Start again"</h2>
                <form class="form" on:submit=start_new>
                    <TextField id="recovery-new-name" label="Name of a new workspace" value=name required=true/>
                    <div class="form-actions">
                        <button class="btn" type="submit" data-testid="recovery-start-new">"Start a new workspace…"</button>
                    </div>
                </form>
            </section>
            {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
        </main>
    }
    .into_any()
}
