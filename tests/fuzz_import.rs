#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing the import entry point: no input may panic.
//!
//! `cargo fuzz` needs a nightly toolchain, which CI does not have, so this is a native,
//! deterministic mutation fuzzer. It starts from real files (golden files of every format
//! version and a generated workspace with meetings and stories) and mutates them at two
//! levels: the JSON tree (a value anywhere replaced by a hostile one, a field removed or
//! added, an array duplicated) and the raw text (bytes flipped, cut, repeated). Every input
//! goes through `decode_document` and, when it decodes, through the import plan and a
//! re-export, which must decode to the same workspace.
//!
//! The test suite runs a short pass (`FUZZ_CASES`, default 3,000 inputs). A long run:
//! `FUZZ_CASES=1000000 cargo test --release --test fuzz_import -- --nocapture`.

use chrono::{TimeZone, Utc};
use cultivate::model::generate::{generate, Rng, Sizes};
use cultivate::storage::format::{decode_document, encode_workspace, Document};
use cultivate::storage::import::plan;
use serde_json::{json, Value};

const SEEDS: [&str; 4] = [
    include_str!("fixtures/v1-generated.json"),
    include_str!("fixtures/v2-sample.json"),
    include_str!("fixtures/v3-sample.json"),
    include_str!("fixtures/v1-sample.json"),
];

fn hostile(rng: &mut Rng) -> Value {
    match rng.below(16) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(u64::MAX),
        4 => json!(1e308),
        5 => json!(""),
        6 => json!("<script>alert(1)</script>"),
        7 => json!("javascript:alert(1)"),
        8 => json!("x".repeat(25_000)),
        9 => json!([]),
        10 => json!({}),
        11 => json!("2026-02-30"),
        12 => json!("../../etc/passwd"),
        13 => json!("\u{0}\u{202e}\u{1F600}"),
        14 => json!(["a", 1, null]),
        _ => json!({ "id": "dup", "name": "x" }),
    }
}

/// Walks to a random node of `v` and changes it.
fn mutate_tree(v: &mut Value, rng: &mut Rng, depth: usize) {
    let descend = depth < 12 && rng.below(4) != 0;
    match v {
        Value::Object(map) if !map.is_empty() && descend => {
            let i = rng.below(map.len());
            let key = map.keys().nth(i).cloned().unwrap_or_default();
            if let Some(child) = map.get_mut(&key) {
                mutate_tree(child, rng, depth + 1);
            }
        }
        Value::Array(items) if !items.is_empty() && descend => {
            let i = rng.below(items.len());
            mutate_tree(&mut items[i], rng, depth + 1);
        }
        Value::Object(map) => match rng.below(3) {
            0 if !map.is_empty() => {
                let key = map.keys().nth(rng.below(map.len())).cloned().unwrap_or_default();
                map.remove(&key);
            }
            1 => {
                map.insert("unexpected".into(), hostile(rng));
            }
            _ => *v = hostile(rng),
        },
        Value::Array(items) => match rng.below(3) {
            0 if !items.is_empty() => {
                let copy = items[rng.below(items.len())].clone();
                items.push(copy);
            }
            1 => items.clear(),
            _ => *v = hostile(rng),
        },
        _ => *v = hostile(rng),
    }
}

fn mutate_text(text: &str, rng: &mut Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        let i = rng.below(bytes.len());
        match rng.below(4) {
            0 => bytes[i] = (rng.next_u64() & 0xff) as u8,
            1 => bytes.truncate(i),
            2 => {
                let end = (i + rng.below(64)).min(bytes.len());
                let chunk = bytes[i..end].to_vec();
                bytes.splice(i..i, chunk);
            }
            _ => {
                bytes.remove(i);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Decodes one input; when it is accepted, plans its import and checks it re-exports.
fn exercise(input: &str) -> bool {
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).single().unwrap();
    let Ok(doc) = decode_document(input) else {
        return false;
    };
    if let Document::Workspace(env) = &doc {
        let again = encode_workspace(&env.data, env.saved_at, env.revision, false);
        match decode_document(&again) {
            Ok(Document::Workspace(env2)) => assert_eq!(env2.data, env.data, "re-export changed the workspace"),
            other => panic!("an accepted workspace did not re-import: {:?}", other.err()),
        }
    }
    let _ = plan(doc, "fuzz.json", None, now);
    true
}

#[test]
fn no_input_panics_the_import() {
    let cases: usize = std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3_000);
    let generated = generate(
        3,
        Sizes {
            organisations: 2,
            people: 12,
            communities: 3,
            memberships_per_person: 2,
            meetings: 9,
            stories: 6,
        },
    );
    let generated = encode_workspace(&generated, generated.updated_at, 1, false);
    let mut seeds: Vec<(String, Value)> = SEEDS
        .iter()
        .map(|s| (s.to_string(), serde_json::from_str(s).expect("fixture is JSON")))
        .collect();
    seeds.push((generated.clone(), serde_json::from_str(&generated).expect("generated is JSON")));
    let mut rng = Rng::new(20261128);
    let (mut accepted, mut refused) = (0usize, 0usize);
    for i in 0..cases {
        let (text, tree) = &seeds[i % seeds.len()];
        let input = if rng.below(3) == 0 {
            mutate_text(text, &mut rng)
        } else {
            let mut t = tree.clone();
            for _ in 0..=rng.below(3) {
                mutate_tree(&mut t, &mut rng, 0);
            }
            t.to_string()
        };
        if exercise(&input) {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    println!("fuzzed {cases} inputs: {accepted} accepted, {refused} refused, no panic");
    assert_eq!(accepted + refused, cases);
    assert!(refused > 0, "the mutations never produced a bad file: the fuzzer is not mutating");
    assert!(accepted > 0, "no mutated file was ever accepted: the seeds may be broken");
}

#[test]
fn every_seed_decodes_before_mutation() {
    for (i, s) in SEEDS.iter().enumerate() {
        assert!(exercise(s), "seed {i} does not decode");
    }
}
