#![cfg(not(target_arch = "wasm32"))]
//! The structure chooser, the organisational readiness check and the success-and-risk
//! health check, proved through their pure functions and the public operations of
//! `Workspace`. Every sequence of operations must leave the workspace validating clean,
//! and what was recorded must survive an export and import.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use cultivate::model::catalogue::CatalogueEntry;
use cultivate::model::chooser::{
    answer_problems, because, formation_for_new, in_words, questions, recommend, split_next, Reason,
};
use cultivate::model::organisation::{score_percent, AreaScore, ChooserAnswer, HealthCheck, ReadinessCheck};
use cultivate::model::readiness::{
    compare, compare_health, health_warnings, score_change, weakest, AreaChange, Direction, HealthDraft, HealthWarning,
    ReadinessDraft,
};
use cultivate::model::sample::sample_workspace;
use cultivate::model::*;
use cultivate::storage::format::{decode_document, encode_community, encode_workspace, CommunityBundle, Document};

// ----- helpers -----

/// Minutes after 2026-03-01 00:00 UTC, later than everything in the sample.
fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn id(s: &str) -> Id {
    Id::new(s)
}

fn a(q: &str, o: &str) -> ChooserAnswer {
    ChooserAnswer {
        question_id: id(q),
        option_id: id(o),
    }
}

fn sc(area: &str, score: u8) -> AreaScore {
    AreaScore {
        area_id: id(area),
        score,
    }
}

