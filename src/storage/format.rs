//! The file format: the versioned envelope, migrations, and decoding with full problem lists.
//!
//! This is the pure half of the storage module (no browser calls), so it is tested natively.
//! Stored documents and exported files share one envelope:
//!
//! ```json
//! { "format": "cultivate-workspace", "schema_version": 1, "app_version": "0.1.0",
//!   "saved_at": "2026-11-28T10:00:00Z", "revision": 12, "data": { ... } }
//! ```
//!
//! Loading runs: parse, check the envelope, refuse a newer schema, migrate an older one step
//! by step, decode every record (collecting *all* problems, each with its field path), then
//! validate the invariants. Only a document that passes every step is trusted.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{
    validate_records, validate_workspace, Catalogues, Community, Id, Organisation, Person, Problem, Timestamp,
    Workspace,
};

/// `format` of a whole workspace, stored or exported.
pub const FORMAT_WORKSPACE: &str = "cultivate-workspace";
/// `format` of a file holding one community and what it refers to.
pub const FORMAT_COMMUNITY: &str = "cultivate-community";
/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u64 = 6;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How many problems an import report lists in full.
pub use crate::model::validate::PROBLEM_CAP;

/// The envelope around every stored document and exported file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Envelope<T> {
    /// `cultivate-workspace` or `cultivate-community`.
    pub format: String,
    /// The version of the data layout; older files are migrated, newer ones refused.
    pub schema_version: u64,
    /// The app version that wrote the file, for support.
    pub app_version: String,
    /// When the document was saved or exported (RFC 3339, UTC).
    pub saved_at: Timestamp,
    /// Counts saves in this browser; other tabs compare it to avoid overwriting newer data.
    #[serde(default)]
    pub revision: u64,
    pub data: T,
}

/// One community with the people, organisations and catalogues it refers to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommunityBundle {
    pub community: Community,
    pub people: Vec<Person>,
    pub organisations: Vec<Organisation>,
    pub catalogues: Catalogues,
    /// The change stamps of the records in the file, keyed as in a workspace (format 6).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub stamps: crate::model::merge::Stamps,
    /// What part of a workspace the file shares, when it is not the whole community.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub piece: Option<Piece>,
}

/// What a one-community file holds (format 6). A file without one holds the whole community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Piece {
    pub kind: PieceKind,
    /// What the piece is, in words: the meeting's title, "Stories of …".
    #[serde(default)]
    pub title: String,
    /// For a story-collection file: the facilitator's invitation to participants.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prompt: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PieceKind {
    /// One community, whole.
    Community,
    /// One meeting of a community, with its agenda and record.
    Meeting,
    /// A community's value-creation stories, with the meetings they mention.
    Stories,
    /// A story-collection file a facilitator hands out to participants.
    Collection,
    /// A participant's stories, made from a story-collection file.
    Answers,
}

impl CommunityBundle {
    /// The community `id` of `ws`, with the people and organisations it refers to.
    pub fn of(ws: &Workspace, id: &Id) -> Option<Self> {
        let community = ws.community(id)?.clone();
        let people: Vec<Person> = ws
            .people
            .iter()
            .filter(|p| community.memberships.iter().any(|m| m.person_id == p.id))
            .cloned()
            .collect();
        let organisations = ws
            .organisations
            .iter()
            .filter(|o| {
                community.organisation_ids.contains(&o.id)
                    || people.iter().any(|p| p.organisation_id.as_ref() == Some(&o.id))
            })
            .cloned()
            .collect();
        Some(CommunityBundle {
            community,
            people,
            organisations,
            catalogues: ws.catalogues.clone(),
            stamps: Default::default(),
            piece: None,
        })
    }

    /// The bundle as a workspace of its own, so that the same validation applies.
    pub fn as_workspace(&self, saved_at: Timestamp) -> Workspace {
        let mut ws = Workspace {
            id: Id::new("community-file"),
            name: self.community.name.clone(),
            description: String::new(),
            is_sample: false,
            created_at: saved_at.min(self.community.created_at),
            updated_at: saved_at.max(self.community.updated_at),
            organisations: self.organisations.clone(),
            people: self.people.clone(),
            communities: vec![self.community.clone()],
            catalogues: self.catalogues.clone(),
            programme: Default::default(),
            stamps: Default::default(),
        };
        // A workspace made from the file needs an id of its own that no record uses.
        let mut n = 1;
        while ws.organisations.iter().any(|o| o.id == ws.id)
            || ws.people.iter().any(|p| p.id == ws.id)
            || ws.id_in_use_by_records(&ws.id)
        {
            n += 1;
            ws.id = Id::new(format!("community-file-{n}"));
        }
        ws
    }
}

/// A decoded, migrated and validated document. (Both variants are large and short-lived: a
/// document is matched and unpacked right after decoding.)
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    Workspace(Envelope<Workspace>),
    Community(Envelope<CommunityBundle>),
}

