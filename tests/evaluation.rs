#![cfg(not(target_arch = "wasm32"))]
//! Evaluation, proved natively against hand-made workspaces: the operations on plans,
//! indicators, observations, stories and reflections keep the workspace valid; derived
//! indicators count what the records say; the CSV import refuses every kind of bad row by
//! line number and imports nothing then; the matrix shows evidence and gaps; and the sponsor
//! report never lets a story out beyond its consent, in data, Markdown or HTML.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use cultivate::model::evaluation::*;
use cultivate::model::facilitation::{FollowUp, Meeting, MeetingRecord};
use cultivate::model::sample::sample_workspace;
use cultivate::model::value::import::parse_csv;
use cultivate::model::value::matrix::Gap;
use cultivate::model::value::*;
use cultivate::model::*;

// ----- helpers -----

fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn id(s: &str) -> Id {
    Id::new(s)
}

const TODAY: (i32, u32, u32) = (2026, 3, 31);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

fn valid(ws: &Workspace) {
    assert_eq!(validate_workspace(ws), Vec::<Problem>::new());
}

fn c(ws: &Workspace) -> &Community {
    ws.community(&id("c1")).expect("community")
}

fn meeting(mid: &str, on: NaiveDate, attendees: &[&str], guests: &[&str], done: &[Option<NaiveDate>]) -> Meeting {
    Meeting {
        id: id(mid),
        title: format!("Meeting {mid}"),
        purpose: String::new(),
        on,
        start_time: NaiveTime::from_hms_opt(10, 0, 0).expect("time"),
        slot_minutes: 60,
        location: String::new(),
        agenda_topic_ids: vec![],
        activity_type_ids: vec![],
        blocks: vec![],
        roles: vec![],
        checklist_done: vec![],
        run: None,
        record: Some(MeetingRecord {
            attendee_ids: attendees.iter().map(|a| id(a)).collect(),
            guests: guests.iter().map(|g| g.to_string()).collect(),
            harvest: vec![],
            follow_ups: done
                .iter()
                .enumerate()
                .map(|(i, on)| FollowUp {
                    id: id(&format!("{mid}-f{i}")),
                    person_id: None,
                    what: "Try it".into(),
                    due_on: None,
                    done_on: *on,
                })
                .collect(),
            notes: String::new(),
        }),
        created_at: t(0),
        updated_at: t(0),
    }
}

/// A workspace with one community c1, three members (p1 core, p2 active, p3 peripheral who
/// later moves inward), one person outside it (p4), two repertoire items and three
/// recorded meetings.
fn base() -> Workspace {
    let mut ws = Workspace::new(id("ws"), "Test", t(0));
    for (pid, name) in [("p1", "Ada"), ("p2", "Ben"), ("p3", "Cleo"), ("p4", "Dev")] {
        ws.add_person(
            id(pid),
            &PersonDraft {
                name: name.into(),
                ..Default::default()
            },
            t(0),
        )
        .expect("person");
    }
    let draft = CommunityDraft {
        name: "Circle".into(),
        ..CommunityDraft::new_in(&ws)
    };
    ws.add_community(id("c1"), &draft, t(0)).expect("community");
    for (mid, pid, level) in [
        ("m1", "p1", "core_group"),
        ("m2", "p2", "active"),
        ("m3", "p3", "peripheral"),
    ] {
        let m = MembershipDraft {
            person_id: Some(id(pid)),
            level_id: id(level),
            role_ids: vec![],
            joined_on: d(2025, 1, 1),
        };
        ws.add_membership(&id("c1"), id(mid), &m, t(0)).expect("membership");
    }
    ws.change_level(
        &id("c1"),
        &id("m3"),
        &id("active"),
        d(2026, 2, 10),
        "Runs the clinic",
        t(1),
    )
    .expect("move in");
    ws.change_level(&id("c1"), &id("m2"), &id("occasional"), d(2026, 2, 12), "New job", t(1))
        .expect("move out");
    for (rid, on) in [("r1", d(2026, 1, 15)), ("r2", d(2026, 3, 2))] {
        let r = RepertoireDraft {
            title: format!("Item {rid}"),
            kind_id: id("tool"),
            description: String::new(),
            link: String::new(),
        };
        ws.add_repertoire_item(&id("c1"), id(rid), &r, on, t(1)).expect("item");
    }
    let cm = ws.communities.iter_mut().find(|c| c.id == id("c1")).expect("c1");
    cm.facilitation.meetings = vec![
        meeting(
            "mt1",
            d(2026, 1, 20),
            &["p1", "p2"],
            &["Guest One"],
            &[Some(d(2026, 2, 1)), None],
        ),
        meeting(
            "mt2",
            d(2026, 2, 17),
            &["p1", "p3", "p4"],
            &[],
            &[Some(d(2026, 2, 20)), Some(d(2026, 3, 5))],
        ),
        meeting("mt3", d(2025, 12, 10), &["p2"], &[], &[]),
    ];
    valid(&ws);
    ws
}

fn quantitative(name: &str, cycle: &str, target: &str) -> IndicatorDraft {
    IndicatorDraft {
        cycle_id: id(cycle),
        name: name.into(),
        unit: "people".into(),
        kind: IndicatorKind::Quantitative,
        source: "Survey".into(),
        target: target.into(),
        derived: None,
        description: String::new(),
    }
}

fn with_indicators() -> Workspace {
    let mut ws = base();
    ws.add_value_indicator(
        &id("c1"),
        id("i-use"),
        &quantitative("Sessions rated useful", "immediate", "80"),
        t(2),
    )
    .expect("indicator");
    let qual = IndicatorDraft {
        kind: IndicatorKind::Qualitative,
        unit: String::new(),
        target: String::new(),
        ..quantitative("Practice changes", "applied", "")
    };
    ws.add_value_indicator(&id("c1"), id("i-change"), &qual, t(2))
        .expect("indicator");
    ws.add_value_indicator(
        &id("c1"),
        id("i-att"),
        &IndicatorDraft::for_measure(DerivedMeasure::Attendance),
        t(2),
    )
    .expect("derived");
    valid(&ws);
    ws
}

fn errors_of(r: ModelResult) -> Vec<(String, String)> {
    match r {
        Err(ModelError::Invalid(e)) => e.into_iter().map(|f| (f.field.to_string(), f.message)).collect(),
        other => panic!("expected form errors, got {other:?}"),
    }
}

