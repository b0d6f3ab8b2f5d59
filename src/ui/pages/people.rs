use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::model::words::{fold, group_digits};
use crate::model::{field_error, CatalogueKind, FieldError, Id, ModelError, OrganisationDraft, PersonDraft, Workspace};
use crate::state::{new_id, now, AppState};
use crate::ui::components::{ask, EmptyState, SelectField, TextField};

use super::use_title;

/// How many rows of the people list are shown at first, and added by "Show more".
const PEOPLE_PAGE: usize = 200;

/// The fewest rows "Show all" adds per frame. Building and laying out thousands of rows at once
/// freezes the page (about 150 ms for 2,000 rows, a second for 10,000), so the rows come a
/// frame at a time and the page keeps answering; a search typed meanwhile takes over at once.
/// Each frame also lays out the rows already there, so a frame adds a quarter more rows than
/// are shown, when that is more than this: 2,000 people come in 7 frames (their longest task
/// 60–80 ms in the bench's Chromium), 10,000 in 14 frames rather than 40 ever-longer ones.
const REVEAL_STEP: usize = 250;

/// People and organisations.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "People & organisations".into());
    let query = RwSignal::new(String::new());
    // Every person's row, rebuilt only when the workspace changes (not on each keystroke).
    let passes = AtomicU64::new(0);
    let people = Memo::new(move |prev: Option<&Vec<Arc<PersonRow>>>| {
        let pass = passes.fetch_add(1, Ordering::Relaxed);
        state.ws.with(|w| person_rows(w, prev, pass))
    });
    let rows = Memo::new(move |_| {
        let q = query.get();
        people.with(|all| matching(all, &q))
    });
    // A long list is shown a page at a time: laying out thousands of rows takes longer than a
    // keystroke should. A new search starts again at the first page.
    let shown = RwSignal::new(PEOPLE_PAGE);
    // The "Show all" in progress: a search or another button ends it by changing the number.
    let reveal = StoredValue::new(0_u64);
    let revealing = RwSignal::new(false);
    let stop_reveal = move || {
        reveal.update_value(|r| *r += 1);
        revealing.set(false);
    };
    let table_region = NodeRef::<leptos::html::Div>::new();
    let visible = Memo::new(move |_| {
        let n = shown.get();
        rows.with(|r| r.iter().take(n).cloned().collect::<Vec<_>>())
    });
    let has_more = Memo::new(move |_| rows.with(Vec::len) > shown.get());
    let total = Memo::new(move |_| state.ws.with(|w| w.people.len()));
    // The search box and the table are built again only when the list becomes empty or stops
    // being empty, not on every change of the workspace: the `<For>` then keeps its rows.
    let any = Memo::new(move |_| total.get() > 0);
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
            {move || any.get().then(|| view! {
                <div class="field">
                    <label for="people-search">"Search people"</label>
                    <input id="people-search" type="search" prop:value=move || query.get() on:input=move |ev| {
                        stop_reveal();
                        query.set(event_target_value(&ev));
                        shown.set(PEOPLE_PAGE);
                    } data-testid="people-search"/>
                </div>
                <p class="muted" role="status">{move || match rows.read().len() {
                    0 => format!("No one matches “{}”. The search looks in names, job titles, emails and organisations.", query.get().trim()),
                    n => format!("{} of {} people", group_digits(n), group_digits(total.get())),
                }}</p>
            })}
            {move || {
                if !any.get() {
                    view! { <EmptyState message="No people yet. Add the people who will take part in or support your communities."/> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Scrollable table" node_ref=table_region>
                            <table class="data-table" data-testid="people-table" aria-busy=move || revealing.get().then_some("true")>
                                <caption class="visually-hidden">"People in this workspace"</caption>
                                <thead><tr><th scope="col">"Name"</th><th scope="col">"Organisation"</th><th scope="col">"Title"</th><th scope="col" class="num">"Communities"</th></tr></thead>
                                <tbody>
                                    <For each=move || visible.get() key=|r| (r.id.clone(), r.version) let:r>
                                        {
                                            let href = crate::ui::href(&format!("/people/{}", r.id));
                                            let PersonCells { name, organisation, title, communities } = r.cells.clone();
                                            view! {
                                                // A plain link: the router handles its click all the
                                                // same, and a row is much cheaper to build than with <A>.
                                                <tr>
                                                    <td><a href=href>{name}</a></td>
                                                    <td>{organisation}</td>
                                                    <td>{title}</td>
                                                    <td class="num">{communities}</td>
                                                </tr>
                                            }
                                        }
                                    </For>
                                </tbody>
                            </table>
                        </div>
                        // Built when there start or stop being more rows than shown, not on
                        // every step of "Show all": its buttons keep their focus.
                        {move || has_more.get().then(|| view! {
                            <div class="list-more" data-testid="people-more">
                                <p class="muted">{move || format!("Showing the first {} of {}.", group_digits(shown.get()), group_digits(rows.with(Vec::len)))}</p>
                                <button type="button" class="btn" on:click=move |_| {
                                    stop_reveal();
                                    shown.update(|v| *v += PEOPLE_PAGE);
                                }>
                                    {move || format!("Show {} more", group_digits(PEOPLE_PAGE.min(rows.with(Vec::len).saturating_sub(shown.get()))))}
                                </button>
                                <button type="button" class="btn" on:click=move |_| {
                                    stop_reveal();
                                    revealing.set(true);
                                    // The rows come at the next frames, and this button goes with
                                    // the last of them: the keyboard goes on from the table.
                                    if let Some(region) = table_region.get_untracked() {
                                        let _ = region.focus();
                                    }
                                    let run = reveal.get_value();
                                    request_animation_frame(move || reveal_step(shown, rows, reveal, revealing, run));
                                }>
                                    {move || format!("Show all {}", group_digits(rows.with(Vec::len)))}
                                </button>
                            </div>
                        })}
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

/// What a row of the people list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PersonCells {
    name: String,
    organisation: String,
    title: String,
    /// Communities the person belongs to.
    communities: usize,
}

/// One step of "Show all", run at the start of a frame: shows more rows of `rows` (see
/// [`REVEAL_STEP`]) and, unless that was the last of them, asks for the next step at the next
/// frame. The reveal ends when every row is shown (then `shown` is unlimited, as a list shown
/// whole stays whole when people are added), when `reveal` no longer holds `run` (a search, or
/// another button), or when the page is gone; `revealing` says whether it is under way.
fn reveal_step(
    shown: RwSignal<usize>,
    rows: Memo<Vec<Arc<PersonRow>>>,
    reveal: StoredValue<u64>,
    revealing: RwSignal<bool>,
    run: u64,
) {
    if reveal.try_get_value() != Some(run) {
        return;
    }
    let (Some(n), Some(matching)) = (shown.try_get_untracked(), rows.try_with_untracked(Vec::len)) else {
        return;
    };
    let next = n.saturating_add(REVEAL_STEP).max(n.saturating_mul(5) / 4);
    if next >= matching {
        shown.set(usize::MAX);
        revealing.set(false);
    } else {
        shown.set(next);
        request_animation_frame(move || reveal_step(shown, rows, reveal, revealing, run));
    }
}

/// One person in the people list.
///
/// The list's `<For>` is keyed by `(id, version)`. A keyed `<For>` keeps the rendered row of
/// a key it has already seen, so keying by id alone would leave a row showing an old name,
/// organisation or count. The version is derived from what the row shows (see
/// [`person_rows`]), not from a change stamp: the organisation's name and the membership
/// count change without touching the person's record, and a replaced workspace may bring
/// other content under the same ids and stamps. Rows stay plain (no signal per cell), and
/// the key hashes one id and a number instead of every cell.
#[derive(Debug, PartialEq, Eq)]
struct PersonRow {
    id: Id,
    /// The pass of [`person_rows`] that built the row: new whenever `cells` change, the same
    /// while they stay the same.
    version: u64,
    cells: PersonCells,
    /// Name, title, email and organisation, folded once for the search (lowercased, accents
    /// off: see [`fold`]).
    search: [String; 4],
}

/// The rows whose name, title, email or organisation contains `query`, ignoring case,
/// accents and spaces around it (all rows for an empty query).
fn matching(rows: &[Arc<PersonRow>], query: &str) -> Vec<Arc<PersonRow>> {
    let q = fold(query.trim());
    rows.iter()
        .filter(|r| q.is_empty() || r.search.iter().any(|field| field.contains(&q)))
        .cloned()
        .collect()
}

/// Every person's row, by name (ignoring case and accents, as the search does; then as
/// written, then by id, so that the order is the same every time). A person whose cells and search text are those of
/// the previous rows keeps that row (and its version); anyone else gets a new row whose
/// version is `pass`, a number the caller never passes twice. Memberships are counted in one
/// pass over the communities.
fn person_rows(w: &Workspace, prev: Option<&Vec<Arc<PersonRow>>>, pass: u64) -> Vec<Arc<PersonRow>> {
    let before: HashMap<&Id, &Arc<PersonRow>> = prev
        .map(|rows| rows.iter().map(|r| (&r.id, r)).collect())
        .unwrap_or_default();
    let counts = w.membership_counts();
    let mut rows: Vec<Arc<PersonRow>> = w
        .people
        .iter()
        .map(|p| {
            let cells = PersonCells {
                name: p.name.clone(),
                organisation: p
                    .organisation_id
                    .as_ref()
                    .map(|o| w.organisation_name(o))
                    .unwrap_or_default(),
                title: p.title.clone(),
                communities: counts.get(&p.id).copied().unwrap_or(0),
            };
            let search = [fold(&p.name), fold(&p.title), fold(&p.email), fold(&cells.organisation)];
            match before.get(&p.id) {
                Some(old) if old.cells == cells && old.search == search => Arc::clone(old),
                _ => Arc::new(PersonRow {
                    id: p.id.clone(),
                    version: pass,
                    cells,
                    search,
                }),
            }
        })
        .collect();
    rows.sort_by(|a, b| (&a.search[0], &a.cells.name, &a.id).cmp(&(&b.search[0], &b.cells.name, &b.id)));
    rows
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::sample_workspace;
    use crate::model::{Person, Timestamp};

    fn at(ws: &Workspace) -> Timestamp {
        ws.updated_at + chrono::Duration::minutes(1)
    }

    fn row<'a>(rows: &'a [Arc<PersonRow>], id: &Id) -> &'a Arc<PersonRow> {
        rows.iter().find(|r| &r.id == id).expect("a row for the person")
    }

    #[test]
    fn the_search_ignores_case_accents_and_surrounding_spaces_and_looks_in_organisations() {
        let ws = sample_workspace();
        let rows = person_rows(&ws, None, 0);
        let names = |q: &str| {
            matching(&rows, q)
                .iter()
                .map(|r| r.cells.name.clone())
                .collect::<Vec<_>>()
        };
        assert!(
            names("ines").contains(&"Inês Carvalho".to_string()),
            "{:?}",
            names("ines")
        );
        assert_eq!(names(" amara "), ["Amara Okafor"]);
        assert_eq!(names("AMARA"), ["Amara Okafor"]);
        let harbour = names("harbour");
        let at_harbour = ws
            .people
            .iter()
            .filter(|p| p.organisation_id.as_ref().is_some_and(|o| o.as_str() == "org-harbour"))
            .count();
        assert!(at_harbour > 1);
        assert_eq!(harbour.len(), at_harbour, "everyone at Harbour Bank: {harbour:?}");
        assert_eq!(names("").len(), ws.people.len());
        assert!(names("zzz-nobody").is_empty());
    }

    #[test]
    fn rows_show_each_persons_cells_with_memberships_counted_once() {
        let ws = sample_workspace();
        let rows = person_rows(&ws, None, 0);
        assert_eq!(rows.len(), ws.people.len());
        for p in &ws.people {
            let r = row(&rows, &p.id);
            assert_eq!(r.cells.name, p.name);
            assert_eq!(r.cells.title, p.title);
            let org = p
                .organisation_id
                .as_ref()
                .map(|o| ws.organisation_name(o))
                .unwrap_or_default();
            assert_eq!(r.cells.organisation, org);
            assert_eq!(r.cells.communities, ws.memberships_of(&p.id).count());
            assert_eq!(r.search[2], fold(&p.email));
            assert_eq!(r.search[3], fold(&org));
        }
        assert!(rows.iter().any(|r| r.cells.communities > 1));
    }

    #[test]
    fn rows_are_sorted_by_name_ignoring_case_and_accents() {
        let mut ws = sample_workspace();
        for (id, name) in [
            ("p-zz-lower", "aaron lowercase"),
            ("p-zz-accent", "Émile Accent"),
            ("p-zz-twin", "Amara Okafor"),
        ] {
            let mut p = ws.people[0].clone();
            p.id = Id::new(id);
            p.name = name.into();
            ws.people.push(p);
        }
        let rows = person_rows(&ws, None, 0);
        let names: Vec<&str> = rows.iter().map(|r| r.cells.name.as_str()).collect();
        // The sample lists Inês Carvalho after Zofia Kowalski; the list does not.
        let at = |n: &str| {
            names
                .iter()
                .position(|x| *x == n)
                .unwrap_or_else(|| panic!("{n} in {names:?}"))
        };
        assert_eq!(names[0], "aaron lowercase", "{names:?}");
        assert!(
            at("Hugo Laurent") < at("Inês Carvalho") && at("Inês Carvalho") < at("Ivan Petrov"),
            "{names:?}"
        );
        // "É" sorts as "E", not after "Z" as its bytes would.
        assert!(
            at("Emil Novak") < at("Émile Accent") && at("Émile Accent") < at("Farah Iqbal"),
            "{names:?}"
        );
        let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
        assert!(folded.windows(2).all(|w| w[0] <= w[1]), "{folded:?}");
        // Two people of the same name come in the order of their ids, every time.
        let twins: Vec<&str> = rows
            .iter()
            .filter(|r| r.cells.name == "Amara Okafor")
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(twins, ["p-amara", "p-zz-twin"]);
    }

    /// The `<For>` key `(id, version)` must change exactly for the rows whose cells change,
    /// including changes made outside the person's record.
    #[test]
    fn a_row_gets_a_new_version_exactly_when_what_it_shows_changes() {
        let mut ws = sample_workspace();
        let first = person_rows(&ws, None, 0);
        let again = person_rows(&ws, Some(&first), 1);
        assert!(
            first.iter().zip(&again).all(|(a, b)| Arc::ptr_eq(a, b)),
            "nothing changed"
        );

        // Renaming an organisation changes the rows of its people only.
        let p: Person = ws
            .people
            .iter()
            .find(|p| p.organisation_id.is_some())
            .cloned()
            .expect("someone with an organisation");
        let org = p.organisation_id.clone().expect("organisation");
        let draft = OrganisationDraft {
            name: "Renamed organisation".into(),
            description: String::new(),
        };
        let now = at(&ws);
        ws.update_organisation(&org, &draft, now).expect("rename");
        let renamed = person_rows(&ws, Some(&again), 2);
        for (before, after) in again.iter().zip(&renamed) {
            let works_there = ws.person(&after.id).and_then(|q| q.organisation_id.as_ref()) == Some(&org);
            assert_eq!(after.version == 2, works_there, "{}", after.id);
            assert_eq!(Arc::ptr_eq(before, after), !works_there, "{}", after.id);
        }
        assert_eq!(row(&renamed, &p.id).cells.organisation, "Renamed organisation");

        // Leaving a community changes the count, and the row's version.
        let (cid, mid) = ws
            .memberships_of(&p.id)
            .map(|(c, m)| (c.id.clone(), m.id.clone()))
            .next()
            .expect("a membership");
        let n = row(&renamed, &p.id).cells.communities;
        let now = at(&ws);
        ws.remove_membership(&cid, &mid, now).expect("leave");
        let left = person_rows(&ws, Some(&renamed), 3);
        assert_eq!(row(&left, &p.id).cells.communities, n - 1);
        assert_eq!(row(&left, &p.id).version, 3);
        assert_eq!(left.iter().filter(|r| r.version == 3).count(), 1);

        // Changing only the email changes what the search finds, so the row is new too.
        let draft = PersonDraft {
            name: p.name.clone(),
            email: "someone.else@example.org".into(),
            organisation_id: p.organisation_id.clone(),
            title: p.title.clone(),
            notes: p.notes.clone(),
        };
        let now = at(&ws);
        ws.update_person(&p.id, &draft, now).expect("new email");
        let emailed = person_rows(&ws, Some(&left), 4);
        assert_eq!(row(&emailed, &p.id).version, 4);
        assert_eq!(row(&emailed, &p.id).search[2], "someone.else@example.org");

        // A deleted person's row goes; the others stay as they were.
        let now = at(&ws);
        ws.delete_person(&p.id, now).expect("delete");
        let deleted = person_rows(&ws, Some(&emailed), 5);
        assert_eq!(deleted.len(), emailed.len() - 1);
        assert!(deleted.iter().all(|r| r.id != p.id && r.version < 5));
    }
}
