//! Operations and computations of evaluation: derived indicators, CSV import of
//! observations, the value-creation matrix and the sponsor report. The records are in
//! [`super::evaluation`].
//!
//! - [`ops`]: the forms' drafts and the `impl Workspace` operations on plans, indicators,
//!   observations, stories and reflections.
//! - [`derived`]: the indicators the workspace computes from its own records (attendance,
//!   active members, repertoire items added, follow-ups done, moves towards the core), and
//!   the time series of any indicator.
//! - [`import`]: CSV import of observations, all or nothing, with every bad row reported by
//!   its line number.
//! - [`matrix`]: the value-creation matrix (cycles against indicators and stories) with its
//!   gaps, and the stories due for follow-up.
//! - [`report`]: the sponsor report as data, filtered by consent, and its Markdown and
//!   self-contained HTML renderings.
//! - [`chart`]: the geometry of a time-series chart, shared by the app's SVG and the HTML
//!   export.

pub mod chart;
pub mod derived;
pub mod import;
pub mod matrix;
pub mod ops;
pub mod report;

pub use derived::{series, Point, Series};
pub use import::{preview_observations_csv, ImportPreview, RowProblem};
pub use matrix::{default_period, stories_due, value_matrix, DueStory, Gap, Matrix, MatrixRow};
pub use ops::{IndicatorDraft, ObservationDraft, PlanDraft, ReflectionDraft, StoryDraft};
pub use report::{build_report, render_html, render_markdown, ReportOptions, ReportScope, SponsorReport};

use chrono::NaiveDate;

use super::catalogue::{CatalogueKind, Catalogues};
use super::evaluation::{Consent, DerivedMeasure, IndicatorKind, Number, StoryStatus, Verification};
use super::ids::Id;

/// A date typed as `YYYY-MM-DD` (what a date input gives), surrounding spaces ignored.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// A number typed by hand or read from a file: digits with an optional sign, a decimal point
/// and an exponent. NaN, the infinities and anything that overflows are refused, so the
/// model only ever holds finite numbers.
pub fn parse_number(s: &str) -> Result<Number, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("Enter a number".into());
    }
    let plain = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    match t.parse::<f64>().ok().filter(|_| plain).and_then(Number::new) {
        Some(n) => Ok(n),
        None => Err(format!("'{t}' is not a number (use a point for decimals, e.g. 12.5)")),
    }
}

