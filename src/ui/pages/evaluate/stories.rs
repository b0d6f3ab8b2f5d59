//! A community's value-creation stories: newest first, with their status, verification and
//! consent, the way to write a new one, and collecting stories from participants with a
//! story-collection file.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::evaluation::{Consent, StoryStatus};
use crate::model::{CatalogueKind, Id};
use crate::state::{today, AppState, SharePiece};
use crate::ui::components::{EmptyState, TextField};

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
                    teller: s
                        .teller_id
                        .as_ref()
                        .map(|p| w.person_name(p))
                        .unwrap_or_else(|| s.teller_name.clone()),
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
    let share_msg = RwSignal::new(None::<Result<String, String>>);
    let share_id = id.clone();
    let share = move |_| {
        share_msg.set(Some(match state.export_piece(SharePiece::Stories(share_id.clone())) {
            Ok(name) => Ok(format!(
                "Downloaded {name}: these stories, to merge into another workspace."
            )),
            Err(e) => Err(format!("The stories could not be exported: {e}")),
        }))
    };
    view! {
        <section class="section" aria-labelledby="stories-h">
            <h2 id="stories-h">"Value-creation stories"</h2>
            <p class="muted">"Stories in which members tell how taking part made a difference, one value cycle at a time. A story can start in any cycle. An aspirational story states an intended ending and a date to follow it up; a realised one tells what happened. Each story says who may read it."</p>
            <div class="page-actions no-print">
                <A href=new_href.clone() attr:class="btn btn--primary">"Write a story"</A>
                <button type="button" class="btn" data-testid="share-stories" on:click=share>"Share these stories (JSON)"</button>
            </div>
            {move || share_msg.get().map(|m| match m {
                Ok(text) => view! { <p role="status" class="no-print" data-testid="share-stories-done">{text}</p> }.into_any(),
                Err(text) => view! { <p class="field__error no-print" role="alert">{text}</p> }.into_any(),
            })}
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
        <CollectStories id/>
    }
}

/// Hands out a story-collection file: participants write their stories with it, without a
/// workspace, and send back answers files, which merge here in one step.
#[component]
fn CollectStories(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let name = state
        .ws
        .with_untracked(|w| w.community(&id).map(|c| c.name.clone()).unwrap_or_default());
    let prompt = RwSignal::new(format!(
        "Think of a time when taking part in {name} made a difference for you or your work. What happened, what did it give you, and what did you do with it?"
    ));
    let msg = RwSignal::new(None::<Result<String, String>>);
    let download = move |_| {
        msg.set(Some(
            match state.export_piece(SharePiece::Collection(id.clone(), prompt.get_untracked())) {
                Ok(file) => Ok(format!("Downloaded {file}. Hand it out to the participants.")),
                Err(e) => Err(format!("The story-collection file could not be made: {e}")),
            },
        ))
    };
    view! {
        <section class="section no-print" aria-labelledby="collect-h">
            <div class="card collect-stories" data-testid="collect-stories">
                <h2 class="card__title" id="collect-h">"Collect stories from participants"</h2>
                <p>
                    "Hand out a story-collection file: participants open it in Cultivate (no workspace needed), write their stories and send back an answers file. "
                    "Then drop all the answers files at once on the "<A href=crate::ui::href("/data")>"Data page"</A>" to merge them in one step, after a review."
                </p>
                <TextField id="collect-prompt" label="Invitation shown to participants" value=prompt multiline=true
                    hint="Participants read it above the story form. The file holds the community's name, purpose and organisations and the catalogues (the value cycles), but none of its members, meetings or stories."/>
                <div class="form-actions">
                    <button type="button" class="btn btn--primary" data-testid="collect-download" on:click=download>"Download story-collection file"</button>
                </div>
                {move || msg.get().map(|m| match m {
                    Ok(text) => view! { <p role="status" data-testid="collect-done">{text}</p> }.into_any(),
                    Err(text) => view! { <p class="field__error" role="alert">{text}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}
