//! Roles and capacity building (guidebook chapter 2, "ecology of leadership"): who holds which
//! role in each community, the warnings a leadership roster deserves, people overloaded
//! across communities, the leadership groups members join, leaders' capacity-building plans
//! and their peer groups.
//!
//! # Which roles count
//!
//! Roles are catalogue entries a workspace may rename, trim or extend, and a catalogue entry
//! carries no "kind", so the few roles the warnings reason about are named here by id. An id
//! missing from the workspace's catalogue is skipped (a workspace that deleted `sponsor` is
//! not told it lacks one); a role a workspace adds itself is never expected.
//!
//! - **Leading roles** ([`LEADING_ROLES`]): community leader, chapter leader, practice group
//!   leader. A community with nobody in one of them has *no leader*.
//! - **Leader-type roles** ([`LEADER_TYPE_ROLES`]): the leading roles plus core group member.
//!   Their holders are the community's *leaders* for capacity building (each may have a
//!   plan), for the "leaders trained" indicator and for overload across communities.
//! - **The core group** of a community: members at the innermost participation level (the
//!   first of the catalogue) or holding the core group member role.
//! - **Expected roles** ([`EXPECTED_ROLES`]): besides a leader and a core group, every
//!   community is expected to have a sponsor and someone who welcomes newcomers (a welcome
//!   wagon or a mentor).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::catalogue::{CatalogueKind, Catalogues};
use super::ids::Id;
use super::limits::{too_long, LONG_MAX, NAME_MAX};
use super::organisation::{CapacityStep, LeaderPlan, PeerGroup, StepStatus};
use super::workspace::{
    dedup, fresh_id, Community, FieldError, FieldErrors, Membership, ModelError, ModelResult, Timestamp, Workspace,
};

/// Roles whose holder leads the community (or a chapter or practice group of it).
pub const LEADING_ROLES: [&str; 3] = ["community_leader", "chapter_leader", "practice_group_leader"];

/// The core group member role.
pub const CORE_ROLE: &str = "core_group_member";

/// Roles that make their holder one of the community's leaders: the leading roles and the
/// core group. Holders get capacity-building plans and count towards overload.
pub const LEADER_TYPE_ROLES: [&str; 4] = ["community_leader", "chapter_leader", "practice_group_leader", CORE_ROLE];

/// A person holding leader-type roles in more than this many communities is overloaded.
/// Two is the default: leading one community and helping in the core of another is common;
/// a third usually means one of them is not really being led.
pub const OVERLOAD_THRESHOLD: usize = 2;

/// A role every community is expected to have, beyond a leader and a core group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExpectedRole {
    /// Any one of these roles fills the expectation.
    pub any_of: &'static [&'static str],
    /// What to do when nobody holds one.
    pub advice: &'static str,
}

/// The roles expected in every community, besides the leader and the core group (which
/// have warnings of their own).
pub const EXPECTED_ROLES: [ExpectedRole; 2] = [
    ExpectedRole {
        any_of: &["sponsor"],
        advice: "Ask a senior person who sees the community's strategic value to sponsor it: to give legitimacy, time and recognition, and to remove barriers without micromanaging.",
    },
    ExpectedRole {
        any_of: &["welcome_wagon", "mentor"],
        advice: "Ask a member to welcome newcomers and help them find a first contribution, so that people do not stay at the edge.",
    },
];

/// True for an id in [`LEADING_ROLES`].
pub fn is_leading_role(role: &Id) -> bool {
    LEADING_ROLES.contains(&role.as_str())
}

/// True for an id in [`LEADER_TYPE_ROLES`].
pub fn is_leader_type_role(role: &Id) -> bool {
    LEADER_TYPE_ROLES.contains(&role.as_str())
}

/// The members holding a leading role, in membership order.
pub fn leading_members(c: &Community) -> Vec<&Membership> {
    c.memberships
        .iter()
        .filter(|m| m.role_ids.iter().any(is_leading_role))
        .collect()
}

/// The members holding a leader-type role (leading roles and core group member).
pub fn leader_type_members(c: &Community) -> Vec<&Membership> {
    c.memberships
        .iter()
        .filter(|m| m.role_ids.iter().any(is_leader_type_role))
        .collect()
}

/// The core group: members at the innermost participation level or holding the core group
/// member role, in membership order.
pub fn core_group<'a>(cats: &Catalogues, c: &'a Community) -> Vec<&'a Membership> {
    let core = cats.get(CatalogueKind::ParticipationLevels).first().map(|l| &l.id);
    c.memberships
        .iter()
        .filter(|m| Some(&m.level_id) == core || m.role_ids.iter().any(|r| r.as_str() == CORE_ROLE))
        .collect()
}

/// The members holding `role`.
pub fn holders<'a>(c: &'a Community, role: &'a Id) -> impl Iterator<Item = &'a Membership> + 'a {
    c.memberships.iter().filter(move |m| m.role_ids.contains(role))
}

