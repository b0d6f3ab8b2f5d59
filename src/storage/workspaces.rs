//! Several workspaces in one browser: the open one lives under `cultivate.workspace` (see
//! [`super::browser`]); the others are *parked*, each under a key of its own
//! (`cultivate.parked.<millis>`), with an index (`cultivate.parked`) that names them.
//!
//! Switching parks the open workspace first and checks the parked copy reads back the same
//! before anything else is written, so a workspace is never only in memory. A parked
//! document is never overwritten: every park gets a fresh key, and a document that cannot be
//! loaded stays exactly as it is (it can be downloaded or, after a backup, deleted).
//!
//! The index and the naming of keys are pure and tested natively; the functions at the end
//! read and write browser storage (through [`super::kv`]) and return a [`StorageError`] for every failure.

use chrono::DateTime;
use serde::{Deserialize, Serialize};

use super::browser::StorageError;
use super::kv::{get, remove, set};
use super::format::{decode_document, encode_workspace, Document, LoadError};
use crate::model::{Timestamp, Workspace};

/// The index of parked workspaces.
pub const KEY_PARKED_INDEX: &str = "cultivate.parked";
/// Prefix of each parked workspace's document.
pub const PREFIX_PARKED: &str = "cultivate.parked.";

/// One parked workspace, as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParkedInfo {
    /// The storage key holding the document.
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub is_sample: bool,
    pub parked_at: Timestamp,
    #[serde(default)]
    pub communities: usize,
    /// Size of the stored document in characters.
    pub chars: usize,
}

impl ParkedInfo {
    /// The entry for `ws`, stored as `text` under `key`.
    pub fn of(key: &str, ws: &Workspace, text: &str, at: Timestamp) -> Self {
        ParkedInfo {
            key: key.to_string(),
            name: ws.name.clone(),
            is_sample: ws.is_sample,
            parked_at: at,
            communities: ws.communities.len(),
            chars: text.chars().count(),
        }
    }
}

/// A key for a document parked at `millis` that no existing key uses.
pub fn unique_key(existing: &[String], millis: i64) -> String {
    let mut ms = millis;
    loop {
        let key = format!("{PREFIX_PARKED}{ms}");
        if !existing.contains(&key) {
            return key;
        }
        ms += 1;
    }
}

/// Reads the stored index; a damaged index reads as empty (the documents stay under their
/// own keys, and [`reconcile`] lists them anyway).
pub fn parse_index(raw: Option<&str>) -> Vec<ParkedInfo> {
    raw.and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default()
}

/// The index with `info` added (replacing an entry with the same key), newest first.
pub fn add(mut index: Vec<ParkedInfo>, info: ParkedInfo) -> Vec<ParkedInfo> {
    index.retain(|p| p.key != info.key);
    index.push(info);
    sort(&mut index);
    index
}

/// The index without the entry for `key`.
pub fn remove_entry(mut index: Vec<ParkedInfo>, key: &str) -> Vec<ParkedInfo> {
    index.retain(|p| p.key != key);
    index
}

fn sort(index: &mut [ParkedInfo]) {
    index.sort_by(|a, b| b.parked_at.cmp(&a.parked_at).then_with(|| b.key.cmp(&a.key)));
}

/// What a parked document says about itself, read without trusting it: its name, whether it
/// is the sample, how many communities. Unreadable text gives `None`.
pub fn summary_of(raw: &str) -> Option<(String, bool, usize)> {
    let v: serde_json::Value = serde_json::from_str(raw).ok()?;
    let data = v.get("data")?;
    let name = data.get("name")?.as_str()?.to_string();
    let is_sample = data.get("is_sample").and_then(|b| b.as_bool()).unwrap_or(false);
    let communities = data.get("communities").and_then(|c| c.as_array()).map_or(0, Vec::len);
    Some((name, is_sample, communities))
}