/// A number for people: `12`, `12.5`, `0.33`; never `12.000000001`.
pub fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A number with its unit: "12 people", "3.5 h", "40%" (a percent sign goes without a
/// space, as the app writes percentages elsewhere). Exactly one of a plural unit the app
/// knows reads in the singular: "1 person", "1 follow-up per month"; see [`singular`].
pub fn with_unit(v: f64, unit: &str) -> String {
    match unit.trim() {
        "" => fmt_number(v),
        "%" => format!("{}%", fmt_number(v)),
        unit => match fmt_number(v) {
            // As shown: 0.999 and 1.004 read "1" too.
            one if one == "1" => format!("1 {}", singular(unit)),
            n => format!("{n} {unit}"),
        },
    }
}

/// `unit` for a count of one: its first word in the singular when that word is one of the
/// plurals below (the derived measures' units and the counts people commonly type), in the
/// same case. Anything else is left as typed: the app does not guess at English plurals.
fn singular(unit: &str) -> String {
    const PLURALS: [(&str, &str); 22] = [
        ("people", "person"),
        ("items", "item"),
        ("follow-ups", "follow-up"),
        ("moves", "move"),
        ("members", "member"),
        ("meetings", "meeting"),
        ("stories", "story"),
        ("participants", "participant"),
        ("sessions", "session"),
        ("events", "event"),
        ("posts", "post"),
        ("replies", "reply"),
        ("questions", "question"),
        ("answers", "answer"),
        ("visits", "visit"),
        ("downloads", "download"),
        ("contributions", "contribution"),
        ("communities", "community"),
        ("organisations", "organisation"),
        ("hours", "hour"),
        ("days", "day"),
        ("times", "time"),
    ];
    let (first, rest) = unit.split_at(unit.find(char::is_whitespace).unwrap_or(unit.len()));
    let Some((_, one)) = PLURALS.iter().find(|(many, _)| first.eq_ignore_ascii_case(many)) else {
        return unit.to_string();
    };
    let one = if !first.chars().any(char::is_uppercase) {
        (*one).to_string()
    } else if !first.chars().any(char::is_lowercase) {
        one.to_uppercase()
    } else {
        // "People": the first letter capitalised.
        let mut chars = one.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    };
    format!("{one}{rest}")
}

/// The position of a value cycle in its catalogue, for ordering; unknown cycles go last.
pub fn cycle_rank(cats: &Catalogues, cycle: &Id) -> usize {
    cats.get(CatalogueKind::ValueCycles)
        .iter()
        .position(|e| &e.id == cycle)
        .unwrap_or(usize::MAX)
}

impl DerivedMeasure {
    pub const ALL: [DerivedMeasure; 5] = [
        DerivedMeasure::Attendance,
        DerivedMeasure::ActiveMembers,
        DerivedMeasure::RepertoireItemsAdded,
        DerivedMeasure::FollowUpsDone,
        DerivedMeasure::MovesTowardsCore,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DerivedMeasure::Attendance => "attendance",
            DerivedMeasure::ActiveMembers => "active_members",
            DerivedMeasure::RepertoireItemsAdded => "repertoire_items_added",
            DerivedMeasure::FollowUpsDone => "follow_ups_done",
            DerivedMeasure::MovesTowardsCore => "moves_towards_core",
        }
    }

    pub fn from_key(key: &str) -> Option<DerivedMeasure> {
        DerivedMeasure::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            DerivedMeasure::Attendance => "Attendance at meetings",
            DerivedMeasure::ActiveMembers => "Active members",
            DerivedMeasure::RepertoireItemsAdded => "Repertoire items added",
            DerivedMeasure::FollowUpsDone => "Follow-ups done",
            DerivedMeasure::MovesTowardsCore => "Moves towards the core",
        }
    }

    /// How the workspace computes it, for help texts and reports.
    pub fn help(self) -> &'static str {
        match self {
            DerivedMeasure::Attendance => "People recorded at each meeting held (members and guests), from the meeting records. The period's figure is the average per meeting.",
            DerivedMeasure::ActiveMembers => "Members who attended at least one meeting, per month, from the meeting records. The period's figure counts each member once.",
            DerivedMeasure::RepertoireItemsAdded => "Items added to the community's repertoire, per month, from the practice records.",
            DerivedMeasure::FollowUpsDone => "Meeting follow-ups marked done, per month, from the meeting records.",
            DerivedMeasure::MovesTowardsCore => "Members whose participation level moved towards the core group, per month, from the level history.",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            DerivedMeasure::Attendance | DerivedMeasure::ActiveMembers => "people",
            DerivedMeasure::RepertoireItemsAdded => "items",
            DerivedMeasure::FollowUpsDone => "follow-ups",
            DerivedMeasure::MovesTowardsCore => "moves",
        }
    }

    /// The value cycle a measure usually gives evidence for (a suggestion for the form).
    pub fn suggested_cycle(self) -> &'static str {
        match self {
            DerivedMeasure::Attendance | DerivedMeasure::ActiveMembers | DerivedMeasure::MovesTowardsCore => {
                "immediate"
            }
            DerivedMeasure::RepertoireItemsAdded => "potential",
            DerivedMeasure::FollowUpsDone => "applied",
        }
    }
}

impl IndicatorKind {
    pub fn label(self) -> &'static str {
        match self {
            IndicatorKind::Quantitative => "Quantitative",
            IndicatorKind::Qualitative => "Qualitative",
        }
    }
}

impl StoryStatus {
    pub fn label(self) -> &'static str {
        match self {
            StoryStatus::Aspirational => "Aspirational",
            StoryStatus::Realised => "Realised",
        }
    }
}

impl Verification {
    pub const ALL: [Verification; 2] = [Verification::SelfReported, Verification::Corroborated];

    pub fn label(self) -> &'static str {
        match self {
            Verification::SelfReported => "Self-reported",
            Verification::Corroborated => "Corroborated",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Verification::SelfReported => "self_reported",
            Verification::Corroborated => "corroborated",
        }
    }
}