// ----- warnings -----

/// What a role warning is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleWarningKind {
    /// The community has no members at all (the other warnings would all follow from it).
    NoMembers,
    /// Nobody holds a leading role.
    NoLeader,
    /// One person leads and nobody else is in the core group.
    SinglePointOfFailure { person_id: Id },
    /// Nobody is at the core level or holds the core group member role.
    CoreGroupEmpty,
    /// Nobody holds any of these expected roles (those the catalogue still has).
    RoleEmpty { role_ids: Vec<Id> },
    /// A member here holds leader-type roles in more communities than the threshold.
    Overloaded { person_id: Id, communities: usize },
}

/// A warning about a community's roles, in words for the user, with what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleWarning {
    pub kind: RoleWarningKind,
    /// What is wrong, in a few words, for the portfolio: "No sponsor".
    pub short: String,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub advice: String,
}

/// Labels joined for a sentence: "a", "a or b", "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The warnings about a community's roles, most serious first: no members; no leader; a
/// single point of failure or an empty core group; expected roles left empty; members
/// overloaded across communities (see [`OVERLOAD_THRESHOLD`]). None for a community whose
/// transformation is recorded: it has ended or changed form.
pub fn role_warnings(ws: &Workspace, c: &Community) -> Vec<RoleWarning> {
    role_warnings_with(ws, c, OVERLOAD_THRESHOLD)
}

/// [`role_warnings`] with another overload threshold.
pub fn role_warnings_with(ws: &Workspace, c: &Community, threshold: usize) -> Vec<RoleWarning> {
    role_warnings_given(ws, c, &overloaded_people(ws, threshold))
}

/// [`role_warnings`] given the workspace's overloaded people, as [`overloaded_people`] lists
/// them. Overload is a property of the whole workspace: a page warning about many communities
/// (the portfolio, the roles page) computes it once and passes it to each community's
/// warnings instead of recomputing it for every community.
pub fn role_warnings_given(ws: &Workspace, c: &Community, overloaded: &[PersonRoles]) -> Vec<RoleWarning> {
    let cats = &ws.catalogues;
    let mut out = Vec::new();
    // A community that has ended or changed form (its transformation is recorded) has no
    // roster to warn about.
    if c.cultivation.transformation.is_some() {
        return out;
    }
    if c.memberships.is_empty() {
        out.push(RoleWarning {
            kind: RoleWarningKind::NoMembers,
            short: "No members yet".into(),
            message: "No members yet, so nobody leads the community and it has no core group.".into(),
            advice: "Add the community leader and the first core group members on the community's page.".into(),
        });
        return out;
    }
    let label = |r: &str| cats.label(CatalogueKind::Roles, &Id::new(r)).to_lowercase();
    let leading_labels: Vec<String> = LEADING_ROLES
        .iter()
        .filter(|r| cats.contains(CatalogueKind::Roles, &Id::new(**r)))
        .map(|r| label(r))
        .collect();
    let leaders = leading_members(c);
    let core = core_group(cats, c);
    if leaders.is_empty() && !leading_labels.is_empty() {
        out.push(RoleWarning {
            kind: RoleWarningKind::NoLeader,
            short: "No leader".into(),
            message: format!(
                "No community leader: nobody is {}.",
                with_article(&or_list(&leading_labels))
            ),
            advice: "Ask someone from the core group to lead day-to-day community life, and give them the role here."
                .into(),
        });
    }
    let single = match leaders.as_slice() {
        [only] if core.iter().all(|m| m.id == only.id) => Some(*only),
        _ => None,
    };
    if let Some(only) = single {
        out.push(RoleWarning {
            kind: RoleWarningKind::SinglePointOfFailure {
                person_id: only.person_id.clone(),
            },
            short: format!("Single point of failure: {}", ws.person_name(&only.person_id)),
            message: format!(
                "Single point of failure: {} leads alone, with nobody else in the core group.",
                ws.person_name(&only.person_id)
            ),
            advice: "A leader rarely lasts without a core group. Invite one or two committed members to share the work, and give them the core group member role.".into(),
        });
    } else if core.is_empty() {
        out.push(RoleWarning {
            kind: RoleWarningKind::CoreGroupEmpty,
            short: "Core group empty".into(),
            message: "The core group is empty: nobody is at the core level or holds the core group member role.".into(),
            advice: "Find the members whose passion energises the community and invite them into the core group."
                .into(),
        });
    }
    for expected in EXPECTED_ROLES {
        let known: Vec<Id> = expected
            .any_of
            .iter()
            .map(|r| Id::new(*r))
            .filter(|r| cats.contains(CatalogueKind::Roles, r))
            .collect();
        if known.is_empty() || known.iter().any(|r| holders(c, r).next().is_some()) {
            continue;
        }
        let labels: Vec<String> = known.iter().map(|r| label(r.as_str())).collect();
        out.push(RoleWarning {
            short: format!("No {}", or_list(&labels)),
            message: format!("Nobody is {}.", with_article(&or_list(&labels))),
            advice: expected.advice.into(),
            kind: RoleWarningKind::RoleEmpty { role_ids: known },
        });
    }
    for o in overloaded {
        if o.places.iter().any(|p| p.community_id == c.id) {
            let others: Vec<String> = o
                .places
                .iter()
                .filter(|p| p.community_id != c.id)
                .filter_map(|p| ws.community(&p.community_id).map(|x| x.name.clone()))
                .collect();
            out.push(RoleWarning {
                short: format!(
                    "{} leads in {} communities",
                    ws.person_name(&o.person_id),
                    o.places.len()
                ),
                message: format!(
                    "{} holds leading roles in {} communities (also in {}).",
                    ws.person_name(&o.person_id),
                    o.places.len(),
                    others.join(", ")
                ),
                advice:
                    "Too much for one person: share the work with the core group here, or hand over a role elsewhere."
                        .into(),
                kind: RoleWarningKind::Overloaded {
                    person_id: o.person_id.clone(),
                    communities: o.places.len(),
                },
            });
        }
    }
    out
}

