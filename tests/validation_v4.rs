//! `validate_workspace` for the records format version 4 added: a community's cultivation
//! (wizard answers, charters, stage history, maturity, onboarding, planned activities) and
//! stewardship (structure choice, health checks, indicator values), the workspace's
//! programme (readiness checks, leader plans, peer groups), and leadership groups.
//!
//! Each test builds a sound record on the sample, checks it is clean, then breaks one thing
//! and asserts the exact problem: the field path and the reason.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveTime};
use cultivate::model::cultivation::*;
use cultivate::model::organisation::*;
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

/// The sample with sound version 4 records on its first community and in its programme.
fn base() -> Workspace {
    let mut ws = sample_workspace();
    // The sample's own programme is replaced, so the paths below are fixed.
    ws.programme = Programme::default();
    // ...and only its first three communities stay, so no other community uses a stage.
    ws.communities.truncate(3);
    let c = &mut ws.communities[0];
    assert_eq!(c.id, id("c-reliability"));
    assert_eq!(c.lifecycle_stage_id, id("maturing"));
    let k = &mut c.cultivation;
    k.forming.step = 3;
    k.forming.strategic_links.push(StrategicLink {
        id: id("sl-1"),
        priority: "Fewer outages".into(),
        contribution: "Shared incident practice".into(),
    });
    k.forming.agenda.push(AgendaTopic {
        id: id("ag-1"),
        topic: "Post-incident reviews".into(),
        owner_id: Some(id("p-amara")),
        activities: String::new(),
        outputs: String::new(),
    });
    k.charters.push(Charter {
        version: 1,
        on: d(2026, 1, 5),
        sections: vec![CharterSection {
            heading: "Purpose".into(),
            body: "Reliable systems".into(),
        }],
    });
    k.stage_answers.push(StageAnswer {
        question_id: id("q_maturing_gaps"),
        agreement: 3,
    });
    k.stage_history.push(StageChange {
        on: d(2025, 6, 1),
        from_stage_id: Some(id("coalescing")),
        to_stage_id: id("maturing"),
        suggested_stage_id: Some(id("maturing")),
        note: String::new(),
    });
    k.tasks_done.push(id("learning_agenda"));
    k.maturity.push(MaturityAssessment {
        id: id("ma-1"),
        on: d(2026, 1, 1),
        scores: vec![DimensionScore {
            dimension_id: id("rhythm"),
            score: 3,
        }],
        note: String::new(),
    });
    let member = c.memberships[0].person_id.clone();
    c.cultivation.onboarding.push(OnboardingTick {
        person_id: member,
        step_id: id("welcomed"),
        on: d(2026, 1, 2),
        note: String::new(),
    });
    c.cultivation.activities.push(PlannedActivity {
        id: id("act-1"),
        title: "Monthly review".into(),
        activity_type_id: Some(id("problem_solving")),
        starts_on: d(2026, 2, 3),
        start_time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        duration_minutes: 60,
        repeat: Repeat::MonthlyByWeekday,
        until: None,
        feel: Feel::Familiar,
        mode: Mode::Synchronous,
        location: "https://meet.example.org/r".into(),
        notes: String::new(),
    });
    c.memberships[0].leadership_group_ids.push(id("value_detectives"));
    let st = &mut c.stewardship;
    st.structure_choice = Some(StructureChoice {
        on: d(2025, 1, 1),
        answers: vec![ChooserAnswer {
            question_id: id("purpose"),
            option_id: id("purpose_capability"),
        }],
        recommended_id: id("community_of_practice"),
        note: String::new(),
    });
    st.health_checks.push(HealthCheck {
        id: id("hc-1"),
        on: d(2026, 1, 1),
        scores: vec![AreaScore {
            area_id: id("trust"),
            score: 2,
        }],
        risks: vec![id("burnout")],
        note: String::new(),
    });
    st.indicator_values.push(IndicatorValue {
        id: id("iv-1"),
        indicator_id: id("sponsor_engagement"),
        on: d(2026, 1, 1),
        value: "Attends quarterly".into(),
        source: "Sponsor review".into(),
    });
    ws.programme.readiness_checks.push(ReadinessCheck {
        id: id("rc-1"),
        on: d(2025, 12, 1),
        organisation_id: Some(id("org-harbour")),
        by: "SLT".into(),
        scores: vec![AreaScore {
            area_id: id("sponsorship"),
            score: 1,
        }],
        note: String::new(),
    });
    ws.programme.leader_plans.push(LeaderPlan {
        person_id: id("p-amara"),
        steps: vec![CapacityStep {
            step_id: id("orientation"),
            status: StepStatus::Done,
            on: Some(d(2025, 3, 1)),
        }],
        note: String::new(),
    });
    ws.programme.peer_groups.push(PeerGroup {
        id: id("pg-1"),
        name: "Leaders' circle".into(),
        member_ids: vec![id("p-amara"), id("p-kofi")],
        note: String::new(),
    });
    ws
}

