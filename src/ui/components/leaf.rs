use leptos::prelude::*;

/// The app's leaf mark, drawn inline so it shows without an emoji font.
#[component]
pub fn Leaf() -> impl IntoView {
    view! {
        <svg class="leaf" viewBox="0 0 32 32" width="1em" height="1em" aria-hidden="true" focusable="false">
            <path d="M16 27V15" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" fill="none"/>
            <path d="M16 16c0-5.5 3.8-9.2 9.8-9.2 0 6-3.8 9.8-9.8 9.2z" fill="currentColor"/>
            <path d="M16 19.5c0-4.4-3-7.4-7.8-7.4 0 4.8 3 7.8 7.8 7.4z" fill="currentColor" opacity="0.7"/>
        </svg>
    }
}
