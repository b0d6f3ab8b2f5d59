//! The organisational readiness check.

use leptos::prelude::*;

#[component]
pub fn ReadinessSection() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
