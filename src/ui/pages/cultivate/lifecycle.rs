//! The lifecycle stage.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn LifecycleSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming in this change."</p> }
}
