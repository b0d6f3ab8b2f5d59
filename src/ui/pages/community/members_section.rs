use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::{field_error, CatalogueKind, FieldError, Id, MembershipDraft, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{CatalogueChecklist, CatalogueSelect, EmptyState, SelectField, TextField};

use super::member_row::MemberRow;

/// The community: members, their participation levels and roles.
#[component]
pub fn MembersSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    // A memo, so that the rows (and any form open in one) are rebuilt only when members are
    // added or removed, not on every edit elsewhere in the workspace.
    let member_ids = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| c.memberships.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let level_counts = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                w.catalogues
                    .participation_levels
                    .iter()
                    .map(|l| {
                        (
                            l.label.clone(),
                            c.memberships.iter().filter(|m| m.level_id == l.id).count(),
                        )
                    })
                    .filter(|(_, n)| *n > 0)
                    .collect::<Vec<_>>()
            })
        }
    };
    let cid = id.clone();
    view! {
        <section class="section" aria-labelledby="members-h">
            <h2 id="members-h">"Community"</h2>
            <p class="muted">"Who learns together, at which level of participation. People move between levels over time; those flows are a sign of health."</p>
            <p class="cluster">
                {move || level_counts().into_iter().map(|(l, n)| view! { <span class="tag tag--level">{format!("{l}: {n}")}</span> }).collect_view()}
            </p>
            {move || {
                let ids = member_ids.get();
                if ids.is_empty() {
                    view! { <EmptyState message="No members yet. Add the people who will learn together, starting with the core group."/> }.into_any()
                } else {
                    let cid = cid.clone();
                    view! {
                        <ul class="member-list" data-testid="member-list">
                            <For each=move || ids.clone() key=|m| m.clone() let:mid>
                                <MemberRow community=cid.clone() membership=mid/>
                            </For>
                        </ul>
                    }.into_any()
                }
            }}
            <AddMember community=id/>
        </section>
    }
}

#[component]
fn AddMember(community: Id) -> impl IntoView {
    let state = AppState::expect();
    let person = RwSignal::new(String::new());
    let first_level = state.ws.with_untracked(|w| {
        w.catalogues
            .participation_levels
            .first()
            .map(|l| l.id.0.clone())
            .unwrap_or_default()
    });
    let level = RwSignal::new(first_level);
    let roles = RwSignal::new(Vec::<Id>::new());
    let joined = RwSignal::new(today().to_string());
    let attempted = RwSignal::new(false);
    let date_error = Memo::new(move |_| {
        (attempted.get() && NaiveDate::parse_from_str(&joined.get(), "%Y-%m-%d").is_err())
            .then(|| "Enter the date as YYYY-MM-DD".to_string())
    });
    let cid = community.clone();
    let draft = move || MembershipDraft {
        person_id: (!person.get().is_empty()).then(|| Id(person.get())),
        level_id: Id(level.get()),
        role_ids: roles.get(),
        joined_on: NaiveDate::parse_from_str(&joined.get(), "%Y-%m-%d").unwrap_or_else(|_| today()),
    };
    let problems = Memo::new(move |_| {
        if !attempted.get() {
            return Vec::<FieldError>::new();
        }
        state.ws.with(|ws| {
            ws.community(&cid)
                .map(|c| draft().problems(ws, c, None))
                .unwrap_or_default()
        })
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let people_options = {
        let community = community.clone();
        Signal::derive(move || {
            state.ws.with(|w| {
                let members: Vec<&Id> = w
                    .community(&community)
                    .map(|c| c.memberships.iter().map(|m| &m.person_id).collect())
                    .unwrap_or_default();
                w.people
                    .iter()
                    .filter(|p| !members.contains(&&p.id))
                    .map(|p| (p.id.0.clone(), p.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let has_people = move || state.ws.with(|w| !w.people.is_empty());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if date_error.get_untracked().is_some() {
            return;
        }
        let d = draft();
        match state.edit(|ws| ws.add_membership(&community, new_id(), &d, now())) {
            Ok(()) => {
                attempted.set(false);
                person.set(String::new());
                roles.set(Vec::new());
            }
            Err(ModelError::Invalid(_)) => {}
            Err(e) => state.notice.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="form card" on:submit=submit novalidate aria-labelledby="add-member-h">
            <h3 id="add-member-h" class="card__title">"Add a member"</h3>
            {move || (!has_people()).then(|| view! {
                <p class="muted">"There are no people in the workspace yet. "<A href=crate::ui::href("/people")>"Add people first"</A>"."</p>
            })}
            <div class="field-row">
                <SelectField id="member-person" label="Person" value=person options=people_options empty="Choose a person…" error=err("person_id")/>
                <CatalogueSelect id="member-level" label="Participation level" kind=CatalogueKind::ParticipationLevels value=level error=err("level_id")/>
                <TextField id="member-joined" label="Joined on" input_type="date" value=joined error=Signal::derive(move || date_error.get())/>
            </div>
            <RoleChecklist legend="Roles" selected=roles/>
            <div class="form-actions"><button class="btn btn--primary" type="submit">"Add member"</button></div>
        </form>
    }
}

/// Checkboxes over the role catalogue.
#[component]
pub fn RoleChecklist(#[prop(into)] legend: String, selected: RwSignal<Vec<Id>>) -> impl IntoView {
    view! { <CatalogueChecklist legend kind=CatalogueKind::Roles selected/> }
}