fn fields(r: ModelResult) -> Vec<String> {
    errors_of(r).into_iter().map(|(f, _)| f).collect()
}

fn story(title: &str, start: &str, consent: Consent) -> StoryDraft {
    let mut s = StoryDraft::new(&id(start), d(2026, 3, 1));
    s.title = title.into();
    s.teller_id = Some(id("p1"));
    s.consent = consent;
    s.set_step(&id(start), format!("The {start} step of {title}"));
    s
}

// ----- derived indicators -----

#[test]
fn attendance_counts_members_and_named_guests_per_meeting_in_the_period() {
    let ws = base();
    let (pts, avg) = value::derived::derived_points(
        &ws.catalogues,
        c(&ws),
        DerivedMeasure::Attendance,
        d(2026, 1, 1),
        d(2026, 3, 31),
    );
    let got: Vec<(NaiveDate, f64)> = pts.iter().map(|p| (p.on, p.value)).collect();
    // mt1: two members and one guest; mt2: three
    // people, one of them not a member; mt3 is before the period.
    assert_eq!(got, vec![(d(2026, 1, 20), 3.0), (d(2026, 2, 17), 3.0)]);
    assert_eq!(pts[0].label, "Meeting mt1");
    assert_eq!(avg, Some(3.0));
    let (none, avg) = value::derived::derived_points(
        &ws.catalogues,
        c(&ws),
        DerivedMeasure::Attendance,
        d(2024, 1, 1),
        d(2024, 12, 31),
    );
    assert!(none.is_empty());
    assert_eq!(avg, None);
}

#[test]
fn active_members_are_distinct_members_who_attended_per_month_and_over_the_period() {
    let ws = base();
    let (pts, total) = value::derived::derived_points(
        &ws.catalogues,
        c(&ws),
        DerivedMeasure::ActiveMembers,
        d(2026, 1, 1),
        d(2026, 3, 31),
    );
    let got: Vec<(NaiveDate, f64)> = pts.iter().map(|p| (p.on, p.value)).collect();
    // January: p1, p2. February: p1, p3 (p4 is not a member). March: nobody.
    assert_eq!(
        got,
        vec![(d(2026, 1, 31), 2.0), (d(2026, 2, 28), 2.0), (d(2026, 3, 31), 0.0)]
    );
    assert_eq!(pts[1].label, "February 2026");
    assert_eq!(total, Some(3.0), "p1, p2 and p3 once each");
}

#[test]
fn repertoire_follow_ups_and_inward_moves_are_counted_per_month() {
    let ws = base();
    let (from, to) = (d(2026, 1, 1), d(2026, 2, 28));
    let month_values = |m| {
        let (pts, total) = value::derived::derived_points(&ws.catalogues, c(&ws), m, from, to);
        (pts.iter().map(|p| p.value).collect::<Vec<_>>(), total)
    };
    // r1 in January; r2 (March) is after the period.
    assert_eq!(
        month_values(DerivedMeasure::RepertoireItemsAdded),
        (vec![1.0, 0.0], Some(1.0))
    );
    // Done on 1 and 20 February; the one done in March is outside, the open one never counts.
    assert_eq!(month_values(DerivedMeasure::FollowUpsDone), (vec![0.0, 2.0], Some(2.0)));
    // p3 peripheral → active is inward; p2 active → occasional is outward; joining is neither.
    assert_eq!(
        month_values(DerivedMeasure::MovesTowardsCore),
        (vec![0.0, 1.0], Some(1.0))
    );
}

#[test]
fn a_derived_indicator_series_uses_the_records_and_reports_its_figure() {
    let ws = with_indicators();
    let ind = c(&ws)
        .evaluation
        .indicators
        .iter()
        .find(|i| i.id == id("i-att"))
        .expect("derived")
        .clone();
    let s = series(&ws.catalogues, c(&ws), &ind, d(2026, 1, 1), d(2026, 3, 31));
    assert_eq!(s.points.len(), 2);
    assert_eq!(s.figure_text(&ind.unit), "3 people (average per meeting)");
}

// ----- operations keep the workspace valid -----

