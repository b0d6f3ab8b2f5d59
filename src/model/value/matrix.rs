//! The value-creation matrix: the value cycles set against a community's indicators and
//! stories for a period, with the gaps (for example "no evidence of realized value"); and
//! the aspirational stories due for follow-up.

use chrono::{Duration, Months, NaiveDate};

use super::super::catalogue::{CatalogueKind, Catalogues};
use super::super::evaluation::{Aspiration, Consent, IndicatorKind, StoryStatus, Verification};
use super::super::ids::Id;
use super::super::workspace::{Community, Workspace};
use super::derived::{on_target, series};

/// The cycles of the 2011 framework that every community is expected to show evidence in;
/// the others count as gaps only when the plan aspires to them or indicators are chosen.
pub const CORE_CYCLES: [&str; 4] = ["immediate", "potential", "applied", "realized"];

/// The period to show by default: the plan covering `today`, else the latest plan, else
/// the twelve months up to `today`.
pub fn default_period(c: &Community, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let plans = &c.evaluation.plans;
    if let Some(p) = plans.iter().find(|p| p.from <= today && today <= p.to) {
        return (p.from, p.to);
    }
    if let Some(p) = plans.iter().max_by_key(|p| p.to) {
        return (p.from, p.to);
    }
    let from = today.checked_sub_months(Months::new(12)).unwrap_or(today) + Duration::days(1);
    (from, today)
}

/// One indicator in a cycle's row.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorEvidence {
    pub id: Id,
    pub name: String,
    pub kind: IndicatorKind,
    pub derived: bool,
    /// Data points (or texts) in the period.
    pub data: usize,
    /// The period's figure with its unit and what it is, or "no data in this period".
    pub figure: String,
    pub on_target: Option<bool>,
    /// Stories of the matrix that cite this indicator as evidence.
    pub cited_by: usize,
}

/// One story in a cycle's row.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryEvidence {
    pub id: Id,
    pub title: String,
    pub status: StoryStatus,
    pub verification: Verification,
    pub consent: Consent,
    /// True in the row of the cycle the story starts in.
    pub starts_here: bool,
    /// True when this step is an intended ending: the story is aspirational and this cycle
    /// comes after the one it starts in.
    pub intended: bool,
}

/// What is missing in a cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Neither an indicator with data nor a story.
    NoEvidence,
    /// The plan aspires to the cycle, but no indicator is chosen for it.
    AspirationWithoutIndicator,
    /// Indicators are chosen, but none has data in the period.
    IndicatorsWithoutData,
    /// Every story in the cycle is still aspirational.
    OnlyIntended,
}

impl Gap {
    /// The gap in words, for the cycle labelled `cycle` ("Realized value").
    pub fn message(&self, cycle: &str) -> String {
        let c = cycle.to_lowercase();
        match self {
            Gap::NoEvidence => format!("No evidence of {c} in this period"),
            Gap::AspirationWithoutIndicator => {
                format!("The plan aspires to {c}, but no indicator is chosen to show it")
            }
            Gap::IndicatorsWithoutData => format!("Indicators of {c} have no data in this period"),
            Gap::OnlyIntended => format!("The stories of {c} are still intended endings: follow them up"),
        }
    }

    /// What to do about it, for the report's next steps.
    pub fn next_step(&self, cycle: &str) -> String {
        let c = cycle.to_lowercase();
        match self {
            Gap::NoEvidence => format!("Collect evidence of {c}: choose an indicator or ask members for stories"),
            Gap::AspirationWithoutIndicator => format!("Choose an indicator for {c}, as the plan aspires to it"),
            Gap::IndicatorsWithoutData => format!("Collect the indicators of {c}: none has data in this period"),
            Gap::OnlyIntended => format!("Follow up the aspirational stories of {c}"),
        }
    }
}

/// One value cycle of the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixRow {
    pub cycle_id: Id,
    pub label: String,
    pub aspiration: Option<Aspiration>,
    pub indicators: Vec<IndicatorEvidence>,
    pub stories: Vec<StoryEvidence>,
    pub gaps: Vec<Gap>,
}

impl MatrixRow {
    /// True when the cycle has an indicator with data or a story.
    pub fn has_evidence(&self) -> bool {
        self.indicators.iter().any(|i| i.data > 0) || !self.stories.is_empty()
    }
}

/// The matrix of a community for a period, as seen by an audience.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The plan whose aspirations are shown: the one overlapping the period most.
    pub plan_id: Option<Id>,
    pub rows: Vec<MatrixRow>,
    /// Stories of the period left out because their consent is narrower than the audience.
    pub withheld_stories: usize,
}

impl Matrix {
    pub fn cycles_with_evidence(&self) -> usize {
        self.rows.iter().filter(|r| r.has_evidence()).count()
    }

    pub fn gaps(&self) -> impl Iterator<Item = (&MatrixRow, &Gap)> {
        self.rows.iter().flat_map(|r| r.gaps.iter().map(move |g| (r, g)))
    }
}

