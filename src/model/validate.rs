//! Whole-workspace validation: every invariant, each problem with its field path.
//!
//! Import runs this over everything in a file before anything is stored, and the tests run
//! it after every operation. Paths look like `communities[3].memberships[12].person_id`.

use std::fmt::Display;

/// Validation hashes every id in a file several times. foldhash (hashbrown's default hasher)
/// is several times faster than std's SipHash on short keys; it is seeded, though in wasm
/// the seed varies little, so it resists crafted collisions less than SipHash: the cost of
/// a hostile file is a slower check, never a wrong one.
pub(super) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use super::catalogue::{CatalogueKind, Catalogues};
use super::ids::Id;
use super::limits::{too_long, LINK_MAX, LONG_MAX, NAME_MAX, SHORT_MAX};
use super::links::check_link;
use super::organisation::{AreaScore, SCORE_MAX};
use super::workspace::Workspace;

/// One thing wrong with a file or a workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

/// Where a record sits in a workspace, `communities[3].memberships[12]`, written out only
/// when a problem under it is reported: checking a sound file formats no paths.
#[derive(Clone, Copy)]
pub(super) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    key: &'static str,
    index: Option<usize>,
}

impl<'a> Path<'a> {
    /// `key[index]` at the top of the workspace (`key` may hold dots: `programme.peer_groups`).
    pub(super) fn root(key: &'static str, index: usize) -> Path<'static> {
        Path {
            parent: None,
            key,
            index: Some(index),
        }
    }

    /// `self.key[index]`.
    pub(super) fn item(&'a self, key: &'static str, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            key,
            index: Some(index),
        }
    }

    /// `self.key`.
    pub(super) fn field(&'a self, key: &'static str) -> Path<'a> {
        Path {
            parent: Some(self),
            key,
            index: None,
        }
    }
}

impl Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}.")?;
        }
        f.write_str(self.key)?;
        match self.index {
            Some(i) => write!(f, "[{i}]"),
            None => Ok(()),
        }
    }
}

/// How many problems a report lists before it stops counting in detail.
pub const PROBLEM_CAP: usize = 50;

pub(super) struct Checker<'a> {
    problems: Vec<Problem>,
    ids: IdIndex<'a>,
}

/// Which ids the walk has met. Paths are only written out when there is a problem, so the
/// first walk keeps no paths: it only notes that an id came twice. A workspace with a
/// repeated id is then walked again, keeping the first path of just those ids, so that the
/// report can say where each was first used.
enum IdIndex<'a> {
    Seen { ids: HashSet<&'a str>, repeated: HashSet<&'a str> },
    Locate { repeated: HashSet<&'a str>, first: HashMap<&'a str, String> },
}

impl<'a> Checker<'a> {
    fn new(ids: IdIndex<'a>) -> Self {
        Checker { problems: Vec::new(), ids }
    }

    pub(super) fn push(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            reason: reason.into(),
        });
    }

    pub(super) fn id(&mut self, path: impl Display, id: &'a Id) {
        if let Some(m) = Id::check(id.as_str()) {
            self.push(path.to_string(), format!("id {m}"));
            return;
        }
        match &mut self.ids {
            IdIndex::Seen { ids, repeated } => {
                if !ids.insert(id.as_str()) {
                    repeated.insert(id.as_str());
                }
            }
            IdIndex::Locate { repeated, first } => {
                if !repeated.contains(id.as_str()) {
                    return;
                }
                let path = path.to_string();
                match first.get(id.as_str()) {
                    Some(at) => {
                        let reason = format!("id '{id}' is already used at {at}");
                        self.push(path, reason);
                    }
                    None => {
                        first.insert(id.as_str(), path);
                    }
                }
            }
        }
    }

    pub(super) fn name(&mut self, path: impl Display, value: &str) {
        if value.trim().is_empty() {
            self.push(path.to_string(), "must not be empty");
        } else {
            self.len(path, value, NAME_MAX);
        }
    }

    pub(super) fn len(&mut self, path: impl Display, value: &str, max: usize) {
        if let Some(m) = too_long(value, max) {
            self.push(path.to_string(), m);
        }
    }

    pub(super) fn catalogue_ref(&mut self, path: impl Display, cats: &Catalogues, kind: CatalogueKind, id: &Id) {
        if !cats.contains(kind, id) {
            self.push(
                path.to_string(),
                format!("no {} with id '{id}' in catalogues.{}", kind.noun(), kind.key()),
            );
        }
    }

    /// The problems found. If an id came twice, walks `ws` again with `check` to say where
    /// each repeated id was first used.
    fn finish(self, ws: &'a Workspace, check: impl Fn(&mut Checker<'a>, &'a Workspace)) -> Vec<Problem> {
        match self.ids {
            IdIndex::Seen { repeated, .. } if !repeated.is_empty() => {
                let mut again = Checker::new(IdIndex::Locate {
                    repeated,
                    first: HashMap::default(),
                });
                check(&mut again, ws);
                again.problems
            }
            _ => self.problems,
        }
    }
}