#[test]
fn every_operation_keeps_the_workspace_valid() {
    let mut ws = with_indicators();
    let c1 = id("c1");
    let obs = ObservationDraft {
        indicator_id: id("i-use"),
        on: "2026-02-01".into(),
        value: "72".into(),
        ..Default::default()
    };
    ws.add_observation(&c1, id("o1"), &obs, today(), t(3))
        .expect("observation");
    valid(&ws);
    let obs2 = ObservationDraft {
        value: "85.5".into(),
        on: "2026-03-01".into(),
        ..obs.clone()
    };
    ws.add_observation(&c1, id("o2"), &obs2, today(), t(3))
        .expect("observation");
    ws.update_observation(
        &c1,
        &id("o1"),
        &ObservationDraft {
            value: "74".into(),
            ..obs.clone()
        },
        today(),
        t(4),
    )
    .expect("update");
    valid(&ws);
    let text = ObservationDraft {
        indicator_id: id("i-change"),
        on: "2026-02-10".into(),
        text: "Ben used the grid".into(),
        ..Default::default()
    };
    ws.add_observation(&c1, id("o3"), &text, today(), t(4))
        .expect("qualitative");
    valid(&ws);

    let plan = PlanDraft {
        from: "2026-01-01".into(),
        to: "2026-12-31".into(),
        note: "First plan".into(),
        aspirations: vec![
            Aspiration {
                cycle_id: id("realized"),
                text: "Fewer incidents".into(),
                stakeholders: "ops".into(),
            },
            Aspiration {
                cycle_id: id("immediate"),
                text: "Good sessions".into(),
                stakeholders: "members".into(),
            },
            Aspiration {
                cycle_id: id("applied"),
                text: "  ".into(),
                stakeholders: String::new(),
            },
        ],
        collection: vec![Collection {
            indicator_id: id("i-use"),
            data_source: "Pulse survey".into(),
            collector_id: Some(id("p4")),
            schedule: "Monthly".into(),
        }],
    };
    ws.add_value_plan(&c1, id("plan1"), &plan, t(5)).expect("plan");
    valid(&ws);
    let p = &c(&ws).evaluation.plans[0];
    let cycles: Vec<&str> = p.aspirations.iter().map(|a| a.cycle_id.as_str()).collect();
    assert_eq!(
        cycles,
        ["immediate", "realized"],
        "blank aspirations dropped, the rest in cycle order"
    );
    ws.update_value_plan(
        &c1,
        &id("plan1"),
        &PlanDraft {
            note: "Revised".into(),
            ..plan.clone()
        },
        t(6),
    )
    .expect("update plan");
    valid(&ws);

    let mut s = story("Grid at the checkpoint", "applied", Consent::Organisation);
    s.set_step(&id("realized"), "Nine more days of access".into());
    s.set_step(&id("immediate"), "Heard about it at the circle".into());
    s.meeting_ids = vec![id("mt2"), id("mt2")];
    s.indicator_ids = vec![id("i-change")];
    s.repertoire_item_ids = vec![id("r1")];
    ws.add_story(&c1, id("s1"), &s, today(), t(7)).expect("story");
    valid(&ws);
    let stored = &c(&ws).evaluation.stories[0];
    let order: Vec<&str> = stored.steps.iter().map(|s| s.cycle_id.as_str()).collect();
    assert_eq!(order, ["immediate", "applied", "realized"]);
    assert_eq!(stored.start_cycle_id, id("applied"));
    assert_eq!(stored.meeting_ids, vec![id("mt2")], "duplicates dropped");
    let mut asp = StoryDraft::of(stored);
    asp.status = StoryStatus::Aspirational;
    asp.follow_up_on = "2026-06-01".into();
    ws.update_story(&c1, &id("s1"), &asp, today(), t(8))
        .expect("update story");
    valid(&ws);

    let refl = ReflectionDraft {
        on: "2026-03-30".into(),
        achieved: "A year of circles".into(),
        challenges: "Rotation".into(),
        decisions: "Renew".into(),
        stage_id: Some(id("maturing")),
    };
    ws.add_reflection(&c1, id("rf1"), &refl, today(), t(9))
        .expect("reflection");
    ws.add_reflection(
        &c1,
        id("rf0"),
        &ReflectionDraft {
            on: "2025-12-01".into(),
            ..refl.clone()
        },
        today(),
        t(9),
    )
    .expect("older reflection");
    valid(&ws);
    assert_eq!(c(&ws).evaluation.reflections[0].id, id("rf0"), "oldest first");
    assert_eq!(
        value::ops::latest_reflection(c(&ws)).map(|r| r.id.clone()),
        Some(id("rf1"))
    );
    ws.update_reflection(
        &c1,
        &id("rf1"),
        &ReflectionDraft {
            decisions: "Merge with the sister circle".into(),
            ..refl
        },
        today(),
        t(10),
    )
    .expect("update");
    valid(&ws);

    // CSV import.
    let csv = "indicator,date,value\nSessions rated useful,2026-03-15,90\n";
    ws.import_observations_csv(&c1, csv, "a.csv", today(), &mut counter("imp"), t(11))
        .expect("import");
    valid(&ws);

    // Deleting people, items and meetings leaves no dangling reference.
    ws.delete_person(&id("p4"), t(12)).expect("delete collector");
    valid(&ws);
    ws.remove_repertoire_item(&c1, &id("r1"), t(12)).expect("remove item");
    valid(&ws);

    // Deleting the indicator takes its observations, its collection and story links.
    assert_eq!(
        ws.value_indicator_usage(&c1, &id("i-change")),
        ["1 observation", "its link from 1 story"]
    );
    ws.delete_value_indicator(&c1, &id("i-change"), t(13))
        .expect("delete indicator");
    valid(&ws);
    assert!(c(&ws)
        .evaluation
        .observations
        .iter()
        .all(|o| o.indicator_id != id("i-change")));
    assert!(c(&ws).evaluation.stories[0].indicator_ids.is_empty());
    ws.delete_value_indicator(&c1, &id("i-use"), t(13))
        .expect("delete indicator");
    assert!(c(&ws).evaluation.plans[0].collection.is_empty());
    valid(&ws);

    ws.delete_observation(&c1, &id("o3"), t(14))
        .expect_err("already gone with its indicator");
    ws.delete_story(&c1, &id("s1"), t(14)).expect("delete story");
    ws.delete_reflection(&c1, &id("rf0"), t(14)).expect("delete reflection");
    ws.delete_value_plan(&c1, &id("plan1"), t(14)).expect("delete plan");
    valid(&ws);
}

fn counter(prefix: &'static str) -> impl FnMut() -> Id {
    let mut n = 0;
    move || {
        n += 1;
        Id::new(format!("{prefix}-{n}"))
    }
}

#[test]
fn the_teller_keeps_their_name_when_their_person_is_deleted() {
    let mut ws = with_indicators();
    ws.add_story(
        &id("c1"),
        id("s1"),
        &story("Mine", "immediate", Consent::Public),
        today(),
        t(3),
    )
    .expect("story");
    ws.delete_person(&id("p1"), t(4)).expect("delete");
    let s = &c(&ws).evaluation.stories[0];
    assert_eq!((s.teller_id.clone(), s.teller_name.as_str()), (None, "Ada"));
    valid(&ws);
}

// ----- form problems -----

#[test]
fn plans_need_an_ordered_period_that_does_not_overlap_another_plan() {
    let mut ws = with_indicators();
    let c1 = id("c1");
    let p = PlanDraft {
        from: "2026-06-01".into(),
        to: "2026-01-01".into(),
        ..Default::default()
    };
    assert_eq!(fields(ws.add_value_plan(&c1, id("plan-a"), &p, t(3))), ["to"]);
    assert_eq!(
        fields(ws.add_value_plan(&c1, id("plan-a"), &PlanDraft::default(), t(3))),
        ["from", "to"]
    );
    let good = PlanDraft {
        from: "2026-01-01".into(),
        to: "2026-06-30".into(),
        ..Default::default()
    };
    ws.add_value_plan(&c1, id("plan-a"), &good, t(3)).expect("plan");
    let overlapping = PlanDraft {
        from: "2026-06-30".into(),
        to: "2026-12-31".into(),
        ..Default::default()
    };
    let e = errors_of(ws.add_value_plan(&c1, id("plan-b"), &overlapping, t(3)));
    assert_eq!(
        e,
        [(
            "from".to_string(),
            "The period overlaps the plan for 2026-01-01 to 2026-06-30; plans cover separate periods".to_string()
        )]
    );
    // Changing the plan itself is no overlap.
    ws.update_value_plan(
        &c1,
        &id("plan-a"),
        &PlanDraft {
            to: "2026-07-31".into(),
            ..good.clone()
        },
        t(4),
    )
    .expect("own period");
    let twice = PlanDraft {
        aspirations: vec![
            Aspiration {
                cycle_id: id("applied"),
                text: "a".into(),
                stakeholders: String::new(),
            },
            Aspiration {
                cycle_id: id("applied"),
                text: "b".into(),
                stakeholders: String::new(),
            },
            Aspiration {
                cycle_id: id("realized"),
                text: String::new(),
                stakeholders: "sponsors".into(),
            },
        ],
        ..PlanDraft {
            from: "2027-01-01".into(),
            to: "2027-12-31".into(),
            ..Default::default()
        }
    };
    let msgs: Vec<String> = errors_of(ws.add_value_plan(&c1, id("plan-b"), &twice, t(3)))
        .into_iter()
        .map(|e| e.1)
        .collect();
    assert_eq!(
        msgs,
        [
            "Applied value has two aspirations",
            "Realized value: say what you aspire to, or clear its stakeholders"
        ]
    );
    valid(&ws);
}

