//! Property tests: random sequences of operations keep a workspace sound, and every sound
//! workspace survives export and import unchanged, with deterministic bytes.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use cultivate::model::*;
use cultivate::storage::format::*;
use proptest::prelude::*;

// ----- operations -----

/// Chooses one of the records present when the operation runs (modulo their number).
#[derive(Clone, Copy, Debug)]
struct Pick(usize);

impl Pick {
    fn of<T: Clone>(self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.0 % items.len()].clone())
    }
}

#[derive(Clone, Debug)]
enum Op {
    AddOrg {
        name: String,
        description: String,
    },
    AddPerson {
        name: String,
        email: String,
        org: Option<Pick>,
        title: String,
        notes: String,
    },
    UpdatePerson {
        person: Pick,
        name: String,
        org: Option<Pick>,
    },
    AddCommunity {
        name: String,
        formation: Pick,
        stage: Pick,
        orgs: Vec<Pick>,
        statement: String,
    },
    AddKeyIssue {
        community: Pick,
        text: String,
    },
    AddMembership {
        community: Pick,
        person: Pick,
        level: Pick,
        roles: Vec<Pick>,
        joined: u16,
    },
    ChangeLevel {
        community: Pick,
        membership: Pick,
        level: Pick,
        days_after: i16,
        reason: String,
    },
    SetRoles {
        community: Pick,
        membership: Pick,
        roles: Vec<Pick>,
    },
    AddItem {
        community: Pick,
        title: String,
        kind: Pick,
        description: String,
        link: &'static str,
    },
    RemoveMembership {
        community: Pick,
        membership: Pick,
    },
    DeletePerson {
        person: Pick,
    },
    DeleteOrg {
        org: Pick,
    },
    DeleteCommunity {
        community: Pick,
    },
    AddCatalogueEntry {
        kind: Pick,
        label: String,
        description: String,
    },
    RenameCatalogueEntry {
        kind: Pick,
        entry: Pick,
        label: String,
    },
    DeleteCatalogueEntry {
        kind: Pick,
        entry: Pick,
    },
}

const LINKS: [&str; 9] = [
    "",
    "https://example.org/a?b=c&d=<e>\"f\"",
    "mailto:team@example.org",
    "HTTP://EXAMPLE.ORG",
    "  https://example.org/padded  ",
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "example.org/no-scheme",
];

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][A-Za-z0-9 '\"<>&/]{0,30}",
        3 => "\\PC{1,40}",
        1 => Just("<script>alert(\"x\")</script>".to_string()),
        1 => Just("O'Brien \"Bob\" & <Sons>".to_string()),
        1 => Just("\u{e01}".repeat(200)),
        1 => Just("\u{1f600}".repeat(200)),
        1 => Just(" ".to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "(?s).{0,60}",
        1 => Just("</textarea><img src=x onerror=alert(1)>".to_string()),
        1 => Just("line one\nline two\r\n\ttabbed \\ backslash \u{0} nul".to_string()),
        1 => Just(String::new()),
    ]
}

fn email() -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(String::new()), 3 => "[a-z]{1,8}@example\\.org", 1 => Just("not an email".to_string())]
}

fn op() -> impl Strategy<Value = Op> {
    let i = || (0usize..1000).prop_map(Pick);
    prop_oneof![
        3 => (name(), text()).prop_map(|(name, description)| Op::AddOrg { name, description }),
        4 => (name(), email(), proptest::option::of(i()), text(), text())
            .prop_map(|(name, email, org, title, notes)| Op::AddPerson { name, email, org, title, notes }),
        1 => (i(), name(), proptest::option::of(i())).prop_map(|(person, name, org)| Op::UpdatePerson { person, name, org }),
        3 => (name(), i(), i(), prop::collection::vec(i(), 0..3), text())
            .prop_map(|(name, formation, stage, orgs, statement)| Op::AddCommunity { name, formation, stage, orgs, statement }),
        1 => (i(), name()).prop_map(|(community, text)| Op::AddKeyIssue { community, text }),
        10 => (i(), i(), i(), prop::collection::vec(i(), 0..3), 0u16..2000)
            .prop_map(|(community, person, level, roles, joined)| Op::AddMembership { community, person, level, roles, joined }),
        8 => (i(), i(), i(), -30i16..400, text())
            .prop_map(|(community, membership, level, days_after, reason)| Op::ChangeLevel { community, membership, level, days_after, reason }),
        1 => (i(), i(), prop::collection::vec(i(), 0..4)).prop_map(|(community, membership, roles)| Op::SetRoles { community, membership, roles }),
        3 => (i(), name(), i(), text(), prop::sample::select(&LINKS[..]))
            .prop_map(|(community, title, kind, description, link)| Op::AddItem { community, title, kind, description, link }),
        1 => (i(), i()).prop_map(|(community, membership)| Op::RemoveMembership { community, membership }),
        1 => i().prop_map(|person| Op::DeletePerson { person }),
        1 => i().prop_map(|org| Op::DeleteOrg { org }),
        1 => i().prop_map(|community| Op::DeleteCommunity { community }),
        1 => (i(), name(), text()).prop_map(|(kind, label, description)| Op::AddCatalogueEntry { kind, label, description }),
        1 => (i(), i(), name()).prop_map(|(kind, entry, label)| Op::RenameCatalogueEntry { kind, entry, label }),
        1 => (i(), i()).prop_map(|(kind, entry)| Op::DeleteCatalogueEntry { kind, entry }),
    ]
}