/// The list to show: index entries whose document exists, plus any document whose index
/// entry was lost (named from the document itself), newest first. `read` gives a document's
/// text by key.
pub fn reconcile(
    mut index: Vec<ParkedInfo>,
    keys: &[String],
    mut read: impl FnMut(&str) -> Option<String>,
) -> Vec<ParkedInfo> {
    index.retain(|p| keys.contains(&p.key));
    for key in keys.iter().filter(|k| k.starts_with(PREFIX_PARKED)) {
        if index.iter().any(|p| &p.key == key) {
            continue;
        }
        let raw = read(key).unwrap_or_default();
        let ms = key.trim_start_matches(PREFIX_PARKED).parse::<i64>().ok();
        let parked_at = ms.and_then(DateTime::from_timestamp_millis).unwrap_or_default();
        let (name, is_sample, communities) =
            summary_of(&raw).unwrap_or_else(|| ("Workspace (cannot be read)".into(), false, 0));
        index.push(ParkedInfo {
            key: key.clone(),
            name,
            is_sample,
            parked_at,
            communities,
            chars: raw.chars().count(),
        });
    }
    sort(&mut index);
    index
}

// ----- the browser side -----

fn parked_keys() -> Result<Vec<String>, StorageError> {
    super::kv::keys(PREFIX_PARKED)
}

fn write_index(index: &[ParkedInfo]) -> Result<(), StorageError> {
    let text = serde_json::to_string(index).map_err(|e| StorageError::Failed(e.to_string()))?;
    set(KEY_PARKED_INDEX, &text)
}

/// The parked workspaces, newest first.
pub fn list() -> Result<Vec<ParkedInfo>, StorageError> {
    let index = parse_index(get(KEY_PARKED_INDEX)?.as_deref());
    let keys = parked_keys()?;
    Ok(reconcile(index, &keys, |k| get(k).ok().flatten()))
}

/// Parks `ws` under a fresh key and checks the copy reads back the same. If any step fails,
/// nothing is left behind and the error says why.
pub fn park(ws: &Workspace, now: Timestamp) -> Result<ParkedInfo, StorageError> {
    let key = unique_key(&parked_keys()?, now.timestamp_millis());
    let text = encode_workspace(ws, now, 0, false);
    set(&key, &text)?;
    if get(&key)?.as_deref() != Some(text.as_str()) {
        let _ = remove(&key);
        return Err(StorageError::Failed(
            "the copy of the workspace did not read back the same".into(),
        ));
    }
    let info = ParkedInfo::of(&key, ws, &text, now);
    let index = add(parse_index(get(KEY_PARKED_INDEX)?.as_deref()), info.clone());
    if let Err(e) = write_index(&index) {
        // The document is stored; `list()` shows it even without an index entry.
        web_sys::console::warn_1(&format!("parked-workspace index not updated: {e}").into());
    }
    Ok(info)
}

/// The stored text of a parked workspace, exactly as it is.
pub fn read_raw(key: &str) -> Result<String, StorageError> {
    if !key.starts_with(PREFIX_PARKED) {
        return Err(StorageError::Failed("not a parked workspace".into()));
    }
    get(key)?.ok_or_else(|| StorageError::Failed("that workspace is no longer stored".into()))
}

/// Reads and checks a parked workspace (migrating an older format, as any load does).
pub fn read(key: &str) -> Result<Result<Workspace, LoadError>, StorageError> {
    let raw = read_raw(key)?;
    Ok(match decode_document(&raw) {
        Ok(Document::Workspace(env)) => Ok(env.data),
        Ok(Document::Community(_)) => Err(LoadError::NotCultivate(
            "a parked workspace must hold a whole workspace".into(),
        )),
        Err(e) => Err(e),
    })
}

