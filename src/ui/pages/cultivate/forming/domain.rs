//! Steps 1 and 2: the formation type, and the domain with its key issues and strategic links.

use leptos::prelude::*;

use crate::model::forming::LinkDraft;
use crate::model::{CatalogueKind, Id};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{ask, CatalogueSelect};

use super::autosave::{general_message, Autosave, AutosaveField, NewItem, NewItemField};

/// What each formation type means, the chosen one marked.
#[component]
pub fn FormationTypes(selected: RwSignal<String>) -> impl IntoView {
    let state = AppState::expect();
    let types = Memo::new(move |_| {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::FormationTypes)
                .iter()
                .map(|e| (e.id.0.clone(), e.label.clone(), e.description.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="formation-types">
            <p class="formation-types__title" id="formation-types-h">"What the types mean"</p>
            <dl>
                {move || types.get().into_iter().map(|(id, label, description)| {
                    let chosen = Memo::new(move |_| selected.get() == id);
                    view! {
                        <div class="formation-types__entry" class:is-selected=chosen>
                            <dt>
                                {label}
                                {move || chosen.get().then(|| view! { <span class="tag tag--ok formation-types__chosen">"Chosen"</span> })}
                            </dt>
                            <dd>{description}</dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        </div>
    }
}

/// Step 1 for a community that exists: its name and formation type.
#[component]
pub fn FormationStep(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let (name0, formation0) = state.ws.with_untracked(|w| {
        w.community(&id)
            .map(|c| (c.name.clone(), c.formation_type_id.0.clone()))
            .unwrap_or_default()
    });
    let name = {
        let id = id.clone();
        Autosave::new(name0, move |n: &String| {
            state.edit(|ws| ws.set_community_name(&id, n, now()))
        })
    };
    let formation = RwSignal::new(formation0);
    let formation_error = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = Id(event_target_value(&ev));
        match state.edit(|ws| ws.set_formation_type(&id, &chosen, now())) {
            Ok(()) => formation_error.set(None),
            Err(e) => formation_error.set(Some(e.to_string())),
        }
    };
    view! {
        <AutosaveField
            id="community-name"
            label="Name of the community"
            buffer=name.clone()
            get=|s: &String| s.clone()
            set=|s: &mut String, v| *s = v
            field="name"
            required=true
            hint=Some("As members will know it. Changes here rename the community everywhere.".to_string())
        />
        <div class="wizard__select" on:change=on_change>
            <CatalogueSelect
                id="community-formation"
                label="Formation type"
                kind=CatalogueKind::FormationTypes
                value=formation
                error=Signal::derive(move || formation_error.get())
            />
        </div>
        <FormationTypes selected=formation/>
        {general_message(name.general_error())}
    }
}

/// Step 2: the domain statement, key issues and strategic links.
#[component]
pub fn DomainStep(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let statement0 = state
        .ws
        .with_untracked(|w| w.community(&id).map(|c| c.domain.statement.clone()).unwrap_or_default());
    let statement = {
        let id = id.clone();
        Autosave::new(statement0, move |s: &String| {
            state.edit(|ws| ws.set_domain_statement(&id, s, now()))
        })
    };
    view! {
        <AutosaveField
            id="domain-statement"
            label="Domain statement"
            buffer=statement.clone()
            get=|s: &String| s.clone()
            set=|s: &mut String, v| *s = v
            field="domain_statement"
            multiline=true
            rows=5
            hint=Some("The shared concern or passion that brings members together, and why it matters: “How we keep rotating equipment running safely across our three plants”.".to_string())
        />
        {general_message(statement.general_error())}
        <KeyIssues id=id.clone()/>
        <StrategicLinks id/>
    }
}

#[component]
fn KeyIssues(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let issues = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        c.domain
                            .key_issues
                            .iter()
                            .map(|k| (k.id.clone(), k.text.clone()))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let text = RwSignal::new(String::new());
    let item = {
        let id = id.clone();
        NewItem::<String>::new(
            |s| s.trim().is_empty(),
            move |t| state.edit(|ws| ws.add_key_issue(&id, new_id(), t, now())),
            move || {
                text.try_set(String::new());
            },
        )
    };
    let adding = item.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let _ = adding.add();
    };
    view! {
        <section class="wizard-part" aria-labelledby="key-issues-h">
            <h3 id="key-issues-h">"Key issues"</h3>
            <p class="muted">"The questions and problems the community wants to work on: the start of its learning agenda."</p>
            <ul class="member-list wizard-list" data-testid="key-issues">
                <For each=move || issues.get() key=|k| k.clone() let:k>
                    {
                        let id = id.clone();
                        let (kid, t) = k;
                        let label = format!("Remove key issue “{t}”");
                        let body = format!("“{t}” is removed from the domain's key issues.");
                        view! {
                            <li>
                                <span>{t}</span>
                                <button type="button" class="btn btn--small btn--ghost" aria-label=label on:click=move |_| {
                                    let (id, kid) = (id.clone(), kid.clone());
                                    ask("Remove this key issue?", vec![body.clone()], "Remove key issue", move || {
                                        let _ = state.edit(|ws| ws.remove_key_issue(&id, &kid, now()));
                                    });
                                }>"Remove"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="wizard-add wizard-add--inline" on:submit=add data-autosave>
                <NewItemField
                    id="new-key-issue"
                    label="New key issue"
                    item=item.clone()
                    value=text
                    set=|s: &mut String, v| *s = v
                    field="text"
                />
                <button class="btn" type="submit">"Add key issue"</button>
            </form>
            {general_message(item.general_error())}
        </section>
    }
}

#[component]
fn StrategicLinks(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let links = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        c.cultivation
                            .forming
                            .strategic_links
                            .iter()
                            .map(|l| l.id.clone())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let priority = RwSignal::new(String::new());
    let contribution = RwSignal::new(String::new());
    let item = {
        let id = id.clone();
        NewItem::<LinkDraft>::new(
            LinkDraft::is_empty,
            move |d| state.edit(|ws| ws.add_strategic_link(&id, new_id(), d, now())),
            move || {
                priority.try_set(String::new());
                contribution.try_set(String::new());
            },
        )
    };
    let adding = item.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let _ = adding.add();
    };
    view! {
        <section class="wizard-part" aria-labelledby="links-h">
            <h3 id="links-h">"Strategic links"</h3>
            <p class="muted">"Which organisational priorities the domain serves, and how it contributes to each. This is what makes a sponsor care."</p>
            <ol class="wizard-items" data-testid="strategic-links">
                <For each=move || links.get() key=|l| l.clone() let:link>
                    <LinkRow community=id.clone() link/>
                </For>
            </ol>
            <form class="wizard-add card" on:submit=add aria-labelledby="new-link-h" data-autosave>
                <h4 id="new-link-h" class="wizard-add__title">"Add a strategic link"</h4>
                <NewItemField
                    id="new-link-priority"
                    label="Organisational priority"
                    item=item.clone()
                    value=priority
                    set=|d: &mut LinkDraft, v| d.priority = v
                    field="priority"
                    hint=Some("For example “Reduce unplanned downtime” or “Grow our digital services”.".to_string())
                />
                <NewItemField
                    id="new-link-contribution"
                    label="How the domain contributes to it"
                    item=item.clone()
                    value=contribution
                    set=|d: &mut LinkDraft, v| d.contribution = v
                    field="contribution"
                    multiline=true
                    rows=3
                />
                {general_message(item.general_error())}
                <div class="wizard-add__actions"><button class="btn" type="submit">"Add strategic link"</button></div>
            </form>
        </section>
    }
}

#[component]
fn LinkRow(community: Id, link: Id) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        w.community(&community)
            .and_then(|c| c.cultivation.forming.strategic_links.iter().find(|l| l.id == link))
            .map(LinkDraft::of)
            .unwrap_or_default()
    });
    let priority = RwSignal::new(initial.priority.clone());
    let buffer = {
        let (c, l) = (community.clone(), link.clone());
        Autosave::new(initial, move |d: &LinkDraft| {
            state.edit(|ws| ws.update_strategic_link(&c, &l, d, now()))
        })
    };
    let key = link.to_string();
    let remove = {
        let buffer = buffer.clone();
        move |_| {
            let (c, l) = (community.clone(), link.clone());
            let what = buffer.get().priority;
            ask(
                "Remove this strategic link?",
                vec![format!("“{what}” and how the domain contributes to it are removed.")],
                "Remove strategic link",
                move || {
                    let _ = state.edit(|ws| ws.remove_strategic_link(&c, &l, now()));
                },
            );
        }
    };
    let remove_label = move || {
        let p = priority.get();
        if p.trim().is_empty() {
            "Remove this strategic link".to_string()
        } else {
            format!("Remove strategic link “{}”", p.trim())
        }
    };
    view! {
        <li class="wizard-item card" data-testid="strategic-link">
            <AutosaveField
                id=format!("link-{key}-priority")
                label="Organisational priority"
                buffer=buffer.clone()
                get=|d: &LinkDraft| d.priority.clone()
                set=|d: &mut LinkDraft, v| d.priority = v
                field="priority"
                required=true
                value=priority
            />
            <AutosaveField
                id=format!("link-{key}-contribution")
                label="How the domain contributes to it"
                buffer=buffer.clone()
                get=|d: &LinkDraft| d.contribution.clone()
                set=|d: &mut LinkDraft, v| d.contribution = v
                field="contribution"
                multiline=true
                rows=3
            />
            {general_message(buffer.general_error())}
            <div class="wizard-item__actions">
                <button type="button" class="btn btn--small btn--ghost" aria-label=remove_label on:click=remove>"Remove"</button>
            </div>
        </li>
    }
}
