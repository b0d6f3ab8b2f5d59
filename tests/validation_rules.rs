//! `validate_workspace`, one rule at a time.
//!
//! Each test starts from the sample workspace (which must be sound), breaks exactly one
//! thing, and asserts the exact problem list: the field path and the reason.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, NaiveDate};
use cultivate::model::limits::{LINK_MAX, LONG_MAX, NAME_MAX, SHORT_MAX};
use cultivate::model::sample::sample_workspace;
use cultivate::model::*;

fn id(s: &str) -> Id {
    Id::new(s)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn p(path: &str, reason: &str) -> Problem {
    Problem {
        path: path.into(),
        reason: reason.into(),
    }
}

/// The problems after breaking the sample with `f`.
fn broken(f: impl FnOnce(&mut Workspace)) -> Vec<Problem> {
    let mut ws = sample_workspace();
    f(&mut ws);
    validate_workspace(&ws)
}

fn paths(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

fn too_long(n: usize, max: usize) -> String {
    format!("is {n} characters long; the limit is {max}")
}

// ----- the starting point -----

#[test]
fn sample_workspace_validates_clean() {
    let ws = sample_workspace();
    assert_eq!(validate_workspace(&ws), vec![]);
    // The indices the tests below rely on.
    assert_eq!(ws.people[0].id, id("p-amara"));
    assert_eq!(ws.people[7].id, id("p-hana"));
    assert_eq!(ws.communities[2].id, id("c-negotiators"));
    assert_eq!(ws.communities[2].memberships[0].person_id, id("p-kofi"));
    assert_eq!(ws.communities[2].memberships[1].person_id, id("p-hana"));
    assert_eq!(ws.communities[2].memberships[2].history.len(), 3);
    assert_eq!(
        ws.communities[2].organisation_ids,
        vec![id("org-relief"), id("org-medaid"), id("org-foodnet")]
    );
    assert_eq!(ws.communities[0].practice.len(), 2);
}

#[test]
fn a_fresh_workspace_validates_clean() {
    let ws = Workspace::new(id("w"), "  Fresh  ", chrono::DateTime::UNIX_EPOCH);
    assert_eq!(ws.name, "Fresh");
    assert_eq!(validate_workspace(&ws), vec![]);
}

#[test]
fn problem_display_is_path_then_reason() {
    assert_eq!(
        p("people[1].name", "must not be empty").to_string(),
        "people[1].name: must not be empty"
    );
    assert_eq!(
        p("", "the document must be an object").to_string(),
        "the document must be an object"
    );
}

// ----- ids -----

#[test]
fn duplicate_id_names_where_it_was_first_used() {
    let problems = broken(|ws| ws.communities[2].practice[1].id = id("m-r1"));
    assert_eq!(
        problems,
        vec![p(
            "communities[2].practice[1].id",
            "id 'm-r1' is already used at communities[0].memberships[0].id"
        )]
    );
}

#[test]
fn duplicate_id_across_record_kinds_is_reported_at_the_later_use() {
    // A key issue (communities[1]) reuses an organisation's id.
    let problems = broken(|ws| ws.communities[1].domain.key_issues[0].id = id("org-foodnet"));
    assert_eq!(
        problems,
        vec![p(
            "communities[1].domain.key_issues[0].id",
            "id 'org-foodnet' is already used at organisations[3].id"
        )]
    );
    // Reusing the workspace's own id: the first use is the top-level `id`.
    let problems = broken(|ws| ws.communities[0].practice[0].id = id("sample-workspace"));
    assert_eq!(
        problems,
        vec![p(
            "communities[0].practice[0].id",
            "id 'sample-workspace' is already used at id"
        )]
    );
}

#[test]
fn an_id_used_three_times_reports_both_later_uses_in_order_among_other_problems() {
    // Validation first walks without writing paths, then walks again for repeated ids: the
    // report must still hold every problem, in document order, each repeat pointing at the
    // first use.
    let problems = broken(|ws| {
        ws.people[0].name = "  ".into();
        ws.communities[1].practice[0].id = id("m-r1");
        ws.communities[2].practice[1].id = id("m-r1");
        ws.communities[2].name = String::new();
    });
    assert_eq!(
        problems,
        vec![
            p("people[0].name", "must not be empty"),
            p(
                "communities[1].practice[0].id",
                "id 'm-r1' is already used at communities[0].memberships[0].id"
            ),
            p("communities[2].name", "must not be empty"),
            p(
                "communities[2].practice[1].id",
                "id 'm-r1' is already used at communities[0].memberships[0].id"
            ),
        ]
    );
}

#[test]
fn bad_id_characters_length_and_emptiness_are_reported() {
    assert_eq!(
        broken(|ws| ws.communities[0].practice[0].id = id("r r1")),
        vec![p(
            "communities[0].practice[0].id",
            "id may hold only letters, digits, '-' and '_'"
        )]
    );
    assert_eq!(
        broken(|ws| ws.communities[1].domain.key_issues[0].id = id("<script>")),
        vec![p(
            "communities[1].domain.key_issues[0].id",
            "id may hold only letters, digits, '-' and '_'"
        )]
    );
    assert_eq!(broken(|ws| ws.id = id("")), vec![p("id", "id must not be empty")]);
    // A sample meeting's harvest and two stories link that repertoire item, so those references dangle too.
    assert_eq!(
        broken(|ws| ws.communities[2].practice[0].id = id(&"r".repeat(65))),
        vec![
            p("communities[2].practice[0].id", "id is longer than 64 characters"),
            p(
                "communities[2].facilitation.meetings[0].record.harvest[0].repertoire_item_id",
                "no repertoire item with id 'r-n1' in this community"
            ),
            p(
                "communities[2].evaluation.stories[0].repertoire_item_ids[0]",
                "no repertoire item with id 'r-n1' in this community"
            ),
            p(
                "communities[2].evaluation.stories[3].repertoire_item_ids[0]",
                "no repertoire item with id 'r-n1' in this community"
            ),
        ]
    );
}

// ----- names and text lengths -----

#[test]
fn empty_names_are_reported() {
    assert_eq!(
        broken(|ws| ws.organisations[2].name = "   ".into()),
        vec![p("organisations[2].name", "must not be empty")]
    );
    assert_eq!(
        broken(|ws| ws.people[5].name = String::new()),
        vec![p("people[5].name", "must not be empty")]
    );
    assert_eq!(
        broken(|ws| ws.communities[1].name = "\n".into()),
        vec![p("communities[1].name", "must not be empty")]
    );
    assert_eq!(
        broken(|ws| ws.name = String::new()),
        vec![p("name", "must not be empty")]
    );
    assert_eq!(
        broken(|ws| ws.communities[2].practice[1].title = String::new()),
        vec![p("communities[2].practice[1].title", "must not be empty")]
    );
    assert_eq!(
        broken(|ws| ws.catalogues.roles[3].label = " ".into()),
        vec![p("catalogues.roles[3].label", "must not be empty")]
    );
    assert_eq!(
        broken(|ws| ws.communities[0].domain.key_issues[1].text = String::new()),
        vec![p("communities[0].domain.key_issues[1].text", "must not be empty")]
    );
}

#[test]
fn too_long_names_are_reported_in_characters() {
    // 200 Thai characters (600 bytes) is fine; 201 is not.
    assert_eq!(broken(|ws| ws.people[4].name = "\u{e01}".repeat(NAME_MAX)), vec![]);
    assert_eq!(
        broken(|ws| ws.people[4].name = "\u{e01}".repeat(NAME_MAX + 1)),
        vec![p("people[4].name", &too_long(201, 200))]
    );
    assert_eq!(
        broken(|ws| ws.catalogues.lifecycle_stages[1].label = "x".repeat(250)),
        vec![p("catalogues.lifecycle_stages[1].label", &too_long(250, 200))]
    );
}

#[test]
fn too_long_texts_are_reported_at_their_path() {
    type Setter = Box<dyn Fn(&mut Workspace, String)>;
    let cases: Vec<(&str, usize, Setter)> = vec![
        ("description", LONG_MAX, Box::new(|ws, s| ws.description = s)),
        (
            "organisations[1].description",
            LONG_MAX,
            Box::new(|ws, s| ws.organisations[1].description = s),
        ),
        ("people[2].email", SHORT_MAX, Box::new(|ws, s| ws.people[2].email = s)),
        ("people[2].title", SHORT_MAX, Box::new(|ws, s| ws.people[2].title = s)),
        ("people[2].notes", LONG_MAX, Box::new(|ws, s| ws.people[2].notes = s)),
        (
            "communities[0].domain.statement",
            LONG_MAX,
            Box::new(|ws, s| ws.communities[0].domain.statement = s),
        ),
        (
            "communities[2].domain.key_issues[1].text",
            SHORT_MAX,
            Box::new(|ws, s| ws.communities[2].domain.key_issues[1].text = s),
        ),
        (
            "communities[2].memberships[2].history[1].reason",
            SHORT_MAX,
            Box::new(|ws, s| ws.communities[2].memberships[2].history[1].reason = s),
        ),
        (
            "communities[1].practice[0].description",
            LONG_MAX,
            Box::new(|ws, s| ws.communities[1].practice[0].description = s),
        ),
        (
            "communities[1].practice[0].title",
            NAME_MAX,
            Box::new(|ws, s| ws.communities[1].practice[0].title = s),
        ),
        (
            "catalogues.value_cycles[7].description",
            LONG_MAX,
            Box::new(|ws, s| ws.catalogues.value_cycles[7].description = s),
        ),
        (
            "catalogues.value_cycles[7].source",
            SHORT_MAX,
            Box::new(|ws, s| ws.catalogues.value_cycles[7].source = s),
        ),
    ];
    for (path, max, set) in cases {
        let mut ws = sample_workspace();
        set(&mut ws, "\u{e9}".repeat(max));
        assert_eq!(validate_workspace(&ws), vec![], "{path} at exactly the limit is fine");
        set(&mut ws, "\u{e9}".repeat(max + 1));
        assert_eq!(validate_workspace(&ws), vec![p(path, &too_long(max + 1, max))]);
    }
}

#[test]
fn too_long_link_is_reported_for_its_length_not_its_scheme() {
    let link = format!("https://example.org/{}", "a".repeat(LINK_MAX));
    let n = link.chars().count();
    assert_eq!(
        broken(|ws| ws.communities[0].practice[1].link = link),
        vec![p("communities[0].practice[1].link", &too_long(n, LINK_MAX))]
    );
}

// ----- references -----

#[test]
fn dangling_membership_person_is_reported() {
    let problems = broken(|ws| ws.communities[2].memberships[1].person_id = id("p-nobody"));
    assert_eq!(
        problems,
        vec![p(
            "communities[2].memberships[1].person_id",
            "no person with id 'p-nobody'"
        )]
    );
    assert!(problems[0].reason.contains("p-nobody"));
}

#[test]
fn second_membership_of_the_same_person_in_a_community_is_reported() {
    // Hana's membership now names Kofi, who already has memberships[0].
    assert_eq!(
        broken(|ws| ws.communities[2].memberships[1].person_id = id("p-kofi")),
        vec![p(
            "communities[2].memberships[1].person_id",
            "this person already has a membership in this community"
        )]
    );
}

#[test]
fn dangling_person_organisation_is_reported() {
    assert_eq!(
        broken(|ws| ws.people[7].organisation_id = Some(id("org-x"))),
        vec![p("people[7].organisation_id", "no organisation with id 'org-x'")]
    );
    assert_eq!(
        broken(|ws| ws.people[7].organisation_id = None),
        vec![],
        "no organisation is fine"
    );
}

#[test]
fn dangling_community_organisation_is_reported() {
    assert_eq!(
        broken(|ws| ws.communities[2].organisation_ids[1] = id("org-x")),
        vec![p(
            "communities[2].organisation_ids[1]",
            "no organisation with id 'org-x'"
        )]
    );
}

#[test]
fn duplicate_organisation_in_a_community_is_reported() {
    assert_eq!(
        broken(|ws| ws.communities[2].organisation_ids.push(id("org-relief"))),
        vec![p(
            "communities[2].organisation_ids[3]",
            "lists the same organisation twice"
        )]
    );
}

// ----- catalogue references -----

#[test]
fn unknown_formation_type_and_lifecycle_stage_are_reported() {
    assert_eq!(
        broken(|ws| ws.communities[0].formation_type_id = id("guild")),
        vec![p(
            "communities[0].formation_type_id",
            "no formation type with id 'guild' in catalogues.formation_types"
        )]
    );
    assert_eq!(
        broken(|ws| ws.communities[1].lifecycle_stage_id = id("dormant")),
        vec![p(
            "communities[1].lifecycle_stage_id",
            "no lifecycle stage with id 'dormant' in catalogues.lifecycle_stages"
        )]
    );
}

#[test]
fn unknown_level_is_reported_and_so_is_the_history_mismatch() {
    assert_eq!(
        broken(|ws| ws.communities[0].memberships[3].level_id = id("lurker")),
        vec![
            p(
                "communities[0].memberships[3].level_id",
                "no participation level with id 'lurker' in catalogues.participation_levels"
            ),
            p(
                "communities[0].memberships[3].level_id",
                "is 'lurker' but the last history entry moves to 'peripheral'"
            ),
        ]
    );
}

#[test]
fn unknown_role_is_reported_at_its_index() {
    assert_eq!(
        broken(|ws| ws.communities[2].memberships[0].role_ids[1] = id("wizard")),
        vec![p(
            "communities[2].memberships[0].role_ids[1]",
            "no role with id 'wizard' in catalogues.roles"
        )]
    );
}

#[test]
fn unknown_levels_in_history_are_reported() {
    // Ivan (communities[2].memberships[2]): active -> core_group -> active.
    assert_eq!(
        broken(|ws| ws.communities[2].memberships[2].history[1].to_level_id = id("lurker")),
        vec![
            p(
                "communities[2].memberships[2].history[1].to_level_id",
                "no participation level with id 'lurker' in catalogues.participation_levels"
            ),
            // The next entry now starts from a level the previous one did not move to.
            p(
                "communities[2].memberships[2].history[2].from_level_id",
                "should be 'lurker', the level the previous entry moved to"
            ),
        ]
    );
    assert_eq!(
        broken(|ws| ws.communities[2].memberships[2].history[2].from_level_id = Some(id("lurker"))),
        vec![
            p(
                "communities[2].memberships[2].history[2].from_level_id",
                "should be 'core_group', the level the previous entry moved to"
            ),
            p(
                "communities[2].memberships[2].history[2].from_level_id",
                "no participation level with id 'lurker' in catalogues.participation_levels"
            ),
        ]
    );
}

#[test]
fn unknown_repertoire_kind_is_reported() {
    assert_eq!(
        broken(|ws| ws.communities[0].practice[1].kind_id = id("poem")),
        vec![p(
            "communities[0].practice[1].kind_id",
            "no repertoire kind with id 'poem' in catalogues.repertoire_kinds"
        )]
    );
}

#[test]
fn a_renamed_catalogue_label_breaks_nothing_but_a_removed_entry_does() {
    assert_eq!(
        broken(|ws| ws.catalogues.participation_levels[0].label = "Stewards".into()),
        vec![]
    );
    // Removing "case" leaves the Reliability Guild's outage story pointing at nothing.
    let problems = broken(|ws| ws.catalogues.repertoire_kinds.retain(|e| e.id != id("case")));
    assert_eq!(paths(&problems), ["communities[0].practice[1].kind_id"]);
}

// ----- history -----

#[test]
fn history_dates_out_of_order_are_reported() {
    // Ivan joined on 2024-06-20; his second entry now predates it.
    assert_eq!(
        broken(|ws| ws.communities[2].memberships[2].history[1].on = d(2024, 1, 1)),
        vec![p(
            "communities[2].memberships[2].history[1].on",
            "2024-01-01 is before the previous date 2024-06-20"
        )]
    );
    // The last entry before the one preceding it.
    assert_eq!(
        broken(|ws| ws.communities[2].memberships[2].history[2].on = d(2025, 4, 1)),
        vec![p(
            "communities[2].memberships[2].history[2].on",
            "2025-04-01 is before the previous date 2025-04-02"
        )]
    );
    // The first entry before the joining date.
    assert_eq!(
        broken(|ws| ws.communities[0].memberships[0].joined_on = d(2025, 3, 2)),
        vec![p(
            "communities[0].memberships[0].history[0].on",
            "2025-03-01 is before the previous date 2025-03-02"
        )]
    );
}

#[test]
fn empty_history_is_reported() {
    assert_eq!(
        broken(|ws| ws.communities[0].memberships[0].history.clear()),
        vec![p(
            "communities[0].memberships[0].history",
            "must record at least the joining level"
        )]
    );
}

#[test]
fn level_id_differing_from_the_last_history_entry_is_reported() {
    assert_eq!(
        broken(|ws| ws.communities[0].memberships[0].level_id = id("active")),
        vec![p(
            "communities[0].memberships[0].level_id",
            "is 'active' but the last history entry moves to 'core_group'"
        )]
    );
}

// ----- timestamps -----

#[test]
fn updated_before_created_is_reported_for_every_record_kind() {
    let earlier = |ws: &Workspace| ws.created_at - Duration::seconds(1);
    assert_eq!(
        broken(|ws| ws.updated_at = earlier(ws)),
        vec![p("updated_at", "is before created_at")]
    );
    assert_eq!(
        broken(|ws| ws.organisations[3].updated_at = earlier(ws)),
        vec![p("organisations[3].updated_at", "is before created_at")]
    );
    assert_eq!(
        broken(|ws| ws.people[11].updated_at = earlier(ws)),
        vec![p("people[11].updated_at", "is before created_at")]
    );
    assert_eq!(
        broken(|ws| ws.communities[1].updated_at = earlier(ws)),
        vec![p("communities[1].updated_at", "is before created_at")]
    );
    // Equal is fine.
    assert_eq!(broken(|ws| ws.people[11].updated_at = ws.people[11].created_at), vec![]);
}

// ----- catalogues -----

#[test]
fn duplicate_catalogue_entry_id_is_reported_at_the_second_entry() {
    let problems = broken(|ws| {
        let mut dup = ws.catalogues.value_cycles[0].clone();
        dup.label = "Immediate again".into();
        ws.catalogues.value_cycles.push(dup);
    });
    assert_eq!(
        problems,
        vec![p(
            "catalogues.value_cycles[8].id",
            "id 'immediate' appears twice in this catalogue"
        )]
    );
}

#[test]
fn catalogue_ids_are_scoped_per_catalogue() {
    // "potential" is both a lifecycle stage and a value cycle in the defaults, and a
    // catalogue id may equal a record id.
    let ws = sample_workspace();
    assert!(ws.catalogues.contains(CatalogueKind::LifecycleStages, &id("potential")));
    assert!(ws.catalogues.contains(CatalogueKind::ValueCycles, &id("potential")));
    // (An entry nothing refers to: renaming a used entry's id leaves its uses dangling.)
    assert_eq!(broken(|ws| ws.catalogues.transformation_modes[0].id = id("p-amara")), vec![]);
}

#[test]
fn bad_catalogue_entry_id_is_reported() {
    assert_eq!(
        broken(|ws| ws.catalogues.transformation_modes[0].id = id("faded away")),
        vec![p(
            "catalogues.transformation_modes[0].id",
            "id may hold only letters, digits, '-' and '_'"
        )]
    );
}

#[test]
fn empty_required_catalogue_is_reported_and_optional_ones_are_not() {
    for kind in CatalogueKind::ALL {
        let mut ws = Workspace::new(id("w"), "W", chrono::DateTime::UNIX_EPOCH);
        ws.catalogues.get_mut(kind).clear();
        // Entries that belong to the cleared ones go too (their own check is below).
        for child in CatalogueKind::ALL.into_iter().filter(|c| c.parent() == Some(kind)) {
            ws.catalogues.get_mut(child).clear();
        }
        // ...and entries pointing at them stop pointing (as deleting does).
        for from in CatalogueKind::ALL.into_iter().filter(|c| c.points_to() == Some(kind)) {
            for e in ws.catalogues.get_mut(from) {
                e.points_to.clear();
            }
        }
        let expected = if kind.required() {
            vec![p(&format!("catalogues.{}", kind.key()), "must hold at least one entry")]
        } else {
            vec![]
        };
        let optional = [
            CatalogueKind::Roles,
            CatalogueKind::ValueCycles,
            CatalogueKind::ActivityTypes,
            CatalogueKind::HabitatChecklist,
            CatalogueKind::StageQuestions,
            CatalogueKind::StageTensions,
            CatalogueKind::StageTasks,
            CatalogueKind::OnboardingSteps,
            CatalogueKind::ChooserQuestions,
            CatalogueKind::ChooserOptions,
            CatalogueKind::ReadinessActions,
            CatalogueKind::RoleResponsibilities,
            CatalogueKind::LeadershipGroups,
            CatalogueKind::CapacitySteps,
            CatalogueKind::RiskFactors,
            CatalogueKind::OrgIndicators,
            CatalogueKind::MeetingFormats,
            CatalogueKind::MeetingPhases,
            CatalogueKind::MeetingChecklist,
            CatalogueKind::CycleQuestions,
            CatalogueKind::CycleIndicators,
            CatalogueKind::KnowledgeCapitals,
        ];
        assert_eq!(kind.required(), !optional.contains(&kind), "{kind:?}");
        assert_eq!(validate_workspace(&ws), expected, "{kind:?}");
    }
}

#[test]
fn an_entry_that_belongs_to_a_stage_must_name_an_existing_stage_and_others_must_not() {
    let mut ws = Workspace::new(id("w"), "W", chrono::DateTime::UNIX_EPOCH);
    ws.catalogues.stage_tasks[1].parent_id = None;
    ws.catalogues.stage_tasks[2].parent_id = Some(id("gone"));
    ws.catalogues.roles[0].parent_id = Some(id("potential"));
    assert_eq!(
        validate_workspace(&ws),
        vec![
            p("catalogues.roles[0].parent_id", "must be empty in this catalogue"),
            p(
                "catalogues.stage_tasks[1].parent_id",
                "must name the lifecycle stage this entry belongs to"
            ),
            p(
                "catalogues.stage_tasks[2].parent_id",
                "no lifecycle stage with id 'gone' in catalogues.lifecycle_stages"
            ),
        ]
    );
}

// ----- links -----

#[test]
fn unsafe_link_scheme_is_reported() {
    assert_eq!(
        broken(|ws| ws.communities[1].practice[0].link = "javascript:alert(1)".into()),
        vec![p(
            "communities[1].practice[0].link",
            "uses the 'javascript:' scheme; only http, https and mailto links are allowed"
        )]
    );
    assert_eq!(
        broken(|ws| ws.communities[2].practice[0].link = " data:text/html,<b>x</b>".into()),
        vec![p(
            "communities[2].practice[0].link",
            "uses the 'data:' scheme; only http, https and mailto links are allowed"
        )]
    );
    assert_eq!(
        broken(|ws| ws.communities[2].practice[0].link = "www.example.org".into()),
        vec![p(
            "communities[2].practice[0].link",
            "must start with http://, https:// or mailto:"
        )]
    );
}

// ----- many problems -----

#[test]
fn several_problems_are_all_listed_in_document_order() {
    let problems = broken(|ws| {
        ws.name = String::new();
        ws.catalogues.roles[0].label = String::new();
        ws.organisations[1].name = "o".repeat(NAME_MAX + 1);
        ws.people[3].organisation_id = Some(id("org-x"));
        ws.communities[0].formation_type_id = id("guild");
        ws.communities[0].memberships[2].person_id = id("p-ghost");
        ws.communities[0].practice[0].link = "javascript:alert(1)".into();
        ws.communities[2].memberships[1].history.clear();
        ws.communities[2].practice[1].id = id("m-n1");
    });
    assert_eq!(
        problems,
        vec![
            p("name", "must not be empty"),
            p("catalogues.roles[0].label", "must not be empty"),
            p("organisations[1].name", &too_long(201, 200)),
            p("people[3].organisation_id", "no organisation with id 'org-x'"),
            p(
                "communities[0].formation_type_id",
                "no formation type with id 'guild' in catalogues.formation_types"
            ),
            p("communities[0].memberships[2].person_id", "no person with id 'p-ghost'"),
            p(
                "communities[0].practice[0].link",
                "uses the 'javascript:' scheme; only http, https and mailto links are allowed"
            ),
            p(
                "communities[2].memberships[1].history",
                "must record at least the joining level"
            ),
            p(
                "communities[2].practice[1].id",
                "id 'm-n1' is already used at communities[2].memberships[0].id"
            ),
        ]
    );
}

#[test]
fn many_broken_records_are_each_reported() {
    let problems = broken(|ws| {
        for person in ws.people.iter_mut() {
            person.name = String::new();
        }
    });
    assert_eq!(problems.len(), 35);
    let expected: Vec<String> = (0..35).map(|i| format!("people[{i}].name")).collect();
    assert_eq!(
        paths(&problems),
        expected.iter().map(String::as_str).collect::<Vec<_>>()
    );
}

#[test]
fn level_history_must_chain_from_joining_onwards() {
    // Ivan (communities[2].memberships[2]): joined active -> core_group -> active.
    assert_eq!(
        broken(|ws| ws.communities[2].memberships[2].history[2].from_level_id = Some(id("peripheral"))),
        vec![p(
            "communities[2].memberships[2].history[2].from_level_id",
            "should be 'core_group', the level the previous entry moved to"
        )]
    );
    assert_eq!(
        broken(|ws| ws.communities[2].memberships[2].history[0].from_level_id = Some(id("active"))),
        vec![p(
            "communities[2].memberships[2].history[0].from_level_id",
            "should be empty, because the first entry records joining"
        )]
    );
}

#[test]
fn unknown_people_in_a_meeting_are_reported_at_their_full_paths() {
    let sample = sample_workspace();
    let record = sample.communities[2].facilitation.meetings[0].record.as_ref();
    let added = record.expect("the sample's first meeting has a record").attendee_ids.len();
    let problems = broken(|ws| {
        let m = &mut ws.communities[2].facilitation.meetings[0];
        m.blocks[1].facilitator_id = Some(id("p-ghost"));
        let record = m.record.as_mut().expect("the sample's first meeting has a record");
        record.attendee_ids.push(id("p-nobody"));
        record.follow_ups[0].person_id = Some(id("p-gone"));
    });
    let m = "communities[2].facilitation.meetings[0]";
    assert_eq!(
        problems,
        vec![
            p(&format!("{m}.blocks[1].facilitator_id"), "no person with id 'p-ghost'"),
            p(&format!("{m}.record.attendee_ids[{added}]"), "no person with id 'p-nobody'"),
            p(&format!("{m}.record.follow_ups[0].person_id"), "no person with id 'p-gone'"),
        ]
    );
}
