use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::onboarding::members_with_role;
use crate::model::{field_error, CatalogueKind, Id, ModelError};
use crate::state::{now, today, AppState};
use crate::ui::components::TextField;

use super::{cell_id, focus_later};

/// The date and note of one ticked step: "Mentor: Hana", or a date in the past when the
/// step was done before it was recorded.
#[component]
pub fn TickEditor(
    community: Id,
    person: Id,
    step: Id,
    editing: RwSignal<Option<(Id, Id)>>,
    touched: RwSignal<Vec<Id>>,
) -> impl IntoView {
    let state = AppState::expect();
    let (title, current, mentors) = state.ws.with_untracked(|w| {
        let c = w.community(&community);
        let current = c.and_then(|c| {
            c.cultivation
                .onboarding
                .iter()
                .find(|t| t.person_id == person && t.step_id == step)
                .map(|t| (t.on, t.note.clone()))
        });
        let mentors = c.map(|c| members_with_role(w, c, "mentor")).unwrap_or_default();
        (
            format!(
                "{}: {}",
                w.person_name(&person),
                w.catalogues.label(CatalogueKind::OnboardingSteps, &step)
            ),
            current,
            mentors,
        )
    });
    let was_ticked = current.is_some();
    let (on0, note0) = current.unwrap_or((today(), String::new()));
    let on = RwSignal::new(on0.to_string());
    let note = RwSignal::new(note0);
    let errors = RwSignal::new(Vec::<crate::model::FieldError>::new());
    let hint = if mentors.is_empty() {
        "Who did it, or who the mentor is.".to_string()
    } else {
        format!(
            "Who did it, or who the mentor is. Mentors here: {}.",
            mentors.join(", ")
        )
    };
    let back = cell_id(&person, &step);
    let close = {
        let back = back.clone();
        move || {
            editing.set(None);
            focus_later(back.clone());
        }
    };
    let submit = {
        let (community, person, step, close) = (community.clone(), person.clone(), step.clone(), close.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Ok(date) = NaiveDate::parse_from_str(on.get_untracked().trim(), "%Y-%m-%d") else {
                errors.set(vec![crate::model::FieldError::new(
                    "on",
                    "Enter the date as YYYY-MM-DD",
                )]);
                focus_later("tick-on".into());
                return;
            };
            touched.update(|t| {
                if !t.contains(&person) {
                    t.push(person.clone());
                }
            });
            match state
                .edit(|ws| ws.tick_onboarding_step(&community, &person, &step, date, &note.get_untracked(), now()))
            {
                Ok(()) => close(),
                Err(ModelError::Invalid(e)) => errors.set(e),
                Err(e) => errors.set(vec![crate::model::FieldError::new("on", e.to_string())]),
            }
        }
    };
    let untick = {
        let (community, person, step, close) = (community.clone(), person.clone(), step.clone(), close.clone());
        move |_| match state.edit(|ws| ws.untick_onboarding_step(&community, &person, &step, now())) {
            Ok(()) => close(),
            Err(e) => errors.set(vec![crate::model::FieldError::new("on", e.to_string())]),
        }
    };
    let err = move |f: &'static str| Signal::derive(move || field_error(&errors.read(), f));
    let cancel = close.clone();
    view! {
        <section class="card onboarding-editor" aria-labelledby="tick-editor-h" data-testid="tick-editor">
            <h3 class="card__title" id="tick-editor-h" tabindex="-1">{title}</h3>
            <form class="form" on:submit=submit novalidate>
                <div class="field-row">
                    <TextField id="tick-on" label="Done on" input_type="date" value=on error=err("on")/>
                    <TextField id="tick-note" label="Note (optional)" value=note error=err("note") hint=hint/>
                </div>
                <div class="form-actions">
                    <button class="btn btn--primary" type="submit">{if was_ticked { "Save" } else { "Tick with this date and note" }}</button>
                    {was_ticked.then(|| view! { <button class="btn" type="button" on:click=untick>"Untick"</button> })}
                    <button class="btn" type="button" on:click=move |_| cancel()>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}
