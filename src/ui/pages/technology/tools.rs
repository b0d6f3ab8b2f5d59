use leptos::prelude::*;

use crate::model::technology::{Mode, ToolDraft};
use crate::model::{field_error, CatalogueKind, FieldError, Id, ModelError};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{ask, CatalogueChecklist, CatalogueSelect, EmptyState, SelectField, TextField};

/// The tool inventory: what the community uses, for what, and who looks after it.
#[component]
pub fn ToolsSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let editing = RwSignal::new(None::<Id>);
    let rows = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                c.technology
                    .tools
                    .iter()
                    .map(|t| {
                        let orientations: Vec<String> = t
                            .orientation_ids
                            .iter()
                            .map(|o| w.catalogues.label(CatalogueKind::Orientations, o))
                            .collect();
                        (
                            t.id.clone(),
                            t.name.clone(),
                            w.catalogues.label(CatalogueKind::ToolCategories, &t.category_id),
                            t.mode.label(),
                            orientations.join(", "),
                            t.steward_id
                                .as_ref()
                                .map(|s| w.person_name(s))
                                .unwrap_or_else(|| "No steward yet".into()),
                            t.cost.clone(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let cid = id.clone();
    view! {
        <section class="section" aria-labelledby="tools-h">
            <h2 id="tools-h">"Tools"</h2>
            {move || {
                let list = rows();
                if list.is_empty() {
                    view! { <EmptyState message="No tools yet. Start with what members already use."/> }.into_any()
                } else {
                    let cid = cid.clone();
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Tool inventory">
                            <table class="data-table" data-testid="tools-table">
                                <caption class="visually-hidden">"The community's tools"</caption>
                                <thead><tr>
                                    <th scope="col">"Tool"</th><th scope="col">"Category"</th><th scope="col">"When"</th><th scope="col">"Serves"</th>
                                    <th scope="col">"Steward"</th><th scope="col">"Cost"</th><th scope="col">"Actions"</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|(tid, name, category, mode, serves, steward, cost)| {
                                        let (t1, t2, cid) = (tid.clone(), tid, cid.clone());
                                        let label = name.clone();
                                        let remove = move |_| {
                                            let (cid, tid) = (cid.clone(), t2.clone());
                                            ask(format!("Remove {label}?"), vec!["Decisions about it stay in the log.".into()], "Remove tool", move || {
                                                let _ = state.edit(|ws| ws.remove_tool(&cid, &tid, now()));
                                            });
                                        };
                                        view! {
                                            <tr>
                                                <th scope="row">{name.clone()}</th><td>{category}</td><td>{mode}</td><td>{serves}</td><td>{steward}</td><td>{cost}</td>
                                                <td><div class="cluster">
                                                    <button class="btn btn--small" aria-label=format!("Edit {name}") on:click=move |_| editing.set(Some(t1.clone()))>"Edit"</button>
                                                    <button class="btn btn--small" aria-label=format!("Remove {name}") on:click=remove>"Remove…"</button>
                                                </div></td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
            {move || {
                let editing_id = editing.get();
                let title = if editing_id.is_some() { "Edit tool" } else { "Add a tool" };
                view! {
                    <div class="card">
                        <h3 class="card__title">{title}</h3>
                        <ToolForm community=id.clone() editing=editing_id done=move || editing.set(None)/>
                    </div>
                }
            }}
        </section>
    }
}

#[component]
fn ToolForm(community: Id, editing: Option<Id>, done: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        editing.as_ref().and_then(|t| {
            w.community(&community)?
                .technology
                .tools
                .iter()
                .find(|x| &x.id == t)
                .map(ToolDraft::of)
        })
    });
    let first_category = state.ws.with_untracked(|w| {
        w.catalogues
            .tool_categories
            .first()
            .map(|c| c.id.0.clone())
            .unwrap_or_default()
    });
    let name = RwSignal::new(initial.as_ref().map(|d| d.name.clone()).unwrap_or_default());
    let category = RwSignal::new(
        initial
            .as_ref()
            .map(|d| d.category_id.0.clone())
            .unwrap_or(first_category),
    );
    let mode = RwSignal::new(
        initial
            .as_ref()
            .map(|d| d.mode)
            .unwrap_or(Mode::Asynchronous)
            .key()
            .to_string(),
    );
    let orientations = RwSignal::new(initial.as_ref().map(|d| d.orientation_ids.clone()).unwrap_or_default());
    let activities = RwSignal::new(
        initial
            .as_ref()
            .map(|d| d.activity_type_ids.clone())
            .unwrap_or_default(),
    );
    let steward = RwSignal::new(
        initial
            .as_ref()
            .and_then(|d| d.steward_id.clone())
            .map(|s| s.0)
            .unwrap_or_default(),
    );
    let cost = RwSignal::new(initial.as_ref().map(|d| d.cost.clone()).unwrap_or_default());
    let access = RwSignal::new(initial.as_ref().map(|d| d.access_notes.clone()).unwrap_or_default());
    let attempted = RwSignal::new(false);
    let draft = move || ToolDraft {
        name: name.get(),
        category_id: Id(category.get()),
        mode: Mode::from_key(&mode.get()).unwrap_or(Mode::Asynchronous),
        orientation_ids: orientations.get(),
        activity_type_ids: activities.get(),
        steward_id: (!steward.get().is_empty()).then(|| Id(steward.get())),
        cost: cost.get(),
        access_notes: access.get(),
    };
    let problems = Memo::new(move |_| {
        if attempted.get() {
            state.ws.with(|ws| draft().problems(ws))
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let modes = Signal::derive(|| {
        Mode::ALL
            .iter()
            .map(|m| (m.key().to_string(), m.label().to_string()))
            .collect::<Vec<_>>()
    });
    let people = Signal::derive(move || {
        state.ws.with(|w| {
            w.people
                .iter()
                .map(|p| (p.id.0.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let is_edit = editing.is_some();
    let cancel = done.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let d = draft();
        let result = match &editing {
            Some(tid) => state.edit(|ws| ws.update_tool(&community, tid, &d, now())),
            None => state.edit(|ws| ws.add_tool(&community, new_id(), &d, now())),
        };
        match result {
            Ok(()) => {
                state.notice.set(Some(format!(
                    "{} {}.",
                    if is_edit { "Saved" } else { "Added" },
                    d.name.trim()
                )));
                attempted.set(false);
                if !is_edit {
                    name.set(String::new());
                    orientations.set(Vec::new());
                    activities.set(Vec::new());
                    cost.set(String::new());
                    access.set(String::new());
                }
                done();
            }
            Err(ModelError::Invalid(_)) => {}
            Err(e) => state.notice.set(Some(e.to_string())),
        }
    };
    let prefix = if is_edit { "edit-tool" } else { "tool" };
    view! {
        <form class="form" on:submit=submit novalidate>
            <div class="field-row">
                <TextField id=format!("{prefix}-name") label="Tool name" value=name required=true error=err("name")/>
                <CatalogueSelect id=format!("{prefix}-category") label="Category" kind=CatalogueKind::ToolCategories value=category error=err("category_id")/>
                <SelectField id=format!("{prefix}-mode") label="When members use it" value=mode options=modes/>
            </div>
            <CatalogueChecklist legend="Orientations it serves" kind=CatalogueKind::Orientations selected=orientations/>
            {move || err("orientation_ids").get().map(|e| view! { <p class="field__error">{e}</p> })}
            <CatalogueChecklist legend="Activity types it supports" kind=CatalogueKind::ActivityTypes selected=activities/>
            <div class="field-row">
                <SelectField id=format!("{prefix}-steward") label="Steward" value=steward options=people empty="No steward yet" error=err("steward_id")/>
                <TextField id=format!("{prefix}-cost") label="Cost" value=cost error=err("cost")/>
            </div>
            <TextField id=format!("{prefix}-access") label="Access and privacy notes" value=access multiline=true hint="Who can join, and what stays inside the community." error=err("access_notes")/>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{if is_edit { "Save tool" } else { "Add tool" }}</button>
                {is_edit.then(|| view! { <button class="btn" type="button" on:click=move |_| cancel()>"Cancel"</button> })}
            </div>
        </form>
    }
}
