//! Decoding a JSON tree into the app's types, naming the field where it fails.
//!
//! The careful import path and merging hold a file as a [`Value`] tree and decode parts of it
//! into typed records. serde generates each record type's decoding code once per JSON reader
//! it is used with. The app already needs the code for reading text (the fast path that loads
//! a sound workspace straight from its text), so a tree is decoded by writing it back as
//! compact text and reading that: no second copy of that code for trees, and none of the much
//! larger copy a path-tracking wrapper (serde_path_to_error) generates. Dropping those copies
//! made the release wasm 16% smaller (4.72 MB → 3.95 MB; 1,224 → 1,056 KB brotli with the JS).
//!
//! serde_json reports where in the text a problem is; [`path_at`] turns that position back
//! into the field's path (`communities[2].memberships[0].level_id`), by scanning the text.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::validate::Problem;

/// Decodes `v` as a `T`, or says which field does not fit (its path, empty for the tree
/// itself) and why (serde's message, without its line and column).
pub fn from_tree<T: DeserializeOwned>(v: &Value) -> Result<T, Problem> {
    let text = serde_json::to_string(v).map_err(|e| Problem {
        path: String::new(),
        reason: e.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|e| {
        let reason = e.to_string();
        let reason = match reason.find(" at line ") {
            Some(i) => reason[..i].to_string(),
            None => reason,
        };
        // Compact text is one line; the column counts bytes from its start.
        let offset = if e.line() <= 1 { e.column() } else { text.len() };
        Problem {
            path: path_at(&text, offset),
            reason,
        }
    })
}

/// One step into a JSON document.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn render(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps {
        match s {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// A container being read: an object (with the key whose value comes next) or a list (with
/// how many items came before).
enum Open {
    Object(Option<String>),
    List(usize),
}

/// The path of the part of well-formed JSON `text` that serde_json was reading when it
/// stopped at byte `offset`: of the last key, value, or bracket that ends at or before it.
///
/// serde_json reports a value of the wrong kind just after that value (or after the opening
/// bracket of an object or list in its place), an unknown field just after its key, and a
/// missing field just after the closing brace of its object: each of those reads as the path
/// of that key, value or object.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut steps: Vec<Step> = Vec::new();
    let mut last = String::new();
    let mut i = 0;
    // The step that leads to the value starting here, from the innermost open container.
    fn enter(stack: &mut [Open], steps: &mut Vec<Step>) {
        match stack.last_mut() {
            Some(Open::Object(key)) => steps.push(Step::Key(key.take().unwrap_or_default())),
            Some(Open::List(n)) => {
                steps.push(Step::Index(*n));
                *n += 1;
            }
            None => {}
        }
    }
    while i < bytes.len() && i < offset {
        match bytes[i] {
            b'{' | b'[' => {
                enter(&mut stack, &mut steps);
                stack.push(if bytes[i] == b'{' {
                    Open::Object(None)
                } else {
                    Open::List(0)
                });
                i += 1;
                last = render(&steps);
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
                last = render(&steps);
                if !stack.is_empty() {
                    steps.pop();
                }
            }
            b'"' => {
                let end = string_end(bytes, i);
                let is_key = matches!(stack.last(), Some(Open::Object(None)))
                    && bytes[end..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':');
                let raw = &text[i..end];
                if is_key {
                    let key = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string());
                    let mut at = steps.clone();
                    at.push(Step::Key(key.clone()));
                    last = render(&at);
                    if let Some(Open::Object(k)) = stack.last_mut() {
                        *k = Some(key);
                    }
                } else {
                    enter(&mut stack, &mut steps);
                    last = render(&steps);
                    if !stack.is_empty() {
                        steps.pop();
                    }
                }
                i = end;
            }
            b',' | b':' => i += 1,
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                // A number, true, false or null.
                let end = bytes[i..]
                    .iter()
                    .position(|b| matches!(b, b',' | b']' | b'}') || b.is_ascii_whitespace())
                    .map_or(bytes.len(), |n| i + n);
                enter(&mut stack, &mut steps);
                last = render(&steps);
                if !stack.is_empty() {
                    steps.pop();
                }
                i = end;
            }
        }
    }
    last
}

