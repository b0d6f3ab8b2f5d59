//! Cultivating communities (guidebook chapter 3).

mod participation;
mod principles;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::participation::warnings;
use crate::model::{CatalogueKind, Id};
use crate::state::AppState;
use crate::ui::components::{CommunityScope, EmptyState};

use super::use_title;

/// The Cultivate area: each community's participation, and what this area will add.
#[component]
pub fn CultivatePage() -> impl IntoView {
    let state = AppState::expect();
    use_title(|| "Cultivating communities".into());
    let rows = move || {
        state.ws.with(|w| {
            w.communities
                .iter()
                .map(|c| {
                    (
                        c.id.clone(),
                        c.name.clone(),
                        w.catalogues
                            .label(CatalogueKind::LifecycleStages, &c.lifecycle_stage_id),
                        c.memberships.len(),
                        warnings(&w.catalogues, c).len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="page-header">
            <h1>"Cultivating communities"</h1>
            <p class="lede">"For community leaders and core groups: tending a community through its lifecycle. Start with who takes part, and how people move between levels of participation."</p>
        </div>
        <section class="section" aria-labelledby="cultivate-communities">
            <h2 id="cultivate-communities">"Participation maps"</h2>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    view! {
                        <EmptyState message="No communities yet.">
                            <A href=crate::ui::href("/communities/new") attr:class="btn btn--primary">"New community"</A>
                        </EmptyState>
                    }.into_any()
                } else {
                    view! {
                        <div class="card-grid">
                            {rows.into_iter().map(|(id, name, stage, members, warn)| view! {
                                <article class="card card--link">
                                    <h3 class="card__title"><A href=crate::ui::href(&format!("/cultivate/{id}"))>{name}</A></h3>
                                    <p class="card__meta">{format!("{stage} · {members} member{}", if members == 1 { "" } else { "s" })}</p>
                                    {(warn > 0).then(|| view! { <span class="tag tag--gap">{format!("{warn} warning{}", if warn == 1 { "" } else { "s" })}</span> })}
                                </article>
                            }).collect_view()}
                        </div>
                    }.into_any()
                }
            }}
        </section>
        <section class="section prose" aria-labelledby="cultivate-planned">
            <h2 id="cultivate-planned">"Still to come in this area"</h2>
            <ul>
                <li>"A forming wizard: formation type, domain and strategic links, learning agenda, core group, value proposition, rhythm, norms."</li>
                <li>"A charter generated from the wizard, printable and exportable."</li>
                <li>"Lifecycle stages with a self-assessment, and maturity as several dimensions on a radar chart."</li>
                <li>"Onboarding pathways and a rhythm planner."</li>
            </ul>
        </section>
    }
}

/// One community's cultivation page.
#[component]
pub fn CultivateCommunityPage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Cultivate"
            area_path="/cultivate"
            back_label="All communities"
            heading=|n: &str| format!("Cultivating {n}")
            body=|id: Id| view! {
                <participation::ParticipationSection id=id.clone()/>
                <principles::PrinciplesSection id/>
            }.into_any()
        />
    }
}