impl IdIndex<'_> {
    /// An empty index with room for the ids of `ws`'s most numerous records, so that it does
    /// not grow (and rehash) a dozen times on a large file.
    fn new(ws: &Workspace) -> Self {
        let mut records = ws.people.len() + ws.organisations.len();
        for c in &ws.communities {
            records += 1 + c.memberships.len() + c.practice.len();
            records += c.evaluation.stories.len() + c.evaluation.observations.len();
            for m in &c.facilitation.meetings {
                records += 1 + m.blocks.len();
            }
        }
        let mut ids = HashSet::default();
        ids.reserve(records);
        IdIndex::Seen {
            ids,
            repeated: HashSet::default(),
        }
    }
}

/// Every problem in `ws`, in document order. Empty means the workspace is sound.
pub fn validate_workspace(ws: &Workspace) -> Vec<Problem> {
    fn check<'a>(ck: &mut Checker<'a>, ws: &'a Workspace) {
        ck.id("id", &ws.id);
        ck.name("name", &ws.name);
        ck.len("description", &ws.description, LONG_MAX);
        if ws.updated_at < ws.created_at {
            ck.push("updated_at", "is before created_at");
        }
        check_records(ck, ws);
    }
    let mut ck = Checker::new(IdIndex::new(ws));
    check(&mut ck, ws);
    ck.finish(ws, check)
}

/// The problems in the records and catalogues of `ws`, ignoring the workspace's own id,
/// name and dates: for a one-community file, whose "workspace" is only a wrapper.
pub fn validate_records(ws: &Workspace) -> Vec<Problem> {
    let mut ck = Checker::new(IdIndex::new(ws));
    check_records(&mut ck, ws);
    ck.finish(ws, check_records)
}

