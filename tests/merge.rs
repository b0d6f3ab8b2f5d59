//! Merging files: property tests of the merge (issue #8's quality bar) and tests of the
//! pieces a workspace shares as small files.
//!
//! - merging a file with itself changes nothing;
//! - merging is commutative when the two sides changed different records;
//! - no record present on either side is lost, whatever the conflicts and choices.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chrono::{Duration, TimeZone, Utc};
use cultivate::model::generate::{generate, Sizes};
use cultivate::model::merge::{plan_merge, record_keys, stamp_changes, MergeOptions, Side};
use cultivate::model::sample::sample_workspace;
use cultivate::model::*;
use cultivate::storage::format::{decode_document, encode_community, Document, PieceKind};
use cultivate::storage::import::{merge_files, plan, ImportPlan};
use cultivate::storage::pieces;
use proptest::prelude::*;

fn at(n: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + Duration::seconds(n)
}

fn small() -> Workspace {
    generate(
        7,
        Sizes {
            organisations: 2,
            people: 12,
            communities: 3,
            memberships_per_person: 1,
            meetings: 6,
            stories: 4,
        },
    )
}

/// One edit that keeps a workspace sound. `n` picks the record.
#[derive(Clone, Debug)]
enum Edit {
    RenamePerson(usize, String),
    PersonNotes(usize, String),
    RenameCommunity(usize, String),
    RepertoireTitle(usize, String),
    AddPerson(String),
    RelabelRole(usize, String),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let text = "[A-Za-z][A-Za-z ]{0,11}";
    prop_oneof![
        (any::<usize>(), text).prop_map(|(n, s)| Edit::RenamePerson(n, s)),
        (any::<usize>(), text).prop_map(|(n, s)| Edit::PersonNotes(n, s)),
        (any::<usize>(), text).prop_map(|(n, s)| Edit::RenameCommunity(n, s)),
        (any::<usize>(), text).prop_map(|(n, s)| Edit::RepertoireTitle(n, s)),
        text.prop_map(Edit::AddPerson),
        (any::<usize>(), text).prop_map(|(n, s)| Edit::RelabelRole(n, s)),
    ]
}

/// Applies `edits` on the records whose index has the parity `side` (0 or 1) — or on any
/// record when `side` is `None` — and stamps the result as `device`'s changes.
fn apply(base: &Workspace, edits: &[Edit], side: Option<usize>, device: &str, time: i64) -> Workspace {
    let pick = |n: usize, len: usize| -> Option<usize> {
        if len == 0 {
            return None;
        }
        match side {
            None => Some(n % len),
            Some(parity) => {
                let candidates: Vec<usize> = (0..len).filter(|i| i % 2 == parity).collect();
                (!candidates.is_empty()).then(|| candidates[n % candidates.len()])
            }
        }
    };
    let mut ws = base.clone();
    for (k, e) in edits.iter().enumerate() {
        match e {
            Edit::RenamePerson(n, s) => {
                if let Some(i) = pick(*n, ws.people.len()) {
                    ws.people[i].name = format!("{s} {device}");
                }
            }
            Edit::PersonNotes(n, s) => {
                if let Some(i) = pick(*n, ws.people.len()) {
                    ws.people[i].notes = s.clone();
                }
            }
            Edit::RenameCommunity(n, s) => {
                if let Some(i) = pick(*n, ws.communities.len()) {
                    ws.communities[i].name = format!("{s} {device}");
                }
            }
            Edit::RepertoireTitle(n, s) => {
                if let Some(i) = pick(*n, ws.communities.len()) {
                    if let Some(item) = ws.communities[i].practice.first_mut() {
                        item.title = s.clone();
                    }
                }
            }
            Edit::AddPerson(s) => {
                let mut p = ws.people[0].clone();
                p.id = Id::new(format!("{device}-{k}-{}", ws.people.len()));
                p.name = s.clone();
                p.email = String::new();
                ws.people.push(p);
            }
            Edit::RelabelRole(n, s) => {
                if let Some(i) = pick(*n, ws.catalogues.roles.len()) {
                    ws.catalogues.roles[i].label = format!("{s} {device}");
                }
            }
        }
    }
    assert_eq!(validate_workspace(&ws), vec![], "the edits keep the workspace sound");
    let mut out = ws;
    stamp_changes(base, &mut out, device, at(time));
    out
}

