//! Merging two copies of a workspace, record by record.
//!
//! Facilitators and participants work in their own browsers and pass files around; merging
//! brings their work together without dropping anything.
//!
//! **Records.** Any list in the workspace whose items are objects with a unique `id` is a
//! collection of records (people, communities, memberships, meetings, stories, catalogue
//! entries…), at any depth. A record's own content is everything in it except the
//! collections nested inside it (those are records of their own) and `updated_at` (which a
//! change to any nested record also moves). The workspace itself is the root record.
//!
//! **Stamps.** Every change to a record's own content bumps its version vector (one counter
//! per device that changed it) in [`Workspace::stamps`], under the record's path, e.g.
//! `communities/c-1/facilitation/meetings/m-7`; the order of a collection has a stamp of its
//! own under the collection's path (`communities/c-1/facilitation/meetings`). Stamps are made
//! by [`stamp_changes`], which compares a workspace before and after an edit, so no operation
//! needs to know about them; the app's edits use [`stamp_edit`], the same comparison with the
//! records the edit left equal skipped.
//!
//! **Merging** ([`plan_merge`]) matches records by id. A record present on one side only is
//! kept or added. A record whose content differs takes the side whose stamp includes the
//! other's (the record changed on that side only); when neither does (both changed it, or
//! neither file has stamps) it is a [`Conflict`], resolved per record by the user. Records are
//! never deleted by a merge: nothing present on either side is lost. The order of a list
//! follows the side that changed it last; items only the other side has are placed after
//! their neighbour there.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::tree::from_tree;
use super::{validate_workspace, Problem, Timestamp, Workspace};

/// The version vector and the latest change of one record, or of one list's order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    /// How many changes each device has made (device id → count).
    pub v: BTreeMap<String, u64>,
    /// When the latest change was made.
    #[serde(default, deserialize_with = "crate::model::dates::stamp_opt")]
    pub at: Option<Timestamp>,
    /// The device that made the latest change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// Stamps by record path.
pub type Stamps = BTreeMap<String, Stamp>;

/// How two version vectors relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Equal,
    /// The first includes every change of the second, and more.
    After,
    /// The second includes every change of the first, and more.
    Before,
    /// Each has changes the other lacks.
    Concurrent,
}

impl Stamp {
    pub fn compare(&self, other: &Stamp) -> Order {
        let keys: BTreeSet<&String> = self.v.keys().chain(other.v.keys()).collect();
        let (mut ahead, mut behind) = (false, false);
        for k in keys {
            let a = self.v.get(k).copied().unwrap_or(0);
            let b = other.v.get(k).copied().unwrap_or(0);
            ahead |= a > b;
            behind |= a < b;
        }
        match (ahead, behind) {
            (false, false) => Order::Equal,
            (true, false) => Order::After,
            (false, true) => Order::Before,
            (true, true) => Order::Concurrent,
        }
    }

    /// Both stamps' changes: the pointwise maximum, with the later of the two latest changes.
    pub fn join(&self, other: &Stamp) -> Stamp {
        let mut v = self.v.clone();
        for (k, n) in &other.v {
            let e = v.entry(k.clone()).or_insert(0);
            *e = (*e).max(*n);
        }
        let (at, by) = if (other.at, &other.by) > (self.at, &self.by) {
            (other.at, other.by.clone())
        } else {
            (self.at, self.by.clone())
        };
        Stamp { v, at, by }
    }

    /// One more change, by `device` at `now`.
    pub fn bump(&mut self, device: &str, now: Timestamp) {
        *self.v.entry(device.to_string()).or_insert(0) += 1;
        self.at = Some(now);
        self.by = device.to_string();
    }
}

// ----- the record tree -----

/// Fields that are not part of a record's own content.
fn is_volatile(field: &str) -> bool {
    field == "updated_at"
}

/// The root's own bookkeeping and identity, never merged as content: the workspace merged
/// into keeps its id, its creation time and whether it is the sample. Asking "keep mine or
/// take theirs?" of these would mean nothing to the person merging (two unrelated
/// workspaces always differ in them), and taking another workspace's id would make this one
/// pass for it.
const ROOT_SKIP: &[&str] = &["stamps", "id", "created_at", "is_sample"];

fn ids_of(items: &[Value]) -> Option<Vec<&str>> {
    let ids: Option<Vec<&str>> = items.iter().map(|v| v.get("id").and_then(Value::as_str)).collect();
    let ids = ids?;
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    (unique.len() == ids.len()).then_some(ids)
}

/// Whether a field holds a collection of records on both sides (a missing field counts as
/// an empty list): lists of objects with unique ids, not both empty.
fn is_collection(a: Option<&Value>, b: Option<&Value>) -> bool {
    fn list(v: Option<&Value>) -> Option<&[Value]> {
        match v {
            None | Some(Value::Null) => Some(&[]),
            Some(Value::Array(items)) => Some(items),
            _ => None,
        }
    }
    let (Some(la), Some(lb)) = (list(a), list(b)) else {
        return false;
    };
    !(la.is_empty() && lb.is_empty()) && ids_of(la).is_some() && ids_of(lb).is_some()
}

/// The collections inside a record, as field paths from the record, found on either side.
fn collection_fields(a: &Map<String, Value>, b: &Map<String, Value>, root: bool) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    walk_fields(a, b, &mut Vec::new(), &mut out, root);
    out
}

fn walk_fields(
    a: &Map<String, Value>,
    b: &Map<String, Value>,
    prefix: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
    root: bool,
) {
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for k in keys {
        if root && prefix.is_empty() && ROOT_SKIP.contains(&k.as_str()) {
            continue;
        }
        let (x, y) = (a.get(k), b.get(k));
        prefix.push(k.clone());
        if is_collection(x, y) {
            out.push(prefix.clone());
        } else if let (Some(Value::Object(xo)), Some(Value::Object(yo))) = (x, y) {
            walk_fields(xo, yo, prefix, out, root);
        }
        prefix.pop();
    }
}

fn get_path<'v>(v: &'v Map<String, Value>, path: &[String]) -> Option<&'v Value> {
    let (first, rest) = path.split_first()?;
    let x = v.get(first)?;
    if rest.is_empty() {
        Some(x)
    } else {
        get_path(x.as_object()?, rest)
    }
}

fn set_path(v: &mut Map<String, Value>, path: &[String], value: Value) {
    match path {
        [] => {}
        [last] => {
            v.insert(last.clone(), value);
        }
        [first, rest @ ..] => {
            let slot = v.entry(first.clone()).or_insert_with(|| Value::Object(Map::new()));
            if !slot.is_object() {
                *slot = Value::Object(Map::new());
            }
            if let Value::Object(o) = slot {
                set_path(o, rest, value);
            }
        }
    }
}

/// A record's own content: without its collections and volatile fields.
fn own_content(v: &Map<String, Value>, collections: &[Vec<String>], root: bool) -> Map<String, Value> {
    let paths: Vec<&[String]> = collections.iter().map(Vec::as_slice).collect();
    copy_except(v, &paths, &|k| is_volatile(k) || root && ROOT_SKIP.contains(&k))
}

/// A copy of `v` without the fields at `paths` and the top-level fields for which `skip`
/// holds; what is left out is never copied.
fn copy_except(v: &Map<String, Value>, paths: &[&[String]], skip: &dyn Fn(&str) -> bool) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, x) in v {
        if skip(k) {
            continue;
        }
        let below = below(paths, k);
        if below.iter().any(|p| p.is_empty()) {
            continue;
        }
        let x = match x {
            Value::Object(o) if !below.is_empty() => Value::Object(copy_except(o, &below, &|_| false)),
            x => x.clone(),
        };
        out.insert(k.clone(), x);
    }
    out
}

