//! The sample workspace: invented, clearly marked sample data for exploring the app.
//!
//! It holds the two kinds of initiative the guidebook describes: a large in-company
//! programme of grassroots communities, and a cross-organisational community of frontline
//! practitioners. Every name here is made up.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};

use super::cultivation::{
    AgendaTopic, Charter, CharterSection, DimensionScore, Feel, Forming, MaturityAssessment, Mode as ActivityMode,
    OnboardingTick, PlannedActivity, Repeat, StageAnswer, StageChange, StrategicLink, Transformation,
};
use super::ids::Id;
use super::organisation::{
    AreaScore, CapacityStep, ChooserAnswer, HealthCheck, IndicatorValue, LeaderPlan, PeerGroup, Programme,
    ReadinessCheck, StepStatus, StructureChoice,
};
use super::workspace::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// Builds the sample workspace. Ids are fixed, so loading it twice gives the same records.
pub fn sample_workspace() -> Workspace {
    let t0 = Utc.with_ymd_and_hms(2026, 1, 12, 9, 0, 0).single().unwrap_or_default();
    let mut ws = Workspace::new(Id::new("sample-workspace"), "Sample: two learning initiatives", t0);
    ws.is_sample = true;
    ws.description = "Sample data, invented for exploring Cultivate: every person, organisation and story in it is made up. It shows the two kinds of initiative the guidebook describes. One is a large in-company programme of grassroots technology communities at a fictional bank, Harbour Bank: twelve communities at every stage of development, with sponsors, a social learning team, leaders' plans and peer groups. The other is a cross-organisational community of humanitarian negotiators from three fictional agencies, who share frontline experience in a confidential space. Change anything; start a new workspace when you are ready.".into();

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
    add_harbour_programme(&mut ws, t0);
    add_circle_cultivation(&mut ws);
    super::sample_facilitation::add_meetings(&mut ws, t0);
    super::sample_evaluation::add_evaluation(&mut ws, t0);
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

// ----- Harbour Bank: a large in-company programme of grassroots communities -----

/// In debug builds (and so in every test) a sample record the model refuses stops the
/// build of the sample at once, naming the record; a release build leaves it out.
fn ok<T: std::fmt::Debug>(result: ModelResult<T>, what: &str) {
    debug_assert!(result.is_ok(), "sample record {what} was refused: {result:?}");
}

/// Runs `f` on the community `id`, for records written directly as struct literals.
fn edit(ws: &mut Workspace, id: &str, f: impl FnOnce(&mut Community)) {
    let found = ws.communities.iter_mut().find(|c| c.id.as_str() == id);
    debug_assert!(found.is_some(), "sample community {id} is missing");
    if let Some(c) = found {
        f(c);
    }
}

fn at(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default()
}

fn ids(list: &[&str]) -> Vec<Id> {
    list.iter().map(|s| Id::new(*s)).collect()
}

/// The maturity dimensions of the default catalogue, in order, for [`maturity`].
const DIMENSIONS: [&str; 7] = [
    "domain_clarity",
    "community",
    "practice",
    "rhythm",
    "value_visibility",
    "organisational_connection",
    "technology_fit",
];

/// The success factors of the default catalogue, in order, for [`health`].
const FACTORS: [&str; 10] = [
    "passion_for_domain",
    "internal_leadership",
    "energised_core_group",
    "focus_on_practice",
    "trust",
    "rhythm",
    "value_for_time",
    "recognition",
    "organisational_voice",
    "connection_to_field",
];

/// The readiness areas of the default catalogue, in order, for [`readiness`].
const AREAS: [&str; 7] = [
    "strategic_context",
    "culture_of_sharing",
    "protected_time",
    "sponsorship",
    "expectations",
    "recognition_careers",
    "support",
];

fn maturity(id: &str, on: NaiveDate, scores: [u8; 7], note: &str) -> MaturityAssessment {
    MaturityAssessment {
        id: Id::new(id),
        on,
        scores: DIMENSIONS
            .iter()
            .zip(scores)
            .map(|(dim, score)| DimensionScore {
                dimension_id: Id::new(*dim),
                score,
            })
            .collect(),
        note: note.into(),
    }
}

fn area_scores(areas: &[&str], scores: &[u8]) -> Vec<AreaScore> {
    areas
        .iter()
        .zip(scores)
        .map(|(area, score)| AreaScore {
            area_id: Id::new(*area),
            score: *score,
        })
        .collect()
}

fn health(id: &str, on: NaiveDate, scores: [u8; 10], risks: &[&str], note: &str) -> HealthCheck {
    HealthCheck {
        id: Id::new(id),
        on,
        scores: area_scores(&FACTORS, &scores),
        risks: ids(risks),
        note: note.into(),
    }
}

fn readiness(id: &str, on: NaiveDate, by: &str, scores: [u8; 7], note: &str) -> ReadinessCheck {
    ReadinessCheck {
        id: Id::new(id),
        on,
        organisation_id: Some(Id::new("org-harbour")),
        by: by.into(),
        scores: area_scores(&AREAS, &scores),
        note: note.into(),
    }
}

fn indicator(id: &str, indicator: &str, on: NaiveDate, value: &str, source: &str) -> IndicatorValue {
    IndicatorValue {
        id: Id::new(id),
        indicator_id: Id::new(indicator),
        on,
        value: value.into(),
        source: source.into(),
    }
}

/// A dated stage history from (stage, date, suggested by the self-assessment, note); each
/// change moves from the stage before it, the first from none.
fn stage_history(changes: &[(&str, NaiveDate, bool, &str)]) -> Vec<StageChange> {
    let mut out: Vec<StageChange> = Vec::new();
    for (to, on, suggested, note) in changes {
        out.push(StageChange {
            on: *on,
            from_stage_id: out.last().map(|h| h.to_stage_id.clone()),
            to_stage_id: Id::new(*to),
            suggested_stage_id: suggested.then(|| Id::new(*to)),
            note: (*note).into(),
        });
    }
    out
}

fn ticks(list: &[(&str, &str, NaiveDate, &str)]) -> Vec<OnboardingTick> {
    list.iter()
        .map(|(person, step, on, note)| OnboardingTick {
            person_id: Id::new(*person),
            step_id: Id::new(*step),
            on: *on,
            note: (*note).into(),
        })
        .collect()
}

fn answers(list: &[(&str, u8)]) -> Vec<StageAnswer> {
    list.iter()
        .map(|(q, agreement)| StageAnswer {
            question_id: Id::new(*q),
            agreement: *agreement,
        })
        .collect()
}

/// A planned activity: (id, title, first date, start time, minutes, repeat, last date, feel,
/// mode, location, notes). Activity types are left for the members to choose.
type Act<'a> = (
    &'a str,
    &'a str,
    NaiveDate,
    NaiveTime,
    u32,
    Repeat,
    Option<NaiveDate>,
    Feel,
    ActivityMode,
    &'a str,
    &'a str,
);

fn activities(list: &[Act]) -> Vec<PlannedActivity> {
    list.iter()
        .map(
            |&(id, title, starts_on, start_time, duration_minutes, repeat, until, feel, mode, location, notes)| {
                PlannedActivity {
                    id: Id::new(id),
                    title: title.into(),
                    activity_type_id: None,
                    starts_on,
                    start_time,
                    duration_minutes,
                    repeat,
                    until,
                    feel,
                    mode,
                    location: location.into(),
                    notes: notes.into(),
                }
            },
        )
        .collect()
}

fn plan(person: &str, steps: &[(&str, StepStatus, NaiveDate)], note: &str) -> LeaderPlan {
    LeaderPlan {
        person_id: Id::new(person),
        steps: steps
            .iter()
            .map(|(step, status, on)| CapacityStep {
                step_id: Id::new(*step),
                status: *status,
                on: Some(*on),
            })
            .collect(),
        note: note.into(),
    }
}

/// Harbour Bank's programme: ten more grassroots communities next to the Reliability Guild
/// and the Test Automation Chapter, at every stage of development, with their cultivation and
/// stewardship records, and the programme's readiness checks, leaders' plans and peer groups.
fn add_harbour_programme(ws: &mut Workspace, t0: Timestamp) {
    add_harbour_people(ws, t0);
    add_harbour_communities(ws, t0);
    add_harbour_members(ws, t0);
    add_harbour_practice(ws, t0);
    add_harbour_cultivation(ws);
    add_cloud_cost_forming(ws);
    add_harbour_stewardship(ws);
    add_harbour_habitat(ws, t0);
    add_programme_records(ws);
}

fn add_harbour_people(ws: &mut Workspace, t0: Timestamp) {
    let people = [
        ("p-nadia", "Nadia Rahman", "Application security engineer", ""),
        ("p-oscar", "Oscar Lindqvist", "Security architect", ""),
        ("p-priya", "Priya Natarajan", "Accessibility specialist, digital channels", ""),
        ("p-quentin", "Quentin Dubois", "Front-end developer, mobile banking", ""),
        ("p-rosa", "Rosa Martínez", "API platform architect", ""),
        ("p-samuel", "Samuel Osei", "Data steward, retail lending", ""),
        ("p-tomas", "Tomás Herrera", "Cloud platform engineer", ""),
        ("p-uma", "Uma Patel", "Technology finance business partner", ""),
        ("p-victor", "Victor Adeyemi", "Agile coach", ""),
        ("p-wen", "Wen Li", "Scrum master, payments", ""),
        ("p-xenia", "Xenia Popescu", "Incident communications manager", ""),
        ("p-yusuf", "Yusuf Demir", "Mainframe engineer, core banking", ""),
        (
            "p-zofia",
            "Zofia Kowalski",
            "Graduate developer",
            "Joined the graduate scheme in September 2025; rotating through three teams in her first year.",
        ),
        ("p-ines", "Inês Carvalho", "Data scientist, credit risk", ""),
        ("p-marek", "Marek Horvat", "Mobile developer", ""),
        ("p-aiko", "Aiko Tanaka", "Service designer", ""),
        ("p-camille", "Camille Fontaine", "Chief information security officer (sponsor)", ""),
        ("p-deepak", "Deepak Menon", "Director of architecture (sponsor)", ""),
        (
            "p-elif",
            "Elif Yilmaz",
            "Community coach, social learning team",
            "Works with Farah Iqbal in the programme's social learning team: coaches new leaders and runs the leaders' peer groups.",
        ),
        (
            "p-greta",
            "Greta Halvorsen",
            "Mainframe systems programmer",
            "Thirty years on the core banking platform; working reduced hours before she retires in 2026.",
        ),
        ("p-luis", "Luis Ortega", "Modernisation engineer", ""),
        ("p-hugo", "Hugo Laurent", "DevSecOps engineer", ""),
        ("p-kwame", "Kwame Boateng", "Site reliability engineer", ""),
    ];
    for (id, name, title, notes) in people {
        let draft = PersonDraft {
            name: name.into(),
            email: String::new(),
            organisation_id: Some(Id::new("org-harbour")),
            title: title.into(),
            notes: notes.into(),
        };
        ok(ws.add_person(Id::new(id), &draft, t0), id);
    }
}