fn merged(mine: &Workspace, theirs: &Workspace, choices: &[Side]) -> Workspace {
    plan_merge(mine, theirs, MergeOptions::default())
        .unwrap()
        .resolve(choices, "merger", at(100))
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merging_a_file_with_itself_changes_nothing(edits in prop::collection::vec(edit_strategy(), 0..8)) {
        let x = apply(&small(), &edits, None, "dev-a", 1);
        let plan = plan_merge(&x, &x, MergeOptions::default()).unwrap();
        prop_assert!(plan.is_empty(), "added {:?} updated {:?} conflicts {}", plan.added, plan.updated, plan.conflicts.len());
        prop_assert_eq!(plan.resolve(&[], "merger", at(100)).unwrap(), x);
    }

    #[test]
    fn merging_is_commutative_when_each_side_changed_different_records(
        a in prop::collection::vec(edit_strategy(), 0..8),
        b in prop::collection::vec(edit_strategy(), 0..8),
    ) {
        let base = small();
        let x = apply(&base, &a, Some(0), "dev-a", 1);
        let y = apply(&base, &b, Some(1), "dev-b", 2);
        let px = plan_merge(&x, &y, MergeOptions::default()).unwrap();
        let py = plan_merge(&y, &x, MergeOptions::default()).unwrap();
        prop_assert!(px.conflicts.is_empty() && py.conflicts.is_empty());
        let xy = px.resolve(&[], "merger", at(100)).unwrap();
        let yx = py.resolve(&[], "merger", at(100)).unwrap();
        prop_assert_eq!(&xy, &yx);
        // And the result includes both: merging either side into it again changes nothing.
        prop_assert!(plan_merge(&xy, &x, MergeOptions::default()).unwrap().is_empty());
        prop_assert!(plan_merge(&xy, &y, MergeOptions::default()).unwrap().is_empty());
    }

    #[test]
    fn no_record_present_on_either_side_is_lost(
        a in prop::collection::vec(edit_strategy(), 0..8),
        b in prop::collection::vec(edit_strategy(), 0..8),
        theirs in any::<bool>(),
        drop_community in any::<bool>(),
    ) {
        // Both sides edit any record (conflicts included); one side may also delete a community.
        let base = small();
        let x = apply(&base, &a, None, "dev-a", 1);
        let mut y = apply(&base, &b, None, "dev-b", 2);
        if drop_community {
            let before = y.clone();
            let id = y.communities[0].id.clone();
            y.communities.retain(|c| c.id != id);
            stamp_changes(&before, &mut y, "dev-b", at(3));
        }
        let plan = plan_merge(&x, &y, MergeOptions::default()).unwrap();
        let side = if theirs { Side::Theirs } else { Side::Mine };
        let out = plan.resolve(&vec![side; plan.conflicts.len()], "merger", at(100)).unwrap();
        let have = record_keys(&out);
        let want: BTreeSet<String> = record_keys(&x).union(&record_keys(&y)).cloned().collect();
        let lost: Vec<&String> = want.difference(&have).collect();
        prop_assert!(lost.is_empty(), "lost {:?}", lost);
        prop_assert_eq!(validate_workspace(&out), vec![]);
    }
}

#[test]
fn files_without_stamps_conflict_wherever_they_differ() {
    // Two copies exported before version 6: no stamps, so no side can be trusted over the
    // other, and every differing record is asked about.
    let base = sample_workspace();
    let mut x = base.clone();
    x.people[0].name = "Mine".into();
    let mut y = base.clone();
    y.people[0].name = "Theirs".into();
    y.people[1].notes = "Only theirs changed this, but nothing says so".into();
    let plan = plan_merge(&x, &y, MergeOptions::default()).unwrap();
    assert_eq!(plan.conflicts.len(), 2);
    let out = merged(&x, &y, &[Side::Theirs, Side::Mine]);
    assert_eq!(out.people[0].name, "Theirs");
    assert_eq!(out.people[1].notes, base.people[1].notes);
}

