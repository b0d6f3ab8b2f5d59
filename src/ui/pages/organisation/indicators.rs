//! Indicators of success, computed where possible.

use leptos::prelude::*;

#[component]
pub fn IndicatorsSection() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
