#![cfg(not(target_arch = "wasm32"))]
//! Indicators of success and the portfolio dashboard, proved on hand-made workspaces: each
//! computed indicator and its fallback to hand-entered values, the hand-entry operations, the
//! last activity date, the portfolio rows, sorting, filtering and the chart counts. After every
//! sequence of operations the workspace must still validate clean.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use cultivate::model::cultivation::{AgendaTopic, Feel, Mode, PlannedActivity, Repeat, StageChange};
use cultivate::model::organisation::{AreaScore, HealthCheck, StepStatus};
use cultivate::model::portfolio::*;
use cultivate::model::roles::PlanState;
use cultivate::model::*;
use cultivate::storage::format::{decode_document, encode_workspace, Document};

// ----- helpers -----

fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// The day the tests look from.
fn today() -> NaiveDate {
    d(2026, 3, 1)
}

fn id(s: &str) -> Id {
    Id::new(s)
}

fn ids(v: &[&str]) -> Vec<Id> {
    v.iter().map(|s| id(s)).collect()
}

fn assert_sound(ws: &Workspace) {
    assert_eq!(
        validate_workspace(ws),
        Vec::<Problem>::new(),
        "workspace must validate clean"
    );
}

fn invalid<T: std::fmt::Debug>(r: ModelResult<T>) -> Vec<FieldError> {
    match r {
        Err(ModelError::Invalid(errs)) => errs,
        other => panic!("expected ModelError::Invalid, got {other:?}"),
    }
}

/// Two organisations, five people, and three communities with no members yet:
/// `c-alpha` (maturing, Acme), `c-beta` (coalescing, Acme and Bolt), `c-gamma` (potential, Bolt).
fn workspace() -> Workspace {
    let mut ws = Workspace::new(id("ws"), "Portfolio test", t(0));
    for (oid, name) in [("o-acme", "Acme"), ("o-bolt", "Bolt")] {
        let draft = OrganisationDraft {
            name: name.into(),
            description: String::new(),
        };
        ws.add_organisation(id(oid), &draft, t(0)).expect("organisation");
    }
    for (pid, name) in [
        ("p-ada", "Ada"),
        ("p-ben", "Ben"),
        ("p-cleo", "Cleo"),
        ("p-dev", "Dev"),
        ("p-eve", "Eve"),
    ] {
        let draft = PersonDraft {
            name: name.into(),
            ..Default::default()
        };
        ws.add_person(id(pid), &draft, t(0)).expect("person");
    }
    for (cid, name, stage, orgs) in [
        ("c-alpha", "Alpha guild", "maturing", &["o-acme"][..]),
        ("c-beta", "Beta circle", "coalescing", &["o-acme", "o-bolt"][..]),
        ("c-gamma", "Gamma network", "potential", &["o-bolt"][..]),
    ] {
        let draft = CommunityDraft {
            name: name.into(),
            formation_type_id: id("community_of_practice"),
            lifecycle_stage_id: id(stage),
            organisation_ids: ids(orgs),
            domain_statement: String::new(),
        };
        ws.add_community(id(cid), &draft, t(0)).expect("community");
    }
    ws
}

fn join(ws: &mut Workspace, community: &str, mid: &str, person: &str, level: &str, roles: &[&str], on: NaiveDate) {
    let draft = MembershipDraft {
        person_id: Some(id(person)),
        level_id: id(level),
        role_ids: ids(roles),
        joined_on: on,
    };
    ws.add_membership(&id(community), id(mid), &draft, t(1))
        .expect("membership");
}

fn community<'a>(ws: &'a Workspace, cid: &str) -> &'a Community {
    ws.community(&id(cid)).expect("community")
}

fn reading(ws: &Workspace, cid: &str, indicator: &str) -> IndicatorReading {
    indicator_value(ws, community(ws, cid), &id(indicator), today())
}

fn manual(ws: &mut Workspace, cid: &str, vid: &str, indicator: &str, on: NaiveDate, value: &str, source: &str) {
    let draft = IndicatorDraft {
        indicator_id: id(indicator),
        on,
        value: value.into(),
        source: source.into(),
    };
    ws.add_indicator_value(&id(cid), id(vid), &draft, t(5))
        .expect("indicator value");
}

fn activity(aid: &str, title: &str, starts_on: NaiveDate, repeat: Repeat, until: Option<NaiveDate>) -> PlannedActivity {
    PlannedActivity {
        id: id(aid),
        title: title.into(),
        activity_type_id: None,
        starts_on,
        start_time: NaiveTime::from_hms_opt(14, 0, 0).expect("time"),
        duration_minutes: 60,
        repeat,
        until,
        feel: Feel::Familiar,
        mode: Mode::Synchronous,
        location: String::new(),
        notes: String::new(),
    }
}

