//! The results saved against communities, with the way back to each.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::{CatalogueKind, Id};
use crate::state::{now, AppState};
use crate::ui::components::ask;

use super::{Question, Run};
use crate::ui::pages::organisation::readiness::scale::focus_soon;

#[derive(Clone, PartialEq)]
struct SavedRow {
    community_id: Id,
    community: String,
    structure: String,
    formation: String,
    on: chrono::NaiveDate,
    note: String,
}

#[component]
pub fn SavedResults(run: Run, questions: Memo<Vec<Question>>) -> impl IntoView {
    let state = AppState::expect();
    let rows = Memo::new(move |_| {
        state.ws.with(|w| {
            let cats = &w.catalogues;
            w.communities
                .iter()
                .filter_map(|c| {
                    let s = c.stewardship.structure_choice.as_ref()?;
                    Some(SavedRow {
                        community_id: c.id.clone(),
                        community: c.name.clone(),
                        structure: cats.label(CatalogueKind::StructureTypes, &s.recommended_id),
                        formation: cats.label(CatalogueKind::FormationTypes, &c.formation_type_id),
                        on: s.on,
                        note: s.note.clone(),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let review = move |cid: Id| {
        let Some(choice) = state
            .ws
            .with_untracked(|w| w.community(&cid).and_then(|c| c.stewardship.structure_choice.clone()))
        else {
            return;
        };
        run.answers.set(choice.answers.clone());
        run.loaded_from.set(Some((cid, choice.on)));
        run.step.set(questions.with_untracked(Vec::len));
        focus_soon("chooser-result-h");
    };
    let body = move || {
        let list = rows.get();
        if list.is_empty() {
            return view! { <p class="muted">"No result saved yet. Save one from the result above to keep it with its community."</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|r| {
                let cid = r.community_id.clone();
                let name = r.community.clone();
                let open = {
                    let cid = cid.clone();
                    move |_| review(cid.clone())
                };
                let remove = {
                    let (cid, name) = (cid.clone(), name.clone());
                    move |_| {
                        let cid = cid.clone();
                        ask(
                            format!("Remove the chooser result saved for {name}?"),
                            vec!["The answers and the recommendation are deleted. The community itself and its formation type stay as they are.".into()],
                            "Remove result",
                            move || {
                                if let Err(e) = state.edit(|ws| ws.remove_structure_choice(&cid, now())) {
                                    state.notice.set(Some(e.to_string()));
                                }
                            },
                        );
                    }
                };
                view! {
                    <tr>
                        <th scope="row"><A href=crate::ui::href(&format!("/communities/{}", r.community_id))>{r.community.clone()}</A></th>
                        <td>{r.structure}</td>
                        <td class="nowrap-date">{r.on.to_string()}</td>
                        <td>{r.formation}</td>
                        <td class="checks-history__note">{r.note}</td>
                        <td>
                            <span class="cluster">
                                <button type="button" class="btn btn--small" on:click=open aria-label=format!("Show the result saved for {name}")>"Show"</button>
                                <button type="button" class="btn btn--small" on:click=remove aria-label=format!("Remove the result saved for {name}")>"Remove…"</button>
                            </span>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Saved results table">
                <table class="data-table" data-testid="chooser-saved-results">
                    <caption class="visually-hidden">"Chooser results saved against communities"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Community"</th>
                            <th scope="col">"Recommended"</th>
                            <th scope="col">"Saved on"</th>
                            <th scope="col">"Formation type now"</th>
                            <th scope="col">"Note"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>{items}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="section chooser-saved no-print" aria-labelledby="chooser-saved-h">
            <h2 id="chooser-saved-h">"Saved results"</h2>
            {body}
        </section>
    }
}