fn fe(field: &'static str, message: &str) -> FieldError {
    FieldError::new(field, message)
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

fn ranking(rec: &chooser::Recommendation) -> Vec<(&str, usize)> {
    rec.ranking
        .iter()
        .map(|s| (s.structure_id.as_str(), s.points))
        .collect()
}

/// The answers of a group that learns together across sites: a community of practice.
fn cop_answers() -> Vec<ChooserAnswer> {
    vec![
        a("purpose", "purpose_capability"),
        a("membership", "membership_self"),
        a("glue", "glue_passion"),
        a("lifespan", "lifespan_learning"),
        a("deliverables", "deliverables_capability"),
        a("boundaries", "boundaries_fuzzy"),
        a("location", "location_spread"),
    ]
}

/// The answers of an assigned group with a dated deliverable in one department.
fn team_answers() -> Vec<ChooserAnswer> {
    vec![
        a("purpose", "purpose_task"),
        a("membership", "membership_assigned"),
        a("glue", "glue_task"),
        a("lifespan", "lifespan_task"),
        a("deliverables", "deliverables_yes"),
        a("boundaries", "boundaries_clear"),
        a("location", "location_one_unit"),
    ]
}

fn readiness(on: NaiveDate, scores: &[(&str, u8)]) -> ReadinessDraft {
    ReadinessDraft {
        on,
        organisation_id: None,
        by: "Sponsor and social learning team".into(),
        scores: scores.iter().map(|(a, s)| sc(a, *s)).collect(),
        note: String::new(),
    }
}

fn health(on: NaiveDate, scores: &[(&str, u8)], risks: &[&str]) -> HealthDraft {
    HealthDraft {
        on,
        scores: scores.iter().map(|(a, s)| sc(a, *s)).collect(),
        risks: risks.iter().map(|r| id(r)).collect(),
        note: String::new(),
    }
}

fn readiness_dates(ws: &Workspace) -> Vec<(String, NaiveDate)> {
    ws.programme
        .readiness_checks
        .iter()
        .filter(|r| r.id.as_str().starts_with("x-"))
        .map(|r| (r.id.0.clone(), r.on))
        .collect()
}

fn health_ids(ws: &Workspace, c: &str) -> Vec<String> {
    ws.community(&id(c))
        .expect("community")
        .stewardship
        .health_checks
        .iter()
        .filter(|h| h.id.as_str().starts_with("x-"))
        .map(|h| h.id.0.clone())
        .collect()
}

// ----- the chooser's recommendation -----

#[test]
fn a_learning_partnership_is_a_community_of_practice_and_every_answer_is_a_reason() {
    let cats = Catalogues::default();
    let rec = recommend(&cats, &cop_answers()).expect("a recommendation");
    assert_eq!(rec.structure_id().as_str(), "community_of_practice");
    assert_eq!(
        ranking(&rec),
        [
            ("community_of_practice", 7),
            ("chapter", 5),
            ("practice_group", 4),
            ("network", 3),
            ("task_force", 1),
            ("project_team", 0),
            ("work_unit", 0),
        ]
    );
    assert_eq!(rec.reasons(), cop_answers().as_slice());
    assert!(rec.against().is_empty());
    assert_eq!(rec.runner_up().map(|r| r.structure_id.as_str()), Some("chapter"));
    assert!(!rec.is_close(), "7 against 5 is a clear answer");
    assert_eq!(
        in_words(&cats, &rec.reasons()[..1]),
        [Reason {
            question: "What is the group's main purpose?".into(),
            answer: "Build members' capability; create and exchange knowledge".into(),
        }]
    );
    assert!(because(&cats, &rec).starts_with(
        "Because: Build members' capability; create and exchange knowledge; People who choose to take part;"
    ));
    let cop = cats.entry(CatalogueKind::StructureTypes, rec.structure_id()).unwrap();
    assert_eq!(
        split_next(&cop.description).1,
        Some("find internal leaders, build a core group, and write the domain and key issues.")
    );
}

#[test]
fn a_dated_deliverable_makes_it_a_project_team_and_the_task_force_a_close_runner_up() {
    let cats = Catalogues::default();
    let rec = recommend(&cats, &team_answers()).unwrap();
    assert_eq!(rec.structure_id().as_str(), "project_team");
    assert_eq!(rec.best().points, 7);
    let runner = rec.runner_up().unwrap();
    assert_eq!((runner.structure_id.as_str(), runner.points), ("task_force", 6));
    assert!(rec.is_close());

    // Knowledge spread across units instead tips it to a task force.
    let mut answers = team_answers();
    answers[6] = a("location", "location_spread");
    let rec = recommend(&cats, &answers).unwrap();
    assert_eq!(rec.structure_id().as_str(), "task_force");
    assert_eq!(rec.against().len(), 0);
    assert_eq!(rec.runner_up().unwrap().structure_id.as_str(), "project_team");
}

#[test]
fn reasons_and_objections_split_the_answers() {
    let cats = Catalogues::default();
    // A community of practice that must deliver a dated result: the deliverable speaks against it.
    let mut answers = cop_answers();
    answers[4] = a("deliverables", "deliverables_yes");
    let rec = recommend(&cats, &answers).unwrap();
    assert_eq!(rec.structure_id().as_str(), "community_of_practice");
    assert_eq!(rec.best().points, 6);
    assert_eq!(rec.against(), [&a("deliverables", "deliverables_yes")]);
    assert_eq!(rec.reasons().len(), 6);
}

#[test]
fn a_tie_goes_to_the_structure_that_fits_the_earlier_question_then_to_catalogue_order() {
    let mut cats = Catalogues::default();
    // Network fits the purpose answer; community of practice, chapter and practice group
    // fit the glue answer. One point each: purpose is asked first, so network wins.
    let answers = [a("purpose", "purpose_information"), a("glue", "glue_passion")];
    let rec = recommend(&cats, &answers).unwrap();
    assert_eq!(
        ranking(&rec)[..4],
        [
            ("network", 1),
            ("community_of_practice", 1),
            ("chapter", 1),
            ("practice_group", 1)
        ]
    );
    assert!(rec.is_close());

    // The same answers in any order give the same result.
    let reversed = [a("glue", "glue_passion"), a("purpose", "purpose_information")];
    assert_eq!(recommend(&cats, &reversed).unwrap().structure_id().as_str(), "network");

    // Ask about the glue first, and the tie goes the other way; among the three that fit
    // exactly the same answers, the catalogue's order decides.
    let glue = cats.chooser_questions.remove(2);
    cats.chooser_questions.insert(0, glue);
    let rec = recommend(&cats, &answers).unwrap();
    assert_eq!(rec.structure_id().as_str(), "community_of_practice");
    assert_eq!(rec.runner_up().unwrap().structure_id.as_str(), "chapter");

    // Structures that fit the same answers are ranked in catalogue order: move the
    // chapter to the top of the structures and it wins.
    let chapter = cats.structure_types.remove(1);
    cats.structure_types.insert(0, chapter);
    assert_eq!(recommend(&cats, &answers).unwrap().structure_id().as_str(), "chapter");
}

#[test]
fn nothing_answered_or_nothing_fitting_recommends_nothing() {
    let mut cats = Catalogues::default();
    assert!(recommend(&cats, &[]).is_none());
    // An answer to the wrong question, or to an unknown one, counts for nothing.
    assert!(recommend(&cats, &[a("glue", "purpose_task")]).is_none());
    assert!(recommend(&cats, &[a("colour", "purpose_task")]).is_none());
    // An answer whose structures were all removed fits nothing.
    cats.structure_types.retain(|s| s.id.as_str() != "network");
    assert!(recommend(&cats, &[a("purpose", "purpose_information")]).is_none());
    assert_eq!(
        answer_problems(&cats, &[a("purpose", "purpose_information")]),
        [fe("answers", "None of the answers fits a structure of the catalogue")]
    );
    // A second answer to the same question is ignored by the recommendation…
    let cats = Catalogues::default();
    let twice = [a("purpose", "purpose_task"), a("purpose", "purpose_capability")];
    assert_eq!(
        recommend(&cats, &twice).unwrap().answers,
        [a("purpose", "purpose_task")]
    );
    // …and refused when saving.
    assert_eq!(
        answer_problems(&cats, &twice),
        [fe("answers", "“What is the group's main purpose?” is answered twice")]
    );
    assert_eq!(
        answer_problems(&cats, &[]),
        [fe("answers", "Answer at least one question")]
    );
    assert_eq!(
        answer_problems(&cats, &[a("glue", "purpose_task")]),
        [fe(
            "answers",
            "'purpose_task' is not an answer to “What holds the group together?”"
        )]
    );
}

#[test]
fn a_workspace_s_own_questions_answers_and_structures_drive_the_chooser() {
    let mut ws = sample_workspace();
    let now = t(1);
    // A new structure and a new question with two answers, added as the Data page does.
    let guild = ws
        .add_catalogue_entry(
            CatalogueKind::StructureTypes,
            "Guild",
            "A craft guild. Next: appoint masters.",
            "Our own",
            now,
        )
        .unwrap();
    let q = ws
        .add_catalogue_entry(
            CatalogueKind::ChooserQuestions,
            "Is there an apprenticeship?",
            "Guilds train apprentices.",
            "Our own",
            now,
        )
        .unwrap();
    let cats = &mut ws.catalogues;
    cats.chooser_options.push(CatalogueEntry {
        id: id("apprentices_yes"),
        label: "Yes, masters train apprentices".into(),
        description: String::new(),
        source: "Our own".into(),
        parent_id: Some(q.clone()),
        points_to: vec![guild.clone()],
        format: None,
    });
    // An answer that fits the new structure as well as the community of practice.
    cats.chooser_options
        .iter_mut()
        .find(|o| o.id.as_str() == "purpose_capability")
        .unwrap()
        .points_to
        .push(guild.clone());
    assert_eq!(
        questions(cats).last().map(|q| q.label.as_str()),
        Some("Is there an apprenticeship?")
    );
    let answers = [a("purpose", "purpose_capability"), a(q.as_str(), "apprentices_yes")];
    let rec = recommend(&ws.catalogues, &answers).unwrap();
    assert_eq!(rec.structure_id(), &guild);
    assert_eq!(rec.reasons(), answers.as_slice());
    // A question without answers is not asked.
    ws.add_catalogue_entry(
        CatalogueKind::ChooserQuestions,
        "Unanswerable",
        "No answers yet.",
        "Our own",
        now,
    )
    .unwrap();
    assert_eq!(questions(&ws.catalogues).len(), 8);
    assert_eq!(ws.catalogues.chooser_questions.len(), 9);

    // Saved against a community, and the workspace stays sound.
    ws.save_structure_choice(&id("c-testing"), &answers, d(2026, 3, 1), "", false, t(2))
        .unwrap();
    assert_eq!(
        ws.community(&id("c-testing"))
            .unwrap()
            .stewardship
            .structure_choice
            .as_ref()
            .unwrap()
            .recommended_id,
        guild
    );
    // There is no formation type "guild": a new community gets the first one.
    assert_eq!(
        formation_for_new(&ws.catalogues, &guild).unwrap().as_str(),
        "community_of_practice"
    );
    assert_sound(&ws);
}

// ----- saving a chooser result -----

#[test]
fn a_result_saved_against_a_community_keeps_the_answers_in_question_order_and_the_computed_recommendation() {
    let mut ws = sample_workspace();
    let c = id("c-reliability");
    let mut answers = cop_answers();
    answers.reverse();
    let got = ws
        .save_structure_choice(
            &c,
            &answers,
            d(2026, 2, 20),
            "  Workshop with the sponsor  ",
            false,
            t(1),
        )
        .unwrap();
    assert_eq!(got.as_str(), "community_of_practice");
    let community = ws.community(&c).unwrap();
    let choice = community.stewardship.structure_choice.as_ref().unwrap();
    assert_eq!(choice.answers, cop_answers());
    assert_eq!(choice.recommended_id.as_str(), "community_of_practice");
    assert_eq!(choice.on, d(2026, 2, 20));
    assert_eq!(choice.note, "Workshop with the sponsor");
    assert_eq!(community.updated_at, t(1));
    assert_eq!(community.formation_type_id.as_str(), "community_of_practice");
    assert_sound(&ws);

    // Saving again replaces the result.
    ws.save_structure_choice(&c, &team_answers(), d(2026, 2, 21), "", false, t(2))
        .unwrap();
    let choice = ws.community(&c).unwrap().stewardship.structure_choice.clone().unwrap();
    assert_eq!(
        (choice.recommended_id.as_str(), choice.on),
        ("project_team", d(2026, 2, 21))
    );
    assert_sound(&ws);

    ws.remove_structure_choice(&c, t(3)).unwrap();
    assert!(ws.community(&c).unwrap().stewardship.structure_choice.is_none());
    assert_eq!(
        ws.remove_structure_choice(&c, t(4)),
        Err(ModelError::NotFound("That community has no saved result".into()))
    );
    assert_sound(&ws);
}

#[test]
fn the_formation_type_changes_only_when_asked_and_only_to_a_matching_one() {
    let mut ws = sample_workspace();
    let c = id("c-reliability");
    // A local group: the chooser recommends a chapter.
    let answers = [
        a("purpose", "purpose_capability"),
        a("membership", "membership_local"),
        a("location", "location_one_site"),
    ];
    assert_eq!(
        recommend(&ws.catalogues, &answers).unwrap().structure_id().as_str(),
        "chapter"
    );
    ws.save_structure_choice(&c, &answers, d(2026, 2, 1), "", false, t(1))
        .unwrap();
    assert_eq!(
        ws.community(&c).unwrap().formation_type_id.as_str(),
        "community_of_practice",
        "never changed silently"
    );
    ws.save_structure_choice(&c, &answers, d(2026, 2, 1), "", true, t(2))
        .unwrap();
    assert_eq!(ws.community(&c).unwrap().formation_type_id.as_str(), "chapter");
    assert_sound(&ws);

    // A project team is no formation type: asking to set it is refused and nothing changes.
    let before = ws.clone();
    assert_eq!(
        ws.save_structure_choice(&c, &team_answers(), d(2026, 2, 2), "", true, t(3)),
        Err(ModelError::Refused(
            "There is no formation type “Project team”; the community keeps its own".into()
        ))
    );
    assert_eq!(ws, before);
}

#[test]
fn saving_refuses_bad_answers_long_notes_and_missing_communities() {
    let mut ws = sample_workspace();
    let before = ws.clone();
    let c = id("c-testing");
    assert_eq!(
        invalid(ws.save_structure_choice(&c, &[], d(2026, 2, 1), "", false, t(1))),
        [fe("answers", "Answer at least one question")]
    );
    assert_eq!(
        invalid(ws.save_structure_choice(&c, &cop_answers(), d(2026, 2, 1), &"x".repeat(20_001), false, t(1))),
        [fe("note", "Note is 20001 characters long; the limit is 20000")]
    );
    assert_eq!(
        ws.save_structure_choice(&id("gone"), &cop_answers(), d(2026, 2, 1), "", false, t(1)),
        Err(ModelError::NotFound("That community no longer exists".into()))
    );
    assert_eq!(ws, before);
}

#[test]
fn a_new_community_from_a_result_gets_the_matching_formation_type_or_the_first() {
    let mut ws = sample_workspace();
    let communities = ws.communities.len();
    assert_eq!(
        invalid(ws.create_community_from_choice(id("c-new"), "  ", &cop_answers(), d(2026, 2, 1), "", t(1))),
        [fe("name", "Name is required")]
    );
    assert_eq!(
        invalid(ws.create_community_from_choice(id("c-new"), "X", &[], d(2026, 2, 1), "", t(1))),
        [fe("answers", "Answer at least one question")]
    );
    assert_eq!(ws.communities.len(), communities);

    // A network answer set: the catalogue has a "network" formation type.
    let net = [
        a("purpose", "purpose_information"),
        a("glue", "glue_need"),
        a("boundaries", "boundaries_none"),
    ];
    let got = ws
        .create_community_from_choice(id("c-net"), " Data folk ", &net, d(2026, 2, 1), "", t(1))
        .unwrap();
    assert_eq!(got.as_str(), "network");
    let c = ws.community(&id("c-net")).unwrap();
    assert_eq!(c.name, "Data folk");
    assert_eq!(c.formation_type_id.as_str(), "network");
    assert_eq!(c.lifecycle_stage_id.as_str(), "potential");
    assert_eq!(
        c.stewardship.structure_choice.as_ref().unwrap().recommended_id.as_str(),
        "network"
    );

    // A project team has no formation type of its own: the first one is used.
    ws.create_community_from_choice(id("c-team"), "Migration team", &team_answers(), d(2026, 2, 1), "", t(2))
        .unwrap();
    let c = ws.community(&id("c-team")).unwrap();
    assert_eq!(c.formation_type_id.as_str(), "community_of_practice");
    assert_eq!(
        c.stewardship.structure_choice.as_ref().unwrap().recommended_id.as_str(),
        "project_team"
    );
    assert_sound(&ws);

    // The id must be fresh.
    assert_eq!(
        ws.create_community_from_choice(id("c-team"), "Again", &team_answers(), d(2026, 2, 1), "", t(3)),
        Err(ModelError::Refused("The id c-team is already used".into()))
    );
}

// ----- readiness -----

#[test]
fn readiness_checks_are_kept_in_date_order_and_validated_inline() {
    let mut ws = sample_workspace();
    let later = readiness(d(2026, 2, 10), &[("strategic_context", 3), ("protected_time", 1)]);
    let earlier = readiness(d(2025, 11, 3), &[("strategic_context", 1), ("protected_time", 1)]);
    ws.add_readiness_check(id("x-r-2"), &later, t(1)).unwrap();
    ws.add_readiness_check(id("x-r-1"), &earlier, t(2)).unwrap();
    assert_eq!(
        readiness_dates(&ws),
        [("x-r-1".into(), d(2025, 11, 3)), ("x-r-2".into(), d(2026, 2, 10))]
    );
    assert_eq!(ws.updated_at, t(2));
    assert_sound(&ws);

    // Edited to a later date, the first check moves to the end.
    let mut moved = earlier.clone();
    moved.on = d(2026, 2, 20);
    moved.organisation_id = Some(id("org-harbour"));
    moved.note = "  After the reorganisation \n".into();
    ws.update_readiness_check(&id("x-r-1"), &moved, t(3)).unwrap();
    assert_eq!(
        readiness_dates(&ws),
        [("x-r-2".into(), d(2026, 2, 10)), ("x-r-1".into(), d(2026, 2, 20))]
    );
    let r1 = ws.readiness_check(&id("x-r-1")).unwrap();
    assert_eq!(r1.organisation_id, Some(id("org-harbour")));
    assert_eq!(r1.note, "After the reorganisation");
    assert_sound(&ws);

    // Form problems, each under its field.
    let mut bad = readiness(d(2026, 3, 9), &[]);
    bad.organisation_id = Some(id("org-gone"));
    bad.by = "b".repeat(1_001);
    assert_eq!(
        invalid(ws.add_readiness_check(id("x-r-3"), &bad, t(4))),
        [
            fe("on", "The date is in the future; record a check once it is done"),
            fe("organisation_id", "Choose an organisation from the list"),
            fe("by", "“By” is 1001 characters long; the limit is 1000"),
            fe("scores", "Score at least one readiness area"),
        ]
    );
    // A day ahead of UTC is fine (a user east of Greenwich).
    ws.add_readiness_check(id("x-r-3"), &readiness(d(2026, 3, 2), &[("support", 2)]), t(4))
        .unwrap();
    assert_eq!(
        invalid(ws.add_readiness_check(id("x-r-4"), &readiness(d(2026, 1, 1), &[("support", 5)]), t(5))),
        [fe("scores", "Support must be scored 0 to 4")]
    );
    assert_eq!(
        invalid(ws.add_readiness_check(
            id("x-r-4"),
            &readiness(d(2026, 1, 1), &[("support", 1), ("support", 2)]),
            t(5)
        )),
        [fe("scores", "Support is scored twice")]
    );
    assert_eq!(
        invalid(ws.add_readiness_check(id("x-r-4"), &readiness(d(2026, 1, 1), &[("weather", 1)]), t(5))),
        [fe("scores", "There is no readiness area 'weather' any more")]
    );
    // Ids are unique across the workspace, including other checks.
    assert_eq!(
        ws.add_readiness_check(id("x-r-2"), &earlier, t(5)),
        Err(ModelError::Refused("The id x-r-2 is already used".into()))
    );
    assert_eq!(
        ws.add_readiness_check(id("c-testing"), &earlier, t(5)),
        Err(ModelError::Refused("The id c-testing is already used".into()))
    );

    ws.delete_readiness_check(&id("x-r-2"), t(6)).unwrap();
    assert_eq!(
        ws.delete_readiness_check(&id("x-r-2"), t(7)),
        Err(ModelError::NotFound("That readiness check no longer exists".into()))
    );
    assert_eq!(
        ws.update_readiness_check(&id("x-r-2"), &earlier, t(7)),
        Err(ModelError::NotFound("That readiness check no longer exists".into()))
    );
    assert_eq!(readiness_dates(&ws).len(), 2);
    assert_sound(&ws);
    // Deleting the organisation unlinks the check.
    ws.delete_organisation(&id("org-harbour"), t(8)).unwrap();
    assert_eq!(ws.readiness_check(&id("x-r-1")).unwrap().organisation_id, None);
    assert_sound(&ws);
}

fn check_of(scores: &[(&str, u8)]) -> ReadinessCheck {
    ReadinessCheck {
        id: id("r"),
        on: d(2026, 1, 1),
        organisation_id: None,
        by: String::new(),
        scores: scores.iter().map(|(a, s)| sc(a, *s)).collect(),
        note: String::new(),
    }
}

fn weak_ids(cats: &Catalogues, check: &ReadinessCheck, n: usize) -> Vec<(String, u8)> {
    weakest(cats, check, n)
        .iter()
        .map(|w| (w.area.id.0.clone(), w.score))
        .collect()
}

#[test]
fn the_weakest_areas_come_lowest_first_with_their_suggested_actions() {
    let cats = Catalogues::default();
    let check = check_of(&[
        ("strategic_context", 3),
        ("culture_of_sharing", 2),
        ("protected_time", 0),
        ("sponsorship", 4),
        ("expectations", 1),
        ("recognition_careers", 3),
        ("support", 2),
    ]);
    let w = weakest(&cats, &check, 3);
    assert_eq!(
        w.iter().map(|w| (w.area.id.as_str(), w.score)).collect::<Vec<_>>(),
        [
            ("protected_time", 0),
            ("expectations", 1),
            ("culture_of_sharing", 2),
            ("support", 2)
        ],
        "support ties with the third weakest, so it is listed too"
    );
    assert_eq!(
        w[0].actions.iter().map(|a| a.label.as_str()).collect::<Vec<_>>(),
        ["Agree protected time with line managers"]
    );
    assert_eq!(weak_ids(&cats, &check, 1), [("protected_time".to_string(), 0)]);
    assert_eq!(weak_ids(&cats, &check, 0), Vec::<(String, u8)>::new());
    // Strong areas need no action; unscored areas are not weak, just unknown.
    assert!(weakest(&cats, &check_of(&[("sponsorship", 4)]), 3).is_empty());
    // Equal "mostly" scores that do not fit are left out rather than picked at random…
    assert!(weak_ids(&cats, &check_of(&[("support", 3), ("sponsorship", 3)]), 1).is_empty());
    // …and listed in catalogue order when they fit.
    assert_eq!(
        weak_ids(&cats, &check_of(&[("support", 3), ("sponsorship", 3)]), 2),
        [("sponsorship".to_string(), 3), ("support".to_string(), 3)]
    );
    // The sample's check of 2025: one weak, one partly, four mostly, one strong. Two listed.
    let sample = check_of(&[
        ("strategic_context", 3),
        ("culture_of_sharing", 3),
        ("protected_time", 2),
        ("sponsorship", 4),
        ("expectations", 3),
        ("recognition_careers", 1),
        ("support", 3),
    ]);
    assert_eq!(
        weak_ids(&cats, &sample, 3),
        [
            ("recognition_careers".to_string(), 1),
            ("protected_time".to_string(), 2)
        ]
    );
    // Two weak areas tie for the last place: both are listed.
    let tied = check_of(&[("support", 1), ("sponsorship", 1), ("expectations", 0)]);
    assert_eq!(weak_ids(&cats, &tied, 2).len(), 3);
}

#[test]
fn a_workspace_s_own_readiness_areas_and_actions_are_used() {
    let mut ws = sample_workspace();
    let area = ws
        .add_catalogue_entry(
            CatalogueKind::ReadinessAreas,
            "Travel budget",
            "Members can meet in person.",
            "Our own",
            t(1),
        )
        .unwrap();
    let action = ws
        .add_catalogue_entry(
            CatalogueKind::ReadinessActions,
            "Ask for a travel line",
            "",
            "Our own",
            t(1),
        )
        .unwrap();
    ws.set_catalogue_parent(CatalogueKind::ReadinessActions, &action, &area, t(1))
        .unwrap();
    ws.add_readiness_check(
        id("x-r-1"),
        &readiness(d(2026, 2, 1), &[(area.as_str(), 0), ("support", 1)]),
        t(2),
    )
    .unwrap();
    let check = ws.readiness_check(&id("x-r-1")).unwrap();
    let w = weakest(&ws.catalogues, check, 1);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].area.label, "Travel budget");
    assert_eq!(
        w[0].actions.iter().map(|a| a.label.as_str()).collect::<Vec<_>>(),
        ["Ask for a travel line"]
    );
    assert_sound(&ws);
}

