//! CSV exports for spreadsheet users: one table per kind of record, written so that Excel,
//! LibreOffice, Numbers and Google Sheets all open it as the same rows and columns.
//!
//! The format (RFC 4180, with two additions for spreadsheets):
//! - Fields are separated by commas and records end with CRLF (`\r\n`), the line end
//!   RFC 4180 prescribes.
//! - A field is quoted when it contains a comma, a double quote, a CR or an LF (or starts or
//!   ends with a space, which some programs would trim); a double quote inside a quoted field
//!   is doubled. A line break typed into a note stays inside its cell.
//! - The file is UTF-8 and starts with a byte order mark (U+FEFF, the bytes EF BB BF).
//!   Excel on Windows opens a `.csv` without a BOM in the computer's legacy code page
//!   (Windows-1252 in much of Europe and America), which turns "Zoë" into "ZoÃ«" and
//!   "Łukasz" into mojibake; with the BOM it reads UTF-8. The other programs accept the BOM.
//! - A text cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading
//!   apostrophe, so a spreadsheet never runs something typed into the app (or merged from a
//!   participant's file) as a formula (OWASP "CSV injection"). Dates, times, numbers and
//!   ids are written as they are.
//!
//! Each export is a variant of [`Export`] and one function building its [`Table`]. Names
//! come from the people and the catalogues by id; an id that points at nothing (which
//! validation keeps out of a stored workspace) gives an empty cell, never the raw id.

use std::borrow::Cow;

use chrono::{Datelike, Months, NaiveDate};

use super::catalogue::CatalogueKind;
use super::evaluation::{DerivedMeasure, Indicator, Observation};
use super::facilitation::Meeting;
use super::ids::Id;
use super::meetings::{has_record, slot_end, total_minutes};
use super::participation::{timeline, Direction};
use super::rhythm::{repeat_label, schedule_label};
use super::value::derived::derived_points;
use super::workspace::{Community, Membership, Person, Workspace};

/// The byte order mark every file starts with (see the module documentation for why).
pub const BOM: char = '\u{feff}';
/// The line end of every record, header included.
pub const CRLF: &str = "\r\n";
/// The MIME type to download the files with.
pub const MIME: &str = "text/csv;charset=utf-8";
/// Joins several values in one cell ("Facilitator; Coordinator").
pub const LIST_SEPARATOR: &str = "; ";

/// A table to write: a header row and rows of the same length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(columns: &[&str]) -> Self {
        Table {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; a short row is padded with empty cells and a long one cut to the header,
    /// so every record has the same number of fields.
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.columns.len(), String::new());
        self.rows.push(row);
    }

    /// The whole file: BOM, header, rows, each record ending in CRLF.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        out.push(BOM);
        write_record(&mut out, self.columns.iter().map(String::as_str));
        for row in &self.rows {
            write_record(&mut out, row.iter().map(String::as_str));
        }
        out
    }
}

fn write_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(f));
    }
    out.push_str(CRLF);
}

/// One field as RFC 4180 writes it: as it is, or in double quotes with inner quotes doubled
/// when it holds a comma, a quote, a CR or an LF, or starts or ends with a space.
pub fn field(value: &str) -> Cow<'_, str> {
    let needs_quotes = value.contains([',', '"', '\r', '\n']) || value.starts_with(' ') || value.ends_with(' ');
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", value.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(value)
    }
}

/// A cell of free text: as typed, except that a leading `=`, `+`, `-`, `@`, tab or CR gets
/// an apostrophe in front, so a spreadsheet shows it as text instead of running it.
pub fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// A number as a spreadsheet reads it: the shortest form that gives the same value back
/// ("12", "12.5", "-3"), never with an exponent or a thousands separator.
pub fn number(value: f64) -> String {
    value.to_string()
}

/// The exports on offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    People,
    Memberships,
    Activities,
    Meetings,
    Attendance,
    Indicators,
    Stories,
}

impl Export {
    /// Every export, group by group (see [`Export::group`]).
    pub const ALL: [Export; 7] = [
        Export::People,
        Export::Memberships,
        Export::Activities,
        Export::Meetings,
        Export::Attendance,
        Export::Indicators,
        Export::Stories,
    ];

