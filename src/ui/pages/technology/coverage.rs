use leptos::prelude::*;

use crate::model::technology::{async_path, coverage, importance_label, AsyncPath};
use crate::model::{CatalogueKind, Id};
use crate::state::AppState;

/// Which orientations the tools serve, where the gaps are, and whether members who miss live
/// sessions have an asynchronous path.
#[component]
pub fn CoverageSection(id: Id) -> impl IntoView {
    let state = AppState::expect();
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
