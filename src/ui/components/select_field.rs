use leptos::prelude::*;

use crate::model::CatalogueKind;

use super::field::described_by;
use crate::state::AppState;

/// A labelled select over `(value, label)` options, with an optional inline error.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    /// Text of an extra first option with an empty value, e.g. "No organisation".
    #[prop(into, optional)]
    empty: Option<String>,
    #[prop(into, optional)] error: MaybeProp<String>,
    #[prop(into, optional)] hint: Option<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described = described_by(&id, has_hint, error);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id.clone()
                name=id.clone()
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {empty.map(|e| view! { <option value="">{e}</option> })}
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|e| view! { <p class="field__error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}

/// A select over one catalogue's entries, showing each entry's label.
#[component]
pub fn CatalogueSelect(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    kind: CatalogueKind,
    value: RwSignal<String>,
    #[prop(into, optional)] error: MaybeProp<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let options = Signal::derive(move || {
        state.ws.with(|ws| {
            ws.catalogues
                .get(kind)
                .iter()
                .map(|e| (e.id.0.clone(), e.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let hint = state.ws.with_untracked(|ws| {
        kind.help().to_string()
            + if ws.catalogues.get(kind).is_empty() {
                " The catalogue is empty: add entries on the Data page."
            } else {
                ""
            }
    });
    view! { <SelectField id label value options error hint/> }
}
