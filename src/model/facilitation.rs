//! Facilitating meetings and activities (guidebook chapter 4): the meetings a community
//! designs, runs and records. A meeting is the first link of the chain that evaluation
//! follows: agenda → meeting → harvest → follow-up → value-creation story.
//!
//! This file holds the records. The operations and computations (agenda times, the run-mode
//! clock, exports, the activity log) live in [`super::meetings`]. The activity types and the
//! format library are catalogues (`activity_types`, `meeting_formats` with their
//! [`super::catalogue::FormatSpec`]), so a workspace can edit them and add its own formats.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::ids::Id;
use super::workspace::Timestamp;

/// Everything a community records about its meetings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Facilitation {
    /// Meetings in the order they were created; views sort by date.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
}

/// A meeting: its design (purpose, agenda blocks, roles, checklists), its run state while
/// it is being facilitated, and its record once it has been held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: Id,
    pub title: String,
    /// What the meeting is for, in a sentence.
    #[serde(default)]
    pub purpose: String,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    /// Local wall-clock start; block start times are computed from it.
    #[serde(deserialize_with = "crate::model::dates::time")]
    pub start_time: NaiveTime,
    /// The time slot booked, in minutes; the agenda's total is checked against it.
    pub slot_minutes: u32,
    /// Where: a room or an http(s) link.
    #[serde(default)]
    pub location: String,
    /// Learning-agenda topics (ids of `cultivation.forming.agenda`) the meeting serves.
    #[serde(default)]
    pub agenda_topic_ids: Vec<Id>,
    /// Entries of the `activity_types` catalogue the meeting serves.
    #[serde(default)]
    pub activity_type_ids: Vec<Id>,
    /// The agenda, in running order.
    #[serde(default)]
    pub blocks: Vec<AgendaBlock>,
    /// Leadership groups assigned to participants for this meeting.
    #[serde(default)]
    pub roles: Vec<MeetingRole>,
    /// Entries of the `meeting_checklist` catalogue ticked for this meeting.
    #[serde(default)]
    pub checklist_done: Vec<Id>,
    /// The facilitator's run mode, while it is running or paused. Kept in the workspace so
    /// that a reload resumes on the right block with the right time left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<RunState>,
    /// What happened, once the meeting has been held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<MeetingRecord>,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub updated_at: Timestamp,
}

/// One block of the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgendaBlock {
    pub id: Id,
    pub title: String,
    /// An entry of the `meeting_formats` catalogue, if the block uses one.
    #[serde(default)]
    pub format_id: Option<Id>,
    /// 1 to [`BLOCK_MINUTES_MAX`].
    pub minutes: u32,
    /// The person who facilitates the block.
    #[serde(default)]
    pub facilitator_id: Option<Id>,
    #[serde(default)]
    pub notes: String,
    /// What the block needs: slides, flipchart, a breakout link.
    #[serde(default)]
    pub materials: String,
}

pub const BLOCK_MINUTES_MAX: u32 = 8 * 60;
pub const SLOT_MINUTES_MAX: u32 = 24 * 60;

/// A participant's leadership group for one meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingRole {
    pub person_id: Id,
    /// An entry of the `leadership_groups` catalogue.
    pub leadership_group_id: Id,
}

/// Run mode's state, driven by wall-clock time: the time left in the current block is
/// computed from these instants and the current time, never by counting ticks, so a
/// throttled background tab or a reload does not drift.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RunState {
    /// The current block, an index into `blocks`.
    pub block_index: u32,
    /// When the current block started.
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub block_started_at: Timestamp,
    /// Seconds added to the current block with "extend".
    #[serde(default)]
    pub extended_seconds: u32,
    /// Seconds the current block has spent paused, not counting a pause still running.
    #[serde(default)]
    pub paused_seconds: u32,
    /// Since when the run is paused, if it is.
    #[serde(default, deserialize_with = "crate::model::dates::stamp_opt")]
    pub paused_at: Option<Timestamp>,
}

