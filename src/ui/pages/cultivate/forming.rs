//! The forming wizard.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn FormingWizard(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming in this change."</p> }
}

/// `/cultivate/new`: the wizard's first step for a community that does not exist yet.
#[component]
pub fn FormingStartPage() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
