//! Technology: a community's digital habitat (Wenger, White & Smith, *Digital Habitats*, 2009).
//!
//! A community rates how important each *orientation* of its activities is (a spidergram),
//! places itself on three *polarities*, keeps an inventory of its tools with a steward for
//! each, and logs its configuration decisions. The coverage analysis shows an orientation
//! rated important that no tool serves, and whether members who cannot attend live sessions
//! have an asynchronous path, through its tools or the rhythm planner's any-time activities.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::{CatalogueKind, Catalogues};
use super::cultivation::{Mode as ActivityMode, PlannedActivity};
use super::ids::Id;
use super::limits::{too_long, LONG_MAX, NAME_MAX, SHORT_MAX};
use super::workspace::{dedup, fresh_id, FieldError, FieldErrors, ModelError, ModelResult, Timestamp, Workspace};

/// Importance of an orientation, 0 (not important) to 4 (essential).
pub const IMPORTANCE_MAX: u8 = 4;
/// From this importance on, an orientation that no tool serves is a gap.
pub const IMPORTANT: u8 = 3;

/// Words for each importance value, for sliders' `aria-valuetext` and tables.
pub fn importance_label(value: u8) -> &'static str {
    match value {
        0 => "not important",
        1 => "a little important",
        2 => "somewhat important",
        3 => "important",
        _ => "essential",
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Technology {
    /// Dated orientation profiles, oldest first.
    #[serde(default)]
    pub profiles: Vec<OrientationProfile>,
    #[serde(default)]
    pub polarities: Polarities,
    #[serde(default)]
    pub tools: Vec<Tool>,
    /// The configuration decision log, oldest first.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Entries of the `habitat_checklist` catalogue this community has done.
    #[serde(default)]
    pub checklist_done: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OrientationProfile {
    pub id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// One rating per orientation of the catalogue; a missing one counts as 0.
    pub ratings: Vec<Rating>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub orientation_id: Id,
    /// 0 (not important) to 4 (essential).
    pub importance: u8,
}

impl OrientationProfile {
    pub fn importance(&self, orientation: &Id) -> u8 {
        self.ratings
            .iter()
            .find(|r| &r.orientation_id == orientation)
            .map(|r| r.importance)
            .unwrap_or(0)
    }
}

/// Where the community stands on the three tensions technology has to balance, each from 0
/// (all the first pole) to 100 (all the second), with a note on how it handles the tension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Polarities {
    pub rhythm: Polarity,
    pub interaction: Polarity,
    pub identity: Polarity,
}

impl Default for Polarities {
    fn default() -> Self {
        let mid = Polarity {
            position: 50,
            note: String::new(),
        };
        Polarities {
            rhythm: mid.clone(),
            interaction: mid.clone(),
            identity: mid,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Polarity {
    /// 0 to 100.
    pub position: u8,
    #[serde(default)]
    pub note: String,
}

/// The three polarities: field name, title, the two poles, and what the tension is about.
pub const POLARITIES: [(&str, &str, &str, &str, &str); 3] = [
    (
        "rhythm",
        "Rhythm",
        "Togetherness",
        "Separateness",
        "Being together in time (live sessions) against taking part at one's own pace across time zones.",
    ),
    (
        "interaction",
        "Interaction",
        "Participation",
        "Reification",
        "Talking and doing things together against producing documents, tools and other artefacts.",
    ),
    (
        "identity",
        "Identity",
        "Individual",
        "Group",
        "Each member's own profile, interests and trajectory against the group's shared identity and spaces.",
    ),
];

impl Polarities {
    pub fn get(&self, key: &str) -> Option<&Polarity> {
        match key {
            "rhythm" => Some(&self.rhythm),
            "interaction" => Some(&self.interaction),
            "identity" => Some(&self.identity),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Polarity> {
        match key {
            "rhythm" => Some(&mut self.rhythm),
            "interaction" => Some(&mut self.interaction),
            "identity" => Some(&mut self.identity),
            _ => None,
        }
    }
}

/// Whether a tool brings people together in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Synchronous,
    Asynchronous,
    Both,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Synchronous, Mode::Asynchronous, Mode::Both];

    pub fn key(self) -> &'static str {
        match self {
            Mode::Synchronous => "synchronous",
            Mode::Asynchronous => "asynchronous",
            Mode::Both => "both",
        }
    }

    pub fn from_key(key: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Mode::Synchronous => "Synchronous (live)",
            Mode::Asynchronous => "Asynchronous (any time)",
            Mode::Both => "Both",
        }
    }

    pub fn is_async(self) -> bool {
        matches!(self, Mode::Asynchronous | Mode::Both)
    }

    pub fn is_sync(self) -> bool {
        matches!(self, Mode::Synchronous | Mode::Both)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub id: Id,
    pub name: String,
    /// A tool category from the catalogue.
    pub category_id: Id,
    pub mode: Mode,
    #[serde(default)]
    pub orientation_ids: Vec<Id>,
    #[serde(default)]
    pub activity_type_ids: Vec<Id>,
    /// The person who stewards the tool.
    #[serde(default)]
    pub steward_id: Option<Id>,
    #[serde(default)]
    pub cost: String,
    /// Who can get in, and what stays private.
    #[serde(default)]
    pub access_notes: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: Id,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// The tool the decision is about, if any.
    #[serde(default)]
    pub tool_id: Option<Id>,
    /// What was configured or decided.
    pub what: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub by_id: Option<Id>,
}

/// How one orientation is covered by the community's tools.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub orientation_id: Id,
    pub importance: u8,
    pub tools: Vec<Id>,
    pub sync_tools: usize,
    pub async_tools: usize,
    /// Rated important (3 or more) and served by no tool.
    pub gap: bool,
}

/// Coverage of every orientation in the catalogue, in catalogue order, against `profile`
/// (no profile: everything rated 0, so nothing is a gap).
pub fn coverage(cats: &Catalogues, profile: Option<&OrientationProfile>, tools: &[Tool]) -> Vec<Coverage> {
    cats.get(CatalogueKind::Orientations)
        .iter()
        .map(|o| {
            let serving: Vec<&Tool> = tools.iter().filter(|t| t.orientation_ids.contains(&o.id)).collect();
            let importance = profile.map(|p| p.importance(&o.id)).unwrap_or(0);
            Coverage {
                orientation_id: o.id.clone(),
                importance,
                tools: serving.iter().map(|t| t.id.clone()).collect(),
                sync_tools: serving.iter().filter(|t| t.mode.is_sync()).count(),
                async_tools: serving.iter().filter(|t| t.mode.is_async()).count(),
                gap: importance >= IMPORTANT && serving.is_empty(),
            }
        })
        .collect()
}

/// The orientations through which members who miss live sessions can still take part.
pub const ASYNC_PATH_ORIENTATIONS: [&str; 3] = ["open_ended_conversation", "content", "access_to_expertise"];

/// Whether members who cannot attend live sessions have an asynchronous path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AsyncPath {
    /// No tools recorded yet.
    Unknown,
    /// These asynchronous tools serve conversation, content or access to expertise.
    Yes(Vec<Id>),
    /// There are live tools but no asynchronous tool for conversation, content or expertise.
    No,
}

pub fn async_path(tools: &[Tool]) -> AsyncPath {
    if tools.is_empty() {
        return AsyncPath::Unknown;
    }
    let paths: Vec<Id> = tools
        .iter()
        .filter(|t| {
            t.mode.is_async()
                && t.orientation_ids
                    .iter()
                    .any(|o| ASYNC_PATH_ORIENTATIONS.contains(&o.as_str()))
        })
        .map(|t| t.id.clone())
        .collect();
    if paths.is_empty() {
        AsyncPath::No
    } else {
        AsyncPath::Yes(paths)
    }
}

/// The rhythm polarity in the community's plans: how many of the rhythm planner's activities
/// are live sessions, and what members who cannot attend them have instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RhythmPath {
    /// Activities in the planner that still fall on or after the day asked about.
    pub planned: usize,
    /// Of those, the live (synchronous) ones.
    pub live: usize,
    /// The asynchronous planned activities, in the planner's order.
    pub any_time_activities: Vec<Id>,
    /// The asynchronous tools for conversation, content or expertise (see [`async_path`]).
    pub any_time_tools: Vec<Id>,
}

