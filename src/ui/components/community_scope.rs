use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::model::Id;
use crate::state::AppState;
use crate::ui::pages::use_title;

/// The frame of an area page about one community (`/<area>/:id`): the page title, the
/// not-found state, a breadcrumb back to the area and to the community, and the heading.
/// `body` renders the area's sections for the community's id.
#[component]
pub fn CommunityScope(
    /// The area's name in the breadcrumb, e.g. "Technology".
    area: &'static str,
    /// The area's path, e.g. "/technology".
    area_path: &'static str,
    /// What the "all communities" link on the not-found page says.
    back_label: &'static str,
    /// The heading and title for a community name: "Digital habitat of {name}".
    heading: fn(&str) -> String,
    #[prop(optional)] lede: Option<&'static str>,
    body: fn(Id) -> AnyView,
) -> impl IntoView {
    let state = AppState::expect();
    let params = use_params_map();
    let id = Memo::new(move |_| Id(params.read().get("id").unwrap_or_default()));
    let name = Memo::new(move |_| state.ws.with(|w| w.community(&id.get()).map(|c| c.name.clone())));
    use_title(move || {
        name.get()
            .map(|n| heading(&n))
            .unwrap_or_else(|| "Community not found".into())
    });
    move || match name.get() {
        None => view! {
            <div class="page-header"><h1>"Community not found"</h1></div>
            <A href=crate::ui::href(area_path)>{back_label}</A>
        }
        .into_any(),
        Some(n) => {
            let id = id.get();
            let title = heading(&n);
            view! {
                <div class="page-header">
                    <p class="muted">
                        <A href=crate::ui::href(area_path)>{area}</A>
                        " › "
                        <A href=crate::ui::href(&format!("/communities/{id}"))>{n}</A>
                    </p>
                    <h1>{title}</h1>
                    {lede.map(|l| view! { <p class="lede">{l}</p> })}
                </div>
                {body(id)}
            }
            .into_any()
        }
    }
}