fn broken(f: impl FnOnce(&mut Workspace)) -> Vec<Problem> {
    let mut ws = base();
    f(&mut ws);
    validate_workspace(&ws)
}

const C: &str = "communities[0].cultivation";
const S: &str = "communities[0].stewardship";

#[test]
fn the_version_4_records_of_the_base_are_sound() {
    assert_eq!(validate_workspace(&base()), vec![]);
}

#[test]
fn wizard_step_out_of_range_is_reported() {
    assert_eq!(
        broken(|ws| ws.communities[0].cultivation.forming.step = 8),
        vec![p(&format!("{C}.forming.step"), "must be 0 to 7")]
    );
}

#[test]
fn agenda_topic_needs_text_and_an_existing_owner() {
    assert_eq!(
        broken(|ws| {
            let t = &mut ws.communities[0].cultivation.forming.agenda[0];
            t.topic = " ".into();
            t.owner_id = Some(id("p-nobody"));
        }),
        vec![
            p(&format!("{C}.forming.agenda[0].topic"), "must not be empty"),
            p(&format!("{C}.forming.agenda[0].owner_id"), "no person with id 'p-nobody'"),
        ]
    );
}

#[test]
fn strategic_link_ids_are_unique_across_the_workspace() {
    assert_eq!(
        broken(|ws| ws.communities[0].cultivation.forming.strategic_links[0].id = id("p-amara")),
        vec![p(
            &format!("{C}.forming.strategic_links[0].id"),
            "id 'p-amara' is already used at people[0].id"
        )]
    );
}

#[test]
fn charter_versions_count_up_from_one_and_dates_do_not_go_back() {
    assert_eq!(
        broken(|ws| {
            let k = &mut ws.communities[0].cultivation;
            let mut v2 = k.charters[0].clone();
            v2.version = 3;
            v2.on = d(2025, 12, 31);
            k.charters.push(v2);
        }),
        vec![
            p(
                &format!("{C}.charters[1].version"),
                "is 3 but should be 2: versions count up from 1"
            ),
            p(
                &format!("{C}.charters[1].on"),
                "2025-12-31 is before the previous version's date 2026-01-05"
            ),
        ]
    );
}

#[test]
fn stage_answers_must_name_a_statement_once_within_the_scale() {
    assert_eq!(
        broken(|ws| {
            let k = &mut ws.communities[0].cultivation;
            k.stage_answers.push(StageAnswer {
                question_id: id("q_maturing_gaps"),
                agreement: 4,
            });
            k.stage_answers.push(StageAnswer {
                question_id: id("q_unknown"),
                agreement: 0,
            });
        }),
        vec![
            p(&format!("{C}.stage_answers[1].question_id"), "answers the same statement twice"),
            p(&format!("{C}.stage_answers[1].agreement"), "must be 0 to 3"),
            p(
                &format!("{C}.stage_answers[2].question_id"),
                "no self-assessment statement with id 'q_unknown' in catalogues.stage_questions"
            ),
        ]
    );
}