#[test]
fn comparing_two_checks_gives_each_area_before_after_and_the_change() {
    let cats = Catalogues::default();
    let before = [sc("protected_time", 1), sc("strategic_context", 2), sc("support", 3)];
    let after = [
        sc("strategic_context", 4),
        sc("protected_time", 1),
        sc("sponsorship", 2),
    ];
    let changes = compare(cats.get(CatalogueKind::ReadinessAreas), &before, &after);
    let row = |a: &str, b: Option<u8>, f: Option<u8>| AreaChange {
        area_id: id(a),
        before: b,
        after: f,
    };
    assert_eq!(
        changes,
        [
            row("strategic_context", Some(2), Some(4)),
            row("protected_time", Some(1), Some(1)),
            row("sponsorship", None, Some(2)),
            row("support", Some(3), None),
        ],
        "catalogue order; areas scored in neither check are left out"
    );
    assert_eq!(
        changes.iter().map(|c| c.direction()).collect::<Vec<_>>(),
        [
            Direction::Up(2),
            Direction::Same,
            Direction::NewlyScored,
            Direction::NoLongerScored
        ]
    );
    assert_eq!(
        changes.iter().map(AreaChange::describe).collect::<Vec<_>>(),
        ["up 2", "no change", "newly scored", "no longer scored"]
    );
    // Overall: 6/12 = 50 % before, 7/12 = 58 % after.
    assert_eq!((score_percent(&before), score_percent(&after)), (Some(50), Some(58)));
    assert_eq!(score_change(&before, &after), Some(8));
    // Scores of an area the catalogue no longer has still show, after the known ones.
    let changes = compare(
        cats.get(CatalogueKind::ReadinessAreas),
        &[sc("old", 2)],
        &[sc("support", 1)],
    );
    assert_eq!(changes, [row("support", None, Some(1)), row("old", Some(2), None)]);
}

