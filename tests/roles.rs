#![cfg(not(target_arch = "wasm32"))]
//! Roles, role warnings, overload across communities, leadership groups, leaders'
//! capacity-building plans and peer groups, proved on hand-made workspaces through the public
//! operations of `Workspace`. After every sequence of operations the workspace must still
//! validate clean.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use cultivate::model::organisation::StepStatus;
use cultivate::model::roles::*;
use cultivate::model::*;
use cultivate::storage::format::{decode_document, encode_workspace, Document};

// ----- helpers -----

fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
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

/// Six people (Ada, Ben, Cleo, Dev, Eve, Finn) and three empty communities: `c-one` and
/// `c-three` communities of practice, `c-two` a chapter.
fn workspace() -> Workspace {
    let mut ws = Workspace::new(id("ws"), "Roles test", t(0));
    for (pid, name) in [
        ("p-ada", "Ada"),
        ("p-ben", "Ben"),
        ("p-cleo", "Cleo"),
        ("p-dev", "Dev"),
        ("p-eve", "Eve"),
        ("p-finn", "Finn"),
    ] {
        let draft = PersonDraft {
            name: name.into(),
            ..Default::default()
        };
        ws.add_person(id(pid), &draft, t(0)).expect("person");
    }
    for (cid, name, kind) in [
        ("c-one", "One", "community_of_practice"),
        ("c-two", "Two", "chapter"),
        ("c-three", "Three", "community_of_practice"),
    ] {
        let draft = CommunityDraft {
            name: name.into(),
            formation_type_id: id(kind),
            lifecycle_stage_id: id("coalescing"),
            ..Default::default()
        };
        ws.add_community(id(cid), &draft, t(0)).expect("community");
    }
    ws
}

fn join(ws: &mut Workspace, community: &str, mid: &str, person: &str, level: &str, roles: &[&str]) {
    let draft = MembershipDraft {
        person_id: Some(id(person)),
        level_id: id(level),
        role_ids: ids(roles),
        joined_on: d(2025, 6, 1),
    };
    ws.add_membership(&id(community), id(mid), &draft, t(1))
        .expect("membership");
}

fn kinds(ws: &Workspace, community: &str) -> Vec<RoleWarningKind> {
    let c = ws.community(&id(community)).expect("community");
    role_warnings(ws, c).into_iter().map(|w| w.kind).collect()
}

fn messages(ws: &Workspace, community: &str) -> Vec<String> {
    let c = ws.community(&id(community)).expect("community");
    role_warnings(ws, c).into_iter().map(|w| w.message).collect()
}

fn shorts(ws: &Workspace, community: &str) -> Vec<String> {
    let c = ws.community(&id(community)).expect("community");
    role_warnings(ws, c).into_iter().map(|w| w.short).collect()
}

/// `c-one` with a full roster: Ada leads (core), Ben is a core group member, Cleo is
/// sponsor, Dev welcomes newcomers. No warnings.
fn staffed() -> Workspace {
    let mut ws = workspace();
    join(&mut ws, "c-one", "m-ada", "p-ada", "core_group", &["community_leader"]);
    join(&mut ws, "c-one", "m-ben", "p-ben", "core_group", &["core_group_member"]);
    join(&mut ws, "c-one", "m-cleo", "p-cleo", "transactional", &["sponsor"]);
    join(&mut ws, "c-one", "m-dev", "p-dev", "active", &["welcome_wagon"]);
    ws
}

// ----- warnings -----

#[test]
fn a_fully_staffed_community_has_no_role_warnings() {
    let ws = staffed();
    assert_eq!(kinds(&ws, "c-one"), vec![]);
    assert_sound(&ws);
}

#[test]
fn a_community_without_members_gets_one_warning_that_clears_when_someone_joins() {
    let mut ws = workspace();
    assert_eq!(kinds(&ws, "c-one"), vec![RoleWarningKind::NoMembers]);
    assert_eq!(
        messages(&ws, "c-one"),
        vec!["No members yet, so nobody leads the community and it has no core group."]
    );
    join(&mut ws, "c-one", "m-ada", "p-ada", "active", &[]);
    assert!(!kinds(&ws, "c-one").contains(&RoleWarningKind::NoMembers));
}

