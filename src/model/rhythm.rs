//! The rhythm planner: a community's recurring and one-off activities, when they fall, the
//! mix of familiar and exciting, live and any-time formats over time, and the `.ics` export
//! that real calendars import.
//!
//! Two of the seven cultivation principles (Wenger, McDermott & Snyder, 2002) meet here:
//! *combine familiarity and excitement* (routine, comfortable formats with occasional novel
//! ones) and *create a rhythm* (a regular tempo that suits the community). Digital Habitats
//! adds the *rhythm* polarity: being together in time against taking part at one's own pace.
//!
//! Times are local wall-clock times. The export writes them as floating date-times
//! (RFC 5545 §3.3.5, form 1), so "18:30" stays 18:30 in whatever zone the calendar is in.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::catalogue::CatalogueKind;
use super::cultivation::{Feel, Mode, PlannedActivity, Repeat, DURATION_MAX_MINUTES};
use super::ids::Id;
use super::limits::{too_long, LINK_MAX, LONG_MAX, NAME_MAX};
use super::links::{check_link, is_safe_link, scheme};
use super::workspace::{fresh_id, Community, FieldError, FieldErrors, ModelError, ModelResult, Timestamp, Workspace};

// ----- the enums in words -----

impl Repeat {
    pub const ALL: [Repeat; 5] = [
        Repeat::Once,
        Repeat::Weekly,
        Repeat::Fortnightly,
        Repeat::MonthlyByWeekday,
        Repeat::MonthlyByDate,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Repeat::Once => "once",
            Repeat::Weekly => "weekly",
            Repeat::Fortnightly => "fortnightly",
            Repeat::MonthlyByWeekday => "monthly_by_weekday",
            Repeat::MonthlyByDate => "monthly_by_date",
        }
    }

    pub fn from_key(key: &str) -> Option<Repeat> {
        Repeat::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The choice as a form offers it.
    pub fn label(self) -> &'static str {
        match self {
            Repeat::Once => "Once (a one-off)",
            Repeat::Weekly => "Every week",
            Repeat::Fortnightly => "Every two weeks",
            Repeat::MonthlyByWeekday => "Monthly, on the same weekday (e.g. second Tuesday)",
            Repeat::MonthlyByDate => "Monthly, on the same date (e.g. the 15th)",
        }
    }
}

impl Feel {
    pub const ALL: [Feel; 2] = [Feel::Familiar, Feel::Exciting];

    pub fn key(self) -> &'static str {
        match self {
            Feel::Familiar => "familiar",
            Feel::Exciting => "exciting",
        }
    }

    pub fn from_key(key: &str) -> Option<Feel> {
        Feel::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Feel::Familiar => "Familiar",
            Feel::Exciting => "Exciting",
        }
    }

    /// What the choice means, for the form.
    pub fn help(self) -> &'static str {
        match self {
            Feel::Familiar => "A routine, comfortable format members know and rely on.",
            Feel::Exciting => "Something novel or stimulating: a guest, a visit, a new format.",
        }
    }
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Synchronous, Mode::Asynchronous];

    pub fn key(self) -> &'static str {
        match self {
            Mode::Synchronous => "synchronous",
            Mode::Asynchronous => "asynchronous",
        }
    }

    pub fn from_key(key: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Mode::Synchronous => "Synchronous (live)",
            Mode::Asynchronous => "Asynchronous (any time)",
        }
    }

    /// A short word for tables and tags.
    pub fn short(self) -> &'static str {
        match self {
            Mode::Synchronous => "Live",
            Mode::Asynchronous => "Any time",
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            Mode::Synchronous => "Members take part together at the same time: a call, a meeting, a visit.",
            Mode::Asynchronous => {
                "Members take part at their own pace within the window: a thread, a review, a digest."
            }
        }
    }
}

// ----- dates -----

/// Which weekday of its month a date is: the second Tuesday, or the last Friday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthWeek {
    /// 1 to 4.
    Nth(u8),
    Last,
}

