use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::{CatalogueKind, Id};
use crate::state::{now, today, AppState};
use crate::ui::components::{CatalogueSelect, TextField};

/// Records a member's move to another participation level, with a date and a reason.
#[component]
pub fn LevelForm(
    community: Id,
    membership: Id,
    current: String,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let level = RwSignal::new(current);
    let on = RwSignal::new(today().to_string());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let cancel = done.clone();
    let prefix = format!("lvl-{membership}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(date) = NaiveDate::parse_from_str(&on.get_untracked(), "%Y-%m-%d") else {
            error.set(Some("Enter the date as YYYY-MM-DD".into()));
            return;
        };
        match state.edit(|ws| {
            ws.change_level(
                &community,
                &membership,
                &Id(level.get_untracked()),
                date,
                &reason.get_untracked(),
                now(),
            )
        }) {
            Ok(()) => done(),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="form card" on:submit=submit>
            <div class="field-row">
                <CatalogueSelect id=format!("{prefix}-level") label="New level" kind=CatalogueKind::ParticipationLevels value=level/>
                <TextField id=format!("{prefix}-on") label="From" input_type="date" value=on/>
                <TextField id=format!("{prefix}-reason") label="Reason (optional)" value=reason/>
            </div>
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">"Record the change"</button>
                <button class="btn" type="button" on:click=move |_| cancel()>"Cancel"</button>
            </div>
        </form>
    }
}
