//! Capacity building: leaders' plans and peer groups.

use leptos::prelude::*;

#[component]
pub fn LeadersSection() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