#[test]
fn stage_history_must_chain_and_end_at_the_current_stage() {
    assert_eq!(
        broken(|ws| {
            ws.communities[0].cultivation.stage_history.push(StageChange {
                on: d(2025, 5, 1),
                from_stage_id: Some(id("potential")),
                to_stage_id: id("stewardship"),
                suggested_stage_id: None,
                note: String::new(),
            });
        }),
        vec![
            p(
                &format!("{C}.stage_history[1].on"),
                "2025-05-01 is before the previous change's date 2025-06-01"
            ),
            p(
                &format!("{C}.stage_history[1].from_stage_id"),
                "should be 'maturing', the stage the previous entry moved to"
            ),
            p(
                &format!("{C}.stage_history[1].to_stage_id"),
                "is 'stewardship' but the community's lifecycle_stage_id is 'maturing'"
            ),
        ]
    );
}

#[test]
fn tasks_and_transformation_must_name_catalogue_entries() {
    assert_eq!(
        broken(|ws| {
            let k = &mut ws.communities[0].cultivation;
            k.tasks_done.push(id("learning_agenda"));
            k.transformation = Some(Transformation {
                mode_id: id("vanished"),
                on: d(2026, 1, 1),
                note: String::new(),
            });
        }),
        vec![
            p(&format!("{C}.tasks_done[1]"), "ticks the same task twice"),
            p(
                &format!("{C}.transformation.mode_id"),
                "no transformation mode with id 'vanished' in catalogues.transformation_modes"
            ),
        ]
    );
}

#[test]
fn maturity_scores_stay_on_the_scale_and_assessments_in_date_order() {
    assert_eq!(
        broken(|ws| {
            let k = &mut ws.communities[0].cultivation;
            k.maturity.push(MaturityAssessment {
                id: id("ma-2"),
                on: d(2025, 12, 1),
                scores: vec![
                    DimensionScore {
                        dimension_id: id("rhythm"),
                        score: 5,
                    },
                    DimensionScore {
                        dimension_id: id("rhythm"),
                        score: 1,
                    },
                ],
                note: String::new(),
            });
        }),
        vec![
            p(
                &format!("{C}.maturity[1].on"),
                "2025-12-01 is before the previous assessment's date 2026-01-01; assessments are kept oldest first"
            ),
            p(&format!("{C}.maturity[1].scores[0].score"), "must be 0 to 4"),
            p(
                &format!("{C}.maturity[1].scores[1].dimension_id"),
                "scores the same dimension twice"
            ),
        ]
    );
}

#[test]
fn onboarding_is_for_members_once_per_step() {
    assert_eq!(
        broken(|ws| {
            let k = &mut ws.communities[0].cultivation;
            let again = k.onboarding[0].clone();
            k.onboarding.push(again);
            k.onboarding.push(OnboardingTick {
                person_id: id("p-kofi"),
                step_id: id("welcomed"),
                on: d(2026, 1, 3),
                note: String::new(),
            });
        }),
        vec![
            p(
                &format!("{C}.onboarding[1].step_id"),
                "ticks the same step for the same person twice"
            ),
            p(
                &format!("{C}.onboarding[2].person_id"),
                "'p-kofi' is not a member of this community"
            ),
        ]
    );
}

#[test]
fn planned_activity_needs_a_title_a_sane_duration_and_an_end_after_its_start() {
    assert_eq!(
        broken(|ws| {
            let a = &mut ws.communities[0].cultivation.activities[0];
            a.title = String::new();
            a.duration_minutes = 0;
            a.until = Some(d(2026, 1, 1));
            a.activity_type_id = Some(id("gossip"));
        }),
        vec![
            p(&format!("{C}.activities[0].title"), "must not be empty"),
            p(
                &format!("{C}.activities[0].activity_type_id"),
                "no activity type with id 'gossip' in catalogues.activity_types"
            ),
            p(&format!("{C}.activities[0].duration_minutes"), "must be 1 to 1440"),
            p(
                &format!("{C}.activities[0].until"),
                "2026-01-01 is before the first date 2026-02-03"
            ),
        ]
    );
}