fn add_harbour_communities(ws: &mut Workspace, t0: Timestamp) {
    let communities = [
        ("c-security", "Security Champions Network", "community_of_practice", "stewardship",
         "Developers, testers and engineers who champion secure engineering in their own teams. We get better at threat modelling, secure code review and fixing what the scanners find by working through each other's real findings."),
        ("c-accessibility", "Accessibility Guild", "community_of_practice", "maturing",
         "Designers, developers and testers who make the bank's apps, website and branch screens usable by everyone. We share audits and accessible patterns, and what we learn from customers who use assistive technology."),
        ("c-api", "API Design Community", "community_of_practice", "maturing",
         "Engineers and architects who design the APIs that the bank's products and partners depend on. We review designs together, keep a shared style guide, and learn how to change APIs without breaking the people who use them."),
        ("c-data-quality", "Data Quality Circle", "community_of_practice", "coalescing",
         "Data stewards, engineers and analysts who care about the quality of customer and lending data. We compare how our teams find, fix and prevent data errors, and trace real errors to their source together."),
        ("c-cloud-cost", "Cloud Cost Practitioners", "community_of_practice", "coalescing",
         "Engineers and finance partners who want the bank's cloud spending to buy what teams really need. We learn together how to see, explain and reduce the cost of what we run, without slowing delivery or risking reliability."),
        ("c-agile", "Agile Coaching Community", "community_of_practice", "stewardship",
         "Agile coaches, scrum masters and delivery leads who help teams work in small, frequent steps. We bring our hardest coaching situations and practise new approaches on each other before trying them with teams."),
        ("c-incident-comms", "Incident Communications Practice Group", "practice_group", "maturing",
         "Engineers and communicators who write what customers and colleagues read during an outage. We practise clear, honest status updates and look after the message templates the incident teams use."),
        ("c-mainframe", "Mainframe Modernisation Community", "community_of_practice", "maturing",
         "Engineers who keep the core banking mainframe running and move parts of it to newer platforms. We share what we learn about the old code and how to hand knowledge over before the people who hold it retire."),
        ("c-ml-risk", "Machine Learning in Credit Risk", "community_of_practice", "potential",
         "Data scientists and risk analysts exploring whether a community could help them build credit risk models that are accurate, explainable and acceptable to the regulator."),
        ("c-mobile", "Mobile Developers' Community", "community_of_practice", "transformation",
         "iOS and Android developers of the bank's mobile app, who shared release practices and platform changes. Merged into the API Design Community in November 2025."),
    ];
    for (id, name, ftype, stage, statement) in communities {
        let draft = CommunityDraft {
            name: name.into(),
            formation_type_id: Id::new(ftype),
            lifecycle_stage_id: Id::new(stage),
            organisation_ids: vec![Id::new("org-harbour")],
            domain_statement: statement.into(),
        };
        ok(ws.add_community(Id::new(id), &draft, t0), id);
    }
    let issues = [
        (
            "c-security",
            "ki-s1",
            "Threat modelling that delivery teams actually do",
        ),
        (
            "c-security",
            "ki-s2",
            "Triaging dependency vulnerabilities without drowning in alerts",
        ),
        ("c-security", "ki-s3", "Keeping secrets out of code and pipelines"),
        (
            "c-accessibility",
            "ki-a1",
            "Screen-reader testing in the delivery pipeline",
        ),
        ("c-accessibility", "ki-a2", "Accessible charts and statements"),
        (
            "c-api",
            "ki-p1",
            "Versioning and retiring APIs without breaking partners",
        ),
        ("c-api", "ki-p2", "Consistent errors across the bank's APIs"),
        ("c-api", "ki-p3", "Designing for open banking rules"),
        (
            "c-data-quality",
            "ki-d1",
            "Finding data errors before the regulatory reports do",
        ),
        (
            "c-data-quality",
            "ki-d2",
            "Who owns a fix when three systems share a field",
        ),
        (
            "c-cloud-cost",
            "ki-cc1",
            "Tagging and allocating cloud costs to products",
        ),
        ("c-cloud-cost", "ki-cc2", "Right-sizing without risking reliability"),
        ("c-agile", "ki-g1", "Coaching teams under heavy regulatory deadlines"),
        ("c-agile", "ki-g2", "Helping managers let go of status reports"),
        (
            "c-incident-comms",
            "ki-i1",
            "The first customer message within fifteen minutes",
        ),
        (
            "c-incident-comms",
            "ki-i2",
            "Explaining an outage honestly when a supplier caused it",
        ),
        (
            "c-mainframe",
            "ki-mf1",
            "Understanding forty-year-old COBOL before changing it",
        ),
        ("c-mainframe", "ki-mf2", "Passing on knowledge before experts retire"),
        (
            "c-ml-risk",
            "ki-ml1",
            "Explaining model decisions to customers and the regulator",
        ),
        ("c-mobile", "ki-mo1", "Release trains for two app stores"),
    ];
    for (c, id, text) in issues {
        ok(ws.add_key_issue(&Id::new(c), Id::new(id), text, t0), id);
    }
}

/// A membership: (id, person, level on joining, roles, joined on, leadership groups).
type Member<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], NaiveDate, &'a [&'a str]);

