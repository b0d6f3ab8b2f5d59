#![cfg(not(target_arch = "wasm32"))]
//! The rhythm planner, proved through its pure functions and the public operations of
//! `Workspace`: exact occurrence dates for every kind of repeat, the mix over time, the
//! upcoming calendar, the form's inline problems, and the `.ics` export, both byte for byte
//! and read back by a real iCalendar parser (the `icalendar` crate).

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use cultivate::model::cultivation::{Feel, Mode, PlannedActivity, Repeat};
use cultivate::model::rhythm::*;
use cultivate::model::sample::sample_workspace;
use cultivate::model::*;

// ----- helpers -----

fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).expect("valid time")
}

fn id(s: &str) -> Id {
    Id::new(s)
}

/// The sample workspace without any onboarding ticks or planned activities, so that what
/// the tests assert is what they did (even as the sample gains cultivation data).
fn base() -> Workspace {
    let mut ws = sample_workspace();
    for c in &mut ws.communities {
        c.cultivation.onboarding.clear();
        c.cultivation.activities.clear();
    }
    assert_eq!(validate_workspace(&ws), Vec::<Problem>::new());
    ws
}

fn assert_sound(ws: &Workspace) {
    assert_eq!(
        validate_workspace(ws),
        Vec::<Problem>::new(),
        "workspace must validate clean"
    );
}

fn invalid(r: ModelResult) -> Vec<FieldError> {
    match r {
        Err(ModelError::Invalid(errs)) => errs,
        other => panic!("expected ModelError::Invalid, got {other:?}"),
    }
}

fn activity(id_: &str, starts_on: NaiveDate, repeat: Repeat, until: Option<NaiveDate>) -> PlannedActivity {
    PlannedActivity {
        id: id(id_),
        title: id_.into(),
        activity_type_id: None,
        starts_on,
        start_time: NaiveTime::from_hms_opt(18, 30, 0).unwrap(),
        duration_minutes: 90,
        repeat,
        until,
        feel: Feel::Familiar,
        mode: Mode::Synchronous,
        location: String::new(),
        notes: String::new(),
    }
}

fn dates(a: &PlannedActivity, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    occurrences(a, from, to).into_iter().map(|x| x.date()).collect()
}

const CHAPTER: &str = "c-testing";

fn chapter(ws: &Workspace) -> &Community {
    ws.community(&id(CHAPTER)).expect("the chapter exists")
}

fn draft(title: &str, starts_on: &str, repeat: Repeat) -> ActivityDraft {
    ActivityDraft {
        title: title.into(),
        starts_on: starts_on.into(),
        start_time: "18:30".into(),
        duration_minutes: "90".into(),
        repeat,
        ..ActivityDraft::new(d(2026, 3, 1))
    }
}

// ----- occurrences -----

#[test]
fn weekly_falls_on_the_same_weekday_every_week_at_the_start_time() {
    let a = activity("w", d(2026, 3, 3), Repeat::Weekly, None); // a Tuesday
    assert_eq!(
        occurrences(&a, d(2026, 3, 1), d(2026, 3, 31)),
        vec![
            at(2026, 3, 3, 18, 30),
            at(2026, 3, 10, 18, 30),
            at(2026, 3, 17, 18, 30),
            at(2026, 3, 24, 18, 30),
            at(2026, 3, 31, 18, 30),
        ]
    );
    // A window starting mid-series picks up the series where it is, across a month end.
    assert_eq!(
        dates(&a, d(2026, 3, 26), d(2026, 4, 14)),
        [d(2026, 3, 31), d(2026, 4, 7), d(2026, 4, 14)]
    );
    // Nothing before the first date.
    assert!(occurrences(&a, d(2026, 1, 1), d(2026, 3, 2)).is_empty());
}

#[test]
fn fortnightly_skips_every_other_week_from_the_first_date() {
    let a = activity("f", d(2026, 3, 5), Repeat::Fortnightly, None); // a Thursday
    assert_eq!(
        dates(&a, d(2026, 3, 1), d(2026, 5, 1)),
        [
            d(2026, 3, 5),
            d(2026, 3, 19),
            d(2026, 4, 2),
            d(2026, 4, 16),
            d(2026, 4, 30)
        ]
    );
    // Mid-series, the off weeks stay off: 12 March is not a date of this series.
    assert_eq!(dates(&a, d(2026, 3, 6), d(2026, 3, 18)), Vec::<NaiveDate>::new());
    assert_eq!(dates(&a, d(2026, 3, 12), d(2026, 3, 19)), [d(2026, 3, 19)]);
}

