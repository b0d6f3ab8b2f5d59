//! Stable record identifiers.
//!
//! Ids are opaque strings. The app makes them with `crypto.randomUUID()`; imported files
//! may carry any id that passes [`Id::check`], so a hand-written file stays importable.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest id accepted.
pub const ID_MAX: usize = 64;

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Self {
        Id(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Why this id is unusable, or `None` when it is fine: 1 to 64 characters of
    /// ASCII letters, digits, `-` and `_`.
    pub fn check(s: &str) -> Option<String> {
        if s.is_empty() {
            return Some("must not be empty".into());
        }
        // No more characters than bytes: most ids are short enough to skip counting.
        if s.len() > ID_MAX && s.chars().count() > ID_MAX {
            return Some(format!("is longer than {ID_MAX} characters"));
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Some("may hold only letters, digits, '-' and '_'".into());
        }
        None
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_uuid_and_slug_ids() {
        assert_eq!(Id::check("3f1c2a9e-1b2c-4d5e-8f90-1234567890ab"), None);
        assert_eq!(Id::check("community_of_practice"), None);
    }

    #[test]
    fn rejects_empty_long_and_odd_ids() {
        assert!(Id::check("").is_some());
        assert!(Id::check(&"a".repeat(65)).is_some());
        assert!(Id::check("has space").is_some());
        assert!(Id::check("<script>").is_some());
    }
}