fn add_harbour_members(ws: &mut Workspace, t0: Timestamp) {
    let lead = &["community_leader"][..];
    let none = &[][..];
    let members: [(&str, &[Member]); 10] = [
        (
            "c-security",
            &[
                (
                    "m-s1",
                    "p-nadia",
                    "core_group",
                    lead,
                    d(2022, 4, 4),
                    &["agenda_activists", "value_detectives"],
                ),
                (
                    "m-s2",
                    "p-oscar",
                    "core_group",
                    &["community_leader", "mentor"],
                    d(2022, 4, 4),
                    &["critical_friends"],
                ),
                ("m-s3", "p-hugo", "active", none, d(2022, 9, 12), none),
                ("m-s4", "p-kwame", "peripheral", none, d(2023, 6, 5), none),
                (
                    "m-s5",
                    "p-wen",
                    "active",
                    &["welcome_wagon"],
                    d(2023, 9, 4),
                    &["community_keepers"],
                ),
                ("m-s6", "p-quentin", "occasional", none, d(2024, 5, 13), none),
                ("m-s7", "p-amara", "occasional", &["mentor"], d(2023, 1, 9), none),
                ("m-s8", "p-zofia", "peripheral", none, d(2025, 10, 20), none),
                ("m-s9", "p-camille", "transactional", &["sponsor"], d(2022, 4, 4), none),
                (
                    "m-s10",
                    "p-farah",
                    "occasional",
                    &["social_learning_team_member"],
                    d(2022, 4, 4),
                    none,
                ),
            ],
        ),
        (
            "c-accessibility",
            &[
                (
                    "m-a1",
                    "p-priya",
                    "core_group",
                    lead,
                    d(2023, 5, 18),
                    &["agenda_activists"],
                ),
                (
                    "m-a2",
                    "p-aiko",
                    "core_group",
                    &["community_leader", "welcome_wagon"],
                    d(2023, 5, 18),
                    &["social_reporters"],
                ),
                (
                    "m-a3",
                    "p-quentin",
                    "active",
                    none,
                    d(2023, 7, 3),
                    &["critical_friends"],
                ),
                ("m-a4", "p-emil", "peripheral", none, d(2025, 9, 22), none),
                ("m-a5", "p-zofia", "peripheral", none, d(2025, 11, 3), none),
                ("m-a6", "p-nadia", "occasional", none, d(2024, 1, 15), none),
                ("m-a7", "p-dalia", "transactional", &["sponsor"], d(2023, 5, 18), none),
                (
                    "m-a8",
                    "p-elif",
                    "occasional",
                    &["social_learning_team_member"],
                    d(2023, 5, 18),
                    none,
                ),
            ],
        ),
        (
            "c-api",
            &[
                (
                    "m-p1",
                    "p-rosa",
                    "core_group",
                    lead,
                    d(2023, 10, 2),
                    &["agenda_activists"],
                ),
                (
                    "m-p2",
                    "p-amara",
                    "core_group",
                    lead,
                    d(2024, 2, 5),
                    &["organisational_brokers"],
                ),
                (
                    "m-p3",
                    "p-chen",
                    "occasional",
                    none,
                    d(2024, 2, 5),
                    &["value_detectives"],
                ),
                ("m-p4", "p-tomas", "occasional", none, d(2024, 6, 10), none),
                ("m-p5", "p-oscar", "occasional", none, d(2024, 3, 11), none),
                ("m-p6", "p-marek", "active", none, d(2025, 11, 10), none),
                ("m-p7", "p-quentin", "peripheral", none, d(2025, 11, 10), none),
                ("m-p8", "p-deepak", "transactional", &["sponsor"], d(2023, 10, 2), none),
            ],
        ),
        (
            "c-data-quality",
            &[
                ("m-d1", "p-samuel", "core_group", lead, d(2025, 3, 3), none),
                ("m-d2", "p-chen", "occasional", none, d(2025, 6, 10), none),
                ("m-d3", "p-yusuf", "occasional", none, d(2025, 6, 10), none),
                ("m-d4", "p-ines", "peripheral", none, d(2025, 6, 10), none),
                ("m-d5", "p-uma", "peripheral", none, d(2025, 9, 1), none),
                (
                    "m-d6",
                    "p-farah",
                    "occasional",
                    &["social_learning_team_member"],
                    d(2025, 6, 10),
                    none,
                ),
            ],
        ),
        (
            "c-cloud-cost",
            &[
                (
                    "m-cc1",
                    "p-tomas",
                    "core_group",
                    lead,
                    d(2025, 11, 13),
                    &["agenda_activists"],
                ),
                (
                    "m-cc2",
                    "p-uma",
                    "core_group",
                    lead,
                    d(2025, 11, 13),
                    &["value_detectives"],
                ),
                (
                    "m-cc3",
                    "p-amara",
                    "core_group",
                    &["core_group_member"],
                    d(2025, 11, 13),
                    none,
                ),
                ("m-cc4", "p-luis", "peripheral", none, d(2025, 11, 13), none),
                ("m-cc5", "p-rosa", "occasional", none, d(2025, 12, 4), none),
                ("m-cc6", "p-dalia", "transactional", &["sponsor"], d(2025, 11, 13), none),
                (
                    "m-cc7",
                    "p-elif",
                    "occasional",
                    &["social_learning_team_member"],
                    d(2025, 11, 13),
                    &["critical_friends"],
                ),
            ],
        ),
        (
            "c-agile",
            &[
                (
                    "m-g1",
                    "p-victor",
                    "core_group",
                    &["community_leader", "facilitator"],
                    d(2021, 5, 10),
                    &["agenda_activists"],
                ),
                ("m-g2", "p-wen", "active", lead, d(2021, 5, 10), &["community_keepers"]),
                ("m-g3", "p-farah", "core_group", &["facilitator"], d(2021, 5, 10), none),
                (
                    "m-g4",
                    "p-elif",
                    "active",
                    &["social_learning_team_member", "mentor"],
                    d(2022, 1, 17),
                    &["critical_friends"],
                ),
                ("m-g5", "p-aiko", "occasional", none, d(2022, 11, 7), none),
                ("m-g6", "p-xenia", "occasional", none, d(2023, 3, 6), none),
                ("m-g7", "p-dalia", "transactional", &["sponsor"], d(2021, 5, 10), none),
            ],
        ),
        (
            "c-incident-comms",
            &[
                (
                    "m-i1",
                    "p-xenia",
                    "core_group",
                    &["practice_group_leader"],
                    d(2024, 4, 8),
                    &["external_messengers"],
                ),
                (
                    "m-i2",
                    "p-kwame",
                    "core_group",
                    &["core_group_member"],
                    d(2024, 4, 8),
                    &["social_reporters"],
                ),
                ("m-i3", "p-amara", "occasional", none, d(2024, 4, 8), none),
                ("m-i4", "p-wen", "occasional", none, d(2024, 10, 14), none),
                ("m-i5", "p-dalia", "transactional", &["sponsor"], d(2024, 4, 8), none),
            ],
        ),
        (
            "c-mainframe",
            &[
                ("m-mf1", "p-yusuf", "core_group", lead, d(2024, 1, 15), none),
                ("m-mf2", "p-greta", "core_group", &["mentor"], d(2024, 1, 15), none),
                ("m-mf3", "p-luis", "active", none, d(2024, 3, 4), none),
                ("m-mf4", "p-emil", "peripheral", none, d(2025, 10, 6), none),
                ("m-mf5", "p-deepak", "transactional", &["sponsor"], d(2024, 1, 15), none),
            ],
        ),
        (
            "c-ml-risk",
            &[
                ("m-ml1", "p-ines", "core_group", lead, d(2025, 11, 24), none),
                ("m-ml2", "p-chen", "occasional", none, d(2025, 11, 24), none),
                ("m-ml3", "p-samuel", "peripheral", none, d(2025, 12, 3), none),
            ],
        ),
        (
            "c-mobile",
            &[
                ("m-mo1", "p-marek", "core_group", none, d(2022, 3, 7), none),
                ("m-mo2", "p-quentin", "active", none, d(2022, 3, 7), none),
            ],
        ),
    ];
    for (c, list) in members {
        for &(id, person, level, roles, joined, groups) in list {
            let draft = MembershipDraft {
                person_id: Some(Id::new(person)),
                level_id: Id::new(level),
                role_ids: ids(roles),
                joined_on: joined,
            };
            ok(ws.add_membership(&Id::new(c), Id::new(id), &draft, t0), id);
            if !groups.is_empty() {
                edit(ws, c, |com| {
                    if let Some(m) = com.memberships.iter_mut().find(|m| m.id.as_str() == id) {
                        m.leadership_group_ids = ids(groups);
                    }
                });
            }
        }
    }

    // Dated moves between levels, oldest first for each member.
    let moves = [
        (
            "c-security",
            "m-s3",
            "core_group",
            d(2024, 3, 4),
            "Ran the secrets-scanning clinic for a year",
        ),
        (
            "c-security",
            "m-s3",
            "active",
            d(2025, 6, 2),
            "Stepped back when he moved to the platform team",
        ),
        (
            "c-security",
            "m-s4",
            "active",
            d(2024, 2, 12),
            "Started reviewing infrastructure code for leaked secrets",
        ),
        (
            "c-accessibility",
            "m-a5",
            "occasional",
            d(2025, 12, 8),
            "Came to two audit clinics",
        ),
        (
            "c-api",
            "m-p3",
            "active",
            d(2024, 11, 18),
            "Owns the pagination chapter of the style guide",
        ),
        (
            "c-agile",
            "m-g2",
            "core_group",
            d(2022, 6, 6),
            "Co-leads since the community's second year",
        ),
        (
            "c-agile",
            "m-g3",
            "active",
            d(2023, 9, 4),
            "Handed the programme-wide events over to the core group",
        ),
        (
            "c-agile",
            "m-g6",
            "peripheral",
            d(2025, 8, 4),
            "Less time since leading incident communications",
        ),
        (
            "c-mainframe",
            "m-mf1",
            "active",
            d(2025, 7, 7),
            "On the core banking migration project; less time",
        ),
        (
            "c-mainframe",
            "m-mf2",
            "occasional",
            d(2025, 9, 1),
            "Reduced hours before retirement",
        ),
        (
            "c-mobile",
            "m-mo1",
            "peripheral",
            d(2025, 11, 10),
            "The community merged into the API Design Community",
        ),
        (
            "c-mobile",
            "m-mo2",
            "peripheral",
            d(2025, 11, 10),
            "The community merged into the API Design Community",
        ),
        // The year since: newcomers finding their feet.
        (
            "c-data-quality",
            "m-d5",
            "occasional",
            d(2026, 1, 26),
            "Brought a finance reconciliation error",
        ),
        (
            "c-agile",
            "m-g5",
            "active",
            d(2026, 2, 2),
            "Runs the service design corner of the dojo",
        ),
        (
            "c-cloud-cost",
            "m-cc4",
            "occasional",
            d(2026, 2, 12),
            "Came to the tagging sessions",
        ),
        (
            "c-security",
            "m-s8",
            "occasional",
            d(2026, 3, 9),
            "Joins the vulnerability threads",
        ),
        (
            "c-api",
            "m-p7",
            "occasional",
            d(2026, 3, 16),
            "Reviews designs for the mobile app",
        ),
        (
            "c-mainframe",
            "m-mf4",
            "occasional",
            d(2026, 4, 13),
            "Joined the code reading club",
        ),
        (
            "c-accessibility",
            "m-a4",
            "active",
            d(2026, 5, 11),
            "Runs the screen-reader checks for his team",
        ),
    ];
    for (c, m, level, on, reason) in moves {
        ok(
            ws.change_level(&Id::new(c), &Id::new(m), &Id::new(level), on, reason, t0),
            m,
        );
    }
}

fn add_harbour_practice(ws: &mut Workspace, t0: Timestamp) {
    let items = [
        ("c-security", "r-s1", "Threat model starter kit", "tool",
         "A one-hour format and a deck of prompt cards for a team's first threat model.",
         "https://example.org/security/threat-model-kit", d(2023, 4, 17)),
        ("c-security", "r-s2", "The leaked token", "story",
         "How an access token reached a public repository, and the pre-commit hook every team adopted afterwards.",
         "", d(2024, 8, 5)),
        ("c-security", "r-s3", "Dependency triage rules", "lesson",
         "Agreed practice: fix critical flaws reachable from the internet within a week; batch the rest into a monthly update.",
         "", d(2025, 9, 29)),
        ("c-accessibility", "r-a1", "Screen-reader test script", "tool",
         "Twelve steps any tester can run with a screen reader before a release.",
         "https://example.org/accessibility/screen-reader-script", d(2024, 2, 20)),
        ("c-accessibility", "r-a2", "Opening a savings account without sight", "story",
         "A customer who is blind walked us through opening a savings account in the app, and where she gave up.",
         "", d(2025, 6, 12)),
        ("c-api", "r-p1", "API style guide, version 2", "document",
         "Naming, errors, pagination and versioning rules, written and reviewed by members.",
         "https://example.org/api/style-guide", d(2025, 4, 28)),
        ("c-api", "r-p2", "Retiring the first accounts API", "story",
         "Eighteen months, forty consumers and one partner who never upgraded: what we would do differently.",
         "", d(2025, 10, 20)),
        ("c-agile", "r-g1", "Coaching dojo format", "tool",
         "A 90-minute format: one coach brings a real situation, two practise, the rest observe and give feedback.",
         "", d(2022, 2, 14)),
        ("c-incident-comms", "r-i1", "First-message templates", "tool",
         "Templates for the first customer message of an outage, in plain language, for the app, the website and branches.",
         "", d(2024, 9, 30)),
        ("c-mainframe", "r-mf1", "Batch job glossary", "document",
         "What the overnight batch jobs do, in words a newcomer understands, started from Greta's notes.",
         "", d(2025, 3, 17)),
        ("c-mobile", "r-mo1", "Mobile release checklist", "tool",
         "The checklist for releasing to both app stores; kept by the API Design Community since the merger.",
         "", d(2023, 2, 6)),
        ("c-api", "r-p3", "Error catalogue", "document",
         "Every error code our APIs return, with the wording shown to customers; grown from the style guide's errors chapter.",
         "https://example.org/api/errors", d(2026, 4, 20)),
        ("c-security", "r-s4", "Rotating a leaked secret", "tool",
         "A runbook for the first hour after a secret leaks: who to call, what to rotate, what to tell customers.",
         "", d(2026, 6, 8)),
    ];
    for (c, id, title, kind, desc, link, on) in items {
        let draft = RepertoireDraft {
            title: title.into(),
            kind_id: Id::new(kind),
            description: desc.into(),
            link: link.into(),
        };
        ok(ws.add_repertoire_item(&Id::new(c), Id::new(id), &draft, on, t0), id);
    }
    let reflections = [
        ("c-agile", "familiarity_and_excitement", true,
         "Our dojos are comfortable but predictable. We will invite a coach from outside banking each quarter.", d(2025, 10, 13)),
        ("c-agile", "inside_outside_dialogue", false,
         "Nobody from outside the bank has spoken to us for a year.", d(2025, 10, 13)),
        ("c-security", "different_levels_of_participation", true,
         "Champions can take part at their own pace: the monthly vulnerability thread suits those who cannot join the calls.", d(2025, 3, 10)),
    ];
    for (c, principle, reflected, note, on) in reflections {
        ok(
            ws.reflect_on_principle(&Id::new(c), &Id::new(principle), reflected, note, on, t0),
            principle,
        );
    }
}

