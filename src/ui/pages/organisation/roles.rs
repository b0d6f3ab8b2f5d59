//! Roles, responsibilities and leadership groups, with warnings.

use leptos::prelude::*;

#[component]
pub fn RolesSection() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
