//! The forming wizard's steps and operations, and the charter made from its answers.
//!
//! The wizard walks a new community through the planning objects of the guidebook's
//! chapter on cultivating (formation type, domain and strategic links, learning agenda,
//! community, practice, value proposition, rhythm, norms). Its answers live in
//! [`Forming`]; the formation type, the domain statement and the key issues are the
//! community's own fields, and the core group and first leader are real memberships, so
//! that the participation map sees them.
//!
//! The charter is generated from the answers ([`charter_draft`]), edited, and saved as a
//! numbered, dated version ([`Workspace::save_charter`]). A section's body is plain text
//! with two conventions, shared by the app's rendering and the Markdown export
//! ([`blocks`]): a blank line separates paragraphs, and a line starting with `- ` is a list
//! item.

use chrono::NaiveDate;

use super::catalogue::{CatalogueKind, Catalogues};
use super::cultivation::{AgendaTopic, Charter, CharterSection, Forming, Mode, PlannedActivity, Repeat, StrategicLink};
use super::ids::Id;
use super::limits::{too_long, LONG_MAX, NAME_MAX, SHORT_MAX};
use super::workspace::{
    fresh_id, Community, FieldError, FieldErrors, Membership, MembershipDraft, ModelError, ModelResult, PersonDraft,
    Timestamp, Workspace,
};

/// One step of the forming wizard.
pub struct Step {
    /// Stable key, used in the URL (`?step=domain`) and in tests.
    pub key: &'static str,
    pub title: &'static str,
    /// What the step asks for and why, drawn from the guidebook.
    pub help: &'static str,
}

/// The wizard's steps, in order. `Forming::step` indexes into this.
pub const STEPS: [Step; 8] = [
    Step {
        key: "formation",
        title: "Formation type",
        help: "Choose the structure that fits: a community of practice, a local chapter of a wider community, or a practice group working on one part of the practice.",
    },
    Step {
        key: "domain",
        title: "Domain",
        help: "The domain is the area of shared inquiry and its key issues. Say which organisational priorities it serves, and how: that is what makes a sponsor care.",
    },
    Step {
        key: "agenda",
        title: "Learning agenda",
        help: "The topics the community takes charge of developing. Give each an owner, the activities planned and the outputs expected.",
    },
    Step {
        key: "community",
        title: "Community",
        help: "Who is invited, who forms the core group, and who leads first. Find internal leaders before anything else.",
    },
    Step {
        key: "practice",
        title: "Practice",
        help: "What members will share and build together: cases, tools, stories, lessons, documents.",
    },
    Step {
        key: "value",
        title: "Value proposition",
        help: "What members and the organisation get out of it, in the short term and in the long term.",
    },
    Step {
        key: "rhythm",
        title: "Rhythm",
        help: "A regular tempo that suits the community's stage and members' lives. Start simple.",
    },
    Step {
        key: "norms",
        title: "Norms and confidentiality",
        help: "How members treat each other and their time, what stays inside the community, and what can be published.",
    },
];

/// The index of the step with this key.
pub fn step_index(key: &str) -> Option<usize> {
    STEPS.iter().position(|s| s.key == key)
}

/// The role that marks a community's leader.
pub const LEADER_ROLE: &str = "community_leader";

/// The role that marks a sponsor, named in the charter.
pub const SPONSOR_ROLE: &str = "sponsor";

/// The wizard's free-text answers kept in [`Forming`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Invited,
    Practice,
    ValueMembersShort,
    ValueMembersLong,
    ValueOrgShort,
    ValueOrgLong,
    Rhythm,
    Norms,
    Confidential,
    Publishable,
}

impl Answer {
    pub const ALL: [Answer; 10] = [
        Answer::Invited,
        Answer::Practice,
        Answer::ValueMembersShort,
        Answer::ValueMembersLong,
        Answer::ValueOrgShort,
        Answer::ValueOrgLong,
        Answer::Rhythm,
        Answer::Norms,
        Answer::Confidential,
        Answer::Publishable,
    ];

