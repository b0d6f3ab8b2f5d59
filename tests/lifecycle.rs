#![cfg(not(target_arch = "wasm32"))]
//! The lifecycle stage and the maturity soundboard, proved through the public operations of
//! `Workspace` and the pure functions of `model::lifecycle`.
//!
//! Every test starts from the sample workspace (the Reliability Guild is at the maturing
//! stage, with no cultivation records yet), asserts exact values, and checks after every
//! operation that the workspace still validates clean.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use cultivate::model::cultivation::{StageAnswer, StageChange, Transformation};
use cultivate::model::lifecycle::{
    at_stage_since, change_kind, change_text, compare, last_change_on, stage_scores, suggest_stage, tasks_done_of,
    transformation_stage, ChangeKind, DimensionDelta, StageScore,
};
use cultivate::model::sample::sample_workspace;
use cultivate::model::*;

// ----- helpers -----

/// Minutes after the sample's own timestamps (2026-01-12 09:00 UTC), so every change is later.
fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn id(s: &str) -> Id {
    Id::new(s)
}

const GUILD: &str = "c-reliability";

fn guild(ws: &Workspace) -> &Community {
    ws.community(&id(GUILD)).expect("the sample has the Reliability Guild")
}

/// Fails with the problems when the workspace does not validate clean.
fn assert_sound(ws: &Workspace) {
    assert_eq!(validate_workspace(ws), Vec::<Problem>::new());
}

fn field_errors(r: ModelResult) -> Vec<(&'static str, String)> {
    match r {
        Err(ModelError::Invalid(errs)) => errs.into_iter().map(|e| (e.field, e.message)).collect(),
        other => panic!("expected form errors, got {other:?}"),
    }
}

fn answer(ws: &mut Workspace, q: &str, a: Option<u8>, minute: i64) {
    ws.answer_stage_statement(&id(GUILD), &id(q), a, t(minute))
        .expect("answer accepted");
    assert_sound(ws);
}

fn scores(v: &[(&str, u8)]) -> Vec<(Id, u8)> {
    v.iter().map(|(k, s)| (id(k), *s)).collect()
}

fn dates(ws: &Workspace) -> Vec<(String, NaiveDate)> {
    guild(ws)
        .cultivation
        .maturity
        .iter()
        .map(|a| (a.id.0.clone(), a.on))
        .collect()
}

// ----- the self-assessment and the suggestion -----

#[test]
fn answers_are_set_changed_and_cleared() {
    let mut ws = sample_workspace();
    answer(&mut ws, "q_maturing_gaps", Some(2), 1);
    answer(&mut ws, "q_stewardship_fresh", Some(1), 2);
    answer(&mut ws, "q_maturing_gaps", Some(3), 3);
    assert_eq!(
        guild(&ws).cultivation.stage_answers,
        vec![
            StageAnswer {
                question_id: id("q_maturing_gaps"),
                agreement: 3
            },
            StageAnswer {
                question_id: id("q_stewardship_fresh"),
                agreement: 1
            },
        ]
    );
    assert_eq!(guild(&ws).updated_at, t(3));
    answer(&mut ws, "q_maturing_gaps", None, 4);
    assert_eq!(guild(&ws).cultivation.stage_answers.len(), 1);
    // Clearing an unanswered statement is harmless.
    answer(&mut ws, "q_maturing_gaps", None, 5);
    assert_eq!(guild(&ws).cultivation.stage_answers.len(), 1);

    ws.clear_stage_answers(&id(GUILD), t(6)).unwrap();
    assert!(guild(&ws).cultivation.stage_answers.is_empty());
    assert_sound(&ws);
}

#[test]
fn bad_answers_are_refused_and_change_nothing() {
    let mut ws = sample_workspace();
    let before = ws.clone();
    assert_eq!(
        field_errors(ws.answer_stage_statement(&id(GUILD), &id("q_maturing_gaps"), Some(4), t(1))),
        vec![(
            "agreement",
            "Agreement goes from 0 (not at all) to 3 (fully)".to_string()
        )]
    );
    assert_eq!(
        ws.answer_stage_statement(&id(GUILD), &id("q_gone"), Some(1), t(1)),
        Err(ModelError::NotFound("That statement no longer exists".into()))
    );
    assert_eq!(
        ws.answer_stage_statement(&id("c-gone"), &id("q_maturing_gaps"), Some(1), t(1)),
        Err(ModelError::NotFound("That community no longer exists".into()))
    );
    assert_eq!(ws, before);
}

