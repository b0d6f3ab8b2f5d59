use leptos::prelude::*;

use crate::model::Id;
use crate::state::{new_id, now, AppState};
use crate::ui::components::{ask, EmptyState, TextField};

/// The domain: the statement and the key issues, the start of a learning agenda.
#[component]
pub fn DomainSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let statement = {
        let id = id.clone();
        move || {
            state
                .ws
                .with(|w| w.community(&id).map(|c| c.domain.statement.clone()).unwrap_or_default())
        }
    };
    let issues = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        c.domain
                            .key_issues
                            .iter()
                            .map(|k| (k.id.clone(), k.text.clone()))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
    };
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match state.edit(|ws| ws.add_key_issue(&id, new_id(), &text.get_untracked(), now())) {
                Ok(()) => {
                    text.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    view! {
        <section class="section" aria-labelledby="domain-h">
            <h2 id="domain-h">"Domain"</h2>
            {move || {
                let s = statement();
                if s.trim().is_empty() {
                    view! { <p class="muted">"No domain statement yet. Use “Edit details” to say what the community is about."</p> }.into_any()
                } else {
                    view! { <p class="prose">{s}</p> }.into_any()
                }
            }}
            <h3>"Key issues"</h3>
            {move || {
                let list = issues();
                if list.is_empty() {
                    view! { <EmptyState message="No key issues yet. They are the questions the community wants to work on: the start of its learning agenda."/> }.into_any()
                } else {
                    let id = id.clone();
                    view! {
                        <ul class="member-list">
                            {list.into_iter().map(|(kid, t)| {
                                let id = id.clone();
                                let label = format!("Remove key issue: {t}");
                                let t_confirm = format!("“{t}” is removed from the domain's key issues.");
                                view! {
                                    <li>
                                        <span>{t}</span>
                                        <button class="btn btn--small btn--ghost" aria-label=label on:click=move |_| {
                                            let (id, kid) = (id.clone(), kid.clone());
                                            ask("Remove this key issue?", vec![t_confirm.clone()], "Remove key issue", move || {
                                                let _ = state.edit(|ws| ws.remove_key_issue(&id, &kid, now()));
                                            });
                                        }>"Remove"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <form class="form" on:submit=add>
                <TextField id="key-issue" label="New key issue" value=text error=Signal::derive(move || error.get())/>
                <div class="form-actions"><button class="btn" type="submit">"Add key issue"</button></div>
            </form>
        </section>
    }
}