#[test]
fn monthly_by_weekday_keeps_the_second_tuesday() {
    let a = activity("m", d(2026, 3, 10), Repeat::MonthlyByWeekday, None);
    assert_eq!(
        dates(&a, d(2026, 1, 1), d(2026, 8, 31)),
        [
            d(2026, 3, 10),
            d(2026, 4, 14),
            d(2026, 5, 12),
            d(2026, 6, 9),
            d(2026, 7, 14),
            d(2026, 8, 11)
        ]
    );
    assert_eq!(
        repeat_label(Repeat::MonthlyByWeekday, a.starts_on),
        "Every second Tuesday of the month"
    );
}

#[test]
fn monthly_by_weekday_from_a_date_in_the_last_week_means_the_last_such_weekday() {
    // 31 July 2026 is the last Friday of July (and its fifth).
    let a = activity("lf", d(2026, 7, 31), Repeat::MonthlyByWeekday, None);
    assert_eq!(
        dates(&a, d(2026, 7, 1), d(2026, 12, 31)),
        [
            d(2026, 7, 31),
            d(2026, 8, 28),
            d(2026, 9, 25),
            d(2026, 10, 30),
            d(2026, 11, 27),
            d(2026, 12, 25)
        ]
    );
    assert_eq!(
        repeat_label(Repeat::MonthlyByWeekday, a.starts_on),
        "Every last Friday of the month"
    );
    // 25 March 2026 is the fourth Wednesday, but in the month's last seven days: "last".
    // In April the fourth Wednesday is the 22nd and the last the 29th.
    let b = activity("lw", d(2026, 3, 25), Repeat::MonthlyByWeekday, None);
    assert_eq!(dates(&b, d(2026, 4, 1), d(2026, 4, 30)), [d(2026, 4, 29)]);
    // 24 March is the fourth Tuesday and not in the last seven days: it stays the fourth.
    let c = activity("4t", d(2026, 3, 24), Repeat::MonthlyByWeekday, None);
    assert_eq!(
        dates(&c, d(2026, 6, 1), d(2026, 6, 30)),
        [d(2026, 6, 23)],
        "not the last (30 June)"
    );
}

#[test]
fn monthly_by_date_on_the_31st_skips_the_short_months() {
    let a = activity("31", d(2026, 1, 31), Repeat::MonthlyByDate, None);
    assert_eq!(
        dates(&a, d(2026, 1, 1), d(2026, 12, 31)),
        [
            d(2026, 1, 31),
            d(2026, 3, 31),
            d(2026, 5, 31),
            d(2026, 7, 31),
            d(2026, 8, 31),
            d(2026, 10, 31),
            d(2026, 12, 31)
        ]
    );
    assert_eq!(
        repeat_label(Repeat::MonthlyByDate, a.starts_on),
        "Every month on the 31st (months without a 31st are skipped)"
    );
    // The 29th of February only in leap years.
    let b = activity("29", d(2027, 1, 29), Repeat::MonthlyByDate, None);
    assert_eq!(dates(&b, d(2027, 2, 1), d(2027, 3, 31)), [d(2027, 3, 29)]);
    assert_eq!(dates(&b, d(2028, 2, 1), d(2028, 2, 29)), [d(2028, 2, 29)]);
}

#[test]
fn until_is_inclusive_and_ends_the_series() {
    let a = activity("u", d(2026, 3, 3), Repeat::Weekly, Some(d(2026, 3, 24)));
    assert_eq!(
        dates(&a, d(2026, 1, 1), d(2026, 12, 31)),
        [d(2026, 3, 3), d(2026, 3, 10), d(2026, 3, 17), d(2026, 3, 24)]
    );
    let b = activity("u2", d(2026, 3, 3), Repeat::Weekly, Some(d(2026, 3, 23)));
    assert_eq!(dates(&b, d(2026, 1, 1), d(2026, 12, 31)).last(), Some(&d(2026, 3, 17)));
    assert!(is_over(&b, d(2026, 3, 24)));
    assert!(!is_over(&b, d(2026, 3, 23)));
    assert_eq!(next_occurrence(&b, d(2026, 3, 11)), Some(at(2026, 3, 17, 18, 30)));
    assert_eq!(next_occurrence(&b, d(2026, 3, 18)), None);
}

