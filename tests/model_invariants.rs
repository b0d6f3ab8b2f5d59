//! Model invariants, proved through the public operations of `Workspace`.
//!
//! Every operation must either refuse (with a message for the user) or leave a workspace
//! that `validate_workspace` finds sound. Each test names the behaviour it proves and
//! asserts exact values, so that it fails when the behaviour changes.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use cultivate::model::limits::{LINK_MAX, LONG_MAX, NAME_MAX, SHORT_MAX};
use cultivate::model::*;

// ----- helpers -----

fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn id(s: &str) -> Id {
    Id::new(s)
}

fn empty_ws() -> Workspace {
    Workspace::new(id("ws-test"), "Test workspace", t(0))
}

fn org_draft(name: &str) -> OrganisationDraft {
    OrganisationDraft {
        name: name.into(),
        description: String::new(),
    }
}

fn person_draft(name: &str, org: Option<&str>) -> PersonDraft {
    PersonDraft {
        name: name.into(),
        email: String::new(),
        organisation_id: org.map(id),
        title: String::new(),
        notes: String::new(),
    }
}

fn community_draft(name: &str, orgs: &[&str]) -> CommunityDraft {
    CommunityDraft {
        name: name.into(),
        formation_type_id: id("community_of_practice"),
        lifecycle_stage_id: id("potential"),
        organisation_ids: orgs.iter().map(|o| id(o)).collect(),
        domain_statement: String::new(),
    }
}

fn membership_draft(person: &str, level: &str, roles: &[&str], joined: NaiveDate) -> MembershipDraft {
    MembershipDraft {
        person_id: Some(id(person)),
        level_id: id(level),
        role_ids: roles.iter().map(|r| id(r)).collect(),
        joined_on: joined,
    }
}

fn repertoire_draft(title: &str, kind: &str, link: &str) -> RepertoireDraft {
    RepertoireDraft {
        title: title.into(),
        kind_id: id(kind),
        description: String::new(),
        link: link.into(),
    }
}

fn assert_sound(ws: &Workspace) {
    assert_eq!(
        validate_workspace(ws),
        Vec::<Problem>::new(),
        "workspace must validate clean"
    );
}

fn fields(errors: &[FieldError]) -> Vec<&'static str> {
    errors.iter().map(|e| e.field).collect()
}

fn invalid_fields(r: ModelResult) -> Vec<&'static str> {
    match r {
        Err(ModelError::Invalid(errs)) => fields(&errs),
        other => panic!("expected ModelError::Invalid, got {other:?}"),
    }
}

fn refused(r: ModelResult) -> String {
    match r {
        Err(ModelError::Refused(m)) => m,
        other => panic!("expected ModelError::Refused, got {other:?}"),
    }
}

/// A small populated workspace:
/// organisations o1 "Acme", o2 "Globex"; people p1 "Ana" (o1), p2 "Ben" (o2), p3 "Cai";
/// communities c1 "Guild" (o1, o2), c2 "Chapter" (o1);
/// memberships m1 (Ana in Guild, core_group, mentor), m2 (Ben in Guild, active),
/// m3 (Ana in Chapter, peripheral); repertoire item r1 "Template" (tool) in Guild;
/// key issue k1 in Guild.
fn populated() -> Workspace {
    let mut ws = empty_ws();
    ws.add_organisation(id("o1"), &org_draft("Acme"), t(1)).unwrap();
    ws.add_organisation(id("o2"), &org_draft("Globex"), t(1)).unwrap();
    ws.add_person(id("p1"), &person_draft("Ana", Some("o1")), t(2)).unwrap();
    ws.add_person(id("p2"), &person_draft("Ben", Some("o2")), t(2)).unwrap();
    ws.add_person(id("p3"), &person_draft("Cai", None), t(2)).unwrap();
    ws.add_community(id("c1"), &community_draft("Guild", &["o1", "o2"]), t(3))
        .unwrap();
    let mut chapter = community_draft("Chapter", &["o1"]);
    chapter.formation_type_id = id("chapter");
    ws.add_community(id("c2"), &chapter, t(3)).unwrap();
    ws.add_membership(
        &id("c1"),
        id("m1"),
        &membership_draft("p1", "core_group", &["mentor"], d(2025, 1, 1)),
        t(4),
    )
    .unwrap();
    ws.add_membership(
        &id("c1"),
        id("m2"),
        &membership_draft("p2", "active", &[], d(2025, 2, 1)),
        t(4),
    )
    .unwrap();
    ws.add_membership(
        &id("c2"),
        id("m3"),
        &membership_draft("p1", "peripheral", &[], d(2025, 3, 1)),
        t(4),
    )
    .unwrap();
    ws.add_repertoire_item(
        &id("c1"),
        id("r1"),
        &repertoire_draft("Template", "tool", "https://example.org/t"),
        d(2025, 4, 1),
        t(5),
    )
    .unwrap();
    ws.add_key_issue(&id("c1"), id("k1"), "Flaky tests", t(5)).unwrap();
    assert_sound(&ws);
    ws
}

// ----- unique ids -----