/// "a sponsor", "an organiser", "a welcome wagon or mentor".
fn with_article(phrase: &str) -> String {
    let vowel = phrase.chars().next().is_some_and(|ch| "aeiouAEIOU".contains(ch));
    format!("{} {phrase}", if vowel { "an" } else { "a" })
}

// ----- people across communities -----

/// Where a person holds roles: one community, with the roles and leadership groups there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolePlace {
    pub community_id: Id,
    pub role_ids: Vec<Id>,
    pub leadership_group_ids: Vec<Id>,
}

/// A person and the communities where they hold roles or join leadership groups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRoles {
    pub person_id: Id,
    pub places: Vec<RolePlace>,
}

/// Each person's memberships, one per community in workspace order, built in one pass over
/// the communities: for every person, the same pairs as [`Workspace::memberships_of`] (the
/// first membership of the person in each community). Looking people up in this index
/// instead of calling `memberships_of` once per person keeps workspace-wide lists linear in
/// the number of memberships.
fn memberships_by_person(ws: &Workspace) -> HashMap<&Id, Vec<(&Community, &Membership)>> {
    let mut index: HashMap<&Id, Vec<(&Community, &Membership)>> = HashMap::new();
    for c in &ws.communities {
        for m in &c.memberships {
            let places = index.entry(&m.person_id).or_default();
            // Communities come in order, so a person already seen in this community is last.
            if !places.last().is_some_and(|(seen, _)| std::ptr::eq(*seen, c)) {
                places.push((c, m));
            }
        }
    }
    index
}

/// For every person in `ws.people`, the places `place` finds among their memberships; only
/// people with at least one place, by name.
fn people_with_places(
    ws: &Workspace,
    place: impl Fn(&Community, &Membership) -> Option<RolePlace>,
) -> Vec<PersonRoles> {
    let index = memberships_by_person(ws);
    let mut out: Vec<PersonRoles> = ws
        .people
        .iter()
        .map(|p| PersonRoles {
            person_id: p.id.clone(),
            places: index
                .get(&p.id)
                .map(|ms| ms.iter().filter_map(|(c, m)| place(c, m)).collect())
                .unwrap_or_default(),
        })
        .filter(|p| !p.places.is_empty())
        .collect();
    sort_by_name(ws, &mut out);
    out
}

/// Everyone holding a role or joining a leadership group anywhere, by name, each with the
/// communities concerned (in workspace order).
pub fn role_summary(ws: &Workspace) -> Vec<PersonRoles> {
    people_with_places(ws, |c, m| {
        (!m.role_ids.is_empty() || !m.leadership_group_ids.is_empty()).then(|| RolePlace {
            community_id: c.id.clone(),
            role_ids: m.role_ids.clone(),
            leadership_group_ids: m.leadership_group_ids.clone(),
        })
    })
}

/// Sorts by name (ignoring case), then id. A name is looked up as [`Workspace::person_name`]
/// does (the first person with the id), through a map built once.
fn sort_by_name(ws: &Workspace, people: &mut [PersonRoles]) {
    let mut names: HashMap<&Id, &str> = HashMap::with_capacity(ws.people.len());
    for p in &ws.people {
        names.entry(&p.id).or_insert(&p.name);
    }
    people.sort_by_cached_key(|p| {
        let name = names.get(&p.person_id).copied().unwrap_or("(unknown person)");
        (name.to_lowercase(), p.person_id.clone())
    });
}

