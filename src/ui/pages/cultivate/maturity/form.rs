//! The form for a maturity assessment: one radio group per dimension, a date and a note.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::cultivation::MATURITY_MAX;
use crate::model::lifecycle::MATURITY_LABELS;
use crate::model::{field_error, CatalogueKind, FieldError, FieldErrors, Id, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::TextField;

/// A new assessment (`editing` is `None`), preset from the latest one so that only what
/// moved needs changing; or the assessment `editing`, loaded for correction.
#[component]
pub fn AssessmentForm(id: Id, editing: Option<Id>, on_done: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let (dimensions, start, latest_on) = state.ws.with_untracked(|w| {
        let dims: Vec<(Id, String, String)> = w
            .catalogues
            .get(CatalogueKind::MaturityDimensions)
            .iter()
            .map(|d| (d.id.clone(), d.label.clone(), d.description.clone()))
            .collect();
        let list = w
            .community(&id)
            .map(|c| c.cultivation.maturity.clone())
            .unwrap_or_default();
        let start = match &editing {
            Some(e) => list.iter().find(|a| &a.id == e).cloned(),
            None => list.last().cloned(),
        };
        (dims, start, list.last().map(|a| a.on))
    });
    let editing = editing.filter(|_| start.is_some());
    let is_edit = editing.is_some();
    let scores: Vec<(Id, RwSignal<Option<u8>>)> = dimensions
        .iter()
        .map(|(d, _, _)| (d.clone(), RwSignal::new(start.as_ref().and_then(|a| a.score(d)))))
        .collect();
    let on = RwSignal::new(match (&editing, &start) {
        (Some(_), Some(a)) => a.on.to_string(),
        _ => today().to_string(),
    });
    let note = RwSignal::new(if is_edit {
        start.as_ref().map(|a| a.note.clone()).unwrap_or_default()
    } else {
        String::new()
    });
    let errors = RwSignal::new(FieldErrors::new());
    let status = RwSignal::new(None::<String>);
    let err = move |field: &'static str| Signal::derive(move || field_error(&errors.get(), field));

    if is_edit {
        // Keyboard users land in the form they asked to edit.
        request_animation_frame(|| super::focus_by_id("maturity-form-h"));
    }

    let submit = {
        let (id, scores, editing) = (id.clone(), scores.clone(), editing.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            status.set(None);
            let Ok(date) = NaiveDate::parse_from_str(on.get_untracked().trim(), "%Y-%m-%d") else {
                errors.set(vec![FieldError::new("on", "Enter the date as YYYY-MM-DD")]);
                return;
            };
            let values: Vec<(Id, u8)> = scores
                .iter()
                .filter_map(|(d, v)| v.get_untracked().map(|v| (d.clone(), v)))
                .collect();
            let text = note.get_untracked();
            let result = match &editing {
                Some(aid) => state.edit(|ws| ws.update_maturity_assessment(&id, aid, date, &values, &text, now())),
                None => state.edit(|ws| ws.add_maturity_assessment(&id, new_id(), date, &values, &text, now())),
            };
            match result {
                Ok(()) => {
                    errors.set(Vec::new());
                    if is_edit {
                        on_done.run(());
                    } else {
                        note.set(String::new());
                        status.set(Some(format!("Saved the assessment of {date}.")));
                    }
                }
                Err(ModelError::Invalid(e)) => errors.set(e),
                Err(e) => errors.set(vec![FieldError::new("scores", e.to_string())]),
            }
        }
    };

    let rows = dimensions
        .into_iter()
        .zip(scores.iter().map(|(_, v)| *v))
        .map(|((did, label, description), value)| {
            let name = format!("maturity-{did}");
            let hint_id = format!("{name}-hint");
            let has_hint = !description.is_empty();
            let choice = move |v: Option<u8>, text: String| {
                let input_id = format!("{name}-{}", v.map(|v| v.to_string()).unwrap_or_else(|| "none".into()));
                let label_for = input_id.clone();
                view! {
                    <label class="choice" class:choice--none=v.is_none() for=label_for>
                        <input
                            id=input_id
                            type="radio"
                            name=name.clone()
                            prop:checked=move || value.get() == v
                            on:change=move |_| value.set(v)
                        />
                        <span>{text}</span>
                    </label>
                }
            };
            let choices = std::iter::once(choice(None, "Not scored".into()))
                .chain((0..=MATURITY_MAX).map(|v| choice(Some(v), format!("{v} {}", MATURITY_LABELS[usize::from(v)]))))
                .collect_view();
            let described = has_hint.then(|| hint_id.clone());
            view! {
                <fieldset class="soundboard__row" aria-describedby=described>
                    <legend class="soundboard__label">{label}</legend>
                    {has_hint.then(|| view! { <p class="field__hint soundboard__hint" id=hint_id>{description}</p> })}
                    <div class="choices">{choices}</div>
                </fieldset>
            }
        })
        .collect_view();

    let heading = if is_edit {
        format!(
            "Edit the assessment of {}",
            start.as_ref().map(|a| a.on.to_string()).unwrap_or_default()
        )
    } else {
        "New assessment".to_string()
    };
    let preset = match (is_edit, latest_on) {
        (false, Some(d)) => format!("The scores start from the latest assessment ({d}): change what has moved."),
        (false, None) => "Score what you can judge; leave the rest unscored.".into(),
        (true, _) => "Correct the scores, date or note of this assessment.".into(),
    };
    view! {
        <form class="form card maturity-form" on:submit=submit novalidate aria-labelledby="maturity-form-h" data-testid="maturity-form">
            <h3 id="maturity-form-h" class="card__title" tabindex="-1">{heading}</h3>
            <p class="muted">{preset}</p>
            <div class="soundboard">{rows}</div>
            {move || field_error(&errors.get(), "scores").map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
            <div class="field-row">
                <TextField id="maturity-on" label="Date of this assessment" input_type="date" value=on error=err("on")/>
                <TextField id="maturity-note" label="Note (optional)" value=note hint="Who took part, or what prompted the assessment." error=err("note")/>
            </div>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{if is_edit { "Save changes" } else { "Save assessment" }}</button>
                {is_edit.then(|| view! { <button type="button" class="btn" on:click=move |_| on_done.run(())>"Cancel"</button> })}
                <p role="status">{move || status.get()}</p>
            </div>
        </form>
    }
}
