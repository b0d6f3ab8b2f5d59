//! `/facilitate/formats`: the format library — each format's purpose, steps, duration,
//! group size, needs online and in person, and the activity types it serves. Formats can be
//! edited, and a workspace adds its own.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::meetings::FormatDraft;
use crate::model::{field_error, CatalogueKind, FieldErrors, Id, ModelError};
use crate::state::{now, AppState};
use crate::ui::components::{ask, SelectField, TextField};
use crate::ui::pages::use_title;

use super::StatusLine;

#[component]
pub fn FormatLibraryPage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Format library".into());
    let filter = RwSignal::new(String::new());
    // None: no form; Some(None): adding; Some(Some(id)): editing.
    let form = RwSignal::new(None::<Option<Id>>);
    let message = RwSignal::new(None::<(bool, String)>);
    let types = Signal::derive(move || {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::ActivityTypes)
                .iter()
                .map(|e| (e.id.0.clone(), e.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let cards = Memo::new(move |_| {
        let f = filter.get();
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::MeetingFormats)
                .iter()
                .filter(|e| f.is_empty() || e.points_to.iter().any(|t| t.0 == f))
                .map(|e| {
                    let spec = e.format.clone().unwrap_or_default();
                    let serves: Vec<String> = e
                        .points_to
                        .iter()
                        .map(|t| w.catalogues.label(CatalogueKind::ActivityTypes, t))
                        .collect();
                    (
                        e.id.clone(),
                        e.label.clone(),
                        e.description.clone(),
                        e.source.clone(),
                        spec,
                        serves,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="page-header">
            <p class="muted"><A href=crate::ui::href("/facilitate")>"Facilitate"</A></p>
            <h1>"Format library"</h1>
            <p class="lede">"Learning-activity formats for meeting blocks: what each is for, how it runs, how long it takes, for how many people, what it needs online and in the room, and which activity types it serves. Edit them to fit your communities, or add your own."</p>
        </div>
        <div class="cluster no-print format-tools">
            <SelectField id="format-filter" label="Show formats that serve" value=filter options=types empty="Any activity type"/>
            <button class="btn btn--primary" type="button" data-testid="add-format"
                on:click=move |_| { form.set(Some(None)); super::focus_later("fmt-label"); }>"Add a format"</button>
            <A href=crate::ui::href("/data") attr:class="btn">"Edit activity types (Data page)"</A>
        </div>
        <StatusLine message/>
        {move || form.get().map(|editing| {
            let on_done = move |m: Option<String>| { form.set(None); if let Some(m) = m { message.set(Some((true, m))); } };
            let heading = if editing.is_some() { "Edit the format" } else { "Add a format" };
            view! {
                <section class="card section" aria-label=heading>
                    <h2 class="card__title">{heading}</h2>
                    <FormatForm editing done=on_done/>
                </section>
            }
        })}
        {move || {
            let list = cards.get();
            if list.is_empty() {
                return view! { <p class="muted">"No format serves this activity type yet."</p> }.into_any();
            }
            view! {
                <ul class="format-grid" data-testid="format-library">
                    {list.into_iter().map(|(id, label, purpose, source, spec, serves)| {
                        let (eid, did) = (id.clone(), id.clone());
                        let dlabel = label.clone();
                        let delete = move |_| {
                            let id = did.clone();
                            let name = dlabel.clone();
                            ask(format!("Delete the format {name}?"), vec!["Meetings that use it must change first; the app says which.".into()], "Delete format", move || {
                                message.set(Some(match state.edit(|ws| ws.delete_catalogue_entry(CatalogueKind::MeetingFormats, &id, now())) {
                                    Ok(()) => (true, format!("Deleted {name}.")),
                                    Err(e) => (false, e.to_string()),
                                }));
                            });
                        };
                        let hid = format!("fmt-{id}-h");
                        let hid_ref = hid.clone();
                        view! {
                            <li class="card format-card" aria-labelledby=hid_ref>
                                <h2 class="card__title format-card__title" id=hid>{label.clone()}</h2>
                                <p>{purpose}</p>
                                <p class="format-card__facts">
                                    <span class="tag">{format!("{} min", spec.minutes)}</span>
                                    <span class="tag">{format!("{}–{} people", spec.group_min, spec.group_max)}</span>
                                </p>
                                {(!spec.steps.is_empty()).then(|| view! {
                                    <details class="format-card__steps"><summary>"Steps"</summary>
                                        <ol>{spec.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                                    </details>
                                })}
                                <dl class="format-card__needs">
                                    <dt>"Online"</dt><dd>{if spec.online_needs.is_empty() { "—".to_string() } else { spec.online_needs }}</dd>
                                    <dt>"In person"</dt><dd>{if spec.in_person_needs.is_empty() { "—".to_string() } else { spec.in_person_needs }}</dd>
                                </dl>
                                <p class="format-card__serves">
                                    <span class="visually-hidden">"Serves: "</span>
                                    {serves.into_iter().map(|s| view! { <span class="tag tag--role">{s}</span> }).collect_view()}
                                </p>
                                <p class="muted format-card__source">{source}</p>
                                <div class="cluster no-print">
                                    <button class="btn btn--small" type="button" aria-label=format!("Edit {label}")
                                        on:click=move |_| { form.set(Some(Some(eid.clone()))); super::focus_later("fmt-label"); }>"Edit"</button>
                                    <button class="btn btn--small btn--ghost" type="button" aria-label=format!("Delete {label}") on:click=delete>"Delete"</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn FormatForm(editing: Option<Id>, #[prop(into)] done: Callback<Option<String>>) -> impl IntoView {
    let state = AppState::expect();
    let initial = state.ws.with_untracked(|w| {
        editing
            .as_ref()
            .and_then(|id| FormatDraft::of(w, id))
            .unwrap_or_default()
    });
    let label = RwSignal::new(initial.label.clone());
    let purpose = RwSignal::new(initial.purpose.clone());
    let steps = RwSignal::new(initial.steps.clone());
    let minutes = RwSignal::new(initial.minutes.clone());
    let gmin = RwSignal::new(initial.group_min.clone());
    let gmax = RwSignal::new(initial.group_max.clone());
    let online = RwSignal::new(initial.online_needs.clone());
    let in_person = RwSignal::new(initial.in_person_needs.clone());
    let serves = RwSignal::new(initial.serves.clone());
    let errors = RwSignal::new(FieldErrors::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let err = move |f: &'static str| Signal::derive(move || errors.with(|e| field_error(e, f)));
    let types = move || {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::ActivityTypes)
                .iter()
                .map(|e| (e.id.clone(), e.label.clone(), e.description.clone()))
                .collect::<Vec<_>>()
        })
    };
    let is_new = editing.is_none();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = FormatDraft {
            label: label.get_untracked(),
            purpose: purpose.get_untracked(),
            steps: steps.get_untracked(),
            minutes: minutes.get_untracked(),
            group_min: gmin.get_untracked(),
            group_max: gmax.get_untracked(),
            online_needs: online.get_untracked(),
            in_person_needs: in_person.get_untracked(),
            serves: serves.get_untracked(),
        };
        let r = match &editing {
            Some(id) => state.edit(|ws| ws.update_format(id, &draft, now())),
            None => state.edit(|ws| ws.add_format(&draft, now()).map(|_| ())),
        };
        match r {
            Ok(()) => done.run(Some(format!("Saved the format {}.", draft.label.trim()))),
            Err(ModelError::Invalid(e)) => errors.set(e),
            Err(e) => message.set(Some((false, e.to_string()))),
        }
    };
    view! {
        <form class="form" on:submit=submit novalidate data-testid="format-form">
            <TextField id="fmt-label" label="Name" value=label error=err("label") required=true/>
            <TextField id="fmt-purpose" label="Purpose" value=purpose error=err("purpose") multiline=true/>
            <TextField id="fmt-steps" label="Steps, one per line" value=steps error=err("steps") multiline=true/>
            <div class="field-row">
                <TextField id="fmt-minutes" label="Typical minutes" value=minutes error=err("minutes") input_type="number"/>
                <TextField id="fmt-group_min" label="Smallest group" value=gmin error=err("group_min") input_type="number"/>
                <TextField id="fmt-group_max" label="Largest group" value=gmax error=err("group_max") input_type="number"/>
            </div>
            <TextField id="fmt-online" label="What it needs online" value=online error=err("online_needs")/>
            <TextField id="fmt-in-person" label="What it needs in person" value=in_person error=err("in_person_needs")/>
            <fieldset class="checkbox-list checkbox-list--columns">
                <legend>"Activity types it serves"</legend>
                {move || types().into_iter().map(|(id, l, d)| {
                    let checked = { let id = id.clone(); move || serves.with(|s| s.contains(&id)) };
                    let toggle = move |_| serves.update(|s| if let Some(i) = s.iter().position(|x| x == &id) { s.remove(i); } else { s.push(id.clone()); });
                    view! { <label class="check" title=d><input type="checkbox" prop:checked=checked on:change=toggle/>{l}</label> }
                }).collect_view()}
            </fieldset>
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">{if is_new { "Add format" } else { "Save format" }}</button>
                <button class="btn" type="button" on:click=move |_| done.run(None)>"Cancel"</button>
            </div>
            <StatusLine message/>
        </form>
    }
}
