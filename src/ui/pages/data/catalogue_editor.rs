use leptos::prelude::*;

use crate::model::{CatalogueKind, Id, ModelError};
use crate::state::{now, AppState};
use crate::ui::components::{ask, SelectField, TextField};

/// Edit the frameworks: rename, describe, add and delete catalogue entries. An entry in use
/// cannot be deleted; the message says what uses it.
#[component]
pub fn CatalogueEditor() -> impl IntoView {
    let state = AppState::expect();
    let kind_key = RwSignal::new(CatalogueKind::Roles.key().to_string());
    let kind = Memo::new(move |_| CatalogueKind::from_key(&kind_key.get()).unwrap_or(CatalogueKind::Roles));
    let options = Signal::derive(|| {
        CatalogueKind::ALL
            .iter()
            .map(|k| (k.key().to_string(), k.title().to_string()))
            .collect::<Vec<_>>()
    });
    let entries = move || {
        state.ws.with(|w| {
            w.catalogues
                .get(kind.get())
                .iter()
                .map(|e| (e.id.clone(), e.label.clone(), e.description.clone(), e.source.clone()))
                .collect::<Vec<_>>()
        })
    };
    let message = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<Id>);
    let label = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = kind.get_untracked();
        match state.edit(|ws| {
            ws.add_catalogue_entry(
                k,
                &label.get_untracked(),
                &description.get_untracked(),
                &source.get_untracked(),
                now(),
            )
        }) {
            Ok(id) => {
                label.set(String::new());
                description.set(String::new());
                source.set(String::new());
                add_error.set(None);
                message.set(Some(format!("Added, with id {id}.")));
            }
            Err(e) => add_error.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="section" aria-labelledby="catalogues-h">
            <h2 id="catalogues-h">"Catalogues"</h2>
            <p>"The guidebook's frameworks are editable lists. Rename, describe, add or remove entries to fit your organisation; they travel inside every exported file. Records refer to entries by id, so renaming never breaks anything."</p>
            <SelectField id="catalogue-kind" label="Catalogue" value=kind_key options/>
            <p class="muted">{move || kind.get().help()}</p>
            {move || message.get().map(|m| view! { <p role="status" data-testid="catalogue-message">{m}</p> })}
            <ul class="member-list" data-testid="catalogue-entries">
                {move || {
                    let k = kind.get();
                    entries().into_iter().map(|(id, l, d, s)| {
                        let is_editing = { let id = id.clone(); move || editing.get().as_ref() == Some(&id) };
                        let (id_edit, id_del) = (id.clone(), id.clone());
                        let name = l.clone();
                        let delete = move |_| {
                            let id = id_del.clone();
                            let name = name.clone();
                            ask(format!("Delete '{name}'?"), vec![format!("It is removed from the {} catalogue.", k.title().to_lowercase())], "Delete entry", move || {
                                match state.edit(|ws| ws.delete_catalogue_entry(k, &id, now())) {
                                    Ok(()) => message.set(Some(format!("Deleted '{name}'."))),
                                    Err(e) => message.set(Some(e.to_string())),
                                }
                            });
                        };
                        view! {
                            <li>
                                {move || if is_editing() {
                                    view! { <EntryForm kind=k id=id_edit.clone() done=move || editing.set(None)/> }.into_any()
                                } else {
                                    let (l, d, s, id2) = (l.clone(), d.clone(), s.clone(), id_edit.clone());
                                    let delete = delete.clone();
                                    view! {
                                        <div class="stack">
                                            <strong>{l.clone()}</strong>
                                            <span>{d}</span>
                                            <span class="muted">{format!("id {} · {}", id2, if s.is_empty() { "no source given".to_string() } else { s })}</span>
                                        </div>
                                        <span class="cluster">
                                            <button class="btn btn--small" aria-label=format!("Edit {l}") on:click=move |_| editing.set(Some(id2.clone()))>"Edit"</button>
                                            <button class="btn btn--small btn--danger" aria-label=format!("Delete {l}") on:click=delete>"Delete…"</button>
                                        </span>
                                    }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <form class="form card" on:submit=add aria-labelledby="add-entry-h">
                <h3 class="card__title" id="add-entry-h">{move || format!("Add to {}", kind.get().title().to_lowercase())}</h3>
                <TextField id="entry-label" label="Label" value=label required=true/>
                <TextField id="entry-description" label="What it means" value=description multiline=true/>
                <TextField id="entry-source" label="Source" value=source hint="Where the idea comes from, e.g. your organisation's own framework."/>
                {move || add_error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
                <div class="form-actions"><button class="btn btn--primary" type="submit">"Add entry"</button></div>
            </form>
        </section>
    }
}

#[component]
fn EntryForm(kind: CatalogueKind, id: Id, done: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = AppState::expect();
    let entry = state.ws.with_untracked(|w| w.catalogues.entry(kind, &id).cloned());
    let Some(entry) = entry else { return ().into_any() };
    let label = RwSignal::new(entry.label);
    let description = RwSignal::new(entry.description);
    let source = RwSignal::new(entry.source);
    let error = RwSignal::new(None::<String>);
    let cancel = done.clone();
    let prefix = format!("entry-{}", id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.edit(|ws| {
            ws.update_catalogue_entry(
                kind,
                &id,
                &label.get_untracked(),
                &description.get_untracked(),
                &source.get_untracked(),
                now(),
            )
        }) {
            Ok(()) => done(),
            Err(ModelError::Invalid(e)) => error.set(e.first().map(|f| f.message.clone())),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="form" on:submit=submit>
            <TextField id=format!("{prefix}-label") label="Label" value=label required=true/>
            <TextField id=format!("{prefix}-description") label="What it means" value=description multiline=true/>
            <TextField id=format!("{prefix}-source") label="Source" value=source/>
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">"Save"</button>
                <button class="btn" type="button" on:click=move |_| cancel()>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}