/// The rest of each of `paths` that starts at field `k` (an empty rest: `k` itself).
fn below<'p>(paths: &[&'p [String]], k: &str) -> Vec<&'p [String]> {
    paths.iter().filter(|p| p.first().is_some_and(|f| f == k)).map(|p| &p[1..]).collect()
}

/// Whether two records have the same [`own_content`], found without copying them: a record's
/// collections can hold most of the workspace (the root's hold all of it), and this runs on
/// every edit.
fn same_own_content(a: &Map<String, Value>, b: &Map<String, Value>, collections: &[Vec<String>], root: bool) -> bool {
    let paths: Vec<&[String]> = collections.iter().map(Vec::as_slice).collect();
    same_except(a, b, &paths, &|k| is_volatile(k) || root && ROOT_SKIP.contains(&k))
}

/// `a == b` once the fields at `paths` are removed from both and the top-level fields for
/// which `skip` holds are left out.
fn same_except(a: &Map<String, Value>, b: &Map<String, Value>, paths: &[&[String]], skip: &dyn Fn(&str) -> bool) -> bool {
    let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(k.as_str())));
    for k in keys {
        if skip(k) {
            continue;
        }
        let below = below(paths, k);
        if below.iter().any(|p| p.is_empty()) {
            continue;
        }
        let same = match (a.get(k), b.get(k)) {
            (Some(Value::Object(x)), Some(Value::Object(y))) if !below.is_empty() => same_except(x, y, &below, &|_| false),
            (x, y) => x == y,
        };
        if !same {
            return false;
        }
    }
    true
}

fn items(v: Option<&Value>) -> &[Value] {
    match v {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

fn id_of(v: &Value) -> &str {
    v.get("id").and_then(Value::as_str).unwrap_or_default()
}

/// An id as one part of a record path: `/` and `%` are escaped so paths split cleanly.
pub fn key_part(id: &str) -> std::borrow::Cow<'_, str> {
    if id.contains(['/', '%']) {
        std::borrow::Cow::Owned(id.replace('%', "%25").replace('/', "%2F"))
    } else {
        std::borrow::Cow::Borrowed(id)
    }
}

fn later_timestamp(a: Option<&Value>, b: Option<&Value>) -> Option<Value> {
    let parse = |v: Option<&Value>| v.and_then(Value::as_str).and_then(|s| s.parse::<Timestamp>().ok());
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => Some(if y > x { b?.clone() } else { a?.clone() }),
        _ => a.or(b).cloned(),
    }
}

fn join_path(base: &str, parts: &[String]) -> String {
    let mut s = base.to_string();
    for p in parts {
        if !s.is_empty() {
            s.push('/');
        }
        s.push_str(p);
    }
    s
}

// ----- stamping -----

/// Bumps the stamps of every record whose own content changed between `before` and `after`
/// (added records included), and of every list whose order or membership changed. Stamps of
/// records that are gone are dropped.
pub fn stamp_changes(before: &Workspace, after: &mut Workspace, device: &str, now: Timestamp) {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) = (serde_json::to_value(before), serde_json::to_value(&*after))
    else {
        return;
    };
    let mut changed = Vec::new();
    let mut present = BTreeSet::new();
    diff_record("", Some(&a), &b, true, &mut changed, &mut present);
    after.stamps.retain(|k, _| present.contains(k));
    for key in changed {
        after.stamps.entry(key).or_default().bump(device, now);
    }
}

/// [`stamp_changes`] for one edit in the app, with the same stamps, without turning the whole
/// workspace into JSON: an organisation, person or community that the edit left equal (the
/// typed records compare cheaply) is skipped with everything inside it, and only the
/// workspace's own fields and the records that differ are compared as JSON. With a workspace
/// of 2,000 people and 50 communities an edit touches one or two of them.
///
/// One difference: a stamp under an unchanged record that names no record (left by an
/// earlier version of the file) stays until that record changes, where [`stamp_changes`]
/// would drop it at once. Stamps of records that are gone are dropped by both.
pub fn stamp_edit(before: &Workspace, after: &mut Workspace, device: &str, now: Timestamp) {
    // A list with a repeated id is not a collection of records for the generic comparison;
    // such a workspace (never a valid one) takes the generic path, to stay the same.
    fn unique<T>(items: &[T], id: impl Fn(&T) -> &str) -> bool {
        let mut seen = HashSet::new();
        items.iter().all(|x| seen.insert(id(x)))
    }
    let all_unique = unique(&before.people, |p| &p.id.0)
        && unique(&after.people, |p| &p.id.0)
        && unique(&before.organisations, |o| &o.id.0)
        && unique(&after.organisations, |o| &o.id.0)
        && unique(&before.communities, |c| &c.id.0)
        && unique(&after.communities, |c| &c.id.0);
    if !all_unique {
        stamp_changes(before, after, device, now);
        return;
    }
    // The workspace itself, with its three big lists left empty: its own fields, its
    // catalogues and its programme, records of their own included.
    let shell = |w: &Workspace| Workspace {
        id: w.id.clone(),
        name: w.name.clone(),
        description: w.description.clone(),
        is_sample: w.is_sample,
        created_at: w.created_at,
        updated_at: w.updated_at,
        organisations: Vec::new(),
        people: Vec::new(),
        communities: Vec::new(),
        catalogues: w.catalogues.clone(),
        programme: w.programme.clone(),
        stamps: Stamps::new(),
    };
    let mut changed = Vec::new();
    let mut present = BTreeSet::new();
    let mut untouched = HashSet::new();
    if let (Ok(Value::Object(a)), Ok(Value::Object(b))) =
        (serde_json::to_value(shell(before)), serde_json::to_value(shell(after)))
    {
        diff_record("", Some(&a), &b, true, &mut changed, &mut present);
    }
    let mut d = ListDiff {
        changed: &mut changed,
        present: &mut present,
        untouched: &mut untouched,
    };
    d.list("organisations", &before.organisations, &after.organisations, |o| &o.id.0);
    d.list("people", &before.people, &after.people, |p| &p.id.0);
    d.list("communities", &before.communities, &after.communities, |c| &c.id.0);
    after.stamps.retain(|k, _| {
        present.contains(k) || {
            // `kind/id` of the top-level record the key is under (ids have `/` escaped).
            let top = k.match_indices('/').nth(1).map_or(k.as_str(), |(i, _)| &k[..i]);
            untouched.contains(top)
        }
    });
    for key in changed {
        after.stamps.entry(key).or_default().bump(device, now);
    }
}

/// What [`stamp_edit`] gathers while it compares the workspace's big lists.
struct ListDiff<'a> {
    changed: &'a mut Vec<String>,
    present: &'a mut BTreeSet<String>,
    /// Keys of records left equal by the edit: everything under them stays as it was.
    untouched: &'a mut HashSet<String>,
}

impl ListDiff<'_> {
    fn list<T: PartialEq + Serialize>(&mut self, ckey: &str, old: &[T], new: &[T], id: impl Fn(&T) -> &str) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        self.present.insert(ckey.to_string());
        if !old.iter().map(&id).eq(new.iter().map(&id)) {
            self.changed.push(ckey.to_string());
        }
        let by_id: HashMap<&str, &T> = old.iter().map(|x| (id(x), x)).collect();
        for item in new {
            let rkey = format!("{ckey}/{}", key_part(id(item)));
            let was = by_id.get(id(item)).copied();
            if was == Some(item) {
                self.untouched.insert(rkey);
                continue;
            }
            let tree = |x: &T| match serde_json::to_value(x) {
                Ok(Value::Object(o)) => o,
                _ => Map::new(),
            };
            let old_tree = was.map(tree);
            diff_record(&rkey, old_tree.as_ref(), &tree(item), false, self.changed, self.present);
        }
    }
}

