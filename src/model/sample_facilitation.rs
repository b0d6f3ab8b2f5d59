//! The sample workspace's meetings: designed, run and recorded, so that the Facilitate
//! area and the evaluation built on it have something to show. Built with the workspace
//! operations, so the data is valid by construction. The Reliability Guild and the Test
//! Automation Chapter have no meetings: end-to-end tests start from them blank. Nothing
//! here names Hana or Joy, whose records other tests edit.

use chrono::NaiveDate;

use super::facilitation::HarvestKind;
use super::ids::Id;
use super::meetings::{BlockDraft, FollowUpDraft, HarvestDraft, MeetingDraft};
use super::workspace::{ModelResult, Timestamp, Workspace};

fn ok<T: std::fmt::Debug>(r: ModelResult<T>, what: &str) {
    debug_assert!(r.is_ok(), "sample meetings: {what}: {r:?}");
}

fn ids(list: &[&str]) -> Vec<Id> {
    list.iter().map(|s| Id::new(*s)).collect()
}

/// An agenda block: id, title, format, minutes, facilitator, notes.
type Block<'a> = (&'a str, &'a str, Option<&'a str>, u32, Option<&'a str>, &'a str);

struct Plan<'a> {
    community: &'a str,
    id: &'a str,
    title: &'a str,
    purpose: &'a str,
    on: &'a str,
    at: &'a str,
    slot: u32,
    location: &'a str,
    topics: &'a [&'a str],
    types: &'a [&'a str],
    blocks: &'a [Block<'a>],
    roles: &'a [(&'a str, &'a str)],
    checklist: &'a [&'a str],
}

fn design(ws: &mut Workspace, p: &Plan<'_>, t0: Timestamp) {
    let c = Id::new(p.community);
    let m = Id::new(p.id);
    let draft = MeetingDraft {
        title: p.title.into(),
        purpose: p.purpose.into(),
        on: p.on.into(),
        start_time: p.at.into(),
        slot_minutes: p.slot.to_string(),
        location: p.location.into(),
        agenda_topic_ids: ids(p.topics),
        activity_type_ids: ids(p.types),
    };
    ok(ws.add_meeting(&c, m.clone(), &draft, t0), p.id);
    for (id, title, format, minutes, who, notes) in p.blocks {
        let b = BlockDraft {
            title: (*title).into(),
            format_id: format.map(Id::new),
            minutes: minutes.to_string(),
            facilitator_id: who.map(Id::new),
            notes: (*notes).into(),
            materials: String::new(),
        };
        ok(ws.add_block(&c, &m, Id::new(*id), &b, t0), id);
    }
    for (person, group) in p.roles {
        ok(
            ws.set_meeting_role(&c, &m, &Id::new(*person), Some(&Id::new(*group)), t0),
            person,
        );
    }
    for item in p.checklist {
        ok(ws.set_checklist_item(&c, &m, &Id::new(*item), true, t0), item);
    }
}

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A held meeting's record: attendance, guests, harvest `(id, kind, text, repertoire)` and
/// follow-ups `(id, who, what, due, done)`.
#[allow(clippy::too_many_arguments)]
fn record(
    ws: &mut Workspace,
    community: &str,
    meeting: &str,
    attended: &[&str],
    guests: &[&str],
    harvest: &[(&str, HarvestKind, &str, Option<&str>)],
    follow_ups: &[(&str, &str, &str, &str, &str)],
    notes: &str,
    t0: Timestamp,
) {
    let (c, m) = (Id::new(community), Id::new(meeting));
    for p in attended {
        ok(ws.set_attendance(&c, &m, &Id::new(*p), true, t0), p);
    }
    for g in guests {
        ok(ws.add_guest(&c, &m, g, t0), g);
    }
    for (id, kind, text, item) in harvest {
        let h = HarvestDraft {
            kind: *kind,
            text: (*text).into(),
            repertoire_item_id: item.map(Id::new),
        };
        ok(ws.add_harvest(&c, &m, Id::new(*id), &h, t0), id);
    }
    for (id, who, what, due, done) in follow_ups {
        let f = FollowUpDraft {
            person_id: Some(Id::new(*who)),
            what: (*what).into(),
            due_on: (*due).into(),
        };
        ok(ws.add_follow_up(&c, &m, Id::new(*id), &f, t0), id);
        if let Some(done) = d(done) {
            ok(ws.set_follow_up_done(&c, &m, &Id::new(*id), Some(done), t0), id);
        }
    }
    if !notes.is_empty() {
        ok(ws.set_record_notes(&c, &m, notes, t0), meeting);
    }
}