    /// The file-name part: `cultivate-<workspace>-<key>-<date>.csv`.
    pub fn key(self) -> &'static str {
        match self {
            Export::People => "people",
            Export::Memberships => "members",
            Export::Activities => "activities",
            Export::Meetings => "meetings",
            Export::Attendance => "attendance",
            Export::Indicators => "indicators",
            Export::Stories => "stories",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Export::People => "People",
            Export::Memberships => "Members per community",
            Export::Activities => "Planned activities",
            Export::Meetings => "Meetings",
            Export::Attendance => "Meeting attendance",
            Export::Indicators => "Indicators and observations",
            Export::Stories => "Value-creation stories",
        }
    }

    /// The heading the download list shows the export under.
    pub fn group(self) -> &'static str {
        match self {
            Export::People | Export::Memberships => "People and communities",
            Export::Activities | Export::Meetings | Export::Attendance => "Activities and meetings",
            Export::Indicators | Export::Stories => "Evaluation",
        }
    }

    /// The exports under their headings, in the order of [`Export::ALL`].
    pub fn groups() -> Vec<(&'static str, Vec<Export>)> {
        let mut out: Vec<(&'static str, Vec<Export>)> = Vec::new();
        for e in Export::ALL {
            match out.last_mut() {
                Some((g, list)) if *g == e.group() => list.push(e),
                _ => out.push((e.group(), vec![e])),
            }
        }
        out
    }

    /// What one row is, for the download list.
    pub fn description(self) -> &'static str {
        match self {
            Export::People => "One row per person: contact details, organisation and the communities they belong to.",
            Export::Memberships => {
                "One row per membership: community, person, participation level, roles and leadership groups, dates."
            }
            Export::Activities => {
                "One row per activity of each community's rhythm planner: schedule, format and place."
            }
            Export::Meetings => {
                "One row per meeting: date and times, formats, status (designed, running or recorded), agenda blocks, attendees, guests, harvest and follow-ups open and done."
            }
            Export::Attendance => {
                "One row per person recorded at a meeting: the member with their participation level on the day, or the guest by name."
            }
            Export::Indicators => {
                "One row per observation of an indicator (entered by hand, imported from CSV, or computed from the workspace), with its cycle, unit, target and plan; an indicator without observations has one row of its own."
            }
            Export::Stories => {
                "One row per value-creation story: teller, date, each cycle's step in its own column, verification, links and consent. Private stories are included: filter on the Consent column before you share the file."
            }
        }
    }

    pub fn table(self, ws: &Workspace) -> Table {
        match self {
            Export::People => people(ws),
            Export::Memberships => memberships(ws),
            Export::Activities => activities(ws),
            Export::Meetings => meetings(ws),
            Export::Attendance => attendance(ws),
            Export::Indicators => indicators(ws),
            Export::Stories => stories(ws),
        }
    }

    /// Rows the export would have now (for "12 rows" next to the button).
    pub fn row_count(self, ws: &Workspace) -> usize {
        let communities = ws.communities.iter();
        match self {
            Export::People => ws.people.len(),
            Export::Memberships => communities.map(|c| c.memberships.len()).sum(),
            Export::Activities => communities.map(|c| c.cultivation.activities.len()).sum(),
            Export::Meetings => communities.map(|c| c.facilitation.meetings.len()).sum(),
            Export::Attendance => communities
                .flat_map(|c| c.facilitation.meetings.iter().filter_map(|m| m.record.as_ref()))
                .map(|r| r.attendee_ids.len() + guests(r).count())
                .sum(),
            Export::Indicators => communities.map(|c| indicator_rows(ws, c).len()).sum(),
            Export::Stories => communities.map(|c| c.evaluation.stories.len()).sum(),
        }
    }
}

fn person<'a>(ws: &'a Workspace, id: &Id) -> Option<&'a Person> {
    ws.people.iter().find(|p| &p.id == id)
}

fn organisation_name(ws: &Workspace, id: Option<&Id>) -> String {
    id.and_then(|id| ws.organisations.iter().find(|o| &o.id == id))
        .map(|o| text(&o.name))
        .unwrap_or_default()
}

/// The label of a catalogue entry as a text cell; empty when the entry is missing.
fn label(ws: &Workspace, kind: CatalogueKind, id: &Id) -> String {
    ws.catalogues
        .entry(kind, id)
        .map(|e| text(&e.label))
        .unwrap_or_default()
}

/// Several names in one text cell, joined with [`LIST_SEPARATOR`].
fn joined<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> String {
    let all: Vec<S> = names.into_iter().collect();
    text(&all.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(LIST_SEPARATOR))
}

/// The labels of catalogue entries in one cell; missing entries are left out.
fn labels(ws: &Workspace, kind: CatalogueKind, ids: &[Id]) -> String {
    joined(
        ids.iter()
            .filter_map(|id| ws.catalogues.entry(kind, id))
            .map(|e| e.label.as_str()),
    )
}