fn add_harbour_cultivation(ws: &mut Workspace) {
    use ActivityMode::{Asynchronous, Synchronous};
    use Feel::{Exciting, Familiar};
    use Repeat::{Fortnightly, MonthlyByDate, MonthlyByWeekday, Once, Weekly};

    edit(ws, "c-security", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[
            (
                "potential",
                d(2022, 1, 17),
                false,
                "Champions found through the security awareness survey.",
            ),
            (
                "coalescing",
                d(2022, 4, 4),
                false,
                "Launch session with twenty-four champions.",
            ),
            ("maturing", d(2023, 3, 6), true, "Learning agenda agreed with the CISO."),
            (
                "stewardship",
                d(2024, 9, 16),
                true,
                "Third year: the agenda is renewed every spring.",
            ),
        ]);
        k.tasks_done = ids(&[
            "learning_agenda",
            "onboard_newcomers",
            "working_groups",
            "renewal_workshop",
            "outside_voices",
        ]);
        k.maturity = vec![
            maturity(
                "ma-security-1",
                d(2024, 10, 7),
                [3, 3, 2, 3, 1, 3, 2],
                "Before the renewal workshop.",
            ),
            maturity(
                "ma-security-2",
                d(2025, 10, 6),
                [4, 3, 3, 3, 2, 4, 3],
                "Stories from the capture-the-flag day made our value visible to the CISO.",
            ),
        ];
        k.onboarding = ticks(&[
            ("p-kwame", "welcomed", d(2023, 6, 6), "Wen showed him the forum"),
            ("p-kwame", "mentor_matched", d(2023, 6, 20), "Mentor: Amara Okafor"),
            (
                "p-kwame",
                "first_contribution",
                d(2023, 9, 11),
                "Shared a pre-commit hook that catches keys",
            ),
            (
                "p-kwame",
                "peripheral_to_active",
                d(2024, 2, 12),
                "Reviews infrastructure code for secrets",
            ),
            (
                "p-zofia",
                "welcomed",
                d(2025, 10, 21),
                "Wen showed her the forum and the champions' map",
            ),
            ("p-zofia", "mentor_matched", d(2025, 10, 28), "Mentor: Oscar Lindqvist"),
        ]);
        k.activities = activities(&[
            ("act-security-call", "Champions' call", d(2025, 9, 2), at(12, 30), 45,
             Fortnightly, None, Familiar, Synchronous, "https://meet.example.org/security-champions",
             "Ten minutes of news, then one real finding worked through together."),
            ("act-security-vuln", "Vulnerability of the month", d(2025, 9, 1), at(9, 0), 30,
             MonthlyByWeekday, None, Familiar, Asynchronous, "https://forum.example.org/champions",
             "An anonymised finding is posted on the first Monday; champions discuss the fix in the thread all week."),
            ("act-security-outside", "Outside voices talk", d(2026, 1, 27), at(16, 0), 60,
             MonthlyByWeekday, None, Exciting, Synchronous, "Canary Wharf, 12th floor, Harbour Room",
             "A guest from another bank, a supplier or a university tells a security story from their world."),
            ("act-security-ctf", "Capture-the-flag day", d(2026, 3, 19), at(9, 30), 420,
             Once, None, Exciting, Synchronous, "Canary Wharf, 12th floor, Harbour Room",
             "Our yearly day of attacking a practice banking app, sponsored by the CISO."),
        ]);
    });

    edit(ws, "c-accessibility", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[
            (
                "coalescing",
                d(2023, 5, 18),
                false,
                "Launched on Global Accessibility Awareness Day.",
            ),
            (
                "maturing",
                d(2024, 11, 4),
                true,
                "Three product teams adopted our audit checklist.",
            ),
        ]);
        k.tasks_done = ids(&["simple_rhythm", "early_value", "learning_agenda", "map_gaps"]);
        k.maturity = vec![maturity(
            "ma-accessibility-1",
            d(2025, 11, 10),
            [4, 3, 3, 2, 2, 2, 3],
            "Clinics are popular, but the rhythm slips whenever a release is due.",
        )];
        k.onboarding = ticks(&[
            ("p-emil", "welcomed", d(2025, 9, 23), "Aiko, at the audit clinic"),
            (
                "p-emil",
                "first_contribution",
                d(2025, 11, 12),
                "Spotted a missing label in the savings screen",
            ),
            (
                "p-emil",
                "peripheral_to_active",
                d(2026, 5, 11),
                "Runs the screen-reader checks for his team",
            ),
            ("p-zofia", "welcomed", d(2025, 11, 4), ""),
            ("p-zofia", "mentor_matched", d(2025, 11, 10), "Mentor: Priya Natarajan"),
            (
                "p-zofia",
                "first_contribution",
                d(2025, 12, 1),
                "Tested the new statement layout with a screen magnifier",
            ),
        ]);
        k.activities = activities(&[
            (
                "act-accessibility-clinic",
                "Audit clinic",
                d(2025, 9, 10),
                at(14, 0),
                60,
                Fortnightly,
                None,
                Familiar,
                Synchronous,
                "https://meet.example.org/accessibility",
                "A team brings a screen; we audit it together with a screen reader.",
            ),
            (
                "act-accessibility-lab",
                "Assistive technology lab",
                d(2026, 2, 12),
                at(10, 0),
                90,
                MonthlyByWeekday,
                None,
                Exciting,
                Synchronous,
                "Leeds office, accessibility lab",
                "Customers who use assistive technology show us how they bank.",
            ),
        ]);
    });

    edit(ws, "c-api", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[
            (
                "potential",
                d(2023, 10, 2),
                false,
                "Architects from four product lines met about inconsistent APIs.",
            ),
            ("coalescing", d(2024, 2, 5), false, "First open design review."),
            (
                "maturing",
                d(2025, 5, 12),
                true,
                "Style guide version 2 and a review rota.",
            ),
        ]);
        k.stage_answers = answers(&[
            ("q_potential_common_ground", 0),
            ("q_potential_no_convener", 0),
            ("q_coalescing_launched", 1),
            ("q_coalescing_early_value", 1),
            ("q_maturing_gaps", 3),
            ("q_maturing_focus", 2),
            ("q_stewardship_fresh", 1),
            ("q_stewardship_cycles", 0),
            ("q_transformation_relevance", 0),
            ("q_transformation_decline", 0),
        ]);
        k.tasks_done = ids(&["simple_rhythm", "early_value", "learning_agenda", "working_groups"]);
        k.maturity = vec![
            maturity(
                "ma-api-1",
                d(2025, 5, 12),
                [3, 2, 3, 3, 1, 2, 2],
                "When we moved to maturing.",
            ),
            maturity(
                "ma-api-2",
                d(2025, 12, 8),
                [3, 3, 3, 4, 2, 3, 2],
                "After the mobile developers joined: more voices, and the sponsor now asks for our reviews.",
            ),
        ];
        k.onboarding = ticks(&[
            ("p-marek", "welcomed", d(2025, 11, 11), "Rosa, at the merger meet-up"),
            ("p-marek", "mentor_matched", d(2025, 11, 17), "Mentor: Chen Wei"),
            (
                "p-marek",
                "first_contribution",
                d(2025, 12, 1),
                "Brought the mobile release checklist over",
            ),
            (
                "p-marek",
                "peripheral_to_active",
                d(2025, 12, 8),
                "Reviews designs every week",
            ),
            ("p-quentin", "welcomed", d(2025, 11, 11), "Rosa, at the merger meet-up"),
        ]);
        k.activities = activities(&[
            (
                "act-api-review",
                "Design review",
                d(2025, 6, 5),
                at(14, 0),
                60,
                Weekly,
                None,
                Familiar,
                Synchronous,
                "https://meet.example.org/api-review",
                "Anyone may bring a design; two reviewers from other product lines read it beforehand.",
            ),
            (
                "act-api-guide",
                "Style guide changes",
                d(2025, 6, 2),
                at(9, 0),
                30,
                Weekly,
                None,
                Familiar,
                Asynchronous,
                "https://git.example.org/api-style-guide",
                "Proposed changes stay open for a week of comments before a leader merges them.",
            ),
            (
                "act-api-showcase",
                "API of the quarter",
                d(2026, 2, 26),
                at(16, 0),
                60,
                Once,
                None,
                Exciting,
                Synchronous,
                "Canary Wharf auditorium, and online",
                "A team shows an API others could reuse; the sponsor hands over the prize.",
            ),
        ]);
    });

    edit(ws, "c-data-quality", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[
            (
                "potential",
                d(2025, 3, 3),
                false,
                "Samuel gathered data stewards after the quarter-end reporting errors.",
            ),
            (
                "coalescing",
                d(2025, 6, 10),
                false,
                "First surgery: twelve people came.",
            ),
        ]);
        k.tasks_done = ids(&["find_internal_leaders", "define_domain", "simple_rhythm"]);
        k.maturity = vec![maturity(
            "ma-data-quality-1",
            d(2025, 9, 15),
            [2, 1, 1, 2, 0, 1, 1],
            "Early days; Samuel does almost everything.",
        )];
        k.activities = activities(&[(
            "act-data-quality-surgery",
            "Data quality surgery",
            d(2025, 6, 10),
            at(11, 0),
            60,
            MonthlyByDate,
            None,
            Familiar,
            Synchronous,
            "https://meet.example.org/data-quality",
            "Someone brings a real data error; we trace it to its source together.",
        )]);
    });

    edit(ws, "c-agile", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[
            (
                "potential",
                d(2021, 2, 1),
                false,
                "Coaches from three divisions met at an internal conference.",
            ),
            ("coalescing", d(2021, 5, 10), false, "First coaching dojo."),
            (
                "maturing",
                d(2022, 6, 6),
                false,
                "Coaching dojo format written up and shared.",
            ),
            (
                "stewardship",
                d(2023, 9, 4),
                true,
                "The community runs itself; the question now is keeping it fresh.",
            ),
        ]);
        k.stage_answers = answers(&[
            ("q_potential_common_ground", 0),
            ("q_potential_no_convener", 0),
            ("q_coalescing_launched", 0),
            ("q_coalescing_early_value", 1),
            ("q_maturing_gaps", 1),
            ("q_maturing_focus", 1),
            ("q_stewardship_fresh", 3),
            ("q_stewardship_cycles", 2),
            ("q_transformation_relevance", 1),
            ("q_transformation_decline", 2),
        ]);
        k.tasks_done = ids(&[
            "learning_agenda",
            "onboard_newcomers",
            "succession",
            "recruit_under_represented",
        ]);
        k.maturity = vec![maturity(
            "ma-agile-1",
            d(2025, 10, 13),
            [3, 2, 3, 2, 1, 2, 3],
            "Energy is lower after four years; fewer new faces.",
        )];
        k.activities = activities(&[
            (
                "act-agile-dojo",
                "Coaching dojo",
                d(2025, 1, 14),
                at(16, 0),
                90,
                MonthlyByWeekday,
                None,
                Familiar,
                Synchronous,
                "Manchester office, room 3.2, and online",
                "One coach brings a real situation; two practise it; the rest observe and give feedback.",
            ),
            (
                "act-agile-coffee",
                "Lean coffee",
                d(2024, 9, 6),
                at(8, 30),
                30,
                Weekly,
                Some(d(2025, 12, 19)),
                Familiar,
                Synchronous,
                "https://meet.example.org/lean-coffee",
                "Stopped at the end of 2025: too few people came.",
            ),
            (
                "act-agile-guest",
                "Guest coach from outside banking",
                d(2026, 3, 10),
                at(16, 0),
                90,
                Once,
                None,
                Exciting,
                Synchronous,
                "Manchester office, room 3.2, and online",
                "The first of the quarterly guests agreed after the October health check.",
            ),
        ]);
    });

    edit(ws, "c-incident-comms", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[
            (
                "coalescing",
                d(2024, 4, 8),
                false,
                "Spun off from the Reliability Guild after the payments outage.",
            ),
            (
                "maturing",
                d(2025, 3, 3),
                false,
                "The incident teams use our templates.",
            ),
        ]);
        k.tasks_done = ids(&["simple_rhythm", "early_value", "working_groups"]);
        k.activities = activities(&[(
            "act-incident-drill",
            "Status-update drill",
            d(2025, 4, 9),
            at(11, 0),
            45,
            MonthlyByWeekday,
            None,
            Exciting,
            Synchronous,
            "https://meet.example.org/incident-comms",
            "A simulated outage: each pair writes the first customer message in fifteen minutes.",
        )]);
    });

    edit(ws, "c-mainframe", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[
            (
                "coalescing",
                d(2024, 1, 15),
                false,
                "Launched with the modernisation programme.",
            ),
            (
                "maturing",
                d(2025, 2, 3),
                false,
                "Batch job glossary started; a learning agenda agreed.",
            ),
        ]);
        k.tasks_done = ids(&["learning_agenda", "map_gaps"]);
        k.maturity = vec![maturity(
            "ma-mainframe-1",
            d(2025, 8, 4),
            [3, 1, 2, 1, 1, 3, 2],
            "The domain matters more than ever, but nobody is left in the core group.",
        )];
        k.onboarding = ticks(&[
            ("p-emil", "welcomed", d(2025, 10, 7), "Luis"),
            ("p-emil", "mentor_matched", d(2025, 10, 13), "Mentor: Greta Halvorsen"),
        ]);
        k.activities = activities(&[(
            "act-mainframe-reading",
            "Code reading club",
            d(2024, 2, 1),
            at(13, 0),
            60,
            Fortnightly,
            None,
            Familiar,
            Synchronous,
            "Edinburgh office, room Forth",
            "We read one old program together with someone who knows it.",
        )]);
    });

    edit(ws, "c-ml-risk", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[(
            "potential",
            d(2025, 11, 24),
            false,
            "First conversation between credit-risk data scientists.",
        )]);
        k.tasks_done = ids(&["interview_members"]);
        k.forming = Forming {
            step: 2,
            strategic_links: vec![StrategicLink {
                id: Id::new("sl-ml-1"),
                priority: "Faster, fairer lending decisions".into(),
                contribution: "Models that are explainable from the start pass model risk review sooner.".into(),
            }],
            agenda: vec![AgendaTopic {
                id: Id::new("ag-ml-1"),
                topic: "Explainability methods the regulator accepts".into(),
                owner_id: Some(Id::new("p-ines")),
                activities: "Compare what three model teams sent to model risk review.".into(),
                outputs: String::new(),
            }],
            ..Forming::default()
        };
    });

    edit(ws, "c-mobile", |c| {
        let k = &mut c.cultivation;
        k.stage_history = stage_history(&[
            (
                "coalescing",
                d(2022, 3, 7),
                false,
                "Launched by the mobile app's developers.",
            ),
            (
                "maturing",
                d(2023, 4, 3),
                false,
                "Release checklist shared by both platforms.",
            ),
            (
                "stewardship",
                d(2024, 6, 3),
                false,
                "Well established; fewer new questions.",
            ),
            (
                "transformation",
                d(2025, 11, 10),
                true,
                "Members chose to merge into the API Design Community.",
            ),
        ]);
        k.tasks_done = ids(&["decide_with_members", "archive_repertoire", "celebrate"]);
        k.transformation = Some(Transformation {
            mode_id: Id::new("merged"),
            on: d(2025, 11, 10),
            note: "Most of our questions had become about the APIs the app calls. Members voted to merge with the API Design Community; the release checklist moved there.".into(),
        });
    });
}

