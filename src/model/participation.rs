//! Participation: who is at which level of a community, and how people move between levels.
//!
//! The participation-levels catalogue is ordered from the centre outwards: its first entry is
//! the core of the community (the innermost ring of the map), its last the outermost.
//! Movement towards the centre and away from it over time is a sign of a living community
//! (Wenger-Trayner, levels of participation).

use chrono::{Datelike, NaiveDate};

use super::catalogue::{CatalogueKind, Catalogues};
use super::ids::Id;
use super::portfolio::Warning;
use super::words::percent;
use super::workspace::Community;

/// The members at one level, in the order they joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ring {
    pub level_id: Id,
    pub members: Vec<Id>,
}

/// The rings of a community, centre first, one per catalogue level (empty ones included), and
/// any members whose level is no longer in the catalogue in a last ring of their own.
pub fn rings(cats: &Catalogues, c: &Community) -> Vec<Ring> {
    let mut out: Vec<Ring> = cats
        .get(CatalogueKind::ParticipationLevels)
        .iter()
        .map(|l| Ring {
            level_id: l.id.clone(),
            members: Vec::new(),
        })
        .collect();
    let mut sorted: Vec<_> = c.memberships.iter().collect();
    sorted.sort_by_key(|m| m.joined_on);
    for m in sorted {
        match out.iter_mut().find(|r| r.level_id == m.level_id) {
            Some(r) => r.members.push(m.id.clone()),
            None => out.push(Ring {
                level_id: m.level_id.clone(),
                members: vec![m.id.clone()],
            }),
        }
    }
    out
}

/// One recorded change of level (joining included), newest first in [`timeline`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub on: NaiveDate,
    pub membership_id: Id,
    pub person_id: Id,
    /// `None` when this is the member joining.
    pub from_level_id: Option<Id>,
    pub to_level_id: Id,
    pub reason: String,
    pub direction: Direction,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Joined,
    /// Towards the centre (a more engaged level).
    Inward,
    /// Away from the centre.
    Outward,
    /// Between levels the catalogue does not order (one of them was removed).
    Unknown,
}

fn rank(cats: &Catalogues, level: &Id) -> Option<usize> {
    cats.get(CatalogueKind::ParticipationLevels)
        .iter()
        .position(|l| &l.id == level)
}

fn direction(cats: &Catalogues, from: Option<&Id>, to: &Id) -> Direction {
    match from {
        None => Direction::Joined,
        Some(f) => match (rank(cats, f), rank(cats, to)) {
            (Some(a), Some(b)) if b < a => Direction::Inward,
            (Some(a), Some(b)) if b > a => Direction::Outward,
            _ => Direction::Unknown,
        },
    }
}

/// Every recorded change in a community, newest first (same day: later entries first).
pub fn timeline(cats: &Catalogues, c: &Community) -> Vec<Move> {
    let mut moves: Vec<(usize, Move)> = Vec::new();
    for m in &c.memberships {
        for (i, h) in m.history.iter().enumerate() {
            moves.push((
                i,
                Move {
                    on: h.on,
                    membership_id: m.id.clone(),
                    person_id: m.person_id.clone(),
                    from_level_id: h.from_level_id.clone(),
                    to_level_id: h.to_level_id.clone(),
                    reason: h.reason.clone(),
                    direction: direction(cats, h.from_level_id.as_ref(), &h.to_level_id),
                },
            ));
        }
    }
    moves.sort_by(|(ia, a), (ib, b)| b.on.cmp(&a.on).then(ib.cmp(ia)));
    moves.into_iter().map(|(_, m)| m).collect()
}

/// Moves between two levels (or joins at a level) within a period, counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    pub from_level_id: Option<Id>,
    pub to_level_id: Id,
    pub count: usize,
}

/// The flows between levels from `from` to `to` (both included), most frequent first, then in
/// catalogue order.
pub fn flows(cats: &Catalogues, c: &Community, from: NaiveDate, to: NaiveDate) -> Vec<Flow> {
    let mut out: Vec<Flow> = Vec::new();
    for m in timeline(cats, c).into_iter().filter(|m| m.on >= from && m.on <= to) {
        match out
            .iter_mut()
            .find(|f| f.from_level_id == m.from_level_id && f.to_level_id == m.to_level_id)
        {
            Some(f) => f.count += 1,
            None => out.push(Flow {
                from_level_id: m.from_level_id,
                to_level_id: m.to_level_id,
                count: 1,
            }),
        }
    }
    let key = |f: &Flow| {
        (
            f.from_level_id
                .as_ref()
                .and_then(|l| rank(cats, l))
                .map_or(0, |r| r + 1),
            rank(cats, &f.to_level_id).unwrap_or(usize::MAX),
        )
    };
    out.sort_by(|a, b| b.count.cmp(&a.count).then(key(a).cmp(&key(b))));
    out
}