#[test]
fn adding_any_record_with_an_id_used_anywhere_is_refused() {
    // Ids of every kind of record already in the workspace.
    for taken in ["o1", "p1", "c1", "m1", "r1", "k1"] {
        let mut ws = populated();
        let before = ws.clone();
        let msg = format!("The id {taken} is already used");

        assert_eq!(
            refused(ws.add_organisation(id(taken), &org_draft("New org"), t(10))),
            msg
        );
        assert_eq!(
            refused(ws.add_person(id(taken), &person_draft("New person", None), t(10))),
            msg
        );
        assert_eq!(
            refused(ws.add_community(id(taken), &community_draft("New community", &[]), t(10))),
            msg
        );
        assert_eq!(
            refused(ws.add_membership(
                &id("c2"),
                id(taken),
                &membership_draft("p3", "active", &[], d(2025, 1, 1)),
                t(10)
            )),
            msg
        );
        assert_eq!(
            refused(ws.add_repertoire_item(
                &id("c2"),
                id(taken),
                &repertoire_draft("New item", "case", ""),
                d(2025, 1, 1),
                t(10)
            )),
            msg
        );
        assert_eq!(refused(ws.add_key_issue(&id("c2"), id(taken), "New issue", t(10))), msg);
        assert_eq!(ws, before, "a refused add must change nothing (id {taken})");
    }
}

#[test]
fn adding_a_record_with_the_workspace_id_is_refused() {
    // validate_workspace counts the workspace's own id among the used ids ("id 'x' is
    // already used at id"), so an operation that accepts it makes an unsound workspace.
    let mut ws = populated();
    let result = ws.add_organisation(id("ws-test"), &org_draft("Same id as the workspace"), t(10));
    let problems = validate_workspace(&ws);
    assert_eq!(problems, vec![], "add_organisation returned {result:?}");
    assert_eq!(refused(result), "The id ws-test is already used");
}

#[test]
fn adding_a_record_with_a_malformed_id_is_refused() {
    let mut ws = populated();
    assert_eq!(
        refused(ws.add_organisation(id("has space"), &org_draft("Org"), t(10))),
        "The new id may hold only letters, digits, '-' and '_'"
    );
    assert_eq!(
        refused(ws.add_person(id(""), &person_draft("P", None), t(10))),
        "The new id must not be empty"
    );
    assert_eq!(
        refused(ws.add_community(id(&"c".repeat(65)), &community_draft("C", &[]), t(10))),
        "The new id is longer than 64 characters"
    );
    // 64 characters is still fine.
    ws.add_community(id(&"c".repeat(64)), &community_draft("C", &[]), t(10))
        .unwrap();
    assert_sound(&ws);
}

// ----- memberships -----

