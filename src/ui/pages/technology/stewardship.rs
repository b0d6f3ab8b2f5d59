use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::{CatalogueKind, Id};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{ask, EmptyState, SelectField, TextField};

/// Technology stewardship: the decision log and the checklist for a new digital habitat.
#[component]
pub fn StewardshipSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let on = RwSignal::new(today().to_string());
    let tool = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let why = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let tools = {
        let id = id.clone();
        Signal::derive(move || {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        c.technology
                            .tools
                            .iter()
                            .map(|t| (t.id.0.clone(), t.name.clone()))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let people = Signal::derive(move || {
        state.ws.with(|w| {
            w.people
                .iter()
                .map(|p| (p.id.0.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Ok(date) = NaiveDate::parse_from_str(&on.get_untracked(), "%Y-%m-%d") else {
                error.set(Some("Enter the date as YYYY-MM-DD".into()));
                return;
            };
            let opt = |s: String| (!s.is_empty()).then_some(Id(s));
            match state.edit(|ws| {
                ws.add_decision(
                    &id,
                    new_id(),
                    date,
                    opt(tool.get_untracked()),
                    &what.get_untracked(),
                    &why.get_untracked(),
                    opt(by.get_untracked()),
                    now(),
                )
            }) {
                Ok(()) => {
                    what.set(String::new());
                    why.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let decisions = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                c.technology
                    .decisions
                    .iter()
                    .rev()
                    .map(|d| {
                        let tool = d
                            .tool_id
                            .as_ref()
                            .and_then(|t| c.technology.tools.iter().find(|x| &x.id == t))
                            .map(|t| t.name.clone());
                        (
                            d.id.clone(),
                            d.on,
                            tool,
                            d.what.clone(),
                            d.why.clone(),
                            d.by_id.as_ref().map(|p| w.person_name(p)),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let checklist = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let done = w
                    .community(&id)
                    .map(|c| c.technology.checklist_done.clone())
                    .unwrap_or_default();
                w.catalogues
                    .get(CatalogueKind::HabitatChecklist)
                    .iter()
                    .map(|e| {
                        (
                            e.id.clone(),
                            e.label.clone(),
                            e.description.clone(),
                            done.contains(&e.id),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let (cid1, cid2) = (id.clone(), id);
    view! {
        <section class="section" aria-labelledby="stewardship-h">
            <h2 id="stewardship-h">"Stewardship"</h2>
            <p class="muted">"Technology stewards help the community choose, configure and use its tools. Give each tool a steward in the tool list, and log what was configured and why."</p>
            <h3 id="checklist-h">"Starting a digital habitat"</h3>
            <ul class="member-list" aria-labelledby="checklist-h" data-testid="habitat-checklist">
                {move || {
                    let cid = cid1.clone();
                    checklist().into_iter().map(|(sid, label, description, done)| {
                        let cid = cid.clone();
                        let input_id = format!("step-{sid}");
                        let label_for = input_id.clone();
                        let toggle = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let _ = state.edit(|ws| ws.set_checklist_step(&cid, &sid, on, now()));
                        };
                        view! {
                            <li>
                                <div class="stack">
                                    <label class="check" for=label_for><input id=input_id type="checkbox" prop:checked=done on:change=toggle/>" "<strong>{label}</strong></label>
                                    <span class="muted">{description}</span>
                                </div>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <h3>"Decision log"</h3>
            {move || {
                let list = decisions();
                if list.is_empty() {
                    view! { <EmptyState message="No decisions logged yet. Record what was set up, changed or dropped, and why, so that the next steward knows."/> }.into_any()
                } else {
                    let cid = cid2.clone();
                    view! {
                        <ol class="timeline" data-testid="decision-log">
                            {list.into_iter().map(|(did, on, tool, what, why, by)| {
                                let cid = cid.clone();
                                let remove = move |_| {
                                    let (cid, did) = (cid.clone(), did.clone());
                                    ask("Delete this decision?", vec!["It is removed from the log.".into()], "Delete decision", move || {
                                        let _ = state.edit(|ws| ws.remove_decision(&cid, &did, now()));
                                    });
                                };
                                view! {
                                    <li>
                                        <time datetime=on.to_string()>{on.to_string()}</time>" "
                                        {tool.map(|t| view! { <span class="tag">{t}</span>" " })}
                                        <strong>{what}</strong>
                                        {(!why.is_empty()).then(|| view! { <span>{format!(" — because {why}")}</span> })}
                                        {by.map(|b| view! { <span class="muted">{format!(" ({b})")}</span> })}
                                        " "<button class="btn btn--small btn--ghost" on:click=remove>"Delete…"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
            <form class="form card" on:submit=add aria-label="Log a decision">
                <div class="field-row">
                    <TextField id="decision-on" label="Date" input_type="date" value=on/>
                    <SelectField id="decision-tool" label="Tool" value=tool options=tools empty="Not about one tool"/>
                    <SelectField id="decision-by" label="Decided by" value=by options=people empty="Not recorded"/>
                </div>
                <TextField id="decision-what" label="What was configured or decided" value=what required=true/>
                <TextField id="decision-why" label="Why" value=why multiline=true/>
                {move || error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
                <div class="form-actions"><button class="btn btn--primary" type="submit">"Log decision"</button></div>
            </form>
        </section>
    }
}