/// The place a membership gives among the leaders: its leader-type roles, if it has any.
fn leader_place(c: &Community, m: &Membership) -> Option<RolePlace> {
    let roles: Vec<Id> = m.role_ids.iter().filter(|r| is_leader_type_role(r)).cloned().collect();
    (!roles.is_empty()).then(|| RolePlace {
        community_id: c.id.clone(),
        role_ids: roles,
        leadership_group_ids: m.leadership_group_ids.clone(),
    })
}

/// The communities where a person holds leader-type roles, with those roles only.
pub fn leader_places(ws: &Workspace, person: &Id) -> Vec<RolePlace> {
    ws.memberships_of(person)
        .filter_map(|(c, m)| leader_place(c, m))
        .collect()
}

/// True when the person holds a leader-type role in some community.
pub fn is_leader(ws: &Workspace, person: &Id) -> bool {
    ws.memberships_of(person)
        .any(|(_, m)| m.role_ids.iter().any(is_leader_type_role))
}

/// Everyone holding a leader-type role somewhere, by name, with those roles (for each, the
/// same places as [`leader_places`]).
pub fn leaders(ws: &Workspace) -> Vec<PersonRoles> {
    people_with_places(ws, leader_place)
}

/// People holding leader-type roles in more than `threshold` communities, by name.
pub fn overloaded_people(ws: &Workspace, threshold: usize) -> Vec<PersonRoles> {
    leaders(ws).into_iter().filter(|p| p.places.len() > threshold).collect()
}

// ----- leadership groups -----

impl Workspace {
    /// Sets the leadership groups (agenda activists, value detectives...) a member joins.
    pub fn set_leadership_groups(
        &mut self,
        community: &Id,
        membership: &Id,
        group_ids: &[Id],
        now: Timestamp,
    ) -> ModelResult {
        if group_ids
            .iter()
            .any(|g| !self.catalogues.contains(CatalogueKind::LeadershipGroups, g))
        {
            return Err(ModelError::Invalid(vec![FieldError::new(
                "leadership_group_ids",
                "Choose leadership groups from the list",
            )]));
        }
        self.with_community(community, now, |c| {
            let m = c
                .memberships
                .iter_mut()
                .find(|m| &m.id == membership)
                .ok_or_else(|| ModelError::NotFound("That membership no longer exists".into()))?;
            m.leadership_group_ids = dedup(group_ids);
            Ok(())
        })
    }
}

// ----- capacity building -----

/// Where a leader stands in their capacity-building plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlanState {
    NoPlan,
    NotStarted,
    InProgress,
    Done,
}

/// The step a leader should take next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    pub step_id: Id,
    /// When it is planned, if it is.
    pub on: Option<NaiveDate>,
    /// False when the step is only suggested: the first step of the catalogue not in the plan.
    pub planned: bool,
    /// Planned for a date already past.
    pub overdue: bool,
}

/// A leader's progress, for the leaders page and the portfolio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeaderStatus {
    pub state: PlanState,
    /// Steps done (of the catalogue's).
    pub done: usize,
    /// Steps in the catalogue.
    pub total: usize,
    pub next: Option<NextStep>,
}

impl LeaderStatus {
    /// "No plan yet", "Not started: 0 of 7 steps", "In progress: 3 of 7 steps", "Done: all 7 steps".
    pub fn label(&self) -> String {
        let steps = |n: usize| if n == 1 { "step" } else { "steps" };
        match self.state {
            PlanState::NoPlan => "No plan yet".into(),
            PlanState::NotStarted => format!("Not started: 0 of {} {}", self.total, steps(self.total)),
            PlanState::InProgress => format!("In progress: {} of {} {}", self.done, self.total, steps(self.total)),
            PlanState::Done => format!("Done: all {} {}", self.total, steps(self.total)),
        }
    }

    /// The status in a few words, for the portfolio: "no plan", "not started", "3 of 7 steps",
    /// "all 7 steps done".
    pub fn short_label(&self) -> String {
        match self.state {
            PlanState::NoPlan => "no plan".into(),
            PlanState::NotStarted => "not started".into(),
            PlanState::InProgress => format!("{} of {} steps", self.done, self.total),
            PlanState::Done => format!("all {} steps done", self.total),
        }
    }

    /// "Next: Facilitation skills, planned for 3 March 2026 (overdue)", or `None` when nothing
    /// is left.
    pub fn next_label(&self, cats: &Catalogues) -> Option<String> {
        let n = self.next.as_ref()?;
        let step = cats.label(CatalogueKind::CapacitySteps, &n.step_id);
        Some(match (n.planned, n.on) {
            (true, Some(on)) => format!(
                "Next: {step}, planned for {}{}",
                long_date(on),
                if n.overdue { " (overdue)" } else { "" }
            ),
            (true, None) => format!("Next: {step}, planned, no date yet"),
            (false, _) => format!("Suggested next: {step} (not planned yet)"),
        })
    }

    /// Share of the catalogue's steps done, 0–100; `None` without a plan or steps.
    pub fn percent(&self) -> Option<u8> {
        (self.state != PlanState::NoPlan && self.total > 0)
            .then(|| (self.done.min(self.total) * 100 / self.total) as u8)
    }
}