/// The number of days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = first.and_then(|f| f.checked_add_months(Months::new(1)));
    match (first, next) {
        (Some(f), Some(n)) => (n - f).num_days() as u32,
        // December of the last representable year.
        _ => 31,
    }
}

/// The weekday-of-month a monthly-by-weekday activity keeps: a date in the last seven days
/// of its month is the "last" such weekday, any other the first to fourth.
pub fn month_week(d: NaiveDate) -> MonthWeek {
    if d.day() + 7 > days_in_month(d.year(), d.month()) {
        MonthWeek::Last
    } else {
        MonthWeek::Nth(((d.day() - 1) / 7 + 1) as u8)
    }
}

/// The date of the `week`-th (or last) `weekday` of a month.
pub fn weekday_in_month(year: i32, month: u32, weekday: Weekday, week: MonthWeek) -> Option<NaiveDate> {
    match week {
        MonthWeek::Nth(n) => NaiveDate::from_weekday_of_month_opt(year, month, weekday, n),
        MonthWeek::Last => {
            let last = NaiveDate::from_ymd_opt(year, month, days_in_month(year, month))?;
            let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            last.checked_sub_days(Days::new(u64::from(back)))
        }
    }
}

/// The months from the month of `from` to the month of `to`, both included.
fn months(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (i32, u32)> {
    let mut cur = NaiveDate::from_ymd_opt(from.year(), from.month(), 1);
    let end = (to.year(), to.month());
    std::iter::from_fn(move || {
        let c = cur?;
        if (c.year(), c.month()) > end {
            return None;
        }
        cur = c.checked_add_months(Months::new(1));
        Some((c.year(), c.month()))
    })
}

/// The last date an activity may fall on: its first date for a one-off, else `until`.
fn last_date(a: &PlannedActivity) -> NaiveDate {
    match a.repeat {
        Repeat::Once => a.starts_on,
        _ => a.until.unwrap_or(NaiveDate::MAX),
    }
}

/// The dates the activity falls on from `from` to `to` (both included), in order.
pub fn occurrence_dates(a: &PlannedActivity, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let first = a.starts_on;
    let lo = from.max(first);
    let hi = to.min(last_date(a));
    let mut out = Vec::new();
    if lo > hi {
        return out;
    }
    match a.repeat {
        Repeat::Once => out.push(first),
        Repeat::Weekly | Repeat::Fortnightly => {
            let step: u64 = if a.repeat == Repeat::Weekly { 7 } else { 14 };
            let behind = (lo - first).num_days() as u64;
            let mut d = first.checked_add_days(Days::new(behind.div_ceil(step) * step));
            while let Some(x) = d.filter(|x| *x <= hi) {
                out.push(x);
                d = x.checked_add_days(Days::new(step));
            }
        }
        Repeat::MonthlyByWeekday => {
            let (weekday, week) = (first.weekday(), month_week(first));
            out.extend(
                months(lo, hi)
                    .filter_map(|(y, m)| weekday_in_month(y, m, weekday, week))
                    .filter(|d| *d >= lo && *d <= hi),
            );
        }
        Repeat::MonthlyByDate => {
            let day = first.day();
            out.extend(
                months(lo, hi)
                    .filter_map(|(y, m)| NaiveDate::from_ymd_opt(y, m, day))
                    .filter(|d| *d >= lo && *d <= hi),
            );
        }
    }
    out
}

/// When the activity starts, each time it falls from `from` to `to` (dates, both included).
pub fn occurrences(a: &PlannedActivity, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDateTime> {
    occurrence_dates(a, from, to)
        .into_iter()
        .map(|d| d.and_time(a.start_time))
        .collect()
}

/// The first time the activity falls on or after `on`, if it still does.
pub fn next_occurrence(a: &PlannedActivity, on: NaiveDate) -> Option<NaiveDateTime> {
    // Every repeat falls at least once in any 62 days (the 31st: 61 days at most apart).
    let horizon = on.checked_add_days(Days::new(62)).unwrap_or(NaiveDate::MAX);
    occurrences(a, on, horizon).into_iter().next()
}

/// True when the activity will not fall again on or after `on`.
pub fn is_over(a: &PlannedActivity, on: NaiveDate) -> bool {
    last_date(a) < on
}

// ----- in words -----

const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn day_ordinal(day: u32) -> String {
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{day}{suffix}")
}

/// A date as people read it in a calendar: "Tue 10 Mar 2026".
pub fn date_label(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "Mar 2026".
pub fn month_label(year: i32, month: u32) -> String {
    NaiveDate::from_ymd_opt(year, month, 1)
        .map(|d| d.format("%b %Y").to_string())
        .unwrap_or_default()
}

/// "45 min", "2 h", "1 h 30 min".
pub fn duration_label(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// "18:30–20:00", "23:00–01:00 (next day)".
pub fn time_span_label(start: NaiveTime, minutes: u32) -> String {
    let begin = NaiveDate::MIN.and_time(start);
    let end = begin + chrono::Duration::minutes(i64::from(minutes));
    let days = (end.date() - begin.date()).num_days();
    let later = match days {
        0 => String::new(),
        1 => " (next day)".into(),
        n => format!(" ({n} days later)"),
    };
    format!("{}–{}{later}", start.format("%H:%M"), end.format("%H:%M"))
}

/// How an activity repeats, in words: "Every second Tuesday of the month".
pub fn repeat_label(repeat: Repeat, first: NaiveDate) -> String {
    let wd = weekday_name(first.weekday());
    match repeat {
        Repeat::Once => format!("Once, on {}", date_label(first)),
        Repeat::Weekly => format!("Every {wd}"),
        Repeat::Fortnightly => format!("Every other {wd}"),
        Repeat::MonthlyByWeekday => match month_week(first) {
            MonthWeek::Last => format!("Every last {wd} of the month"),
            MonthWeek::Nth(n) => format!("Every {} {wd} of the month", ORDINALS[usize::from(n - 1)]),
        },
        Repeat::MonthlyByDate => {
            let day = first.day();
            let skip = if day > 28 {
                format!(" (months without a {} are skipped)", day_ordinal(day))
            } else {
                String::new()
            };
            format!("Every month on the {}{skip}", day_ordinal(day))
        }
    }
}

/// The whole schedule in one line: "Every second Tuesday of the month, 18:30–20:00, from
/// Tue 10 Mar 2026 until Tue 8 Dec 2026".
pub fn schedule_label(a: &PlannedActivity) -> String {
    let span = time_span_label(a.start_time, a.duration_minutes);
    match a.repeat {
        Repeat::Once => format!("{}, {span}", repeat_label(a.repeat, a.starts_on)),
        r => {
            let until = a
                .until
                .map(|u| format!(" until {}", date_label(u)))
                .unwrap_or_else(|| ", no end date".into());
            format!(
                "{}, {span}, from {}{until}",
                repeat_label(r, a.starts_on),
                date_label(a.starts_on)
            )
        }
    }
}

// ----- the upcoming calendar -----

/// One dated occurrence of an activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub activity_id: Id,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
}

/// How the upcoming calendar groups occurrences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Weeks from Monday.
    Week,
    Month,
}

/// A week or month of the calendar, with what falls in it (maybe nothing: a gap in the
/// rhythm is worth seeing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// The period's first day (a Monday, or the 1st), even when the calendar starts later.
    pub start: NaiveDate,
    /// Its last day.
    pub end: NaiveDate,
    pub occurrences: Vec<Occurrence>,
}

/// Every occurrence of `activities` from `from` to `to`, in time order (same time: in the
/// order of `activities`).
pub fn upcoming(activities: &[PlannedActivity], from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
    let mut out: Vec<(usize, Occurrence)> = Vec::new();
    for (i, a) in activities.iter().enumerate() {
        for starts in occurrences(a, from, to) {
            out.push((
                i,
                Occurrence {
                    activity_id: a.id.clone(),
                    starts,
                    ends: starts + chrono::Duration::minutes(i64::from(a.duration_minutes)),
                },
            ));
        }
    }
    out.sort_by(|(ia, a), (ib, b)| a.starts.cmp(&b.starts).then(ia.cmp(ib)));
    out.into_iter().map(|(_, o)| o).collect()
}

fn period_of(d: NaiveDate, by: Grouping) -> (NaiveDate, NaiveDate) {
    match by {
        Grouping::Week => {
            let start = d
                .checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
                .unwrap_or(d);
            (start, start.checked_add_days(Days::new(6)).unwrap_or(NaiveDate::MAX))
        }
        Grouping::Month => {
            let start = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
            let end = NaiveDate::from_ymd_opt(d.year(), d.month(), days_in_month(d.year(), d.month())).unwrap_or(d);
            (start, end)
        }
    }
}

/// The calendar from `from` to `to`: every week or month in between, each with its
/// occurrences (only those from `from` to `to`).
pub fn calendar(activities: &[PlannedActivity], from: NaiveDate, to: NaiveDate, by: Grouping) -> Vec<Period> {
    let mut periods: Vec<Period> = Vec::new();
    if from > to {
        return periods;
    }
    let mut d = from;
    loop {
        let (start, end) = period_of(d, by);
        periods.push(Period {
            start,
            end,
            occurrences: Vec::new(),
        });
        match end.checked_add_days(Days::new(1)) {
            Some(next) if next <= to => d = next,
            _ => break,
        }
    }
    for o in upcoming(activities, from, to) {
        let day = o.starts.date();
        if let Some(p) = periods.iter_mut().find(|p| p.start <= day && day <= p.end) {
            p.occurrences.push(o);
        }
    }
    periods
}

// ----- the mix over time -----

/// Occurrences counted by feel and by mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub familiar: usize,
    pub exciting: usize,
    pub synchronous: usize,
    pub asynchronous: usize,
}