#[test]
fn no_leader_appears_when_the_only_leader_loses_the_role_and_clears_when_one_is_named() {
    let mut ws = staffed();
    ws.set_roles(&id("c-one"), &id("m-ada"), &[], t(5)).expect("roles");
    assert_eq!(kinds(&ws, "c-one"), vec![RoleWarningKind::NoLeader]);
    assert_eq!(shorts(&ws, "c-one"), vec!["No leader"]);
    assert_eq!(
        messages(&ws, "c-one"),
        vec!["No community leader: nobody is a community leader, chapter leader or practice group leader."]
    );
    // A chapter leader counts as a leader too.
    ws.set_roles(
        &id("c-one"),
        &id("m-ben"),
        &ids(&["chapter_leader", "core_group_member"]),
        t(6),
    )
    .expect("roles");
    assert_eq!(kinds(&ws, "c-one"), vec![]);
    assert_sound(&ws);
}

#[test]
fn a_single_leader_without_a_core_group_is_a_single_point_of_failure_until_someone_joins_the_core() {
    let mut ws = workspace();
    join(&mut ws, "c-two", "m-ada", "p-ada", "core_group", &["chapter_leader"]);
    join(&mut ws, "c-two", "m-ben", "p-ben", "active", &["sponsor", "mentor"]);
    assert_eq!(
        kinds(&ws, "c-two"),
        vec![RoleWarningKind::SinglePointOfFailure { person_id: id("p-ada") }]
    );
    assert_eq!(
        messages(&ws, "c-two"),
        vec!["Single point of failure: Ada leads alone, with nobody else in the core group."]
    );
    assert_eq!(shorts(&ws, "c-two"), vec!["Single point of failure: Ada"]);
    // Ben moving into the core level clears it...
    ws.change_level(&id("c-two"), &id("m-ben"), &id("core_group"), d(2026, 2, 1), "", t(2))
        .expect("move");
    assert_eq!(kinds(&ws, "c-two"), vec![]);
    // ...and so does the core group member role, at any level.
    ws.change_level(&id("c-two"), &id("m-ben"), &id("active"), d(2026, 2, 2), "", t(3))
        .expect("move");
    assert_eq!(kinds(&ws, "c-two").len(), 1);
    ws.set_roles(
        &id("c-two"),
        &id("m-ben"),
        &ids(&["sponsor", "mentor", "core_group_member"]),
        t(4),
    )
    .expect("roles");
    assert_eq!(kinds(&ws, "c-two"), vec![]);
    // A leader who is not at the core level and alone is still a single point of failure.
    let mut ws = workspace();
    join(
        &mut ws,
        "c-two",
        "m-ada",
        "p-ada",
        "active",
        &["chapter_leader", "sponsor", "mentor"],
    );
    assert_eq!(
        kinds(&ws, "c-two"),
        vec![RoleWarningKind::SinglePointOfFailure { person_id: id("p-ada") }]
    );
    assert_sound(&ws);
}

#[test]
fn an_empty_core_group_is_flagged_and_clears_when_someone_joins_it() {
    let mut ws = workspace();
    join(
        &mut ws,
        "c-one",
        "m-ada",
        "p-ada",
        "active",
        &["sponsor", "welcome_wagon"],
    );
    assert_eq!(
        kinds(&ws, "c-one"),
        vec![RoleWarningKind::NoLeader, RoleWarningKind::CoreGroupEmpty]
    );
    // Two co-leaders at the active level: leaders, but still no core group.
    join(&mut ws, "c-one", "m-ben", "p-ben", "active", &["community_leader"]);
    join(&mut ws, "c-one", "m-cleo", "p-cleo", "active", &["community_leader"]);
    assert_eq!(kinds(&ws, "c-one"), vec![RoleWarningKind::CoreGroupEmpty]);
    ws.change_level(&id("c-one"), &id("m-cleo"), &id("core_group"), d(2026, 1, 1), "", t(3))
        .expect("move");
    assert_eq!(kinds(&ws, "c-one"), vec![]);
}

