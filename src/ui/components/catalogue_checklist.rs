use leptos::prelude::*;

use crate::model::{CatalogueKind, Id};
use crate::state::AppState;

/// Checkboxes over one catalogue.
#[component]
pub fn CatalogueChecklist(
    #[prop(into)] legend: String,
    kind: CatalogueKind,
    selected: RwSignal<Vec<Id>>,
) -> impl IntoView {
    let state = AppState::expect();
    let entries = move || {
        state.ws.with(|w| {
            w.catalogues
                .get(kind)
                .iter()
                .map(|e| (e.id.clone(), e.label.clone(), e.description.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="checkbox-list">
            <legend>{legend}</legend>
            {move || entries().into_iter().map(|(id, label, description)| {
                let checked = { let id = id.clone(); move || selected.with(|s| s.contains(&id)) };
                let toggle = move |_| selected.update(|s| if let Some(i) = s.iter().position(|x| x == &id) { s.remove(i); } else { s.push(id.clone()); });
                view! { <label class="check" title=description><input type="checkbox" prop:checked=checked on:change=toggle/>{label}</label> }
            }).collect_view()}
        </fieldset>
    }
}