fn health(ws: &mut Workspace, cid: &str, hid: &str, on: NaiveDate, scores: &[u8]) {
    let factors: Vec<Id> = ws.catalogues.success_factors.iter().map(|e| e.id.clone()).collect();
    let c = ws.communities.iter_mut().find(|c| c.id == id(cid)).expect("community");
    c.stewardship.health_checks.push(HealthCheck {
        id: id(hid),
        on,
        scores: scores
            .iter()
            .zip(factors)
            .map(|(s, f)| AreaScore { area_id: f, score: *s })
            .collect(),
        risks: Vec::new(),
        note: String::new(),
    });
}

/// `c-alpha` with six members over four levels, two moves in the last year and a full roster.
fn populated() -> Workspace {
    let mut ws = workspace();
    join(
        &mut ws,
        "c-alpha",
        "m-a1",
        "p-ada",
        "core_group",
        &["community_leader"],
        d(2024, 1, 10),
    );
    join(
        &mut ws,
        "c-alpha",
        "m-a2",
        "p-ben",
        "core_group",
        &["core_group_member"],
        d(2024, 1, 10),
    );
    join(
        &mut ws,
        "c-alpha",
        "m-a3",
        "p-cleo",
        "active",
        &["welcome_wagon"],
        d(2024, 5, 1),
    );
    join(&mut ws, "c-alpha", "m-a4", "p-dev", "peripheral", &[], d(2025, 1, 2));
    join(
        &mut ws,
        "c-alpha",
        "m-a5",
        "p-eve",
        "transactional",
        &["sponsor"],
        d(2024, 1, 10),
    );
    ws.change_level(&id("c-alpha"), &id("m-a4"), &id("occasional"), d(2025, 9, 1), "", t(2))
        .expect("move");
    ws
}

// ----- computed indicators -----

#[test]
fn leadership_depth_needs_two_leaders_and_a_core_group() {
    let mut ws = populated();
    let r = reading(&ws, "c-alpha", "leadership_depth");
    assert_eq!(r.value, "2 members in leading roles; core group of 2");
    assert_eq!(r.status, IndicatorStatus::Met);
    assert_eq!(r.source_text(), "computed from 5 memberships");
    ws.set_roles(&id("c-alpha"), &id("m-a2"), &[], t(3)).expect("roles");
    let r = reading(&ws, "c-alpha", "leadership_depth");
    assert_eq!(r.value, "1 member in leading roles; core group of 2");
    assert_eq!(r.status, IndicatorStatus::NotMet);
    // Without members there is nothing to compute from.
    assert_eq!(
        reading(&ws, "c-gamma", "leadership_depth").status,
        IndicatorStatus::Missing
    );
    assert_eq!(
        reading(&ws, "c-gamma", "leadership_depth").source_text(),
        "not computed yet (no members yet); enter a value by hand until then"
    );
}

#[test]
fn participation_spread_counts_levels_used_and_moves_in_the_last_year() {
    let mut ws = populated();
    let r = reading(&ws, "c-alpha", "participation_spread");
    assert_eq!(
        r.value,
        "Members at 4 of 5 levels; 1 move between levels in the last 12 months"
    );
    assert_eq!(r.status, IndicatorStatus::Met);
    assert_eq!(r.source_text(), "computed from 5 memberships");
    // Joining is not a move; a move more than a year ago does not count.
    join(&mut ws, "c-beta", "m-b1", "p-ada", "core_group", &[], d(2024, 1, 1));
    join(&mut ws, "c-beta", "m-b2", "p-ben", "active", &[], d(2024, 1, 1));
    join(&mut ws, "c-beta", "m-b3", "p-cleo", "peripheral", &[], d(2024, 1, 1));
    ws.change_level(&id("c-beta"), &id("m-b3"), &id("occasional"), d(2025, 2, 28), "", t(3))
        .expect("move");
    let r = reading(&ws, "c-beta", "participation_spread");
    assert_eq!(
        r.value,
        "Members at 3 of 5 levels; 0 moves between levels in the last 12 months"
    );
    assert_eq!(r.status, IndicatorStatus::NotMet);
    ws.change_level(&id("c-beta"), &id("m-b3"), &id("active"), d(2025, 3, 2), "", t(4))
        .expect("move");
    // Now two levels only, with one move: still not a spread.
    let r = reading(&ws, "c-beta", "participation_spread");
    assert_eq!(
        r.value,
        "Members at 2 of 5 levels; 1 move between levels in the last 12 months"
    );
    assert_eq!(r.status, IndicatorStatus::NotMet);
    assert_sound(&ws);
}