/// "3 March 2026".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// "3 Mar 2026", for tables.
pub fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// The person's capacity-building plan, if they have one.
pub fn leader_plan<'a>(ws: &'a Workspace, person: &Id) -> Option<&'a LeaderPlan> {
    ws.programme.leader_plans.iter().find(|p| &p.person_id == person)
}

/// A plan step's status, `None` when the step is not in the plan.
pub fn step_status<'a>(plan: &'a LeaderPlan, step: &Id) -> Option<&'a CapacityStep> {
    plan.steps.iter().find(|s| &s.step_id == step)
}

/// Where a person stands in capacity building on `today`. The next step is the planned step
/// due first (undated ones after dated ones, then in catalogue order); when nothing is
/// planned, the first step of the catalogue not yet in the plan is suggested.
pub fn leader_status(ws: &Workspace, person: &Id, today: NaiveDate) -> LeaderStatus {
    let steps = ws.catalogues.get(CatalogueKind::CapacitySteps);
    let total = steps.len();
    let Some(plan) = leader_plan(ws, person) else {
        return LeaderStatus {
            state: PlanState::NoPlan,
            done: 0,
            total,
            next: None,
        };
    };
    let done = steps
        .iter()
        .filter(|e| step_status(plan, &e.id).is_some_and(|s| s.status == StepStatus::Done))
        .count();
    let state = match done {
        0 => PlanState::NotStarted,
        n if n >= total => PlanState::Done,
        _ => PlanState::InProgress,
    };
    let planned = steps.iter().enumerate().filter_map(|(i, e)| {
        step_status(plan, &e.id)
            .filter(|s| s.status == StepStatus::Planned)
            .map(|s| (s.on.is_none(), s.on, i, s))
    });
    let next = match planned.min_by_key(|(undated, on, i, _)| (*undated, *on, *i)) {
        Some((_, on, _, s)) => Some(NextStep {
            step_id: s.step_id.clone(),
            on,
            planned: true,
            overdue: on.is_some_and(|d| d < today),
        }),
        None => steps
            .iter()
            .find(|e| step_status(plan, &e.id).is_none())
            .map(|e| NextStep {
                step_id: e.id.clone(),
                on: None,
                planned: false,
                overdue: false,
            }),
    };
    LeaderStatus {
        state,
        done,
        total,
        next,
    }
}

fn touch(ws: &mut Workspace, now: Timestamp) {
    if now > ws.updated_at {
        ws.updated_at = now;
    }
}

fn plan_mut<'a>(ws: &'a mut Workspace, person: &Id) -> ModelResult<&'a mut LeaderPlan> {
    ws.programme
        .leader_plans
        .iter_mut()
        .find(|p| &p.person_id == person)
        .ok_or_else(|| ModelError::NotFound("That capacity-building plan no longer exists".into()))
}

impl Workspace {
    /// Starts an empty capacity-building plan for a person who holds a leader-type role.
    pub fn add_leader_plan(&mut self, person: &Id, now: Timestamp) -> ModelResult {
        if self.person(person).is_none() {
            return Err(ModelError::NotFound("That person no longer exists".into()));
        }
        if leader_plan(self, person).is_some() {
            return Err(ModelError::Refused(format!(
                "{} already has a capacity-building plan",
                self.person_name(person)
            )));
        }
        if !is_leader(self, person) {
            return Err(ModelError::Refused(format!(
                "{} holds no leading role in any community; give them one first",
                self.person_name(person)
            )));
        }
        self.programme.leader_plans.push(LeaderPlan {
            person_id: person.clone(),
            steps: Vec::new(),
            note: String::new(),
        });
        touch(self, now);
        Ok(())
    }

    /// Sets one step of a leader's plan: planned (with an optional date), done (with the date
    /// it was done, not after today), or out of the plan (`None`).
    pub fn set_capacity_step(
        &mut self,
        person: &Id,
        step: &Id,
        status: Option<StepStatus>,
        on: Option<NaiveDate>,
        now: Timestamp,
    ) -> ModelResult {
        if !self.catalogues.contains(CatalogueKind::CapacitySteps, step) {
            return Err(ModelError::NotFound(
                "That capacity-building step no longer exists".into(),
            ));
        }
        if status == Some(StepStatus::Done) {
            match on {
                None => {
                    return Err(ModelError::Invalid(vec![FieldError::new(
                        "on",
                        "Enter the date the step was done",
                    )]))
                }
                // A day of slack: the caller's "today" may be ahead of UTC.
                Some(d) if d > now.date_naive() + Days::new(1) => {
                    return Err(ModelError::Invalid(vec![FieldError::new(
                        "on",
                        "A step cannot be done in the future; plan it for that date instead",
                    )]))
                }
                Some(_) => {}
            }
        }
        let plan = plan_mut(self, person)?;
        match status {
            None => plan.steps.retain(|s| &s.step_id != step),
            Some(status) => {
                let new = CapacityStep {
                    step_id: step.clone(),
                    status,
                    on,
                };
                match plan.steps.iter_mut().find(|s| &s.step_id == step) {
                    Some(s) => *s = new,
                    None => plan.steps.push(new),
                }
            }
        }
        touch(self, now);
        Ok(())
    }