impl Document {
    /// A workspace as a document of the current version, dated by its last change (a
    /// workspace file's records, taken out of an import plan to be merged instead).
    pub fn of_workspace(ws: Workspace) -> Self {
        Document::Workspace(Envelope {
            format: FORMAT_WORKSPACE.into(),
            schema_version: SCHEMA_VERSION,
            app_version: APP_VERSION.into(),
            saved_at: ws.updated_at,
            revision: 0,
            data: ws,
        })
    }
}

/// Why a document could not be loaded. Every variant leaves the source untouched.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Not JSON at all; the message carries line and column.
    NotJson(String),
    /// JSON, but not a Cultivate file.
    NotCultivate(String),
    /// Written by a newer version of the app.
    NewerVersion { found: u64, supported: u64 },
    /// A migration step failed.
    Migration { from: u64, reason: String },
    /// Structure or invariants are broken; every problem with its path, up to the cap, and
    /// the total count.
    Invalid { problems: Vec<Problem>, total: usize },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotJson(m) => write!(f, "This is not valid JSON: {m}."),
            LoadError::NotCultivate(m) => write!(f, "This is not a Cultivate file: {m}."),
            LoadError::NewerVersion { found, supported } => write!(
                f,
                "This file was written by a newer version of Cultivate (format version {found}); this version reads up to {supported}. Open it with the newer version, or update this one."
            ),
            LoadError::Migration { from, reason } => {
                write!(f, "This file could not be upgraded from format version {from}: {reason}.")
            }
            LoadError::Invalid { problems, total } => {
                write!(f, "This file has {total} problem{}", if *total == 1 { "" } else { "s" })?;
                if let Some(p) = problems.first() {
                    write!(f, ", starting with {p}")?;
                }
                f.write_str(".")
            }
        }
    }
}

// ----- migrations -----

/// One migration step: turns a document's `data` of version `from` into version `from + 1`.
pub struct Migration {
    pub from: u64,
    pub description: &'static str,
    pub apply: fn(Value) -> Result<Value, String>,
}

/// Every step from version 1 up to [`SCHEMA_VERSION`], in order. Each step has its own test
/// (in `tests/migrations.rs`), and `migration_chain_is_complete` checks the chain has no gaps.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        description: "Technology: adds the orientations, tool categories, activity types and digital habitat checklist catalogues, and an empty digital habitat to every community.",
        apply: v1_to_v2,
    },
    Migration {
        from: 2,
        description: "Cultivation principles: adds the cultivation principles catalogue, and an empty list of reflections to every community.",
        apply: v2_to_v3,
    },
    Migration {
        from: 3,
        description: "Cultivating and the organisational perspective: adds seventeen catalogues (stage self-assessment, tensions, cultivation tasks, transformation modes, maturity dimensions, onboarding steps; structures, chooser questions and answers, readiness areas and actions, role responsibilities, leadership groups, capacity-building steps, success and risk factors, indicators), an empty cultivation and stewardship record to every community, leadership groups to every membership, and an empty programme to the workspace.",
        apply: v3_to_v4,
    },
    Migration {
        from: 4,
        description: "Facilitating and evaluation: adds six catalogues (meeting formats, meeting phases and checklist; value-cycle questions, example indicators, kinds of knowledge capital) and an empty facilitation and evaluation record to every community.",
        apply: v4_to_v5,
    },
    Migration {
        from: 5,
        description: "Merging: records may carry change stamps (`stamps`), and a one-community file may say which piece of a workspace it shares (`piece`). Files before version 6 have neither; nothing is added, so every record they hold counts as unstamped.",
        apply: v5_to_v6,
    },
];

/// Version 5 → 6: merging. Stamps are optional and a file of version 5 has none, so the data
/// is kept as it is; a `stamps` or `piece` field in a version 5 file is refused, because
/// version 5 never wrote one.
pub fn v5_to_v6(data: Value) -> Result<Value, String> {
    let Value::Object(map) = &data else {
        return Ok(data);
    };
    for key in ["stamps", "piece"] {
        if map.contains_key(key) {
            return Err(format!("`{key}` did not exist before version 6"));
        }
    }
    Ok(data)
}

