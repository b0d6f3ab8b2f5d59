#![cfg(not(target_arch = "wasm32"))]
//! The forming wizard's operations and the charter made from its answers.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use cultivate::model::cultivation::{CharterSection, Feel, Mode, PlannedActivity, Repeat};
use cultivate::model::forming::{
    blocks, charter_draft, charter_markdown, core_group, leaders, step_has_answers, Answer, Block, LinkDraft,
    TopicDraft, CHARTER_HEADINGS, STEPS, TO_BE_AGREED,
};
use cultivate::model::sample::sample_workspace;
use cultivate::model::{
    validate_workspace, CatalogueKind, CommunityDraft, Id, ModelError, PersonDraft, Timestamp, Workspace,
};

fn t(day: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, day, 10, 0, 0).single().unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn sound(ws: &Workspace) {
    let problems = validate_workspace(ws);
    assert!(problems.is_empty(), "{problems:?}");
}

fn fields(r: Result<(), ModelError>) -> Vec<&'static str> {
    match r {
        Err(ModelError::Invalid(e)) => e.iter().map(|e| e.field).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// A fresh workspace with one community being formed and two people.
fn forming() -> (Workspace, Id) {
    let mut ws = Workspace::new(Id::new("ws"), "Workshop", t(1));
    let c = Id::new("c-1");
    let mut draft = CommunityDraft::new_in(&ws);
    draft.name = "Reliability Guild".into();
    ws.add_community(c.clone(), &draft, t(1)).unwrap();
    for (id, name) in [("p-ana", "Ana Ruiz"), ("p-ben", "Ben Okoro")] {
        ws.add_person(
            Id::new(id),
            &PersonDraft {
                name: name.into(),
                ..Default::default()
            },
            t(1),
        )
        .unwrap();
    }
    sound(&ws);
    (ws, c)
}

fn forming_of<'a>(ws: &'a Workspace, c: &Id) -> &'a cultivate::model::cultivation::Forming {
    &ws.community(c).unwrap().cultivation.forming
}

#[test]
fn the_step_is_kept_and_bounded() {
    let (mut ws, c) = forming();
    ws.set_forming_step(&c, 3, t(2)).unwrap();
    assert_eq!(forming_of(&ws, &c).step, 3);
    assert!(matches!(
        ws.set_forming_step(&c, STEPS.len(), t(2)),
        Err(ModelError::Refused(_))
    ));
    assert!(matches!(
        ws.set_forming_step(&c, 999, t(2)),
        Err(ModelError::Refused(_))
    ));
    assert_eq!(forming_of(&ws, &c).step, 3);
    assert!(matches!(
        ws.set_forming_step(&Id::new("gone"), 1, t(2)),
        Err(ModelError::NotFound(_))
    ));
    sound(&ws);
}

#[test]
fn answers_are_saved_tidied_and_limited() {
    let (mut ws, c) = forming();
    ws.set_forming_answer(&c, Answer::Norms, "  Start on time.  \nNo dumb questions.\n\n", t(2))
        .unwrap();
    assert_eq!(forming_of(&ws, &c).norms, "Start on time.\nNo dumb questions.");
    for a in Answer::ALL {
        ws.set_forming_answer(&c, a, &format!("answer {}", a.key()), t(2))
            .unwrap();
        assert_eq!(a.get(forming_of(&ws, &c)), format!("answer {}", a.key()));
    }
    sound(&ws);
    let before = ws.clone();
    assert_eq!(
        fields(ws.set_forming_answer(&c, Answer::Practice, &"x".repeat(20_001), t(3))),
        ["practice"]
    );
    assert_eq!(ws, before, "a refused answer changes nothing");
    // Saving the same text again does not mark the community as changed.
    ws.set_forming_answer(&c, Answer::Practice, "answer practice", t(4))
        .unwrap();
    assert_eq!(ws, before);
}

