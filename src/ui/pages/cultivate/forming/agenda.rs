//! Step 3: the learning agenda, topics with owners, planned activities and outputs.

use leptos::prelude::*;

use crate::model::forming::TopicDraft;
use crate::model::{Id, PersonDraft};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{ask, EmptyState};

use super::autosave::{general_message, Autosave, AutosaveField, NewItem, NewItemField};

/// The people of the workspace by name, for choosing an owner.
fn people_options(state: AppState) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        state.ws.with(|w| {
            let mut people: Vec<(String, String)> = w.people.iter().map(|p| (p.id.0.clone(), p.name.clone())).collect();
            people.sort_by_key(|p| p.1.to_lowercase());
            people
        })
    })
}

/// The select's value for "someone new".
const NEW_OWNER: &str = "+new";

fn focus(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// A select of the workspace's people, with "No owner yet" first and "Someone new…" last,
/// which asks for a name and adds the person to the workspace.
#[component]
fn OwnerSelect(
    #[prop(into)] id: String,
    value: RwSignal<String>,
    options: Memo<Vec<(String, String)>>,
    on_pick: Callback<Option<Id>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let error_id = format!("{id}-error");
    let new_id_attr = format!("{id}-new");
    let described = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    let new_name = RwSignal::new(String::new());
    let select_id = id.clone();
    let newcomer = NewItem::<String>::new(
        |s| s.trim().is_empty(),
        move |name| {
            let person = new_id();
            let draft = PersonDraft {
                name: name.clone(),
                ..Default::default()
            };
            state.edit(|ws| ws.add_person(person.clone(), &draft, now()))?;
            value.try_set(person.0.clone());
            on_pick.try_run(Some(person));
            focus(select_id.clone());
            Ok(())
        },
        move || {
            new_name.try_set(String::new());
        },
    );
    let adding = newcomer.clone();
    let add_on_enter = {
        let adding = adding.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Enter" {
                ev.prevent_default();
                let _ = adding.add();
            }
        }
    };
    view! {
        <div class="field owner-field">
            <label for=id.clone()>"Owner"</label>
            <select
                id=id.clone()
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described
                prop:value=move || value.get()
                on:change={
                    let new_id_attr = new_id_attr.clone();
                    move |ev| {
                        let v = event_target_value(&ev);
                        value.set(v.clone());
                        if v == NEW_OWNER {
                            focus(new_id_attr.clone());
                        } else {
                            on_pick.run((!v.is_empty()).then_some(Id(v)));
                        }
                    }
                }
            >
                <option value="">"No owner yet"</option>
                {move || {
                    let current = value.get();
                    options.get().into_iter().map(|(v, l)| {
                        let selected = v == current;
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()
                }}
                <option value=NEW_OWNER>"Someone new…"</option>
            </select>
            {move || error.get().map(|e| view! { <p class="field__error" id=error_id.clone()>{e}</p> })}
            {move || (value.get() == NEW_OWNER).then(|| {
                let adding = adding.clone();
                view! {
                    <div class="owner-new" on:keydown=add_on_enter.clone()>
                        <NewItemField
                            id=new_id_attr.clone()
                            label="New owner's name"
                            item=newcomer.clone()
                            value=new_name
                            set=|s: &mut String, v| *s = v
                            field="name"
                        />
                        <button type="button" class="btn btn--small" on:click=move |_| { let _ = adding.add(); }>"Add owner"</button>
                    </div>
                }
            })}
        </div>
    }
}

#[component]
pub fn AgendaStep(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let topics = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        c.cultivation
                            .forming
                            .agenda
                            .iter()
                            .map(|t| t.id.clone())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let people = people_options(state);
    let topic = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let activities = RwSignal::new(String::new());
    let outputs = RwSignal::new(String::new());
    let item = {
        let id = id.clone();
        NewItem::<TopicDraft>::new(
            TopicDraft::is_empty,
            move |d| state.edit(|ws| ws.add_agenda_topic(&id, new_id(), d, now())),
            move || {
                for s in [topic, owner, activities, outputs] {
                    s.try_set(String::new());
                }
            },
        )
    };
    let adding = item.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let _ = adding.add();
    };
    let picking = item.clone();
    view! {
        <section class="wizard-part" aria-labelledby="agenda-h">
            <h3 id="agenda-h">"Topics"</h3>
            <p class="muted">"Most important first. Co-create the agenda with members and sponsors: brainstorm topics, find an owner for each, and agree what you will do and produce."</p>
            {move || topics.with(Vec::is_empty).then(|| view! {
                <EmptyState message="No topics yet. Add the first one below."/>
            })}
            <ol class="wizard-items" data-testid="agenda-topics">
                <For each=move || topics.get() key=|t| t.clone() let:topic_id>
                    <TopicRow community=id.clone() topic=topic_id people topics/>
                </For>
            </ol>
            <form class="wizard-add card" on:submit=add aria-labelledby="new-topic-h" data-autosave>
                <h4 id="new-topic-h" class="wizard-add__title">"Add a topic"</h4>
                <div class="field-row">
                    <NewItemField id="new-topic" label="Topic" item=item.clone() value=topic set=|d: &mut TopicDraft, v| d.topic = v field="topic"/>
                    <OwnerSelect
                        id="new-topic-owner"
                        value=owner
                        options=people
                        on_pick=Callback::new(move |o| picking.edit(|d| d.owner_id = o))
                        error=item.error("owner_id")
                    />
                </div>
                <div class="field-row">
                    <NewItemField
                        id="new-topic-activities"
                        label="Planned activities"
                        item=item.clone()
                        value=activities
                        set=|d: &mut TopicDraft, v| d.activities = v
                        field="activities"
                        multiline=true
                        rows=3
                    />
                    <NewItemField
                        id="new-topic-outputs"
                        label="Expected outputs"
                        item=item.clone()
                        value=outputs
                        set=|d: &mut TopicDraft, v| d.outputs = v
                        field="outputs"
                        multiline=true
                        rows=3
                    />
                </div>
                {general_message(item.general_error())}
                <div class="wizard-add__actions"><button class="btn" type="submit">"Add topic"</button></div>
            </form>
        </section>
    }
}