/// The guests of a record worth a row: every name that is not blank.
fn guests(r: &super::facilitation::MeetingRecord) -> impl Iterator<Item = &String> {
    r.guests.iter().filter(|g| !g.trim().is_empty())
}

/// Everyone in the workspace, in the order they were added.
pub fn people(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Name",
        "Email",
        "Organisation",
        "Title",
        "Communities",
        "Notes",
        "Person id",
    ]);
    for p in &ws.people {
        let communities = ws
            .communities
            .iter()
            .filter(|c| c.memberships.iter().any(|m| m.person_id == p.id))
            .map(|c| c.name.as_str());
        t.push(vec![
            text(&p.name),
            text(&p.email),
            organisation_name(ws, p.organisation_id.as_ref()),
            text(&p.title),
            joined(communities),
            text(&p.notes),
            p.id.to_string(),
        ]);
    }
    t
}

/// Every membership, community by community.
pub fn memberships(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Community",
        "Name",
        "Email",
        "Organisation",
        "Level",
        "Roles",
        "Leadership groups",
        "Joined on",
        "At this level since",
        "Community id",
        "Person id",
    ]);
    for c in &ws.communities {
        for m in &c.memberships {
            let person = person(ws, &m.person_id);
            let since = m.history.last().map(|h| h.on).unwrap_or(m.joined_on);
            t.push(vec![
                text(&c.name),
                person.map(|p| text(&p.name)).unwrap_or_default(),
                person.map(|p| text(&p.email)).unwrap_or_default(),
                organisation_name(ws, person.and_then(|p| p.organisation_id.as_ref())),
                label(ws, CatalogueKind::ParticipationLevels, &m.level_id),
                labels(ws, CatalogueKind::Roles, &m.role_ids),
                labels(ws, CatalogueKind::LeadershipGroups, &m.leadership_group_ids),
                m.joined_on.to_string(),
                since.to_string(),
                c.id.to_string(),
                m.person_id.to_string(),
            ]);
        }
    }
    t
}

/// Every activity of the rhythm planners, community by community.
pub fn activities(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Community",
        "Title",
        "Type",
        "First date",
        "Start time",
        "Duration (minutes)",
        "Repeats",
        "Until",
        "Schedule",
        "Feel",
        "Mode",
        "Location",
        "Notes",
        "Community id",
        "Activity id",
    ]);
    for c in &ws.communities {
        for a in &c.cultivation.activities {
            t.push(vec![
                text(&c.name),
                text(&a.title),
                a.activity_type_id
                    .as_ref()
                    .map(|id| label(ws, CatalogueKind::ActivityTypes, id))
                    .unwrap_or_default(),
                a.starts_on.to_string(),
                a.start_time.format("%H:%M").to_string(),
                a.duration_minutes.to_string(),
                repeat_label(a.repeat, a.starts_on),
                a.until.map(|d| d.to_string()).unwrap_or_default(),
                schedule_label(a),
                a.feel.label().to_string(),
                a.mode.label().to_string(),
                text(&a.location),
                text(&a.notes),
                c.id.to_string(),
                a.id.to_string(),
            ]);
        }
    }
    t
}

/// A meeting's state as the export states it, without reference to today: "Running" while
/// run mode is on, "Recorded" once attendance, harvest, follow-ups or notes are recorded,
/// "Designed" before that (the Date column tells a coming meeting from a past one).
pub fn meeting_state(m: &Meeting) -> &'static str {
    if m.run.is_some() {
        "Running"
    } else if has_record(m) {
        "Recorded"
    } else {
        "Designed"
    }
}