/// Removes a parked workspace and its index entry. The caller backs it up first.
pub fn delete(key: &str) -> Result<(), StorageError> {
    if !key.starts_with(PREFIX_PARKED) {
        return Err(StorageError::Failed("not a parked workspace".into()));
    }
    remove(key)?;
    let index = remove_entry(parse_index(get(KEY_PARKED_INDEX)?.as_deref()), key);
    write_index(&index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample::sample_workspace, Id};
    use chrono::{Duration, TimeZone, Utc};

    fn at(n: i64) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).single().unwrap() + Duration::minutes(n)
    }

    fn info(n: i64) -> ParkedInfo {
        ParkedInfo {
            key: format!("{PREFIX_PARKED}{}", at(n).timestamp_millis()),
            name: format!("W{n}"),
            is_sample: false,
            parked_at: at(n),
            communities: 1,
            chars: 10,
        }
    }

    #[test]
    fn keys_are_never_reused() {
        let taken = vec![format!("{PREFIX_PARKED}100"), format!("{PREFIX_PARKED}101")];
        assert_eq!(unique_key(&taken, 100), format!("{PREFIX_PARKED}102"));
        assert_eq!(unique_key(&taken, 99), format!("{PREFIX_PARKED}99"));
        assert_eq!(unique_key(&[], 5), "cultivate.parked.5");
    }

    #[test]
    fn the_index_key_is_not_a_document_key() {
        assert!(!KEY_PARKED_INDEX.starts_with(PREFIX_PARKED));
        assert!(!super::super::browser::KEY_WORKSPACE.starts_with(PREFIX_PARKED));
        assert!(!super::super::browser::PREFIX_BACKUP.starts_with(PREFIX_PARKED));
    }

    #[test]
    fn add_keeps_newest_first_and_replaces_the_same_key() {
        let index = add(add(Vec::new(), info(1)), info(3));
        let index = add(index, info(2));
        let names: Vec<_> = index.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["W3", "W2", "W1"]);
        let mut renamed = info(2);
        renamed.name = "Renamed".into();
        let index = add(index, renamed);
        assert_eq!(index.len(), 3);
        assert_eq!(index[1].name, "Renamed");
        let index = remove_entry(index, &info(3).key);
        assert_eq!(index.len(), 2);
        assert_eq!(index[0].name, "Renamed");
    }

    #[test]
    fn a_damaged_index_reads_as_empty() {
        assert!(parse_index(Some("[{oops")).is_empty());
        assert!(parse_index(None).is_empty());
        let raw = serde_json::to_string(&vec![info(1)]).unwrap();
        assert_eq!(parse_index(Some(&raw)), vec![info(1)]);
    }

    #[test]
    fn reconcile_drops_entries_without_documents_and_lists_documents_without_entries() {
        let ws = sample_workspace();
        let text = encode_workspace(&ws, at(5), 0, false);
        let orphan = format!("{PREFIX_PARKED}{}", at(5).timestamp_millis());
        let broken = format!("{PREFIX_PARKED}{}", at(6).timestamp_millis());
        let keys = vec![
            info(1).key,
            orphan.clone(),
            broken.clone(),
            "cultivate.workspace".to_string(),
        ];
        let list = reconcile(vec![info(1), info(2)], &keys, |k| {
            if k == orphan {
                Some(text.clone())
            } else if k == broken {
                Some("{not json".into())
            } else {
                None
            }
        });
        let names: Vec<_> = list.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Workspace (cannot be read)", ws.name.as_str(), "W1"]);
        let found = &list[1];
        assert_eq!(found.key, orphan);
        assert!(found.is_sample);
        assert_eq!(found.communities, ws.communities.len());
        assert_eq!(found.parked_at, at(5));
        assert_eq!(found.chars, text.chars().count());
    }

    #[test]
    fn summary_reads_a_stored_document_without_decoding_it_fully() {
        let mut ws = Workspace::new(Id::new("w"), "Zoë's workspace", at(0));
        assert_eq!(
            summary_of(&encode_workspace(&ws, at(1), 3, false)),
            Some(("Zoë's workspace".into(), false, 0))
        );
        ws.is_sample = true;
        assert_eq!(
            summary_of(&encode_workspace(&ws, at(1), 3, true)).map(|s| s.1),
            Some(true)
        );
        assert_eq!(summary_of("[]"), None);
        assert_eq!(summary_of(r#"{"data":{}}"#), None);
    }

    #[test]
    fn the_entry_describes_the_workspace() {
        let ws = sample_workspace();
        let text = encode_workspace(&ws, at(0), 0, false);
        let p = ParkedInfo::of("cultivate.parked.1", &ws, &text, at(0));
        assert_eq!(p.name, ws.name);
        assert!(p.is_sample);
        assert_eq!(p.communities, ws.communities.len());
        assert_eq!(p.chars, text.chars().count());
    }
}