/// Joins and moves per calendar quarter, oldest first: the shape of participation over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarter {
    /// "2025 Q3".
    pub label: String,
    pub joined: usize,
    pub inward: usize,
    pub outward: usize,
}

pub fn quarters(cats: &Catalogues, c: &Community) -> Vec<Quarter> {
    let mut moves = timeline(cats, c);
    moves.reverse();
    let mut out: Vec<Quarter> = Vec::new();
    for m in moves {
        let label = format!("{} Q{}", m.on.year(), (m.on.month() - 1) / 3 + 1);
        if out.last().map(|q| q.label != label).unwrap_or(true) {
            out.push(Quarter {
                label,
                joined: 0,
                inward: 0,
                outward: 0,
            });
        }
        if let Some(q) = out.last_mut() {
            match m.direction {
                Direction::Joined => q.joined += 1,
                Direction::Inward => q.inward += 1,
                Direction::Outward => q.outward += 1,
                Direction::Unknown => {}
            }
        }
    }
    out
}

/// What the participation map warns about, if anything: the core ring is empty, or (in a
/// community of six or more) it holds more than 40% of the members. Each warning has a few
/// words for a card or a table (`short`) and the full sentence (`message`).
pub fn warnings(cats: &Catalogues, c: &Community) -> Vec<Warning> {
    let total = c.memberships.len();
    let Some(core) = cats.get(CatalogueKind::ParticipationLevels).first() else {
        return Vec::new();
    };
    if total == 0 {
        return Vec::new();
    }
    let ring = core.label.to_lowercase();
    let in_core = c.memberships.iter().filter(|m| m.level_id == core.id).count();
    let mut out = Vec::new();
    if in_core == 0 {
        out.push(Warning {
            short: "Nobody at the core level".into(),
            message: format!(
                "The {ring} ring is empty. A community rarely lasts without a core of committed members around its leader."
            ),
        });
    } else if total >= 6 && in_core * 100 > total * 40 {
        let pct = percent(in_core, total).unwrap_or(0);
        out.push(Warning {
            // The guidebook's words, whatever the level is called in this catalogue (as
            // the empty-core words above).
            short: format!("Core group is {pct}% of members"),
            message: format!(
                "{in_core} of {total} members ({pct}%) are in the {ring}. A core group is usually a small part of a community (often 10–15%); are people there who would rather take part less, or is the community mostly its core?"
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::sample_workspace;
    use crate::model::Id;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn rings_follow_the_catalogue_from_the_centre_out() {
        let ws = sample_workspace();
        let c = &ws.communities[2]; // negotiators: core 2, active 1 (Ivan), occasional 2
        let r = rings(&ws.catalogues, c);
        let shape: Vec<(&str, usize)> = r.iter().map(|r| (r.level_id.as_str(), r.members.len())).collect();
        assert_eq!(
            shape,
            [
                ("core_group", 2),
                ("active", 1),
                ("occasional", 2),
                ("peripheral", 0),
                ("transactional", 0)
            ]
        );
        assert_eq!(r[0].members, [Id::new("m-n1"), Id::new("m-n2")]);
    }

    #[test]
    fn timeline_lists_every_change_newest_first_with_its_direction() {
        let ws = sample_workspace();
        let t = timeline(&ws.catalogues, &ws.communities[2]);
        assert_eq!(t.len(), 5 + 3, "five joins and three moves");
        assert_eq!(
            (t[0].on, t[0].person_id.as_str(), t[0].direction),
            (d(2025, 12, 1), "p-ivan", Direction::Outward)
        );
        assert_eq!(
            (t[1].on, t[1].person_id.as_str(), t[1].direction),
            (d(2025, 10, 14), "p-joy", Direction::Inward)
        );
        assert_eq!(t[1].reason, "Joined two peer circles");
        assert!(t
            .iter()
            .filter(|m| m.direction == Direction::Joined)
            .all(|m| m.from_level_id.is_none()));
        assert!(t.windows(2).all(|w| w[0].on >= w[1].on));
    }

    #[test]
    fn flows_count_moves_in_a_period() {
        let ws = sample_workspace();
        let c = &ws.communities[2];
        let f = flows(&ws.catalogues, c, d(2025, 1, 1), d(2025, 12, 31));
        let view: Vec<(Option<&str>, &str, usize)> = f
            .iter()
            .map(|f| {
                (
                    f.from_level_id.as_ref().map(|i| i.as_str()),
                    f.to_level_id.as_str(),
                    f.count,
                )
            })
            .collect();
        assert_eq!(
            view,
            [
                (None, "peripheral", 1),
                (Some("core_group"), "active", 1),
                (Some("active"), "core_group", 1),
                (Some("peripheral"), "occasional", 1)
            ]
        );
        assert!(flows(&ws.catalogues, c, d(2026, 1, 1), d(2026, 12, 31)).is_empty());
    }

    #[test]
    fn quarters_summarise_joins_and_moves_in_order() {
        let ws = sample_workspace();
        let q = quarters(&ws.catalogues, &ws.communities[2]);
        let view: Vec<(&str, usize, usize, usize)> = q
            .iter()
            .map(|q| (q.label.as_str(), q.joined, q.inward, q.outward))
            .collect();
        assert_eq!(
            view,
            [
                ("2024 Q1", 2, 0, 0),
                ("2024 Q2", 1, 0, 0),
                ("2024 Q3", 1, 0, 0),
                ("2025 Q1", 1, 0, 0),
                ("2025 Q2", 0, 1, 0),
                ("2025 Q4", 0, 1, 1)
            ]
        );
    }

    #[test]
    fn warns_when_the_core_is_empty_or_most_of_the_community() {
        let mut ws = sample_workspace();
        assert!(warnings(&ws.catalogues, &ws.communities[2]).is_empty());
        // Empty core: move both core members out.
        let t = ws.updated_at;
        for m in ["m-n1", "m-n2"] {
            ws.change_level(
                &Id::new("c-negotiators"),
                &Id::new(m),
                &Id::new("active"),
                d(2026, 1, 5),
                "",
                t,
            )
            .unwrap();
        }
        let w = warnings(&ws.catalogues, &ws.communities[2]);
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.starts_with("The core group ring is empty."),
            "{}",
            w[0].message
        );
        assert_eq!(w[0].short, "Nobody at the core level");
        // A core of more than 40% in a community of six or more.
        let mut ws = sample_workspace();
        for m in ["m-r3", "m-r4", "m-r6"] {
            ws.change_level(
                &Id::new("c-reliability"),
                &Id::new(m),
                &Id::new("core_group"),
                d(2026, 1, 5),
                "",
                t,
            )
            .unwrap();
        }
        let w = warnings(&ws.catalogues, &ws.communities[0]);
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.starts_with("5 of 6 members (83%) are in the core group."),
            "{}",
            w[0].message
        );
        assert_eq!(w[0].short, "Core group is 83% of members");
        // Small communities are not warned about a large core.
        assert!(warnings(&ws.catalogues, &ws.communities[1]).is_empty());
        // The share is rounded to the nearest percent: 3 of 7 is 43% (42.9), not 42%.
        let sample = sample_workspace();
        let cloud = sample.community(&Id::new("c-cloud-cost")).unwrap();
        let w = warnings(&sample.catalogues, cloud);
        assert!(
            w[0].message.starts_with("3 of 7 members (43%) are in the core group."),
            "{}",
            w[0].message
        );
    }

    #[test]
    fn a_level_removed_from_the_catalogue_gets_its_own_ring_and_unknown_direction() {
        let mut ws = sample_workspace();
        ws.catalogues
            .participation_levels
            .retain(|l| l.id.as_str() != "occasional");
        let r = rings(&ws.catalogues, &ws.communities[2]);
        assert_eq!(
            r.last().map(|r| (r.level_id.as_str(), r.members.len())),
            Some(("occasional", 2))
        );
        let t = timeline(&ws.catalogues, &ws.communities[2]);
        assert_eq!(t[1].direction, Direction::Unknown);
    }
}
