//! Cultivating communities (guidebook chapter 3).

mod charter;
mod forming;
mod lifecycle;
mod maturity;
mod onboarding;
mod participation;
mod principles;
mod rhythm;

pub use forming::FormingStartPage;

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
                        warnings(&w.catalogues, c),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="page-header">
            <h1>"Cultivating communities"</h1>
            <p class="lede">"For community leaders and core groups: tending a community through its lifecycle. Start with who takes part, and how people move between levels of participation."</p>
            <div class="page-actions">
                <A href=crate::ui::href("/cultivate/new") attr:class="btn btn--primary">"Start the forming wizard"</A>
            </div>
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
                                    {(!warn.is_empty()).then(|| view! {
                                        <ul class="cluster card__warnings" aria-label="Warnings" data-testid="cultivate-warnings">
                                            {warn.into_iter().map(|w| view! { <li class="tag tag--gap">{w.short}</li> }).collect_view()}
                                        </ul>
                                    })}
                                </article>
                            }).collect_view()}
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The parts of a community's cultivation, each its own page under `/cultivate/:id`.
const PARTS: [(&str, &str); 6] = [
    ("", "Participation and principles"),
    ("/forming", "Forming wizard"),
    ("/charter", "Charter"),
    ("/lifecycle", "Stage and maturity"),
    ("/onboarding", "Onboarding"),
    ("/rhythm", "Rhythm"),
];

/// The navigation between a community's cultivation pages (the router marks the current one).
#[component]
fn CultivateNav(id: Id) -> impl IntoView {
    view! {
        <nav class="tabs no-print" aria-label="Cultivation of this community">
            {PARTS.iter().map(|(suffix, label)| {
                let href = crate::ui::href(&format!("/cultivate/{id}{suffix}"));
                view! { <A href=href exact=true>{*label}</A> }
            }).collect_view()}
        </nav>
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
                <CultivateNav id=id.clone()/>
                <participation::ParticipationSection id=id.clone()/>
                <principles::PrinciplesSection id/>
            }.into_any()
        />
    }
}

/// The forming wizard for an existing community, resuming at its saved step.
#[component]
pub fn FormingPage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Cultivate"
            area_path="/cultivate"
            back_label="All communities"
            heading=|n: &str| format!("Forming {n}")
            body=|id: Id| view! {
                <CultivateNav id=id.clone()/>
                <forming::FormingWizard id/>
            }.into_any()
        />
    }
}

#[component]
pub fn CharterPage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Cultivate"
            area_path="/cultivate"
            back_label="All communities"
            heading=|n: &str| format!("Charter of {n}")
            body=|id: Id| view! {
                <CultivateNav id=id.clone()/>
                <charter::CharterSection id/>
            }.into_any()
        />
    }
}

#[component]
pub fn LifecyclePage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Cultivate"
            area_path="/cultivate"
            back_label="All communities"
            heading=|n: &str| format!("Stage and maturity of {n}")
            body=|id: Id| view! {
                <CultivateNav id=id.clone()/>
                <lifecycle::LifecycleSection id=id.clone()/>
                <maturity::MaturitySection id/>
            }.into_any()
        />
    }
}

#[component]
pub fn OnboardingPage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Cultivate"
            area_path="/cultivate"
            back_label="All communities"
            heading=|n: &str| format!("Onboarding in {n}")
            body=|id: Id| view! {
                <CultivateNav id=id.clone()/>
                <onboarding::OnboardingSection id/>
            }.into_any()
        />
    }
}

#[component]
pub fn RhythmPage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Cultivate"
            area_path="/cultivate"
            back_label="All communities"
            heading=|n: &str| format!("Rhythm of {n}")
            body=|id: Id| view! {
                <CultivateNav id=id.clone()/>
                <rhythm::RhythmSection id/>
            }.into_any()
        />
    }
}
