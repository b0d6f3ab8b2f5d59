//! The workspace: organisations, people and communities, and the operations on them.
//!
//! Every operation keeps the invariants that [`crate::model::validate`] checks: ids are
//! unique, references resolve, dates are ordered and texts stay within their limits. Forms
//! hand in a *draft*; a draft's `problems` are the inline messages the form shows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::catalogue::{CatalogueKind, Catalogues};
use super::cultivation::Cultivation;
use super::ids::Id;
use super::limits::{too_long, LINK_MAX, LONG_MAX, NAME_MAX, SHORT_MAX};
use super::links::check_link;
use super::organisation::{Programme, Stewardship};
use super::technology::Technology;

pub type Timestamp = DateTime<Utc>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// True for the bundled sample workspace, so the app can label it as sample data.
    #[serde(default)]
    pub is_sample: bool,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub updated_at: Timestamp,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub communities: Vec<Community>,
    pub catalogues: Catalogues,
    /// Readiness checks, leaders' capacity building and peer groups, across communities.
    #[serde(default)]
    pub programme: Programme,
    /// When and on which device each record last changed, for merging files (format 6).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub stamps: super::merge::Stamps,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub updated_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub email: String,
    /// The organisation the person works for, if recorded.
    #[serde(default)]
    pub organisation_id: Option<Id>,
    /// Job title or function.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub notes: String,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub updated_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Community {
    pub id: Id,
    pub name: String,
    /// A formation type from the catalogue.
    pub formation_type_id: Id,
    /// A lifecycle stage from the catalogue.
    pub lifecycle_stage_id: Id,
    /// The organisations the community spans: one for an in-company community, several
    /// for a cross-organisational one.
    #[serde(default)]
    pub organisation_ids: Vec<Id>,
    pub domain: Domain,
    pub memberships: Vec<Membership>,
    /// The practice: the community's repertoire.
    pub practice: Vec<RepertoireItem>,
    /// The community's digital habitat.
    pub technology: Technology,
    /// Reflections on the cultivation principles, one per principle at most.
    pub principles: Vec<PrincipleReflection>,
    /// Forming, charter, lifecycle stage, maturity, onboarding and rhythm.
    #[serde(default)]
    pub cultivation: Cultivation,
    /// The structure chooser's result, health checks and hand-entered indicator values.
    #[serde(default)]
    pub stewardship: Stewardship,
    /// Meetings: design, run state and records.
    #[serde(default)]
    pub facilitation: super::facilitation::Facilitation,
    /// Value-creation plans, indicators, stories and reflections.
    #[serde(default)]
    pub evaluation: super::evaluation::Evaluation,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub created_at: Timestamp,
    #[serde(deserialize_with = "crate::model::dates::stamp")]
    pub updated_at: Timestamp,
}

/// What the community is about: its statement and key issues, the start of a learning agenda.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Domain {
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub key_issues: Vec<KeyIssue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyIssue {
    pub id: Id,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub id: Id,
    pub person_id: Id,
    /// The current participation level; always equal to the last history entry's `to_level_id`.
    pub level_id: Id,
    #[serde(default)]
    pub role_ids: Vec<Id>,
    /// Leadership groups (agenda activists, value detectives...) the member takes part in.
    #[serde(default)]
    pub leadership_group_ids: Vec<Id>,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub joined_on: NaiveDate,
    /// Dated level changes, oldest first. The first entry records the joining level.
    pub history: Vec<LevelChange>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LevelChange {
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
    #[serde(default)]
    pub from_level_id: Option<Id>,
    pub to_level_id: Id,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RepertoireItem {
    pub id: Id,
    pub title: String,
    /// A repertoire kind from the catalogue.
    pub kind_id: Id,
    #[serde(default)]
    pub description: String,
    /// An http, https or mailto link, or empty.
    #[serde(default)]
    pub link: String,
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub added_on: NaiveDate,
}

/// A community's reflection on one cultivation principle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PrincipleReflection {
    /// An entry of the `cultivation_principles` catalogue.
    pub principle_id: Id,
    /// Ticked when the community has reflected on the principle.
    pub reflected: bool,
    #[serde(default)]
    pub note: String,
    /// When the reflection was last changed.
    #[serde(deserialize_with = "crate::model::dates::day")]
    pub on: NaiveDate,
}

/// An inline form message: which field, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// Messages for one form, in field order.
pub type FieldErrors = Vec<FieldError>;

/// Looks up the message for `field`, for showing next to that input.
pub fn field_error(errors: &[FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.clone())
}

fn check_name(errors: &mut FieldErrors, field: &'static str, value: &str, what: &str) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, format!("{what} is required")));
    } else if let Some(m) = too_long(value, NAME_MAX) {
        errors.push(FieldError::new(field, format!("{what} {m}")));
    }
}

