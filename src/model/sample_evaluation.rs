//! The sample workspace's evaluation: value-creation plans, indicators with observations
//! (entered by hand and computed), stories at each consent level, one aspirational story due
//! for follow-up, and a reflection. Built with the workspace operations, so the data is valid
//! by construction. The Reliability Guild and the Test Automation Chapter get nothing: the
//! end-to-end tests start from them blank. Stories link to the sample meetings when those
//! exist (the Facilitate sample adds them first).

use chrono::NaiveDate;

use super::evaluation::{
    Aspiration, Collection, Consent, DerivedMeasure, IndicatorKind, StoryStatus, StoryStep, Verification,
};
use super::ids::Id;
use super::value::{IndicatorDraft, ObservationDraft, PlanDraft, ReflectionDraft, StoryDraft};
use super::workspace::{ModelResult, Timestamp, Workspace};

fn ok<T: std::fmt::Debug>(r: ModelResult<T>, what: &str) {
    debug_assert!(r.is_ok(), "sample evaluation: {what}: {r:?}");
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn asp(cycle: &str, text: &str, who: &str) -> Aspiration {
    Aspiration {
        cycle_id: Id::new(cycle),
        text: text.into(),
        stakeholders: who.into(),
    }
}

fn steps(list: &[(&str, &str)]) -> Vec<StoryStep> {
    list.iter()
        .map(|(c, t)| StoryStep {
            cycle_id: Id::new(*c),
            text: (*t).into(),
        })
        .collect()
}

/// (id, cycle, name, unit, kind, source, target, derived, description)
type IndicatorSpec<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    IndicatorKind,
    &'a str,
    &'a str,
    Option<DerivedMeasure>,
    &'a str,
);

