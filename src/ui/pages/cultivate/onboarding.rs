//! Newcomers' onboarding: a checklist of steps per newcomer, ticked with a date and an
//! optional note, and the offer to record a level move once someone has moved to active.

mod editor;
mod grid;
mod offers;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::onboarding::{members_with_role, onboarding_rows, NEWCOMER_MONTHS};
use crate::model::{CatalogueKind, Id};
use crate::state::{today, AppState};
use crate::ui::components::EmptyState;

/// Moves keyboard focus to the element with this id once the view has rendered.
pub(super) fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// The id of the checkbox for one person and step.
pub(super) fn cell_id(person: &Id, step: &Id) -> String {
    format!("ob-{person}-{step}")
}

#[component]
pub fn OnboardingSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let show_all = RwSignal::new(false);
    // People ticked or unticked on this visit stay listed, so a row never vanishes under
    // the pointer when its last reason to be listed goes.
    let touched = RwSignal::new(Vec::<Id>::new());
    let editing = RwSignal::new(None::<(Id, Id)>);
    let facts = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let c = w.community(&id)?;
                Some((
                    c.memberships.len(),
                    members_with_role(w, c, "welcome_wagon"),
                    members_with_role(w, c, "mentor"),
                    w.catalogues
                        .get(CatalogueKind::OnboardingSteps)
                        .iter()
                        .map(|s| (s.label.clone(), s.description.clone()))
                        .collect::<Vec<_>>(),
                ))
            })
        })
    };
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            let all = show_all.get();
            let keep = touched.get();
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                onboarding_rows(w, c, today(), true)
                    .into_iter()
                    .filter(|r| all || !r.reasons.is_empty() || keep.contains(&r.person_id))
                    .map(|r| (r.membership_id, r.person_id))
                    .collect::<Vec<_>>()
            })
        })
    };
    // The grid is rebuilt only when one of these changes, never on a tick, so keyboard focus
    // stays on the checkbox just ticked.
    let status = Memo::new(move |_| {
        facts
            .with(|f| {
                f.as_ref()
                    .map(|(members, _, _, steps)| (*members == 0, steps.is_empty()))
            })
            .map(|(a, b)| (a, b, rows.with(Vec::is_empty)))
    });
    let community_href = crate::ui::href(&format!("/communities/{id}"));
    let grid_id = id.clone();
    view! {
        <section class="section onboarding-page" aria-labelledby="onboarding-h">
            <h2 id="onboarding-h">"Newcomers' onboarding"</h2>
            <p class="muted">{format!(
                "A checklist for each newcomer: someone who joined in the last {NEWCOMER_MONTHS} months, is at the peripheral level, or whose onboarding is under way. Tick a step when it is done: today's date is recorded, and you can change it or add a note, such as who the mentor is."
            )}</p>
            {move || facts.get().map(|(_, welcome, mentors, steps)| {
                let names = |v: &Vec<String>| if v.is_empty() { "nobody named yet".to_string() } else { v.join(", ") };
                view! {
                    <p class="onboarding-roles" data-testid="onboarding-roles">
                        <strong>"Welcome wagon: "</strong>{names(&welcome)}". "
                        <strong>"Mentors: "</strong>{names(&mentors)}". "
                        {(welcome.is_empty() || mentors.is_empty()).then(|| view! {
                            <span class="muted">"Give members these roles on "<A href=community_href.clone()>"the community's page"</A>"."</span>
                        })}
                    </p>
                    <dl class="onboarding-steps" aria-label="What each step means">
                        {steps.into_iter().map(|(l, d)| view! { <div><dt>{l}</dt><dd>{d}</dd></div> }).collect_view()}
                    </dl>
                }
            })}
            <offers::LevelOffers id=id.clone()/>
            <label class="check onboarding-toggle no-print" for="onboarding-all">
                <input id="onboarding-all" type="checkbox" prop:checked=move || show_all.get()
                    on:change=move |ev| show_all.set(event_target_checked(&ev))/>
                "Show all members, not only newcomers"
            </label>
            {move || {
                let Some((no_members, no_steps, no_rows)) = status.get() else { return ().into_any() };
                if no_members {
                    let href = crate::ui::href(&format!("/communities/{}", grid_id));
                    return view! {
                        <EmptyState message="No members yet. Add members on the community's page, then come back to onboard them.">
                            <A href=href attr:class="btn">"Go to the community"</A>
                        </EmptyState>
                    }.into_any();
                }
                if no_steps {
                    return view! {
                        <EmptyState message="The onboarding steps catalogue is empty. Add steps on the Data page.">
                            <A href=crate::ui::href("/data") attr:class="btn">"Go to the Data page"</A>
                        </EmptyState>
                    }.into_any();
                }
                if no_rows {
                    return view! {
                        <p class="empty-state" data-testid="no-newcomers">{format!(
                            "Nobody counts as a newcomer today: no one joined in the last {NEWCOMER_MONTHS} months, is at the peripheral level, or has onboarding under way. Tick “Show all members” to record onboarding for anyone."
                        )}</p>
                    }.into_any();
                }
                view! { <grid::OnboardingGrid community=grid_id.clone() rows touched editing/> }.into_any()
            }}
            {
                let id = id.clone();
                move || editing.get().map(|(person, step)| view! {
                    <editor::TickEditor community=id.clone() person step editing touched/>
                })
            }
        </section>
    }
}