    /// The field's name in the file format, also used for element ids.
    pub fn key(self) -> &'static str {
        match self {
            Answer::Invited => "invited",
            Answer::Practice => "practice",
            Answer::ValueMembersShort => "value_members_short",
            Answer::ValueMembersLong => "value_members_long",
            Answer::ValueOrgShort => "value_org_short",
            Answer::ValueOrgLong => "value_org_long",
            Answer::Rhythm => "rhythm",
            Answer::Norms => "norms",
            Answer::Confidential => "confidential",
            Answer::Publishable => "publishable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Answer::Invited => "Who is invited",
            Answer::Practice => "What members will share and build",
            Answer::ValueMembersShort => "For members, in the short term",
            Answer::ValueMembersLong => "For members, in the long term",
            Answer::ValueOrgShort => "For the organisation, in the short term",
            Answer::ValueOrgLong => "For the organisation, in the long term",
            Answer::Rhythm => "The rhythm you intend",
            Answer::Norms => "Norms: how members treat each other and their time",
            Answer::Confidential => "What stays inside the community",
            Answer::Publishable => "What may be published outside it",
        }
    }

    /// Prompts and examples for the workshop (Wenger-Trayner value matrix and charter practice).
    pub fn hint(self) -> &'static str {
        match self {
            Answer::Invited => "Who the community is for, and whether membership is open or by invitation: “all reliability engineers in the three plants, open to anyone who maintains rotating equipment”. Say what commitment you expect.",
            Answer::Practice => "The repertoire members will build and use: cases worked through together, tools and templates, stories of what worked, ways of handling recurring problems, documents.",
            Answer::ValueMembersShort => "Help with challenges, access to expertise, confidence, fun with colleagues, meaningful work.",
            Answer::ValueMembersLong => "Personal development, reputation, professional identity, a network, marketability.",
            Answer::ValueOrgShort => "Problem solving, time saved, knowledge shared, synergies across units, resources reused.",
            Answer::ValueOrgLong => "Strategic capabilities, keeping up to date, innovation, retaining talent, new strategies.",
            Answer::Rhythm => "How often and how members meet and connect between meetings: “a 60-minute online clinic on the second Tuesday of each month, a forum in between, a face-to-face day each spring”.",
            Answer::Norms => "For example: start and end on time; no dumb questions; speak from your own experience; everyone contributes a case once a year.",
            Answer::Confidential => "For example: names of clients and colleagues in cases, failures shared in confidence, draft documents.",
            Answer::Publishable => "For example: tools and templates once reviewed, anonymised lessons, the learning agenda, summaries of meetings.",
        }
    }

    /// The step the answer is asked on.
    pub fn step(self) -> usize {
        match self {
            Answer::Invited => 3,
            Answer::Practice => 4,
            Answer::ValueMembersShort | Answer::ValueMembersLong | Answer::ValueOrgShort | Answer::ValueOrgLong => 5,
            Answer::Rhythm => 6,
            Answer::Norms | Answer::Confidential | Answer::Publishable => 7,
        }
    }

    pub fn get(self, f: &Forming) -> &str {
        match self {
            Answer::Invited => &f.invited,
            Answer::Practice => &f.practice,
            Answer::ValueMembersShort => &f.value_members_short,
            Answer::ValueMembersLong => &f.value_members_long,
            Answer::ValueOrgShort => &f.value_org_short,
            Answer::ValueOrgLong => &f.value_org_long,
            Answer::Rhythm => &f.rhythm,
            Answer::Norms => &f.norms,
            Answer::Confidential => &f.confidential,
            Answer::Publishable => &f.publishable,
        }
    }

    fn get_mut(self, f: &mut Forming) -> &mut String {
        match self {
            Answer::Invited => &mut f.invited,
            Answer::Practice => &mut f.practice,
            Answer::ValueMembersShort => &mut f.value_members_short,
            Answer::ValueMembersLong => &mut f.value_members_long,
            Answer::ValueOrgShort => &mut f.value_org_short,
            Answer::ValueOrgLong => &mut f.value_org_long,
            Answer::Rhythm => &mut f.rhythm,
            Answer::Norms => &mut f.norms,
            Answer::Confidential => &mut f.confidential,
            Answer::Publishable => &mut f.publishable,
        }
    }
}

/// The form for a strategic link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkDraft {
    pub priority: String,
    pub contribution: String,
}

impl LinkDraft {
    pub fn of(l: &StrategicLink) -> Self {
        LinkDraft {
            priority: l.priority.clone(),
            contribution: l.contribution.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.priority.trim().is_empty() && self.contribution.trim().is_empty()
    }

    pub fn problems(&self) -> FieldErrors {
        let mut e = Vec::new();
        if self.priority.trim().is_empty() {
            e.push(FieldError::new("priority", "Name the organisational priority"));
        }
        len(&mut e, "priority", &self.priority, SHORT_MAX, "The priority");
        len(&mut e, "contribution", &self.contribution, LONG_MAX, "The contribution");
        e
    }
}

/// The form for a topic of the learning agenda.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopicDraft {
    pub topic: String,
    pub owner_id: Option<Id>,
    pub activities: String,
    pub outputs: String,
}

impl TopicDraft {
    pub fn of(t: &AgendaTopic) -> Self {
        TopicDraft {
            topic: t.topic.clone(),
            owner_id: t.owner_id.clone(),
            activities: t.activities.clone(),
            outputs: t.outputs.clone(),
        }
    }

