use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};
use crate::ui::components::{ask, LevelForm};

use super::members_section::RoleChecklist;

/// One member: level, roles, level history, and the actions on them. It reads its own data
/// by id, so an edit to one member re-renders only what changed.
#[component]
pub fn MemberRow(community: Id, membership: Id) -> impl IntoView {
    let state = AppState::expect();
    let info = {
        let (c, m) = (community.clone(), membership.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                let c = w.community(&c)?;
                let m = c.memberships.iter().find(|x| x.id == m)?;
                let roles: Vec<String> = m
                    .role_ids
                    .iter()
                    .map(|r| w.catalogues.label(CatalogueKind::Roles, r))
                    .collect();
                let history: Vec<(String, String)> = m
                    .history
                    .iter()
                    .rev()
                    .map(|h| {
                        let to = w.catalogues.label(CatalogueKind::ParticipationLevels, &h.to_level_id);
                        let text = match &h.from_level_id {
                            Some(from) => format!(
                                "{} → {to}",
                                w.catalogues.label(CatalogueKind::ParticipationLevels, from)
                            ),
                            None => format!("Joined as {to}"),
                        };
                        let text = if h.reason.is_empty() || h.from_level_id.is_none() {
                            text
                        } else {
                            format!("{text}: {}", h.reason)
                        };
                        (h.on.to_string(), text)
                    })
                    .collect();
                Some((
                    m.person_id.clone(),
                    w.person_name(&m.person_id),
                    w.catalogues.label(CatalogueKind::ParticipationLevels, &m.level_id),
                    roles,
                    history,
                    m.role_ids.clone(),
                    m.level_id.0.clone(),
                ))
            })
        })
    };
    let mode = RwSignal::new(Mode::View);
    let remove = {
        let (c, m) = (community.clone(), membership.clone());
        move |_| {
            let name = info.get_untracked().map(|i| i.1).unwrap_or_default();
            let (c, m) = (c.clone(), m.clone());
            ask(
                format!("Remove {name} from this community?"),
                vec!["Their membership and its level history are deleted. The person stays in the workspace.".into()],
                "Remove member",
                move || {
                    let _ = state.edit(|ws| ws.remove_membership(&c, &m, now()));
                },
            );
        }
    };
    let (c1, m1, c2, m2) = (community.clone(), membership.clone(), community, membership);
    view! {
        <li data-testid="member-row">
            {move || info.get().map(|(pid, name, level, roles, history, _, _)| { let (l1, l2, l3) = (format!("Change level of {name}"), format!("Edit roles of {name}"), format!("Remove {name}")); view! {
                <div class="stack">
                    <span><A href=crate::ui::href(&format!("/people/{pid}"))>{name}</A></span>
                    <span class="cluster">
                        <span class="tag tag--level" data-testid="member-level">{level}</span>
                        {roles.into_iter().map(|r| view! { <span class="tag tag--role">{r}</span> }).collect_view()}
                    </span>
                    <details>
                        <summary>{format!("Level history ({})", history.len())}</summary>
                        <ol class="timeline">
                            {history.into_iter().map(|(on, text)| { let shown = on.clone(); view! { <li><time datetime=on>{shown}</time>" "{text}</li> } }).collect_view()}
                        </ol>
                    </details>
                </div>
                <div class="cluster">
                    <button class="btn btn--small" aria-label=l1 on:click=move |_| mode.set(Mode::Level)>"Change level"</button>
                    <button class="btn btn--small" aria-label=l2 on:click=move |_| mode.set(Mode::Roles)>"Roles"</button>
                    <button class="btn btn--small" aria-label=l3 on:click=remove.clone()>"Remove"</button>
                </div>
            }})}
            {move || match mode.get() {
                Mode::View => ().into_any(),
                Mode::Level => view! { <LevelForm community=c1.clone() membership=m1.clone() current=info.get_untracked().map(|i| i.6).unwrap_or_default() done=move || mode.set(Mode::View)/> }.into_any(),
                Mode::Roles => view! { <RolesForm community=c2.clone() membership=m2.clone() current=info.get_untracked().map(|i| i.5).unwrap_or_default() done=move || mode.set(Mode::View)/> }.into_any(),
            }}
        </li>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    View,
    Level,
    Roles,
}

#[component]
fn RolesForm(
    community: Id,
    membership: Id,
    current: Vec<Id>,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let roles = RwSignal::new(current);
    let error = RwSignal::new(None::<String>);
    let cancel = done.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.edit(|ws| ws.set_roles(&community, &membership, &roles.get_untracked(), now())) {
            Ok(()) => done(),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="form card" on:submit=submit>
            <RoleChecklist legend="Roles in this community" selected=roles/>
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">"Save roles"</button>
                <button class="btn" type="button" on:click=move |_| cancel()>"Cancel"</button>
            </div>
        </form>
    }
}
