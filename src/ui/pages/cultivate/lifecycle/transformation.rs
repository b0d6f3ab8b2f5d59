//! At the transformation stage: how the community ended or changed.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::lifecycle::is_transformation_stage;
use crate::model::{field_error, CatalogueKind, FieldError, FieldErrors, Id, ModelError};
use crate::state::{now, today, AppState};
use crate::ui::components::{ask, TextField};

#[component]
pub fn TransformationPanel(id: Id) -> impl IntoView {
    let state = AppState::expect();
    // Some(at the transformation stage) while the panel shows: at that stage, or when a
    // record is kept from it. Only this decides whether the form is rebuilt.
    let shown = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let c = w.community(&id)?;
                let at = is_transformation_stage(&w.catalogues, &c.lifecycle_stage_id);
                (at || c.cultivation.transformation.is_some()).then_some(at)
            })
        })
    };
    let record = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let t = w.community(&id)?.cultivation.transformation.as_ref()?;
                Some((
                    w.catalogues.label(CatalogueKind::TransformationModes, &t.mode_id),
                    t.on,
                    t.note.clone(),
                ))
            })
        })
    };
    let message = RwSignal::new(None::<String>);
    let clear = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            ask(
                "Clear how the community ended or changed?",
                vec!["The record of its transformation is removed. The stage history stays.".into()],
                "Clear the record",
                move || match state.edit(|ws| ws.clear_transformation(&id, now())) {
                    Ok(()) => message.set(None),
                    Err(e) => message.set(Some(e.to_string())),
                },
            );
        }
    };
    let form_id = id.clone();
    view! {
        {move || shown.get().map(|at| {
            let clear = clear.clone();
            let form_id = form_id.clone();
            view! {
                <section class="card transformation" aria-labelledby="transformation-h" data-testid="transformation">
                    <h3 id="transformation-h" class="card__title">"How the community ended or changed"</h3>
                    {move || match record.get() {
                        Some((mode, on, note)) => view! {
                            <p class="transformation__record" data-testid="transformation-record">
                                <strong>{mode}</strong>{format!(" on {on}.")}
                                {(!note.is_empty()).then(|| view! { " " <span>{note}</span> })}
                            </p>
                            {(!at).then(|| view! {
                                <p class="muted">"The community has since moved to another stage; this record is kept as history."</p>
                            })}
                            <p class="no-print"><button type="button" class="btn btn--small" on:click=clear.clone()>"Clear the record…"</button></p>
                        }.into_any(),
                        None => view! {
                            <p class="muted">"The community is at its transformation stage. Once it is clear how it ends or changes (decided openly with members), record it here."</p>
                        }.into_any(),
                    }}
                    {at.then(|| {
                        // A record already made is corrected on request; a first one is
                        // asked for straight away. Decided once, so saving never folds the
                        // form away under the user's focus.
                        if record.with_untracked(|r| r.is_some()) {
                            view! {
                                <details class="transformation__edit no-print">
                                    <summary>"Correct the record"</summary>
                                    <TransformationForm id=form_id record/>
                                </details>
                            }.into_any()
                        } else {
                            view! { <TransformationForm id=form_id record/> }.into_any()
                        }
                    })}
                    {move || message.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
                </section>
            }
        })}
    }
}

/// The record as shown: mode label, date, note.
type Shown = Option<(String, NaiveDate, String)>;

#[component]
fn TransformationForm(id: Id, record: Memo<Shown>) -> impl IntoView {
    let state = AppState::expect();
    let existing = state
        .ws
        .with_untracked(|w| w.community(&id).and_then(|c| c.cultivation.transformation.clone()));
    let modes = state.ws.with_untracked(|w| {
        w.catalogues
            .get(CatalogueKind::TransformationModes)
            .iter()
            .map(|e| (e.id.clone(), e.label.clone(), e.description.clone()))
            .collect::<Vec<_>>()
    });
    let mode = RwSignal::new(existing.as_ref().map(|t| t.mode_id.clone()));
    let on = RwSignal::new(existing.as_ref().map(|t| t.on).unwrap_or_else(today).to_string());
    let note = RwSignal::new(existing.as_ref().map(|t| t.note.clone()).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let status = RwSignal::new(None::<String>);
    let err = move |field: &'static str| Signal::derive(move || field_error(&errors.get(), field));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let Ok(date) = NaiveDate::parse_from_str(on.get_untracked().trim(), "%Y-%m-%d") else {
            errors.set(vec![FieldError::new("on", "Enter the date as YYYY-MM-DD")]);
            return;
        };
        let Some(m) = mode.get_untracked() else {
            errors.set(vec![FieldError::new(
                "mode_id",
                "Choose how the community ended or changed",
            )]);
            return;
        };
        match state.edit(|ws| ws.record_transformation(&id, &m, date, &note.get_untracked(), now())) {
            Ok(()) => {
                errors.set(Vec::new());
                status.set(Some("Saved.".into()));
            }
            Err(ModelError::Invalid(e)) => errors.set(e),
            Err(e) => errors.set(vec![FieldError::new("mode_id", e.to_string())]),
        }
    };
    let mode_error = err("mode_id");
    view! {
        <form class="form" on:submit=submit novalidate aria-label="How the community ended or changed">
            <fieldset class="choice-list" aria-describedby=move || mode_error.get().map(|_| "transformation-mode-error")>
                <legend>"What happened"</legend>
                {modes.into_iter().map(|(mid, label, description)| {
                    let input_id = format!("transformation-{mid}");
                    let hint_id = format!("{input_id}-hint");
                    let value = mid.clone();
                    view! {
                        <div class="choice-list__item">
                            <input
                                id=input_id.clone()
                                type="radio"
                                name="transformation-mode"
                                value=mid.0.clone()
                                aria-describedby=hint_id.clone()
                                prop:checked=move || mode.with(|m| m.as_ref() == Some(&mid))
                                on:change=move |_| mode.set(Some(value.clone()))
                            />
                            <div>
                                <label for=input_id>{label}</label>
                                <p class="field__hint" id=hint_id>{description}</p>
                            </div>
                        </div>
                    }
                }).collect_view()}
                {move || mode_error.get().map(|e| view! { <p class="field__error" id="transformation-mode-error">{e}</p> })}
            </fieldset>
            <div class="field-row">
                <TextField id="transformation-on" label="Date" input_type="date" value=on error=err("on")/>
            </div>
            <TextField id="transformation-note" label="Note (optional)" value=note multiline=true hint="What happened to the members, the repertoire and the relationships." error=err("note")/>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{move || if record.with(|r| r.is_some()) { "Save the correction" } else { "Record how it ended or changed" }}</button>
                <p role="status">{move || status.get()}</p>
            </div>
        </form>
    }
}
