//! A deterministic workspace generator, for benchmarks and scale tests.
//!
//! The same seed and sizes always give the same workspace, byte for byte.

use chrono::{Duration, NaiveDate, TimeZone, Utc};

use super::catalogue::{CatalogueKind, Catalogues};
use super::ids::Id;
use super::workspace::*;

/// A small, fast pseudo-random generator (SplitMix64); not for anything secret.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const FIRST: [&str; 16] = [
    "Ada", "Bea", "Cai", "Dev", "Eli", "Fen", "Gia", "Hal", "Ines", "Jon", "Kai", "Lia", "Mo", "Nia", "Oto", "Pia",
];
const LAST: [&str; 16] = [
    "Abara", "Berg", "Costa", "Dahl", "Eze", "Faro", "Gupta", "Holm", "Ito", "Jovic", "Kaur", "Lund", "Moreau",
    "Nakamura", "Ortiz", "Park",
];
const TOPICS: [&str; 10] = [
    "Data",
    "Design",
    "Security",
    "Testing",
    "Cloud",
    "Safety",
    "Care",
    "Finance",
    "Logistics",
    "Teaching",
];

/// Sizes for [`generate`].
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    pub organisations: usize,
    pub people: usize,
    pub communities: usize,
    /// Memberships per person, spread over communities.
    pub memberships_per_person: usize,
    /// Meetings across all communities, each with an agenda and, when past, a record.
    pub meetings: usize,
    /// Value-creation stories across all communities.
    pub stories: usize,
}

impl Sizes {
    /// The benchmark's named sizes: `S` (5 communities, 100 people), `M` (50 communities,
    /// 2,000 people, 5,000 meetings, 1,000 stories) and `L` (ten times M's people and
    /// meetings), from issue #9.
    pub fn named(name: &str) -> Option<Sizes> {
        match name {
            "S" | "s" => Some(Sizes {
                organisations: 3,
                people: 100,
                communities: 5,
                memberships_per_person: 2,
                meetings: 50,
                stories: 20,
            }),
            "M" | "m" => Some(Sizes {
                organisations: 10,
                people: 2_000,
                communities: 50,
                memberships_per_person: 2,
                meetings: 5_000,
                stories: 1_000,
            }),
            "L" | "l" => Some(Sizes {
                organisations: 20,
                people: 20_000,
                communities: 200,
                memberships_per_person: 2,
                meetings: 50_000,
                stories: 10_000,
            }),
            _ => None,
        }
    }
}

/// A sound workspace of the given sizes, from `seed`.
pub fn generate(seed: u64, sizes: Sizes) -> Workspace {
    let mut rng = Rng::new(seed);
    let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).single().unwrap_or_default();
    let day0 = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let mut ws = Workspace::new(
        Id::new(format!("gen-{seed}")),
        &format!("Generated workspace (seed {seed})"),
        t0,
    );
    let cats = Catalogues::default();
    let levels: Vec<Id> = cats
        .get(CatalogueKind::ParticipationLevels)
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let roles: Vec<Id> = cats.get(CatalogueKind::Roles).iter().map(|e| e.id.clone()).collect();
    let stages: Vec<Id> = cats
        .get(CatalogueKind::LifecycleStages)
        .iter()
        .map(|e| e.id.clone())
        .collect();

    for i in 0..sizes.organisations {
        let draft = OrganisationDraft {
            name: format!("Organisation {}", i + 1),
            description: String::new(),
        };
        let _ = ws.add_organisation(Id::new(format!("o{i}")), &draft, t0);
    }
    for i in 0..sizes.people {
        let org = (sizes.organisations > 0).then(|| Id::new(format!("o{}", rng.below(sizes.organisations))));
        let draft = PersonDraft {
            name: format!("{} {} {}", FIRST[rng.below(16)], LAST[rng.below(16)], i + 1),
            email: format!("person{}@example.org", i + 1),
            organisation_id: org,
            title: "Practitioner".into(),
            notes: String::new(),
        };
        let _ = ws.add_person(Id::new(format!("p{i}")), &draft, t0);
    }
    for i in 0..sizes.communities {
        let draft = CommunityDraft {
            name: format!("{} community {}", TOPICS[i % TOPICS.len()], i + 1),
            formation_type_id: Id::new("community_of_practice"),
            lifecycle_stage_id: stages[rng.below(stages.len())].clone(),
            organisation_ids: (sizes.organisations > 0)
                .then(|| Id::new(format!("o{}", rng.below(sizes.organisations))))
                .into_iter()
                .collect(),
            domain_statement: format!(
                "Practitioners learning together about {}.",
                TOPICS[i % TOPICS.len()].to_lowercase()
            ),
        };
        let _ = ws.add_community(Id::new(format!("c{i}")), &draft, t0);
    }
    if sizes.communities > 0 {
        let mut n = 0;
        for p in 0..sizes.people {
            for k in 0..sizes.memberships_per_person.min(sizes.communities) {
                let c = (p + k * 7) % sizes.communities;
                let joined = day0 + Duration::days(rng.below(600) as i64);
                let draft = MembershipDraft {
                    person_id: Some(Id::new(format!("p{p}"))),
                    level_id: levels[rng.below(levels.len())].clone(),
                    role_ids: if rng.below(10) == 0 {
                        vec![roles[rng.below(roles.len())].clone()]
                    } else {
                        vec![]
                    },
                    joined_on: joined,
                };
                let cid = Id::new(format!("c{c}"));
                if ws.add_membership(&cid, Id::new(format!("m{n}")), &draft, t0).is_ok() {
                    if rng.below(3) == 0 {
                        let to = levels[rng.below(levels.len())].clone();
                        let _ = ws.change_level(
                            &cid,
                            &Id::new(format!("m{n}")),
                            &to,
                            joined + Duration::days(90),
                            "",
                            t0,
                        );
                    }
                    n += 1;
                }
            }
        }
        add_meetings(&mut ws, &mut rng, sizes.meetings, t0, day0);
        add_stories(&mut ws, &mut rng, sizes.stories, t0, day0);
    }
    ws
}

