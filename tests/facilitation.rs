#![cfg(not(target_arch = "wasm32"))]
//! The Facilitate area's model: agenda time arithmetic (across midnight, reordered, with an
//! overrun), the run-mode clock driven by a mocked wall clock, reloads, the record and its
//! follow-ups, the attendance → participation suggestion, the activity log and balance,
//! the exports (the `.ics` read back by the `icalendar` crate), the format library, and
//! validity after every operation.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use cultivate::model::catalogue::CatalogueKind;
use cultivate::model::facilitation::HarvestKind;
use cultivate::model::meetings::*;
use cultivate::model::sample::sample_workspace;
use cultivate::model::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_time(NaiveTime::from_hms_opt(h, min, 0).unwrap())
}

fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

#[track_caller]
fn valid(ws: &Workspace) {
    let problems = validate_workspace(ws);
    assert!(problems.is_empty(), "workspace invalid: {problems:?}");
}

/// A workspace with one community, three members (one peripheral) and an outsider.
fn base() -> (Workspace, Id) {
    let mut ws = Workspace::new(Id::new("ws"), "Test", t0());
    for (id, name) in [("p-a", "Ana"), ("p-b", "Ben"), ("p-c", "Cleo"), ("p-x", "Xavier")] {
        let draft = PersonDraft {
            name: name.into(),
            ..Default::default()
        };
        ws.add_person(Id::new(id), &draft, t0()).unwrap();
    }
    let c = Id::new("c1");
    let draft = CommunityDraft {
        name: "Guild".into(),
        ..CommunityDraft::new_in(&ws)
    };
    ws.add_community(c.clone(), &draft, t0()).unwrap();
    for (id, person, level) in [
        ("m-a", "p-a", "core_group"),
        ("m-b", "p-b", "active"),
        ("m-c", "p-c", "peripheral"),
    ] {
        let draft = MembershipDraft {
            person_id: Some(Id::new(person)),
            level_id: Id::new(level),
            role_ids: vec![],
            joined_on: d(2025, 1, 1),
        };
        ws.add_membership(&c, Id::new(id), &draft, t0()).unwrap();
    }
    valid(&ws);
    (ws, c)
}

fn meeting_draft(on: &str, time: &str, slot: u32) -> MeetingDraft {
    MeetingDraft {
        title: "Late clinic".into(),
        on: on.into(),
        start_time: time.into(),
        slot_minutes: slot.to_string(),
        ..MeetingDraft::new(d(2026, 3, 10))
    }
}

fn block(title: &str, minutes: u32) -> BlockDraft {
    BlockDraft {
        title: title.into(),
        minutes: minutes.to_string(),
        ..BlockDraft::new()
    }
}

/// A meeting at 23:00 on 10 March with blocks of 30, 45 and 20 minutes in a 60-minute slot.
fn late_meeting() -> (Workspace, Id, Id) {
    let (mut ws, c) = base();
    let m = Id::new("mt1");
    ws.add_meeting(&c, m.clone(), &meeting_draft("2026-03-10", "23:00", 60), t0())
        .unwrap();
    for (id, title, minutes) in [("b1", "Open", 30), ("b2", "Clinic", 45), ("b3", "Close", 20)] {
        ws.add_block(&c, &m, Id::new(id), &block(title, minutes), t0()).unwrap();
        valid(&ws);
    }
    (ws, c, m)
}

fn meeting<'a>(ws: &'a Workspace, c: &Id, m: &Id) -> &'a cultivate::model::facilitation::Meeting {
    ws.community(c)
        .unwrap()
        .facilitation
        .meetings
        .iter()
        .find(|x| &x.id == m)
        .unwrap()
}

fn times(ws: &Workspace, c: &Id, m: &Id) -> Vec<(String, NaiveDateTime, NaiveDateTime, bool)> {
    schedule(meeting(ws, c, m))
        .into_iter()
        .map(|t| (t.block_id.0, t.starts, t.ends, t.past_slot))
        .collect()
}