fn diff_record(
    key: &str,
    old: Option<&Map<String, Value>>,
    new: &Map<String, Value>,
    root: bool,
    changed: &mut Vec<String>,
    present: &mut BTreeSet<String>,
) {
    let empty = Map::new();
    let old_or_empty = old.unwrap_or(&empty);
    let cols = collection_fields(old_or_empty, new, root);
    present.insert(key.to_string());
    if old.is_none() || !same_own_content(old_or_empty, new, &cols, root) {
        changed.push(key.to_string());
    }
    for path in &cols {
        let ckey = join_path(key, path);
        present.insert(ckey.clone());
        let old_items = items(old.and_then(|o| get_path(o, path)));
        let new_items = items(get_path(new, path));
        let old_ids: Vec<&str> = old_items.iter().map(id_of).collect();
        let new_ids: Vec<&str> = new_items.iter().map(id_of).collect();
        if old_ids != new_ids {
            changed.push(ckey.clone());
        }
        let by_id: HashMap<&str, &Map<String, Value>> =
            old_items.iter().filter_map(|v| Some((id_of(v), v.as_object()?))).collect();
        for item in new_items {
            if let Some(obj) = item.as_object() {
                let rkey = format!("{ckey}/{}", key_part(id_of(item)));
                diff_record(&rkey, by_id.get(id_of(item)).copied(), obj, false, changed, present);
            }
        }
    }
}

/// The paths of every record in `ws` (the root is `""`).
pub fn record_keys(ws: &Workspace) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if let Ok(Value::Object(o)) = serde_json::to_value(ws) {
        collect_keys("", &o, true, &mut out);
    }
    out
}

fn collect_keys(key: &str, v: &Map<String, Value>, root: bool, out: &mut BTreeSet<String>) {
    out.insert(key.to_string());
    for path in collection_fields(v, v, root) {
        let ckey = join_path(key, &path);
        for item in items(get_path(v, &path)) {
            if let Some(o) = item.as_object() {
                collect_keys(&format!("{ckey}/{}", key_part(id_of(item))), o, false, out);
            }
        }
    }
}

/// `x` with every collection of records inside it emptied, its own content unchanged: the
/// shell of a community that a story-collection file carries.
pub fn without_records<T: Serialize + serde::de::DeserializeOwned>(x: &T) -> Result<T, String> {
    let Value::Object(mut o) = serde_json::to_value(x).map_err(|e| e.to_string())? else {
        return Err("not an object".into());
    };
    for path in collection_fields(&o.clone(), &o.clone(), false) {
        set_path(&mut o, &path, Value::Array(Vec::new()));
    }
    from_tree(&Value::Object(o)).map_err(|e| e.to_string())
}

// ----- merging -----

/// Which side a record's content comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Mine,
    Theirs,
}

/// A record, named for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// The record's path, as in [`Workspace::stamps`].
    pub key: String,
    /// The list it is in, in words: "people", "meetings", "catalogue: roles"…
    pub kind: String,
    /// Its name, title or text, or its id.
    pub label: String,
    /// The file it comes from, when several are merged at once.
    pub source: String,
}

/// One field of a conflict, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub field: String,
    pub mine: String,
    pub theirs: String,
}

/// A record both sides changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub record: RecordRef,
    /// The fields that differ.
    pub fields: Vec<FieldDiff>,
    pub mine_stamp: Stamp,
    pub theirs_stamp: Stamp,
    theirs_content: Map<String, Value>,
    collections: Vec<Vec<String>>,
}

/// What merging will do, before the user resolves the conflicts.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    /// Records only the other file has.
    pub added: Vec<RecordRef>,
    /// Records changed only in the other file, taken from it.
    pub updated: Vec<RecordRef>,
    /// Records both sides changed; "mine" until resolved.
    pub conflicts: Vec<Conflict>,
    /// Lists whose order was taken from the other file.
    pub reordered: usize,
    merged: Map<String, Value>,
    stamps: Stamps,
}

/// Options for [`plan_merge`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Keep the workspace's own name, description and settings as they are: for a file that
    /// holds one piece of another workspace (a community, a meeting, a set of stories).
    pub piece: bool,
    /// Records (by path) whose own content is never taken from the file, only their lists
    /// merged: the community shell of a participant's answers file.
    pub keep_own: Vec<String>,
}

struct Ctx<'a> {
    mine: &'a Stamps,
    theirs: &'a Stamps,
    /// Records of theirs merged under mine's key (see [`align_ids`]): mine's key → theirs'.
    theirs_keys: HashMap<String, String>,
    names: HashMap<String, String>,
    opts: MergeOptions,
    plan_added: Vec<RecordRef>,
    plan_updated: Vec<RecordRef>,
    conflicts: Vec<Conflict>,
    reordered: usize,
}

fn stamp_of<'s>(stamps: &'s Stamps, key: &str) -> std::borrow::Cow<'s, Stamp> {
    match stamps.get(key) {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(Stamp::default()),
    }
}

