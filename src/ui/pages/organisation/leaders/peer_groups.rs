//! Leaders' peer groups: leaders of different communities who support each other.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::roles::{leader_places, leaders, peer_group_span, PeerGroupDraft};
use crate::model::{field_error, CatalogueKind, FieldError, Id, ModelError};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{ask, EmptyState, TextField};

#[component]
pub fn PeerGroups() -> impl IntoView {
    let state = AppState::expect();
    let ids = Memo::new(move |_| {
        state
            .ws
            .with(|w| w.programme.peer_groups.iter().map(|g| g.id.clone()).collect::<Vec<_>>())
    });
    view! {
        <section class="section" aria-labelledby="peer-h">
            <h2 id="peer-h">"Leaders' peer groups"</h2>
            <p class="muted">"Leaders of different communities meeting to learn from each other: a community of practice of community leaders. Add members from the leaders above."</p>
            {move || {
                let list = ids.get();
                if list.is_empty() {
                    view! { <EmptyState message="No peer groups yet. Create one below and add leaders to it."/> }.into_any()
                } else {
                    view! {
                        <ul class="peer-groups" data-testid="peer-groups">
                            <For each=move || list.clone() key=|g| g.clone() let:gid>
                                <PeerGroupCard id=gid/>
                            </For>
                        </ul>
                    }.into_any()
                }
            }}
            <div class="card">
                <h3 class="card__title">"New peer group"</h3>
                <PeerGroupForm editing=None done=|| ()/>
            </div>
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct GroupFacts {
    name: String,
    note: String,
    members: Vec<(Id, String)>,
    spans: Vec<(Id, String)>,
    /// Leaders not in the group yet: id and "Name (role in community)".
    candidates: Vec<(Id, String)>,
}

#[component]
fn PeerGroupCard(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let facts = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let g = w.programme.peer_groups.iter().find(|g| g.id == id)?;
                let candidates = leaders(w)
                    .into_iter()
                    .filter(|p| !g.member_ids.contains(&p.person_id))
                    .map(|p| {
                        let places: Vec<String> = leader_places(w, &p.person_id)
                            .iter()
                            .map(|pl| {
                                let role = pl
                                    .role_ids
                                    .first()
                                    .map(|r| w.catalogues.label(CatalogueKind::Roles, r))
                                    .unwrap_or_default();
                                format!(
                                    "{role}, {}",
                                    w.community(&pl.community_id)
                                        .map(|c| c.name.clone())
                                        .unwrap_or_default()
                                )
                            })
                            .collect();
                        (
                            p.person_id.clone(),
                            format!("{} ({})", w.person_name(&p.person_id), places.join("; ")),
                        )
                    })
                    .collect();
                Some(GroupFacts {
                    name: g.name.clone(),
                    note: g.note.clone(),
                    members: g.member_ids.iter().map(|m| (m.clone(), w.person_name(m))).collect(),
                    spans: peer_group_span(w, g)
                        .into_iter()
                        .filter_map(|c| w.community(&c).map(|x| (c, x.name.clone())))
                        .collect(),
                    candidates,
                })
            })
        })
    };
    let name = move || facts.with(|f| f.as_ref().map(|f| f.name.clone()).unwrap_or_default());
    let editing = RwSignal::new(false);
    let chosen = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let select_id = format!("add-to-{id}");
    let add_error_id = format!("{select_id}-error");
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let person = chosen.get_untracked();
            if person.is_empty() {
                add_error.set(Some("Choose a leader to add".into()));
                return;
            }
            match state.edit(|ws| ws.add_peer_group_member(&id, &Id(person), now())) {
                Ok(()) => {
                    add_error.set(None);
                    chosen.set(String::new());
                }
                Err(ModelError::Invalid(errs)) => add_error.set(field_error(&errs, "person_id")),
                Err(e) => add_error.set(Some(e.to_string())),
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            let (group, n) = facts.with_untracked(|f| {
                f.as_ref()
                    .map(|f| (f.name.clone(), f.members.len()))
                    .unwrap_or_default()
            });
            ask(
                format!("Delete the peer group {group}?"),
                vec![format!(
                    "The group and its list of {n} member{} are deleted. The people stay in the workspace with their roles and plans.",
                    if n == 1 { "" } else { "s" }
                )],
                "Delete group",
                move || {
                    let _ = state.edit(|ws| ws.delete_peer_group(&id, now()));
                },
            );
        }
    };
    let (gid1, gid2) = (id.clone(), id.clone());
    let eid = add_error_id.clone();
    view! {
        <li class="card peer-group" data-testid="peer-group">
            <h3 class="card__title">{name}</h3>
            {move || facts.with(|f| f.as_ref().filter(|f| !f.note.is_empty()).map(|f| view! { <p class="peer-group__note">{f.note.clone()}</p> }))}
            <p>
                <strong>"Spans: "</strong>
                {move || {
                    let spans = facts.with(|f| f.as_ref().map(|f| f.spans.clone()).unwrap_or_default());
                    if spans.is_empty() {
                        view! { <span class="muted">"no community yet"</span> }.into_any()
                    } else {
                        let n = spans.len();
                        spans.into_iter().enumerate().map(|(i, (cid, cname))| {
                            let href = crate::ui::href(&format!("/communities/{cid}"));
                            view! { <A href=href>{cname}</A>{(i + 1 < n).then_some(", ")} }
                        }).collect_view().into_any()
                    }
                }}
            </p>
            <h4 class="peer-group__members-h">"Members"</h4>
            {move || {
                let members = facts.with(|f| f.as_ref().map(|f| f.members.clone()).unwrap_or_default());
                if members.is_empty() {
                    view! { <p class="muted">"Nobody yet."</p> }.into_any()
                } else {
                    let group = name();
                    view! {
                        <ul class="peer-group__members">
                            {members.into_iter().map(|(pid, pname)| {
                                let gid = gid1.clone();
                                let label = format!("Remove {pname} from {group}");
                                view! {
                                    <li class="tag">
                                        {pname}
                                        <button class="btn btn--ghost btn--small peer-group__remove" aria-label=label
                                            on:click=move |_| { let _ = state.edit(|ws| ws.remove_peer_group_member(&gid, &pid, now())); }>
                                            <span aria-hidden="true">"×"</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <form class="peer-group__add no-print" on:submit=add>
                <div class="field">
                    <label for=select_id.clone()>{move || format!("Add a leader to {}", name())}</label>
                    <select
                        id=select_id.clone()
                        aria-invalid=move || add_error.get().map(|_| "true")
                        aria-describedby=move || add_error.get().map(|_| eid.clone())
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="">"Choose a leader"</option>
                        {move || facts.with(|f| f.as_ref().map(|f| f.candidates.clone()).unwrap_or_default()).into_iter().map(|(pid, label)| {
                            view! { <option value=pid.0>{label}</option> }
                        }).collect_view()}
                    </select>
                    {move || add_error.get().map(|e| view! { <p class="field__error" id=add_error_id.clone()>{e}</p> })}
                </div>
                <button class="btn btn--small" type="submit">"Add to group"</button>
            </form>
            <div class="cluster no-print">
                <button class="btn btn--small" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)
                    aria-label=move || format!("Rename {}", name())>"Rename"</button>
                <button class="btn btn--small" on:click=delete aria-label=move || format!("Delete {}", name())>"Delete…"</button>
            </div>
            {move || editing.get().then(|| view! { <PeerGroupForm editing=Some(gid2.clone()) done=move || editing.set(false)/> })}
        </li>
    }
}

/// Creates a peer group, or renames one (`editing`).
#[component]
fn PeerGroupForm(editing: Option<Id>, done: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        editing
            .as_ref()
            .and_then(|g| w.programme.peer_groups.iter().find(|x| &x.id == g))
            .map(PeerGroupDraft::of)
            .unwrap_or_default()
    });
    let name = RwSignal::new(initial.name);
    let note = RwSignal::new(initial.note);
    let attempted = RwSignal::new(false);
    let draft = move || PeerGroupDraft {
        name: name.get(),
        note: note.get(),
    };
    let editing_id = editing.clone();
    let problems = Memo::new(move |_| {
        if attempted.get() {
            state.ws.with(|ws| draft().problems(ws, editing_id.as_ref()))
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let prefix = editing
        .as_ref()
        .map(|g| format!("group-{g}"))
        .unwrap_or_else(|| "new-group".into());
    let is_edit = editing.is_some();
    let cancel = done.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let d = draft();
        let result = match &editing {
            Some(g) => state.edit(|ws| ws.update_peer_group(g, &d, now())),
            None => state.edit(|ws| ws.add_peer_group(new_id(), &d, now())),
        };
        match result {
            Ok(()) => {
                state.notice.set(Some(format!(
                    "{} the peer group {}.",
                    if is_edit { "Saved" } else { "Created" },
                    d.name.trim()
                )));
                attempted.set(false);
                if !is_edit {
                    name.set(String::new());
                    note.set(String::new());
                }
                done();
            }
            Err(ModelError::Invalid(_)) => {}
            Err(e) => state.notice.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField id=format!("{prefix}-name") label="Name" value=name error=err("name") required=true
                hint="For example “Leaders' circle, EMEA” or “New leaders, spring cohort”."/>
            <TextField id=format!("{prefix}-note") label="Note (optional)" value=note error=err("note") multiline=true
                hint="When and how the group meets, who convenes it."/>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{if is_edit { "Save group" } else { "Create peer group" }}</button>
                {is_edit.then(|| view! { <button class="btn" type="button" on:click=move |_| cancel()>"Cancel"</button> })}
            </div>
        </form>
    }
}
