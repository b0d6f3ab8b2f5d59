//! The stage the self-assessment suggests, why, and the form that records the stage the
//! core group agrees on.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::cultivation::AGREEMENT_MAX;
use crate::model::lifecycle::{answer_for, suggest_stage, StageSuggestion};
use crate::model::{field_error, CatalogueKind, FieldError, FieldErrors, Id, ModelError};
use crate::state::{now, today, AppState};
use crate::ui::components::field::described_by;
use crate::ui::components::TextField;

/// A row of the reasons table: stage label, statements answered, statements, mean, suggested.
type Reason = (String, usize, usize, Option<f64>, bool);
/// The suggestion as shown: its label, the reasons, the stages it tied with, statements
/// answered and statements in all.
type Shown = (String, Vec<Reason>, Vec<String>, usize, usize);

#[component]
pub fn ConfirmStage(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let suggestion = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .and_then(|c| suggest_stage(&w.catalogues, &c.cultivation.stage_answers))
            })
        })
    };
    let current = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|w| w.community(&id).map(|c| c.lifecycle_stage_id.clone()))
        })
    };
    let stages = Memo::new(move |_| {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::LifecycleStages)
                .iter()
                .map(|e| (e.id.clone(), e.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let label_of = move |stage: &Id| {
        stages
            .with(|s| s.iter().find(|(i, _)| i == stage).map(|(_, l)| l.clone()))
            .unwrap_or_else(|| stage.to_string())
    };

    // The form. The stage follows the suggestion until the user picks one (derived, not
    // copied, so a new answer moves the preset along).
    let picked = RwSignal::new(None::<String>);
    let stage_value = move || {
        picked
            .get()
            .or_else(|| suggestion.with(|s| s.as_ref().map(|s| s.stage_id.0.clone())))
            .or_else(|| current.get().map(|c| c.0))
            .unwrap_or_default()
    };
    let on = RwSignal::new(today().to_string());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let status = RwSignal::new(None::<String>);
    let err = move |field: &'static str| Signal::derive(move || field_error(&errors.get(), field));
    let stage_error: MaybeProp<String> = err("stage_id").into();

    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            status.set(None);
            let Ok(date) = NaiveDate::parse_from_str(on.get_untracked().trim(), "%Y-%m-%d") else {
                errors.set(vec![FieldError::new("on", "Enter the date as YYYY-MM-DD")]);
                return;
            };
            let stage = Id(stage_value());
            let suggested = suggestion.get_untracked().map(|s| s.stage_id);
            let was = current.get_untracked();
            match state.edit(|ws| ws.confirm_stage(&id, &stage, date, &note.get_untracked(), suggested.as_ref(), now()))
            {
                Ok(()) => {
                    let label = label_of(&stage);
                    status.set(Some(if was.as_ref() == Some(&stage) {
                        format!("Confirmed {label} on {date}.")
                    } else {
                        format!("Recorded {label} on {date}.")
                    }));
                    errors.set(Vec::new());
                    note.set(String::new());
                    picked.set(None);
                }
                Err(ModelError::Invalid(e)) => errors.set(e),
                Err(e) => errors.set(vec![FieldError::new("stage_id", e.to_string())]),
            }
        }
    };

    let reasons = move || -> Option<Shown> {
        let s: StageSuggestion = suggestion.get()?;
        let rows = s
            .scores
            .iter()
            .map(|r| {
                (
                    label_of(&r.stage_id),
                    r.answered,
                    r.statements,
                    r.mean(),
                    r.stage_id == s.stage_id,
                )
            })
            .collect();
        let tied = s.tied_with.iter().map(label_of).collect();
        Some((label_of(&s.stage_id), rows, tied, s.answered, s.statements))
    };
    // Which statements belong to which stage, with the answers: shown once something is
    // answered, so that it cannot steer the answers.
    let by_stage = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let c = w.community(&id)?;
                let answers = &c.cultivation.stage_answers;
                Some(
                    w.catalogues
                        .get(CatalogueKind::LifecycleStages)
                        .iter()
                        .map(|st| {
                            let qs: Vec<(String, String)> = w
                                .catalogues
                                .children(CatalogueKind::StageQuestions, &st.id)
                                .map(|q| {
                                    (
                                        q.label.clone(),
                                        answer_for(answers, &q.id)
                                            .map(crate::model::lifecycle::agreement_label)
                                            .unwrap_or("not answered")
                                            .to_string(),
                                    )
                                })
                                .collect();
                            (st.label.clone(), qs)
                        })
                        .filter(|(_, qs)| !qs.is_empty())
                        .collect::<Vec<_>>(),
                )
            })
        }
    };

    let described = described_by("confirm-stage", true, stage_error);
    view! {
        <section class="lifecycle-part" aria-labelledby="suggest-h">
            <h3 id="suggest-h">"Suggested stage"</h3>
            <div data-testid="stage-suggestion">
                {move || match reasons() {
                    None => view! {
                        <p class="muted">"No suggestion yet: rate the statements above. A stage is suggested once at least one statement is at least a little true of the community."</p>
                    }.into_any(),
                    Some((label, rows, tied, answered, statements)) => {
                        let is_current = suggestion.with(|s| s.as_ref().map(|s| s.stage_id.clone())) == current.get();
                        view! {
                            <p class="suggestion">
                                "The self-assessment suggests "<strong>{label.clone()}</strong>
                                {format!(", from {answered} of {statements} statements answered.")}
                                {is_current.then_some(" That is the stage recorded now.")}
                            </p>
                            {(!tied.is_empty()).then(|| view! {
                                <p class="muted">{format!(
                                    "{} scored the same. The earlier stage is suggested: its work is rarely wasted, while moving on too soon skips foundations.",
                                    and_list(&[vec![label.clone()], tied].concat())
                                )}</p>
                            })}
                            <div class="table-wrap" tabindex="0" role="region" aria-label="Why this stage">
                                <table class="data-table reasons-table" data-testid="stage-reasons">
                                    <caption>{format!("Why: the mean agreement with each stage's statements, from 0 (not at all) to {AGREEMENT_MAX} (fully)")}</caption>
                                    <thead><tr>
                                        <th scope="col">"Stage"</th>
                                        <th scope="col" class="num">"Statements answered"</th>
                                        <th scope="col" class="num">"Mean agreement"</th>
                                        <th scope="col"><span class="visually-hidden">"Mean agreement as a bar"</span></th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|(stage, answered, statements, mean, suggested)| view! {
                                            <tr class:reasons-table__suggested=suggested>
                                                <th scope="row">{stage}{suggested.then(|| view! { " " <span class="tag tag--stage">"Suggested"</span> })}</th>
                                                <td class="num">{format!("{answered} of {statements}")}</td>
                                                <td class="num">{mean.map(|m| format!("{m:.1}")).unwrap_or_else(|| "—".into())}</td>
                                                <td class="reasons-table__bar-cell">
                                                    <span class="reasons-table__bar" aria-hidden="true">
                                                        <span style=format!("width: {:.0}%", mean.unwrap_or(0.0) / f64::from(AGREEMENT_MAX) * 100.0)></span>
                                                    </span>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }}
            </div>
            {move || suggestion.with(|s| s.is_some()).then(|| view! {
                <details class="statements-by-stage">
                    <summary>"Which statements describe which stage"</summary>
                    {by_stage().unwrap_or_default().into_iter().map(|(stage, qs)| view! {
                        <h4>{stage}</h4>
                        <ul>
                            {qs.into_iter().map(|(q, a)| view! { <li>{q}" "<span class="muted">{format!("({a})")}</span></li> }).collect_view()}
                        </ul>
                    }).collect_view()}
                </details>
            })}
        </section>
        <section class="lifecycle-part" aria-labelledby="confirm-h">
            <form class="form card" on:submit=submit novalidate aria-labelledby="confirm-h" data-testid="confirm-stage">
                <h3 id="confirm-h" class="card__title">"Record the stage"</h3>
                <div class="field-row">
                    <div class="field">
                        <label for="confirm-stage">"Stage"</label>
                        <select
                            id="confirm-stage"
                            name="confirm-stage"
                            aria-invalid=move || field_error(&errors.get(), "stage_id").map(|_| "true")
                            aria-describedby=described
                            prop:value=stage_value
                            on:change=move |ev| picked.set(Some(event_target_value(&ev)))
                        >
                            {move || {
                                let value = stage_value();
                                let suggested = suggestion.with(|s| s.as_ref().map(|s| s.stage_id.clone()));
                                let cur = current.get();
                                stages.get().into_iter().map(|(sid, label)| {
                                    let flags: Vec<&str> = [
                                        (Some(&sid) == suggested.as_ref()).then_some("suggested"),
                                        (Some(&sid) == cur.as_ref()).then_some("current"),
                                    ].into_iter().flatten().collect();
                                    let text = if flags.is_empty() { label } else { format!("{label} ({})", flags.join(", ")) };
                                    let selected = sid.0 == value;
                                    view! { <option value=sid.0.clone() selected=selected>{text}</option> }
                                }).collect_view()
                            }}
                        </select>
                        <p class="field__hint" id="confirm-stage-hint">{move || if suggestion.with(|s| s.is_some()) { "Preset to the suggestion." } else { "Preset to the current stage." }}" Recording the current stage again notes that you have confirmed it."</p>
                        {move || field_error(&errors.get(), "stage_id").map(|e| view! { <p class="field__error" id="confirm-stage-error">{e}</p> })}
                    </div>
                    <TextField id="confirm-on" label="Date" input_type="date" value=on error=err("on")/>
                </div>
                <TextField id="confirm-note" label="Note (optional)" value=note multiline=true hint="Why the core group agrees on this stage, or what it decided to do." error=err("note")/>
                <div class="form-actions">
                    <button class="btn btn--primary" type="submit">"Record the stage"</button>
                    <p role="status" class="confirm-status">{move || status.get()}</p>
                </div>
            </form>
        </section>
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