    /// Nothing typed or chosen.
    pub fn is_empty(&self) -> bool {
        self.topic.trim().is_empty()
            && self.owner_id.is_none()
            && self.activities.trim().is_empty()
            && self.outputs.trim().is_empty()
    }

    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        if self.topic.trim().is_empty() {
            e.push(FieldError::new("topic", "Name the topic"));
        }
        len(&mut e, "topic", &self.topic, SHORT_MAX, "The topic");
        if self.owner_id.as_ref().is_some_and(|o| ws.person(o).is_none()) {
            e.push(FieldError::new("owner_id", "Choose the owner from the list"));
        }
        len(&mut e, "activities", &self.activities, LONG_MAX, "The activities");
        len(&mut e, "outputs", &self.outputs, LONG_MAX, "The outputs");
        e
    }

    fn build(&self, id: Id) -> AgendaTopic {
        AgendaTopic {
            id,
            topic: self.topic.trim().to_string(),
            owner_id: self.owner_id.clone(),
            activities: tidy(&self.activities),
            outputs: tidy(&self.outputs),
        }
    }
}

fn len(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize, what: &str) {
    if let Some(m) = too_long(value, max) {
        errors.push(FieldError::new(field, format!("{what} {m}")));
    }
}

fn invalid_unless_empty(errors: FieldErrors) -> ModelResult {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ModelError::Invalid(errors))
    }
}

/// Free text as stored: surrounding blank space and trailing spaces on lines removed, the
/// user's line breaks kept.
fn tidy(text: &str) -> String {
    text.trim().lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// The ids of the records kept in a community's cultivation. They share the workspace's id
/// space with everything else (see `validate_workspace`).
fn cultivation_ids(c: &Community) -> impl Iterator<Item = &Id> {
    let k = &c.cultivation;
    k.forming
        .strategic_links
        .iter()
        .map(|l| &l.id)
        .chain(k.forming.agenda.iter().map(|t| &t.id))
        .chain(k.maturity.iter().map(|m| &m.id))
        .chain(k.activities.iter().map(|a| &a.id))
}

fn fresh(ws: &Workspace, id: &Id) -> ModelResult {
    let taken = ws.id_in_use(id) || ws.communities.iter().any(|c| cultivation_ids(c).any(|x| x == id));
    fresh_id(taken, id)
}

/// The innermost participation level: the core group (the catalogue is ordered from the
/// centre out, see [`super::participation`]).
pub fn core_level(cats: &Catalogues) -> Option<&Id> {
    cats.get(CatalogueKind::ParticipationLevels).first().map(|l| &l.id)
}

/// The members in the core group, in the order they joined it.
pub fn core_group<'a>(cats: &Catalogues, c: &'a Community) -> Vec<&'a Membership> {
    let Some(core) = core_level(cats) else {
        return Vec::new();
    };
    let mut out: Vec<&Membership> = c.memberships.iter().filter(|m| &m.level_id == core).collect();
    out.sort_by_key(|m| m.history.last().map(|h| h.on).unwrap_or(m.joined_on));
    out
}

/// The members with the leader role, at any level.
pub fn leaders(c: &Community) -> Vec<&Membership> {
    c.memberships
        .iter()
        .filter(|m| m.role_ids.iter().any(|r| r.as_str() == LEADER_ROLE))
        .collect()
}

/// Whether a step holds any answer yet, for the progress indicator. The formation type is
/// always chosen.
pub fn step_has_answers(cats: &Catalogues, c: &Community, step: usize) -> bool {
    let f = &c.cultivation.forming;
    let any = |answers: &[Answer]| answers.iter().any(|a| !a.get(f).trim().is_empty());
    match step {
        0 => true,
        1 => !c.domain.statement.trim().is_empty() || !c.domain.key_issues.is_empty() || !f.strategic_links.is_empty(),
        2 => !f.agenda.is_empty(),
        3 => any(&[Answer::Invited]) || !core_group(cats, c).is_empty() || !leaders(c).is_empty(),
        4 => any(&[Answer::Practice]),
        5 => any(&[
            Answer::ValueMembersShort,
            Answer::ValueMembersLong,
            Answer::ValueOrgShort,
            Answer::ValueOrgLong,
        ]),
        6 => any(&[Answer::Rhythm]) || !c.cultivation.activities.is_empty(),
        7 => any(&[Answer::Norms, Answer::Confidential, Answer::Publishable]),
        _ => false,
    }
}

impl Workspace {
    /// Records the step the wizard is at, so that it resumes there.
    pub fn set_forming_step(&mut self, community: &Id, step: usize, now: Timestamp) -> ModelResult {
        let step = u8::try_from(step)
            .ok()
            .filter(|s| usize::from(*s) < STEPS.len())
            .ok_or_else(|| ModelError::Refused(format!("There is no step {} in the wizard", step + 1)))?;
        if self
            .community(community)
            .is_some_and(|c| c.cultivation.forming.step == step)
        {
            return Ok(());
        }
        self.with_community(community, now, |c| {
            c.cultivation.forming.step = step;
            Ok(())
        })
    }

