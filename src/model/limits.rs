//! Text length limits. They keep a single field from filling the browser's storage and
//! keep layouts readable; import reports any field past its limit with its path.

/// Names and titles: organisations, people, communities, catalogue labels.
pub const NAME_MAX: usize = 200;
/// One-line texts: a key issue, an email address, a job title.
pub const SHORT_MAX: usize = 1_000;
/// Free text: descriptions, domain statements, notes.
pub const LONG_MAX: usize = 20_000;
/// A link.
pub const LINK_MAX: usize = 2_000;

/// Characters, not bytes, so a name in Greek or Thai gets the same room as one in English.
pub fn too_long(s: &str, max: usize) -> Option<String> {
    // A string holds no more characters than bytes: most are short enough to skip counting.
    if s.len() <= max {
        return None;
    }
    let n = s.chars().count();
    (n > max).then(|| format!("is {n} characters long; the limit is {max}"))
}
