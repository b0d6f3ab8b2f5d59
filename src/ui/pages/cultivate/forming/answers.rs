//! Steps 5 to 8: practice, value proposition, rhythm, norms and confidentiality, each a few
//! free-text answers.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::forming::{activity_summary, Answer};
use crate::model::Id;
use crate::state::{now, AppState};

use super::autosave::{general_message, Autosave, AutosaveField};

/// One of the wizard's free-text answers, saved as it is typed.
#[component]
pub fn AnswerBox(id: Id, answer: Answer, #[prop(optional)] rows: Option<u32>) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        w.community(&id)
            .map(|c| answer.get(&c.cultivation.forming).to_string())
            .unwrap_or_default()
    });
    let buffer = Autosave::new(initial, move |text: &String| {
        state.edit(|ws| ws.set_forming_answer(&id, answer, text, now()))
    });
    view! {
        <AutosaveField
            id=format!("answer-{}", answer.key())
            label=answer.label()
            buffer=buffer.clone()
            get=|s: &String| s.clone()
            set=|s: &mut String, v| *s = v
            field=answer.key()
            multiline=true
            rows=rows.unwrap_or(5)
            hint=Some(answer.hint().to_string())
        />
        {general_message(buffer.general_error())}
    }
}

#[component]
pub fn PracticeStep(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let items = {
        let id = id.clone();
        move || {
            state
                .ws
                .with(|w| w.community(&id).map(|c| c.practice.len()).unwrap_or(0))
        }
    };
    let href = crate::ui::href(&format!("/communities/{id}"));
    view! {
        <AnswerBox id=id.clone() answer=Answer::Practice rows=6/>
        {move || {
            let n = items();
            (n > 0).then(|| view! {
                <p class="muted">
                    {format!("The community's repertoire already holds {n} item{}; see ", if n == 1 { "" } else { "s" })}
                    <A href=href.clone()>"the community's page"</A>"."
                </p>
            })
        }}
    }
}

#[component]
pub fn ValueStep(id: Id) -> impl IntoView {
    view! {
        <p class="muted">"A community succeeds only if it creates value for its members (or they will not take part) and for the organisation (or it will not get support). It tackles today's problems, and because it does so continuously, it builds a capability for the long term."</p>
        <div class="value-grid" data-testid="value-grid">
            <section class="value-grid__col" aria-labelledby="value-members-h">
                <h3 id="value-members-h">"For members"</h3>
                <AnswerBox id=id.clone() answer=Answer::ValueMembersShort rows=4/>
                <AnswerBox id=id.clone() answer=Answer::ValueMembersLong rows=4/>
            </section>
            <section class="value-grid__col" aria-labelledby="value-org-h">
                <h3 id="value-org-h">"For the organisation"</h3>
                <AnswerBox id=id.clone() answer=Answer::ValueOrgShort rows=4/>
                <AnswerBox id=id answer=Answer::ValueOrgLong rows=4/>
            </section>
        </div>
    }
}

#[component]
pub fn RhythmStep(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let planned = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        c.cultivation
                            .activities
                            .iter()
                            .map(|a| (a.id.clone(), activity_summary(&w.catalogues, a)))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
    };
    let href = crate::ui::href(&format!("/cultivate/{id}/rhythm"));
    view! {
        <AnswerBox id=id.clone() answer=Answer::Rhythm rows=5/>
        <section class="wizard-part" aria-labelledby="planned-h">
            <h3 id="planned-h">"Planned activities"</h3>
            {move || {
                let list = planned();
                if list.is_empty() {
                    view! {
                        <p class="muted">
                            "None planned yet. When the rhythm is agreed, put the dates in the "
                            <A href=href.clone()>"rhythm planner"</A>
                            "; the charter lists them."
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <ul data-testid="planned-activities">
                            {list.into_iter().map(|(_, s)| view! { <li>{s}</li> }).collect_view()}
                        </ul>
                        <p class="muted"><A href=href.clone()>"Change them in the rhythm planner"</A>"."</p>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
pub fn NormsStep(id: Id) -> impl IntoView {
    view! {
        <AnswerBox id=id.clone() answer=Answer::Norms rows=5/>
        <section class="wizard-part" aria-labelledby="confidentiality-h">
            <h3 id="confidentiality-h">"Confidentiality"</h3>
            <p class="muted">"Members share more when they know what stays inside. Agree it now, and say what can travel."</p>
            <div class="field-row">
                <AnswerBox id=id.clone() answer=Answer::Confidential rows=4/>
                <AnswerBox id answer=Answer::Publishable rows=4/>
            </div>
        </section>
    }
}
