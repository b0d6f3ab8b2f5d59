//! Links in the practice repertoire. Only `http:`, `https:` and `mailto:` links are ever made
//! live; anything else (`javascript:`, `data:`, `file:` ...) is refused by validation, and
//! the view shows such text as plain text as a second line of defence.

/// The schemes that may become a live link.
pub const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The scheme of `link`, lower-cased, if it has one (`"https"` for `"HTTPS://x"`).
pub fn scheme(link: &str) -> Option<String> {
    // Browsers ignore leading spaces and control characters, and strip tabs and newlines
    // anywhere in a URL ("java\tscript:" is "javascript:"), so do the same before looking.
    let cleaned: String = link
        .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let head = &cleaned[..colon];
    let valid = head.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| head.to_ascii_lowercase())
}

/// True when `link` may be rendered as a live `<a href>`.
pub fn is_safe_link(link: &str) -> bool {
    scheme(link).is_some_and(|s| ALLOWED_SCHEMES.contains(&s.as_str()))
}

/// Why `link` is refused, or `None` when it is acceptable. An empty link is acceptable
/// (the item simply has none).
pub fn check_link(link: &str) -> Option<String> {
    if link.trim().is_empty() {
        return None;
    }
    match scheme(link) {
        None => Some("must start with http://, https:// or mailto:".into()),
        Some(s) if ALLOWED_SCHEMES.contains(&s.as_str()) => None,
        Some(s) => Some(format!(
            "uses the '{s}:' scheme; only http, https and mailto links are allowed"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_web_and_mail_links() {
        assert!(is_safe_link("https://example.org/case"));
        assert!(is_safe_link("HTTP://example.org"));
        assert!(is_safe_link("mailto:lead@example.org"));
        assert_eq!(check_link(""), None);
    }

    #[test]
    fn refuses_script_and_data_links_even_when_disguised() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_link(bad), "{bad:?} must not be live");
            assert!(check_link(bad).is_some(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn refuses_links_without_a_scheme() {
        assert!(check_link("example.org/page").is_some());
        assert!(!is_safe_link("/relative/path"));
    }
}