    /// Saves one free-text answer of the wizard. Unchanged text changes nothing.
    pub fn set_forming_answer(&mut self, community: &Id, answer: Answer, text: &str, now: Timestamp) -> ModelResult {
        let mut e = Vec::new();
        len(&mut e, answer.key(), text, LONG_MAX, "The answer");
        invalid_unless_empty(e)?;
        let text = tidy(text);
        if self
            .community(community)
            .is_some_and(|c| answer.get(&c.cultivation.forming) == text)
        {
            return Ok(());
        }
        self.with_community(community, now, |c| {
            *answer.get_mut(&mut c.cultivation.forming) = text;
            Ok(())
        })
    }

    /// Renames the community from the wizard's first step.
    pub fn set_community_name(&mut self, community: &Id, name: &str, now: Timestamp) -> ModelResult {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        if c.name == name.trim() {
            return Ok(());
        }
        let mut d = super::workspace::CommunityDraft::of(c);
        d.name = name.to_string();
        self.update_community(community, &d, now)
    }

    /// Changes the formation type from the wizard's first step.
    pub fn set_formation_type(&mut self, community: &Id, formation: &Id, now: Timestamp) -> ModelResult {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        if &c.formation_type_id == formation {
            return Ok(());
        }
        let mut d = super::workspace::CommunityDraft::of(c);
        d.formation_type_id = formation.clone();
        self.update_community(community, &d, now)
    }

    /// Saves the domain statement from the wizard's domain step.
    pub fn set_domain_statement(&mut self, community: &Id, statement: &str, now: Timestamp) -> ModelResult {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        let statement = tidy(statement);
        if c.domain.statement == statement {
            return Ok(());
        }
        let mut d = super::workspace::CommunityDraft::of(c);
        d.domain_statement = statement;
        self.update_community(community, &d, now)
    }

    // ----- strategic links -----