/// Every meeting, community by community, in date order.
pub fn meetings(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Community",
        "Title",
        "Date",
        "Start time",
        "End time",
        "Duration (minutes)",
        "Agenda (minutes)",
        "Formats",
        "Activity types",
        "Status",
        "Agenda blocks",
        "Attendees",
        "Guests",
        "Harvest items",
        "Follow-ups open",
        "Follow-ups done",
        "Purpose",
        "Location",
        "Record notes",
        "Community id",
        "Meeting id",
    ]);
    for c in &ws.communities {
        for m in by_date(c) {
            let mut formats: Vec<&Id> = Vec::new();
            for f in m.blocks.iter().filter_map(|b| b.format_id.as_ref()) {
                if !formats.contains(&f) {
                    formats.push(f);
                }
            }
            let formats = formats
                .into_iter()
                .filter_map(|f| ws.catalogues.entry(CatalogueKind::MeetingFormats, f))
                .map(|e| e.label.as_str());
            let rec = m.record.as_ref();
            let follow_ups = rec.map(|r| r.follow_ups.as_slice()).unwrap_or_default();
            let done = follow_ups.iter().filter(|f| f.done_on.is_some()).count();
            t.push(vec![
                text(&c.name),
                text(&m.title),
                m.on.to_string(),
                m.start_time.format("%H:%M").to_string(),
                slot_end(m).format("%H:%M").to_string(),
                m.slot_minutes.to_string(),
                total_minutes(m).to_string(),
                joined(formats),
                labels(ws, CatalogueKind::ActivityTypes, &m.activity_type_ids),
                meeting_state(m).to_string(),
                m.blocks.len().to_string(),
                rec.map_or(0, |r| r.attendee_ids.len()).to_string(),
                rec.map_or(0, |r| guests(r).count()).to_string(),
                rec.map_or(0, |r| r.harvest.len()).to_string(),
                (follow_ups.len() - done).to_string(),
                done.to_string(),
                text(&m.purpose),
                text(&m.location),
                rec.map(|r| text(&r.notes)).unwrap_or_default(),
                c.id.to_string(),
                m.id.to_string(),
            ]);
        }
    }
    t
}

/// A community's meetings by date and start time, earliest first (creation order on a tie).
fn by_date(c: &Community) -> Vec<&Meeting> {
    let mut v: Vec<&Meeting> = c.facilitation.meetings.iter().collect();
    v.sort_by_key(|m| (m.on, m.start_time));
    v
}

/// The participation level a member had on a day: the last level change on or before it;
/// `None` before the first one.
pub fn level_on(m: &Membership, day: NaiveDate) -> Option<&Id> {
    m.history.iter().rev().find(|h| h.on <= day).map(|h| &h.to_level_id)
}

/// Everyone recorded at a meeting: the members ticked, then the guests, meeting by meeting.
pub fn attendance(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Community",
        "Meeting",
        "Date",
        "Name",
        "Attended as",
        "Email",
        "Organisation",
        "Level on the day",
        "Community id",
        "Meeting id",
        "Person id",
    ]);
    for c in &ws.communities {
        for m in by_date(c) {
            let Some(r) = &m.record else { continue };
            let meeting = [text(&c.name), text(&m.title), m.on.to_string()];
            for id in &r.attendee_ids {
                let p = person(ws, id);
                let level = c
                    .memberships
                    .iter()
                    .find(|ms| &ms.person_id == id)
                    .and_then(|ms| level_on(ms, m.on))
                    .map(|l| label(ws, CatalogueKind::ParticipationLevels, l))
                    .unwrap_or_default();
                let mut row = meeting.to_vec();
                row.extend([
                    p.map(|p| text(&p.name)).unwrap_or_default(),
                    "Member".to_string(),
                    p.map(|p| text(&p.email)).unwrap_or_default(),
                    organisation_name(ws, p.and_then(|p| p.organisation_id.as_ref())),
                    level,
                    c.id.to_string(),
                    m.id.to_string(),
                    id.to_string(),
                ]);
                t.push(row);
            }
            for g in guests(r) {
                let mut row = meeting.to_vec();
                row.extend([
                    text(g),
                    "Guest".to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    c.id.to_string(),
                    m.id.to_string(),
                ]);
                t.push(row);
            }
        }
    }
    t
}

/// How an indicator's value came into the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Entered in the observation form.
    ByHand,
    /// Imported from a CSV file (the import notes "imported from <file>" in the source).
    CsvImport,
    /// Computed from the workspace's own records.
    Computed,
}

impl Origin {
    /// The CSV import writes "imported from <file>" as the source, or "<source> (imported
    /// from <file>)" when the file gave one.
    pub fn of(o: &Observation) -> Origin {
        let s = o.source.as_str();
        if s.starts_with("imported from ") || (s.contains(" (imported from ") && s.ends_with(')')) {
            Origin::CsvImport
        } else {
            Origin::ByHand
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Origin::ByHand => "Entered by hand",
            Origin::CsvImport => "Imported from CSV",
            Origin::Computed => "Computed",
        }
    }
}

/// One row of the indicators export before it is written.
struct IndicatorRow<'a> {
    indicator: Option<&'a Indicator>,
    indicator_id: &'a Id,
    on: Option<NaiveDate>,
    value: Option<f64>,
    note: String,
    source: String,
    origin: Option<Origin>,
    observation_id: Option<&'a Id>,
}