impl Counts {
    /// All occurrences (each is counted once by feel and once by mode).
    pub fn total(&self) -> usize {
        self.familiar + self.exciting
    }

    fn add(&mut self, feel: Feel, mode: Mode) {
        match feel {
            Feel::Familiar => self.familiar += 1,
            Feel::Exciting => self.exciting += 1,
        }
        match mode {
            Mode::Synchronous => self.synchronous += 1,
            Mode::Asynchronous => self.asynchronous += 1,
        }
    }

    fn plus(self, o: Counts) -> Counts {
        Counts {
            familiar: self.familiar + o.familiar,
            exciting: self.exciting + o.exciting,
            synchronous: self.synchronous + o.synchronous,
            asynchronous: self.asynchronous + o.asynchronous,
        }
    }
}

/// One month of the mix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthMix {
    pub year: i32,
    pub month: u32,
    pub counts: Counts,
}

impl MonthMix {
    pub fn label(&self) -> String {
        month_label(self.year, self.month)
    }
}

/// The mix per calendar month from `from` to `to` (both included; every month in between
/// appears, empty ones too), counting occurrences within those dates by feel and by mode.
pub fn mix(activities: &[PlannedActivity], from: NaiveDate, to: NaiveDate) -> Vec<MonthMix> {
    if from > to {
        return Vec::new();
    }
    let mut out: Vec<MonthMix> = months(from, to)
        .map(|(year, month)| MonthMix {
            year,
            month,
            counts: Counts::default(),
        })
        .collect();
    for a in activities {
        for d in occurrence_dates(a, from, to) {
            if let Some(m) = out.iter_mut().find(|m| m.year == d.year() && m.month == d.month()) {
                m.counts.add(a.feel, a.mode);
            }
        }
    }
    out
}

