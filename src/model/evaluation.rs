//! Evaluation and value creation (guidebook chapters 6 and 7): the prospective
//! value-creation plan, indicators with their observations, value-creation stories and the
//! periodic reflection of the epilogue.
//!
//! This file holds the records. The operations and computations (derived indicators, CSV
//! import of observations, the value-creation matrix, the sponsor report) live in
//! [`super::value`]. The value cycles, their guiding questions, example indicators and the
//! kinds of knowledge capital are catalogues, so a workspace can edit them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::Id;
use super::workspace::Timestamp;

/// Everything a community records for evaluation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Value-creation plans, one per period, oldest first.
    #[serde(default)]
    pub plans: Vec<ValuePlan>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Observations of the indicators, entered by hand or imported from CSV.
    #[serde(default)]
    pub observations: Vec<Observation>,
    #[serde(default)]
    pub stories: Vec<Story>,
    /// Periodic reflections (the epilogue), oldest first.
    #[serde(default)]
    pub reflections: Vec<Reflection>,
}

/// A finite number. Observations and targets are numbers a spreadsheet would hold; the
/// model never stores NaN or an infinity (JSON cannot hold them either), which is what
/// makes `Eq` sound here.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Number(pub f64);

impl Eq for Number {}

impl Number {
    /// `None` for NaN and the infinities.
    pub fn new(value: f64) -> Option<Number> {
        value.is_finite().then_some(Number(value))
    }
}

/// What a community aspires to create over a period, in each value cycle, and how it will
/// know: the prospective use of the value-creation framework.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValuePlan {
    pub id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub from: NaiveDate,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub to: NaiveDate,
    /// At most one aspiration per value cycle.
    #[serde(default)]
    pub aspirations: Vec<Aspiration>,
    /// How each chosen indicator is collected: one entry per indicator of `indicators`.
    #[serde(default)]
    pub collection: Vec<Collection>,
    #[serde(default)]
    pub note: String,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub updated_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Aspiration {
    /// An entry of `value_cycles`.
    pub cycle_id: Id,
    /// What the community hopes to create in this cycle.
    pub text: String,
    /// For whom: "members", "plant managers", "the regulator".
    #[serde(default)]
    pub stakeholders: String,
}

/// A chosen indicator with its data source, collector and schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Collection {
    /// An indicator of the community's `indicators`.
    pub indicator_id: Id,
    /// Where the data comes from: "attendance lists", "platform analytics".
    #[serde(default)]
    pub data_source: String,
    /// Who collects it.
    #[serde(default)]
    pub collector_id: Option<Id>,
    /// When: "after every meeting", "quarterly".
    #[serde(default)]
    pub schedule: String,
}

/// An indicator of value in one cycle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Id,
    /// An entry of `value_cycles`.
    pub cycle_id: Id,
    pub name: String,
    /// "people", "hours saved", "%"; empty for a qualitative indicator.
    #[serde(default)]
    pub unit: String,
    pub kind: IndicatorKind,
    /// Where its observations come from, in words.
    #[serde(default)]
    pub source: String,
    /// The target value of a quantitative indicator.
    #[serde(default)]
    pub target: Option<Number>,
    /// For an indicator the workspace can compute itself: which measure. Its values are
    /// derived from the records, never stored as observations.
    #[serde(default)]
    pub derived: Option<DerivedMeasure>,
    #[serde(default)]
    pub description: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    Quantitative,
    Qualitative,
}

/// Measures the workspace can compute from its own records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DerivedMeasure {
    /// People (members and guests) recorded at each meeting.
    Attendance,
    /// Members who attended at least one meeting in the period.
    ActiveMembers,
    /// Repertoire items added in the period.
    RepertoireItemsAdded,
    /// Follow-ups done in the period.
    FollowUpsDone,
    /// Members whose participation level moved towards the core in the period.
    MovesTowardsCore,
}

/// One dated value of an indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub id: Id,
    pub indicator_id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// The value of a quantitative indicator.
    #[serde(default)]
    pub value: Option<Number>,
    /// The observation of a qualitative indicator, or a note on a number.
    #[serde(default)]
    pub text: String,
    /// Where it came from: "entered by hand", "imported from analytics.csv".
    #[serde(default)]
    pub source: String,
}