    /// Sets the note on a leader's plan.
    pub fn set_leader_plan_note(&mut self, person: &Id, note: &str, now: Timestamp) -> ModelResult {
        if let Some(m) = too_long(note, LONG_MAX) {
            return Err(ModelError::Invalid(vec![FieldError::new("note", format!("Note {m}"))]));
        }
        plan_mut(self, person)?.note = note.trim_end().to_string();
        touch(self, now);
        Ok(())
    }

    /// Deletes a leader's plan and every step recorded in it.
    pub fn remove_leader_plan(&mut self, person: &Id, now: Timestamp) -> ModelResult {
        let n = self.programme.leader_plans.len();
        self.programme.leader_plans.retain(|p| &p.person_id != person);
        if n == self.programme.leader_plans.len() {
            return Err(ModelError::NotFound(
                "That capacity-building plan no longer exists".into(),
            ));
        }
        touch(self, now);
        Ok(())
    }
}

// ----- peer groups -----

/// The form for a leaders' peer group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeerGroupDraft {
    pub name: String,
    pub note: String,
}

impl PeerGroupDraft {
    pub fn of(g: &PeerGroup) -> Self {
        PeerGroupDraft {
            name: g.name.clone(),
            note: g.note.clone(),
        }
    }

    /// Name required, at most [`NAME_MAX`] characters and not another group's (ignoring
    /// case); note at most [`LONG_MAX`].
    pub fn problems(&self, ws: &Workspace, editing: Option<&Id>) -> FieldErrors {
        let mut e = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            e.push(FieldError::new("name", "Name is required"));
        } else if let Some(m) = too_long(name, NAME_MAX) {
            e.push(FieldError::new("name", format!("Name {m}")));
        } else if ws
            .programme
            .peer_groups
            .iter()
            .any(|g| Some(&g.id) != editing && g.name.trim().eq_ignore_ascii_case(name))
        {
            e.push(FieldError::new("name", "Another peer group already has this name"));
        }
        if let Some(m) = too_long(&self.note, LONG_MAX) {
            e.push(FieldError::new("note", format!("Note {m}")));
        }
        e
    }
}

/// True when any record of the workspace, of any kind, uses this id. Ids are unique across
/// the whole file (see [`super::validate`]).
pub(crate) fn record_id_taken(ws: &Workspace, id: &Id) -> bool {
    let pr = &ws.programme;
    ws.id_in_use(id)
        || pr.readiness_checks.iter().any(|r| &r.id == id)
        || pr.peer_groups.iter().any(|g| &g.id == id)
        || ws.communities.iter().any(|c| {
            let k = &c.cultivation;
            let s = &c.stewardship;
            s.health_checks.iter().any(|h| &h.id == id)
                || s.indicator_values.iter().any(|v| &v.id == id)
                || k.forming.strategic_links.iter().any(|l| &l.id == id)
                || k.forming.agenda.iter().any(|t| &t.id == id)
                || k.maturity.iter().any(|m| &m.id == id)
                || k.activities.iter().any(|a| &a.id == id)
        })
}

fn group_mut<'a>(ws: &'a mut Workspace, group: &Id) -> ModelResult<&'a mut PeerGroup> {
    ws.programme
        .peer_groups
        .iter_mut()
        .find(|g| &g.id == group)
        .ok_or_else(|| ModelError::NotFound("That peer group no longer exists".into()))
}

/// The communities a peer group spans: those where its members hold leader-type roles, in
/// workspace order.
pub fn peer_group_span(ws: &Workspace, group: &PeerGroup) -> Vec<Id> {
    ws.communities
        .iter()
        .filter(|c| {
            c.memberships
                .iter()
                .any(|m| group.member_ids.contains(&m.person_id) && m.role_ids.iter().any(is_leader_type_role))
        })
        .map(|c| c.id.clone())
        .collect()
}

impl Workspace {
    pub fn add_peer_group(&mut self, id: Id, draft: &PeerGroupDraft, now: Timestamp) -> ModelResult {
        let e = draft.problems(self, None);
        if !e.is_empty() {
            return Err(ModelError::Invalid(e));
        }
        fresh_id(record_id_taken(self, &id), &id)?;
        self.programme.peer_groups.push(PeerGroup {
            id,
            name: draft.name.trim().to_string(),
            member_ids: Vec::new(),
            note: draft.note.trim_end().to_string(),
        });
        touch(self, now);
        Ok(())
    }