#[test]
fn block_times_run_across_midnight_and_flag_the_overrun_of_the_slot() {
    let (ws, c, m) = late_meeting();
    assert_eq!(
        times(&ws, &c, &m),
        [
            ("b1".to_string(), at(2026, 3, 10, 23, 0), at(2026, 3, 10, 23, 30), false),
            ("b2".to_string(), at(2026, 3, 10, 23, 30), at(2026, 3, 11, 0, 15), true),
            ("b3".to_string(), at(2026, 3, 11, 0, 15), at(2026, 3, 11, 0, 35), true),
        ]
    );
    let mt = meeting(&ws, &c, &m);
    assert_eq!(total_minutes(mt), 95);
    assert_eq!(slot_fit(mt), SlotFit::Over(35));
    assert_eq!(clock_label(mt, at(2026, 3, 11, 0, 15)), "00:15 (next day)");
    assert_eq!(clock_label(mt, at(2026, 3, 10, 23, 30)), "23:30");
    assert!(slot_fit(mt).label(mt).contains("35 min more than the 1 h slot"));
}

#[test]
fn reordering_blocks_recomputes_every_start_and_end() {
    let (mut ws, c, m) = late_meeting();
    // Close moves first, Open last: 20 + 45 + 30.
    ws.move_block(&c, &m, &Id::new("b3"), 0, t0()).unwrap();
    ws.move_block(&c, &m, &Id::new("b1"), 99, t0()).unwrap();
    valid(&ws);
    assert_eq!(
        times(&ws, &c, &m),
        [
            ("b3".to_string(), at(2026, 3, 10, 23, 0), at(2026, 3, 10, 23, 20), false),
            ("b2".to_string(), at(2026, 3, 10, 23, 20), at(2026, 3, 11, 0, 5), true),
            ("b1".to_string(), at(2026, 3, 11, 0, 5), at(2026, 3, 11, 0, 35), true),
        ]
    );
    // Shortened to fit the slot exactly, then with room to spare.
    ws.update_block(&c, &m, &Id::new("b2"), &block("Clinic", 10), t0())
        .unwrap();
    assert_eq!(slot_fit(meeting(&ws, &c, &m)), SlotFit::Exact);
    ws.remove_block(&c, &m, &Id::new("b1"), t0()).unwrap();
    assert_eq!(slot_fit(meeting(&ws, &c, &m)), SlotFit::Spare(30));
    assert!(times(&ws, &c, &m).iter().all(|t| !t.3));
    valid(&ws);
}

#[test]
fn forms_report_their_problems_inline() {
    let (mut ws, c) = base();
    let bad = MeetingDraft {
        title: " ".into(),
        on: "10/03/2026".into(),
        start_time: "25:00".into(),
        slot_minutes: "0".into(),
        location: "javascript:alert(1)".into(),
        ..MeetingDraft::new(d(2026, 3, 10))
    };
    let Err(ModelError::Invalid(errs)) = ws.add_meeting(&c, Id::new("mt"), &bad, t0()) else {
        panic!("refused")
    };
    let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["title", "on", "start_time", "slot_minutes", "location"]);
    ws.add_meeting(&c, Id::new("mt"), &meeting_draft("2026-03-10", "10:00", 60), t0())
        .unwrap();
    let Err(ModelError::Invalid(errs)) = ws.add_block(&c, &Id::new("mt"), Id::new("b"), &block("", 0), t0()) else {
        panic!("refused")
    };
    assert_eq!(errs.iter().map(|e| e.field).collect::<Vec<_>>(), ["title", "minutes"]);
    let f = FollowUpDraft {
        person_id: None,
        what: "".into(),
        due_on: "soon".into(),
    };
    assert_eq!(
        f.problems(&ws).iter().map(|e| e.field).collect::<Vec<_>>(),
        ["what", "due_on"]
    );
    valid(&ws);
}