#[test]
fn a_one_off_falls_once_and_ignores_until() {
    let a = activity("o", d(2026, 5, 20), Repeat::Once, Some(d(2026, 12, 31)));
    assert_eq!(
        occurrences(&a, d(2026, 1, 1), d(2026, 12, 31)),
        [at(2026, 5, 20, 18, 30)]
    );
    assert_eq!(
        occurrences(&a, d(2026, 5, 20), d(2026, 5, 20)),
        [at(2026, 5, 20, 18, 30)]
    );
    assert!(occurrences(&a, d(2026, 5, 21), d(2026, 12, 31)).is_empty());
    assert!(occurrences(&a, d(2026, 1, 1), d(2026, 5, 19)).is_empty());
    assert!(is_over(&a, d(2026, 5, 21)));
    assert_eq!(next_occurrence(&a, d(2026, 5, 1)), Some(at(2026, 5, 20, 18, 30)));
}

#[test]
fn next_occurrence_finds_a_31st_two_months_away() {
    let a = activity("31", d(2026, 1, 31), Repeat::MonthlyByDate, None);
    assert_eq!(next_occurrence(&a, d(2026, 4, 1)), Some(at(2026, 5, 31, 18, 30)));
    assert_eq!(next_occurrence(&a, d(2026, 8, 1)), Some(at(2026, 8, 31, 18, 30)));
}

#[test]
fn schedules_read_as_a_facilitator_would_say_them() {
    let mut a = activity("m", d(2026, 3, 10), Repeat::MonthlyByWeekday, Some(d(2026, 12, 8)));
    assert_eq!(
        schedule_label(&a),
        "Every second Tuesday of the month, 18:30–20:00, from Tue 10 Mar 2026 until Tue 8 Dec 2026"
    );
    a.repeat = Repeat::Fortnightly;
    a.until = None;
    assert_eq!(
        schedule_label(&a),
        "Every other Tuesday, 18:30–20:00, from Tue 10 Mar 2026, no end date"
    );
    a.repeat = Repeat::Once;
    assert_eq!(schedule_label(&a), "Once, on Tue 10 Mar 2026, 18:30–20:00");
}

// ----- calendar and mix -----

#[test]
fn the_upcoming_calendar_lists_weeks_with_gaps_and_orders_by_time() {
    let mut monthly = activity("m", d(2026, 3, 10), Repeat::MonthlyByWeekday, None);
    monthly.start_time = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
    let weekly = activity("w", d(2026, 3, 10), Repeat::Fortnightly, None);
    let acts = [weekly, monthly];
    // Wednesday 4 March to Sunday 29 March: four weeks from Monday 2 March.
    let weeks = calendar(&acts, d(2026, 3, 4), d(2026, 3, 29), Grouping::Week);
    type Week<'a> = (NaiveDate, NaiveDate, Vec<(&'a str, NaiveDateTime)>);
    let shape: Vec<Week> = weeks
        .iter()
        .map(|p| {
            (
                p.start,
                p.end,
                p.occurrences
                    .iter()
                    .map(|o| (o.activity_id.as_str(), o.starts))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (d(2026, 3, 2), d(2026, 3, 8), vec![]),
            (
                d(2026, 3, 9),
                d(2026, 3, 15),
                vec![("m", at(2026, 3, 10, 12, 0)), ("w", at(2026, 3, 10, 18, 30))]
            ),
            (d(2026, 3, 16), d(2026, 3, 22), vec![]),
            (d(2026, 3, 23), d(2026, 3, 29), vec![("w", at(2026, 3, 24, 18, 30))]),
        ]
    );
    assert_eq!(weeks[1].occurrences[1].ends, at(2026, 3, 10, 20, 0));

    let months = calendar(&acts, d(2026, 3, 4), d(2026, 5, 31), Grouping::Month);
    assert_eq!(
        months
            .iter()
            .map(|p| (p.start, p.end, p.occurrences.len()))
            .collect::<Vec<_>>(),
        [
            (d(2026, 3, 1), d(2026, 3, 31), 3),
            (d(2026, 4, 1), d(2026, 4, 30), 3),
            (d(2026, 5, 1), d(2026, 5, 31), 3)
        ]
    );
    assert!(calendar(&acts, d(2026, 4, 1), d(2026, 3, 1), Grouping::Week).is_empty());
}