fn check_len(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize, what: &str) {
    if let Some(m) = too_long(value, max) {
        errors.push(FieldError::new(field, format!("{what} {m}")));
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrganisationDraft {
    pub name: String,
    pub description: String,
}

impl OrganisationDraft {
    pub fn problems(&self) -> FieldErrors {
        let mut e = Vec::new();
        check_name(&mut e, "name", &self.name, "Name");
        check_len(&mut e, "description", &self.description, LONG_MAX, "Description");
        e
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonDraft {
    pub name: String,
    pub email: String,
    pub organisation_id: Option<Id>,
    pub title: String,
    pub notes: String,
}

impl PersonDraft {
    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        check_name(&mut e, "name", &self.name, "Name");
        let email = self.email.trim();
        if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
            e.push(FieldError::new("email", "Email must look like name@example.org"));
        }
        check_len(&mut e, "email", &self.email, SHORT_MAX, "Email");
        if let Some(org) = &self.organisation_id {
            if ws.organisation(org).is_none() {
                e.push(FieldError::new(
                    "organisation_id",
                    "Choose an organisation from the list",
                ));
            }
        }
        check_len(&mut e, "title", &self.title, SHORT_MAX, "Title");
        check_len(&mut e, "notes", &self.notes, LONG_MAX, "Notes");
        e
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommunityDraft {
    pub name: String,
    pub formation_type_id: Id,
    pub lifecycle_stage_id: Id,
    pub organisation_ids: Vec<Id>,
    pub domain_statement: String,
}

impl CommunityDraft {
    /// A draft with the first formation type and stage of the catalogues preselected.
    pub fn new_in(ws: &Workspace) -> Self {
        let first = |k| {
            ws.catalogues
                .get(k)
                .first()
                .map(|e: &super::CatalogueEntry| e.id.clone())
                .unwrap_or_else(|| Id::new(""))
        };
        CommunityDraft {
            formation_type_id: first(CatalogueKind::FormationTypes),
            lifecycle_stage_id: first(CatalogueKind::LifecycleStages),
            ..Default::default()
        }
    }

    pub fn of(c: &Community) -> Self {
        CommunityDraft {
            name: c.name.clone(),
            formation_type_id: c.formation_type_id.clone(),
            lifecycle_stage_id: c.lifecycle_stage_id.clone(),
            organisation_ids: c.organisation_ids.clone(),
            domain_statement: c.domain.statement.clone(),
        }
    }

    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        check_name(&mut e, "name", &self.name, "Name");
        if !ws
            .catalogues
            .contains(CatalogueKind::FormationTypes, &self.formation_type_id)
        {
            e.push(FieldError::new("formation_type_id", "Choose a formation type"));
        }
        if !ws
            .catalogues
            .contains(CatalogueKind::LifecycleStages, &self.lifecycle_stage_id)
        {
            e.push(FieldError::new("lifecycle_stage_id", "Choose a lifecycle stage"));
        }
        if self.organisation_ids.iter().any(|o| ws.organisation(o).is_none()) {
            e.push(FieldError::new(
                "organisation_ids",
                "Choose organisations from the list",
            ));
        }
        check_len(
            &mut e,
            "domain_statement",
            &self.domain_statement,
            LONG_MAX,
            "Domain statement",
        );
        e
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MembershipDraft {
    pub person_id: Option<Id>,
    pub level_id: Id,
    pub role_ids: Vec<Id>,
    pub joined_on: NaiveDate,
}

impl MembershipDraft {
    pub fn problems(&self, ws: &Workspace, community: &Community, editing: Option<&Id>) -> FieldErrors {
        let mut e = Vec::new();
        match &self.person_id {
            None => e.push(FieldError::new("person_id", "Choose a person")),
            Some(p) if ws.person(p).is_none() => e.push(FieldError::new("person_id", "Choose a person from the list")),
            Some(p) => {
                if community
                    .memberships
                    .iter()
                    .any(|m| &m.person_id == p && Some(&m.id) != editing)
                {
                    e.push(FieldError::new(
                        "person_id",
                        "This person is already a member of this community",
                    ));
                }
            }
        }
        if !ws
            .catalogues
            .contains(CatalogueKind::ParticipationLevels, &self.level_id)
        {
            e.push(FieldError::new("level_id", "Choose a participation level"));
        }
        if self
            .role_ids
            .iter()
            .any(|r| !ws.catalogues.contains(CatalogueKind::Roles, r))
        {
            e.push(FieldError::new("role_ids", "Choose roles from the list"));
        }
        e
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RepertoireDraft {
    pub title: String,
    pub kind_id: Id,
    pub description: String,
    pub link: String,
}

impl RepertoireDraft {
    pub fn problems(&self, ws: &Workspace) -> FieldErrors {
        let mut e = Vec::new();
        check_name(&mut e, "title", &self.title, "Title");
        if !ws.catalogues.contains(CatalogueKind::RepertoireKinds, &self.kind_id) {
            e.push(FieldError::new("kind_id", "Choose a kind"));
        }
        check_len(&mut e, "description", &self.description, LONG_MAX, "Description");
        if let Some(m) = too_long(&self.link, LINK_MAX) {
            e.push(FieldError::new("link", format!("Link {m}")));
        } else if let Some(m) = check_link(&self.link) {
            e.push(FieldError::new("link", format!("Link {m}")));
        }
        e
    }
}

/// A refused operation, with a message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// The form has problems; show them inline.
    Invalid(FieldErrors),
    /// The record is gone (deleted in another tab, say).
    NotFound(String),
    /// The operation would break an invariant; the message says why.
    Refused(String),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::Invalid(errs) => {
                let msgs: Vec<_> = errs.iter().map(|e| e.message.as_str()).collect();
                write!(f, "{}", msgs.join("; "))
            }
            ModelError::NotFound(m) | ModelError::Refused(m) => f.write_str(m),
        }
    }
}

pub type ModelResult<T = ()> = Result<T, ModelError>;

fn invalid_unless_empty(errors: FieldErrors) -> ModelResult {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ModelError::Invalid(errors))
    }
}

pub(crate) fn fresh_id(taken: bool, id: &Id) -> ModelResult {
    if let Some(m) = Id::check(id.as_str()) {
        return Err(ModelError::Refused(format!("The new id {m}")));
    }
    if taken {
        return Err(ModelError::Refused(format!("The id {id} is already used")));
    }
    Ok(())
}

impl Workspace {
    /// An empty workspace with the default catalogues.
    pub fn new(id: Id, name: &str, now: Timestamp) -> Self {
        Workspace {
            id,
            name: name.trim().to_string(),
            description: String::new(),
            is_sample: false,
            created_at: now,
            updated_at: now,
            organisations: Vec::new(),
            people: Vec::new(),
            communities: Vec::new(),
            catalogues: Catalogues::default(),
            programme: Programme::default(),
            stamps: Default::default(),
        }
    }

    fn touch(&mut self, now: Timestamp) {
        if now > self.updated_at {
            self.updated_at = now;
        }
    }

    /// True when the workspace or any record in it uses this id.
    pub fn id_in_use(&self, id: &Id) -> bool {
        &self.id == id || self.id_in_use_by_records(id)
    }

    /// True when any record (not the workspace itself) uses this id.
    pub fn id_in_use_by_records(&self, id: &Id) -> bool {
        self.organisations.iter().any(|o| &o.id == id)
            || self.people.iter().any(|p| &p.id == id)
            || self.communities.iter().any(|c| {
                &c.id == id
                    || c.memberships.iter().any(|m| &m.id == id)
                    || c.practice.iter().any(|r| &r.id == id)
                    || c.domain.key_issues.iter().any(|k| &k.id == id)
                    || c.technology.record_ids().any(|x| x == id)
                    || c.cultivation.forming.strategic_links.iter().any(|l| &l.id == id)
                    || c.cultivation.forming.agenda.iter().any(|t| &t.id == id)
                    || c.cultivation.maturity.iter().any(|m| &m.id == id)
                    || c.cultivation.activities.iter().any(|a| &a.id == id)
                    || c.stewardship.health_checks.iter().any(|h| &h.id == id)
                    || c.stewardship.indicator_values.iter().any(|v| &v.id == id)
                    || c.facilitation.record_ids().any(|x| x == id)
                    || c.evaluation.record_ids().any(|x| x == id)
            })
            || self.programme.readiness_checks.iter().any(|r| &r.id == id)
            || self.programme.peer_groups.iter().any(|g| &g.id == id)
    }

    pub fn organisation(&self, id: &Id) -> Option<&Organisation> {
        self.organisations.iter().find(|o| &o.id == id)
    }

    pub fn person(&self, id: &Id) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    pub fn community(&self, id: &Id) -> Option<&Community> {
        self.communities.iter().find(|c| &c.id == id)
    }

    fn community_mut(&mut self, id: &Id) -> ModelResult<&mut Community> {
        self.communities
            .iter_mut()
            .find(|c| &c.id == id)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))
    }

    /// Runs `f` on the community `id`; when it succeeds, marks the community and the
    /// workspace as changed at `now`. A refused change leaves both untouched.
    pub(crate) fn with_community<T>(
        &mut self,
        id: &Id,
        now: Timestamp,
        f: impl FnOnce(&mut Community) -> ModelResult<T>,
    ) -> ModelResult<T> {
        let c = self.community_mut(id)?;
        let out = f(c)?;
        c.updated_at = stamp(c.created_at, now);
        self.touch(now);
        Ok(out)
    }

    pub fn person_name(&self, id: &Id) -> String {
        self.person(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "(unknown person)".into())
    }

    pub fn organisation_name(&self, id: &Id) -> String {
        self.organisation(id)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| "(unknown organisation)".into())
    }

    /// Communities a person belongs to, with their membership.
    pub fn memberships_of<'a>(&'a self, person: &'a Id) -> impl Iterator<Item = (&'a Community, &'a Membership)> + 'a {
        self.communities
            .iter()
            .filter_map(move |c| c.memberships.iter().find(|m| &m.person_id == person).map(|m| (c, m)))
    }

    /// How many communities each person belongs to, counted in one pass over the communities'
    /// memberships: for every person, `memberships_of(person).count()` (a second membership
    /// in the same community is not counted again); people in no community are absent. For
    /// lists of many people, where calling `memberships_of` per person would scan every
    /// membership once per person.
    pub fn membership_counts(&self) -> std::collections::HashMap<&Id, usize> {
        let mut counts = std::collections::HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for c in &self.communities {
            seen.clear();
            for m in &c.memberships {
                if seen.insert(&m.person_id) {
                    *counts.entry(&m.person_id).or_insert(0) += 1;
                }
            }
        }
        counts
    }

    // ----- workspace -----

    pub fn rename(&mut self, name: &str, description: &str, now: Timestamp) -> ModelResult {
        let mut e = Vec::new();
        check_name(&mut e, "name", name, "Name");
        check_len(&mut e, "description", description, LONG_MAX, "Description");
        invalid_unless_empty(e)?;
        self.name = name.trim().to_string();
        self.description = description.to_string();
        self.touch(now);
        Ok(())
    }

    // ----- organisations -----

    pub fn add_organisation(&mut self, id: Id, draft: &OrganisationDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems())?;
        fresh_id(self.id_in_use(&id), &id)?;
        self.organisations.push(Organisation {
            id,
            name: draft.name.trim().to_string(),
            description: draft.description.clone(),
            created_at: now,
            updated_at: now,
        });
        self.touch(now);
        Ok(())
    }

    pub fn update_organisation(&mut self, id: &Id, draft: &OrganisationDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems())?;
        let org = self
            .organisations
            .iter_mut()
            .find(|o| &o.id == id)
            .ok_or_else(|| ModelError::NotFound("That organisation no longer exists".into()))?;
        org.name = draft.name.trim().to_string();
        org.description = draft.description.clone();
        org.updated_at = stamp(org.created_at, now);
        self.touch(now);
        Ok(())
    }

    /// What refers to an organisation, in words, for the confirmation before deleting it.
    pub fn organisation_usage(&self, id: &Id) -> Vec<String> {
        let mut uses: Vec<String> = self
            .people
            .iter()
            .filter(|p| p.organisation_id.as_ref() == Some(id))
            .map(|p| format!("person {}", p.name))
            .collect();
        uses.extend(
            self.communities
                .iter()
                .filter(|c| c.organisation_ids.contains(id))
                .map(|c| format!("community {}", c.name)),
        );
        let checks = self
            .programme
            .readiness_checks
            .iter()
            .filter(|r| r.organisation_id.as_ref() == Some(id))
            .count();
        if checks > 0 {
            uses.push(format!(
                "{checks} readiness check{}",
                if checks == 1 { "" } else { "s" }
            ));
        }
        uses
    }

    /// Deletes an organisation and unlinks the people and communities that named it.
    pub fn delete_organisation(&mut self, id: &Id, now: Timestamp) -> ModelResult {
        let before = self.organisations.len();
        self.organisations.retain(|o| &o.id != id);
        if self.organisations.len() == before {
            return Err(ModelError::NotFound("That organisation no longer exists".into()));
        }
        for p in self
            .people
            .iter_mut()
            .filter(|p| p.organisation_id.as_ref() == Some(id))
        {
            p.organisation_id = None;
            p.updated_at = stamp(p.created_at, now);
        }
        for c in self.communities.iter_mut().filter(|c| c.organisation_ids.contains(id)) {
            c.organisation_ids.retain(|o| o != id);
            c.updated_at = stamp(c.created_at, now);
        }
        for r in self
            .programme
            .readiness_checks
            .iter_mut()
            .filter(|r| r.organisation_id.as_ref() == Some(id))
        {
            r.organisation_id = None;
        }
        self.touch(now);
        Ok(())
    }

    // ----- people -----

    pub fn add_person(&mut self, id: Id, draft: &PersonDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        fresh_id(self.id_in_use(&id), &id)?;
        self.people.push(Person {
            id,
            name: draft.name.trim().to_string(),
            email: draft.email.trim().to_string(),
            organisation_id: draft.organisation_id.clone(),
            title: draft.title.trim().to_string(),
            notes: draft.notes.clone(),
            created_at: now,
            updated_at: now,
        });
        self.touch(now);
        Ok(())
    }

    pub fn update_person(&mut self, id: &Id, draft: &PersonDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        let p = self
            .people
            .iter_mut()
            .find(|p| &p.id == id)
            .ok_or_else(|| ModelError::NotFound("That person no longer exists".into()))?;
        p.name = draft.name.trim().to_string();
        p.email = draft.email.trim().to_string();
        p.organisation_id = draft.organisation_id.clone();
        p.title = draft.title.trim().to_string();
        p.notes = draft.notes.clone();
        p.updated_at = stamp(p.created_at, now);
        self.touch(now);
        Ok(())
    }

    /// What refers to a person, in words, for the confirmation before deleting them.
    pub fn person_usage(&self, id: &Id) -> Vec<String> {
        let mut uses: Vec<String> = self
            .memberships_of(id)
            .map(|(c, _)| format!("member of {}", c.name))
            .collect();
        for c in &self.communities {
            for t in c.technology.tools.iter().filter(|t| t.steward_id.as_ref() == Some(id)) {
                uses.push(format!("steward of {} in {}", t.name, c.name));
            }
            let decided = c
                .technology
                .decisions
                .iter()
                .filter(|d| d.by_id.as_ref() == Some(id))
                .count();
            if decided > 0 {
                uses.push(format!(
                    "named in {decided} technology decision{} of {}",
                    if decided == 1 { "" } else { "s" },
                    c.name
                ));
            }
            for t in c
                .cultivation
                .forming
                .agenda
                .iter()
                .filter(|t| t.owner_id.as_ref() == Some(id))
            {
                uses.push(format!("owner of agenda topic '{}' in {}", t.topic, c.name));
            }
        }
        if self.programme.leader_plans.iter().any(|p| &p.person_id == id) {
            uses.push("a leader's capacity-building plan".into());
        }
        for g in self.programme.peer_groups.iter().filter(|g| g.member_ids.contains(id)) {
            uses.push(format!("member of peer group {}", g.name));
        }
        uses
    }

    /// Deletes a person and their memberships, onboarding and capacity-building plan, and
    /// unlinks them from tools, decisions, agenda topics and peer groups, so that no
    /// reference dangles.
    pub fn delete_person(&mut self, id: &Id, now: Timestamp) -> ModelResult {
        let name = self.person(id).map(|p| p.name.clone()).unwrap_or_default();
        let before = self.people.len();
        self.people.retain(|p| &p.id != id);
        if self.people.len() == before {
            return Err(ModelError::NotFound("That person no longer exists".into()));
        }
        for c in self.communities.iter_mut() {
            let n = c.memberships.len();
            c.memberships.retain(|m| &m.person_id != id);
            let mut unlinked = false;
            for t in c
                .technology
                .tools
                .iter_mut()
                .filter(|t| t.steward_id.as_ref() == Some(id))
            {
                t.steward_id = None;
                unlinked = true;
            }
            for d in c
                .technology
                .decisions
                .iter_mut()
                .filter(|d| d.by_id.as_ref() == Some(id))
            {
                d.by_id = None;
                unlinked = true;
            }
            for t in c
                .cultivation
                .forming
                .agenda
                .iter_mut()
                .filter(|t| t.owner_id.as_ref() == Some(id))
            {
                t.owner_id = None;
                unlinked = true;
            }
            let ticks = c.cultivation.onboarding.len();
            c.cultivation.onboarding.retain(|t| &t.person_id != id);
            unlinked |= ticks != c.cultivation.onboarding.len();
            unlinked |= c.facilitation.forget_person(id);
            unlinked |= c.evaluation.forget_person(id, &name);
            if c.memberships.len() != n || unlinked {
                c.updated_at = stamp(c.created_at, now);
            }
        }
        self.programme.leader_plans.retain(|p| &p.person_id != id);
        for g in self.programme.peer_groups.iter_mut() {
            g.member_ids.retain(|m| m != id);
        }
        self.touch(now);
        Ok(())
    }

    // ----- communities -----

    pub fn add_community(&mut self, id: Id, draft: &CommunityDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        fresh_id(self.id_in_use(&id), &id)?;
        self.communities.push(Community {
            id,
            name: draft.name.trim().to_string(),
            formation_type_id: draft.formation_type_id.clone(),
            lifecycle_stage_id: draft.lifecycle_stage_id.clone(),
            organisation_ids: dedup(&draft.organisation_ids),
            domain: Domain {
                statement: draft.domain_statement.clone(),
                key_issues: Vec::new(),
            },
            memberships: Vec::new(),
            practice: Vec::new(),
            technology: Technology::default(),
            principles: Vec::new(),
            cultivation: Cultivation::default(),
            stewardship: Stewardship::default(),
            facilitation: Default::default(),
            evaluation: Default::default(),
            created_at: now,
            updated_at: now,
        });
        self.touch(now);
        Ok(())
    }

    pub fn update_community(&mut self, id: &Id, draft: &CommunityDraft, now: Timestamp) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        self.with_community(id, now, |c| {
            c.name = draft.name.trim().to_string();
            c.formation_type_id = draft.formation_type_id.clone();
            if c.lifecycle_stage_id != draft.lifecycle_stage_id {
                // A stage changed on the community form is recorded like a confirmed one,
                // so the history always ends at the current stage.
                let last = c.cultivation.stage_history.last().map(|h| h.on);
                c.cultivation.stage_history.push(super::cultivation::StageChange {
                    on: last.map_or(now.date_naive(), |l| l.max(now.date_naive())),
                    from_stage_id: Some(c.lifecycle_stage_id.clone()),
                    to_stage_id: draft.lifecycle_stage_id.clone(),
                    suggested_stage_id: None,
                    note: "Changed on the community form".into(),
                });
                c.lifecycle_stage_id = draft.lifecycle_stage_id.clone();
            }
            c.organisation_ids = dedup(&draft.organisation_ids);
            c.domain.statement = draft.domain_statement.clone();
            Ok(())
        })
    }

    pub fn delete_community(&mut self, id: &Id, now: Timestamp) -> ModelResult {
        let before = self.communities.len();
        self.communities.retain(|c| &c.id != id);
        if self.communities.len() == before {
            return Err(ModelError::NotFound("That community no longer exists".into()));
        }
        self.touch(now);
        Ok(())
    }

    // ----- key issues -----

    pub fn add_key_issue(&mut self, community: &Id, id: Id, text: &str, now: Timestamp) -> ModelResult {
        let mut e = Vec::new();
        if text.trim().is_empty() {
            e.push(FieldError::new("text", "Write the issue first"));
        }
        check_len(&mut e, "text", text, SHORT_MAX, "Key issue");
        invalid_unless_empty(e)?;
        fresh_id(self.id_in_use(&id), &id)?;
        self.with_community(community, now, |c| {
            c.domain.key_issues.push(KeyIssue {
                id,
                text: text.trim().to_string(),
            });
            Ok(())
        })
    }

    pub fn remove_key_issue(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            c.domain.key_issues.retain(|k| &k.id != id);
            Ok(())
        })
    }

    // ----- memberships -----

    pub fn add_membership(&mut self, community: &Id, id: Id, draft: &MembershipDraft, now: Timestamp) -> ModelResult {
        let c = self
            .community(community)
            .ok_or_else(|| ModelError::NotFound("That community no longer exists".into()))?;
        invalid_unless_empty(draft.problems(self, c, None))?;
        fresh_id(self.id_in_use(&id), &id)?;
        let Some(person_id) = draft.person_id.clone() else {
            return Err(ModelError::Invalid(vec![FieldError::new(
                "person_id",
                "Choose a person",
            )]));
        };
        self.with_community(community, now, |c| {
            c.memberships.push(Membership {
                id,
                person_id,
                level_id: draft.level_id.clone(),
                role_ids: dedup(&draft.role_ids),
                leadership_group_ids: Vec::new(),
                joined_on: draft.joined_on,
                history: vec![LevelChange {
                    on: draft.joined_on,
                    from_level_id: None,
                    to_level_id: draft.level_id.clone(),
                    reason: "Joined".into(),
                }],
            });
            Ok(())
        })
    }

    /// Changes a member's roles. The level changes only through [`Workspace::change_level`],
    /// so that every move is dated.
    pub fn set_roles(&mut self, community: &Id, membership: &Id, role_ids: &[Id], now: Timestamp) -> ModelResult {
        if role_ids
            .iter()
            .any(|r| !self.catalogues.contains(CatalogueKind::Roles, r))
        {
            return Err(ModelError::Invalid(vec![FieldError::new(
                "role_ids",
                "Choose roles from the list",
            )]));
        }
        self.with_community(community, now, |c| {
            let m = c
                .memberships
                .iter_mut()
                .find(|m| &m.id == membership)
                .ok_or_else(|| ModelError::NotFound("That membership no longer exists".into()))?;
            m.role_ids = dedup(role_ids);
            Ok(())
        })
    }

    /// Moves a member to another participation level on a date, recording the change.
    pub fn change_level(
        &mut self,
        community: &Id,
        membership: &Id,
        level: &Id,
        on: NaiveDate,
        reason: &str,
        now: Timestamp,
    ) -> ModelResult {
        if !self.catalogues.contains(CatalogueKind::ParticipationLevels, level) {
            return Err(ModelError::Invalid(vec![FieldError::new(
                "level_id",
                "Choose a participation level",
            )]));
        }
        let mut e = Vec::new();
        check_len(&mut e, "reason", reason, SHORT_MAX, "Reason");
        invalid_unless_empty(e)?;
        self.with_community(community, now, |c| {
            let m = c
                .memberships
                .iter_mut()
                .find(|m| &m.id == membership)
                .ok_or_else(|| ModelError::NotFound("That membership no longer exists".into()))?;
            if &m.level_id == level {
                return Err(ModelError::Invalid(vec![FieldError::new(
                    "level_id",
                    "The member is already at this level",
                )]));
            }
            let last = m.history.last().map(|h| h.on).unwrap_or(m.joined_on);
            if on < last {
                return Err(ModelError::Invalid(vec![FieldError::new(
                    "on",
                    format!("The date must not be before the last change ({last})"),
                )]));
            }
            m.history.push(LevelChange {
                on,
                from_level_id: Some(m.level_id.clone()),
                to_level_id: level.clone(),
                reason: reason.trim().to_string(),
            });
            m.level_id = level.clone();
            Ok(())
        })
    }

    pub fn remove_membership(&mut self, community: &Id, membership: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.memberships.len();
            let person = c
                .memberships
                .iter()
                .find(|m| &m.id == membership)
                .map(|m| m.person_id.clone());
            c.memberships.retain(|m| &m.id != membership);
            if c.memberships.len() == n {
                return Err(ModelError::NotFound("That membership no longer exists".into()));
            }
            // Onboarding is about members: it goes with the membership.
            if let Some(person) = person {
                c.cultivation.onboarding.retain(|t| t.person_id != person);
            }
            Ok(())
        })
    }

    // ----- practice -----

    pub fn add_repertoire_item(
        &mut self,
        community: &Id,
        id: Id,
        draft: &RepertoireDraft,
        on: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        fresh_id(self.id_in_use(&id), &id)?;
        self.with_community(community, now, |c| {
            c.practice.push(RepertoireItem {
                id,
                title: draft.title.trim().to_string(),
                kind_id: draft.kind_id.clone(),
                description: draft.description.clone(),
                link: draft.link.trim().to_string(),
                added_on: on,
            });
            Ok(())
        })
    }

    pub fn update_repertoire_item(
        &mut self,
        community: &Id,
        id: &Id,
        draft: &RepertoireDraft,
        now: Timestamp,
    ) -> ModelResult {
        invalid_unless_empty(draft.problems(self))?;
        self.with_community(community, now, |c| {
            let item = c
                .practice
                .iter_mut()
                .find(|r| &r.id == id)
                .ok_or_else(|| ModelError::NotFound("That item no longer exists".into()))?;
            item.title = draft.title.trim().to_string();
            item.kind_id = draft.kind_id.clone();
            item.description = draft.description.clone();
            item.link = draft.link.trim().to_string();
            Ok(())
        })
    }

    pub fn remove_repertoire_item(&mut self, community: &Id, id: &Id, now: Timestamp) -> ModelResult {
        self.with_community(community, now, |c| {
            let n = c.practice.len();
            c.practice.retain(|r| &r.id != id);
            if c.practice.len() == n {
                return Err(ModelError::NotFound("That item no longer exists".into()));
            }
            c.facilitation.forget_repertoire_item(id);
            c.evaluation.forget_repertoire_item(id);
            Ok(())
        })
    }

    // ----- cultivation principles -----

    /// Records the community's reflection on one principle (ticked or not, with a note).
    pub fn reflect_on_principle(
        &mut self,
        community: &Id,
        principle: &Id,
        reflected: bool,
        note: &str,
        on: NaiveDate,
        now: Timestamp,
    ) -> ModelResult {
        if !self
            .catalogues
            .contains(CatalogueKind::CultivationPrinciples, principle)
        {
            return Err(ModelError::NotFound("That principle no longer exists".into()));
        }
        let mut e = Vec::new();
        check_len(&mut e, "note", note, LONG_MAX, "Note");
        invalid_unless_empty(e)?;
        self.with_community(community, now, |c| {
            let r = PrincipleReflection {
                principle_id: principle.clone(),
                reflected,
                note: note.trim().to_string(),
                on,
            };
            match c.principles.iter_mut().find(|p| &p.principle_id == principle) {
                Some(existing) => *existing = r,
                None => c.principles.push(r),
            }
            Ok(())
        })
    }

    // ----- catalogues -----

    /// What uses a catalogue entry, in words: "community Data Stewards (formation type)".
    pub fn catalogue_usage(&self, kind: CatalogueKind, id: &Id) -> Vec<String> {
        let mut uses = Vec::new();
        // Entries of other catalogues that belong to this one (a stage's tasks) go with it, so
        // what uses them counts as a use of this one.
        for child in CatalogueKind::ALL.into_iter().filter(|k| k.parent() == Some(kind)) {
            for e in self.catalogues.children(child, id) {
                for u in self.catalogue_usage(child, &e.id) {
                    if !uses.contains(&u) {
                        uses.push(u);
                    }
                }
            }
        }
        let pr = &self.programme;
        match kind {
            CatalogueKind::ReadinessAreas
                if pr
                    .readiness_checks
                    .iter()
                    .any(|r| r.scores.iter().any(|s| &s.area_id == id)) =>
            {
                uses.push("the readiness checks".into());
            }
            CatalogueKind::CapacitySteps => {
                for p in pr
                    .leader_plans
                    .iter()
                    .filter(|p| p.steps.iter().any(|s| &s.step_id == id))
                {
                    uses.push(format!(
                        "the capacity-building plan of {}",
                        self.person_name(&p.person_id)
                    ));
                }
            }
            _ => {}
        }
        for c in &self.communities {
            let k = &c.cultivation;
            match kind {
                CatalogueKind::FormationTypes if &c.formation_type_id == id => {
                    uses.push(format!("community {}", c.name))
                }
                CatalogueKind::LifecycleStages
                    if &c.lifecycle_stage_id == id
                        || k.stage_history.iter().any(|h| {
                            &h.to_stage_id == id
                                || h.from_stage_id.as_ref() == Some(id)
                                || h.suggested_stage_id.as_ref() == Some(id)
                        }) =>
                {
                    uses.push(format!("community {}", c.name))
                }
                CatalogueKind::ParticipationLevels => {
                    for m in &c.memberships {
                        if &m.level_id == id
                            || m.history
                                .iter()
                                .any(|h| &h.to_level_id == id || h.from_level_id.as_ref() == Some(id))
                        {
                            uses.push(format!("{} in {}", self.person_name(&m.person_id), c.name));
                        }
                    }
                }
                CatalogueKind::Roles => {
                    for m in c.memberships.iter().filter(|m| m.role_ids.contains(id)) {
                        uses.push(format!("{} in {}", self.person_name(&m.person_id), c.name));
                    }
                }
                CatalogueKind::RepertoireKinds => {
                    for r in c.practice.iter().filter(|r| &r.kind_id == id) {
                        uses.push(format!("'{}' in {}", r.title, c.name));
                    }
                }
                CatalogueKind::ToolCategories => {
                    for t in c.technology.tools.iter().filter(|t| &t.category_id == id) {
                        uses.push(format!("tool {} in {}", t.name, c.name));
                    }
                }
                CatalogueKind::Orientations => {
                    for t in c.technology.tools.iter().filter(|t| t.orientation_ids.contains(id)) {
                        uses.push(format!("tool {} in {}", t.name, c.name));
                    }
                    let rated = c
                        .technology
                        .profiles
                        .iter()
                        .filter(|p| p.ratings.iter().any(|r| &r.orientation_id == id))
                        .count();
                    if rated > 0 {
                        uses.push(format!(
                            "{rated} orientation profile{} of {}",
                            if rated == 1 { "" } else { "s" },
                            c.name
                        ));
                    }
                }
                CatalogueKind::ActivityTypes => {
                    for t in c.technology.tools.iter().filter(|t| t.activity_type_ids.contains(id)) {
                        uses.push(format!("tool {} in {}", t.name, c.name));
                    }
                    for a in k.activities.iter().filter(|a| a.activity_type_id.as_ref() == Some(id)) {
                        uses.push(format!("activity {} in {}", a.title, c.name));
                    }
                }
                CatalogueKind::CultivationPrinciples if c.principles.iter().any(|p| &p.principle_id == id) => {
                    uses.push(format!("the principles reflection of {}", c.name));
                }
                CatalogueKind::HabitatChecklist if c.technology.checklist_done.contains(id) => {
                    uses.push(format!("the digital habitat checklist of {}", c.name));
                }
                CatalogueKind::StageQuestions if k.stage_answers.iter().any(|a| &a.question_id == id) => {
                    uses.push(format!("the stage self-assessment of {}", c.name));
                }
                CatalogueKind::StageTasks if k.tasks_done.contains(id) => {
                    uses.push(format!("the cultivation tasks of {}", c.name));
                }
                CatalogueKind::TransformationModes if k.transformation.as_ref().is_some_and(|t| &t.mode_id == id) => {
                    uses.push(format!("the transformation of {}", c.name));
                }
                CatalogueKind::MaturityDimensions
                    if k.maturity
                        .iter()
                        .any(|a| a.scores.iter().any(|s| &s.dimension_id == id)) =>
                {
                    uses.push(format!("the maturity assessments of {}", c.name));
                }
                CatalogueKind::OnboardingSteps if k.onboarding.iter().any(|t| &t.step_id == id) => {
                    uses.push(format!("the onboarding of {}", c.name));
                }
                CatalogueKind::LeadershipGroups => {
                    for m in c.memberships.iter().filter(|m| m.leadership_group_ids.contains(id)) {
                        uses.push(format!("{} in {}", self.person_name(&m.person_id), c.name));
                    }
                }
                CatalogueKind::StructureTypes | CatalogueKind::ChooserQuestions | CatalogueKind::ChooserOptions
                    if c.stewardship.structure_choice.as_ref().is_some_and(|s| {
                        &s.recommended_id == id || s.answers.iter().any(|a| &a.question_id == id || &a.option_id == id)
                    }) =>
                {
                    uses.push(format!("the structure chooser result of {}", c.name));
                }
                CatalogueKind::SuccessFactors | CatalogueKind::RiskFactors
                    if c.stewardship
                        .health_checks
                        .iter()
                        .any(|h| h.scores.iter().any(|s| &s.area_id == id) || h.risks.contains(id)) =>
                {
                    uses.push(format!("the health checks of {}", c.name));
                }
                CatalogueKind::OrgIndicators
                    if c.stewardship.indicator_values.iter().any(|v| &v.indicator_id == id) =>
                {
                    uses.push(format!("the indicator values of {}", c.name));
                }
                _ => {}
            }
            for u in c.facilitation.catalogue_uses(kind, id).into_iter().chain(c.evaluation.catalogue_uses(kind, id)) {
                uses.push(format!("{u} in {}", c.name));
            }
        }
        uses
    }

    pub fn add_catalogue_entry(
        &mut self,
        kind: CatalogueKind,
        label: &str,
        description: &str,
        source: &str,
        now: Timestamp,
    ) -> ModelResult<Id> {
        let mut e = Vec::new();
        check_name(&mut e, "label", label, "Label");
        check_len(&mut e, "description", description, LONG_MAX, "Description");
        check_len(&mut e, "source", source, SHORT_MAX, "Source");
        invalid_unless_empty(e)?;
        let id = self.catalogues.new_id_for(kind, label);
        // An entry that must belong to another starts under the parent catalogue's first
        // entry; `set_catalogue_parent` moves it.
        let parent_id = kind
            .parent()
            .and_then(|p| self.catalogues.get(p).first())
            .map(|e| e.id.clone());
        if kind.parent().is_some() && parent_id.is_none() {
            return Err(ModelError::Refused(format!(
                "Add a {} first: each {} belongs to one.",
                kind.parent().map(|p| p.noun()).unwrap_or_default(),
                kind.noun()
            )));
        }
        self.catalogues.get_mut(kind).push(super::CatalogueEntry {
            id: id.clone(),
            label: label.trim().to_string(),
            description: description.to_string(),
            source: source.trim().to_string(),
            parent_id,
            points_to: Vec::new(),
            format: (kind == CatalogueKind::MeetingFormats).then(super::catalogue::FormatSpec::new_default),
        });
        self.touch(now);
        Ok(id)
    }

    pub fn update_catalogue_entry(
        &mut self,
        kind: CatalogueKind,
        id: &Id,
        label: &str,
        description: &str,
        source: &str,
        now: Timestamp,
    ) -> ModelResult {
        let mut e = Vec::new();
        check_name(&mut e, "label", label, "Label");
        check_len(&mut e, "description", description, LONG_MAX, "Description");
        check_len(&mut e, "source", source, SHORT_MAX, "Source");
        invalid_unless_empty(e)?;
        let entry = self
            .catalogues
            .get_mut(kind)
            .iter_mut()
            .find(|x| &x.id == id)
            .ok_or_else(|| ModelError::NotFound(format!("That {} no longer exists", kind.noun())))?;
        entry.label = label.trim().to_string();
        entry.description = description.to_string();
        entry.source = source.trim().to_string();
        self.touch(now);
        Ok(())
    }

    /// Moves an entry of a catalogue whose entries belong to another (a cultivation task) to
    /// another parent entry (a different stage).
    pub fn set_catalogue_parent(&mut self, kind: CatalogueKind, id: &Id, parent: &Id, now: Timestamp) -> ModelResult {
        let Some(parent_kind) = kind.parent() else {
            return Err(ModelError::Refused(format!(
                "A {} does not belong to another entry",
                kind.noun()
            )));
        };
        if !self.catalogues.contains(parent_kind, parent) {
            return Err(ModelError::NotFound(format!(
                "That {} no longer exists",
                parent_kind.noun()
            )));
        }
        let entry = self
            .catalogues
            .get_mut(kind)
            .iter_mut()
            .find(|x| &x.id == id)
            .ok_or_else(|| ModelError::NotFound(format!("That {} no longer exists", kind.noun())))?;
        entry.parent_id = Some(parent.clone());
        self.touch(now);
        Ok(())
    }

    /// Sets the entries an entry points to (the structures a chooser answer fits), keeping
    /// the given order and dropping repeats.
    pub fn set_catalogue_points_to(&mut self, kind: CatalogueKind, id: &Id, targets: &[Id], now: Timestamp) -> ModelResult {
        let Some(target_kind) = kind.points_to() else {
            return Err(ModelError::Refused(format!("A {} does not point to other entries", kind.noun())));
        };
        if let Some(missing) = targets.iter().find(|t| !self.catalogues.contains(target_kind, t)) {
            return Err(ModelError::NotFound(format!(
                "There is no {} with id '{missing}'",
                target_kind.noun()
            )));
        }
        let entry = self
            .catalogues
            .get_mut(kind)
            .iter_mut()
            .find(|x| &x.id == id)
            .ok_or_else(|| ModelError::NotFound(format!("That {} no longer exists", kind.noun())))?;
        entry.points_to = dedup(targets);
        self.touch(now);
        Ok(())
    }

    /// Deletes a catalogue entry, refusing while anything uses it (the message names what)
    /// and refusing to empty a catalogue that new records must choose from. Entries that
    /// belong to it (a stage's tasks and statements) are deleted with it.
    pub fn delete_catalogue_entry(&mut self, kind: CatalogueKind, id: &Id, now: Timestamp) -> ModelResult {
        let label = self.catalogues.label(kind, id);
        if !self.catalogues.contains(kind, id) {
            return Err(ModelError::NotFound(format!("That {} no longer exists", kind.noun())));
        }
        let uses = self.catalogue_usage(kind, id);
        if !uses.is_empty() {
            let shown: Vec<_> = uses.iter().take(5).cloned().collect();
            let more = if uses.len() > 5 {
                format!(" and {} more", uses.len() - 5)
            } else {
                String::new()
            };
            return Err(ModelError::Refused(format!(
                "'{label}' is still used by {}{more}. Change those first.",
                shown.join(", ")
            )));
        }
        if kind.required() && self.catalogues.get(kind).len() == 1 {
            return Err(ModelError::Refused(format!(
                "'{label}' is the last {}; new records need at least one.",
                kind.noun()
            )));
        }
        self.catalogues.get_mut(kind).retain(|x| &x.id != id);
        // Entries pointing at it (chooser answers fitting a structure) stop pointing at it.
        for from in CatalogueKind::ALL.into_iter().filter(|k| k.points_to() == Some(kind)) {
            for e in self.catalogues.get_mut(from) {
                e.points_to.retain(|t| t != id);
            }
        }
        for child in CatalogueKind::ALL.into_iter().filter(|k| k.parent() == Some(kind)) {
            self.catalogues
                .get_mut(child)
                .retain(|x| x.parent_id.as_ref() != Some(id));
        }
        self.touch(now);
        Ok(())
    }
}

