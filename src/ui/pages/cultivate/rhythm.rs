//! The rhythm planner: the community's activities, when they fall in the coming weeks, the
//! mix of familiar and exciting, live and any-time formats over time, and the `.ics` export.

mod calendar;
mod form;
mod list;
mod mix;

use leptos::prelude::*;

use crate::model::rhythm::to_ics;
use crate::model::Id;
use crate::state::{now, slug, AppState};

/// What the activity form is doing: adding (`None`) or editing the activity with that id.
pub(super) type FormTarget = Option<Id>;

/// Moves keyboard focus to the element with this id once the view has rendered.
pub(super) fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

#[component]
pub fn RhythmSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    // None: the form is closed; Some(target): open, adding or editing.
    let form = RwSignal::new(None::<FormTarget>);
    let intended = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| c.cultivation.forming.rhythm.trim().to_string())
                    .unwrap_or_default()
            })
        })
    };
    let open_new = move |_| {
        form.set(Some(None));
        focus_later("activity-form-h");
    };
    let close = move || {
        form.set(None);
        focus_later("activities-h");
    };
    let form_id = id.clone();
    view! {
        <div class="rhythm-page">
        <section class="section" aria-labelledby="rhythm-h">
            <h2 id="rhythm-h">"Rhythm"</h2>
            <p class="muted rhythm-intro">
                "Plan the community's regular and one-off activities. Two cultivation principles meet here: create a rhythm (a steady tempo that suits the community) and combine familiarity with excitement (routine formats members rely on, with occasional novel ones). Times are local; the exported calendar keeps them at the same clock time wherever it is opened."
            </p>
            {move || {
                let text = intended.get();
                (!text.is_empty()).then(|| view! {
                    <p class="rhythm-intended" data-testid="intended-rhythm">
                        <strong>"Intended rhythm (from the forming wizard): "</strong>{text}
                    </p>
                })
            }}
            <div class="cluster no-print rhythm-actions">
                <button class="btn btn--primary" type="button" on:click=open_new data-testid="add-activity">"Add an activity"</button>
                <ExportButton id=id.clone()/>
            </div>
            {move || form.get().map(|target| {
                let heading = if target.is_some() { "Edit the activity" } else { "Add an activity" };
                view! {
                    <section class="card rhythm-form" aria-labelledby="activity-form-h" data-testid="activity-form">
                        <h3 class="card__title" id="activity-form-h" tabindex="-1">{heading}</h3>
                        <form::ActivityForm community=form_id.clone() editing=target done=close/>
                    </section>
                }
            })}
            <list::ActivityList id=id.clone() form/>
        </section>
        <calendar::UpcomingCalendar id=id.clone()/>
        <mix::MixSection id/>
        </div>
    }
}

/// "Export calendar (.ics)": the community's activities as a file calendars import.
#[component]
fn ExportButton(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<(bool, String)>);
    let count = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|w| w.community(&id).map(|c| c.cultivation.activities.len()).unwrap_or(0))
        })
    };
    let export = move |_| {
        let made = state.ws.with_untracked(|w| {
            w.community(&id)
                .map(|c| (format!("cultivate-{}-rhythm.ics", slug(&c.name)), to_ics(w, c, now())))
        });
        let Some((name, ics)) = made else {
            message.set(Some((false, "That community no longer exists.".into())));
            return;
        };
        message.set(Some(match state.download_text(&name, "text/calendar", &ics) {
            Ok(()) => (
                true,
                format!("Downloaded {name}. Import it into your calendar; importing a newer export updates the same events."),
            ),
            Err(e) => (false, format!("The calendar could not be downloaded: {e}")),
        }));
    };
    view! {
        {move || if count.get() == 0 {
            view! { <span class="muted">"Add an activity to export a calendar."</span> }.into_any()
        } else {
            view! { <button class="btn" type="button" on:click=export.clone() data-testid="export-ics">"Export calendar (.ics)"</button> }.into_any()
        }}
        {move || message.get().map(|(ok, m)| {
            let class = if ok { "muted" } else { "field__error" };
            view! { <p class=class role="status" data-testid="export-message">{m}</p> }
        })}
    }
}
