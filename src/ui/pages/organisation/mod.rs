//! The organisational perspective (guidebook chapters 1 and 2): for sponsors and social
//! learning teams. Each part is its own page under `/organisation`.

mod chooser;
mod health;
mod indicators;
mod leaders;
mod portfolio;
mod readiness;
mod roles;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::Id;
use crate::ui::components::CommunityScope;

use super::use_title;

/// The parts of the area, each a page.
const PARTS: [(&str, &str); 7] = [
    ("/organisation", "Portfolio"),
    ("/organisation/chooser", "Structure chooser"),
    ("/organisation/readiness", "Readiness check"),
    ("/organisation/roles", "Roles"),
    ("/organisation/leaders", "Leaders"),
    ("/organisation/health", "Health checks"),
    ("/organisation/indicators", "Indicators"),
];

/// The navigation between the area's pages (the router marks the current one).
#[component]
fn OrganisationNav() -> impl IntoView {
    view! {
        <nav class="tabs no-print" aria-label="The organisational perspective">
            {PARTS.iter().map(|(path, label)| {
                view! { <A href=crate::ui::href(path) exact=true>{*label}</A> }
            }).collect_view()}
        </nav>
    }
}

/// A page of the area: title, heading, lede, the tabs and the part's content.
#[component]
fn OrganisationFrame(title: &'static str, lede: &'static str, children: Children) -> impl IntoView {
    use_title(move || title.to_string());
    view! {
        <div class="page-header">
            <h1>{title}</h1>
            <p class="lede">{lede}</p>
        </div>
        <OrganisationNav/>
        {children()}
    }
}

#[component]
pub fn OrganisationPage() -> impl IntoView {
    view! {
        <OrganisationFrame title="Portfolio of communities" lede="For sponsors and social learning teams: every community at a glance, with its stage, health, participation, leadership and warnings.">
            <portfolio::PortfolioSection/>
        </OrganisationFrame>
    }
}

#[component]
pub fn ChooserPage() -> impl IntoView {
    view! {
        <OrganisationFrame title="Is it a community of practice?" lede="A few questions about the group you have in mind: purpose, who belongs, what holds it together, lifespan, deliverables and boundaries. The answer recommends a structure, with the reasons.">
            <chooser::ChooserSection/>
        </OrganisationFrame>
    }
}

#[component]
pub fn ReadinessPage() -> impl IntoView {
    view! {
        <OrganisationFrame title="Organisational readiness" lede="For a sponsor or a social learning team: is the organisation ready for communities of practice? Score each area, see the weakest, and act on them.">
            <readiness::ReadinessSection/>
        </OrganisationFrame>
    }
}

#[component]
pub fn RolesPage() -> impl IntoView {
    view! {
        <OrganisationFrame title="Roles and responsibilities" lede="Who plays which role in each community, the responsibilities that go with it, and the leadership groups members join.">
            <roles::RolesSection/>
        </OrganisationFrame>
    }
}

#[component]
pub fn LeadersPage() -> impl IntoView {
    view! {
        <OrganisationFrame title="Capacity building for leaders" lede="Each community leader's development: the training and peer-support steps done and next, and leaders' peer groups across communities.">
            <leaders::LeadersSection/>
        </OrganisationFrame>
    }
}

#[component]
pub fn HealthListPage() -> impl IntoView {
    view! {
        <OrganisationFrame title="Health checks" lede="A periodic check of each community against the success factors, with the risk factors flagged.">
            <health::HealthList/>
        </OrganisationFrame>
    }
}

/// One community's health checks.
#[component]
pub fn HealthPage() -> impl IntoView {
    view! {
        <CommunityScope
            area="Organisation"
            area_path="/organisation/health"
            back_label="All health checks"
            heading=|n: &str| format!("Health of {n}")
            body=|id: Id| view! { <health::HealthSection id/> }.into_any()
        />
    }
}

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    view! {
        <OrganisationFrame title="Indicators of success" lede="Organisation-level indicators for each community: computed from the workspace where they can be, entered by hand where they cannot, always with their source.">
            <indicators::IndicatorsSection/>
        </OrganisationFrame>
    }
}