/// Version 4 → 5: the Facilitating and Evaluation chapters. Six catalogues gain their
/// default entries; each community, in a workspace or a one-community file, gains an empty
/// `facilitation` (meetings) and `evaluation` (plans, indicators, observations, stories,
/// reflections). Nothing existing changes.
pub fn v4_to_v5(mut data: Value) -> Result<Value, String> {
    use crate::model::CatalogueKind;
    let defaults = Catalogues::default();
    let facilitation =
        serde_json::to_value(crate::model::facilitation::Facilitation::default()).map_err(|e| e.to_string())?;
    let evaluation =
        serde_json::to_value(crate::model::evaluation::Evaluation::default()).map_err(|e| e.to_string())?;
    let Value::Object(map) = &mut data else {
        return Ok(data);
    };
    if let Some(cats) = map.get_mut("catalogues") {
        let Value::Object(cats) = cats else {
            return Err("catalogues is not an object".into());
        };
        for kind in [
            CatalogueKind::MeetingFormats,
            CatalogueKind::MeetingPhases,
            CatalogueKind::MeetingChecklist,
            CatalogueKind::CycleQuestions,
            CatalogueKind::CycleIndicators,
            CatalogueKind::KnowledgeCapitals,
        ] {
            if !cats.contains_key(kind.key()) {
                let entries = serde_json::to_value(defaults.get(kind)).map_err(|e| e.to_string())?;
                cats.insert(kind.key().to_string(), entries);
            }
        }
    }
    let add = |c: &mut Value| {
        if let Value::Object(c) = c {
            c.entry("facilitation").or_insert_with(|| facilitation.clone());
            c.entry("evaluation").or_insert_with(|| evaluation.clone());
        }
    };
    if let Some(Value::Array(cs)) = map.get_mut("communities") {
        cs.iter_mut().for_each(add);
    }
    if let Some(c) = map.get_mut("community") {
        add(c);
    }
    Ok(data)
}

/// Version 3 → 4: the Cultivating chapter and the organisational perspective. Seventeen
/// catalogues gain their default entries; each community, in a workspace or a one-community
/// file, gains an empty `cultivation` and `stewardship` (its `lifecycle_stage_id` is kept as
/// it was, with no history yet); each membership gains `leadership_group_ids: []`; a
/// workspace gains an empty `programme`.
pub fn v3_to_v4(mut data: Value) -> Result<Value, String> {
    let defaults = Catalogues::default();
    let empty = serde_json::to_value(crate::model::cultivation::Cultivation::default()).map_err(|e| e.to_string())?;
    let Value::Object(map) = &mut data else {
        return Ok(data);
    };
    if let Some(cats) = map.get_mut("catalogues") {
        let Value::Object(cats) = cats else {
            return Err("catalogues is not an object".into());
        };
        for kind in [
            crate::model::CatalogueKind::StageQuestions,
            crate::model::CatalogueKind::StageTensions,
            crate::model::CatalogueKind::StageTasks,
            crate::model::CatalogueKind::TransformationModes,
            crate::model::CatalogueKind::MaturityDimensions,
            crate::model::CatalogueKind::OnboardingSteps,
            crate::model::CatalogueKind::StructureTypes,
            crate::model::CatalogueKind::ChooserQuestions,
            crate::model::CatalogueKind::ChooserOptions,
            crate::model::CatalogueKind::ReadinessAreas,
            crate::model::CatalogueKind::ReadinessActions,
            crate::model::CatalogueKind::RoleResponsibilities,
            crate::model::CatalogueKind::LeadershipGroups,
            crate::model::CatalogueKind::CapacitySteps,
            crate::model::CatalogueKind::SuccessFactors,
            crate::model::CatalogueKind::RiskFactors,
            crate::model::CatalogueKind::OrgIndicators,
        ] {
            if !cats.contains_key(kind.key()) {
                let entries = serde_json::to_value(defaults.get(kind)).map_err(|e| e.to_string())?;
                cats.insert(kind.key().to_string(), entries);
            }
        }
    }
    let stewardship =
        serde_json::to_value(crate::model::organisation::Stewardship::default()).map_err(|e| e.to_string())?;
    let add = |c: &mut Value| {
        if let Value::Object(c) = c {
            c.entry("cultivation").or_insert_with(|| empty.clone());
            c.entry("stewardship").or_insert_with(|| stewardship.clone());
            if let Some(Value::Array(ms)) = c.get_mut("memberships") {
                for m in ms.iter_mut() {
                    if let Value::Object(m) = m {
                        m.entry("leadership_group_ids")
                            .or_insert_with(|| Value::Array(Vec::new()));
                    }
                }
            }
        }
    };
    if map.contains_key("communities") && !map.contains_key("community") {
        let programme =
            serde_json::to_value(crate::model::organisation::Programme::default()).map_err(|e| e.to_string())?;
        map.entry("programme").or_insert(programme);
    }
    if let Some(Value::Array(cs)) = map.get_mut("communities") {
        cs.iter_mut().for_each(add);
    }
    if let Some(c) = map.get_mut("community") {
        add(c);
    }
    Ok(data)
}

