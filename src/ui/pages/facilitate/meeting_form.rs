//! The meeting's details: title, purpose, date, start, slot, place, the learning-agenda
//! topics and activity types it serves. Adds a meeting or edits one.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::model::meetings::MeetingDraft;
use crate::model::{field_error, CatalogueKind, FieldErrors, Id, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::TextField;

#[component]
pub fn MeetingForm(
    community: Id,
    /// The meeting to edit; `None` adds one and opens its designer.
    editing: Option<Id>,
    #[prop(optional, into)] on_done: Option<Callback<()>>,
) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        editing
            .as_ref()
            .and_then(|m| {
                w.community(&community)?
                    .facilitation
                    .meetings
                    .iter()
                    .find(|x| &x.id == m)
                    .map(MeetingDraft::of)
            })
            .unwrap_or_else(|| MeetingDraft::new(today()))
    });
    let title = RwSignal::new(initial.title.clone());
    let purpose = RwSignal::new(initial.purpose.clone());
    let on = RwSignal::new(initial.on.clone());
    let start = RwSignal::new(initial.start_time.clone());
    let slot = RwSignal::new(initial.slot_minutes.clone());
    let location = RwSignal::new(initial.location.clone());
    let topics = RwSignal::new(initial.agenda_topic_ids.clone());
    let types = RwSignal::new(initial.activity_type_ids.clone());
    let errors = RwSignal::new(FieldErrors::new());
    let message = RwSignal::new(None::<String>);
    let err = move |f: &'static str| Signal::derive(move || errors.with(|e| field_error(e, f)));
    let navigate = use_navigate();
    let is_new = editing.is_none();
    let agenda = {
        let community = community.clone();
        move || {
            state.ws.with(|w| {
                w.community(&community)
                    .map(|c| {
                        c.cultivation
                            .forming
                            .agenda
                            .iter()
                            .map(|a| (a.id.clone(), a.topic.clone()))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
    };
    let all_types = move || {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::ActivityTypes)
                .iter()
                .map(|e| (e.id.clone(), e.label.clone(), e.description.clone()))
                .collect::<Vec<_>>()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = MeetingDraft {
            title: title.get_untracked(),
            purpose: purpose.get_untracked(),
            on: on.get_untracked(),
            start_time: start.get_untracked(),
            slot_minutes: slot.get_untracked(),
            location: location.get_untracked(),
            agenda_topic_ids: topics.get_untracked(),
            activity_type_ids: types.get_untracked(),
        };
        let result = match &editing {
            Some(m) => state
                .edit(|ws| ws.update_meeting(&community, m, &draft, now()))
                .map(|_| None),
            None => {
                let id = new_id();
                state
                    .edit(|ws| ws.add_meeting(&community, id.clone(), &draft, now()))
                    .map(|_| Some(id))
            }
        };
        match result {
            Ok(created) => {
                errors.set(Vec::new());
                message.set(Some("Saved.".into()));
                if let Some(id) = created {
                    navigate(&format!("/facilitate/{community}/meetings/{id}"), Default::default());
                }
                if let Some(cb) = on_done {
                    cb.run(());
                }
            }
            Err(ModelError::Invalid(e)) => {
                let first = e.first().map(|x| x.field);
                errors.set(e);
                message.set(None);
                if let Some(f) = first {
                    let id = format!("mt-{f}");
                    request_animation_frame(move || {
                        if let Some(el) = document().get_element_by_id(&id) {
                            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                                let _ = el.focus();
                            }
                        }
                    });
                }
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    let toggle = |sig: RwSignal<Vec<Id>>, id: Id| {
        move |_| {
            sig.update(|s| {
                if let Some(i) = s.iter().position(|x| x == &id) {
                    s.remove(i);
                } else {
                    s.push(id.clone());
                }
            })
        }
    };
    view! {
        <form class="form meeting-form" on:submit=submit novalidate data-testid="meeting-form">
            <TextField id="mt-title" label="Title" value=title error=err("title") required=true/>
            <TextField id="mt-purpose" label="Purpose (optional)" value=purpose error=err("purpose") multiline=true
                hint="What the meeting is for, in a sentence or two."/>
            <div class="field-row">
                <TextField id="mt-on" label="Date" value=on error=err("on") input_type="date" required=true/>
                <TextField id="mt-start_time" label="Start time" value=start error=err("start_time") input_type="time" required=true/>
                <TextField id="mt-slot_minutes" label="Slot (minutes)" value=slot error=err("slot_minutes") input_type="number" required=true
                    hint="The time booked; the agenda is checked against it."/>
            </div>
            <TextField id="mt-location" label="Location or link (optional)" value=location error=err("location")/>
            {
                let agenda = agenda.clone();
                move || {
                let list = agenda();
                if list.is_empty() {
                    return view! { <p class="muted">"The community has no learning-agenda topics yet; add them in the forming wizard under Cultivate."</p> }.into_any();
                }
                view! {
                    <fieldset class="checkbox-list" id="mt-agenda_topic_ids">
                        <legend>"Learning-agenda topics it serves"</legend>
                        {list.into_iter().map(|(id, topic)| {
                            let checked = { let id = id.clone(); move || topics.with(|s| s.contains(&id)) };
                            view! { <label class="check"><input type="checkbox" prop:checked=checked on:change=toggle(topics, id)/>{topic}</label> }
                        }).collect_view()}
                    </fieldset>
                }.into_any()
            }}
            <fieldset class="checkbox-list checkbox-list--columns" id="mt-activity_type_ids">
                <legend>"Activity types it serves"</legend>
                {move || all_types().into_iter().map(|(id, label, help)| {
                    let checked = { let id = id.clone(); move || types.with(|s| s.contains(&id)) };
                    view! { <label class="check" title=help><input type="checkbox" prop:checked=checked on:change=toggle(types, id)/>{label}</label> }
                }).collect_view()}
            </fieldset>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{if is_new { "Create and design the agenda" } else { "Save details" }}</button>
                {move || message.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
            </div>
        </form>
    }
}