fn to_object(ws: &Workspace) -> Result<Map<String, Value>, String> {
    match serde_json::to_value(ws) {
        Ok(Value::Object(o)) => Ok(o),
        Ok(_) => Err("a workspace is not an object".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// What the review calls a record an id refers to: people, organisations and communities
/// by name (the first workspace's first), catalogue entries by label where no other entry
/// of any catalogue has the same id.
fn names_of(workspaces: &[&Workspace]) -> HashMap<String, String> {
    let mut names: HashMap<String, String> = HashMap::new();
    for ws in workspaces {
        let records = ws.people.iter().map(|p| (&p.id, &p.name));
        let records = records.chain(ws.organisations.iter().map(|o| (&o.id, &o.name)));
        for (id, name) in records.chain(ws.communities.iter().map(|c| (&c.id, &c.name))) {
            names.entry(id.as_str().to_string()).or_insert_with(|| name.clone());
        }
    }
    let mut labels: HashMap<&str, Option<&str>> = HashMap::new();
    for ws in workspaces {
        for kind in super::CatalogueKind::ALL {
            for e in ws.catalogues.get(kind) {
                labels
                    .entry(e.id.as_str())
                    .and_modify(|l| {
                        if *l != Some(e.label.as_str()) {
                            *l = None;
                        }
                    })
                    .or_insert(Some(e.label.as_str()));
            }
        }
    }
    for (id, label) in labels {
        if let Some(label) = label {
            names.entry(id.to_string()).or_insert_with(|| label.to_string());
        }
    }
    names
}

/// Plans merging `theirs` into `mine`. Nothing is changed: [`MergePlan::resolve`] makes the
/// merged workspace once each conflict has a side.
pub fn plan_merge(mine: &Workspace, theirs: &Workspace, opts: MergeOptions) -> Result<MergePlan, String> {
    let m = to_object(mine)?;
    let t = to_object(theirs)?;
    let names = names_of(&[mine, theirs]);
    let mut ctx = Ctx {
        mine: &mine.stamps,
        theirs: &theirs.stamps,
        theirs_keys: HashMap::new(),
        names,
        opts,
        plan_added: Vec::new(),
        plan_updated: Vec::new(),
        conflicts: Vec::new(),
        reordered: 0,
    };
    let merged = merge_record(&mut ctx, "", "workspace", &m, &t, true);
    let mut stamps = mine.stamps.clone();
    // A record of theirs merged into one of mine: its stamp joins mine's, under mine's key.
    let mine_key: HashMap<&String, &String> = ctx.theirs_keys.iter().map(|(m, t)| (t, m)).collect();
    for (k, s) in &theirs.stamps {
        let k = match mine_key.get(k) {
            Some(m) if !mine.stamps.contains_key(k) => m,
            _ => k,
        };
        let joined = match stamps.get(k) {
            Some(mine) => mine.join(s),
            None => s.clone(),
        };
        stamps.insert(k.clone(), joined);
    }
    Ok(MergePlan {
        added: ctx.plan_added,
        updated: ctx.plan_updated,
        conflicts: ctx.conflicts,
        reordered: ctx.reordered,
        merged,
        stamps,
    })
}

/// Plans merging several files into `mine`, one after the other, as one step. Each file's
/// records and conflicts name it as their `source`; a conflict stays "mine" while the next
/// file is merged.
pub fn plan_merge_all(mine: &Workspace, files: &[(String, Workspace, MergeOptions)]) -> Result<MergePlan, String> {
    let mut total = MergePlan {
        added: Vec::new(),
        updated: Vec::new(),
        conflicts: Vec::new(),
        reordered: 0,
        merged: to_object(mine)?,
        stamps: mine.stamps.clone(),
    };
    let mut acc = mine.clone();
    for (i, (name, theirs, opts)) in files.iter().enumerate() {
        let mut p = plan_merge(&acc, theirs, opts.clone())?;
        // Where a record comes from matters only when several files are merged.
        let source = if files.len() > 1 { name.clone() } else { String::new() };
        for r in p.added.iter_mut().chain(p.updated.iter_mut()) {
            r.source = source.clone();
        }
        for c in p.conflicts.iter_mut() {
            c.record.source = source.clone();
        }
        total.added.append(&mut p.added);
        total.updated.append(&mut p.updated);
        total.conflicts.append(&mut p.conflicts);
        total.reordered += p.reordered;
        if i + 1 < files.len() {
            acc = from_tree(&Value::Object(p.merged.clone())).map_err(|e| e.to_string())?;
            acc.stamps = p.stamps.clone();
        }
        total.merged = p.merged;
        total.stamps = p.stamps;
    }
    Ok(total)
}

fn merge_record(
    ctx: &mut Ctx,
    key: &str,
    kind: &str,
    m: &Map<String, Value>,
    t: &Map<String, Value>,
    root: bool,
) -> Map<String, Value> {
    let cols = collection_fields(m, t, root);
    let same = same_own_content(m, t, &cols, root);
    // The record without its collections: they are merged below, one by one.
    let paths: Vec<&[String]> = cols.iter().map(Vec::as_slice).collect();
    let shell = |x: &Map<String, Value>| copy_except(x, &paths, &|_| false);
    let mut out = if same || (root && ctx.opts.piece) || ctx.opts.keep_own.iter().any(|k| k == key) {
        shell(m)
    } else {
        let theirs_key = ctx.theirs_keys.get(key).map_or(key, String::as_str);
        let (sm, st) = (stamp_of(ctx.mine, key), stamp_of(ctx.theirs, theirs_key));
        let record = RecordRef {
            key: key.to_string(),
            kind: kind.to_string(),
            label: label(m, &ctx.names),
            source: String::new(),
        };
        match sm.compare(&st) {
            Order::After => shell(m),
            Order::Before => {
                ctx.plan_updated.push(RecordRef {
                    label: label(t, &ctx.names),
                    ..record
                });
                let mut x = shell(t);
                if root {
                    for k in ROOT_SKIP {
                        match m.get(*k) {
                            Some(v) => x.insert((*k).to_string(), v.clone()),
                            None => x.remove(*k),
                        };
                    }
                }
                x
            }
            Order::Equal | Order::Concurrent => {
                let (mc, tc) = (own_content(m, &cols, root), own_content(t, &cols, root));
                ctx.conflicts.push(Conflict {
                    record,
                    fields: field_diffs(&mc, &tc, &ctx.names),
                    mine_stamp: sm.into_owned(),
                    theirs_stamp: st.into_owned(),
                    theirs_content: tc,
                    collections: cols.clone(),
                });
                shell(m)
            }
        }
    };
    if let Some(at) = later_timestamp(m.get("updated_at"), t.get("updated_at")) {
        if out.contains_key("updated_at") || t.contains_key("updated_at") {
            out.insert("updated_at".into(), at);
        }
    }
    for path in &cols {
        let ckey = join_path(key, path);
        let ckind = kind_name(path);
        let merged = merge_collection(ctx, &ckey, &ckind, items(get_path(m, path)), items(get_path(t, path)));
        set_path(&mut out, path, Value::Array(merged));
    }
    out
}

/// The field that also identifies a record of the collection at `ckey`, besides its id: a
/// community has one membership per person.
fn natural_key(ckey: &str) -> Option<&'static str> {
    ckey.ends_with("/memberships").then_some("person_id")
}

/// Theirs' records, where one of them and one of mine share the value of `field` under
/// different ids (each copy added the same person to the community), with mine's id: they
/// are one record, merged as such (the same content, or a conflict), not two that the
/// workspace refuses. Theirs' stamp for it is still found under its own key.
fn align_ids(ctx: &mut Ctx, ckey: &str, field: &str, m: &[Value], t: &[Value]) -> Vec<Value> {
    let m_ids: HashSet<&str> = m.iter().map(id_of).collect();
    let t_ids: HashSet<&str> = t.iter().map(id_of).collect();
    let mine_by: HashMap<&str, &str> = m
        .iter()
        .filter(|v| !t_ids.contains(id_of(v)))
        .filter_map(|v| Some((v.get(field)?.as_str()?, id_of(v))))
        .collect();
    t.iter()
        .map(|v| {
            let id = id_of(v);
            let mine_id = v.get(field).and_then(Value::as_str).and_then(|k| mine_by.get(k));
            match (mine_id, v.as_object()) {
                (Some(&mine_id), Some(o)) if !m_ids.contains(id) => {
                    let mut x = o.clone();
                    x.insert("id".into(), Value::String(mine_id.to_string()));
                    ctx.theirs_keys.insert(
                        format!("{ckey}/{}", key_part(mine_id)),
                        format!("{ckey}/{}", key_part(id)),
                    );
                    Value::Object(x)
                }
                _ => v.clone(),
            }
        })
        .collect()
}

fn merge_collection(ctx: &mut Ctx, ckey: &str, kind: &str, m: &[Value], t: &[Value]) -> Vec<Value> {
    let aligned;
    let t = match natural_key(ckey) {
        Some(field) => {
            aligned = align_ids(ctx, ckey, field, m, t);
            aligned.as_slice()
        }
        None => t,
    };
    let m_ids: Vec<&str> = m.iter().map(id_of).collect();
    let t_ids: Vec<&str> = t.iter().map(id_of).collect();
    let (om, ot) = (stamp_of(ctx.mine, ckey), stamp_of(ctx.theirs, ckey));
    let theirs_wins = match om.compare(&ot) {
        Order::Before => true,
        Order::After => false,
        Order::Equal | Order::Concurrent => (ot.at, &ot.by, &t_ids) > (om.at, &om.by, &m_ids),
    };
    let order = if theirs_wins {
        interleave(&t_ids, &m_ids)
    } else {
        interleave(&m_ids, &t_ids)
    };
    if theirs_wins && order != interleave(&m_ids, &t_ids) && m_ids.iter().any(|id| t_ids.contains(id)) {
        ctx.reordered += 1;
    }
    let mi: HashMap<&str, &Value> = m.iter().map(|v| (id_of(v), v)).collect();
    let ti: HashMap<&str, &Value> = t.iter().map(|v| (id_of(v), v)).collect();
    let mut out = Vec::with_capacity(order.len());
    for id in order {
        let key = format!("{ckey}/{}", key_part(id));
        match (mi.get(id), ti.get(id)) {
            (Some(a), Some(b)) => match (a.as_object(), b.as_object()) {
                (Some(ao), Some(bo)) => out.push(Value::Object(merge_record(ctx, &key, kind, ao, bo, false))),
                _ => out.push((*a).clone()),
            },
            (Some(a), None) => out.push((*a).clone()),
            (None, Some(b)) => {
                if let Some(bo) = b.as_object() {
                    ctx.plan_added.push(RecordRef {
                        key,
                        kind: kind.to_string(),
                        label: label(bo, &ctx.names),
                        source: String::new(),
                    });
                }
                out.push((*b).clone());
            }
            (None, None) => {}
        }
    }
    out
}

/// `first`'s order, with the ids only `second` has placed after their neighbour there.
fn interleave<'a>(first: &[&'a str], second: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = first.to_vec();
    let mut prev: Option<&str> = None;
    for id in second {
        if !out.contains(id) {
            let at = match prev {
                Some(p) => out.iter().position(|x| *x == p).map_or(out.len(), |i| i + 1),
                None => 0,
            };
            out.insert(at, id);
        }
        prev = Some(id);
    }
    out
}

