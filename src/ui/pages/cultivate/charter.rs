//! The charter.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn CharterSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming in this change."</p> }
}
