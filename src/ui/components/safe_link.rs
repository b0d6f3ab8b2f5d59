use leptos::prelude::*;

use crate::model::links::is_safe_link;

/// A link from user data: live only for http, https and mailto; anything else is shown as
/// plain text, so a `javascript:` link can never run.
#[component]
pub fn SafeLink(#[prop(into)] href: String, #[prop(into, optional)] text: Option<String>) -> impl IntoView {
    let label = text.unwrap_or_else(|| href.clone());
    if is_safe_link(&href) {
        view! { <a href=href rel="noopener noreferrer" target="_blank">{label}</a> }.into_any()
    } else {
        view! { <span class="muted" title="Not a web or mail link, so it is not clickable">{label}</span> }.into_any()
    }
}