#[test]
fn a_person_has_at_most_one_membership_per_community() {
    let mut ws = populated();
    let r = ws.add_membership(
        &id("c1"),
        id("m9"),
        &membership_draft("p1", "active", &[], d(2025, 6, 1)),
        t(10),
    );
    match r {
        Err(ModelError::Invalid(errs)) => assert_eq!(
            errs,
            vec![FieldError {
                field: "person_id",
                message: "This person is already a member of this community".into()
            }]
        ),
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(ws.community(&id("c1")).unwrap().memberships.len(), 2);
    // The same person may still join another community: Cai joins both.
    ws.add_membership(
        &id("c1"),
        id("m9"),
        &membership_draft("p3", "active", &[], d(2025, 6, 1)),
        t(10),
    )
    .unwrap();
    ws.add_membership(
        &id("c2"),
        id("m10"),
        &membership_draft("p3", "active", &[], d(2025, 6, 1)),
        t(10),
    )
    .unwrap();
    assert_eq!(ws.memberships_of(&id("p3")).count(), 2);
    assert_sound(&ws);
}

#[test]
fn editing_a_membership_does_not_count_itself_as_a_duplicate() {
    let ws = populated();
    let c1 = ws.community(&id("c1")).unwrap();
    let draft = membership_draft("p1", "core_group", &[], d(2025, 1, 1));
    assert_eq!(draft.problems(&ws, c1, Some(&id("m1"))), vec![]);
    assert_eq!(fields(&draft.problems(&ws, c1, Some(&id("m2")))), ["person_id"]);
    assert_eq!(fields(&draft.problems(&ws, c1, None)), ["person_id"]);
}

#[test]
fn membership_for_unknown_or_missing_person_is_refused() {
    let mut ws = populated();
    let unknown = membership_draft("p-ghost", "active", &[], d(2025, 1, 1));
    match ws.add_membership(&id("c2"), id("m9"), &unknown, t(10)) {
        Err(ModelError::Invalid(errs)) => {
            assert_eq!(
                errs,
                vec![FieldError {
                    field: "person_id",
                    message: "Choose a person from the list".into()
                }]
            )
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let none = MembershipDraft {
        person_id: None,
        ..unknown
    };
    match ws.add_membership(&id("c2"), id("m9"), &none, t(10)) {
        Err(ModelError::Invalid(errs)) => {
            assert_eq!(
                errs,
                vec![FieldError {
                    field: "person_id",
                    message: "Choose a person".into()
                }]
            )
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(
        ws.add_membership(
            &id("c-ghost"),
            id("m9"),
            &membership_draft("p3", "active", &[], d(2025, 1, 1)),
            t(10)
        ),
        Err(ModelError::NotFound("That community no longer exists".into()))
    );
}

#[test]
fn new_membership_starts_history_with_the_joining_level_and_dedups_roles() {
    let mut ws = populated();
    let draft = membership_draft("p3", "occasional", &["mentor", "facilitator", "mentor"], d(2025, 7, 1));
    ws.add_membership(&id("c2"), id("m9"), &draft, t(10)).unwrap();
    let m = ws
        .community(&id("c2"))
        .unwrap()
        .memberships
        .iter()
        .find(|m| m.id == id("m9"))
        .unwrap()
        .clone();
    assert_eq!(m.level_id, id("occasional"));
    assert_eq!(m.role_ids, vec![id("mentor"), id("facilitator")]);
    assert_eq!(
        m.history,
        vec![LevelChange {
            on: d(2025, 7, 1),
            from_level_id: None,
            to_level_id: id("occasional"),
            reason: "Joined".into()
        }]
    );
    assert_sound(&ws);
}

// ----- references -----

#[test]
fn person_with_unknown_organisation_is_refused() {
    let mut ws = populated();
    let r = ws.add_person(id("p9"), &person_draft("Dee", Some("o-ghost")), t(10));
    match r {
        Err(ModelError::Invalid(errs)) => assert_eq!(
            errs,
            vec![FieldError {
                field: "organisation_id",
                message: "Choose an organisation from the list".into()
            }]
        ),
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert!(ws.person(&id("p9")).is_none());
    // Editing an existing person to point at an unknown organisation is refused too.
    assert_eq!(
        invalid_fields(ws.update_person(&id("p1"), &person_draft("Ana", Some("o-ghost")), t(10))),
        ["organisation_id"]
    );
    assert_eq!(ws.person(&id("p1")).unwrap().organisation_id, Some(id("o1")));
}

#[test]
fn community_with_unknown_organisation_or_catalogue_entry_is_refused() {
    let mut ws = populated();
    assert_eq!(
        invalid_fields(ws.add_community(id("c9"), &community_draft("New", &["o1", "o-ghost"]), t(10))),
        ["organisation_ids"]
    );
    let mut bad = community_draft("New", &[]);
    bad.formation_type_id = id("guild");
    bad.lifecycle_stage_id = id("dormant");
    assert_eq!(
        invalid_fields(ws.add_community(id("c9"), &bad, t(10))),
        ["formation_type_id", "lifecycle_stage_id"]
    );
    assert!(ws.community(&id("c9")).is_none());
}

#[test]
fn community_organisations_are_deduplicated() {
    let mut ws = populated();
    ws.add_community(id("c9"), &community_draft("New", &["o2", "o1", "o2"]), t(10))
        .unwrap();
    assert_eq!(
        ws.community(&id("c9")).unwrap().organisation_ids,
        vec![id("o2"), id("o1")]
    );
    assert_sound(&ws);
}

// ----- level changes -----

#[test]
fn level_change_is_recorded_with_its_date_reason_and_previous_level() {
    let mut ws = populated();
    ws.change_level(
        &id("c1"),
        &id("m2"),
        &id("core_group"),
        d(2025, 5, 1),
        "  Runs the meetups  ",
        t(10),
    )
    .unwrap();
    let m = &ws.community(&id("c1")).unwrap().memberships[1];
    assert_eq!(m.level_id, id("core_group"));
    assert_eq!(
        m.history,
        vec![
            LevelChange {
                on: d(2025, 2, 1),
                from_level_id: None,
                to_level_id: id("active"),
                reason: "Joined".into()
            },
            LevelChange {
                on: d(2025, 5, 1),
                from_level_id: Some(id("active")),
                to_level_id: id("core_group"),
                reason: "Runs the meetups".into(),
            },
        ]
    );
    assert_eq!(ws.community(&id("c1")).unwrap().updated_at, t(10));
    assert_eq!(ws.updated_at, t(10));
    assert_sound(&ws);
}

#[test]
fn level_change_dated_before_the_last_change_is_refused() {
    let mut ws = populated();
    ws.change_level(&id("c1"), &id("m2"), &id("core_group"), d(2025, 5, 1), "", t(10))
        .unwrap();
    let before = ws.clone();
    match ws.change_level(&id("c1"), &id("m2"), &id("peripheral"), d(2025, 4, 30), "", t(11)) {
        Err(ModelError::Invalid(errs)) => assert_eq!(
            errs,
            vec![FieldError {
                field: "on",
                message: "The date must not be before the last change (2025-05-01)".into()
            }]
        ),
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(ws, before);
    // Before the joining date is refused as well (the first history entry is the joining).
    let r = ws.change_level(&id("c1"), &id("m1"), &id("active"), d(2024, 12, 31), "", t(11));
    assert_eq!(invalid_fields(r), ["on"]);
    // The same day as the last change is fine.
    ws.change_level(&id("c1"), &id("m2"), &id("peripheral"), d(2025, 5, 1), "", t(12))
        .unwrap();
    assert_sound(&ws);
}

#[test]
fn level_change_to_the_current_or_an_unknown_level_is_refused() {
    let mut ws = populated();
    match ws.change_level(&id("c1"), &id("m2"), &id("active"), d(2025, 5, 1), "", t(10)) {
        Err(ModelError::Invalid(errs)) => assert_eq!(
            errs,
            vec![FieldError {
                field: "level_id",
                message: "The member is already at this level".into()
            }]
        ),
        other => panic!("expected Invalid, got {other:?}"),
    }
    match ws.change_level(&id("c1"), &id("m2"), &id("lurker"), d(2025, 5, 1), "", t(10)) {
        Err(ModelError::Invalid(errs)) => assert_eq!(
            errs,
            vec![FieldError {
                field: "level_id",
                message: "Choose a participation level".into()
            }]
        ),
        other => panic!("expected Invalid, got {other:?}"),
    }
    let long_reason = "r".repeat(SHORT_MAX + 1);
    assert_eq!(
        invalid_fields(ws.change_level(
            &id("c1"),
            &id("m2"),
            &id("core_group"),
            d(2025, 5, 1),
            &long_reason,
            t(10)
        )),
        ["reason"]
    );
    assert_eq!(
        ws.change_level(&id("c1"), &id("m-ghost"), &id("core_group"), d(2025, 5, 1), "", t(10)),
        Err(ModelError::NotFound("That membership no longer exists".into()))
    );
    assert_eq!(ws, populated());
}

#[test]
fn level_id_always_equals_the_last_history_entry() {
    let mut ws = populated();
    let moves = [
        ("core_group", d(2025, 3, 1)),
        ("occasional", d(2025, 3, 1)),
        ("peripheral", d(2025, 9, 9)),
        ("active", d(2026, 1, 1)),
    ];
    for (i, (level, on)) in moves.into_iter().enumerate() {
        ws.change_level(&id("c1"), &id("m2"), &id(level), on, "", t(10 + i as i64))
            .unwrap();
        let m = &ws.community(&id("c1")).unwrap().memberships[1];
        assert_eq!(m.level_id, m.history.last().unwrap().to_level_id);
        assert_eq!(m.level_id, id(level));
        assert_eq!(m.history.len(), i + 2);
        assert_sound(&ws);
    }
    let m = &ws.community(&id("c1")).unwrap().memberships[1];
    let froms: Vec<_> = m.history.iter().map(|h| h.from_level_id.clone()).collect();
    assert_eq!(
        froms,
        vec![
            None,
            Some(id("active")),
            Some(id("core_group")),
            Some(id("occasional")),
            Some(id("peripheral"))
        ]
    );
}

#[test]
fn set_roles_refuses_unknown_roles_and_deduplicates() {
    let mut ws = populated();
    assert_eq!(
        invalid_fields(ws.set_roles(&id("c1"), &id("m2"), &[id("mentor"), id("wizard")], t(10))),
        ["role_ids"]
    );
    ws.set_roles(
        &id("c1"),
        &id("m2"),
        &[id("sponsor"), id("sponsor"), id("mentor")],
        t(10),
    )
    .unwrap();
    assert_eq!(
        ws.community(&id("c1")).unwrap().memberships[1].role_ids,
        vec![id("sponsor"), id("mentor")]
    );
    assert_sound(&ws);
}

// ----- deletes -----

#[test]
fn deleting_a_person_removes_their_memberships_everywhere() {
    let mut ws = populated();
    assert_eq!(
        ws.person_usage(&id("p1")),
        vec!["member of Guild".to_string(), "member of Chapter".to_string()]
    );
    ws.delete_person(&id("p1"), t(20)).unwrap();
    assert!(ws.person(&id("p1")).is_none());
    let c1: Vec<_> = ws
        .community(&id("c1"))
        .unwrap()
        .memberships
        .iter()
        .map(|m| m.id.clone())
        .collect();
    let c2: Vec<_> = ws
        .community(&id("c2"))
        .unwrap()
        .memberships
        .iter()
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(c1, vec![id("m2")], "Ben's membership stays");
    assert_eq!(c2, Vec::<Id>::new());
    assert_eq!(ws.community(&id("c1")).unwrap().updated_at, t(20));
    assert_eq!(ws.updated_at, t(20));
    assert_sound(&ws);
    assert_eq!(
        ws.delete_person(&id("p1"), t(21)),
        Err(ModelError::NotFound("That person no longer exists".into()))
    );
}

#[test]
fn deleting_an_organisation_unlinks_people_and_communities() {
    let mut ws = populated();
    assert_eq!(
        ws.organisation_usage(&id("o1")),
        vec![
            "person Ana".to_string(),
            "community Guild".to_string(),
            "community Chapter".to_string()
        ]
    );
    ws.delete_organisation(&id("o1"), t(20)).unwrap();
    assert!(ws.organisation(&id("o1")).is_none());
    assert_eq!(ws.person(&id("p1")).unwrap().organisation_id, None);
    assert_eq!(ws.person(&id("p1")).unwrap().updated_at, t(20));
    assert_eq!(
        ws.person(&id("p2")).unwrap().organisation_id,
        Some(id("o2")),
        "others keep theirs"
    );
    assert_eq!(ws.community(&id("c1")).unwrap().organisation_ids, vec![id("o2")]);
    assert_eq!(ws.community(&id("c2")).unwrap().organisation_ids, Vec::<Id>::new());
    assert_sound(&ws);
}

#[test]
fn deleting_a_community_takes_its_memberships_and_practice_with_it() {
    let mut ws = populated();
    ws.delete_community(&id("c1"), t(20)).unwrap();
    assert_eq!(ws.communities.len(), 1);
    assert!(!ws.id_in_use(&id("m1")) && !ws.id_in_use(&id("r1")) && !ws.id_in_use(&id("k1")));
    assert_sound(&ws);
    // Freed ids may be used again.
    ws.add_organisation(id("m1"), &org_draft("Reuses a freed id"), t(21))
        .unwrap();
    assert_sound(&ws);
}

// ----- catalogues -----

#[test]
fn catalogue_delete_is_refused_while_in_use_and_names_the_user() {
    let mut ws = populated();
    let before = ws.clone();
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::FormationTypes, &id("chapter"), t(20))),
        "'Chapter' is still used by community Chapter. Change those first."
    );
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::LifecycleStages, &id("potential"), t(20))),
        "'Potential' is still used by community Guild, community Chapter. Change those first."
    );
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::ParticipationLevels, &id("active"), t(20))),
        "'Active' is still used by Ben in Guild. Change those first."
    );
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::Roles, &id("mentor"), t(20))),
        "'Mentor' is still used by Ana in Guild. Change those first."
    );
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::RepertoireKinds, &id("tool"), t(20))),
        "'Tool' is still used by 'Template' in Guild. Change those first."
    );
    assert_eq!(ws, before);
}