/// What happened at a meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingRecord {
    /// Members (person ids) who attended.
    #[serde(default)]
    pub attendee_ids: Vec<Id>,
    /// Guests who are not members, by name.
    #[serde(default)]
    pub guests: Vec<String>,
    /// What came out of the meeting: potential value.
    #[serde(default)]
    pub harvest: Vec<HarvestItem>,
    /// Who will try what, by when: applied value to come.
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HarvestItem {
    pub id: Id,
    pub kind: HarvestKind,
    pub text: String,
    /// The repertoire item (`practice`) the harvest added to or used, if any.
    #[serde(default)]
    pub repertoire_item_id: Option<Id>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HarvestKind {
    Insight,
    Resource,
    Question,
}

/// A commitment made at a meeting. It shows on the community page until it is done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub id: Id,
    /// Who will do it: a person of the workspace, if recorded.
    #[serde(default)]
    pub person_id: Option<Id>,
    /// What they will try.
    pub what: String,
    #[serde(default, deserialize_with = "crate::model::dates::day_opt")]
    pub due_on: Option<NaiveDate>,
    /// When it was done; none while it is open.
    #[serde(default, deserialize_with = "crate::model::dates::day_opt")]
    pub done_on: Option<NaiveDate>,
}

impl Facilitation {
    /// Every id the meetings hold: meetings, blocks, harvest items, follow-ups.
    pub fn record_ids(&self) -> impl Iterator<Item = &Id> {
        self.meetings.iter().flat_map(|m| {
            std::iter::once(&m.id)
                .chain(m.blocks.iter().map(|b| &b.id))
                .chain(m.record.iter().flat_map(|r| {
                    r.harvest.iter().map(|h| &h.id).chain(r.follow_ups.iter().map(|f| &f.id))
                }))
        })
    }

    /// What in the meetings uses the catalogue entry `id` of `kind`, for the refusal to
    /// delete an entry still in use.
    pub fn catalogue_uses(&self, kind: super::CatalogueKind, id: &Id) -> Vec<String> {
        use super::CatalogueKind as K;
        self.meetings
            .iter()
            .filter(|m| match kind {
                K::ActivityTypes => m.activity_type_ids.contains(id),
                K::MeetingFormats => m.blocks.iter().any(|b| b.format_id.as_ref() == Some(id)),
                K::LeadershipGroups => m.roles.iter().any(|r| &r.leadership_group_id == id),
                K::MeetingChecklist => m.checklist_done.contains(id),
                _ => false,
            })
            .map(|m| format!("meeting '{}'", m.title))
            .collect()
    }

    /// Removes every reference to a person who is deleted: facilitators, roles, attendance,
    /// follow-up owners. True when something changed.
    pub(crate) fn forget_person(&mut self, person: &Id) -> bool {
        let mut changed = false;
        for m in &mut self.meetings {
            for b in m.blocks.iter_mut().filter(|b| b.facilitator_id.as_ref() == Some(person)) {
                b.facilitator_id = None;
                changed = true;
            }
            let n = m.roles.len();
            m.roles.retain(|r| &r.person_id != person);
            changed |= n != m.roles.len();
            if let Some(rec) = &mut m.record {
                let n = rec.attendee_ids.len();
                rec.attendee_ids.retain(|a| a != person);
                changed |= n != rec.attendee_ids.len();
                for f in rec.follow_ups.iter_mut().filter(|f| f.person_id.as_ref() == Some(person)) {
                    f.person_id = None;
                    changed = true;
                }
            }
        }
        changed
    }

    /// Unlinks a repertoire item that is removed from harvest items that point at it.
    pub(crate) fn forget_repertoire_item(&mut self, item: &Id) {
        for rec in self.meetings.iter_mut().filter_map(|m| m.record.as_mut()) {
            for h in rec.harvest.iter_mut().filter(|h| h.repertoire_item_id.as_ref() == Some(item)) {
                h.repertoire_item_id = None;
            }
        }
    }

    /// Unlinks a learning-agenda topic that is removed.
    pub(crate) fn forget_agenda_topic(&mut self, topic: &Id) {
        for m in &mut self.meetings {
            m.agenda_topic_ids.retain(|t| t != topic);
        }
    }
}
