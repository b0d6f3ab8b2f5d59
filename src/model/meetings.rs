//! Operations and computations on meetings: agenda times, the run-mode clock, exports, the
//! activity log, open follow-ups and the attendance → participation suggestion. The records
//! are in [`super::facilitation`].
//!
//! Times are local wall-clock times, like the rhythm planner's: a meeting starts on a date
//! at a time, and each block starts when the blocks before it end, across midnight if the
//! meeting runs late. Run mode is computed from instants (`Timestamp`) and the current time
//! the caller passes in, never by counting ticks.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::catalogue::{CatalogueKind, FormatSpec};
use super::facilitation::{
    AgendaBlock, FollowUp, HarvestItem, HarvestKind, Meeting, MeetingRecord, MeetingRole, RunState, BLOCK_MINUTES_MAX,
    SLOT_MINUTES_MAX,
};
use super::ids::Id;
use super::limits::{too_long, LONG_MAX, NAME_MAX, SHORT_MAX};
use super::rhythm::{date_label, duration_label, escape_text, fold_line, ics_duration, location_problem};
use super::workspace::{
    dedup, fresh_id, Community, FieldError, FieldErrors, ModelError, ModelResult, Timestamp, Workspace,
};

/// The most minutes one "extend" may add, and the most a block may be extended in all.
pub const EXTEND_MAX_SECONDS: u32 = 4 * 60 * 60;

// ----- time arithmetic -----

/// When one agenda block starts and ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockTime {
    pub block_id: Id,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    /// True when the block ends after the booked slot.
    pub past_slot: bool,
}

/// The meeting's start as a date and time.
pub fn meeting_start(m: &Meeting) -> NaiveDateTime {
    m.on.and_time(m.start_time)
}

/// The end of the booked slot.
pub fn slot_end(m: &Meeting) -> NaiveDateTime {
    meeting_start(m) + chrono::Duration::minutes(i64::from(m.slot_minutes))
}

/// Each block's start and end, in running order: the first starts with the meeting, each
/// next one when the one before ends. Exact to the minute, across midnight too.
pub fn schedule(m: &Meeting) -> Vec<BlockTime> {
    let end_of_slot = slot_end(m);
    let mut at = meeting_start(m);
    m.blocks
        .iter()
        .map(|b| {
            let starts = at;
            at = starts + chrono::Duration::minutes(i64::from(b.minutes));
            BlockTime {
                block_id: b.id.clone(),
                starts,
                ends: at,
                past_slot: at > end_of_slot,
            }
        })
        .collect()
}

/// The agenda's total in minutes.
pub fn total_minutes(m: &Meeting) -> u32 {
    m.blocks.iter().map(|b| b.minutes).sum()
}

/// How the agenda's total compares with the booked slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotFit {
    /// The agenda leaves this many minutes of the slot free.
    Spare(u32),
    Exact,
    /// The agenda runs this many minutes past the slot.
    Over(u32),
}

pub fn slot_fit(m: &Meeting) -> SlotFit {
    let total = total_minutes(m);
    match total.cmp(&m.slot_minutes) {
        std::cmp::Ordering::Less => SlotFit::Spare(m.slot_minutes - total),
        std::cmp::Ordering::Equal => SlotFit::Exact,
        std::cmp::Ordering::Greater => SlotFit::Over(total - m.slot_minutes),
    }
}

impl SlotFit {
    /// The check in words: "90 min of a 120 min slot: 30 min spare".
    pub fn label(self, m: &Meeting) -> String {
        let total = duration_label(total_minutes(m));
        let slot = duration_label(m.slot_minutes);
        match self {
            SlotFit::Spare(n) => format!("The agenda takes {total} of the {slot} slot: {} spare.", duration_label(n)),
            SlotFit::Exact => format!("The agenda fills the {slot} slot exactly."),
            SlotFit::Over(n) => format!(
                "The agenda takes {total}, {} more than the {slot} slot. Shorten or drop a block, or book a longer slot.",
                duration_label(n)
            ),
        }
    }
}

/// A clock time on the meeting's timeline: "09:30", or "00:15 (next day)" after midnight.
pub fn clock_label(m: &Meeting, at: NaiveDateTime) -> String {
    let days = (at.date() - m.on).num_days();
    let later = match days {
        0 => String::new(),
        1 => " (next day)".into(),
        n if n > 1 => format!(" (+{n} days)"),
        _ => " (day before)".into(),
    };
    format!("{}{later}", at.format("%H:%M"))
}

// ----- run mode -----

/// Where run mode stands at an instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunClock {
    pub block_index: usize,
    /// The block's planned length plus any extension, in seconds.
    pub planned_seconds: i64,
    /// Seconds the block has run, pauses left out.
    pub elapsed_seconds: i64,
    /// Seconds left in the block; negative once it overruns.
    pub remaining_seconds: i64,
    pub paused: bool,
    /// Planned seconds of the blocks after this one.
    pub later_seconds: i64,
    /// Seconds the meeting still needs as planned: what is left of this block (at least
    /// nothing) plus the later blocks.
    pub meeting_remaining_seconds: i64,
}

impl RunClock {
    pub fn overrun(&self) -> bool {
        self.remaining_seconds < 0
    }
}

/// The run clock at `now`, computed only from the run state's instants: the block has run
/// for the time since it started, less the time spent paused (including a pause still
/// running). A clock that went backwards counts as no time passing.
pub fn run_clock(m: &Meeting, run: &RunState, now: Timestamp) -> RunClock {
    let i = (run.block_index as usize).min(m.blocks.len().saturating_sub(1));
    let block_minutes = m.blocks.get(i).map(|b| b.minutes).unwrap_or(0);
    let planned = i64::from(block_minutes) * 60 + i64::from(run.extended_seconds);
    let until = run.paused_at.map(|p| p.min(now)).unwrap_or(now);
    let ran = (until - run.block_started_at).num_seconds().max(0);
    let elapsed = (ran - i64::from(run.paused_seconds)).max(0);
    let remaining = planned - elapsed;
    let later: i64 = m.blocks.iter().skip(i + 1).map(|b| i64::from(b.minutes) * 60).sum();
    RunClock {
        block_index: i,
        planned_seconds: planned,
        elapsed_seconds: elapsed,
        remaining_seconds: remaining,
        paused: run.paused_at.is_some(),
        later_seconds: later,
        meeting_remaining_seconds: remaining.max(0) + later,
    }
}

/// A countdown as a projector shows it: "12:05", "1:02:03", and "−1:30" once it overruns.
pub fn countdown_label(seconds: i64) -> String {
    let sign = if seconds < 0 { "−" } else { "" };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    if h > 0 {
        format!("{sign}{h}:{m:02}:{sec:02}")
    } else {
        format!("{sign}{m}:{sec:02}")
    }
}

/// The countdown in words, for screen readers: "12 minutes 5 seconds left", "1 minute 30
/// seconds over".
pub fn countdown_words(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let (m, sec) = (s / 60, s % 60);
    let unit = |n: u64, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let amount = match (m, sec) {
        (0, s) => unit(s, "second"),
        (m, 0) => unit(m, "minute"),
        (m, s) => format!("{} {}", unit(m, "minute"), unit(s, "second")),
    };
    if seconds < 0 {
        format!("{amount} over")
    } else {
        format!("{amount} left")
    }
}

// ----- drafts -----

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    let t = s.trim();
    NaiveTime::parse_from_str(t, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
        .ok()
}

