//! One member's roles and leadership groups, edited in place: each tick is saved at once.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};

/// What the row shows of a member.
#[derive(Clone, PartialEq)]
struct Facts {
    person_id: Id,
    name: String,
    level: String,
    role_ids: Vec<Id>,
    roles: Vec<String>,
    group_ids: Vec<Id>,
    groups: Vec<String>,
}

/// A member with their level, roles and leadership groups, and a disclosure holding the
/// checkboxes that change them. The disclosure is built once, so it stays open while ticks
/// re-render what they change.
#[component]
pub fn MemberRoles(community: Id, membership: Id) -> impl IntoView {
    let state = AppState::expect();
    let facts = {
        let (c, m) = (community.clone(), membership.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                let c = w.community(&c)?;
                let m = c.memberships.iter().find(|x| x.id == m)?;
                Some(Facts {
                    person_id: m.person_id.clone(),
                    name: w.person_name(&m.person_id),
                    level: w.catalogues.label(CatalogueKind::ParticipationLevels, &m.level_id),
                    role_ids: m.role_ids.clone(),
                    roles: m
                        .role_ids
                        .iter()
                        .map(|r| w.catalogues.label(CatalogueKind::Roles, r))
                        .collect(),
                    group_ids: m.leadership_group_ids.clone(),
                    groups: m
                        .leadership_group_ids
                        .iter()
                        .map(|g| w.catalogues.label(CatalogueKind::LeadershipGroups, g))
                        .collect(),
                })
            })
        })
    };
    let name = move || facts.with(|f| f.as_ref().map(|f| f.name.clone()).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let error_id = format!("member-roles-error-{membership}");
    let (c1, m1, c2, m2) = (community.clone(), membership.clone(), community, membership);
    let toggle_role = move |role: Id| {
        let mut roles = facts.with_untracked(|f| f.as_ref().map(|f| f.role_ids.clone()).unwrap_or_default());
        match roles.iter().position(|r| r == &role) {
            Some(i) => {
                roles.remove(i);
            }
            None => roles.push(role),
        }
        error.set(
            state
                .edit(|ws| ws.set_roles(&c1, &m1, &roles, now()))
                .err()
                .map(|e| e.to_string()),
        );
    };
    let toggle_group = move |group: Id| {
        let mut groups = facts.with_untracked(|f| f.as_ref().map(|f| f.group_ids.clone()).unwrap_or_default());
        match groups.iter().position(|g| g == &group) {
            Some(i) => {
                groups.remove(i);
            }
            None => groups.push(group),
        }
        error.set(
            state
                .edit(|ws| ws.set_leadership_groups(&c2, &m2, &groups, now()))
                .err()
                .map(|e| e.to_string()),
        );
    };
    // Memos, so that a tick (which changes the workspace, not the catalogues) does not
    // rebuild the checkboxes and take the keyboard focus away from the one just ticked.
    let catalogue = move |kind: CatalogueKind| {
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.catalogues
                    .get(kind)
                    .iter()
                    .map(|e| (e.id.clone(), e.label.clone(), e.description.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let (roles, groups) = (
        catalogue(CatalogueKind::Roles),
        catalogue(CatalogueKind::LeadershipGroups),
    );
    let eid = error_id.clone();
    view! {
        <li data-testid="role-member">
            <div class="stack">
                {move || facts.get().map(|f| {
                    let href = crate::ui::href(&format!("/people/{}", f.person_id));
                    view! {
                        <span><A href=href>{f.name.clone()}</A></span>
                        <span class="cluster">
                            <span class="tag tag--level">{f.level.clone()}</span>
                            {f.roles.iter().map(|r| view! { <span class="tag tag--role">{r.clone()}</span> }).collect_view()}
                            {f.groups.iter().map(|g| view! { <span class="tag">{g.clone()}</span> }).collect_view()}
                            {(f.roles.is_empty() && f.groups.is_empty()).then(|| view! { <span class="muted">"No role"</span> })}
                        </span>
                    }
                })}
                <details class="member-roles no-print">
                    <summary>{move || format!("Change roles and groups of {}", name())}</summary>
                    <div class="member-roles__body">
                        <fieldset class="checkbox-list" aria-describedby=move || error.get().map(|_| eid.clone())>
                            <legend>{move || format!("Roles of {}", name())}</legend>
                            {move || roles.get().into_iter().map(|(rid, label, description)| {
                                let checked = { let rid = rid.clone(); move || facts.with(|f| f.as_ref().is_some_and(|f| f.role_ids.contains(&rid))) };
                                let toggle = toggle_role.clone();
                                view! { <label class="check" title=description><input type="checkbox" prop:checked=checked on:change=move |_| toggle(rid.clone())/>{label}</label> }
                            }).collect_view()}
                        </fieldset>
                        <fieldset class="checkbox-list">
                            <legend>{move || format!("Leadership groups of {}", name())}</legend>
                            {move || groups.get().into_iter().map(|(gid, label, description)| {
                                let checked = { let gid = gid.clone(); move || facts.with(|f| f.as_ref().is_some_and(|f| f.group_ids.contains(&gid))) };
                                let toggle = toggle_group.clone();
                                view! { <label class="check" title=description><input type="checkbox" prop:checked=checked on:change=move |_| toggle(gid.clone())/>{label}</label> }
                            }).collect_view()}
                        </fieldset>
                    </div>
                    {move || error.get().map(|e| view! { <p class="field__error" id=error_id.clone() role="alert">{e}</p> })}
                </details>
            </div>
        </li>
    }
}
