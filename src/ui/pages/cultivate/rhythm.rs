//! The rhythm planner.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn RhythmSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming in this change."</p> }
}