#[test]
fn the_run_clock_follows_the_wall_clock_through_pauses_extensions_and_overruns() {
    let (mut ws, c, m) = late_meeting();
    let start = Utc.with_ymd_and_hms(2026, 3, 10, 23, 0, 0).unwrap();
    let s = |secs: i64| start + Duration::seconds(secs);
    ws.start_run(&c, &m, start).unwrap();
    valid(&ws);
    let clock = |ws: &Workspace, now| {
        let mt = meeting(ws, &c, &m);
        run_clock(mt, mt.run.as_ref().unwrap(), now)
    };
    // Five minutes in: 25 of the 30 minutes left; the meeting needs 25 + 45 + 20 more.
    let k = clock(&ws, s(300));
    assert_eq!((k.block_index, k.elapsed_seconds, k.remaining_seconds), (0, 300, 1500));
    assert_eq!(k.meeting_remaining_seconds, 1500 + 65 * 60);
    // Paused at 10 minutes: twenty minutes later the clock still says 10 minutes ran.
    assert!(ws.toggle_pause(&c, &m, s(600)).unwrap());
    assert_eq!(clock(&ws, s(1800)).elapsed_seconds, 600);
    assert!(clock(&ws, s(1800)).paused);
    // Resumed at 30 minutes: five minutes later, 15 minutes have run.
    assert!(!ws.toggle_pause(&c, &m, s(1800)).unwrap());
    assert_eq!(clock(&ws, s(2100)).elapsed_seconds, 900);
    // Extended by 5 minutes: 35 planned, 20 left.
    ws.extend_block(&c, &m, 5, s(2100)).unwrap();
    assert_eq!(clock(&ws, s(2100)).remaining_seconds, 20 * 60);
    assert!(
        matches!(ws.extend_block(&c, &m, 4 * 60, s(2100)), Err(ModelError::Refused(_))),
        "at most 4 h in all"
    );
    // A throttled tab that wakes up an hour later sees the overrun at once, no drift.
    let late = clock(&ws, s(2100 + 3600));
    assert_eq!(late.remaining_seconds, 20 * 60 - 3600);
    assert!(late.overrun());
    assert_eq!(countdown_label(late.remaining_seconds), "−40:00");
    assert_eq!(
        late.meeting_remaining_seconds,
        65 * 60,
        "an overrun block adds nothing left"
    );
    // A clock that goes backwards counts as no time.
    assert_eq!(clock(&ws, s(-50)).elapsed_seconds, 0);
    valid(&ws);
}

#[test]
fn run_mode_survives_a_reload_on_the_right_block_with_the_right_time_left() {
    let (mut ws, c, m) = late_meeting();
    let start = Utc.with_ymd_and_hms(2026, 3, 10, 23, 0, 0).unwrap();
    ws.start_run(&c, &m, start).unwrap();
    assert!(!ws.next_block(&c, &m, start + Duration::minutes(31)).unwrap());
    ws.extend_block(&c, &m, 10, start + Duration::minutes(40)).unwrap();
    // Saved, closed and opened again (as the autosave does).
    let json = serde_json::to_string(&ws).unwrap();
    let reloaded: Workspace = serde_json::from_str(&json).unwrap();
    valid(&reloaded);
    let now = start + Duration::minutes(50);
    let mt = meeting(&reloaded, &c, &m);
    let k = run_clock(mt, mt.run.as_ref().unwrap(), now);
    assert_eq!(k.block_index, 1);
    assert_eq!(mt.blocks[k.block_index].title, "Clinic");
    // Block 2 started at 23:31, 19 minutes ago; 45 + 10 planned.
    assert_eq!(k.remaining_seconds, (55 - 19) * 60);
}

#[test]
fn skipping_moves_on_and_the_last_skip_ends_run_mode() {
    let (mut ws, c, m) = late_meeting();
    let t = t0();
    ws.start_run(&c, &m, t).unwrap();
    ws.toggle_pause(&c, &m, t + Duration::minutes(1)).unwrap();
    ws.extend_block(&c, &m, 5, t + Duration::minutes(2)).unwrap();
    assert!(!ws.next_block(&c, &m, t + Duration::minutes(3)).unwrap());
    let run = meeting(&ws, &c, &m).run.clone().unwrap();
    assert_eq!(
        (run.block_index, run.extended_seconds, run.paused_seconds, run.paused_at),
        (1, 0, 0, None)
    );
    ws.previous_block(&c, &m, t + Duration::minutes(4)).unwrap();
    assert_eq!(meeting(&ws, &c, &m).run.as_ref().unwrap().block_index, 0);
    ws.next_block(&c, &m, t + Duration::minutes(5)).unwrap();
    ws.next_block(&c, &m, t + Duration::minutes(6)).unwrap();
    assert!(
        ws.next_block(&c, &m, t + Duration::minutes(7)).unwrap(),
        "the last skip ends the run"
    );
    assert!(meeting(&ws, &c, &m).run.is_none());
    assert!(matches!(ws.toggle_pause(&c, &m, t), Err(ModelError::Refused(_))));
    valid(&ws);
}