fn check_records<'a>(ck: &mut Checker<'a>, ws: &'a Workspace) {
    let cats = &ws.catalogues;

    for kind in CatalogueKind::ALL {
        let mut ids = HashSet::default();
        let key = kind.key();
        for (i, e) in cats.get(kind).iter().enumerate() {
            let p = format!("catalogues.{key}[{i}]");
            if let Some(m) = Id::check(e.id.as_str()) {
                ck.push(format!("{p}.id"), format!("id {m}"));
            } else if !ids.insert(e.id.as_str()) {
                ck.push(
                    format!("{p}.id"),
                    format!("id '{}' appears twice in this catalogue", e.id),
                );
            }
            ck.name(format_args!("{p}.label"), &e.label);
            ck.len(format_args!("{p}.description"), &e.description, LONG_MAX);
            ck.len(format_args!("{p}.source"), &e.source, SHORT_MAX);
            match (kind.parent(), &e.parent_id) {
                (Some(parent), Some(pid)) => ck.catalogue_ref(format_args!("{p}.parent_id"), cats, parent, pid),
                (Some(parent), None) => ck.push(
                    format!("{p}.parent_id"),
                    format!("must name the {} this entry belongs to", parent.noun()),
                ),
                (None, Some(_)) => ck.push(format!("{p}.parent_id"), "must be empty in this catalogue"),
                (None, None) => {}
            }
            match kind.points_to() {
                Some(target) => {
                    for (j, t) in e.points_to.iter().enumerate() {
                        ck.catalogue_ref(format_args!("{p}.points_to[{j}]"), cats, target, t);
                        if e.points_to[..j].contains(t) {
                            ck.push(format!("{p}.points_to[{j}]"), "lists the same entry twice");
                        }
                    }
                }
                None if !e.points_to.is_empty() => ck.push(format!("{p}.points_to"), "must be empty in this catalogue"),
                None => {}
            }
            match (&e.format, kind == CatalogueKind::MeetingFormats) {
                (Some(f), true) => super::validate_facilitation::check_format_spec(ck, &format!("{p}.format"), f),
                (None, true) => ck.push(format!("{p}.format"), "must say how the format runs"),
                (Some(_), false) => ck.push(format!("{p}.format"), "must be empty in this catalogue"),
                (None, false) => {}
            }
        }
        if kind.required() && cats.get(kind).is_empty() {
            ck.push(format!("catalogues.{key}"), "must hold at least one entry");
        }
    }

    let org_ids: HashSet<&Id> = ws.organisations.iter().map(|o| &o.id).collect();
    for (i, o) in ws.organisations.iter().enumerate() {
        let p = Path::root("organisations", i);
        ck.id(format_args!("{p}.id"), &o.id);
        ck.name(format_args!("{p}.name"), &o.name);
        ck.len(format_args!("{p}.description"), &o.description, LONG_MAX);
        if o.updated_at < o.created_at {
            ck.push(format!("{p}.updated_at"), "is before created_at");
        }
    }

    let person_ids: HashSet<&Id> = ws.people.iter().map(|p| &p.id).collect();
    for (i, person) in ws.people.iter().enumerate() {
        let p = Path::root("people", i);
        ck.id(format_args!("{p}.id"), &person.id);
        ck.name(format_args!("{p}.name"), &person.name);
        ck.len(format_args!("{p}.email"), &person.email, SHORT_MAX);
        ck.len(format_args!("{p}.title"), &person.title, SHORT_MAX);
        ck.len(format_args!("{p}.notes"), &person.notes, LONG_MAX);
        if let Some(org) = &person.organisation_id {
            if !org_ids.contains(org) {
                ck.push(
                    format!("{p}.organisation_id"),
                    format!("no organisation with id '{org}'"),
                );
            }
        }
        if person.updated_at < person.created_at {
            ck.push(format!("{p}.updated_at"), "is before created_at");
        }
    }

    for (i, c) in ws.communities.iter().enumerate() {
        let p = Path::root("communities", i);
        ck.id(format_args!("{p}.id"), &c.id);
        ck.name(format_args!("{p}.name"), &c.name);
        ck.catalogue_ref(
            format_args!("{p}.formation_type_id"),
            cats,
            CatalogueKind::FormationTypes,
            &c.formation_type_id,
        );
        ck.catalogue_ref(
            format_args!("{p}.lifecycle_stage_id"),
            cats,
            CatalogueKind::LifecycleStages,
            &c.lifecycle_stage_id,
        );
        let mut orgs_seen = HashSet::default();
        for (j, org) in c.organisation_ids.iter().enumerate() {
            if !org_ids.contains(org) {
                ck.push(
                    format!("{p}.organisation_ids[{j}]"),
                    format!("no organisation with id '{org}'"),
                );
            } else if !orgs_seen.insert(org) {
                ck.push(
                    format!("{p}.organisation_ids[{j}]"),
                    "lists the same organisation twice",
                );
            }
        }
        if c.updated_at < c.created_at {
            ck.push(format!("{p}.updated_at"), "is before created_at");
        }
        ck.len(format_args!("{p}.domain.statement"), &c.domain.statement, LONG_MAX);
        for (j, k) in c.domain.key_issues.iter().enumerate() {
            let kp = p.item("domain.key_issues", j);
            ck.id(format_args!("{kp}.id"), &k.id);
            if k.text.trim().is_empty() {
                ck.push(format!("{kp}.text"), "must not be empty");
            }
            ck.len(format_args!("{kp}.text"), &k.text, SHORT_MAX);
        }

        let mut members_seen = HashSet::default();
        for (j, m) in c.memberships.iter().enumerate() {
            let mp = p.item("memberships", j);
            ck.id(format_args!("{mp}.id"), &m.id);
            if !person_ids.contains(&m.person_id) {
                ck.push(
                    format!("{mp}.person_id"),
                    format!("no person with id '{}'", m.person_id),
                );
            } else if !members_seen.insert(&m.person_id) {
                ck.push(
                    format!("{mp}.person_id"),
                    "this person already has a membership in this community",
                );
            }
            ck.catalogue_ref(
                format_args!("{mp}.level_id"),
                cats,
                CatalogueKind::ParticipationLevels,
                &m.level_id,
            );
            for (r, role) in m.role_ids.iter().enumerate() {
                ck.catalogue_ref(format_args!("{mp}.role_ids[{r}]"), cats, CatalogueKind::Roles, role);
                if m.role_ids[..r].contains(role) {
                    ck.push(format!("{mp}.role_ids[{r}]"), "lists the same role twice");
                }
            }
            for (r, g) in m.leadership_group_ids.iter().enumerate() {
                ck.catalogue_ref(
                    format_args!("{mp}.leadership_group_ids[{r}]"),
                    cats,
                    CatalogueKind::LeadershipGroups,
                    g,
                );
                if m.leadership_group_ids[..r].contains(g) {
                    ck.push(format!("{mp}.leadership_group_ids[{r}]"), "lists the same group twice");
                }
            }
            if m.history.is_empty() {
                ck.push(format!("{mp}.history"), "must record at least the joining level");
            }
            let mut prev = m.joined_on;
            let mut prev_level: Option<&Id> = None;
            for (h, change) in m.history.iter().enumerate() {
                let hp = mp.item("history", h);
                if change.on < prev {
                    ck.push(
                        format!("{hp}.on"),
                        format!("{} is before the previous date {prev}", change.on),
                    );
                }
                if change.from_level_id.as_ref() != prev_level {
                    let expected = prev_level
                        .map(|l| format!("'{l}', the level the previous entry moved to"))
                        .unwrap_or_else(|| "empty, because the first entry records joining".into());
                    ck.push(format!("{hp}.from_level_id"), format!("should be {expected}"));
                }
                prev_level = Some(&change.to_level_id);
                prev = prev.max(change.on);
                ck.catalogue_ref(
                    format_args!("{hp}.to_level_id"),
                    cats,
                    CatalogueKind::ParticipationLevels,
                    &change.to_level_id,
                );
                if let Some(from) = &change.from_level_id {
                    ck.catalogue_ref(
                        format_args!("{hp}.from_level_id"),
                        cats,
                        CatalogueKind::ParticipationLevels,
                        from,
                    );
                }
                ck.len(format_args!("{hp}.reason"), &change.reason, SHORT_MAX);
            }
            if let Some(last) = m.history.last() {
                if last.to_level_id != m.level_id {
                    ck.push(
                        format!("{mp}.level_id"),
                        format!(
                            "is '{}' but the last history entry moves to '{}'",
                            m.level_id, last.to_level_id
                        ),
                    );
                }
            }
        }

        for (j, r) in c.practice.iter().enumerate() {
            let rp = p.item("practice", j);
            ck.id(format_args!("{rp}.id"), &r.id);
            ck.name(format_args!("{rp}.title"), &r.title);
            ck.catalogue_ref(
                format_args!("{rp}.kind_id"),
                cats,
                CatalogueKind::RepertoireKinds,
                &r.kind_id,
            );
            ck.len(format_args!("{rp}.description"), &r.description, LONG_MAX);
            if let Some(m) = too_long(&r.link, LINK_MAX) {
                ck.push(format!("{rp}.link"), m);
            } else if let Some(m) = check_link(&r.link) {
                ck.push(format!("{rp}.link"), m);
            }
        }

        let t = &c.technology;
        let tp = p.field("technology");
        for (j, prof) in t.profiles.iter().enumerate() {
            let pp = tp.item("profiles", j);
            ck.id(format_args!("{pp}.id"), &prof.id);
            let mut rated = HashSet::default();
            for (r, rating) in prof.ratings.iter().enumerate() {
                let rp = pp.item("ratings", r);
                ck.catalogue_ref(
                    format_args!("{rp}.orientation_id"),
                    cats,
                    CatalogueKind::Orientations,
                    &rating.orientation_id,
                );
                if !rated.insert(&rating.orientation_id) {
                    ck.push(format!("{rp}.orientation_id"), "rates the same orientation twice");
                }
                if rating.importance > super::technology::IMPORTANCE_MAX {
                    ck.push(
                        format!("{rp}.importance"),
                        format!("must be 0 to {}", super::technology::IMPORTANCE_MAX),
                    );
                }
            }
            ck.len(format_args!("{pp}.note"), &prof.note, LONG_MAX);
            if j > 0 && prof.on < t.profiles[j - 1].on {
                ck.push(
                    format!("{pp}.on"),
                    format!(
                        "{} is before the previous profile's date {}; profiles are kept oldest first",
                        prof.on,
                        t.profiles[j - 1].on
                    ),
                );
            }
        }
        for (key, ..) in super::technology::POLARITIES {
            if let Some(pol) = t.polarities.get(key) {
                if pol.position > 100 {
                    ck.push(format!("{tp}.polarities.{key}.position"), "must be 0 to 100");
                }
                ck.len(format_args!("{tp}.polarities.{key}.note"), &pol.note, LONG_MAX);
            }
        }
        let tool_ids: HashSet<&Id> = t.tools.iter().map(|x| &x.id).collect();
        for (j, tool) in t.tools.iter().enumerate() {
            let xp = tp.item("tools", j);
            ck.id(format_args!("{xp}.id"), &tool.id);
            ck.name(format_args!("{xp}.name"), &tool.name);
            ck.catalogue_ref(
                format_args!("{xp}.category_id"),
                cats,
                CatalogueKind::ToolCategories,
                &tool.category_id,
            );
            for (k, o) in tool.orientation_ids.iter().enumerate() {
                ck.catalogue_ref(
                    format_args!("{xp}.orientation_ids[{k}]"),
                    cats,
                    CatalogueKind::Orientations,
                    o,
                );
                if tool.orientation_ids[..k].contains(o) {
                    ck.push(format!("{xp}.orientation_ids[{k}]"), "lists the same orientation twice");
                }
            }
            for (k, a) in tool.activity_type_ids.iter().enumerate() {
                ck.catalogue_ref(
                    format_args!("{xp}.activity_type_ids[{k}]"),
                    cats,
                    CatalogueKind::ActivityTypes,
                    a,
                );
                if tool.activity_type_ids[..k].contains(a) {
                    ck.push(
                        format!("{xp}.activity_type_ids[{k}]"),
                        "lists the same activity type twice",
                    );
                }
            }
            if let Some(s) = &tool.steward_id {
                if !person_ids.contains(s) {
                    ck.push(format!("{xp}.steward_id"), format!("no person with id '{s}'"));
                }
            }
            ck.len(format_args!("{xp}.cost"), &tool.cost, SHORT_MAX);
            ck.len(format_args!("{xp}.access_notes"), &tool.access_notes, LONG_MAX);
        }
        for (j, d) in t.decisions.iter().enumerate() {
            let dp = tp.item("decisions", j);
            if j > 0 && d.on < t.decisions[j - 1].on {
                ck.push(
                    format!("{dp}.on"),
                    format!(
                        "{} is before the previous decision's date {}; the log is kept oldest first",
                        d.on,
                        t.decisions[j - 1].on
                    ),
                );
            }
            ck.id(format_args!("{dp}.id"), &d.id);
            if d.what.trim().is_empty() {
                ck.push(format!("{dp}.what"), "must not be empty");
            }
            ck.len(format_args!("{dp}.what"), &d.what, LONG_MAX);
            ck.len(format_args!("{dp}.why"), &d.why, LONG_MAX);
            if let Some(tool) = &d.tool_id {
                if !tool_ids.contains(tool) {
                    ck.push(
                        format!("{dp}.tool_id"),
                        format!("no tool with id '{tool}' in this community"),
                    );
                }
            }
            if let Some(by) = &d.by_id {
                if !person_ids.contains(by) {
                    ck.push(format!("{dp}.by_id"), format!("no person with id '{by}'"));
                }
            }
        }
        for (j, done) in t.checklist_done.iter().enumerate() {
            ck.catalogue_ref(
                format_args!("{tp}.checklist_done[{j}]"),
                cats,
                CatalogueKind::HabitatChecklist,
                done,
            );
            if t.checklist_done[..j].contains(done) {
                ck.push(format!("{tp}.checklist_done[{j}]"), "ticks the same step twice");
            }
        }

        for (j, r) in c.principles.iter().enumerate() {
            let rp = p.item("principles", j);
            ck.catalogue_ref(
                format_args!("{rp}.principle_id"),
                cats,
                CatalogueKind::CultivationPrinciples,
                &r.principle_id,
            );
            if c.principles[..j].iter().any(|x| x.principle_id == r.principle_id) {
                ck.push(format!("{rp}.principle_id"), "reflects on the same principle twice");
            }
            ck.len(format_args!("{rp}.note"), &r.note, LONG_MAX);
        }

        check_cultivation(ck, cats, &p, c, &person_ids);
        check_stewardship(ck, cats, &p, c);
        super::validate_facilitation::check_facilitation(ck, cats, &p, c, &person_ids);
        super::validate_evaluation::check_evaluation(ck, cats, &p, c, &person_ids);
    }

    check_programme(ck, cats, ws, &person_ids, &org_ids);
}