#[test]
fn rhythm_sustained_counts_occurrences_in_the_coming_quarter() {
    let mut ws = populated();
    assert_eq!(
        reading(&ws, "c-alpha", "rhythm_sustained").status,
        IndicatorStatus::Missing
    );
    assert_eq!(
        reading(&ws, "c-alpha", "rhythm_sustained").source,
        ReadingSource::Missing {
            lacking: Some("no activities in the rhythm planner")
        }
    );
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-alpha")).expect("c");
    // Monthly on the 10th from January: 10 March, 10 April, 10 May in the next 90 days.
    c.cultivation
        .activities
        .push(activity("act-1", "Clinic", d(2026, 1, 10), Repeat::MonthlyByDate, None));
    assert_sound(&ws);
    let r = reading(&ws, "c-alpha", "rhythm_sustained");
    assert_eq!(r.value, "3 occurrences in the next 3 months; next on 10 March 2026");
    assert_eq!(r.status, IndicatorStatus::Met);
    assert_eq!(
        r.source_text(),
        "computed from 1 planned activity in the rhythm planner"
    );
    // It ends in April: two left, not a sustained rhythm.
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-alpha")).expect("c");
    c.cultivation.activities[0].until = Some(d(2026, 4, 30));
    let r = reading(&ws, "c-alpha", "rhythm_sustained");
    assert_eq!(r.value, "2 occurrences in the next 3 months; next on 10 March 2026");
    assert_eq!(r.status, IndicatorStatus::NotMet);
    // Everything in the past: computed as none, not missing.
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-alpha")).expect("c");
    c.cultivation.activities[0].until = Some(d(2026, 2, 28));
    let r = reading(&ws, "c-alpha", "rhythm_sustained");
    assert_eq!(r.value, "0 occurrences in the next 3 months");
    assert_eq!(r.status, IndicatorStatus::NotMet);
    assert_sound(&ws);
}

#[test]
fn learning_agenda_active_counts_topics_with_an_owner() {
    let mut ws = populated();
    assert_eq!(
        reading(&ws, "c-alpha", "learning_agenda_active").status,
        IndicatorStatus::Missing
    );
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-alpha")).expect("c");
    for (tid, owner) in [("t-1", None), ("t-2", None)] {
        c.cultivation.forming.agenda.push(AgendaTopic {
            id: id(tid),
            topic: format!("Topic {tid}"),
            owner_id: owner,
            activities: String::new(),
            outputs: String::new(),
        });
    }
    let r = reading(&ws, "c-alpha", "learning_agenda_active");
    assert_eq!(r.value, "0 of 2 topics with an owner");
    assert_eq!(r.status, IndicatorStatus::NotMet);
    assert_eq!(r.source_text(), "computed from 2 topics on the learning agenda");
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-alpha")).expect("c");
    c.cultivation.forming.agenda[1].owner_id = Some(id("p-ben"));
    let r = reading(&ws, "c-alpha", "learning_agenda_active");
    assert_eq!(r.value, "1 of 2 topics with an owner");
    assert_eq!(r.status, IndicatorStatus::Met);
    assert_sound(&ws);
}

#[test]
fn repertoire_growing_counts_items_added_in_the_last_year() {
    let mut ws = populated();
    assert_eq!(
        reading(&ws, "c-alpha", "repertoire_growing").status,
        IndicatorStatus::Missing
    );
    let item = |title: &str| RepertoireDraft {
        title: title.into(),
        kind_id: id("tool"),
        description: String::new(),
        link: String::new(),
    };
    ws.add_repertoire_item(&id("c-alpha"), id("r-1"), &item("Old"), d(2025, 2, 28), t(3))
        .expect("item");
    let r = reading(&ws, "c-alpha", "repertoire_growing");
    assert_eq!(r.value, "0 items added in the last 12 months (1 in all)");
    assert_eq!(r.status, IndicatorStatus::NotMet);
    assert_eq!(r.source_text(), "computed from 1 item in the repertoire");
    ws.add_repertoire_item(&id("c-alpha"), id("r-2"), &item("New"), d(2025, 3, 2), t(3))
        .expect("item");
    let r = reading(&ws, "c-alpha", "repertoire_growing");
    assert_eq!(r.value, "1 item added in the last 12 months (2 in all)");
    assert_eq!(r.status, IndicatorStatus::Met);
    assert_sound(&ws);
}