// ----- health checks -----

fn c_check(on: NaiveDate, scores: &[(&str, u8)], risks: &[&str]) -> HealthCheck {
    HealthCheck {
        id: id("h"),
        on,
        scores: scores.iter().map(|(a, s)| sc(a, *s)).collect(),
        risks: risks.iter().map(|r| id(r)).collect(),
        note: String::new(),
    }
}

#[test]
fn health_checks_are_kept_per_community_in_date_order() {
    let mut ws = sample_workspace();
    let c = id("c-negotiators");
    let first = health(d(2025, 12, 1), &[("trust", 3), ("rhythm", 3)], &["burnout", "no_time"]);
    let second = health(
        d(2026, 2, 1),
        &[("trust", 4), ("rhythm", 1)],
        &["no_time", "insularity", "no_time"],
    );
    ws.add_health_check(&c, id("x-h-2"), &second, t(1)).unwrap();
    ws.add_health_check(&c, id("x-h-1"), &first, t(2)).unwrap();
    assert_eq!(health_ids(&ws, "c-negotiators"), ["x-h-1", "x-h-2"]);
    let checks = &ws.community(&c).unwrap().stewardship.health_checks;
    let find = |h: &str| checks.iter().find(|x| x.id.as_str() == h).expect("recorded");
    assert_eq!(
        find("x-h-2").risks,
        [id("no_time"), id("insularity")],
        "catalogue order, each once"
    );
    assert_eq!(find("x-h-1").score(), Some(75));
    assert_eq!(ws.community(&c).unwrap().updated_at, t(2));
    assert_sound(&ws);

    // Edited to a later date, the first moves after the second.
    let mut moved = first.clone();
    moved.on = d(2026, 2, 15);
    moved.note = "Re-scored after the retreat".into();
    ws.update_health_check(&c, &id("x-h-1"), &moved, t(3)).unwrap();
    assert_eq!(health_ids(&ws, "c-negotiators"), ["x-h-2", "x-h-1"]);
    assert_sound(&ws);

    assert_eq!(
        invalid(ws.add_health_check(&c, id("x-h-3"), &health(d(2026, 2, 1), &[], &["weather"]), t(4))),
        [
            fe("scores", "Score at least one success factor"),
            fe("risks", "There is no risk factor 'weather' any more"),
        ]
    );
    assert_eq!(
        invalid(ws.add_health_check(&c, id("x-h-3"), &health(d(2026, 2, 1), &[("trust", 7)], &[]), t(4))),
        [fe("scores", "Trust must be scored 0 to 4")]
    );
    assert_eq!(
        ws.add_health_check(&id("gone"), id("x-h-3"), &first, t(4)),
        Err(ModelError::NotFound("That community no longer exists".into()))
    );
    // The id space is the whole workspace's: another community's check id is taken.
    ws.add_health_check(&id("c-testing"), id("x-h-9"), &first, t(5))
        .unwrap();
    assert_eq!(
        ws.add_health_check(&c, id("x-h-9"), &first, t(6)),
        Err(ModelError::Refused("The id x-h-9 is already used".into()))
    );
    ws.delete_health_check(&c, &id("x-h-2"), t(7)).unwrap();
    assert_eq!(health_ids(&ws, "c-negotiators"), ["x-h-1"]);
    assert_eq!(
        ws.delete_health_check(&c, &id("x-h-2"), t(8)),
        Err(ModelError::NotFound("That health check no longer exists".into()))
    );
    assert_sound(&ws);
}