/// Meetings spread round-robin over the communities: three agenda blocks each, and a
/// record (attendance, a harvest item, a follow-up) for every meeting but one in ten, which
/// stay planned. Built as records, not through the operations, so that a large workspace
/// generates in linear time; the tests validate the result.
fn add_meetings(ws: &mut Workspace, rng: &mut Rng, count: usize, t0: Timestamp, day0: NaiveDate) {
    use super::facilitation::{AgendaBlock, FollowUp, HarvestItem, HarvestKind, Meeting, MeetingRecord};
    let formats: Vec<Id> = ws.catalogues.meeting_formats.iter().map(|e| e.id.clone()).collect();
    let types: Vec<Id> = ws.catalogues.activity_types.iter().map(|e| e.id.clone()).collect();
    let n = ws.communities.len();
    for i in 0..count {
        let c = &mut ws.communities[i % n];
        let members: Vec<Id> = c.memberships.iter().map(|m| m.person_id.clone()).collect();
        let on = day0 + Duration::days(rng.below(730) as i64);
        let blocks = (0..3)
            .map(|b| AgendaBlock {
                id: Id::new(format!("g{i}b{b}")),
                title: ["Welcome and check-in", "Main session", "Harvest and next steps"][b].into(),
                format_id: (b == 1 && !formats.is_empty()).then(|| formats[rng.below(formats.len())].clone()),
                minutes: [10, 50, 15][b],
                facilitator_id: members.first().cloned(),
                notes: String::new(),
                materials: String::new(),
            })
            .collect();
        let record = (i % 10 != 9).then(|| {
            let mut attendee_ids: Vec<Id> = Vec::new();
            for _ in 0..members.len().min(12) {
                let p = &members[rng.below(members.len())];
                if !attendee_ids.contains(p) {
                    attendee_ids.push(p.clone());
                }
            }
            MeetingRecord {
                attendee_ids,
                guests: Vec::new(),
                harvest: vec![HarvestItem {
                    id: Id::new(format!("g{i}h")),
                    kind: HarvestKind::Insight,
                    text: format!("What meeting {} taught us.", i + 1),
                    repertoire_item_id: None,
                }],
                follow_ups: vec![FollowUp {
                    id: Id::new(format!("g{i}f")),
                    person_id: members.first().cloned(),
                    what: "Try the idea in the next project".into(),
                    due_on: Some(on + Duration::days(30)),
                    done_on: (rng.below(2) == 0).then(|| on + Duration::days(20)),
                }],
                notes: String::new(),
            }
        });
        c.facilitation.meetings.push(Meeting {
            id: Id::new(format!("g{i}")),
            title: format!("{} meeting {}", c.name, i / n + 1),
            purpose: "Learn from each other's cases.".into(),
            on,
            start_time: chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap_or_default(),
            slot_minutes: 90,
            location: String::new(),
            agenda_topic_ids: Vec::new(),
            activity_type_ids: (!types.is_empty()).then(|| types[rng.below(types.len())].clone()).into_iter().collect(),
            blocks,
            roles: Vec::new(),
            checklist_done: Vec::new(),
            run: None,
            record,
            created_at: t0,
            updated_at: t0,
        });
    }
}

