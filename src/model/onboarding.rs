//! Newcomers' onboarding: a checklist per community (welcomed, mentor matched, first
//! low-risk contribution, moved from peripheral to active), ticked per person with a date
//! and an optional note.
//!
//! The guidebook names two roles for this: the *welcome wagon*, who welcomes and inducts
//! newcomers, and the *mentor*, who takes newer members under their wing. Newcomers
//! usually start at the periphery; moving towards the centre is a sign of a living
//! community. Ticking "moved to active" records the onboarding step only: the member's
//! participation level changes through [`Workspace::change_level`], which the page offers
//! and never does by itself.

use chrono::{Months, NaiveDate};

use super::catalogue::{CatalogueKind, Catalogues};
use super::cultivation::OnboardingTick;
use super::ids::Id;
use super::limits::{too_long, SHORT_MAX};
use super::workspace::{Community, FieldError, Membership, ModelError, ModelResult, Timestamp, Workspace};

/// A member who joined within this many months counts as a newcomer.
pub const NEWCOMER_MONTHS: u32 = 6;
/// The participation level newcomers usually start at.
pub const PERIPHERAL: &str = "peripheral";
/// The level the last default step is about.
pub const ACTIVE: &str = "active";
/// The step that says the newcomer now takes part actively.
pub const TO_ACTIVE_STEP: &str = "peripheral_to_active";

/// Why a member is on the newcomers' list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewcomerReason {
    /// Joined within the last [`NEWCOMER_MONTHS`] months.
    JoinedRecently,
    /// At the peripheral level.
    Peripheral,
    /// Some steps ticked, others not yet.
    UnderWay,
    /// All steps ticked, the last within the last [`NEWCOMER_MONTHS`] months, so that a
    /// row does not vanish the moment its last step is ticked.
    RecentlyOnboarded,
}

impl NewcomerReason {
    pub fn label(self) -> &'static str {
        match self {
            NewcomerReason::JoinedRecently => "joined recently",
            NewcomerReason::Peripheral => "at the periphery",
            NewcomerReason::UnderWay => "onboarding under way",
            NewcomerReason::RecentlyOnboarded => "onboarded recently",
        }
    }
}

/// One member's onboarding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnboardingRow {
    pub membership_id: Id,
    pub person_id: Id,
    pub level_id: Id,
    pub joined_on: NaiveDate,
    /// Empty when the member is listed only because all members are shown.
    pub reasons: Vec<NewcomerReason>,
    /// The member's ticks, in the catalogue's step order.
    pub ticks: Vec<OnboardingTick>,
    /// Steps ticked, of `total` in the catalogue.
    pub done: usize,
    pub total: usize,
}

impl OnboardingRow {
    pub fn tick(&self, step: &Id) -> Option<&OnboardingTick> {
        self.ticks.iter().find(|t| &t.step_id == step)
    }

    /// "2 of 4".
    pub fn progress_label(&self) -> String {
        format!("{} of {}", self.done, self.total)
    }
}

/// The person's ticks in the community, in the catalogue's step order.
pub fn ticks_of(cats: &Catalogues, c: &Community, person: &Id) -> Vec<OnboardingTick> {
    cats.get(CatalogueKind::OnboardingSteps)
        .iter()
        .filter_map(|s| {
            c.cultivation
                .onboarding
                .iter()
                .find(|t| &t.person_id == person && t.step_id == s.id)
                .cloned()
        })
        .collect()
}

/// Steps the person has done, and how many steps there are.
pub fn progress(cats: &Catalogues, c: &Community, person: &Id) -> (usize, usize) {
    (
        ticks_of(cats, c, person).len(),
        cats.get(CatalogueKind::OnboardingSteps).len(),
    )
}

/// Why a member counts as a newcomer on `today`; empty when they do not.
pub fn newcomer_reasons(cats: &Catalogues, c: &Community, m: &Membership, today: NaiveDate) -> Vec<NewcomerReason> {
    let cutoff = today
        .checked_sub_months(Months::new(NEWCOMER_MONTHS))
        .unwrap_or(NaiveDate::MIN);
    let ticks = ticks_of(cats, c, &m.person_id);
    let total = cats.get(CatalogueKind::OnboardingSteps).len();
    let mut out = Vec::new();
    if m.joined_on >= cutoff {
        out.push(NewcomerReason::JoinedRecently);
    }
    if m.level_id.as_str() == PERIPHERAL {
        out.push(NewcomerReason::Peripheral);
    }
    if !ticks.is_empty() && ticks.len() < total {
        out.push(NewcomerReason::UnderWay);
    }
    if total > 0 && ticks.len() == total && ticks.iter().any(|t| t.on >= cutoff) {
        out.push(NewcomerReason::RecentlyOnboarded);
    }
    out
}