fn t0() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().expect("valid time")
}

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid date")
}

fn pick<T: Clone>(items: &[T], i: &Pick) -> Option<T> {
    i.of(items)
}

fn catalogue_ids(ws: &Workspace, kind: CatalogueKind) -> Vec<Id> {
    ws.catalogues.get(kind).iter().map(|e| e.id.clone()).collect()
}

/// Applies `op` with a fresh id and clock tick `n`. Refusals are fine (and expected for
/// some inputs); the return value says whether the operation went through.
fn apply(ws: &mut Workspace, op: &Op, n: usize) -> bool {
    let now = t0() + Duration::seconds(n as i64 + 1);
    let fresh = Id::new(format!("r{n}"));
    let orgs: Vec<Id> = ws.organisations.iter().map(|o| o.id.clone()).collect();
    let people: Vec<Id> = ws.people.iter().map(|p| p.id.clone()).collect();
    let communities: Vec<Id> = ws.communities.iter().map(|c| c.id.clone()).collect();
    let memberships_of = |ws: &Workspace, c: &Id| -> Vec<Id> {
        ws.community(c)
            .map(|c| c.memberships.iter().map(|m| m.id.clone()).collect())
            .unwrap_or_default()
    };
    let kind_of = |i: &Pick| CatalogueKind::ALL[i.0 % CatalogueKind::ALL.len()];
    let result = match op {
        Op::AddOrg { name, description } => ws.add_organisation(
            fresh,
            &OrganisationDraft {
                name: name.clone(),
                description: description.clone(),
            },
            now,
        ),
        Op::AddPerson {
            name,
            email,
            org,
            title,
            notes,
        } => {
            let draft = PersonDraft {
                name: name.clone(),
                email: email.clone(),
                organisation_id: org.as_ref().and_then(|i| pick(&orgs, i)),
                title: title.clone(),
                notes: notes.clone(),
            };
            ws.add_person(fresh, &draft, now)
        }
        Op::UpdatePerson { person, name, org } => {
            let Some(pid) = pick(&people, person) else { return false };
            let old = ws.person(&pid).cloned().expect("listed person exists");
            let draft = PersonDraft {
                name: name.clone(),
                email: old.email,
                organisation_id: org.as_ref().and_then(|i| pick(&orgs, i)),
                title: old.title,
                notes: old.notes,
            };
            ws.update_person(&pid, &draft, now)
        }
        Op::AddCommunity {
            name,
            formation,
            stage,
            orgs: picks,
            statement,
        } => {
            let draft = CommunityDraft {
                name: name.clone(),
                formation_type_id: pick(&catalogue_ids(ws, CatalogueKind::FormationTypes), formation)
                    .unwrap_or_default(),
                lifecycle_stage_id: pick(&catalogue_ids(ws, CatalogueKind::LifecycleStages), stage).unwrap_or_default(),
                organisation_ids: picks.iter().filter_map(|i| pick(&orgs, i)).collect(),
                domain_statement: statement.clone(),
            };
            ws.add_community(fresh, &draft, now)
        }
        Op::AddKeyIssue { community, text } => {
            let Some(c) = pick(&communities, community) else {
                return false;
            };
            ws.add_key_issue(&c, fresh, text, now)
        }
        Op::AddMembership {
            community,
            person,
            level,
            roles,
            joined,
        } => {
            let (Some(c), Some(p)) = (pick(&communities, community), pick(&people, person)) else {
                return false;
            };
            let role_ids = catalogue_ids(ws, CatalogueKind::Roles);
            let draft = MembershipDraft {
                person_id: Some(p),
                level_id: pick(&catalogue_ids(ws, CatalogueKind::ParticipationLevels), level).unwrap_or_default(),
                role_ids: roles.iter().filter_map(|i| pick(&role_ids, i)).collect(),
                joined_on: day0() + Duration::days(*joined as i64),
            };
            ws.add_membership(&c, fresh, &draft, now)
        }
        Op::ChangeLevel {
            community,
            membership,
            level,
            days_after,
            reason,
        } => {
            let Some(c) = pick(&communities, community) else {
                return false;
            };
            let Some(m) = pick(&memberships_of(ws, &c), membership) else {
                return false;
            };
            let last = ws
                .community(&c)
                .and_then(|c| c.memberships.iter().find(|x| x.id == m))
                .and_then(|m| m.history.last())
                .map(|h| h.on);
            let Some(last) = last else { return false };
            let Some(level) = pick(&catalogue_ids(ws, CatalogueKind::ParticipationLevels), level) else {
                return false;
            };
            ws.change_level(&c, &m, &level, last + Duration::days(*days_after as i64), reason, now)
        }
        Op::SetRoles {
            community,
            membership,
            roles,
        } => {
            let Some(c) = pick(&communities, community) else {
                return false;
            };
            let Some(m) = pick(&memberships_of(ws, &c), membership) else {
                return false;
            };
            let role_ids = catalogue_ids(ws, CatalogueKind::Roles);
            let chosen: Vec<Id> = roles.iter().filter_map(|i| pick(&role_ids, i)).collect();
            ws.set_roles(&c, &m, &chosen, now)
        }
        Op::AddItem {
            community,
            title,
            kind,
            description,
            link,
        } => {
            let Some(c) = pick(&communities, community) else {
                return false;
            };
            let draft = RepertoireDraft {
                title: title.clone(),
                kind_id: pick(&catalogue_ids(ws, CatalogueKind::RepertoireKinds), kind).unwrap_or_default(),
                description: description.clone(),
                link: link.to_string(),
            };
            ws.add_repertoire_item(&c, fresh, &draft, day0() + Duration::days(n as i64), now)
        }
        Op::RemoveMembership { community, membership } => {
            let Some(c) = pick(&communities, community) else {
                return false;
            };
            let Some(m) = pick(&memberships_of(ws, &c), membership) else {
                return false;
            };
            ws.remove_membership(&c, &m, now)
        }
        Op::DeletePerson { person } => {
            let Some(p) = pick(&people, person) else { return false };
            ws.delete_person(&p, now)
        }
        Op::DeleteOrg { org } => {
            let Some(o) = pick(&orgs, org) else { return false };
            ws.delete_organisation(&o, now)
        }
        Op::DeleteCommunity { community } => {
            let Some(c) = pick(&communities, community) else {
                return false;
            };
            ws.delete_community(&c, now)
        }
        Op::AddCatalogueEntry {
            kind,
            label,
            description,
        } => ws
            .add_catalogue_entry(kind_of(kind), label, description, "Property test", now)
            .map(|_| ()),
        Op::RenameCatalogueEntry { kind, entry, label } => {
            let kind = kind_of(kind);
            let Some(e) = pick(&catalogue_ids(ws, kind), entry) else {
                return false;
            };
            ws.update_catalogue_entry(kind, &e, label, "", "", now)
        }
        Op::DeleteCatalogueEntry { kind, entry } => {
            let kind = kind_of(kind);
            let Some(e) = pick(&catalogue_ids(ws, kind), entry) else {
                return false;
            };
            ws.delete_catalogue_entry(kind, &e, now)
        }
    };
    result.is_ok()
}

