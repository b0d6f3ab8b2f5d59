use leptos::prelude::*;
use leptos_router::components::A;

use super::use_title;

/// The guidebook areas whose tools are still to come.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Facilitate,
    Evaluate,
}

impl Area {
    fn title(self) -> &'static str {
        match self {
            Area::Facilitate => "Facilitating meetings and activities",
            Area::Evaluate => "Evaluation and value creation",
        }
    }

    fn lede(self) -> &'static str {
        match self {
            Area::Facilitate => "For facilitators: designing and running activities in which members learn with and from each other.",
            Area::Evaluate => "For leaders, evaluators and sponsors: making the value a community creates visible, with indicators and stories.",
        }
    }

    fn planned(self) -> &'static [&'static str] {
        match self {
            Area::Facilitate => &[
                "Libraries of activity types and formats (case clinic, peer assist, after-action review, world café…).",
                "A meeting designer with timed agenda blocks and leadership groups.",
                "A run mode for the facilitator, and meeting records with harvest and follow-ups.",
            ],
            Area::Evaluate => &[
                "The value-creation cycles catalogue and a prospective value-creation plan.",
                "Indicators with dated observations, some derived from the workspace itself.",
                "Value-creation stories, a value-creation matrix, and a sponsor report that respects consent levels.",
                "A periodic reflection per community.",
            ],
        }
    }

    fn available(self) -> &'static str {
        match self {
            Area::Facilitate => {
                "Today you can record each community's members and practice; meetings come with this area."
            }
            Area::Evaluate => "Today the value-creation cycles are already an editable catalogue on the Data page.",
        }
    }
}

#[component]
pub fn AreaPage(area: Area) -> impl IntoView {
    use_title(move || area.title().to_string());
    view! {
        <div class="page-header">
            <h1>{area.title()}</h1>
            <p class="lede">{area.lede()}</p>
        </div>
        <div class="banner banner--info" role="note">
            <p><strong>"This area is being built. "</strong>{area.available()}</p>
        </div>
        <section class="section prose" aria-labelledby="planned-h">
            <h2 id="planned-h">"What this area will hold"</h2>
            <ul>{area.planned().iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
            <p><A href=crate::ui::href("/communities")>"Go to your communities"</A>" · "<A href=crate::ui::href("/data")>"Edit the catalogues"</A></p>
        </section>
    }
}