    pub fn add_strategic_link(&mut self, community: &Id, id: Id, draft: &LinkDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems())?;
        fresh(self, &id)?;
        self.with_community(community, now, |c| {
            c.cultivation.forming.strategic_links.push(StrategicLink {
                id,
                priority: draft.priority.trim().to_string(),
                contribution: tidy(&draft.contribution),
            });
            Ok(())
        })
    }

    pub fn update_strategic_link(&mut self, community: &Id, id: &Id, draft: &LinkDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems())?;
        self.with_community(community, now, |c| {
            let l = c
                .cultivation
                .forming
                .strategic_links
                .iter_mut()
                .find(|l| &l.id == id)
                .ok_or_else(|| ModelError::NotFound("That strategic link no longer exists".into()))?;
            l.priority = draft.priority.trim().to_string();
            l.contribution = tidy(&draft.contribution);
            Ok(())
        })
    }

    pub fn remove_strategic_link(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let links = &mut c.cultivation.forming.strategic_links;
            let n = links.len();
            links.retain(|l| &l.id != id);
            if links.len() == n {
                return Err(ModelError::NotFound("That strategic link no longer exists".into()));
            }
            Ok(())
        })
    }

    // ----- learning agenda -----

    pub fn add_agenda_topic(&mut self, community: &Id, id: Id, draft: &TopicDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        fresh(self, &id)?;
        self.with_community(community, now, |c| {
            c.cultivation.forming.agenda.push(draft.build(id));
            Ok(())
        })
    }

    pub fn update_agenda_topic(&mut self, community: &Id, id: &Id, draft: &TopicDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        self.with_community(community, now, |c| {
            let t = c
                .cultivation
                .forming
                .agenda
                .iter_mut()
                .find(|t| &t.id == id)
                .ok_or_else(|| ModelError::NotFound("That topic no longer exists".into()))?;
            *t = draft.build(id.clone());
            Ok(())
        })
    }

    pub fn remove_agenda_topic(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let agenda = &mut c.cultivation.forming.agenda;
            let n = agenda.len();
            agenda.retain(|t| &t.id != id);
            if agenda.len() == n {
                return Err(ModelError::NotFound("That topic no longer exists".into()));
            }
            c.facilitation.forget_agenda_topic(id);
            Ok(())
        })
    }

    /// Moves a topic one place up (earlier, higher priority) or down the agenda.
    pub fn move_agenda_topic(&mut self, community: &Id, id: &Id, up: bool, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let agenda = &mut c.cultivation.forming.agenda;
            let i = agenda
                .iter()
                .position(|t| &t.id == id)
                .ok_or_else(|| ModelError::NotFound("That topic no longer exists".into()))?;
            let j = if up {
                i.checked_sub(1)
            } else {
                Some(i + 1).filter(|j| *j < agenda.len())
            };
            let j = j.ok_or_else(|| {
                ModelError::Refused(format!("The topic is already {}", if up { "first" } else { "last" }))
            })?;
            agenda.swap(i, j);
            Ok(())
        })
    }

    // ----- core group and leader -----

    /// Puts a person in the core group: a new membership at the core level, or a dated move
    /// there for a member at another level.
    pub fn add_to_core_group(
        &mut self,
        community: &Id,
        person: &Id,
        membership_id: Id,
        on: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        let core = core_level(&self.catalogues).cloned().ok_or_else(|| {
            ModelError::Refused(
                "The participation levels catalogue is empty; add a level on the Data page first.".into(),
            )
        })?;
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        if self.person(person).is_none() {
            return Err(ModelError::Invalid(vec![FieldError::new(
                "person_id",
                "Choose a person from the list",
            )]));
        }
        match c.memberships.iter().find(|m| &m.person_id == person) {
            Some(m) if m.level_id == core => Err(ModelError::Invalid(vec![FieldError::new(
                "person_id",
                format!("{} is already in the core group", self.person_name(person)),
            )])),
            Some(m) => {
                let last = m.history.last().map(|h| h.on).unwrap_or(m.joined_on);
                let mid = m.id.clone();
                self.change_level(community, &mid, &core, on.max(last), "Joined the core group", now)
            }
            None => self.add_membership(
                community,
                membership_id,
                &MembershipDraft {
                    person_id: Some(person.clone()),
                    level_id: core,
                    role_ids: Vec::new(),
                    joined_on: on,
                },
                now,
            ),
        }
    }

    /// Adds a new person to the workspace by name and puts them in the core group, all or
    /// nothing.
    pub fn add_new_person_to_core_group(
        &mut self,
        community: &Id,
        person_id: Id,
        name: &str,
        membership_id: Id,
        on: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        let mut next = self.clone();
        let draft = PersonDraft {
            name: name.to_string(),
            ..Default::default()
        };
        next.add_person(person_id.clone(), &draft, now)?;
        next.add_to_core_group(community, &person_id, membership_id, on, now)?;
        *self = next;
        Ok(())
    }

    /// Takes a member out of the core group. Someone who joined the community straight into
    /// the core group (and has no onboarding record) is taken off the community; anyone else
    /// moves back to the level they came from, dated.
    pub fn leave_core_group(&mut self, community: &Id, membership: &Id, on: NaiveDate, now: Timestamp) -> ModelResult {
        let core = core_level(&self.catalogues).cloned();
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        let m = c
            .memberships
            .iter()
            .find(|m| &m.id == membership)
            .ok_or_else(|| ModelError::NotFound("That membership no longer exists".into()))?;
        if Some(&m.level_id) != core.as_ref() {
            return Err(ModelError::Refused(format!(
                "{} is not in the core group",
                self.person_name(&m.person_id)
            )));
        }
        let onboarded = c.cultivation.onboarding.iter().any(|t| t.person_id == m.person_id);
        if m.history.len() == 1 && !onboarded {
            return self.remove_membership(community, membership, now);
        }
        let last = m.history.last().map(|h| h.on).unwrap_or(m.joined_on);
        let levels = self.catalogues.get(CatalogueKind::ParticipationLevels);
        let to = m
            .history
            .last()
            .and_then(|h| h.from_level_id.clone())
            .into_iter()
            .chain(levels.get(1).map(|l| l.id.clone()))
            .find(|l| Some(l) != core.as_ref() && levels.iter().any(|x| &x.id == l))
            .ok_or_else(|| {
                ModelError::Refused(
                    "There is no other participation level to move to; change the level on the participation map."
                        .into(),
                )
            })?;
        self.change_level(community, membership, &to, on.max(last), "Left the core group", now)
    }

    /// Gives a member the leader role, or takes it away. Other leaders keep theirs: a
    /// community may have co-leaders.
    pub fn set_community_leader(
        &mut self,
        community: &Id,
        membership: &Id,
        leads: bool,
        now: Timestamp,
    ) -> ModelResult {
        let role = Id::new(LEADER_ROLE);
        if !self.catalogues.contains(CatalogueKind::Roles, &role) {
            return Err(ModelError::Refused(
                "The roles catalogue has no community leader role (id community_leader); add it on the Data page."
                    .into(),
            ));
        }
        let m = self
            .community(community)
            .and_then(|c| c.memberships.iter().find(|m| &m.id == membership))
            .ok_or_else(|| ModelError::NotFound("That membership no longer exists".into()))?;
        let mut roles = m.role_ids.clone();
        let has = roles.contains(&role);
        if has == leads {
            return Ok(());
        }
        if leads {
            roles.push(role);
        } else {
            roles.retain(|r| r != &role);
        }
        self.set_roles(community, membership, &roles, now)
    }

    // ----- charter -----

    /// Saves the sections as the charter's next version, dated `on`, and returns its number.
    /// The date must not be before the current version's.
    pub fn save_charter(
        &mut self,
        community: &Id,
        sections: &[CharterSection],
        on: NaiveDate,
        now: Timestamp,
    ) -> ModelResult<u32> {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        let mut e = charter_problems(sections);
        if let Some(last) = c.cultivation.charters.last() {
            if on < last.on {
                e.push(FieldError::new(
                    "on",
                    format!(
                        "The date must not be before version {}'s date, {}",
                        last.version, last.on
                    ),
                ));
            }
        }
        invalid_unless_empty(e)?;
        let sections: Vec<CharterSection> = sections
            .iter()
            .map(|s| CharterSection {
                heading: s.heading.trim().to_string(),
                body: tidy(&s.body),
            })
            .collect();
        self.with_community(community, now, |c| {
            let version = c.cultivation.charters.last().map_or(1, |l| l.version + 1);
            c.cultivation.charters.push(Charter { version, on, sections });
            Ok(version)
        })
    }
}

