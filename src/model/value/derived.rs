//! Indicators the workspace computes from its own records, and the time series of any
//! indicator over a period.
//!
//! - Attendance: the people recorded at each meeting held (members and guests).
//! - Active members: members who attended at least one meeting, per month.
//! - Repertoire items added, per month.
//! - Follow-ups done (from meeting records), per month.
//! - Moves towards the core: level changes towards the core group, per month.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::super::catalogue::Catalogues;
use super::super::evaluation::{DerivedMeasure, Indicator, IndicatorKind};
use super::super::participation::{timeline, Direction};
use super::super::workspace::Community;
use super::{fmt_number, with_unit};

/// One dated value of a series. `label` says what it is (a meeting's title, a month).
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub on: NaiveDate,
    pub value: f64,
    pub label: String,
}

/// An indicator over a period: its points, its figure for the period, and the texts of a
/// qualitative indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub points: Vec<Point>,
    /// The period's figure: the latest value of an indicator entered by hand, a total or an
    /// average for a computed one. `None` when there is no data in the period.
    pub figure: Option<f64>,
    /// What the figure is: "latest", "total", "average per meeting", "different people".
    pub figure_label: &'static str,
    /// Dated texts of a qualitative indicator (and notes on numbers), oldest first.
    pub notes: Vec<(NaiveDate, String)>,
}

impl Series {
    /// The figure for people: "12 people (latest)"; "no data" when there is none.
    pub fn figure_text(&self, unit: &str) -> String {
        match self.figure {
            Some(v) => format!("{} ({})", with_unit(v, unit), self.figure_label),
            None if !self.notes.is_empty() => {
                let n = self.notes.len();
                let last = self.notes.last().map(|(d, _)| d.to_string()).unwrap_or_default();
                format!(
                    "{n} observation{} described, the latest on {last}",
                    if n == 1 { "" } else { "s" }
                )
            }
            None => "no data in this period".into(),
        }
    }

    /// True when there is anything to show for the period.
    pub fn has_data(&self) -> bool {
        !self.points.is_empty() || !self.notes.is_empty()
    }
}

/// The first day of each month overlapping `from..=to` (at most 240).
fn months(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut m = from.with_day(1).unwrap_or(from);
    while m <= to && out.len() < 240 {
        out.push(m);
        m = next_month(m);
    }
    out
}

