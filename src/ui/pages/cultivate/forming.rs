//! The forming wizard: one step per screen, with help for each, a progress list, and
//! answers that save themselves as they are typed. The step the wizard is at is kept in
//! the community (`cultivation.forming.step`), so a reload or a later visit resumes there.

mod agenda;
mod answers;
mod autosave;
mod community;
mod domain;
mod progress;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::model::forming::{step_has_answers, STEPS};
use crate::model::{field_error, CatalogueKind, CommunityDraft, FieldError, Id, ModelError};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{CatalogueSelect, TextField};
use crate::ui::pages::use_title;

use autosave::Pending;
use progress::Progress;

/// Moves keyboard focus to the step's heading once the new step is on screen.
fn focus_step_heading() {
    request_animation_frame(|| {
        if let Some(el) = document().get_element_by_id("wizard-step-h") {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
        reveal_current_step();
    });
}

/// On a narrow screen the progress list scrolls sideways: bring the current step into sight.
fn reveal_current_step() {
    let doc = document();
    let find = |selector: &str| {
        doc.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    };
    if let (Some(list), Some(item)) = (
        find(".wizard-progress__list"),
        find(".wizard-progress__item.is-current"),
    ) {
        if list.scroll_width() > list.client_width() {
            list.set_scroll_left(item.offset_left() - list.offset_left() - 8);
        }
    }
}

#[component]
pub fn FormingWizard(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let pending = Pending::provide();
    let navigate = use_navigate();
    let step = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| usize::from(c.cultivation.forming.step).min(STEPS.len() - 1))
                    .unwrap_or(0)
            })
        })
    };
    let filled = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        (0..STEPS.len())
                            .map(|i| step_has_answers(&w.catalogues, c, i))
                            .collect()
                    })
                    .unwrap_or_else(|| vec![false; STEPS.len()])
            })
        })
    };
    let problem = RwSignal::new(None::<String>);

    // Whatever is typed is saved before the page goes away (reload, close, another app).
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| {
        let _ = pending.flush();
        state.flush();
    });
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            let _ = pending.flush();
            state.flush();
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });
    request_animation_frame(reveal_current_step);

    // Saves what is pending; says what stops it, and moves nowhere then.
    let save_all = move || match pending.flush() {
        Ok(()) => {
            problem.set(None);
            true
        }
        Err(e) => {
            problem.set(Some(e));
            false
        }
    };
    let go = {
        let id = id.clone();
        Callback::new(move |to: usize| {
            if !save_all() {
                return;
            }
            match state.edit(|ws| ws.set_forming_step(&id, to, now())) {
                Ok(()) => focus_step_heading(),
                Err(e) => problem.set(Some(e.to_string())),
            }
        })
    };
    let finish_later = {
        let (id, navigate) = (id.clone(), navigate.clone());
        move |_| {
            if save_all() {
                let i = step.get_untracked();
                state.notice.set(Some(format!(
                    "Saved. The forming wizard opens at step {}, {}, next time.",
                    i + 1,
                    STEPS[i].title
                )));
                navigate(&format!("/cultivate/{id}"), Default::default());
            }
        }
    };
    let generate = {
        let id = id.clone();
        move |_| {
            if save_all() {
                navigate(&format!("/cultivate/{id}/charter?from=wizard"), Default::default());
            }
        }
    };
    let body = {
        let id = id.clone();
        move || {
            let id = id.clone();
            match step.get() {
                0 => view! { <domain::FormationStep id/> }.into_any(),
                1 => view! { <domain::DomainStep id/> }.into_any(),
                2 => view! { <agenda::AgendaStep id/> }.into_any(),
                3 => view! { <community::CommunityStep id/> }.into_any(),
                4 => view! { <answers::PracticeStep id/> }.into_any(),
                5 => view! { <answers::ValueStep id/> }.into_any(),
                6 => view! { <answers::RhythmStep id/> }.into_any(),
                _ => view! { <answers::NormsStep id/> }.into_any(),
            }
        }
    };
    let last = STEPS.len() - 1;
    view! {
        <div class="wizard" data-testid="forming-wizard">
            <Progress current=Signal::from(step) filled=Signal::from(filled) on_go=go/>
            <section class="card wizard__step" aria-labelledby="wizard-step-h" data-step=move || STEPS[step.get()].key>
                <p class="wizard__count" data-testid="wizard-count">{move || format!("Step {} of {}", step.get() + 1, STEPS.len())}</p>
                <h2 id="wizard-step-h" class="wizard__title" tabindex="-1">{move || STEPS[step.get()].title}</h2>
                <p class="wizard__help">{move || STEPS[step.get()].help}</p>
                <div class="wizard__body">{body}</div>
            </section>
            {move || problem.get().map(|p| view! {
                <div class="banner banner--error wizard__problem" role="alert">
                    <p><strong>"Not moved on yet. "</strong>{p}</p>
                    <p>"Fix the field marked above, or clear it, then try again."</p>
                </div>
            })}
            <div class="wizard__actions no-print">
                {move || (step.get() > 0).then(|| view! {
                    <button type="button" class="btn" on:click=move |_| go.run(step.get_untracked() - 1)>
                        <span aria-hidden="true">"← "</span>"Back"
                    </button>
                })}
                <span class="wizard__spacer"></span>
                <button type="button" class="btn btn--ghost" on:click=finish_later>"Save and finish later"</button>
                {move || if step.get() == last {
                    view! { <button type="button" class="btn btn--primary" on:click=generate.clone()>"Generate the charter"</button> }.into_any()
                } else {
                    let next = STEPS[step.get() + 1].title;
                    view! {
                        <button type="button" class="btn btn--primary" on:click=move |_| go.run(step.get_untracked() + 1)>
                            <span>"Next"<span class="wizard__next-title">": "{next}</span><span aria-hidden="true">" →"</span></span>
                        </button>
                    }.into_any()
                }}
            </div>
            <p class="muted wizard__saved-note">
                "Answers save as you type. You can leave at any step; the wizard opens here again next time."
            </p>
        </div>
    }
}

