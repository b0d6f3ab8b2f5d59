//! The form for one agenda block: format, title, minutes, facilitator, notes, materials.

use leptos::prelude::*;

use crate::model::meetings::BlockDraft;
use crate::model::{field_error, CatalogueKind, FieldErrors, Id, ModelError};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{SelectField, TextField};

#[component]
pub fn BlockForm(c: Id, m: Id, editing: Option<Id>, #[prop(into)] done: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        editing
            .as_ref()
            .and_then(|b| {
                w.community(&c)?
                    .facilitation
                    .meetings
                    .iter()
                    .find(|x| x.id == m)?
                    .blocks
                    .iter()
                    .find(|x| &x.id == b)
                    .map(BlockDraft::of)
            })
            .unwrap_or_default()
    });
    let format = RwSignal::new(initial.format_id.clone().map(|f| f.0).unwrap_or_default());
    let title = RwSignal::new(initial.title.clone());
    let minutes = RwSignal::new(initial.minutes.clone());
    let facilitator = RwSignal::new(initial.facilitator_id.clone().map(|f| f.0).unwrap_or_default());
    let notes = RwSignal::new(initial.notes.clone());
    let materials = RwSignal::new(initial.materials.clone());
    let errors = RwSignal::new(FieldErrors::new());
    let message = RwSignal::new(None::<String>);
    let err = move |f: &'static str| Signal::derive(move || errors.with(|e| field_error(e, f)));
    let formats = Signal::derive(move || {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::MeetingFormats)
                .iter()
                .map(|e| {
                    let mins = e
                        .format
                        .as_ref()
                        .map(|f| format!(" ({} min)", f.minutes))
                        .unwrap_or_default();
                    (e.id.0.clone(), format!("{}{mins}", e.label))
                })
                .collect::<Vec<_>>()
        })
    });
    let members = {
        let c = c.clone();
        Signal::derive(move || {
            state.ws.with(|w| {
                let mut v: Vec<(String, String)> = w
                    .community(&c)
                    .map(|x| {
                        x.memberships
                            .iter()
                            .map(|ms| (ms.person_id.0.clone(), w.person_name(&ms.person_id)))
                            .collect()
                    })
                    .unwrap_or_default();
                v.sort_by(|a, b| a.1.cmp(&b.1));
                v
            })
        })
    };
    // Choosing a format fills in its name and typical duration, unless typed over.
    let on_format = move || {
        let f = format.get_untracked();
        if f.is_empty() {
            return;
        }
        if let Some(d) = state.ws.with_untracked(|w| BlockDraft::from_format(w, &Id(f))) {
            let known = state.ws.with_untracked(|w| {
                w.catalogues
                    .get(CatalogueKind::MeetingFormats)
                    .iter()
                    .any(|e| e.label == title.get_untracked())
            });
            if title.get_untracked().trim().is_empty() || known {
                title.set(d.title);
                minutes.set(d.minutes);
            }
        }
    };
    let is_new = editing.is_none();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let opt = |s: String| (!s.is_empty()).then_some(Id(s));
        let draft = BlockDraft {
            title: title.get_untracked(),
            format_id: opt(format.get_untracked()),
            minutes: minutes.get_untracked(),
            facilitator_id: opt(facilitator.get_untracked()),
            notes: notes.get_untracked(),
            materials: materials.get_untracked(),
        };
        let r = match &editing {
            Some(b) => state.edit(|ws| ws.update_block(&c, &m, b, &draft, now())),
            None => state.edit(|ws| ws.add_block(&c, &m, new_id(), &draft, now())),
        };
        match r {
            Ok(()) => {
                errors.set(Vec::new());
                done.run(());
            }
            Err(ModelError::Invalid(e)) => {
                if let Some(f) = e.first().map(|x| x.field) {
                    let id = format!("blk-{f}");
                    request_animation_frame(move || {
                        if let Some(el) = document().get_element_by_id(&id) {
                            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                                let _ = el.focus();
                            }
                        }
                    });
                }
                errors.set(e);
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="form block-form" on:submit=submit novalidate data-testid="block-form">
            <div class="field">
                <label for="blk-format_id">"Format from the library"</label>
                <select id="blk-format_id" aria-describedby="blk-format_id-hint"
                    prop:value=move || format.get()
                    on:change=move |ev| { format.set(event_target_value(&ev)); on_format(); }>
                    <option value="">"No format (a custom block)"</option>
                    {move || { let cur = format.get(); formats.get().into_iter().map(|(v, l)| { let sel = v == cur; view! { <option value=v selected=sel>{l}</option> } }).collect_view() }}
                </select>
                <p class="field__hint" id="blk-format_id-hint">"Choosing a format fills in its name and typical duration."</p>
                {move || err("format_id").get().map(|e| view! { <p class="field__error">{e}</p> })}
            </div>
            <div class="field-row">
                <TextField id="blk-title" label="Block title" value=title error=err("title") required=true/>
                <TextField id="blk-minutes" label="Minutes" value=minutes error=err("minutes") input_type="number" required=true/>
            </div>
            <SelectField id="blk-facilitator_id" label="Facilitator" value=facilitator options=members empty="Nobody chosen" error=err("facilitator_id")/>
            <TextField id="blk-notes" label="Notes (optional)" value=notes error=err("notes") multiline=true/>
            <TextField id="blk-materials" label="Materials (optional)" value=materials error=err("materials")
                hint="Slides, flipchart, breakout links…"/>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{if is_new { "Add block" } else { "Save block" }}</button>
                <button class="btn" type="button" on:click=move |_| done.run(())>"Cancel"</button>
                {move || message.get().map(|m| view! { <p class="field__error" role="status">{m}</p> })}
            </div>
        </form>
    }
}