#[test]
fn a_list_reordered_on_one_side_takes_that_order_and_keeps_the_other_sides_new_items() {
    let base = small();
    let mut x = base.clone();
    x.people.reverse();
    stamp_changes(&base, &mut x, "dev-a", at(5));
    let y = apply(&base, &[Edit::AddPerson("Newcomer".into())], None, "dev-b", 2);
    let out = merged(&y, &x, &[]);
    assert_eq!(out.people.len(), base.people.len() + 1);
    // The reversed order wins (it changed later); the newcomer follows its neighbour there.
    let ids: Vec<&str> = out.people.iter().map(|p| p.id.as_str()).collect();
    let last_of_base = base.people.last().unwrap().id.as_str();
    assert_eq!(ids[0], last_of_base);
    let newcomer = out.people.iter().position(|p| p.name == "Newcomer").unwrap();
    let before_it = out.people.iter().position(|p| p.id == base.people[base.people.len() - 1].id).unwrap();
    assert!(newcomer > before_it);
}

#[test]
fn a_resolved_conflict_does_not_come_back() {
    let base = sample_workspace();
    let x = apply(&base, &[Edit::RenameCommunity(0, "Ours".into())], None, "dev-a", 1);
    let y = apply(&base, &[Edit::RenameCommunity(0, "Theirs".into())], None, "dev-b", 2);
    let out = merged(&x, &y, &[Side::Theirs]);
    assert_eq!(out.communities[0].name, "Theirs dev-b");
    // The other facilitator merges the result back: their copy simply catches up.
    let back = plan_merge(&y, &out, MergeOptions::default()).unwrap();
    assert!(back.conflicts.is_empty());
    let back = plan_merge(&x, &out, MergeOptions::default()).unwrap();
    assert!(back.conflicts.is_empty());
    assert_eq!(back.updated.len(), 1);
}

// ----- pieces -----

fn decode_piece(text: &str) -> Document {
    match decode_document(text) {
        Ok(doc) => doc,
        Err(e) => panic!("the piece does not import: {e}"),
    }
}

#[test]
fn every_piece_of_the_sample_is_a_valid_file_that_merges_into_an_empty_workspace() {
    let ws = sample_workspace();
    let empty = Workspace::new(Id::new("other"), "Other", at(0));
    for c in &ws.communities {
        let mut files = vec![
            ("community", pieces::community_piece(&ws, &c.id).unwrap()),
            ("stories", pieces::stories_piece(&ws, &c.id).unwrap()),
        ];
        for m in &c.facilitation.meetings {
            files.push(("meeting", pieces::meeting_piece(&ws, &c.id, &m.id).unwrap()));
        }
        // A story-collection file holds no records to add, but must be a valid file.
        let collection = pieces::collection_piece(&ws, &c.id, "Tell us").unwrap();
        decode_piece(&encode_community(&collection, at(0)));
        for (what, bundle) in files {
            let doc = decode_piece(&encode_community(&bundle, at(0)));
            let plan = merge_files(&empty, &[(what.into(), doc)], at(1))
                .unwrap_or_else(|p| panic!("{what} of {}: {:?}", c.name, &p[..p.len().min(3)]));
            assert!(!plan.added.is_empty(), "{what} of {} adds something", c.name);
        }
    }
}

#[test]
fn a_meeting_piece_holds_one_meeting_and_merges_into_the_workspace_it_came_from_as_an_update() {
    let base = sample_workspace();
    let c = base.communities.iter().find(|c| c.facilitation.meetings.len() > 1).unwrap();
    let m = &c.facilitation.meetings[0];
    // Someone changes the meeting's title in their copy and shares just that meeting.
    let theirs = {
        let mut ws = base.clone();
        let cm = ws.communities.iter_mut().find(|x| x.id == c.id).unwrap();
        cm.facilitation.meetings[0].title = "Renamed in their copy".into();
        let mut out = ws.clone();
        stamp_changes(&base, &mut out, "dev-b", at(5));
        out
    };
    let bundle = pieces::meeting_piece(&theirs, &c.id, &m.id).unwrap();
    assert_eq!(bundle.community.facilitation.meetings.len(), 1);
    assert_eq!(bundle.piece.as_ref().unwrap().kind, PieceKind::Meeting);
    let text = encode_community(&bundle, at(5));
    assert!(text.len() < cultivate::storage::format::encode_workspace(&base, at(5), 0, true).len() / 2);
    let doc = decode_piece(&text);
    let ImportPlan::Merge { plan, what, .. } = plan(doc, "meeting.json", Some(&base), at(6)).unwrap() else {
        panic!("a piece merges")
    };
    assert_eq!(what, format!("the meeting Renamed in their copy of {}", c.name));
    assert!(plan.conflicts.is_empty());
    assert!(plan.added.is_empty(), "{:?}", plan.added);
    assert_eq!(plan.updated.len(), 1);
    let out = plan.resolve(&[], "dev-a", at(7)).unwrap();
    let cm = out.communities.iter().find(|x| x.id == c.id).unwrap();
    assert_eq!(cm.facilitation.meetings.len(), c.facilitation.meetings.len(), "other meetings stay");
    assert_eq!(cm.facilitation.meetings[0].title, "Renamed in their copy");
    assert_eq!(out.name, base.name, "a piece never renames the workspace");
}