#[test]
fn indicators_refuse_bad_targets_duplicate_names_and_changes_their_observations_forbid() {
    let mut ws = with_indicators();
    let c1 = id("c1");
    assert_eq!(
        fields(ws.add_value_indicator(
            &c1,
            id("x"),
            &quantitative("sessions RATED useful ", "immediate", ""),
            t(3)
        )),
        ["name"]
    );
    assert_eq!(
        fields(ws.add_value_indicator(&c1, id("x"), &quantitative("New", "immediate", "lots"), t(3))),
        ["target"]
    );
    assert_eq!(
        fields(ws.add_value_indicator(&c1, id("x"), &quantitative("New", "nowhere", ""), t(3))),
        ["cycle_id"]
    );
    let qual = IndicatorDraft {
        kind: IndicatorKind::Qualitative,
        derived: Some(DerivedMeasure::Attendance),
        ..quantitative("Q", "applied", "5")
    };
    assert_eq!(
        fields(ws.add_value_indicator(&c1, id("x"), &qual, t(3))),
        ["target", "derived"]
    );
    let obs = ObservationDraft {
        indicator_id: id("i-use"),
        on: "2026-02-01".into(),
        value: "72".into(),
        ..Default::default()
    };
    ws.add_observation(&c1, id("o1"), &obs, today(), t(3))
        .expect("observation");
    let as_derived = IndicatorDraft {
        derived: Some(DerivedMeasure::ActiveMembers),
        ..quantitative("Sessions rated useful", "immediate", "80")
    };
    assert_eq!(
        fields(ws.update_value_indicator(&c1, &id("i-use"), &as_derived, t(4))),
        ["derived"]
    );
    let as_text = IndicatorDraft {
        kind: IndicatorKind::Qualitative,
        target: String::new(),
        ..quantitative("Sessions rated useful", "immediate", "")
    };
    assert_eq!(
        fields(ws.update_value_indicator(&c1, &id("i-use"), &as_text, t(4))),
        ["kind"]
    );
    valid(&ws);
}

#[test]
fn observations_need_a_past_date_and_the_right_kind_of_value() {
    let mut ws = with_indicators();
    let c1 = id("c1");
    let base = ObservationDraft {
        indicator_id: id("i-use"),
        on: "2026-02-01".into(),
        value: "72".into(),
        ..Default::default()
    };
    let tomorrow = (today() + Duration::days(1)).to_string();
    assert_eq!(
        errors_of(ws.add_observation(
            &c1,
            id("o"),
            &ObservationDraft {
                on: tomorrow,
                ..base.clone()
            },
            today(),
            t(3)
        )),
        [("on".to_string(), "The date cannot be in the future".to_string())]
    );
    assert_eq!(
        fields(ws.add_observation(
            &c1,
            id("o"),
            &ObservationDraft {
                on: "01/02/2026".into(),
                ..base.clone()
            },
            today(),
            t(3)
        )),
        ["on"]
    );
    assert_eq!(
        fields(ws.add_observation(
            &c1,
            id("o"),
            &ObservationDraft {
                value: "seventy".into(),
                ..base.clone()
            },
            today(),
            t(3)
        )),
        ["value"]
    );
    assert_eq!(
        fields(ws.add_observation(
            &c1,
            id("o"),
            &ObservationDraft {
                value: "NaN".into(),
                ..base.clone()
            },
            today(),
            t(3)
        )),
        ["value"]
    );
    assert_eq!(
        fields(ws.add_observation(
            &c1,
            id("o"),
            &ObservationDraft {
                indicator_id: id("i-change"),
                value: String::new(),
                ..base.clone()
            },
            today(),
            t(3)
        )),
        ["text"]
    );
    // A derived indicator's values are computed, never entered.
    assert_eq!(
        fields(ws.add_observation(
            &c1,
            id("o"),
            &ObservationDraft {
                indicator_id: id("i-att"),
                ..base.clone()
            },
            today(),
            t(3)
        )),
        ["indicator_id"]
    );
    assert!(c(&ws).evaluation.observations.is_empty());
}

#[test]
fn stories_need_a_teller_a_first_step_and_a_follow_up_date_when_aspirational() {
    let mut ws = with_indicators();
    let c1 = id("c1");
    let mut s = StoryDraft::new(&id("applied"), d(2026, 3, 1));
    assert_eq!(
        fields(ws.add_story(&c1, id("s"), &s, today(), t(3))),
        ["title", "teller", "steps"]
    );
    s.title = "Untold".into();
    s.teller_name = "A guest".into();
    s.set_step(&id("immediate"), "Only the start".into());
    let e = errors_of(ws.add_story(&c1, id("s"), &s, today(), t(3)));
    assert_eq!(
        e,
        [(
            "steps".to_string(),
            "Tell the first step: the story starts in the cycle “Applied value”".to_string()
        )]
    );
    s.set_step(&id("applied"), "Used it".into());
    s.status = StoryStatus::Aspirational;
    assert_eq!(fields(ws.add_story(&c1, id("s"), &s, today(), t(3))), ["follow_up_on"]);
    s.follow_up_on = "2026-02-01".into();
    assert_eq!(
        fields(ws.add_story(&c1, id("s"), &s, today(), t(3))),
        ["follow_up_on"],
        "before the story was told"
    );
    s.follow_up_on = "2026-05-01".into();
    s.meeting_ids = vec![id("no-such-meeting")];
    assert_eq!(fields(ws.add_story(&c1, id("s"), &s, today(), t(3))), ["meeting_ids"]);
    s.meeting_ids = vec![id("mt1")];
    ws.add_story(&c1, id("s"), &s, today(), t(3)).expect("story");
    let stored = &c(&ws).evaluation.stories[0];
    assert_eq!(stored.teller_name, "A guest");
    assert_eq!(stored.follow_up_on, Some(d(2026, 5, 1)));
    valid(&ws);
}