fn indicators(ws: &mut Workspace, c: &Id, list: &[IndicatorSpec<'_>], t0: Timestamp) {
    for (id, cycle, name, unit, kind, source, target, derived, desc) in list {
        let draft = IndicatorDraft {
            cycle_id: Id::new(*cycle),
            name: (*name).into(),
            unit: (*unit).into(),
            kind: *kind,
            source: (*source).into(),
            target: (*target).into(),
            derived: *derived,
            description: (*desc).into(),
        };
        ok(ws.add_value_indicator(c, Id::new(*id), &draft, t0), id);
    }
}

fn observe(
    ws: &mut Workspace,
    c: &Id,
    list: &[(&str, &str, NaiveDate, &str, &str, &str)],
    today: NaiveDate,
    t0: Timestamp,
) {
    for (id, ind, on, value, text, source) in list {
        let draft = ObservationDraft {
            indicator_id: Id::new(*ind),
            on: on.to_string(),
            value: (*value).into(),
            text: (*text).into(),
            source: (*source).into(),
        };
        ok(ws.add_observation(c, Id::new(*id), &draft, today, t0), id);
    }
}

/// The recorded meeting of a community with this id, if the sample has it.
fn meeting(ws: &Workspace, c: &Id, id: &str) -> Vec<Id> {
    ws.community(c)
        .and_then(|c| c.facilitation.meetings.iter().find(|m| m.id.as_str() == id))
        .map(|m| vec![m.id.clone()])
        .unwrap_or_default()
}

/// Adds the sample evaluation records.
pub(super) fn add_evaluation(ws: &mut Workspace, t0: Timestamp) {
    add_circle(ws, t0);
    add_security(ws, t0);
}

/// The negotiators' circle: the full picture, with stories at every consent level.
fn add_circle(ws: &mut Workspace, t0: Timestamp) {
    let today = d(2026, 1, 12);
    let c = Id::new("c-negotiators");
    if ws.community(&c).is_none() {
        return;
    }
    use IndicatorKind::{Qualitative as Ql, Quantitative as Qn};
    indicators(
        ws,
        &c,
        &[
            (
                "ind-n-attendance",
                "immediate",
                "Attendance at peer circles",
                "people",
                Qn,
                "Computed from the workspace",
                "8",
                Some(DerivedMeasure::Attendance),
                DerivedMeasure::Attendance.help(),
            ),
            (
                "ind-n-active",
                "immediate",
                "Active members",
                "people",
                Qn,
                "Computed from the workspace",
                "",
                Some(DerivedMeasure::ActiveMembers),
                DerivedMeasure::ActiveMembers.help(),
            ),
            (
                "ind-n-useful",
                "immediate",
                "Sessions rated useful",
                "%",
                Qn,
                "Pulse survey after each peer circle",
                "80",
                None,
                "Share of participants who rate the session useful or very useful.",
            ),
            (
                "ind-n-cases",
                "potential",
                "Cases written up for the field manual",
                "cases",
                Qn,
                "The field manual's change log",
                "6",
                None,
                "Negotiation cases written up and reviewed by two peers.",
            ),
            (
                "ind-n-repertoire",
                "potential",
                "Repertoire items added",
                "items",
                Qn,
                "Computed from the workspace",
                "",
                Some(DerivedMeasure::RepertoireItemsAdded),
                DerivedMeasure::RepertoireItemsAdded.help(),
            ),
            (
                "ind-n-grid-use",
                "applied",
                "Planning grid used before negotiations",
                "",
                Ql,
                "Follow-up calls one month after each circle",
                "",
                None,
                "Where members used the negotiation planning grid, in their words.",
            ),
            (
                "ind-n-follow-ups",
                "applied",
                "Follow-ups done",
                "follow-ups",
                Qn,
                "Computed from the workspace",
                "",
                Some(DerivedMeasure::FollowUpsDone),
                DerivedMeasure::FollowUpsDone.help(),
            ),
            (
                "ind-n-access-days",
                "realized",
                "Days of humanitarian access gained",
                "days",
                Qn,
                "Agencies' access logs",
                "30",
                None,
                "Days of access to communities negotiated by members, as logged by their agencies.",
            ),
            (
                "ind-n-briefings",
                "strategic",
                "Agency heads briefed on lessons",
                "",
                Ql,
                "Notes of the quarterly sponsor call",
                "",
                None,
                "Lessons from the circle taken up by the heads of the three agencies.",
            ),
        ],
        t0,
    );
    observe(
        ws,
        &c,
        &[
            (
                "obs-n-u1",
                "ind-n-useful",
                d(2025, 9, 30),
                "72",
                "",
                "Pulse survey, September",
            ),
            (
                "obs-n-u2",
                "ind-n-useful",
                d(2025, 10, 31),
                "78",
                "",
                "Pulse survey, October",
            ),
            (
                "obs-n-u3",
                "ind-n-useful",
                d(2025, 11, 30),
                "85",
                "Two new members joined the circle",
                "Pulse survey, November",
            ),
            (
                "obs-n-u4",
                "ind-n-useful",
                d(2025, 12, 31),
                "81",
                "",
                "Pulse survey, December",
            ),
            (
                "obs-n-c1",
                "ind-n-cases",
                d(2025, 9, 30),
                "2",
                "",
                "Field manual change log",
            ),
            (
                "obs-n-c2",
                "ind-n-cases",
                d(2025, 11, 30),
                "3",
                "",
                "Field manual change log",
            ),
            (
                "obs-n-c3",
                "ind-n-cases",
                d(2026, 1, 9),
                "5",
                "",
                "Field manual change log",
            ),
            (
                "obs-n-g1",
                "ind-n-grid-use",
                d(2025, 10, 20),
                "",
                "Used by two members to prepare checkpoint negotiations in the north.",
                "Follow-up calls",
            ),
            (
                "obs-n-g2",
                "ind-n-grid-use",
                d(2025, 12, 19),
                "",
                "Adapted by FoodNet for convoy negotiations; a Spanish version is in progress.",
                "Follow-up calls",
            ),
            (
                "obs-n-a1",
                "ind-n-access-days",
                d(2025, 10, 31),
                "12",
                "",
                "Access logs, Q3",
            ),
            (
                "obs-n-a2",
                "ind-n-access-days",
                d(2025, 12, 31),
                "21",
                "",
                "Access logs, Q4",
            ),
            (
                "obs-n-b1",
                "ind-n-briefings",
                d(2025, 12, 5),
                "",
                "Heads of mission of two agencies asked for the checkpoint lessons to be added to their induction.",
                "Sponsor call notes",
            ),
        ],
        today,
        t0,
    );
    let plan = PlanDraft {
        from: "2025-07-01".into(),
        to: "2026-06-30".into(),
        note: "Agreed with the core group and the three agencies' learning leads in June 2025.".into(),
        aspirations: vec![
            asp(
                "immediate",
                "Monthly peer circles where members bring live negotiations and leave with practical ideas.",
                "members",
            ),
            asp(
                "potential",
                "A field manual of reviewed cases and tools members trust.",
                "members, new field staff",
            ),
            asp(
                "applied",
                "Members use the planning grid before difficult negotiations.",
                "members and their teams",
            ),
            asp(
                "realized",
                "More days of safe access to communities in need.",
                "affected communities, the agencies",
            ),
            asp(
                "transformative",
                "The agencies rethink how they prepare staff for frontline negotiation.",
                "agency heads",
            ),
            asp(
                "strategic",
                "Agency heads draw on the circle's lessons in their own decisions.",
                "heads of mission, sponsors",
            ),
        ],
        collection: vec![
            Collection {
                indicator_id: Id::new("ind-n-useful"),
                data_source: "Pulse survey after each circle".into(),
                collector_id: Some(Id::new("p-kofi")),
                schedule: "Monthly".into(),
            },
            Collection {
                indicator_id: Id::new("ind-n-cases"),
                data_source: "Field manual change log".into(),
                collector_id: Some(Id::new("p-kofi")),
                schedule: "Every two months".into(),
            },
            Collection {
                indicator_id: Id::new("ind-n-grid-use"),
                data_source: "Follow-up calls".into(),
                collector_id: Some(Id::new("p-lena")),
                schedule: "One month after each circle".into(),
            },
            Collection {
                indicator_id: Id::new("ind-n-access-days"),
                data_source: "Agencies' access logs".into(),
                collector_id: Some(Id::new("p-ivan")),
                schedule: "Quarterly".into(),
            },
            Collection {
                indicator_id: Id::new("ind-n-attendance"),
                data_source: "Meeting records".into(),
                collector_id: None,
                schedule: "After every circle".into(),
            },
        ],
    };
    ok(ws.add_value_plan(&c, Id::new("plan-n-2025"), &plan, t0), "plan");

    let circle = meeting(ws, &c, "mt-n1");
    let story = |title: &str, teller: Option<&str>, name: &str, told: NaiveDate, start: &str| StoryDraft {
        title: title.into(),
        teller_id: teller.map(Id::new),
        teller_name: name.into(),
        told_on: told.to_string(),
        ..StoryDraft::new(&Id::new(start), told)
    };
    let s1 = StoryDraft {
        steps: steps(&[
            ("immediate", "At the September circle, Kofi walked us through the planning grid using a checkpoint case from another region."),
            ("potential", "I left with the grid and, more than that, the habit of mapping the other side's interests before I map our demands."),
            ("applied", "I filled in the grid with my team before the northern checkpoint talks and changed our opening: we started from the commander's concern about convoys being used for smuggling."),
            ("realized", "We agreed inspections at the checkpoint instead of closures. Our access log shows nine more days of access that quarter."),
        ]),
        verification: Verification::Corroborated,
        consent: Consent::Organisation,
        repertoire_item_ids: vec![Id::new("r-n1")],
        indicator_ids: vec![Id::new("ind-n-access-days"), Id::new("ind-n-grid-use")],
        meeting_ids: circle.clone(),
        ..story("The planning grid at the northern checkpoint", Some("p-ivan"), "", d(2025, 12, 18), "immediate")
    };
    ok(ws.add_story(&c, Id::new("story-n-grid"), &s1, today, t0), "story grid");
    let s2 = StoryDraft {
        steps: steps(&[
            (
                "immediate",
                "A ten-minute call with a peer the night before a negotiation I was dreading.",
            ),
            (
                "potential",
                "Confidence, and two questions to ask instead of a position to defend.",
            ),
            (
                "applied",
                "I opened with the questions. The conversation stayed open for the first time in weeks.",
            ),
        ]),
        verification: Verification::SelfReported,
        consent: Consent::Public,
        ..story(
            "A peer call the night before",
            None,
            "A field coordinator (guest)",
            d(2025, 11, 6),
            "immediate",
        )
    };
    ok(ws.add_story(&c, Id::new("story-n-call"), &s2, today, t0), "story call");
    let s3 = StoryDraft {
        steps: steps(&[
            (
                "applied",
                "Contacts made through the circle let us reach the commander at the river crossing directly.",
            ),
            ("realized", "A ceasefire window of six hours for a medical evacuation."),
        ]),
        verification: Verification::Corroborated,
        consent: Consent::Community,
        ..story(
            "Confidential: the river crossing contacts",
            Some("p-lena"),
            "",
            d(2025, 10, 14),
            "applied",
        )
    };
    ok(
        ws.add_story(&c, Id::new("story-n-river"), &s3, today, t0),
        "story river",
    );
    let s4 = StoryDraft {
        steps: steps(&[
            (
                "immediate",
                "The December circle compared how three agencies negotiate convoy access.",
            ),
            (
                "potential",
                "A shared version of the grid for convoys, drafted with FoodNet colleagues.",
            ),
            (
                "applied",
                "Intended: FoodNet convoy leads use the grid before each crossing in January.",
            ),
            ("realized", "Intended: fewer convoys turned back at crossings."),
        ]),
        status: StoryStatus::Aspirational,
        follow_up_on: "2026-01-05".into(),
        verification: Verification::SelfReported,
        consent: Consent::Organisation,
        repertoire_item_ids: vec![Id::new("r-n1")],
        meeting_ids: circle,
        ..story(
            "Convoy crossings with the shared grid",
            Some("p-kofi"),
            "",
            d(2025, 12, 17),
            "immediate",
        )
    };
    ok(
        ws.add_story(&c, Id::new("story-n-convoy"), &s4, today, t0),
        "story convoy",
    );

    let reflection = ReflectionDraft {
        on: "2026-01-10".into(),
        achieved: "The circle meets every month with a steady core; the planning grid has spread to all three agencies and the field manual has five reviewed cases.".into(),
        challenges: "Two core members rotate to new missions this spring. Realized value is hard to show without agencies sharing their access logs.".into(),
        decisions: "Stay in stewardship: renew the core group before the rotation, and agree access-log sharing with the sponsors.".into(),
        stage_id: Some(Id::new("stewardship")),
    };
    ok(
        ws.add_reflection(&c, Id::new("refl-n-2026-01"), &reflection, today, t0),
        "reflection",
    );
}

/// The Security Champions Network: a short plan, two indicators and a public story.
fn add_security(ws: &mut Workspace, t0: Timestamp) {
    let today = d(2026, 1, 12);
    let c = Id::new("c-security");
    if ws.community(&c).is_none() {
        return;
    }
    indicators(
        ws,
        &c,
        &[
            (
                "ind-s-attendance",
                "immediate",
                "Clinic attendance",
                "people",
                IndicatorKind::Quantitative,
                "Computed from the workspace",
                "10",
                Some(DerivedMeasure::Attendance),
                DerivedMeasure::Attendance.help(),
            ),
            (
                "ind-s-secrets",
                "realized",
                "Secrets found in pipelines",
                "findings",
                IndicatorKind::Quantitative,
                "Secret-scanning dashboard",
                "",
                None,
                "Findings of the secret scanner across the bank's pipelines; fewer is better.",
            ),
        ],
        t0,
    );
    observe(
        ws,
        &c,
        &[
            (
                "obs-s-1",
                "ind-s-secrets",
                d(2025, 10, 31),
                "41",
                "",
                "Secret-scanning dashboard",
            ),
            (
                "obs-s-2",
                "ind-s-secrets",
                d(2025, 11, 30),
                "33",
                "",
                "Secret-scanning dashboard",
            ),
            (
                "obs-s-3",
                "ind-s-secrets",
                d(2025, 12, 31),
                "19",
                "After the clinic's checklist was adopted",
                "Secret-scanning dashboard",
            ),
        ],
        today,
        t0,
    );
    let plan = PlanDraft {
        from: "2025-10-01".into(),
        to: "2026-09-30".into(),
        note: String::new(),
        aspirations: vec![
            asp(
                "immediate",
                "Clinics where champions bring real findings from their teams.",
                "security champions",
            ),
            asp(
                "realized",
                "Fewer secrets leaked into pipelines.",
                "the CISO, delivery teams",
            ),
        ],
        collection: vec![Collection {
            indicator_id: Id::new("ind-s-secrets"),
            data_source: "Secret-scanning dashboard".into(),
            collector_id: None,
            schedule: "Monthly".into(),
        }],
    };
    ok(
        ws.add_value_plan(&c, Id::new("plan-s-2025"), &plan, t0),
        "security plan",
    );
    let told = d(2025, 12, 15);
    let s = StoryDraft {
        title: "A checklist that travelled".into(),
        teller_name: "A payments team lead".into(),
        steps: steps(&[
            (
                "immediate",
                "The December clinic worked through three real leaks, anonymised.",
            ),
            ("potential", "A one-page checklist for rotating a leaked secret."),
            (
                "applied",
                "Our team added the checklist to our incident runbook the next day.",
            ),
            (
                "realized",
                "The next leak was rotated in forty minutes instead of two days.",
            ),
        ]),
        verification: Verification::Corroborated,
        consent: Consent::Public,
        meeting_ids: meeting(ws, &c, "mt-s1"),
        indicator_ids: vec![Id::new("ind-s-secrets")],
        ..StoryDraft::new(&Id::new("immediate"), told)
    };
    ok(
        ws.add_story(&c, Id::new("story-s-checklist"), &s, today, t0),
        "security story",
    );
}
