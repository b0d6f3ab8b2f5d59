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
    }
    ws
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
        };
        let a = generate(7, sizes);
        assert_eq!(validate_workspace(&a), vec![]);
        assert_eq!(a.people.len(), 200);
        assert_eq!(a.communities.len(), 10);
        assert_eq!(a.communities.iter().map(|c| c.memberships.len()).sum::<usize>(), 400);
        assert_eq!(a, generate(7, sizes));
        assert_ne!(a, generate(8, sizes));
    }
}
