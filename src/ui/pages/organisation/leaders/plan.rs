//! A leader's capacity-building plan: each step of the catalogue as a checklist row (not
//! planned, planned or done, with a date), a note, and removing the plan.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::organisation::StepStatus;
use crate::model::roles::{leader_plan, step_status};
use crate::model::{CatalogueKind, Id};
use crate::state::{now, today, AppState};
use crate::ui::components::ask;

/// The plan of `person`, folded unless `open`. Built once per plan; its rows re-render only
/// what changes, so the disclosure stays open and focus stays put.
#[component]
pub fn PlanEditor(person: Id, open: bool) -> impl IntoView {
    let state = AppState::expect();
    let steps = Memo::new(move |_| {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::CapacitySteps)
                .iter()
                .map(|e| (e.id.clone(), e.label.clone(), e.description.clone()))
                .collect::<Vec<_>>()
        })
    });
    let name = {
        let person = person.clone();
        Memo::new(move |_| state.ws.with(|w| w.person_name(&person)))
    };
    let remove = {
        let person = person.clone();
        move |_| {
            let person = person.clone();
            let (who, recorded) = state.ws.with_untracked(|w| {
                (
                    w.person_name(&person),
                    leader_plan(w, &person).map(|p| p.steps.len()).unwrap_or(0),
                )
            });
            ask(
                format!("Remove the capacity-building plan of {who}?"),
                vec![format!(
                    "Its {recorded} recorded step{} and its note are deleted. {who} keeps their roles, and a new plan can be started at any time.",
                    if recorded == 1 { "" } else { "s" }
                )],
                "Remove plan",
                move || {
                    let _ = state.edit(|ws| ws.remove_leader_plan(&person, now()));
                },
            );
        }
    };
    let pid = person.clone();
    let table_id = format!("plan-{person}");
    view! {
        <details class="plan" open=open>
            <summary>{move || format!("Capacity-building plan of {}", name.get())}</summary>
            <div class="table-wrap">
                <table class="data-table plan-table" id=table_id data-testid="plan-table">
                    <caption class="visually-hidden">{move || format!("Steps of the plan of {}", name.get())}</caption>
                    <thead><tr>
                        <th scope="col">"Step"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Date"</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || steps.get() key=|s| s.clone() let:step>
                            <StepRow person=pid.clone() step=step.0 label=step.1 description=step.2 who=name/>
                        </For>
                    </tbody>
                </table>
            </div>
            <PlanNote person=person.clone()/>
            <div class="form-actions">
                <button class="btn btn--small" on:click=remove aria-label=move || format!("Remove plan of {}", name.get())>"Remove plan…"</button>
            </div>
        </details>
    }
}

/// One step: a status select and a date, each saved on change.
#[component]
fn StepRow(person: Id, step: Id, label: String, description: String, who: Memo<String>) -> impl IntoView {
    let state = AppState::expect();
    let current = {
        let (person, step) = (person.clone(), step.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                leader_plan(w, &person)
                    .and_then(|p| step_status(p, &step))
                    .map(|s| (s.status, s.on))
            })
        })
    };
    let error = RwSignal::new(None::<String>);
    let error_id = format!("step-error-{person}-{step}");
    let save = {
        let (person, step) = (person.clone(), step.clone());
        move |status: Option<StepStatus>, on: Option<NaiveDate>| {
            error.set(
                state
                    .edit(|ws| ws.set_capacity_step(&person, &step, status, on, now()))
                    .err()
                    .map(|e| e.to_string()),
            );
        }
    };
    let on_status = {
        let save = save.clone();
        move |ev: leptos::ev::Event| {
            let old_on = current.get_untracked().and_then(|c| c.1);
            match event_target_value(&ev).as_str() {
                "planned" => save(Some(StepStatus::Planned), old_on),
                // Done on the planned date when it has passed, else today.
                "done" => save(
                    Some(StepStatus::Done),
                    Some(old_on.filter(|d| *d <= today()).unwrap_or_else(today)),
                ),
                _ => save(None, None),
            }
        }
    };
    let on_date = move |ev: leptos::ev::Event| {
        let Some((status, _)) = current.get_untracked() else {
            return;
        };
        let text = event_target_value(&ev);
        if text.is_empty() {
            save(Some(status), None);
        } else {
            match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
                Ok(d) => save(Some(status), Some(d)),
                Err(_) => error.set(Some("Enter the date as YYYY-MM-DD".into())),
            }
        }
    };
    let value = move || match current.get() {
        None => "",
        Some((StepStatus::Planned, _)) => "planned",
        Some((StepStatus::Done, _)) => "done",
    };
    let date_word = move || match current.get() {
        Some((StepStatus::Done, _)) => "Done on",
        _ => "Planned for",
    };
    let (l1, l2) = (label.clone(), label.clone());
    let (e1, e2) = (error_id.clone(), error_id.clone());
    view! {
        <tr data-testid="plan-step">
            <th scope="row">{label}<span class="plan-table__help">{description}</span></th>
            <td>
                <select
                    aria-label=move || format!("Status of {l1} for {}", who.get())
                    aria-describedby=move || error.get().map(|_| e1.clone())
                    prop:value=value
                    on:change=on_status
                >
                    <option value="" selected=move || value().is_empty()>"Not planned"</option>
                    <option value="planned" selected=move || value() == "planned">"Planned"</option>
                    <option value="done" selected=move || value() == "done">"Done"</option>
                </select>
            </td>
            <td>
                <input
                    type="date"
                    aria-label=move || format!("{} – {l2}, {}", date_word(), who.get())
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=move || error.get().map(|_| e2.clone())
                    disabled=move || current.get().is_none()
                    prop:value=move || current.get().and_then(|c| c.1).map(|d| d.to_string()).unwrap_or_default()
                    on:change=on_date
                />
                {move || error.get().map(|e| view! { <p class="field__error" id=error_id.clone()>{e}</p> })}
            </td>
        </tr>
    }
}

/// The plan's note, kept as typed and saved when the field is left.
#[component]
fn PlanNote(person: Id) -> impl IntoView {
    let state = AppState::expect();
    let stored = {
        let person = person.clone();
        move || {
            state
                .ws
                .with_untracked(|w| leader_plan(w, &person).map(|p| p.note.clone()).unwrap_or_default())
        }
    };
    let text = RwSignal::new(stored());
    let error = RwSignal::new(None::<String>);
    let field_id = format!("plan-note-{person}");
    let error_id = format!("{field_id}-error");
    let commit = move |_| {
        let value = text.get_untracked();
        if value == stored() {
            return;
        }
        error.set(
            state
                .edit(|ws| ws.set_leader_plan_note(&person, &value, now()))
                .err()
                .map(|e| e.to_string()),
        );
    };
    let eid = error_id.clone();
    view! {
        <div class="field plan-note">
            <label for=field_id.clone()>"Note on the plan"</label>
            <textarea
                id=field_id
                rows="2"
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| eid.clone())
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:change=commit
            ></textarea>
            {move || error.get().map(|e| view! { <p class="field__error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}