fn parse_minutes(s: &str, max: u32) -> Option<u32> {
    s.trim().parse::<u32>().ok().filter(|m| (1..=max).contains(m))
}

fn len_problem(e: &mut FieldErrors, field: &'static str, value: &str, max: usize, what: &str) {
    if let Some(m) = too_long(value, max) {
        e.push(FieldError::new(field, format!("{what} {m}")));
    }
}

fn name_problem(e: &mut FieldErrors, field: &'static str, value: &str, what: &str) {
    if value.trim().is_empty() {
        e.push(FieldError::new(field, format!("{what} is required")));
    } else {
        len_problem(e, field, value, NAME_MAX, what);
    }
}

fn invalid_unless_empty(errors: FieldErrors) -> ModelResult {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ModelError::Invalid(errors))
    }
}

/// The meeting form, as typed: the date `YYYY-MM-DD`, the time `HH:MM`, the slot in minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingDraft {
    pub title: String,
    pub purpose: String,
    pub on: String,
    pub start_time: String,
    pub slot_minutes: String,
    pub location: String,
    pub agenda_topic_ids: Vec<Id>,
    pub activity_type_ids: Vec<Id>,
}

impl MeetingDraft {
    /// A blank form: a 90-minute meeting on `on` at 14:00.
    pub fn new(on: NaiveDate) -> Self {
        MeetingDraft {
            title: String::new(),
            purpose: String::new(),
            on: on.to_string(),
            start_time: "14:00".into(),
            slot_minutes: "90".into(),
            location: String::new(),
            agenda_topic_ids: Vec::new(),
            activity_type_ids: Vec::new(),
        }
    }

    pub fn of(m: &Meeting) -> Self {
        MeetingDraft {
            title: m.title.clone(),
            purpose: m.purpose.clone(),
            on: m.on.to_string(),
            start_time: m.start_time.format("%H:%M").to_string(),
            slot_minutes: m.slot_minutes.to_string(),
            location: m.location.clone(),
            agenda_topic_ids: m.agenda_topic_ids.clone(),
            activity_type_ids: m.activity_type_ids.clone(),
        }
    }

    /// The inline messages for the form, in field order.
    pub fn problems(&self, ws: &Workspace, community: &Community) -> FieldErrors {
        let mut e = Vec::new();
        name_problem(&mut e, "title", &self.title, "Title");
        len_problem(&mut e, "purpose", &self.purpose, LONG_MAX, "Purpose");
        if parse_date(&self.on).is_none() {
            e.push(FieldError::new("on", "Enter the date as YYYY-MM-DD"));
        }
        if parse_time(&self.start_time).is_none() {
            e.push(FieldError::new(
                "start_time",
                "Enter the start time as HH:MM, e.g. 14:00",
            ));
        }
        if parse_minutes(&self.slot_minutes, SLOT_MINUTES_MAX).is_none() {
            e.push(FieldError::new(
                "slot_minutes",
                format!("Enter the slot in minutes, from 1 to {SLOT_MINUTES_MAX} (24 hours)"),
            ));
        }
        if let Some(m) = location_problem(&self.location) {
            e.push(FieldError::new("location", m));
        } else {
            len_problem(&mut e, "location", &self.location, SHORT_MAX, "Location");
        }
        if self
            .agenda_topic_ids
            .iter()
            .any(|t| !community.cultivation.forming.agenda.iter().any(|a| &a.id == t))
        {
            e.push(FieldError::new(
                "agenda_topic_ids",
                "Choose topics from the community's learning agenda",
            ));
        }
        if self
            .activity_type_ids
            .iter()
            .any(|t| !ws.catalogues.contains(CatalogueKind::ActivityTypes, t))
        {
            e.push(FieldError::new(
                "activity_type_ids",
                "Choose activity types from the list",
            ));
        }
        e
    }

    fn apply(&self, m: &mut Meeting) -> ModelResult {
        let (Some(on), Some(start), Some(slot)) = (
            parse_date(&self.on),
            parse_time(&self.start_time),
            parse_minutes(&self.slot_minutes, SLOT_MINUTES_MAX),
        ) else {
            return Err(ModelError::Refused(
                "The meeting's date, time or slot could not be read".into(),
            ));
        };
        m.title = self.title.trim().to_string();
        m.purpose = self.purpose.clone();
        m.on = on;
        m.start_time = start;
        m.slot_minutes = slot;
        m.location = self.location.trim().to_string();
        m.agenda_topic_ids = dedup(&self.agenda_topic_ids);
        m.activity_type_ids = dedup(&self.activity_type_ids);
        Ok(())
    }
}

/// An agenda block's form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockDraft {
    pub title: String,
    pub format_id: Option<Id>,
    pub minutes: String,
    pub facilitator_id: Option<Id>,
    pub notes: String,
    pub materials: String,
}

impl BlockDraft {
    pub fn new() -> Self {
        BlockDraft {
            title: String::new(),
            format_id: None,
            minutes: "15".into(),
            facilitator_id: None,
            notes: String::new(),
            materials: String::new(),
        }
    }

    /// A block that uses a library format: its name and its typical duration.
    pub fn from_format(ws: &Workspace, format: &Id) -> Option<Self> {
        let e = ws.catalogues.entry(CatalogueKind::MeetingFormats, format)?;
        let minutes = e.format.as_ref().map(|f| f.minutes).unwrap_or(30);
        Some(BlockDraft {
            title: e.label.clone(),
            format_id: Some(format.clone()),
            minutes: minutes.to_string(),
            ..BlockDraft::new()
        })
    }

    pub fn of(b: &AgendaBlock) -> Self {
        BlockDraft {
            title: b.title.clone(),
            format_id: b.format_id.clone(),
            minutes: b.minutes.to_string(),
            facilitator_id: b.facilitator_id.clone(),
            notes: b.notes.clone(),
            materials: b.materials.clone(),
        }
    }

    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        name_problem(&mut e, "title", &self.title, "Title");
        if let Some(f) = &self.format_id {
            if !ws.catalogues.contains(CatalogueKind::MeetingFormats, f) {
                e.push(FieldError::new("format_id", "Choose a format from the library"));
            }
        }
        if parse_minutes(&self.minutes, BLOCK_MINUTES_MAX).is_none() {
            e.push(FieldError::new(
                "minutes",
                format!("Enter the duration in minutes, from 1 to {BLOCK_MINUTES_MAX}"),
            ));
        }
        if let Some(p) = &self.facilitator_id {
            if ws.person(p).is_none() {
                e.push(FieldError::new("facilitator_id", "Choose a person from the list"));
            }
        }
        len_problem(&mut e, "notes", &self.notes, LONG_MAX, "Notes");
        len_problem(&mut e, "materials", &self.materials, LONG_MAX, "Materials");
        e
    }

    fn build(&self, id: Id) -> Option<AgendaBlock> {
        Some(AgendaBlock {
            id,
            title: self.title.trim().to_string(),
            format_id: self.format_id.clone(),
            minutes: parse_minutes(&self.minutes, BLOCK_MINUTES_MAX)?,
            facilitator_id: self.facilitator_id.clone(),
            notes: self.notes.clone(),
            materials: self.materials.clone(),
        })
    }
}

impl Default for BlockDraft {
    fn default() -> Self {
        Self::new()
    }
}

/// A follow-up's form: who, what, and by when (`YYYY-MM-DD` or empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpDraft {
    pub person_id: Option<Id>,
    pub what: String,
    pub due_on: String,
}