/// What one record of a list is called: "facilitation/meetings" → "meeting";
/// "catalogues/roles" → "roles catalogue entry".
fn kind_name(path: &[String]) -> String {
    let last = path.last().map(String::as_str).unwrap_or_default();
    if path.first().map(String::as_str) == Some("catalogues") {
        return format!("{} catalogue entry", last.replace('_', " "));
    }
    let known = match last {
        "people" => "person",
        "communities" => "community",
        "practice" => "repertoire item",
        "stories" => "story",
        "blocks" => "agenda block",
        "key_issues" => "key issue",
        "activities" => "activity",
        "harvest" => "harvest item",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let words = last.replace('_', " ");
    match words.strip_suffix('s') {
        Some(one) if !one.is_empty() => one.to_string(),
        _ => words,
    }
}

fn label(v: &Map<String, Value>, names: &HashMap<String, String>) -> String {
    for f in ["name", "title", "label", "text", "statement", "headline"] {
        if let Some(s) = v.get(f).and_then(Value::as_str).filter(|s| !s.trim().is_empty()) {
            return s.to_string();
        }
    }
    if let Some(name) = v.get("person_id").and_then(Value::as_str).and_then(|p| names.get(p)) {
        return name.clone();
    }
    v.get("id").and_then(Value::as_str).unwrap_or("(no id)").to_string()
}

/// A field's value as the merge review shows it: text as it is (blank text as "(empty)"), a
/// list of ids or words as a comma-separated line, a list of records as how many there are
/// (its JSON would be a wall of text to choose between), yes or no.
fn as_text(v: Option<&Value>) -> String {
    match v {
        // A blank cell would read as "nothing to see here"; taking that side clears the field.
        None | Some(Value::Null) => "(not set)".into(),
        Some(Value::String(s)) if s.trim().is_empty() => "(empty)".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.into(),
        Some(Value::Array(items)) if items.is_empty() => "none".into(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")
        }
        Some(Value::Array(items)) => match items.len() {
            1 => "1 entry".into(),
            n => format!("{n} entries"),
        },
        Some(other) => other.to_string(),
    }
}

/// A field's value as the merge review shows it, with the ids in a field that refers to
/// records (`level_id`, `role_ids`) shown by the names in `names`, and a short list of
/// entries (a membership's level history) entry by entry.
fn as_shown(v: Option<&Value>, field: &str, names: &HashMap<String, String>) -> String {
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let refers = field.ends_with("_id") || field.ends_with("_ids");
    match v {
        Some(Value::String(id)) if refers && !id.trim().is_empty() => name(id),
        Some(Value::Array(items)) if refers && !items.is_empty() && items.iter().all(Value::is_string) => {
            items.iter().filter_map(Value::as_str).map(name).collect::<Vec<_>>().join(", ")
        }
        Some(Value::Array(items)) if (1..=SHOWN_ENTRIES).contains(&items.len()) => {
            let entries: Option<Vec<String>> = items
                .iter()
                .map(|item| item.as_object().map(|o| entry_text(o, names)))
                .collect();
            entries.map_or_else(|| as_text(v), |e| e.join("; "))
        }
        _ => as_text(v),
    }
}

/// Lists of up to this many entries are shown entry by entry; longer ones as a count.
const SHOWN_ENTRIES: usize = 3;

/// One entry of a list, by its texts, numbers and references: "From level: Active · On:
/// 2026-03-01 · To level: Core group". Its lists and its id are left out.
fn entry_text(o: &Map<String, Value>, names: &HashMap<String, String>) -> String {
    let parts: Vec<String> = o
        .iter()
        .filter(|(k, _)| k.as_str() != "id")
        .filter_map(|(k, v)| match v {
            Value::String(s) if !s.trim().is_empty() => {
                Some(format!("{}: {}", field_label(k), as_shown(Some(v), k, names)))
            }
            Value::Number(n) => Some(format!("{}: {n}", field_label(k))),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        "1 entry".into()
    } else {
        parts.join(" · ")
    }
}

/// A field's path as the merge review names it: "programme.leader_plans" → "Programme ›
/// leader plans"; a reference is named for what it refers to: "level_id" → "Level",
/// "role_ids" → "Roles".
fn field_label(path: &str) -> String {
    let path = match (path.strip_suffix("_ids"), path.strip_suffix("_id")) {
        (Some(list), _) => format!("{list}s"),
        (None, Some(one)) => one.to_string(),
        (None, None) => path.to_string(),
    };
    let words = path.replace('_', " ").replace('.', " › ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

fn field_diffs(m: &Map<String, Value>, t: &Map<String, Value>, names: &HashMap<String, String>) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    diff_fields(m, t, "", names, &mut out);
    out
}

fn diff_fields(
    m: &Map<String, Value>,
    t: &Map<String, Value>,
    prefix: &str,
    names: &HashMap<String, String>,
    out: &mut Vec<FieldDiff>,
) {
    let keys: BTreeSet<&String> = m.keys().chain(t.keys()).collect();
    for k in keys {
        let (a, b) = (m.get(k), t.get(k));
        if a == b {
            continue;
        }
        let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        if let (Some(Value::Object(ao)), Some(Value::Object(bo))) = (a, b) {
            diff_fields(ao, bo, &name, names, out);
        } else {
            out.push(FieldDiff {
                field: field_label(&name),
                mine: as_shown(a, k, names),
                theirs: as_shown(b, k, names),
            });
        }
    }
}

/// Why a merge cannot be made.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeError {
    /// The merged data does not fit the workspace's shape (a bug, or a damaged file).
    Shape(String),
    /// The merged workspace breaks a rule; the problems name the field paths.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::Shape(m) => write!(f, "the merged workspace could not be built: {m}"),
            MergeError::Invalid(p) => {
                write!(f, "the merged workspace would have {} problem", p.len())?;
                if p.len() != 1 {
                    f.write_str("s")?;
                }
                if let Some(first) = p.first() {
                    write!(f, ", starting with {first}")?;
                }
                Ok(())
            }
        }
    }
}