#[test]
fn reflections_need_a_date_and_something_said() {
    let mut ws = base();
    let r = ReflectionDraft {
        on: "2026-03-01".into(),
        ..Default::default()
    };
    assert_eq!(
        fields(ws.add_reflection(&id("c1"), id("r"), &r, today(), t(3))),
        ["achieved"]
    );
    let r = ReflectionDraft {
        on: "2026-03-01".into(),
        challenges: "Time".into(),
        stage_id: Some(id("nope")),
        ..Default::default()
    };
    assert_eq!(
        fields(ws.add_reflection(&id("c1"), id("r"), &r, today(), t(3))),
        ["stage_id"]
    );
}

// ----- validation -----

#[test]
fn validation_refuses_an_observation_of_a_derived_indicator_and_a_dangling_story_link() {
    let mut ws = with_indicators();
    let cm = ws.communities.iter_mut().find(|c| c.id == id("c1")).expect("c1");
    cm.evaluation.observations.push(Observation {
        id: id("bad"),
        indicator_id: id("i-att"),
        on: d(2026, 1, 1),
        value: Number::new(3.0),
        text: String::new(),
        source: String::new(),
    });
    let mut s = Story {
        id: id("st"),
        title: "T".into(),
        teller_id: None,
        teller_name: "X".into(),
        told_on: d(2026, 1, 1),
        start_cycle_id: id("immediate"),
        steps: vec![],
        status: StoryStatus::Aspirational,
        follow_up_on: None,
        meeting_ids: vec![id("gone")],
        repertoire_item_ids: vec![],
        indicator_ids: vec![],
        verification: Verification::SelfReported,
        consent: Consent::Public,
        created_at: t(0),
        updated_at: t(0),
    };
    cm.evaluation.stories.push(s.clone());
    let paths: Vec<String> = validate_workspace(&ws).into_iter().map(|p| p.path).collect();
    assert!(
        paths.iter().any(|p| p.ends_with("observations[0].indicator_id")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("stories[0].follow_up_on")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("stories[0].meeting_ids[0]")),
        "{paths:?}"
    );
    s.id = id("st2");
    let _ = s;
}

// ----- CSV import -----

fn import(ws: &mut Workspace, text: &str) -> Result<ImportPreview, Vec<String>> {
    let before = c(ws).evaluation.clone();
    let r = ws.import_observations_csv(&id("c1"), text, "analytics.csv", today(), &mut counter("csv"), t(20));
    match r {
        Ok(p) => Ok(p),
        Err(ModelError::Invalid(e)) => {
            assert_eq!(c(ws).evaluation, before, "a refused import changes nothing");
            Err(e
                .into_iter()
                .map(|f| {
                    assert_eq!(f.field, "file");
                    f.message
                })
                .collect())
        }
        Err(other) => Err(vec![other.to_string()]),
    }
}

#[test]
fn csv_import_adds_every_row_and_names_the_file_as_source() {
    let mut ws = with_indicators();
    let csv = "Indicator,Date,Value,Note,Channel\r\nSessions rated useful,2026-01-31,70,,web\r\ni-use,2026-02-28T09:30:00Z,75.5,after the redesign,web\r\nPractice changes,2026-03-01,\"Ben used the grid, twice\",,mail\r\n";
    let p = import(&mut ws, csv).expect("imports");
    assert_eq!(p.rows.len(), 3);
    assert_eq!(p.ignored_columns, ["Channel"]);
    assert_eq!(
        p.per_indicator,
        [
            ("Sessions rated useful".to_string(), 2),
            ("Practice changes".to_string(), 1)
        ]
    );
    let obs = &c(&ws).evaluation.observations;
    assert_eq!(obs.len(), 3);
    assert_eq!(obs[1].value, Number::new(75.5));
    assert_eq!(obs[1].on, d(2026, 2, 28));
    assert_eq!(obs[1].text, "after the redesign");
    assert_eq!(obs[2].text, "Ben used the grid, twice");
    assert_eq!(obs[0].source, "imported from analytics.csv");
    valid(&ws);
    // The same file again: every row is already recorded, nothing is added twice.
    let again = ws.import_observations_csv(&id("c1"), csv, "analytics.csv", today(), &mut counter("again"), t(21));
    assert!(matches!(again, Err(ModelError::Refused(_))), "{again:?}");
    assert_eq!(c(&ws).evaluation.observations.len(), 3);
}

#[test]
fn csv_import_reads_a_byte_order_mark_semicolons_and_quoted_fields_with_line_breaks() {
    let mut ws = with_indicators();
    let csv = "\u{feff}indicator;date;value;note\n\"Sessions rated useful\";2026-01-31;70;\"line one\nline two; with \"\"quotes\"\"\"\nSessions rated useful;2026-02-28;x;\n";
    // The bad value is on line 4: the quoted note spans lines 2 and 3.
    assert_eq!(
        import(&mut ws, csv).expect_err("bad value"),
        ["Line 4: 'x' is not a number; 'Sessions rated useful' needs one (use a point for decimals)"]
    );
    let good = csv.replace(";x;", ";71;");
    import(&mut ws, &good).expect("imports");
    let obs = &c(&ws).evaluation.observations;
    assert_eq!(obs[0].text, "line one\nline two; with \"quotes\"");
    assert_eq!(obs.len(), 2);
}