#[test]
fn leaders_trained_needs_every_leader_to_have_done_a_step() {
    let mut ws = populated();
    let r = reading(&ws, "c-alpha", "leaders_trained");
    assert_eq!(r.value, "0 of 2 leaders have done a capacity-building step");
    assert_eq!(r.status, IndicatorStatus::NotMet);
    assert_eq!(r.source_text(), "computed from the plans of 2 leaders (0 with a plan)");
    ws.add_leader_plan(&id("p-ada"), t(3)).expect("plan");
    ws.set_capacity_step(
        &id("p-ada"),
        &id("orientation"),
        Some(StepStatus::Done),
        Some(d(2026, 2, 1)),
        t(3),
    )
    .expect("step");
    ws.add_leader_plan(&id("p-ben"), t(3)).expect("plan");
    ws.set_capacity_step(
        &id("p-ben"),
        &id("orientation"),
        Some(StepStatus::Planned),
        Some(d(2026, 4, 1)),
        t(3),
    )
    .expect("step");
    let r = reading(&ws, "c-alpha", "leaders_trained");
    assert_eq!(r.value, "1 of 2 leaders have done a capacity-building step");
    assert_eq!(r.source_text(), "computed from the plans of 2 leaders (2 with a plan)");
    assert_eq!(r.status, IndicatorStatus::NotMet);
    ws.set_capacity_step(
        &id("p-ben"),
        &id("orientation"),
        Some(StepStatus::Done),
        Some(d(2026, 2, 27)),
        t(4),
    )
    .expect("step");
    assert_eq!(reading(&ws, "c-alpha", "leaders_trained").status, IndicatorStatus::Met);
    assert_sound(&ws);
}

// ----- values entered by hand -----

#[test]
fn a_hand_entered_value_is_shown_with_its_date_and_source_the_latest_winning() {
    let mut ws = populated();
    assert_eq!(
        reading(&ws, "c-alpha", "sponsor_engagement").status,
        IndicatorStatus::Missing
    );
    assert_eq!(
        reading(&ws, "c-alpha", "sponsor_engagement").source_text(),
        "no value yet: enter one by hand"
    );
    manual(
        &mut ws,
        "c-alpha",
        "v-1",
        "sponsor_engagement",
        d(2026, 2, 10),
        "Attends quarterly",
        "Sponsor's review",
    );
    manual(
        &mut ws,
        "c-alpha",
        "v-2",
        "sponsor_engagement",
        d(2025, 12, 1),
        "Absent",
        "",
    );
    let r = reading(&ws, "c-alpha", "sponsor_engagement");
    assert_eq!(r.value, "Attends quarterly");
    assert_eq!(r.status, IndicatorStatus::Recorded);
    assert_eq!(r.source_text(), "entered by hand on 10 February 2026: Sponsor's review");
    // Same day: the one entered last wins.
    manual(
        &mut ws,
        "c-alpha",
        "v-3",
        "sponsor_engagement",
        d(2026, 2, 10),
        "Gave budget",
        "",
    );
    let r = reading(&ws, "c-alpha", "sponsor_engagement");
    assert_eq!(r.value, "Gave budget");
    assert_eq!(r.source_text(), "entered by hand on 10 February 2026");
    assert_eq!(
        r.source,
        ReadingSource::Manual {
            value_id: id("v-3"),
            on: d(2026, 2, 10),
            source: String::new()
        }
    );
    ws.delete_indicator_value(&id("c-alpha"), &id("v-3"), t(6))
        .expect("delete");
    assert_eq!(reading(&ws, "c-alpha", "sponsor_engagement").value, "Attends quarterly");
    assert!(matches!(
        ws.delete_indicator_value(&id("c-alpha"), &id("v-3"), t(6)),
        Err(ModelError::NotFound(_))
    ));
    assert_sound(&ws);
}

#[test]
fn a_computed_indicator_falls_back_to_a_hand_value_only_while_it_cannot_be_computed() {
    let mut ws = populated();
    manual(
        &mut ws,
        "c-alpha",
        "v-1",
        "rhythm_sustained",
        d(2026, 1, 5),
        "Weekly stand-ups in Teams",
        "Leader",
    );
    let r = reading(&ws, "c-alpha", "rhythm_sustained");
    assert_eq!(r.value, "Weekly stand-ups in Teams");
    assert_eq!(r.status, IndicatorStatus::Recorded);
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-alpha")).expect("c");
    c.cultivation
        .activities
        .push(activity("act-1", "Stand-up", d(2026, 1, 5), Repeat::Weekly, None));
    let r = reading(&ws, "c-alpha", "rhythm_sustained");
    assert!(matches!(r.source, ReadingSource::Computed(_)), "{r:?}");
    assert_eq!(r.status, IndicatorStatus::Met);
    assert_sound(&ws);
}

