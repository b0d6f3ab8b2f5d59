//! Facilitating meetings and activities (guidebook chapter 4): the format library, each
//! community's meetings with their activity log and balance, the meeting designer, run
//! mode for the facilitator, and the meeting record.

mod agenda;
mod balance;
mod block_form;
mod checklist;
mod community;
mod designer;
mod formats;
mod log;
mod meeting_form;
mod overview;
mod record;
mod roles;
mod run;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::model::Id;
use crate::state::AppState;

pub use community::FacilitateCommunityPage;
pub use designer::MeetingPage;
pub use formats::FormatLibraryPage;
pub use overview::FacilitatePage;
pub use record::RecordPage;
pub use run::RunPage;

/// Moves keyboard focus to the element with this id once the view has rendered.
pub(super) fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// The community and meeting ids of the current route.
pub(super) fn route_ids() -> (Memo<Id>, Memo<Id>) {
    let params = use_params_map();
    let c = Memo::new(move |_| Id(params.read().get("id").unwrap_or_default()));
    let m = Memo::new(move |_| Id(params.read().get("meeting").unwrap_or_default()));
    (c, m)
}

/// Which page of a meeting is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum MeetingTab {
    Design,
    Run,
    Record,
}

/// The frame of a meeting's page: title, breadcrumb, the not-found state and the tabs
/// Design / Run / Record. `body` renders the page for the community and meeting ids.
#[component]
pub(super) fn MeetingScope(tab: MeetingTab, body: fn(Id, Id) -> AnyView) -> impl IntoView {
    let state = AppState::expect();
    let (cid, mid) = route_ids();
    let names = Memo::new(move |_| {
        state.ws.with(|w| {
            let c = w.community(&cid.get())?;
            let m = c.facilitation.meetings.iter().find(|m| m.id == mid.get())?;
            Some((c.name.clone(), m.title.clone()))
        })
    });
    let suffix = match tab {
        MeetingTab::Design => "",
        MeetingTab::Run => " · run mode",
        MeetingTab::Record => " · record",
    };
    super::use_title(move || {
        names
            .get()
            .map(|(_, t)| format!("{t}{suffix}"))
            .unwrap_or_else(|| "Meeting not found".into())
    });
    move || match names.get() {
        None => view! {
            <div class="page-header"><h1>"Meeting not found"</h1></div>
            <p>"It may have been deleted, or the link is wrong."</p>
            <A href=crate::ui::href(&format!("/facilitate/{}", cid.get()))>"The community's meetings"</A>
        }
        .into_any(),
        Some((community, title)) => {
            let (c, m) = (cid.get(), mid.get());
            let base = format!("/facilitate/{c}/meetings/{m}");
            let tab_link = |path: String, label: &'static str| {
                view! { <A href=crate::ui::href(&path) exact=true>{label}</A> }
            };
            view! {
                <div class=if tab == MeetingTab::Run { "page-header meeting-header run-header" } else { "page-header meeting-header" }>
                    <p class="muted no-print">
                        <A href=crate::ui::href("/facilitate")>"Facilitate"</A>
                        " › "
                        <A href=crate::ui::href(&format!("/facilitate/{c}"))>{community}</A>
                    </p>
                    <h1>{title}</h1>
                    <nav class="tabs no-print" aria-label="Meeting">
                        {tab_link(base.clone(), "Design")}
                        {tab_link(format!("{base}/run"), "Run mode")}
                        {tab_link(format!("{base}/record"), "Record")}
                    </nav>
                </div>
                {body(c, m)}
            }
            .into_any()
        }
    }
}

/// A small status line after an action: a success note or an error.
#[component]
pub(super) fn StatusLine(
    message: RwSignal<Option<(bool, String)>>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    move || {
        message.get().map(|(ok, m)| {
            let class = if ok { "muted" } else { "field__error" };
            view! { <p class=class role="status" data-testid=testid>{m}</p> }
        })
    }
}