#[test]
fn the_mix_counts_occurrences_per_month_by_feel_and_mode() {
    // Familiar and live: the second Tuesday. Exciting and any-time: one-off on 20 May.
    // Familiar and any-time: every two weeks from 2 April until 30 April.
    let clinic = activity("clinic", d(2026, 3, 10), Repeat::MonthlyByWeekday, None);
    let mut hack = activity("hack", d(2026, 5, 20), Repeat::Once, None);
    hack.feel = Feel::Exciting;
    hack.mode = Mode::Asynchronous;
    let mut digest = activity("digest", d(2026, 4, 2), Repeat::Fortnightly, Some(d(2026, 4, 30)));
    digest.mode = Mode::Asynchronous;
    let acts = [clinic, hack, digest];
    let m = mix(&acts, d(2026, 3, 1), d(2026, 6, 30));
    let rows: Vec<(String, usize, usize, usize, usize)> = m
        .iter()
        .map(|x| {
            let c = x.counts;
            (x.label(), c.familiar, c.exciting, c.synchronous, c.asynchronous)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Mar 2026".to_string(), 1, 0, 1, 0),
            ("Apr 2026".to_string(), 4, 0, 1, 3),
            ("May 2026".to_string(), 1, 1, 1, 1),
            ("Jun 2026".to_string(), 1, 0, 1, 0),
        ]
    );
    let total = mix_totals(&m);
    assert_eq!(
        (
            total.familiar,
            total.exciting,
            total.synchronous,
            total.asynchronous,
            total.total()
        ),
        (7, 1, 4, 4, 8)
    );
    assert!(
        mix_advice(&m).is_empty(),
        "a mixed plan with no empty month needs no advice"
    );

    // Only part of a month: occurrences outside the dates are not counted.
    let part = mix(&acts, d(2026, 4, 10), d(2026, 4, 20));
    assert_eq!(part.len(), 1);
    assert_eq!(part[0].counts.total(), 2, "14 April clinic and 16 April digest");
}

#[test]
fn the_mix_advice_names_what_is_missing() {
    let clinic = activity("clinic", d(2026, 3, 10), Repeat::Once, None);
    let m = mix(std::slice::from_ref(&clinic), d(2026, 3, 1), d(2026, 5, 31));
    assert_eq!(
        mix_advice(&m),
        [
            "Everything planned is familiar. An occasional exciting event (a guest, a visit, a new format) keeps the community lively.",
            "Everything planned is live. Members who cannot attend have no planned way to take part at their own pace.",
            "Nothing is planned in Apr 2026 and May 2026. A gap can be deliberate (a holiday), but a steady tempo helps members stay connected.",
        ]
    );
    assert!(
        mix_advice(&mix(&[], d(2026, 3, 1), d(2026, 5, 31))).is_empty(),
        "nothing planned, nothing to say"
    );
}

// ----- operations -----

#[test]
fn adding_updating_and_deleting_activities_keeps_the_workspace_sound() {
    let mut ws = base();
    let c = id(CHAPTER);
    let mut clinic = draft("Flaky-test clinic", "2026-03-10", Repeat::MonthlyByWeekday);
    clinic.activity_type_id = Some(id("problem_solving"));
    clinic.until = "2026-12-31".into();
    clinic.location = "https://meet.example.org/clinic".into();
    ws.add_activity(&c, id("act-clinic"), &clinic, t(1)).unwrap();
    let mut once = draft("Visit to the Leeds team", "2026-05-20", Repeat::Once);
    once.until = "2026-12-31".into(); // ignored for a one-off
    once.feel = Feel::Exciting;
    once.location = "Leeds office, 3rd floor".into();
    ws.add_activity(&c, id("act-visit"), &once, t(2)).unwrap();
    assert_sound(&ws);

    let acts = &chapter(&ws).cultivation.activities;
    assert_eq!(acts.len(), 2);
    assert_eq!(
        acts[0],
        PlannedActivity {
            id: id("act-clinic"),
            title: "Flaky-test clinic".into(),
            activity_type_id: Some(id("problem_solving")),
            starts_on: d(2026, 3, 10),
            start_time: NaiveTime::from_hms_opt(18, 30, 0).unwrap(),
            duration_minutes: 90,
            repeat: Repeat::MonthlyByWeekday,
            until: Some(d(2026, 12, 31)),
            feel: Feel::Familiar,
            mode: Mode::Synchronous,
            location: "https://meet.example.org/clinic".into(),
            notes: String::new(),
        }
    );
    assert_eq!(acts[1].until, None, "a one-off has no last date");
    assert_eq!(chapter(&ws).updated_at, t(2));

    // The form round-trips an activity.
    let mut edit = ActivityDraft::of(&acts[0]);
    assert_eq!(edit.start_time, "18:30");
    assert_eq!(edit.until, "2026-12-31");
    edit.title = "  Flaky-test clinic (online)  ".into();
    edit.start_time = "19:00:00".into(); // some browsers send seconds
    edit.mode = Mode::Asynchronous;
    ws.update_activity(&c, &id("act-clinic"), &edit, t(3)).unwrap();
    let a = &chapter(&ws).cultivation.activities[0];
    assert_eq!(
        (a.id.as_str(), a.title.as_str(), a.start_time, a.mode),
        (
            "act-clinic",
            "Flaky-test clinic (online)",
            NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            Mode::Asynchronous
        )
    );
    assert_sound(&ws);

    ws.delete_activity(&c, &id("act-visit"), t(4)).unwrap();
    assert_eq!(chapter(&ws).cultivation.activities.len(), 1);
    assert!(matches!(
        ws.delete_activity(&c, &id("act-visit"), t(5)),
        Err(ModelError::NotFound(_))
    ));
    assert!(matches!(
        ws.update_activity(&c, &id("act-visit"), &once, t(5)),
        Err(ModelError::NotFound(_))
    ));
    assert_sound(&ws);

    // The activity type is in use now: the catalogue refuses to delete it.
    let refused = ws.delete_catalogue_entry(CatalogueKind::ActivityTypes, &id("problem_solving"), t(6));
    assert!(
        matches!(&refused, Err(ModelError::Refused(m)) if m.contains("activity Flaky-test clinic (online) in Test Automation Chapter (London)")),
        "{refused:?}"
    );
}

