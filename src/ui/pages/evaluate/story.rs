//! The guided story form: who tells it and when, the cycle it starts in, one step per
//! value cycle (each with its guiding questions), aspirational or realised, the meetings,
//! repertoire items and indicators it links to, its verification and who may read it.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::model::evaluation::{Consent, StoryStatus, Verification};
use crate::model::value::{cycle_rank, StoryDraft};
use crate::model::{CatalogueKind, FieldError, Id};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{ask, CatalogueSelect, SelectField, TextField};

use super::{all_errors, err, focus_later, form_errors, GeneralError};

/// One cycle's step in the form.
#[derive(Clone)]
struct Step {
    id: Id,
    label: String,
    questions: String,
    text: RwSignal<String>,
}

/// A checkbox list of (id, label) options over a signal of chosen ids.
#[component]
fn Checklist(#[prop(into)] legend: String, #[prop(into)] idp: String, options: Vec<(Id, String)>, chosen: RwSignal<Vec<Id>>, #[prop(into)] empty: String) -> impl IntoView {
    view! {
        <fieldset class="story-links">
            <legend>{legend}</legend>
            {if options.is_empty() {
                view! { <p class="muted">{empty}</p> }.into_any()
            } else {
                options.into_iter().map(|(oid, label)| {
                    let dom = format!("{idp}-{oid}");
                    let dom_for = dom.clone();
                    let o1 = oid.clone();
                    view! {
                        <label class="check" for=dom_for>
                            <input id=dom type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&o1))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| x != &oid);
                                        if on { c.push(oid.clone()); }
                                    });
                                }/>
                            {label}
                        </label>
                    }
                }).collect_view().into_any()
            }}
        </fieldset>
    }
}