#[test]
fn the_suggestion_is_the_stage_with_the_highest_mean_agreement_and_says_why() {
    let mut ws = sample_workspace();
    // Maturing: 3 and 2 (mean 2.5). Coalescing: 3 only (mean 3). Stewardship: 1 and 0.
    for (q, a) in [
        ("q_maturing_gaps", 3),
        ("q_maturing_focus", 2),
        ("q_coalescing_launched", 3),
        ("q_stewardship_fresh", 1),
        ("q_stewardship_cycles", 0),
    ] {
        answer(&mut ws, q, Some(a), 1);
    }
    let s = suggest_stage(&ws.catalogues, &guild(&ws).cultivation.stage_answers).expect("a suggestion");
    assert_eq!(s.stage_id, id("coalescing"), "the mean counts, not the sum");
    assert!(s.tied_with.is_empty());
    assert_eq!((s.answered, s.statements), (5, 10));
    let score = |stage: &str, answered, total| StageScore {
        stage_id: id(stage),
        statements: 2,
        answered,
        total,
    };
    assert_eq!(
        s.scores,
        vec![
            score("potential", 0, 0),
            score("coalescing", 1, 3),
            score("maturing", 2, 5),
            score("stewardship", 2, 1),
            score("transformation", 0, 0),
        ]
    );
    assert_eq!(s.scores[2].mean(), Some(2.5));
    assert_eq!(s.scores[0].mean(), None);

    // One more "fully" for maturing's second statement: 3 and 3, a tie with coalescing at 3.
    answer(&mut ws, "q_maturing_focus", Some(3), 2);
    let s = suggest_stage(&ws.catalogues, &guild(&ws).cultivation.stage_answers).unwrap();
    assert_eq!(s.stage_id, id("coalescing"), "a tie goes to the earlier stage");
    assert_eq!(s.tied_with, vec![id("maturing")]);

    // Coalescing's second statement at "a little" breaks the tie the other way.
    answer(&mut ws, "q_coalescing_early_value", Some(1), 3);
    let s = suggest_stage(&ws.catalogues, &guild(&ws).cultivation.stage_answers).unwrap();
    assert_eq!(s.stage_id, id("maturing"));
    assert!(s.tied_with.is_empty());
}

#[test]
fn there_is_no_suggestion_without_answers_or_when_every_answer_is_not_at_all() {
    let mut ws = sample_workspace();
    assert_eq!(
        suggest_stage(&ws.catalogues, &guild(&ws).cultivation.stage_answers),
        None
    );
    answer(&mut ws, "q_potential_common_ground", Some(0), 1);
    answer(&mut ws, "q_transformation_decline", Some(0), 2);
    assert_eq!(
        suggest_stage(&ws.catalogues, &guild(&ws).cultivation.stage_answers),
        None
    );
    // The scores still show what was answered.
    let scores = stage_scores(&ws.catalogues, &guild(&ws).cultivation.stage_answers);
    assert_eq!(scores.iter().map(|s| s.answered).sum::<usize>(), 2);
    answer(&mut ws, "q_transformation_decline", Some(1), 3);
    assert_eq!(
        suggest_stage(&ws.catalogues, &guild(&ws).cultivation.stage_answers).map(|s| s.stage_id),
        Some(id("transformation"))
    );
}

