//! The portfolio dashboard across all communities.

use leptos::prelude::*;

#[component]
pub fn PortfolioSection() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
