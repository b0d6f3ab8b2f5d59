//! The sample workspace: invented, clearly marked sample data for exploring the app.
//!
//! It holds the two kinds of initiative the guidebook describes: a large in-company
//! programme of grassroots communities, and a cross-organisational community of frontline
//! practitioners. Every name here is made up.

use chrono::{NaiveDate, TimeZone, Utc};

use super::ids::Id;
use super::workspace::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// Builds the sample workspace. Ids are fixed, so loading it twice gives the same records.
pub fn sample_workspace() -> Workspace {
    let t0 = Utc.with_ymd_and_hms(2026, 1, 12, 9, 0, 0).single().unwrap_or_default();
    let mut ws = Workspace::new(Id::new("sample-workspace"), "Sample: two learning initiatives", t0);
    ws.is_sample = true;
    ws.description = "Sample data, invented for exploring Cultivate. It shows an in-company programme of grassroots technology communities at a fictional bank, and a cross-organisational community of humanitarian field negotiators. Change anything; start a new workspace when you are ready.".into();

    let orgs = [
        (
            "org-harbour",
            "Harbour Bank (fictional)",
            "A large bank running a programme of grassroots technology communities across its sites.",
        ),
        (
            "org-relief",
            "Open Relief Alliance (fictional)",
            "A humanitarian agency that co-hosts a community of frontline negotiators.",
        ),
        (
            "org-medaid",
            "MedAid Field Teams (fictional)",
            "A medical relief organisation whose field staff take part in the negotiators' community.",
        ),
        (
            "org-foodnet",
            "FoodNet Logistics (fictional)",
            "A food assistance organisation whose field staff take part in the negotiators' community.",
        ),
    ];
    for (id, name, desc) in orgs {
        let _ = ws.add_organisation(
            Id::new(id),
            &OrganisationDraft {
                name: name.into(),
                description: desc.into(),
            },
            t0,
        );
    }

    let people = [
        ("p-amara", "Amara Okafor", "org-harbour", "Platform engineering lead"),
        ("p-bruno", "Bruno Sato", "org-harbour", "Site reliability engineer"),
        ("p-chen", "Chen Wei", "org-harbour", "Data engineer"),
        (
            "p-dalia",
            "Dalia Haddad",
            "org-harbour",
            "Head of engineering practices (sponsor)",
        ),
        ("p-emil", "Emil Novak", "org-harbour", "Graduate developer"),
        ("p-farah", "Farah Iqbal", "org-harbour", "Community programme manager"),
        ("p-gus", "Gustavo Lima", "org-harbour", "Test automation engineer"),
        ("p-hana", "Hana Kobayashi", "org-relief", "Field negotiation adviser"),
        ("p-ivan", "Ivan Petrov", "org-medaid", "Head of mission"),
        ("p-joy", "Joy Mensah", "org-foodnet", "Access coordinator"),
        ("p-kofi", "Kofi Asante", "org-relief", "Learning and peer-exchange lead"),
        ("p-lena", "Lena Schmidt", "org-medaid", "Field coordinator"),
    ];
    for (id, name, org, title) in people {
        let draft = PersonDraft {
            name: name.into(),
            email: String::new(),
            organisation_id: Some(Id::new(org)),
            title: title.into(),
            notes: String::new(),
        };
        let _ = ws.add_person(Id::new(id), &draft, t0);
    }

    let communities = [
        ("c-reliability", "Reliability Guild", "community_of_practice", "maturing", &["org-harbour"][..],
         "Engineers who keep services running: we get better at incident response, observability and designing for failure by learning from each other's outages."),
        ("c-testing", "Test Automation Chapter (London)", "chapter", "coalescing", &["org-harbour"][..],
         "The London chapter of the testing community: practical test automation for teams moving to continuous delivery."),
        ("c-negotiators", "Frontline Negotiators' Circle", "community_of_practice", "stewardship", &["org-relief", "org-medaid", "org-foodnet"][..],
         "Humanitarian staff who negotiate access and protection at the frontline, sharing experience in a confidential space across agencies."),
    ];
    for (id, name, ftype, stage, orgs, statement) in communities {
        let draft = CommunityDraft {
            name: name.into(),
            formation_type_id: Id::new(ftype),
            lifecycle_stage_id: Id::new(stage),
            organisation_ids: orgs.iter().map(|o| Id::new(*o)).collect(),
            domain_statement: statement.into(),
        };
        let _ = ws.add_community(Id::new(id), &draft, t0);
    }

    let issues = [
        ("c-reliability", "ki-r1", "Running blameless post-incident reviews"),
        ("c-reliability", "ki-r2", "Alert fatigue and on-call health"),
        ("c-testing", "ki-t1", "Flaky tests in the delivery pipeline"),
        ("c-negotiators", "ki-n1", "Negotiating with non-state armed groups"),
        (
            "c-negotiators",
            "ki-n2",
            "Self-care and peer support after difficult negotiations",
        ),
    ];
    for (c, id, text) in issues {
        let _ = ws.add_key_issue(&Id::new(c), Id::new(id), text, t0);
    }

    type M<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [&'a str], NaiveDate);
    let members: [M; 14] = [
        (
            "c-reliability",
            "m-r1",
            "p-amara",
            "core_group",
            &["community_leader"],
            d(2025, 3, 1),
        ),
        (
            "c-reliability",
            "m-r2",
            "p-bruno",
            "core_group",
            &["core_group_member"],
            d(2025, 3, 1),
        ),
        ("c-reliability", "m-r3", "p-chen", "peripheral", &[], d(2025, 5, 10)),
        ("c-reliability", "m-r4", "p-emil", "peripheral", &[], d(2025, 11, 3)),
        (
            "c-reliability",
            "m-r5",
            "p-dalia",
            "transactional",
            &["sponsor"],
            d(2025, 3, 1),
        ),
        (
            "c-reliability",
            "m-r6",
            "p-farah",
            "occasional",
            &["social_learning_team_member"],
            d(2025, 3, 1),
        ),
        (
            "c-testing",
            "m-t1",
            "p-gus",
            "core_group",
            &["chapter_leader"],
            d(2025, 9, 15),
        ),
        (
            "c-testing",
            "m-t2",
            "p-emil",
            "active",
            &["welcome_wagon"],
            d(2025, 9, 15),
        ),
        ("c-testing", "m-t3", "p-chen", "occasional", &[], d(2025, 10, 2)),
        (
            "c-negotiators",
            "m-n1",
            "p-kofi",
            "core_group",
            &["community_leader", "facilitator"],
            d(2024, 2, 1),
        ),
        (
            "c-negotiators",
            "m-n2",
            "p-hana",
            "core_group",
            &["core_group_member", "mentor"],
            d(2024, 2, 1),
        ),
        ("c-negotiators", "m-n3", "p-ivan", "active", &[], d(2024, 6, 20)),
        ("c-negotiators", "m-n4", "p-joy", "peripheral", &[], d(2025, 1, 8)),
        ("c-negotiators", "m-n5", "p-lena", "occasional", &[], d(2024, 9, 1)),
    ];
    for (c, id, person, level, roles, joined) in members {
        let draft = MembershipDraft {
            person_id: Some(Id::new(person)),
            level_id: Id::new(level),
            role_ids: roles.iter().map(|r| Id::new(*r)).collect(),
            joined_on: joined,
        };
        let _ = ws.add_membership(&Id::new(c), Id::new(id), &draft, t0);
    }
    let _ = ws.change_level(
        &Id::new("c-reliability"),
        &Id::new("m-r3"),
        &Id::new("active"),
        d(2025, 9, 1),
        "Started running the observability clinic",
        t0,
    );
    let _ = ws.change_level(
        &Id::new("c-negotiators"),
        &Id::new("m-n3"),
        &Id::new("core_group"),
        d(2025, 4, 2),
        "Took on the peer-circle series",
        t0,
    );
    let _ = ws.change_level(
        &Id::new("c-negotiators"),
        &Id::new("m-n3"),
        &Id::new("active"),
        d(2025, 12, 1),
        "New posting with less time",
        t0,
    );
    let _ = ws.change_level(
        &Id::new("c-negotiators"),
        &Id::new("m-n4"),
        &Id::new("occasional"),
        d(2025, 10, 14),
        "Joined two peer circles",
        t0,
    );

    let items = [
        (
            "c-reliability",
            "r-r1",
            "Post-incident review template",
            "tool",
            "A one-page template for blameless reviews, refined over twelve incidents.",
            "https://example.org/reliability/review-template",
        ),
        (
            "c-reliability",
            "r-r2",
            "The payments outage of March",
            "case",
            "How a certificate expiry took down payments, and what we changed.",
            "",
        ),
        (
            "c-testing",
            "r-t1",
            "Quarantining flaky tests",
            "lesson",
            "Agreed practice: quarantine within a day, fix or delete within a sprint.",
            "",
        ),
        (
            "c-negotiators",
            "r-n1",
            "Negotiation planning grid",
            "tool",
            "A worksheet for mapping the parties, their positions and their interests before a negotiation.",
            "",
        ),
        (
            "c-negotiators",
            "r-n2",
            "Field manual (internal)",
            "document",
            "The community's field manual; shared inside the community only.",
            "mailto:peer-exchange@example.org",
        ),
    ];
    for (c, id, title, kind, desc, link) in items {
        let draft = RepertoireDraft {
            title: title.into(),
            kind_id: Id::new(kind),
            description: desc.into(),
            link: link.into(),
        };
        let _ = ws.add_repertoire_item(&Id::new(c), Id::new(id), &draft, d(2025, 12, 1), t0);
    }
    add_sample_habitat(&mut ws, t0);
    ws
}

/// The negotiators' circle's digital habitat: rated twice, five tools, a few decisions.
fn add_sample_habitat(ws: &mut Workspace, t0: chrono::DateTime<Utc>) {
    use super::technology::{Mode, ToolDraft};
    let c = Id::new("c-negotiators");
    let r = |pairs: &[(&str, u8)]| pairs.iter().map(|(o, i)| (Id::new(*o), *i)).collect::<Vec<_>>();
    let _ = ws.add_orientation_profile(
        &c,
        Id::new("op-n1"),
        d(2024, 3, 1),
        &r(&[
            ("meetings", 4),
            ("open_ended_conversation", 2),
            ("projects", 1),
            ("content", 3),
            ("access_to_expertise", 3),
            ("relationships", 4),
            ("individual_participation", 1),
            ("community_cultivation", 2),
            ("context", 1),
        ]),
        "At launch: mostly in-person workshops",
        t0,
    );
    let _ = ws.add_orientation_profile(
        &c,
        Id::new("op-n2"),
        d(2025, 11, 20),
        &r(&[
            ("meetings", 3),
            ("open_ended_conversation", 4),
            ("projects", 2),
            ("content", 4),
            ("access_to_expertise", 4),
            ("relationships", 3),
            ("individual_participation", 3),
            ("community_cultivation", 3),
            ("context", 2),
        ]),
        "After moving online: members in many time zones",
        t0,
    );
    let tool =
        |name: &str, cat: &str, mode: Mode, orientations: &[&str], steward: Option<&str>, cost: &str, access: &str| {
            ToolDraft {
                name: name.into(),
                category_id: Id::new(cat),
                mode,
                orientation_ids: orientations.iter().map(|o| Id::new(*o)).collect(),
                activity_type_ids: vec![],
                steward_id: steward.map(Id::new),
                cost: cost.into(),
                access_notes: access.into(),
            }
        };
    let tools = [
        (
            "t-n1",
            tool(
                "Peer workshop video room",
                "video_meetings",
                Mode::Synchronous,
                &["meetings", "relationships"],
                Some("p-kofi"),
                "Agency licence",
                "Members only; sessions are not recorded.",
            ),
        ),
        (
            "t-n2",
            tool(
                "Negotiators' forum",
                "forum",
                Mode::Asynchronous,
                &[
                    "open_ended_conversation",
                    "access_to_expertise",
                    "individual_participation",
                ],
                Some("p-hana"),
                "Hosted by the alliance",
                "Closed forum; cases are anonymised before posting.",
            ),
        ),
        (
            "t-n3",
            tool(
                "Field manual library",
                "repository",
                Mode::Asynchronous,
                &["content"],
                Some("p-hana"),
                "",
                "Inside the community only, per the confidentiality norm.",
            ),
        ),
        (
            "t-n4",
            tool(
                "Monthly digest",
                "newsletter",
                Mode::Asynchronous,
                &["community_cultivation", "context"],
                None,
                "Free",
                "Goes to members and sponsors; no case details.",
            ),
        ),
        (
            "t-n5",
            tool(
                "Shared calendar",
                "calendar",
                Mode::Asynchronous,
                &["meetings"],
                Some("p-kofi"),
                "Free",
                "",
            ),
        ),
    ];
    for (id, draft) in tools {
        let _ = ws.add_tool(&c, Id::new(id), &draft, t0);
    }
    let _ = ws.add_decision(
        &c,
        Id::new("dl-n1"),
        d(2024, 4, 10),
        Some(Id::new("t-n2")),
        "Closed the forum to members only",
        "Members would not discuss real negotiations where outsiders could read them.",
        Some(Id::new("p-hana")),
        t0,
    );
    let _ = ws.add_decision(
        &c,
        Id::new("dl-n2"),
        d(2025, 2, 3),
        Some(Id::new("t-n1")),
        "Stopped recording peer workshops",
        "Recordings made people hold back; a written summary replaces them.",
        Some(Id::new("p-kofi")),
        t0,
    );
    for step in [
        "start_with_what_members_use",
        "name_a_steward",
        "access_and_privacy",
        "async_path",
    ] {
        let _ = ws.set_checklist_step(&c, &Id::new(step), true, t0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate_workspace;

    #[test]
    fn sample_is_sound_and_complete() {
        let ws = sample_workspace();
        assert_eq!(validate_workspace(&ws), vec![]);
        assert!(ws.is_sample);
        assert_eq!(ws.organisations.len(), 4);
        assert_eq!(ws.people.len(), 12);
        assert_eq!(ws.communities.len(), 3);
        let members: usize = ws.communities.iter().map(|c| c.memberships.len()).sum();
        assert_eq!(members, 14, "every sample membership was accepted");
        let items: usize = ws.communities.iter().map(|c| c.practice.len()).sum();
        assert_eq!(items, 5);
        let n3 = &ws.communities[2].memberships[2];
        assert_eq!(n3.history.len(), 3, "level moves were recorded");
        assert_eq!(n3.level_id.as_str(), "active");
        let habitat = &ws.communities[2].technology;
        assert_eq!(
            (
                habitat.profiles.len(),
                habitat.tools.len(),
                habitat.decisions.len(),
                habitat.checklist_done.len()
            ),
            (2, 5, 2, 4)
        );
        let r3 = &ws.communities[0].memberships[2];
        assert_eq!(r3.history.len(), 2, "Chen moved from peripheral to active");
    }
}
