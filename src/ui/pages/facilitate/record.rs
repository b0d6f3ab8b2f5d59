//! `/facilitate/:id/meetings/:meeting/record`: what happened — attendance ticked from the
//! membership list, guests, the harvest (optionally linked to the repertoire), follow-ups,
//! notes, the participation suggestion from attendance, and a prompt for a value story.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::facilitation::HarvestKind;
use crate::model::meetings::{participation_suggestions, FollowUpDraft, HarvestDraft};
use crate::model::rhythm::date_label;
use crate::model::{field_error, CatalogueKind, FieldErrors, Id, ModelError};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{SelectField, TextField};

use super::{MeetingScope, MeetingTab, StatusLine};

#[component]
pub fn RecordPage() -> impl IntoView {
    view! { <MeetingScope tab=MeetingTab::Record body=|c, m| view! { <Record c m/> }.into_any()/> }
}

#[component]
fn Record(c: Id, m: Id) -> impl IntoView {
    view! {
        <Attendance c=c.clone() m=m.clone()/>
        <Suggestions c=c.clone()/>
        <Harvest c=c.clone() m=m.clone()/>
        <FollowUps c=c.clone() m=m.clone()/>
        <Notes c=c.clone() m=m.clone()/>
        <StoryPrompt c/>
    }
}

fn meeting_with<T>(
    c: &Id,
    m: &Id,
    f: impl FnOnce(&crate::model::Workspace, &crate::model::Community, &crate::model::facilitation::Meeting) -> T,
) -> Option<T> {
    AppState::expect().ws.with(|w| {
        let community = w.community(c)?;
        let mt = community.facilitation.meetings.iter().find(|x| &x.id == m)?;
        Some(f(w, community, mt))
    })
}