impl RhythmPath {
    /// Live sessions are planned, and members who miss them have no planned any-time
    /// activity and no asynchronous tool to take part through.
    pub fn leaves_people_out(&self) -> bool {
        self.live > 0 && self.any_time_activities.is_empty() && self.any_time_tools.is_empty()
    }
}

/// The [`RhythmPath`] of a community on `on`: activities that are over by then do not count.
pub fn rhythm_path(tools: &[Tool], activities: &[PlannedActivity], on: NaiveDate) -> RhythmPath {
    let planned: Vec<&PlannedActivity> = activities.iter().filter(|a| !super::rhythm::is_over(a, on)).collect();
    RhythmPath {
        planned: planned.len(),
        live: planned.iter().filter(|a| a.mode == ActivityMode::Synchronous).count(),
        any_time_activities: planned
            .iter()
            .filter(|a| a.mode == ActivityMode::Asynchronous)
            .map(|a| a.id.clone())
            .collect(),
        any_time_tools: match async_path(tools) {
            AsyncPath::Yes(ids) => ids,
            AsyncPath::Unknown | AsyncPath::No => Vec::new(),
        },
    }
}

/// The form for a tool.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolDraft {
    pub name: String,
    pub category_id: Id,
    pub mode: Mode,
    pub orientation_ids: Vec<Id>,
    pub activity_type_ids: Vec<Id>,
    pub steward_id: Option<Id>,
    pub cost: String,
    pub access_notes: String,
}