/// The counts of all months together.
pub fn mix_totals(months: &[MonthMix]) -> Counts {
    months.iter().fold(Counts::default(), |acc, m| acc.plus(m.counts))
}

/// What the mix suggests, in words, from the principles of familiarity and excitement and
/// of rhythm and the rhythm polarity. Empty when the mix is balanced or there is nothing.
pub fn mix_advice(months: &[MonthMix]) -> Vec<String> {
    let t = mix_totals(months);
    let mut out = Vec::new();
    if t.total() == 0 {
        return out;
    }
    if t.exciting == 0 {
        out.push("Everything planned is familiar. An occasional exciting event (a guest, a visit, a new format) keeps the community lively.".into());
    } else if t.familiar == 0 {
        out.push(
            "Nothing planned is familiar. A regular, comfortable format gives members a rhythm they can rely on."
                .into(),
        );
    }
    if t.asynchronous == 0 {
        out.push(
            "Everything planned is live. Members who cannot attend have no planned way to take part at their own pace."
                .into(),
        );
    } else if t.synchronous == 0 {
        out.push("Nothing planned is live. Occasional live sessions help members get to know one another.".into());
    }
    let empty: Vec<String> = months
        .iter()
        .filter(|m| m.counts.total() == 0)
        .map(MonthMix::label)
        .collect();
    if !empty.is_empty() && empty.len() < months.len() {
        out.push(format!(
            "Nothing is planned in {}. A gap can be deliberate (a holiday), but a steady tempo helps members stay connected.",
            join_words(&empty)
        ));
    }
    out
}

