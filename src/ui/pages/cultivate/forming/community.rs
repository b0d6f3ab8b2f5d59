//! Step 4: who is invited, the core group and the first leader. The core group and the
//! leader are memberships of the community (core group level, community leader role), so
//! the participation map shows them.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::forming::{core_group, core_level, leaders, Answer};
use crate::model::{CatalogueKind, Id};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::ask;

use super::answers::AnswerBox;
use super::autosave::{general_message, NewItem, NewItemField};

#[component]
pub fn CommunityStep(id: Id) -> impl IntoView {
    let state = AppState::expect();
    // The core group's memberships, in the order they joined it.
    let core = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        core_group(&w.catalogues, c)
                            .iter()
                            .map(|m| m.id.clone())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    // Leaders who are not in the core group, named so that nobody is forgotten.
    let other_leaders = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                let core = core_level(&w.catalogues);
                leaders(c)
                    .into_iter()
                    .filter(|m| Some(&m.level_id) != core)
                    .map(|m| {
                        format!(
                            "{} ({})",
                            w.person_name(&m.person_id),
                            w.catalogues
                                .label(CatalogueKind::ParticipationLevels, &m.level_id)
                                .to_lowercase()
                        )
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let no_leader = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                w.community(&id)
                    .is_some_and(|c| !core_group(&w.catalogues, c).is_empty() && leaders(c).is_empty())
            })
        }
    };
    let core_label = move || {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::ParticipationLevels)
                .first()
                .map(|l| l.label.clone())
                .unwrap_or_else(|| "Core group".into())
        })
    };
    let map_href = crate::ui::href(&format!("/cultivate/{id}"));
    let row_id = id.clone();
    view! {
        <AnswerBox id=id.clone() answer=Answer::Invited rows=3/>
        <section class="wizard-part" aria-labelledby="core-h">
            <h3 id="core-h">{core_label}</h3>
            <p class="muted">"The few people who will share the work of getting started, and who leads first. A leader rarely lasts without a core group; find internal leaders before anything else."</p>
            {move || core.with(Vec::is_empty).then(|| view! {
                <p class="empty-state" data-testid="core-empty">"Nobody in the core group yet. Add the first people below."</p>
            })}
            <ul class="member-list wizard-list" data-testid="core-group">
                <For each=move || core.get() key=|m| m.clone() let:membership>
                    <CoreMember community=row_id.clone() membership/>
                </For>
            </ul>
            {move || no_leader().then(|| view! {
                <p class="banner banner--info" data-testid="no-leader">"Nobody leads yet. Tick “leads the community” for the first leader; co-leaders are fine."</p>
            })}
            {move || {
                let others = other_leaders();
                (!others.is_empty()).then(|| view! {
                    <p class="muted">{format!("Also leading, outside the core group: {}.", others.join(", "))}</p>
                })
            }}
            <div class="wizard-add-pair">
                <AddExisting id=id.clone()/>
                <AddNew id=id.clone()/>
            </div>
            <p class="muted">
                "Core group members appear on the "
                <A href=map_href>"participation map"</A>
                ", where later moves between levels are recorded."
            </p>
        </section>
    }
}

#[component]
fn CoreMember(community: Id, membership: Id) -> impl IntoView {
    let state = AppState::expect();
    let info = {
        let (c, m) = (community.clone(), membership.clone());
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&c)
                    .and_then(|c| c.memberships.iter().find(|x| x.id == m))
                    .map(|x| {
                        (
                            w.person_name(&x.person_id),
                            x.role_ids
                                .iter()
                                .any(|r| r.as_str() == crate::model::forming::LEADER_ROLE),
                        )
                    })
                    .unwrap_or_default()
            })
        })
    };
    let name = move || info.with(|i| i.0.clone());
    let leads = move || info.with(|i| i.1);
    let error = RwSignal::new(None::<String>);
    let toggle = {
        let (c, m) = (community.clone(), membership.clone());
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            if let Err(e) = state.edit(|ws| ws.set_community_leader(&c, &m, on, now())) {
                error.set(Some(e.to_string()));
            } else {
                error.set(None);
            }
        }
    };
    let check_id = format!("leads-{membership}");
    let remove = move |_| {
        let (c, m) = (community.clone(), membership.clone());
        let who = name();
        ask(
            format!("Take {who} out of the core group?"),
            vec![
                format!("If {who} joined the community straight into the core group, they are taken off the community; otherwise they move back to the level they came from. {who} stays in the workspace."),
            ],
            "Take out of the core group",
            move || {
                if let Err(e) = state.edit(|ws| ws.leave_core_group(&c, &m, today(), now())) {
                    state.notice.set(Some(e.to_string()));
                }
            },
        );
    };
    view! {
        <li data-testid="core-member">
            <span class="wizard-member__name">{name}</span>
            {move || leads().then(|| view! { <span class="tag tag--role">"Leader"</span> })}
            <span class="cluster">
                <label class="check wizard-member__leads" for=check_id.clone()>
                    <input id=check_id.clone() type="checkbox" prop:checked=leads on:change=toggle/>
                    <span><span class="visually-hidden">{name}" "</span>"leads the community"</span>
                </label>
                <button type="button" class="btn btn--small btn--ghost" on:click=remove>"Take out"<span class="visually-hidden">" "{name}" of the core group"</span></button>
            </span>
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
        </li>
    }
}

