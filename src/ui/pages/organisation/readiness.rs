//! The organisational readiness check: a sponsor or social learning team scores the areas
//! of the `readiness_areas` catalogue, sees the weakest with the suggested actions, and
//! compares checks over time.

pub(super) mod scale;

mod form;
mod history;
mod report;

use leptos::prelude::*;

use crate::model::CatalogueKind;
use crate::state::AppState;
use crate::ui::components::EmptyState;

use form::{ReadinessForm, ReadinessFormState};
use history::ReadinessHistory;
use report::ReadinessReport;

#[component]
pub fn ReadinessSection() -> impl IntoView {
    let state = AppState::expect();
    let checks = Memo::new(move |_| state.ws.with(|w| w.programme.readiness_checks.clone()));
    let areas = state
        .ws
        .with_untracked(|w| w.catalogues.get(CatalogueKind::ReadinessAreas).clone());
    let form = ReadinessFormState::new(&areas);
    let empty = Memo::new(move |_| checks.with(Vec::is_empty));
    view! {
        <div class="checks checks--readiness">
            <Show
                when=move || !empty.get()
                fallback=|| view! {
                    <EmptyState message="No readiness check yet. Score the areas below together with the sponsor, ideally in a short workshop: the weakest areas come back with an action for each, and a second check later shows what changed."/>
                }
            >
                <ReadinessReport checks/>
                <ReadinessHistory checks form/>
            </Show>
            <ReadinessForm checks form/>
        </div>
    }
}