#[component]
fn TopicRow(community: Id, topic: Id, people: Memo<Vec<(String, String)>>, topics: Memo<Vec<Id>>) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        w.community(&community)
            .and_then(|c| c.cultivation.forming.agenda.iter().find(|t| t.id == topic))
            .map(TopicDraft::of)
            .unwrap_or_default()
    });
    let name = RwSignal::new(initial.topic.clone());
    let owner = RwSignal::new(initial.owner_id.as_ref().map(|o| o.0.clone()).unwrap_or_default());
    let buffer = {
        let (c, t) = (community.clone(), topic.clone());
        Autosave::new(initial, move |d: &TopicDraft| {
            state.edit(|ws| ws.update_agenda_topic(&c, &t, d, now()))
        })
    };
    let position = {
        let topic = topic.clone();
        Memo::new(move |_| topics.with(|ts| ts.iter().position(|t| t == &topic).unwrap_or(0)))
    };
    let count = move || topics.with(Vec::len);
    let named = move || {
        let n = name.get();
        if n.trim().is_empty() {
            "this topic".to_string()
        } else {
            format!("“{}”", n.trim())
        }
    };
    let reorder = {
        let (c, t, buffer) = (community.clone(), topic.clone(), buffer.clone());
        move |up: bool| {
            // Keep what is typed, then move.
            if buffer.commit().is_ok() {
                let _ = state.edit(|ws| ws.move_agenda_topic(&c, &t, up, now()));
            }
        }
    };
    let (move_up, move_down) = (reorder.clone(), reorder);
    let remove = {
        let (c, t) = (community.clone(), topic.clone());
        move |_| {
            let (c, t) = (c.clone(), t.clone());
            ask(
                "Remove this topic?",
                vec![format!(
                    "{} is removed from the learning agenda, with its activities and outputs.",
                    named()
                )],
                "Remove topic",
                move || {
                    let _ = state.edit(|ws| ws.remove_agenda_topic(&c, &t, now()));
                },
            );
        }
    };
    let picking = buffer.clone();
    let key = topic.to_string();
    view! {
        <li class="wizard-item card" data-testid="agenda-topic">
            <div class="field-row">
                <AutosaveField
                    id=format!("topic-{key}")
                    label=Signal::derive(move || format!("Topic {}", position.get() + 1))
                    buffer=buffer.clone()
                    get=|d: &TopicDraft| d.topic.clone()
                    set=|d: &mut TopicDraft, v| d.topic = v
                    field="topic"
                    required=true
                    value=name
                />
                <OwnerSelect
                    id=format!("topic-{key}-owner")
                    value=owner
                    options=people
                    on_pick=Callback::new(move |o| {
                        let _ = picking.set_now(|d| d.owner_id = o);
                    })
                    error=buffer.error("owner_id")
                />
            </div>
            <div class="field-row">
                <AutosaveField
                    id=format!("topic-{key}-activities")
                    label="Planned activities"
                    buffer=buffer.clone()
                    get=|d: &TopicDraft| d.activities.clone()
                    set=|d: &mut TopicDraft, v| d.activities = v
                    field="activities"
                    multiline=true
                    rows=3
                />
                <AutosaveField
                    id=format!("topic-{key}-outputs")
                    label="Expected outputs"
                    buffer=buffer.clone()
                    get=|d: &TopicDraft| d.outputs.clone()
                    set=|d: &mut TopicDraft, v| d.outputs = v
                    field="outputs"
                    multiline=true
                    rows=3
                />
            </div>
            {general_message(buffer.general_error())}
            <div class="wizard-item__actions">
                <button
                    type="button"
                    class="btn btn--small"
                    aria-label=move || format!("Move {} up", named())
                    disabled=move || position.get() == 0
                    on:click=move |_| move_up(true)
                >"↑ Up"</button>
                <button
                    type="button"
                    class="btn btn--small"
                    aria-label=move || format!("Move {} down", named())
                    disabled=move || { position.get() + 1 >= count() }
                    on:click=move |_| move_down(false)
                >"↓ Down"</button>
                <button type="button" class="btn btn--small btn--ghost" aria-label=move || format!("Remove {}", named()) on:click=remove>"Remove"</button>
            </div>
        </li>
    }
}
