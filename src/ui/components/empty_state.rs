use leptos::prelude::*;

/// What an empty list shows: what belongs here and how to add the first one.
#[component]
pub fn EmptyState(#[prop(into)] message: String, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    view! {
        <div class="empty-state">
            <p>{message}</p>
            {children.map(|c| c())}
        </div>
    }
}