#[test]
fn reordering_or_removing_blocks_while_running_keeps_the_current_block() {
    let (mut ws, c, m) = late_meeting();
    let t = t0();
    ws.start_run(&c, &m, t).unwrap();
    ws.next_block(&c, &m, t).unwrap(); // on b2
    ws.move_block(&c, &m, &Id::new("b2"), 2, t).unwrap();
    let mt = meeting(&ws, &c, &m);
    assert_eq!(mt.blocks[mt.run.as_ref().unwrap().block_index as usize].id.0, "b2");
    ws.remove_block(&c, &m, &Id::new("b1"), t).unwrap();
    let mt = meeting(&ws, &c, &m);
    assert_eq!(mt.blocks[mt.run.as_ref().unwrap().block_index as usize].id.0, "b2");
    valid(&ws);
    // Removing the running block runs the one that took its place; removing all ends it.
    ws.remove_block(&c, &m, &Id::new("b2"), t).unwrap();
    valid(&ws);
    ws.remove_block(&c, &m, &Id::new("b3"), t).unwrap();
    assert!(meeting(&ws, &c, &m).run.is_none());
    assert!(ws.start_run(&c, &m, t).is_err(), "an empty agenda cannot run");
    valid(&ws);
}

#[test]
fn roles_checklist_and_record_keep_the_workspace_valid() {
    let (mut ws, c, m) = late_meeting();
    let t = t0();
    ws.set_meeting_role(&c, &m, &Id::new("p-a"), Some(&Id::new("value_detectives")), t)
        .unwrap();
    ws.set_meeting_role(&c, &m, &Id::new("p-a"), Some(&Id::new("critical_friends")), t)
        .unwrap();
    assert_eq!(meeting(&ws, &c, &m).roles.len(), 1, "one group per person per meeting");
    assert!(ws
        .set_meeting_role(&c, &m, &Id::new("p-a"), Some(&Id::new("nope")), t)
        .is_err());
    ws.set_checklist_item(&c, &m, &Id::new("invitation_sent"), true, t)
        .unwrap();
    ws.set_checklist_item(&c, &m, &Id::new("invitation_sent"), true, t)
        .unwrap();
    assert_eq!(meeting(&ws, &c, &m).checklist_done.len(), 1);
    valid(&ws);

    ws.set_attendance(&c, &m, &Id::new("p-a"), true, t).unwrap();
    ws.set_attendance(&c, &m, &Id::new("p-c"), true, t).unwrap();
    assert!(
        ws.set_attendance(&c, &m, &Id::new("p-x"), true, t).is_err(),
        "only members are ticked"
    );
    ws.add_guest(&c, &m, "Dana (guest speaker)", t).unwrap();
    assert!(ws.add_guest(&c, &m, "dana (guest speaker)", t).is_err());
    let h = HarvestDraft {
        kind: HarvestKind::Insight,
        text: "Scrub logs at the runner".into(),
        repertoire_item_id: None,
    };
    ws.add_harvest(&c, &m, Id::new("h1"), &h, t).unwrap();
    let bad = HarvestDraft {
        repertoire_item_id: Some(Id::new("missing")),
        ..h.clone()
    };
    assert!(ws.add_harvest(&c, &m, Id::new("h2"), &bad, t).is_err());
    let f = FollowUpDraft {
        person_id: Some(Id::new("p-c")),
        what: "Try the script".into(),
        due_on: "2026-03-20".into(),
    };
    ws.add_follow_up(&c, &m, Id::new("f1"), &f, t).unwrap();
    let f2 = FollowUpDraft {
        person_id: None,
        what: "Share the notes".into(),
        due_on: String::new(),
    };
    ws.add_follow_up(&c, &m, Id::new("f2"), &f2, t).unwrap();
    valid(&ws);

    // Open follow-ups: dated first; overdue after the due date; gone once done.
    let community = ws.community(&c).unwrap();
    let open = open_follow_ups(community, d(2026, 3, 25));
    assert_eq!(
        open.iter()
            .map(|o| (o.follow_up.id.0.as_str(), o.overdue))
            .collect::<Vec<_>>(),
        [("f1", true), ("f2", false)]
    );
    ws.set_follow_up_done(&c, &m, &Id::new("f1"), Some(d(2026, 3, 19)), t)
        .unwrap();
    assert_eq!(open_follow_ups(ws.community(&c).unwrap(), d(2026, 3, 25)).len(), 1);
    assert_eq!(status(meeting(&ws, &c, &m), d(2026, 3, 25)), MeetingStatus::Recorded);

    // The log holds the meeting and the follow-up done, latest first.
    let log = activity_log(&ws, ws.community(&c).unwrap(), d(2026, 3, 25));
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].kind, LogKind::FollowUpDone);
    assert!(log[0].title.contains("Cleo: Try the script"));
    assert!(log[1].detail.contains("3 participants"), "{}", log[1].detail);

    // Deleting a person unlinks them everywhere; the record stays valid.
    ws.delete_person(&Id::new("p-c"), t).unwrap();
    valid(&ws);
    ws.remove_harvest(&c, &m, &Id::new("h1"), t).unwrap();
    ws.remove_follow_up(&c, &m, &Id::new("f2"), t).unwrap();
    ws.remove_guest(&c, &m, 0, t).unwrap();
    ws.set_record_notes(&c, &m, "Short meeting.", t).unwrap();
    valid(&ws);
    ws.delete_meeting(&c, &m, t).unwrap();
    assert!(ws.community(&c).unwrap().facilitation.meetings.is_empty());
    assert!(matches!(ws.delete_meeting(&c, &m, t), Err(ModelError::NotFound(_))));
    valid(&ws);
}

