#![cfg(not(target_arch = "wasm32"))]
//! Newcomers' onboarding, proved through the public operations of `Workspace` and the pure
//! functions the Onboarding page shows: ticking and unticking steps per member, who counts
//! as a newcomer and why, progress, and the offer to record a level move.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use cultivate::model::cultivation::OnboardingTick;
use cultivate::model::onboarding::*;
use cultivate::model::sample::sample_workspace;
use cultivate::model::*;

fn t(minutes: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).single().expect("valid time") + Duration::minutes(minutes)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
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

const CHAPTER: &str = "c-testing"; // Gus (core, 2025-09-15), Emil (active, 2025-09-15), Chen (occasional, 2025-10-02)
const CIRCLE: &str = "c-negotiators"; // Joy Mensah is occasional since 2025-10-14

fn community<'a>(ws: &'a Workspace, c: &str) -> &'a Community {
    ws.community(&id(c)).expect("community exists")
}

fn ticks(ws: &Workspace, c: &str) -> Vec<(String, String, NaiveDate, String)> {
    community(ws, c)
        .cultivation
        .onboarding
        .iter()
        .map(|t| (t.person_id.0.clone(), t.step_id.0.clone(), t.on, t.note.clone()))
        .collect()
}

fn tick(p: &str, s: &str, on: NaiveDate, note: &str) -> (String, String, NaiveDate, String) {
    (p.into(), s.into(), on, note.into())
}

#[test]
fn ticking_retick_and_untick_a_step_for_a_member() {
    let mut ws = base();
    let c = id(CHAPTER);
    ws.tick_onboarding_step(&c, &id("p-chen"), &id("welcomed"), d(2025, 10, 3), "", t(1))
        .unwrap();
    ws.tick_onboarding_step(
        &c,
        &id("p-chen"),
        &id("mentor_matched"),
        d(2025, 10, 10),
        "  Mentor: Emil  ",
        t(2),
    )
    .unwrap();
    assert_eq!(
        ticks(&ws, CHAPTER),
        [
            tick("p-chen", "welcomed", d(2025, 10, 3), ""),
            tick("p-chen", "mentor_matched", d(2025, 10, 10), "Mentor: Emil"),
        ]
    );
    assert_eq!(community(&ws, CHAPTER).updated_at, t(2));
    assert_sound(&ws);

    // Ticking again changes the date and the note, and adds nothing.
    ws.tick_onboarding_step(
        &c,
        &id("p-chen"),
        &id("mentor_matched"),
        d(2025, 10, 12),
        "Mentor: Gus",
        t(3),
    )
    .unwrap();
    assert_eq!(
        ticks(&ws, CHAPTER)[1],
        tick("p-chen", "mentor_matched", d(2025, 10, 12), "Mentor: Gus")
    );
    assert_eq!(ticks(&ws, CHAPTER).len(), 2);

    ws.untick_onboarding_step(&c, &id("p-chen"), &id("welcomed"), t(4))
        .unwrap();
    assert_eq!(
        ticks(&ws, CHAPTER),
        [tick("p-chen", "mentor_matched", d(2025, 10, 12), "Mentor: Gus")]
    );
    assert_eq!(community(&ws, CHAPTER).updated_at, t(4));
    // Unticking what is not ticked changes nothing, not even the date of the last change.
    ws.untick_onboarding_step(&c, &id("p-chen"), &id("welcomed"), t(5))
        .unwrap();
    assert_eq!(community(&ws, CHAPTER).updated_at, t(4));
    assert_sound(&ws);
}

#[test]
fn only_members_and_catalogue_steps_can_be_ticked() {
    let mut ws = base();
    let c = id(CHAPTER);
    let before = ws.clone();
    // Joy is a member of the circle, not of the chapter.
    assert_eq!(
        ws.tick_onboarding_step(&c, &id("p-joy"), &id("welcomed"), d(2026, 1, 5), "", t(1)),
        Err(ModelError::NotFound(
            "That person is no longer a member of this community".into()
        ))
    );
    assert_eq!(
        ws.tick_onboarding_step(&c, &id("p-chen"), &id("no_such_step"), d(2026, 1, 5), "", t(1)),
        Err(ModelError::NotFound("That onboarding step no longer exists".into()))
    );
    assert_eq!(
        ws.tick_onboarding_step(
            &c,
            &id("p-chen"),
            &id("welcomed"),
            d(2026, 1, 5),
            &"n".repeat(1001),
            t(1)
        ),
        Err(ModelError::Invalid(vec![FieldError::new(
            "note",
            "Note is 1001 characters long; the limit is 1000"
        )]))
    );
    assert!(matches!(
        ws.tick_onboarding_step(&id("c-gone"), &id("p-chen"), &id("welcomed"), d(2026, 1, 5), "", t(1)),
        Err(ModelError::NotFound(_))
    ));
    assert!(matches!(
        ws.untick_onboarding_step(&id("c-gone"), &id("p-chen"), &id("welcomed"), t(1)),
        Err(ModelError::NotFound(_))
    ));
    assert_eq!(ws, before, "a refused tick changes nothing");
}