impl FollowUpDraft {
    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        if let Some(p) = &self.person_id {
            if ws.person(p).is_none() {
                e.push(FieldError::new("person_id", "Choose a person from the list"));
            }
        }
        if self.what.trim().is_empty() {
            e.push(FieldError::new("what", "Say what they will try"));
        } else {
            len_problem(&mut e, "what", &self.what, SHORT_MAX, "The commitment");
        }
        if !self.due_on.trim().is_empty() && parse_date(&self.due_on).is_none() {
            e.push(FieldError::new(
                "due_on",
                "Enter the date as YYYY-MM-DD, or leave it empty",
            ));
        }
        e
    }
}

/// A harvest item's form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HarvestDraft {
    pub kind: HarvestKind,
    pub text: String,
    pub repertoire_item_id: Option<Id>,
}

impl HarvestDraft {
    pub fn problems(&self, community: &Community) -> FieldErrors {
        let mut e = Vec::new();
        if self.text.trim().is_empty() {
            e.push(FieldError::new("text", "Write what came out of the meeting"));
        } else {
            len_problem(&mut e, "text", &self.text, LONG_MAX, "The text");
        }
        if let Some(r) = &self.repertoire_item_id {
            if !community.practice.iter().any(|p| &p.id == r) {
                e.push(FieldError::new(
                    "repertoire_item_id",
                    "Choose an item of the community's repertoire",
                ));
            }
        }
        e
    }
}

impl HarvestKind {
    pub const ALL: [HarvestKind; 3] = [HarvestKind::Insight, HarvestKind::Resource, HarvestKind::Question];

    pub fn key(self) -> &'static str {
        match self {
            HarvestKind::Insight => "insight",
            HarvestKind::Resource => "resource",
            HarvestKind::Question => "question",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            HarvestKind::Insight => "Insight",
            HarvestKind::Resource => "Resource",
            HarvestKind::Question => "Open question",
        }
    }
}

/// A meeting format's form: the entry's name and purpose, and how it runs. Steps are one
/// per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatDraft {
    pub label: String,
    pub purpose: String,
    pub steps: String,
    pub minutes: String,
    pub group_min: String,
    pub group_max: String,
    pub online_needs: String,
    pub in_person_needs: String,
    pub serves: Vec<Id>,
}

impl FormatDraft {
    pub fn new() -> Self {
        let f = FormatSpec::new_default();
        FormatDraft {
            label: String::new(),
            purpose: String::new(),
            steps: String::new(),
            minutes: f.minutes.to_string(),
            group_min: f.group_min.to_string(),
            group_max: f.group_max.to_string(),
            online_needs: String::new(),
            in_person_needs: String::new(),
            serves: Vec::new(),
        }
    }

    pub fn of(ws: &Workspace, id: &Id) -> Option<Self> {
        let e = ws.catalogues.entry(CatalogueKind::MeetingFormats, id)?;
        let f = e.format.clone().unwrap_or_else(FormatSpec::new_default);
        Some(FormatDraft {
            label: e.label.clone(),
            purpose: e.description.clone(),
            steps: f.steps.join("\n"),
            minutes: f.minutes.to_string(),
            group_min: f.group_min.to_string(),
            group_max: f.group_max.to_string(),
            online_needs: f.online_needs,
            in_person_needs: f.in_person_needs,
            serves: e.points_to.clone(),
        })
    }

    fn steps(&self) -> Vec<String> {
        self.steps
            .lines()
            .map(|l| {
                l.trim()
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
                    .trim()
            })
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        name_problem(&mut e, "label", &self.label, "Name");
        len_problem(&mut e, "purpose", &self.purpose, LONG_MAX, "Purpose");
        if self.steps().iter().any(|s| too_long(s, SHORT_MAX).is_some()) {
            e.push(FieldError::new(
                "steps",
                format!("Each step must be at most {SHORT_MAX} characters"),
            ));
        }
        if parse_minutes(&self.minutes, BLOCK_MINUTES_MAX).is_none() {
            e.push(FieldError::new(
                "minutes",
                format!("Enter the typical duration in minutes, from 1 to {BLOCK_MINUTES_MAX}"),
            ));
        }
        let min = self.group_min.trim().parse::<u32>().ok().filter(|n| *n >= 1);
        let max = self.group_max.trim().parse::<u32>().ok().filter(|n| *n >= 1);
        if min.is_none() {
            e.push(FieldError::new(
                "group_min",
                "Enter the smallest group as a whole number, at least 1",
            ));
        }
        match (min, max) {
            (_, None) => e.push(FieldError::new(
                "group_max",
                "Enter the largest group as a whole number, at least 1",
            )),
            (Some(a), Some(b)) if b < a => e.push(FieldError::new(
                "group_max",
                format!("The largest group must be at least the smallest ({a})"),
            )),
            _ => {}
        }
        len_problem(&mut e, "online_needs", &self.online_needs, SHORT_MAX, "Online needs");
        len_problem(
            &mut e,
            "in_person_needs",
            &self.in_person_needs,
            SHORT_MAX,
            "In-person needs",
        );
        if self
            .serves
            .iter()
            .any(|t| !ws.catalogues.contains(CatalogueKind::ActivityTypes, t))
        {
            e.push(FieldError::new("serves", "Choose activity types from the list"));
        }
        e
    }

    fn spec(&self) -> Option<FormatSpec> {
        Some(FormatSpec {
            steps: self.steps(),
            minutes: parse_minutes(&self.minutes, BLOCK_MINUTES_MAX)?,
            group_min: self.group_min.trim().parse().ok()?,
            group_max: self.group_max.trim().parse().ok()?,
            online_needs: self.online_needs.trim().to_string(),
            in_person_needs: self.in_person_needs.trim().to_string(),
        })
    }
}

impl Default for FormatDraft {
    fn default() -> Self {
        Self::new()
    }
}

// ----- operations -----

fn gone() -> ModelError {
    ModelError::NotFound("That meeting no longer exists".into())
}

fn meeting_mut<'a>(c: &'a mut Community, id: &Id) -> ModelResult<&'a mut Meeting> {
    c.facilitation
        .meetings
        .iter_mut()
        .find(|m| &m.id == id)
        .ok_or_else(gone)
}

fn stamp(m: &mut Meeting, now: Timestamp) {
    m.updated_at = now.max(m.created_at);
}

impl Workspace {
    fn with_meeting<T>(
        &mut self,
        community: &Id,
        meeting: &Id,
        now: Timestamp,
        f: impl FnOnce(&mut Meeting, &[Id]) -> ModelResult<T>,
    ) -> ModelResult<T> {
        self.with_community(community, now, |c| {
            let members: Vec<Id> = c.memberships.iter().map(|m| m.person_id.clone()).collect();
            let m = meeting_mut(c, meeting)?;
            let out = f(m, &members)?;
            stamp(m, now);
            Ok(out)
        })
    }