/// "a", "a and b", "a, b and c".
fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

// ----- the form -----

/// The activity form, as typed: dates `YYYY-MM-DD`, the time `HH:MM`, the duration in
/// minutes. An empty `until` means the activity goes on; it is ignored for a one-off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityDraft {
    pub title: String,
    pub activity_type_id: Option<Id>,
    pub starts_on: String,
    pub start_time: String,
    pub duration_minutes: String,
    pub repeat: Repeat,
    pub until: String,
    pub feel: Feel,
    pub mode: Mode,
    pub location: String,
    pub notes: String,
}

impl ActivityDraft {
    /// A blank form: a weekly familiar live hour from `on` at 12:00.
    pub fn new(on: NaiveDate) -> Self {
        ActivityDraft {
            title: String::new(),
            activity_type_id: None,
            starts_on: on.to_string(),
            start_time: "12:00".into(),
            duration_minutes: "60".into(),
            repeat: Repeat::Weekly,
            until: String::new(),
            feel: Feel::Familiar,
            mode: Mode::Synchronous,
            location: String::new(),
            notes: String::new(),
        }
    }

    pub fn of(a: &PlannedActivity) -> Self {
        ActivityDraft {
            title: a.title.clone(),
            activity_type_id: a.activity_type_id.clone(),
            starts_on: a.starts_on.to_string(),
            start_time: a.start_time.format("%H:%M").to_string(),
            duration_minutes: a.duration_minutes.to_string(),
            repeat: a.repeat,
            until: a.until.map(|u| u.to_string()).unwrap_or_default(),
            feel: a.feel,
            mode: a.mode,
            location: a.location.clone(),
            notes: a.notes.clone(),
        }
    }

    pub fn first_date(&self) -> Option<NaiveDate> {
        parse_date(&self.starts_on)
    }