#[test]
fn a_new_activity_needs_an_unused_id() {
    let mut ws = base();
    let c = id(CHAPTER);
    let a = draft("Clinic", "2026-03-10", Repeat::Weekly);
    ws.add_activity(&c, id("act-1"), &a, t(1)).unwrap();
    for taken in ["act-1", "c-reliability", "p-gus", "m-t1"] {
        assert!(
            matches!(ws.add_activity(&c, id(taken), &a, t(2)), Err(ModelError::Refused(_))),
            "{taken} is taken"
        );
    }
    assert!(matches!(
        ws.add_activity(&c, id("not an id"), &a, t(2)),
        Err(ModelError::Refused(_))
    ));
    assert!(matches!(
        ws.add_activity(&id("c-gone"), id("act-2"), &a, t(2)),
        Err(ModelError::NotFound(_))
    ));
    assert_eq!(chapter(&ws).cultivation.activities.len(), 1);
    assert_sound(&ws);
}

#[test]
fn the_form_reports_each_problem_inline() {
    let mut ws = base();
    let c = id(CHAPTER);
    let bad = ActivityDraft {
        title: "   ".into(),
        activity_type_id: Some(id("no_such_type")),
        starts_on: "10/03/2026".into(),
        start_time: "25:00".into(),
        duration_minutes: "0".into(),
        repeat: Repeat::Weekly,
        until: "someday".into(),
        feel: Feel::Familiar,
        mode: Mode::Synchronous,
        location: "javascript:alert(1)".into(),
        notes: "x".repeat(20_001),
    };
    assert_eq!(
        invalid(ws.add_activity(&c, id("act-1"), &bad, t(1))),
        vec![
            FieldError::new("title", "Title is required"),
            FieldError::new("activity_type_id", "Choose an activity type from the list"),
            FieldError::new("starts_on", "Enter the first date as YYYY-MM-DD"),
            FieldError::new("start_time", "Enter the start time as HH:MM, e.g. 18:30"),
            FieldError::new("duration_minutes", "Enter the duration in minutes, from 1 to 1440 (24 hours)"),
            FieldError::new(
                "until",
                "Enter the last date as YYYY-MM-DD, or leave it empty to keep the activity going"
            ),
            FieldError::new(
                "location",
                "This looks like a link, and a link uses the 'javascript:' scheme; only http, https and mailto links are allowed. For a place, write it in words."
            ),
            FieldError::new("notes", "Notes is 20001 characters long; the limit is 20000"),
        ]
    );

    let mut d2 = draft("Clinic", "2026-03-10", Repeat::Weekly);
    d2.until = "2026-03-09".into();
    d2.duration_minutes = "1441".into();
    d2.title = "t".repeat(201);
    assert_eq!(
        d2.problems(&ws),
        vec![
            FieldError::new("title", "Title is 201 characters long; the limit is 200"),
            FieldError::new(
                "duration_minutes",
                "Enter the duration in minutes, from 1 to 1440 (24 hours)"
            ),
            FieldError::new("until", "The last date must not be before the first date (2026-03-10)"),
        ]
    );
    // The boundaries themselves are fine: a whole day, and a last date on the first date.
    d2.title = "Clinic".into();
    d2.duration_minutes = "1440".into();
    d2.until = "2026-03-10".into();
    assert_eq!(d2.problems(&ws), vec![]);
    // Places in words are fine, colons and all; links must be web or mail links.
    for ok in [
        "Room 4: east wing",
        "Café Nord, 2nd floor",
        "mailto:lead@example.org",
        "https://meet.example.org/x",
    ] {
        d2.location = ok.into();
        assert_eq!(d2.problems(&ws), vec![], "{ok}");
    }
    d2.location = "ftp://files.example.org".into();
    assert_eq!(d2.problems(&ws).len(), 1);
    assert_eq!(chapter(&ws).cultivation.activities.len(), 0, "nothing was added");
    ws.add_activity(&c, id("act-ok"), &draft("Clinic", "2026-03-10", Repeat::Weekly), t(2))
        .unwrap();
    assert_sound(&ws);
}