    /// Adds a meeting to a community, with an empty agenda.
    pub fn add_meeting(&mut self, community: &Id, id: Id, draft: &MeetingDraft, now: Timestamp) -> ModelResult {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        invalid_unless_empty(draft.problems(self, c))?;
        fresh_id(self.id_in_use(&id), &id)?;
        let mut m = Meeting {
            id,
            title: String::new(),
            purpose: String::new(),
            on: NaiveDate::default(),
            start_time: NaiveTime::default(),
            slot_minutes: 1,
            location: String::new(),
            agenda_topic_ids: Vec::new(),
            activity_type_ids: Vec::new(),
            blocks: Vec::new(),
            roles: Vec::new(),
            checklist_done: Vec::new(),
            run: None,
            record: None,
            created_at: now,
            updated_at: now,
        };
        draft.apply(&mut m)?;
        self.with_community(community, now, |c| {
            c.facilitation.meetings.push(m);
            Ok(())
        })
    }

    pub fn update_meeting(&mut self, community: &Id, id: &Id, draft: &MeetingDraft, now: Timestamp) -> ModelResult {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        invalid_unless_empty(draft.problems(self, c))?;
        self.with_meeting(community, id, now, |m, _| draft.apply(m))
    }

    /// Deletes a meeting with its agenda and record; stories that came from it stop
    /// pointing at it.
    pub fn delete_meeting(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.facilitation.meetings.len();
            c.facilitation.meetings.retain(|m| &m.id != id);
            if n == c.facilitation.meetings.len() {
                return Err(gone());
            }
            c.evaluation.forget_meeting(id);
            Ok(())
        })
    }

    // ----- the agenda -----

    /// Adds a block at the end of the agenda.
    pub fn add_block(
        &mut self,
        community: &Id,
        meeting: &Id,
        id: Id,
        draft: &BlockDraft,
        now: Timestamp,
    ) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        fresh_id(self.id_in_use(&id), &id)?;
        let block = draft
            .build(id)
            .ok_or_else(|| ModelError::Refused("The block's duration could not be read".into()))?;
        self.with_meeting(community, meeting, now, |m, _| {
            m.blocks.push(block);
            Ok(())
        })
    }

    pub fn update_block(
        &mut self,
        community: &Id,
        meeting: &Id,
        id: &Id,
        draft: &BlockDraft,
        now: Timestamp,
    ) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        let block = draft
            .build(id.clone())
            .ok_or_else(|| ModelError::Refused("The block's duration could not be read".into()))?;
        self.with_meeting(community, meeting, now, |m, _| {
            let b = m.blocks.iter_mut().find(|b| &b.id == id).ok_or_else(block_gone)?;
            *b = block;
            Ok(())
        })
    }

    /// Removes a block. While run mode is on, it keeps running the same block (or, when
    /// that block is the one removed, the block that took its place; with no block left,
    /// run mode ends).
    pub fn remove_block(&mut self, community: &Id, meeting: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, _| {
            let at = m.blocks.iter().position(|b| &b.id == id).ok_or_else(block_gone)?;
            m.blocks.remove(at);
            if let Some(run) = &mut m.run {
                let cur = run.block_index as usize;
                if m.blocks.is_empty() {
                    m.run = None;
                } else if at < cur {
                    run.block_index -= 1;
                } else if at == cur {
                    run.block_index = (cur.min(m.blocks.len() - 1)) as u32;
                    restart_block(run, now);
                }
            }
            Ok(())
        })
    }

    /// Moves a block to position `to` (0-based, clamped to the agenda). Run mode keeps
    /// running the block it was running.
    pub fn move_block(&mut self, community: &Id, meeting: &Id, id: &Id, to: usize, now: Timestamp) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, _| {
            let from = m.blocks.iter().position(|b| &b.id == id).ok_or_else(block_gone)?;
            let current = m
                .run
                .as_ref()
                .and_then(|r| m.blocks.get(r.block_index as usize))
                .map(|b| b.id.clone());
            let to = to.min(m.blocks.len() - 1);
            let b = m.blocks.remove(from);
            m.blocks.insert(to, b);
            if let (Some(run), Some(cur)) = (&mut m.run, current) {
                if let Some(i) = m.blocks.iter().position(|b| b.id == cur) {
                    run.block_index = i as u32;
                }
            }
            Ok(())
        })
    }

    /// Sets a participant's leadership group for the meeting (`None` takes them out of any).
    pub fn set_meeting_role(
        &mut self,
        community: &Id,
        meeting: &Id,
        person: &Id,
        group: Option<&Id>,
        now: Timestamp,
    ) -> ModelResult {
        if self.person(person).is_none() {
            return Err(ModelError::NotFound("That person no longer exists".into()));
        }
        if let Some(g) = group {
            if !self.catalogues.contains(CatalogueKind::LeadershipGroups, g) {
                return Err(ModelError::Invalid(vec![FieldError::new(
                    "leadership_group_id",
                    "Choose a leadership group from the list",
                )]));
            }
        }
        self.with_meeting(community, meeting, now, |m, _| {
            m.roles.retain(|r| &r.person_id != person);
            if let Some(g) = group {
                m.roles.push(MeetingRole {
                    person_id: person.clone(),
                    leadership_group_id: g.clone(),
                });
            }
            Ok(())
        })
    }

    /// Gives each member who has no group for the meeting yet the first leadership group
    /// they stand in for the community. Returns how many were assigned.
    pub fn roles_from_standing_groups(&mut self, community: &Id, meeting: &Id, now: Timestamp) -> ModelResult<usize> {
        let groups = self.catalogues.leadership_groups.clone();
        self.with_community(community, now, |c| {
            let standing: Vec<(Id, Id)> = c
                .memberships
                .iter()
                .filter_map(|ms| {
                    ms.leadership_group_ids
                        .iter()
                        .find(|g| groups.iter().any(|e| &e.id == *g))
                        .map(|g| (ms.person_id.clone(), g.clone()))
                })
                .collect();
            let m = meeting_mut(c, meeting)?;
            let mut n = 0;
            for (p, g) in standing {
                if !m.roles.iter().any(|r| r.person_id == p) {
                    m.roles.push(MeetingRole {
                        person_id: p,
                        leadership_group_id: g,
                    });
                    n += 1;
                }
            }
            stamp(m, now);
            Ok(n)
        })
    }

    /// Ticks or unticks an item of the meeting checklist.
    pub fn set_checklist_item(
        &mut self,
        community: &Id,
        meeting: &Id,
        item: &Id,
        done: bool,
        now: Timestamp,
    ) -> ModelResult {
        if !self.catalogues.contains(CatalogueKind::MeetingChecklist, item) {
            return Err(ModelError::NotFound("That checklist item no longer exists".into()));
        }
        self.with_meeting(community, meeting, now, |m, _| {
            m.checklist_done.retain(|x| x != item);
            if done {
                m.checklist_done.push(item.clone());
            }
            Ok(())
        })
    }

    // ----- run mode -----

    /// Starts run mode on the first block (or restarts it).
    pub fn start_run(&mut self, community: &Id, meeting: &Id, now: Timestamp) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, _| {
            if m.blocks.is_empty() {
                return Err(ModelError::Refused(
                    "Add a block to the agenda before running the meeting".into(),
                ));
            }
            m.run = Some(RunState {
                block_index: 0,
                block_started_at: now,
                extended_seconds: 0,
                paused_seconds: 0,
                paused_at: None,
            });
            Ok(())
        })
    }

    /// Pauses a running block, or resumes a paused one. Returns true when it is now paused.
    pub fn toggle_pause(&mut self, community: &Id, meeting: &Id, now: Timestamp) -> ModelResult<bool> {
        self.with_run(community, meeting, now, |run, _| {
            match run.paused_at.take() {
                Some(at) => {
                    let paused = (now.max(at) - at).num_seconds().clamp(0, i64::from(u32::MAX)) as u32;
                    run.paused_seconds = run.paused_seconds.saturating_add(paused);
                }
                None => run.paused_at = Some(now.max(run.block_started_at)),
            }
            Ok(run.paused_at.is_some())
        })
    }

    /// Gives the current block `minutes` more.
    pub fn extend_block(&mut self, community: &Id, meeting: &Id, minutes: u32, now: Timestamp) -> ModelResult {
        let add = minutes.saturating_mul(60);
        self.with_run(community, meeting, now, |run, _| {
            let total = run.extended_seconds.saturating_add(add);
            if add == 0 || total > EXTEND_MAX_SECONDS {
                return Err(ModelError::Refused(format!(
                    "A block can be extended by at most {} in all",
                    duration_label(EXTEND_MAX_SECONDS / 60)
                )));
            }
            run.extended_seconds = total;
            Ok(())
        })
    }

    /// Moves on to the next block (skipping what is left of this one). After the last
    /// block, run mode ends; returns true then.
    pub fn next_block(&mut self, community: &Id, meeting: &Id, now: Timestamp) -> ModelResult<bool> {
        self.with_meeting(community, meeting, now, |m, _| {
            let n = m.blocks.len();
            let run = m.run.as_mut().ok_or_else(not_running)?;
            if run.block_index as usize + 1 >= n {
                m.run = None;
                return Ok(true);
            }
            run.block_index += 1;
            restart_block(run, now);
            Ok(false)
        })
    }

    /// Goes back to the block before, restarting it.
    pub fn previous_block(&mut self, community: &Id, meeting: &Id, now: Timestamp) -> ModelResult {
        self.with_run(community, meeting, now, |run, _| {
            run.block_index = run.block_index.saturating_sub(1);
            restart_block(run, now);
            Ok(())
        })
    }

    /// Ends run mode.
    pub fn stop_run(&mut self, community: &Id, meeting: &Id, now: Timestamp) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, _| {
            m.run.take().map(|_| ()).ok_or_else(not_running)
        })
    }

    fn with_run<T>(
        &mut self,
        community: &Id,
        meeting: &Id,
        now: Timestamp,
        f: impl FnOnce(&mut RunState, usize) -> ModelResult<T>,
    ) -> ModelResult<T> {
        self.with_meeting(community, meeting, now, |m, _| {
            let n = m.blocks.len();
            let run = m.run.as_mut().ok_or_else(not_running)?;
            f(run, n)
        })
    }

    // ----- the record -----

    /// Ticks or unticks a member's attendance. Only members can be ticked; someone
    /// already recorded can always be unticked.
    pub fn set_attendance(
        &mut self,
        community: &Id,
        meeting: &Id,
        person: &Id,
        present: bool,
        now: Timestamp,
    ) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, members| {
            let rec = m.record.get_or_insert_with(MeetingRecord::default);
            rec.attendee_ids.retain(|a| a != person);
            if present {
                if !members.contains(person) {
                    return Err(ModelError::Refused(
                        "Only members can be ticked; add others as guests".into(),
                    ));
                }
                rec.attendee_ids.push(person.clone());
            }
            Ok(())
        })
    }

    pub fn add_guest(&mut self, community: &Id, meeting: &Id, name: &str, now: Timestamp) -> ModelResult {
        let mut e = Vec::new();
        name_problem(&mut e, "guest", name, "The guest's name");
        invalid_unless_empty(e)?;
        self.with_meeting(community, meeting, now, |m, _| {
            let rec = m.record.get_or_insert_with(MeetingRecord::default);
            if rec.guests.iter().any(|g| g.trim().eq_ignore_ascii_case(name.trim())) {
                return Err(ModelError::Invalid(vec![FieldError::new(
                    "guest",
                    "This guest is already listed",
                )]));
            }
            rec.guests.push(name.trim().to_string());
            Ok(())
        })
    }

    pub fn remove_guest(&mut self, community: &Id, meeting: &Id, index: usize, now: Timestamp) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, _| {
            let rec = m
                .record
                .as_mut()
                .filter(|r| index < r.guests.len())
                .ok_or_else(item_gone)?;
            rec.guests.remove(index);
            Ok(())
        })
    }

    pub fn add_harvest(
        &mut self,
        community: &Id,
        meeting: &Id,
        id: Id,
        draft: &HarvestDraft,
        now: Timestamp,
    ) -> ModelResult {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        invalid_unless_empty(draft.problems(c))?;
        fresh_id(self.id_in_use(&id), &id)?;
        self.with_meeting(community, meeting, now, |m, _| {
            m.record
                .get_or_insert_with(MeetingRecord::default)
                .harvest
                .push(HarvestItem {
                    id,
                    kind: draft.kind,
                    text: draft.text.trim().to_string(),
                    repertoire_item_id: draft.repertoire_item_id.clone(),
                });
            Ok(())
        })
    }

    pub fn remove_harvest(&mut self, community: &Id, meeting: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, _| {
            let rec = m.record.as_mut().ok_or_else(item_gone)?;
            let n = rec.harvest.len();
            rec.harvest.retain(|h| &h.id != id);
            if n == rec.harvest.len() {
                return Err(item_gone());
            }
            Ok(())
        })
    }

    pub fn add_follow_up(
        &mut self,
        community: &Id,
        meeting: &Id,
        id: Id,
        draft: &FollowUpDraft,
        now: Timestamp,
    ) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        fresh_id(self.id_in_use(&id), &id)?;
        self.with_meeting(community, meeting, now, |m, _| {
            m.record
                .get_or_insert_with(MeetingRecord::default)
                .follow_ups
                .push(FollowUp {
                    id,
                    person_id: draft.person_id.clone(),
                    what: draft.what.trim().to_string(),
                    due_on: parse_date(&draft.due_on),
                    done_on: None,
                });
            Ok(())
        })
    }

    /// Marks a follow-up done on a date, or open again (`None`).
    pub fn set_follow_up_done(
        &mut self,
        community: &Id,
        meeting: &Id,
        id: &Id,
        done_on: Option<NaiveDate>,
        now: Timestamp,
    ) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, _| {
            let f = m
                .record
                .as_mut()
                .and_then(|r| r.follow_ups.iter_mut().find(|f| &f.id == id))
                .ok_or_else(item_gone)?;
            f.done_on = done_on;
            Ok(())
        })
    }

    pub fn remove_follow_up(&mut self, community: &Id, meeting: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_meeting(community, meeting, now, |m, _| {
            let rec = m.record.as_mut().ok_or_else(item_gone)?;
            let n = rec.follow_ups.len();
            rec.follow_ups.retain(|f| &f.id != id);
            if n == rec.follow_ups.len() {
                return Err(item_gone());
            }
            Ok(())
        })
    }

    pub fn set_record_notes(&mut self, community: &Id, meeting: &Id, notes: &str, now: Timestamp) -> ModelResult {
        let mut e = Vec::new();
        len_problem(&mut e, "notes", notes, LONG_MAX, "Notes");
        invalid_unless_empty(e)?;
        self.with_meeting(community, meeting, now, |m, _| {
            m.record.get_or_insert_with(MeetingRecord::default).notes = notes.to_string();
            Ok(())
        })
    }

    // ----- the format library -----

    /// Adds a format of the workspace's own to the library. Returns its id.
    pub fn add_format(&mut self, draft: &FormatDraft, now: Timestamp) -> ModelResult<Id> {
        invalid_unless_empty(draft.problems(self))?;
        let spec = draft
            .spec()
            .ok_or_else(|| ModelError::Refused("The format's numbers could not be read".into()))?;
        let id = self.add_catalogue_entry(
            CatalogueKind::MeetingFormats,
            &draft.label,
            &draft.purpose,
            "Added in this workspace",
            now,
        )?;
        self.apply_format(&id, draft, spec)?;
        Ok(id)
    }

    /// Changes a format: its name, purpose, steps, duration, group size, needs and the
    /// activity types it serves. Blocks that use it keep their own title and duration.
    pub fn update_format(&mut self, id: &Id, draft: &FormatDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        let spec = draft
            .spec()
            .ok_or_else(|| ModelError::Refused("The format's numbers could not be read".into()))?;
        let source = self
            .catalogues
            .entry(CatalogueKind::MeetingFormats, id)
            .map(|e| e.source.clone())
            .ok_or_else(|| ModelError::NotFound("That meeting format no longer exists".into()))?;
        self.update_catalogue_entry(
            CatalogueKind::MeetingFormats,
            id,
            &draft.label,
            &draft.purpose,
            &source,
            now,
        )?;
        self.apply_format(id, draft, spec)
    }

    fn apply_format(&mut self, id: &Id, draft: &FormatDraft, spec: FormatSpec) -> ModelResult {
        let e = self
            .catalogues
            .meeting_formats
            .iter_mut()
            .find(|e| &e.id == id)
            .ok_or_else(|| ModelError::NotFound("That meeting format no longer exists".into()))?;
        e.format = Some(spec);
        e.points_to = dedup(&draft.serves);
        Ok(())
    }
}