impl ToolDraft {
    pub fn of(t: &Tool) -> Self {
        ToolDraft {
            name: t.name.clone(),
            category_id: t.category_id.clone(),
            mode: t.mode,
            orientation_ids: t.orientation_ids.clone(),
            activity_type_ids: t.activity_type_ids.clone(),
            steward_id: t.steward_id.clone(),
            cost: t.cost.clone(),
            access_notes: t.access_notes.clone(),
        }
    }

    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        if self.name.trim().is_empty() {
            e.push(FieldError::new("name", "Name is required"));
        } else if let Some(m) = too_long(&self.name, NAME_MAX) {
            e.push(FieldError::new("name", format!("Name {m}")));
        }
        if !ws.catalogues.contains(CatalogueKind::ToolCategories, &self.category_id) {
            e.push(FieldError::new("category_id", "Choose a category"));
        }
        if self
            .orientation_ids
            .iter()
            .any(|o| !ws.catalogues.contains(CatalogueKind::Orientations, o))
        {
            e.push(FieldError::new("orientation_ids", "Choose orientations from the list"));
        }
        if self
            .activity_type_ids
            .iter()
            .any(|a| !ws.catalogues.contains(CatalogueKind::ActivityTypes, a))
        {
            e.push(FieldError::new(
                "activity_type_ids",
                "Choose activity types from the list",
            ));
        }
        if let Some(s) = &self.steward_id {
            if ws.person(s).is_none() {
                e.push(FieldError::new("steward_id", "Choose a person from the list"));
            }
        }
        if let Some(m) = too_long(&self.cost, SHORT_MAX) {
            e.push(FieldError::new("cost", format!("Cost {m}")));
        }
        if let Some(m) = too_long(&self.access_notes, LONG_MAX) {
            e.push(FieldError::new("access_notes", format!("Notes {m}")));
        }
        e
    }

    fn build(&self, id: Id) -> Tool {
        Tool {
            id,
            name: self.name.trim().to_string(),
            category_id: self.category_id.clone(),
            mode: self.mode,
            orientation_ids: dedup(&self.orientation_ids),
            activity_type_ids: dedup(&self.activity_type_ids),
            steward_id: self.steward_id.clone(),
            cost: self.cost.trim().to_string(),
            access_notes: self.access_notes.clone(),
        }
    }
}