/// Version 2 → 3: the seven cultivation principles. The catalogue gains its default
/// entries; each community, in a workspace or a one-community file, gains `principles: []`.
pub fn v2_to_v3(mut data: Value) -> Result<Value, String> {
    let entries = serde_json::to_value(Catalogues::default().cultivation_principles).map_err(|e| e.to_string())?;
    let Value::Object(map) = &mut data else {
        return Ok(data);
    };
    if let Some(cats) = map.get_mut("catalogues") {
        let Value::Object(cats) = cats else {
            return Err("catalogues is not an object".into());
        };
        cats.entry("cultivation_principles").or_insert(entries);
    }
    let add = |c: &mut Value| {
        if let Value::Object(c) = c {
            c.entry("principles").or_insert_with(|| Value::Array(Vec::new()));
        }
    };
    if let Some(Value::Array(cs)) = map.get_mut("communities") {
        cs.iter_mut().for_each(add);
    }
    if let Some(c) = map.get_mut("community") {
        add(c);
    }
    Ok(data)
}

/// Version 1 → 2: the Technology chapter's data. Catalogues gain their default entries (a
/// workspace could not have customised catalogues that did not exist); each community, in a
/// workspace or a one-community file, gains an empty `technology`.
pub fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    let defaults = Catalogues::default();
    let add_catalogues = |cats: &mut Value| -> Result<(), String> {
        let Value::Object(cats) = cats else {
            return Err("catalogues is not an object".into());
        };
        for (key, entries) in [
            ("orientations", &defaults.orientations),
            ("tool_categories", &defaults.tool_categories),
            ("activity_types", &defaults.activity_types),
            ("habitat_checklist", &defaults.habitat_checklist),
        ] {
            if !cats.contains_key(key) {
                cats.insert(key.into(), serde_json::to_value(entries).map_err(|e| e.to_string())?);
            }
        }
        Ok(())
    };
    let empty = serde_json::to_value(crate::model::technology::Technology::default()).map_err(|e| e.to_string())?;
    let add_technology = |c: &mut Value| {
        if let Value::Object(c) = c {
            c.entry("technology").or_insert_with(|| empty.clone());
        }
    };
    let Value::Object(map) = &mut data else {
        // Not an object: leave it for decoding to report.
        return Ok(data);
    };
    if let Some(cats) = map.get_mut("catalogues") {
        add_catalogues(cats)?;
    }
    if let Some(Value::Array(cs)) = map.get_mut("communities") {
        cs.iter_mut().for_each(add_technology);
    }
    if let Some(c) = map.get_mut("community") {
        add_technology(c);
    }
    Ok(data)
}

/// Runs the steps that take `data` from `from` to [`SCHEMA_VERSION`].
pub fn migrate(mut data: Value, from: u64) -> Result<Value, LoadError> {
    if from > SCHEMA_VERSION {
        return Err(LoadError::NewerVersion {
            found: from,
            supported: SCHEMA_VERSION,
        });
    }
    if from == 0 {
        return Err(LoadError::NotCultivate(
            "schema_version 0 does not exist; versions start at 1".into(),
        ));
    }
    for step in MIGRATIONS.iter().filter(|m| m.from >= from) {
        data = (step.apply)(data).map_err(|reason| LoadError::Migration {
            from: step.from,
            reason,
        })?;
    }
    Ok(data)
}

// ----- decoding -----

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn join(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty() || rest == ".") {
        (true, _) => rest.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) if rest.starts_with('[') => format!("{prefix}{rest}"),
        (false, false) => format!("{prefix}.{rest}"),
    }
}

/// Makes serde's messages read well for people: "missing field `name`" stays, the type
/// jargon is softened.
fn tidy(message: &str) -> String {
    let m = message.split(" at line ").next().unwrap_or(message);
    m.replace("invalid type: ", "wrong type: ")
        .replace("a sequence", "a list")
        .replace("struct ", "")
        .replace("a string", "text")
}

/// Decodes `v` as a `T`, recording the first problem inside it with its full path.
fn decode_at<T: DeserializeOwned>(v: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<T> {
    match crate::model::tree::from_tree::<T>(v) {
        Ok(t) => Some(t),
        Err(e) => {
            let reason = tidy(&e.reason);
            // A missing field is reported at the field itself, not at its parent.
            let inner = match reason.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
                Some(field) => join(&e.path, field),
                None => e.path,
            };
            problems.push(Problem {
                path: join(path, &inner),
                reason,
            });
            None
        }
    }
}

/// What decoding collects: the problems, the paths of records that could not be decoded
/// (a stand-in takes their place, so indices and paths stay as in the file, and the
/// validation problems of the stand-in itself are dropped), and whether validation can be
/// trusted at all (not when a whole list or a catalogue is unreadable).
struct Decoding {
    problems: Vec<Problem>,
    stand_ins: Vec<String>,
    can_validate: bool,
    at: Timestamp,
}