fn restart_block(run: &mut RunState, now: Timestamp) {
    run.block_started_at = now;
    run.extended_seconds = 0;
    run.paused_seconds = 0;
    run.paused_at = None;
}

fn block_gone() -> ModelError {
    ModelError::NotFound("That agenda block no longer exists".into())
}

fn item_gone() -> ModelError {
    ModelError::NotFound("That item of the record no longer exists".into())
}

fn not_running() -> ModelError {
    ModelError::Refused("The meeting is not running".into())
}

// ----- lists and views -----

/// The meeting's state, for lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingStatus {
    /// Designed, still to come.
    Planned,
    /// Run mode is on.
    Running,
    /// Its date has passed but nothing is recorded.
    NotRecorded,
    /// Attendance, harvest or follow-ups recorded.
    Recorded,
}

impl MeetingStatus {
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "Planned",
            MeetingStatus::Running => "Running now",
            MeetingStatus::NotRecorded => "Held, not recorded",
            MeetingStatus::Recorded => "Recorded",
        }
    }
}

/// True when the record holds anything.
pub fn has_record(m: &Meeting) -> bool {
    m.record.as_ref().is_some_and(|r| {
        !r.attendee_ids.is_empty()
            || !r.guests.is_empty()
            || !r.harvest.is_empty()
            || !r.follow_ups.is_empty()
            || !r.notes.trim().is_empty()
    })
}

