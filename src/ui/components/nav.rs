use leptos::prelude::*;
use leptos_router::components::A;

/// The main navigation: the workspace, then the guidebook's areas, then data.
#[component]
pub fn AppNav() -> impl IntoView {
    view! {
        <nav class="app-nav" aria-label="Main">
            <ul>
                <li><A href=crate::ui::href("/") exact=true>"Overview"</A></li>
                <li><A href=crate::ui::href("/communities")>"Communities"</A></li>
                <li><A href=crate::ui::href("/people")>"People & organisations"</A></li>
            </ul>
            <p class="app-nav__group" id="nav-areas">"Guidebook areas"</p>
            <ul aria-labelledby="nav-areas">
                <li><A href=crate::ui::href("/introduction")>"Introduction"</A></li>
                <li><A href=crate::ui::href("/organisation")>"Organisation"</A></li>
                <li><A href=crate::ui::href("/cultivate")>"Cultivate"</A></li>
                <li><A href=crate::ui::href("/facilitate")>"Facilitate"</A></li>
                <li><A href=crate::ui::href("/technology")>"Technology"</A></li>
                <li><A href=crate::ui::href("/evaluate")>"Evaluate"</A></li>
            </ul>
            <p class="app-nav__group" id="nav-data">"Your data"</p>
            <ul aria-labelledby="nav-data">
                <li><A href=crate::ui::href("/data")>"Data & backups"</A></li>
            </ul>
        </nav>
    }
}
