use leptos::prelude::*;

use crate::model::{field_error, CatalogueKind, FieldError, Id, ModelError, RepertoireDraft};
use crate::state::{new_id, now, today, AppState};
use crate::ui::components::{ask, CatalogueSelect, EmptyState, SafeLink, TextField};

/// The practice: the repertoire of tools, cases and documents members build and use.
#[component]
pub fn PracticeSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let items = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        c.practice
                            .iter()
                            .map(|r| {
                                (
                                    r.id.clone(),
                                    r.title.clone(),
                                    w.catalogues.label(CatalogueKind::RepertoireKinds, &r.kind_id),
                                    r.description.clone(),
                                    r.link.clone(),
                                    r.added_on.to_string(),
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
    };
    let first_kind = state.ws.with_untracked(|w| {
        w.catalogues
            .repertoire_kinds
            .first()
            .map(|k| k.id.0.clone())
            .unwrap_or_default()
    });
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new(first_kind);
    let description = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let draft = move || RepertoireDraft {
        title: title.get(),
        kind_id: Id(kind.get()),
        description: description.get(),
        link: link.get(),
    };
    let problems = Memo::new(move |_| {
        if attempted.get() {
            state.ws.with(|ws| draft().problems(ws))
        } else {
            Vec::<FieldError>::new()
        }
    });
    let err = move |f: &'static str| Signal::derive(move || field_error(&problems.read(), f));
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            attempted.set(true);
            let d = draft();
            match state.edit(|ws| ws.add_repertoire_item(&id, new_id(), &d, today(), now())) {
                Ok(()) => {
                    attempted.set(false);
                    title.set(String::new());
                    description.set(String::new());
                    link.set(String::new());
                }
                Err(ModelError::Invalid(_)) => {}
                Err(e) => state.notice.set(Some(e.to_string())),
            }
        }
    };
    view! {
        <section class="section" aria-labelledby="practice-h">
            <h2 id="practice-h">"Practice"</h2>
            <p class="muted">"The repertoire members build and use: tools, cases, documents, stories, ways of handling recurring problems."</p>
            {move || {
                let list = items();
                if list.is_empty() {
                    view! { <EmptyState message="Nothing in the repertoire yet. Add the first tool, case or document the community shares."/> }.into_any()
                } else {
                    let id = id.clone();
                    view! {
                        <ul class="member-list" data-testid="practice-list">
                            {list.into_iter().map(|(rid, t, k, d, l, added)| {
                                let id = id.clone();
                                let name = t.clone();
                                let remove = move |_| {
                                    let (id, rid) = (id.clone(), rid.clone());
                                    ask(format!("Remove '{name}'?"), vec!["It is deleted from this community's repertoire.".into()], "Remove item", move || {
                                        let _ = state.edit(|ws| ws.remove_repertoire_item(&id, &rid, now()));
                                    });
                                };
                                view! {
                                    <li>
                                        <div class="stack">
                                            <strong>{t.clone()}</strong>
                                            <span class="cluster"><span class="tag">{k}</span><span class="muted">{format!("added {added}")}</span></span>
                                            {(!d.is_empty()).then(|| view! { <span>{d}</span> })}
                                            {(!l.is_empty()).then(|| view! { <SafeLink href=l/> })}
                                        </div>
                                        <span class="cluster"><button class="btn btn--small" aria-label=format!("Remove {t}") on:click=remove>"Remove"</button></span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <form class="form card" on:submit=add novalidate aria-labelledby="add-item-h">
                <h3 id="add-item-h" class="card__title">"Add to the repertoire"</h3>
                <div class="field-row">
                    <TextField id="item-title" label="Title" value=title required=true error=err("title")/>
                    <CatalogueSelect id="item-kind" label="Kind" kind=CatalogueKind::RepertoireKinds value=kind error=err("kind_id")/>
                </div>
                <TextField id="item-description" label="Description" value=description multiline=true error=err("description")/>
                <TextField id="item-link" label="Link" value=link input_type="url" hint="An http, https or mailto link (optional)." error=err("link")/>
                <div class="form-actions"><button class="btn btn--primary" type="submit">"Add item"</button></div>
            </form>
        </section>
    }
}