#[test]
fn comparing_two_health_checks_shows_factor_changes_and_risks_added_and_cleared() {
    let cats = Catalogues::default();
    let before = c_check(
        d(2025, 12, 1),
        &[("passion_for_domain", 4), ("trust", 2), ("rhythm", 3)],
        &["burnout", "no_time", "insularity"],
    );
    let after = c_check(
        d(2026, 2, 1),
        &[
            ("passion_for_domain", 4),
            ("trust", 3),
            ("rhythm", 1),
            ("recognition", 2),
        ],
        &["no_time", "single_leader", "insularity"],
    );
    let cmp = compare_health(&cats, &before, &after);
    assert_eq!(
        cmp.factors
            .iter()
            .map(|c| (c.area_id.as_str(), c.before, c.after, c.describe()))
            .collect::<Vec<_>>(),
        [
            ("passion_for_domain", Some(4), Some(4), "no change".to_string()),
            ("trust", Some(2), Some(3), "up 1".to_string()),
            ("rhythm", Some(3), Some(1), "down 2".to_string()),
            ("recognition", None, Some(2), "newly scored".to_string()),
        ]
    );
    assert_eq!(cmp.risks_added, [id("single_leader")]);
    assert_eq!(cmp.risks_cleared, [id("burnout")]);
    assert_eq!(cmp.risks_kept, [id("no_time"), id("insularity")]);
    // 9/12 = 75 %, 10/16 = 63 % (62.5 rounds up).
    assert_eq!((cmp.score_before, cmp.score_after), (Some(75), Some(63)));
}