#[test]
fn leadership_groups_must_exist_and_appear_once() {
    assert_eq!(
        broken(|ws| {
            let m = &mut ws.communities[0].memberships[0];
            m.leadership_group_ids.push(id("value_detectives"));
            m.leadership_group_ids.push(id("cheerleaders"));
        }),
        vec![
            p("communities[0].memberships[0].leadership_group_ids[1]", "lists the same group twice"),
            p(
                "communities[0].memberships[0].leadership_group_ids[2]",
                "no leadership group with id 'cheerleaders' in catalogues.leadership_groups"
            ),
        ]
    );
}

#[test]
fn a_chooser_answer_must_belong_to_its_question() {
    assert_eq!(
        broken(|ws| {
            let choice = ws.communities[0].stewardship.structure_choice.as_mut().unwrap();
            choice.answers[0].option_id = id("glue_passion");
            choice.recommended_id = id("guild");
        }),
        vec![
            p(
                &format!("{S}.structure_choice.answers[0].option_id"),
                "'glue_passion' is not an answer to question 'purpose'"
            ),
            p(
                &format!("{S}.structure_choice.recommended_id"),
                "no structure with id 'guild' in catalogues.structure_types"
            ),
        ]
    );
}

#[test]
fn health_checks_score_success_factors_and_flag_known_risks() {
    assert_eq!(
        broken(|ws| {
            let st = &mut ws.communities[0].stewardship;
            st.health_checks.push(HealthCheck {
                id: id("hc-2"),
                on: d(2025, 1, 1),
                scores: vec![AreaScore {
                    area_id: id("burnout"),
                    score: 7,
                }],
                risks: vec![id("trust")],
                note: String::new(),
            });
        }),
        vec![
            p(
                &format!("{S}.health_checks[1].on"),
                "2025-01-01 is before the previous check's date 2026-01-01; checks are kept oldest first"
            ),
            p(
                &format!("{S}.health_checks[1].scores[0].area_id"),
                "no success factor with id 'burnout' in catalogues.success_factors"
            ),
            p(&format!("{S}.health_checks[1].scores[0].score"), "must be 0 to 4"),
            p(
                &format!("{S}.health_checks[1].risks[0]"),
                "no risk factor with id 'trust' in catalogues.risk_factors"
            ),
        ]
    );
}

#[test]
fn indicator_values_need_a_value_and_a_known_indicator() {
    assert_eq!(
        broken(|ws| {
            let v = &mut ws.communities[0].stewardship.indicator_values[0];
            v.value = "  ".into();
            v.indicator_id = id("happiness");
        }),
        vec![
            p(
                &format!("{S}.indicator_values[0].indicator_id"),
                "no indicator with id 'happiness' in catalogues.org_indicators"
            ),
            p(&format!("{S}.indicator_values[0].value"), "must not be empty"),
        ]
    );
}

#[test]
fn readiness_checks_name_known_areas_and_organisations() {
    assert_eq!(
        broken(|ws| {
            let r = &mut ws.programme.readiness_checks[0];
            r.organisation_id = Some(id("org-gone"));
            r.scores.push(AreaScore {
                area_id: id("sponsorship"),
                score: 2,
            });
        }),
        vec![
            p(
                "programme.readiness_checks[0].organisation_id",
                "no organisation with id 'org-gone'"
            ),
            p(
                "programme.readiness_checks[0].scores[1].area_id",
                "scores the same readiness area twice"
            ),
        ]
    );
}