/// An `updated_at` for a record created at `created`: `now`, but never before its creation,
/// even when the clock has gone backwards.
fn stamp(created: Timestamp, now: Timestamp) -> Timestamp {
    now.max(created)
}

pub(crate) fn dedup(ids: &[Id]) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn membership_counts_equal_counting_each_persons_memberships() {
        use crate::model::generate::{generate, Sizes};
        use crate::model::sample::sample_workspace;
        let generated = generate(
            3,
            Sizes {
                organisations: 2,
                people: 40,
                communities: 6,
                memberships_per_person: 3,
                meetings: 0,
                stories: 0,
            },
        );
        let mut doubled = sample_workspace();
        // Not something the operations allow: a second membership in the same community
        // counts once, as `memberships_of` finds one membership per community.
        let again = doubled.communities[0].memberships[0].clone();
        doubled.communities[0].memberships.push(again);
        for ws in [sample_workspace(), generated, doubled] {
            let counts = ws.membership_counts();
            let mut in_some = 0;
            for p in &ws.people {
                let n = ws.memberships_of(&p.id).count();
                assert_eq!(counts.get(&p.id).copied().unwrap_or(0), n, "{} in {}", p.id, ws.name);
                in_some += usize::from(n > 0);
            }
            assert_eq!(counts.len(), in_some, "{}", ws.name);
            assert!(
                counts.values().any(|n| *n > 1),
                "someone is in several communities of {}",
                ws.name
            );
        }
    }
}