/// What is wrong with one charter section, for inline messages: a heading is required.
pub fn section_problems(s: &CharterSection) -> FieldErrors {
    let mut e = Vec::new();
    if s.heading.trim().is_empty() {
        e.push(FieldError::new("heading", "Give the section a heading"));
    }
    len(&mut e, "heading", s.heading.trim(), NAME_MAX, "The heading");
    len(&mut e, "body", &s.body, LONG_MAX, "The text");
    e
}

/// Every problem of a charter to be saved, each message naming its section.
pub fn charter_problems(sections: &[CharterSection]) -> FieldErrors {
    let mut e = Vec::new();
    if sections.is_empty() {
        e.push(FieldError::new("sections", "A charter needs at least one section"));
    }
    for (i, s) in sections.iter().enumerate() {
        for p in section_problems(s) {
            e.push(FieldError::new(p.field, format!("Section {}: {}", i + 1, p.message)));
        }
    }
    e
}

// ----- generating the charter -----

/// What an empty section says in a generated draft.
pub const TO_BE_AGREED: &str = "To be agreed.";

/// The charter's headings, in order.
pub const CHARTER_HEADINGS: [&str; 10] = [
    "Purpose and domain",
    "Strategic links",
    "Learning agenda",
    "Membership and roles",
    "Practice",
    "Value proposition",
    "Rhythm",
    "Norms",
    "Confidentiality",
    "Review",
];

/// Joins non-empty parts with blank lines (paragraph breaks); `TO_BE_AGREED` when all are empty.
fn body(parts: Vec<String>) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    if parts.is_empty() {
        TO_BE_AGREED.to_string()
    } else {
        parts.join("\n\n")
    }
}

/// A labelled answer: "For members, in the short term:" and the text on the next lines.
fn labelled(label: &str, text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!("{label}:\n{}", text.trim())
    }
}

/// Text for a list item: one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bullets(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .map(|i| format!("- {}", one_line(&i)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A planned activity in a few words: "Monthly clinic: monthly (same weekday) from
/// 2026-03-10, 15:00, 60 minutes, live".
pub fn activity_summary(cats: &Catalogues, a: &PlannedActivity) -> String {
    let when = match a.repeat {
        Repeat::Once => format!("on {}", a.starts_on),
        Repeat::Weekly => format!("weekly from {}", a.starts_on),
        Repeat::Fortnightly => format!("every two weeks from {}", a.starts_on),
        Repeat::MonthlyByWeekday => format!("monthly on the same weekday from {}", a.starts_on),
        Repeat::MonthlyByDate => format!("monthly on the same date from {}", a.starts_on),
    };
    let until = match (a.repeat, a.until) {
        (Repeat::Once, _) | (_, None) => String::new(),
        (_, Some(u)) => format!(" until {u}"),
    };
    let mode = match a.mode {
        Mode::Synchronous => "live",
        Mode::Asynchronous => "any time (asynchronous)",
    };
    let kind = a
        .activity_type_id
        .as_ref()
        .filter(|t| cats.contains(CatalogueKind::ActivityTypes, t))
        .map(|t| format!(" ({})", cats.label(CatalogueKind::ActivityTypes, t).to_lowercase()))
        .unwrap_or_default();
    format!(
        "{}{kind}: {when}{until}, {}, {} minutes, {mode}",
        a.title,
        a.start_time.format("%H:%M"),
        a.duration_minutes
    )
}