#[test]
fn leader_plans_are_one_per_existing_person_with_known_steps() {
    assert_eq!(
        broken(|ws| {
            let mut again = ws.programme.leader_plans[0].clone();
            again.steps[0].step_id = id("juggling");
            ws.programme.leader_plans.push(again);
            ws.programme.peer_groups[0].member_ids.push(id("p-ghost"));
        }),
        vec![
            p("programme.leader_plans[1].person_id", "this person already has a plan"),
            p(
                "programme.leader_plans[1].steps[0].step_id",
                "no capacity-building step with id 'juggling' in catalogues.capacity_steps"
            ),
            p("programme.peer_groups[0].member_ids[2]", "no person with id 'p-ghost'"),
        ]
    );
}

#[test]
fn chooser_answers_point_only_at_structures() {
    assert_eq!(
        broken(|ws| {
            ws.catalogues.chooser_options[0].points_to.push(id("committee"));
            ws.catalogues.success_factors[0].points_to.push(id("chapter"));
        }),
        vec![
            p(
                "catalogues.chooser_options[0].points_to[3]",
                "no structure with id 'committee' in catalogues.structure_types"
            ),
            p("catalogues.success_factors[0].points_to", "must be empty in this catalogue"),
        ]
    );
}

// ----- operations keep the new references consistent -----

fn now() -> Timestamp {
    sample_workspace().updated_at + chrono::Duration::days(1)
}

#[test]
fn deleting_a_person_clears_every_new_reference_to_them() {
    let mut ws = base();
    assert!(ws
        .person_usage(&id("p-amara"))
        .iter()
        .any(|u| u.contains("agenda topic 'Post-incident reviews'")));
    assert!(ws.person_usage(&id("p-amara")).iter().any(|u| u.contains("peer group")));
    ws.delete_person(&id("p-amara"), now()).unwrap();
    assert_eq!(validate_workspace(&ws), vec![]);
    assert_eq!(ws.communities[0].cultivation.forming.agenda[0].owner_id, None);
    assert!(ws.programme.leader_plans.is_empty());
    assert_eq!(ws.programme.peer_groups[0].member_ids, vec![id("p-kofi")]);
}

#[test]
fn removing_a_membership_removes_that_members_onboarding() {
    let mut ws = base();
    let m = ws.communities[0].memberships[0].id.clone();
    ws.remove_membership(&id("c-reliability"), &m, now()).unwrap();
    assert!(ws.communities[0].cultivation.onboarding.is_empty());
    assert_eq!(validate_workspace(&ws), vec![]);
}

#[test]
fn deleting_an_organisation_unlinks_its_readiness_checks() {
    let mut ws = base();
    assert!(ws
        .organisation_usage(&id("org-harbour"))
        .contains(&"1 readiness check".to_string()));
    ws.delete_organisation(&id("org-harbour"), now()).unwrap();
    assert_eq!(ws.programme.readiness_checks[0].organisation_id, None);
    assert_eq!(validate_workspace(&ws), vec![]);
}

#[test]
fn a_stage_in_use_only_through_its_tasks_cannot_be_deleted_and_an_unused_one_takes_its_entries_along() {
    let mut ws = base();
    // "maturing" is the current stage; "potential" is used by nobody.
    let refused = ws
        .delete_catalogue_entry(CatalogueKind::LifecycleStages, &id("maturing"), now())
        .unwrap_err();
    assert!(refused.to_string().contains("Reliability Guild"), "{refused}");
    ws.delete_catalogue_entry(CatalogueKind::LifecycleStages, &id("potential"), now())
        .unwrap();
    assert_eq!(ws.catalogues.children(CatalogueKind::StageTasks, &id("potential")).count(), 0);
    assert_eq!(ws.catalogues.children(CatalogueKind::StageQuestions, &id("potential")).count(), 0);
    assert_eq!(validate_workspace(&ws), vec![]);
}