#[test]
fn attendance_suggests_a_level_move_and_never_makes_it() {
    let (mut ws, c) = base();
    let t = t0();
    // Four recorded meetings in February; Cleo (peripheral) came to three, Ben (active) to none.
    for (i, day) in [3, 10, 17, 24].into_iter().enumerate() {
        let m = Id::new(format!("mt{i}"));
        ws.add_meeting(
            &c,
            m.clone(),
            &meeting_draft(&format!("2026-02-{day:02}"), "12:00", 60),
            t,
        )
        .unwrap();
        ws.set_attendance(&c, &m, &Id::new("p-a"), true, t).unwrap();
        if i < 3 {
            ws.set_attendance(&c, &m, &Id::new("p-c"), true, t).unwrap();
        }
    }
    valid(&ws);
    let s = participation_suggestions(&ws, ws.community(&c).unwrap(), d(2026, 3, 1));
    let shape: Vec<_> = s
        .iter()
        .map(|x| {
            (
                x.person_id.0.as_str(),
                x.from_level_id.0.as_str(),
                x.to_level_id.0.as_str(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [("p-b", "active", "occasional"), ("p-c", "peripheral", "active")]
    );
    assert_eq!(s[1].reason, "Attended 3 of the 4 recorded meetings since 2026-02-03");
    // Nothing changed by itself.
    let level = |ws: &Workspace, m: &str| {
        ws.community(&c)
            .unwrap()
            .memberships
            .iter()
            .find(|x| x.id.0 == m)
            .unwrap()
            .level_id
            .0
            .clone()
    };
    assert_eq!(level(&ws, "m-c"), "peripheral");
    // Confirmed: the move is recorded with the evidence, and not suggested again.
    ws.change_level(
        &c,
        &s[1].membership_id,
        &s[1].to_level_id,
        d(2026, 3, 1),
        &s[1].reason,
        t,
    )
    .unwrap();
    assert_eq!(level(&ws, "m-c"), "active");
    let again = participation_suggestions(&ws, ws.community(&c).unwrap(), d(2026, 3, 1));
    assert!(again.iter().all(|x| x.person_id.0 != "p-c"));
    // Too few meetings, or too long ago: no suggestion.
    assert!(participation_suggestions(&ws, ws.community(&c).unwrap(), d(2027, 3, 1)).is_empty());
    valid(&ws);
}

#[test]
fn the_balance_counts_activity_types_and_formats_in_the_period() {
    let (mut ws, c) = base();
    let t = t0();
    let m = Id::new("mt");
    let draft = MeetingDraft {
        activity_type_ids: vec![Id::new("problem_solving")],
        ..meeting_draft("2026-02-03", "12:00", 90)
    };
    ws.add_meeting(&c, m.clone(), &draft, t).unwrap();
    for (id, f) in [("b1", "case_clinic"), ("b2", "case_clinic")] {
        let b = BlockDraft::from_format(&ws, &Id::new(f)).unwrap();
        ws.add_block(&c, &m, Id::new(id), &b, t).unwrap();
    }
    ws.add_block(&c, &m, Id::new("b3"), &block("Break", 10), t).unwrap();
    // A second meeting names no activity type: its formats' types count.
    let m2 = Id::new("mt2");
    ws.add_meeting(&c, m2.clone(), &meeting_draft("2026-02-10", "12:00", 60), t)
        .unwrap();
    ws.add_block(
        &c,
        &m2,
        Id::new("b4"),
        &BlockDraft::from_format(&ws, &Id::new("site_visit")).unwrap(),
        t,
    )
    .unwrap();
    valid(&ws);
    let b = balance(&ws, ws.community(&c).unwrap(), d(2026, 2, 1), d(2026, 2, 28));
    assert_eq!(b.meetings, 2);
    let count = |id: &str| b.activity_types.iter().find(|r| r.id.0 == id).unwrap().count;
    assert_eq!(
        (
            count("problem_solving"),
            count("visits"),
            count("documentation_projects")
        ),
        (1, 1, 0)
    );
    assert_eq!(b.activity_types.len(), ws.catalogues.activity_types.len());
    let formats: Vec<_> = b
        .formats
        .iter()
        .map(|r| (r.label.as_str(), r.count, r.minutes))
        .collect();
    assert_eq!(
        formats,
        [
            ("Case clinic", 2, 120),
            ("Site visit", 1, 180),
            ("Other (no format)", 1, 10)
        ]
    );
    assert!(balance_advice(&b)[0].starts_with("No meeting in this period served"));
    assert_eq!(
        balance(&ws, ws.community(&c).unwrap(), d(2026, 3, 1), d(2026, 3, 31)).meetings,
        0
    );
}

#[test]
fn the_agenda_exports_as_markdown_and_as_an_ics_calendars_read() {
    use icalendar::{Calendar, CalendarComponent, Component, EventLike};
    let (mut ws, c, m) = late_meeting();
    let draft = MeetingDraft {
        title: "Late clinic; *night* shift, café".into(),
        purpose: "Line one\nLine two".into(),
        location: "Room 4, east wing".into(),
        activity_type_ids: vec![Id::new("problem_solving")],
        ..meeting_draft("2026-03-10", "23:00", 60)
    };
    ws.update_meeting(&c, &m, &draft, t0()).unwrap();
    ws.set_meeting_role(&c, &m, &Id::new("p-b"), Some(&Id::new("social_reporters")), t0())
        .unwrap();
    let community = ws.community(&c).unwrap();
    let mt = meeting(&ws, &c, &m);
    let md = agenda_markdown(&ws, community, mt);
    assert!(md.starts_with("# Late clinic; \\*night\\* shift, café\n"));
    assert!(md.contains("| 23:30–00:15 (next day) | Clinic |  | 45 |  |"), "{md}");
    assert!(md.contains("35 min more than the 1 h slot"));
    assert!(md.contains("- **Social reporters:** Ben"));
    assert!(md.contains("- [ ] "));

    let ics = agenda_ics(&ws, community, mt, t0());
    assert!(ics.lines().all(|l| l.len() <= 75), "folded");
    let cal: Calendar = ics.parse().expect("the icalendar crate parses the export");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.get_uid(), Some("mt1@cultivate"));
    assert_eq!(e.get_summary(), Some("Late clinic; *night* shift, café (Guild)"));
    assert_eq!(e.get_location(), Some("Room 4, east wing"));
    let desc = e.get_description().unwrap();
    assert!(
        desc.starts_with("Line one\nLine two\n\nAgenda:\n23:00–23:30 Open\n23:30–00:15 (next day) Clinic"),
        "{desc}"
    );
    assert!(ics.contains("DTSTART:20260310T230000\r\n"));
    assert!(ics.contains("DURATION:PT1H\r\n"));
}

#[test]
fn users_add_and_edit_their_own_formats() {
    let (mut ws, _) = base();
    let t = t0();
    let mut f = FormatDraft {
        label: "Walking pairs".into(),
        purpose: "Two members walk and talk about a question.".into(),
        steps: "1. Pair up\n2. Walk for 20 minutes\n3. Report back".into(),
        minutes: "30".into(),
        group_min: "2".into(),
        group_max: "1".into(),
        serves: vec![Id::new("growing_confidence")],
        ..FormatDraft::new()
    };
    let Err(ModelError::Invalid(errs)) = ws.add_format(&f, t) else {
        panic!("refused")
    };
    assert_eq!(errs[0].field, "group_max");
    f.group_max = "40".into();
    let id = ws.add_format(&f, t).unwrap();
    valid(&ws);
    let e = ws.catalogues.entry(CatalogueKind::MeetingFormats, &id).unwrap();
    assert_eq!(
        e.format.as_ref().unwrap().steps,
        ["Pair up", "Walk for 20 minutes", "Report back"]
    );
    assert_eq!(e.points_to, [Id::new("growing_confidence")]);
    f.minutes = "45".into();
    f.serves = vec![Id::new("visits"), Id::new("visits")];
    ws.update_format(&id, &f, t).unwrap();
    let back = FormatDraft::of(&ws, &id).unwrap();
    assert_eq!((back.minutes.as_str(), back.serves.len()), ("45", 1));
    valid(&ws);
}

#[test]
fn the_libraries_are_complete_and_sourced() {
    let cats = Catalogues::default();
    let ids: Vec<&str> = cats.meeting_formats.iter().map(|e| e.id.as_str()).collect();
    for wanted in [
        "case_clinic",
        "peer_assist",
        "after_action_review",
        "fishbowl",
        "world_cafe",
        "open_space",
        "show_and_tell",
        "trios",
        "site_visit",
        "documentation_sprint",
        "expert_qa",
        "models_of_practice",
        "book_club",
    ] {
        assert!(ids.contains(&wanted), "{wanted} missing");
    }
    for e in &cats.meeting_formats {
        let f = e.format.as_ref().unwrap();
        assert!(!e.description.is_empty() && !e.source.is_empty(), "{}", e.id);
        assert!(
            f.steps.len() >= 2 && !f.online_needs.is_empty() && !f.in_person_needs.is_empty(),
            "{}",
            e.id
        );
        assert!(
            !e.points_to.is_empty()
                && e.points_to
                    .iter()
                    .all(|t| cats.contains(CatalogueKind::ActivityTypes, t)),
            "{}",
            e.id
        );
    }
    assert_eq!(cats.activity_types.len(), 11);
    for phase in &cats.meeting_phases {
        assert!(
            cats.children(CatalogueKind::MeetingChecklist, &phase.id).count() >= 5,
            "{}",
            phase.id
        );
    }
    assert!(cats
        .meeting_checklist
        .iter()
        .all(|e| !e.description.is_empty() && !e.source.is_empty()));
}

#[test]
fn the_sample_has_designed_held_and_recorded_meetings_but_not_in_the_blank_communities() {
    let ws = sample_workspace();
    valid(&ws);
    let count = |id: &str| ws.community(&Id::new(id)).unwrap().facilitation.meetings.len();
    assert_eq!((count("c-reliability"), count("c-testing")), (0, 0));
    let with_meetings = ws
        .communities
        .iter()
        .filter(|c| !c.facilitation.meetings.is_empty())
        .count();
    assert!(with_meetings >= 3);
    let security = ws.community(&Id::new("c-security")).unwrap();
    let held = security
        .facilitation
        .meetings
        .iter()
        .find(|m| m.record.is_some())
        .unwrap();
    let rec = held.record.as_ref().unwrap();
    assert!(rec.attendee_ids.len() >= 5 && !rec.guests.is_empty());
    assert!(rec.harvest.iter().any(|h| h.repertoire_item_id.is_some()));
    assert!(rec.follow_ups.iter().any(|f| f.done_on.is_some()) && rec.follow_ups.iter().any(|f| f.done_on.is_none()));
    assert!(!open_follow_ups(security, d(2026, 1, 12)).is_empty());
    assert!(security
        .facilitation
        .meetings
        .iter()
        .any(|m| m.record.is_none() && !m.blocks.is_empty()));
}

#[test]
fn deleting_a_format_in_use_is_refused_with_the_meeting_named() {
    let (mut ws, c, m) = late_meeting();
    let b = BlockDraft::from_format(&ws, &Id::new("fishbowl")).unwrap();
    ws.add_block(&c, &m, Id::new("b9"), &b, t0()).unwrap();
    let Err(ModelError::Refused(msg)) =
        ws.delete_catalogue_entry(CatalogueKind::MeetingFormats, &Id::new("fishbowl"), t0())
    else {
        panic!("refused")
    };
    assert!(msg.contains("meeting 'Late clinic'"), "{msg}");
    ws.remove_block(&c, &m, &Id::new("b9"), t0()).unwrap();
    ws.delete_catalogue_entry(CatalogueKind::MeetingFormats, &Id::new("fishbowl"), t0())
        .unwrap();
    valid(&ws);
}