/// The charter's sections generated from the wizard's answers and the community's own
/// records (domain, core group, leaders, sponsors, planned activities), for a version dated
/// `on`. Sections nobody has answered yet say [`TO_BE_AGREED`].
pub fn charter_draft(ws: &Workspace, c: &Community, on: NaiveDate) -> Vec<CharterSection> {
    let cats = &ws.catalogues;
    let f = &c.cultivation.forming;
    let formation = cats.label(CatalogueKind::FormationTypes, &c.formation_type_id);
    let article = if formation.to_lowercase().starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let names = |ms: &[&Membership]| ms.iter().map(|m| ws.person_name(&m.person_id)).collect::<Vec<_>>();

    let purpose = body(vec![
        format!("{} is {article} {}.", c.name, formation.to_lowercase()),
        c.domain.statement.trim().to_string(),
        if c.domain.key_issues.is_empty() {
            String::new()
        } else {
            format!(
                "Key issues:\n{}",
                bullets(c.domain.key_issues.iter().map(|k| k.text.clone()))
            )
        },
    ]);
    let links = body(vec![bullets(f.strategic_links.iter().map(|l| {
        if l.contribution.trim().is_empty() {
            l.priority.clone()
        } else {
            format!("{}: {}", l.priority, l.contribution)
        }
    }))]);
    let agenda = body(
        f.agenda
            .iter()
            .map(|t| {
                let mut lines = vec![match &t.owner_id {
                    Some(o) => format!("{}, owned by {}", one_line(&t.topic), ws.person_name(o)),
                    None => one_line(&t.topic),
                }];
                if !t.activities.trim().is_empty() {
                    lines.push(format!("Activities: {}", one_line(&t.activities)));
                }
                if !t.outputs.trim().is_empty() {
                    lines.push(format!("Outputs: {}", one_line(&t.outputs)));
                }
                if lines.len() > 1 {
                    // The topic is the label of its activities and outputs.
                    lines[0].push(':');
                }
                lines.join("\n")
            })
            .collect(),
    );
    let core = core_group(cats, c);
    let leaders = leaders(c);
    let sponsors: Vec<&Membership> = c
        .memberships
        .iter()
        .filter(|m| m.role_ids.iter().any(|r| r.as_str() == SPONSOR_ROLE))
        .collect();
    let membership = body(vec![
        labelled("Who is invited", &f.invited),
        if core.is_empty() {
            String::new()
        } else {
            format!("Core group: {}.", names(&core).join(", "))
        },
        match leaders.len() {
            0 => String::new(),
            1 => format!("Leader: {}.", names(&leaders).join(", ")),
            _ => format!("Leaders: {}.", names(&leaders).join(", ")),
        },
        match sponsors.len() {
            0 => String::new(),
            1 => format!("Sponsor: {}.", names(&sponsors).join(", ")),
            _ => format!("Sponsors: {}.", names(&sponsors).join(", ")),
        },
    ]);
    let value = body(vec![
        labelled(Answer::ValueMembersShort.label(), &f.value_members_short),
        labelled(Answer::ValueMembersLong.label(), &f.value_members_long),
        labelled(Answer::ValueOrgShort.label(), &f.value_org_short),
        labelled(Answer::ValueOrgLong.label(), &f.value_org_long),
    ]);
    let rhythm = body(vec![
        f.rhythm.trim().to_string(),
        if c.cultivation.activities.is_empty() {
            String::new()
        } else {
            format!(
                "Planned activities:\n{}",
                bullets(c.cultivation.activities.iter().map(|a| activity_summary(cats, a)))
            )
        },
    ]);
    let confidentiality = body(vec![
        labelled(Answer::Confidential.label(), &f.confidential),
        labelled(Answer::Publishable.label(), &f.publishable),
    ]);
    let review_by = on.checked_add_months(chrono::Months::new(12)).unwrap_or(on);
    let review = format!(
        "The core group reviews this charter with the members by {review_by}, and sooner when the community moves to another stage of development."
    );
    let bodies = [
        purpose,
        links,
        agenda,
        membership,
        f.practice.trim().to_string(),
        value,
        rhythm,
        f.norms.trim().to_string(),
        confidentiality,
        review,
    ];
    CHARTER_HEADINGS
        .iter()
        .zip(bodies)
        .map(|(h, b)| CharterSection {
            heading: h.to_string(),
            body: if b.trim().is_empty() {
                TO_BE_AGREED.to_string()
            } else {
                b
            },
        })
        .collect()
}

// ----- reading a section's text -----

/// A block of a section's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Lines shown with line breaks between them.
    Paragraph(Vec<String>),
    /// List items, from lines starting with `- `, `* ` or `• `.
    List(Vec<String>),
}

/// Whether a paragraph line is a label for what follows ("Who is invited:"), shown in bold.
pub fn is_label(line: &str) -> bool {
    line.ends_with(':') && line.chars().count() <= 120
}

fn list_item(line: &str) -> Option<&str> {
    ["- ", "* ", "• "]
        .iter()
        .find_map(|m| line.strip_prefix(m))
        .map(str::trim)
}

/// Splits a section's text into paragraphs (separated by blank lines) and lists.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false; // whether the last block may take more lines
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        match (list_item(line), out.last_mut()) {
            (Some(item), Some(Block::List(items))) if open => items.push(item.to_string()),
            (Some(item), _) => out.push(Block::List(vec![item.to_string()])),
            (None, Some(Block::Paragraph(lines))) if open => lines.push(line.to_string()),
            (None, _) => out.push(Block::Paragraph(vec![line.to_string()])),
        }
        open = true;
    }
    out
}

