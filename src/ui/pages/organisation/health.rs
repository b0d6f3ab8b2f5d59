//! The success and risk factors health check of one community.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn HealthSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming in this change."</p> }
}

/// `/organisation/health`: every community with its last check.
#[component]
pub fn HealthList() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