impl Decoding {
    fn keep(&self, p: &Problem) -> bool {
        !self.stand_ins.iter().any(|s| {
            p.path == *s
                || p.path
                    .strip_prefix(s.as_str())
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    }
}

/// Takes the list `key` out of `map` for separate, per-element decoding, leaving an empty
/// list in its place so the rest can be decoded on its own. A missing key stays missing, so
/// the rest's decoding reports it.
fn take_list(map: &mut Map<String, Value>, key: &str, path: &str, d: &mut Decoding) -> Vec<Value> {
    match map.get_mut(key) {
        None => Vec::new(),
        Some(Value::Array(items)) => std::mem::take(items),
        Some(other) => {
            d.problems.push(Problem {
                path: join(path, key),
                reason: format!("must be a list, not {}", kind_of(other)),
            });
            d.can_validate = false;
            *other = Value::Array(Vec::new());
            Vec::new()
        }
    }
}

/// Decodes each element of `items` separately, so one bad record does not hide the next;
/// a record that fails is replaced by `stand_in`.
fn decode_each<T: DeserializeOwned>(
    items: &[Value],
    path: &str,
    d: &mut Decoding,
    stand_in: impl Fn(&Value, &str) -> T,
) -> Vec<T> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let p = format!("{path}[{i}]");
            decode_at(item, &p, &mut d.problems).unwrap_or_else(|| {
                d.stand_ins.push(p.clone());
                stand_in(item, &p)
            })
        })
        .collect()
}

fn as_object<'a>(v: &'a Value, path: &str, problems: &mut Vec<Problem>) -> Option<&'a Map<String, Value>> {
    match v {
        Value::Object(m) => Some(m),
        other => {
            let at = if path.is_empty() { "data" } else { path };
            problems.push(Problem {
                path: at.to_string(),
                reason: format!("must be an object, not {}", kind_of(other)),
            });
            None
        }
    }
}

// ----- stand-ins for records that could not be decoded -----

fn stand_in_id(v: &Value, path: &str) -> Id {
    match v.get("id").and_then(Value::as_str) {
        Some(s) if Id::check(s).is_none() => Id::new(s),
        _ => {
            let slug: String = path
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .take(50)
                .collect();
            Id::new(format!("unreadable-{slug}"))
        }
    }
}

fn raw_id(v: &Value, key: &str) -> Id {
    Id::new(
        v.get(key)
            .and_then(Value::as_str)
            .unwrap_or("unreadable")
            .chars()
            .take(64)
            .collect::<String>(),
    )
}

fn first(cats: &Catalogues, kind: crate::model::CatalogueKind) -> Id {
    cats.get(kind)
        .first()
        .map(|e| e.id.clone())
        .unwrap_or_else(|| Id::new("unknown"))
}

fn stand_in_organisation(v: &Value, path: &str, at: Timestamp) -> Organisation {
    Organisation {
        id: stand_in_id(v, path),
        name: "(unreadable)".into(),
        description: String::new(),
        created_at: at,
        updated_at: at,
    }
}

fn stand_in_person(v: &Value, path: &str, at: Timestamp) -> Person {
    Person {
        id: stand_in_id(v, path),
        name: "(unreadable)".into(),
        email: String::new(),
        organisation_id: None,
        title: String::new(),
        notes: String::new(),
        created_at: at,
        updated_at: at,
    }
}

fn stand_in_membership(v: &Value, path: &str, cats: &Catalogues) -> crate::model::Membership {
    let level = first(cats, crate::model::CatalogueKind::ParticipationLevels);
    let joined = chrono::NaiveDate::default();
    crate::model::Membership {
        id: stand_in_id(v, path),
        person_id: raw_id(v, "person_id"),
        level_id: level.clone(),
        role_ids: Vec::new(),
        leadership_group_ids: Vec::new(),
        joined_on: joined,
        history: vec![crate::model::LevelChange {
            on: joined,
            from_level_id: None,
            to_level_id: level,
            reason: String::new(),
        }],
    }
}

fn stand_in_item(v: &Value, path: &str, cats: &Catalogues) -> crate::model::RepertoireItem {
    crate::model::RepertoireItem {
        id: stand_in_id(v, path),
        title: "(unreadable)".into(),
        kind_id: first(cats, crate::model::CatalogueKind::RepertoireKinds),
        description: String::new(),
        link: String::new(),
        added_on: chrono::NaiveDate::default(),
    }
}

fn stand_in_community(v: &Value, path: &str, cats: &Catalogues, at: Timestamp) -> Community {
    Community {
        id: stand_in_id(v, path),
        name: "(unreadable)".into(),
        formation_type_id: first(cats, crate::model::CatalogueKind::FormationTypes),
        lifecycle_stage_id: first(cats, crate::model::CatalogueKind::LifecycleStages),
        organisation_ids: Vec::new(),
        domain: crate::model::Domain::default(),
        memberships: Vec::new(),
        practice: Vec::new(),
        technology: Default::default(),
        principles: Vec::new(),
        cultivation: Default::default(),
        stewardship: Default::default(),
        facilitation: Default::default(),
        evaluation: Default::default(),
        created_at: at,
        updated_at: at,
    }
}