#[test]
fn a_stage_added_to_the_catalogue_takes_part_in_the_suggestion() {
    let mut ws = sample_workspace();
    let dormant = ws
        .add_catalogue_entry(
            CatalogueKind::LifecycleStages,
            "Dormant",
            "Nobody convenes, but members would come back.",
            "Our own",
            t(1),
        )
        .unwrap();
    assert_eq!(dormant, id("dormant"));
    let q = ws
        .add_catalogue_entry(
            CatalogueKind::StageQuestions,
            "We have not met for months, but people still ask when we will.",
            "",
            "Our own",
            t(2),
        )
        .unwrap();
    ws.set_catalogue_parent(CatalogueKind::StageQuestions, &q, &dormant, t(3))
        .unwrap();
    assert_sound(&ws);
    answer(&mut ws, q.as_str(), Some(3), 4);
    answer(&mut ws, "q_maturing_gaps", Some(2), 5);
    let s = suggest_stage(&ws.catalogues, &guild(&ws).cultivation.stage_answers).unwrap();
    assert_eq!(s.stage_id, dormant);
    assert_eq!(s.scores.len(), 6);
    assert_eq!(
        s.scores.last(),
        Some(&StageScore {
            stage_id: dormant.clone(),
            statements: 1,
            answered: 1,
            total: 3
        })
    );
    assert_eq!(s.statements, 11);
    // The new last stage is not the transformation stage: that one is found by its id.
    assert_eq!(transformation_stage(&ws.catalogues), Some(&id("transformation")));

    // Confirming it works like any other stage.
    ws.confirm_stage(&id(GUILD), &dormant, d(2026, 2, 1), "", Some(&s.stage_id), t(6))
        .unwrap();
    assert_eq!(guild(&ws).lifecycle_stage_id, dormant);
    assert_sound(&ws);
}

// ----- confirming a stage -----

#[test]
fn a_confirmed_stage_is_recorded_with_its_date_suggestion_and_note() {
    let mut ws = sample_workspace();
    ws.confirm_stage(
        &id(GUILD),
        &id("stewardship"),
        d(2026, 2, 10),
        "  Renewal workshop agreed  ",
        Some(&id("stewardship")),
        t(1),
    )
    .unwrap();
    assert_sound(&ws);
    let c = guild(&ws);
    assert_eq!(c.lifecycle_stage_id, id("stewardship"));
    assert_eq!(
        c.cultivation.stage_history,
        vec![StageChange {
            on: d(2026, 2, 10),
            from_stage_id: Some(id("maturing")),
            to_stage_id: id("stewardship"),
            suggested_stage_id: Some(id("stewardship")),
            note: "Renewal workshop agreed".into(),
        }]
    );
    assert_eq!(change_kind(&c.cultivation.stage_history[0]), ChangeKind::Moved);
    assert_eq!(last_change_on(c), Some(d(2026, 2, 10)));
    assert_eq!(c.updated_at, t(1));

    // The same date again is fine: two changes on one workshop day.
    ws.confirm_stage(
        &id(GUILD),
        &id("maturing"),
        d(2026, 2, 10),
        "On second thoughts",
        None,
        t(2),
    )
    .unwrap();
    assert_sound(&ws);
    let h = &guild(&ws).cultivation.stage_history;
    assert_eq!(h.len(), 2);
    assert_eq!(h[1].from_stage_id, Some(id("stewardship")));
    assert_eq!(h[1].suggested_stage_id, None);
}

#[test]
fn confirming_the_current_stage_records_a_dated_confirmation() {
    let mut ws = sample_workspace();
    ws.confirm_stage(
        &id(GUILD),
        &id("maturing"),
        d(2026, 3, 1),
        "Still maturing",
        Some(&id("coalescing")),
        t(1),
    )
    .unwrap();
    assert_sound(&ws);
    let c = guild(&ws);
    assert_eq!(c.lifecycle_stage_id, id("maturing"));
    let h = &c.cultivation.stage_history[0];
    assert_eq!(
        (
            h.from_stage_id.clone(),
            h.to_stage_id.clone(),
            h.suggested_stage_id.clone()
        ),
        (Some(id("maturing")), id("maturing"), Some(id("coalescing")))
    );
    assert_eq!(change_kind(h), ChangeKind::Confirmed);
    assert_eq!(at_stage_since(c), None, "a confirmation is no move");
    assert_eq!(last_change_on(c), Some(d(2026, 3, 1)));

    ws.confirm_stage(&id(GUILD), &id("stewardship"), d(2026, 4, 1), "", None, t(2))
        .unwrap();
    ws.confirm_stage(&id(GUILD), &id("stewardship"), d(2026, 5, 1), "Still", None, t(3))
        .unwrap();
    assert_eq!(at_stage_since(guild(&ws)), Some(d(2026, 4, 1)));
    assert_sound(&ws);
}