/// Someone already in the workspace, joining the core group (or moving into it).
#[component]
fn AddExisting(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let chosen = RwSignal::new(String::new());
    // Everyone not in the core group yet, with their current level if they are members.
    let options = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                let core = core_level(&w.catalogues);
                let mut out: Vec<(String, String)> = w
                    .people
                    .iter()
                    .filter_map(|p| match c.memberships.iter().find(|m| m.person_id == p.id) {
                        Some(m) if Some(&m.level_id) == core => None,
                        Some(m) => Some((
                            p.id.0.clone(),
                            format!(
                                "{} (now {})",
                                p.name,
                                w.catalogues
                                    .label(CatalogueKind::ParticipationLevels, &m.level_id)
                                    .to_lowercase()
                            ),
                        )),
                        None => Some((p.id.0.clone(), p.name.clone())),
                    })
                    .collect();
                out.sort_by_key(|p| p.1.to_lowercase());
                out
            })
        })
    };
    let item = {
        let id = id.clone();
        NewItem::<String>::new(
            |s| s.is_empty(),
            move |person| state.edit(|ws| ws.add_to_core_group(&id, &Id(person.clone()), new_id(), today(), now())),
            move || {
                chosen.try_set(String::new());
            },
        )
    };
    let (picking, adding) = (item.clone(), item.clone());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let _ = adding.add();
    };
    let error = item.error("person_id");
    let described = move || error.get().map(|_| "core-person-error".to_string());
    view! {
        <form class="wizard-add card" on:submit=add aria-labelledby="core-existing-h" data-autosave>
            <h4 id="core-existing-h" class="wizard-add__title">"Someone in the workspace"</h4>
            {move || if options.with(Vec::is_empty) {
                let text = if state.ws.with(|w| w.people.is_empty()) {
                    "There is nobody in the workspace yet. Add someone new."
                } else {
                    "Everyone in the workspace is in the core group already. Add someone new."
                };
                view! { <p class="muted">{text}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for="core-person">"Person"</label>
                        <select
                            id="core-person"
                            aria-invalid=move || error.get().map(|_| "true")
                            aria-describedby=described
                            prop:value=move || chosen.get()
                            on:change={
                                let picking = picking.clone();
                                move |ev| {
                                    let v = event_target_value(&ev);
                                    chosen.set(v.clone());
                                    picking.edit(|s| *s = v);
                                }
                            }
                        >
                            <option value="">"Choose a person…"</option>
                            {move || {
                                let current = chosen.get();
                                options.get().into_iter().map(|(v, l)| {
                                    let selected = v == current;
                                    view! { <option value=v selected=selected>{l}</option> }
                                }).collect_view()
                            }}
                        </select>
                        {move || error.get().map(|e| view! { <p class="field__error" id="core-person-error">{e}</p> })}
                    </div>
                    <div class="wizard-add__actions"><button class="btn" type="submit">"Add to the core group"</button></div>
                }.into_any()
            }}
            {general_message(item.general_error())}
        </form>
    }
}

/// Someone new, added to the workspace by name and to the core group at once.
#[component]
fn AddNew(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(String::new());
    let item = NewItem::<String>::new(
        |s| s.trim().is_empty(),
        move |n| state.edit(|ws| ws.add_new_person_to_core_group(&id, new_id(), n, new_id(), today(), now())),
        move || {
            name.try_set(String::new());
        },
    );
    let adding = item.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let _ = adding.add();
    };
    view! {
        <form class="wizard-add card" on:submit=add aria-labelledby="core-new-h" data-autosave>
            <h4 id="core-new-h" class="wizard-add__title">"Someone new"</h4>
            <NewItemField
                id="core-new-name"
                label="Name"
                item=item.clone()
                value=name
                set=|s: &mut String, v| *s = v
                field="name"
                hint=Some("Added to the workspace's people too; fill in their details on the People page later.".to_string())
            />
            {general_message(item.general_error())}
            <div class="wizard-add__actions"><button class="btn" type="submit">"Add new person to the core group"</button></div>
        </form>
    }
}