/// The dates a computed measure counts, to choose the span its values are computed over.
fn measure_dates(ws: &Workspace, c: &Community, m: DerivedMeasure) -> Vec<NaiveDate> {
    let recorded = c.facilitation.meetings.iter().filter(|mt| mt.record.is_some());
    match m {
        DerivedMeasure::Attendance | DerivedMeasure::ActiveMembers => recorded.map(|mt| mt.on).collect(),
        DerivedMeasure::RepertoireItemsAdded => c.practice.iter().map(|r| r.added_on).collect(),
        DerivedMeasure::FollowUpsDone => recorded
            .flat_map(|mt| {
                mt.record
                    .iter()
                    .flat_map(|r| r.follow_ups.iter().filter_map(|f| f.done_on))
            })
            .collect(),
        DerivedMeasure::MovesTowardsCore => timeline(&ws.catalogues, c)
            .into_iter()
            .filter(|mv| mv.direction == Direction::Inward)
            .map(|mv| mv.on)
            .collect(),
    }
}

/// The last day of the month of `d`.
fn month_end(d: NaiveDate) -> NaiveDate {
    d.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(d)
}

/// A community's indicator rows: each indicator's observations by date, then its computed
/// values (per meeting for attendance, per month for the other measures, from the first
/// to the last record they count), or one row with no observation; then any observation
/// whose indicator is missing.
fn indicator_rows<'a>(ws: &Workspace, c: &'a Community) -> Vec<IndicatorRow<'a>> {
    let mut rows = Vec::new();
    let ev = &c.evaluation;
    for ind in &ev.indicators {
        let before = rows.len();
        let mut obs: Vec<&Observation> = ev.observations.iter().filter(|o| o.indicator_id == ind.id).collect();
        obs.sort_by_key(|o| o.on);
        rows.extend(obs.into_iter().map(|o| observation_row(Some(ind), o)));
        if let Some(m) = ind.derived {
            let dates = measure_dates(ws, c, m);
            if let (Some(&from), Some(&to)) = (dates.iter().min(), dates.iter().max()) {
                let to = if m == DerivedMeasure::Attendance {
                    to
                } else {
                    month_end(to)
                };
                let (points, _) = derived_points(&ws.catalogues, c, m, from, to);
                rows.extend(points.into_iter().map(|p| IndicatorRow {
                    indicator: Some(ind),
                    indicator_id: &ind.id,
                    on: Some(p.on),
                    value: Some(p.value),
                    note: p.label,
                    source: m.label().to_string(),
                    origin: Some(Origin::Computed),
                    observation_id: None,
                }));
            }
        }
        if rows.len() == before {
            rows.push(IndicatorRow {
                indicator: Some(ind),
                indicator_id: &ind.id,
                on: None,
                value: None,
                note: String::new(),
                source: String::new(),
                origin: None,
                observation_id: None,
            });
        }
    }
    let orphans = ev
        .observations
        .iter()
        .filter(|o| !ev.indicators.iter().any(|i| i.id == o.indicator_id));
    rows.extend(orphans.map(|o| observation_row(None, o)));
    rows
}

fn observation_row<'a>(ind: Option<&'a Indicator>, o: &'a Observation) -> IndicatorRow<'a> {
    IndicatorRow {
        indicator: ind,
        indicator_id: &o.indicator_id,
        on: Some(o.on),
        value: o.value.map(|v| v.0),
        note: o.text.clone(),
        source: o.source.clone(),
        origin: Some(Origin::of(o)),
        observation_id: Some(&o.id),
    }
}

/// The periods ("2025-07-01 to 2026-06-30") of the value-creation plans that collect the
/// indicator and, for an observation, whose period holds its date.
fn plan_periods(c: &Community, indicator: &Id, on: Option<NaiveDate>) -> String {
    joined(
        c.evaluation
            .plans
            .iter()
            .filter(|p| p.collection.iter().any(|col| &col.indicator_id == indicator))
            .filter(|p| on.is_none_or(|d| p.from <= d && d <= p.to))
            .map(|p| format!("{} to {}", p.from, p.to)),
    )
}