#[test]
fn a_date_before_the_last_change_is_refused_on_the_date_field() {
    let mut ws = sample_workspace();
    ws.confirm_stage(&id(GUILD), &id("stewardship"), d(2026, 2, 10), "", None, t(1))
        .unwrap();
    let before = ws.clone();
    assert_eq!(
        field_errors(ws.confirm_stage(&id(GUILD), &id("maturing"), d(2026, 2, 9), "", None, t(2))),
        vec![(
            "on",
            "The date must not be before the last recorded change (2026-02-10)".to_string()
        )]
    );
    // Every problem of the form at once.
    assert_eq!(
        field_errors(ws.confirm_stage(&id(GUILD), &id("ripe"), d(2026, 1, 1), &"x".repeat(20_001), None, t(2))),
        vec![
            ("stage_id", "Choose a stage from the list".to_string()),
            (
                "on",
                "The date must not be before the last recorded change (2026-02-10)".to_string()
            ),
            ("note", "Note is 20001 characters long; the limit is 20000".to_string()),
        ]
    );
    assert_eq!(ws, before, "a refused change leaves everything untouched");
}

#[test]
fn a_change_made_on_the_community_form_counts_as_the_last_change() {
    let mut ws = sample_workspace();
    let mut draft = CommunityDraft::of(guild(&ws));
    draft.lifecycle_stage_id = id("stewardship");
    ws.update_community(&id(GUILD), &draft, t(60 * 24 * 9)).unwrap();
    assert_eq!(last_change_on(guild(&ws)), Some(d(2026, 2, 10)));
    assert_eq!(
        field_errors(ws.confirm_stage(&id(GUILD), &id("maturing"), d(2026, 2, 1), "", None, t(60 * 24 * 10))),
        vec![(
            "on",
            "The date must not be before the last recorded change (2026-02-10)".to_string()
        )]
    );
    ws.confirm_stage(&id(GUILD), &id("maturing"), d(2026, 2, 11), "", None, t(60 * 24 * 10))
        .unwrap();
    assert_eq!(
        guild(&ws).cultivation.stage_history[1].from_stage_id,
        Some(id("stewardship"))
    );
    assert_sound(&ws);
}

#[test]
fn undoing_the_last_change_restores_the_stage_before_it() {
    let mut ws = sample_workspace();
    assert_eq!(
        ws.undo_last_stage_change(&id(GUILD), t(1)),
        Err(ModelError::NotFound("There is no recorded change to undo".into()))
    );
    ws.confirm_stage(&id(GUILD), &id("stewardship"), d(2026, 2, 10), "", None, t(1))
        .unwrap();
    ws.confirm_stage(&id(GUILD), &id("transformation"), d(2026, 3, 10), "Typo", None, t(2))
        .unwrap();
    ws.undo_last_stage_change(&id(GUILD), t(3)).unwrap();
    assert_sound(&ws);
    assert_eq!(guild(&ws).lifecycle_stage_id, id("stewardship"));
    assert_eq!(guild(&ws).cultivation.stage_history.len(), 1);
    // The date of the undone change no longer holds back the next one.
    ws.confirm_stage(&id(GUILD), &id("maturing"), d(2026, 2, 20), "", None, t(4))
        .unwrap();
    ws.undo_last_stage_change(&id(GUILD), t(5)).unwrap();
    ws.undo_last_stage_change(&id(GUILD), t(6)).unwrap();
    assert_eq!(guild(&ws).lifecycle_stage_id, id("maturing"));
    assert!(guild(&ws).cultivation.stage_history.is_empty());
    assert_sound(&ws);
}

// ----- cultivation tasks -----

#[test]
fn tasks_are_ticked_and_unticked_and_counted_per_stage() {
    let mut ws = sample_workspace();
    let tick = |ws: &mut Workspace, task: &str, done: bool, minute| {
        ws.set_stage_task(&id(GUILD), &id(task), done, t(minute)).unwrap();
        assert_sound(ws);
    };
    tick(&mut ws, "learning_agenda", true, 1);
    tick(&mut ws, "map_gaps", true, 2);
    tick(&mut ws, "learning_agenda", true, 3);
    tick(&mut ws, "renewal_workshop", true, 4);
    assert_eq!(
        guild(&ws).cultivation.tasks_done,
        vec![id("learning_agenda"), id("map_gaps"), id("renewal_workshop")]
    );
    assert_eq!(tasks_done_of(&ws.catalogues, guild(&ws), &id("maturing")), (2, 4));
    assert_eq!(tasks_done_of(&ws.catalogues, guild(&ws), &id("stewardship")), (1, 4));
    assert_eq!(tasks_done_of(&ws.catalogues, guild(&ws), &id("transformation")), (0, 3));
    tick(&mut ws, "map_gaps", false, 5);
    tick(&mut ws, "map_gaps", false, 6);
    assert_eq!(tasks_done_of(&ws.catalogues, guild(&ws), &id("maturing")), (1, 4));
    assert_eq!(
        ws.set_stage_task(&id(GUILD), &id("gone"), true, t(7)),
        Err(ModelError::NotFound("That task no longer exists".into()))
    );
}

