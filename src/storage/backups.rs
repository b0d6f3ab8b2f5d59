//! The backup index: which backups exist and which to drop. Pure, so it is tested natively;
//! `browser` does the reading and writing.

use serde::{Deserialize, Serialize};

use crate::model::Timestamp;

/// How many backups are kept; the oldest goes first.
pub const KEEP_BACKUPS: usize = 5;

/// One backup of the whole workspace, taken before it was replaced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupInfo {
    /// The storage key holding the backup's document.
    pub key: String,
    /// Why it was taken: "Before importing team.json".
    pub label: String,
    pub created_at: Timestamp,
    pub workspace_name: String,
    /// Size of the stored document in characters.
    pub chars: usize,
}

/// Adds `new` to the index, newest first, and returns the index to keep and the entries to
/// delete so that at most [`KEEP_BACKUPS`] remain.
pub fn add_and_prune(mut index: Vec<BackupInfo>, new: BackupInfo) -> (Vec<BackupInfo>, Vec<BackupInfo>) {
    index.retain(|b| b.key != new.key);
    index.push(new);
    index.sort_by(|a, b| b.created_at.cmp(&a.created_at).then_with(|| b.key.cmp(&a.key)));
    let dropped = if index.len() > KEEP_BACKUPS {
        index.split_off(KEEP_BACKUPS)
    } else {
        Vec::new()
    };
    (index, dropped)
}

/// Reads the stored index; a damaged index reads as empty (the backups themselves stay
/// stored under their own keys, and `browser::backups` lists orphans too).
pub fn parse_index(raw: Option<&str>) -> Vec<BackupInfo> {
    raw.and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    fn info(n: i64) -> BackupInfo {
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().unwrap() + Duration::minutes(n);
        BackupInfo {
            key: format!("k{n}"),
            label: format!("b{n}"),
            created_at: t,
            workspace_name: "W".into(),
            chars: 10,
        }
    }

    #[test]
    fn keeps_the_newest_five() {
        let mut index = Vec::new();
        let mut all_dropped = Vec::new();
        for n in 0..8 {
            let (kept, dropped) = add_and_prune(index, info(n));
            index = kept;
            all_dropped.extend(dropped);
        }
        let keys: Vec<_> = index.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["k7", "k6", "k5", "k4", "k3"]);
        let dropped: Vec<_> = all_dropped.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(dropped, ["k0", "k1", "k2"]);
    }

    #[test]
    fn a_damaged_index_reads_as_empty() {
        assert!(parse_index(Some("{not json")).is_empty());
        assert!(parse_index(None).is_empty());
        let raw = serde_json::to_string(&vec![info(1)]).unwrap();
        assert_eq!(parse_index(Some(&raw)), vec![info(1)]);
    }
}