#[test]
fn catalogue_delete_is_refused_for_a_level_used_only_in_history() {
    let mut ws = populated();
    ws.change_level(&id("c1"), &id("m2"), &id("core_group"), d(2025, 5, 1), "", t(10))
        .unwrap();
    // Nobody is "active" now, but Ben's history still moves from and to it.
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::ParticipationLevels, &id("active"), t(20))),
        "'Active' is still used by Ben in Guild. Change those first."
    );
}

#[test]
fn catalogue_delete_message_lists_five_users_and_counts_the_rest() {
    let mut ws = empty_ws();
    for i in 0..7 {
        ws.add_community(id(&format!("c{i}")), &community_draft(&format!("C{i}"), &[]), t(1))
            .unwrap();
    }
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::FormationTypes, &id("community_of_practice"), t(2))),
        "'Community of practice' is still used by community C0, community C1, community C2, community C3, community C4 and 2 more. Change those first."
    );
}

#[test]
fn deleting_the_last_entry_of_a_required_catalogue_is_refused() {
    let required = [
        (CatalogueKind::FormationTypes, "formation type"),
        (CatalogueKind::ParticipationLevels, "participation level"),
        (CatalogueKind::LifecycleStages, "lifecycle stage"),
        (CatalogueKind::RepertoireKinds, "repertoire kind"),
    ];
    for (kind, noun) in required {
        let mut ws = empty_ws();
        let ids: Vec<Id> = ws.catalogues.get(kind).iter().map(|e| e.id.clone()).collect();
        for extra in &ids[1..] {
            ws.delete_catalogue_entry(kind, extra, t(1)).unwrap();
        }
        let last = ws.catalogues.get(kind)[0].clone();
        assert_eq!(
            refused(ws.delete_catalogue_entry(kind, &last.id, t(2))),
            format!("'{}' is the last {noun}; new records need at least one.", last.label)
        );
        assert_eq!(ws.catalogues.get(kind).len(), 1);
        assert_sound(&ws);
    }
}