/// Scores of one catalogue's entries: each known, once, within 0..=max.
fn check_scores(ck: &mut Checker<'_>, cats: &Catalogues, path: &Path<'_>, kind: CatalogueKind, scores: &[AreaScore]) {
    for (s, score) in scores.iter().enumerate() {
        let sp = format!("{path}[{s}]");
        ck.catalogue_ref(format_args!("{sp}.area_id"), cats, kind, &score.area_id);
        if scores[..s].iter().any(|x| x.area_id == score.area_id) {
            ck.push(
                format!("{sp}.area_id"),
                format!("scores the same {} twice", kind.noun()),
            );
        }
        if score.score > SCORE_MAX {
            ck.push(format!("{sp}.score"), format!("must be 0 to {SCORE_MAX}"));
        }
    }
}

fn check_stewardship<'a>(ck: &mut Checker<'a>, cats: &Catalogues, p: &Path<'_>, c: &'a super::workspace::Community) {
    let st = &c.stewardship;
    let p = p.field("stewardship");
    if let Some(choice) = &st.structure_choice {
        let cp = p.field("structure_choice");
        for (j, a) in choice.answers.iter().enumerate() {
            let ap = cp.item("answers", j);
            ck.catalogue_ref(
                format_args!("{ap}.question_id"),
                cats,
                CatalogueKind::ChooserQuestions,
                &a.question_id,
            );
            if choice.answers[..j].iter().any(|x| x.question_id == a.question_id) {
                ck.push(format!("{ap}.question_id"), "answers the same question twice");
            }
            match cats.entry(CatalogueKind::ChooserOptions, &a.option_id) {
                None => ck.catalogue_ref(
                    format_args!("{ap}.option_id"),
                    cats,
                    CatalogueKind::ChooserOptions,
                    &a.option_id,
                ),
                Some(o) if o.parent_id.as_ref() != Some(&a.question_id) => ck.push(
                    format!("{ap}.option_id"),
                    format!("'{}' is not an answer to question '{}'", a.option_id, a.question_id),
                ),
                Some(_) => {}
            }
        }
        ck.catalogue_ref(
            format_args!("{cp}.recommended_id"),
            cats,
            CatalogueKind::StructureTypes,
            &choice.recommended_id,
        );
        ck.len(format_args!("{cp}.note"), &choice.note, LONG_MAX);
    }
    for (j, h) in st.health_checks.iter().enumerate() {
        let hp = p.item("health_checks", j);
        ck.id(format_args!("{hp}.id"), &h.id);
        if j > 0 && h.on < st.health_checks[j - 1].on {
            ck.push(
                format!("{hp}.on"),
                format!(
                    "{} is before the previous check's date {}; checks are kept oldest first",
                    h.on,
                    st.health_checks[j - 1].on
                ),
            );
        }
        check_scores(ck, cats, &hp.field("scores"), CatalogueKind::SuccessFactors, &h.scores);
        for (r, risk) in h.risks.iter().enumerate() {
            ck.catalogue_ref(format_args!("{hp}.risks[{r}]"), cats, CatalogueKind::RiskFactors, risk);
            if h.risks[..r].contains(risk) {
                ck.push(format!("{hp}.risks[{r}]"), "flags the same risk twice");
            }
        }
        ck.len(format_args!("{hp}.note"), &h.note, LONG_MAX);
    }
    for (j, v) in st.indicator_values.iter().enumerate() {
        let vp = p.item("indicator_values", j);
        ck.id(format_args!("{vp}.id"), &v.id);
        ck.catalogue_ref(
            format_args!("{vp}.indicator_id"),
            cats,
            CatalogueKind::OrgIndicators,
            &v.indicator_id,
        );
        if v.value.trim().is_empty() {
            ck.push(format!("{vp}.value"), "must not be empty");
        }
        ck.len(format_args!("{vp}.value"), &v.value, SHORT_MAX);
        ck.len(format_args!("{vp}.source"), &v.source, SHORT_MAX);
    }
}