// ----- transformation -----

#[test]
fn how_a_community_changed_is_recorded_only_at_the_transformation_stage() {
    let mut ws = sample_workspace();
    assert_eq!(
        ws.record_transformation(&id(GUILD), &id("merged"), d(2026, 5, 1), "", t(1)),
        Err(ModelError::Refused(
            "Confirm the Transformation stage first: how a community ended or changed is recorded at that stage."
                .into()
        ))
    );
    ws.confirm_stage(&id(GUILD), &id("transformation"), d(2026, 4, 1), "", None, t(1))
        .unwrap();
    assert_eq!(
        field_errors(ws.record_transformation(&id(GUILD), &id("evaporated"), d(2026, 5, 1), "", t(2))),
        vec![("mode_id", "Choose how the community ended or changed".to_string())]
    );
    ws.record_transformation(
        &id(GUILD),
        &id("merged"),
        d(2026, 5, 1),
        " Joined the SRE community ",
        t(2),
    )
    .unwrap();
    assert_sound(&ws);
    assert_eq!(
        guild(&ws).cultivation.transformation,
        Some(Transformation {
            mode_id: id("merged"),
            on: d(2026, 5, 1),
            note: "Joined the SRE community".into()
        })
    );
    // Correcting it replaces it.
    ws.record_transformation(&id(GUILD), &id("institutionalised"), d(2026, 5, 2), "", t(3))
        .unwrap();
    assert_eq!(
        guild(&ws)
            .cultivation
            .transformation
            .as_ref()
            .map(|x| x.mode_id.clone()),
        Some(id("institutionalised"))
    );

    // A revived community keeps the record as history, but cannot change it any more…
    ws.confirm_stage(&id(GUILD), &id("stewardship"), d(2026, 9, 1), "Revived", None, t(4))
        .unwrap();
    assert_sound(&ws);
    assert!(guild(&ws).cultivation.transformation.is_some());
    assert!(matches!(
        ws.record_transformation(&id(GUILD), &id("merged"), d(2026, 9, 2), "", t(5)),
        Err(ModelError::Refused(_))
    ));
    // …and may clear it.
    ws.clear_transformation(&id(GUILD), t(5)).unwrap();
    assert_eq!(guild(&ws).cultivation.transformation, None);
    assert_eq!(
        ws.clear_transformation(&id(GUILD), t(6)),
        Err(ModelError::NotFound("No transformation is recorded".into()))
    );
    assert_sound(&ws);
}

#[test]
fn without_a_transformation_entry_the_last_stage_is_the_transformation_stage() {
    // A workspace of its own: in the sample, other communities are at transformation.
    let mut ws = Workspace::new(id("ws"), "Fresh", t(0));
    let draft = CommunityDraft {
        name: "Reliability Guild".into(),
        ..CommunityDraft::new_in(&ws)
    };
    ws.add_community(id(GUILD), &draft, t(0)).unwrap();
    ws.delete_catalogue_entry(CatalogueKind::LifecycleStages, &id("transformation"), t(1))
        .unwrap();
    assert_sound(&ws);
    assert_eq!(transformation_stage(&ws.catalogues), Some(&id("stewardship")));
    ws.confirm_stage(&id(GUILD), &id("stewardship"), d(2026, 4, 1), "", None, t(2))
        .unwrap();
    ws.record_transformation(&id(GUILD), &id("faded_away"), d(2026, 6, 1), "", t(3))
        .unwrap();
    assert_sound(&ws);
}

// ----- maturity -----