#[test]
fn expected_roles_left_empty_are_flagged_and_clear_when_filled() {
    let mut ws = workspace();
    join(&mut ws, "c-one", "m-ada", "p-ada", "core_group", &["community_leader"]);
    join(&mut ws, "c-one", "m-ben", "p-ben", "core_group", &["core_group_member"]);
    assert_eq!(
        kinds(&ws, "c-one"),
        vec![
            RoleWarningKind::RoleEmpty {
                role_ids: ids(&["sponsor"])
            },
            RoleWarningKind::RoleEmpty {
                role_ids: ids(&["welcome_wagon", "mentor"])
            },
        ]
    );
    assert_eq!(
        messages(&ws, "c-one"),
        vec!["Nobody is a sponsor.", "Nobody is a welcome wagon or mentor."]
    );
    assert_eq!(shorts(&ws, "c-one"), vec!["No sponsor", "No welcome wagon or mentor"]);
    join(&mut ws, "c-one", "m-cleo", "p-cleo", "transactional", &["sponsor"]);
    assert_eq!(
        kinds(&ws, "c-one"),
        vec![RoleWarningKind::RoleEmpty {
            role_ids: ids(&["welcome_wagon", "mentor"])
        }]
    );
    // A mentor fills the newcomers' expectation as well as a welcome wagon.
    ws.set_roles(&id("c-one"), &id("m-ben"), &ids(&["core_group_member", "mentor"]), t(4))
        .expect("roles");
    assert_eq!(kinds(&ws, "c-one"), vec![]);
    assert_sound(&ws);
}

#[test]
fn expected_roles_missing_from_the_catalogue_are_skipped() {
    let mut ws = workspace();
    join(&mut ws, "c-one", "m-ada", "p-ada", "core_group", &["community_leader"]);
    join(&mut ws, "c-one", "m-ben", "p-ben", "core_group", &["core_group_member"]);
    ws.delete_catalogue_entry(CatalogueKind::Roles, &id("sponsor"), t(2))
        .expect("delete sponsor");
    ws.delete_catalogue_entry(CatalogueKind::Roles, &id("welcome_wagon"), t(2))
        .expect("delete welcome wagon");
    // Only the mentor is left of the newcomers' pair.
    assert_eq!(messages(&ws, "c-one"), vec!["Nobody is a mentor.".to_string()]);
    ws.delete_catalogue_entry(CatalogueKind::Roles, &id("mentor"), t(3))
        .expect("delete mentor");
    assert_eq!(kinds(&ws, "c-one"), vec![]);
    assert_sound(&ws);
}

#[test]
fn a_person_leading_in_more_communities_than_the_threshold_is_overloaded() {
    let mut ws = staffed();
    // Ada also leads Two and is a core group member in Three.
    join(&mut ws, "c-two", "m-ada2", "p-ada", "core_group", &["chapter_leader"]);
    assert!(
        overloaded_people(&ws, OVERLOAD_THRESHOLD).is_empty(),
        "two communities are fine"
    );
    join(&mut ws, "c-three", "m-ada3", "p-ada", "active", &["core_group_member"]);
    let over = overloaded_people(&ws, OVERLOAD_THRESHOLD);
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].person_id, id("p-ada"));
    assert_eq!(
        over[0]
            .places
            .iter()
            .map(|p| p.community_id.as_str())
            .collect::<Vec<_>>(),
        ["c-one", "c-two", "c-three"]
    );
    assert_eq!(over[0].places[1].role_ids, ids(&["chapter_leader"]));
    // A higher threshold lets three communities pass.
    assert!(overloaded_people(&ws, 3).is_empty());
    // Each of her communities shows it.
    for c in ["c-one", "c-two", "c-three"] {
        assert!(
            kinds(&ws, c).contains(&RoleWarningKind::Overloaded {
                person_id: id("p-ada"),
                communities: 3
            }),
            "{c}"
        );
    }
    assert!(
        messages(&ws, "c-one").contains(&"Ada holds leading roles in 3 communities (also in Two, Three).".to_string())
    );
    assert!(shorts(&ws, "c-two").contains(&"Ada leads in 3 communities".to_string()));
    let c = ws.community(&id("c-one")).expect("community");
    assert!(role_warnings_with(&ws, c, 3)
        .iter()
        .all(|w| !matches!(w.kind, RoleWarningKind::Overloaded { .. })));
    // Roles that do not lead (sponsor, mentor...) do not count.
    ws.set_roles(&id("c-three"), &id("m-ada3"), &ids(&["mentor", "sponsor"]), t(9))
        .expect("roles");
    assert!(overloaded_people(&ws, OVERLOAD_THRESHOLD).is_empty());
    assert!(!kinds(&ws, "c-one")
        .iter()
        .any(|k| matches!(k, RoleWarningKind::Overloaded { .. })));
    assert_sound(&ws);
}