fn decode_community(v: &Value, path: &str, cats: &Catalogues, d: &mut Decoding) -> Community {
    let Some(obj) = as_object(v, path, &mut d.problems) else {
        d.stand_ins.push(path.to_string());
        return stand_in_community(v, path, cats, d.at);
    };
    let mut head = obj.clone();
    let memberships = take_list(&mut head, "memberships", path, d);
    let practice = take_list(&mut head, "practice", path, d);
    let c: Option<Community> = decode_at(&Value::Object(head), path, &mut d.problems);
    let ms = decode_each(&memberships, &join(path, "memberships"), d, |v, p| {
        stand_in_membership(v, p, cats)
    });
    let ps = decode_each(&practice, &join(path, "practice"), d, |v, p| stand_in_item(v, p, cats));
    match c {
        Some(mut c) => {
            c.memberships = ms;
            c.practice = ps;
            c
        }
        None => {
            d.stand_ins.push(path.to_string());
            stand_in_community(v, path, cats, d.at)
        }
    }
}

fn decode_catalogues(v: &Value, path: &str, d: &mut Decoding) -> Option<Catalogues> {
    let Some(obj) = as_object(v, path, &mut d.problems) else {
        d.can_validate = false;
        return None;
    };
    let mut head = obj.clone();
    let keys = crate::model::CatalogueKind::ALL.map(|k| k.key());
    let lists: Vec<(&str, Vec<Value>)> = keys.iter().map(|k| (*k, take_list(&mut head, k, path, d))).collect();
    let mut cats: Option<Catalogues> = decode_at(&Value::Object(head), path, &mut d.problems);
    for (key, items) in lists {
        let before = d.problems.len();
        let mut ok = true;
        let mut list = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match decode_at(item, &format!("{}[{i}]", join(path, key)), &mut d.problems) {
                Some(e) => list.push(e),
                None => ok = false,
            }
        }
        if let (Some(c), Some(kind), true) = (cats.as_mut(), crate::model::CatalogueKind::from_key(key), ok) {
            *c.get_mut(kind) = list;
        }
        if d.problems.len() != before {
            cats = None;
        }
    }
    if cats.is_none() {
        // References to catalogue entries cannot be checked without the catalogues.
        d.can_validate = false;
    }
    cats
}

fn decode_workspace(v: &Value, d: &mut Decoding) -> Option<Workspace> {
    let mut head = as_object(v, "", &mut d.problems)?.clone();
    let orgs = take_list(&mut head, "organisations", "", d);
    let people = take_list(&mut head, "people", "", d);
    let communities = take_list(&mut head, "communities", "", d);
    let catalogues = head.insert(
        "catalogues".into(),
        serde_json::to_value(Catalogues::default()).unwrap_or(Value::Null),
    );
    let ws: Option<Workspace> = decode_at(&Value::Object(head.clone()), "", &mut d.problems);
    let cats = match &catalogues {
        Some(c) => decode_catalogues(c, "catalogues", d),
        None => {
            d.problems.push(Problem {
                path: "catalogues".into(),
                reason: "missing field `catalogues`".into(),
            });
            d.can_validate = false;
            None
        }
    };
    let fill = cats.clone().unwrap_or_default();
    let at = d.at;
    let orgs = decode_each(&orgs, "organisations", d, |v, p| stand_in_organisation(v, p, at));
    let people = decode_each(&people, "people", d, |v, p| stand_in_person(v, p, at));
    let communities: Vec<Community> = communities
        .iter()
        .enumerate()
        .map(|(i, c)| decode_community(c, &format!("communities[{i}]"), &fill, d))
        .collect();
    let mut ws = ws.unwrap_or_else(|| {
        // The workspace's own fields are unreadable: stand in for them so the records can
        // still be checked, and drop the stand-in's own problems.
        for key in ["id", "name", "description", "is_sample", "created_at", "updated_at"] {
            d.stand_ins.push(key.to_string());
        }
        let mut w = Workspace::new(stand_in_id(&Value::Object(head), "workspace"), "(unreadable)", at);
        w.created_at = at;
        w
    });
    ws.catalogues = fill;
    ws.organisations = orgs;
    ws.people = people;
    ws.communities = communities;
    Some(ws)
}