/// Every indicator with its observations and computed values, community by community.
pub fn indicators(ws: &Workspace) -> Table {
    let mut t = Table::new(&[
        "Community",
        "Plan period",
        "Indicator",
        "Value cycle",
        "Kind",
        "Unit",
        "Target",
        "Date",
        "Value",
        "Note",
        "Source",
        "Entered how",
        "Community id",
        "Indicator id",
        "Observation id",
    ]);
    for c in &ws.communities {
        for r in indicator_rows(ws, c) {
            let ind = r.indicator;
            t.push(vec![
                text(&c.name),
                plan_periods(c, r.indicator_id, r.on),
                ind.map(|i| text(&i.name)).unwrap_or_default(),
                ind.map(|i| label(ws, CatalogueKind::ValueCycles, &i.cycle_id))
                    .unwrap_or_default(),
                ind.map(|i| i.kind.label().to_string()).unwrap_or_default(),
                ind.map(|i| text(&i.unit)).unwrap_or_default(),
                ind.and_then(|i| i.target).map(|n| number(n.0)).unwrap_or_default(),
                r.on.map(|d| d.to_string()).unwrap_or_default(),
                r.value.map(number).unwrap_or_default(),
                text(&r.note),
                text(&r.source),
                r.origin.map(|o| o.label().to_string()).unwrap_or_default(),
                c.id.to_string(),
                r.indicator_id.to_string(),
                r.observation_id.map(Id::to_string).unwrap_or_default(),
            ]);
        }
    }
    t
}