fn check_programme<'a>(
    ck: &mut Checker<'a>,
    cats: &Catalogues,
    ws: &'a Workspace,
    person_ids: &HashSet<&Id>,
    org_ids: &HashSet<&Id>,
) {
    let pr = &ws.programme;
    for (j, r) in pr.readiness_checks.iter().enumerate() {
        let rp = Path::root("programme.readiness_checks", j);
        ck.id(format_args!("{rp}.id"), &r.id);
        if j > 0 && r.on < pr.readiness_checks[j - 1].on {
            ck.push(
                format!("{rp}.on"),
                format!(
                    "{} is before the previous check's date {}; checks are kept oldest first",
                    r.on,
                    pr.readiness_checks[j - 1].on
                ),
            );
        }
        if let Some(o) = &r.organisation_id {
            if !org_ids.contains(o) {
                ck.push(
                    format!("{rp}.organisation_id"),
                    format!("no organisation with id '{o}'"),
                );
            }
        }
        ck.len(format_args!("{rp}.by"), &r.by, SHORT_MAX);
        check_scores(ck, cats, &rp.field("scores"), CatalogueKind::ReadinessAreas, &r.scores);
        ck.len(format_args!("{rp}.note"), &r.note, LONG_MAX);
    }
    for (j, plan) in pr.leader_plans.iter().enumerate() {
        let lp = Path::root("programme.leader_plans", j);
        if !person_ids.contains(&plan.person_id) {
            ck.push(
                format!("{lp}.person_id"),
                format!("no person with id '{}'", plan.person_id),
            );
        } else if pr.leader_plans[..j].iter().any(|x| x.person_id == plan.person_id) {
            ck.push(format!("{lp}.person_id"), "this person already has a plan");
        }
        for (s, step) in plan.steps.iter().enumerate() {
            ck.catalogue_ref(
                format_args!("{lp}.steps[{s}].step_id"),
                cats,
                CatalogueKind::CapacitySteps,
                &step.step_id,
            );
            if plan.steps[..s].iter().any(|x| x.step_id == step.step_id) {
                ck.push(format!("{lp}.steps[{s}].step_id"), "lists the same step twice");
            }
        }
        ck.len(format_args!("{lp}.note"), &plan.note, LONG_MAX);
    }
    for (j, g) in pr.peer_groups.iter().enumerate() {
        let gp = Path::root("programme.peer_groups", j);
        ck.id(format_args!("{gp}.id"), &g.id);
        ck.name(format_args!("{gp}.name"), &g.name);
        for (m, id) in g.member_ids.iter().enumerate() {
            if !person_ids.contains(id) {
                ck.push(format!("{gp}.member_ids[{m}]"), format!("no person with id '{id}'"));
            } else if g.member_ids[..m].contains(id) {
                ck.push(format!("{gp}.member_ids[{m}]"), "lists the same person twice");
            }
        }
        ck.len(format_args!("{gp}.note"), &g.note, LONG_MAX);
    }
}