#[test]
fn health_warnings_name_risks_then_slipping_factors_then_weak_ones() {
    let cats = Catalogues::default();
    assert!(health_warnings(&cats, &[]).is_empty());
    let before = c_check(d(2025, 12, 1), &[("trust", 4), ("rhythm", 3), ("recognition", 1)], &[]);
    let after = c_check(
        d(2026, 2, 1),
        &[("trust", 2), ("rhythm", 1), ("recognition", 1), ("value_for_time", 0)],
        &["low_trust"],
    );
    let w = health_warnings(&cats, &[before.clone(), after.clone()]);
    assert_eq!(
        w,
        [
            HealthWarning::Risk(id("low_trust")),
            HealthWarning::Slipped {
                factor: id("trust"),
                from: 4,
                to: 2,
                since: d(2025, 12, 1)
            },
            HealthWarning::Slipped {
                factor: id("rhythm"),
                from: 3,
                to: 1,
                since: d(2025, 12, 1)
            },
            HealthWarning::Weak {
                factor: id("value_for_time"),
                score: 0
            },
            HealthWarning::Weak {
                factor: id("recognition"),
                score: 1
            },
        ]
    );
    assert_eq!(
        w.iter().map(|w| w.describe(&cats)).collect::<Vec<_>>(),
        [
            "Risk present: Low trust",
            "Trust fell from strong to partly since 2025-12-01",
            "Rhythm fell from mostly to weak since 2025-12-01",
            "Value for time is absent",
            "Recognition is weak",
        ]
    );
    // A single check: no slipping, just the weak factors and risks.
    assert_eq!(health_warnings(&cats, &[after]).len(), 4);
    // A healthy check warns of nothing.
    assert!(health_warnings(&cats, &[before.clone(), c_check(d(2026, 3, 1), &[("trust", 3)], &[])]).is_empty());
}