#[test]
fn a_ticked_task_keeps_its_stage_from_being_deleted() {
    let mut ws = base();
    ws.communities[0].cultivation.tasks_done.push(id("build_core_group"));
    let refused = ws
        .delete_catalogue_entry(CatalogueKind::LifecycleStages, &id("potential"), now())
        .unwrap_err();
    assert!(refused.to_string().contains("cultivation tasks of Reliability Guild"), "{refused}");
}

#[test]
fn deleting_a_structure_drops_it_from_the_answers_that_fit_it() {
    let mut ws = base();
    ws.delete_catalogue_entry(CatalogueKind::StructureTypes, &id("work_unit"), now())
        .unwrap();
    assert!(ws
        .catalogues
        .chooser_options
        .iter()
        .all(|o| !o.points_to.contains(&id("work_unit"))));
    assert_eq!(validate_workspace(&ws), vec![]);
    // The recommended structure of a saved result is in use.
    assert!(ws
        .delete_catalogue_entry(CatalogueKind::StructureTypes, &id("community_of_practice"), now())
        .is_err());
}

#[test]
fn a_new_stage_task_starts_under_the_first_stage_and_can_move() {
    let mut ws = base();
    let task = ws
        .add_catalogue_entry(CatalogueKind::StageTasks, "Run a retreat", "", "", now())
        .unwrap();
    assert_eq!(
        ws.catalogues.entry(CatalogueKind::StageTasks, &task).unwrap().parent_id,
        Some(id("potential"))
    );
    ws.set_catalogue_parent(CatalogueKind::StageTasks, &task, &id("stewardship"), now())
        .unwrap();
    assert_eq!(
        ws.catalogues.entry(CatalogueKind::StageTasks, &task).unwrap().parent_id,
        Some(id("stewardship"))
    );
    assert!(ws
        .set_catalogue_parent(CatalogueKind::StageTasks, &task, &id("nowhere"), now())
        .is_err());
    assert!(ws
        .set_catalogue_parent(CatalogueKind::Roles, &id("mentor"), &id("potential"), now())
        .is_err());
    assert_eq!(validate_workspace(&ws), vec![]);
}

#[test]
fn the_structures_an_answer_fits_can_be_set_but_only_to_existing_structures() {
    let mut ws = base();
    let answer = id("purpose_task");
    ws.set_catalogue_points_to(
        CatalogueKind::ChooserOptions,
        &answer,
        &[id("task_force"), id("work_unit"), id("task_force")],
        now(),
    )
    .unwrap();
    assert_eq!(
        ws.catalogues.entry(CatalogueKind::ChooserOptions, &answer).unwrap().points_to,
        vec![id("task_force"), id("work_unit")]
    );
    assert!(ws
        .set_catalogue_points_to(CatalogueKind::ChooserOptions, &answer, &[id("guild")], now())
        .is_err());
    assert!(ws
        .set_catalogue_points_to(CatalogueKind::Roles, &id("mentor"), &[], now())
        .is_err());
    assert_eq!(validate_workspace(&ws), vec![]);
}

#[test]
fn changing_the_stage_on_the_community_form_records_it_in_the_history() {
    let mut ws = base();
    let c = ws.community(&id("c-reliability")).unwrap();
    let mut draft = CommunityDraft::of(c);
    draft.lifecycle_stage_id = id("stewardship");
    ws.update_community(&id("c-reliability"), &draft, now()).unwrap();
    let h = ws.communities[0].cultivation.stage_history.last().unwrap();
    assert_eq!(h.from_stage_id, Some(id("maturing")));
    assert_eq!(h.to_stage_id, id("stewardship"));
    assert_eq!(h.note, "Changed on the community form");
    assert_eq!(validate_workspace(&ws), vec![]);
    // Saving the form again without a change adds nothing.
    let draft = CommunityDraft::of(ws.community(&id("c-reliability")).unwrap());
    ws.update_community(&id("c-reliability"), &draft, now()).unwrap();
    assert_eq!(ws.communities[0].cultivation.stage_history.len(), 2);
}