#[test]
fn hand_entry_is_validated_field_by_field() {
    let mut ws = populated();
    let draft = IndicatorDraft {
        indicator_id: id("nonsense"),
        on: d(2026, 3, 3),
        value: "   ".into(),
        source: "s".repeat(1_001),
    };
    let errs = invalid(ws.add_indicator_value(&id("c-alpha"), id("v-1"), &draft, t(1)));
    assert_eq!(
        errs.iter().map(|e| e.field).collect::<Vec<_>>(),
        ["indicator_id", "on", "value", "source"]
    );
    assert_eq!(
        field_error(&errs, "on").as_deref(),
        Some("The date cannot be in the future")
    );
    assert_eq!(field_error(&errs, "value").as_deref(), Some("Enter the value"));
    // The form checks against the user's today.
    let ok = IndicatorDraft {
        indicator_id: id("outside_requests"),
        on: d(2026, 3, 1),
        value: " 3 requests ".into(),
        source: "".into(),
    };
    assert_eq!(ok.problems(&ws, today()), vec![]);
    assert_eq!(
        IndicatorDraft {
            on: d(2026, 3, 2),
            ..ok.clone()
        }
        .problems(&ws, today()),
        vec![FieldError::new("on", "The date cannot be in the future")]
    );
    // Ids are unique across the workspace.
    assert!(matches!(
        ws.add_indicator_value(&id("c-alpha"), id("m-a1"), &ok, t(1)),
        Err(ModelError::Refused(_))
    ));
    assert!(matches!(
        ws.add_indicator_value(&id("c-nowhere"), id("v-1"), &ok, t(1)),
        Err(ModelError::NotFound(_))
    ));
    ws.add_indicator_value(&id("c-alpha"), id("v-1"), &ok, t(1))
        .expect("ok");
    assert_eq!(
        community(&ws, "c-alpha").stewardship.indicator_values[0].value,
        "3 requests"
    );
    assert_eq!(community(&ws, "c-alpha").updated_at, t(1));
    assert_sound(&ws);
    // A value survives an export and import.
    let text = encode_workspace(&ws, t(2), 1, false);
    let Ok(Document::Workspace(env)) = decode_document(&text) else {
        panic!("expected a workspace document");
    };
    assert_eq!(
        indicator_value(
            &env.data,
            community(&env.data, "c-alpha"),
            &id("outside_requests"),
            today()
        )
        .value,
        "3 requests"
    );
}

#[test]
fn readings_cover_the_catalogue_in_order() {
    let ws = populated();
    let r = readings(&ws, community(&ws, "c-alpha"), today());
    assert_eq!(
        r.iter().map(|r| r.indicator_id.as_str()).collect::<Vec<_>>(),
        [
            "leadership_depth",
            "participation_spread",
            "rhythm_sustained",
            "learning_agenda_active",
            "repertoire_growing",
            "leaders_trained",
            "sponsor_engagement",
            "outside_requests"
        ]
    );
    assert!(is_computed(&id("leaders_trained")));
    assert!(!is_computed(&id("sponsor_engagement")));
}

// ----- last activity -----

#[test]
fn the_last_activity_is_the_latest_dated_record_up_to_today() {
    let mut ws = workspace();
    assert_eq!(last_activity(community(&ws, "c-gamma"), today()), None);
    join(&mut ws, "c-gamma", "m-g1", "p-ada", "active", &[], d(2025, 6, 1));
    let last = |ws: &Workspace| last_activity(community(ws, "c-gamma"), today()).map(|a| (a.on, a.what));
    assert_eq!(last(&ws), Some((d(2025, 6, 1), "member joined".to_string())));
    ws.change_level(&id("c-gamma"), &id("m-g1"), &id("core_group"), d(2025, 7, 1), "", t(1))
        .expect("move");
    assert_eq!(last(&ws), Some((d(2025, 7, 1), "level change".to_string())));
    let item = RepertoireDraft {
        title: "Guide".into(),
        kind_id: id("document"),
        description: String::new(),
        link: String::new(),
    };
    ws.add_repertoire_item(&id("c-gamma"), id("r-1"), &item, d(2025, 8, 1), t(2))
        .expect("item");
    assert_eq!(last(&ws), Some((d(2025, 8, 1), "repertoire item added".to_string())));
    health(&mut ws, "c-gamma", "h-1", d(2025, 9, 1), &[3, 3]);
    assert_eq!(last(&ws), Some((d(2025, 9, 1), "health check".to_string())));
    manual(&mut ws, "c-gamma", "v-1", "outside_requests", d(2025, 10, 1), "2", "");
    assert_eq!(last(&ws), Some((d(2025, 10, 1), "indicator value entered".to_string())));
    ws.reflect_on_principle(&id("c-gamma"), &id("create_rhythm"), true, "", d(2025, 11, 1), t(3))
        .expect("reflection");
    assert_eq!(last(&ws), Some((d(2025, 11, 1), "principle reflection".to_string())));
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-gamma")).expect("c");
    c.cultivation.stage_history.push(StageChange {
        on: d(2025, 12, 1),
        from_stage_id: Some(id("coalescing")),
        to_stage_id: id("potential"),
        suggested_stage_id: None,
        note: String::new(),
    });
    assert_eq!(last(&ws), Some((d(2025, 12, 1), "stage change".to_string())));
    // A weekly activity on Mondays from January: its last meeting before 1 March 2026 was on
    // 23 February; the ones after today do not count.
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-gamma")).expect("c");
    c.cultivation
        .activities
        .push(activity("act-1", "Monday clinic", d(2026, 1, 5), Repeat::Weekly, None));
    assert_eq!(last(&ws), Some((d(2026, 2, 23), "Monday clinic".to_string())));
    // A one-off planned after today is a plan, not an activity.
    let c = ws.communities.iter_mut().find(|c| c.id == id("c-gamma")).expect("c");
    c.cultivation
        .activities
        .push(activity("act-2", "Retreat", d(2026, 4, 1), Repeat::Once, None));
    assert_eq!(last(&ws), Some((d(2026, 2, 23), "Monday clinic".to_string())));
    assert_sound(&ws);
}