// ----- Markdown -----

/// Escapes a line of user text for Markdown, so that it reads as the same text: characters
/// that start emphasis, code, links, HTML or tables anywhere, and those that start headings,
/// quotes, lists or rules at the start of a line. Leading spaces (an indented code block)
/// are dropped.
pub fn markdown_escape(line: &str) -> String {
    let chars: Vec<char> = line.trim().chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    // An ordered-list marker at the start ("1. ", "12) "): escape its punctuation.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let ordered = digits > 0 && digits <= 9 && matches!(chars.get(digits), Some('.') | Some(')'));
    for (i, &ch) in chars.iter().enumerate() {
        let escape = match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' => true,
            '#' | '>' | '+' | '-' | '=' => i == 0,
            '.' | ')' => ordered && i == digits,
            '&' => {
                // Only where it would start an entity such as &amp; or &#38;.
                let rest: String = chars[i + 1..].iter().take(33).collect();
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
                    .collect();
                !name.is_empty() && rest[name.len()..].starts_with(';')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A saved charter version as Markdown: a title, the version and date, and one `##`
/// section per charter section. User text is escaped; a section's paragraphs keep their
/// line breaks and its list items stay a list.
pub fn charter_markdown(ws: &Workspace, c: &Community, charter: &Charter) -> String {
    let formation = ws.catalogues.label(CatalogueKind::FormationTypes, &c.formation_type_id);
    let mut out = format!(
        "# Charter: {}\n\n{} · Version {} · {}\n",
        markdown_escape(&c.name),
        markdown_escape(&formation),
        charter.version,
        charter.on
    );
    for s in &charter.sections {
        out.push_str(&format!("\n## {}\n", markdown_escape(&s.heading)));
        for b in blocks(&s.body) {
            out.push('\n');
            match b {
                Block::Paragraph(lines) => {
                    let lines: Vec<String> = lines
                        .iter()
                        .map(|l| {
                            if is_label(l) {
                                format!("**{}**", markdown_escape(l))
                            } else {
                                markdown_escape(l)
                            }
                        })
                        .collect();
                    out.push_str(&lines.join("\\\n"));
                    out.push('\n');
                }
                Block::List(items) => {
                    for i in items {
                        out.push_str(&format!("- {}\n", markdown_escape(&i)));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_keys_are_unique_and_found() {
        for (i, s) in STEPS.iter().enumerate() {
            assert_eq!(step_index(s.key), Some(i));
        }
        assert_eq!(step_index("nope"), None);
        for a in Answer::ALL {
            assert!(a.step() < STEPS.len());
        }
    }

    #[test]
    fn blocks_split_paragraphs_and_lists() {
        let text = "First line\nsecond line\n\n- one\n* two\n• three\nAfter the list\n\n\n  Indented  ";
        assert_eq!(
            blocks(text),
            [
                Block::Paragraph(vec!["First line".into(), "second line".into()]),
                Block::List(vec!["one".into(), "two".into(), "three".into()]),
                Block::Paragraph(vec!["After the list".into()]),
                Block::Paragraph(vec!["Indented".into()]),
            ]
        );
        assert!(blocks("  \n\n").is_empty());
        assert_eq!(blocks("-not a list"), [Block::Paragraph(vec!["-not a list".into()])]);
    }

    #[test]
    fn markdown_escape_keeps_text_literal() {
        assert_eq!(markdown_escape("# not a heading"), "\\# not a heading");
        assert_eq!(
            markdown_escape("a *b* _c_ `d` [e](f) <g> h|i ~j~"),
            "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> h\\|i \\~j\\~"
        );
        assert_eq!(markdown_escape("> quote"), "\\> quote");
        assert_eq!(markdown_escape("- item"), "\\- item");
        assert_eq!(markdown_escape("+ item"), "\\+ item");
        assert_eq!(markdown_escape("1. first"), "1\\. first");
        assert_eq!(markdown_escape("2024) year"), "2024\\) year");
        assert_eq!(markdown_escape("Version 1.2 of a-b"), "Version 1.2 of a-b");
        assert_eq!(markdown_escape("AT&T & co &amp; &#38;"), "AT&T & co \\&amp; \\&#38;");
        assert_eq!(markdown_escape("back\\slash"), "back\\\\slash");
        assert_eq!(markdown_escape("    code?"), "code?");
        assert_eq!(markdown_escape("a > b = c"), "a > b = c");
    }

    #[test]
    fn tidy_keeps_line_breaks_and_drops_trailing_space() {
        assert_eq!(tidy("  a  \n b \n\n"), "a\n b");
    }
}
