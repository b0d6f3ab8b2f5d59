//! Every readiness check, newest first, with edit and delete.

use leptos::prelude::*;

use crate::model::organisation::{score_percent, ReadinessCheck};
use crate::model::CatalogueKind;
use crate::state::{now, AppState};
use crate::ui::components::ask;

use super::form::ReadinessFormState;
use super::scale::score_meter;

#[component]
pub fn ReadinessHistory(checks: Memo<Vec<ReadinessCheck>>, form: ReadinessFormState) -> impl IntoView {
    let state = AppState::expect();
    let rows = move || {
        let total = state.ws.with(|w| w.catalogues.get(CatalogueKind::ReadinessAreas).len());
        checks
            .get()
            .into_iter()
            .rev()
            .map(|c| {
                let org = c
                    .organisation_id
                    .as_ref()
                    .map(|o| state.ws.with(|w| w.organisation_name(o)))
                    .unwrap_or_default();
                let on = c.on;
                let edit = {
                    let c = c.clone();
                    move |_| form.edit(&c)
                };
                let id = c.id.clone();
                let remove = move |_| {
                    let id = id.clone();
                    ask(
                        format!("Delete the readiness check of {on}?"),
                        vec!["Its scores and note are deleted. Other checks stay.".into()],
                        "Delete check",
                        move || {
                            if form.editing.get_untracked().as_ref() == Some(&id) {
                                form.reset();
                            }
                            if let Err(e) = state.edit(|ws| ws.delete_readiness_check(&id, now())) {
                                state.notice.set(Some(e.to_string()));
                            }
                        },
                    );
                };
                view! {
                    <tr>
                        <th scope="row" class="nowrap-date">{on.to_string()}</th>
                        <td>{org}</td>
                        <td>{c.by.clone()}</td>
                        <td>{score_meter(score_percent(&c.scores))}</td>
                        <td class="num">{c.scores.len()}" of "{total}</td>
                        <td>
                            <span class="cluster">
                                <button type="button" class="btn btn--small" on:click=edit aria-label=format!("Edit the check of {on}")>"Edit"</button>
                                <button type="button" class="btn btn--small" on:click=remove aria-label=format!("Delete the check of {on}")>"Delete…"</button>
                            </span>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="section no-print" aria-labelledby="readiness-history-h">
            <h2 id="readiness-history-h">"All readiness checks"</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Readiness checks table">
                <table class="data-table" data-testid="readiness-history">
                    <caption class="visually-hidden">"Readiness checks, newest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Organisation"</th>
                            <th scope="col">"Scored by"</th>
                            <th scope="col">"Readiness"</th>
                            <th scope="col" class="num">"Areas scored"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