pub fn status(m: &Meeting, today: NaiveDate) -> MeetingStatus {
    if m.run.is_some() {
        MeetingStatus::Running
    } else if has_record(m) {
        MeetingStatus::Recorded
    } else if m.on < today {
        MeetingStatus::NotRecorded
    } else {
        MeetingStatus::Planned
    }
}

/// The community's meetings by date and time, latest first.
pub fn meetings_latest_first(c: &Community) -> Vec<&Meeting> {
    let mut v: Vec<&Meeting> = c.facilitation.meetings.iter().collect();
    v.sort_by_key(|m| std::cmp::Reverse(meeting_start(m)));
    v
}

/// A follow-up still open, with its meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenFollowUp {
    pub community_id: Id,
    pub meeting_id: Id,
    pub meeting_title: String,
    pub meeting_on: NaiveDate,
    pub follow_up: FollowUp,
    /// Its due date has passed.
    pub overdue: bool,
}

/// The community's open follow-ups: those with a due date first, soonest first, then the
/// others by meeting date.
pub fn open_follow_ups(c: &Community, today: NaiveDate) -> Vec<OpenFollowUp> {
    let mut out: Vec<OpenFollowUp> = c
        .facilitation
        .meetings
        .iter()
        .flat_map(|m| {
            m.record.iter().flat_map(move |r| {
                r.follow_ups
                    .iter()
                    .filter(|f| f.done_on.is_none())
                    .map(move |f| OpenFollowUp {
                        community_id: c.id.clone(),
                        meeting_id: m.id.clone(),
                        meeting_title: m.title.clone(),
                        meeting_on: m.on,
                        follow_up: f.clone(),
                        overdue: f.due_on.is_some_and(|d| d < today),
                    })
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |x: &OpenFollowUp| (x.follow_up.due_on.is_none(), x.follow_up.due_on, x.meeting_on);
        key(a).cmp(&key(b))
    });
    out
}

// ----- the activity log -----

/// What a line of the activity log records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    /// A meeting, on its date: designed, held or to come.
    Meeting,
    /// A follow-up done.
    FollowUpDone,
}

/// A line of the community's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub on: NaiveDate,
    pub kind: LogKind,
    pub meeting_id: Id,
    pub title: String,
    /// What happened, in words.
    pub detail: String,
}

/// The community's timeline of meetings and what came of them, latest first.
pub fn activity_log(ws: &Workspace, c: &Community, today: NaiveDate) -> Vec<LogEntry> {
    let mut out = Vec::new();
    for m in &c.facilitation.meetings {
        let formats: Vec<String> = m
            .blocks
            .iter()
            .filter_map(|b| b.format_id.as_ref())
            .map(|f| ws.catalogues.label(CatalogueKind::MeetingFormats, f))
            .collect::<Vec<_>>();
        let formats = dedup_strings(formats);
        let mut parts = vec![status(m, today).label().to_string()];
        if !formats.is_empty() {
            parts.push(format!("formats: {}", formats.join(", ")));
        }
        if let Some(r) = m.record.as_ref().filter(|_| has_record(m)) {
            parts.push(plural(r.attendee_ids.len() + r.guests.len(), "participant"));
            if !r.harvest.is_empty() {
                parts.push(format!("{} harvested", plural(r.harvest.len(), "item")));
            }
            if !r.follow_ups.is_empty() {
                parts.push(plural(r.follow_ups.len(), "follow-up"));
            }
        }
        out.push(LogEntry {
            on: m.on,
            kind: LogKind::Meeting,
            meeting_id: m.id.clone(),
            title: m.title.clone(),
            detail: parts.join(" · "),
        });
        for f in m.record.iter().flat_map(|r| r.follow_ups.iter()) {
            if let Some(done) = f.done_on {
                let who = f
                    .person_id
                    .as_ref()
                    .map(|p| format!("{}: ", ws.person_name(p)))
                    .unwrap_or_default();
                out.push(LogEntry {
                    on: done,
                    kind: LogKind::FollowUpDone,
                    meeting_id: m.id.clone(),
                    title: format!("Follow-up done: {who}{}", f.what),
                    detail: format!("From “{}” on {}", m.title, date_label(m.on)),
                });
            }
        }
    }
    out.sort_by(|a, b| {
        b.on.cmp(&a.on)
            .then((a.kind == LogKind::Meeting).cmp(&(b.kind == LogKind::Meeting)))
    });
    out
}