impl MergePlan {
    /// Whether merging changes anything.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.conflicts.is_empty() && self.reordered == 0
    }

    /// The merged workspace, with `choices[i]` for `conflicts[i]` (missing choices keep
    /// mine). A conflict's resolution is a change of its own: its stamp then includes both
    /// sides, and one more change by `device`, so later merges take it over either side.
    pub fn resolve(&self, choices: &[Side], device: &str, now: Timestamp) -> Result<Workspace, MergeError> {
        let mut merged = self.merged.clone();
        let mut stamps = self.stamps.clone();
        for (i, c) in self.conflicts.iter().enumerate() {
            let side = choices.get(i).copied().unwrap_or(Side::Mine);
            if side == Side::Theirs && !replace_content(&mut merged, &c.record.key, &c.theirs_content, &c.collections) {
                return Err(MergeError::Shape(format!("the record {} was not found", c.record.key)));
            }
            let mut s = c.mine_stamp.join(&c.theirs_stamp);
            s.bump(device, now);
            stamps.insert(c.record.key.clone(), s);
        }
        let value = Value::Object(merged);
        let mut ws: Workspace = from_tree(&value).map_err(|e| MergeError::Shape(e.to_string()))?;
        ws.stamps = stamps;
        let problems = validate_workspace(&ws);
        if problems.is_empty() {
            Ok(ws)
        } else {
            Err(MergeError::Invalid(problems))
        }
    }
}

/// Puts `content` in place of the own content of the record at `key` (its collections stay).
fn replace_content(root: &mut Map<String, Value>, key: &str, content: &Map<String, Value>, cols: &[Vec<String>]) -> bool {
    let Some(record) = find_record(root, key) else {
        return false;
    };
    let mut next = content.clone();
    for path in cols {
        if let Some(v) = get_path(record, path) {
            set_path(&mut next, path, v.clone());
        }
    }
    for (k, v) in record.iter() {
        if is_volatile(k) || (key.is_empty() && ROOT_SKIP.contains(&k.as_str())) {
            next.insert(k.clone(), v.clone());
        }
    }
    *record = next;
    true
}

