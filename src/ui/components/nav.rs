use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The main navigation: the workspace, then the guidebook's areas, then data.
///
/// On a wide screen it is the sidebar, always shown. On a narrow one it folds behind a *Menu*
/// button, so that every area is in reach without scrolling a strip sideways. The menu stays
/// open on the page it was opened on: following one of its links, or Escape, closes it.
#[component]
pub fn AppNav() -> impl IntoView {
    let location = use_location();
    // The path the menu was opened on; the menu is open only while the app is still there
    // (derived, so that a page change by any means, Back included, closes it).
    let opened_on = RwSignal::new(None::<String>);
    let open = Memo::new(move |_| {
        let here = location.pathname.get();
        opened_on.with(|o| o.as_deref() == Some(here.as_str()))
    });
    let toggle = NodeRef::<leptos::html::Button>::new();
    let on_click = move |_| {
        if open.get_untracked() {
            opened_on.set(None);
        } else {
            opened_on.set(Some(location.pathname.get_untracked()));
        }
    };
    // A link followed from the menu closes it, the current page's own link too.
    let on_menu_click = move |ev: leptos::ev::MouseEvent| {
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a").ok().flatten())
            .is_some();
        if on_link {
            opened_on.set(None);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            opened_on.set(None);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <nav class="app-nav" class:app-nav--open=move || open.get() aria-label="Main" on:keydown=on_keydown>
            <button
                type="button"
                class="app-nav__toggle"
                node_ref=toggle
                aria-expanded=move || open.get().to_string()
                aria-controls="app-nav-menu"
                data-testid="nav-toggle"
                on:click=on_click
            >
                <span class="app-nav__icon" aria-hidden="true"></span>
                "Menu"
            </button>
            <div class="app-nav__menu" id="app-nav-menu" on:click=on_menu_click>
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
            </div>
        </nav>
    }
}