// ----- survival -----

#[test]
fn everything_recorded_survives_an_export_and_import() {
    let mut ws = sample_workspace();
    ws.save_structure_choice(
        &id("c-reliability"),
        &cop_answers(),
        d(2026, 2, 20),
        "Sponsor workshop",
        true,
        t(1),
    )
    .unwrap();
    ws.create_community_from_choice(id("c-new"), "Migration team", &team_answers(), d(2026, 2, 21), "", t(2))
        .unwrap();
    let mut r = readiness(d(2026, 1, 5), &[("strategic_context", 2), ("protected_time", 0)]);
    r.organisation_id = Some(id("org-harbour"));
    r.note = "First check\nwith the sponsor".into();
    ws.add_readiness_check(id("x-r-1"), &r, t(3)).unwrap();
    ws.add_readiness_check(
        id("x-r-2"),
        &readiness(d(2026, 2, 5), &[("strategic_context", 3)]),
        t(4),
    )
    .unwrap();
    ws.add_health_check(
        &id("c-testing"),
        id("x-h-1"),
        &health(d(2026, 1, 9), &[("trust", 2)], &["burnout"]),
        t(5),
    )
    .unwrap();
    ws.add_health_check(
        &id("c-testing"),
        id("x-h-2"),
        &health(d(2026, 2, 9), &[("trust", 3)], &[]),
        t(6),
    )
    .unwrap();
    assert_sound(&ws);

    let text = encode_workspace(&ws, t(7), 4, true);
    match decode_document(&text).expect("the export decodes") {
        Document::Workspace(env) => assert_eq!(env.data, ws),
        Document::Community(_) => panic!("a workspace file decodes as a workspace"),
    }
    // A one-community file carries the community's result and health checks.
    let bundle = CommunityBundle::of(&ws, &id("c-testing")).unwrap();
    match decode_document(&encode_community(&bundle, t(8))).expect("the community file decodes") {
        Document::Community(env) => {
            assert_eq!(
                env.data.community.stewardship,
                ws.community(&id("c-testing")).unwrap().stewardship
            )
        }
        Document::Workspace(_) => panic!("a community file decodes as a community"),
    }
}
