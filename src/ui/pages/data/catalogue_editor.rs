use leptos::prelude::*;

use crate::model::{CatalogueKind, Id, ModelError};
use crate::state::{now, AppState};
use crate::ui::components::{ask, CatalogueSelect, TextField};


/// Edit the frameworks: rename, describe, add and delete catalogue entries. An entry in use
/// cannot be deleted; the message says what uses it.
#[component]
pub fn CatalogueEditor() -> impl IntoView {
    let state = AppState::expect();
    let kind_key = RwSignal::new(CatalogueKind::Roles.key().to_string());
    let kind = Memo::new(move |_| CatalogueKind::from_key(&kind_key.get()).unwrap_or(CatalogueKind::Roles));
    // What the list shows of an entry beyond its own text: the entry it belongs to, and
    // the entries it points to, by label.
    let entries = move || {
        state.ws.with(|w| {
            let k = kind.get();
            let label_of = |kind: Option<CatalogueKind>, id: &Id| kind.map(|p| w.catalogues.label(p, id));
            w.catalogues
                .get(k)
                .iter()
                .map(|e| {
                    let parent = e.parent_id.as_ref().and_then(|p| label_of(k.parent(), p));
                    let targets: Vec<String> =
                        e.points_to.iter().filter_map(|t| label_of(k.points_to(), t)).collect();
                    (e.id.clone(), e.label.clone(), e.description.clone(), e.source.clone(), parent, targets)
                })
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
            <div class="field">
                <label for="catalogue-kind">"Catalogue"</label>
                <select id="catalogue-kind" name="catalogue-kind" prop:value=move || kind_key.get() on:change=move |ev| {
                    kind_key.set(event_target_value(&ev));
                    editing.set(None);
                    message.set(None);
                }>
                    {CatalogueKind::AREAS.iter().map(|area| view! {
                        <optgroup label=*area>
                            {CatalogueKind::ALL.iter().filter(|k| k.area() == *area).map(|k| {
                                let selected = move || kind_key.get() == k.key();
                                view! { <option value=k.key() selected=selected>{k.title()}</option> }
                            }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
            </div>
            <p class="muted">{move || kind.get().help()}</p>
            {move || message.get().map(|m| view! { <p role="status" data-testid="catalogue-message">{m}</p> })}
            <ul class="member-list" data-testid="catalogue-entries">
                {move || {
                    let k = kind.get();
                    entries().into_iter().map(|(id, l, d, s, parent, targets)| {
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
                                    let (parent, targets) = (parent.clone(), targets.clone());
                                    let delete = delete.clone();
                                    view! {
                                        <div class="stack">
                                            <strong>{l.clone()}</strong>
                                            <span>{d}</span>
                                            {k.parent().map(|pk| view! {
                                                <span>{format!("{}: {}", capitalise(pk.noun()), parent.unwrap_or_else(|| "none".into()))}</span>
                                            })}
                                            {k.points_to().map(|tk| view! {
                                                <span>{format!("Fits: {}", if targets.is_empty() { format!("no {}", tk.noun()) } else { targets.join(", ") })}</span>
                                            })}
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
    let parent = RwSignal::new(entry.parent_id.map(|p| p.0).unwrap_or_default());
    let targets = RwSignal::new(entry.points_to);
    let error = RwSignal::new(None::<String>);
    let cancel = done.clone();
    let prefix = format!("entry-{}", id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // One edit, so a refused part leaves nothing half-saved.
        match state.edit(|ws| {
            ws.update_catalogue_entry(
                kind,
                &id,
                &label.get_untracked(),
                &description.get_untracked(),
                &source.get_untracked(),
                now(),
            )?;
            if kind.parent().is_some() {
                ws.set_catalogue_parent(kind, &id, &Id(parent.get_untracked()), now())?;
            }
            if kind.points_to().is_some() {
                ws.set_catalogue_points_to(kind, &id, &targets.get_untracked(), now())?;
            }
            Ok(())
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
            {kind.parent().map(|pk| view! {
                <CatalogueSelect id=format!("{prefix}-parent") label=format!("Belongs to this {}", pk.noun()) kind=pk value=parent/>
            })}
            {kind.points_to().map(|tk| {
                let options = state.ws.with_untracked(|w| {
                    w.catalogues.get(tk).iter().map(|e| (e.id.clone(), e.label.clone())).collect::<Vec<_>>()
                });
                let legend = format!("Fits these {}s", tk.noun());
                view! {
                    <fieldset class="checkbox-list">
                        <legend>{legend}</legend>
                        {options.into_iter().map(|(tid, tl)| {
                            let box_id = format!("{prefix}-fits-{tid}");
                            let checked = { let tid = tid.clone(); move || targets.with(|t| t.contains(&tid)) };
                            let toggle = move |ev| {
                                let on = event_target_checked(&ev);
                                targets.update(|t| {
                                    t.retain(|x| x != &tid);
                                    if on {
                                        t.push(tid.clone());
                                    }
                                });
                            };
                            view! {
                                <label class="check" for=box_id.clone()>
                                    <input type="checkbox" id=box_id.clone() prop:checked=checked on:change=toggle/>
                                    {tl}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            })}
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
            <div class="form-actions">
                <button class="btn btn--primary" type="submit">"Save"</button>
                <button class="btn" type="button" on:click=move |_| cancel()>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
