use leptos::prelude::*;

use crate::model::{CatalogueKind, Id};
use crate::state::{now, today, AppState};

/// The seven cultivation principles as a reflective checklist: a prompt for each, a tick
/// when the community has reflected on it, and a note.
#[component]
pub fn PrinciplesSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    // Rows are keyed by principle and rebuilt only when the catalogue changes, so a note
    // being typed is never lost to another edit.
    let principles = Memo::new(move |_| {
        state.ws.with(|w| {
            w.catalogues
                .get(CatalogueKind::CultivationPrinciples)
                .iter()
                .map(|p| (p.id.clone(), p.label.clone(), p.description.clone()))
                .collect::<Vec<_>>()
        })
    });
    let done = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                let total = w.catalogues.get(CatalogueKind::CultivationPrinciples).len();
                let reflected = w
                    .community(&id)
                    .map(|c| c.principles.iter().filter(|p| p.reflected).count())
                    .unwrap_or(0);
                (reflected, total)
            })
        }
    };
    view! {
        <section class="section" aria-labelledby="principles-h">
            <h2 id="principles-h">"Cultivation principles"</h2>
            <p class="muted">
                "Seven principles for cultivating a community (Wenger, McDermott & Snyder, 2002), as questions for the core group. Tick a principle once you have discussed it, and note what you concluded. "
                {move || { let (r, t) = done(); format!("{r} of {t} reflected on.") }}
            </p>
            <ul class="member-list" data-testid="principles">
                <For each=move || principles.get() key=|p| p.0.clone() let:p>
                    <PrincipleRow community=id.clone() principle=p.0 label=p.1 prompt=p.2/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn PrincipleRow(community: Id, principle: Id, label: String, prompt: String) -> impl IntoView {
    let state = AppState::expect();
    let current = state.ws.with_untracked(|w| {
        w.community(&community)
            .and_then(|c| c.principles.iter().find(|p| p.principle_id == principle).cloned())
    });
    let reflected = RwSignal::new(current.as_ref().map(|r| r.reflected).unwrap_or(false));
    let note = RwSignal::new(current.as_ref().map(|r| r.note.clone()).unwrap_or_default());
    let last = RwSignal::new(current.map(|r| r.on));
    let message = RwSignal::new(None::<String>);
    let check_id = format!("principle-{principle}");
    let note_id = format!("principle-{principle}-note");
    let (check_for, note_for) = (check_id.clone(), note_id.clone());
    let note_label = format!("Our reflection on “{label}”");
    let save_label = format!("Save note on {label}");
    let save = {
        let (community, principle) = (community.clone(), principle.clone());
        move || {
            let on = today();
            match state.edit(|ws| {
                ws.reflect_on_principle(
                    &community,
                    &principle,
                    reflected.get_untracked(),
                    &note.get_untracked(),
                    on,
                    now(),
                )
            }) {
                Ok(()) => {
                    last.set(Some(on));
                    message.set(None);
                }
                Err(e) => message.set(Some(e.to_string())),
            }
        }
    };
    let save_on_tick = save.clone();
    view! {
        <li>
            <div class="stack">
                <label class="check" for=check_for>
                    <input
                        id=check_id
                        type="checkbox"
                        prop:checked=move || reflected.get()
                        on:change=move |ev| {
                            reflected.set(event_target_checked(&ev));
                            save_on_tick();
                        }
                    />
                    " "<strong>{label}</strong>
                </label>
                <span class="muted">{prompt}</span>
                <div class="field">
                    <label for=note_for>{note_label}</label>
                    <textarea id=note_id rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                <span class="cluster">
                    <button class="btn btn--small" on:click=move |_| save()>{save_label}</button>
                    {move || last.get().map(|d| view! { <span class="muted">{format!("Last updated {d}")}</span> })}
                </span>
                {move || message.get().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
            </div>
        </li>
    }
}