// ----- iCalendar: exact output -----

fn ics_workspace() -> Workspace {
    let mut ws = base();
    let c = id(CHAPTER);
    let mut clinic = draft("Flaky-test clinic", "2026-03-10", Repeat::MonthlyByWeekday);
    clinic.activity_type_id = Some(id("problem_solving"));
    clinic.until = "2026-12-08".into();
    clinic.location = "Room 4, east wing".into();
    clinic.notes = "Bring one flaky test; we fix it together.".into();
    ws.add_activity(&c, id("act-clinic"), &clinic, t(1)).unwrap();
    let mut hack = draft("Hack day; ideas, café & «snacks»", "2026-05-20", Repeat::Once);
    hack.start_time = "09:00".into();
    hack.duration_minutes = "480".into();
    hack.feel = Feel::Exciting;
    hack.mode = Mode::Asynchronous;
    hack.location = "https://meet.example.org/hack".into();
    hack.notes = "Line one\nLine two with a back\\slash".into();
    ws.add_activity(&c, id("act-hack"), &hack, t(2)).unwrap();
    let mut retro = draft("Last-Friday retro", "2026-07-31", Repeat::MonthlyByWeekday);
    retro.start_time = "16:00".into();
    retro.duration_minutes = "45".into();
    ws.add_activity(&c, id("act-retro"), &retro, t(3)).unwrap();
    let mut digest = draft("Month-end digest", "2026-01-31", Repeat::MonthlyByDate);
    digest.mode = Mode::Asynchronous;
    digest.duration_minutes = "1440".into();
    digest.start_time = "00:00".into();
    ws.add_activity(&c, id("act-digest"), &digest, t(4)).unwrap();
    let mut pair = draft("Pairing hour", "2026-03-05", Repeat::Fortnightly);
    pair.until = "2026-06-25".into();
    ws.add_activity(&c, id("act-pair"), &pair, t(5)).unwrap();
    let weekly = draft("Stand-up", "2026-03-02", Repeat::Weekly);
    ws.add_activity(&c, id("act-standup"), &weekly, t(6)).unwrap();
    assert_sound(&ws);
    ws
}

fn stamp() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 28, 16, 5, 9).single().unwrap()
}