#[test]
fn a_step_in_use_cannot_be_deleted_from_the_catalogue() {
    let mut ws = base();
    ws.tick_onboarding_step(&id(CHAPTER), &id("p-chen"), &id("welcomed"), d(2026, 1, 5), "", t(1))
        .unwrap();
    assert_eq!(
        ws.delete_catalogue_entry(CatalogueKind::OnboardingSteps, &id("welcomed"), t(2)),
        Err(ModelError::Refused(
            "'Welcomed' is still used by the onboarding of Test Automation Chapter (London). Change those first."
                .into()
        ))
    );
}

#[test]
fn newcomers_joined_recently_sit_at_the_periphery_or_are_being_onboarded() {
    let mut ws = base();
    let c = id(CHAPTER);
    let cats = ws.catalogues.clone();
    let reasons = |ws: &Workspace, m: &str, today: NaiveDate| {
        let com = community(ws, CHAPTER);
        let mem = com.memberships.iter().find(|x| x.id.as_str() == m).unwrap();
        newcomer_reasons(&cats, com, mem, today)
    };
    // Chen joined on 2 October 2025: a newcomer until 2 April 2026 included.
    assert_eq!(reasons(&ws, "m-t3", d(2026, 4, 2)), [NewcomerReason::JoinedRecently]);
    assert_eq!(reasons(&ws, "m-t3", d(2026, 4, 3)), []);

    // A step ticked and others not: onboarding is under way, whenever they joined.
    ws.tick_onboarding_step(&c, &id("p-chen"), &id("welcomed"), d(2025, 10, 3), "", t(1))
        .unwrap();
    assert_eq!(reasons(&ws, "m-t3", d(2027, 6, 1)), [NewcomerReason::UnderWay]);

    // All four steps done, the last on 1 March 2026: onboarded recently until 1 September.
    for (step, on) in [
        ("mentor_matched", d(2025, 10, 20)),
        ("first_contribution", d(2025, 12, 1)),
        ("peripheral_to_active", d(2026, 3, 1)),
    ] {
        ws.tick_onboarding_step(&c, &id("p-chen"), &id(step), on, "", t(2))
            .unwrap();
    }
    assert_eq!(reasons(&ws, "m-t3", d(2026, 9, 1)), [NewcomerReason::RecentlyOnboarded]);
    assert_eq!(reasons(&ws, "m-t3", d(2026, 9, 2)), []);
    assert_eq!(progress(&cats, community(&ws, CHAPTER), &id("p-chen")), (4, 4));

    // Someone at the peripheral level is a newcomer, however long ago they joined.
    let mut circle = base();
    circle
        .change_level(
            &id(CIRCLE),
            &id("m-n4"),
            &id("peripheral"),
            d(2025, 12, 1),
            "Less time this year",
            t(1),
        )
        .unwrap();
    let com = community(&circle, CIRCLE);
    let joy = com.memberships.iter().find(|m| m.id.as_str() == "m-n4").unwrap();
    assert_eq!(
        newcomer_reasons(&cats, com, joy, d(2027, 1, 1)),
        [NewcomerReason::Peripheral]
    );
    assert_sound(&ws);
    assert_sound(&circle);
}