fn invalid(field: &'static str, message: impl Into<String>) -> ModelError {
    ModelError::Invalid(vec![FieldError::new(field, message)])
}

fn fresh(ws: &Workspace, id: &Id) -> ModelResult {
    fresh_id(ws.id_in_use(id), id)
}

impl Technology {
    /// The ids of the profiles, tools and decisions.
    pub fn record_ids(&self) -> impl Iterator<Item = &Id> {
        self.profiles
            .iter()
            .map(|p| &p.id)
            .chain(self.tools.iter().map(|x| &x.id))
            .chain(self.decisions.iter().map(|d| &d.id))
    }
}

impl Workspace {
    /// Records a dated orientation profile. `ratings` holds (orientation, importance 0–4).
    pub fn add_orientation_profile(
        &mut self,
        community: &Id,
        id: Id,
        on: NaiveDate,
        ratings: &[(Id, u8)],
        note: &str,
        now: Timestamp,
    ) -> ModelResult {
        fresh(self, &id)?;
        if let Some((o, _)) = ratings
            .iter()
            .find(|(o, _)| !self.catalogues.contains(CatalogueKind::Orientations, o))
        {
            return Err(invalid("ratings", format!("No orientation with id '{o}'")));
        }
        if ratings.iter().any(|(_, i)| *i > IMPORTANCE_MAX) {
            return Err(invalid(
                "ratings",
                format!("Importance goes from 0 to {IMPORTANCE_MAX}"),
            ));
        }
        if let Some(m) = too_long(note, LONG_MAX) {
            return Err(invalid("note", format!("Note {m}")));
        }
        let mut rs: Vec<Rating> = Vec::new();
        for (o, i) in ratings {
            if !rs.iter().any(|r| &r.orientation_id == o) {
                rs.push(Rating {
                    orientation_id: o.clone(),
                    importance: *i,
                });
            }
        }
        self.with_community(community, now, |c| {
            let profile = OrientationProfile {
                id,
                on,
                ratings: rs,
                note: note.trim().to_string(),
            };
            // Keep the history in date order; a second profile on the same day follows the first.
            let at = c
                .technology
                .profiles
                .iter()
                .position(|p| p.on > on)
                .unwrap_or(c.technology.profiles.len());
            c.technology.profiles.insert(at, profile);
            Ok(())
        })
    }