fn check_cultivation<'a>(
    ck: &mut Checker<'a>,
    cats: &Catalogues,
    p: &Path<'_>,
    c: &'a super::workspace::Community,
    person_ids: &HashSet<&Id>,
) {
    use super::cultivation::{AGREEMENT_MAX, DURATION_MAX_MINUTES, MATURITY_MAX};
    let k = &c.cultivation;
    let p = p.field("cultivation");
    let person = |ck: &mut Checker<'a>, path: &dyn Display, id: &Id| {
        if !person_ids.contains(id) {
            ck.push(path.to_string(), format!("no person with id '{id}'"));
        }
    };

    let f = &k.forming;
    let fp = p.field("forming");
    if usize::from(f.step) >= super::forming::STEPS.len() {
        ck.push(
            format!("{fp}.step"),
            format!("must be 0 to {}", super::forming::STEPS.len() - 1),
        );
    }
    for (j, l) in f.strategic_links.iter().enumerate() {
        let lp = fp.item("strategic_links", j);
        ck.id(format_args!("{lp}.id"), &l.id);
        if l.priority.trim().is_empty() {
            ck.push(format!("{lp}.priority"), "must not be empty");
        }
        ck.len(format_args!("{lp}.priority"), &l.priority, SHORT_MAX);
        ck.len(format_args!("{lp}.contribution"), &l.contribution, LONG_MAX);
    }
    for (j, t) in f.agenda.iter().enumerate() {
        let tp = fp.item("agenda", j);
        ck.id(format_args!("{tp}.id"), &t.id);
        if t.topic.trim().is_empty() {
            ck.push(format!("{tp}.topic"), "must not be empty");
        }
        ck.len(format_args!("{tp}.topic"), &t.topic, SHORT_MAX);
        if let Some(o) = &t.owner_id {
            person(ck, &format_args!("{tp}.owner_id"), o);
        }
        ck.len(format_args!("{tp}.activities"), &t.activities, LONG_MAX);
        ck.len(format_args!("{tp}.outputs"), &t.outputs, LONG_MAX);
    }
    for (name, value) in [
        ("invited", &f.invited),
        ("practice", &f.practice),
        ("value_members_short", &f.value_members_short),
        ("value_members_long", &f.value_members_long),
        ("value_org_short", &f.value_org_short),
        ("value_org_long", &f.value_org_long),
        ("rhythm", &f.rhythm),
        ("norms", &f.norms),
        ("confidential", &f.confidential),
        ("publishable", &f.publishable),
    ] {
        ck.len(format_args!("{fp}.{name}"), value, LONG_MAX);
    }

    for (j, ch) in k.charters.iter().enumerate() {
        let cp = p.item("charters", j);
        let expected = j as u32 + 1;
        if ch.version != expected {
            ck.push(
                format!("{cp}.version"),
                format!("is {} but should be {expected}: versions count up from 1", ch.version),
            );
        }
        if j > 0 && ch.on < k.charters[j - 1].on {
            ck.push(
                format!("{cp}.on"),
                format!(
                    "{} is before the previous version's date {}",
                    ch.on,
                    k.charters[j - 1].on
                ),
            );
        }
        for (s, sec) in ch.sections.iter().enumerate() {
            ck.name(format_args!("{cp}.sections[{s}].heading"), &sec.heading);
            ck.len(format_args!("{cp}.sections[{s}].body"), &sec.body, LONG_MAX);
        }
    }

    for (j, a) in k.stage_answers.iter().enumerate() {
        let ap = p.item("stage_answers", j);
        ck.catalogue_ref(
            format_args!("{ap}.question_id"),
            cats,
            CatalogueKind::StageQuestions,
            &a.question_id,
        );
        if k.stage_answers[..j].iter().any(|x| x.question_id == a.question_id) {
            ck.push(format!("{ap}.question_id"), "answers the same statement twice");
        }
        if a.agreement > AGREEMENT_MAX {
            ck.push(format!("{ap}.agreement"), format!("must be 0 to {AGREEMENT_MAX}"));
        }
    }

    let mut prev_stage: Option<&Id> = None;
    for (j, h) in k.stage_history.iter().enumerate() {
        let hp = p.item("stage_history", j);
        if j > 0 && h.on < k.stage_history[j - 1].on {
            ck.push(
                format!("{hp}.on"),
                format!(
                    "{} is before the previous change's date {}",
                    h.on,
                    k.stage_history[j - 1].on
                ),
            );
        }
        if j > 0 && h.from_stage_id.as_ref() != prev_stage {
            ck.push(
                format!("{hp}.from_stage_id"),
                format!(
                    "should be '{}', the stage the previous entry moved to",
                    prev_stage.map(Id::as_str).unwrap_or_default()
                ),
            );
        }
        for (field, id) in [
            ("from_stage_id", &h.from_stage_id),
            ("suggested_stage_id", &h.suggested_stage_id),
        ] {
            if let Some(id) = id {
                ck.catalogue_ref(format_args!("{hp}.{field}"), cats, CatalogueKind::LifecycleStages, id);
            }
        }
        ck.catalogue_ref(
            format_args!("{hp}.to_stage_id"),
            cats,
            CatalogueKind::LifecycleStages,
            &h.to_stage_id,
        );
        ck.len(format_args!("{hp}.note"), &h.note, LONG_MAX);
        prev_stage = Some(&h.to_stage_id);
    }
    if let Some(last) = k.stage_history.last() {
        if last.to_stage_id != c.lifecycle_stage_id {
            ck.push(
                format!("{p}.stage_history[{}].to_stage_id", k.stage_history.len() - 1),
                format!(
                    "is '{}' but the community's lifecycle_stage_id is '{}'",
                    last.to_stage_id, c.lifecycle_stage_id
                ),
            );
        }
    }
    for (j, done) in k.tasks_done.iter().enumerate() {
        ck.catalogue_ref(format_args!("{p}.tasks_done[{j}]"), cats, CatalogueKind::StageTasks, done);
        if k.tasks_done[..j].contains(done) {
            ck.push(format!("{p}.tasks_done[{j}]"), "ticks the same task twice");
        }
    }
    if let Some(t) = &k.transformation {
        ck.catalogue_ref(
            format_args!("{p}.transformation.mode_id"),
            cats,
            CatalogueKind::TransformationModes,
            &t.mode_id,
        );
        ck.len(format_args!("{p}.transformation.note"), &t.note, LONG_MAX);
    }

    for (j, a) in k.maturity.iter().enumerate() {
        let ap = p.item("maturity", j);
        ck.id(format_args!("{ap}.id"), &a.id);
        if j > 0 && a.on < k.maturity[j - 1].on {
            ck.push(
                format!("{ap}.on"),
                format!(
                    "{} is before the previous assessment's date {}; assessments are kept oldest first",
                    a.on,
                    k.maturity[j - 1].on
                ),
            );
        }
        for (s, score) in a.scores.iter().enumerate() {
            let sp = ap.item("scores", s);
            ck.catalogue_ref(
                format_args!("{sp}.dimension_id"),
                cats,
                CatalogueKind::MaturityDimensions,
                &score.dimension_id,
            );
            if a.scores[..s].iter().any(|x| x.dimension_id == score.dimension_id) {
                ck.push(format!("{sp}.dimension_id"), "scores the same dimension twice");
            }
            if score.score > MATURITY_MAX {
                ck.push(format!("{sp}.score"), format!("must be 0 to {MATURITY_MAX}"));
            }
        }
        ck.len(format_args!("{ap}.note"), &a.note, LONG_MAX);
    }

    for (j, t) in k.onboarding.iter().enumerate() {
        let op = p.item("onboarding", j);
        if !c.memberships.iter().any(|m| m.person_id == t.person_id) {
            ck.push(
                format!("{op}.person_id"),
                format!("'{}' is not a member of this community", t.person_id),
            );
        }
        ck.catalogue_ref(
            format_args!("{op}.step_id"),
            cats,
            CatalogueKind::OnboardingSteps,
            &t.step_id,
        );
        if k.onboarding[..j]
            .iter()
            .any(|x| x.person_id == t.person_id && x.step_id == t.step_id)
        {
            ck.push(format!("{op}.step_id"), "ticks the same step for the same person twice");
        }
        ck.len(format_args!("{op}.note"), &t.note, SHORT_MAX);
    }

    for (j, a) in k.activities.iter().enumerate() {
        let ap = p.item("activities", j);
        ck.id(format_args!("{ap}.id"), &a.id);
        ck.name(format_args!("{ap}.title"), &a.title);
        if let Some(t) = &a.activity_type_id {
            ck.catalogue_ref(format_args!("{ap}.activity_type_id"), cats, CatalogueKind::ActivityTypes, t);
        }
        if a.duration_minutes == 0 || a.duration_minutes > DURATION_MAX_MINUTES {
            ck.push(
                format!("{ap}.duration_minutes"),
                format!("must be 1 to {DURATION_MAX_MINUTES}"),
            );
        }
        if let Some(until) = a.until {
            if until < a.starts_on {
                ck.push(
                    format!("{ap}.until"),
                    format!("{until} is before the first date {}", a.starts_on),
                );
            }
        }
        if let Some(m) = too_long(&a.location, LINK_MAX) {
            ck.push(format!("{ap}.location"), m);
        }
        ck.len(format_args!("{ap}.notes"), &a.notes, LONG_MAX);
    }
}