#[test]
fn rows_list_newcomers_newest_first_or_every_member_with_their_progress() {
    let mut ws = base();
    let c = id(CHAPTER);
    ws.tick_onboarding_step(&c, &id("p-chen"), &id("welcomed"), d(2025, 10, 3), "", t(1))
        .unwrap();
    ws.tick_onboarding_step(
        &c,
        &id("p-chen"),
        &id("first_contribution"),
        d(2025, 11, 3),
        "A tip on retries",
        t(2),
    )
    .unwrap();
    ws.tick_onboarding_step(
        &c,
        &id("p-chen"),
        &id("mentor_matched"),
        d(2025, 10, 9),
        "Mentor: Emil",
        t(3),
    )
    .unwrap();
    let com = community(&ws, CHAPTER);

    // On 1 February 2026 all three joined within six months: newest first, then by name.
    let rows = onboarding_rows(&ws, com, d(2026, 2, 1), false);
    let shape: Vec<(&str, String, usize)> = rows
        .iter()
        .map(|r| (r.person_id.as_str(), r.progress_label(), r.reasons.len()))
        .collect();
    assert_eq!(
        shape,
        [
            ("p-chen", "3 of 4".to_string(), 2),
            ("p-emil", "0 of 4".to_string(), 1),
            ("p-gus", "0 of 4".to_string(), 1)
        ]
    );
    // Chen's ticks come in the catalogue's order, whatever order they were ticked in.
    let chen = &rows[0];
    assert_eq!(
        chen.ticks.iter().map(|t| t.step_id.as_str()).collect::<Vec<_>>(),
        ["welcomed", "mentor_matched", "first_contribution"]
    );
    assert_eq!(
        chen.tick(&id("mentor_matched")),
        Some(&OnboardingTick {
            person_id: id("p-chen"),
            step_id: id("mentor_matched"),
            on: d(2025, 10, 9),
            note: "Mentor: Emil".into()
        })
    );
    assert_eq!(chen.tick(&id("peripheral_to_active")), None);
    assert_eq!(
        step_counts(&ws.catalogues, &rows),
        [
            (id("welcomed"), 1),
            (id("mentor_matched"), 1),
            (id("first_contribution"), 1),
            (id("peripheral_to_active"), 0)
        ]
    );

    // A year on, only Chen (under way) is left; showing all members lists everyone.
    let later = onboarding_rows(&ws, com, d(2027, 2, 1), false);
    assert_eq!(
        later.iter().map(|r| r.person_id.as_str()).collect::<Vec<_>>(),
        ["p-chen"]
    );
    assert_eq!(later[0].reasons, [NewcomerReason::UnderWay]);
    let all = onboarding_rows(&ws, com, d(2027, 2, 1), true);
    assert_eq!(all.len(), 3);
    assert!(all[1].reasons.is_empty() && all[2].reasons.is_empty());
}

#[test]
fn moved_to_active_offers_a_level_move_only_while_the_level_lags_behind() {
    let mut ws = base();
    let c = id(CHAPTER);
    let offers = |ws: &Workspace| level_moves_to_offer(&ws.catalogues, community(ws, CHAPTER));
    assert_eq!(offers(&ws), Vec::<Id>::new());

    // Chen is occasional: ticking "moved to active" offers the move, and makes none.
    ws.tick_onboarding_step(&c, &id("p-chen"), &id(TO_ACTIVE_STEP), d(2026, 2, 1), "", t(1))
        .unwrap();
    assert_eq!(offers(&ws), [id("m-t3")]);
    let chen = community(&ws, CHAPTER)
        .memberships
        .iter()
        .find(|m| m.id.as_str() == "m-t3")
        .unwrap();
    assert_eq!(
        chen.level_id.as_str(),
        "occasional",
        "the level is never changed by a tick"
    );

    // Emil is already active and Gus is in the core group: nothing to offer for them.
    ws.tick_onboarding_step(&c, &id("p-emil"), &id(TO_ACTIVE_STEP), d(2026, 2, 1), "", t(2))
        .unwrap();
    ws.tick_onboarding_step(&c, &id("p-gus"), &id(TO_ACTIVE_STEP), d(2026, 2, 1), "", t(3))
        .unwrap();
    assert_eq!(offers(&ws), [id("m-t3")]);

    // Once the move is recorded, the offer goes.
    ws.change_level(&c, &id("m-t3"), &id(ACTIVE), d(2026, 2, 1), "Onboarded", t(4))
        .unwrap();
    assert_eq!(offers(&ws), Vec::<Id>::new());
    assert_sound(&ws);
}

#[test]
fn mentors_and_the_welcome_wagon_are_named_from_roles() {
    let ws = base();
    assert_eq!(
        members_with_role(&ws, community(&ws, CHAPTER), "welcome_wagon"),
        ["Emil Novak"]
    );
    assert_eq!(
        members_with_role(&ws, community(&ws, CHAPTER), "mentor"),
        Vec::<String>::new()
    );
    assert_eq!(
        members_with_role(&ws, community(&ws, CIRCLE), "mentor"),
        ["Hana Kobayashi"]
    );
}

#[test]
fn removing_a_member_or_deleting_a_person_drops_their_onboarding_ticks() {
    let mut ws = base();
    let c = id(CHAPTER);
    ws.tick_onboarding_step(&c, &id("p-chen"), &id("welcomed"), d(2026, 1, 5), "", t(1))
        .unwrap();
    ws.tick_onboarding_step(&c, &id("p-emil"), &id("welcomed"), d(2026, 1, 5), "", t(1))
        .unwrap();
    ws.remove_membership(&c, &id("m-t3"), t(2)).unwrap();
    assert_eq!(ticks(&ws, CHAPTER), [tick("p-emil", "welcomed", d(2026, 1, 5), "")]);
    assert_sound(&ws);
    ws.delete_person(&id("p-emil"), t(3)).unwrap();
    assert!(ticks(&ws, CHAPTER).is_empty());
    assert_sound(&ws);
}