fn overlap(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> i64 {
    let from = a.0.max(b.0);
    let to = a.1.min(b.1);
    (to - from).num_days() + 1
}

/// The value-creation matrix of `c` for `from..=to`, showing only the stories told in the
/// period whose consent allows `audience` (use [`Consent::Community`] inside the community).
pub fn value_matrix(cats: &Catalogues, c: &Community, from: NaiveDate, to: NaiveDate, audience: Consent) -> Matrix {
    let ev = &c.evaluation;
    let plan = ev
        .plans
        .iter()
        .filter(|p| overlap((p.from, p.to), (from, to)) > 0)
        .max_by_key(|p| (overlap((p.from, p.to), (from, to)), p.from));
    let told: Vec<_> = ev
        .stories
        .iter()
        .filter(|s| s.told_on >= from && s.told_on <= to)
        .collect();
    let shown: Vec<_> = told.iter().filter(|s| s.consent.allows(audience)).copied().collect();
    let withheld_stories = told.len() - shown.len();
    let rows = cats
        .get(CatalogueKind::ValueCycles)
        .iter()
        .enumerate()
        .map(|(rank, cycle)| {
            let aspiration = plan
                .and_then(|p| p.aspirations.iter().find(|a| a.cycle_id == cycle.id))
                .cloned();
            let indicators: Vec<IndicatorEvidence> = ev
                .indicators
                .iter()
                .filter(|i| i.cycle_id == cycle.id)
                .map(|i| {
                    let s = series(cats, c, i, from, to);
                    let data = if i.derived.is_some() {
                        s.points.iter().filter(|p| p.value != 0.0).count()
                    } else {
                        s.points.len().max(s.notes.len())
                    };
                    IndicatorEvidence {
                        id: i.id.clone(),
                        name: i.name.clone(),
                        kind: i.kind,
                        derived: i.derived.is_some(),
                        data,
                        figure: if data > 0 {
                            s.figure_text(&i.unit)
                        } else {
                            "no data in this period".into()
                        },
                        on_target: if data > 0 { on_target(i, &s) } else { None },
                        cited_by: shown.iter().filter(|st| st.indicator_ids.contains(&i.id)).count(),
                    }
                })
                .collect();
            let stories: Vec<StoryEvidence> = shown
                .iter()
                .filter(|s| {
                    s.steps
                        .iter()
                        .any(|st| st.cycle_id == cycle.id && !st.text.trim().is_empty())
                })
                .map(|s| {
                    let start = cats
                        .get(CatalogueKind::ValueCycles)
                        .iter()
                        .position(|e| e.id == s.start_cycle_id)
                        .unwrap_or(0);
                    StoryEvidence {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        status: s.status,
                        verification: s.verification,
                        consent: s.consent,
                        starts_here: s.start_cycle_id == cycle.id,
                        intended: s.status == StoryStatus::Aspirational && rank > start,
                    }
                })
                .collect();
            let mut gaps = Vec::new();
            let has_data = indicators.iter().any(|i| i.data > 0);
            let expected = CORE_CYCLES.contains(&cycle.id.as_str()) || aspiration.is_some() || !indicators.is_empty();
            if expected && !has_data && stories.is_empty() {
                gaps.push(Gap::NoEvidence);
            }
            if aspiration.is_some() && indicators.is_empty() {
                gaps.push(Gap::AspirationWithoutIndicator);
            }
            if !indicators.is_empty() && !has_data && !stories.is_empty() {
                gaps.push(Gap::IndicatorsWithoutData);
            }
            if !stories.is_empty() && stories.iter().all(|s| s.intended) && !has_data {
                gaps.push(Gap::OnlyIntended);
            }
            MatrixRow {
                cycle_id: cycle.id.clone(),
                label: cycle.label.clone(),
                aspiration,
                indicators,
                stories,
                gaps,
            }
        })
        .collect();
    Matrix {
        from,
        to,
        plan_id: plan.map(|p| p.id.clone()),
        rows,
        withheld_stories,
    }
}

/// An aspirational story whose follow-up is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueStory {
    pub community_id: Id,
    pub community_name: String,
    pub story_id: Id,
    pub title: String,
    pub follow_up_on: NaiveDate,
    /// True when the follow-up date has passed.
    pub overdue: bool,
}

/// Aspirational stories across the workspace whose follow-up date is on or before
/// `today + within_days`, the most overdue first.
pub fn stories_due(ws: &Workspace, today: NaiveDate, within_days: i64) -> Vec<DueStory> {
    let horizon = today + Duration::days(within_days);
    let mut out: Vec<DueStory> = ws
        .communities
        .iter()
        .flat_map(|c| {
            c.evaluation
                .stories
                .iter()
                .filter(|s| s.status == StoryStatus::Aspirational)
                .filter_map(move |s| {
                    let f = s.follow_up_on?;
                    (f <= horizon).then(|| DueStory {
                        community_id: c.id.clone(),
                        community_name: c.name.clone(),
                        story_id: s.id.clone(),
                        title: s.title.clone(),
                        follow_up_on: f,
                        overdue: f < today,
                    })
                })
        })
        .collect();
    out.sort_by(|a, b| a.follow_up_on.cmp(&b.follow_up_on).then(a.title.cmp(&b.title)));
    out
}