#[test]
fn the_ics_export_is_exact() {
    let ws = ics_workspace();
    let ics = to_ics(&ws, chapter(&ws), stamp());
    // For checking by hand with another parser: CULTIVATE_ICS_OUT=/tmp/x.ics cargo test ...
    if let Ok(path) = std::env::var("CULTIVATE_ICS_OUT") {
        std::fs::write(path, &ics).expect("writes the calendar");
    }
    let expected = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME:Test Automation Chapter (London) – rhythm",
        "X-WR-CALNAME:Test Automation Chapter (London) – rhythm",
        "BEGIN:VEVENT",
        "UID:act-clinic@cultivate",
        "DTSTAMP:20261128T160509Z",
        "DTSTART:20260310T183000",
        "DURATION:PT1H30M",
        "RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261208T235959",
        "SUMMARY:Flaky-test clinic",
        "DESCRIPTION:Bring one flaky test\\; we fix it together.\\n\\nActivity type: Pr",
        " oblem solving\\nFamiliar format\\, synchronous (live)\\nEvery second Tuesday ",
        " of the month in Test Automation Chapter (London)",
        "LOCATION:Room 4\\, east wing",
        "CATEGORIES:Problem solving,Familiar,Synchronous",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:act-hack@cultivate",
        "DTSTAMP:20261128T160509Z",
        "DTSTART:20260520T090000",
        "DURATION:PT8H",
        "SUMMARY:Hack day\\; ideas\\, café & «snacks»",
        "DESCRIPTION:Line one\\nLine two with a back\\\\slash\\n\\nExciting format\\, asyn",
        " chronous (any time)\\nOnce\\, on Wed 20 May 2026 in Test Automation Chapter ",
        " (London)",
        "LOCATION:https://meet.example.org/hack",
        "URL:https://meet.example.org/hack",
        "CATEGORIES:Exciting,Asynchronous",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:act-retro@cultivate",
        "DTSTAMP:20261128T160509Z",
        "DTSTART:20260731T160000",
        "DURATION:PT45M",
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
        "SUMMARY:Last-Friday retro",
        "DESCRIPTION:Familiar format\\, synchronous (live)\\nEvery last Friday of the ",
        " month in Test Automation Chapter (London)",
        "CATEGORIES:Familiar,Synchronous",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:act-digest@cultivate",
        "DTSTAMP:20261128T160509Z",
        "DTSTART:20260131T000000",
        "DURATION:PT24H",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=31",
        "SUMMARY:Month-end digest",
        "DESCRIPTION:Familiar format\\, asynchronous (any time)\\nEvery month on the 3",
        " 1st (months without a 31st are skipped) in Test Automation Chapter (London",
        " )",
        "CATEGORIES:Familiar,Asynchronous",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:act-pair@cultivate",
        "DTSTAMP:20261128T160509Z",
        "DTSTART:20260305T183000",
        "DURATION:PT1H30M",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20260625T235959",
        "SUMMARY:Pairing hour",
        "DESCRIPTION:Familiar format\\, synchronous (live)\\nEvery other Thursday in T",
        " est Automation Chapter (London)",
        "CATEGORIES:Familiar,Synchronous",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:act-standup@cultivate",
        "DTSTAMP:20261128T160509Z",
        "DTSTART:20260302T183000",
        "DURATION:PT1H30M",
        "RRULE:FREQ=WEEKLY",
        "SUMMARY:Stand-up",
        "DESCRIPTION:Familiar format\\, synchronous (live)\\nEvery Monday in Test Auto",
        " mation Chapter (London)",
        "CATEGORIES:Familiar,Synchronous",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    .iter()
    .map(|l| format!("{l}\r\n"))
    .collect::<String>();
    assert_eq!(ics, expected);
    // Every line followed by a continuation line is full: exactly 75 octets.
    let lines: Vec<&str> = ics.split_terminator("\r\n").collect();
    for pair in lines.windows(2).filter(|w| w[1].starts_with(' ')) {
        assert_eq!(pair[0].len(), 75, "{}", pair[0]);
    }
}

#[test]
fn ics_lines_end_in_crlf_and_fold_at_75_octets_without_splitting_a_character() {
    let mut ws = ics_workspace();
    let c = id(CHAPTER);
    // 3-byte and 4-byte characters placed so that a naive byte cut would split them.
    let mut long = draft(&format!("x{}", "€".repeat(60)), "2026-03-10", Repeat::Weekly);
    long.notes = format!("{} {}", "🌱".repeat(40), "ü".repeat(100));
    ws.add_activity(&c, id("act-long"), &long, t(10)).unwrap();
    let ics = to_ics(&ws, chapter(&ws), stamp());
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains(['\r', '\n']), "no bare CR or LF");
    let lines: Vec<&str> = ics.split_terminator("\r\n").collect();
    for l in &lines {
        assert!(l.len() <= 75, "{} octets: {l}", l.len());
    }
    // The folded SUMMARY: 75-octet first line (8 + 1 + 66 = "SUMMARY:" "x" 22 euros),
    // then continuation lines of a space and at most 74 octets.
    let at = lines.iter().position(|l| l.starts_with("SUMMARY:x")).unwrap();
    assert_eq!(lines[at], format!("SUMMARY:x{}", "€".repeat(22)));
    assert_eq!(lines[at + 1], format!(" {}", "€".repeat(24)));
    assert_eq!(lines[at + 2], format!(" {}", "€".repeat(14)));
    assert!(lines[at + 3].starts_with("DESCRIPTION:"));
    // Unfolding gives back the text.
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains(&format!("\r\nSUMMARY:x{}\r\n", "€".repeat(60))));
    assert!(unfolded.contains(&format!(
        "\r\nDESCRIPTION:{} {}\\n\\n",
        "🌱".repeat(40),
        "ü".repeat(100)
    )));
}

