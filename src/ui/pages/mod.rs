//! One page per route.

mod area;
mod communities;
mod community;
mod cultivate;
mod data;
mod evaluate;
mod facilitate;
mod home;
mod introduction;
mod not_found;
mod organisation;
mod participate;
mod people;
mod recovery;
mod technology;
mod welcome;

pub use area::{Area, AreaPage};
pub use communities::{CommunitiesPage, NewCommunityPage};
pub use community::CommunityPage;
pub use cultivate::{
    CharterPage, CultivateCommunityPage, CultivatePage, FormingPage, FormingStartPage, LifecyclePage, OnboardingPage,
    RhythmPage,
};
pub use data::DataPage;
pub use evaluate::{
    CommunityReportPage, EvaluateCommunityPage, EvaluatePage, PortfolioReportPage, ReflectionPage, StoriesPage, StoryPage,
    ValueIndicatorsPage, ValuePlanPage,
};
pub use facilitate::{FacilitateCommunityPage, FacilitatePage, FormatLibraryPage, MeetingPage, RecordPage, RunPage};
pub use home::HomePage;
pub use introduction::IntroductionPage;
pub use not_found::NotFoundPage;
pub use organisation::{
    ChooserPage, HealthListPage, HealthPage, IndicatorsPage, LeadersPage, OrganisationPage as PortfolioPage, ReadinessPage,
    RolesPage,
};
pub use participate::{ParticipatePage, ParticipateStandalone};
pub use people::{OrganisationPage, PeoplePage, PersonPage};
pub use recovery::RecoveryPage;
pub use technology::{HabitatPage, TechnologyPage};
pub use welcome::WelcomePage;

use leptos::prelude::*;

/// Sets the document title for the page: "Communities · Cultivate".
pub fn use_title(title: impl Fn() -> String + Send + Sync + 'static) {
    Effect::new(move |_| {
        document().set_title(&format!("{} · Cultivate", title()));
    });
}
