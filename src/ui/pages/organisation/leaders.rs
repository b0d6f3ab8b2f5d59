//! Capacity building: every leader's plan (steps planned and done, status, next step) and the
//! leaders' peer groups across communities.

mod peer_groups;
mod plan;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::roles::{leader_places, leader_status, leaders, PlanState};
use crate::model::{CatalogueKind, Id};
use crate::state::{now, today, AppState};
use crate::ui::components::EmptyState;

use plan::PlanEditor;

/// People with a capacity-building place on the page: everyone holding a leader-type role,
/// and anyone who still has a plan without one, by name.
fn people_on_page(w: &crate::model::Workspace) -> Vec<Id> {
    let mut out: Vec<(String, Id)> = leaders(w)
        .into_iter()
        .map(|p| (w.person_name(&p.person_id).to_lowercase(), p.person_id))
        .collect();
    for plan in &w.programme.leader_plans {
        if !out.iter().any(|(_, p)| p == &plan.person_id) {
            out.push((w.person_name(&plan.person_id).to_lowercase(), plan.person_id.clone()));
        }
    }
    out.sort();
    out.into_iter().map(|(_, p)| p).collect()
}

#[component]
pub fn LeadersSection() -> impl IntoView {
    let state = AppState::expect();
    let people = Memo::new(move |_| state.ws.with(people_on_page));
    let stats = Memo::new(move |_| {
        state.ws.with(|w| {
            let list = leaders(w);
            let today = today();
            let statuses: Vec<PlanState> = list
                .iter()
                .map(|p| leader_status(w, &p.person_id, today).state)
                .collect();
            (
                list.len(),
                statuses.iter().filter(|s| **s != PlanState::NoPlan).count(),
                statuses
                    .iter()
                    .filter(|s| matches!(s, PlanState::InProgress | PlanState::Done))
                    .count(),
                w.catalogues.capacity_steps.len(),
            )
        })
    });
    view! {
        <div class="org-leaders">
            <section class="section" aria-labelledby="leaders-h">
                <h2 id="leaders-h">"Leaders and their plans"</h2>
                <p class="muted">"Everyone in a leading role in any community: community, chapter and practice group leaders, and core group members. Each can have a capacity-building plan: the training and peer-support steps of the catalogue, planned or done, with dates."</p>
                {move || {
                    let (n, planned, started, steps) = stats.get();
                    view! {
                        <dl class="stat-row leader-stats">
                            <div class="stat"><dt class="stat__label">"Leaders"</dt><dd class="stat__value">{n}</dd></div>
                            <div class="stat"><dt class="stat__label">"With a plan"</dt><dd class="stat__value">{planned}</dd></div>
                            <div class="stat"><dt class="stat__label">"Done a step or more"</dt><dd class="stat__value">{started}</dd></div>
                            <div class="stat"><dt class="stat__label">"Steps in the catalogue"</dt><dd class="stat__value">{steps}</dd></div>
                        </dl>
                    }
                }}
                {move || {
                    let ids = people.get();
                    if ids.is_empty() {
                        view! {
                            <EmptyState message="Nobody holds a leading role yet. Give someone the community leader or core group member role, and their plan starts here.">
                                <A href=crate::ui::href("/organisation/roles") attr:class="btn">"Go to roles"</A>
                            </EmptyState>
                        }.into_any()
                    } else {
                        view! {
                            <ul class="leader-list" data-testid="leaders">
                                <For each=move || ids.clone() key=|p| p.clone() let:pid>
                                    <LeaderCard person=pid/>
                                </For>
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
            <peer_groups::PeerGroups/>
        </div>
    }
}

/// One leader: where they lead, their status and next step, and their plan.
#[component]
fn LeaderCard(person: Id) -> impl IntoView {
    let state = AppState::expect();
    let facts = {
        let person = person.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let places: Vec<String> = leader_places(w, &person)
                    .into_iter()
                    .map(|p| {
                        let roles: Vec<String> = p
                            .role_ids
                            .iter()
                            .map(|r| w.catalogues.label(CatalogueKind::Roles, r))
                            .collect();
                        format!(
                            "{} in {}",
                            roles.join(" and "),
                            w.community(&p.community_id).map(|c| c.name.clone()).unwrap_or_default()
                        )
                    })
                    .collect();
                let status = leader_status(w, &person, today());
                (
                    w.person_name(&person),
                    places,
                    status.state,
                    status.label(),
                    status.next_label(&w.catalogues),
                )
            })
        })
    };
    let has_plan = Memo::new(move |_| facts.with(|f| f.2 != PlanState::NoPlan));
    let name = move || facts.with(|f| f.0.clone());
    // A plan started here opens at once; one loaded with the page starts folded.
    let just_started = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let href = crate::ui::href(&format!("/people/{person}"));
    let start = {
        let person = person.clone();
        move |_| match state.edit(|ws| ws.add_leader_plan(&person, now())) {
            Ok(()) => {
                error.set(None);
                just_started.set(true);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let state_class = move || {
        let key = match facts.with(|f| f.2) {
            PlanState::NoPlan => "none",
            PlanState::NotStarted => "not-started",
            PlanState::InProgress => "in-progress",
            PlanState::Done => "done",
        };
        format!("tag leader-status leader-status--{key}")
    };
    view! {
        <li class="card leader-card" data-testid="leader-card">
            <div class="leader-card__head">
                <div>
                    <h3 class="card__title"><A href=href>{name}</A></h3>
                    <p class="leader-card__places">{move || {
                        let places = facts.with(|f| f.1.clone());
                        if places.is_empty() { "No leading role at the moment; the plan is kept.".to_string() } else { places.join("; ") }
                    }}</p>
                </div>
                <div class="leader-card__status">
                    <span class=state_class data-testid="leader-status">{move || facts.with(|f| f.3.clone())}</span>
                    <span class="muted" data-testid="leader-next">{move || facts.with(|f| f.4.clone()).unwrap_or_default()}</span>
                    {move || (!has_plan.get()).then(|| {
                        let label = format!("Start a plan for {}", name());
                        view! { <button class="btn btn--small" aria-label=label on:click=start.clone()>"Start a plan"</button> }
                    })}
                </div>
            </div>
            {move || has_plan.get().then(|| view! { <PlanEditor person=person.clone() open=just_started.get_untracked()/> })}
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
        </li>
    }
}
