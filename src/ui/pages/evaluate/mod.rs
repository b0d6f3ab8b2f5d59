//! Evaluation and value creation (guidebook chapters 6 and 7) and the epilogue's
//! reflection. (Stub pages: the Evaluate work replaces them.)

use leptos::prelude::*;

use super::{Area, AreaPage};

#[component]
pub fn EvaluatePage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}

#[component]
pub fn PortfolioReportPage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}

#[component]
pub fn EvaluateCommunityPage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}

#[component]
pub fn ValuePlanPage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}

#[component]
pub fn ValueIndicatorsPage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}

#[component]
pub fn StoriesPage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}

#[component]
pub fn StoryPage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}

#[component]
pub fn CommunityReportPage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}

#[component]
pub fn ReflectionPage() -> impl IntoView {
    view! { <AreaPage area=Area::Evaluate/> }
}
