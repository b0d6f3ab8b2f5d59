use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// The main navigation: the workspace, then the guidebook's areas, then data.
///
/// On a wide screen it is the sidebar, always shown. On a narrow one it folds behind a *Menu*
/// button, so that every area is in reach without scrolling a strip sideways. The menu stays
/// open on the page it was opened on: following one of its links, Escape while the focus is
/// in the navigation, or any page change closes it.
#[component]
pub fn AppNav() -> impl IntoView {
    let location = use_location();
    // Which visit to a page this is: a number that grows whenever the path changes, so that
    // coming back to a page (Back, Forward, a link) is a new visit.
    let visit = Memo::new(move |prev: Option<&(String, u64)>| {
        let path = location.pathname.get();
        match prev {
            Some((p, n)) if *p == path => (path, *n),
            Some((_, n)) => (path, n + 1),
            None => (path, 0),
        }
    });
    // The visit the menu was opened on: the menu is open only during that visit (derived, so
    // that a page change by any means closes it, and coming back does not open it again).
    let opened_on = RwSignal::new(None::<u64>);
    let open = Memo::new(move |_| opened_on.get().is_some_and(|n| visit.with(|v| v.1 == n)));
    let toggle = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        opened_on.set(None);
        // The links are about to be hidden: keep the focus on the button, not on nothing.
        // (When the page changes, the app then moves the focus to the new page's content.)
        if let Some(button) = toggle.get_untracked() {
            let _ = button.focus();
        }
    };
    let on_click = move |_| {
        if open.get_untracked() {
            opened_on.set(None);
        } else {
            opened_on.set(Some(visit.with_untracked(|v| v.1)));
        }
    };
    // A link followed from the menu closes it, the current page's own link too; a link opened
    // elsewhere (a modifier key, another button) leaves it open.
    let on_menu_click = move |ev: leptos::ev::MouseEvent| {
        if open.get_untracked() && crate::ui::plain_link_click(&ev).is_some() {
            close();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            close();
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