impl Consent {
    pub const ALL: [Consent; 3] = [Consent::Community, Consent::Organisation, Consent::Public];

    pub fn key(self) -> &'static str {
        match self {
            Consent::Community => "community",
            Consent::Organisation => "organisation",
            Consent::Public => "public",
        }
    }

    pub fn from_key(key: &str) -> Option<Consent> {
        Consent::ALL.into_iter().find(|c| c.key() == key)
    }

    /// What a story's consent allows.
    pub fn label(self) -> &'static str {
        match self {
            Consent::Community => "Private to the community",
            Consent::Organisation => "Shareable in the organisation",
            Consent::Public => "Public",
        }
    }

    /// Who a report for this audience is for.
    pub fn audience_label(self) -> &'static str {
        match self {
            Consent::Community => "Community only (includes private stories)",
            Consent::Organisation => "Shareable in the organisation",
            Consent::Public => "Public",
        }
    }

    /// True when a story with this consent may appear in a report for `audience`: its
    /// consent must be at least as wide as the audience.
    pub fn allows(self, audience: Consent) -> bool {
        self >= audience
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain_and_finite() {
        assert_eq!(parse_number(" 12.5 ").unwrap().0, 12.5);
        assert_eq!(parse_number("-3").unwrap().0, -3.0);
        assert!(parse_number("NaN").is_err());
        assert!(parse_number("inf").is_err());
        assert!(parse_number("1e400").is_err());
        assert!(parse_number("12 people").is_err());
        assert!(parse_number("1,5").is_err());
        assert!(parse_number("").is_err());
        assert_eq!(fmt_number(12.0), "12");
        assert_eq!(fmt_number(12.50), "12.5");
        assert_eq!(fmt_number(1.0 / 3.0), "0.33");
        assert_eq!(with_unit(3.0, "people"), "3 people");
        assert_eq!(with_unit(40.0, " % "), "40%");
        assert_eq!(with_unit(2.5, ""), "2.5");
    }

    #[test]
    fn one_of_a_known_plural_unit_reads_in_the_singular() {
        assert_eq!(with_unit(1.0, "follow-ups"), "1 follow-up");
        assert_eq!(with_unit(1.0, "people"), "1 person");
        assert_eq!(with_unit(1.0, "stories per quarter"), "1 story per quarter");
        assert_eq!(with_unit(1.0, "People"), "1 Person");
        assert_eq!(with_unit(1.0, "HOURS"), "1 HOUR");
        assert_eq!(with_unit(1.0, " moves "), "1 move");
        // Other counts, and units the app does not know, stay as they are.
        assert_eq!(with_unit(2.0, "follow-ups"), "2 follow-ups");
        assert_eq!(with_unit(0.0, "people"), "0 people");
        assert_eq!(with_unit(1.5, "hours"), "1.5 hours");
        // The singular goes with the number as shown, rounded to two decimals.
        assert_eq!(with_unit(0.999, "people"), "1 person");
        assert_eq!(with_unit(1.004, "moves"), "1 move");
        assert_eq!(with_unit(1.01, "moves"), "1.01 moves");
        assert_eq!(with_unit(1.0, "kudos"), "1 kudos");
        assert_eq!(with_unit(1.0, "h"), "1 h");
        assert_eq!(with_unit(1.0, "%"), "1%");
        // Every derived measure's unit has its singular.
        for m in DerivedMeasure::ALL {
            assert_ne!(with_unit(1.0, m.unit()), format!("1 {}", m.unit()), "{m:?}");
        }
    }

    #[test]
    fn consent_is_ordered_from_narrow_to_wide() {
        assert!(Consent::Public.allows(Consent::Organisation));
        assert!(Consent::Organisation.allows(Consent::Organisation));
        assert!(!Consent::Community.allows(Consent::Organisation));
        assert!(!Consent::Organisation.allows(Consent::Public));
        assert!(Consent::Community.allows(Consent::Community));
        for m in DerivedMeasure::ALL {
            assert_eq!(DerivedMeasure::from_key(m.key()), Some(m));
        }
    }
}
