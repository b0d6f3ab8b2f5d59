//! The form that records or edits a community's health check.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::organisation::HealthCheck;
use crate::model::readiness::HealthDraft;
use crate::model::{field_error, CatalogueEntry, CatalogueKind, FieldError, FieldErrors, Id, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::TextField;

use crate::ui::pages::organisation::readiness::scale::{
    focus_soon, load_scores, score_inputs, scores_of, ScoreField, ScoreInput, SCALE_HINT,
};

/// The form's fields, shared with the history so that "Edit" can load a check.
#[derive(Clone, Copy)]
pub struct HealthFormState {
    pub editing: RwSignal<Option<Id>>,
    on: RwSignal<String>,
    risks: RwSignal<Vec<Id>>,
    note: RwSignal<String>,
    inputs: StoredValue<Vec<ScoreInput>>,
    tried: RwSignal<bool>,
    message: RwSignal<Option<String>>,
}

impl HealthFormState {
    pub fn new(factors: &[CatalogueEntry]) -> Self {
        HealthFormState {
            editing: RwSignal::new(None),
            on: RwSignal::new(today().to_string()),
            risks: RwSignal::new(Vec::new()),
            note: RwSignal::new(String::new()),
            inputs: StoredValue::new(score_inputs(factors)),
            tried: RwSignal::new(false),
            message: RwSignal::new(None),
        }
    }

    pub fn edit(&self, c: &HealthCheck) {
        self.editing.set(Some(c.id.clone()));
        self.on.set(c.on.to_string());
        self.risks.set(c.risks.clone());
        self.note.set(c.note.clone());
        self.inputs.with_value(|i| load_scores(i, &c.scores));
        self.tried.set(false);
        self.message.set(None);
        focus_soon("health-form-h");
    }

    pub fn reset(&self) {
        self.editing.set(None);
        self.on.set(today().to_string());
        self.risks.set(Vec::new());
        self.note.set(String::new());
        self.inputs.with_value(|i| load_scores(i, &[]));
        self.tried.set(false);
    }

    fn draft(&self) -> Result<HealthDraft, FieldErrors> {
        let on = NaiveDate::parse_from_str(self.on.get().trim(), "%Y-%m-%d")
            .map_err(|_| vec![FieldError::new("on", "Enter the date of the check")])?;
        Ok(HealthDraft {
            on,
            scores: self.inputs.with_value(|i| scores_of(i)),
            risks: self.risks.get(),
            note: self.note.get(),
        })
    }
}

#[component]
pub fn HealthForm(id: Id, checks: Memo<Vec<HealthCheck>>, form: HealthFormState) -> impl IntoView {
    let state = AppState::expect();
    let errors = Memo::new(move |_| {
        if !form.tried.get() {
            return Vec::new();
        }
        match form.draft() {
            Err(e) => e,
            Ok(d) => state.ws.with(|w| d.problems(&w.catalogues, now())),
        }
    });
    let err = move |field: &'static str| Signal::derive(move || errors.with(|e| field_error(e, field)));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.tried.set(true);
        form.message.set(None);
        let Ok(draft) = form.draft() else {
            focus_soon("health-on");
            return;
        };
        let editing = form.editing.get_untracked();
        let result = state.edit(|ws| match &editing {
            Some(check) => ws.update_health_check(&id, check, &draft, now()),
            None => ws.add_health_check(&id, new_id(), &draft, now()),
        });
        match result {
            Ok(()) => {
                form.message.set(Some(if editing.is_some() {
                    format!("Saved the changes to the check of {}.", draft.on)
                } else {
                    format!(
                        "Saved the health check of {}. The comparison at the top of the page shows what changed.",
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
            form.risks.set(last.risks.clone());
            form.message.set(Some(format!(
                "The scores and risks of the check of {} are filled in: change what has changed.",
                last.on
            )));
        }
    };
    let fields = form
        .inputs
        .get_value()
        .into_iter()
        .map(|input| view! { <ScoreField prefix="health" input/> })
        .collect_view();
    let risks = state
        .ws
        .with_untracked(|w| w.catalogues.get(CatalogueKind::RiskFactors).clone());
    let risk_boxes = risks
        .into_iter()
        .map(|r| {
            let box_id = format!("risk-{}", r.id);
            let hint_id = format!("{box_id}-hint");
            let (for_id, described) = (box_id.clone(), hint_id.clone());
            let checked = {
                let rid = r.id.clone();
                move || form.risks.with(|s| s.contains(&rid))
            };
            let rid = r.id.clone();
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                form.risks.update(|s| {
                    s.retain(|x| x != &rid);
                    if on {
                        s.push(rid.clone());
                    }
                });
            };
            view! {
                <div class="risk-option">
                    <input type="checkbox" id=box_id aria-describedby=described prop:checked=checked on:change=toggle/>
                    <label for=for_id>{r.label.clone()}</label>
                    <p class="field__hint" id=hint_id>{r.description.clone()}</p>
                </div>
            }
        })
        .collect_view();
    // The risk factors come from several sources: name each once.
    let risk_sources = state.ws.with_untracked(|w| {
        let mut sources: Vec<String> = Vec::new();
        for r in w.catalogues.get(CatalogueKind::RiskFactors) {
            if !r.source.is_empty() && !sources.contains(&r.source) {
                sources.push(r.source.clone());
            }
        }
        match sources.len() {
            0 => String::new(),
            1 => format!(" Source: {}.", sources[0]),
            _ => format!(" Sources: {}.", sources.join("; ")),
        }
    });
    let heading = move || match form.editing.get() {
        Some(x) => checks
            .with(|c| {
                c.iter()
                    .find(|h| h.id == x)
                    .map(|h| format!("Edit the check of {}", h.on))
            })
            .unwrap_or_else(|| "Edit the check".into()),
        None => "Record a health check".into(),
    };
    let scores_error = move || errors.with(|e| field_error(e, "scores"));
    let risks_error = move || errors.with(|e| field_error(e, "risks"));
    view! {
        <section class="section no-print" aria-labelledby="health-form-h">
            <h2 id="health-form-h" tabindex="-1">{heading}</h2>
            <form class="form checks-form" on:submit=save novalidate aria-labelledby="health-form-h">
                <TextField id="health-on" label="Date of the check" input_type="date" value=form.on required=true error=err("on")/>
                {move || (form.editing.get().is_none() && !checks.with(Vec::is_empty)).then(|| view! {
                    <p><button type="button" class="btn btn--small" on:click=start_from_latest>"Start from the latest check"</button></p>
                })}
                <div class="score-group" role="group" aria-labelledby="health-factors-h" aria-describedby=move || scores_error().map(|_| "health-scores-error")>
                    <h3 id="health-factors-h">"Success factors"</h3>
                    <p class="muted">"How true is each factor of the community today? "{SCALE_HINT}</p>
                    {move || scores_error().map(|m| view! { <p class="field__error" id="health-scores-error">{m}</p> })}
                    {fields}
                </div>
                <fieldset class="risk-group" aria-describedby="health-risks-hint">
                    <legend>"Risk factors present"</legend>
                    <p class="field__hint" id="health-risks-hint">"Tick each risk you see in the community now."{risk_sources}</p>
                    {move || risks_error().map(|m| view! { <p class="field__error">{m}</p> })}
                    <div class="risk-options">{risk_boxes}</div>
                </fieldset>
                <TextField id="health-note" label="Note (optional)" value=form.note multiline=true hint="Who took part, what the scores rest on, what you agreed to do." error=err("note")/>
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