#[test]
fn optional_catalogues_may_be_emptied() {
    let mut ws = empty_ws();
    for kind in [CatalogueKind::Roles, CatalogueKind::ValueCycles] {
        let ids: Vec<Id> = ws.catalogues.get(kind).iter().map(|e| e.id.clone()).collect();
        for entry in &ids {
            ws.delete_catalogue_entry(kind, entry, t(1)).unwrap();
        }
        assert!(ws.catalogues.get(kind).is_empty());
    }
    assert_sound(&ws);
}

#[test]
fn catalogue_delete_of_an_unused_entry_is_allowed() {
    let mut ws = populated();
    ws.delete_catalogue_entry(CatalogueKind::FormationTypes, &id("practice_group"), t(20))
        .unwrap();
    ws.delete_catalogue_entry(CatalogueKind::ParticipationLevels, &id("transactional"), t(20))
        .unwrap();
    ws.delete_catalogue_entry(CatalogueKind::Roles, &id("sponsor"), t(20))
        .unwrap();
    ws.delete_catalogue_entry(CatalogueKind::RepertoireKinds, &id("story"), t(20))
        .unwrap();
    assert!(!ws
        .catalogues
        .contains(CatalogueKind::FormationTypes, &id("practice_group")));
    assert_eq!(ws.catalogues.get(CatalogueKind::ParticipationLevels).len(), 4);
    assert_eq!(ws.updated_at, t(20));
    assert_sound(&ws);
    assert_eq!(
        ws.delete_catalogue_entry(CatalogueKind::Roles, &id("sponsor"), t(21)),
        Err(ModelError::NotFound("That role no longer exists".into()))
    );
}