/// The index just past the string that starts with the quote at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Member {
        person_id: String,
        level: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Group {
        name: String,
        members: Vec<Member>,
        tags: Vec<String>,
    }

    fn fails<T: DeserializeOwned + std::fmt::Debug>(v: Value) -> Problem {
        from_tree::<T>(&v).expect_err("should not decode")
    }

    #[test]
    fn a_sound_tree_decodes() {
        let g: Group =
            from_tree(&json!({"name": "A", "members": [{"person_id": "p", "level": 2}], "tags": []})).unwrap();
        assert_eq!(g.name, "A");
        assert_eq!(g.members[0].level, 2);
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_named_by_its_path() {
        let e = fails::<Group>(
            json!({"name": "A", "members": [{"person_id": "p", "level": 1}, {"person_id": "q", "level": "two"}], "tags": []}),
        );
        assert_eq!(e.path, "members[1].level");
        assert!(e.reason.starts_with("invalid type: string \"two\""), "{}", e.reason);
        assert!(!e.reason.contains(" at line "), "{}", e.reason);
        assert_eq!(
            fails::<Group>(json!({"name": 5, "members": [], "tags": []})).path,
            "name"
        );
        assert_eq!(
            fails::<Group>(json!({"name": "A", "members": [], "tags": [1]})).path,
            "tags[0]"
        );
    }

    #[test]
    fn an_object_or_list_in_the_place_of_text_is_named_by_its_path() {
        assert_eq!(
            fails::<Group>(json!({"name": {"x": 1}, "members": [], "tags": []})).path,
            "name"
        );
        assert_eq!(
            fails::<Group>(json!({"name": ["x"], "members": [], "tags": []})).path,
            "name"
        );
        assert_eq!(
            fails::<Group>(json!({"name": "A", "members": {}, "tags": []})).path,
            "members"
        );
    }

    #[test]
    fn a_missing_field_is_named_by_its_object() {
        let e =
            fails::<Group>(json!({"name": "A", "members": [{"person_id": "p", "level": 1}, {"level": 2}], "tags": []}));
        assert_eq!(e.path, "members[1]");
        assert_eq!(e.reason, "missing field `person_id`");
        assert_eq!(fails::<Group>(json!({"members": [], "tags": []})).path, "");
    }

    #[test]
    fn an_unknown_field_is_named_by_its_path() {
        let e = fails::<Group>(
            json!({"name": "A", "members": [{"person_id": "p", "level": 1, "extra": true}], "tags": []}),
        );
        assert_eq!(e.path, "members[0].extra");
        assert!(e.reason.starts_with("unknown field `extra`"), "{}", e.reason);
    }

    #[test]
    fn keys_with_escapes_and_text_with_brackets_do_not_confuse_the_path() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Note {
            text: String,
            n: u8,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Notes {
            notes: std::collections::BTreeMap<String, Note>,
        }
        let e = fails::<Notes>(json!({"notes": {"a \"quoted\" [key]": {"text": "}{][\",:", "n": 300}}}));
        assert_eq!(e.path, "notes.a \"quoted\" [key].n");
    }

    #[test]
    fn path_at_names_each_kind_of_position() {
        let text = r#"{"a":[1,{"b":null}],"c":"x"}"#;
        assert_eq!(path_at(text, 0), "");
        assert_eq!(path_at(text, 1), "");
        assert_eq!(path_at(text, 4), "a");
        assert_eq!(path_at(text, 6), "a");
        assert_eq!(path_at(text, 7), "a[0]");
        assert_eq!(path_at(text, 9), "a[1]");
        assert_eq!(path_at(text, 12), "a[1].b");
        assert_eq!(path_at(text, 17), "a[1].b");
        assert_eq!(path_at(text, 18), "a[1]");
        assert_eq!(path_at(text, 19), "a");
        assert_eq!(path_at(text, 27), "c");
        assert_eq!(path_at(text, text.len()), "");
    }
}