    fn time(&self) -> Option<NaiveTime> {
        let t = self.start_time.trim();
        NaiveTime::parse_from_str(t, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
            .ok()
    }

    fn minutes(&self) -> Option<u32> {
        self.duration_minutes
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=DURATION_MAX_MINUTES).contains(m))
    }

    /// `Some(None)` when no last date is given (or the activity happens once), `None` when
    /// what was typed is not a date.
    fn last(&self) -> Option<Option<NaiveDate>> {
        if self.repeat == Repeat::Once || self.until.trim().is_empty() {
            Some(None)
        } else {
            parse_date(&self.until).map(Some)
        }
    }

    /// The inline messages for the form, in field order.
    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        if self.title.trim().is_empty() {
            e.push(FieldError::new("title", "Title is required"));
        } else if let Some(m) = too_long(&self.title, NAME_MAX) {
            e.push(FieldError::new("title", format!("Title {m}")));
        }
        if let Some(t) = &self.activity_type_id {
            if !ws.catalogues.contains(CatalogueKind::ActivityTypes, t) {
                e.push(FieldError::new(
                    "activity_type_id",
                    "Choose an activity type from the list",
                ));
            }
        }
        let first = self.first_date();
        if first.is_none() {
            e.push(FieldError::new("starts_on", "Enter the first date as YYYY-MM-DD"));
        }
        if self.time().is_none() {
            e.push(FieldError::new(
                "start_time",
                "Enter the start time as HH:MM, e.g. 18:30",
            ));
        }
        if self.minutes().is_none() {
            e.push(FieldError::new(
                "duration_minutes",
                format!("Enter the duration in minutes, from 1 to {DURATION_MAX_MINUTES} (24 hours)"),
            ));
        }
        match (self.last(), first) {
            (None, _) => e.push(FieldError::new(
                "until",
                "Enter the last date as YYYY-MM-DD, or leave it empty to keep the activity going",
            )),
            (Some(Some(u)), Some(f)) if u < f => e.push(FieldError::new(
                "until",
                format!("The last date must not be before the first date ({f})"),
            )),
            _ => {}
        }
        if let Some(m) = location_problem(&self.location) {
            e.push(FieldError::new("location", m));
        }
        if let Some(m) = too_long(&self.notes, LONG_MAX) {
            e.push(FieldError::new("notes", format!("Notes {m}")));
        }
        e
    }

    /// The activity, when the draft has no problems with its dates, time and duration.
    fn build(&self, id: Id) -> Option<PlannedActivity> {
        Some(PlannedActivity {
            id,
            title: self.title.trim().to_string(),
            activity_type_id: self.activity_type_id.clone(),
            starts_on: self.first_date()?,
            start_time: self.time()?,
            duration_minutes: self.minutes()?,
            repeat: self.repeat,
            until: self.last()?,
            feel: self.feel,
            mode: self.mode,
            location: self.location.trim().to_string(),
            notes: self.notes.clone(),
        })
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// True when a location is meant as a link rather than a place: it has `://`, or it is a
/// single word with a scheme (`mailto:x@y`, `javascript:...`). "Room 4: east wing" is a place.
pub fn looks_like_link(location: &str) -> bool {
    let t = location.trim();
    t.contains("://") || (scheme(t).is_some() && !t.contains(char::is_whitespace))
}

/// Why a location is refused: too long, or a link that may not become live.
pub(crate) fn location_problem(location: &str) -> Option<String> {
    if let Some(m) = too_long(location, LINK_MAX) {
        return Some(format!("Location {m}"));
    }
    if looks_like_link(location) {
        if let Some(m) = check_link(location) {
            return Some(format!(
                "This looks like a link, and a link {m}. For a place, write it in words."
            ));
        }
    }
    None
}

// ----- operations -----

fn invalid_unless_empty(errors: FieldErrors) -> ModelResult {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ModelError::Invalid(errors))
    }
}

fn gone() -> ModelError {
    ModelError::NotFound("That activity no longer exists".into())
}

impl Workspace {
    /// Adds an activity to the community's rhythm.
    pub fn add_activity(&mut self, community: &Id, id: Id, draft: &ActivityDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        fresh_id(self.id_in_use(&id), &id)?;
        let activity = draft
            .build(id)
            .ok_or_else(|| ModelError::Refused("The activity's dates could not be read".into()))?;
        self.with_community(community, now, |c| {
            c.cultivation.activities.push(activity);
            Ok(())
        })
    }

    /// Changes an activity; it keeps its id, so a re-imported calendar updates the event.
    pub fn update_activity(&mut self, community: &Id, id: &Id, draft: &ActivityDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        let activity = draft
            .build(id.clone())
            .ok_or_else(|| ModelError::Refused("The activity's dates could not be read".into()))?;
        self.with_community(community, now, |c| {
            let a = c
                .cultivation
                .activities
                .iter_mut()
                .find(|a| &a.id == id)
                .ok_or_else(gone)?;
            *a = activity;
            Ok(())
        })
    }