/// The young Cloud Cost Practitioners went through the forming wizard and saved a charter.
fn add_cloud_cost_forming(ws: &mut Workspace) {
    use ActivityMode::{Asynchronous, Synchronous};
    use Feel::{Exciting, Familiar};
    use Repeat::{Fortnightly, Once, Weekly};

    let forming = Forming {
        step: 7,
        strategic_links: vec![
            StrategicLink {
                id: Id::new("sl-cc-1"),
                priority: "Cut technology running costs by 15% by 2027".into(),
                contribution: "Members learn to see and explain what their services cost, so that savings come from teams' own decisions rather than central cuts.".into(),
            },
            StrategicLink {
                id: Id::new("sl-cc-2"),
                priority: "Move most workloads to the cloud safely".into(),
                contribution: "Shared practices for sizing and tagging keep the move affordable and predictable.".into(),
            },
        ],
        agenda: vec![
            AgendaTopic {
                id: Id::new("ag-cc-1"),
                topic: "Tagging and cost allocation".into(),
                owner_id: Some(Id::new("p-uma")),
                activities: "Compare how three product teams tag their resources; agree a shared minimum.".into(),
                outputs: "A one-page tagging standard.".into(),
            },
            AgendaTopic {
                id: Id::new("ag-cc-2"),
                topic: "Right-sizing without risking reliability".into(),
                owner_id: Some(Id::new("p-tomas")),
                activities: "Pair with the Reliability Guild on two services; a hack day in March.".into(),
                outputs: "A right-sizing checklist with reliability guard-rails.".into(),
            },
            AgendaTopic {
                id: Id::new("ag-cc-3"),
                topic: "Reading the cloud bill".into(),
                owner_id: None,
                activities: "Each month, one team walks the others through its bill.".into(),
                outputs: "A short guide for team leads.".into(),
            },
        ],
        invited: "Anyone at Harbour Bank who builds, runs or pays for cloud services: engineers, team leads and finance business partners. Open to all; come when a topic matters to you.".into(),
        practice: "Cost reports we have puzzled over, tagging schemes, right-sizing stories, and scripts that find idle resources.".into(),
        value_members_short: "An answer to \"why did our bill jump?\" within a day; scripts and dashboards others have already built.".into(),
        value_members_long: "A recognised skill in cloud economics, and a network across engineering and finance.".into(),
        value_org_short: "Fewer surprises in the monthly cloud bill; idle resources switched off.".into(),
        value_org_long: "A cost-aware engineering culture that keeps the move to the cloud affordable.".into(),
        rhythm: "A 45-minute call every other Thursday, a cost anomaly posted in the channel each week, and a hack day in the spring.".into(),
        norms: "Bring real numbers; never blame the team whose bill it is.\nCameras optional, questions always welcome.\nStart and end on time.".into(),
        confidential: "Supplier prices and contract terms; any team's costs until that team agrees to share them.".into(),
        publishable: "The tagging standard, checklists, scripts and anonymised savings stories, on the engineering intranet.".into(),
    };
    let charter = Charter {
        version: 1,
        on: d(2025, 12, 8),
        sections: [
            ("Purpose and domain", "Cloud Cost Practitioners is a community of practice.\n\nEngineers and finance partners who want the bank's cloud spending to buy what teams really need. We learn together how to see, explain and reduce the cost of what we run, without slowing delivery or risking reliability.\n\nKey issues:\n- Tagging and allocating cloud costs to products\n- Right-sizing without risking reliability"),
            ("Strategic links", "- Cut technology running costs by 15% by 2027: Members learn to see and explain what their services cost, so that savings come from teams' own decisions rather than central cuts.\n- Move most workloads to the cloud safely: Shared practices for sizing and tagging keep the move affordable and predictable."),
            ("Learning agenda", "Tagging and cost allocation (owner: Uma Patel)\nActivities: Compare how three product teams tag their resources; agree a shared minimum.\nOutputs: A one-page tagging standard.\n\nRight-sizing without risking reliability (owner: Tomás Herrera)\nActivities: Pair with the Reliability Guild on two services; a hack day in March.\nOutputs: A right-sizing checklist with reliability guard-rails.\n\nReading the cloud bill\nActivities: Each month, one team walks the others through its bill.\nOutputs: A short guide for team leads."),
            ("Membership and roles", "Who is invited:\nAnyone at Harbour Bank who builds, runs or pays for cloud services: engineers, team leads and finance business partners. Open to all; come when a topic matters to you.\n\nCore group: Tomás Herrera, Uma Patel, Amara Okafor.\n\nLeaders: Tomás Herrera, Uma Patel.\n\nSponsor: Dalia Haddad."),
            ("Practice", "Cost reports we have puzzled over, tagging schemes, right-sizing stories, and scripts that find idle resources."),
            ("Value proposition", "For members, in the short term:\nAn answer to \"why did our bill jump?\" within a day; scripts and dashboards others have already built.\n\nFor members, in the long term:\nA recognised skill in cloud economics, and a network across engineering and finance.\n\nFor the organisation, in the short term:\nFewer surprises in the monthly cloud bill; idle resources switched off.\n\nFor the organisation, in the long term:\nA cost-aware engineering culture that keeps the move to the cloud affordable."),
            ("Rhythm", "A 45-minute call every other Thursday, a cost anomaly posted in the channel each week, and a hack day in the spring.\n\nPlanned activities:\n- FinOps fortnightly: every two weeks from 2025-11-13, 15:30, 45 minutes, live\n- Cost anomaly of the week: weekly from 2025-11-17, 09:00, 15 minutes, any time (asynchronous)"),
            ("Norms", "Bring real numbers; never blame the team whose bill it is.\nCameras optional, questions always welcome.\nStart and end on time."),
            ("Confidentiality", "What stays inside the community:\nSupplier prices and contract terms; any team's costs until that team agrees to share them.\n\nWhat may be published outside it:\nThe tagging standard, checklists, scripts and anonymised savings stories, on the engineering intranet."),
            ("Review", "The core group reviews this charter with the members by 2026-12-08, and sooner when the community moves to another stage of development."),
        ]
        .iter()
        .map(|(heading, body)| CharterSection {
            heading: (*heading).into(),
            body: (*body).into(),
        })
        .collect(),
    };
    edit(ws, "c-cloud-cost", |c| {
        let k = &mut c.cultivation;
        k.forming = forming;
        k.charters = vec![charter];
        k.stage_history = stage_history(&[
            (
                "potential",
                d(2025, 9, 1),
                false,
                "Idea raised at the programme's open-space day.",
            ),
            (
                "coalescing",
                d(2025, 11, 13),
                false,
                "Launch meeting with eighteen people.",
            ),
        ]);
        k.tasks_done = ids(&[
            "find_internal_leaders",
            "interview_members",
            "define_domain",
            "build_core_group",
            "simple_rhythm",
        ]);
        k.onboarding = ticks(&[
            ("p-luis", "welcomed", d(2025, 11, 14), "Tomás"),
            ("p-rosa", "welcomed", d(2025, 12, 5), "Uma"),
        ]);
        k.activities = activities(&[
            (
                "act-cloud-cost-call",
                "FinOps fortnightly",
                d(2025, 11, 13),
                at(15, 30),
                45,
                Fortnightly,
                None,
                Familiar,
                Synchronous,
                "https://meet.example.org/cloud-cost",
                "One team's question or saving, then open questions.",
            ),
            (
                "act-cloud-cost-anomaly",
                "Cost anomaly of the week",
                d(2025, 11, 17),
                at(9, 0),
                15,
                Weekly,
                None,
                Familiar,
                Asynchronous,
                "#cloud-cost channel",
                "Tomás posts the week's strangest cost spike; members guess the cause in the thread.",
            ),
            (
                "act-cloud-cost-hack",
                "Right-sizing hack day",
                d(2026, 3, 5),
                at(9, 30),
                360,
                Once,
                None,
                Exciting,
                Synchronous,
                "Canary Wharf, 3rd floor, Lighthouse room",
                "Pairs of engineers right-size two real services with the Reliability Guild watching the guard-rails.",
            ),
        ]);
    });
}