#[test]
fn formation_name_and_domain_statement_change_the_community_itself() {
    let (mut ws, c) = forming();
    ws.set_formation_type(&c, &Id::new("chapter"), t(2)).unwrap();
    ws.set_community_name(&c, "  Reliability Chapter ", t(2)).unwrap();
    ws.set_domain_statement(&c, "Keeping rotating equipment running.\n", t(2))
        .unwrap();
    let com = ws.community(&c).unwrap();
    assert_eq!(com.formation_type_id.as_str(), "chapter");
    assert_eq!(com.name, "Reliability Chapter");
    assert_eq!(com.domain.statement, "Keeping rotating equipment running.");
    assert!(com.cultivation.stage_history.is_empty(), "the stage did not change");
    assert_eq!(
        fields(ws.set_formation_type(&c, &Id::new("no_such_type"), t(3))),
        ["formation_type_id"]
    );
    assert_eq!(fields(ws.set_community_name(&c, "  ", t(3))), ["name"]);
    sound(&ws);
}

#[test]
fn strategic_links_need_a_priority_and_can_be_changed_and_removed() {
    let (mut ws, c) = forming();
    let empty = LinkDraft {
        priority: " ".into(),
        contribution: "Fewer stoppages".into(),
    };
    assert_eq!(
        fields(ws.add_strategic_link(&c, Id::new("l-1"), &empty, t(2))),
        ["priority"]
    );
    let link = LinkDraft {
        priority: "Reduce unplanned downtime".into(),
        contribution: "Members share failure cases so the same fault is not found twice.".into(),
    };
    ws.add_strategic_link(&c, Id::new("l-1"), &link, t(2)).unwrap();
    sound(&ws);
    // Ids are unique across the workspace, including the wizard's records.
    assert!(matches!(
        ws.add_strategic_link(&c, Id::new("l-1"), &link, t(2)),
        Err(ModelError::Refused(_))
    ));
    assert!(matches!(
        ws.add_strategic_link(&c, Id::new("p-ana"), &link, t(2)),
        Err(ModelError::Refused(_))
    ));
    let changed = LinkDraft {
        priority: "Safety first".into(),
        contribution: String::new(),
    };
    ws.update_strategic_link(&c, &Id::new("l-1"), &changed, t(3)).unwrap();
    assert_eq!(forming_of(&ws, &c).strategic_links[0].priority, "Safety first");
    assert_eq!(
        fields(ws.update_strategic_link(&c, &Id::new("l-1"), &empty, t(3))),
        ["priority"]
    );
    ws.remove_strategic_link(&c, &Id::new("l-1"), t(4)).unwrap();
    assert!(forming_of(&ws, &c).strategic_links.is_empty());
    assert!(matches!(
        ws.remove_strategic_link(&c, &Id::new("l-1"), t(4)),
        Err(ModelError::NotFound(_))
    ));
    sound(&ws);
}