    pub fn remove_orientation_profile(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.technology.profiles.len();
            c.technology.profiles.retain(|p| &p.id != id);
            if n == c.technology.profiles.len() {
                return Err(ModelError::NotFound("That profile no longer exists".into()));
            }
            Ok(())
        })
    }

    /// Places the community on one polarity (`rhythm`, `interaction` or `identity`).
    pub fn set_polarity(&mut self, community: &Id, key: &str, position: u8, note: &str, now: Timestamp) -> ModelResult {
        if position > 100 {
            return Err(invalid("position", "The position goes from 0 to 100"));
        }
        if let Some(m) = too_long(note, LONG_MAX) {
            return Err(invalid("note", format!("Note {m}")));
        }
        self.with_community(community, now, |c| {
            let p = c
                .technology
                .polarities
                .get_mut(key)
                .ok_or_else(|| ModelError::NotFound(format!("No polarity called {key}")))?;
            p.position = position;
            p.note = note.trim().to_string();
            Ok(())
        })
    }

    pub fn add_tool(&mut self, community: &Id, id: Id, draft: &ToolDraft, now: Timestamp) -> ModelResult {
        let problems = draft.problems(self);
        if !problems.is_empty() {
            return Err(ModelError::Invalid(problems));
        }
        fresh(self, &id)?;
        self.with_community(community, now, |c| {
            c.technology.tools.push(draft.build(id));
            Ok(())
        })
    }

    pub fn update_tool(&mut self, community: &Id, id: &Id, draft: &ToolDraft, now: Timestamp) -> ModelResult {
        let problems = draft.problems(self);
        if !problems.is_empty() {
            return Err(ModelError::Invalid(problems));
        }
        self.with_community(community, now, |c| {
            let t = c
                .technology
                .tools
                .iter_mut()
                .find(|t| &t.id == id)
                .ok_or_else(|| ModelError::NotFound("That tool no longer exists".into()))?;
            *t = draft.build(id.clone());
            Ok(())
        })
    }

    /// Removes a tool. Decisions about it stay in the log, no longer linked to it.
    pub fn remove_tool(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.technology.tools.len();
            c.technology.tools.retain(|t| &t.id != id);
            if n == c.technology.tools.len() {
                return Err(ModelError::NotFound("That tool no longer exists".into()));
            }
            for d in c
                .technology
                .decisions
                .iter_mut()
                .filter(|d| d.tool_id.as_ref() == Some(id))
            {
                d.tool_id = None;
            }
            Ok(())
        })
    }

    /// Adds a decision to the log, keeping it in date order.
    #[allow(clippy::too_many_arguments)]
    pub fn add_decision(
        &mut self,
        community: &Id,
        id: Id,
        on: NaiveDate,
        tool: Option<Id>,
        what: &str,
        why: &str,
        by: Option<Id>,
        now: Timestamp,
    ) -> ModelResult {
        let mut e = Vec::new();
        if what.trim().is_empty() {
            e.push(FieldError::new("what", "Say what was decided or configured"));
        } else if let Some(m) = too_long(what, LONG_MAX) {
            e.push(FieldError::new("what", format!("Decision {m}")));
        }
        if let Some(m) = too_long(why, LONG_MAX) {
            e.push(FieldError::new("why", format!("Reason {m}")));
        }
        if by.as_ref().is_some_and(|p| self.person(p).is_none()) {
            e.push(FieldError::new("by_id", "Choose a person from the list"));
        }
        if let Some(t) = &tool {
            if !self
                .community(community)
                .is_some_and(|c| c.technology.tools.iter().any(|x| &x.id == t))
            {
                e.push(FieldError::new("tool_id", "Choose one of this community's tools"));
            }
        }
        if !e.is_empty() {
            return Err(ModelError::Invalid(e));
        }
        fresh(self, &id)?;
        self.with_community(community, now, |c| {
            let d = Decision {
                id,
                on,
                tool_id: tool,
                what: what.trim().to_string(),
                why: why.trim().to_string(),
                by_id: by,
            };
            let at = c
                .technology
                .decisions
                .iter()
                .position(|x| x.on > on)
                .unwrap_or(c.technology.decisions.len());
            c.technology.decisions.insert(at, d);
            Ok(())
        })
    }

    pub fn remove_decision(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.technology.decisions.len();
            c.technology.decisions.retain(|d| &d.id != id);
            if n == c.technology.decisions.len() {
                return Err(ModelError::NotFound("That decision no longer exists".into()));
            }
            Ok(())
        })
    }

    /// Ticks or unticks a step of the digital habitat checklist.
    pub fn set_checklist_step(&mut self, community: &Id, step: &Id, done: bool, now: Timestamp) -> ModelResult {
        if !self.catalogues.contains(CatalogueKind::HabitatChecklist, step) {
            return Err(ModelError::NotFound("That checklist step no longer exists".into()));
        }
        self.with_community(community, now, |c| {
            let list = &mut c.technology.checklist_done;
            let has = list.contains(step);
            if done && !has {
                list.push(step.clone());
            } else if !done && has {
                list.retain(|s| s != step);
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tool(id: &str, mode: Mode, orientations: &[&str]) -> Tool {
        Tool {
            id: Id::new(id),
            name: id.into(),
            category_id: Id::new("chat"),
            mode,
            orientation_ids: orientations.iter().map(|o| Id::new(*o)).collect(),
            activity_type_ids: vec![],
            steward_id: None,
            cost: String::new(),
            access_notes: String::new(),
        }
    }

    fn profile(ratings: &[(&str, u8)]) -> OrientationProfile {
        OrientationProfile {
            id: Id::new("p"),
            on: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            ratings: ratings
                .iter()
                .map(|(o, i)| Rating {
                    orientation_id: Id::new(*o),
                    importance: *i,
                })
                .collect(),
            note: String::new(),
        }
    }

    fn gaps(c: &[Coverage]) -> Vec<&str> {
        c.iter().filter(|c| c.gap).map(|c| c.orientation_id.as_str()).collect()
    }

    #[test]
    fn an_important_orientation_no_tool_serves_is_a_gap() {
        let cats = Catalogues::default();
        let p = profile(&[("meetings", 4), ("content", 3), ("relationships", 2)]);
        let tools = [tool("zoom", Mode::Synchronous, &["meetings"])];
        let c = coverage(&cats, Some(&p), &tools);
        assert_eq!(gaps(&c), ["content"], "relationships is only somewhat important");
        assert_eq!(c.len(), cats.orientations.len());
        let meetings = c.iter().find(|c| c.orientation_id.as_str() == "meetings").unwrap();
        assert_eq!(
            (meetings.sync_tools, meetings.async_tools, meetings.tools.len()),
            (1, 0, 1)
        );
    }

    #[test]
    fn adding_a_tool_that_serves_it_closes_the_gap() {
        let cats = Catalogues::default();
        let p = profile(&[("meetings", 4), ("content", 3)]);
        let mut tools = vec![tool("zoom", Mode::Synchronous, &["meetings"])];
        assert_eq!(gaps(&coverage(&cats, Some(&p), &tools)), ["content"]);
        tools.push(tool("wiki", Mode::Asynchronous, &["content"]));
        assert!(gaps(&coverage(&cats, Some(&p), &tools)).is_empty());
    }

    #[test]
    fn without_a_profile_nothing_is_a_gap() {
        let cats = Catalogues::default();
        assert!(gaps(&coverage(&cats, None, &[])).is_empty());
    }

    #[test]
    fn unrated_orientations_count_as_not_important() {
        let p = profile(&[("meetings", 4)]);
        assert_eq!(p.importance(&Id::new("content")), 0);
        assert_eq!(p.importance(&Id::new("meetings")), 4);
    }

    #[test]
    fn async_path_needs_an_asynchronous_tool_for_conversation_content_or_expertise() {
        assert_eq!(async_path(&[]), AsyncPath::Unknown);
        let live = tool("zoom", Mode::Synchronous, &["meetings", "content"]);
        assert_eq!(
            async_path(std::slice::from_ref(&live)),
            AsyncPath::No,
            "a live tool is no path for those who miss it"
        );
        let calendar = tool("cal", Mode::Asynchronous, &["meetings"]);
        assert_eq!(
            async_path(&[live.clone(), calendar.clone()]),
            AsyncPath::No,
            "a calendar alone is no way to take part"
        );
        let forum = tool("forum", Mode::Both, &["open_ended_conversation"]);
        assert_eq!(
            async_path(&[live, calendar, forum]),
            AsyncPath::Yes(vec![Id::new("forum")])
        );
    }

    #[test]
    fn mode_keys_round_trip_and_classify() {
        for m in Mode::ALL {
            assert_eq!(Mode::from_key(m.key()), Some(m));
        }
        assert!(Mode::Both.is_sync() && Mode::Both.is_async());
        assert!(!Mode::Synchronous.is_async());
        assert_eq!(importance_label(3), "important");
    }
}