// ----- portfolio rows -----

#[test]
fn a_portfolio_row_gathers_stage_health_spread_leaders_warnings_and_last_activity() {
    let mut ws = populated();
    health(&mut ws, "c-alpha", "h-1", d(2025, 6, 1), &[1, 1, 1, 1]);
    health(&mut ws, "c-alpha", "h-2", d(2026, 2, 1), &[4, 3, 3, 2]);
    ws.add_leader_plan(&id("p-ada"), t(3)).expect("plan");
    ws.set_capacity_step(
        &id("p-ada"),
        &id("orientation"),
        Some(StepStatus::Done),
        Some(d(2026, 2, 1)),
        t(3),
    )
    .expect("step");
    assert_sound(&ws);
    let rows = portfolio_rows(&ws, today());
    assert_eq!(
        rows.iter().map(|r| r.community_id.as_str()).collect::<Vec<_>>(),
        ["c-alpha", "c-beta", "c-gamma"]
    );
    let a = &rows[0];
    assert_eq!(a.name, "Alpha guild");
    assert_eq!(a.organisations, ["Acme"]);
    assert_eq!((a.stage.as_str(), a.stage_rank), ("Maturing", Some(2)));
    assert_eq!(
        a.health,
        Some(HealthReading {
            on: d(2026, 2, 1),
            score: Some(75)
        })
    );
    assert_eq!(a.health_band(), HealthBand::Strong);
    assert_eq!(
        a.spread.levels.iter().map(|l| l.count).collect::<Vec<_>>(),
        [2, 1, 1, 0, 1]
    );
    assert_eq!(a.spread.total, 5);
    assert_eq!(a.spread.engaged_percent, Some(60));
    assert_eq!(
        a.leaders
            .iter()
            .map(|l| (l.name.as_str(), l.roles.clone(), l.leads, l.status.state))
            .collect::<Vec<_>>(),
        [
            ("Ada", vec!["Community leader".to_string()], true, PlanState::InProgress),
            ("Ben", vec!["Core group member".to_string()], false, PlanState::NoPlan),
        ]
    );
    assert_eq!(a.leader_summary(), "2 leaders: 1 in progress, 1 without a plan");
    // Ada 1 of 7 (14%), Ben without a plan (0%).
    assert_eq!(a.leaders_percent(), Some(7));
    assert_eq!(a.warnings, Vec::<Warning>::new());
    assert_eq!(
        a.last_activity,
        Some(LastActivity {
            on: d(2026, 2, 1),
            what: "health check".into()
        })
    );
    let g = &rows[2];
    assert_eq!(g.health, None);
    assert_eq!(g.health_band(), HealthBand::NotChecked);
    assert_eq!(g.spread.engaged_percent, None);
    assert_eq!(g.leader_summary(), "No leaders");
    assert_eq!(g.leaders_percent(), None);
    assert_eq!(
        g.warnings,
        [Warning {
            short: "No members yet".into(),
            message: "No members yet, so nobody leads the community and it has no core group.".into()
        }]
    );
    assert_eq!(g.last_activity, None);
}