fn add_harbour_stewardship(ws: &mut Workspace) {
    edit(ws, "c-security", |c| {
        let s = &mut c.stewardship;
        s.health_checks = vec![
            health(
                "hc-security-1",
                d(2025, 3, 10),
                [4, 3, 2, 3, 3, 3, 3, 1, 3, 2],
                &["burnout", "single_leader"],
                "Nadia carries most of the work since Hugo stepped back from the clinic.",
            ),
            health(
                "hc-security-2",
                d(2025, 11, 17),
                [4, 4, 3, 4, 3, 3, 3, 2, 4, 3],
                &[],
                "Oscar now co-leads. Recognition is still patchy outside the CISO's own division.",
            ),
        ];
        s.indicator_values = vec![
            indicator(
                "iv-security-1",
                "sponsor_engagement",
                d(2025, 11, 17),
                "Yes: the CISO attends the quarterly review and funds the capture-the-flag day",
                "Quarterly programme review",
            ),
            indicator(
                "iv-security-2",
                "outside_requests",
                d(2025, 12, 1),
                "7",
                "Requests from teams outside the network, logged in the champions' forum",
            ),
        ];
    });
    edit(ws, "c-accessibility", |c| {
        c.stewardship.health_checks = vec![health(
            "hc-accessibility-1",
            d(2025, 11, 10),
            [4, 3, 3, 4, 4, 2, 3, 2, 2, 3],
            &["no_time"],
            "Members come to clinics in their own time when a release is due.",
        )];
    });
    edit(ws, "c-api", |c| {
        let s = &mut c.stewardship;
        s.health_checks = vec![
            health(
                "hc-api-1",
                d(2025, 5, 19),
                [3, 3, 3, 4, 3, 4, 3, 2, 3, 2],
                &["status_imbalance"],
                "Architects do most of the talking; developers from the regional offices rarely speak.",
            ),
            health(
                "hc-api-2",
                d(2025, 12, 8),
                [4, 3, 3, 4, 3, 4, 3, 2, 3, 3],
                &[],
                "Reviewers now come in pairs from different product lines, and regional developers lead half the reviews.",
            ),
        ];
        s.indicator_values = vec![
            indicator(
                "iv-api-1",
                "outside_requests",
                d(2025, 12, 8),
                "12",
                "Design reviews asked for by teams outside the community, last quarter",
            ),
            indicator(
                "iv-api-2",
                "sponsor_engagement",
                d(2025, 12, 8),
                "Yes: asks for our review before approving new partner APIs",
                "Leaders' notes",
            ),
        ];
    });
    edit(ws, "c-data-quality", |c| {
        let s = &mut c.stewardship;
        s.health_checks = vec![health(
            "hc-data-quality-1",
            d(2025, 9, 15),
            [3, 2, 0, 3, 2, 2, 2, 1, 1, 1],
            &["single_leader", "no_time", "sponsor_absent_or_controlling"],
            "Nobody has protected time for the circle, and there is no sponsor yet.",
        )];
        s.indicator_values = vec![indicator(
            "iv-data-quality-1",
            "sponsor_engagement",
            d(2025, 9, 15),
            "No sponsor yet",
            "Health check",
        )];
    });
    edit(ws, "c-cloud-cost", |c| {
        let s = &mut c.stewardship;
        s.structure_choice = Some(StructureChoice {
            on: d(2025, 10, 6),
            answers: [
                ("purpose", "purpose_capability"),
                ("membership", "membership_self"),
                ("glue", "glue_passion"),
                ("lifespan", "lifespan_learning"),
                ("deliverables", "deliverables_some"),
                ("boundaries", "boundaries_fuzzy"),
                ("location", "location_spread"),
            ]
            .iter()
            .map(|(q, o)| ChooserAnswer {
                question_id: Id::new(*q),
                option_id: Id::new(*o),
            })
            .collect(),
            recommended_id: Id::new("community_of_practice"),
            note: "We asked whether a task force would do. The savings depend on every team's daily decisions, so we chose a community with the finance partners in it.".into(),
        });
        s.health_checks = vec![health(
            "hc-cloud-cost-1",
            d(2025, 12, 8),
            [4, 4, 3, 3, 2, 3, 3, 2, 3, 3],
            &["technology_first"],
            "There is pressure to buy a cost dashboard before we know what we need from one.",
        )];
    });
    edit(ws, "c-agile", |c| {
        let s = &mut c.stewardship;
        s.health_checks = vec![
            health(
                "hc-agile-1",
                d(2025, 1, 20),
                [3, 3, 3, 3, 4, 3, 3, 2, 2, 2],
                &[],
                "Steady. The dojo is the heart of the community.",
            ),
            health(
                "hc-agile-2",
                d(2025, 10, 13),
                [3, 3, 2, 2, 3, 3, 2, 2, 2, 1],
                &["polite_presentations", "insularity"],
                "Dojos have turned into show-and-tell, and nobody from outside the bank has joined us for a year.",
            ),
        ];
        s.indicator_values = vec![indicator(
            "iv-agile-1",
            "sponsor_engagement",
            d(2025, 10, 13),
            "Only at the yearly review",
            "Leaders' notes",
        )];
    });
    edit(ws, "c-mainframe", |c| {
        let s = &mut c.stewardship;
        s.health_checks = vec![health(
            "hc-mainframe-1",
            d(2025, 8, 4),
            [4, 2, 1, 4, 3, 1, 3, 1, 3, 1],
            &["single_leader", "burnout", "no_time"],
            "Yusuf is alone since Greta cut her hours, and the migration project takes most of his time.",
        )];
        s.indicator_values = vec![indicator(
            "iv-mainframe-1",
            "sponsor_engagement",
            d(2025, 8, 4),
            "Partly: signs off the budget but has not come to a meeting",
            "Leader's estimate",
        )];
    });
}

/// The Security Champions' digital habitat, and the tools of two more Harbour communities.
fn add_harbour_habitat(ws: &mut Workspace, t0: Timestamp) {
    use super::technology::{Mode, ToolDraft};
    let c = Id::new("c-security");
    let ratings: Vec<(Id, u8)> = [
        ("meetings", 3),
        ("open_ended_conversation", 4),
        ("projects", 2),
        ("content", 3),
        ("access_to_expertise", 4),
        ("relationships", 2),
        ("individual_participation", 3),
        ("community_cultivation", 2),
        ("context", 1),
    ]
    .iter()
    .map(|(o, i)| (Id::new(*o), *i))
    .collect();
    ok(
        ws.add_orientation_profile(
            &c,
            Id::new("op-s1"),
            d(2025, 3, 10),
            &ratings,
            "Champions sit in many teams and rarely meet in person.",
            t0,
        ),
        "op-s1",
    );
    let tools = [
        (
            "t-s1",
            "Champions' chat channel",
            "chat",
            Mode::Both,
            &["open_ended_conversation", "access_to_expertise"][..],
            Some("p-wen"),
            "Bank licence",
            "Open to every employee.",
        ),
        (
            "t-s2",
            "Security wiki",
            "shared_documents",
            Mode::Asynchronous,
            &["content", "individual_participation"][..],
            Some("p-oscar"),
            "Bank licence",
            "Readable by every employee; champions edit.",
        ),
        (
            "t-s3",
            "Champions' forum",
            "forum",
            Mode::Asynchronous,
            &["open_ended_conversation", "projects"][..],
            Some("p-nadia"),
            "Bank licence",
            "Champions only, because findings are discussed before they are fixed.",
        ),
    ];
    for (id, name, category, mode, orientations, steward, cost, access) in tools {
        let draft = ToolDraft {
            name: name.into(),
            category_id: Id::new(category),
            mode,
            orientation_ids: ids(orientations),
            activity_type_ids: vec![],
            steward_id: steward.map(Id::new),
            cost: cost.into(),
            access_notes: access.into(),
        };
        ok(ws.add_tool(&c, Id::new(id), &draft, t0), id);
    }
    ok(
        ws.add_decision(
            &c,
            Id::new("dl-s1"),
            d(2024, 11, 4),
            Some(Id::new("t-s3")),
            "Moved the discussion of open findings from the chat channel to a closed forum",
            "Open findings must not be visible to the whole bank before they are fixed.",
            Some(Id::new("p-nadia")),
            t0,
        ),
        "dl-s1",
    );
    for step in ["start_with_what_members_use", "name_a_steward", "access_and_privacy"] {
        ok(ws.set_checklist_step(&c, &Id::new(step), true, t0), step);
    }

    // Two more communities list their tools, without rating their orientations yet.
    let more = [
        (
            "c-api",
            "t-p1",
            "Design review room",
            "video_meetings",
            Mode::Synchronous,
            &["meetings"][..],
            Some("p-rosa"),
            "Bank licence",
            "",
        ),
        (
            "c-api",
            "t-p2",
            "Style guide repository",
            "repository",
            Mode::Asynchronous,
            &["content", "projects"][..],
            Some("p-rosa"),
            "Bank licence",
            "Anyone in the bank may propose a change.",
        ),
        (
            "c-api",
            "t-p3",
            "API design channel",
            "chat",
            Mode::Both,
            &["open_ended_conversation", "access_to_expertise"][..],
            None,
            "Bank licence",
            "",
        ),
        (
            "c-cloud-cost",
            "t-cc1",
            "Cloud cost channel",
            "chat",
            Mode::Both,
            &["open_ended_conversation", "access_to_expertise"][..],
            Some("p-tomas"),
            "Bank licence",
            "Open to everyone; no supplier prices.",
        ),
    ];
    for (community, id, name, category, mode, orientations, steward, cost, access) in more {
        let draft = ToolDraft {
            name: name.into(),
            category_id: Id::new(category),
            mode,
            orientation_ids: ids(orientations),
            activity_type_ids: vec![],
            steward_id: steward.map(Id::new),
            cost: cost.into(),
            access_notes: access.into(),
        };
        ok(ws.add_tool(&Id::new(community), Id::new(id), &draft, t0), id);
    }
}