    pub fn delete_activity(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.cultivation.activities.len();
            c.cultivation.activities.retain(|a| &a.id != id);
            if c.cultivation.activities.len() == n {
                return Err(gone());
            }
            Ok(())
        })
    }
}

// ----- iCalendar -----

/// The `PRODID` of exported calendars.
pub const PRODID: &str = concat!("-//Cultivate//Rhythm planner ", env!("CARGO_PKG_VERSION"), "//EN");

/// Escapes TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other
/// control characters, which a content line may not hold, become spaces.
pub fn escape_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line is longer than 75 octets (RFC 5545 §3.1),
/// never inside a UTF-8 character, each line ending in CRLF.
pub fn fold_line(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// `FREQ=...` for a repeating activity; `None` for a one-off.
pub fn rrule(a: &PlannedActivity) -> Option<String> {
    let day = |w: Weekday| &weekday_name(w)[..2];
    let mut rule = match a.repeat {
        Repeat::Once => return None,
        Repeat::Weekly => "FREQ=WEEKLY".to_string(),
        Repeat::Fortnightly => "FREQ=WEEKLY;INTERVAL=2".to_string(),
        Repeat::MonthlyByWeekday => {
            let n = match month_week(a.starts_on) {
                MonthWeek::Last => "-1".to_string(),
                MonthWeek::Nth(n) => n.to_string(),
            };
            format!("FREQ=MONTHLY;BYDAY={n}{}", day(a.starts_on.weekday()).to_uppercase())
        }
        Repeat::MonthlyByDate => format!("FREQ=MONTHLY;BYMONTHDAY={}", a.starts_on.day()),
    };
    if let Some(u) = a.until {
        // DTSTART is floating, so UNTIL is too (RFC 5545 §3.3.10): the end of that day.
        rule.push_str(&format!(";UNTIL={}T235959", u.format("%Y%m%d")));
    }
    Some(rule)
}

/// `PT1H30M`, `PT45M`, `PT24H`.
pub fn ics_duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// The community's rhythm as an iCalendar file (RFC 5545) that calendars can import: one
/// event per activity, repeating ones with an `RRULE`, at floating local times. Importing
/// it again updates the same events, since each keeps its activity's id as its `UID`.
pub fn to_ics(ws: &Workspace, community: &Community, now: Timestamp) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: &str| out.push_str(&fold_line(&format!("{name}:{value}")));
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", PRODID);
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    let cal_name = escape_text(&format!("{} – rhythm", community.name));
    line("NAME", &cal_name);
    line("X-WR-CALNAME", &cal_name);
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for a in &community.cultivation.activities {
        let kind = a
            .activity_type_id
            .as_ref()
            .map(|t| ws.catalogues.label(CatalogueKind::ActivityTypes, t));
        line("BEGIN", "VEVENT");
        line("UID", &format!("{}@cultivate", a.id));
        line("DTSTAMP", &stamp);
        line(
            "DTSTART",
            &a.starts_on.and_time(a.start_time).format("%Y%m%dT%H%M%S").to_string(),
        );
        line("DURATION", &ics_duration(a.duration_minutes));
        if let Some(r) = rrule(a) {
            line("RRULE", &r);
        }
        line("SUMMARY", &escape_text(&a.title));
        let mut description = Vec::new();
        if !a.notes.trim().is_empty() {
            description.push(a.notes.trim().to_string());
            description.push(String::new());
        }
        if let Some(k) = &kind {
            description.push(format!("Activity type: {k}"));
        }
        description.push(format!("{} format, {}", a.feel.label(), a.mode.label().to_lowercase()));
        description.push(format!("{} in {}", repeat_label(a.repeat, a.starts_on), community.name));
        line("DESCRIPTION", &escape_text(&description.join("\n")));
        let location = a.location.trim();
        if !location.is_empty() {
            line("LOCATION", &escape_text(location));
            if is_safe_link(location) && location.starts_with("http") && !location.contains(char::is_whitespace) {
                line("URL", location);
            }
        }
        let mut categories: Vec<String> = kind.iter().map(|k| escape_text(k)).collect();
        categories.push(a.feel.label().to_string());
        categories.push(
            match a.mode {
                Mode::Synchronous => "Synchronous",
                Mode::Asynchronous => "Asynchronous",
            }
            .to_string(),
        );
        line("CATEGORIES", &categories.join(","));
        // Any-time activities do not make members busy.
        line(
            "TRANSP",
            match a.mode {
                Mode::Synchronous => "OPAQUE",
                Mode::Asynchronous => "TRANSPARENT",
            },
        );
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_week_keeps_the_last_seven_days_as_last() {
        // March 2026 has 31 days: the 24th is the fourth Tuesday, the 25th on is "last".
        assert_eq!(month_week(d(2026, 3, 10)), MonthWeek::Nth(2));
        assert_eq!(month_week(d(2026, 3, 24)), MonthWeek::Nth(4));
        assert_eq!(month_week(d(2026, 3, 25)), MonthWeek::Last);
        assert_eq!(month_week(d(2026, 2, 22)), MonthWeek::Last, "February 2026 has 28 days");
        assert_eq!(month_week(d(2026, 2, 21)), MonthWeek::Nth(3));
    }

    #[test]
    fn last_weekday_of_a_month() {
        assert_eq!(
            weekday_in_month(2026, 7, Weekday::Fri, MonthWeek::Last),
            Some(d(2026, 7, 31))
        );
        assert_eq!(
            weekday_in_month(2026, 8, Weekday::Fri, MonthWeek::Last),
            Some(d(2026, 8, 28))
        );
        assert_eq!(
            weekday_in_month(2026, 3, Weekday::Tue, MonthWeek::Nth(2)),
            Some(d(2026, 3, 10))
        );
        assert_eq!(days_in_month(2028, 2), 29);
        assert_eq!(days_in_month(2026, 12), 31);
    }

    #[test]
    fn words_for_durations_ordinals_and_spans() {
        assert_eq!(duration_label(45), "45 min");
        assert_eq!(duration_label(120), "2 h");
        assert_eq!(duration_label(90), "1 h 30 min");
        assert_eq!(day_ordinal(1), "1st");
        assert_eq!(day_ordinal(12), "12th");
        assert_eq!(day_ordinal(22), "22nd");
        assert_eq!(day_ordinal(31), "31st");
        let t = NaiveTime::from_hms_opt(23, 0, 0).unwrap();
        assert_eq!(time_span_label(t, 120), "23:00–01:00 (next day)");
        assert_eq!(ics_duration(1440), "PT24H");
        assert_eq!(ics_duration(5), "PT5M");
    }

    #[test]
    fn a_location_is_a_link_only_when_it_looks_like_one() {
        assert!(looks_like_link("https://meet.example.org/x"));
        assert!(looks_like_link("javascript:alert(1)"));
        assert!(looks_like_link("mailto:lead@example.org"));
        assert!(!looks_like_link("Room 4: east wing"));
        assert!(!looks_like_link("Café Nord, 2nd floor"));
        assert_eq!(location_problem("Room 4: east wing"), None);
        assert!(location_problem("javascript:alert(1)").is_some());
        assert!(location_problem("ftp://files.example.org").is_some());
    }

    #[test]
    fn keys_round_trip() {
        for r in Repeat::ALL {
            assert_eq!(Repeat::from_key(r.key()), Some(r));
        }
        for f in Feel::ALL {
            assert_eq!(Feel::from_key(f.key()), Some(f));
        }
        for m in Mode::ALL {
            assert_eq!(Mode::from_key(m.key()), Some(m));
        }
    }
}