#[test]
fn portfolio_warnings_combine_roles_and_participation_without_saying_the_same_thing_twice() {
    let mut ws = workspace();
    // Nobody at the core level, nobody in the core role: the role warning says it once.
    join(
        &mut ws,
        "c-beta",
        "m-b1",
        "p-ada",
        "active",
        &["sponsor", "mentor"],
        d(2025, 1, 1),
    );
    let rows = portfolio_rows(&ws, today());
    let shorts = |r: &PortfolioRow| r.warnings.iter().map(|w| w.short.clone()).collect::<Vec<_>>();
    assert_eq!(shorts(&rows[1]), ["No leader", "Core group empty"]);
    assert_eq!(
        rows[1].warnings[0].message,
        "No community leader: nobody is a community leader, chapter leader or practice group leader."
    );
    // A core group member below the core level: the role rule is satisfied, the ring is not.
    join(
        &mut ws,
        "c-beta",
        "m-b2",
        "p-ben",
        "active",
        &["community_leader", "core_group_member"],
        d(2025, 1, 1),
    );
    join(
        &mut ws,
        "c-beta",
        "m-b3",
        "p-cleo",
        "active",
        &["core_group_member"],
        d(2025, 1, 1),
    );
    let rows = portfolio_rows(&ws, today());
    assert_eq!(shorts(&rows[1]), ["Nobody at the core level"]);
    assert!(
        rows[1].warnings[0].message.starts_with("The core group ring is empty."),
        "{:?}",
        rows[1].warnings
    );
    // A core group of more than 40% in a community of six or more.
    let finn = PersonDraft {
        name: "Finn".into(),
        ..Default::default()
    };
    ws.add_person(id("p-finn"), &finn, t(2)).expect("person");
    for (m, p) in [("m-b4", "p-dev"), ("m-b5", "p-eve"), ("m-b6", "p-finn")] {
        join(&mut ws, "c-beta", m, p, "core_group", &[], d(2025, 1, 1));
    }
    let rows = portfolio_rows(&ws, today());
    assert_eq!(shorts(&rows[1]), ["Core group is 50% of members"]);
    assert!(
        rows[1].warnings[0]
            .message
            .starts_with("3 of 6 members (50%) are in the core group."),
        "{:?}",
        rows[1].warnings
    );
    assert_sound(&ws);
}

// ----- sorting, filtering, charts -----

/// Alpha: maturing, health 75, 5 members, no warnings, last activity 1 Feb 2026.
/// Beta: coalescing, health 25, 1 member whose leader did 1 of 7 steps, warnings, last
/// activity 1 Jan 2025.
/// Gamma: potential, no health check, no members, one warning, no activity.
fn three_rows() -> Vec<PortfolioRow> {
    let mut ws = populated();
    health(&mut ws, "c-alpha", "h-1", d(2026, 2, 1), &[4, 3, 3, 2]);
    health(&mut ws, "c-beta", "h-2", d(2025, 1, 1), &[1, 1, 1, 1]);
    join(
        &mut ws,
        "c-beta",
        "m-b1",
        "p-dev",
        "active",
        &["community_leader"],
        d(2024, 1, 1),
    );
    ws.add_leader_plan(&id("p-dev"), t(3)).expect("plan");
    ws.set_capacity_step(
        &id("p-dev"),
        &id("coaching"),
        Some(StepStatus::Done),
        Some(d(2024, 6, 1)),
        t(3),
    )
    .expect("step");
    assert_sound(&ws);
    portfolio_rows(&ws, today())
}