#[test]
fn the_role_summary_and_leaders_list_people_by_name_with_their_places() {
    let mut ws = staffed();
    join(&mut ws, "c-two", "m-eve", "p-eve", "core_group", &["chapter_leader"]);
    join(&mut ws, "c-two", "m-finn", "p-finn", "peripheral", &[]);
    let summary = role_summary(&ws);
    let names: Vec<String> = summary.iter().map(|p| ws.person_name(&p.person_id)).collect();
    assert_eq!(names, ["Ada", "Ben", "Cleo", "Dev", "Eve"], "Finn holds no role");
    let led: Vec<String> = leaders(&ws).iter().map(|p| ws.person_name(&p.person_id)).collect();
    assert_eq!(
        led,
        ["Ada", "Ben", "Eve"],
        "sponsors and welcome wagons are not leaders"
    );
    assert!(is_leader(&ws, &id("p-ben")));
    assert!(!is_leader(&ws, &id("p-cleo")));
    assert_eq!(leader_places(&ws, &id("p-eve"))[0].community_id, id("c-two"));
}

// ----- leadership groups -----

#[test]
fn leadership_groups_are_set_per_member_and_validated() {
    let mut ws = staffed();
    ws.set_leadership_groups(
        &id("c-one"),
        &id("m-dev"),
        &ids(&["value_detectives", "agenda_activists", "value_detectives"]),
        t(3),
    )
    .expect("groups");
    let m = &ws.community(&id("c-one")).expect("c").memberships[3];
    assert_eq!(m.leadership_group_ids, ids(&["value_detectives", "agenda_activists"]));
    assert_eq!(ws.updated_at, t(3));
    let errs = invalid(ws.set_leadership_groups(&id("c-one"), &id("m-dev"), &ids(&["ghosts"]), t(4)));
    assert_eq!(
        errs,
        vec![FieldError::new(
            "leadership_group_ids",
            "Choose leadership groups from the list"
        )]
    );
    assert!(matches!(
        ws.set_leadership_groups(&id("c-one"), &id("m-gone"), &[], t(4)),
        Err(ModelError::NotFound(_))
    ));
    let summary = role_summary(&ws);
    let dev = summary.iter().find(|p| p.person_id == id("p-dev")).expect("dev");
    assert_eq!(dev.places[0].leadership_group_ids.len(), 2);
    ws.set_leadership_groups(&id("c-one"), &id("m-dev"), &[], t(5))
        .expect("clear");
    assert_sound(&ws);
}

// ----- capacity building -----

#[test]
fn a_plan_is_started_only_for_a_leader_and_only_once() {
    let mut ws = staffed();
    assert!(matches!(
        ws.add_leader_plan(&id("p-cleo"), t(2)),
        Err(ModelError::Refused(m)) if m == "Cleo holds no leading role in any community; give them one first"
    ));
    assert!(matches!(
        ws.add_leader_plan(&id("p-nobody"), t(2)),
        Err(ModelError::NotFound(_))
    ));
    ws.add_leader_plan(&id("p-ada"), t(2)).expect("plan");
    assert!(matches!(
        ws.add_leader_plan(&id("p-ada"), t(3)),
        Err(ModelError::Refused(m)) if m == "Ada already has a capacity-building plan"
    ));
    // A core group member gets one too.
    ws.add_leader_plan(&id("p-ben"), t(3)).expect("plan");
    assert_eq!(ws.programme.leader_plans.len(), 2);
    assert_eq!(ws.updated_at, t(3));
    assert_sound(&ws);
}