#[test]
fn csv_import_reports_each_kind_of_bad_row_by_line_and_imports_nothing() {
    let mut ws = with_indicators();
    let csv = [
        "indicator,date,value",
        "Sessions rated useful,2026-01-31,70",
        "Unknown thing,2026-01-31,1",
        "Sessions rated useful,31/01/2026,70",
        "Sessions rated useful,2026-02-28,seventy",
        "Sessions rated useful,2026-02-27,",
        "Attendance at meetings,2026-02-01,12",
        "Sessions rated useful,2099-01-01,1",
        "Sessions rated useful,2026-01-31,71",
        "Practice changes,2026-02-01,",
        "Sessions rated useful,2026-03-01",
        ",2026-03-02,4",
    ]
    .join("\n");
    let problems = import(&mut ws, &csv).expect_err("refused");
    assert_eq!(
        problems,
        [
            "Line 3: no indicator called 'Unknown thing' in this community",
            "Line 4: '31/01/2026' is not a date (use YYYY-MM-DD)",
            "Line 5: 'seventy' is not a number; 'Sessions rated useful' needs one (use a point for decimals)",
            "Line 6: the value is empty; 'Sessions rated useful' needs a number",
            "Line 7: 'Attendance at meetings' is computed from the workspace; its values cannot be imported",
            "Line 8: the date 2099-01-01 is in the future",
            "Line 9: a second row for 'Sessions rated useful' on 2026-01-31 (the first is on line 2)",
            "Line 10: the value is empty; say what was observed for 'Practice changes'",
            "Line 11: has 2 fields; the header has 3",
            "Line 12: the indicator is empty",
        ]
    );
    assert!(c(&ws).evaluation.observations.is_empty());
}

#[test]
fn csv_import_refuses_bad_files_as_a_whole() {
    let mut ws = with_indicators();
    assert_eq!(import(&mut ws, "").expect_err("empty"), ["Line 1: the file is empty"]);
    assert_eq!(
        import(&mut ws, "\u{feff}\r\n  \n").expect_err("blank"),
        ["Line 1: the file is empty"]
    );
    assert_eq!(
        import(&mut ws, "indicator,date,value\n").expect_err("no rows"),
        ["Line 1: the file has a header but no rows"]
    );
    assert_eq!(
        import(&mut ws, "indicator,when,amount\nx,y,z\n").expect_err("missing"),
        ["Line 1: the header lacks the columns date, value (it needs indicator, date and value)"]
    );
    assert_eq!(
        import(
            &mut ws,
            "indicator,date,value,Date\nSessions rated useful,2026-01-01,1,x\n"
        )
        .expect_err("duplicate header"),
        ["Line 1: the column 'Date' appears twice (columns 2 and 4)"]
    );
    assert_eq!(
        import(&mut ws, "indicator,date,value\n\"Sessions rated useful,2026-01-01,1\n").expect_err("open quote"),
        ["Line 2: a quoted field is never closed (a \" is missing)"]
    );
    assert_eq!(
        import(&mut ws, "indicator,date,value\n\"Sessions\" rated,2026-01-01,1\n").expect_err("text after quote"),
        ["Line 2: unexpected text after a closing quote"]
    );
}

#[test]
fn csv_import_refuses_a_different_value_already_recorded_on_the_same_date() {
    let mut ws = with_indicators();
    let obs = ObservationDraft {
        indicator_id: id("i-use"),
        on: "2026-01-31".into(),
        value: "70".into(),
        ..Default::default()
    };
    ws.add_observation(&id("c1"), id("o1"), &obs, today(), t(3))
        .expect("observation");
    let problems = import(&mut ws, "indicator,date,value\nSessions rated useful,2026-01-31,72\n").expect_err("clash");
    assert_eq!(problems, ["Line 2: 'Sessions rated useful' already has a different observation on 2026-01-31 (70); delete it first or correct the row"]);
    let p = import(
        &mut ws,
        "indicator,date,value\nSessions rated useful,2026-01-31,70\nSessions rated useful,2026-02-28,73\n",
    )
    .expect("one new row");
    assert_eq!((p.rows.len(), p.already_recorded.clone()), (1, vec![2]));
}

#[test]
fn the_csv_reader_keeps_line_numbers_across_quoted_line_breaks() {
    let recs = parse_csv("a,b\r\n\"x\r\ny\",2\r\n\r\nlast,\"\"\r\n", ',').expect("parses");
    let got: Vec<(usize, Vec<&str>)> = recs
        .iter()
        .map(|r| (r.line, r.fields.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        got,
        vec![(1, vec!["a", "b"]), (2, vec!["x\ny", "2"]), (5, vec!["last", ""])]
    );
}

// ----- the matrix -----

fn with_evidence() -> Workspace {
    let mut ws = with_indicators();
    let c1 = id("c1");
    let obs = ObservationDraft {
        indicator_id: id("i-use"),
        on: "2026-02-01".into(),
        value: "82".into(),
        ..Default::default()
    };
    ws.add_observation(&c1, id("o1"), &obs, today(), t(3))
        .expect("observation");
    let plan = PlanDraft {
        from: "2026-01-01".into(),
        to: "2026-12-31".into(),
        aspirations: vec![Aspiration {
            cycle_id: id("strategic"),
            text: "Sponsors listen".into(),
            stakeholders: "CIO".into(),
        }],
        ..Default::default()
    };
    ws.add_value_plan(&c1, id("plan"), &plan, t(3)).expect("plan");
    let mut applied = story("Applied at work", "applied", Consent::Organisation);
    applied.meeting_ids = vec![id("mt2")];
    applied.indicator_ids = vec![id("i-use")];
    ws.add_story(&c1, id("s-applied"), &applied, today(), t(4))
        .expect("story");
    let mut private = story("Secret river crossing", "potential", Consent::Community);
    private.set_step(&id("realized"), "A ceasefire window; names withheld".into());
    private.teller_id = None;
    private.teller_name = "Confidential Teller".into();
    ws.add_story(&c1, id("s-private"), &private, today(), t(4))
        .expect("story");
    let public = story("Told in public", "immediate", Consent::Public);
    ws.add_story(&c1, id("s-public"), &public, today(), t(4))
        .expect("story");
    valid(&ws);
    ws
}

fn row<'a>(m: &'a Matrix, cycle: &str) -> &'a MatrixRow {
    m.rows.iter().find(|r| r.cycle_id == id(cycle)).expect("row")
}