#[component]
pub fn StoryForm(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    let story_id = params.with_untracked(|p| p.get("story").unwrap_or_default());
    let existing = (story_id != "new").then(|| Id(story_id.clone()));
    let draft = state.ws.with_untracked(|w| {
        let c = w.community(&id)?;
        match &existing {
            Some(sid) => c.evaluation.stories.iter().find(|s| &s.id == sid).map(StoryDraft::of),
            None => {
                let first = w.catalogues.get(CatalogueKind::ValueCycles).first().map(|e| e.id.clone()).unwrap_or_else(|| Id::new("immediate"));
                Some(StoryDraft::new(&first, today()))
            }
        }
    });
    let Some(draft) = draft else {
        return view! {
            <section class="section"><h2>"Story not found"</h2>
                <p>"This story no longer exists. It may have been deleted in another tab."</p>
                <a href=crate::ui::href(&format!("/evaluate/{id}/stories"))>"All stories"</a>
            </section>
        }.into_any();
    };
    let title = RwSignal::new(draft.title.clone());
    let teller = RwSignal::new(draft.teller_id.as_ref().map(|i| i.0.clone()).unwrap_or_default());
    let teller_name = RwSignal::new(draft.teller_name.clone());
    let told_on = RwSignal::new(draft.told_on.clone());
    let start = RwSignal::new(draft.start_cycle_id.0.clone());
    let status = RwSignal::new(draft.status);
    let follow_up = RwSignal::new(draft.follow_up_on.clone());
    let meetings = RwSignal::new(draft.meeting_ids.clone());
    let items = RwSignal::new(draft.repertoire_item_ids.clone());
    let indicators = RwSignal::new(draft.indicator_ids.clone());
    let verification = RwSignal::new(draft.verification.key().to_string());
    let consent = RwSignal::new(draft.consent);
    let errs = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(None::<String>);

    let (steps, people, meeting_opts, item_opts, indicator_opts) = state.ws.with_untracked(|w| {
        let cats = &w.catalogues;
        let steps: Vec<Step> = cats
            .get(CatalogueKind::ValueCycles)
            .iter()
            .map(|e| Step {
                id: e.id.clone(),
                label: e.label.clone(),
                questions: cats.children(CatalogueKind::CycleQuestions, &e.id).map(|q| q.label.clone()).collect::<Vec<_>>().join(" "),
                text: RwSignal::new(draft.step(&e.id)),
            })
            .collect();
        let c = w.community(&id);
        let mut people: Vec<(String, String)> = w.people.iter().map(|p| (p.id.0.clone(), p.name.clone())).collect();
        people.sort_by(|a, b| a.1.cmp(&b.1));
        let mut ms: Vec<_> = c.map(|c| c.facilitation.meetings.iter().collect::<Vec<_>>()).unwrap_or_default();
        ms.sort_by_key(|m| std::cmp::Reverse(m.on));
        let meeting_opts = ms.into_iter().map(|m| (m.id.clone(), format!("{} ({})", m.title, m.on))).collect::<Vec<_>>();
        let item_opts = c.map(|c| c.practice.iter().map(|r| (r.id.clone(), r.title.clone())).collect::<Vec<_>>()).unwrap_or_default();
        let indicator_opts = c
            .map(|c| {
                let mut v: Vec<_> = c.evaluation.indicators.iter().collect();
                v.sort_by_key(|i| cycle_rank(cats, &i.cycle_id));
                v.into_iter().map(|i| (i.id.clone(), format!("{} ({})", i.name, cats.label(CatalogueKind::ValueCycles, &i.cycle_id)))).collect::<Vec<_>>()
            })
            .unwrap_or_default();
        (steps, people, meeting_opts, item_opts, indicator_opts)
    });
    let steps = StoredValue::new(steps);
    // The steps from the start cycle on, then the earlier ones (optional).
    let ordered = move |after: bool| {
        let s = Id(start.get());
        steps.with_value(|all| {
            let at = all.iter().position(|x| x.id == s).unwrap_or(0);
            if after { all[at..].to_vec() } else { all[..at].to_vec() }
        })
    };

    let cid = id.clone();
    let existing_for_save = existing.clone();
    let navigate = use_navigate();
    let save = move |_| {
        saved.set(None);
        let draft = StoryDraft {
            title: title.get_untracked(),
            teller_id: Some(teller.get_untracked()).filter(|t| !t.is_empty()).map(Id),
            teller_name: teller_name.get_untracked(),
            told_on: told_on.get_untracked(),
            start_cycle_id: Id(start.get_untracked()),
            steps: steps.with_value(|all| {
                all.iter()
                    .map(|s| crate::model::evaluation::StoryStep { cycle_id: s.id.clone(), text: s.text.get_untracked() })
                    .collect()
            }),
            status: status.get_untracked(),
            follow_up_on: if status.get_untracked() == StoryStatus::Aspirational { follow_up.get_untracked() } else { String::new() },
            meeting_ids: meetings.get_untracked(),
            repertoire_item_ids: items.get_untracked(),
            indicator_ids: indicators.get_untracked(),
            verification: if verification.get_untracked() == "corroborated" { Verification::Corroborated } else { Verification::SelfReported },
            consent: consent.get_untracked(),
        };
        let result = match &existing_for_save {
            Some(sid) => state.edit(|ws| ws.update_story(&cid, sid, &draft, today(), now())).map(|_| None),
            None => {
                let nid = new_id();
                state.edit(|ws| ws.add_story(&cid, nid.clone(), &draft, today(), now())).map(|_| Some(nid))
            }
        };
        match result {
            Ok(created) => {
                errs.set(Vec::new());
                saved.set(Some(format!("Saved the story “{}”.", draft.title.trim())));
                if let Some(nid) = created {
                    state.notice.set(Some(format!("Saved the story “{}”.", draft.title.trim())));
                    navigate(&format!("/evaluate/{cid}/stories/{nid}"), Default::default());
                }
            }
            Err(e) => {
                errs.set(form_errors(e));
                focus_later("story-errors".into());
            }
        }
    };
    let delete = {
        let cid = id.clone();
        let existing = existing.clone();
        let navigate = use_navigate();
        move |_| {
            let Some(sid) = existing.clone() else { return };
            let cid = cid.clone();
            let navigate = navigate.clone();
            ask(
                "Delete this story?",
                vec![format!("“{}” will be removed, with its links. This cannot be undone here; an exported backup keeps it.", title.get_untracked())],
                "Delete story",
                move || {
                    if state.edit(|ws| ws.delete_story(&cid, &sid, now())).is_ok() {
                        state.notice.set(Some("Deleted the story.".into()));
                        navigate(&format!("/evaluate/{cid}/stories"), Default::default());
                    }
                },
            );
        }
    };
    let people_opts = Signal::derive(move || people.clone());
    let is_new = existing.is_none();
    let step_view = move |s: Step| {
        let dom = format!("step-{}", s.id);
        let dom_for = dom.clone();
        let hint_id = format!("{dom}-hint");
        let is_start = {
            let sid = s.id.clone();
            move || start.get() == sid.0
        };
        let is_start2 = {
            let sid = s.id.clone();
            move || start.get() == sid.0
        };
        let text = s.text;
        view! {
            <div class="field story-step" class:story-step--start=is_start2>
                <label for=dom_for>{s.label.clone()}{move || is_start().then(|| view! { " " <span class="tag">"the story starts here"</span> })}</label>
                <p class="field__hint" id=hint_id.clone()>{s.questions.clone()}</p>
                <textarea id=dom rows="3" aria-describedby=hint_id
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
        }
    };
    view! {
        <section class="section story-form" aria-labelledby="story-form-h">
            <h2 id="story-form-h">{if is_new { "Write a value-creation story" } else { "Value-creation story" }}</h2>
            <p class="muted">"Tell the story one value cycle at a time, starting where it starts: the guiding questions under each cycle help. Not every story needs every step. (Value-creation story template after Wenger-Trayner.)"</p>
            <div id="story-errors" tabindex="-1">
                {move || {
                    let list = errs.get();
                    (!list.is_empty()).then(|| view! {
                        <div class="problem-box" role="alert">
                            <p><strong>"The story is not saved yet:"</strong></p>
                            <ul>{list.into_iter().map(|e| view! { <li>{e.message}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
            </div>
            <TextField id="story-title" label="Title" value=title required=true error=err(errs, "title")/>
            <div class="field-row">
                <SelectField id="story-teller" label="Teller" value=teller options=people_opts empty="Someone else (type the name)" error=err(errs, "teller")/>
                {move || teller.get().is_empty().then(|| view! {
                    <TextField id="story-teller-name" label="Teller's name" value=teller_name hint="A guest, or someone who prefers not to be listed"/>
                })}
                <div class="field">
                    <label for="story-told-on">"Told on"</label>
                    <input id="story-told-on" type="date" prop:value=move || told_on.get() on:change=move |ev| told_on.set(event_target_value(&ev))
                        aria-invalid=move || err(errs, "told_on").get().map(|_| "true")/>
                    {move || err(errs, "told_on").get().map(|m| view! { <p class="field__error">{m}</p> })}
                </div>
            </div>
            <CatalogueSelect id="story-start" label="The story starts in" kind=CatalogueKind::ValueCycles value=start error=err(errs, "start_cycle_id")/>
            <fieldset class="story-steps">
                <legend>"The story, one step per cycle"</legend>
                {move || all_errors(errs, "steps").into_iter().map(|m| view! { <p class="field__error">{m}</p> }).collect_view()}
                <For each=move || ordered(true) key=|s| s.id.clone() children=step_view/>
                {move || (!ordered(false).is_empty()).then(|| view! { <h3 class="story-steps__before">"Before the start (optional)"</h3> })}
                <For each=move || ordered(false) key=|s| s.id.clone() children=step_view/>
            </fieldset>
            <fieldset class="story-status">
                <legend>"Status"</legend>
                <label class="check" for="story-realised">
                    <input id="story-realised" type="radio" name="story-status" prop:checked=move || status.get() == StoryStatus::Realised on:change=move |_| status.set(StoryStatus::Realised)/>
                    "Realised: the story tells what happened"
                </label>
                <label class="check" for="story-aspirational">
                    <input id="story-aspirational" type="radio" name="story-status" prop:checked=move || status.get() == StoryStatus::Aspirational on:change=move |_| status.set(StoryStatus::Aspirational)/>
                    "Aspirational: the ending is intended, to be followed up"
                </label>
                {move || (status.get() == StoryStatus::Aspirational).then(|| view! {
                    <div class="field">
                        <label for="story-follow-up">"Follow up on"</label>
                        <input id="story-follow-up" type="date" prop:value=move || follow_up.get() on:change=move |ev| follow_up.set(event_target_value(&ev))
                            aria-invalid=move || err(errs, "follow_up_on").get().map(|_| "true")/>
                        {move || err(errs, "follow_up_on").get().map(|m| view! { <p class="field__error">{m}</p> })}
                    </div>
                })}
            </fieldset>
            <Checklist legend="The meetings it came from" idp="story-meeting" options=meeting_opts chosen=meetings empty="This community has no meetings recorded yet."/>
            <Checklist legend="Repertoire items it used" idp="story-item" options=item_opts chosen=items empty="The community's repertoire is empty."/>
            <Checklist legend="Indicators that give evidence" idp="story-indicator" options=indicator_opts chosen=indicators empty="No indicators yet: define them on the Indicators tab."/>
            <SelectField id="story-verification" label="Verification" value=verification
                options=Signal::derive(|| Verification::ALL.iter().map(|v| (v.key().to_string(), v.label().to_string())).collect())
                hint="Corroborated: someone else (a manager, a client, a record) confirms it."/>
            <fieldset class="story-consent">
                <legend>"Who may read it (the teller's consent)"</legend>
                {Consent::ALL.into_iter().map(|c| {
                    let dom = format!("story-consent-{}", c.key());
                    let dom_for = dom.clone();
                    view! {
                        <label class="check" for=dom_for>
                            <input id=dom type="radio" name="story-consent" prop:checked=move || consent.get() == c on:change=move |_| consent.set(c)/>
                            {c.label()}
                        </label>
                    }
                }).collect_view()}
                <p class="field__hint">"A story private to the community never appears in a report shared in the organisation or in public."</p>
            </fieldset>
            <GeneralError errs/>
            <div class="form-actions">
                <button type="button" class="btn btn--primary" on:click=save>"Save story"</button>
                {(!is_new).then(|| view! { <button type="button" class="btn btn--danger" on:click=delete.clone()>"Delete story"</button> })}
                {move || saved.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
            </div>
        </section>
    }.into_any()
}
