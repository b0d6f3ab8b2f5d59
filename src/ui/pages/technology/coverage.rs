use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::technology::{async_path, coverage, importance_label, rhythm_path, AsyncPath, RhythmPath};
use crate::model::{CatalogueKind, Id};
use crate::state::{today, AppState};

/// Which orientations the tools serve, where the gaps are, and whether members who miss live
/// sessions have an asynchronous path.
#[component]
pub fn CoverageSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let rhythm_href = crate::ui::href(&format!("/cultivate/{id}/rhythm"));
    let rhythm = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|w| {
                let c = w.community(&id)?;
                let t = &c.technology;
                let path = rhythm_path(&t.tools, &c.cultivation.activities, today());
                let mut ways: Vec<String> = path
                    .any_time_activities
                    .iter()
                    .filter_map(|a| c.cultivation.activities.iter().find(|x| &x.id == a))
                    .map(|a| format!("{} (planned, any time)", a.title))
                    .collect();
                ways.extend(
                    path.any_time_tools
                        .iter()
                        .filter_map(|tid| t.tools.iter().find(|x| &x.id == tid))
                        .map(|x| x.name.clone()),
                );
                Some((path, ways))
            })
        })
    };
    let data = Memo::new(move |_| {
        state.ws.with(|w| {
            let Some(c) = w.community(&id) else {
                return (Vec::new(), AsyncPath::Unknown, false, Vec::new());
            };
            let t = &c.technology;
            let name_of = |tid: &Id| {
                t.tools
                    .iter()
                    .find(|x| &x.id == tid)
                    .map(|x| x.name.clone())
                    .unwrap_or_default()
            };
            let rows: Vec<(String, u8, Vec<String>, usize, usize, bool)> =
                coverage(&w.catalogues, t.profiles.last(), &t.tools)
                    .into_iter()
                    .map(|cv| {
                        (
                            w.catalogues.label(CatalogueKind::Orientations, &cv.orientation_id),
                            cv.importance,
                            cv.tools.iter().map(name_of).collect(),
                            cv.sync_tools,
                            cv.async_tools,
                            cv.gap,
                        )
                    })
                    .collect();
            let path = async_path(&t.tools);
            let path_names = match &path {
                AsyncPath::Yes(ids) => ids.iter().map(name_of).collect(),
                _ => Vec::new(),
            };
            (rows, path, !t.profiles.is_empty(), path_names)
        })
    });
    view! {
        <section class="section" aria-labelledby="coverage-h">
            <h2 id="coverage-h">"Coverage and gaps"</h2>
            {move || {
                let (rows, path, rated, path_names) = data.get();
                let gaps: Vec<String> = rows.iter().filter(|r| r.5).map(|r| r.0.clone()).collect();
                let summary = if !rated {
                    view! { <p class="banner banner--info" data-testid="gap-summary">"Rate the orientations above to see which important ones no tool serves."</p> }.into_any()
                } else if gaps.is_empty() {
                    view! { <p class="banner banner--success" data-testid="gap-summary">"No gaps: every orientation rated important or essential is served by at least one tool."</p> }.into_any()
                } else {
                    view! {
                        <div class="banner banner--warning" data-testid="gap-summary">
                            <p>{format!("{} gap{}: rated important, but no tool serves ", gaps.len(), if gaps.len() == 1 { "" } else { "s" })}<strong data-testid="gap-list">{gaps.join(", ")}</strong>"."</p>
                        </div>
                    }.into_any()
                };
                let path_view = match path {
                    AsyncPath::Unknown => view! { <p class="muted" data-testid="async-path">"Add tools to see whether members who cannot attend live sessions have a way to take part."</p> }.into_any(),
                    AsyncPath::No => view! { <p class="banner banner--warning" data-testid="async-path">"No asynchronous path: members who cannot attend live sessions have no tool for conversation, content or access to expertise that they can use at any time."</p> }.into_any(),
                    AsyncPath::Yes(_) => view! { <p class="banner banner--success" data-testid="async-path">{format!("Members who cannot attend live sessions can take part through {}.", path_names.join(", "))}</p> }.into_any(),
                };
                view! {
                    {summary}
                    {path_view}
                    {rhythm_view(rhythm.get(), rhythm_href.clone())}
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Coverage of each orientation">
                        <table class="data-table" data-testid="coverage-table">
                            <caption>"Orientations against the tools that serve them (importance from the latest profile)"</caption>
                            <thead><tr>
                                <th scope="col">"Orientation"</th><th scope="col">"Importance"</th><th scope="col">"Tools"</th>
                                <th scope="col" class="num">"Live"</th><th scope="col" class="num">"Any time"</th><th scope="col">"Status"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(label, importance, tools, sync, asyn, gap)| view! {
                                    <tr>
                                        <th scope="row">{label}</th>
                                        <td>{format!("{importance} · {}", importance_label(importance))}</td>
                                        <td>{if tools.is_empty() { "—".to_string() } else { tools.join(", ") }}</td>
                                        <td class="num">{sync}</td>
                                        <td class="num">{asyn}</td>
                                        <td>{if gap { view! { <span class="tag tag--gap">"Gap"</span> }.into_any() } else { view! { <span class="muted">"—"</span> }.into_any() }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }}
        </section>
    }
}

/// The rhythm planner's side of the asynchronous path: "3 of 4 planned activities are live
/// sessions; members who can't attend have: …".
fn rhythm_view(data: Option<(RhythmPath, Vec<String>)>, href: String) -> Option<AnyView> {
    let (path, ways) = data?;
    let link = view! { " "<A href=href>"Open the rhythm planner"</A>"." };
    Some(if path.planned == 0 {
        view! {
            <p class="muted" data-testid="rhythm-modes">"No upcoming activities in the rhythm planner yet, so the live and any-time balance of the community's plans is unknown."{link}</p>
        }
        .into_any()
    } else {
        let counts = format!(
            "{} of {} planned activit{} {} live session{}",
            path.live,
            path.planned,
            if path.planned == 1 { "y" } else { "ies" },
            if path.live == 1 { "is a" } else { "are" },
            if path.live == 1 { "" } else { "s" },
        );
        let (class, rest) = if path.live == 0 {
            (
                "banner banner--success",
                "; every one can be joined at any time.".to_string(),
            )
        } else if path.leaves_people_out() {
            (
                "banner banner--warning",
                "; members who can't attend have no asynchronous way to take part: no any-time activity is planned and no asynchronous tool serves conversation, content or expertise.".to_string(),
            )
        } else {
            (
                "banner banner--success",
                format!("; members who can't attend have: {}.", ways.join(", ")),
            )
        };
        view! { <div class=class data-testid="rhythm-modes"><p>{counts}{rest}{link}</p></div> }.into_any()
    })
}