fn decode_bundle(v: &Value, d: &mut Decoding) -> Option<CommunityBundle> {
    let map = as_object(v, "", &mut d.problems)?;
    for key in map.keys() {
        if !["community", "people", "organisations", "catalogues", "stamps", "piece"].contains(&key.as_str()) {
            d.problems.push(Problem {
                path: key.chars().take(80).collect(),
                reason: "is not a field of a community file".into(),
            });
        }
    }
    let missing = |key: &str, d: &mut Decoding| {
        let v = map.get(key);
        if v.is_none() {
            d.problems.push(Problem {
                path: key.into(),
                reason: format!("missing field `{key}`"),
            });
            d.can_validate = false;
        }
        v
    };
    let cats = missing("catalogues", d).and_then(|c| decode_catalogues(c, "catalogues", d));
    let fill = cats.clone().unwrap_or_default();
    let community = missing("community", d).map(|c| decode_community(c, "community", &fill, d));
    let at = d.at;
    let list = |key: &str, d: &mut Decoding| -> Vec<Value> {
        match missing(key, d) {
            Some(Value::Array(items)) => items.clone(),
            Some(other) => {
                d.problems.push(Problem {
                    path: key.into(),
                    reason: format!("must be a list, not {}", kind_of(other)),
                });
                d.can_validate = false;
                Vec::new()
            }
            None => Vec::new(),
        }
    };
    let people = list("people", d);
    let orgs = list("organisations", d);
    let people = decode_each(&people, "people", d, |v, p| stand_in_person(v, p, at));
    let organisations = decode_each(&orgs, "organisations", d, |v, p| stand_in_organisation(v, p, at));
    let stamps = match map.get("stamps") {
        Some(v) => decode_at(v, "stamps", &mut d.problems).unwrap_or_default(),
        None => Default::default(),
    };
    let piece = match map.get("piece") {
        Some(v) => decode_at(v, "piece", &mut d.problems),
        None => None,
    };
    Some(CommunityBundle {
        community: community?,
        people,
        organisations,
        catalogues: fill,
        stamps,
        piece,
    })
}

/// The envelope fields, read leniently so that each problem is reported on its own.
struct Head {
    format: String,
    schema_version: u64,
    app_version: String,
    saved_at: Timestamp,
    revision: u64,
}

