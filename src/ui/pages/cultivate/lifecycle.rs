//! The lifecycle stage: where the community is and what to do there, a self-assessment that
//! suggests a stage, the confirmation that records it, and the dated history.

mod assessment;
mod confirm;
mod current;
mod history;
mod transformation;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::Id;

#[component]
pub fn LifecycleSection(id: Id) -> impl IntoView {
    view! {
        <section class="section lifecycle" aria-labelledby="stage-h">
            <h2 id="stage-h">"Lifecycle stage"</h2>
            <p class="muted lifecycle__intro">
                "Communities grow through stages, each with its own tension to hold and its own work for the core group. Rate the statements with your core group, look at the stage they suggest, and record the stage you agree on: the history shows how the community has developed. (Stages of development after Wenger, McDermott & Snyder, 2002. The stages, statements, tensions and tasks can be edited on the "
                <A href=crate::ui::href("/data")>"Data page"</A>
                ".)"
            </p>
            <current::CurrentStage id=id.clone()/>
            <super::super::evaluate::LatestReflection id=id.clone()/>
            <transformation::TransformationPanel id=id.clone()/>
            <assessment::SelfAssessment id=id.clone()/>
            <confirm::ConfirmStage id=id.clone()/>
            <history::StageHistory id/>
        </section>
    }
}
