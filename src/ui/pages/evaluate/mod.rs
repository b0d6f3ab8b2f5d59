//! Evaluation and value creation (guidebook chapters 6 and 7) and the epilogue's
//! reflection: the value-creation plan, indicators with their charts and CSV import,
//! value-creation stories, the matrix, the sponsor report and the periodic reflection.

mod chart;
mod home;
mod import;
mod indicators;
mod matrix;
mod plan;
mod reflection;
mod report;
mod stories;
mod story;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::{field_error, FieldError, Id, ModelError};
use crate::ui::components::CommunityScope;

pub use home::EvaluatePage;
pub use reflection::LatestReflection;
pub use report::PortfolioReportPage;

/// The parts of a community's evaluation, each its own page under `/evaluate/:id`.
const PARTS: [(&str, &str); 6] = [
    ("", "Matrix"),
    ("/plan", "Plan"),
    ("/indicators", "Indicators"),
    ("/stories", "Stories"),
    ("/report", "Sponsor report"),
    ("/reflection", "Reflection"),
];

/// The navigation between a community's evaluation pages.
#[component]
fn EvaluateNav(id: Id) -> impl IntoView {
    view! {
        <nav class="tabs no-print" aria-label="Evaluation of this community">
            {PARTS.iter().map(|(suffix, label)| {
                let href = crate::ui::href(&format!("/evaluate/{id}{suffix}"));
                view! { <A href=href exact=true>{*label}</A> }
            }).collect_view()}
        </nav>
    }
}

/// The form errors of a refused operation; other refusals become one general message.
pub(super) fn form_errors(e: ModelError) -> Vec<FieldError> {
    match e {
        ModelError::Invalid(errs) => errs,
        other => vec![FieldError::new("general", other.to_string())],
    }
}

/// The message for `field` among `errs`, as a reactive prop.
pub(super) fn err(errs: RwSignal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || errs.with(|e| field_error(e, field)))
}

/// Every message of a field that may have several (rows of a table, lines of a file).
pub(super) fn all_errors(errs: RwSignal<Vec<FieldError>>, field: &'static str) -> Vec<String> {
    errs.with(|e| e.iter().filter(|x| x.field == field).map(|x| x.message.clone()).collect())
}

/// The general error of a form, shown above its buttons.
#[component]
pub(super) fn GeneralError(errs: RwSignal<Vec<FieldError>>) -> impl IntoView {
    move || {
        errs.with(|e| field_error(e, "general")).map(|m| view! { <p class="field__error" role="alert">{m}</p> })
    }
}

/// Focus the element with this id after the next render.
pub(super) fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

#[component]
pub fn EvaluateCommunityPage() -> impl IntoView {
    view! {
        <CommunityScope area="Evaluate" area_path="/evaluate" back_label="All communities"
            heading=|n: &str| format!("Value created by {n}")
            body=|id: Id| view! { <EvaluateNav id=id.clone()/><matrix::MatrixSection id/> }.into_any()/>
    }
}

#[component]
pub fn ValuePlanPage() -> impl IntoView {
    view! {
        <CommunityScope area="Evaluate" area_path="/evaluate" back_label="All communities"
            heading=|n: &str| format!("Value-creation plan of {n}")
            body=|id: Id| view! { <EvaluateNav id=id.clone()/><plan::PlanSection id/> }.into_any()/>
    }
}

#[component]
pub fn ValueIndicatorsPage() -> impl IntoView {
    view! {
        <CommunityScope area="Evaluate" area_path="/evaluate" back_label="All communities"
            heading=|n: &str| format!("Value indicators of {n}")
            body=|id: Id| view! { <EvaluateNav id=id.clone()/><indicators::IndicatorsSection id/> }.into_any()/>
    }
}

#[component]
pub fn StoriesPage() -> impl IntoView {
    view! {
        <CommunityScope area="Evaluate" area_path="/evaluate" back_label="All communities"
            heading=|n: &str| format!("Value-creation stories of {n}")
            body=|id: Id| view! { <EvaluateNav id=id.clone()/><stories::StoriesSection id/> }.into_any()/>
    }
}

#[component]
pub fn StoryPage() -> impl IntoView {
    view! {
        <CommunityScope area="Evaluate" area_path="/evaluate" back_label="All communities"
            heading=|n: &str| format!("A value-creation story of {n}")
            body=|id: Id| view! { <EvaluateNav id=id.clone()/><story::StoryForm id/> }.into_any()/>
    }
}

#[component]
pub fn CommunityReportPage() -> impl IntoView {
    view! {
        <CommunityScope area="Evaluate" area_path="/evaluate" back_label="All communities"
            heading=|n: &str| format!("Sponsor report of {n}")
            body=|id: Id| view! { <EvaluateNav id=id.clone()/><report::ReportSection scope=Some(id)/> }.into_any()/>
    }
}

#[component]
pub fn ReflectionPage() -> impl IntoView {
    view! {
        <CommunityScope area="Evaluate" area_path="/evaluate" back_label="All communities"
            heading=|n: &str| format!("Reflection of {n}")
            body=|id: Id| view! { <EvaluateNav id=id.clone()/><reflection::ReflectionSection id/> }.into_any()/>
    }
}

/// Two date inputs choosing a period.
#[component]
pub(super) fn PeriodPicker(from: RwSignal<String>, to: RwSignal<String>, #[prop(into)] idp: String) -> impl IntoView {
    let (f, t) = (format!("{idp}-from"), format!("{idp}-to"));
    view! {
        <fieldset class="period-picker no-print">
            <legend>"Period"</legend>
            <div class="field">
                <label for=f.clone()>"From"</label>
                <input id=f type="date" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for=t.clone()>"To"</label>
                <input id=t type="date" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))/>
            </div>
        </fieldset>
    }
}
