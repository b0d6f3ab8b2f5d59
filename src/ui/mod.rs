//! The Leptos views: the app shell, a page per area, and shared components.

pub mod boot;
pub mod components;
pub mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::model::Timestamp;
use crate::state::{AppState, Phase};
use components::{AppNav, Banners, ConfirmHost, Leaf, LeaveGuard, NoticeToast, SaveStatusPill, UpdateNotice};
use pages::*;

/// Sets a `performance.mark`, used by the benchmark to time start-up.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Records the time since the mark `start` as a performance measure called `name` (for the
/// benchmark; a missing mark or performance API is ignored).
pub fn measure_since(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
    }
}

/// The path the app is served under, from `<base href>` (trunk's `--public-url`):
/// `""` at the root of a host, `"/cultivate"` under a sub-path.
fn base_path() -> String {
    thread_local! {
        static BASE: String = {
            let base = document().base_uri().ok().flatten().unwrap_or_default();
            let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_default();
            path.trim_end_matches('/').to_string()
        };
    }
    BASE.with(|b| b.clone())
}

/// An in-app link target under the base path: `href("/data")` is `/cultivate/data` when the
/// app is served under `/cultivate/`. (leptos_router's `<A>` leaves absolute paths as they
/// are, so every `<A href>` goes through this.)
pub fn href(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// The `<a href>` that a plain click lands on or in: the main button, no modifier key, so a
/// click that follows the link in this tab. `None` for any other click (a new tab or window,
/// a download, a context menu) or a click beside links.
pub fn plain_link_click(ev: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    if ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(ev.target()?).ok()?;
    target.closest("a[href]").ok().flatten()
}

/// Skip link: `href="#main"` would resolve against `<base href>` and leave the page, so move
/// focus directly.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.set_attribute("tabindex", "-1");
            let _ = main.focus();
        }
    }
}

/// A time in the user's locale and time zone, e.g. "14:05".
pub fn local_time(ts: Timestamp) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts.timestamp_millis() as f64));
    let s: String = d.to_locale_time_string("default").into();
    s
}

/// A date and time in the user's locale and time zone.
pub fn local_datetime(ts: Timestamp) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts.timestamp_millis() as f64));
    let date: String = d
        .to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into();
    format!("{date} {}", local_time(ts))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Screen {
    Loading,
    Welcome,
    Ready,
    Recovery,
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::init();
    // Only the kind of screen matters here; a Memo keeps a Ready → Ready update from
    // rebuilding the whole shell.
    let screen = Memo::new(move |_| match state.phase.get() {
        Phase::Loading => Screen::Loading,
        Phase::Welcome => Screen::Welcome,
        Phase::Ready => Screen::Ready,
        Phase::Recovery(_) => Screen::Recovery,
    });
    Effect::new(move |_| {
        if screen.get() != Screen::Loading {
            if let Some(body) = document().body() {
                let _ = body.set_attribute("data-app-ready", "1");
            }
            mark("cultivate-mounted");
        }
    });
    view! {
        <Router base=base_path()>
            <ConfirmHost>
                <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
                {move || match screen.get() {
                    Screen::Loading => view! { <main id="main" class="app-main"><p>"Loading…"</p></main> }.into_any(),
                    Screen::Welcome => view! { <WelcomeScreen/> }.into_any(),
                    Screen::Recovery => view! { <RecoveryPage/> }.into_any(),
                    Screen::Ready => view! { <Shell/> }.into_any(),
                }}
                <NoticeToast/>
                <UpdateNotice/>
                <LeaveGuard/>
            </ConfirmHost>
        </Router>
    }
}

/// Without a workspace: the welcome page, or a participant answering a story-collection
/// file (`/participate`), who needs no workspace of their own.
#[component]
fn WelcomeScreen() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let participate = Memo::new(move |_| location.pathname.get().trim_end_matches('/') == href("/participate"));
    move || {
        if participate.get() {
            view! { <ParticipateStandalone/> }.into_any()
        } else {
            view! { <WelcomePage/> }.into_any()
        }
    }
}

