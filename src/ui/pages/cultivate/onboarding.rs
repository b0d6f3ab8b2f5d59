//! Newcomers' onboarding.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn OnboardingSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming in this change."</p> }
}
