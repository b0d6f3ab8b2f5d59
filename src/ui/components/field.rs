use leptos::prelude::*;

/// A labelled text input or textarea with an optional hint and inline error.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into, optional)] error: MaybeProp<String>,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
    #[prop(into, optional)] input_type: Option<String>,
    #[prop(into, optional)] autocomplete: Option<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described = described_by(&id, has_hint, error);
    let invalid = move || error.get().map(|_| "true");
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=id.clone()
                rows="4"
                required=required
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=id.clone()
                type=input_type.unwrap_or_else(|| "text".into())
                autocomplete=autocomplete
                required=required
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}{required.then(|| view! { <span aria-hidden="true">" *"</span> })}</label>
            {control}
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|e| view! { <p class="field__error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}

/// The `aria-describedby` of a field: its hint (when it has one) and its error (while there is
/// one), by the ids `{id}-hint` and `{id}-error` that the field gives them.
pub fn described_by(
    id: &str,
    has_hint: bool,
    error: MaybeProp<String>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id.clone());
        }
        if error.get().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}
