//! Roles, responsibilities and leadership groups, with warnings, per community; and across
//! communities, the people holding too many leading roles.

mod member_roles;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::model::roles::{overloaded_people, role_summary, role_warnings, OVERLOAD_THRESHOLD};
use crate::model::{CatalogueKind, Id};
use crate::state::AppState;
use crate::ui::components::EmptyState;

use member_roles::MemberRoles;

/// The community the page shows: `?community=` when it names one, else the first.
fn chosen_community() -> Memo<Option<Id>> {
    let state = AppState::expect();
    let query = use_query_map();
    Memo::new(move |_| {
        let wanted = query.with(|q| q.get("community"));
        state.ws.with(|w| {
            wanted
                .and_then(|q| w.communities.iter().find(|c| c.id.as_str() == q))
                .or_else(|| w.communities.first())
                .map(|c| c.id.clone())
        })
    })
}

/// A community chooser that puts the choice in the address, so that a link can open the
/// page on one community and a reload keeps it.
#[component]
pub(super) fn CommunityChooser(#[prop(into)] path: String, chosen: Memo<Option<Id>>) -> impl IntoView {
    let state = AppState::expect();
    let navigate = use_navigate();
    let options = move || {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        navigate(
            &format!("{path}?community={id}"),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <div class="field community-chooser no-print">
            <label for="community-chooser">"Community"</label>
            <select id="community-chooser" on:change=change prop:value=move || chosen.get().map(|c| c.0).unwrap_or_default()>
                {move || {
                    let current = chosen.get();
                    options().into_iter().map(|(id, name)| {
                        let selected = current.as_ref() == Some(&id);
                        view! { <option value=id.0 selected=selected>{name}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}

#[component]
pub fn RolesSection() -> impl IntoView {
    let state = AppState::expect();
    let chosen = chosen_community();
    // A memo: the page below is rebuilt only when the workspace gains or loses its last
    // community, not on every tick (which would close the disclosure being used).
    let none = Memo::new(move |_| state.ws.with(|w| w.communities.is_empty()));
    view! {
        <div class="org-roles">
            {move || if none.get() {
                view! {
                    <EmptyState message="No communities yet. Create one, add its members, then give them roles here.">
                        <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
                    </EmptyState>
                }.into_any()
            } else {
                view! {
                    <CommunityChooser path="/organisation/roles" chosen/>
                    {move || chosen.get().map(|id| view! { <CommunityRoles id/> })}
                }.into_any()
            }}
            <AcrossCommunities/>
        </div>
    }
}

/// One community: its warnings, its roles with their responsibilities, its members' roles
/// and leadership groups, and who is in which group.
#[component]
fn CommunityRoles(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let name = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|w| w.community(&id).map(|c| c.name.clone()).unwrap_or_default())
        })
    };
    let warnings = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        role_warnings(w, c)
                            .into_iter()
                            .map(|x| (x.message, x.advice))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
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
    let roles_table = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                w.catalogues
                    .roles
                    .iter()
                    .map(|r| {
                        let holders: Vec<String> = c
                            .memberships
                            .iter()
                            .filter(|m| m.role_ids.contains(&r.id))
                            .map(|m| w.person_name(&m.person_id))
                            .collect();
                        let duties: Vec<String> = w
                            .catalogues
                            .children(CatalogueKind::RoleResponsibilities, &r.id)
                            .map(|e| e.label.clone())
                            .collect();
                        (r.label.clone(), r.description.clone(), holders, duties)
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let groups_table = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                w.catalogues
                    .leadership_groups
                    .iter()
                    .map(|g| {
                        let members: Vec<String> = c
                            .memberships
                            .iter()
                            .filter(|m| m.leadership_group_ids.contains(&g.id))
                            .map(|m| w.person_name(&m.person_id))
                            .collect();
                        (g.label.clone(), g.description.clone(), members)
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let community_href = crate::ui::href(&format!("/communities/{id}"));
    let cid = id.clone();
    view! {
        <section class="section" aria-labelledby="role-warnings-h">
            <h2 id="role-warnings-h">{move || format!("Warnings for {}", name.get())}</h2>
            <div aria-live="polite" data-testid="role-warnings">
                {move || {
                    let list = warnings.get();
                    if list.is_empty() {
                        view! { <p class="banner banner--success" data-testid="role-ok">"No role warnings: the community has a leader, a core group, a sponsor and someone to welcome newcomers."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="role-warnings">
                                {list.into_iter().map(|(message, advice)| view! {
                                    <li class="banner banner--warning" data-testid="role-warning">
                                        <p><strong>{message}</strong></p>
                                        <p>{advice}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </div>
        </section>

        <section class="section" aria-labelledby="members-roles-h">
            <h2 id="members-roles-h">"Members and their roles"</h2>
            <p class="muted">"Open a member to change their roles and leadership groups. Each change is saved at once, and the warnings above follow it."</p>
            {move || {
                let ids = member_ids.get();
                if ids.is_empty() {
                    let href = community_href.clone();
                    view! {
                        <EmptyState message="No members yet. Add members on the community's page, then give them roles here.">
                            <A href=href attr:class="btn">"Go to the community"</A>
                        </EmptyState>
                    }.into_any()
                } else {
                    let cid = cid.clone();
                    view! {
                        <ul class="member-list" data-testid="role-members">
                            <For each=move || ids.clone() key=|m| m.clone() let:mid>
                                <MemberRoles community=cid.clone() membership=mid/>
                            </For>
                        </ul>
                    }.into_any()
                }
            }}
        </section>

        <section class="section" aria-labelledby="role-catalogue-h">
            <h2 id="role-catalogue-h">"Roles and responsibilities"</h2>
            <p class="muted">"Each role of the catalogue, who holds it here, and the responsibilities that go with it. Roles and responsibilities are edited on the Data page."</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Table of roles">
                <table class="data-table role-table" data-testid="role-table">
                    <thead><tr>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Held by"</th>
                        <th scope="col">"Responsibilities"</th>
                    </tr></thead>
                    <tbody>
                        {move || roles_table().into_iter().map(|(label, description, holders, duties)| view! {
                            <tr>
                                <th scope="row">{label}<span class="role-table__help">{description}</span></th>
                                <td>{if holders.is_empty() {
                                    view! { <span class="muted">"Nobody"</span> }.into_any()
                                } else {
                                    holders.join(", ").into_any()
                                }}</td>
                                <td>{if duties.is_empty() {
                                    view! { <span class="muted">"None listed"</span> }.into_any()
                                } else {
                                    view! { <ul class="duty-list">{duties.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> }.into_any()
                                }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>

        <section class="section" aria-labelledby="groups-h">
            <h2 id="groups-h">"Leadership groups"</h2>
            <p class="muted">"Everyone at a meeting can join a group that looks after one part of the shared learning. Assign them with each member above."</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Table of leadership groups">
                <table class="data-table" data-testid="groups-table">
                    <thead><tr>
                        <th scope="col">"Group"</th>
                        <th scope="col">"Looks after"</th>
                        <th scope="col">"Members"</th>
                    </tr></thead>
                    <tbody>
                        {move || groups_table().into_iter().map(|(label, description, members)| view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td>{description}</td>
                                <td>{if members.is_empty() {
                                    view! { <span class="muted">"Nobody"</span> }.into_any()
                                } else {
                                    members.join(", ").into_any()
                                }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// People overloaded with leading roles, and everyone's roles across communities.
#[component]
fn AcrossCommunities() -> impl IntoView {
    let state = AppState::expect();
    let overloaded = Memo::new(move |_| {
        state.ws.with(|w| {
            overloaded_people(w, OVERLOAD_THRESHOLD)
                .into_iter()
                .map(|p| {
                    let places: Vec<String> = p
                        .places
                        .iter()
                        .map(|pl| {
                            let roles: Vec<String> = pl
                                .role_ids
                                .iter()
                                .map(|r| w.catalogues.label(CatalogueKind::Roles, r).to_lowercase())
                                .collect();
                            format!(
                                "{} ({})",
                                w.community(&pl.community_id)
                                    .map(|c| c.name.clone())
                                    .unwrap_or_default(),
                                roles.join(", ")
                            )
                        })
                        .collect();
                    (w.person_name(&p.person_id), p.places.len(), places)
                })
                .collect::<Vec<_>>()
        })
    });
    let summary = Memo::new(move |_| {
        state.ws.with(|w| {
            role_summary(w)
                .into_iter()
                .map(|p| {
                    let lines: Vec<(Id, String, String, String)> = p
                        .places
                        .iter()
                        .map(|pl| {
                            let roles: Vec<String> = pl
                                .role_ids
                                .iter()
                                .map(|r| w.catalogues.label(CatalogueKind::Roles, r))
                                .collect();
                            let groups: Vec<String> = pl
                                .leadership_group_ids
                                .iter()
                                .map(|g| w.catalogues.label(CatalogueKind::LeadershipGroups, g))
                                .collect();
                            (
                                pl.community_id.clone(),
                                w.community(&pl.community_id)
                                    .map(|c| c.name.clone())
                                    .unwrap_or_default(),
                                roles.join(", "),
                                groups.join(", "),
                            )
                        })
                        .collect();
                    (p.person_id.clone(), w.person_name(&p.person_id), lines)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="section" aria-labelledby="across-h">
            <h2 id="across-h">"Across communities"</h2>
            <h3>"Overloaded people"</h3>
            <p class="muted">{format!("Someone holding leading roles (leader or core group member) in more than {OVERLOAD_THRESHOLD} communities is overloaded: one of them is probably not really being led.")}</p>
            {move || {
                let list = overloaded.get();
                if list.is_empty() {
                    view! { <p data-testid="overload-none">{format!("Nobody holds leading roles in more than {OVERLOAD_THRESHOLD} communities.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="role-warnings" data-testid="overloaded">
                            {list.into_iter().map(|(name, n, places)| view! {
                                <li class="banner banner--warning">
                                    <p><strong>{format!("{name} holds leading roles in {n} communities")}</strong></p>
                                    <p>{places.join("; ")}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <h3 id="who-h">"Who holds which roles"</h3>
            {move || {
                let rows = summary.get();
                if rows.is_empty() {
                    view! { <p class="muted">"Nobody holds a role yet."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Table of who holds which roles">
                            <table class="data-table" data-testid="role-summary">
                                <thead><tr>
                                    <th scope="col">"Person"</th>
                                    <th scope="col">"Community"</th>
                                    <th scope="col">"Roles"</th>
                                    <th scope="col">"Leadership groups"</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().flat_map(|(pid, name, lines)| {
                                        let span = lines.len();
                                        lines.into_iter().enumerate().map(move |(i, (cid, community, roles, groups))| {
                                            let person = (i == 0).then(|| {
                                                let href = crate::ui::href(&format!("/people/{pid}"));
                                                let name = name.clone();
                                                view! { <th scope="rowgroup" rowspan=span><A href=href>{name}</A></th> }
                                            });
                                            let roles_href = crate::ui::href(&format!("/organisation/roles?community={cid}"));
                                            view! {
                                                <tr>
                                                    {person}
                                                    <td><A href=roles_href>{community}</A></td>
                                                    <td>{roles}</td>
                                                    <td>{groups}</td>
                                                </tr>
                                            }
                                        }).collect::<Vec<_>>()
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