#[test]
fn the_status_counts_steps_done_and_names_the_next_one() {
    let mut ws = staffed();
    let today = d(2026, 3, 1);
    let total = ws.catalogues.capacity_steps.len();
    assert_eq!(total, 7);
    let status = |ws: &Workspace| leader_status(ws, &id("p-ada"), today);
    assert_eq!(status(&ws).state, PlanState::NoPlan);
    assert_eq!(status(&ws).label(), "No plan yet");
    assert_eq!(status(&ws).next, None);

    ws.add_leader_plan(&id("p-ada"), t(1)).expect("plan");
    let s = status(&ws);
    assert_eq!(s.label(), "Not started: 0 of 7 steps");
    // Nothing planned: the catalogue's first step is suggested.
    assert_eq!(
        s.next_label(&ws.catalogues).as_deref(),
        Some("Suggested next: Leader orientation (not planned yet)")
    );

    ws.set_capacity_step(
        &id("p-ada"),
        &id("orientation"),
        Some(StepStatus::Done),
        Some(d(2026, 1, 10)),
        t(2),
    )
    .expect("done");
    ws.set_capacity_step(
        &id("p-ada"),
        &id("coaching"),
        Some(StepStatus::Planned),
        Some(d(2026, 5, 1)),
        t(3),
    )
    .expect("planned");
    ws.set_capacity_step(
        &id("p-ada"),
        &id("facilitation"),
        Some(StepStatus::Planned),
        Some(d(2026, 2, 20)),
        t(4),
    )
    .expect("planned");
    ws.set_capacity_step(&id("p-ada"), &id("cultivation"), Some(StepStatus::Planned), None, t(5))
        .expect("planned, undated");
    let s = status(&ws);
    assert_eq!((s.state, s.done, s.total), (PlanState::InProgress, 1, 7));
    assert_eq!(s.label(), "In progress: 1 of 7 steps");
    // The dated step due first, even though it is overdue and later in the catalogue order.
    assert_eq!(
        s.next_label(&ws.catalogues).as_deref(),
        Some("Next: Facilitation skills, planned for 20 February 2026 (overdue)")
    );
    ws.set_capacity_step(
        &id("p-ada"),
        &id("facilitation"),
        Some(StepStatus::Done),
        Some(d(2026, 2, 20)),
        t(6),
    )
    .expect("done");
    assert_eq!(
        status(&ws).next_label(&ws.catalogues).as_deref(),
        Some("Next: Coaching conversation, planned for 1 May 2026")
    );
    ws.set_capacity_step(&id("p-ada"), &id("coaching"), None, None, t(7))
        .expect("unplanned");
    assert_eq!(
        status(&ws).next_label(&ws.catalogues).as_deref(),
        Some("Next: Cultivating a community, planned, no date yet")
    );
    for step in [
        "cultivation",
        "value_creation",
        "digital_habitat",
        "peer_group",
        "coaching",
    ] {
        ws.set_capacity_step(
            &id("p-ada"),
            &id(step),
            Some(StepStatus::Done),
            Some(d(2026, 2, 28)),
            t(8),
        )
        .expect("done");
    }
    let s = status(&ws);
    assert_eq!(s.label(), "Done: all 7 steps");
    assert_eq!(s.next, None);
    assert_eq!(s.percent(), Some(100));
    assert_sound(&ws);
}

