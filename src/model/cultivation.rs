//! Cultivating a community (guidebook chapter 3): the forming wizard's answers and the
//! charter made from them, the lifecycle stage with its dated history, the maturity
//! soundboard, newcomers' onboarding and the rhythm of planned activities.
//!
//! This file holds the records. The operations and computations live next to them:
//! [`super::forming`] (wizard and charter), [`super::lifecycle`] (stage and maturity),
//! [`super::onboarding`] and [`super::rhythm`] (calendar, mix and `.ics`).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::ids::Id;

/// Everything a community records about its cultivation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cultivation {
    /// The forming wizard's answers, kept as typed so that the wizard resumes where it was.
    #[serde(default)]
    pub forming: Forming,
    /// Saved charter versions, oldest first; the last one is current.
    #[serde(default)]
    pub charters: Vec<Charter>,
    /// The latest stage self-assessment: one agreement per statement answered.
    #[serde(default)]
    pub stage_answers: Vec<StageAnswer>,
    /// Confirmed stage changes, oldest first. The community's `lifecycle_stage_id` always
    /// equals the last entry's `to_stage_id` when there is one.
    #[serde(default)]
    pub stage_history: Vec<StageChange>,
    /// Entries of the `stage_tasks` catalogue the community has done.
    #[serde(default)]
    pub tasks_done: Vec<Id>,
    /// How the community ended or changed, once it reached transformation.
    #[serde(default)]
    pub transformation: Option<Transformation>,
    /// Dated maturity assessments, oldest first.
    #[serde(default)]
    pub maturity: Vec<MaturityAssessment>,
    /// Newcomers' onboarding steps done, one entry per person and step.
    #[serde(default)]
    pub onboarding: Vec<OnboardingTick>,
    /// The rhythm planner's activities.
    #[serde(default)]
    pub activities: Vec<PlannedActivity>,
}

/// The wizard's steps, in order. The formation type and the domain statement and key
/// issues are the community's own fields; the rest are here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Forming {
    /// The step to resume at, from 0 (see [`super::forming::STEPS`]).
    #[serde(default)]
    pub step: u8,
    /// Which organisational priorities the domain serves, and how.
    #[serde(default)]
    pub strategic_links: Vec<StrategicLink>,
    /// The learning agenda.
    #[serde(default)]
    pub agenda: Vec<AgendaTopic>,
    /// Who is invited, in words ("all reliability engineers in the three plants").
    #[serde(default)]
    pub invited: String,
    /// What members will share and build together.
    #[serde(default)]
    pub practice: String,
    #[serde(default)]
    pub value_members_short: String,
    #[serde(default)]
    pub value_members_long: String,
    #[serde(default)]
    pub value_org_short: String,
    #[serde(default)]
    pub value_org_long: String,
    /// The intended rhythm, in words; the planner holds the actual activities.
    #[serde(default)]
    pub rhythm: String,
    #[serde(default)]
    pub norms: String,
    /// What stays inside the community.
    #[serde(default)]
    pub confidential: String,
    /// What may be published outside it.
    #[serde(default)]
    pub publishable: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StrategicLink {
    pub id: Id,
    /// The organisational priority, e.g. "Reduce unplanned downtime".
    pub priority: String,
    /// How the domain contributes to it.
    #[serde(default)]
    pub contribution: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgendaTopic {
    pub id: Id,
    pub topic: String,
    /// The person who takes charge of the topic.
    #[serde(default)]
    pub owner_id: Option<Id>,
    #[serde(default)]
    pub activities: String,
    #[serde(default)]
    pub outputs: String,
}

/// One saved version of the charter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Charter {
    /// 1 for the first saved version, then one more each time.
    pub version: u32,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    pub sections: Vec<CharterSection>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CharterSection {
    pub heading: String,
    #[serde(default)]
    pub body: String,
}

/// How far a self-assessment statement is true: 0 (not at all) to [`AGREEMENT_MAX`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageAnswer {
    /// An entry of the `stage_questions` catalogue.
    pub question_id: Id,
    pub agreement: u8,
}

pub const AGREEMENT_MAX: u8 = 3;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageChange {
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    #[serde(default)]
    pub from_stage_id: Option<Id>,
    pub to_stage_id: Id,
    /// The stage the self-assessment suggested when the change was confirmed, if any.
    #[serde(default)]
    pub suggested_stage_id: Option<Id>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transformation {
    /// An entry of the `transformation_modes` catalogue.
    pub mode_id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaturityAssessment {
    pub id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// One score per dimension of the catalogue; a missing one is "not scored".
    pub scores: Vec<DimensionScore>,
    #[serde(default)]
    pub note: String,
}

/// A dimension's score, 0 (absent) to [`MATURITY_MAX`] (strong).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DimensionScore {
    pub dimension_id: Id,
    pub score: u8,
}

pub const MATURITY_MAX: u8 = 4;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OnboardingTick {
    /// A member of the community.
    pub person_id: Id,
    /// An entry of the `onboarding_steps` catalogue.
    pub step_id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    #[serde(default)]
    pub note: String,
}

/// A recurring or one-off activity in the rhythm planner. Times are local wall-clock
/// times, exported to `.ics` as floating times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedActivity {
    pub id: Id,
    pub title: String,
    /// An entry of the `activity_types` catalogue, if chosen.
    #[serde(default)]
    pub activity_type_id: Option<Id>,
    /// The first (or only) date.
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub starts_on: NaiveDate,
    #[serde(deserialize_with = "crate::model::dates::time")]
    pub start_time: NaiveTime,
    /// 1 to [`DURATION_MAX_MINUTES`].
    pub duration_minutes: u32,
    pub repeat: Repeat,
    /// The last date a recurring activity may fall on; none means it goes on.
    #[serde(default, deserialize_with = "crate::model::dates::day_opt")]
    pub until: Option<NaiveDate>,
    pub feel: Feel,
    pub mode: Mode,
    /// Where: a room or an http(s) link.
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub notes: String,
}

pub const DURATION_MAX_MINUTES: u32 = 24 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    Once,
    Weekly,
    Fortnightly,
    /// On the same weekday of the month as the first date (the "second Tuesday"); a first
    /// date in the month's last seven days repeats on the last such weekday.
    MonthlyByWeekday,
    /// On the same day of the month; months without that day are skipped.
    MonthlyByDate,
}

/// Familiar formats give comfort and routine; exciting ones give novelty (principle 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Feel {
    Familiar,
    Exciting,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Synchronous,
    Asynchronous,
}