#[test]
fn renaming_a_catalogue_label_leaves_records_valid() {
    let mut ws = populated();
    ws.update_catalogue_entry(
        CatalogueKind::ParticipationLevels,
        &id("core_group"),
        "Stewards",
        "Keep it going",
        "Our own",
        t(20),
    )
    .unwrap();
    ws.update_catalogue_entry(
        CatalogueKind::FormationTypes,
        &id("chapter"),
        "Local branch",
        "",
        "",
        t(20),
    )
    .unwrap();
    assert_eq!(
        ws.catalogues
            .label(CatalogueKind::ParticipationLevels, &id("core_group")),
        "Stewards"
    );
    assert_eq!(
        ws.community(&id("c1")).unwrap().memberships[0].level_id,
        id("core_group")
    );
    assert_eq!(ws.community(&id("c2")).unwrap().formation_type_id, id("chapter"));
    assert_sound(&ws);
    // The usage message uses the new label.
    assert_eq!(
        refused(ws.delete_catalogue_entry(CatalogueKind::ParticipationLevels, &id("core_group"), t(21))),
        "'Stewards' is still used by Ana in Guild. Change those first."
    );
}

#[test]
fn catalogue_entries_get_slug_ids_that_never_collide() {
    let mut ws = empty_ws();
    let a = ws
        .add_catalogue_entry(CatalogueKind::Roles, "Story keeper", "", "", t(1))
        .unwrap();
    let b = ws
        .add_catalogue_entry(CatalogueKind::Roles, "Story  Keeper!", "", "", t(1))
        .unwrap();
    let c = ws
        .add_catalogue_entry(CatalogueKind::Roles, "Mentor", "", "", t(1))
        .unwrap();
    let e = ws
        .add_catalogue_entry(CatalogueKind::Roles, "Ωμέγα", "", "", t(1))
        .unwrap();
    assert_eq!(
        [a.as_str(), b.as_str(), c.as_str(), e.as_str()],
        ["story_keeper", "story_keeper_2", "mentor_2", "entry"]
    );
    let long = ws
        .add_catalogue_entry(CatalogueKind::Roles, &"x".repeat(NAME_MAX), "", "", t(1))
        .unwrap();
    assert_eq!(Id::check(long.as_str()), None);
    assert_sound(&ws);
    assert_eq!(
        invalid_fields(
            ws.add_catalogue_entry(CatalogueKind::Roles, "  ", "", "", t(1))
                .map(|_| ())
        ),
        ["label"]
    );
    assert_eq!(
        invalid_fields(
            ws.add_catalogue_entry(
                CatalogueKind::Roles,
                &"x".repeat(NAME_MAX + 1),
                "",
                &"s".repeat(SHORT_MAX + 1),
                t(1)
            )
            .map(|_| ())
        ),
        ["label", "source"]
    );
}

// ----- text limits -----

#[test]
fn name_limit_counts_characters_not_bytes() {
    let thai = "\u{e01}".repeat(NAME_MAX); // 3 bytes each
    let emoji = "\u{1f600}".repeat(NAME_MAX); // 4 bytes each
    assert_eq!(thai.len(), 600);
    assert_eq!(emoji.len(), 800);
    let mut ws = empty_ws();
    ws.add_organisation(id("o-thai"), &org_draft(&thai), t(1)).unwrap();
    ws.add_person(id("p-emoji"), &person_draft(&emoji, Some("o-thai")), t(1))
        .unwrap();
    ws.add_community(id("c-thai"), &community_draft(&thai, &[]), t(1))
        .unwrap();
    ws.add_repertoire_item(
        &id("c-thai"),
        id("r-emoji"),
        &repertoire_draft(&emoji, "tool", ""),
        d(2025, 1, 1),
        t(1),
    )
    .unwrap();
    assert_eq!(ws.organisation(&id("o-thai")).unwrap().name.chars().count(), 200);
    assert_sound(&ws);
}