/// The programme's readiness checks, leaders' capacity-building plans and peer groups.
fn add_programme_records(ws: &mut Workspace) {
    use StepStatus::{Done, Planned};
    ws.programme = Programme {
        readiness_checks: vec![
            readiness(
                "rc-harbour-2023",
                d(2023, 2, 14),
                "Dalia Haddad and Farah Iqbal, at the programme kick-off",
                [2, 2, 1, 3, 2, 0, 1],
                "Before the programme: the first communities ran on goodwill, nobody had protected time, and community work counted for nothing in reviews.",
            ),
            readiness(
                "rc-harbour-2025",
                d(2025, 10, 30),
                "Sponsors' group with the social learning team",
                [3, 3, 2, 4, 3, 1, 3],
                "Leaders now have a day a month agreed with their managers, and a social learning team supports them. Recognition in reviews and careers is still the weakest area: HR is trying it in two divisions.",
            ),
        ],
        leader_plans: vec![
            plan(
                "p-nadia",
                &[
                    ("orientation", Done, d(2022, 3, 14)),
                    ("facilitation", Done, d(2022, 10, 11)),
                    ("cultivation", Done, d(2023, 5, 16)),
                    ("peer_group", Done, d(2024, 1, 10)),
                    ("value_creation", Planned, d(2027, 2, 9)),
                ],
                "Wants to turn the capture-the-flag results into value-creation stories for the CISO.",
            ),
            plan(
                "p-amara",
                &[
                    ("orientation", Done, d(2025, 2, 18)),
                    ("facilitation", Done, d(2025, 5, 20)),
                    ("peer_group", Done, d(2025, 9, 3)),
                    ("coaching", Planned, d(2026, 1, 28)),
                ],
                "Leads two communities and sits in the core group of a third: the coaching is about handing part of the load over.",
            ),
            plan(
                "p-priya",
                &[
                    ("orientation", Done, d(2023, 6, 6)),
                    ("facilitation", Done, d(2023, 11, 14)),
                    ("digital_habitat", Planned, d(2027, 1, 19)),
                ],
                "",
            ),
            plan(
                "p-victor",
                &[
                    ("orientation", Done, d(2021, 6, 1)),
                    ("facilitation", Done, d(2021, 9, 14)),
                    ("cultivation", Done, d(2022, 3, 8)),
                    ("value_creation", Done, d(2023, 4, 18)),
                    ("peer_group", Done, d(2024, 1, 10)),
                ],
                "Mentors the newer leaders in their cohort.",
            ),
            plan(
                "p-samuel",
                &[
                    ("orientation", Done, d(2025, 4, 8)),
                    ("coaching", Planned, d(2027, 1, 12)),
                    ("cultivation", Planned, d(2027, 2, 16)),
                ],
                "The only leader of his circle: the coaching is about finding a co-leader.",
            ),
            plan(
                "p-yusuf",
                &[
                    ("orientation", Done, d(2024, 2, 20)),
                    ("coaching", Planned, d(2026, 12, 8)),
                ],
                "The core group has emptied: plan the succession with Greta before she retires.",
            ),
            plan(
                "p-tomas",
                &[
                    ("orientation", Done, d(2025, 12, 2)),
                    ("facilitation", Planned, d(2027, 3, 2)),
                ],
                "",
            ),
            plan("p-uma", &[("orientation", Done, d(2025, 12, 2))], ""),
            plan(
                "p-ines",
                &[("orientation", Planned, d(2026, 2, 3))],
                "Still deciding whether to launch the community.",
            ),
        ],
        peer_groups: vec![
            PeerGroup {
                id: Id::new("pg-harbour-leaders"),
                name: "Harbour leaders' circle".into(),
                member_ids: ids(&["p-nadia", "p-amara", "p-priya", "p-rosa", "p-victor", "p-yusuf"]),
                note: "Leaders of different communities meet on the first Wednesday of each month for peer coaching; Elif Yilmaz of the social learning team convenes.".into(),
            },
            PeerGroup {
                id: Id::new("pg-harbour-new"),
                name: "New leaders' cohort, winter 2025".into(),
                member_ids: ids(&["p-samuel", "p-tomas", "p-uma", "p-ines", "p-xenia"]),
                note: "Newer leaders working through orientation and facilitation together; Victor Adeyemi mentors the cohort.".into(),
            },
        ],
    };
}

// ----- the Frontline Negotiators' Circle: light cultivation and stewardship -----

