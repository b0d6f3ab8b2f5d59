use leptos::prelude::*;
use leptos_router::components::A;

use super::use_title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_title(|| "Page not found".into());
    view! {
        <div class="page-header"><h1>"Page not found"</h1></div>
        <p>"There is no page at this address. "<A href=crate::ui::href("/")>"Go to the overview"</A>"."</p>
    }
}