#[test]
fn agenda_topics_have_owners_and_an_order() {
    let (mut ws, c) = forming();
    let topic = |name: &str, owner: Option<&str>| TopicDraft {
        topic: name.into(),
        owner_id: owner.map(Id::new),
        activities: "Monthly clinic".into(),
        outputs: "A checklist".into(),
    };
    assert_eq!(
        fields(ws.add_agenda_topic(&c, Id::new("t-x"), &topic("", Some("p-nobody")), t(2))),
        ["topic", "owner_id"]
    );
    ws.add_agenda_topic(&c, Id::new("t-1"), &topic("Vibration analysis", Some("p-ana")), t(2))
        .unwrap();
    ws.add_agenda_topic(&c, Id::new("t-2"), &topic("Lubrication", None), t(2))
        .unwrap();
    ws.add_agenda_topic(&c, Id::new("t-3"), &topic("Spare parts", Some("p-ben")), t(2))
        .unwrap();
    sound(&ws);
    let order = |ws: &Workspace| {
        forming_of(ws, &c)
            .agenda
            .iter()
            .map(|t| t.id.as_str().to_string())
            .collect::<Vec<_>>()
    };
    ws.move_agenda_topic(&c, &Id::new("t-3"), true, t(3)).unwrap();
    assert_eq!(order(&ws), ["t-1", "t-3", "t-2"]);
    ws.move_agenda_topic(&c, &Id::new("t-1"), false, t(3)).unwrap();
    assert_eq!(order(&ws), ["t-3", "t-1", "t-2"]);
    assert!(matches!(
        ws.move_agenda_topic(&c, &Id::new("t-3"), true, t(3)),
        Err(ModelError::Refused(_))
    ));
    assert!(matches!(
        ws.move_agenda_topic(&c, &Id::new("t-2"), false, t(3)),
        Err(ModelError::Refused(_))
    ));
    ws.update_agenda_topic(&c, &Id::new("t-2"), &topic("Lubrication routes", Some("p-ben")), t(4))
        .unwrap();
    let t2 = &forming_of(&ws, &c).agenda[2];
    assert_eq!(
        (t2.topic.as_str(), t2.owner_id.as_ref().map(|o| o.as_str())),
        ("Lubrication routes", Some("p-ben"))
    );
    ws.remove_agenda_topic(&c, &Id::new("t-1"), t(4)).unwrap();
    assert_eq!(order(&ws), ["t-3", "t-2"]);
    sound(&ws);
    // An owner deleted from the workspace leaves a topic that still validates once cleared.
    assert!(!TopicDraft::default().problems(&ws).is_empty());
    assert!(TopicDraft::default().is_empty());
}

#[test]
fn the_core_group_and_leader_are_real_memberships() {
    let (mut ws, c) = forming();
    ws.add_to_core_group(&c, &Id::new("p-ana"), Id::new("m-ana"), d(2026, 3, 2), t(2))
        .unwrap();
    ws.add_new_person_to_core_group(
        &c,
        Id::new("p-new"),
        "Chidi Obi",
        Id::new("m-chidi"),
        d(2026, 3, 2),
        t(2),
    )
    .unwrap();
    sound(&ws);
    assert_eq!(ws.person(&Id::new("p-new")).unwrap().name, "Chidi Obi");
    let com = ws.community(&c).unwrap();
    let core: Vec<&str> = core_group(&ws.catalogues, com)
        .iter()
        .map(|m| m.person_id.as_str())
        .collect();
    assert_eq!(core, ["p-ana", "p-new"]);
    assert!(com.memberships.iter().all(|m| m.level_id.as_str() == "core_group"));

    // Someone already in the core group cannot be added twice.
    assert_eq!(
        fields(ws.add_to_core_group(&c, &Id::new("p-ana"), Id::new("m-x"), d(2026, 3, 2), t(2))),
        ["person_id"]
    );
    // A new person needs a name, and nothing is added without one.
    let before = ws.clone();
    assert_eq!(
        fields(ws.add_new_person_to_core_group(&c, Id::new("p-blank"), " ", Id::new("m-blank"), d(2026, 3, 2), t(2))),
        ["name"]
    );
    assert_eq!(ws, before);

    // The leader role, and a co-leader.
    ws.set_community_leader(&c, &Id::new("m-ana"), true, t(3)).unwrap();
    ws.set_community_leader(&c, &Id::new("m-chidi"), true, t(3)).unwrap();
    let names = |ws: &Workspace| {
        leaders(ws.community(&c).unwrap())
            .iter()
            .map(|m| m.person_id.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&ws), ["p-ana", "p-new"]);
    ws.set_community_leader(&c, &Id::new("m-chidi"), false, t(3)).unwrap();
    assert_eq!(names(&ws), ["p-ana"]);
    sound(&ws);

    // Without the role in the catalogue, the wizard says so instead of inventing it.
    let mut trimmed = ws.clone();
    trimmed.catalogues.roles.retain(|r| r.id.as_str() != "community_leader");
    trimmed.communities[0]
        .memberships
        .iter_mut()
        .for_each(|m| m.role_ids.clear());
    assert!(matches!(
        trimmed.set_community_leader(&c, &Id::new("m-ana"), true, t(3)),
        Err(ModelError::Refused(_))
    ));
}

