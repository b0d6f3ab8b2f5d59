//! The structure chooser: is it a community of practice?

use leptos::prelude::*;

#[component]
pub fn ChooserSection() -> impl IntoView {
    view! { <p>"Coming in this change."</p> }
}