/// `/cultivate/new`: the wizard's first step for a community that does not exist yet.
#[component]
pub fn FormingStartPage() -> impl IntoView {
    use_title(|| "Form a new community".into());
    let state = AppState::expect();
    let navigate = use_navigate();
    let initial = state.ws.with_untracked(CommunityDraft::new_in);
    let name = RwSignal::new(String::new());
    let formation = RwSignal::new(initial.formation_type_id.0.clone());
    let attempted = RwSignal::new(false);
    let form_error = RwSignal::new(None::<String>);
    let draft = move || CommunityDraft {
        name: name.get(),
        formation_type_id: Id(formation.get()),
        ..initial.clone()
    };
    let checking = draft.clone();
    let problems = Memo::new(move |_| {
        if attempted.get() {
            state.ws.with(|ws| checking().problems(ws))
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let d = draft();
        let id = new_id();
        // Created at the second step: the first one is answered here.
        let result = state.edit(|ws| {
            ws.add_community(id.clone(), &d, now())?;
            ws.set_forming_step(&id, 1, now())
        });
        match result {
            Ok(()) => navigate(&format!("/cultivate/{id}/forming"), Default::default()),
            Err(ModelError::Invalid(_)) => {}
            Err(e) => form_error.set(Some(e.to_string())),
        }
    };
    let no_progress = Signal::derive(|| vec![false; STEPS.len()]);
    view! {
        <div class="page-header">
            <p class="muted"><A href=crate::ui::href("/cultivate")>"Cultivate"</A></p>
            <h1>"Form a new community"</h1>
            <p class="lede">"Eight steps for the people starting a community: what it is about, what it will learn, who takes part, and how it will work. Everything saves as you go, so you can stop at any step and carry on later. At the end, the answers become a charter."</p>
        </div>
        <div class="wizard" data-testid="forming-wizard">
            <Progress current=Signal::derive(|| 0) filled=no_progress/>
            <section class="card wizard__step" aria-labelledby="wizard-step-h" data-step=STEPS[0].key>
                <p class="wizard__count" data-testid="wizard-count">{format!("Step 1 of {}", STEPS.len())}</p>
                <h2 id="wizard-step-h" class="wizard__title" tabindex="-1">{STEPS[0].title}</h2>
                <p class="wizard__help">{STEPS[0].help}</p>
                <form class="wizard__body wizard__form" on:submit=submit novalidate>
                    <TextField
                        id="community-name"
                        label="Name of the community"
                        value=name
                        required=true
                        hint="As members will know it, for example “Reliability Guild”. You can change it later."
                        error=err("name")
                    />
                    <CatalogueSelect id="community-formation" label="Formation type" kind=CatalogueKind::FormationTypes value=formation error=err("formation_type_id")/>
                    <domain::FormationTypes selected=formation/>
                    {move || form_error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
                    <div class="wizard__actions">
                        <span class="wizard__spacer"></span>
                        <button class="btn btn--primary" type="submit">"Create and continue"<span aria-hidden="true">" →"</span></button>
                    </div>
                </form>
            </section>
        </div>
    }
}