fn start() -> Workspace {
    Workspace::new(Id::new("ws-prop"), "Property workspace", t0())
}

fn build(ops: &[Op]) -> Workspace {
    let mut ws = start();
    for (n, op) in ops.iter().enumerate() {
        apply(&mut ws, op, n);
    }
    ws
}

fn decode_workspace(text: &str) -> Workspace {
    match decode_document(text) {
        Ok(Document::Workspace(env)) => env.data,
        other => panic!("expected a workspace document, got {other:?}"),
    }
}

fn saved() -> Timestamp {
    t0() + Duration::days(30)
}

// ----- the strategy is not vacuous -----

#[test]
fn a_fixed_operation_sequence_builds_a_populated_workspace() {
    let first = Pick(0);
    let s = |x: &str| x.to_string();
    let ops = [
        Op::AddOrg {
            name: s("Acme <Ltd>"),
            description: s(""),
        },
        Op::AddPerson {
            name: s("Ana \"A\" O'Neil"),
            email: s("ana@example.org"),
            org: Some(first),
            title: s(""),
            notes: s(""),
        },
        Op::AddCommunity {
            name: s("Guild"),
            formation: first,
            stage: first,
            orgs: vec![first],
            statement: s("<b>bold</b>"),
        },
        Op::AddMembership {
            community: first,
            person: first,
            level: first,
            roles: vec![first],
            joined: 10,
        },
        Op::ChangeLevel {
            community: first,
            membership: first,
            level: Pick(1),
            days_after: 5,
            reason: s("moved"),
        },
        Op::AddItem {
            community: first,
            title: s("Template"),
            kind: first,
            description: s(""),
            link: LINKS[1],
        },
        Op::AddItem {
            community: first,
            title: s("Bad"),
            kind: first,
            description: s(""),
            link: LINKS[5],
        },
        Op::AddKeyIssue {
            community: first,
            text: s("Flaky tests"),
        },
    ];
    let mut ws = start();
    let outcomes: Vec<bool> = ops.iter().enumerate().map(|(n, op)| apply(&mut ws, op, n)).collect();
    assert_eq!(outcomes, [true, true, true, true, true, true, false, true]);
    assert_eq!(validate_workspace(&ws), vec![]);
    let c = &ws.communities[0];
    assert_eq!(
        (
            ws.organisations.len(),
            ws.people.len(),
            c.memberships.len(),
            c.practice.len()
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(c.memberships[0].history.len(), 2);
    assert_eq!(c.memberships[0].level_id, c.memberships[0].history[1].to_level_id);
    assert_eq!(decode_workspace(&encode_workspace(&ws, saved(), 1, true)), ws);
}

// ----- properties -----

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// (a) Whatever the operations, accepted or refused, the workspace stays sound.
    #[test]
    fn any_operation_sequence_leaves_a_sound_workspace(ops in prop::collection::vec(op(), 1..48)) {
        let mut ws = start();
        for (n, op) in ops.iter().enumerate() {
            let before = ws.clone();
            let accepted = apply(&mut ws, op, n);
            let problems = validate_workspace(&ws);
            prop_assert!(problems.is_empty(), "after op {} {:?} (accepted: {}): {:?}", n, op, accepted, problems);
            if !accepted {
                prop_assert_eq!(&ws, &before, "a refused operation changed the workspace: {:?}", op);
            }
        }
    }

    /// (b) Export then import gives back an equal workspace, pretty or compact.
    #[test]
    fn export_then_import_gives_an_equal_workspace(ops in prop::collection::vec(op(), 1..48), revision in 0u64..1_000_000) {
        let ws = build(&ops);
        for pretty in [true, false] {
            let text = encode_workspace(&ws, saved(), revision, pretty);
            match decode_document(&text) {
                Ok(Document::Workspace(env)) => {
                    prop_assert_eq!(&env.data, &ws);
                    prop_assert_eq!(env.revision, revision);
                    prop_assert_eq!(env.saved_at, saved());
                }
                other => prop_assert!(false, "import refused its own export: {:?}", other.err()),
            }
        }
    }

    /// (c) Encoding is deterministic, and re-encoding an import gives the same bytes.
    #[test]
    fn encoding_is_deterministic(ops in prop::collection::vec(op(), 1..48)) {
        let ws = build(&ops);
        for pretty in [true, false] {
            let a = encode_workspace(&ws, saved(), 5, pretty);
            let b = encode_workspace(&ws.clone(), saved(), 5, pretty);
            prop_assert_eq!(&a, &b);
            let again = encode_workspace(&decode_workspace(&a), saved(), 5, pretty);
            prop_assert_eq!(&a, &again);
        }
    }

    /// Every community exported on its own imports back as the same bundle.
    #[test]
    fn every_community_bundle_round_trips(ops in prop::collection::vec(op(), 1..48)) {
        let ws = build(&ops);
        for c in &ws.communities {
            let bundle = CommunityBundle::of(&ws, &c.id).expect("listed community exists");
            let text = encode_community(&bundle, saved());
            match decode_document(&text) {
                Ok(Document::Community(env)) => prop_assert_eq!(&env.data, &bundle),
                other => prop_assert!(false, "import refused community {}: {:?}", c.id, other.err()),
            }
        }
    }
}