#[test]
fn assessments_are_kept_in_date_order() {
    let mut ws = sample_workspace();
    let add = |ws: &mut Workspace, aid: &str, on, minute| {
        ws.add_maturity_assessment(&id(GUILD), id(aid), on, &scores(&[("community", 2)]), "", t(minute))
            .unwrap();
        assert_sound(ws);
    };
    add(&mut ws, "ma-june", d(2026, 6, 1), 1);
    add(&mut ws, "ma-jan", d(2026, 1, 15), 2);
    add(&mut ws, "ma-march", d(2026, 3, 1), 3);
    add(&mut ws, "ma-june-2", d(2026, 6, 1), 4);
    let expect = |v: &[(&str, NaiveDate)]| -> Vec<(String, NaiveDate)> {
        v.iter().map(|(a, on)| (a.to_string(), *on)).collect()
    };
    assert_eq!(
        dates(&ws),
        expect(&[
            ("ma-jan", d(2026, 1, 15)),
            ("ma-march", d(2026, 3, 1)),
            ("ma-june", d(2026, 6, 1)),
            ("ma-june-2", d(2026, 6, 1)),
        ]),
        "a second assessment on the same date follows the first"
    );

    // Moving an assessment's date moves it in the list; keeping the date keeps its place.
    ws.update_maturity_assessment(
        &id(GUILD),
        &id("ma-jan"),
        d(2026, 4, 1),
        &scores(&[("rhythm", 3)]),
        "",
        t(5),
    )
    .unwrap();
    assert_sound(&ws);
    assert_eq!(
        dates(&ws),
        expect(&[
            ("ma-march", d(2026, 3, 1)),
            ("ma-jan", d(2026, 4, 1)),
            ("ma-june", d(2026, 6, 1)),
            ("ma-june-2", d(2026, 6, 1)),
        ])
    );
    ws.update_maturity_assessment(
        &id(GUILD),
        &id("ma-june"),
        d(2026, 6, 1),
        &scores(&[("rhythm", 1)]),
        "Note",
        t(6),
    )
    .unwrap();
    assert_eq!(dates(&ws)[2].0, "ma-june");
    assert_eq!(guild(&ws).cultivation.maturity[2].note, "Note");

    ws.delete_maturity_assessment(&id(GUILD), &id("ma-march"), t(7))
        .unwrap();
    assert_eq!(dates(&ws).len(), 3);
    assert_eq!(
        ws.delete_maturity_assessment(&id(GUILD), &id("ma-march"), t(8)),
        Err(ModelError::NotFound("That assessment no longer exists".into()))
    );
    assert_eq!(
        ws.update_maturity_assessment(
            &id(GUILD),
            &id("ma-march"),
            d(2026, 1, 1),
            &scores(&[("rhythm", 1)]),
            "",
            t(8)
        ),
        Err(ModelError::NotFound("That assessment no longer exists".into()))
    );
    assert_sound(&ws);
}

#[test]
fn scores_are_stored_in_catalogue_order_and_checked() {
    let mut ws = sample_workspace();
    ws.add_maturity_assessment(
        &id(GUILD),
        id("ma-1"),
        d(2026, 2, 1),
        &scores(&[("technology_fit", 4), ("domain_clarity", 0), ("rhythm", 2)]),
        "  First look  ",
        t(1),
    )
    .unwrap();
    let a = &guild(&ws).cultivation.maturity[0];
    assert_eq!(
        a.scores
            .iter()
            .map(|s| (s.dimension_id.as_str(), s.score))
            .collect::<Vec<_>>(),
        [("domain_clarity", 0), ("rhythm", 2), ("technology_fit", 4)]
    );
    assert_eq!(a.note, "First look");
    assert_eq!(a.score(&id("rhythm")), Some(2));
    assert_eq!(a.score(&id("community")), None, "not scored is not zero");

    let before = ws.clone();
    let refuse = |ws: &mut Workspace, s: &[(&str, u8)]| {
        field_errors(ws.add_maturity_assessment(&id(GUILD), id("ma-2"), d(2026, 3, 1), &scores(s), "", t(2)))
    };
    assert_eq!(
        refuse(&mut ws, &[("rhythm", 5)]),
        vec![("scores", "Scores go from 0 to 4".to_string())]
    );
    assert_eq!(
        refuse(&mut ws, &[("vibes", 2)]),
        vec![("scores", "No maturity dimension with id 'vibes'".to_string())]
    );
    assert_eq!(
        refuse(&mut ws, &[("rhythm", 2), ("rhythm", 3)]),
        vec![("scores", "'Rhythm' is scored twice".to_string())]
    );
    assert_eq!(
        refuse(&mut ws, &[]),
        vec![("scores", "Score at least one dimension".to_string())]
    );
    assert_eq!(ws, before);
}