/// The workspace shell: header, navigation, banners and the routed page.
#[component]
fn Shell() -> impl IntoView {
    let state = AppState::expect();
    // After in-app navigation, move focus to the new page so keyboard and screen-reader
    // users start at its content (the first load keeps the browser's own focus).
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            if let Some(main) = document().get_element_by_id("main") {
                if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                    let _ = main.focus();
                }
            }
        }
        path
    });
    let name = move || state.ws.with(|w| w.name.clone());
    let sample = move || state.ws.with(|w| w.is_sample);
    view! {
        <div class="app-shell">
            <header class="app-header">
                <A href=crate::ui::href("/") attr:class="brand">
                    <Leaf/>
                    "Cultivate"
                    <span class="visually-hidden">": "</span>
                    <span class="brand__workspace">{name}</span>
                </A>
                {move || sample().then(|| view! { <span class="tag tag--sample">"Sample data"</span> })}
                <SaveStatusPill/>
            </header>
            <AppNav/>
            <main id="main" class="app-main" tabindex="-1">
                <Banners/>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/communities") view=CommunitiesPage/>
                    <Route path=path!("/communities/new") view=NewCommunityPage/>
                    <Route path=path!("/communities/:id") view=CommunityPage/>
                    <Route path=path!("/people") view=PeoplePage/>
                    <Route path=path!("/people/:id") view=PersonPage/>
                    <Route path=path!("/organisations/:id") view=OrganisationPage/>
                    <Route path=path!("/introduction") view=IntroductionPage/>
                    <Route path=path!("/organisation") view=PortfolioPage/>
                    <Route path=path!("/organisation/chooser") view=ChooserPage/>
                    <Route path=path!("/organisation/readiness") view=ReadinessPage/>
                    <Route path=path!("/organisation/roles") view=RolesPage/>
                    <Route path=path!("/organisation/leaders") view=LeadersPage/>
                    <Route path=path!("/organisation/health") view=HealthListPage/>
                    <Route path=path!("/organisation/health/:id") view=HealthPage/>
                    <Route path=path!("/organisation/indicators") view=IndicatorsPage/>
                    <Route path=path!("/cultivate") view=CultivatePage/>
                    <Route path=path!("/cultivate/new") view=FormingStartPage/>
                    <Route path=path!("/cultivate/:id") view=CultivateCommunityPage/>
                    <Route path=path!("/cultivate/:id/forming") view=FormingPage/>
                    <Route path=path!("/cultivate/:id/charter") view=CharterPage/>
                    <Route path=path!("/cultivate/:id/lifecycle") view=LifecyclePage/>
                    <Route path=path!("/cultivate/:id/onboarding") view=OnboardingPage/>
                    <Route path=path!("/cultivate/:id/rhythm") view=RhythmPage/>
                    <Route path=path!("/facilitate") view=FacilitatePage/>
                    <Route path=path!("/facilitate/formats") view=FormatLibraryPage/>
                    <Route path=path!("/facilitate/:id") view=FacilitateCommunityPage/>
                    <Route path=path!("/facilitate/:id/meetings/:meeting") view=MeetingPage/>
                    <Route path=path!("/facilitate/:id/meetings/:meeting/run") view=RunPage/>
                    <Route path=path!("/facilitate/:id/meetings/:meeting/record") view=RecordPage/>
                    <Route path=path!("/technology") view=TechnologyPage/>
                    <Route path=path!("/technology/:id") view=HabitatPage/>
                    <Route path=path!("/evaluate") view=EvaluatePage/>
                    <Route path=path!("/evaluate/report") view=PortfolioReportPage/>
                    <Route path=path!("/evaluate/:id") view=EvaluateCommunityPage/>
                    <Route path=path!("/evaluate/:id/plan") view=ValuePlanPage/>
                    <Route path=path!("/evaluate/:id/indicators") view=ValueIndicatorsPage/>
                    <Route path=path!("/evaluate/:id/stories") view=StoriesPage/>
                    <Route path=path!("/evaluate/:id/stories/:story") view=StoryPage/>
                    <Route path=path!("/evaluate/:id/report") view=CommunityReportPage/>
                    <Route path=path!("/evaluate/:id/reflection") view=ReflectionPage/>
                    <Route path=path!("/data") view=DataPage/>
                    <Route path=path!("/participate") view=ParticipatePage/>
                </Routes>
            </main>
        </div>
    }
}