#[test]
fn the_matrix_places_indicators_and_stories_by_cycle_and_shows_the_gaps() {
    let ws = with_evidence();
    let m = value_matrix(
        &ws.catalogues,
        c(&ws),
        d(2026, 1, 1),
        d(2026, 12, 31),
        Consent::Community,
    );
    assert_eq!(m.plan_id, Some(id("plan")));
    assert_eq!(m.rows.len(), 8);
    let applied = row(&m, "applied");
    assert_eq!(applied.stories.len(), 1);
    assert!(applied.stories[0].starts_here && !applied.stories[0].intended);
    assert_eq!(applied.indicators[0].name, "Practice changes");
    assert_eq!(
        applied.gaps,
        vec![Gap::IndicatorsWithoutData],
        "a story but no data for its indicator"
    );
    let immediate = row(&m, "immediate");
    let useful = immediate
        .indicators
        .iter()
        .find(|i| i.id == id("i-use"))
        .expect("useful");
    assert_eq!(
        (useful.figure.as_str(), useful.on_target, useful.cited_by),
        ("82 people (latest)", Some(true), 1)
    );
    // The private story is told in potential and realized: evidence inside the community.
    assert_eq!(row(&m, "realized").stories[0].title, "Secret river crossing");
    assert!(row(&m, "realized").gaps.is_empty());
    // Strategic is aspired to, with no indicator and no story.
    assert_eq!(
        row(&m, "strategic").gaps,
        vec![Gap::NoEvidence, Gap::AspirationWithoutIndicator]
    );
    assert_eq!(
        Gap::NoEvidence.message("Realized value"),
        "No evidence of realized value in this period"
    );
    // Orienting is neither core nor planned: no gap.
    assert!(row(&m, "orienting").gaps.is_empty());
    assert_eq!(m.withheld_stories, 0);
}

#[test]
fn for_a_wider_audience_the_matrix_withholds_private_stories_and_shows_the_gap() {
    let ws = with_evidence();
    let m = value_matrix(
        &ws.catalogues,
        c(&ws),
        d(2026, 1, 1),
        d(2026, 12, 31),
        Consent::Organisation,
    );
    assert_eq!(m.withheld_stories, 1);
    assert!(m
        .rows
        .iter()
        .all(|r| r.stories.iter().all(|s| s.title != "Secret river crossing")));
    assert_eq!(
        row(&m, "realized").gaps,
        vec![Gap::NoEvidence],
        "no evidence of realized value for this audience"
    );
    let public = value_matrix(&ws.catalogues, c(&ws), d(2026, 1, 1), d(2026, 12, 31), Consent::Public);
    assert_eq!(public.withheld_stories, 2);
}

#[test]
fn an_aspirational_story_marks_its_later_steps_as_intended_and_comes_due() {
    let mut ws = with_evidence();
    let mut s = story("Convoys", "immediate", Consent::Organisation);
    s.set_step(&id("applied"), "Intended: use the grid".into());
    s.status = StoryStatus::Aspirational;
    s.follow_up_on = "2026-03-20".into();
    ws.add_story(&id("c1"), id("s-asp"), &s, today(), t(5)).expect("story");
    let m = value_matrix(
        &ws.catalogues,
        c(&ws),
        d(2026, 1, 1),
        d(2026, 12, 31),
        Consent::Community,
    );
    let st = row(&m, "applied")
        .stories
        .iter()
        .find(|s| s.id == id("s-asp"))
        .expect("in applied");
    assert!(st.intended);
    assert!(
        !row(&m, "immediate")
            .stories
            .iter()
            .find(|s| s.id == id("s-asp"))
            .expect("in immediate")
            .intended
    );
    let due = stories_due(&ws, today(), 14);
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].title.as_str(), due[0].overdue, due[0].community_name.as_str()),
        ("Convoys", true, "Circle")
    );
    assert!(
        stories_due(&ws, d(2026, 3, 1), 14).is_empty(),
        "not yet due two weeks ahead of 1 March"
    );
    assert_eq!(stories_due(&ws, d(2026, 3, 10), 14).len(), 1, "due within two weeks");
}

#[test]
fn the_default_period_is_the_current_plan_else_the_latest_else_a_year() {
    let ws = with_evidence();
    assert_eq!(default_period(c(&ws), d(2026, 5, 1)), (d(2026, 1, 1), d(2026, 12, 31)));
    assert_eq!(default_period(c(&ws), d(2028, 5, 1)), (d(2026, 1, 1), d(2026, 12, 31)));
    let blank = base();
    assert_eq!(default_period(c(&blank), d(2026, 5, 1)), (d(2025, 5, 2), d(2026, 5, 1)));
}

// ----- the sponsor report and consent -----

fn report(ws: &Workspace, audience: Consent, story_ids: Option<Vec<Id>>) -> SponsorReport {
    let opts = ReportOptions {
        audience,
        from: d(2026, 1, 1),
        to: d(2026, 12, 31),
        story_ids,
        include_reflection: true,
    };
    build_report(ws, &ReportScope::Community(id("c1")), &opts, today())
}

const PRIVATE_TEXTS: [&str; 4] = [
    "Secret river crossing",
    "ceasefire window",
    "Confidential Teller",
    "The potential step of Secret",
];

#[test]
fn a_private_story_never_appears_in_a_report_marked_shareable_or_public() {
    let ws = with_evidence();
    for audience in [Consent::Organisation, Consent::Public] {
        // Even when the private story is chosen explicitly.
        let ids = Some(vec![id("s-private"), id("s-applied"), id("s-public")]);
        for r in [report(&ws, audience, None), report(&ws, audience, ids)] {
            let sec = &r.sections[0];
            assert!(sec.stories.iter().all(|s| s.consent.allows(audience)), "{audience:?}");
            assert!(sec.stories.iter().all(|s| s.id != id("s-private")));
            assert_eq!(sec.withheld_stories, if audience == Consent::Public { 2 } else { 1 });
            let debug = format!("{r:?}");
            let md = render_markdown(&r);
            let html = render_html(&r);
            for text in PRIVATE_TEXTS {
                assert!(!debug.contains(text), "{audience:?} report data holds {text}");
                assert!(!md.contains(text), "{audience:?} Markdown holds {text}");
                assert!(!html.contains(text), "{audience:?} HTML holds {text}");
            }
            assert!(md.contains("Told in public"));
            assert_eq!(md.contains("Applied at work"), audience == Consent::Organisation);
            assert!(
                html.contains("not shown: "),
                "says stories were withheld, without naming them"
            );
        }
    }
    // Inside the community the private story is there.
    let internal = report(&ws, Consent::Community, None);
    assert!(render_markdown(&internal).contains("Secret river crossing"));
    assert_eq!(internal.sections[0].withheld_stories, 0);
}