#[test]
fn step_changes_are_validated() {
    let mut ws = staffed();
    ws.add_leader_plan(&id("p-ada"), t(1)).expect("plan");
    let errs = invalid(ws.set_capacity_step(&id("p-ada"), &id("orientation"), Some(StepStatus::Done), None, t(2)));
    assert_eq!(errs, vec![FieldError::new("on", "Enter the date the step was done")]);
    // t(2) is 1 March 2026; 2 March is allowed (a time zone ahead), 3 March is not.
    ws.set_capacity_step(
        &id("p-ada"),
        &id("orientation"),
        Some(StepStatus::Done),
        Some(d(2026, 3, 2)),
        t(2),
    )
    .expect("a day of slack");
    let errs = invalid(ws.set_capacity_step(
        &id("p-ada"),
        &id("orientation"),
        Some(StepStatus::Done),
        Some(d(2026, 3, 3)),
        t(2),
    ));
    assert_eq!(
        errs,
        vec![FieldError::new(
            "on",
            "A step cannot be done in the future; plan it for that date instead"
        )]
    );
    // Planning in the future is what plans are for.
    ws.set_capacity_step(
        &id("p-ada"),
        &id("coaching"),
        Some(StepStatus::Planned),
        Some(d(2027, 1, 1)),
        t(3),
    )
    .expect("planned");
    assert!(matches!(
        ws.set_capacity_step(&id("p-ada"), &id("juggling"), Some(StepStatus::Planned), None, t(3)),
        Err(ModelError::NotFound(_))
    ));
    assert!(matches!(
        ws.set_capacity_step(&id("p-ben"), &id("coaching"), Some(StepStatus::Planned), None, t(3)),
        Err(ModelError::NotFound(_))
    ));
    let errs = invalid(ws.set_leader_plan_note(&id("p-ada"), &"x".repeat(20_001), t(4)));
    assert_eq!(errs[0].field, "note");
    ws.set_leader_plan_note(&id("p-ada"), "Wants to co-facilitate first  ", t(4))
        .expect("note");
    assert_eq!(ws.programme.leader_plans[0].note, "Wants to co-facilitate first");
    // A step in a plan keeps its catalogue entry from being deleted.
    assert!(matches!(
        ws.delete_catalogue_entry(CatalogueKind::CapacitySteps, &id("coaching"), t(5)),
        Err(ModelError::Refused(_))
    ));
    assert_sound(&ws);
    ws.remove_leader_plan(&id("p-ada"), t(6)).expect("remove");
    assert!(ws.programme.leader_plans.is_empty());
    assert!(matches!(
        ws.remove_leader_plan(&id("p-ada"), t(6)),
        Err(ModelError::NotFound(_))
    ));
    assert_sound(&ws);
}

#[test]
fn a_leader_plan_survives_an_export_and_import_round_trip() {
    let mut ws = staffed();
    ws.add_leader_plan(&id("p-ada"), t(1)).expect("plan");
    ws.set_capacity_step(
        &id("p-ada"),
        &id("orientation"),
        Some(StepStatus::Done),
        Some(d(2026, 1, 10)),
        t(2),
    )
    .expect("done");
    ws.set_capacity_step(&id("p-ada"), &id("coaching"), Some(StepStatus::Planned), None, t(3))
        .expect("planned");
    ws.set_leader_plan_note(&id("p-ada"), "Pairs with Ben", t(4))
        .expect("note");
    ws.add_peer_group(
        id("g-1"),
        &PeerGroupDraft {
            name: "Leaders' circle".into(),
            note: String::new(),
        },
        t(5),
    )
    .expect("group");
    ws.add_peer_group_member(&id("g-1"), &id("p-ada"), t(6))
        .expect("member");
    ws.set_leadership_groups(&id("c-one"), &id("m-dev"), &ids(&["community_keepers"]), t(7))
        .expect("groups");
    let text = encode_workspace(&ws, t(8), 1, true);
    let Ok(Document::Workspace(env)) = decode_document(&text) else {
        panic!("expected a workspace document");
    };
    assert_eq!(env.data.programme, ws.programme);
    assert_eq!(env.data, ws);
    assert_eq!(
        leader_status(&env.data, &id("p-ada"), d(2026, 3, 1)).label(),
        "In progress: 1 of 7 steps"
    );
}

// ----- peer groups -----