#[test]
fn a_member_at_another_level_moves_into_the_core_group_and_back() {
    let (mut ws, c) = forming();
    ws.add_membership(
        &c,
        Id::new("m-ben"),
        &cultivate::model::MembershipDraft {
            person_id: Some(Id::new("p-ben")),
            level_id: Id::new("active"),
            role_ids: vec![],
            joined_on: d(2026, 3, 5),
        },
        t(5),
    )
    .unwrap();
    // Joining the core "before" joining the community is dated on the later day.
    ws.add_to_core_group(&c, &Id::new("p-ben"), Id::new("m-unused"), d(2026, 3, 1), t(5))
        .unwrap();
    let m = &ws.community(&c).unwrap().memberships[0];
    assert_eq!(m.id.as_str(), "m-ben", "the existing membership moved; none was added");
    assert_eq!(m.level_id.as_str(), "core_group");
    assert_eq!(m.history.last().unwrap().on, d(2026, 3, 5));
    sound(&ws);

    ws.leave_core_group(&c, &Id::new("m-ben"), d(2026, 3, 6), t(6)).unwrap();
    let m = &ws.community(&c).unwrap().memberships[0];
    assert_eq!(m.level_id.as_str(), "active", "back to where they came from");
    assert_eq!(m.history.len(), 3);
    assert!(matches!(
        ws.leave_core_group(&c, &Id::new("m-ben"), d(2026, 3, 6), t(6)),
        Err(ModelError::Refused(_))
    ));

    // Someone added straight into the core group by mistake is simply taken off.
    ws.add_to_core_group(&c, &Id::new("p-ana"), Id::new("m-ana"), d(2026, 3, 6), t(6))
        .unwrap();
    ws.leave_core_group(&c, &Id::new("m-ana"), d(2026, 3, 6), t(6)).unwrap();
    assert_eq!(ws.community(&c).unwrap().memberships.len(), 1);
    assert!(
        ws.person(&Id::new("p-ana")).is_some(),
        "the person stays in the workspace"
    );
    sound(&ws);
}

fn answered() -> (Workspace, Id) {
    let (mut ws, c) = forming();
    ws.set_domain_statement(&c, "Keeping rotating equipment running.", t(2))
        .unwrap();
    ws.add_key_issue(&c, Id::new("k-1"), "Bearing failures", t(2)).unwrap();
    ws.add_strategic_link(
        &c,
        Id::new("l-1"),
        &LinkDraft {
            priority: "Reduce unplanned downtime".into(),
            contribution: "Shared failure cases".into(),
        },
        t(2),
    )
    .unwrap();
    ws.add_agenda_topic(
        &c,
        Id::new("t-1"),
        &TopicDraft {
            topic: "Vibration analysis".into(),
            owner_id: Some(Id::new("p-ana")),
            activities: "Two clinics\nand a site visit".into(),
            outputs: "A checklist".into(),
        },
        t(2),
    )
    .unwrap();
    ws.add_to_core_group(&c, &Id::new("p-ana"), Id::new("m-ana"), d(2026, 3, 2), t(2))
        .unwrap();
    ws.add_to_core_group(&c, &Id::new("p-ben"), Id::new("m-ben"), d(2026, 3, 2), t(2))
        .unwrap();
    ws.set_community_leader(&c, &Id::new("m-ana"), true, t(2)).unwrap();
    ws.set_forming_answer(&c, Answer::Invited, "All reliability engineers", t(2))
        .unwrap();
    ws.set_forming_answer(&c, Answer::ValueMembersShort, "Help with hard cases", t(2))
        .unwrap();
    ws.set_forming_answer(&c, Answer::ValueOrgLong, "A strategic capability", t(2))
        .unwrap();
    ws.set_forming_answer(&c, Answer::Confidential, "Client names", t(2))
        .unwrap();
    (ws, c)
}

