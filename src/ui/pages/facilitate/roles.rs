//! Leadership groups for the meeting: each participant looks after one part of the shared
//! learning (agenda activists, community keepers, critical friends, social reporters…).

use leptos::prelude::*;

use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};

use super::StatusLine;

#[component]
pub fn RolesSection(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<(bool, String)>);
    let rows = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                let community = w.community(&c)?;
                let mt = community.facilitation.meetings.iter().find(|x| x.id == m)?;
                let mut v: Vec<(Id, String, String, String)> = community
                    .memberships
                    .iter()
                    .map(|ms| {
                        let group = mt
                            .roles
                            .iter()
                            .find(|r| r.person_id == ms.person_id)
                            .map(|r| r.leadership_group_id.0.clone())
                            .unwrap_or_default();
                        (
                            ms.person_id.clone(),
                            w.person_name(&ms.person_id),
                            w.catalogues.label(CatalogueKind::ParticipationLevels, &ms.level_id),
                            group,
                        )
                    })
                    .collect();
                v.sort_by(|a, b| a.1.cmp(&b.1));
                Some(v)
            })
        })
    };
    let groups = move || {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::LeadershipGroups)
                .iter()
                .map(|e| (e.id.0.clone(), e.label.clone(), e.description.clone()))
                .collect::<Vec<_>>()
        })
    };
    let standing = {
        let (c, m) = (c.clone(), m.clone());
        move |_| {
            message.set(Some(
                match state.edit(|ws| ws.roles_from_standing_groups(&c, &m, now())) {
                    Ok(0) => (
                        true,
                        "Nobody without a group stands in a leadership group for the community.".into(),
                    ),
                    Ok(n) => (
                        true,
                        format!("Gave {n} member{} their standing group.", if n == 1 { "" } else { "s" }),
                    ),
                    Err(e) => (false, e.to_string()),
                },
            ));
        }
    };
    view! {
        <section class="section" aria-labelledby="roles-h">
            <h2 id="roles-h">"Leadership groups"</h2>
            <p class="muted no-print">"Everyone at a meeting joins a group that looks after one part of the shared learning process (Wenger-Trayner). Hover or focus a group for what it stewards."</p>
            <details class="no-print group-help">
                <summary>"What each group does"</summary>
                <dl class="definition-table">
                    {move || groups().into_iter().map(|(_, l, d)| view! { <dt>{l}</dt><dd>{d}</dd> }).collect_view()}
                </dl>
            </details>
            <div class="cluster no-print"><button class="btn" type="button" on:click=standing>"Use members' standing groups"</button></div>
            <StatusLine message/>
            {
                let (c, m) = (c.clone(), m.clone());
                move || {
                let Some(rows) = rows.get() else { return ().into_any() };
                if rows.is_empty() {
                    return view! { <p class="muted">"The community has no members yet."</p> }.into_any();
                }
                let (c, m) = (c.clone(), m.clone());
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Leadership groups of the participants">
                        <table class="data-table roles-table" data-testid="roles-table">
                            <caption class="visually-hidden">"Leadership group of each member for this meeting"</caption>
                            <thead><tr><th scope="col">"Member"</th><th scope="col">"Level"</th><th scope="col">"Leadership group"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(pid, name, level, group)| {
                                    let sel_id = format!("role-{pid}");
                                    let (c, m, p) = (c.clone(), m.clone(), pid.clone());
                                    let change = move |ev| {
                                        let v = event_target_value(&ev);
                                        let g = (!v.is_empty()).then_some(Id(v));
                                        if let Err(e) = state.edit(|ws| ws.set_meeting_role(&c, &m, &p, g.as_ref(), now())) {
                                            message.set(Some((false, e.to_string())));
                                        }
                                    };
                                    let row_class = if group.is_empty() { "roles-row--none" } else { "" };
                                    view! {
                                        <tr class=row_class>
                                            <th scope="row"><label for=sel_id.clone()>{name}</label></th>
                                            <td>{level}</td>
                                            <td>
                                                <select id=sel_id on:change=change>
                                                    <option value="" selected=group.is_empty()>"No group"</option>
                                                    {groups().into_iter().map(|(id, l, d)| { let s = id == group; view! { <option value=id selected=s title=d>{l}</option> } }).collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
