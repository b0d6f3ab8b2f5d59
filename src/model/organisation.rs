//! The organisational perspective (guidebook chapters 1 and 2): the structure chooser, the
//! readiness check, leadership roles and capacity building, the success-and-risk health
//! check and the indicators of success.
//!
//! This file holds the records. Operations and computations live next to them:
//! [`super::chooser`] (structure chooser), [`super::readiness`] (readiness and health
//! checks), [`super::roles`] (roles, warnings, capacity building) and
//! [`super::portfolio`] (indicators and the portfolio).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::Id;

/// What a sponsor or social learning team records across all communities.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Organisational readiness checks, oldest first.
    #[serde(default)]
    pub readiness_checks: Vec<ReadinessCheck>,
    /// One capacity-building plan per community leader.
    #[serde(default)]
    pub leader_plans: Vec<LeaderPlan>,
    /// Leaders' peer groups, which may span communities.
    #[serde(default)]
    pub peer_groups: Vec<PeerGroup>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReadinessCheck {
    pub id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// The organisation checked, if the workspace records it.
    #[serde(default)]
    pub organisation_id: Option<Id>,
    /// Who answered, in words ("Sponsor and SLT, workshop").
    #[serde(default)]
    pub by: String,
    /// One score per area of the `readiness_areas` catalogue; a missing one is "not scored".
    pub scores: Vec<AreaScore>,
    #[serde(default)]
    pub note: String,
}

/// A score from 0 (absent) to [`SCORE_MAX`] (strong).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaScore {
    /// An entry of the catalogue the check scores.
    pub area_id: Id,
    pub score: u8,
}

/// The top of the readiness and health-check scales.
pub const SCORE_MAX: u8 = 4;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LeaderPlan {
    /// The leader; a person of the workspace.
    pub person_id: Id,
    /// Steps of the `capacity_steps` catalogue, planned or done.
    pub steps: Vec<CapacityStep>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CapacityStep {
    pub step_id: Id,
    pub status: StepStatus,
    /// When it was done, or when it is planned.
    #[serde(default, deserialize_with = "crate::model::dates::day_opt")]
    pub on: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Planned,
    Done,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PeerGroup {
    pub id: Id,
    pub name: String,
    /// People of the workspace, usually leaders of different communities.
    pub member_ids: Vec<Id>,
    #[serde(default)]
    pub note: String,
}

/// What a community records of the organisational perspective.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stewardship {
    /// The structure chooser's result saved against this community.
    #[serde(default)]
    pub structure_choice: Option<StructureChoice>,
    /// Success-and-risk health checks, oldest first.
    #[serde(default)]
    pub health_checks: Vec<HealthCheck>,
    /// Values of indicators that cannot be computed from the workspace, entered by hand.
    #[serde(default)]
    pub indicator_values: Vec<IndicatorValue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StructureChoice {
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// One answer per question of the `chooser_questions` catalogue answered.
    pub answers: Vec<ChooserAnswer>,
    /// The structure recommended (an entry of `structure_types`).
    pub recommended_id: Id,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChooserAnswer {
    pub question_id: Id,
    /// An entry of `chooser_options` that belongs to the question.
    pub option_id: Id,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HealthCheck {
    pub id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// One score per entry of `success_factors` scored (0 to [`SCORE_MAX`]).
    pub scores: Vec<AreaScore>,
    /// Entries of `risk_factors` flagged as present.
    #[serde(default)]
    pub risks: Vec<Id>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    pub id: Id,
    /// An entry of `org_indicators`.
    pub indicator_id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// The value as entered: "yes", "12", "quarterly newsletter".
    pub value: String,
    /// Where the value comes from: "Sponsor's quarterly review".
    #[serde(default)]
    pub source: String,
}

/// The mean of `scores` as a percentage of [`SCORE_MAX`], rounded; `None` when nothing
/// is scored. The one definition of "health score" and "readiness score" everywhere.
pub fn score_percent(scores: &[AreaScore]) -> Option<u8> {
    if scores.is_empty() {
        return None;
    }
    let sum: u32 = scores.iter().map(|s| u32::from(s.score.min(SCORE_MAX))).sum();
    let pct = (f64::from(sum) * 100.0 / (scores.len() as f64 * f64::from(SCORE_MAX))).round();
    Some(pct as u8)
}

impl HealthCheck {
    /// The check's score, 0–100; see [`score_percent`].
    pub fn score(&self) -> Option<u8> {
        score_percent(&self.scores)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(area: &str, score: u8) -> AreaScore {
        AreaScore {
            area_id: Id::new(area),
            score,
        }
    }

    #[test]
    fn score_percent_is_the_mean_over_scored_areas() {
        assert_eq!(score_percent(&[]), None);
        assert_eq!(score_percent(&[s("a", 4), s("b", 0)]), Some(50));
        assert_eq!(score_percent(&[s("a", 3), s("b", 3), s("c", 4)]), Some(83));
        assert_eq!(score_percent(&[s("a", 4)]), Some(100));
        // An out-of-range score (refused by validation) counts as the maximum, never above.
        assert_eq!(score_percent(&[s("a", 9)]), Some(100));
    }
}