#[test]
fn a_name_one_character_over_the_limit_is_refused_with_its_length() {
    let thai = "\u{e01}".repeat(NAME_MAX + 1);
    let expected = |what: &str| format!("{what} is 201 characters long; the limit is 200");
    assert_eq!(
        OrganisationDraft {
            name: thai.clone(),
            description: String::new()
        }
        .problems(),
        vec![FieldError {
            field: "name",
            message: expected("Name")
        }]
    );
    let mut ws = empty_ws();
    assert_eq!(
        invalid_fields(ws.add_organisation(id("o1"), &org_draft(&thai), t(1))),
        ["name"]
    );
    assert_eq!(
        invalid_fields(ws.add_person(id("p1"), &person_draft(&"\u{1f600}".repeat(201), None), t(1))),
        ["name"]
    );
    assert_eq!(
        invalid_fields(ws.add_community(id("c1"), &community_draft(&thai, &[]), t(1))),
        ["name"]
    );
    ws.add_community(id("c1"), &community_draft("ok", &[]), t(1)).unwrap();
    match ws.add_repertoire_item(
        &id("c1"),
        id("r1"),
        &repertoire_draft(&thai, "tool", ""),
        d(2025, 1, 1),
        t(1),
    ) {
        Err(ModelError::Invalid(errs)) => {
            assert_eq!(
                errs,
                vec![FieldError {
                    field: "title",
                    message: expected("Title")
                }]
            )
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(invalid_fields(ws.rename(&thai, "", t(1))), ["name"]);
    assert!(ws.organisations.is_empty() && ws.people.is_empty());
}

#[test]
fn blank_names_are_required() {
    let draft = OrganisationDraft {
        name: " \t\n ".into(),
        description: String::new(),
    };
    assert_eq!(
        draft.problems(),
        vec![FieldError {
            field: "name",
            message: "Name is required".into()
        }]
    );
    let ws = empty_ws();
    let r = RepertoireDraft {
        title: "".into(),
        kind_id: id("tool"),
        description: String::new(),
        link: String::new(),
    };
    assert_eq!(
        r.problems(&ws),
        vec![FieldError {
            field: "title",
            message: "Title is required".into()
        }]
    );
}

#[test]
fn names_are_stored_trimmed() {
    let mut ws = empty_ws();
    ws.add_organisation(id("o1"), &org_draft("  Acme  "), t(1)).unwrap();
    let mut p = person_draft("  Ana  ", Some("o1"));
    p.email = "  ana@example.org ".into();
    ws.add_person(id("p1"), &p, t(1)).unwrap();
    assert_eq!(ws.organisation(&id("o1")).unwrap().name, "Acme");
    assert_eq!(ws.person(&id("p1")).unwrap().name, "Ana");
    assert_eq!(ws.person(&id("p1")).unwrap().email, "ana@example.org");
}

#[test]
fn key_issue_text_is_required_and_limited() {
    let mut ws = populated();
    assert_eq!(
        invalid_fields(ws.add_key_issue(&id("c1"), id("k9"), "   ", t(10))),
        ["text"]
    );
    assert_eq!(
        invalid_fields(ws.add_key_issue(&id("c1"), id("k9"), &"i".repeat(SHORT_MAX + 1), t(10))),
        ["text"]
    );
    ws.add_key_issue(&id("c1"), id("k9"), &"i".repeat(SHORT_MAX), t(10))
        .unwrap();
    assert_sound(&ws);
}

// ----- draft problems, field by field -----

#[test]
fn organisation_draft_reports_name_and_description() {
    let draft = OrganisationDraft {
        name: String::new(),
        description: "d".repeat(LONG_MAX + 1),
    };
    let errs = draft.problems();
    assert_eq!(fields(&errs), ["name", "description"]);
    assert_eq!(
        field_error(&errs, "description").unwrap(),
        "Description is 20001 characters long; the limit is 20000"
    );
    assert_eq!(
        OrganisationDraft {
            name: "Acme".into(),
            description: "d".repeat(LONG_MAX)
        }
        .problems(),
        vec![]
    );
}

#[test]
fn person_draft_reports_each_field() {
    let ws = populated();
    let draft = PersonDraft {
        name: "".into(),
        email: "not an email".into(),
        organisation_id: Some(id("o-ghost")),
        title: "t".repeat(SHORT_MAX + 1),
        notes: "n".repeat(LONG_MAX + 1),
    };
    let errs = draft.problems(&ws);
    assert_eq!(fields(&errs), ["name", "email", "organisation_id", "title", "notes"]);
    assert_eq!(
        field_error(&errs, "email").unwrap(),
        "Email must look like name@example.org"
    );
    assert_eq!(
        field_error(&errs, "title").unwrap(),
        "Title is 1001 characters long; the limit is 1000"
    );
    assert_eq!(field_error(&errs, "phone"), None);

    let long_email = format!("{}@example.org", "a".repeat(SHORT_MAX));
    let errs = PersonDraft {
        name: "Ana".into(),
        email: long_email,
        ..Default::default()
    }
    .problems(&ws);
    assert_eq!(fields(&errs), ["email"]);
    assert_eq!(errs[0].message, "Email is 1012 characters long; the limit is 1000");

    let ok = PersonDraft {
        name: "Ana".into(),
        email: "ana@example.org".into(),
        organisation_id: Some(id("o2")),
        ..Default::default()
    };
    assert_eq!(ok.problems(&ws), vec![]);
}

#[test]
fn community_draft_reports_each_field() {
    let ws = populated();
    let draft = CommunityDraft {
        name: " ".into(),
        formation_type_id: id("guild"),
        lifecycle_stage_id: id(""),
        organisation_ids: vec![id("o1"), id("o-ghost")],
        domain_statement: "s".repeat(LONG_MAX + 1),
    };
    let errs = draft.problems(&ws);
    assert_eq!(
        fields(&errs),
        [
            "name",
            "formation_type_id",
            "lifecycle_stage_id",
            "organisation_ids",
            "domain_statement"
        ]
    );
    assert_eq!(
        field_error(&errs, "formation_type_id").unwrap(),
        "Choose a formation type"
    );
    assert_eq!(
        field_error(&errs, "lifecycle_stage_id").unwrap(),
        "Choose a lifecycle stage"
    );
    assert_eq!(
        field_error(&errs, "organisation_ids").unwrap(),
        "Choose organisations from the list"
    );

    let fresh = CommunityDraft {
        name: "New".into(),
        ..CommunityDraft::new_in(&ws)
    };
    assert_eq!(fresh.formation_type_id, id("community_of_practice"));
    assert_eq!(fresh.lifecycle_stage_id, id("potential"));
    assert_eq!(fresh.problems(&ws), vec![]);
    let round = CommunityDraft::of(ws.community(&id("c2")).unwrap());
    assert_eq!(round.formation_type_id, id("chapter"));
    assert_eq!(round.organisation_ids, vec![id("o1")]);
    assert_eq!(round.problems(&ws), vec![]);
}

#[test]
fn membership_draft_reports_each_field() {
    let ws = populated();
    let c2 = ws.community(&id("c2")).unwrap();
    let draft = MembershipDraft {
        person_id: None,
        level_id: id("lurker"),
        role_ids: vec![id("mentor"), id("wizard")],
        joined_on: d(2025, 1, 1),
    };
    let errs = draft.problems(&ws, c2, None);
    assert_eq!(
        errs,
        vec![
            FieldError {
                field: "person_id",
                message: "Choose a person".into()
            },
            FieldError {
                field: "level_id",
                message: "Choose a participation level".into()
            },
            FieldError {
                field: "role_ids",
                message: "Choose roles from the list".into()
            },
        ]
    );
}

#[test]
fn repertoire_draft_reports_each_field() {
    let ws = populated();
    let draft = RepertoireDraft {
        title: "".into(),
        kind_id: id("poem"),
        description: "d".repeat(LONG_MAX + 1),
        link: "javascript:alert(1)".into(),
    };
    let errs = draft.problems(&ws);
    assert_eq!(fields(&errs), ["title", "kind_id", "description", "link"]);
    assert_eq!(field_error(&errs, "kind_id").unwrap(), "Choose a kind");
}

// ----- links -----

#[test]
fn repertoire_draft_refuses_script_and_data_links_even_when_disguised() {
    let ws = populated();
    let cases = [
        ("javascript:alert(1)", "javascript"),
        ("JavaScript:alert(1)", "javascript"),
        ("  javascript:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        ("\u{1}javascript:alert(1)", "javascript"),
        ("data:text/html,<script>alert(1)</script>", "data"),
        ("vbscript:msgbox", "vbscript"),
        ("file:///etc/passwd", "file"),
    ];
    for (link, scheme) in cases {
        let errs = repertoire_draft("Item", "tool", link).problems(&ws);
        assert_eq!(
            errs,
            vec![FieldError {
                field: "link",
                message: format!("Link uses the '{scheme}:' scheme; only http, https and mailto links are allowed"),
            }],
            "link {link:?}"
        );
    }
    let mut ws2 = ws.clone();
    assert_eq!(
        invalid_fields(ws2.add_repertoire_item(
            &id("c1"),
            id("r9"),
            &repertoire_draft("Item", "tool", "javascript:alert(1)"),
            d(2025, 1, 1),
            t(10)
        )),
        ["link"]
    );
    assert_eq!(ws2, ws);
}

#[test]
fn repertoire_draft_refuses_links_without_a_scheme_or_too_long() {
    let ws = populated();
    assert_eq!(
        repertoire_draft("Item", "tool", "example.org/page").problems(&ws),
        vec![FieldError {
            field: "link",
            message: "Link must start with http://, https:// or mailto:".into()
        }]
    );
    let long = format!("https://example.org/{}", "a".repeat(LINK_MAX));
    assert_eq!(
        repertoire_draft("Item", "tool", &long).problems(&ws),
        vec![FieldError {
            field: "link",
            message: format!("Link is {} characters long; the limit is 2000", long.chars().count())
        }]
    );
}

#[test]
fn repertoire_accepts_web_and_mail_links_and_stores_them_trimmed() {
    let mut ws = populated();
    for (i, link) in [
        "https://example.org/a",
        "HTTP://example.org",
        "mailto:team@example.org",
        "",
        "  https://example.org/b  ",
    ]
    .into_iter()
    .enumerate()
    {
        ws.add_repertoire_item(
            &id("c2"),
            id(&format!("r-ok{i}")),
            &repertoire_draft("Item", "document", link),
            d(2025, 1, 1),
            t(10),
        )
        .unwrap();
    }
    let links: Vec<_> = ws
        .community(&id("c2"))
        .unwrap()
        .practice
        .iter()
        .map(|r| r.link.clone())
        .collect();
    assert_eq!(
        links,
        [
            "https://example.org/a",
            "HTTP://example.org",
            "mailto:team@example.org",
            "",
            "https://example.org/b"
        ]
    );
    assert_sound(&ws);
}

// ----- timestamps -----

#[test]
fn operations_keep_workspace_updated_at_monotonic() {
    let mut ws = populated();
    ws.add_organisation(id("o9"), &org_draft("Late"), t(100)).unwrap();
    // A clock that went backwards does not move the workspace's updated_at back.
    ws.add_organisation(id("o10"), &org_draft("Early"), t(50)).unwrap();
    assert_eq!(ws.updated_at, t(100));
    assert_sound(&ws);
}

#[test]
fn editing_a_record_with_a_clock_behind_its_creation_keeps_it_valid() {
    // Operations take `now` from the caller; Workspace::touch guards against a clock that
    // went backwards, but record updates set `updated_at = now` unguarded, which makes
    // validate_workspace report `organisations[0].updated_at: is before created_at`.
    let mut ws = empty_ws();
    ws.add_organisation(id("o1"), &org_draft("Acme"), t(100)).unwrap();
    ws.update_organisation(&id("o1"), &org_draft("Acme Ltd"), t(50))
        .unwrap();
    assert_eq!(validate_workspace(&ws), vec![]);
}

#[test]
fn model_errors_display_their_message() {
    let e = ModelError::Invalid(vec![
        FieldError {
            field: "name",
            message: "Name is required".into(),
        },
        FieldError {
            field: "email",
            message: "Email must look like name@example.org".into(),
        },
    ]);
    assert_eq!(e.to_string(), "Name is required; Email must look like name@example.org");
    assert_eq!(ModelError::Refused("No".into()).to_string(), "No");
}