/// The onboarding rows of a community: its newcomers, or every member when `all`; newest
/// members first (same day: by name).
pub fn onboarding_rows(ws: &Workspace, c: &Community, today: NaiveDate, all: bool) -> Vec<OnboardingRow> {
    let cats = &ws.catalogues;
    let total = cats.get(CatalogueKind::OnboardingSteps).len();
    let mut rows: Vec<(String, OnboardingRow)> = c
        .memberships
        .iter()
        .filter_map(|m| {
            let reasons = newcomer_reasons(cats, c, m, today);
            if reasons.is_empty() && !all {
                return None;
            }
            let ticks = ticks_of(cats, c, &m.person_id);
            Some((
                ws.person_name(&m.person_id).to_lowercase(),
                OnboardingRow {
                    membership_id: m.id.clone(),
                    person_id: m.person_id.clone(),
                    level_id: m.level_id.clone(),
                    joined_on: m.joined_on,
                    reasons,
                    done: ticks.len(),
                    ticks,
                    total,
                },
            ))
        })
        .collect();
    rows.sort_by(|(na, a), (nb, b)| b.joined_on.cmp(&a.joined_on).then(na.cmp(nb)));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// How many of `rows` have done each step, in catalogue order.
pub fn step_counts(cats: &Catalogues, rows: &[OnboardingRow]) -> Vec<(Id, usize)> {
    cats.get(CatalogueKind::OnboardingSteps)
        .iter()
        .map(|s| (s.id.clone(), rows.iter().filter(|r| r.tick(&s.id).is_some()).count()))
        .collect()
}

fn level_rank(cats: &Catalogues, level: &Id) -> Option<usize> {
    cats.get(CatalogueKind::ParticipationLevels)
        .iter()
        .position(|l| &l.id == level)
}

/// The members ticked as "moved from peripheral to active" whose participation level is
/// still further out than active: the page offers to record their move. Membership ids, in
/// the community's order.
pub fn level_moves_to_offer(cats: &Catalogues, c: &Community) -> Vec<Id> {
    let Some(active) = level_rank(cats, &Id::new(ACTIVE)) else {
        return Vec::new();
    };
    c.memberships
        .iter()
        .filter(|m| {
            c.cultivation
                .onboarding
                .iter()
                .any(|t| t.person_id == m.person_id && t.step_id.as_str() == TO_ACTIVE_STEP)
                && level_rank(cats, &m.level_id).is_some_and(|r| r > active)
        })
        .map(|m| m.id.clone())
        .collect()
}

/// The names of the community's members who hold `role` (e.g. `mentor`, `welcome_wagon`).
pub fn members_with_role(ws: &Workspace, c: &Community, role: &str) -> Vec<String> {
    c.memberships
        .iter()
        .filter(|m| m.role_ids.iter().any(|r| r.as_str() == role))
        .map(|m| ws.person_name(&m.person_id))
        .collect()
}

impl Workspace {
    /// Ticks an onboarding step for a member on a date, with an optional note ("Mentor:
    /// Hana"). Ticking it again changes the date and the note.
    pub fn tick_onboarding_step(
        &mut self,
        community: &Id,
        person: &Id,
        step: &Id,
        on: NaiveDate,
        note: &str,
        now: Timestamp,
    ) -> ModelResult {
        if !self.catalogues.contains(CatalogueKind::OnboardingSteps, step) {
            return Err(ModelError::NotFound("That onboarding step no longer exists".into()));
        }
        if let Some(m) = too_long(note, SHORT_MAX) {
            return Err(ModelError::Invalid(vec![FieldError::new("note", format!("Note {m}"))]));
        }
        self.with_community(community, now, |c| {
            if !c.memberships.iter().any(|m| &m.person_id == person) {
                return Err(ModelError::NotFound(
                    "That person is no longer a member of this community".into(),
                ));
            }
            let tick = OnboardingTick {
                person_id: person.clone(),
                step_id: step.clone(),
                on,
                note: note.trim().to_string(),
            };
            let list = &mut c.cultivation.onboarding;
            match list.iter_mut().find(|t| &t.person_id == person && &t.step_id == step) {
                Some(t) => *t = tick,
                None => list.push(tick),
            }
            Ok(())
        })
    }

    /// Unticks a step; unticking one that is not ticked changes nothing.
    pub fn untick_onboarding_step(&mut self, community: &Id, person: &Id, step: &Id, now: Timestamp) -> ModelResult {
        let ticked = self.community(community).is_some_and(|c| {
            c.cultivation
                .onboarding
                .iter()
                .any(|t| &t.person_id == person && &t.step_id == step)
        });
        if !ticked {
            return match self.community(community) {
                Some(_) => Ok(()),
                None => Err(ModelError::NotFound("That community no longer exists".into())),
            };
        }
        self.with_community(community, now, |c| {
            c.cultivation
                .onboarding
                .retain(|t| !(&t.person_id == person && &t.step_id == step));
            Ok(())
        })
    }
}