/// The record at a stamp key: field names and ids, alternately where a list is met.
fn find_record<'v>(root: &'v mut Map<String, Value>, key: &str) -> Option<&'v mut Map<String, Value>> {
    let mut cur = root;
    let mut parts = key.split('/').filter(|p| !p.is_empty()).peekable();
    while let Some(part) = parts.next() {
        let next = cur.get_mut(part)?;
        cur = match next {
            Value::Object(o) => o,
            Value::Array(list) => {
                let id = parts.next()?;
                list.iter_mut().find(|v| key_part(id_of(v)) == id)?.as_object_mut()?
            }
            _ => return None,
        };
    }
    Some(cur)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::sample_workspace;
    use crate::model::Id;
    use chrono::TimeZone;

    fn t(n: i64) -> Timestamp {
        chrono::Utc.timestamp_opt(1_800_000_000 + n, 0).unwrap()
    }

    fn edited(ws: &Workspace, device: &str, at: i64, f: impl FnOnce(&mut Workspace)) -> Workspace {
        let mut next = ws.clone();
        f(&mut next);
        stamp_changes(ws, &mut next, device, t(at));
        next
    }

    #[test]
    fn a_review_shows_lists_as_lines_or_counts_not_json() {
        use serde_json::json;
        assert_eq!(as_text(Some(&json!([]))), "none");
        assert_eq!(as_text(Some(&json!(["org-a", "org-b"]))), "org-a, org-b");
        assert_eq!(as_text(Some(&json!([{"person_id": "p-1", "steps": []}]))), "1 entry");
        // The review shows a short list of entries one by one, with references by name.
        let names = HashMap::from([
            ("p-1".to_string(), "Ana".to_string()),
            ("l-2".to_string(), "Core group".to_string()),
        ]);
        let history = json!([{"on": "2026-03-01", "from_level_id": null, "to_level_id": "l-2", "reason": ""}]);
        assert_eq!(as_shown(Some(&history), "history", &names), "On: 2026-03-01 · To level: Core group");
        let plans = json!([{"person_id": "p-1", "steps": []}, {"person_id": "p-9", "steps": [], "note": "n"}]);
        assert_eq!(as_shown(Some(&plans), "leader_plans", &names), "Person: Ana; Note: n · Person: p-9");
        let many = json!([{"a": "1"}, {"a": "2"}, {"a": "3"}, {"a": "4"}]);
        assert_eq!(as_shown(Some(&many), "leader_plans", &names), "4 entries");
        assert_eq!(as_text(Some(&json!([{"a": 1}, {"b": 2}, {"c": 3}]))), "3 entries");
        assert_eq!(as_text(Some(&json!("text"))), "text");
        assert_eq!(as_text(Some(&json!(true))), "yes");
        assert_eq!(as_text(Some(&json!(""))), "(empty)");
        assert_eq!(as_text(Some(&json!(null))), "(not set)");
        assert_eq!(as_text(None), "(not set)");
        // References by name; an id with no name as it is.
        let names = HashMap::from([("r-1".to_string(), "Coordinator".to_string())]);
        assert_eq!(as_shown(Some(&json!(["r-1", "r-9"])), "role_ids", &names), "Coordinator, r-9");
        assert_eq!(as_shown(Some(&json!("r-1")), "level_id", &names), "Coordinator");
        assert_eq!(as_shown(Some(&json!("r-1")), "notes", &names), "r-1");
        assert_eq!(field_label("role_ids"), "Roles");
        assert_eq!(field_label("level_id"), "Level");
        assert_eq!(field_label("programme.leader_plans"), "Programme › leader plans");
    }

    #[test]
    fn own_content_leaves_out_nested_collections_and_is_compared_without_copying() {
        let obj = |v: serde_json::Value| v.as_object().unwrap().clone();
        let base = obj(serde_json::json!({
            "id": "c-1", "name": "Guild", "updated_at": "2026-01-01T00:00:00Z",
            "memberships": [{"id": "m-1"}],
            "facilitation": {"notes": "x", "meetings": [{"id": "g-1"}]},
        }));
        let cols = collection_fields(&base, &base, false);
        assert_eq!(cols, vec![vec!["facilitation".to_string(), "meetings".to_string()], vec!["memberships".to_string()]]);
        let own = own_content(&base, &cols, false);
        assert_eq!(serde_json::Value::Object(own), serde_json::json!({"id": "c-1", "name": "Guild", "facilitation": {"notes": "x"}}));
        // Each variant: same own content as `base` or not, by the copying definition too.
        let variants = [
            (serde_json::json!({"memberships": [{"id": "m-2"}]}), true),
            (serde_json::json!({"updated_at": "2027-01-01T00:00:00Z"}), true),
            (serde_json::json!({"facilitation": {"notes": "x", "meetings": []}}), true),
            (serde_json::json!({"facilitation": {"notes": "y", "meetings": [{"id": "g-1"}]}}), false),
            (serde_json::json!({"facilitation": {"notes": "x"}, "name": "Other"}), false),
            (serde_json::json!({"facilitation": "none"}), false),
            (serde_json::json!({"extra": 1}), false),
        ];
        for (change, same) in variants {
            let mut other = base.clone();
            other.extend(obj(change.clone()));
            let by_copy = own_content(&base, &cols, false) == own_content(&other, &cols, false);
            assert_eq!(by_copy, same, "{change}");
            assert_eq!(same_own_content(&base, &other, &cols, false), same, "{change}");
            assert_eq!(same_own_content(&other, &base, &cols, false), same, "{change}");
        }
        let root = obj(serde_json::json!({"id": "w-1", "is_sample": true, "name": "A"}));
        let other = obj(serde_json::json!({"id": "w-2", "is_sample": false, "name": "A"}));
        assert!(same_own_content(&root, &other, &[], true));
        assert!(!same_own_content(&root, &other, &[], false));
    }

    #[test]
    fn version_vectors_compare_and_join() {
        let mut a = Stamp::default();
        let mut b = Stamp::default();
        assert_eq!(a.compare(&b), Order::Equal);
        a.bump("x", t(1));
        assert_eq!(a.compare(&b), Order::After);
        assert_eq!(b.compare(&a), Order::Before);
        b.bump("y", t(2));
        assert_eq!(a.compare(&b), Order::Concurrent);
        let j = a.join(&b);
        assert_eq!(j.compare(&a), Order::After);
        assert_eq!(j.compare(&b), Order::After);
        assert_eq!(j.by, "y");
    }

    #[test]
    fn stamping_marks_only_the_record_that_changed() {
        let base = sample_workspace();
        let next = edited(&base, "dev-a", 1, |ws| ws.people[0].name = "Renamed".into());
        let key = format!("people/{}", base.people[0].id.as_str());
        assert_eq!(next.stamps.len(), 1, "{:?}", next.stamps.keys().collect::<Vec<_>>());
        assert_eq!(next.stamps[&key].v["dev-a"], 1);
        assert_eq!(next.stamps[&key].at, Some(t(1)));
    }

    #[test]
    fn stamping_an_edit_gives_the_stamps_the_whole_comparison_gives() {
        type Edit = Box<dyn Fn(&mut Workspace)>;
        let edits: Vec<(&str, Edit)> = vec![
            ("rename a person", Box::new(|ws| ws.people[0].name = "Renamed".into())),
            ("rename the workspace", Box::new(|ws| ws.name = "Other".into())),
            ("nothing", Box::new(|_| {})),
            ("only updated_at", Box::new(|ws| ws.people[0].updated_at = t(99))),
            (
                "add a person",
                Box::new(|ws| {
                    let mut p = ws.people[0].clone();
                    p.id = Id::new("p-new/1");
                    ws.people.push(p);
                }),
            ),
            ("remove a person", Box::new(|ws| drop(ws.people.remove(1)))),
            ("reorder people", Box::new(|ws| ws.people.reverse())),
            ("rename a community", Box::new(|ws| ws.communities[0].name = "Guild".into())),
            ("drop a membership", Box::new(|ws| drop(ws.communities[0].memberships.pop()))),
            (
                "add a meeting",
                Box::new(|ws| {
                    let c = ws.communities.iter_mut().find(|c| !c.facilitation.meetings.is_empty()).unwrap();
                    let mut m = c.facilitation.meetings[0].clone();
                    m.id = Id::new("m-new");
                    c.facilitation.meetings.push(m);
                }),
            ),
            ("relabel a role", Box::new(|ws| ws.catalogues.roles[0].label = "Host".into())),
            ("reorder roles", Box::new(|ws| ws.catalogues.roles.reverse())),
            ("rename an organisation", Box::new(|ws| ws.organisations[0].name = "Org".into())),
            ("remove a community", Box::new(|ws| drop(ws.communities.remove(1)))),
            ("remove every organisation", Box::new(|ws| ws.organisations.clear())),
        ];
        let mut ws = sample_workspace();
        for (i, (what, edit)) in edits.iter().enumerate() {
            let mut whole = ws.clone();
            edit(&mut whole);
            let mut quick = whole.clone();
            stamp_changes(&ws, &mut whole, "dev-a", t(i as i64));
            stamp_edit(&ws, &mut quick, "dev-a", t(i as i64));
            assert_eq!(quick.stamps, whole.stamps, "after: {what}");
            ws = whole;
        }
        assert!(ws.stamps.len() > 10, "the edits were stamped: {:?}", ws.stamps.keys().collect::<Vec<_>>());
    }

    #[test]
    fn stamping_a_nested_record_leaves_its_parent_alone_but_stamps_the_list_when_it_grows() {
        let base = sample_workspace();
        let c = base.communities[0].id.as_str().to_string();
        let next = edited(&base, "dev-a", 1, |ws| {
            ws.communities[0].practice[0].title = "New title".into();
            ws.communities[0].updated_at = t(1);
        });
        let item = format!("communities/{c}/practice/{}", base.communities[0].practice[0].id.as_str());
        assert_eq!(next.stamps.keys().cloned().collect::<Vec<_>>(), vec![item]);
        let grown = edited(&next, "dev-a", 2, |ws| {
            let mut copy = ws.communities[0].practice[0].clone();
            copy.id = Id::new("new-item");
            ws.communities[0].practice.push(copy);
        });
        assert!(grown.stamps.contains_key(&format!("communities/{c}/practice")));
        assert!(grown.stamps.contains_key(&format!("communities/{c}/practice/new-item")));
        assert!(!grown.stamps.contains_key(&format!("communities/{c}")));
    }

    #[test]
    fn a_change_on_one_side_only_is_taken() {
        let base = sample_workspace();
        let theirs = edited(&base, "dev-b", 1, |ws| ws.people[1].name = "Their name".into());
        let plan = plan_merge(&base, &theirs, MergeOptions::default()).unwrap();
        assert!(plan.conflicts.is_empty());
        assert_eq!(plan.updated.len(), 1);
        assert_eq!(plan.updated[0].label, "Their name");
        let ws = plan.resolve(&[], "dev-a", t(5)).unwrap();
        assert_eq!(ws.people[1].name, "Their name");
        // The other way round, mine is newer and stays.
        let plan = plan_merge(&theirs, &base, MergeOptions::default()).unwrap();
        assert!(plan.is_empty());
    }

    #[test]
    fn a_record_changed_on_both_sides_is_a_conflict_resolved_per_record() {
        let base = sample_workspace();
        let mine = edited(&base, "dev-a", 1, |ws| ws.people[0].name = "Mine".into());
        let theirs = edited(&base, "dev-b", 2, |ws| ws.people[0].name = "Theirs".into());
        let plan = plan_merge(&mine, &theirs, MergeOptions::default()).unwrap();
        assert_eq!(plan.conflicts.len(), 1);
        let c = &plan.conflicts[0];
        assert_eq!(c.record.kind, "person");
        assert_eq!(
            c.fields,
            vec![FieldDiff {
                field: "Name".into(),
                mine: "Mine".into(),
                theirs: "Theirs".into()
            }]
        );
        let kept = plan.resolve(&[Side::Mine], "dev-a", t(3)).unwrap();
        assert_eq!(kept.people[0].name, "Mine");
        let taken = plan.resolve(&[Side::Theirs], "dev-a", t(3)).unwrap();
        assert_eq!(taken.people[0].name, "Theirs");
        // The resolution includes both sides' changes: merging either side again changes nothing.
        for other in [&mine, &theirs] {
            let again = plan_merge(&taken, other, MergeOptions::default()).unwrap();
            assert!(again.is_empty(), "{:?}", again.conflicts);
        }
    }

    #[test]
    fn records_new_on_either_side_are_added_and_nothing_is_deleted() {
        let base = sample_workspace();
        let mine = edited(&base, "dev-a", 1, |ws| {
            let mut p = ws.people[0].clone();
            p.id = Id::new("p-mine");
            ws.people.push(p);
        });
        let theirs = edited(&base, "dev-b", 1, |ws| {
            let mut p = ws.people[0].clone();
            p.id = Id::new("p-theirs");
            ws.people.insert(1, p);
            ws.communities.pop();
        });
        let plan = plan_merge(&mine, &theirs, MergeOptions::default()).unwrap();
        assert_eq!(plan.added.len(), 1);
        let ws = plan.resolve(&[], "dev-a", t(2)).unwrap();
        assert!(ws.person(&Id::new("p-mine")).is_some());
        assert!(ws.person(&Id::new("p-theirs")).is_some());
        assert_eq!(ws.communities.len(), base.communities.len(), "their deletion does not delete mine");
        // Their new person sits where they put it: after the first person.
        assert_eq!(ws.people[1].id.as_str(), "p-theirs");
    }

    #[test]
    fn a_piece_keeps_the_workspace_name() {
        let base = sample_workspace();
        let mut theirs = edited(&base, "dev-b", 1, |ws| ws.name = "Another name".into());
        theirs.stamps.clear();
        let plan = plan_merge(&base, &theirs, MergeOptions { piece: true, ..Default::default() }).unwrap();
        assert!(plan.conflicts.is_empty());
        let plan = plan_merge(&base, &theirs, MergeOptions::default()).unwrap();
        assert_eq!(plan.conflicts.len(), 1, "unstamped different names are a conflict");
        assert_eq!(plan.conflicts[0].record.kind, "workspace");
    }

    #[test]
    fn unrelated_workspaces_conflict_only_on_what_people_wrote_and_keep_the_workspace_identity() {
        let mine = sample_workspace();
        let theirs = crate::model::generate::generate(1, crate::model::generate::Sizes::named("S").expect("size S"));
        assert_ne!((&mine.id, mine.created_at, mine.is_sample), (&theirs.id, theirs.created_at, theirs.is_sample));
        let plan = plan_merge(&mine, &theirs, MergeOptions::default()).unwrap();
        let root = plan.conflicts.iter().find(|c| c.record.kind == "workspace").expect("a workspace conflict");
        let fields: Vec<&str> = root.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["Description", "Name", "Programme › leader plans"]);
        let sides: Vec<Side> = plan.conflicts.iter().map(|_| Side::Theirs).collect();
        let out = plan.resolve(&sides, "dev-a", t(3)).unwrap();
        assert_eq!(out.name, theirs.name, "their name was taken");
        assert_eq!((&out.id, out.created_at, out.is_sample), (&mine.id, mine.created_at, mine.is_sample));
        // Their root changed later than mine (only theirs has a stamp): taken without asking,
        // and the identity is still mine.
        let mut newer = theirs.clone();
        let mut stamp = Stamp::default();
        stamp.bump("dev-b", t(9));
        newer.stamps.insert(String::new(), stamp);
        let mut older = mine.clone();
        older.stamps.clear();
        let plan = plan_merge(&older, &newer, MergeOptions::default()).unwrap();
        assert!(plan.updated.iter().any(|r| r.kind == "workspace"), "{:?}", plan.updated);
        let out = plan.resolve(&[], "dev-a", t(10)).unwrap();
        assert_eq!(out.name, newer.name);
        assert_eq!((&out.id, out.created_at, out.is_sample), (&older.id, older.created_at, older.is_sample));
    }

    /// `ws` with `person` added to the first community under membership `id`, at `level`.
    fn joined(ws: &Workspace, device: &str, at: i64, person: &Id, id: &str, level: &Id) -> Workspace {
        edited(ws, device, at, |ws| {
            let c = &mut ws.communities[0];
            let mut m = c.memberships[0].clone();
            m.id = Id::new(id);
            m.person_id = person.clone();
            m.level_id = level.clone();
            m.role_ids.clear();
            m.leadership_group_ids.clear();
            m.history = vec![crate::model::LevelChange {
                on: m.joined_on,
                from_level_id: None,
                to_level_id: level.clone(),
                reason: String::new(),
            }];
            c.memberships.push(m);
        })
    }

    #[test]
    fn the_same_person_added_to_a_community_in_both_copies_merges_as_one_membership() {
        let base = sample_workspace();
        let c = &base.communities[0];
        let person = base
            .people
            .iter()
            .find(|p| !c.memberships.iter().any(|m| m.person_id == p.id))
            .expect("someone outside the first community")
            .id
            .clone();
        let levels = base.catalogues.get(crate::model::CatalogueKind::ParticipationLevels);
        let (l1, l2) = (levels[1].id.clone(), levels[2].id.clone());
        let members_of = |ws: &Workspace| {
            ws.communities[0]
                .memberships
                .iter()
                .filter(|m| m.person_id == person)
                .map(|m| (m.id.as_str().to_string(), m.level_id.clone()))
                .collect::<Vec<_>>()
        };

        // The same membership made twice: nothing to ask, nothing added, one membership.
        let mine = joined(&base, "dev-a", 1, &person, "m-mine", &l1);
        let theirs = joined(&base, "dev-b", 2, &person, "m-theirs", &l1);
        let plan = plan_merge(&mine, &theirs, MergeOptions::default()).unwrap();
        assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
        assert!(plan.added.is_empty(), "{:?}", plan.added);
        let out = plan.resolve(&[], "dev-a", t(3)).unwrap();
        assert_eq!(members_of(&out), [("m-mine".to_string(), l1.clone())]);
        assert!(plan_merge(&out, &theirs, MergeOptions::default()).unwrap().is_empty());

        // At different levels: one conflict, either side makes a valid workspace with one
        // membership, and merging their file again asks nothing more.
        let theirs = joined(&base, "dev-b", 2, &person, "m-theirs", &l2);
        let plan = plan_merge(&mine, &theirs, MergeOptions::default()).unwrap();
        assert_eq!(plan.conflicts.len(), 1, "{:?}", plan.conflicts);
        assert_eq!(plan.conflicts[0].record.kind, "membership");
        // The level is named by its label, as the app shows it, not by its id.
        let level = plan.conflicts[0].fields.iter().find(|f| f.field == "Level");
        let label = |id: &Id| levels.iter().find(|l| &l.id == id).map(|l| l.label.clone());
        assert_eq!(
            level.map(|f| (Some(f.mine.clone()), Some(f.theirs.clone()))),
            Some((label(&l1), label(&l2))),
            "{:?}",
            plan.conflicts[0].fields
        );
        let kept = plan.resolve(&[Side::Mine], "dev-a", t(3)).unwrap();
        assert_eq!(members_of(&kept), [("m-mine".to_string(), l1.clone())]);
        let taken = plan.resolve(&[Side::Theirs], "dev-a", t(3)).unwrap();
        assert_eq!(members_of(&taken), [("m-mine".to_string(), l2.clone())]);
        for out in [&kept, &taken] {
            let again = plan_merge(out, &theirs, MergeOptions::default()).unwrap();
            assert!(again.is_empty(), "{:?} {:?}", again.added, again.conflicts);
        }
        // And the other way round: theirs is kept under their id.
        let plan = plan_merge(&theirs, &mine, MergeOptions::default()).unwrap();
        let out = plan.resolve(&[Side::Theirs], "dev-b", t(3)).unwrap();
        assert_eq!(members_of(&out), [("m-theirs".to_string(), l1)]);
    }

    #[test]
    fn interleave_places_new_ids_after_their_neighbour() {
        assert_eq!(interleave(&["a", "b", "c"], &["a", "x", "c", "y"]), vec!["a", "x", "b", "c", "y"]);
        assert_eq!(interleave(&["a"], &["z", "a"]), vec!["z", "a"]);
        assert_eq!(interleave(&[], &["a", "b"]), vec!["a", "b"]);
    }
}