#[test]
fn the_report_holds_highlights_the_matrix_charts_selected_stories_gaps_and_next_steps() {
    let mut ws = with_evidence();
    let refl = ReflectionDraft {
        on: "2026-03-30".into(),
        achieved: "Steady circles".into(),
        challenges: "Rotation".into(),
        decisions: "Renew the core".into(),
        stage_id: None,
    };
    ws.add_reflection(&id("c1"), id("rf"), &refl, today(), t(9))
        .expect("reflection");
    let r = report(&ws, Consent::Organisation, Some(vec![id("s-public")]));
    let sec = &r.sections[0];
    assert_eq!(r.title, "Value created by Circle");
    assert_eq!(
        sec.stories.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
        ["Told in public"],
        "only the chosen story"
    );
    assert!(
        sec.matrix
            .rows
            .iter()
            .all(|row| row.stories.iter().all(|s| s.id == id("s-public"))),
        "the matrix cites only chosen stories"
    );
    assert!(
        sec.highlights
            .iter()
            .any(|h| h == "2 meetings recorded, with 6 attendances in all and 0 insights and resources harvested."),
        "{:?}",
        sec.highlights
    );
    assert!(
        sec.highlights
            .iter()
            .any(|h| h.starts_with("Sessions rated useful reached its target: 82 people (latest) against 80 people")),
        "{:?}",
        sec.highlights
    );
    assert!(
        sec.gaps
            .iter()
            .any(|g| g == "No evidence of realized value in this period"),
        "{:?}",
        sec.gaps
    );
    assert!(sec
        .next_steps
        .iter()
        .any(|n| n.starts_with("Collect evidence of realized value")));
    assert_eq!(sec.charts.len(), 3);
    assert_eq!(
        sec.reflection.as_ref().map(|r| r.decisions.as_str()),
        Some("Renew the core")
    );
    let md = render_markdown(&r);
    for part in [
        "# Value created by Circle",
        "## Highlights",
        "## Value-creation matrix",
        "## Indicators",
        "## Value-creation stories",
        "## Gaps",
        "## Next steps",
        "## Reflection of 2026-03-30",
    ] {
        assert!(md.contains(part), "Markdown lacks {part}");
    }
    assert!(md.contains("| Immediate value |"));
    let no_refl = build_report(
        &ws,
        &ReportScope::Community(id("c1")),
        &ReportOptions {
            include_reflection: false,
            ..ReportOptions {
                audience: Consent::Public,
                from: d(2026, 1, 1),
                to: d(2026, 12, 31),
                story_ids: None,
                include_reflection: true,
            }
        },
        today(),
    );
    assert!(no_refl.sections[0].reflection.is_none());
    assert_eq!(r.file_stem(), "value-report-circle-2026-03-31");
}

#[test]
fn the_html_report_is_self_contained_escapes_all_user_text_and_has_no_script() {
    let mut ws = with_evidence();
    let mut s = story(
        "<script>alert('x')</script> & \"friends\"",
        "immediate",
        Consent::Public,
    );
    s.set_step(
        &id("immediate"),
        "<img src=x onerror=alert(1)> line one\nline two".into(),
    );
    ws.add_story(&id("c1"), id("s-evil"), &s, today(), t(6)).expect("story");
    let r = report(&ws, Consent::Public, None);
    let html = render_html(&r);
    assert!(html.starts_with("<!doctype html>"));
    assert!(
        !html.to_lowercase().contains("<script"),
        "no script element, not even from user text"
    );
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"));
    assert!(html.contains("line one<br>line two"));
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert!(
        !html.contains("http://")
            || html.matches("http://").count() == html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "no external resources"
    );
    assert!(!html.contains("<link") && !html.contains("src=\""));
    assert!(
        html.contains("<svg") && html.contains("<title"),
        "charts are SVG with a title"
    );
    assert!(
        html.contains("<caption class=\"muted\">Values</caption>"),
        "each chart has a table of its values"
    );
    let md = render_markdown(&r);
    assert!(
        md.contains("\\<script\\>alert('x')\\</script\\> \\& \"friends\""),
        "{md}"
    );
}

#[test]
fn markdown_escaping_keeps_text_as_typed() {
    use cultivate::model::value::report::md_escape;
    assert_eq!(md_escape("# not a heading"), "\\# not a heading");
    assert_eq!(md_escape("- not a list"), "\\- not a list");
    assert_eq!(md_escape("1. not a list"), "1\\. not a list");
    assert_eq!(md_escape("a | b [link](x) *em*"), "a \\| b \\[link\\](x) \\*em\\*");
    assert_eq!(md_escape("plain, words: fine."), "plain, words: fine.");
}

#[test]
fn the_portfolio_report_covers_every_community_and_lists_those_without_records() {
    let ws = sample_workspace();
    let opts = ReportOptions {
        audience: Consent::Organisation,
        from: d(2025, 7, 1),
        to: d(2026, 6, 30),
        story_ids: None,
        include_reflection: true,
    };
    let r = build_report(&ws, &ReportScope::Portfolio, &opts, d(2026, 1, 12));
    assert!(r.portfolio);
    let names: Vec<&str> = r.sections.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"Frontline Negotiators' Circle"), "{names:?}");
    assert!(r.without_records.iter().any(|n| n == "Reliability Guild"));
    let md = render_markdown(&r);
    assert!(md.contains("## Portfolio overview"));
    assert!(
        !md.contains("river crossing contacts"),
        "the circle's private story stays out"
    );
    assert_eq!(r.file_stem(), "value-report-portfolio-2026-01-12");
}

// ----- the sample -----

#[test]
fn the_sample_has_a_full_evaluation_and_leaves_the_test_communities_blank() {
    let ws = sample_workspace();
    valid(&ws);
    for blank in ["c-reliability", "c-testing"] {
        assert_eq!(
            ws.community(&id(blank)).expect("community").evaluation,
            Evaluation::default(),
            "{blank}"
        );
    }
    let circle = &ws.community(&id("c-negotiators")).expect("circle").evaluation;
    assert_eq!(circle.plans.len(), 1);
    assert!(circle.indicators.iter().any(|i| i.derived.is_some()));
    assert!(circle.indicators.iter().any(|i| i.kind == IndicatorKind::Qualitative));
    assert!(!circle.observations.is_empty());
    for consent in Consent::ALL {
        assert!(
            circle.stories.iter().any(|s| s.consent == consent),
            "a story at {consent:?}"
        );
    }
    assert_eq!(circle.reflections.len(), 1);
    let due = stories_due(&ws, d(2026, 1, 12), 14);
    assert!(due
        .iter()
        .any(|s| s.title == "Convoy crossings with the shared grid" && s.overdue));
}