fn dedup_strings(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in v {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

// ----- the balance over a period -----

/// One bar of the balance: a catalogue entry and how often the period's meetings used it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalanceRow {
    pub id: Id,
    pub label: String,
    /// Meetings that served the activity type, or blocks that used the format.
    pub count: usize,
    /// For formats: the minutes of agenda time given to it.
    pub minutes: u32,
}

/// The balance of activity types and formats over the meetings from `from` to `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Balance {
    pub meetings: usize,
    /// Every activity type of the catalogue, unused ones too (a gap is worth seeing).
    pub activity_types: Vec<BalanceRow>,
    /// The formats used, most used first, and blocks without a format last as "Other".
    pub formats: Vec<BalanceRow>,
}

/// The activity types a meeting serves: those it names, or, when it names none, those its
/// blocks' formats serve.
pub fn served_types(ws: &Workspace, m: &Meeting) -> Vec<Id> {
    if !m.activity_type_ids.is_empty() {
        return m.activity_type_ids.clone();
    }
    let mut out: Vec<Id> = Vec::new();
    for f in m.blocks.iter().filter_map(|b| b.format_id.as_ref()) {
        if let Some(e) = ws.catalogues.entry(CatalogueKind::MeetingFormats, f) {
            out.extend(e.points_to.iter().cloned());
        }
    }
    dedup(&out)
}

pub fn balance(ws: &Workspace, c: &Community, from: NaiveDate, to: NaiveDate) -> Balance {
    let meetings: Vec<&Meeting> = c
        .facilitation
        .meetings
        .iter()
        .filter(|m| m.on >= from && m.on <= to)
        .collect();
    let activity_types = ws
        .catalogues
        .activity_types
        .iter()
        .map(|e| BalanceRow {
            id: e.id.clone(),
            label: e.label.clone(),
            count: meetings.iter().filter(|m| served_types(ws, m).contains(&e.id)).count(),
            minutes: 0,
        })
        .collect();
    let mut formats: Vec<BalanceRow> = Vec::new();
    let mut other = BalanceRow {
        id: Id::new(""),
        label: "Other (no format)".into(),
        count: 0,
        minutes: 0,
    };
    for b in meetings.iter().flat_map(|m| m.blocks.iter()) {
        match &b.format_id {
            Some(f) => match formats.iter_mut().find(|r| &r.id == f) {
                Some(r) => {
                    r.count += 1;
                    r.minutes += b.minutes;
                }
                None => formats.push(BalanceRow {
                    id: f.clone(),
                    label: ws.catalogues.label(CatalogueKind::MeetingFormats, f),
                    count: 1,
                    minutes: b.minutes,
                }),
            },
            None => {
                other.count += 1;
                other.minutes += b.minutes;
            }
        }
    }
    formats.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.minutes.cmp(&a.minutes))
            .then(a.label.cmp(&b.label))
    });
    if other.count > 0 {
        formats.push(other);
    }
    Balance {
        meetings: meetings.len(),
        activity_types,
        formats,
    }
}

/// What the balance suggests, in words: activity types no meeting served in the period.
pub fn balance_advice(b: &Balance) -> Vec<String> {
    if b.meetings == 0 {
        return Vec::new();
    }
    let unserved: Vec<&str> = b
        .activity_types
        .iter()
        .filter(|r| r.count == 0)
        .map(|r| r.label.as_str())
        .collect();
    let mut out = Vec::new();
    if !unserved.is_empty() && unserved.len() < b.activity_types.len() {
        out.push(format!(
            "No meeting in this period served: {}. A varied mix keeps different members coming.",
            unserved.join(", ")
        ));
    }
    if let Some(top) = b.formats.first() {
        let blocks: usize = b.formats.iter().map(|r| r.count).sum();
        if blocks >= 4 && top.count * 3 > blocks * 2 {
            out.push(format!(
                "{} makes up most of the agenda time in this period. Familiar formats help, but an occasional new one keeps meetings lively.",
                top.label
            ));
        }
    }
    out
}

// ----- attendance → participation -----

/// A suggested move of participation level, from attendance. Never applied by itself:
/// the user confirms it, and it is recorded with `change_level`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelSuggestion {
    pub membership_id: Id,
    pub person_id: Id,
    pub from_level_id: Id,
    pub to_level_id: Id,
    /// The evidence, as a sentence, used as the level change's reason.
    pub reason: String,
}

/// How many recorded meetings the suggestion needs before it says anything.
pub const SUGGESTION_MIN_MEETINGS: usize = 3;
/// How far back it looks, in days.
pub const SUGGESTION_WINDOW_DAYS: u64 = 183;