#[test]
fn three_participants_answers_merge_in_one_step_and_add_their_stories() {
    let ws = sample_workspace();
    let c = &ws.communities[0];
    let collection = pieces::collection_piece(&ws, &c.id, "Tell us what changed for you.").unwrap();
    assert!(collection.community.memberships.is_empty() && collection.community.facilitation.meetings.is_empty());
    let doc = decode_piece(&encode_community(&collection, at(0)));
    let Document::Community(env) = &doc else { panic!() };
    assert!(matches!(plan(doc.clone(), "collection.json", Some(&ws), at(0)).unwrap(), ImportPlan::Collection { .. }));
    let cycle = ws.catalogues.value_cycles[0].id.clone();
    let files: Vec<(String, Document)> = ["Ana", "Bo", "Cy"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            // Each participant writes a story in their own copy of the collection file.
            let mut own = env.data.as_workspace(at(0));
            let id = Id::new(format!("story-{name}"));
            let story = cultivate::model::evaluation::Story {
                id: id.clone(),
                title: format!("{name}'s story"),
                teller_id: None,
                teller_name: name.to_string(),
                told_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                start_cycle_id: cycle.clone(),
                steps: vec![cultivate::model::evaluation::StoryStep {
                    cycle_id: cycle.clone(),
                    text: "We met and it helped".into(),
                }],
                status: cultivate::model::evaluation::StoryStatus::Realised,
                follow_up_on: None,
                meeting_ids: vec![],
                repertoire_item_ids: vec![],
                indicator_ids: vec![],
                verification: cultivate::model::evaluation::Verification::SelfReported,
                consent: cultivate::model::evaluation::Consent::Community,
                created_at: at(i as i64),
                updated_at: at(i as i64),
            };
            own.communities[0].evaluation.stories.push(story.clone());
            assert_eq!(validate_workspace(&own), vec![], "{name}'s copy is sound");
            let answers = pieces::answers_piece(&env.data, &[story], &format!("participant-{i}"));
            assert_eq!(answers.piece.as_ref().unwrap().kind, PieceKind::Answers);
            (format!("{name}.json"), decode_piece(&encode_community(&answers, at(9))))
        })
        .collect();
    let plan = merge_files(&ws, &files, at(10)).unwrap();
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts.iter().map(|c| &c.record).collect::<Vec<_>>());
    assert_eq!(plan.added.len(), 3, "{:?}", plan.added);
    assert!(plan.added.iter().all(|r| r.kind == "story"));
    assert_eq!(plan.added[1].source, "Bo.json");
    let out = plan.resolve(&[], "dev-a", at(11)).unwrap();
    let stories = &out.communities[0].evaluation.stories;
    assert_eq!(stories.len(), c.evaluation.stories.len() + 3);
    assert!(["Ana", "Bo", "Cy"].iter().all(|n| stories.iter().any(|s| s.teller_name == *n)));
    assert_eq!(out.communities[0].memberships, c.memberships, "the shell leaves the community as it was");
    assert_eq!(out.communities[0].cultivation, c.cultivation);
    assert_eq!(out.communities[0].stewardship, c.stewardship);
    assert_eq!(out.communities[0].name, c.name);
}