#[test]
fn a_new_assessment_needs_an_unused_id() {
    let mut ws = sample_workspace();
    ws.add_maturity_assessment(
        &id(GUILD),
        id("ma-1"),
        d(2026, 2, 1),
        &scores(&[("rhythm", 2)]),
        "",
        t(1),
    )
    .unwrap();
    for taken in ["ma-1", "c-testing", "p-amara"] {
        assert_eq!(
            ws.add_maturity_assessment(
                &id("c-testing"),
                id(taken),
                d(2026, 2, 1),
                &scores(&[("rhythm", 2)]),
                "",
                t(2)
            ),
            Err(ModelError::Refused(format!("The id {taken} is already used")))
        );
    }
    assert_sound(&ws);
}

#[test]
fn two_assessments_compare_dimension_by_dimension() {
    let mut ws = sample_workspace();
    ws.add_maturity_assessment(
        &id(GUILD),
        id("ma-jan"),
        d(2026, 1, 20),
        &scores(&[
            ("domain_clarity", 2),
            ("community", 3),
            ("practice", 1),
            ("technology_fit", 2),
        ]),
        "",
        t(1),
    )
    .unwrap();
    ws.add_maturity_assessment(
        &id(GUILD),
        id("ma-jun"),
        d(2026, 6, 20),
        &scores(&[("domain_clarity", 3), ("community", 3), ("practice", 0), ("rhythm", 2)]),
        "",
        t(2),
    )
    .unwrap();
    let m = &guild(&ws).cultivation.maturity;
    let delta = |dim: &str, label: &str, before, after, change| DimensionDelta {
        dimension_id: id(dim),
        label: label.into(),
        before,
        after,
        change,
    };
    assert_eq!(
        compare(&ws.catalogues, &m[0], &m[1]),
        vec![
            delta("domain_clarity", "Domain clarity", Some(2), Some(3), Some(1)),
            delta("community", "Community", Some(3), Some(3), Some(0)),
            delta("practice", "Practice", Some(1), Some(0), Some(-1)),
            delta("rhythm", "Rhythm", None, Some(2), None),
            delta("value_visibility", "Value visibility", None, None, None),
            delta(
                "organisational_connection",
                "Organisational connection",
                None,
                None,
                None
            ),
            delta("technology_fit", "Technology fit", Some(2), None, None),
        ]
    );
    let texts: Vec<String> = compare(&ws.catalogues, &m[0], &m[1])
        .iter()
        .map(|x| change_text(x.change))
        .collect();
    assert_eq!(
        texts[..4],
        ["+1", "no change", "\u{2212}1", "not comparable"].map(String::from)
    );

    // A renamed dimension is compared under its new label; a dimension added later is
    // simply not scored in either.
    ws.update_catalogue_entry(CatalogueKind::MaturityDimensions, &id("rhythm"), "Tempo", "", "", t(3))
        .unwrap();
    ws.add_catalogue_entry(CatalogueKind::MaturityDimensions, "Leadership", "", "", t(4))
        .unwrap();
    let m = &guild(&ws).cultivation.maturity;
    let c = compare(&ws.catalogues, &m[0], &m[1]);
    assert_eq!(c[3].label, "Tempo");
    assert_eq!(c.len(), 8);
    assert_eq!(c[7], delta("leadership", "Leadership", None, None, None));
    assert_sound(&ws);
}

#[test]
fn a_dimension_in_use_cannot_be_deleted_from_the_catalogue() {
    let mut ws = sample_workspace();
    ws.add_maturity_assessment(
        &id(GUILD),
        id("ma-1"),
        d(2026, 2, 1),
        &scores(&[("rhythm", 2)]),
        "",
        t(1),
    )
    .unwrap();
    assert!(matches!(
        ws.delete_catalogue_entry(CatalogueKind::MaturityDimensions, &id("rhythm"), t(2)),
        Err(ModelError::Refused(_))
    ));
    assert_sound(&ws);
}