/// Value-creation stories spread round-robin over the communities, each told by a member,
/// starting in a cycle and telling it and the next, linked to one of the community's meetings.
fn add_stories(ws: &mut Workspace, rng: &mut Rng, count: usize, t0: Timestamp, day0: NaiveDate) {
    use super::evaluation::{Consent, Story, StoryStatus, StoryStep, Verification};
    let cycles: Vec<Id> = ws.catalogues.value_cycles.iter().map(|e| e.id.clone()).collect();
    if cycles.is_empty() {
        return;
    }
    let n = ws.communities.len();
    for i in 0..count {
        let c = &mut ws.communities[i % n];
        let start = rng.below(cycles.len());
        let steps = (start..(start + 2).min(cycles.len()))
            .map(|k| StoryStep {
                cycle_id: cycles[k].clone(),
                text: format!("Step {} of story {}.", k - start + 1, i + 1),
            })
            .collect();
        let meeting = (!c.facilitation.meetings.is_empty())
            .then(|| c.facilitation.meetings[rng.below(c.facilitation.meetings.len())].id.clone());
        let aspirational = rng.below(4) == 0;
        let told_on = day0 + Duration::days(rng.below(730) as i64);
        c.evaluation.stories.push(Story {
            id: Id::new(format!("s{i}")),
            title: format!("How the community helped, story {}", i + 1),
            teller_id: c.memberships.first().map(|m| m.person_id.clone()),
            teller_name: String::new(),
            told_on,
            start_cycle_id: cycles[start].clone(),
            steps,
            status: if aspirational { StoryStatus::Aspirational } else { StoryStatus::Realised },
            follow_up_on: aspirational.then(|| told_on + Duration::days(90)),
            meeting_ids: meeting.into_iter().collect(),
            repertoire_item_ids: Vec::new(),
            indicator_ids: Vec::new(),
            verification: Verification::SelfReported,
            consent: [Consent::Community, Consent::Organisation, Consent::Public][rng.below(3)],
            created_at: t0,
            updated_at: t0,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate_workspace;

    #[test]
    fn generated_workspace_is_sound_sized_and_deterministic() {
        let sizes = Sizes {
            organisations: 3,
            people: 200,
            communities: 10,
            memberships_per_person: 2,
            meetings: 120,
            stories: 30,
        };
        let a = generate(7, sizes);
        assert_eq!(validate_workspace(&a), vec![]);
        assert_eq!(a.people.len(), 200);
        assert_eq!(a.communities.len(), 10);
        assert_eq!(a.communities.iter().map(|c| c.memberships.len()).sum::<usize>(), 400);
        assert_eq!(a.communities.iter().map(|c| c.facilitation.meetings.len()).sum::<usize>(), 120);
        assert_eq!(a.communities.iter().map(|c| c.evaluation.stories.len()).sum::<usize>(), 30);
        assert_eq!(a, generate(7, sizes));
        assert_ne!(a, generate(8, sizes));
    }

    #[test]
    fn named_sizes_are_the_issue_s_and_m_and_unknown_names_are_refused() {
        let s = Sizes::named("S").unwrap();
        assert_eq!((s.communities, s.people), (5, 100));
        let m = Sizes::named("M").unwrap();
        assert_eq!((m.communities, m.people, m.meetings, m.stories), (50, 2_000, 5_000, 1_000));
        assert!(Sizes::named("XL").is_none());
        let small = generate(1, s);
        assert_eq!(validate_workspace(&small), vec![]);
        assert_eq!(small.communities.iter().map(|c| c.facilitation.meetings.len()).sum::<usize>(), 50);
    }
}