fn names(rows: &[PortfolioRow]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn rows_sort_by_each_column_with_missing_values_last() {
    let rows = three_rows();
    let sorted = |key, asc| {
        let mut r = rows.clone();
        sort_rows(&mut r, key, asc);
        names(&r).join(", ")
    };
    assert_eq!(sorted(SortKey::Name, true), "Alpha guild, Beta circle, Gamma network");
    assert_eq!(sorted(SortKey::Name, false), "Gamma network, Beta circle, Alpha guild");
    assert_eq!(sorted(SortKey::Stage, true), "Gamma network, Beta circle, Alpha guild");
    assert_eq!(sorted(SortKey::Stage, false), "Alpha guild, Beta circle, Gamma network");
    assert_eq!(sorted(SortKey::Health, true), "Beta circle, Alpha guild, Gamma network");
    assert_eq!(
        sorted(SortKey::Health, false),
        "Alpha guild, Beta circle, Gamma network"
    );
    assert_eq!(
        sorted(SortKey::Participation, true),
        "Gamma network, Beta circle, Alpha guild"
    );
    assert_eq!(
        sorted(SortKey::Leaders, true),
        "Alpha guild, Beta circle, Gamma network"
    );
    assert_eq!(
        sorted(SortKey::Leaders, false),
        "Beta circle, Alpha guild, Gamma network"
    );
    assert_eq!(
        sorted(SortKey::Warnings, true),
        "Alpha guild, Gamma network, Beta circle"
    );
    assert_eq!(
        sorted(SortKey::Warnings, false),
        "Beta circle, Gamma network, Alpha guild"
    );
    assert_eq!(
        sorted(SortKey::LastActivity, true),
        "Beta circle, Alpha guild, Gamma network"
    );
    assert_eq!(
        sorted(SortKey::LastActivity, false),
        "Alpha guild, Beta circle, Gamma network"
    );
}

#[test]
fn filters_narrow_the_rows_and_describe_themselves() {
    let mut ws = populated();
    join(
        &mut ws,
        "c-beta",
        "m-b1",
        "p-dev",
        "active",
        &["community_leader"],
        d(2024, 1, 1),
    );
    let rows = portfolio_rows(&ws, today());
    let shown = |f: &PortfolioFilter| names(&filter_rows(&rows, f)).join(", ");
    let all = PortfolioFilter::default();
    assert!(all.is_empty());
    assert_eq!(shown(&all), "Alpha guild, Beta circle, Gamma network");
    assert_eq!(all.describe(&ws), Vec::<String>::new());
    let bolt = PortfolioFilter {
        organisation_id: Some(id("o-bolt")),
        ..Default::default()
    };
    assert_eq!(shown(&bolt), "Beta circle, Gamma network");
    let coalescing = PortfolioFilter {
        stage_id: Some(id("coalescing")),
        ..Default::default()
    };
    assert_eq!(shown(&coalescing), "Beta circle");
    let warned = PortfolioFilter {
        warnings_only: true,
        ..Default::default()
    };
    assert_eq!(shown(&warned), "Beta circle, Gamma network");
    // Text matches names, organisations, stage and leaders, ignoring case.
    let text = |s: &str| PortfolioFilter {
        text: s.into(),
        ..Default::default()
    };
    assert_eq!(shown(&text("GUILD")), "Alpha guild");
    assert_eq!(shown(&text("acme")), "Alpha guild, Beta circle");
    assert_eq!(shown(&text("potential")), "Gamma network");
    assert_eq!(shown(&text("dev")), "Beta circle");
    assert_eq!(shown(&text("zzz")), "");
    // Accents too, in the query and in the rows, as the people search.
    assert_eq!(shown(&text("GÜILD")), "Alpha guild");
    let mut accented = ws.clone();
    accented
        .communities
        .iter_mut()
        .find(|c| c.name == "Gamma network")
        .expect("Gamma network")
        .name = "Gamma réseau".into();
    let accented_rows = portfolio_rows(&accented, today());
    let found = filter_rows(&accented_rows, &text("reseau"));
    assert_eq!(names(&found).join(", "), "Gamma réseau");
    let everything = PortfolioFilter {
        organisation_id: Some(id("o-bolt")),
        stage_id: Some(id("coalescing")),
        warnings_only: true,
        text: " circle ".into(),
    };
    assert_eq!(shown(&everything), "Beta circle");
    assert_eq!(
        everything.describe(&ws),
        [
            "Organisation: Bolt",
            "Stage: Coalescing",
            "With warnings only",
            "Text: “circle”"
        ]
    );
}

#[test]
fn chart_counts_cover_every_stage_and_band() {
    let rows = three_rows();
    let cats = Catalogues::default();
    let stages: Vec<(String, usize)> = count_by_stage(&cats, &rows)
        .into_iter()
        .map(|b| (b.label, b.count))
        .collect();
    assert_eq!(
        stages,
        [
            ("Potential".to_string(), 1),
            ("Coalescing".to_string(), 1),
            ("Maturing".to_string(), 1),
            ("Stewardship".to_string(), 0),
            ("Transformation".to_string(), 0)
        ]
    );
    let bands: Vec<(String, usize)> = count_by_health(&rows).into_iter().map(|b| (b.key, b.count)).collect();
    assert_eq!(
        bands,
        [
            ("strong".to_string(), 1),
            ("fair".to_string(), 0),
            ("weak".to_string(), 1),
            ("none".to_string(), 1)
        ]
    );
    // A stage no longer in the catalogue gets a bar of its own.
    let mut odd = rows.clone();
    odd[0].stage_id = id("dormant");
    odd[0].stage = "dormant".into();
    odd[0].stage_rank = None;
    let stages = count_by_stage(&cats, &odd);
    assert_eq!(stages.last().map(|b| (b.key.as_str(), b.count)), Some(("dormant", 1)));
    assert_eq!(stages.iter().map(|b| b.count).sum::<usize>(), 3);
}

#[test]
fn a_community_whose_transformation_is_recorded_gets_no_live_warnings() {
    let mut ws = workspace();
    assert!(
        !community_warnings(&ws, community(&ws, "c-gamma")).is_empty(),
        "a community with no members is warned about"
    );
    ws.confirm_stage(&id("c-gamma"), &id("transformation"), d(2025, 11, 1), "", None, t(1))
        .expect("stage");
    assert!(
        !community_warnings(&ws, community(&ws, "c-gamma")).is_empty(),
        "at the transformation stage, before the ending is recorded, the warnings still stand"
    );
    ws.record_transformation(&id("c-gamma"), &id("merged"), d(2025, 11, 10), "Merged into Alpha", t(2))
        .expect("transformation");
    let c = community(&ws, "c-gamma");
    assert_eq!(community_warnings(&ws, c), Vec::<Warning>::new());
    assert!(cultivate::model::roles::role_warnings(&ws, c).is_empty());
    assert_sound(&ws);
}
