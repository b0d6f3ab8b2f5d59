//! The form that records or edits a readiness check.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::organisation::ReadinessCheck;
use crate::model::readiness::ReadinessDraft;
use crate::model::{field_error, CatalogueEntry, FieldError, FieldErrors, Id, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{SelectField, TextField};

use super::scale::{focus_soon, load_scores, score_inputs, scores_of, ScoreField, ScoreInput, SCALE_HINT};

/// The form's fields, shared with the history so that "Edit" can load a check.
#[derive(Clone, Copy)]
pub struct ReadinessFormState {
    /// The check being edited; `None` while recording a new one.
    pub editing: RwSignal<Option<Id>>,
    on: RwSignal<String>,
    organisation: RwSignal<String>,
    by: RwSignal<String>,
    note: RwSignal<String>,
    inputs: StoredValue<Vec<ScoreInput>>,
    /// Set by the first attempt to save: from then on problems show as the user types.
    tried: RwSignal<bool>,
    message: RwSignal<Option<String>>,
}

impl ReadinessFormState {
    pub fn new(areas: &[CatalogueEntry]) -> Self {
        ReadinessFormState {
            editing: RwSignal::new(None),
            on: RwSignal::new(today().to_string()),
            organisation: RwSignal::new(String::new()),
            by: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            inputs: StoredValue::new(score_inputs(areas)),
            tried: RwSignal::new(false),
            message: RwSignal::new(None),
        }
    }

    /// Loads a check into the form for editing, and takes the user there.
    pub fn edit(&self, c: &ReadinessCheck) {
        self.editing.set(Some(c.id.clone()));
        self.on.set(c.on.to_string());
        self.organisation
            .set(c.organisation_id.as_ref().map(|o| o.0.clone()).unwrap_or_default());
        self.by.set(c.by.clone());
        self.note.set(c.note.clone());
        self.inputs.with_value(|i| load_scores(i, &c.scores));
        self.tried.set(false);
        self.message.set(None);
        focus_soon("readiness-form-h");
    }

    /// Back to an empty form for a new check.
    pub fn reset(&self) {
        self.editing.set(None);
        self.on.set(today().to_string());
        self.note.set(String::new());
        self.inputs.with_value(|i| load_scores(i, &[]));
        self.tried.set(false);
    }

    fn draft(&self) -> Result<ReadinessDraft, FieldErrors> {
        let on = NaiveDate::parse_from_str(self.on.get().trim(), "%Y-%m-%d")
            .map_err(|_| vec![FieldError::new("on", "Enter the date of the check")])?;
        let org = self.organisation.get();
        Ok(ReadinessDraft {
            on,
            organisation_id: (!org.is_empty()).then_some(Id(org)),
            by: self.by.get(),
            scores: self.inputs.with_value(|i| scores_of(i)),
            note: self.note.get(),
        })
    }
}

#[component]
pub fn ReadinessForm(checks: Memo<Vec<ReadinessCheck>>, form: ReadinessFormState) -> impl IntoView {
    let state = AppState::expect();
    let errors = Memo::new(move |_| {
        if !form.tried.get() {
            return Vec::new();
        }
        match form.draft() {
            Err(e) => e,
            Ok(d) => state.ws.with(|w| d.problems(w, now())),
        }
    });
    let err = move |field: &'static str| Signal::derive(move || errors.with(|e| field_error(e, field)));
    let organisations = Signal::derive(move || {
        state.ws.with(|w| {
            w.organisations
                .iter()
                .map(|o| (o.id.0.clone(), o.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.tried.set(true);
        form.message.set(None);
        let Ok(draft) = form.draft() else {
            focus_soon("readiness-on");
            return;
        };
        let editing = form.editing.get_untracked();
        let result = state.edit(|ws| match &editing {
            Some(id) => ws.update_readiness_check(id, &draft, now()),
            None => ws.add_readiness_check(new_id(), &draft, now()),
        });
        match result {
            Ok(()) => {
                form.message.set(Some(if editing.is_some() {
                    format!("Saved the changes to the check of {}.", draft.on)
                } else {
                    format!(
                        "Saved the readiness check of {}. Its weakest areas are at the top of the page.",
                        draft.on
                    )
                }));
                form.reset();
            }
            Err(ModelError::Invalid(_)) => {}
            Err(e) => form.message.set(Some(e.to_string())),
        }
    };
    let start_from_latest = move |_| {
        if let Some(last) = checks.with_untracked(|c| c.last().cloned()) {
            form.inputs.with_value(|i| load_scores(i, &last.scores));
            form.organisation
                .set(last.organisation_id.as_ref().map(|o| o.0.clone()).unwrap_or_default());
            form.by.set(last.by.clone());
            form.message.set(Some(format!(
                "The scores of the check of {} are filled in: change what has changed.",
                last.on
            )));
        }
    };
    let fields = form
        .inputs
        .get_value()
        .into_iter()
        .map(|input| view! { <ScoreField prefix="readiness" input/> })
        .collect_view();
    let heading = move || match form.editing.get() {
        Some(id) => checks
            .with(|c| {
                c.iter()
                    .find(|x| x.id == id)
                    .map(|x| format!("Edit the check of {}", x.on))
            })
            .unwrap_or_else(|| "Edit the check".into()),
        None => "Record a readiness check".into(),
    };
    let scores_error = move || errors.with(|e| field_error(e, "scores"));
    view! {
        <section class="section no-print" aria-labelledby="readiness-form-h">
            <h2 id="readiness-form-h" tabindex="-1">{heading}</h2>
            <p class="muted">"Score each area for the organisation as it is today. "{SCALE_HINT}</p>
            <form class="form checks-form" on:submit=save novalidate aria-labelledby="readiness-form-h">
                <div class="field-row">
                    <TextField id="readiness-on" label="Date of the check" input_type="date" value=form.on required=true error=err("on")/>
                    <SelectField id="readiness-organisation" label="Organisation (optional)" value=form.organisation options=organisations empty="Not recorded" error=err("organisation_id")/>
                </div>
                <TextField id="readiness-by" label="Who scored it (optional)" value=form.by hint="For example “Sponsor and social learning team, workshop”." error=err("by")/>
                {move || (form.editing.get().is_none() && !checks.with(Vec::is_empty)).then(|| view! {
                    <p class="no-print"><button type="button" class="btn btn--small" on:click=start_from_latest>"Start from the latest check’s scores"</button></p>
                })}
                <div class="score-group" role="group" aria-label="Scores" aria-describedby=move || scores_error().map(|_| "readiness-scores-error")>
                    {move || scores_error().map(|m| view! { <p class="field__error" id="readiness-scores-error">{m}</p> })}
                    {fields}
                </div>
                <TextField id="readiness-note" label="Note (optional)" value=form.note multiline=true hint="What the scores rest on; what the sponsor agreed to do." error=err("note")/>
                {move || form.message.get().map(|m| view! { <p role="status" class="form-status">{m}</p> })}
                <div class="form-actions">
                    <button class="btn btn--primary" type="submit">
                        {move || if form.editing.get().is_some() { "Save changes" } else { "Save check" }}
                    </button>
                    {move || form.editing.get().is_some().then(|| view! {
                        <button class="btn" type="button" on:click=move |_| { form.reset(); form.message.set(None); }>"Cancel editing"</button>
                    })}
                </div>
            </form>
        </section>
    }
}