#[test]
fn peer_groups_are_created_renamed_filled_and_deleted() {
    let mut ws = staffed();
    join(&mut ws, "c-two", "m-eve", "p-eve", "core_group", &["chapter_leader"]);
    let draft = |name: &str| PeerGroupDraft {
        name: name.into(),
        note: String::new(),
    };
    assert_eq!(
        invalid(ws.add_peer_group(id("g-1"), &draft("   "), t(1))),
        vec![FieldError::new("name", "Name is required")]
    );
    assert_eq!(
        invalid(ws.add_peer_group(id("g-1"), &draft(&"n".repeat(201)), t(1)))[0].field,
        "name"
    );
    ws.add_peer_group(id("g-1"), &draft("  Leaders' circle "), t(1))
        .expect("group");
    assert_eq!(ws.programme.peer_groups[0].name, "Leaders' circle");
    assert_eq!(
        invalid(ws.add_peer_group(id("g-2"), &draft("leaders' CIRCLE"), t(2))),
        vec![FieldError::new("name", "Another peer group already has this name")]
    );
    // Ids are unique across the whole workspace.
    assert!(matches!(
        ws.add_peer_group(id("c-one"), &draft("Other"), t(2)),
        Err(ModelError::Refused(_))
    ));
    ws.add_peer_group(id("g-2"), &draft("Chapter leaders"), t(2))
        .expect("group");
    assert_eq!(
        invalid(ws.update_peer_group(&id("g-2"), &draft("Leaders' circle"), t(3))),
        vec![FieldError::new("name", "Another peer group already has this name")]
    );
    // Keeping its own name is fine.
    ws.update_peer_group(
        &id("g-1"),
        &PeerGroupDraft {
            name: "Leaders' circle".into(),
            note: "Monthly, first Thursday".into(),
        },
        t(3),
    )
    .expect("update");
    assert_eq!(ws.programme.peer_groups[0].note, "Monthly, first Thursday");

    ws.add_peer_group_member(&id("g-1"), &id("p-ada"), t(4)).expect("ada");
    ws.add_peer_group_member(&id("g-1"), &id("p-eve"), t(4)).expect("eve");
    assert_eq!(
        invalid(ws.add_peer_group_member(&id("g-1"), &id("p-eve"), t(4))),
        vec![FieldError::new("person_id", "This person is already in the group")]
    );
    assert_eq!(
        invalid(ws.add_peer_group_member(&id("g-1"), &id("p-ghost"), t(4))),
        vec![FieldError::new("person_id", "Choose a person from the list")]
    );
    let g = ws.programme.peer_groups[0].clone();
    assert_eq!(peer_group_span(&ws, &g), ids(&["c-one", "c-two"]));
    assert_sound(&ws);

    ws.remove_peer_group_member(&id("g-1"), &id("p-ada"), t(5))
        .expect("remove");
    assert_eq!(ws.programme.peer_groups[0].member_ids, ids(&["p-eve"]));
    assert!(matches!(
        ws.remove_peer_group_member(&id("g-1"), &id("p-ada"), t(5)),
        Err(ModelError::NotFound(_))
    ));
    ws.delete_peer_group(&id("g-2"), t(6)).expect("delete");
    assert_eq!(ws.programme.peer_groups.len(), 1);
    assert!(matches!(
        ws.delete_peer_group(&id("g-2"), t(6)),
        Err(ModelError::NotFound(_))
    ));
    assert_eq!(ws.updated_at, t(6));
    assert_sound(&ws);
}

#[test]
fn deleting_a_leader_takes_their_plan_and_group_places_with_them() {
    let mut ws = staffed();
    ws.add_leader_plan(&id("p-ada"), t(1)).expect("plan");
    ws.add_peer_group(
        id("g-1"),
        &PeerGroupDraft {
            name: "Circle".into(),
            note: String::new(),
        },
        t(1),
    )
    .expect("group");
    ws.add_peer_group_member(&id("g-1"), &id("p-ada"), t(1))
        .expect("member");
    let uses = ws.person_usage(&id("p-ada"));
    assert!(
        uses.contains(&"a leader's capacity-building plan".to_string()),
        "{uses:?}"
    );
    assert!(uses.contains(&"member of peer group Circle".to_string()), "{uses:?}");
    ws.delete_person(&id("p-ada"), t(2)).expect("delete");
    assert!(ws.programme.leader_plans.is_empty());
    assert!(ws.programme.peer_groups[0].member_ids.is_empty());
    // The community lost its leader, and says so.
    assert_eq!(kinds(&ws, "c-one"), vec![RoleWarningKind::NoLeader]);
    assert_sound(&ws);
}
