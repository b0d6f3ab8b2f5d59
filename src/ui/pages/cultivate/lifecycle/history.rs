//! The dated stage history, newest first, with a way to undo a change recorded by mistake.

use leptos::prelude::*;

use crate::model::lifecycle::{change_kind, ChangeKind};
use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};
use crate::ui::components::ask;

/// A row: date, what changed, the suggestion at the time, the note.
type Row = (String, String, Option<String>, String);

#[component]
pub fn StageHistory(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let Some(c) = w.community(&id) else { return Vec::new() };
                let label = |s: &Id| w.catalogues.label(CatalogueKind::LifecycleStages, s);
                c.cultivation
                    .stage_history
                    .iter()
                    .rev()
                    .map(|h| {
                        let what = match (change_kind(h), &h.from_stage_id) {
                            (ChangeKind::Moved, Some(from)) => format!("{} → {}", label(from), label(&h.to_stage_id)),
                            (ChangeKind::Confirmed, _) => format!("Confirmed {}", label(&h.to_stage_id)),
                            _ => format!("Set to {}", label(&h.to_stage_id)),
                        };
                        (
                            h.on.to_string(),
                            what,
                            h.suggested_stage_id.as_ref().map(label),
                            h.note.clone(),
                        )
                    })
                    .collect::<Vec<Row>>()
            })
        })
    };
    let current_label = {
        let id = id.clone();
        move || {
            state.ws.with(|w| {
                w.community(&id)
                    .map(|c| {
                        w.catalogues
                            .label(CatalogueKind::LifecycleStages, &c.lifecycle_stage_id)
                    })
                    .unwrap_or_default()
            })
        }
    };
    let message = RwSignal::new(None::<String>);
    let undo = {
        let id = id.clone();
        move |_| {
            let last = state.ws.with_untracked(|w| {
                let c = w.community(&id)?;
                let h = c.cultivation.stage_history.last()?;
                let label = |s: &Id| w.catalogues.label(CatalogueKind::LifecycleStages, s);
                Some((h.on, h.from_stage_id.as_ref().map(label), label(&h.to_stage_id)))
            });
            let Some((on, from, to)) = last else { return };
            let back = match &from {
                Some(f) => format!("The community goes back to {f}."),
                None => format!("The community stays at {to}."),
            };
            let id = id.clone();
            ask(
                format!("Undo the change of {on}?"),
                vec![format!(
                    "The entry for {to} on {on} is removed from the history. {back}"
                )],
                "Undo the change",
                move || match state.edit(|ws| ws.undo_last_stage_change(&id, now())) {
                    Ok(()) => message.set(Some(format!("Undid the change of {on}."))),
                    Err(e) => message.set(Some(e.to_string())),
                },
            );
        }
    };
    view! {
        <section class="lifecycle-part" aria-labelledby="history-h">
            <h3 id="history-h">"Stage history"</h3>
            {move || {
                let list = rows.get();
                if list.is_empty() {
                    view! {
                        <p class="muted" data-testid="stage-history-empty">{format!(
                            "No stage recorded yet. The community has been at {} since it was added; record a stage above to start its history.",
                            current_label()
                        )}</p>
                    }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Stage history table">
                            <table class="data-table history-table" data-testid="stage-history">
                                <caption>"Recorded stages, newest first"</caption>
                                <thead><tr>
                                    <th scope="col">"Date"</th>
                                    <th scope="col">"Stage"</th>
                                    <th scope="col">"Suggested by the self-assessment"</th>
                                    <th scope="col">"Note"</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|(on, what, suggested, note)| view! {
                                        <tr>
                                            <td class="nowrap">{on}</td>
                                            <th scope="row">{what}</th>
                                            <td>{suggested.unwrap_or_else(|| "none".into())}</td>
                                            <td class="history-table__note">{note}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <p class="no-print"><button type="button" class="btn btn--small" on:click=undo.clone()>"Undo the latest change…"</button></p>
                    }.into_any()
                }
            }}
            {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
        </section>
    }
}