fn next_month(m: NaiveDate) -> NaiveDate {
    let (y, mo) = if m.month() == 12 {
        (m.year() + 1, 1)
    } else {
        (m.year(), m.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, mo, 1).unwrap_or(NaiveDate::MAX)
}

/// A month's point is dated at its last day within the period, labelled "March 2026".
fn month_point(m: NaiveDate, to: NaiveDate, value: f64) -> Point {
    let last = next_month(m).pred_opt().unwrap_or(m).min(to);
    Point {
        on: last,
        value,
        label: m.format("%B %Y").to_string(),
    }
}

fn per_month(from: NaiveDate, to: NaiveDate, dates: &[NaiveDate]) -> Vec<Point> {
    months(from, to)
        .into_iter()
        .map(|m| {
            let n = dates
                .iter()
                .filter(|d| **d >= from && **d <= to && d.year() == m.year() && d.month() == m.month())
                .count();
            month_point(m, to, n as f64)
        })
        .collect()
}

/// The points of a computed measure in `from..=to`, and the period's figure.
pub fn derived_points(
    cats: &Catalogues,
    c: &Community,
    m: DerivedMeasure,
    from: NaiveDate,
    to: NaiveDate,
) -> (Vec<Point>, Option<f64>) {
    let in_period = |d: NaiveDate| d >= from && d <= to;
    let held: Vec<_> = c
        .facilitation
        .meetings
        .iter()
        .filter(|mt| in_period(mt.on))
        .filter_map(|mt| mt.record.as_ref().map(|r| (mt, r)))
        .collect();
    match m {
        DerivedMeasure::Attendance => {
            let mut pts: Vec<Point> = held
                .iter()
                .map(|(mt, r)| {
                    let guests = r.guests.iter().filter(|g| !g.trim().is_empty()).count();
                    let people: BTreeSet<_> = r.attendee_ids.iter().collect();
                    Point {
                        on: mt.on,
                        value: (people.len() + guests) as f64,
                        label: mt.title.clone(),
                    }
                })
                .collect();
            pts.sort_by_key(|p| p.on);
            let avg = (!pts.is_empty()).then(|| {
                let sum: f64 = pts.iter().map(|p| p.value).sum();
                (sum / pts.len() as f64 * 10.0).round() / 10.0
            });
            (pts, avg)
        }
        DerivedMeasure::ActiveMembers => {
            let members: BTreeSet<_> = c.memberships.iter().map(|m| &m.person_id).collect();
            let active_in = |pred: &dyn Fn(NaiveDate) -> bool| -> BTreeSet<_> {
                held.iter()
                    .filter(|(mt, _)| pred(mt.on))
                    .flat_map(|(_, r)| r.attendee_ids.iter())
                    .filter(|p| members.contains(p))
                    .collect()
            };
            let pts = months(from, to)
                .into_iter()
                .map(|mo| {
                    let n = active_in(&|d: NaiveDate| d.year() == mo.year() && d.month() == mo.month()).len();
                    month_point(mo, to, n as f64)
                })
                .collect();
            let total = active_in(&|_| true).len();
            (pts, (!held.is_empty()).then_some(total as f64))
        }
        DerivedMeasure::RepertoireItemsAdded => {
            let dates: Vec<NaiveDate> = c.practice.iter().map(|r| r.added_on).collect();
            let total = dates.iter().filter(|d| in_period(**d)).count();
            (per_month(from, to, &dates), Some(total as f64))
        }
        DerivedMeasure::FollowUpsDone => {
            let dates: Vec<NaiveDate> = c
                .facilitation
                .meetings
                .iter()
                .filter_map(|mt| mt.record.as_ref())
                .flat_map(|r| r.follow_ups.iter().filter_map(|f| f.done_on))
                .collect();
            let total = dates.iter().filter(|d| in_period(**d)).count();
            (per_month(from, to, &dates), Some(total as f64))
        }
        DerivedMeasure::MovesTowardsCore => {
            let dates: Vec<NaiveDate> = timeline(cats, c)
                .into_iter()
                .filter(|mv| mv.direction == Direction::Inward)
                .map(|mv| mv.on)
                .collect();
            let total = dates.iter().filter(|d| in_period(**d)).count();
            (per_month(from, to, &dates), Some(total as f64))
        }
    }
}

/// The series of any indicator over `from..=to`: computed for a derived indicator, the
/// observations for one entered by hand (numbers as points, texts as notes).
pub fn series(cats: &Catalogues, c: &Community, ind: &Indicator, from: NaiveDate, to: NaiveDate) -> Series {
    if let Some(m) = ind.derived {
        let (points, figure) = derived_points(cats, c, m, from, to);
        let figure_label = match m {
            DerivedMeasure::Attendance => "average per meeting",
            DerivedMeasure::ActiveMembers => "different people",
            _ => "total",
        };
        return Series {
            points,
            figure,
            figure_label,
            notes: Vec::new(),
        };
    }
    let mut obs: Vec<_> = c
        .evaluation
        .observations
        .iter()
        .filter(|o| o.indicator_id == ind.id && o.on >= from && o.on <= to)
        .collect();
    obs.sort_by_key(|o| o.on);
    let points: Vec<Point> = if ind.kind == IndicatorKind::Quantitative {
        obs.iter()
            .filter_map(|o| {
                o.value.map(|v| Point {
                    on: o.on,
                    value: v.0,
                    label: o.text.clone(),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let notes = obs
        .iter()
        .filter(|o| !o.text.trim().is_empty())
        .map(|o| {
            let t = match o.value {
                Some(v) if ind.kind == IndicatorKind::Quantitative => format!("{}: {}", fmt_number(v.0), o.text),
                _ => o.text.clone(),
            };
            (o.on, t)
        })
        .collect();
    Series {
        figure: points.last().map(|p| p.value),
        figure_label: "latest",
        points,
        notes,
    }
}

/// Whether an indicator's figure reaches its target (a higher value is better).
pub fn on_target(ind: &Indicator, s: &Series) -> Option<bool> {
    match (ind.target, s.figure) {
        (Some(t), Some(v)) => Some(v >= t.0),
        _ => None,
    }
}