/// Every value-creation story, community by community. Each cycle of the `value_cycles`
/// catalogue has a column of its own, in catalogue order, holding the story's step in it.
/// Stories of every consent level are exported; the Consent column lets a spreadsheet
/// user filter out those that are private to the community before sharing.
pub fn stories(ws: &Workspace) -> Table {
    let cycles = ws.catalogues.get(CatalogueKind::ValueCycles);
    let mut columns: Vec<String> = [
        "Community",
        "Title",
        "Teller",
        "Told on",
        "Status",
        "Follow up on",
        "Starts in",
        "Cycles",
    ]
    .map(String::from)
    .to_vec();
    columns.extend(cycles.iter().map(|e| text(&e.label)));
    columns.extend(
        [
            "Verification",
            "Consent",
            "Meetings",
            "Repertoire items",
            "Indicators",
            "Community id",
            "Story id",
        ]
        .map(String::from),
    );
    let mut t = Table {
        columns,
        rows: Vec::new(),
    };
    for c in &ws.communities {
        for s in &c.evaluation.stories {
            let teller = s
                .teller_id
                .as_ref()
                .and_then(|id| person(ws, id))
                .map_or(s.teller_name.as_str(), |p| p.name.as_str());
            let step = |cycle: &Id| s.steps.iter().find(|st| &st.cycle_id == cycle);
            let mut row = vec![
                text(&c.name),
                text(&s.title),
                text(teller),
                s.told_on.to_string(),
                s.status.label().to_string(),
                s.follow_up_on.map(|d| d.to_string()).unwrap_or_default(),
                label(ws, CatalogueKind::ValueCycles, &s.start_cycle_id),
                joined(
                    cycles
                        .iter()
                        .filter(|e| step(&e.id).is_some())
                        .map(|e| e.label.as_str()),
                ),
            ];
            row.extend(
                cycles
                    .iter()
                    .map(|e| step(&e.id).map(|st| text(&st.text)).unwrap_or_default()),
            );
            let ev = &c.evaluation;
            row.extend([
                s.verification.label().to_string(),
                s.consent.label().to_string(),
                joined(
                    s.meeting_ids
                        .iter()
                        .filter_map(|id| c.facilitation.meetings.iter().find(|m| &m.id == id))
                        .map(|m| m.title.as_str()),
                ),
                joined(
                    s.repertoire_item_ids
                        .iter()
                        .filter_map(|id| c.practice.iter().find(|r| &r.id == id))
                        .map(|r| r.title.as_str()),
                ),
                joined(
                    s.indicator_ids
                        .iter()
                        .filter_map(|id| ev.indicators.iter().find(|i| &i.id == id))
                        .map(|i| i.name.as_str()),
                ),
                c.id.to_string(),
                s.id.to_string(),
            ]);
            t.push(row);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::sample_workspace;

    fn body(csv: &str) -> &str {
        csv.strip_prefix(BOM).expect("starts with the BOM")
    }

    #[test]
    fn plain_fields_are_written_as_they_are() {
        assert_eq!(field("Amara Okafor"), "Amara Okafor");
        assert_eq!(field(""), "");
        assert!(matches!(field("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_comma_quotes_the_field() {
        assert_eq!(field("Okafor, Amara"), "\"Okafor, Amara\"");
    }

    #[test]
    fn a_quote_is_doubled_inside_quotes() {
        assert_eq!(field(r#"The "harbour" group"#), r#""The ""harbour"" group""#);
        assert_eq!(field("\""), "\"\"\"\"");
    }

    #[test]
    fn line_breaks_stay_inside_a_quoted_field() {
        assert_eq!(field("line one\nline two"), "\"line one\nline two\"");
        assert_eq!(field("line one\r\nline two"), "\"line one\r\nline two\"");
        assert_eq!(field("cr\ronly"), "\"cr\ronly\"");
    }

    #[test]
    fn leading_or_trailing_spaces_are_kept_by_quoting() {
        assert_eq!(field(" padded "), "\" padded \"");
        assert_eq!(field("inner space"), "inner space");
    }

    #[test]
    fn non_ascii_names_are_written_unchanged_in_utf8_after_a_bom() {
        let mut t = Table::new(&["Name"]);
        for name in ["Zoë Müller", "Łukasz Żółć", "Ngozi Ọkọnkwọ", "李小龍", "Ólafur 🌱"] {
            t.push(vec![text(name)]);
        }
        let csv = t.to_csv();
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM first");
        assert_eq!(
            body(&csv),
            "Name\r\nZoë Müller\r\nŁukasz Żółć\r\nNgozi Ọkọnkwọ\r\n李小龍\r\nÓlafur 🌱\r\n"
        );
    }

    #[test]
    fn every_record_ends_in_crlf_and_none_has_a_bare_lf_outside_quotes() {
        let mut t = Table::new(&["A", "B"]);
        t.push(vec!["1".into(), "two\nlines".into()]);
        t.push(vec!["3".into(), "4".into()]);
        assert_eq!(body(&t.to_csv()), "A,B\r\n1,\"two\nlines\"\r\n3,4\r\n");
    }

    #[test]
    fn a_whole_record_mixes_the_cases() {
        let mut t = Table::new(&["Name", "Notes", "Email"]);
        t.push(vec![
            text("Dr. Ana \"Ani\" García, PhD"),
            text("Met at the café;\nfollow up"),
            text("ana@example.org"),
        ]);
        assert_eq!(
            body(&t.to_csv()),
            "Name,Notes,Email\r\n\"Dr. Ana \"\"Ani\"\" García, PhD\",\"Met at the café;\nfollow up\",ana@example.org\r\n"
        );
    }

    #[test]
    fn rows_are_padded_or_cut_to_the_header() {
        let mut t = Table::new(&["A", "B", "C"]);
        t.push(vec!["1".into()]);
        t.push(vec!["1".into(), "2".into(), "3".into(), "4".into()]);
        assert_eq!(body(&t.to_csv()), "A,B,C\r\n1,,\r\n1,2,3\r\n");
    }

    #[test]
    fn formulas_are_neutralised_in_text_cells() {
        assert_eq!(text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(text("+1 555"), "'+1 555");
        assert_eq!(text("-3"), "'-3");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("\tx"), "'\tx");
        assert_eq!(text("a=b"), "a=b");
        assert_eq!(text(""), "");
        // Quoting still applies to the neutralised text.
        assert_eq!(field(&text("=1,2")), "\"'=1,2\"");
    }

    /// Splits a CSV body into records and fields the way a spreadsheet reads it (RFC 4180),
    /// so the tests check what a user would see, not only the bytes.
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = body(csv).chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR is followed by LF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, '\n') => panic!("bare LF outside quotes"),
                (false, c) => field.push(c),
            }
        }
        assert!(field.is_empty() && record.is_empty(), "the last record ends in CRLF");
        records
    }

    #[test]
    fn the_exports_of_the_sample_read_back_as_rows_of_the_header_width() {
        let ws = sample_workspace();
        for export in Export::ALL {
            let t = export.table(&ws);
            assert_eq!(t.rows.len(), export.row_count(&ws), "{export:?}");
            assert!(!t.rows.is_empty(), "{export:?} has rows in the sample");
            let records = parse(&t.to_csv());
            assert_eq!(records.len(), t.rows.len() + 1, "{export:?}");
            assert!(records.iter().all(|r| r.len() == t.columns.len()), "{export:?}");
            assert_eq!(records[0], t.columns.iter().map(|c| c.to_string()).collect::<Vec<_>>());
            assert_eq!(&records[1..], &t.rows[..], "{export:?} reads back exactly");
        }
    }

    #[test]
    fn people_lists_contact_details_and_communities() {
        let mut ws = sample_workspace();
        let p = &mut ws.people[0];
        p.name = "Zoë \"Z\" Okafor, Jr.".into();
        p.notes = "=cmd|' /C calc'!A0\nsecond line".into();
        let id = p.id.clone();
        let t = people(&ws);
        let row = t
            .rows
            .iter()
            .find(|r| r[6] == id.to_string())
            .expect("row of the person");
        assert_eq!(row[0], "Zoë \"Z\" Okafor, Jr.");
        assert_eq!(row[5], "'=cmd|' /C calc'!A0\nsecond line");
        let expected: Vec<&str> = ws
            .communities
            .iter()
            .filter(|c| c.memberships.iter().any(|m| m.person_id == id))
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(row[4], expected.join(LIST_SEPARATOR));
        let records = parse(&t.to_csv());
        assert!(records.iter().any(|r| r[0] == "Zoë \"Z\" Okafor, Jr."));
    }

    #[test]
    fn memberships_name_levels_roles_and_dates() {
        let ws = sample_workspace();
        let t = memberships(&ws);
        let c = &ws.communities[0];
        let m = &c.memberships[0];
        let row = t
            .rows
            .iter()
            .find(|r| r[9] == c.id.to_string() && r[10] == m.person_id.to_string())
            .expect("row of the first membership");
        assert_eq!(row[0], c.name);
        assert_eq!(
            row[4],
            ws.catalogues.label(CatalogueKind::ParticipationLevels, &m.level_id)
        );
        assert_eq!(row[7], m.joined_on.format("%Y-%m-%d").to_string());
        assert_eq!(
            t.rows.len(),
            ws.communities.iter().map(|c| c.memberships.len()).sum::<usize>()
        );
    }

    #[test]
    fn activities_give_iso_dates_times_and_minutes() {
        let ws = sample_workspace();
        let t = activities(&ws);
        let (c, a) = ws
            .communities
            .iter()
            .find_map(|c| c.cultivation.activities.first().map(|a| (c, a)))
            .expect("the sample plans activities");
        let row = t.rows.iter().find(|r| r[14] == a.id.to_string()).expect("row");
        assert_eq!(row[0], c.name);
        assert_eq!(row[3], a.starts_on.format("%Y-%m-%d").to_string());
        assert_eq!(row[4], a.start_time.format("%H:%M").to_string());
        assert_eq!(row[5], a.duration_minutes.to_string());
    }

    #[test]
    fn the_origin_of_an_observation_is_read_from_what_the_import_writes() {
        let obs = |source: &str| Observation {
            id: Id::new("o"),
            indicator_id: Id::new("i"),
            on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            value: None,
            text: String::new(),
            source: source.into(),
        };
        assert_eq!(Origin::of(&obs("imported from pulse.csv")), Origin::CsvImport);
        assert_eq!(Origin::of(&obs("Survey (imported from pulse.csv)")), Origin::CsvImport);
        assert_eq!(Origin::of(&obs("Pulse survey, November")), Origin::ByHand);
        assert_eq!(
            Origin::of(&obs("Figures imported from the platform by Kofi")),
            Origin::ByHand
        );
        assert_eq!(Origin::of(&obs("")), Origin::ByHand);
    }

    #[test]
    fn month_ends_and_levels_on_a_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert_eq!(month_end(d(2024, 2, 10)), d(2024, 2, 29));
        assert_eq!(month_end(d(2025, 12, 31)), d(2025, 12, 31));
        assert_eq!(month_end(d(2026, 1, 1)), d(2026, 1, 31));
        let ws = sample_workspace();
        let m = ws
            .communities
            .iter()
            .flat_map(|c| &c.memberships)
            .find(|m| m.history.len() > 1)
            .expect("a sample member who changed level");
        let (first, second) = (&m.history[0], &m.history[1]);
        assert_eq!(level_on(m, first.on), Some(&first.to_level_id));
        assert_eq!(level_on(m, second.on), Some(&second.to_level_id));
        if let Some(before) = first.on.pred_opt() {
            assert_eq!(level_on(m, before), None, "no level before joining");
        }
        if let Some(between) = second.on.pred_opt().filter(|b| *b >= first.on) {
            assert_eq!(level_on(m, between), Some(&first.to_level_id));
        }
    }

    #[test]
    fn an_empty_workspace_gives_headers_only() {
        let ws = Workspace::new(Id::new("w"), "Empty", chrono::DateTime::default());
        for export in Export::ALL {
            let csv = export.table(&ws).to_csv();
            assert_eq!(parse(&csv).len(), 1, "{export:?}");
            assert!(csv.ends_with(CRLF));
        }
    }
}