fn section<'a>(sections: &'a [CharterSection], heading: &str) -> &'a str {
    &sections.iter().find(|s| s.heading == heading).unwrap().body
}

#[test]
fn the_charter_draft_is_made_from_the_answers() {
    let (mut ws, c) = answered();
    ws.communities[0].cultivation.activities.push(PlannedActivity {
        id: Id::new("a-1"),
        title: "Clinic".into(),
        activity_type_id: None,
        starts_on: d(2026, 4, 14),
        start_time: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
        duration_minutes: 60,
        repeat: Repeat::MonthlyByWeekday,
        until: None,
        feel: Feel::Familiar,
        mode: Mode::Synchronous,
        location: String::new(),
        notes: String::new(),
    });
    sound(&ws);
    let com = ws.community(&c).unwrap();
    let s = charter_draft(&ws, com, d(2026, 3, 10));
    let headings: Vec<&str> = s.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, CHARTER_HEADINGS);
    assert_eq!(
        section(&s, "Purpose and domain"),
        "Reliability Guild is a community of practice.\n\nKeeping rotating equipment running.\n\nKey issues:\n- Bearing failures"
    );
    assert_eq!(
        section(&s, "Strategic links"),
        "- Reduce unplanned downtime: Shared failure cases"
    );
    assert_eq!(
        section(&s, "Learning agenda"),
        "Vibration analysis, owned by Ana Ruiz:\nActivities: Two clinics and a site visit\nOutputs: A checklist"
    );
    assert_eq!(
        section(&s, "Membership and roles"),
        "Who is invited:\nAll reliability engineers\n\nCore group: Ana Ruiz, Ben Okoro.\n\nLeader: Ana Ruiz."
    );
    assert_eq!(section(&s, "Practice"), TO_BE_AGREED);
    assert_eq!(
        section(&s, "Value proposition"),
        "For members, in the short term:\nHelp with hard cases\n\nFor the organisation, in the long term:\nA strategic capability"
    );
    assert_eq!(
        section(&s, "Rhythm"),
        "Planned activities:\n- Clinic: monthly on the same weekday from 2026-04-14, 15:00, 60 minutes, live"
    );
    assert_eq!(section(&s, "Norms"), TO_BE_AGREED);
    assert_eq!(
        section(&s, "Confidentiality"),
        "What stays inside the community:\nClient names"
    );
    assert!(
        section(&s, "Review").contains("by 2027-03-10"),
        "{}",
        section(&s, "Review")
    );
    // The text reads back as paragraphs and lists.
    assert_eq!(
        blocks(section(&s, "Purpose and domain")).last(),
        Some(&Block::List(vec!["Bearing failures".into()]))
    );
}

#[test]
fn progress_shows_which_steps_have_answers() {
    let (ws, c) = forming();
    let com = ws.community(&c).unwrap();
    let filled: Vec<bool> = (0..STEPS.len())
        .map(|i| step_has_answers(&ws.catalogues, com, i))
        .collect();
    assert_eq!(filled, [true, false, false, false, false, false, false, false]);
    let (ws, c) = answered();
    let com = ws.community(&c).unwrap();
    let filled: Vec<bool> = (0..STEPS.len())
        .map(|i| step_has_answers(&ws.catalogues, com, i))
        .collect();
    assert_eq!(filled, [true, true, true, true, false, true, false, true]);
}