    /// Renames a peer group and changes its note.
    pub fn update_peer_group(&mut self, id: &Id, draft: &PeerGroupDraft, now: Timestamp) -> ModelResult {
        let e = draft.problems(self, Some(id));
        if !e.is_empty() {
            return Err(ModelError::Invalid(e));
        }
        let g = group_mut(self, id)?;
        g.name = draft.name.trim().to_string();
        g.note = draft.note.trim_end().to_string();
        touch(self, now);
        Ok(())
    }

    pub fn delete_peer_group(&mut self, id: &Id, now: Timestamp) -> ModelResult {
        let n = self.programme.peer_groups.len();
        self.programme.peer_groups.retain(|g| &g.id != id);
        if n == self.programme.peer_groups.len() {
            return Err(ModelError::NotFound("That peer group no longer exists".into()));
        }
        touch(self, now);
        Ok(())
    }

    pub fn add_peer_group_member(&mut self, group: &Id, person: &Id, now: Timestamp) -> ModelResult {
        if self.person(person).is_none() {
            return Err(ModelError::Invalid(vec![FieldError::new(
                "person_id",
                "Choose a person from the list",
            )]));
        }
        let g = group_mut(self, group)?;
        if g.member_ids.contains(person) {
            return Err(ModelError::Invalid(vec![FieldError::new(
                "person_id",
                "This person is already in the group",
            )]));
        }
        g.member_ids.push(person.clone());
        touch(self, now);
        Ok(())
    }

    pub fn remove_peer_group_member(&mut self, group: &Id, person: &Id, now: Timestamp) -> ModelResult {
        let g = group_mut(self, group)?;
        let n = g.member_ids.len();
        g.member_ids.retain(|m| m != person);
        if n == g.member_ids.len() {
            return Err(ModelError::NotFound("That person is no longer in the group".into()));
        }
        touch(self, now);
        Ok(())
    }
}

/// The workspace-wide lists as they were computed before issue #9 (one
/// [`Workspace::memberships_of`] scan per person, names looked up one by one), kept as the
/// reference the one-pass versions are proved equal to.
#[cfg(test)]
pub(crate) mod reference {
    use super::*;

    fn sort_by_name(ws: &Workspace, people: &mut [PersonRoles]) {
        people.sort_by_cached_key(|p| (ws.person_name(&p.person_id).to_lowercase(), p.person_id.clone()));
    }

    pub(crate) fn role_summary(ws: &Workspace) -> Vec<PersonRoles> {
        let mut out: Vec<PersonRoles> = ws
            .people
            .iter()
            .map(|p| PersonRoles {
                person_id: p.id.clone(),
                places: ws
                    .memberships_of(&p.id)
                    .filter(|(_, m)| !m.role_ids.is_empty() || !m.leadership_group_ids.is_empty())
                    .map(|(c, m)| RolePlace {
                        community_id: c.id.clone(),
                        role_ids: m.role_ids.clone(),
                        leadership_group_ids: m.leadership_group_ids.clone(),
                    })
                    .collect(),
            })
            .filter(|p| !p.places.is_empty())
            .collect();
        sort_by_name(ws, &mut out);
        out
    }

    pub(crate) fn leaders(ws: &Workspace) -> Vec<PersonRoles> {
        let mut out: Vec<PersonRoles> = ws
            .people
            .iter()
            .map(|p| PersonRoles {
                person_id: p.id.clone(),
                places: leader_places(ws, &p.id),
            })
            .filter(|p| !p.places.is_empty())
            .collect();
        sort_by_name(ws, &mut out);
        out
    }

    pub(crate) fn overloaded_people(ws: &Workspace, threshold: usize) -> Vec<PersonRoles> {
        leaders(ws).into_iter().filter(|p| p.places.len() > threshold).collect()
    }

    /// The warnings as `role_warnings_with` gave them: overload recomputed for the community.
    pub(crate) fn role_warnings_with(ws: &Workspace, c: &Community, threshold: usize) -> Vec<RoleWarning> {
        role_warnings_given(ws, c, &overloaded_people(ws, threshold))
    }

