//! A community's value-creation stories: newest first, with their status, verification and
//! consent, and the way to write a new one.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::evaluation::{Consent, StoryStatus};
use crate::model::{CatalogueKind, Id};
use crate::state::{today, AppState};
use crate::ui::components::EmptyState;

#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    title: String,
    teller: String,
    told_on: String,
    start: String,
    cycles: usize,
    status: StoryStatus,
    due: Option<(String, bool)>,
    verification: &'static str,
    consent: Consent,
}

#[component]
pub fn StoriesSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let cid = id.clone();
    let rows = Memo::new(move |_| {
        state.ws.with(|w| {
            let Some(c) = w.community(&cid) else { return Vec::new() };
            let mut list: Vec<_> = c.evaluation.stories.iter().collect();
            list.sort_by(|a, b| b.told_on.cmp(&a.told_on).then(a.title.cmp(&b.title)));
            list.into_iter()
                .map(|s| Row {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    teller: s.teller_id.as_ref().map(|p| w.person_name(p)).unwrap_or_else(|| s.teller_name.clone()),
                    told_on: s.told_on.to_string(),
                    start: w.catalogues.label(CatalogueKind::ValueCycles, &s.start_cycle_id),
                    cycles: s.steps.len(),
                    status: s.status,
                    due: (s.status == StoryStatus::Aspirational)
                        .then(|| s.follow_up_on.map(|f| (f.to_string(), f <= today())))
                        .flatten(),
                    verification: s.verification.label(),
                    consent: s.consent,
                })
                .collect::<Vec<_>>()
        })
    });
    let new_href = crate::ui::href(&format!("/evaluate/{id}/stories/new"));
    let base = format!("/evaluate/{id}/stories");
    view! {
        <section class="section" aria-labelledby="stories-h">
            <h2 id="stories-h">"Value-creation stories"</h2>
            <p class="muted">"Stories in which members tell how taking part made a difference, one value cycle at a time. A story can start in any cycle. An aspirational story states an intended ending and a date to follow it up; a realised one tells what happened. Each story says who may read it."</p>
            <div class="page-actions no-print">
                <A href=new_href.clone() attr:class="btn btn--primary">"Write a story"</A>
            </div>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! {
                        <EmptyState message="No stories yet. Ask members after a meeting what difference it made, and write it down with them."/>
                    }.into_any();
                }
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Stories">
                        <table class="data-table" data-testid="stories-table">
                            <thead><tr>
                                <th scope="col">"Story"</th><th scope="col">"Teller"</th><th scope="col">"Told"</th>
                                <th scope="col">"Starts in"</th><th scope="col">"Status"</th><th scope="col">"Verification"</th><th scope="col">"Who may read it"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let href = crate::ui::href(&format!("{base}/{}", r.id));
                                    view! {
                                        <tr>
                                            <th scope="row"><A href=href>{r.title}</A></th>
                                            <td>{r.teller}</td>
                                            <td>{r.told_on}</td>
                                            <td>{format!("{} ({} step{})", r.start, r.cycles, if r.cycles == 1 { "" } else { "s" })}</td>
                                            <td>{r.status.label()}{r.due.map(|(d, due)| view! {
                                                <br/><span class=if due { "tag tag--gap" } else { "tag" }>{if due { format!("follow up: due {d}") } else { format!("follow up {d}") }}</span>
                                            })}</td>
                                            <td>{r.verification}</td>
                                            <td><span class=if r.consent == Consent::Community { "tag tag--private" } else { "tag" }>{r.consent.label()}</span></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