#[component]
fn Attendance(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<(bool, String)>);
    let guest = RwSignal::new(String::new());
    let guest_err = RwSignal::new(None::<String>);
    let data = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            meeting_with(&c, &m, |w, community, mt| {
                let att = mt.record.as_ref().map(|r| r.attendee_ids.clone()).unwrap_or_default();
                let mut members: Vec<(Id, String, String, bool)> = community
                    .memberships
                    .iter()
                    .map(|ms| {
                        (
                            ms.person_id.clone(),
                            w.person_name(&ms.person_id),
                            w.catalogues.label(CatalogueKind::ParticipationLevels, &ms.level_id),
                            att.contains(&ms.person_id),
                        )
                    })
                    .collect();
                members.sort_by(|a, b| a.1.cmp(&b.1));
                // People recorded who are no longer members stay visible so they can be unticked.
                let former: Vec<(Id, String)> = att
                    .iter()
                    .filter(|a| !community.memberships.iter().any(|ms| &ms.person_id == *a))
                    .map(|a| (a.clone(), w.person_name(a)))
                    .collect();
                let guests = mt.record.as_ref().map(|r| r.guests.clone()).unwrap_or_default();
                (members, former, guests)
            })
            .unwrap_or_default()
        })
    };
    let set = {
        let (c, m) = (c.clone(), m.clone());
        move |p: Id, on: bool| {
            if let Err(e) = state.edit(|ws| ws.set_attendance(&c, &m, &p, on, now())) {
                message.set(Some((false, e.to_string())));
            }
        }
    };
    let add_guest = {
        let (c, m) = (c.clone(), m.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match state.edit(|ws| ws.add_guest(&c, &m, &guest.get_untracked(), now())) {
                Ok(()) => {
                    guest.set(String::new());
                    guest_err.set(None);
                }
                Err(ModelError::Invalid(e)) => guest_err.set(e.first().map(|x| x.message.clone())),
                Err(e) => guest_err.set(Some(e.to_string())),
            }
        }
    };
    let (rc, rm) = (c.clone(), m.clone());
    view! {
        <section class="section" aria-labelledby="attendance-h">
            <h2 id="attendance-h">"Attendance"</h2>
            {move || {
                let (members, former, guests) = data.get();
                let n = members.iter().filter(|x| x.3).count() + former.len();
                let set = set.clone();
                let set2 = set.clone();
                let (rc, rm) = (rc.clone(), rm.clone());
                view! {
                    <p class="muted" data-testid="attendance-count">{format!("{n} member{} and {} guest{} attended.", if n == 1 { "" } else { "s" }, guests.len(), if guests.len() == 1 { "" } else { "s" })}</p>
                    {if members.is_empty() {
                        view! { <p class="muted">"The community has no members to tick."</p> }.into_any()
                    } else {
                        view! {
                            <fieldset class="checkbox-list checkbox-list--columns" data-testid="attendance">
                                <legend>"Members who attended"</legend>
                                {members.into_iter().map(|(p, name, level, here)| {
                                    let set = set.clone();
                                    view! {
                                        <label class="check">
                                            <input type="checkbox" prop:checked=here on:change=move |ev| set(p.clone(), event_target_checked(&ev))/>
                                            {name}" " <span class="tag tag--level">{level}</span>
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }.into_any()
                    }}
                    {(!former.is_empty()).then(|| view! {
                        <fieldset class="checkbox-list">
                            <legend>"Recorded, no longer members"</legend>
                            {former.into_iter().map(|(p, name)| { let set = set2.clone(); view! {
                                <label class="check"><input type="checkbox" prop:checked=true on:change=move |ev| set(p.clone(), event_target_checked(&ev))/>{name}</label>
                            }}).collect_view()}
                        </fieldset>
                    })}
                    <h3>"Guests"</h3>
                    {if guests.is_empty() { view! { <p class="muted">"No guests recorded."</p> }.into_any() } else {
                        view! {
                            <ul class="guest-list" data-testid="guest-list">
                                {guests.into_iter().enumerate().map(|(i, g)| {
                                    let (c, m) = (rc.clone(), rm.clone());
                                    let label = format!("Remove guest {g}");
                                    view! { <li>{g}" " <button class="btn btn--small btn--ghost" type="button" aria-label=label on:click=move |_| { let _ = state.edit(|ws| ws.remove_guest(&c, &m, i, now())); }>"Remove"</button></li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }
            }}
            <form class="inline-form" on:submit=add_guest novalidate>
                <TextField id="guest-name" label="Add a guest who is not a member" value=guest error=Signal::derive(move || guest_err.get())/>
                <button class="btn" type="submit">"Add guest"</button>
            </form>
            <StatusLine message/>
        </section>
    }
}

/// Level moves suggested by attendance; each is applied only when the user confirms it.
#[component]
fn Suggestions(c: Id) -> impl IntoView {
    let state = AppState::expect();
    let dismissed = RwSignal::new(Vec::<Id>::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let list = {
        let c = c.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                w.community(&c)
                    .map(|community| {
                        participation_suggestions(w, community, today())
                            .into_iter()
                            .map(|s| {
                                let name = w.person_name(&s.person_id);
                                let from = w.catalogues.label(CatalogueKind::ParticipationLevels, &s.from_level_id);
                                let to = w.catalogues.label(CatalogueKind::ParticipationLevels, &s.to_level_id);
                                (s, name, from, to)
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    view! {
        {move || {
            let items: Vec<_> = list.get().into_iter().filter(|(s, ..)| !dismissed.with(|d| d.contains(&s.membership_id))).collect();
            (!items.is_empty()).then(|| {
                let c = c.clone();
                view! {
                    <section class="section card suggestions" aria-labelledby="suggest-h" data-testid="level-suggestions">
                        <h2 id="suggest-h">"Participation suggestions from attendance"</h2>
                        <p class="muted">"Attendance at recorded meetings over the last six months suggests these moves. Nothing changes unless you confirm; the move goes into the member's participation history with the attendance as its reason."</p>
                        <ul class="suggestion-list">
                            {items.into_iter().map(|(s, name, from, to)| {
                                let c = c.clone();
                                let ms = s.membership_id.clone();
                                let dismiss_id = ms.clone();
                                let text = format!("{name}: {from} → {to}. {}.", s.reason);
                                let button = format!("Move to {to}");
                                let apply = move |_| {
                                    let r = state.edit(|ws| ws.change_level(&c, &ms, &s.to_level_id, today(), &s.reason, now()));
                                    message.set(Some(match r { Ok(()) => (true, format!("Moved {name} to {to}.")), Err(e) => (false, e.to_string()) }));
                                };
                                view! {
                                    <li class="suggestion">
                                        <span>{text}</span>
                                        <span class="cluster">
                                            <button class="btn btn--small btn--primary" type="button" on:click=apply>{button}</button>
                                            <button class="btn btn--small" type="button" on:click=move |_| dismissed.update(|d| d.push(dismiss_id.clone()))>"Not now"</button>
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <StatusLine message/>
                    </section>
                }
            })
        }}
    }
}

#[component]
fn Harvest(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let kind = RwSignal::new("insight".to_string());
    let text = RwSignal::new(String::new());
    let item = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let err = move |f: &'static str| Signal::derive(move || errors.with(|e| field_error(e, f)));
    let kinds = Signal::derive(|| {
        HarvestKind::ALL
            .iter()
            .map(|k| (k.key().to_string(), k.label().to_string()))
            .collect::<Vec<_>>()
    });
    let repertoire = {
        let c = c.clone();
        Signal::derive(move || {
            state.ws.with(|w| {
                w.community(&c)
                    .map(|x| {
                        x.practice
                            .iter()
                            .map(|p| (p.id.0.clone(), p.title.clone()))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let rows = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            meeting_with(&c, &m, |_, community, mt| {
                mt.record
                    .as_ref()
                    .map(|r| {
                        r.harvest
                            .iter()
                            .map(|h| {
                                let link = h
                                    .repertoire_item_id
                                    .as_ref()
                                    .and_then(|i| community.practice.iter().find(|p| &p.id == i))
                                    .map(|p| p.title.clone());
                                (h.id.clone(), h.kind.label(), h.text.clone(), link)
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default()
        })
    };
    let add = {
        let (c, m) = (c.clone(), m.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let draft = HarvestDraft {
                kind: HarvestKind::from_key(&kind.get_untracked()).unwrap_or(HarvestKind::Insight),
                text: text.get_untracked(),
                repertoire_item_id: Some(item.get_untracked()).filter(|s| !s.is_empty()).map(Id),
            };
            match state.edit(|ws| ws.add_harvest(&c, &m, new_id(), &draft, now())) {
                Ok(()) => {
                    errors.set(Vec::new());
                    text.set(String::new());
                    item.set(String::new());
                }
                Err(ModelError::Invalid(e)) => errors.set(e),
                Err(e) => errors.set(vec![crate::model::FieldError::new("text", e.to_string())]),
            }
        }
    };
    let (dc, dm) = (c.clone(), m.clone());
    view! {
        <section class="section" aria-labelledby="harvest-h">
            <h2 id="harvest-h">"Harvest"</h2>
            <p class="muted">"What came out of the meeting: insights, resources and open questions (potential value). Link an item to the community's repertoire when it added to or used one."</p>
            {move || {
                let rows = rows.get();
                if rows.is_empty() { return view! { <p class="muted">"Nothing harvested yet."</p> }.into_any(); }
                let (dc, dm) = (dc.clone(), dm.clone());
                view! {
                    <ul class="harvest-list" data-testid="harvest-list">
                        {rows.into_iter().map(|(id, kind, text, link)| {
                            let (c, m) = (dc.clone(), dm.clone());
                            view! {
                                <li class="harvest-item">
                                    <span class="tag">{kind}</span>" "{text}
                                    {link.map(|l| view! { <span class="muted">{format!(" · Repertoire: {l}")}</span> })}
                                    " "<button class="btn btn--small btn--ghost" type="button" aria-label="Remove this harvest item"
                                        on:click=move |_| { let _ = state.edit(|ws| ws.remove_harvest(&c, &m, &id, now())); }>"Remove"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="form card" on:submit=add novalidate data-testid="harvest-form">
                <div class="field-row">
                    <SelectField id="hv-kind" label="Kind" value=kind options=kinds/>
                    <SelectField id="hv-item" label="Repertoire item (optional)" value=item options=repertoire empty="Not linked" error=err("repertoire_item_id")/>
                </div>
                <TextField id="hv-text" label="What came out" value=text error=err("text") multiline=true/>
                <div class="form-actions"><button class="btn" type="submit">"Add to the harvest"</button></div>
            </form>
        </section>
    }
}

#[component]
fn FollowUps(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let who = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let err = move |f: &'static str| Signal::derive(move || errors.with(|e| field_error(e, f)));
    let people = {
        let (c, m) = (c.clone(), m.clone());
        Signal::derive(move || {
            meeting_with(&c, &m, |w, community, _| {
                let mut v: Vec<(String, String)> = community
                    .memberships
                    .iter()
                    .map(|ms| (ms.person_id.0.clone(), w.person_name(&ms.person_id)))
                    .collect();
                v.sort_by(|a, b| a.1.cmp(&b.1));
                v
            })
            .unwrap_or_default()
        })
    };
    let rows = {
        let (c, m) = (c.clone(), m.clone());
        Memo::new(move |_| {
            meeting_with(&c, &m, |w, _, mt| {
                mt.record
                    .as_ref()
                    .map(|r| {
                        r.follow_ups
                            .iter()
                            .map(|f| {
                                (
                                    f.id.clone(),
                                    f.person_id.as_ref().map(|p| w.person_name(p)),
                                    f.what.clone(),
                                    f.due_on,
                                    f.done_on,
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default()
        })
    };
    let add = {
        let (c, m) = (c.clone(), m.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let draft = FollowUpDraft {
                person_id: Some(who.get_untracked()).filter(|s| !s.is_empty()).map(Id),
                what: what.get_untracked(),
                due_on: due.get_untracked(),
            };
            match state.edit(|ws| ws.add_follow_up(&c, &m, new_id(), &draft, now())) {
                Ok(()) => {
                    errors.set(Vec::new());
                    what.set(String::new());
                    due.set(String::new());
                    who.set(String::new());
                }
                Err(ModelError::Invalid(e)) => errors.set(e),
                Err(e) => errors.set(vec![crate::model::FieldError::new("what", e.to_string())]),
            }
        }
    };
    let (dc, dm) = (c.clone(), m.clone());
    view! {
        <section class="section" aria-labelledby="followups-h">
            <h2 id="followups-h">"Follow-ups"</h2>
            <p class="muted">"Who will try what, by when (applied value to come). Open follow-ups show on the community's page until they are done."</p>
            {move || {
                let rows = rows.get();
                if rows.is_empty() { return view! { <p class="muted">"No follow-ups yet."</p> }.into_any(); }
                let (dc, dm) = (dc.clone(), dm.clone());
                view! {
                    <ul class="follow-up-list" data-testid="record-follow-ups">
                        {rows.into_iter().map(|(id, who, what, due, done)| {
                            let (c, m, id2) = (dc.clone(), dm.clone(), id.clone());
                            let (c2, m2) = (dc.clone(), dm.clone());
                            let label = format!("Done: {what}");
                            view! {
                                <li class="follow-up">
                                    <label class="check">
                                        <input type="checkbox" prop:checked=done.is_some() aria-label=label
                                            on:change=move |ev| { let on = event_target_checked(&ev); let _ = state.edit(|ws| ws.set_follow_up_done(&c, &m, &id, on.then(today), now())); }/>
                                        <span>
                                            <strong>{who.unwrap_or_else(|| "Someone".into())}</strong>": "{what.clone()}
                                            {due.map(|d| format!(" · by {}", date_label(d)))}
                                            {done.map(|d| format!(" · done {}", date_label(d)))}
                                        </span>
                                    </label>
                                    <button class="btn btn--small btn--ghost" type="button" aria-label=format!("Remove follow-up: {what}")
                                        on:click=move |_| { let _ = state.edit(|ws| ws.remove_follow_up(&c2, &m2, &id2, now())); }>"Remove"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="form card" on:submit=add novalidate data-testid="follow-up-form">
                <div class="field-row">
                    <SelectField id="fu-person_id" label="Who" value=who options=people empty="Someone (not named)" error=err("person_id")/>
                    <TextField id="fu-due_on" label="By when (optional)" value=due input_type="date" error=err("due_on")/>
                </div>
                <TextField id="fu-what" label="What they will try" value=what error=err("what")/>
                <div class="form-actions"><button class="btn" type="submit">"Add follow-up"</button></div>
            </form>
        </section>
    }
}

#[component]
fn Notes(c: Id, m: Id) -> impl IntoView {
    let state = AppState::expect();
    let initial = meeting_with(&c, &m, |_, _, mt| {
        mt.record.as_ref().map(|r| r.notes.clone()).unwrap_or_default()
    })
    .unwrap_or_default();
    let notes = RwSignal::new(initial);
    let message = RwSignal::new(None::<(bool, String)>);
    let save = move |_| {
        let text = notes.get_untracked();
        let same = meeting_with(&c, &m, |_, _, mt| {
            mt.record.as_ref().map(|r| r.notes.clone()).unwrap_or_default() == text
        })
        .unwrap_or(true);
        if same {
            return;
        }
        message.set(Some(match state.edit(|ws| ws.set_record_notes(&c, &m, &text, now())) {
            Ok(()) => (true, "Notes saved.".into()),
            Err(e) => (false, e.to_string()),
        }));
    };
    view! {
        <section class="section" aria-labelledby="notes-h">
            <h2 id="notes-h">"Notes"</h2>
            <div class="field">
                <label for="record-notes">"Notes on the meeting (saved when you leave the field)"</label>
                <textarea id="record-notes" rows="4" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev)) on:change=save></textarea>
            </div>
            <StatusLine message/>
        </section>
    }
}

#[component]
fn StoryPrompt(c: Id) -> impl IntoView {
    view! {
        <section class="section card story-prompt" aria-labelledby="story-h">
            <h2 id="story-h">"Invite a value-creation story"</h2>
            <p>"Did someone use something from this or an earlier meeting? Ask them for a short story: what happened at the meeting, what they took away, what they did differently, and what difference it made."</p>
            <A href=crate::ui::href(&format!("/evaluate/{c}/stories")) attr:class="btn">"Write a value-creation story"</A>
        </section>
    }
}