/// Level moves that the attendance of the last six months suggests: a peripheral or
/// occasional member who came to at least three in four recorded meetings may be active;
/// a peripheral member who came to half may be occasional; an active member who came to
/// none may be occasional. Core group and transactional members are left to the leader.
/// Only meetings since the member joined and since their last level change count, so a
/// move the user has made (or decided against by changing the level) is not suggested
/// again from the same meetings. Levels missing from the catalogue are never suggested.
pub fn participation_suggestions(ws: &Workspace, c: &Community, today: NaiveDate) -> Vec<LevelSuggestion> {
    let since = today
        .checked_sub_days(Days::new(SUGGESTION_WINDOW_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let recorded: Vec<&Meeting> = c
        .facilitation
        .meetings
        .iter()
        .filter(|m| m.on >= since && m.on <= today && m.record.as_ref().is_some_and(|r| !r.attendee_ids.is_empty()))
        .collect();
    let has = |id: &str| ws.catalogues.contains(CatalogueKind::ParticipationLevels, &Id::new(id));
    let mut out = Vec::new();
    for ms in &c.memberships {
        // The first history entry records the joining level; later ones are real moves.
        let moved = if ms.history.len() > 1 {
            ms.history.last().map(|h| h.on)
        } else {
            None
        };
        let counted: Vec<&&Meeting> = recorded
            .iter()
            .filter(|m| m.on >= ms.joined_on && moved.is_none_or(|a| m.on > a))
            .collect();
        let n = counted.len();
        if n < SUGGESTION_MIN_MEETINGS {
            continue;
        }
        let came = counted
            .iter()
            .filter(|m| {
                m.record
                    .as_ref()
                    .is_some_and(|r| r.attendee_ids.contains(&ms.person_id))
            })
            .count();
        let level = ms.level_id.as_str();
        let to = match level {
            "peripheral" | "occasional" if came * 4 >= n * 3 => Some("active"),
            "peripheral" if came * 2 >= n => Some("occasional"),
            "active" if came == 0 => Some("occasional"),
            _ => None,
        };
        if let Some(to) = to.filter(|t| has(t) && *t != level) {
            out.push(LevelSuggestion {
                membership_id: ms.id.clone(),
                person_id: ms.person_id.clone(),
                from_level_id: ms.level_id.clone(),
                to_level_id: Id::new(to),
                reason: format!(
                    "Attended {came} of the {n} recorded meetings since {}",
                    counted.iter().map(|m| m.on).min().unwrap_or(today)
                ),
            });
        }
    }
    out
}

// ----- exports -----

/// The `PRODID` of exported agendas.
pub const PRODID: &str = concat!("-//Cultivate//Meeting designer ", env!("CARGO_PKG_VERSION"), "//EN");

fn person_or_blank(ws: &Workspace, p: &Option<Id>) -> String {
    p.as_ref().map(|p| ws.person_name(p)).unwrap_or_default()
}

/// Escapes text for Markdown so that a title like "*Hot* topics #1" is not read as markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The agenda as Markdown: the meeting's facts, a table of timed blocks, the leadership
/// groups and the checklist.
pub fn agenda_markdown(ws: &Workspace, c: &Community, m: &Meeting) -> String {
    let mut s = String::new();
    s.push_str(&format!("# {}\n\n", md(&m.title)));
    s.push_str(&format!("**Community:** {}  \n", md(&c.name)));
    let end = slot_end(m);
    s.push_str(&format!(
        "**When:** {} {}–{}  \n",
        m.on.format("%A %-d %B %Y"),
        m.start_time.format("%H:%M"),
        clock_label(m, end)
    ));
    if !m.location.trim().is_empty() {
        s.push_str(&format!("**Where:** {}  \n", md(m.location.trim())));
    }
    s.push('\n');
    if !m.purpose.trim().is_empty() {
        s.push_str(&format!("**Purpose:** {}\n\n", md(m.purpose.trim())));
    }
    let topics: Vec<String> = m
        .agenda_topic_ids
        .iter()
        .filter_map(|t| c.cultivation.forming.agenda.iter().find(|a| &a.id == t))
        .map(|a| md(&a.topic))
        .collect();
    if !topics.is_empty() {
        s.push_str(&format!("**Learning agenda:** {}\n\n", topics.join("; ")));
    }
    let types: Vec<String> = m
        .activity_type_ids
        .iter()
        .map(|t| md(&ws.catalogues.label(CatalogueKind::ActivityTypes, t)))
        .collect();
    if !types.is_empty() {
        s.push_str(&format!("**Serves:** {}\n\n", types.join(", ")));
    }
    s.push_str("## Agenda\n\n");
    if m.blocks.is_empty() {
        s.push_str("No blocks yet.\n\n");
    } else {
        s.push_str("| Time | Block | Format | Minutes | Facilitator |\n|---|---|---|---:|---|\n");
        for (b, t) in m.blocks.iter().zip(schedule(m)) {
            let format = b
                .format_id
                .as_ref()
                .map(|f| md(&ws.catalogues.label(CatalogueKind::MeetingFormats, f)))
                .unwrap_or_default();
            s.push_str(&format!(
                "| {}–{} | {} | {} | {} | {} |\n",
                clock_label(m, t.starts),
                clock_label(m, t.ends),
                md(&b.title),
                format,
                b.minutes,
                md(&person_or_blank(ws, &b.facilitator_id))
            ));
        }
        s.push('\n');
        s.push_str(&format!("{}\n\n", slot_fit(m).label(m)));
        for b in m
            .blocks
            .iter()
            .filter(|b| !b.notes.trim().is_empty() || !b.materials.trim().is_empty())
        {
            s.push_str(&format!("### {}\n\n", md(&b.title)));
            if !b.notes.trim().is_empty() {
                s.push_str(&format!("{}\n\n", md(b.notes.trim())));
            }
            if !b.materials.trim().is_empty() {
                s.push_str(&format!("*Materials:* {}\n\n", md(b.materials.trim())));
            }
        }
    }
    if !m.roles.is_empty() {
        s.push_str("## Leadership groups\n\n");
        for g in &ws.catalogues.leadership_groups {
            let people: Vec<String> = m
                .roles
                .iter()
                .filter(|r| r.leadership_group_id == g.id)
                .map(|r| md(&ws.person_name(&r.person_id)))
                .collect();
            if !people.is_empty() {
                s.push_str(&format!("- **{}:** {}\n", md(&g.label), people.join(", ")));
            }
        }
        s.push('\n');
    }
    s.push_str("## Checklist\n\n");
    for phase in &ws.catalogues.meeting_phases {
        let items: Vec<_> = ws
            .catalogues
            .children(CatalogueKind::MeetingChecklist, &phase.id)
            .collect();
        if items.is_empty() {
            continue;
        }
        s.push_str(&format!("**{}**\n\n", md(&phase.label)));
        for i in items {
            let tick = if m.checklist_done.contains(&i.id) { "x" } else { " " };
            s.push_str(&format!("- [{tick}] {}\n", md(&i.label)));
        }
        s.push('\n');
    }
    s
}

/// The meeting as an iCalendar file (RFC 5545) with one event for the booked slot and the
/// timed agenda in its description. The event keeps the meeting's id as its `UID`, so
/// importing a newer export updates it. Times are floating local times, as in the rhythm
/// planner's export.
pub fn agenda_ics(ws: &Workspace, c: &Community, m: &Meeting, now: Timestamp) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| out.push_str(&fold_line(&format!("{name}:{value}")));
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", PRODID);
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    line("BEGIN", "VEVENT");
    line("UID", &format!("{}@cultivate", m.id));
    line("DTSTAMP", &now.format("%Y%m%dT%H%M%SZ").to_string());
    line("DTSTART", &meeting_start(m).format("%Y%m%dT%H%M%S").to_string());
    line("DURATION", &ics_duration(m.slot_minutes));
    line("SUMMARY", &escape_text(&format!("{} ({})", m.title, c.name)));
    let mut d: Vec<String> = Vec::new();
    if !m.purpose.trim().is_empty() {
        d.push(m.purpose.trim().to_string());
        d.push(String::new());
    }
    d.push("Agenda:".into());
    for (b, t) in m.blocks.iter().zip(schedule(m)) {
        let who = b
            .facilitator_id
            .as_ref()
            .map(|p| format!(" ({})", ws.person_name(p)))
            .unwrap_or_default();
        d.push(format!(
            "{}–{} {}{who}",
            clock_label(m, t.starts),
            clock_label(m, t.ends),
            b.title
        ));
    }
    if m.blocks.is_empty() {
        d.push("(no blocks yet)".into());
    }
    line("DESCRIPTION", &escape_text(&d.join("\n")));
    if !m.location.trim().is_empty() {
        line("LOCATION", &escape_text(m.location.trim()));
    }
    let cats: Vec<String> = m
        .activity_type_ids
        .iter()
        .map(|t| escape_text(&ws.catalogues.label(CatalogueKind::ActivityTypes, t)))
        .collect();
    if !cats.is_empty() {
        line("CATEGORIES", &cats.join(","));
    }
    line("END", "VEVENT");
    line("END", "VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_read_like_a_clock() {
        assert_eq!(countdown_label(0), "0:00");
        assert_eq!(countdown_label(725), "12:05");
        assert_eq!(countdown_label(3723), "1:02:03");
        assert_eq!(countdown_label(-90), "−1:30");
        assert_eq!(countdown_words(725), "12 minutes 5 seconds left");
        assert_eq!(countdown_words(-60), "1 minute over");
        assert_eq!(countdown_words(1), "1 second left");
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(md("*Hot* topics #1 | [x]"), "\\*Hot\\* topics \\#1 \\| \\[x\\]");
    }

    #[test]
    fn harvest_kinds_round_trip() {
        for k in HarvestKind::ALL {
            assert_eq!(HarvestKind::from_key(k.key()), Some(k));
        }
    }

    #[test]
    fn format_steps_drop_numbering_and_blank_lines() {
        let d = FormatDraft {
            steps: "1. Tell the case\n\n2) Ask questions\n  Share ideas ".into(),
            ..FormatDraft::new()
        };
        assert_eq!(d.steps(), ["Tell the case", "Ask questions", "Share ideas"]);
    }
}