#[test]
fn text_escaping_covers_backslash_semicolon_comma_and_line_breaks() {
    assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(escape_text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
    assert_eq!(escape_text("bell\u{7}tab\t"), "bell tab\t");
    assert_eq!(escape_text("Zoë: ok"), "Zoë: ok");
    assert_eq!(fold_line("SHORT:x"), "SHORT:x\r\n");
    let exactly = format!("X:{}", "a".repeat(73));
    assert_eq!(
        fold_line(&exactly),
        format!("{exactly}\r\n"),
        "75 octets fit on one line"
    );
    let one_more = format!("X:{}", "a".repeat(74));
    assert_eq!(fold_line(&one_more), format!("X:{}\r\n a\r\n", "a".repeat(73)));
}

#[test]
fn an_empty_rhythm_exports_an_empty_calendar() {
    let ws = base();
    let ics = to_ics(&ws, chapter(&ws), stamp());
    assert!(!ics.contains("BEGIN:VEVENT"));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
}

// ----- iCalendar: read back by a real parser -----

mod parsed {
    use super::*;
    use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike};

    fn events(ics: &str) -> Vec<icalendar::Event> {
        let cal: Calendar = ics.parse().expect("the icalendar crate parses the export");
        cal.components
            .into_iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_icalendar_crate_reads_every_event_back() {
        let ws = ics_workspace();
        let ics = to_ics(&ws, chapter(&ws), stamp());
        // The calendar's own properties.
        let unfolded = icalendar::parser::unfold(&ics);
        let raw = icalendar::parser::read_calendar(&unfolded).expect("parses");
        let prop = |name: &str| {
            raw.properties
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.val.as_str().to_string())
        };
        assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
        assert_eq!(prop("PRODID").as_deref(), Some(PRODID));

        let evs = events(&ics);
        assert_eq!(evs.len(), 6);
        let uids: Vec<&str> = evs.iter().map(|e| e.get_uid().unwrap()).collect();
        assert_eq!(
            uids,
            [
                "act-clinic@cultivate",
                "act-hack@cultivate",
                "act-retro@cultivate",
                "act-digest@cultivate",
                "act-pair@cultivate",
                "act-standup@cultivate"
            ]
        );
        let rrules: Vec<Option<&str>> = evs.iter().map(|e| e.property_value("RRULE")).collect();
        assert_eq!(
            rrules,
            [
                Some("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261208T235959"),
                None,
                Some("FREQ=MONTHLY;BYDAY=-1FR"),
                Some("FREQ=MONTHLY;BYMONTHDAY=31"),
                Some("FREQ=WEEKLY;INTERVAL=2;UNTIL=20260625T235959"),
                Some("FREQ=WEEKLY"),
            ]
        );

        let clinic = &evs[0];
        assert_eq!(
            clinic.get_start(),
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(at(
                2026, 3, 10, 18, 30
            )))),
            "a floating local time"
        );
        assert_eq!(clinic.get_timestamp(), Some(stamp()));
        assert_eq!(clinic.property_value("DURATION"), Some("PT1H30M"));
        assert_eq!(
            clinic.get_location(),
            Some("Room 4, east wing"),
            "the comma is unescaped"
        );
        assert_eq!(
            clinic.get_description(),
            Some("Bring one flaky test; we fix it together.\n\nActivity type: Problem solving\nFamiliar format, synchronous (live)\nEvery second Tuesday of the month in Test Automation Chapter (London)"),
            "the folded description unfolds and unescapes to the text"
        );

        let hack = &evs[1];
        assert_eq!(hack.get_summary(), Some("Hack day; ideas, café & «snacks»"));
        assert!(hack
            .get_description()
            .unwrap()
            .starts_with("Line one\nLine two with a back\\slash\n\nExciting format, asynchronous (any time)"));
        assert_eq!(hack.get_url(), Some("https://meet.example.org/hack"));
        assert_eq!(hack.property_value("TRANSP"), Some("TRANSPARENT"));
        assert_eq!(
            hack.get_start(),
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(at(
                2026, 5, 20, 9, 0
            ))))
        );
    }

    #[test]
    fn long_non_ascii_text_round_trips_through_the_parser() {
        let mut ws = base();
        let c = id(CHAPTER);
        let title = format!("Ünïcødé {} — «{}», end; done", "€".repeat(40), "🌱".repeat(20));
        let notes = format!(
            "{}\nSecond line, with \\ and ; and , too.\n{}",
            "ü".repeat(90),
            "語".repeat(50)
        );
        let mut long = draft(&title, "2026-03-10", Repeat::Weekly);
        long.notes = notes.clone();
        long.location = format!("Salle {} , étage 2", "é".repeat(60));
        ws.add_activity(&c, id("act-long"), &long, t(1)).unwrap();
        let ics = to_ics(&ws, chapter(&ws), stamp());
        assert!(ics.split_terminator("\r\n").all(|l| l.len() <= 75));
        assert!(
            ics.split_terminator("\r\n").filter(|l| l.starts_with(' ')).count() > 5,
            "it was folded"
        );
        let evs = events(&ics);
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0].get_summary(), Some(title.as_str()));
        assert_eq!(evs[0].get_location(), Some(long.location.as_str()));
        assert!(evs[0]
            .get_description()
            .unwrap()
            .starts_with(&format!("{notes}\n\nFamiliar format, synchronous (live)")));
    }
}