/// Adds the sample meetings.
pub(super) fn add_meetings(ws: &mut Workspace, t0: Timestamp) {
    // Security Champions Network: a clinic held in December, recorded, and the next
    // meeting designed.
    design(
        ws,
        &Plan {
            community: "c-security",
            id: "mt-s1",
            title: "Champions' clinic: secrets in pipelines",
            purpose: "Help two champions with live cases about secrets leaking through build pipelines, and share the rotation script.",
            on: "2025-12-10",
            at: "14:00",
            slot: 90,
            location: "https://meet.example.org/security-champions",
            topics: &[],
            types: &["problem_solving", "reusing_assets", "growing_confidence"],
            blocks: &[
                ("bl-s1-1", "Check-in and news", Some("check_in_and_news"), 10, Some("p-wen"), "One minute each: a security development from your team."),
                ("bl-s1-2", "Case clinic: the token in the build log", Some("case_clinic"), 45, Some("p-oscar"), "Case giver: Hugo. Keep advice until the third step."),
                ("bl-s1-3", "Show-and-tell: the rotation script", Some("show_and_tell"), 20, Some("p-nadia"), ""),
                ("bl-s1-4", "Harvest and close", Some("harvest_and_close"), 15, Some("p-nadia"), ""),
            ],
            roles: &[
                ("p-nadia", "value_detectives"),
                ("p-oscar", "critical_friends"),
                ("p-wen", "community_keepers"),
                ("p-hugo", "social_reporters"),
                ("p-zofia", "agenda_activists"),
            ],
            checklist: &[
                "formats_chosen",
                "room_for_peripheral",
                "leadership_groups_assigned",
                "invitation_sent",
                "logistics_ready",
                "case_givers_briefed",
                "welcome_and_norms",
                "timekeeping",
                "harvest_captured",
                "follow_ups_agreed",
                "record_written",
                "notes_shared",
            ],
        },
        t0,
    );
    record(
        ws,
        "c-security",
        "mt-s1",
        &["p-nadia", "p-oscar", "p-hugo", "p-wen", "p-zofia", "p-amara"],
        &["Priya Raman (cloud platform team)"],
        &[
            ("hv-s1-1", HarvestKind::Insight, "Most leaks we have seen came from debug logging, not from code: scrub logs at the runner, not in each job.", None),
            ("hv-s1-2", HarvestKind::Resource, "The rotation script, with a runbook for the payments team's setup.", Some("r-s4")),
            ("hv-s1-3", HarvestKind::Resource, "The threat model starter kit now has a pipeline section.", Some("r-s1")),
            ("hv-s1-4", HarvestKind::Question, "Who owns secrets for shared service accounts? Nobody in the room knew.", None),
        ],
        &[
            ("fu-s1-1", "p-hugo", "Turn on log scrubbing on the payments runners", "2026-01-16", "2026-01-14"),
            ("fu-s1-2", "p-wen", "Run a threat-model session on her squad's pipeline, using the new section", "2026-02-13", ""),
            ("fu-s1-3", "p-nadia", "Ask the platform team who owns shared service-account secrets", "2026-01-09", ""),
        ],
        "Zofia's first clinic; she asked to join the agenda activists.",
        t0,
    );
    design(
        ws,
        &Plan {
            community: "c-security",
            id: "mt-s2",
            title: "Threat modelling café",
            purpose: "Practise threat modelling on three real services in small groups, and map which teams still have no champion.",
            on: "2026-02-11",
            at: "14:00",
            slot: 120,
            location: "Harbour House, room 3.12",
            topics: &[],
            types: &["mapping_knowledge", "problem_solving"],
            blocks: &[
                ("bl-s2-1", "Welcome and norms", Some("check_in_and_news"), 10, Some("p-wen"), ""),
                ("bl-s2-2", "World café on three services", Some("world_cafe"), 60, Some("p-oscar"), "Tables: payments, onboarding, statements."),
                ("bl-s2-3", "Who has no champion yet?", Some("knowledge_mapping"), 30, Some("p-nadia"), ""),
                ("bl-s2-4", "Harvest and close", Some("harvest_and_close"), 15, Some("p-nadia"), ""),
            ],
            roles: &[("p-nadia", "value_detectives"), ("p-oscar", "critical_friends"), ("p-zofia", "agenda_activists")],
            checklist: &["formats_chosen", "room_for_peripheral"],
        },
        t0,
    );

    // Cloud Cost Practitioners: the first working meeting on the learning agenda, designed.
    design(
        ws,
        &Plan {
            community: "c-cloud-cost",
            id: "mt-cc1",
            title: "Tagging: three teams compared",
            purpose:
                "See how three product teams tag their cloud resources, and agree what a shared minimum would need.",
            on: "2026-01-22",
            at: "16:00",
            slot: 45,
            location: "https://meet.example.org/cloud-cost",
            topics: &["ag-cc-1"],
            types: &["seeking_experience", "coordination_and_synergy"],
            blocks: &[
                (
                    "bl-cc1-1",
                    "Three tagging schemes",
                    Some("models_of_practice"),
                    25,
                    Some("p-tomas"),
                    "Five minutes per team, then compare.",
                ),
                (
                    "bl-cc1-2",
                    "What would a shared minimum need?",
                    Some("fishbowl"),
                    15,
                    Some("p-uma"),
                    "",
                ),
                ("bl-cc1-3", "Follow-ups", None, 5, Some("p-uma"), ""),
            ],
            roles: &[
                ("p-tomas", "agenda_activists"),
                ("p-uma", "value_detectives"),
                ("p-amara", "social_reporters"),
            ],
            checklist: &["purpose_tied_to_agenda", "formats_chosen", "invitation_sent"],
        },
        t0,
    );

    // Frontline Negotiators' Circle: a peer circle held in December.
    design(
        ws,
        &Plan {
            community: "c-negotiators",
            id: "mt-n1",
            title: "Peer circle: access at checkpoints",
            purpose: "Work through an anonymised case of negotiating access at a checkpoint, using the planning grid.",
            on: "2025-12-17",
            at: "13:00",
            slot: 90,
            location: "Secure video call (link sent to members)",
            topics: &[],
            types: &["seeking_experience", "growing_confidence"],
            blocks: &[
                (
                    "bl-n1-1",
                    "Check-in",
                    Some("check_in_and_news"),
                    10,
                    Some("p-kofi"),
                    "Recall the norms: what is said here may be used, never who said it.",
                ),
                ("bl-n1-2", "Trios on the case", Some("trios"), 50, Some("p-kofi"), ""),
                ("bl-n1-3", "What the grid missed", None, 20, Some("p-lena"), ""),
                (
                    "bl-n1-4",
                    "Harvest and close",
                    Some("harvest_and_close"),
                    10,
                    Some("p-kofi"),
                    "",
                ),
            ],
            roles: &[
                ("p-kofi", "community_keepers"),
                ("p-ivan", "critical_friends"),
                ("p-lena", "social_reporters"),
            ],
            checklist: &["welcome_and_norms", "every_voice", "harvest_captured", "record_written"],
        },
        t0,
    );
    record(
        ws,
        "c-negotiators",
        "mt-n1",
        &["p-kofi", "p-ivan", "p-lena"],
        &[],
        &[
            ("hv-n1-1", HarvestKind::Insight, "The grid works for the first contact but not for the follow-up visit; add a column for commitments made.", Some("r-n1")),
            ("hv-n1-2", HarvestKind::Question, "How do we share lessons with headquarters without identifying the operation?", None),
        ],
        &[
            ("fu-n1-1", "p-lena", "Draft the commitments column for the planning grid", "2026-01-09", "2026-01-08"),
            ("fu-n1-2", "p-ivan", "Test the revised grid before the next field visit", "2026-01-30", ""),
        ],
        "",
        t0,
    );
}
