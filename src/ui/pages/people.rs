use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::model::{field_error, CatalogueKind, FieldError, Id, ModelError, OrganisationDraft, PersonDraft};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{ask, EmptyState, SelectField, TextField};

use super::use_title;

/// People and organisations.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "People & organisations".into());
    let query = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let q = query.get().to_lowercase();
        state.ws.with(|w| {
            w.people
                .iter()
                .filter(|p| {
                    q.is_empty()
                        || p.name.to_lowercase().contains(&q)
                        || p.title.to_lowercase().contains(&q)
                        || p.email.to_lowercase().contains(&q)
                })
                .map(|p| {
                    let org = p
                        .organisation_id
                        .as_ref()
                        .map(|o| w.organisation_name(o))
                        .unwrap_or_default();
                    let n = w.memberships_of(&p.id).count();
                    (p.id.clone(), p.name.clone(), org, p.title.clone(), n)
                })
                .collect::<Vec<_>>()
        })
    });
    let total = move || state.ws.with(|w| w.people.len());
    let orgs = move || {
        state.ws.with(|w| {
            w.organisations
                .iter()
                .map(|o| (o.id.clone(), o.name.clone(), w.organisation_usage(&o.id).len()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="page-header">
            <h1>"People & organisations"</h1>
            <p class="lede">"Everyone who takes part in or supports your communities. One person can belong to several communities, across organisations."</p>
        </div>
        <section class="section" aria-labelledby="people-h">
            <h2 id="people-h">"People"</h2>
            {move || (total() > 0).then(|| view! {
                <div class="field">
                    <label for="people-search">"Search people"</label>
                    <input id="people-search" type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) data-testid="people-search"/>
                </div>
                <p class="muted" role="status">{move || format!("{} of {} people", rows.read().len(), total())}</p>
            })}
            {move || {
                if total() == 0 {
                    view! { <EmptyState message="No people yet. Add the people who will take part in or support your communities."/> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Scrollable table">
                            <table class="data-table" data-testid="people-table">
                                <caption class="visually-hidden">"People in this workspace"</caption>
                                <thead><tr><th scope="col">"Name"</th><th scope="col">"Organisation"</th><th scope="col">"Title"</th><th scope="col" class="num">"Communities"</th></tr></thead>
                                <tbody>
                                    <For each=move || rows.get() key=|r| r.clone() let:r>
                                        <tr>
                                            <td><A href=crate::ui::href(&format!("/people/{}", r.0))>{r.1}</A></td>
                                            <td>{r.2}</td>
                                            <td>{r.3}</td>
                                            <td class="num">{r.4}</td>
                                        </tr>
                                    </For>
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
            <div class="card">
                <h3 class="card__title">"Add a person"</h3>
                <PersonForm editing=None submit_label="Add person" on_saved=|_| {}/>
            </div>
        </section>
        <section class="section" aria-labelledby="orgs-h">
            <h2 id="orgs-h">"Organisations"</h2>
            {move || {
                let list = orgs();
                if list.is_empty() {
                    view! { <EmptyState message="No organisations yet. Add the organisations your people work for; a community can span several of them."/> }.into_any()
                } else {
                    view! {
                        <ul class="member-list" data-testid="org-list">
                            {list.into_iter().map(|(id, name, uses)| view! {
                                <li><A href=crate::ui::href(&format!("/organisations/{id}"))>{name}</A><span class="muted">{format!("{uses} links")}</span></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <div class="card">
                <h3 class="card__title">"Add an organisation"</h3>
                <OrganisationForm editing=None submit_label="Add organisation" on_saved=|_| {}/>
            </div>
        </section>
    }
}

#[component]
fn PersonForm(
    editing: Option<Id>,
    #[prop(into)] submit_label: String,
    on_saved: impl Fn(Id) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let initial = state
        .ws
        .with_untracked(|w| editing.as_ref().and_then(|id| w.person(id)).cloned());
    let prefix = if editing.is_some() { "edit-person" } else { "person" };
    let name = RwSignal::new(initial.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let email = RwSignal::new(initial.as_ref().map(|p| p.email.clone()).unwrap_or_default());
    let org = RwSignal::new(
        initial
            .as_ref()
            .and_then(|p| p.organisation_id.clone())
            .map(|o| o.0)
            .unwrap_or_default(),
    );
    let title = RwSignal::new(initial.as_ref().map(|p| p.title.clone()).unwrap_or_default());
    let notes = RwSignal::new(initial.as_ref().map(|p| p.notes.clone()).unwrap_or_default());
    let attempted = RwSignal::new(false);
    let draft = move || PersonDraft {
        name: name.get(),
        email: email.get(),
        organisation_id: (!org.get().is_empty()).then(|| Id(org.get())),
        title: title.get(),
        notes: notes.get(),
    };
    let problems = Memo::new(move |_| {
        if attempted.get() {
            state.ws.with(|ws| draft().problems(ws))
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let org_options = Signal::derive(move || {
        state.ws.with(|w| {
            w.organisations
                .iter()
                .map(|o| (o.id.0.clone(), o.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let is_new = editing.is_none();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let d = draft();
        let result = match &editing {
            Some(id) => state.edit(|ws| ws.update_person(id, &d, now())).map(|_| id.clone()),
            None => {
                let id = new_id();
                state.edit(|ws| ws.add_person(id.clone(), &d, now())).map(|_| id)
            }
        };
        match result {
            Ok(id) => {
                if is_new {
                    attempted.set(false);
                    for s in [name, email, title, notes] {
                        s.set(String::new());
                    }
                    state.notice.set(Some(format!("Added {}.", d.name.trim())));
                } else {
                    state.notice.set(Some("Saved.".into()));
                }
                on_saved(id);
            }
            Err(ModelError::Invalid(_)) => {}
            Err(e) => state.notice.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <div class="field-row">
                <TextField id=format!("{prefix}-name") label="Name" value=name required=true error=err("name") autocomplete="off"/>
                <TextField id=format!("{prefix}-email") label="Email" value=email input_type="email" error=err("email") autocomplete="off"/>
            </div>
            <div class="field-row">
                <SelectField id=format!("{prefix}-org") label="Organisation" value=org options=org_options empty="No organisation" error=err("organisation_id")/>
                <TextField id=format!("{prefix}-title") label="Job title or function" value=title error=err("title")/>
            </div>
            <TextField id=format!("{prefix}-notes") label="Notes" value=notes multiline=true error=err("notes")/>
            <div class="form-actions"><button class="btn btn--primary" type="submit">{submit_label}</button></div>
        </form>
    }
}

#[component]
fn OrganisationForm(
    editing: Option<Id>,
    #[prop(into)] submit_label: String,
    on_saved: impl Fn(Id) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let initial = state
        .ws
        .with_untracked(|w| editing.as_ref().and_then(|id| w.organisation(id)).cloned());
    let prefix = if editing.is_some() { "edit-org" } else { "org" };
    let name = RwSignal::new(initial.as_ref().map(|o| o.name.clone()).unwrap_or_default());
    let description = RwSignal::new(initial.as_ref().map(|o| o.description.clone()).unwrap_or_default());
    let attempted = RwSignal::new(false);
    let draft = move || OrganisationDraft {
        name: name.get(),
        description: description.get(),
    };
    let problems = Memo::new(move |_| {
        if attempted.get() {
            draft().problems()
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let is_new = editing.is_none();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let d = draft();
        let result = match &editing {
            Some(id) => state
                .edit(|ws| ws.update_organisation(id, &d, now()))
                .map(|_| id.clone()),
            None => {
                let id = new_id();
                state.edit(|ws| ws.add_organisation(id.clone(), &d, now())).map(|_| id)
            }
        };
        if let Ok(id) = result {
            if is_new {
                attempted.set(false);
                name.set(String::new());
                description.set(String::new());
            }
            state.notice.set(Some(if is_new {
                format!("Added {}.", d.name.trim())
            } else {
                "Saved.".into()
            }));
            on_saved(id);
        }
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField id=format!("{prefix}-name") label="Organisation name" value=name required=true error=err("name")/>
            <TextField id=format!("{prefix}-description") label="Description" value=description multiline=true error=err("description")/>
            <div class="form-actions"><button class="btn btn--primary" type="submit">{submit_label}</button></div>
        </form>
    }
}

/// One person: details, communities, delete.
#[component]
pub fn PersonPage() -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    let id = Memo::new(move |_| Id(params.read().get("id").unwrap_or_default()));
    let exists = Memo::new(move |_| state.ws.with(|w| w.person(&id.get()).is_some()));
    use_title(move || {
        state.ws.with(|w| {
            w.person(&id.get())
                .map(|p| p.name.clone())
                .unwrap_or_else(|| "Person not found".into())
        })
    });
    let navigate = use_navigate();
    move || {
        if !exists.get() {
            return view! { <div class="page-header"><h1>"Person not found"</h1></div><A href=crate::ui::href("/people")>"All people"</A> }.into_any();
        }
        let pid = id.get();
        let memberships = {
            let pid = pid.clone();
            move || {
                state.ws.with(|w| {
                    w.memberships_of(&pid)
                        .map(|(c, m)| {
                            (
                                c.id.clone(),
                                c.name.clone(),
                                w.catalogues.label(CatalogueKind::ParticipationLevels, &m.level_id),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            }
        };
        let delete = {
            let pid = pid.clone();
            let navigate = navigate.clone();
            move |_| {
                let (name, uses) = state.ws.with_untracked(|w| (w.person_name(&pid), w.person_usage(&pid)));
                let mut body = vec![format!("{name} will be removed from the workspace.")];
                if !uses.is_empty() {
                    body.push(format!("Their memberships are deleted too: {}.", uses.join("; ")));
                }
                let (pid, navigate) = (pid.clone(), navigate.clone());
                ask(format!("Delete {name}?"), body, "Delete person", move || {
                    if state.edit(|ws| ws.delete_person(&pid, now())).is_ok() {
                        state.notice.set(Some(format!("Deleted {name}.")));
                        navigate("/people", Default::default());
                    }
                });
            }
        };
        view! {
            <div class="page-header">
                <h1>{move || state.ws.with(|w| w.person_name(&id.get()))}</h1>
                <div class="page-actions"><button class="btn btn--danger" on:click=delete>"Delete…"</button></div>
            </div>
            <section class="section" aria-labelledby="person-communities">
                <h2 id="person-communities">"Communities"</h2>
                {move || {
                    let list = memberships();
                    if list.is_empty() {
                        view! { <p class="muted">"Not a member of any community yet. Add members from a community's page."</p> }.into_any()
                    } else {
                        view! { <ul class="member-list">{list.into_iter().map(|(cid, name, level)| view! { <li><A href=crate::ui::href(&format!("/communities/{cid}"))>{name}</A><span class="tag tag--level">{level}</span></li> }).collect_view()}</ul> }.into_any()
                    }
                }}
            </section>
            <section class="section card" aria-labelledby="person-edit">
                <h2 id="person-edit">"Details"</h2>
                <PersonForm editing=Some(pid) submit_label="Save details" on_saved=|_| {}/>
            </section>
        }
        .into_any()
    }
}

/// One organisation: details, what refers to it, delete.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    let id = Memo::new(move |_| Id(params.read().get("id").unwrap_or_default()));
    let exists = Memo::new(move |_| state.ws.with(|w| w.organisation(&id.get()).is_some()));
    use_title(move || {
        state.ws.with(|w| {
            w.organisation(&id.get())
                .map(|o| o.name.clone())
                .unwrap_or_else(|| "Organisation not found".into())
        })
    });
    let navigate = use_navigate();
    move || {
        if !exists.get() {
            return view! { <div class="page-header"><h1>"Organisation not found"</h1></div><A href=crate::ui::href("/people")>"People & organisations"</A> }.into_any();
        }
        let oid = id.get();
        let uses = {
            let oid = oid.clone();
            move || state.ws.with(|w| w.organisation_usage(&oid))
        };
        let delete = {
            let oid = oid.clone();
            let navigate = navigate.clone();
            move |_| {
                let (name, uses) = state
                    .ws
                    .with_untracked(|w| (w.organisation_name(&oid), w.organisation_usage(&oid)));
                let mut body = vec![format!("{name} will be removed from the workspace.")];
                if !uses.is_empty() {
                    body.push(format!(
                        "These will no longer name it (they are kept): {}.",
                        uses.join("; ")
                    ));
                }
                let (oid, navigate) = (oid.clone(), navigate.clone());
                ask(format!("Delete {name}?"), body, "Delete organisation", move || {
                    if state.edit(|ws| ws.delete_organisation(&oid, now())).is_ok() {
                        state.notice.set(Some(format!("Deleted {name}.")));
                        navigate("/people", Default::default());
                    }
                });
            }
        };
        view! {
            <div class="page-header">
                <h1>{move || state.ws.with(|w| w.organisation_name(&id.get()))}</h1>
                <div class="page-actions"><button class="btn btn--danger" on:click=delete>"Delete…"</button></div>
            </div>
            <section class="section" aria-labelledby="org-uses">
                <h2 id="org-uses">"Linked people and communities"</h2>
                {move || {
                    let u = uses();
                    if u.is_empty() { view! { <p class="muted">"Nothing refers to this organisation yet."</p> }.into_any() }
                    else { view! { <ul>{u.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul> }.into_any() }
                }}
            </section>
            <section class="section card" aria-labelledby="org-edit">
                <h2 id="org-edit">"Details"</h2>
                <OrganisationForm editing=Some(oid) submit_label="Save details" on_saved=|_| {}/>
            </section>
        }
        .into_any()
    }
}
