//! Technology (guidebook chapter 5): each community's digital habitat.

mod coverage;
mod orientations;
mod polarities;
mod stewardship;
mod tools;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::technology::{async_path, coverage, AsyncPath};
use crate::model::Id;
use crate::state::AppState;
use crate::ui::components::{CommunityScope, EmptyState};

use super::use_title;

/// All communities with a summary of their digital habitat.
#[component]
pub fn TechnologyPage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Technology".into());
    let rows = move || {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| {
                    let t = &c.technology;
                    let gaps = coverage(&w.catalogues, t.profiles.last(), &t.tools)
                        .iter()
                        .filter(|c| c.gap)
                        .count();
                    let path = match async_path(&t.tools) {
                        AsyncPath::Unknown => "—",
                        AsyncPath::Yes(_) => "Yes",
                        AsyncPath::No => "No",
                    };
                    let stewarded = t.tools.iter().filter(|x| x.steward_id.is_some()).count();
                    (
                        c.id.clone(),
                        c.name.clone(),
                        t.tools.len(),
                        stewarded,
                        t.profiles.len(),
                        gaps,
                        path,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="page-header">
            <h1>"Technology"</h1>
            <p class="lede">"A community's digital habitat is the set of tools it uses, shaped by how it learns. Rate what the community's activities are oriented to, list its tools with a steward for each, and see where the habitat has gaps (after Wenger, White & Smith, "<cite>"Digital Habitats"</cite>", 2009)."</p>
        </div>
        {move || {
            let rows = rows();
            if rows.is_empty() {
                view! {
                    <EmptyState message="No communities yet. Create a community first, then plan its digital habitat here.">
                        <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
                    </EmptyState>
                }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Digital habitats of the communities">
                        <table class="data-table" data-testid="habitats-table">
                            <caption class="visually-hidden">"Digital habitat of each community"</caption>
                            <thead><tr>
                                <th scope="col">"Community"</th><th scope="col" class="num">"Tools"</th><th scope="col" class="num">"With a steward"</th>
                                <th scope="col" class="num">"Profiles"</th><th scope="col" class="num">"Gaps"</th><th scope="col">"Asynchronous path"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(id, name, tools, stewarded, profiles, gaps, path)| view! {
                                    <tr>
                                        <td><A href=crate::ui::href(&format!("/technology/{id}"))>{name}</A></td>
                                        <td class="num">{tools}</td><td class="num">{stewarded}</td><td class="num">{profiles}</td>
                                        <td class="num">{gaps}</td><td>{path}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
        }}
    }
}

/// One community's digital habitat planner.
#[component]
pub fn HabitatPage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Technology"
            area_path="/technology"
            back_label="All digital habitats"
            heading=|n: &str| format!("Digital habitat of {n}")
            lede="Rate the orientations, place the community on the three polarities, list its tools, and look after them."
            body=|id: Id| view! {
                <orientations::OrientationsSection id=id.clone()/>
                <coverage::CoverageSection id=id.clone()/>
                <tools::ToolsSection id=id.clone()/>
                <polarities::PolaritiesSection id=id.clone()/>
                <stewardship::StewardshipSection id/>
            }.into_any()
        />
    }
}