fn read_head(root: &Map<String, Value>, problems: &mut Vec<Problem>) -> Result<Option<Head>, LoadError> {
    let format = match root.get("format") {
        Some(Value::String(s)) if s == FORMAT_WORKSPACE || s == FORMAT_COMMUNITY => s.clone(),
        Some(Value::String(s)) => {
            return Err(LoadError::NotCultivate(format!(
                "its format is '{}', expected '{FORMAT_WORKSPACE}' or '{FORMAT_COMMUNITY}'",
                s.chars().take(80).collect::<String>()
            )))
        }
        _ => {
            return Err(LoadError::NotCultivate(
                "it has no \"format\": \"cultivate-workspace\" field".into(),
            ))
        }
    };
    let schema_version = match root.get("schema_version").and_then(Value::as_u64) {
        Some(0) => {
            problems.push(Problem {
                path: "schema_version".into(),
                reason: "0 is not a version; versions start at 1".into(),
            });
            0
        }
        Some(v) => v,
        None => {
            problems.push(Problem {
                path: "schema_version".into(),
                reason: "must be a whole number such as 1".into(),
            });
            0
        }
    };
    if schema_version > SCHEMA_VERSION {
        return Err(LoadError::NewerVersion {
            found: schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    let app_version = match root.get("app_version") {
        Some(Value::String(s)) => s.clone(),
        _ => {
            problems.push(Problem {
                path: "app_version".into(),
                reason: "must be text such as \"0.1.0\"".into(),
            });
            String::new()
        }
    };
    let saved_at: Option<Timestamp> = match root.get("saved_at") {
        Some(v) => decode_at(v, "saved_at", problems),
        None => {
            problems.push(Problem {
                path: "saved_at".into(),
                reason: "missing field `saved_at`".into(),
            });
            None
        }
    };
    let revision = match root.get("revision") {
        None => 0,
        Some(v) => v.as_u64().unwrap_or_else(|| {
            problems.push(Problem {
                path: "revision".into(),
                reason: "must be a whole number".into(),
            });
            0
        }),
    };
    for key in root.keys() {
        if ![
            "format",
            "schema_version",
            "app_version",
            "saved_at",
            "revision",
            "data",
        ]
        .contains(&key.as_str())
        {
            problems.push(Problem {
                path: key.chars().take(80).collect(),
                reason: "is not a field of a Cultivate file".into(),
            });
        }
    }
    if !root.contains_key("data") {
        problems.push(Problem {
            path: "data".into(),
            reason: "missing field `data`".into(),
        });
    }
    Ok(match (saved_at, schema_version) {
        (Some(saved_at), v) if v > 0 => Some(Head {
            format,
            schema_version,
            app_version,
            saved_at,
            revision,
        }),
        _ => None,
    })
}

impl LoadError {
    /// The problems found, as a report: the first [`PROBLEM_CAP`] of them, and how many in all.
    pub fn invalid(mut problems: Vec<Problem>) -> Self {
        let total = problems.len();
        problems.truncate(PROBLEM_CAP);
        LoadError::Invalid { problems, total }
    }
}

/// Parses, migrates, decodes and validates a stored document or an imported file.
pub fn decode_document(text: &str) -> Result<Document, LoadError> {
    // The common case, a sound workspace in the current version, is read straight into the
    // types: no JSON tree, no copy. Anything else (an older version, a community file, any
    // problem at all) takes the careful path below, which names every problem's field path.
    if let Ok(env) = serde_json::from_str::<Envelope<Workspace>>(text) {
        if env.format == FORMAT_WORKSPACE && env.schema_version == SCHEMA_VERSION && validate_workspace(&env.data).is_empty()
        {
            return Ok(Document::Workspace(env));
        }
    }
    decode_document_carefully(text)
}

/// [`decode_document`] through a JSON tree, field by field, collecting every problem.
pub fn decode_document_carefully(text: &str) -> Result<Document, LoadError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        LoadError::NotJson(format!(
            "{} (line {}, column {})",
            tidy(&e.to_string()),
            e.line(),
            e.column()
        ))
    })?;
    let Value::Object(root) = root else {
        return Err(LoadError::NotCultivate(format!(
            "it holds {}, not an object",
            kind_of(&root)
        )));
    };
    let mut problems = Vec::new();
    let head = read_head(&root, &mut problems)?;
    let (Some(head), Some(data)) = (head, root.get("data")) else {
        return Err(LoadError::invalid(problems));
    };
    let data = migrate(data.clone(), head.schema_version)?;
    let mut d = Decoding {
        problems,
        stand_ins: Vec::new(),
        can_validate: true,
        at: head.saved_at,
    };
    fn env<T>(head: &Head, data: T) -> Envelope<T> {
        Envelope {
            format: head.format.clone(),
            schema_version: SCHEMA_VERSION,
            app_version: head.app_version.clone(),
            saved_at: head.saved_at,
            revision: head.revision,
            data,
        }
    }
    if head.format == FORMAT_WORKSPACE {
        let ws = decode_workspace(&data, &mut d);
        if let (Some(ws), true) = (&ws, d.can_validate) {
            let found = validate_workspace(ws);
            let kept: Vec<Problem> = found.into_iter().filter(|p| d.keep(p)).collect();
            d.problems.extend(kept);
        }
        match ws {
            Some(ws) if d.problems.is_empty() => Ok(Document::Workspace(env(&head, ws))),
            _ => Err(LoadError::invalid(d.problems)),
        }
    } else {
        let bundle = decode_bundle(&data, &mut d);
        if let (Some(b), true) = (&bundle, d.can_validate) {
            // Validate as a one-community workspace; its paths read `communities[0]`, which
            // is the bundle's `community`.
            for mut p in validate_records(&b.as_workspace(head.saved_at)) {
                if let Some(rest) = p.path.strip_prefix("communities[0]") {
                    p.path = format!("community{rest}");
                }
                if d.keep(&p) {
                    d.problems.push(p);
                }
            }
        }
        match bundle {
            Some(b) if d.problems.is_empty() => Ok(Document::Community(env(&head, b))),
            _ => Err(LoadError::invalid(d.problems)),
        }
    }
}

/// Wraps a workspace in the current envelope.
pub fn workspace_envelope(ws: &Workspace, saved_at: Timestamp, revision: u64) -> Envelope<&Workspace> {
    Envelope {
        format: FORMAT_WORKSPACE.into(),
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.into(),
        saved_at,
        revision,
        data: ws,
    }
}

/// The JSON of a workspace document, pretty-printed for export or compact for storage.
pub fn encode_workspace(ws: &Workspace, saved_at: Timestamp, revision: u64, pretty: bool) -> String {
    let env = workspace_envelope(ws, saved_at, revision);
    let out = if pretty {
        // Sized from the last export, plus an eighth: exporting the same workspace again
        // does not grow the buffer step by step.
        thread_local!(static LAST_EXPORT_LEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) });
        let last = LAST_EXPORT_LEN.with(std::cell::Cell::get);
        let out = super::indent::to_string_indented(&env, last + last / 8);
        if let Ok(text) = &out {
            LAST_EXPORT_LEN.with(|n| n.set(text.len()));
        }
        out
    } else {
        serde_json::to_string(&env)
    };
    // Serialising these plain structs cannot fail (no maps with non-string keys, no
    // non-finite floats); an empty string would be refused by decoding anyway.
    out.unwrap_or_default()
}

/// The JSON of a one-community file.
pub fn encode_community(bundle: &CommunityBundle, saved_at: Timestamp) -> String {
    let env = Envelope {
        format: FORMAT_COMMUNITY.to_string(),
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.to_string(),
        saved_at,
        revision: 0,
        data: bundle,
    };
    super::indent::to_string_indented(&env, 0).unwrap_or_default()
}