#[test]
fn charter_versions_count_up_and_dates_never_go_back() {
    let (mut ws, c) = answered();
    let draft = charter_draft(&ws, ws.community(&c).unwrap(), d(2026, 3, 10));
    assert_eq!(ws.save_charter(&c, &draft, d(2026, 3, 10), t(10)).unwrap(), 1);
    sound(&ws);
    let mut edited = draft.clone();
    edited[4].body = "Cases and checklists.\n".into();
    edited.push(CharterSection {
        heading: " Resources ".into(),
        body: "Two hours a month per member.".into(),
    });
    let before = ws.clone();
    let r = ws.save_charter(&c, &edited, d(2026, 3, 9), t(11));
    assert!(matches!(&r, Err(ModelError::Invalid(e)) if e[0].field == "on"), "{r:?}");
    assert_eq!(ws, before);
    assert_eq!(ws.save_charter(&c, &edited, d(2026, 3, 10), t(11)).unwrap(), 2);
    let charters = &ws.community(&c).unwrap().cultivation.charters;
    assert_eq!(charters.iter().map(|c| c.version).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(charters[1].sections[4].body, "Cases and checklists.");
    assert_eq!(charters[1].sections.last().unwrap().heading, "Resources");
    assert_eq!(charters[0].sections, draft, "older versions are kept as they were");
    sound(&ws);

    let mut blank = edited.clone();
    blank[2].heading = "  ".into();
    match ws.save_charter(&c, &blank, d(2026, 3, 12), t(12)) {
        Err(ModelError::Invalid(e)) => {
            assert_eq!(e.len(), 1);
            assert_eq!(e[0].field, "heading");
            assert!(e[0].message.starts_with("Section 3:"), "{}", e[0].message);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        ws.save_charter(&c, &[], d(2026, 3, 12), t(12)),
        Err(ModelError::Invalid(_))
    ));
}

#[test]
fn the_markdown_export_has_title_version_sections_and_escaped_text() {
    let (mut ws, c) = answered();
    ws.set_community_name(&c, "R&D *Reliability* Guild", t(3)).unwrap();
    let sections = vec![
        CharterSection {
            heading: "Purpose".into(),
            body: "We learn # together\nwith <b>care</b>\n\n- first *point*\n- 1. second".into(),
        },
        CharterSection {
            heading: "Norms_and_more".into(),
            body: "# Not a heading\n1. Not a list\n\nWho is invited:\nEveryone: really".into(),
        },
    ];
    ws.save_charter(&c, &sections, d(2026, 3, 10), t(10)).unwrap();
    let com = ws.community(&c).unwrap();
    let md = charter_markdown(&ws, com, &com.cultivation.charters[0]);
    assert_eq!(
        md,
        "# Charter: R&D \\*Reliability\\* Guild\n\
         \n\
         Community of practice · Version 1 · 2026-03-10\n\
         \n\
         ## Purpose\n\
         \n\
         We learn # together\\\n\
         with \\<b>care\\</b>\n\
         \n\
         - first \\*point\\*\n\
         - 1\\. second\n\
         \n\
         ## Norms\\_and\\_more\n\
         \n\
         \\# Not a heading\\\n\
         1\\. Not a list\n\
         \n\
         **Who is invited:**\\\n\
         Everyone: really\n"
    );
}

#[test]
fn the_sample_community_gets_a_charter_with_its_core_group() {
    let mut ws = sample_workspace();
    let c = Id::new("c-reliability");
    let com = ws.community(&c).unwrap();
    let core: Vec<String> = core_group(&ws.catalogues, com)
        .iter()
        .map(|m| ws.person_name(&m.person_id))
        .collect();
    assert!(!core.is_empty());
    let draft = charter_draft(&ws, com, d(2026, 3, 10));
    let membership = section(&draft, "Membership and roles");
    assert!(
        membership.contains(&format!("Core group: {}.", core.join(", "))),
        "{membership}"
    );
    let formation = ws
        .catalogues
        .label(CatalogueKind::FormationTypes, &com.formation_type_id);
    assert!(section(&draft, "Purpose and domain").contains(&formation.to_lowercase()));
    ws.save_charter(&c, &draft, d(2026, 3, 10), t(10)).unwrap();
    sound(&ws);
}