    /// A generated workspace where many members hold leader-type roles, so that people are
    /// overloaded at every threshold the tests use; plus, unlike anything the operations
    /// allow, a person with a second membership in one community (the index must take the
    /// first, as `memberships_of` does), two people sharing a name (sorted by id) and a
    /// person in no community.
    pub(crate) fn crowded_workspace() -> Workspace {
        use crate::model::generate::{generate, Sizes};
        let mut ws = generate(
            7,
            Sizes {
                organisations: 3,
                people: 60,
                communities: 8,
                memberships_per_person: 4,
                meetings: 0,
                stories: 0,
            },
        );
        let mut n = 0;
        for c in &mut ws.communities {
            for m in &mut c.memberships {
                n += 1;
                if n % 5 == 0 {
                    m.role_ids.push(Id::new("community_leader"));
                }
                if n % 3 == 0 {
                    m.role_ids.push(Id::new(CORE_ROLE));
                }
                if n % 7 == 0 {
                    m.role_ids.push(Id::new("sponsor"));
                }
                if n % 11 == 0 {
                    m.leadership_group_ids.push(Id::new("agenda_activists"));
                }
            }
        }
        let mut second = ws.communities[0].memberships[0].clone();
        second.id = Id::new("m-second");
        second.role_ids = vec![Id::new("chapter_leader")];
        ws.communities[0].memberships.push(second);
        let twin = ws.people[1].clone();
        ws.people[2].name = twin.name.to_uppercase();
        let mut loner = twin;
        loner.id = Id::new("p-loner");
        ws.people.push(loner);
        ws
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::sample_workspace;

    #[test]
    fn one_pass_lists_equal_the_per_person_scans() {
        for ws in [sample_workspace(), reference::crowded_workspace()] {
            assert_eq!(leaders(&ws), reference::leaders(&ws), "{}", ws.name);
            assert_eq!(role_summary(&ws), reference::role_summary(&ws), "{}", ws.name);
            for p in &ws.people {
                let listed = leaders(&ws).into_iter().find(|l| l.person_id == p.id);
                assert_eq!(listed.map(|l| l.places).unwrap_or_default(), leader_places(&ws, &p.id));
            }
            for threshold in 0..=3 {
                assert_eq!(
                    overloaded_people(&ws, threshold),
                    reference::overloaded_people(&ws, threshold)
                );
                let overloaded = overloaded_people(&ws, threshold);
                for c in &ws.communities {
                    let expected = reference::role_warnings_with(&ws, c, threshold);
                    assert_eq!(role_warnings_with(&ws, c, threshold), expected, "{} {}", ws.name, c.id);
                    assert_eq!(
                        role_warnings_given(&ws, c, &overloaded),
                        expected,
                        "{} {}",
                        ws.name,
                        c.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_crowded_workspace_exercises_every_case() {
        let ws = reference::crowded_workspace();
        let overloaded = overloaded_people(&ws, OVERLOAD_THRESHOLD);
        assert!(overloaded.len() > 3, "{} overloaded", overloaded.len());
        // The second membership in a community is ignored, as `memberships_of` ignores it.
        let first = &ws.communities[0].memberships[0];
        let places = leader_places(&ws, &first.person_id);
        assert!(places.iter().all(|p| !p.role_ids.contains(&Id::new("chapter_leader"))));
        assert_eq!(ws.people[1].name.to_lowercase(), ws.people[2].name.to_lowercase());
        let summary = role_summary(&ws);
        assert!(summary.len() > 10);
        assert!(summary.iter().all(|p| p.person_id.as_str() != "p-loner"));
        // The two people sharing a name are both listed, so the tie is broken by id.
        for twin in &ws.people[1..3] {
            assert!(summary.iter().any(|p| p.person_id == twin.id), "{}", twin.id);
        }
        let warned = ws
            .communities
            .iter()
            .flat_map(|c| role_warnings(&ws, c))
            .filter(|w| matches!(w.kind, RoleWarningKind::Overloaded { .. }))
            .count();
        assert!(warned > 3, "{warned} overload warnings");
    }

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(or_list(&[]), "");
        assert_eq!(or_list(&["a".into()]), "a");
        assert_eq!(or_list(&["a".into(), "b".into(), "c".into()]), "a, b or c");
        assert_eq!(with_article("sponsor"), "a sponsor");
        assert_eq!(with_article("organiser"), "an organiser");
    }

    #[test]
    fn status_labels_read_naturally() {
        let s = |state, done, total| LeaderStatus {
            state,
            done,
            total,
            next: None,
        };
        assert_eq!(s(PlanState::NoPlan, 0, 7).label(), "No plan yet");
        assert_eq!(s(PlanState::NotStarted, 0, 7).label(), "Not started: 0 of 7 steps");
        assert_eq!(s(PlanState::InProgress, 3, 7).label(), "In progress: 3 of 7 steps");
        assert_eq!(s(PlanState::Done, 1, 1).label(), "Done: all 1 step");
        assert_eq!(s(PlanState::InProgress, 3, 7).percent(), Some(42));
        assert_eq!(s(PlanState::NoPlan, 0, 7).short_label(), "no plan");
        assert_eq!(s(PlanState::NotStarted, 0, 7).short_label(), "not started");
        assert_eq!(s(PlanState::InProgress, 3, 7).short_label(), "3 of 7 steps");
        assert_eq!(s(PlanState::Done, 7, 7).short_label(), "all 7 steps done");
        assert_eq!(short_date(NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()), "3 Mar 2026");
        assert_eq!(s(PlanState::NoPlan, 0, 7).percent(), None);
        assert_eq!(long_date(NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()), "3 March 2026");
    }
}
