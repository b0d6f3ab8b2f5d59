//! A community's health checks, newest first, with edit and delete.

use leptos::prelude::*;

use crate::model::organisation::HealthCheck;
use crate::model::Id;
use crate::state::{now, AppState};
use crate::ui::components::ask;

use super::form::HealthFormState;
use crate::ui::pages::organisation::readiness::scale::score_meter;

#[component]
pub fn HealthHistory(id: Id, checks: Memo<Vec<HealthCheck>>, form: HealthFormState) -> impl IntoView {
    let state = AppState::expect();
    let rows = move || {
        checks
            .get()
            .into_iter()
            .rev()
            .map(|c| {
                let on = c.on;
                let edit = {
                    let c = c.clone();
                    move |_| form.edit(&c)
                };
                let (community, check) = (id.clone(), c.id.clone());
                let remove = move |_| {
                    let (community, check) = (community.clone(), check.clone());
                    ask(
                        format!("Delete the health check of {on}?"),
                        vec!["Its scores, risks and note are deleted. Other checks stay.".into()],
                        "Delete check",
                        move || {
                            if form.editing.get_untracked().as_ref() == Some(&check) {
                                form.reset();
                            }
                            if let Err(e) = state.edit(|ws| ws.delete_health_check(&community, &check, now())) {
                                state.notice.set(Some(e.to_string()));
                            }
                        },
                    );
                };
                view! {
                    <tr>
                        <th scope="row" class="nowrap-date">{on.to_string()}</th>
                        <td>{score_meter(c.score())}</td>
                        <td class="num">{c.risks.len()}</td>
                        <td class="checks-history__note">{c.note.clone()}</td>
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
        <section class="section no-print" aria-labelledby="health-history-h">
            <h2 id="health-history-h">"All health checks"</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Health checks table">
                <table class="data-table" data-testid="health-history">
                    <caption class="visually-hidden">"Health checks, newest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Health"</th>
                            <th scope="col" class="num">"Risks flagged"</th>
                            <th scope="col">"Note"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