/// The negotiators' norms and confidentiality, their rhythm, one maturity assessment and
/// one health check. Nothing here names Hana or Joy, whose records other tests edit.
fn add_circle_cultivation(ws: &mut Workspace) {
    use ActivityMode::{Asynchronous, Synchronous};
    use Feel::{Exciting, Familiar};
    use Repeat::{MonthlyByWeekday, Once};
    edit(ws, "c-negotiators", |c| {
        let k = &mut c.cultivation;
        k.forming = Forming {
            step: 7,
            rhythm: "A peer circle online each month at times that alternate between time zones, a case on the forum each month, an annual meeting and a winter retreat.".into(),
            norms: "What is said in the circle may be used, but never who said it or which operation it came from.\nPeer workshops are not recorded.\nSpeak from your own experience; nobody judges a compromise made at a checkpoint.".into(),
            confidential: "Names of counterparts, places, operations and the details of any negotiation. Cases are anonymised before they go on the forum.".into(),
            publishable: "Tools and methods built from members' experience, such as the negotiation planning grid, once a peer review has removed anything that could identify a case or a person.".into(),
            ..Forming::default()
        };
        k.maturity = vec![maturity(
            "ma-negotiators-1",
            d(2025, 11, 24),
            [4, 4, 3, 3, 2, 3, 2],
            "Strong trust across agencies; the value of the circle is hard to show to headquarters without breaking confidentiality.",
        )];
        k.activities = activities(&[
            ("act-negotiators-circle", "Peer circle", d(2025, 1, 15), at(13, 0), 90,
             MonthlyByWeekday, None, Familiar, Synchronous, "https://meet.example.org/peer-circle",
             "A themed discussion among peers; confidential and not recorded. The time moves each month so that every region gets a good slot."),
            ("act-negotiators-case", "Case of the month", d(2025, 2, 3), at(8, 0), 30,
             MonthlyByWeekday, None, Familiar, Asynchronous, "https://forum.example.org/negotiators",
             "An anonymised negotiation posted on the forum; members comment through the month."),
            ("act-negotiators-annual", "Annual meeting", d(2026, 6, 11), at(9, 0), 480,
             Once, None, Exciting, Synchronous, "Host agency's training centre, and online",
             "Two days in person: peer workshops, and a review of the field manual."),
        ]);
        let s = &mut c.stewardship;
        s.health_checks = vec![health(
            "hc-negotiators-1",
            d(2025, 11, 24),
            [4, 4, 3, 4, 4, 3, 3, 2, 2, 4],
            &["status_imbalance"],
            "Headquarters staff who work in English dominate the online sessions; field staff who negotiate in Arabic or French speak less.",
        )];
        s.indicator_values = vec![indicator(
            "iv-negotiators-1",
            "outside_requests",
            d(2025, 11, 24),
            "4",
            "Agencies outside the circle asking to send staff to a peer workshop this year",
        )];
    });
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::model::participation::warnings;
    use crate::model::{validate_workspace, CatalogueKind};

    fn community<'a>(ws: &'a Workspace, id: &str) -> &'a Community {
        ws.community(&Id::new(id)).unwrap()
    }

    fn leads(m: &Membership) -> bool {
        m.role_ids.iter().any(|r| r.as_str() == "community_leader")
    }

    #[test]
    fn sample_is_sound_and_complete() {
        let ws = sample_workspace();
        assert_eq!(validate_workspace(&ws), vec![]);
        assert!(ws.is_sample);
        assert!(ws.description.starts_with("Sample data"));
        assert_eq!(ws.organisations.len(), 4);
        assert_eq!(ws.people.len(), 35);
        assert_eq!(ws.communities.len(), 13);
        let members: usize = ws.communities.iter().map(|c| c.memberships.len()).sum();
        assert_eq!(members, 75, "every sample membership was accepted");
        let items: usize = ws.communities.iter().map(|c| c.practice.len()).sum();
        assert_eq!(items, 18);
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
        // Every person takes part somewhere.
        for p in &ws.people {
            assert!(
                ws.memberships_of(&p.id).next().is_some(),
                "{} belongs to no community",
                p.name
            );
        }
    }

    #[test]
    fn the_first_three_communities_stay_as_other_tests_expect_them() {
        let ws = sample_workspace();
        let order: Vec<&str> = ws.communities.iter().take(3).map(|c| c.id.as_str()).collect();
        assert_eq!(order, ["c-reliability", "c-testing", "c-negotiators"]);
        let sizes: Vec<usize> = ws.communities.iter().take(3).map(|c| c.memberships.len()).collect();
        assert_eq!(sizes, [6, 3, 5]);
        for id in ["c-reliability", "c-testing"] {
            let c = community(&ws, id);
            assert_eq!(
                c.cultivation,
                Default::default(),
                "{id} is a blank canvas for cultivation"
            );
            assert_eq!(
                c.stewardship,
                Default::default(),
                "{id} is a blank canvas for stewardship"
            );
        }
        // The circle has light records, none of which names Hana or Joy.
        let circle = community(&ws, "c-negotiators");
        let k = &circle.cultivation;
        assert!(k.onboarding.is_empty() && k.stage_history.is_empty() && k.charters.is_empty());
        assert!(k.forming.agenda.is_empty() && k.forming.strategic_links.is_empty());
        assert!(!k.forming.confidential.is_empty() && !k.forming.publishable.is_empty());
        assert_eq!((k.activities.len(), k.maturity.len()), (3, 1));
        assert_eq!(circle.stewardship.health_checks.len(), 1);
        assert_eq!(circle.stewardship.health_checks[0].risks, [Id::new("status_imbalance")]);
        let dump = serde_json::to_string(circle).unwrap();
        assert_eq!(
            dump.matches("p-hana").count(),
            4,
            "Hana only in her membership, two tools and a decision, as before"
        );
        assert_eq!(dump.matches("p-joy").count(), 1, "Joy only in her membership");
    }

    /// Other tests edit the sample's catalogues and people in ways the new records must not
    /// get in the way of: they empty the activity types, remove the "case" kind, rename Gus,
    /// list Bruno's uses, and add a person `p-zoe`.
    #[test]
    fn the_new_records_stay_out_of_the_way_of_tests_on_the_first_three_communities() {
        let ws = sample_workspace();
        for person in ["p-bruno", "p-gus"] {
            let id = Id::new(person);
            let in_: Vec<&str> = ws.memberships_of(&id).map(|(c, _)| c.id.as_str()).collect();
            assert!(
                in_.iter().all(|c| ["c-reliability", "c-testing"].contains(c)),
                "{person}: {in_:?}"
            );
        }
        assert!(ws
            .communities
            .iter()
            .flat_map(|c| &c.cultivation.activities)
            .all(|a| a.activity_type_id.is_none()));
        let cases: Vec<&str> = ws
            .communities
            .iter()
            .flat_map(|c| {
                c.practice
                    .iter()
                    .filter(|r| r.kind_id.as_str() == "case")
                    .map(|_| c.id.as_str())
            })
            .collect();
        assert_eq!(cases, ["c-reliability"]);
        assert!(!ws.id_in_use(&Id::new("p-zoe")));
    }

    #[test]
    fn the_bank_runs_a_large_programme_at_every_stage() {
        let ws = sample_workspace();
        let harbour = Id::new("org-harbour");
        let bank: Vec<&Community> = ws
            .communities
            .iter()
            .filter(|c| c.organisation_ids == [harbour.clone()])
            .collect();
        assert_eq!(bank.len(), 12);
        let stages: HashSet<&str> = bank.iter().map(|c| c.lifecycle_stage_id.as_str()).collect();
        for stage in ws.catalogues.get(CatalogueKind::LifecycleStages) {
            assert!(stages.contains(stage.id.as_str()), "no community at {}", stage.id);
        }
        let formations: HashSet<&str> = bank.iter().map(|c| c.formation_type_id.as_str()).collect();
        assert!(formations.contains("chapter") && formations.contains("practice_group"));
        let with_history = bank.iter().filter(|c| !c.cultivation.stage_history.is_empty()).count();
        assert_eq!(with_history, 10);
        let moves: usize = bank
            .iter()
            .flat_map(|c| &c.memberships)
            .map(|m| m.history.len() - 1)
            .sum();
        assert!(moves >= 12, "{moves} level moves");
        let groups: HashSet<&str> = bank
            .iter()
            .flat_map(|c| &c.memberships)
            .flat_map(|m| &m.leadership_group_ids)
            .map(|g| g.as_str())
            .collect();
        assert_eq!(
            groups.len(),
            ws.catalogues.get(CatalogueKind::LeadershipGroups).len(),
            "every group is used"
        );
        let roles: HashSet<&str> = bank
            .iter()
            .flat_map(|c| &c.memberships)
            .flat_map(|m| &m.role_ids)
            .map(|r| r.as_str())
            .collect();
        for role in [
            "community_leader",
            "core_group_member",
            "welcome_wagon",
            "mentor",
            "sponsor",
            "social_learning_team_member",
            "practice_group_leader",
            "chapter_leader",
        ] {
            assert!(roles.contains(role), "nobody is {role}");
        }

        // Amara is plausibly overloaded: five communities, leading two, in three core groups.
        let amara_id = Id::new("p-amara");
        let amara: Vec<(&Community, &Membership)> = ws.memberships_of(&amara_id).collect();
        assert_eq!(amara.len(), 5);
        assert_eq!(amara.iter().filter(|(_, m)| leads(m)).count(), 2);
        assert_eq!(
            amara
                .iter()
                .filter(|(_, m)| m.level_id.as_str() == "core_group")
                .count(),
            3
        );

        let mobile = community(&ws, "c-mobile");
        assert_eq!(mobile.lifecycle_stage_id.as_str(), "transformation");
        assert_eq!(
            mobile.cultivation.transformation.as_ref().unwrap().mode_id.as_str(),
            "merged"
        );
    }

    #[test]
    fn some_communities_deliberately_show_warnings() {
        let ws = sample_workspace();
        let mainframe = community(&ws, "c-mainframe");
        assert!(warnings(&ws.catalogues, mainframe)[0].message.contains("ring is empty"));
        assert!(mainframe.memberships.iter().filter(|m| leads(m)).count() == 1);
        let circle = community(&ws, "c-data-quality");
        let core: Vec<&Membership> = circle
            .memberships
            .iter()
            .filter(|m| m.level_id.as_str() == "core_group")
            .collect();
        assert_eq!(core.len(), 1, "the leader is the whole core group");
        assert!(leads(core[0]));
        let risks: HashSet<&str> = ws
            .communities
            .iter()
            .flat_map(|c| &c.stewardship.health_checks)
            .flat_map(|h| &h.risks)
            .map(|r| r.as_str())
            .collect();
        assert!(risks.len() >= 8, "{risks:?}");
        assert!(risks.contains("single_leader"));
        // Healthy ones have two leaders.
        for id in ["c-security", "c-accessibility", "c-api", "c-cloud-cost", "c-agile"] {
            let n = community(&ws, id).memberships.iter().filter(|m| leads(m)).count();
            assert_eq!(n, 2, "{id}");
        }
    }

    #[test]
    fn cultivation_and_stewardship_records_give_every_page_content() {
        let ws = sample_workspace();
        let with = |f: &dyn Fn(&Community) -> bool| ws.communities.iter().filter(|c| f(c)).count();
        assert!(
            with(&|c| c.cultivation.maturity.len() >= 2) >= 2,
            "maturity comparisons"
        );
        assert!(with(&|c| !c.cultivation.maturity.is_empty()) >= 6);
        assert!(
            with(&|c| c.stewardship.health_checks.len() >= 2) >= 3,
            "health check changes"
        );
        assert!(with(&|c| !c.stewardship.health_checks.is_empty()) >= 7);
        assert!(with(&|c| !c.cultivation.onboarding.is_empty()) >= 5);
        assert!(with(&|c| !c.cultivation.activities.is_empty()) >= 9);
        assert!(with(&|c| !c.cultivation.stage_answers.is_empty()) >= 2);
        assert!(with(&|c| !c.stewardship.indicator_values.is_empty()) >= 5);
        let indicators: HashSet<&str> = ws
            .communities
            .iter()
            .flat_map(|c| &c.stewardship.indicator_values)
            .map(|v| v.indicator_id.as_str())
            .collect();
        assert_eq!(indicators, HashSet::from(["sponsor_engagement", "outside_requests"]));

        let all: Vec<&PlannedActivity> = ws.communities.iter().flat_map(|c| &c.cultivation.activities).collect();
        for (what, found) in [
            ("weekly", all.iter().any(|a| a.repeat == Repeat::Weekly)),
            ("fortnightly", all.iter().any(|a| a.repeat == Repeat::Fortnightly)),
            ("monthly", all.iter().any(|a| a.repeat == Repeat::MonthlyByWeekday)),
            ("monthly by date", all.iter().any(|a| a.repeat == Repeat::MonthlyByDate)),
            ("once", all.iter().any(|a| a.repeat == Repeat::Once)),
            ("ended", all.iter().any(|a| a.until.is_some())),
            ("exciting", all.iter().any(|a| a.feel == Feel::Exciting)),
            ("familiar", all.iter().any(|a| a.feel == Feel::Familiar)),
            ("asynchronous", all.iter().any(|a| a.mode == ActivityMode::Asynchronous)),
            ("synchronous", all.iter().any(|a| a.mode == ActivityMode::Synchronous)),
            (
                "still going",
                all.iter().any(|a| a.repeat != Repeat::Once && a.until.is_none()),
            ),
        ] {
            assert!(found, "no {what} activity");
        }

        // The young Cloud Cost Practitioners went through the wizard and saved a charter.
        let young = community(&ws, "c-cloud-cost");
        let f = &young.cultivation.forming;
        assert_eq!((f.strategic_links.len(), f.agenda.len()), (2, 3));
        assert!(!f.invited.is_empty() && !f.value_org_long.is_empty() && !f.publishable.is_empty());
        assert_eq!(young.cultivation.charters.len(), 1);
        assert_eq!(young.cultivation.charters[0].sections.len(), 10);
        let choice = young.stewardship.structure_choice.as_ref().unwrap();
        assert_eq!(
            choice.answers.len(),
            ws.catalogues.get(CatalogueKind::ChooserQuestions).len()
        );
        // The saved recommendation is the structure most answers fit.
        let mut fits: Vec<(usize, &str)> = ws
            .catalogues
            .get(CatalogueKind::StructureTypes)
            .iter()
            .map(|s| {
                let n = choice
                    .answers
                    .iter()
                    .filter(|a| {
                        ws.catalogues
                            .entry(CatalogueKind::ChooserOptions, &a.option_id)
                            .is_some_and(|o| o.points_to.contains(&s.id))
                    })
                    .count();
                (n, s.id.as_str())
            })
            .collect();
        fits.sort();
        assert_eq!(fits.last().unwrap().1, choice.recommended_id.as_str());
        assert!(fits[fits.len() - 2].0 < fits[fits.len() - 1].0, "no tie");
        // A potential community is half-way through the wizard, without a charter.
        let potential = community(&ws, "c-ml-risk");
        assert_eq!(potential.cultivation.forming.step, 2);
        assert!(potential.cultivation.charters.is_empty());
    }

    #[test]
    fn the_programme_has_readiness_checks_plans_and_peer_groups() {
        let ws = sample_workspace();
        let p = &ws.programme;
        assert_eq!(p.readiness_checks.len(), 2);
        let areas = ws.catalogues.get(CatalogueKind::ReadinessAreas).len();
        assert!(p.readiness_checks.iter().all(|r| r.scores.len() == areas));
        assert!(p.readiness_checks[0].on < p.readiness_checks[1].on);
        assert_ne!(
            p.readiness_checks[0].scores, p.readiness_checks[1].scores,
            "the change shows"
        );

        assert!(p.leader_plans.len() >= 8);
        let steps = p.leader_plans.iter().flat_map(|l| &l.steps);
        assert!(steps.clone().any(|s| s.status == StepStatus::Done));
        assert!(steps.clone().any(|s| s.status == StepStatus::Planned));
        assert!(p
            .leader_plans
            .iter()
            .any(|l| l.steps.iter().all(|s| s.status == StepStatus::Planned)));

        assert_eq!(p.peer_groups.len(), 2);
        for g in &p.peer_groups {
            let led: HashSet<&Id> = ws
                .communities
                .iter()
                .filter(|c| {
                    c.memberships
                        .iter()
                        .any(|m| g.member_ids.contains(&m.person_id) && leads(m))
                })
                .map(|c| &c.id)
                .collect();
            assert!(led.len() >= 3, "{} spans {} communities", g.name, led.len());
        }
        // Some leaders have no plan yet, so the leaders page has gaps to show.
        let leaders: HashSet<&Id> = ws
            .communities
            .iter()
            .flat_map(|c| &c.memberships)
            .filter(|m| leads(m))
            .map(|m| &m.person_id)
            .collect();
        let planned: HashSet<&Id> = p.leader_plans.iter().map(|l| &l.person_id).collect();
        assert!(planned.is_subset(&leaders));
        assert!(leaders.difference(&planned).count() >= 3);
    }

    #[test]
    fn the_sample_is_the_same_every_time() {
        assert_eq!(sample_workspace(), sample_workspace());
    }
}