/// A value-creation story: how taking part made a difference, told one cycle at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub id: Id,
    pub title: String,
    /// The teller, when they are a person of the workspace.
    #[serde(default)]
    pub teller_id: Option<Id>,
    /// The teller's name when they are not (a guest, a participant's file).
    #[serde(default)]
    pub teller_name: String,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub told_on: NaiveDate,
    /// The cycle the story starts in: a story can start in any cycle.
    pub start_cycle_id: Id,
    /// The story's steps, at most one per cycle, in the cycles' order.
    #[serde(default)]
    pub steps: Vec<StoryStep>,
    pub status: StoryStatus,
    /// When to check whether an aspirational story's intended ending happened. Required
    /// for an aspirational story.
    #[serde(default, deserialize_with = "crate::model::dates::day_opt")]
    pub follow_up_on: Option<NaiveDate>,
    /// Meetings of the community the story came from.
    #[serde(default)]
    pub meeting_ids: Vec<Id>,
    /// Repertoire items (`practice`) the story used.
    #[serde(default)]
    pub repertoire_item_ids: Vec<Id>,
    /// Indicators that give evidence for the story.
    #[serde(default)]
    pub indicator_ids: Vec<Id>,
    pub verification: Verification,
    pub consent: Consent,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub updated_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    /// An entry of `value_cycles`.
    pub cycle_id: Id,
    pub text: String,
}

/// An aspirational story has an intended ending that needs following up; a realised one
/// tells what happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StoryStatus {
    Aspirational,
    Realised,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    SelfReported,
    Corroborated,
}

/// Who may read a story. Ordered from the narrowest to the widest audience: a report for
/// an audience includes only stories whose consent is at least that wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// Private to the community.
    Community,
    /// Shareable within the organisation(s).
    Organisation,
    Public,
}

/// A periodic reflection: what have we achieved, what challenges lie ahead (the epilogue).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    pub id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    #[serde(default)]
    pub achieved: String,
    #[serde(default)]
    pub challenges: String,
    /// What the reflection means for the community's stage and renewal: carry on, renew
    /// the domain, merge, close.
    #[serde(default)]
    pub decisions: String,
    /// The lifecycle stage the community was at when reflecting.
    #[serde(default)]
    pub stage_id: Option<Id>,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub updated_at: Timestamp,
}

impl Evaluation {
    /// Every id the evaluation records hold.
    pub fn record_ids(&self) -> impl Iterator<Item = &Id> {
        self.plans
            .iter()
            .map(|p| &p.id)
            .chain(self.indicators.iter().map(|i| &i.id))
            .chain(self.observations.iter().map(|o| &o.id))
            .chain(self.stories.iter().map(|s| &s.id))
            .chain(self.reflections.iter().map(|r| &r.id))
    }

    /// What in the evaluation records uses the catalogue entry `id` of `kind`.
    pub fn catalogue_uses(&self, kind: super::CatalogueKind, id: &Id) -> Vec<String> {
        use super::CatalogueKind as K;
        let mut uses = Vec::new();
        match kind {
            K::ValueCycles => {
                if self.plans.iter().any(|p| p.aspirations.iter().any(|a| &a.cycle_id == id)) {
                    uses.push("a value-creation plan".to_string());
                }
                for i in self.indicators.iter().filter(|i| &i.cycle_id == id) {
                    uses.push(format!("indicator '{}'", i.name));
                }
                for s in self
                    .stories
                    .iter()
                    .filter(|s| &s.start_cycle_id == id || s.steps.iter().any(|st| &st.cycle_id == id))
                {
                    uses.push(format!("story '{}'", s.title));
                }
            }
            K::LifecycleStages if self.reflections.iter().any(|r| r.stage_id.as_ref() == Some(id)) => {
                uses.push("a reflection".to_string());
            }
            _ => {}
        }
        uses
    }

    /// Removes every reference to a person who is deleted: story tellers (their name is
    /// kept as the teller's name) and indicator collectors. True when something changed.
    pub(crate) fn forget_person(&mut self, person: &Id, name: &str) -> bool {
        let mut changed = false;
        for s in self.stories.iter_mut().filter(|s| s.teller_id.as_ref() == Some(person)) {
            s.teller_id = None;
            if s.teller_name.trim().is_empty() {
                s.teller_name = name.to_string();
            }
            changed = true;
        }
        for c in self
            .plans
            .iter_mut()
            .flat_map(|p| p.collection.iter_mut())
            .filter(|c| c.collector_id.as_ref() == Some(person))
        {
            c.collector_id = None;
            changed = true;
        }
        changed
    }

    /// Unlinks a repertoire item that is removed from the stories that used it.
    pub(crate) fn forget_repertoire_item(&mut self, item: &Id) {
        for s in &mut self.stories {
            s.repertoire_item_ids.retain(|r| r != item);
        }
    }

    /// Unlinks a meeting that is deleted from the stories that came from it.
    pub(crate) fn forget_meeting(&mut self, meeting: &Id) {
        for s in &mut self.stories {
            s.meeting_ids.retain(|m| m != meeting);
        }
    }
}
